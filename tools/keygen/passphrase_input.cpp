// The terminal is read through /dev/tty with ECHO off (termios), and a signal during the prompt
// restores the terminal before the program ends, so an interrupted prompt never leaves it silent.
#include "passphrase_input.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <stdexcept>

namespace madoguchi::keygen {
namespace {

constexpr std::size_t kMaxBytes = 1024;

int g_tty = -1;
termios g_saved_tty;

void restore_tty_and_die(int sig) {
  tcsetattr(g_tty, TCSAFLUSH, &g_saved_tty);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void say(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = write(fd, text.data(), text.size());
    if (n <= 0) return;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Reads one line from `fd` into `out`, one byte at a time so nothing is buffered outside it.
void read_line(int fd, Passphrase& out) {
  char c;
  while (read(fd, &c, 1) == 1 && c != '\n') out.push_back(c);
  sodium_memzero(&c, sizeof c);
}

Passphrase prompt(int tty, std::string_view question) {
  // Echo goes off (dropping type-ahead) before the question shows: what is typed after it must be kept,
  // and TCSAFLUSH after the question would throw away an answer typed quickly.
  termios quiet = g_saved_tty;
  quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
  tcsetattr(tty, TCSAFLUSH, &quiet);
  say(tty, question);
  struct EchoBack {
    int fd;
    ~EchoBack() {
      tcsetattr(fd, TCSANOW, &g_saved_tty);
      say(fd, "\n");  // the Enter key was not echoed either
    }
  } echo_back{tty};
  Passphrase p;
  read_line(tty, p);
  return p;
}

// Runs `ask` with the controlling terminal open and the signal handlers that restore it in place.
template <typename Ask>
Passphrase on_terminal(Ask ask) {
  const int tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (tty < 0 || tcgetattr(tty, &g_saved_tty) != 0) {
    if (tty >= 0) close(tty);
    throw std::runtime_error("there is no terminal to ask for the passphrase on: give it with --passphrase-file FILE");
  }
  g_tty = tty;
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) std::signal(sig, restore_tty_and_die);
  struct Restore {
    int fd;
    ~Restore() {
      for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) std::signal(sig, SIG_DFL);
      close(fd);
    }
  } restore{tty};
  return ask(tty);
}

}  // namespace

Passphrase::Passphrase() : bytes_(kMaxBytes) {}

void Passphrase::push_back(char c) {
  if (size_ == kMaxBytes) throw std::runtime_error("the passphrase is longer than 1024 bytes: use a shorter one");
  bytes_.data()[size_++] = static_cast<std::uint8_t>(c);
}

void Passphrase::pop_back() { bytes_.data()[--size_] = 0; }

std::size_t Passphrase::characters() const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < size_; ++i) n += (bytes_.data()[i] & 0xC0) != 0x80;
  return n;
}

bool Passphrase::operator==(const Passphrase& other) const {
  return size_ == other.size_ && sodium_memcmp(bytes_.data(), other.bytes_.data(), size_) == 0;
}

Passphrase ask_passphrase(std::string_view question) {
  return on_terminal([&](int tty) { return prompt(tty, question); });
}

Passphrase ask_new_passphrase() {
  return on_terminal([](int tty) {
    say(tty, "The passphrase is not shown as you type. Use at least 12 characters; a few unrelated words are easy to remember.\n");
    Passphrase first = prompt(tty, "Passphrase for the new ward key: ");
    Passphrase again = prompt(tty, "Type it again: ");
    if (!(first == again)) throw std::runtime_error("the two passphrases differ: nothing was written; run the command again");
    return first;
  });
}

Passphrase read_passphrase_file(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(path + ": cannot read the passphrase file (" + std::strerror(errno) + ")");
  Passphrase p;
  try {
    read_line(fd, p);
  } catch (...) {
    close(fd);
    throw;
  }
  close(fd);
  if (!p.view().empty() && p.view().back() == '\r') p.pop_back();  // a file saved with Windows line ends
  if (p.view().empty()) throw std::runtime_error(path + ": the first line is empty: put the passphrase on it");
  return p;
}

void require_strong_passphrase(const Passphrase& passphrase) {
  if (passphrase.characters() < kMinPassphraseCharacters)
    throw std::runtime_error("the passphrase has " + std::to_string(passphrase.characters()) +
                             " characters; use at least 12 (a few unrelated words are easy to remember): nothing was written");
}

}  // namespace madoguchi::keygen

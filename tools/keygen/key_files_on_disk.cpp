// POSIX open(O_EXCL) with an explicit mode: the secret file is never group- or world-readable, not
// even for a moment, whatever the umask allows.
#include "key_files_on_disk.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace madoguchi::keygen {
namespace {

std::runtime_error failure(const fs::path& path, std::string_view what) {
  return std::runtime_error(path.string() + ": " + std::string(what) + " (" + std::strerror(errno) + ")");
}

void make_private_folder(const fs::path& dir) {
  if (dir.empty() || fs::exists(dir)) return;
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_all);
}

}  // namespace

void write_new_file(const fs::path& path, std::string_view text, mode_t mode) {
  make_private_folder(path.parent_path());
  if (fs::exists(path)) throw std::runtime_error(path.string() + ": already exists; nothing was replaced");
  fs::path tmp = path;
  tmp += ".tmp";
  const int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) throw failure(tmp, "cannot create");
  bool ok = fchmod(fd, mode) == 0;
  for (std::string_view rest = text; ok && !rest.empty();) {
    const ssize_t n = write(fd, rest.data(), rest.size());
    ok = n > 0;
    if (ok) rest.remove_prefix(static_cast<std::size_t>(n));
  }
  ok = ok && fsync(fd) == 0;
  ok = close(fd) == 0 && ok;
  // link() fails if `path` appeared meanwhile, where rename() would replace it.
  ok = ok && link(tmp.c_str(), path.c_str()) == 0;
  const auto error = failure(path, "cannot write");
  unlink(tmp.c_str());
  if (!ok) throw error;
}

void replace_file(const fs::path& path, std::string_view text) {
  if (!path.parent_path().empty()) fs::create_directories(path.parent_path());  // a public file: no need to hide the folder
  fs::path tmp = path;
  tmp += ".new";
  fs::remove(tmp);
  write_new_file(tmp, text, 0644);
  fs::rename(tmp, path);
}

std::string read_text_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw failure(path, "cannot read");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

FolderKeys keys_in_folder(const fs::path& dir) {
  FolderKeys keys;
  if (!fs::is_directory(dir)) return keys;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name.size() <= 5 || !name.ends_with(".json")) continue;
    if (name.ends_with(kSecretSuffix))
      keys.secret.push_back(name.substr(0, name.size() - kSecretSuffix.size()));
    else
      keys.pub.push_back(name.substr(0, name.size() - 5));
  }
  std::sort(keys.secret.begin(), keys.secret.end());
  std::sort(keys.pub.begin(), keys.pub.end());
  return keys;
}

FolderLock::FolderLock(const fs::path& dir) {
  make_private_folder(dir);
  const fs::path path = dir / ".lock";
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) throw failure(path, "cannot create the lock file");
  if (flock(fd_, LOCK_EX) != 0) {
    const auto error = failure(path, "cannot lock");
    close(fd_);
    throw error;
  }
}

FolderLock::~FolderLock() { close(fd_); }  // closing releases the flock

std::string today_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char out[11];
  std::strftime(out, sizeof out, "%Y-%m-%d", &utc);
  return out;
}

}  // namespace madoguchi::keygen

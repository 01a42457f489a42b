// madoguchi-inbox: ward staff fetch, open and file new submissions (fetch), answer a resident with a
// status and a note sealed to the resident's reply key (reply), and read the residents' anonymous rating
// counts (ratings). README.md beside this file is the manual.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/catalog_loader.hpp"
#include "core/rating.hpp"
#include "crypto/sodium_runtime.hpp"
#include "crypto/ward_key_file.hpp"
#include "inbox_batch.hpp"
#include "passphrase_input.hpp"
#include "rating_report.hpp"
#include "resident_reply.hpp"
#include "saved_submission.hpp"
#include "staff_client.hpp"

namespace fs = std::filesystem;
using namespace madoguchi;
using namespace madoguchi::inbox;

namespace {

int usage() {
  std::cerr << "usage:\n"
               "  madoguchi-inbox fetch --server URL --token-file FILE --key FILE.secret.json [--key ...]\n"
               "                        --out DIR [--passphrase-file FILE] [--catalog FILE] [--no-mark]\n"
               "      opens every new submission into DIR/<procedure>/<receipt>/, DIR/<procedure>.csv\n"
               "  madoguchi-inbox reply --server URL --token-file FILE --out DIR --receipt RECEIPT\n"
               "                        --status STATUS [--message-file FILE]\n"
               "      sets the status the resident sees; the note (UTF-8 text) is sealed to the resident\n"
               "  madoguchi-inbox ratings --server URL --token-file FILE [--month YYYY-MM] [--csv]\n"
               "      residents' ratings per procedure and ended month: count, average, and how many gave 1 to 5\n"
               "  tools/inbox/README.md explains each.\n";
  return 2;
}

std::string read_text(const fs::path& file, const char* what) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  if (!in) throw std::runtime_error("cannot read the " + std::string(what) + " " + file.string());
  return s.str();
}

std::string first_line(std::string text) {
  text = text.substr(0, text.find_first_of("\r\n"));
  if (text.empty()) throw std::runtime_error("the token file is empty: put the staff token on its first line");
  return text;
}

struct Options {
  std::string server, token_file, out, passphrase_file, catalog, receipt, status, message_file, month;
  std::vector<std::string> keys;
  bool mark = true;
  bool csv = false;
};

bool parse(const std::vector<std::string>& args, Options& o) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--no-mark") {
      o.mark = false;
      continue;
    }
    if (a == "--csv") {
      o.csv = true;
      continue;
    }
    if (i + 1 >= args.size()) return false;
    const std::string& v = args[++i];
    if (a == "--server") o.server = v;
    else if (a == "--token-file") o.token_file = v;
    else if (a == "--key") o.keys.push_back(v);
    else if (a == "--out") o.out = v;
    else if (a == "--passphrase-file") o.passphrase_file = v;
    else if (a == "--catalog") o.catalog = v;
    else if (a == "--receipt") o.receipt = v;
    else if (a == "--status") o.status = v;
    else if (a == "--message-file") o.message_file = v;
    else if (a == "--month") o.month = v;
    else return false;
  }
  return !o.server.empty() && !o.token_file.empty();
}

// One passphrase opens every key file given (a ward rotating keys keeps them under the same one);
// it is asked only once and wiped when the keys are read.
std::vector<crypto::WardKeyPair> open_keys(const Options& o) {
  keygen::Passphrase passphrase = o.passphrase_file.empty() ? keygen::ask_passphrase("Passphrase of the ward key: ")
                                                            : keygen::read_passphrase_file(o.passphrase_file);
  std::vector<crypto::WardKeyPair> keys;
  for (const auto& file : o.keys) {
    auto pair = crypto::read_ward_key_file(read_text(file, "key file"), passphrase.view());
    if (auto* e = std::get_if<crypto::WardKeyFileError>(&pair)) throw std::runtime_error(file + ": " + e->detail);
    keys.push_back(std::get<crypto::WardKeyPair>(std::move(pair)));
  }
  return keys;
}

Catalog load(const Options& o, StaffClient& client) {
  // By default the catalog residents were served, so the CSV columns match the forms they filled.
  const std::string text = o.catalog.empty() ? client.public_file("/catalog.json") : read_text(o.catalog, "catalog");
  CatalogLoad loaded = load_catalog_bundle(text);
  if (!loaded.catalog) throw std::runtime_error("the catalog does not load: " + loaded.problems.front().to_string());
  return std::move(*loaded.catalog);
}

int fetch(const Options& o) {
  if (o.keys.empty() || o.out.empty()) return usage();
  std::vector<crypto::WardKeyPair> keys = open_keys(o);
  StaffClient client(o.server, first_line(read_text(o.token_file, "token file")));
  const Catalog catalog = load(o, client);
  const BatchReport report = run_batch(client, keys, catalog, {o.out, o.mark});
  for (const auto& line : report.lines) std::cout << line << '\n';
  std::cout << report.opened << " opened, " << report.set_aside << " set aside"
            << (report.set_aside ? " (see " + (fs::path(o.out) / "set-aside").string() + ")" : std::string()) << '\n';
  return report.set_aside ? 3 : 0;
}

int reply(const Options& o) {
  if (o.out.empty() || o.receipt.empty() || o.status.empty()) return usage();
  const std::string message = o.message_file.empty() ? std::string() : read_text(o.message_file, "message file");
  std::string sealed;
  if (!message.empty()) {
    const SavedSubmission saved = find_saved_submission(o.out, o.receipt);
    sealed = seal_resident_reply(saved.reply_key, o.status, message);
  }
  StaffClient client(o.server, first_line(read_text(o.token_file, "token file")));
  client.set_status(o.receipt, o.status, sealed);
  std::cout << o.receipt << ": status " << o.status << (sealed.empty() ? "" : ", with a sealed note") << '\n';
  return 0;
}

int ratings(const Options& o) {
  if (!o.month.empty() && !is_rating_month(o.month)) {
    std::cerr << "madoguchi-inbox: --month " << o.month << " is not YYYY-MM (e.g. 2026-12)\n";
    return 2;
  }
  StaffClient client(o.server, first_line(read_text(o.token_file, "token file")));
  const RatingReport report = client.ratings(o.month);
  if (o.csv) {
    std::cout << rating_csv(report.rows);
    std::cerr << rating_notes(report, o.month);
  } else {
    std::cout << rating_text(report, o.month);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string command = argv[1];
  Options options;
  if (!parse({argv + 2, argv + argc}, options)) return usage();
  try {
    if (!crypto::ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
    if (command == "fetch") return fetch(options);
    if (command == "reply") return reply(options);
    if (command == "ratings") return ratings(options);
    return usage();
  } catch (const std::exception& e) {
    std::cerr << "madoguchi-inbox: " << e.what() << '\n';
    return 1;
  }
}

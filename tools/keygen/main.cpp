// madoguchi-keygen: makes the ward's key pairs (new), the development key pair (dev) and the site's
// keys.json of pinned public keys (bundle). README.md beside this file is the manual.
#include <algorithm>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "crypto/ward_key_file.hpp"
#include "key_files_on_disk.hpp"
#include "passphrase_input.hpp"
#include "public_key_file.hpp"

namespace fs = std::filesystem;
using namespace madoguchi;
using namespace madoguchi::keygen;

namespace {

constexpr std::string_view kDevPassphrase = "development";

int usage() {
  std::cerr << "usage:\n"
               "  madoguchi-keygen new --out DIR [--label TEXT] [--passphrase-file FILE]\n"
               "      a new ward key pair: DIR/<key_id>.secret.json (encrypted, mode 0600) and DIR/<key_id>.json\n"
               "  madoguchi-keygen dev DIR\n"
               "      the development key pair (passphrase \"development\"), made only when DIR has none\n"
               "  madoguchi-keygen bundle --out FILE DIR...\n"
               "      the site's keys.json from the public key files (*.json, not *.secret.json) in the DIRs\n"
               "  tools/keygen/README.md explains each.\n";
  return 2;
}

fs::path secret_path(const fs::path& dir, std::string_view id) { return dir / (std::string(id) + std::string(kSecretSuffix)); }
fs::path public_path(const fs::path& dir, std::string_view id) { return dir / (std::string(id) + ".json"); }

// Writes both files of a new pair, after checking the secret file opens again with the passphrase.
void write_pair(const fs::path& dir, const crypto::WardKeyPair& pair, std::string_view passphrase,
                const std::string& label, crypto::KdfLimits limits) {
  const std::string created = today_utc();
  const std::string secret_text = crypto::write_ward_key_file(pair, passphrase, label, created, limits);
  if (!std::holds_alternative<crypto::WardKeyPair>(crypto::read_ward_key_file(secret_text, passphrase)))
    throw std::runtime_error("the new key file did not open again with its passphrase: nothing was written");
  write_new_file(secret_path(dir, pair.public_key.key_id), secret_text, 0600);
  write_new_file(public_path(dir, pair.public_key.key_id), public_key_file_text({pair.public_key, created, label}), 0644);
}

int command_new(const std::vector<std::string>& args) {
  std::string out, label, passphrase_file;
  for (std::size_t i = 0; i < args.size(); i += 2) {
    if (i + 1 >= args.size()) return usage();
    if (args[i] == "--out") out = args[i + 1];
    else if (args[i] == "--label") label = args[i + 1];
    else if (args[i] == "--passphrase-file") passphrase_file = args[i + 1];
    else return usage();
  }
  if (out.empty()) return usage();
  Passphrase passphrase = passphrase_file.empty() ? ask_new_passphrase() : read_passphrase_file(passphrase_file);
  require_strong_passphrase(passphrase);
  std::cout << "Making the key pair and encrypting the secret key (Argon2id, 256 MiB: a second or two)..." << std::endl;
  const crypto::WardKeyPair pair = crypto::generate_ward_key_pair();
  write_pair(out, pair, passphrase.view(), label, crypto::kWardKeyFileLimits);
  const std::string& id = pair.public_key.key_id;
  std::cout << "key id:     " << id << "\n"
            << "public key: " << crypto::public_key_base64(pair.public_key) << "\n"
            << "secret key: " << secret_path(out, id).string() << " (encrypted under your passphrase)\n"
            << "public key: " << public_path(out, id).string() << "\n\n"
            << "Next: copy " << public_path(out, id).string() << " into assets/keys/ and rebuild the site.\n"
            << "Keep " << secret_path(out, id).filename().string()
            << " on the staff computer, with an offline backup copy; never put it in assets/ or in git.\n"
            << "Without the file and its passphrase, submissions sealed to this key cannot be opened.\n";
  return 0;
}

int command_dev(const std::vector<std::string>& args) {
  if (args.size() != 1) return usage();
  const fs::path dir = args[0];
  const FolderLock lock(dir);
  FolderKeys keys = keys_in_folder(dir);
  for (const auto& id : keys.pub)
    if (std::find(keys.secret.begin(), keys.secret.end(), id) == keys.secret.end())
      throw std::runtime_error(public_path(dir, id).string() + " has no secret key file beside it, so nothing sealed to it " +
                               "could be opened: delete " + dir.string() + " and run this again for a new development key");
  if (keys.secret.empty()) {
    const crypto::WardKeyPair pair = crypto::generate_ward_key_pair();
    write_pair(dir, pair, kDevPassphrase, "Development key (passphrase \"development\"): never for residents' data",
               crypto::kDevelopmentKeyLimits);
    std::cout << "made a development key pair in " << dir.string() << ": key id " << pair.public_key.key_id
              << ", passphrase \"development\" (development builds only)\n";
    return 0;
  }
  for (const auto& id : keys.secret) {
    if (std::find(keys.pub.begin(), keys.pub.end(), id) == keys.pub.end()) {
      // The public file can be rebuilt from the secret one, which names its key in the clear.
      auto info = crypto::inspect_ward_key_file(read_text_file(secret_path(dir, id)));
      if (auto* e = std::get_if<crypto::WardKeyFileError>(&info))
        throw std::runtime_error(secret_path(dir, id).string() + ": " + e->detail);
      const auto& i = std::get<crypto::WardKeyFileInfo>(info);
      write_new_file(public_path(dir, id), public_key_file_text({i.public_key, i.created, i.label}), 0644);
    }
    std::cout << "development key " << id << " in " << dir.string() << " (passphrase \"development\")\n";
  }
  return 0;
}

int command_bundle(const std::vector<std::string>& args) {
  if (args.size() < 3 || args[0] != "--out") return usage();
  const fs::path out = args[1];
  std::vector<PublicKeyFile> keys;
  std::map<std::string, fs::path> seen;  // key id -> the file it came from
  std::vector<std::string> problems;
  for (std::size_t d = 2; d < args.size(); ++d) {
    const fs::path dir = args[d];
    if (!fs::is_directory(dir)) {
      problems.push_back(dir.string() + ": not a folder: give folders of public key files, e.g. assets/keys");
      continue;
    }
    for (const auto& id : keys_in_folder(dir).pub) {
      const fs::path file = public_path(dir, id);
      auto parsed = parse_public_key_file(read_text_file(file), file.filename().string());
      if (auto* problem = std::get_if<std::string>(&parsed)) {
        problems.push_back(file.string() + ": " + *problem);
        continue;
      }
      auto& key = std::get<PublicKeyFile>(parsed);
      if (auto [it, fresh] = seen.emplace(key.key.key_id, file); !fresh) {
        problems.push_back(file.string() + ": the same key as " + it->second.string() + ": keep only one of them");
        continue;
      }
      keys.push_back(std::move(key));
    }
  }
  for (const auto& p : problems) std::cerr << p << "\n";
  if (!problems.empty()) {
    std::cerr << "madoguchi-keygen: " << out.string() << " was not written (" << problems.size() << " problem(s))\n";
    return 1;
  }
  if (keys.empty())
    std::cerr << "madoguchi-keygen: warning: no public keys found, so the app cannot send submissions: "
                 "add the ward's public key file to assets/keys/\n";
  replace_file(out, key_list_json(keys));
  std::cout << out.string() << ": " << keys.size() << " key(s)";
  for (const auto& k : keys) std::cout << " " << k.key.key_id;
  std::cout << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  try {
    if (command == "new") return command_new(args);
    if (command == "dev") return command_dev(args);
    if (command == "bundle") return command_bundle(args);
    return usage();
  } catch (const std::exception& e) {
    std::cerr << "madoguchi-keygen: " << e.what() << "\n";
    return 1;
  }
}

// Key files on disk: writing one without ever replacing another (the secret one readable by its
// owner only), reading one, which key ids a folder holds, and a lock on the folder.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::keygen {

inline constexpr std::string_view kSecretSuffix = ".secret.json";

// Creates `path` with `mode` (its folder too, owner-only, when missing) through a temporary file, so a
// reader never sees half a file; throws std::runtime_error when the path exists or cannot be written.
void write_new_file(const std::filesystem::path& path, std::string_view text, mode_t mode);

// Writes `path` (mode 0644) whether or not it exists, through a temporary file renamed over it.
void replace_file(const std::filesystem::path& path, std::string_view text);

std::string read_text_file(const std::filesystem::path& path);  // throws std::runtime_error

struct FolderKeys {
  std::vector<std::string> secret;  // key ids of <id>.secret.json files
  std::vector<std::string> pub;     // key ids of <id>.json files
};
FolderKeys keys_in_folder(const std::filesystem::path& dir);  // sorted; empty when the folder is missing

// An exclusive flock on DIR/.lock (making DIR, owner-only, when missing) until destroyed, so two builds
// sharing the development key folder do not both make a key.
class FolderLock {
 public:
  explicit FolderLock(const std::filesystem::path& dir);  // throws std::runtime_error
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_;
};

std::string today_utc();  // YYYY-MM-DD

}  // namespace madoguchi::keygen

// Looks up the filed submission and seals a note for its resident.
#include "resident_reply.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <stdexcept>

#include "crypto/byte_text.hpp"
#include "crypto/reply_message.hpp"

namespace madoguchi::inbox {

namespace fs = std::filesystem;

SavedSubmission find_saved_submission(const fs::path& out, const std::string& receipt) {
  std::string upper = receipt;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  std::error_code ec;
  for (const auto& procedure : fs::directory_iterator(out, ec)) {
    const fs::path file = procedure.path() / upper / "submission.json";
    if (!procedure.is_directory() || !fs::exists(file)) continue;
    std::string error;
    if (auto saved = read_saved_submission(file, error)) return *saved;
    throw std::runtime_error(error);
  }
  throw std::runtime_error("no submission " + upper + " under " + out.string() +
                           ": run madoguchi-inbox fetch first, with the same --out folder");
}

std::string seal_resident_reply(const std::array<std::uint8_t, 32>& reply_key, const std::string& status,
                                const std::string& text) {
  const std::string note = boost::json::serialize(boost::json::object{{"status", status}, {"text", text}});
  const auto sealed = crypto::seal_reply({reinterpret_cast<const std::uint8_t*>(note.data()), note.size()}, reply_key);
  return crypto::to_base64(sealed);
}

}  // namespace madoguchi::inbox

// The UI's own words (i18n/<language>.json), looked up by key with {placeholders} filled in.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace madoguchi {

class Messages {
 public:
  // Adds one language's file; returns an empty string, or what is wrong with the file.
  std::string load(std::string_view language, std::string_view json_text);

  // The message in the first language of fallback_languages(language) that has it, else the key
  // itself (visible, so a gap is noticed).
  std::string_view get(std::string_view language, std::string_view key) const;
  std::string format(std::string_view language, std::string_view key,
                     const std::vector<std::pair<std::string_view, std::string>>& values) const;

  std::vector<std::string> languages() const;
  bool has_language(std::string_view language) const { return by_language_.find(language) != by_language_.end(); }
  void for_each_text_in(std::string_view language, const std::function<void(std::string_view)>& visit) const;

 private:
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> by_language_;
};

}  // namespace madoguchi

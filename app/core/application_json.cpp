// Application answers <-> JSON: groups become arrays of objects, every answer a string.
#include "application_json.hpp"

#include <boost/json.hpp>

#include "json_text.hpp"

namespace madoguchi {

namespace json = boost::json;

namespace {

json::object answers_of(const std::vector<FieldSpec>& fields, const FormValues& values, const std::string& prefix) {
  json::object out;
  for (const auto& spec : fields) {
    const std::string path = prefix + spec.id;
    if (spec.kind == FieldKind::Group) {
      const int count = values.item_count(path);
      if (count == 0) continue;
      json::array items;
      for (int i = 0; i < count; ++i)
        items.push_back(answers_of(spec.fields, values, path + "[" + std::to_string(i) + "]."));
      out[spec.id] = std::move(items);
    } else if (auto value = values.get(path)) {
      out[spec.id] = json::string(*value);
    }
  }
  return out;
}

// Paths go into the error, never values: an application holds a resident's personal data.
bool read_answers(const json::object& object, const std::string& prefix, const std::string& where, FormValues& out,
                  std::string& error) {
  for (const auto& [key, value] : object) {
    const std::string id(key);
    const std::string at = where + "." + id;
    if (id.empty() || id.find_first_of("[].") != std::string::npos) {
      error = at + ": a field id may not be empty or contain '[', ']' or '.'";
      return false;
    }
    if (value.is_string()) {
      out.set(prefix + id, std::string(value.get_string()));
    } else if (value.is_array()) {
      const auto& items = value.get_array();
      out.set_item_count(prefix + id, static_cast<int>(items.size()));
      for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string index = "[" + std::to_string(i) + "]";
        if (!items[i].is_object()) {
          error = at + index + ": an item of a repeat group must be an object";
          return false;
        }
        if (!read_answers(items[i].get_object(), prefix + id + index + ".", at + index, out, error)) return false;
      }
    } else {
      error = at + ": an answer must be a string, or an array of objects for a repeat group";
      return false;
    }
  }
  return true;
}

}  // namespace

std::string application_json(const FormSpec& form, const FormValues& accepted, std::string_view language) {
  const json::object application{{"answers", answers_of(form.fields, accepted, "")},
                                 {"language", json::string(language)}};
  return json::serialize(application);
}

ApplicationRead read_application_json(std::string_view text) {
  ApplicationRead read;
  ParsedJson parsed = parse_json_text(text);
  if (parsed.error) {
    read.error = "line " + std::to_string(parsed.error->line) + ", column " + std::to_string(parsed.error->column) +
                 ": " + parsed.error->what;
    return read;
  }
  const json::object* root = parsed.value.if_object();
  const json::value* answers = root ? root->if_contains("answers") : nullptr;
  const json::value* language = root ? root->if_contains("language") : nullptr;
  if (!answers || !answers->is_object() || !language || !language->is_string()) {
    read.error = "$: an application is an object with \"answers\" (an object) and \"language\" (a string)";
    return read;
  }
  ApplicationAnswers result{std::string(language->get_string()), {}};
  if (!read_answers(answers->get_object(), "", "$.answers", result.values, read.error)) return read;
  read.answers = std::move(result);
  return read;
}

}  // namespace madoguchi

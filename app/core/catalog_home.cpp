// Writes home's part of the catalog: a tenth of the whole catalog's bytes, so a first visit's home is
// drawn without waiting for the checklists and forms behind it.
#include "catalog_home.hpp"

#include <boost/json.hpp>
#include <initializer_list>

namespace madoguchi {
namespace json = boost::json;
namespace {

json::object kept(const json::object& from, std::initializer_list<std::string_view> keys) {
  json::object out;
  for (std::string_view key : keys)
    if (const auto* v = from.if_contains(key)) out[key] = *v;
  return out;
}

json::value home_part(std::string_view path, const json::value& content) {
  if (path == kManifestPath) return content;
  const json::object& file = content.as_object();
  if (file.at("kind").as_string() == "procedure") return kept(file, {"kind", "id", "title", "search"});
  json::object event = kept(file, {"kind", "id", "title", "summary", "search"});
  json::array listed;
  for (const auto& entry : file.at("procedures").as_array())
    listed.push_back(json::object{{"procedure", entry.as_object().at("procedure")}});
  event["procedures"] = std::move(listed);
  return event;
}

}  // namespace

std::string make_home_bundle(const std::vector<SourceFile>& files) {
  std::vector<SourceFile> parts;
  for (const auto& f : files) parts.push_back({f.path, json::serialize(home_part(f.path, json::parse(f.text)))});
  return make_catalog_bundle(parts, kHomeBundleFormat);
}

}  // namespace madoguchi

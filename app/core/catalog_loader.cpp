// Checks catalog files against format 1 (assets/catalog/README.md) and across files, collecting
// every problem rather than stopping at the first, so one lint run lists all there is to fix.
#include "catalog_loader.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <initializer_list>
#include <set>

#include "json_text.hpp"

namespace madoguchi {
namespace json = boost::json;

std::string CatalogProblem::to_string() const { return file + ": " + where + ": " + message; }

namespace {

constexpr std::string_view kManifestFormat = "madoguchi-catalog/1";
constexpr std::string_view kBundleFormat = "madoguchi-catalog-bundle/1";

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// ^[a-z0-9]+(-[a-z0-9]+)*$ checked by hand: std::regex would add ~100 KB to the wasm.
bool is_valid_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

// Reads one file's JSON, reporting each problem with the file name and the JSON path.
class FileReader {
 public:
  FileReader(std::string file, const std::vector<std::string>& languages, std::vector<CatalogProblem>& problems)
      : file_(std::move(file)), languages_(languages), problems_(problems) {}

  void fail(const std::string& path, std::string message) { problems_.push_back({file_, path, std::move(message)}); }
  const std::string& file() const { return file_; }

  const json::object* object_at(const json::value& v, const std::string& path) {
    if (const auto* obj = v.if_object()) return obj;
    fail(path, "expected an object ({...}), found " + kind_of(v));
    return nullptr;
  }

  // Reports missing required keys and keys the format does not know (a misspelling must not pass).
  void check_keys(const json::object& obj, const std::string& path, std::initializer_list<std::string_view> required,
                  std::initializer_list<std::string_view> optional = {}) {
    for (auto key : required)
      if (!obj.contains(key)) fail(path, "missing key " + quoted(key) + ": add it (see assets/catalog/README.md)");
    for (const auto& kv : obj) {
      std::string_view key = kv.key();
      bool known = std::find(required.begin(), required.end(), key) != required.end() ||
                   std::find(optional.begin(), optional.end(), key) != optional.end();
      if (!known) {
        std::vector<std::string> allowed(required.begin(), required.end());
        allowed.insert(allowed.end(), optional.begin(), optional.end());
        fail(path + "." + std::string(key),
             "unknown key " + quoted(key) + ": remove it or correct its spelling (allowed here: " + joined(allowed) + ")");
      }
    }
  }

  std::string string_at(const json::object& obj, std::string_view key, const std::string& path) {
    const auto* v = obj.if_contains(key);
    if (!v) return {};
    if (const auto* s = v->if_string(); s && !s->empty()) return std::string(*s);
    fail(path + "." + std::string(key), "expected a non-empty string, found " + kind_of(*v));
    return {};
  }

  std::optional<long long> integer_at(const json::object& obj, std::string_view key, const std::string& path,
                                      long long min) {
    const auto* v = obj.if_contains(key);
    if (!v) return std::nullopt;
    std::optional<long long> n;
    if (v->is_int64()) n = v->get_int64();
    if (v->is_uint64() && v->get_uint64() <= 1'000'000'000ULL) n = static_cast<long long>(v->get_uint64());
    if (!n || *n < min) {
      fail(path + "." + std::string(key), "expected a whole number of at least " + std::to_string(min) + ", found " +
                                              json::serialize(*v));
      return std::nullopt;
    }
    return n;
  }

  std::optional<bool> bool_at(const json::object& obj, std::string_view key, const std::string& path) {
    const auto* v = obj.if_contains(key);
    if (!v) return std::nullopt;
    if (v->is_bool()) return v->get_bool();
    fail(path + "." + std::string(key), "expected true or false, found " + kind_of(*v));
    return std::nullopt;
  }

  LocalizedText text_at(const json::object& obj, std::string_view key, const std::string& path) {
    const auto* v = obj.if_contains(key);
    return v ? text(*v, path + "." + std::string(key)) : LocalizedText{};
  }

  // A localized text must have a non-empty string in exactly the catalog's languages.
  LocalizedText text(const json::value& v, const std::string& path) {
    LocalizedText out;
    const auto* obj = v.if_object();
    if (!obj) {
      fail(path, "expected a text in every language, like {\"ja\": \"...\", \"en\": \"...\"}, found " + kind_of(v));
      return out;
    }
    for (const auto& lang : languages_) {
      const auto* s = obj->if_contains(lang);
      if (!s) {
        fail(path, "missing text for " + quoted(lang) + ": add " + quoted(lang) + ": \"...\"");
      } else if (!s->is_string() || s->get_string().empty()) {
        fail(path + "." + lang, "expected a non-empty string, found " + kind_of(*s));
      } else {
        out.by_language.emplace(lang, std::string(s->get_string()));
      }
    }
    for (const auto& kv : *obj)
      if (std::find(languages_.begin(), languages_.end(), kv.key()) == languages_.end())
        fail(path + "." + std::string(kv.key()), "language " + quoted(kv.key()) +
                                                     " is not in catalog.json's \"languages\": remove it or add the language there");
    return out;
  }

  static std::string kind_of(const json::value& v) {
    switch (v.kind()) {
      case json::kind::null: return "null";
      case json::kind::bool_: return "true/false";
      case json::kind::int64:
      case json::kind::uint64:
      case json::kind::double_: return "a number";
      case json::kind::string: return v.get_string().empty() ? "an empty string" : "a string";
      case json::kind::array: return "a list";
      case json::kind::object: return "an object";
    }
    return "something else";
  }

 private:
  std::string file_;
  const std::vector<std::string>& languages_;
  std::vector<CatalogProblem>& problems_;
};

struct Document {
  std::string path;
  json::value content;
};

std::vector<std::string> read_languages(FileReader& r, const json::object& manifest) {
  std::vector<std::string> langs;
  const auto* v = manifest.if_contains("languages");
  const auto* arr = v ? v->if_array() : nullptr;
  if (v && !arr) r.fail("$.languages", "expected a list of language tags such as [\"ja\", \"en\"]");
  if (arr) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const auto* s = (*arr)[i].if_string();
      if (!s || s->empty())
        r.fail("$.languages[" + std::to_string(i) + "]", "expected a language tag such as \"ja\"");
      else
        langs.emplace_back(*s);
    }
  }
  if (v && std::find(langs.begin(), langs.end(), kJapanese) == langs.end())
    r.fail("$.languages", "must include \"ja\": Japanese is the catalog's authoritative language");
  return langs;
}

void read_deadline(FileReader& r, const json::object& proc, Deadline& out) {
  const auto* v = proc.if_contains("deadline");
  if (!v) return;
  const auto* obj = r.object_at(*v, "$.deadline");
  if (!obj) return;
  std::string rule = r.string_at(*obj, "rule", "$.deadline");
  if (rule == "within-days") {
    out.rule = DeadlineRule::WithinDays;
    r.check_keys(*obj, "$.deadline", {"rule", "days", "count_first_day", "from", "basis"});
    out.days = static_cast<int>(r.integer_at(*obj, "days", "$.deadline", 1).value_or(0));
    out.count_first_day = r.bool_at(*obj, "count_first_day", "$.deadline").value_or(false);
    out.from = r.text_at(*obj, "from", "$.deadline");
  } else if (rule == "before-event" || rule == "none") {
    out.rule = rule == "none" ? DeadlineRule::None : DeadlineRule::BeforeEvent;
    r.check_keys(*obj, "$.deadline", {"rule", "basis"});
  } else if (obj->contains("rule")) {
    r.fail("$.deadline.rule", "unknown rule " + quoted(rule) + ": use \"within-days\", \"before-event\" or \"none\"");
  } else {
    r.check_keys(*obj, "$.deadline", {"rule", "basis"});
  }
  out.basis = r.text_at(*obj, "basis", "$.deadline");
}

void read_online(FileReader& r, const json::object& proc, OnlineAvailability& out) {
  const auto* v = proc.if_contains("online");
  if (!v) return;
  const auto* obj = r.object_at(*v, "$.online");
  if (!obj) return;
  out.available = r.bool_at(*obj, "available", "$.online").value_or(false);
  if (out.available) {
    r.check_keys(*obj, "$.online", {"available"});
    return;
  }
  r.check_keys(*obj, "$.online", {"available", "reason", "instead"});
  std::string reason = r.string_at(*obj, "reason", "$.online");
  if (reason == "law-requires-presence") out.reason = OfflineReason::LawRequiresPresence;
  else if (reason == "other-body-rule") out.reason = OfflineReason::OtherBodyRule;
  else if (reason == "paper-contract-or-payment") out.reason = OfflineReason::PaperContractOrPayment;
  else if (!reason.empty())
    r.fail("$.online.reason", "unknown reason " + quoted(reason) +
                                  ": use \"law-requires-presence\", \"other-body-rule\" or \"paper-contract-or-payment\"");
  out.instead = r.text_at(*obj, "instead", "$.online");
}

std::optional<Procedure> read_procedure(FileReader& r, const json::object& obj) {
  Procedure p;
  r.check_keys(obj, "$", {"kind", "id", "title", "summary", "department", "who_may_apply", "deadline", "online",
                          "documents", "fee"},
               {"notes"});
  p.id = r.string_at(obj, "id", "$");
  p.title = r.text_at(obj, "title", "$");
  p.summary = r.text_at(obj, "summary", "$");
  p.department = r.text_at(obj, "department", "$");
  p.who_may_apply = r.text_at(obj, "who_may_apply", "$");
  read_deadline(r, obj, p.deadline);
  read_online(r, obj, p.online);
  if (const auto* v = obj.if_contains("documents")) {
    if (const auto* arr = v->if_array()) {
      for (std::size_t i = 0; i < arr->size(); ++i)
        p.documents.push_back(r.text((*arr)[i], "$.documents[" + std::to_string(i) + "]"));
    } else {
      r.fail("$.documents", "expected a list of texts (use [] when nothing is needed)");
    }
  }
  if (const auto* v = obj.if_contains("fee")) {
    if (const auto* fee = r.object_at(*v, "$.fee")) {
      r.check_keys(*fee, "$.fee", {"yen"}, {"note"});
      p.fee.yen = r.integer_at(*fee, "yen", "$.fee", 0).value_or(0);
      if (fee->contains("note")) p.fee.note = r.text_at(*fee, "note", "$.fee");
    }
  }
  r.string_at(obj, "notes", "$");
  return p;
}

std::optional<LifeEvent> read_event(FileReader& r, const json::object& obj) {
  LifeEvent e;
  r.check_keys(obj, "$", {"kind", "id", "title", "summary", "procedures"});
  e.id = r.string_at(obj, "id", "$");
  e.title = r.text_at(obj, "title", "$");
  e.summary = r.text_at(obj, "summary", "$");
  if (const auto* v = obj.if_contains("procedures")) {
    const auto* arr = v->if_array();
    if (!arr || arr->empty()) r.fail("$.procedures", "expected a non-empty list like [{\"procedure\": \"tennyu-todoke\"}]");
    for (std::size_t i = 0; arr && i < arr->size(); ++i) {
      std::string path = "$.procedures[" + std::to_string(i) + "]";
      if (const auto* entry = r.object_at((*arr)[i], path)) {
        r.check_keys(*entry, path, {"procedure"});
        std::string id = r.string_at(*entry, "procedure", path);
        if (!id.empty()) e.procedure_ids.push_back(id);
      }
    }
  }
  return e;
}

// The folder a file must live in for its kind, and the id its name implies.
std::string expected_id(std::string_view path, std::string_view folder) {
  std::string_view prefix = folder;
  if (path.substr(0, prefix.size()) != prefix || path.size() < prefix.size() + 6 || path.substr(path.size() - 5) != ".json")
    return {};
  return std::string(path.substr(prefix.size(), path.size() - prefix.size() - 5));
}

CatalogLoad load_documents(const std::vector<Document>& docs) {
  CatalogLoad out;
  auto& problems = out.problems;
  Catalog catalog;

  auto manifest_it = std::find_if(docs.begin(), docs.end(), [](const Document& d) { return d.path == kManifestPath; });
  if (manifest_it == docs.end()) {
    problems.push_back({std::string(kManifestPath), "$", "the manifest is missing: add catalog.json (see assets/catalog/README.md)"});
    return out;
  }
  std::vector<std::string> event_order;
  std::vector<std::size_t> event_index;  // each id's position in the manifest, for its JSON path
  {
    FileReader r(manifest_it->path, catalog.languages, problems);
    const auto* obj = r.object_at(manifest_it->content, "$");
    if (!obj) return out;
    r.check_keys(*obj, "$", {"format", "ward", "languages", "events"});
    std::string format = r.string_at(*obj, "format", "$");
    if (!format.empty() && format != kManifestFormat)
      r.fail("$.format", "unsupported format " + quoted(format) + ": this portal reads " + quoted(kManifestFormat));
    catalog.languages = read_languages(r, *obj);
    catalog.ward = r.text_at(*obj, "ward", "$");
    if (const auto* v = obj->if_contains("events")) {
      const auto* arr = v->if_array();
      if (!arr || arr->empty()) r.fail("$.events", "expected a non-empty list of event ids in display order");
      for (std::size_t i = 0; arr && i < arr->size(); ++i) {
        const auto* s = (*arr)[i].if_string();
        std::string path = "$.events[" + std::to_string(i) + "]";
        if (!s) {
          r.fail(path, "expected an event id such as \"birth\"");
        } else if (std::find(event_order.begin(), event_order.end(), *s) != event_order.end()) {
          r.fail(path, "event " + quoted(*s) + " is listed twice: keep one");
        } else {
          event_order.emplace_back(*s);
          event_index.push_back(i);
        }
      }
    }
  }

  std::map<std::string, LifeEvent> events;
  std::map<std::string, std::string> event_files;
  for (const auto& doc : docs) {
    if (doc.path == kManifestPath) continue;
    FileReader r(doc.path, catalog.languages, problems);
    const auto* obj = r.object_at(doc.content, "$");
    if (!obj) continue;
    std::string kind = r.string_at(*obj, "kind", "$");
    std::string folder = kind == "event" ? "events/" : kind == "procedure" ? "procedures/" : "";
    if (folder.empty()) {
      r.fail("$.kind", obj->contains("kind") ? "unknown kind " + quoted(kind) + ": use \"event\" or \"procedure\""
                                             : "missing key \"kind\": add \"kind\": \"event\" or \"kind\": \"procedure\"");
      continue;
    }
    std::string want_id = expected_id(doc.path, folder);
    if (want_id.empty()) {
      r.fail("$.kind", "a file of kind " + quoted(kind) + " belongs in " + folder + " with a .json name: move it there");
      continue;
    }
    std::string id = r.string_at(*obj, "id", "$");
    if (!id.empty() && !is_valid_id(id))
      r.fail("$.id", "id " + quoted(id) + " may hold only lowercase letters, digits and single hyphens, like \"tennyu-todoke\"");
    else if (!id.empty() && id != want_id)
      r.fail("$.id", "id " + quoted(id) + " differs from the file name: rename the file to " + folder + id +
                         ".json or set the id to " + quoted(want_id));
    if (kind == "event") {
      if (auto e = read_event(r, *obj)) {
        event_files[e->id] = doc.path;
        events[e->id] = std::move(*e);
      }
    } else if (auto p = read_procedure(r, *obj)) {
      catalog.procedures[p->id] = std::move(*p);
    }
  }

  // Across files: every listed event exists, every event file is listed, every named procedure exists.
  for (std::size_t i = 0; i < event_order.size(); ++i) {
    auto it = events.find(event_order[i]);
    if (it == events.end()) {
      problems.push_back({std::string(kManifestPath), "$.events[" + std::to_string(event_index[i]) + "]",
                          "no file events/" + event_order[i] + ".json: add it or remove the id"});
    } else {
      catalog.events.push_back(it->second);
    }
  }
  std::set<std::string> used;
  for (const auto& [id, event] : events) {
    if (std::find(event_order.begin(), event_order.end(), id) == event_order.end())
      problems.push_back({event_files[id], "$.id", "event " + quoted(id) + " is not listed in catalog.json's \"events\": add it where it should show"});
    for (std::size_t i = 0; i < event.procedure_ids.size(); ++i) {
      const auto& pid = event.procedure_ids[i];
      used.insert(pid);
      if (!catalog.procedures.count(pid))
        problems.push_back({event_files[id], "$.procedures[" + std::to_string(i) + "].procedure",
                            "unknown procedure " + quoted(pid) + ": add procedures/" + pid + ".json or correct the id"});
    }
  }
  for (const auto& [id, proc] : catalog.procedures)
    if (!used.count(id))
      problems.push_back({"procedures/" + id + ".json", "$", "no life event lists this procedure: add it to an event or remove the file"});

  if (problems.empty()) out.catalog = std::move(catalog);
  return out;
}

}  // namespace

CatalogLoad load_catalog(const std::vector<SourceFile>& files) {
  CatalogLoad out;
  std::vector<Document> docs;
  for (const auto& f : files) {
    ParsedJson parsed = parse_json_text(f.text);
    if (parsed.error) {
      out.problems.push_back({f.path, "line " + std::to_string(parsed.error->line) + ", column " + std::to_string(parsed.error->column),
                              "not valid JSON (" + parsed.error->what + "): check for a missing comma, quote or bracket there"});
    } else {
      docs.push_back({f.path, std::move(parsed.value)});
    }
  }
  if (!out.problems.empty()) return out;
  return load_documents(docs);
}

CatalogLoad load_catalog_bundle(std::string_view bundle_text) {
  CatalogLoad out;
  const std::string name = "catalog bundle";
  ParsedJson parsed = parse_json_text(bundle_text);
  if (parsed.error) {
    out.problems.push_back({name, "line " + std::to_string(parsed.error->line) + ", column " + std::to_string(parsed.error->column),
                            "not valid JSON (" + parsed.error->what + "): the download is damaged; rebuild or reload"});
    return out;
  }
  const auto* obj = parsed.value.if_object();
  const auto* format = obj ? obj->if_contains("format") : nullptr;
  const auto* files = obj ? obj->if_contains("files") : nullptr;
  if (!format || !format->is_string() || format->get_string() != kBundleFormat || !files || !files->is_array()) {
    out.problems.push_back({name, "$", "not a catalog bundle of format " + quoted(kBundleFormat) + ": rebuild it with tools/catalog-lint"});
    return out;
  }
  std::vector<Document> docs;
  const auto& arr = files->get_array();
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const auto* entry = arr[i].if_object();
    const auto* path = entry ? entry->if_contains("path") : nullptr;
    const auto* content = entry ? entry->if_contains("content") : nullptr;
    if (!path || !path->is_string() || !content) {
      out.problems.push_back({name, "$.files[" + std::to_string(i) + "]", "expected {\"path\": ..., \"content\": ...}: rebuild the bundle"});
      continue;
    }
    docs.push_back({std::string(path->get_string()), *content});
  }
  if (!out.problems.empty()) return out;
  return load_documents(docs);
}

std::string make_catalog_bundle(const std::vector<SourceFile>& files) {
  json::array entries;
  std::vector<const SourceFile*> sorted;
  for (const auto& f : files) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->path < b->path; });
  for (const auto* f : sorted) entries.push_back(json::object{{"path", f->path}, {"content", json::parse(f->text)}});
  return json::serialize(json::object{{"format", kBundleFormat}, {"files", std::move(entries)}});
}

}  // namespace madoguchi

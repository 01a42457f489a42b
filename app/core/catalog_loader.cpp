// Checks catalog files against format 1 (assets/catalog/README.md) and across files, collecting
// every problem rather than stopping at the first, so one lint run lists all there is to fix.
#include "catalog_loader.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <functional>
#include <initializer_list>
#include <set>

#include "catalog_home.hpp"
#include "form_pages.hpp"
#include "json_text.hpp"

namespace madoguchi {
namespace json = boost::json;

std::string CatalogProblem::to_string() const { return file + ": " + where + ": " + message; }

namespace {

constexpr std::string_view kManifestFormat = "madoguchi-catalog/1";

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

// Question and field ids are used in conditions and stored answers: ^[a-z0-9_]+$.
bool is_valid_answer_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Reads {"question"|"field": id, "equals"|"in"|"answered": ...} and {"all"|"any": [...]}, {"not": ...};
// `subject` is "question" in events and "field" in forms, `known` the ids a condition may name there.
std::optional<Condition> read_condition(FileReader& r, const json::value& v, const std::string& path,
                                        std::string_view subject, const std::set<std::string>& known) {
  const auto* obj = r.object_at(v, path);
  if (!obj) return std::nullopt;
  Condition c;
  for (std::string_view group : {"all", "any"}) {
    if (!obj->contains(group)) continue;
    r.check_keys(*obj, path, {group});
    c.op = group == "all" ? Condition::Op::All : Condition::Op::Any;
    const auto* arr = obj->at(group).if_array();
    if (!arr || arr->empty()) {
      r.fail(path + "." + std::string(group), "expected a non-empty list of conditions");
      return std::nullopt;
    }
    for (std::size_t i = 0; i < arr->size(); ++i)
      if (auto child = read_condition(r, (*arr)[i], path + "." + std::string(group) + "[" + std::to_string(i) + "]", subject, known))
        c.children.push_back(std::move(*child));
    return c;
  }
  if (const auto* inner = obj->if_contains("not")) {
    r.check_keys(*obj, path, {"not"});
    c.op = Condition::Op::Not;
    auto child = read_condition(r, *inner, path + ".not", subject, known);
    if (!child) return std::nullopt;
    c.children.push_back(std::move(*child));
    return c;
  }
  if (!obj->contains(subject)) {
    r.fail(path, "expected {\"" + std::string(subject) + "\": id, \"equals\": value}, or \"all\", \"any\" or \"not\" (see assets/catalog/README.md)");
    return std::nullopt;
  }
  c.id = r.string_at(*obj, subject, path);
  if (!c.id.empty() && !known.count(c.id))
    r.fail(path + "." + std::string(subject), "unknown " + std::string(subject) + " " + quoted(c.id) +
                                                  ": name one defined before this condition");
  if (const auto* eq = obj->if_contains("equals")) {
    r.check_keys(*obj, path, {subject, "equals"});
    c.op = Condition::Op::Equals;
    if (!eq->is_string()) r.fail(path + ".equals", "expected a string answer such as \"yes\"");
    else c.values.emplace_back(eq->get_string());
  } else if (const auto* in = obj->if_contains("in")) {
    r.check_keys(*obj, path, {subject, "in"});
    c.op = Condition::Op::In;
    const auto* arr = in->if_array();
    if (!arr || arr->empty()) r.fail(path + ".in", "expected a non-empty list of answers");
    for (std::size_t i = 0; arr && i < arr->size(); ++i) {
      if (const auto* s = (*arr)[i].if_string()) c.values.emplace_back(*s);
      else r.fail(path + ".in[" + std::to_string(i) + "]", "expected a string answer");
    }
  } else if (obj->contains("answered")) {
    r.check_keys(*obj, path, {subject, "answered"});
    c.op = Condition::Op::Answered;
    if (r.bool_at(*obj, "answered", path) != true) r.fail(path + ".answered", "expected true");
  } else {
    r.fail(path, "say what the answer must be: \"equals\", \"in\" or \"answered\"");
    return std::nullopt;
  }
  return c;
}

// The "options" of a choice question or field: at least two, each value once.
std::vector<ChoiceOption> read_options(FileReader& r, const json::object& obj, const std::string& path) {
  std::vector<ChoiceOption> options;
  const auto* list = obj.contains("options") ? obj.at("options").if_array() : nullptr;
  if (!list || list->size() < 2) r.fail(path + ".options", "expected a list of at least two options");
  std::set<std::string> values;
  for (std::size_t k = 0; list && k < list->size(); ++k) {
    std::string opath = path + ".options[" + std::to_string(k) + "]";
    const auto* o = r.object_at((*list)[k], opath);
    if (!o) continue;
    r.check_keys(*o, opath, {"value", "label"});
    ChoiceOption option{r.string_at(*o, "value", opath), r.text_at(*o, "label", opath)};
    if (!values.insert(option.value).second) r.fail(opath + ".value", "value " + quoted(option.value) + " is used twice");
    options.push_back(std::move(option));
  }
  return options;
}

std::vector<std::string> read_id_list(FileReader& r, const json::object& obj, std::string_view key, const std::string& path) {
  std::vector<std::string> ids;
  const auto* v = obj.if_contains(key);
  if (!v) return ids;
  const auto* arr = v->if_array();
  if (!arr) r.fail(path + "." + std::string(key), "expected a list of procedure ids");
  for (std::size_t i = 0; arr && i < arr->size(); ++i) {
    const auto* s = (*arr)[i].if_string();
    if (!s || s->empty()) r.fail(path + "." + std::string(key) + "[" + std::to_string(i) + "]", "expected a procedure id");
    else ids.emplace_back(*s);
  }
  return ids;
}

std::vector<std::string> read_search_terms(FileReader& r, const json::object& obj, const std::string& path) {
  std::vector<std::string> terms;
  const auto* v = obj.if_contains("search");
  if (!v) return terms;
  const auto* arr = v->if_array();
  if (!arr) r.fail(path + ".search", "expected a list of words a resident may search for, such as [\"てんにゅう\"]");
  for (std::size_t i = 0; arr && i < arr->size(); ++i) {
    const auto* s = (*arr)[i].if_string();
    if (!s || s->empty()) r.fail(path + ".search[" + std::to_string(i) + "]", "expected a word, such as \"ひっこし\"");
    else terms.emplace_back(*s);
  }
  return terms;
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

// A form's fields, checked kind by kind; `scope` holds the ids a condition may name here (the
// fields of this list and of the lists that enclose it, as validation resolves them).
std::vector<FieldSpec> read_fields(FileReader& r, const json::value& v, const std::string& path,
                                   std::vector<std::set<std::string>>& scope, int depth) {
  std::vector<FieldSpec> fields;
  const auto* arr = v.if_array();
  if (!arr || arr->empty()) {
    r.fail(path, "expected a non-empty list of fields");
    return fields;
  }
  std::set<std::string> ids;
  for (const auto& f : *arr)
    if (const auto* o = f.if_object(); o && o->contains("id") && o->at("id").is_string()) ids.emplace(o->at("id").get_string());
  scope.push_back(ids);
  std::set<std::string> visible;
  for (const auto& level : scope) visible.insert(level.begin(), level.end());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    std::string fpath = path + "[" + std::to_string(i) + "]";
    const auto* o = r.object_at((*arr)[i], fpath);
    if (!o) continue;
    FieldSpec f;
    f.id = r.string_at(*o, "id", fpath);
    if (!f.id.empty() && !is_valid_answer_id(f.id)) r.fail(fpath + ".id", "id " + quoted(f.id) + " may hold only lowercase letters, digits and _");
    if (!f.id.empty() && !seen.insert(f.id).second) r.fail(fpath + ".id", "field " + quoted(f.id) + " is defined twice here: rename one");
    std::string kind = r.string_at(*o, "kind", fpath);
    auto parsed = field_kind_from_name(kind);
    if (!parsed) {
      if (o->contains("kind")) r.fail(fpath + ".kind", "unknown field kind " + quoted(kind) + " (see assets/catalog/README.md, Forms)");
      continue;
    }
    f.kind = *parsed;
    switch (f.kind) {
      case FieldKind::Choice:
        r.check_keys(*o, fpath, {"id", "kind", "label", "options"}, {"hint", "required", "profile", "when", "page"});
        break;
      case FieldKind::Number:
        r.check_keys(*o, fpath, {"id", "kind", "label"}, {"hint", "required", "profile", "when", "min", "max", "page"});
        break;
      case FieldKind::Group:
        r.check_keys(*o, fpath, {"id", "kind", "label", "fields"}, {"hint", "required", "when", "min_items", "max_items", "page"});
        break;
      case FieldKind::Attachment:
        r.check_keys(*o, fpath, {"id", "kind", "label"}, {"hint", "required", "when", "accept", "page"});
        break;
      default: r.check_keys(*o, fpath, {"id", "kind", "label"}, {"hint", "required", "profile", "when", "page"}); break;
    }
    if (depth > 0 && o->contains("page"))
      r.fail(fpath + ".page", "a page starts at a field at the top of the form, not inside a group: move \"page\" to the group");
    f.label = r.text_at(*o, "label", fpath);
    if (o->contains("hint")) f.hint = r.text_at(*o, "hint", fpath);
    if (o->contains("page")) f.page = r.text_at(*o, "page", fpath);
    f.required = r.bool_at(*o, "required", fpath).value_or(false);
    f.profile_key = r.string_at(*o, "profile", fpath);
    static const std::set<std::string> kProfileKeys{"name", "furigana", "birth_date", "address", "phone", "email"};
    if (!f.profile_key.empty() && !kProfileKeys.count(f.profile_key))
      r.fail(fpath + ".profile", "unknown profile value " + quoted(f.profile_key) +
                                     ": use name, furigana, birth_date, address, phone or email");
    if (const auto* w = o->if_contains("when")) f.shown_when = read_condition(r, *w, fpath + ".when", "field", visible);
    if (f.kind == FieldKind::Choice) f.options = read_options(r, *o, fpath);
    if (f.kind == FieldKind::Attachment && o->contains("accept")) {
      const std::string accept = r.string_at(*o, "accept", fpath);
      if (accept != "photo" && accept != "photo-or-pdf")
        r.fail(fpath + ".accept", "unknown accept " + quoted(accept) + ": use photo or photo-or-pdf");
      f.accepts_pdf = accept == "photo-or-pdf";
    }
    if (f.kind == FieldKind::Number) {
      f.min_value = static_cast<int>(r.integer_at(*o, "min", fpath, 0).value_or(0));
      f.max_value = static_cast<int>(r.integer_at(*o, "max", fpath, 0).value_or(f.max_value));
      if (f.max_value < f.min_value) r.fail(fpath + ".max", "max is below min");
    }
    if (f.kind == FieldKind::Group) {
      if (depth >= 2) r.fail(fpath, "groups nest at most two deep: a deeper form is too hard to fill on a phone");
      f.min_items = static_cast<int>(r.integer_at(*o, "min_items", fpath, 0).value_or(0));
      f.max_items = static_cast<int>(r.integer_at(*o, "max_items", fpath, 1).value_or(0));
      if (f.max_items && f.max_items < f.min_items) r.fail(fpath + ".max_items", "max_items is below min_items");
      if (o->contains("fields")) f.fields = read_fields(r, o->at("fields"), fpath + ".fields", scope, depth + 1);
    }
    fields.push_back(std::move(f));
  }
  scope.pop_back();
  return fields;
}

// A long form is asked a page at a time, and where its pages start is the author's call (what belongs
// together), so the loader asks for it rather than guessing.
void check_pages(FileReader& r, const FormSpec& form) {
  const auto paged = std::count_if(form.fields.begin(), form.fields.end(), [](const FieldSpec& f) { return starts_page(f); });
  if (paged > 0 && !starts_page(form.fields.front()))
    r.fail("$.form.fields[0]", "this form has pages, so its first field starts one: add a \"page\" title to it");
  if (paged == 0 && form.fields.size() > kOnePageFields)
    r.fail("$.form.fields", "a form of " + std::to_string(form.fields.size()) +
                                " fields is too long for one phone screen: add a \"page\" title to each field that starts a page "
                                "(see assets/catalog/README.md, Forms)");
}

std::optional<FormSpec> read_form(FileReader& r, const json::value& v) {
  const auto* obj = r.object_at(v, "$.form");
  if (!obj) return std::nullopt;
  r.check_keys(*obj, "$.form", {"fields"}, {"rules"});
  FormSpec form;
  std::vector<std::set<std::string>> scope;
  if (obj->contains("fields")) form.fields = read_fields(r, obj->at("fields"), "$.form.fields", scope, 0);
  check_pages(r, form);
  if (const auto* rules = obj->if_contains("rules")) {
    const auto* arr = rules->if_array();
    if (!arr) r.fail("$.form.rules", "expected a list of rules");
    for (std::size_t i = 0; arr && i < arr->size(); ++i) {
      std::string rpath = "$.form.rules[" + std::to_string(i) + "]";
      const auto* o = r.object_at((*arr)[i], rpath);
      if (!o) continue;
      r.check_keys(*o, rpath, {"rule", "field", "other"});
      CrossFieldRule rule;
      std::string kind = r.string_at(*o, "rule", rpath);
      if (kind == "not-before") rule.kind = CrossFieldRule::NotBefore;
      else if (kind == "not-after") rule.kind = CrossFieldRule::NotAfter;
      else if (kind == "same-as") rule.kind = CrossFieldRule::SameAs;
      else if (!kind.empty()) r.fail(rpath + ".rule", "unknown rule " + quoted(kind) + ": use not-before, not-after or same-as");
      rule.field = r.string_at(*o, "field", rpath);
      rule.other = r.string_at(*o, "other", rpath);
      for (const auto* id : {&rule.field, &rule.other})
        if (!id->empty() && !find_field(form.fields, *id))
          r.fail(rpath, "unknown field " + quoted(*id) + ": a rule names fields at the top of the form");
      form.rules.push_back(std::move(rule));
    }
  }
  return form;
}

// Of home's part (catalog_home.hpp), only a procedure's title and search words.
std::optional<Procedure> read_procedure_for_home(FileReader& r, const json::object& obj) {
  Procedure p;
  r.check_keys(obj, "$", {"kind", "id", "title"}, {"search"});
  p.id = r.string_at(obj, "id", "$");
  p.title = r.text_at(obj, "title", "$");
  p.search_terms = read_search_terms(r, obj, "$");
  return p;
}

std::optional<Procedure> read_procedure(FileReader& r, const json::object& obj) {
  Procedure p;
  r.check_keys(obj, "$", {"kind", "id", "title", "summary", "department", "who_may_apply", "deadline", "online",
                          "documents", "fee"},
               {"after", "form", "notes", "search"});
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
  p.after = read_id_list(r, obj, "after", "$");
  p.search_terms = read_search_terms(r, obj, "$");
  if (const auto* form = obj.if_contains("form")) p.form = read_form(r, *form);
  else if (p.online.available)
    r.fail("$.online.available", "a procedure residents can do online needs the form they fill in: add \"form\" "
                                 "(assets/catalog/README.md, Forms) or set \"available\" to false");
  r.string_at(obj, "notes", "$");
  return p;
}

void read_questions(FileReader& r, const json::object& obj, LifeEvent& e) {
  const auto* v = obj.if_contains("questions");
  if (!v) return;
  const auto* arr = v->if_array();
  if (!arr) return r.fail("$.questions", "expected a list of questions");
  std::set<std::string> earlier;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    std::string path = "$.questions[" + std::to_string(i) + "]";
    const auto* q = r.object_at((*arr)[i], path);
    if (!q) continue;
    Question question;
    std::string kind = r.string_at(*q, "kind", path);
    if (kind == "choice") {
      question.kind = Question::Kind::Choice;
      r.check_keys(*q, path, {"id", "kind", "label", "options"}, {"hint", "when"});
    } else {
      r.check_keys(*q, path, {"id", "kind", "label"}, {"hint", "when"});
      if (kind != "yes-no" && q->contains("kind"))
        r.fail(path + ".kind", "unknown question kind " + quoted(kind) + ": use \"yes-no\" or \"choice\"");
    }
    question.id = r.string_at(*q, "id", path);
    if (!question.id.empty() && !is_valid_answer_id(question.id))
      r.fail(path + ".id", "id " + quoted(question.id) + " may hold only lowercase letters, digits and _");
    if (earlier.count(question.id)) r.fail(path + ".id", "question " + quoted(question.id) + " is defined twice: rename one");
    question.label = r.text_at(*q, "label", path);
    if (q->contains("hint")) question.hint = r.text_at(*q, "hint", path);
    if (const auto* w = q->if_contains("when")) question.when = read_condition(r, *w, path + ".when", "question", earlier);
    if (question.kind == Question::Kind::Choice) question.options = read_options(r, *q, path);
    earlier.insert(question.id);
    e.questions.push_back(std::move(question));
  }
}

// Home's part (catalog_home.hpp) has neither the event date nor the questions, nor when a procedure applies.
std::optional<LifeEvent> read_event(FileReader& r, const json::object& obj, bool home_only) {
  LifeEvent e;
  if (home_only) r.check_keys(obj, "$", {"kind", "id", "title", "summary", "procedures"}, {"search"});
  else r.check_keys(obj, "$", {"kind", "id", "title", "summary", "event_date", "procedures"}, {"questions", "search"});
  e.search_terms = read_search_terms(r, obj, "$");
  e.id = r.string_at(obj, "id", "$");
  e.title = r.text_at(obj, "title", "$");
  e.summary = r.text_at(obj, "summary", "$");
  if (const auto* v = obj.if_contains("event_date")) {
    if (const auto* date = r.object_at(*v, "$.event_date")) {
      r.check_keys(*date, "$.event_date", {"label"});
      e.event_date_label = r.text_at(*date, "label", "$.event_date");
    }
  }
  read_questions(r, obj, e);
  std::set<std::string> question_ids;
  for (const auto& q : e.questions) question_ids.insert(q.id);
  if (const auto* v = obj.if_contains("procedures")) {
    const auto* arr = v->if_array();
    if (!arr || arr->empty()) r.fail("$.procedures", "expected a non-empty list like [{\"procedure\": \"tennyu-todoke\"}]");
    std::set<std::string> listed;
    for (std::size_t i = 0; arr && i < arr->size(); ++i) {
      std::string path = "$.procedures[" + std::to_string(i) + "]";
      const auto* entry = r.object_at((*arr)[i], path);
      if (!entry) continue;
      EventProcedure ep;
      if (entry->contains("when")) {
        r.check_keys(*entry, path, {"procedure", "when", "why"});
        ep.when = read_condition(r, entry->at("when"), path + ".when", "question", question_ids);
        ep.why = r.text_at(*entry, "why", path);
      } else {
        r.check_keys(*entry, path, {"procedure"});
      }
      ep.procedure_id = r.string_at(*entry, "procedure", path);
      if (ep.procedure_id.empty()) continue;
      if (!listed.insert(ep.procedure_id).second)
        r.fail(path + ".procedure", "procedure " + quoted(ep.procedure_id) + " is listed twice: keep one");
      e.procedures.push_back(std::move(ep));
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

// "after" names existing procedures and has no cycle: a checklist must have an order.
void check_dependencies(const Catalog& catalog, std::vector<CatalogProblem>& problems) {
  for (const auto& [id, proc] : catalog.procedures)
    for (std::size_t i = 0; i < proc.after.size(); ++i)
      if (!catalog.procedures.count(proc.after[i]))
        problems.push_back({"procedures/" + id + ".json", "$.after[" + std::to_string(i) + "]",
                            "unknown procedure " + quoted(proc.after[i]) + ": correct the id or remove it"});
  enum class Mark { New, Active, Done };
  std::map<std::string, Mark, std::less<>> mark;
  std::vector<std::string> stack;
  std::function<void(const std::string&)> visit = [&](const std::string& id) {
    mark[id] = Mark::Active;
    stack.push_back(id);
    for (const auto& next : catalog.procedures.at(id).after) {
      if (!catalog.procedures.count(next)) continue;
      if (mark[next] == Mark::Active) {
        std::string cycle;
        for (auto it = std::find(stack.begin(), stack.end(), next); it != stack.end(); ++it) cycle += *it + " -> ";
        problems.push_back({"procedures/" + id + ".json", "$.after",
                            "dependency cycle " + cycle + next + ": remove one of these \"after\" entries"});
      } else if (mark[next] == Mark::New) {
        visit(next);
      }
    }
    stack.pop_back();
    mark[id] = Mark::Done;
  };
  for (const auto& [id, proc] : catalog.procedures) mark.emplace(id, Mark::New);
  for (const auto& [id, proc] : catalog.procedures)
    if (mark[id] == Mark::New) visit(id);
}

CatalogLoad load_documents(const std::vector<Document>& docs, bool home_only) {
  CatalogLoad out;
  auto& problems = out.problems;
  Catalog catalog;
  catalog.home_only = home_only;

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
      if (auto e = read_event(r, *obj, home_only)) {
        event_files[e->id] = doc.path;
        events[e->id] = std::move(*e);
      }
    } else if (auto p = home_only ? read_procedure_for_home(r, *obj) : read_procedure(r, *obj)) {
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
    for (std::size_t i = 0; i < event.procedures.size(); ++i) {
      const auto& pid = event.procedures[i].procedure_id;
      used.insert(pid);
      if (!catalog.procedures.count(pid))
        problems.push_back({event_files[id], "$.procedures[" + std::to_string(i) + "].procedure",
                            "unknown procedure " + quoted(pid) + ": add procedures/" + pid + ".json or correct the id"});
    }
  }
  check_dependencies(catalog, problems);
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
  return load_documents(docs, false);
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
  const bool home_only = format && format->is_string() && format->get_string() == kHomeBundleFormat;
  if (!format || !format->is_string() || (format->get_string() != kBundleFormat && !home_only) || !files || !files->is_array()) {
    out.problems.push_back({name, "$", "not a catalog bundle of format " + quoted(kBundleFormat) + " or " + quoted(kHomeBundleFormat) +
                                           ": rebuild it with tools/catalog-lint"});
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
  return load_documents(docs, home_only);
}

std::string make_catalog_bundle(const std::vector<SourceFile>& files, std::string_view format) {
  json::array entries;
  std::vector<const SourceFile*> sorted;
  for (const auto& f : files) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->path < b->path; });
  for (const auto* f : sorted) entries.push_back(json::object{{"path", f->path}, {"content", json::parse(f->text)}});
  return json::serialize(json::object{{"format", format}, {"files", std::move(entries)}});
}

}  // namespace madoguchi

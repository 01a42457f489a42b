// The rules of each field kind, and a walk over a form that honours shown_when, repeat groups and
// cross-field rules. Input is normalized first (width, kana, hyphens, spaces), so residents are not
// blamed for how their IME typed a correct value.
#include "field_validation.hpp"

#include <algorithm>

#include "attached_files.hpp"
#include "civil_date.hpp"
#include "text_normalize.hpp"
#include "wareki.hpp"

namespace madoguchi {

namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

FieldResult ok(std::string normalized) { return FieldResult{std::move(normalized), std::nullopt}; }
FieldResult fail(const FieldSpec& spec, std::string code, Params params = {}) {
  return FieldResult{{}, FieldProblem{spec.id, std::move(code), std::move(params)}};
}

bool has_non_ascii(std::u32string_view s) {
  return std::any_of(s.begin(), s.end(), [](char32_t c) { return c >= 0x80; });
}

// The distinct characters of `bad`, in order of appearance, separated by spaces: "山 田".
std::string list_characters(const std::u32string& bad) {
  std::u32string seen, out;
  for (char32_t c : bad) {
    if (seen.find(c) != std::u32string::npos) continue;
    seen += c;
    if (!out.empty()) out += U' ';
    out += c;
  }
  return encode_utf8(out);
}

// Name: any script, at least a family and a given part. Digits and most ASCII symbols are refused, since
// they show another field's value typed here; ' - . stay allowed (O'Brien, Jean-Pierre, St. John).
FieldResult check_name(const FieldSpec& spec, std::string_view raw) {
  const std::u32string s = decode_utf8(collapse_spaces(to_halfwidth_ascii(halfwidth_kana_to_fullwidth(raw))));
  std::u32string bad;
  for (char32_t c : s) {
    const bool ascii_symbol = c < 0x80 && c != U' ' && c != U'\'' && c != U'-' && c != U'.' &&
                              !((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'));
    if (ascii_symbol || c == 0xFFFD) bad += c;
  }
  if (!bad.empty()) return fail(spec, "name.characters", {{"characters", list_characters(bad)}});
  // ジョン・スミス is two parts written the katakana way.
  const bool two_parts = std::any_of(s.begin(), s.end(), [](char32_t c) { return c == U' ' || c == U'・'; });
  if (!two_parts) return fail(spec, "name.two_parts");
  // Japanese names keep the ideographic space that registers use between family and given name.
  return ok(collapse_spaces(encode_utf8(s), has_non_ascii(s) ? "\u3000" : " "));
}

bool is_katakana_for_reading(char32_t c) {
  return (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FB && c <= 0x30FE) || c == 0x3000;  // ァ..ヺ ・ー ヽヾ space
}

FieldResult check_furigana(const FieldSpec& spec, std::string_view raw) {
  const std::string kana = collapse_spaces(hiragana_to_katakana(halfwidth_kana_to_fullwidth(raw)), "\u3000");
  std::u32string bad;
  for (char32_t c : decode_utf8(kana))
    if (!is_katakana_for_reading(c)) bad += c;
  if (!bad.empty()) return fail(spec, "furigana.not_kana", {{"characters", list_characters(bad)}});
  return ok(kana);
}

FieldResult check_date(const FieldSpec& spec, std::string_view raw) {
  ParsedDate parsed = parse_japanese_date(raw);
  if (parsed.problem) return fail(spec, parsed.problem->code, std::move(parsed.problem->params));
  return ok(parsed.date.iso());
}

// The digits of a number as residents type it: any width, with hyphens, spaces and the marks in
// `ignored` (〒, parentheses) around them. `other` tells whether anything else (a letter, a symbol) was there.
struct Digits {
  std::string digits;
  bool other = false;
};
Digits read_digits(std::string_view raw, std::u32string_view ignored) {
  Digits out;
  for (char32_t c : decode_utf8(normalize_hyphens(to_halfwidth_ascii(raw)))) {
    if (is_ascii_digit(c))
      out.digits += static_cast<char>(c);
    else if (!is_space(c) && c != U'-' && ignored.find(c) == std::u32string_view::npos)
      out.other = true;
  }
  return out;
}

FieldResult check_postal_code(const FieldSpec& spec, std::string_view raw) {
  const Digits read = read_digits(raw, U"〒");
  if (read.other || read.digits.size() != 7) return fail(spec, "postal_code.digits");
  return ok(read.digits.substr(0, 3) + "-" + read.digits.substr(3));
}

// A block number (番地) is present when the address has a number that is not a 丁目 number: "芝公園1-2-3",
// "1丁目2番3号", "2番地", "ABCビル101". Kanji numerals count only before 番 or 号 ("一丁目二番三号"), since
// place names are full of them (三田, 六本木, 九段北). Some rural addresses officially read "番地なし".
bool has_block_number(std::u32string_view s) {
  if (s.find(U"番地なし") != std::u32string_view::npos) return true;
  static constexpr std::u32string_view kKanjiNumerals = U"〇一二三四五六七八九十百千";
  for (std::size_t i = 0; i < s.size();) {
    const bool ascii = is_ascii_digit(s[i]);
    const bool kanji = kKanjiNumerals.find(s[i]) != std::u32string_view::npos;
    if (!ascii && !kanji) {
      ++i;
      continue;
    }
    auto same_kind = [&](char32_t c) {
      return ascii ? is_ascii_digit(c) : kKanjiNumerals.find(c) != std::u32string_view::npos;
    };
    std::size_t end = i;
    while (end < s.size() && same_kind(s[end])) ++end;
    const std::u32string_view after = s.substr(end);
    if (ascii && !after.starts_with(U"丁目")) return true;
    if (kanji && (after.starts_with(U"番") || after.starts_with(U"号"))) return true;
    i = end;
  }
  return false;
}

FieldResult check_address(const FieldSpec& spec, std::string_view raw) {
  const std::string address =
      collapse_spaces(normalize_hyphens(to_halfwidth_ascii(halfwidth_kana_to_fullwidth(raw))));
  if (!has_block_number(decode_utf8(address))) return fail(spec, "address.block_number");
  return ok(address);
}

bool is_mobile_or_ip_prefix(std::string_view digits) {
  return digits.size() >= 3 && digits[0] == '0' && digits[2] == '0' &&
         (digits[1] == '5' || digits[1] == '7' || digits[1] == '8' || digits[1] == '9');
}

// A 10-digit fixed-line number keeps the grouping the resident typed when it is a plausible one
// (市外局番 2-5 digits starting with 0, 市内局番 1-4, 加入者番号 4): only they know where their area code ends,
// and the lengths vary by area. Any other grouping gives the digits alone.
std::string fixed_line_format(std::string_view typed, const std::string& digits) {
  std::vector<std::string> groups(1);
  for (char32_t c : decode_utf8(normalize_hyphens(to_halfwidth_ascii(typed)))) {
    if (is_ascii_digit(c)) {
      groups.back() += static_cast<char>(c);
    } else if (!groups.back().empty()) {
      groups.emplace_back();
    }
  }
  if (groups.back().empty()) groups.pop_back();
  if (groups.size() == 3 && groups[0].size() >= 2 && groups[0].size() <= 5 && groups[1].size() >= 1 &&
      groups[1].size() <= 4 && groups[2].size() == 4)
    return groups[0] + "-" + groups[1] + "-" + groups[2];
  return digits;
}

FieldResult check_phone(const FieldSpec& spec, std::string_view raw) {
  std::string typed = collapse_spaces(normalize_hyphens(to_halfwidth_ascii(raw)));
  // +81 (Japan's country code, as foreign residents often write it) stands for the leading 0, and the
  // "(0)" some write after it is dropped: "+81 (0)90-1234-5678" is 090-1234-5678.
  if (typed.starts_with("+81")) {
    typed = typed.substr(3);
    while (!typed.empty() && (typed.front() == ' ' || typed.front() == '-')) typed.erase(0, 1);
    if (typed.starts_with("(0)")) typed = typed.substr(3);
    typed = "0" + typed;
  }
  const Digits read = read_digits(typed, U"()");
  const std::string& digits = read.digits;
  if (read.other || (digits.size() != 10 && digits.size() != 11))
    return fail(spec, "phone.digits", {{"count", std::to_string(digits.size())}});
  if (digits[0] != '0' || digits[1] == '0') return fail(spec, "phone.prefix");
  if (digits.size() == 11) {
    if (!is_mobile_or_ip_prefix(digits)) return fail(spec, "phone.prefix");
    return ok(digits.substr(0, 3) + "-" + digits.substr(3, 4) + "-" + digits.substr(7));  // 090-1234-5678
  }
  if (is_mobile_or_ip_prefix(digits)) return fail(spec, "phone.mobile_length");  // a digit is missing
  if (digits[2] == '0') return fail(spec, "phone.prefix");                         // 0X0 is never fixed-line
  return ok(fixed_line_format(typed, digits));
}

// Pragmatic, not RFC 5322: one @, something before it, a dot inside the domain, no spaces and none of the
// characters that only appear in typos (",", ";" ...). The domain is case-insensitive, so it is lowercased.
FieldResult check_email(const FieldSpec& spec, std::string_view raw) {
  std::u32string s = decode_utf8(collapse_spaces(to_halfwidth_ascii(raw)));
  for (char32_t& c : s)
    if (c == U'。') c = U'.';  // the IME's full stop typed for the dot
  const std::size_t at = s.find(U'@');
  const bool one_at = at != std::u32string::npos && at > 0 && s.find(U'@', at + 1) == std::u32string::npos;
  const std::u32string domain = one_at ? s.substr(at + 1) : std::u32string();
  const bool domain_ok = domain.size() >= 3 && domain.find(U'.') != std::u32string::npos && domain.front() != U'.' &&
                         domain.back() != U'.' && domain.find(U"..") == std::u32string::npos;
  const bool clean = std::none_of(s.begin(), s.end(), [](char32_t c) {
    return c <= U' ' || c == 0x7F || c == 0xFFFD || is_space(c) || std::u32string_view(U",;:<>()[]\\\"").find(c) !=
                                                                        std::u32string_view::npos;
  });
  if (!one_at || !domain_ok || !clean) return fail(spec, "email.format");
  for (std::size_t i = at + 1; i < s.size(); ++i)
    if (s[i] >= U'A' && s[i] <= U'Z') s[i] = s[i] - U'A' + U'a';
  return ok(encode_utf8(s));
}

FieldResult check_number(const FieldSpec& spec, std::string_view raw) {
  std::string s;
  for (char32_t c : decode_utf8(normalize_hyphens(to_halfwidth_ascii(raw))))
    if (!is_space(c) && c != U',') s += c < 0x80 ? static_cast<char>(c) : '?';  // 1,000 is a thousand
  const bool negative = !s.empty() && s[0] == '-';
  const std::string digits = negative || (!s.empty() && s[0] == '+') ? s.substr(1) : s;
  if (digits.empty() || digits.size() > 12 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return fail(spec, "number.format");
  long long value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  if (negative) value = -value;
  if (value < spec.min_value) return fail(spec, "number.too_small", {{"min", std::to_string(spec.min_value)}});
  if (value > spec.max_value) return fail(spec, "number.too_large", {{"max", std::to_string(spec.max_value)}});
  return ok(std::to_string(value));
}

FieldResult check_choice(const FieldSpec& spec, std::string_view raw) {
  const std::string value = collapse_spaces(raw);
  const bool known =
      std::any_of(spec.options.begin(), spec.options.end(), [&](const ChoiceOption& o) { return o.value == value; });
  return known ? ok(value) : fail(spec, "choice.unknown");
}

FieldResult check_checkbox(const FieldSpec& spec, std::string_view raw) {
  std::string value = collapse_spaces(raw);
  if (value.empty()) value = "no";  // never touched is not checked
  if (value != "yes" && value != "no") return fail(spec, "checkbox.value");
  if (spec.required && value != "yes") return fail(spec, "checkbox.required");
  return ok(value);
}

// The value is a file id (core/attached_files.hpp) the app put there. check_form, given the device's
// files, reads one naming a file no longer there (a correction of a sent application) as empty, so the
// form asks for the photo again.
FieldResult check_attachment(const FieldSpec& spec, std::string_view raw) {
  if (raw.empty()) return spec.required ? fail(spec, "attachment.required") : ok({});
  if (!is_file_id(raw)) return fail(spec, "attachment.required");
  return ok(std::string(raw));
}

// 個人番号's check digit: 行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第8条 and
// 平成26年総務省令第85号 第5条. With Pn the n-th digit of the first eleven counted from the right (n = 1..11)
// and Qn = n + 1 for n <= 6, n - 5 for n >= 7 (weights 2..7, 2..6), the check digit is 11 - (Σ Pn×Qn mod 11),
// or 0 when that remainder is 0 or 1.
bool my_number_check_digit_ok(const std::string& digits) {
  int sum = 0;
  for (int n = 1; n <= 11; ++n) sum += (digits[11 - n] - '0') * (n <= 6 ? n + 1 : n - 5);
  const int remainder = sum % 11;
  return digits[11] - '0' == (remainder <= 1 ? 0 : 11 - remainder);
}

// The number itself goes into no param: a problem may be logged or shown to a support worker.
FieldResult check_my_number(const FieldSpec& spec, std::string_view raw) {
  const Digits read = read_digits(raw, U"");
  if (read.other || read.digits.size() != 12) return fail(spec, "my_number.digits");
  if (!my_number_check_digit_ok(read.digits)) return fail(spec, "my_number.check_digit");
  return ok(read.digits);
}

// Walks a form: scopes are the top level and group items, innermost first when a condition reads an id.
class FormChecker {
 public:
  FormChecker(const FormSpec& form, const FormValues& values, const AttachedFiles* files)
      : form_(form), values_(values), files_(files) {}

  CheckedForm run() {
    const Scope top{&form_.fields, "", nullptr};
    check_fields(top);
    for (const auto& rule : form_.rules) check_rule(rule, top);
    return {std::move(problems_), std::move(accepted_), std::move(shown_)};
  }

 private:
  struct Scope {
    const std::vector<FieldSpec>* fields;
    std::string prefix;  // "" or "members[1]."
    const Scope* parent;
  };
  // Conditions reading conditional fields recurse; a cycle (a catalog lint error) ends as "hidden".
  static constexpr int kMaxConditionDepth = 16;

  void check_fields(const Scope& scope) {
    for (const auto& spec : *scope.fields) {
      if (!shown(spec, scope, 0)) continue;
      const std::string path = scope.prefix + spec.id;
      shown_.insert(path);
      if (spec.kind == FieldKind::Group) {
        check_group(spec, path, scope);
        continue;
      }
      std::string_view raw = values_.get(path).value_or("");
      if (spec.kind == FieldKind::Attachment && files_ && !attached_file(*files_, raw)) raw = {};
      FieldResult result = validate_field(spec, raw);
      if (result.problem) {
        add(path, std::move(*result.problem));
      } else if (!result.normalized.empty()) {
        accepted_.set(path, std::move(result.normalized));
      }
    }
  }

  void check_group(const FieldSpec& spec, const std::string& path, const Scope& scope) {
    const int count = values_.item_count(path);
    const int min_items = std::max(spec.min_items, spec.required ? 1 : 0);
    if (count < min_items) {
      add(path, {path, "group.min_items", {{"min", std::to_string(min_items)}}});
    } else if (spec.max_items > 0 && count > spec.max_items) {
      add(path, {path, "group.max_items", {{"max", std::to_string(spec.max_items)}}});
    }
    accepted_.set_item_count(path, count);
    for (int i = 0; i < count; ++i) check_fields(Scope{&spec.fields, path + "[" + std::to_string(i) + "].", &scope});
  }

  void check_rule(const CrossFieldRule& rule, const Scope& top) {
    const FieldSpec* field = find_field(form_.fields, rule.field);
    const FieldSpec* other = find_field(form_.fields, rule.other);
    if (!field || !other || !shown(*field, top, 0) || !shown(*other, top, 0)) return;
    auto on_field = [&](const FieldProblem& p) { return p.field_path == rule.field; };
    if (std::any_of(problems_.begin(), problems_.end(), on_field)) return;  // its own problem comes first
    const FieldResult a = validate_field(*field, values_.get(rule.field).value_or(""));
    const FieldResult b = validate_field(*other, values_.get(rule.other).value_or(""));
    if (a.problem || b.problem || a.normalized.empty() || b.normalized.empty()) return;
    const auto date_a = CivilDate::parse_iso(a.normalized), date_b = CivilDate::parse_iso(b.normalized);
    const bool dates = date_a && date_b;
    bool broken = false;
    std::string code;
    switch (rule.kind) {
      case CrossFieldRule::NotBefore:
        broken = dates && *date_a < *date_b;
        code = "cross.not_before";
        break;
      case CrossFieldRule::NotAfter:
        broken = dates && *date_a > *date_b;
        code = "cross.not_after";
        break;
      case CrossFieldRule::SameAs:
        broken = a.normalized != b.normalized;
        code = "cross.same_as";
        break;
    }
    // The other field goes in by path, never by value: problem_message shows its label.
    if (broken) add(rule.field, {rule.field, code, {{"other", rule.other}}});
  }

  bool shown(const FieldSpec& spec, const Scope& scope, int depth) const {
    if (!spec.shown_when) return true;
    if (depth > kMaxConditionDepth) return false;
    return spec.shown_when->holds([&](std::string_view id) { return answer(scope, id, depth + 1); });
  }

  // The answer a condition sees: the normalized value of a shown, valid field (a choice value, "yes"/"no",
  // an ISO date), the raw value of an invalid one, a group's item count; nothing for hidden or empty.
  std::optional<std::string> answer(const Scope& scope, std::string_view id, int depth) const {
    for (const Scope* s = &scope; s; s = s->parent) {
      const FieldSpec* spec = find_field(*s->fields, id);
      if (!spec) continue;
      if (!shown(*spec, *s, depth)) return std::nullopt;
      const std::string path = s->prefix + std::string(id);
      if (spec->kind == FieldKind::Group) {
        const int count = values_.item_count(path);
        return count > 0 ? std::optional<std::string>(std::to_string(count)) : std::nullopt;
      }
      const std::string raw(values_.get(path).value_or(""));
      if (collapse_spaces(raw).empty()) return std::nullopt;
      FieldResult result = validate_field(*spec, raw);
      return result.problem ? raw : result.normalized;
    }
    // Not a field of this form: an answer stored alongside (a life-event question), if any.
    auto value = values_.get(id);
    if (!value || value->empty()) return std::nullopt;
    return std::string(*value);
  }

  void add(const std::string& path, FieldProblem problem) {
    problem.field_path = path;
    problems_.push_back(std::move(problem));
  }

  const FormSpec& form_;
  const FormValues& values_;
  const AttachedFiles* files_;
  std::vector<FieldProblem> problems_;
  FormValues accepted_;
  std::set<std::string, std::less<>> shown_;
};

}  // namespace

FieldResult validate_field(const FieldSpec& spec, std::string_view raw) {
  if (spec.kind == FieldKind::Group) return ok({});
  if (spec.kind == FieldKind::Checkbox) return check_checkbox(spec, raw);
  if (spec.kind == FieldKind::Attachment) return check_attachment(spec, raw);
  if (collapse_spaces(raw).empty()) return spec.required ? fail(spec, "field.required") : ok({});
  switch (spec.kind) {
    case FieldKind::Text:
      return ok(collapse_spaces(raw));
    case FieldKind::Name:
      return check_name(spec, raw);
    case FieldKind::Furigana:
      return check_furigana(spec, raw);
    case FieldKind::Date:
      return check_date(spec, raw);
    case FieldKind::PostalCode:
      return check_postal_code(spec, raw);
    case FieldKind::Address:
      return check_address(spec, raw);
    case FieldKind::Phone:
      return check_phone(spec, raw);
    case FieldKind::Email:
      return check_email(spec, raw);
    case FieldKind::Choice:
      return check_choice(spec, raw);
    case FieldKind::Number:
      return check_number(spec, raw);
    case FieldKind::MyNumber:
      return check_my_number(spec, raw);
    case FieldKind::Checkbox:
    case FieldKind::Group:
    case FieldKind::Attachment:
      break;
  }
  return ok({});
}

CheckedForm check_form(const FormSpec& form, const FormValues& values, const AttachedFiles* files) {
  return FormChecker(form, values, files).run();
}

std::vector<FieldProblem> validate_form(const FormSpec& form, const FormValues& values) {
  return check_form(form, values).problems;
}

std::vector<ProblemCode> problem_codes() {
  return {
      {"field.required", {}},
      {"name.two_parts", {}},
      {"name.characters", {"characters"}},
      {"furigana.not_kana", {"characters"}},
      {"date.format", {}},
      {"date.no_such_day", {}},
      {"date.era_range", {"era", "suggestion", "western"}},
      {"date.before_1873", {}},
      {"postal_code.digits", {}},
      {"address.block_number", {}},
      {"phone.digits", {"count"}},
      {"phone.prefix", {}},
      {"phone.mobile_length", {}},
      {"email.format", {}},
      {"number.format", {}},
      {"number.too_small", {"min"}},
      {"number.too_large", {"max"}},
      {"choice.unknown", {}},
      {"checkbox.value", {}},
      {"checkbox.required", {}},
      {"attachment.required", {}},
      {"my_number.digits", {}},
      {"my_number.check_digit", {}},
      {"group.min_items", {"min"}},
      {"group.max_items", {"max"}},
      {"cross.not_before", {"other"}},
      {"cross.not_after", {"other"}},
      {"cross.same_as", {"other"}},
  };
}

std::string problem_message(const FieldProblem& problem, const FormSpec& form, const Messages& messages,
                            std::string_view language) {
  std::vector<std::pair<std::string_view, std::string>> values;
  for (const auto& [name, value] : problem.params) {
    const FieldSpec* other = name == "other" ? find_field_by_path(form.fields, value) : nullptr;
    values.emplace_back(name, other ? other->label.in(language) : value);
  }
  return messages.format(language, "form.error." + problem.code, values);
}

}  // namespace madoguchi

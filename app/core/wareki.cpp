// Era boundaries and a small hand-written reader of date text (no regex: it must behave the same under
// emscripten and natively, and say precisely why a text is not a date).
//
// Era first days, as used to convert dates:
// - 令和 2019-05-01: 元号を改める政令 (平成31年政令第143号), in force from the day after 2019-04-30.
// - 平成 1989-01-08: 元号を改める政令 (昭和64年政令第1号), in force from the day after its promulgation
//   on 1989-01-07, so 昭和64年1月7日 is the last day of 昭和 and 昭和64年1月8日 is not a date.
// - 昭和 1926-12-25 and 大正 1912-07-30: changed on the day of accession (即日改元), so that day already
//   belongs to the new era (大正15年12月25日 is 昭和元年12月25日).
// - 明治: the 改元の詔 of 1868-10-23 (慶応4年9月8日) applied 明治 from 慶応4年1月1日 (1868-01-25), but until
//   明治5年12月2日 Japan used the lunisolar 天保暦; 明治5年太政官布告第337号 made 明治5年12月3日 into 明治6年1月1日
//   (1873-01-01), the first Gregorian day. Month and day before it do not map onto the Gregorian calendar by
//   arithmetic, so conversion starts at 1873-01-01 (as java.time.chrono.JapaneseDate does) and earlier 明治
//   dates are refused with date.before_1873. 明治's 元年 is still 1868 (明治6年 = 1873).
#include "wareki.hpp"

#include <algorithm>
#include <iterator>

#include "text_normalize.hpp"

namespace madoguchi {

namespace {

constexpr Era kEras[] = {
    {"明治", 'M', 1868, CivilDate{1873, 1, 1}},
    {"大正", 'T', 1912, CivilDate{1912, 7, 30}},
    {"昭和", 'S', 1926, CivilDate{1926, 12, 25}},
    {"平成", 'H', 1989, CivilDate{1989, 1, 8}},
    {"令和", 'R', 2019, CivilDate{2019, 5, 1}},
};

// The squared era ligatures some IMEs offer (㍾㍽㍼㍻㋿), in era order.
constexpr char32_t kEraLigatures[] = {0x337E, 0x337D, 0x337C, 0x337B, 0x32FF};

DateProblem problem(std::string code) { return DateProblem{std::move(code), {}}; }

int kanji_digit(char32_t c) {
  static constexpr char32_t kDigits[] = {U'〇', U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九'};
  for (int i = 0; i < 10; ++i)
    if (kDigits[i] == c) return i;
  return -1;
}

// Reads text a character at a time; every read either advances and succeeds or leaves the position alone.
class Reader {
 public:
  explicit Reader(std::u32string text) : s_(std::move(text)) {}

  bool at_end() const { return i_ == s_.size(); }
  bool take(char32_t c) {
    if (i_ >= s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  bool take_separator() { return take(U'-') || take(U'/') || take(U'.'); }

  // ASCII digits (at most max_digits of them), or kanji numerals: positional (二〇二四) or with 十 (三十一).
  // digits_read gets the count of positional digits (0 for a number written with 十).
  std::optional<int> number(std::size_t max_digits, std::size_t* digits_read = nullptr) {
    const std::size_t start = i_;
    int value = 0;
    while (i_ < s_.size() && is_ascii_digit(s_[i_]) && i_ - start < max_digits) value = value * 10 + (s_[i_++] - U'0');
    if (i_ == start) return kanji_number(max_digits, digits_read);
    if (i_ < s_.size() && is_ascii_digit(s_[i_])) {  // more digits than a part of a date has
      i_ = start;
      return std::nullopt;
    }
    if (digits_read) *digits_read = i_ - start;
    return value;
  }

  // An era prefix: 令和, 令, ㋿ or R/r. Returns the era's index.
  std::optional<std::size_t> era() {
    for (std::size_t e = 0; e < std::size(kEras); ++e) {
      const std::u32string name = decode_utf8(kEras[e].name);
      if (s_.compare(i_, name.size(), name) == 0) {
        i_ += name.size();
        return e;
      }
    }
    for (std::size_t e = 0; e < std::size(kEras); ++e) {
      const char32_t first_kanji = decode_utf8(kEras[e].name).front();
      const auto letter = static_cast<char32_t>(kEras[e].letter);
      if (take(first_kanji) || take(kEraLigatures[e]) || take(letter) || take(letter - U'A' + U'a')) return e;
    }
    return std::nullopt;
  }

  // "(月)": a weekday in parentheses, as calendars print it after a date.
  bool weekday() {
    static constexpr std::u32string_view kWeekdays = U"日月火水木金土";
    if (i_ + 3 <= s_.size() && s_[i_] == U'(' && kWeekdays.find(s_[i_ + 1]) != std::u32string_view::npos &&
        s_[i_ + 2] == U')') {
      i_ += 3;
      return true;
    }
    return false;
  }

 private:
  std::optional<int> kanji_number(std::size_t max_digits, std::size_t* digits_read) {
    const std::size_t start = i_;
    int value = 0, tens = -1;
    std::size_t digits = 0;
    for (; i_ < s_.size(); ++i_) {
      if (s_[i_] == U'十' && tens < 0 && digits <= 1) {
        tens = digits == 0 ? 1 : value;  // 十 alone is ten, 三十 is thirty
        value = 0;
        digits = 0;
        continue;
      }
      const int d = kanji_digit(s_[i_]);
      if (d < 0) break;
      if (digits >= (tens >= 0 ? 1 : max_digits)) {
        i_ = start;
        return std::nullopt;
      }
      value = value * 10 + d;
      ++digits;
    }
    if (i_ == start) return std::nullopt;
    if (digits_read) *digits_read = tens >= 0 ? 0 : digits;
    return tens >= 0 ? tens * 10 + value : value;
  }

  std::u32string s_;
  std::size_t i_ = 0;
};

std::u32string prepare(std::string_view text) {
  std::u32string out;
  for (char32_t c : decode_utf8(normalize_hyphens(to_halfwidth_ascii(text))))
    if (!is_space(c)) out += c;
  return out;
}

ParsedDate fail(DateProblem p) { return ParsedDate{CivilDate{}, std::move(p)}; }

// What follows the year: month and day, with 年月日 or separators, then an optional 日 and weekday.
bool read_month_day(Reader& r, CivilDate& date) {
  if (!(r.take(U'年') || r.take_separator())) return false;
  auto month = r.number(2);
  if (!month || !(r.take(U'月') || r.take_separator())) return false;
  auto day = r.number(2);
  if (!day) return false;
  r.take(U'日');
  r.weekday();
  if (!r.at_end()) return false;
  date.month = *month;
  date.day = *day;
  return true;
}

ParsedDate parse_western(std::u32string text) {
  // 20240401: eight digits and nothing else.
  if (text.size() == 8 && std::all_of(text.begin(), text.end(), is_ascii_digit)) {
    auto digit = [&](std::size_t i) { return static_cast<int>(text[i] - U'0'); };
    CivilDate d{digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3), digit(4) * 10 + digit(5),
                digit(6) * 10 + digit(7)};
    return d.is_valid() ? ParsedDate{d, std::nullopt} : fail(problem("date.no_such_day"));
  }
  Reader r(std::move(text));
  std::size_t year_digits = 0;
  auto year = r.number(4, &year_digits);
  CivilDate date;
  if (!year || year_digits != 4 || !read_month_day(r, date)) return fail(problem("date.format"));
  date.year = *year;
  if (!date.is_valid()) return fail(problem("date.no_such_day"));
  return ParsedDate{date, std::nullopt};
}

}  // namespace

std::span<const Era> eras() { return kEras; }

const Era* era_of(const CivilDate& date) {
  if (!date.is_valid()) return nullptr;
  for (auto it = std::rbegin(kEras); it != std::rend(kEras); ++it)
    if (date >= it->first_day) return &*it;
  return nullptr;
}

ParsedDate parse_japanese_date(std::string_view text) {
  std::u32string prepared = prepare(text);
  Reader r(prepared);
  auto era_index = r.era();
  if (!era_index) return parse_western(std::move(prepared));

  const Era& era = kEras[*era_index];
  std::optional<int> year_of_era = r.take(U'元') ? std::optional<int>(1) : r.number(2);
  CivilDate date;
  if (!year_of_era || !read_month_day(r, date)) return fail(problem("date.format"));
  if (*year_of_era < 1) return fail(problem("date.no_such_day"));
  date.year = era.first_year + *year_of_era - 1;
  if (!date.is_valid()) return fail(problem("date.no_such_day"));
  if (date < kEras[0].first_day) return fail(problem("date.before_1873"));

  // The date exists but not in the era written: say which era it belongs to, so the resident can confirm.
  const Era* actual = era_of(date);
  if (actual != &era)
    return fail(DateProblem{
        "date.era_range",
        {{"era", std::string(era.name)}, {"suggestion", format_wareki(date)}, {"western", date.iso()}}});
  return ParsedDate{date, std::nullopt};
}

std::string format_wareki(const CivilDate& date) {
  const Era* era = era_of(date);
  if (!era) return {};
  const int year = date.year - era->first_year + 1;
  return std::string(era->name) + (year == 1 ? "元" : std::to_string(year)) + "年" + std::to_string(date.month) +
         "月" + std::to_string(date.day) + "日";
}

std::string format_western(const CivilDate& date) {
  if (!date.is_valid()) return {};
  return std::to_string(date.year) + "年" + std::to_string(date.month) + "月" + std::to_string(date.day) + "日";
}

}  // namespace madoguchi

// A resident exports their deadlines to a phone calendar: the file must follow RFC 5545 exactly
// (CRLF, escaping, folding) or calendar apps drop events or show broken Japanese.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/icalendar.hpp"

using namespace madoguchi;

namespace {
const std::string kStamp = "20260321T010203Z";

// RFC 5545 3.1: unfolding removes each CRLF followed by one space.
std::string unfold(std::string text) {
  for (auto at = text.find("\r\n "); at != std::string::npos; at = text.find("\r\n ", at)) text.erase(at, 3);
  return text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (auto end = text.find("\r\n"); end != std::string::npos; end = text.find("\r\n", start)) {
    out.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

// Each line on its own must be whole UTF-8: a fold inside a character would break both halves.
bool is_whole_utf8(const std::string& text) {
  auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k)
      if (!continuation(text[i + k])) return false;
    i += length;
  }
  return true;
}
}  // namespace

TEST_CASE("one event as exact iCalendar text, with escaping", "[dates]") {
  const std::vector<CalendarEntry> entries = {
      {"shussei-todoke.birth@madoguchi", {2026, 4, 2}, "Birth; registration, ward\\office",
       "Bring: ID, seal\nWhere: counter 3"},
  };
  const std::string expected =
      "BEGIN:VCALENDAR\r\n"
      "VERSION:2.0\r\n"
      "PRODID:-//Madoguchi//Life event checklist//JA\r\n"
      "CALSCALE:GREGORIAN\r\n"
      "METHOD:PUBLISH\r\n"
      "BEGIN:VEVENT\r\n"
      "UID:shussei-todoke.birth@madoguchi\r\n"
      "DTSTAMP:20260321T010203Z\r\n"
      "DTSTART;VALUE=DATE:20260402\r\n"
      "DTEND;VALUE=DATE:20260403\r\n"
      "SUMMARY:Birth\\; registration\\, ward\\\\office\r\n"
      "DESCRIPTION:Bring: ID\\, seal\\nWhere: counter 3\r\n"
      "TRANSP:TRANSPARENT\r\n"
      "BEGIN:VALARM\r\n"
      "ACTION:DISPLAY\r\n"
      "DESCRIPTION:Birth\\; registration\\, ward\\\\office\r\n"
      "TRIGGER:-PT15H\r\n"
      "END:VALARM\r\n"
      "END:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  CHECK(to_icalendar(entries, kStamp) == expected);
}

TEST_CASE("line breaks of any kind become \\n and other control characters are dropped", "[dates]") {
  const auto text = to_icalendar({{"u", {2026, 4, 2}, "a\r\nb\rc\td\x01", ""}}, kStamp);
  CHECK(text.find("SUMMARY:a\\nb\\nc\td\r\n") != std::string::npos);
}

TEST_CASE("a long Japanese summary folds at 75 octets without breaking a character", "[dates]") {
  const std::string summary =
      "出生届（子どもが生まれたとき）：生まれた日を含めて14日以内に届け出てください。区役所の戸籍住民課窓口へ";
  const std::string text = to_icalendar({{"u", {2026, 4, 2}, summary, "説明"}}, kStamp);
  int continuation_lines = 0;
  for (const auto& line : lines_of(text)) {
    INFO(line);
    CHECK(line.size() <= 75);
    const std::string content = line.rfind(' ', 0) == 0 ? line.substr(1) : line;
    continuation_lines += line.rfind(' ', 0) == 0 ? 1 : 0;
    CHECK(is_whole_utf8(content));
  }
  CHECK(continuation_lines >= 2);
  CHECK(unfold(text).find("\r\nSUMMARY:" + summary + "\r\n") != std::string::npos);
  CHECK(unfold(text).find("\r\nDESCRIPTION:" + summary + "\r\n") != std::string::npos);  // the alarm's
  int bare_line_feeds = 0;  // every line ends in CRLF
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
    bare_line_feeds += at == 0 || text[at - 1] != '\r' ? 1 : 0;
  CHECK(bare_line_feeds == 0);
}

TEST_CASE("an all-day event ends the next day, across month and year ends", "[dates]") {
  const std::string text = to_icalendar(
      {{"a", {2026, 1, 31}, "a", ""}, {"b", {2026, 12, 31}, "b", ""}, {"c", {2028, 2, 28}, "c", ""}}, kStamp);
  CHECK(text.find("DTSTART;VALUE=DATE:20260131\r\nDTEND;VALUE=DATE:20260201\r\n") != std::string::npos);
  CHECK(text.find("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n") != std::string::npos);
  CHECK(text.find("DTSTART;VALUE=DATE:20280228\r\nDTEND;VALUE=DATE:20280229\r\n") != std::string::npos);
}

TEST_CASE("an entry without a real date is left out; no entries is an empty calendar", "[dates]") {
  const std::string text = to_icalendar({{"bad", {2026, 2, 30}, "x", ""}, {"good", {2026, 3, 2}, "y", ""}}, kStamp);
  CHECK(text.find("UID:bad") == std::string::npos);
  CHECK(text.find("UID:good") != std::string::npos);
  CHECK(to_icalendar({}, kStamp) ==
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Madoguchi//Life event checklist//JA\r\nCALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\nEND:VCALENDAR\r\n");
}

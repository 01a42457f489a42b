// Writes iCalendar text by RFC 5545: content lines (3.1), TEXT escaping (3.3.11), DATE values (3.3.4),
// all-day events whose DTEND is the day after (3.6.1), and a DISPLAY alarm (3.6.6).
#include "icalendar.hpp"

#include <cstdio>

namespace madoguchi {

namespace {
constexpr std::size_t kMaxLineOctets = 75;  // RFC 5545 3.1, not counting the CRLF

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// RFC 5545 3.3.11: backslash, semicolon and comma are escaped, a line break becomes "\n"; other
// control characters are not allowed in a value and are dropped.
std::string escape_text(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r' || c == '\n') {
      out += "\\n";
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if ((static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) || c == '\t') {
      out += c;
    }
  }
  return out;
}

// RFC 5545 3.1: a line over 75 octets continues on lines that start with one space; we break only
// before the first byte of a UTF-8 character, so no character is split.
void append_folded(std::string& out, std::string_view line) {
  std::size_t limit = kMaxLineOctets;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && is_utf8_continuation(line[cut])) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 at all: split anyway rather than loop
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxLineOctets - 1;  // the leading space counts
  }
  out.append(line);
  out += "\r\n";
}

std::string basic_date(CivilDate date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", date.year, date.month, date.day);
  return buffer;
}

void append_event(std::string& out, const CalendarEntry& entry, std::string_view dtstamp_utc) {
  const std::string summary = escape_text(entry.summary);
  append_folded(out, "BEGIN:VEVENT");
  append_folded(out, "UID:" + escape_text(entry.uid));
  append_folded(out, "DTSTAMP:" + escape_text(dtstamp_utc));
  append_folded(out, "DTSTART;VALUE=DATE:" + basic_date(entry.date));
  append_folded(out, "DTEND;VALUE=DATE:" + basic_date(entry.date.add_days(1)));  // DTEND is exclusive
  append_folded(out, "SUMMARY:" + summary);
  append_folded(out, "DESCRIPTION:" + escape_text(entry.description));
  append_folded(out, "TRANSP:TRANSPARENT");  // a deadline does not make the resident busy
  append_folded(out, "BEGIN:VALARM");
  append_folded(out, "ACTION:DISPLAY");
  append_folded(out, "DESCRIPTION:" + summary);  // required for DISPLAY (3.6.6)
  append_folded(out, "TRIGGER:-PT15H");          // 15 hours before the day starts: 09:00 the day before
  append_folded(out, "END:VALARM");
  append_folded(out, "END:VEVENT");
}
}  // namespace

std::string to_icalendar(const std::vector<CalendarEntry>& entries, std::string_view dtstamp_utc) {
  std::string out;
  append_folded(out, "BEGIN:VCALENDAR");
  append_folded(out, "VERSION:2.0");
  append_folded(out, "PRODID:-//Madoguchi//Life event checklist//JA");
  append_folded(out, "CALSCALE:GREGORIAN");
  append_folded(out, "METHOD:PUBLISH");
  for (const auto& entry : entries)
    if (entry.date.is_valid()) append_event(out, entry, dtstamp_utc);
  append_folded(out, "END:VCALENDAR");
  return out;
}

}  // namespace madoguchi

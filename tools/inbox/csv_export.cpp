// Builds a procedure's CSV from the saved submissions: columns from the catalog's form, rows by receipt.
#include "csv_export.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/application_json.hpp"
#include "core/civil_date.hpp"

namespace madoguchi::inbox {

namespace {

struct Column {
  std::string path, header;
};

// Staff read times in Japan time; the envelope and endpoint keep UTC ("2026-11-23T09:30:00Z").
std::string japan_time(const std::string& utc) {
  const auto date = utc.size() == 20 ? CivilDate::parse_iso(std::string_view(utc).substr(0, 10)) : std::nullopt;
  if (!date || utc[10] != 'T' || utc[19] != 'Z' || !std::isdigit(static_cast<unsigned char>(utc[11])) ||
      !std::isdigit(static_cast<unsigned char>(utc[12])))
    return utc;  // not the form the endpoint writes: shown as it came
  int hour = std::stoi(utc.substr(11, 2)) + 9;
  const CivilDate day = date->add_days(hour / 24);
  hour %= 24;
  return day.iso() + " " + (hour < 10 ? "0" : "") + std::to_string(hour) + utc.substr(13, 6);
}

void form_columns(const std::vector<FieldSpec>& fields, const std::string& prefix, const std::string& header_prefix,
                  const std::vector<FormValues>& rows, std::vector<Column>& out) {
  for (const auto& spec : fields) {
    const std::string path = prefix + spec.id;
    const std::string& label = spec.label.in("ja");
    if (spec.kind != FieldKind::Group) {
      out.push_back({path, header_prefix + (label.empty() ? spec.id : label)});
      continue;
    }
    int items = 0;
    for (const auto& row : rows) items = std::max(items, row.item_count(path));
    for (int i = 0; i < items; ++i)
      form_columns(spec.fields, path + "[" + std::to_string(i) + "].",
                   header_prefix + label + "（" + std::to_string(i + 1) + "）", rows, out);
  }
}

std::string display_value(const FormSpec* form, const std::string& path, const std::string& value) {
  const FieldSpec* spec = form ? find_field_by_path(form->fields, path) : nullptr;
  if (!spec) return value;
  if (spec->kind == FieldKind::Checkbox) return value == "yes" ? "はい" : value == "no" ? "いいえ" : value;
  if (spec->kind == FieldKind::Choice)
    for (const auto& option : spec->options)
      if (option.value == value) return option.label.in("ja");
  return value;
}

// RFC 4180 quoting, and a leading ' on text a spreadsheet would run as a formula (CSV injection): a
// resident's answer must never become a command on a ward computer.
void append_cell(std::string& out, std::string_view cell) {
  out += '"';
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) out += '\'';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

void append_csv_row(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    append_cell(out, cells[i]);
  }
  out += "\r\n";
}

std::string procedure_csv(const FormSpec* form, const std::vector<SavedSubmission>& submissions) {
  std::vector<FormValues> rows;
  std::vector<std::string> languages;
  for (const auto& s : submissions) {
    ApplicationRead read = read_application_json(s.application_json);
    rows.push_back(read.answers ? std::move(read.answers->values) : FormValues{});
    languages.push_back(read.answers ? read.answers->language : std::string());
  }
  std::vector<Column> columns{{"", "受付番号"}, {"", "受信日時"}, {"", "申請日時"}, {"", "補正元の受付番号"},
                              {"", "言語"},     {"", "添付ファイル数"}};
  const std::size_t fixed = columns.size();
  if (form) form_columns(form->fields, "", "", rows, columns);
  std::set<std::string, std::less<>> known;
  for (std::size_t i = fixed; i < columns.size(); ++i) known.insert(columns[i].path);
  std::set<std::string> extra;
  for (const auto& row : rows)
    for (const auto& [path, value] : row.all())
      if (!known.contains(path)) extra.insert(path);
  for (const auto& path : extra) columns.push_back({path, path});

  std::string out = "\xEF\xBB\xBF";
  std::vector<std::string> cells;
  for (const auto& c : columns) cells.push_back(c.header);
  append_csv_row(out, cells);
  for (std::size_t r = 0; r < submissions.size(); ++r) {
    const SavedSubmission& s = submissions[r];
    cells = {s.receipt, japan_time(s.received), japan_time(s.created), s.corrects, languages[r],
             std::to_string(s.attachments.size())};
    for (std::size_t i = fixed; i < columns.size(); ++i) {
      const auto value = rows[r].get(columns[i].path);
      cells.push_back(value ? display_value(form, columns[i].path, std::string(*value)) : std::string());
    }
    append_csv_row(out, cells);
  }
  return out;
}

}  // namespace madoguchi::inbox

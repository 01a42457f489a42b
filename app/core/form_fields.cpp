// Kind names for the catalog, lookups by id, and field paths of repeat-group items.
#include "form_fields.hpp"

#include <algorithm>

namespace madoguchi {

namespace {
struct KindName {
  FieldKind kind;
  std::string_view name;
};
constexpr KindName kKindNames[] = {
    {FieldKind::Text, "text"},         {FieldKind::Name, "name"},         {FieldKind::Furigana, "furigana"},
    {FieldKind::Date, "date"},         {FieldKind::PostalCode, "postal-code"}, {FieldKind::Address, "address"},
    {FieldKind::Phone, "phone"},       {FieldKind::Email, "email"},       {FieldKind::Choice, "choice"},
    {FieldKind::Checkbox, "checkbox"}, {FieldKind::Number, "number"},     {FieldKind::MyNumber, "my-number"},
    {FieldKind::Group, "group"},       {FieldKind::Attachment, "attachment"},
};
}  // namespace

std::string_view field_kind_name(FieldKind kind) {
  for (const auto& k : kKindNames)
    if (k.kind == kind) return k.name;
  return {};
}

std::optional<FieldKind> field_kind_from_name(std::string_view name) {
  for (const auto& k : kKindNames)
    if (k.name == name) return k.kind;
  return std::nullopt;
}

const FieldSpec* find_field(const std::vector<FieldSpec>& fields, std::string_view id) {
  auto it = std::find_if(fields.begin(), fields.end(), [&](const FieldSpec& f) { return f.id == id; });
  return it == fields.end() ? nullptr : &*it;
}

const FieldSpec* find_field_by_path(const std::vector<FieldSpec>& fields, std::string_view path) {
  const std::vector<FieldSpec>* scope = &fields;
  const FieldSpec* found = nullptr;
  while (!path.empty()) {
    const std::size_t dot = path.find('.');
    std::string_view segment = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    if (found && found->kind != FieldKind::Group) return nullptr;  // a path can go on only inside a group
    found = find_field(*scope, segment.substr(0, segment.find('[')));
    if (!found) return nullptr;
    scope = &found->fields;
  }
  return found;
}

std::string item_path(std::string_view group_path, int index, std::string_view field_id) {
  return std::string(group_path) + "[" + std::to_string(index) + "]." + std::string(field_id);
}

void FormValues::set(std::string path, std::string value) { values_[std::move(path)] = std::move(value); }

std::optional<std::string_view> FormValues::get(std::string_view path) const {
  auto it = values_.find(path);
  if (it == values_.end()) return std::nullopt;
  return std::string_view(it->second);
}

void FormValues::set_item_count(std::string group_path, int count) {
  item_counts_[std::move(group_path)] = std::max(count, 0);
}

namespace {

// The item index of `path` inside the group at `group_path` ("members[2].name" → 2), or -1.
int item_index(std::string_view path, std::string_view group_path) {
  if (!path.starts_with(group_path) || path.size() <= group_path.size() || path[group_path.size()] != '[') return -1;
  const std::size_t open = group_path.size() + 1;
  const std::size_t close = path.find(']', open);
  if (close == std::string_view::npos || close == open || close - open > 6) return -1;
  int index = 0;
  for (char c : path.substr(open, close - open)) {
    if (c < '0' || c > '9') return -1;
    index = index * 10 + (c - '0');
  }
  return index;
}

// `path` with its item index in the group at `group_path` replaced by `index`.
std::string with_item_index(std::string_view path, std::string_view group_path, int index) {
  const std::size_t close = path.find(']', group_path.size());
  return std::string(group_path) + "[" + std::to_string(index) + std::string(path.substr(close));
}

template <typename Map>
void remove_item_from(Map& map, std::string_view group_path, int index) {
  Map kept;
  for (auto& [path, value] : map) {
    const int i = item_index(path, group_path);
    if (i == index) continue;
    if (i > index) kept.emplace(with_item_index(path, group_path, i - 1), std::move(value));
    else kept.emplace(path, std::move(value));
  }
  map = std::move(kept);
}

}  // namespace

void FormValues::remove_item(std::string_view group_path, int index) {
  const int count = item_count(group_path);
  if (index < 0 || index >= count) return;
  remove_item_from(values_, group_path, index);
  remove_item_from(item_counts_, group_path, index);
  item_counts_[std::string(group_path)] = count - 1;
}

int FormValues::item_count(std::string_view group_path) const {
  if (auto it = item_counts_.find(group_path); it != item_counts_.end()) return it->second;
  // Paths of items are "<group>[<index>]." followed by a field; they sort right after "<group>[".
  const std::string prefix = std::string(group_path) + "[";
  int count = 0;
  for (auto it = values_.lower_bound(prefix); it != values_.end() && it->first.starts_with(prefix); ++it)
    count = std::max(count, item_index(it->first, group_path) + 1);
  return count;
}

}  // namespace madoguchi

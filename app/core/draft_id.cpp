// Draft ids are plain strings so they can key the drafts map, the device records ("draft/<id>") and
// the address ("#/apply/<id>") alike.
#include "draft_id.hpp"

#include "navigation.hpp"

namespace madoguchi {

bool is_catalog_id(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::string_view procedure_of(std::string_view draft_id) { return draft_id.substr(0, draft_id.find('~')); }

int draft_number(std::string_view draft_id) {
  const std::size_t tilde = draft_id.find('~');
  if (tilde == std::string_view::npos) return 1;
  int n = 0;
  for (char c : draft_id.substr(tilde + 1)) n = n * 10 + (c - '0');
  return n;
}

bool is_draft_id(std::string_view s) {
  const std::size_t tilde = s.find('~');
  if (!is_catalog_id(s.substr(0, tilde))) return false;
  if (tilde == std::string_view::npos) return true;
  const std::string_view n = s.substr(tilde + 1);
  if (n.empty() || n.size() > 3 || n[0] == '0') return false;
  for (char c : n)
    if (c < '0' || c > '9') return false;
  return n != "1";
}

std::string new_draft_id(const Navigation& nav, std::string_view procedure_id) {
  std::string id(procedure_id);
  for (int n = 2; nav.drafts.count(id) != 0 && n <= 999; ++n) id = std::string(procedure_id) + "~" + std::to_string(n);
  return id;
}

std::string draft_to_open(const Navigation& nav, std::string_view procedure_id) {
  const std::string* latest = nullptr;
  const std::string* waiting = nullptr;
  for (const auto& [id, draft] : nav.drafts) {
    if (procedure_of(id) != procedure_id) continue;
    if (!draft.queued.empty()) {
      waiting = &id;
      continue;
    }
    // Not saved yet ("") means made a moment ago: the newest of all.
    const auto newer = [](const std::string& a, const std::string& b) { return a.empty() ? !b.empty() : !b.empty() && a > b; };
    if (!latest || newer(draft.edited, nav.drafts.find(*latest)->second.edited)) latest = &id;
  }
  if (latest) return *latest;
  if (waiting) return *waiting;
  return new_draft_id(nav, procedure_id);
}

}  // namespace madoguchi

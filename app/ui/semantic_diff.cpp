// Compares two frames' nodes by id: removals, insertions and changes, plus the order when it moved.
#include "semantic_diff.hpp"

#include <boost/json.hpp>
#include <unordered_map>

namespace madoguchi::ui {

MirrorChanges diff_mirror(const std::vector<SemanticNode>& before, const std::vector<SemanticNode>& after) {
  MirrorChanges out;
  std::unordered_map<std::uint32_t, const SemanticNode*> old_by_id;
  for (const auto& n : before) old_by_id[n.id] = &n;
  std::unordered_map<std::uint32_t, bool> still_there;
  for (const auto& n : after) {
    still_there[n.id] = true;
    auto it = old_by_id.find(n.id);
    if (it == old_by_id.end() || !(*it->second == n)) out.upserted.push_back(n);
  }
  for (const auto& n : before)
    if (!still_there.count(n.id)) out.removed.push_back(n.id);
  bool same_order = before.size() == after.size();
  for (std::size_t i = 0; same_order && i < after.size(); ++i) same_order = before[i].id == after[i].id;
  if (!same_order)
    for (const auto& n : after) out.order.push_back(n.id);
  return out;
}

std::string to_json(const MirrorChanges& changes) {
  namespace json = boost::json;
  json::array removed(changes.removed.begin(), changes.removed.end());
  json::array order(changes.order.begin(), changes.order.end());
  json::array upserted;
  for (const auto& n : changes.upserted) {
    json::object o{{"id", n.id}, {"role", role_name(n.role)}, {"name", n.name}, {"description", n.description},
                   {"level", n.level}, {"disabled", n.disabled}, {"checked", n.checked}, {"group", n.group},
                   {"x", n.x}, {"y", n.y}, {"w", n.w}, {"h", n.h}};
    if (n.role == Role::TextBox) {
      o["value"] = n.value;
      o["inputmode"] = n.input_mode;
      o["autocomplete"] = n.autocomplete;
      o["invalid"] = n.invalid;
      o["required"] = n.required;
      o["secret"] = n.secret;
      o["focus"] = n.take_focus;
    }
    upserted.push_back(std::move(o));
  }
  return json::serialize(json::object{{"removed", removed}, {"upserted", upserted}, {"order", order}});
}

}  // namespace madoguchi::ui

// Walks the profile-linked fields once for prefilling and once for changes, with the same reach.
#include "profile.hpp"

#include <algorithm>
#include <functional>

#include "catalog.hpp"
#include "draft_id.hpp"
#include "field_validation.hpp"
#include "navigation.hpp"

namespace madoguchi {
namespace {

// Visits each profile-linked field with its path: top-level fields and the first item of groups.
void for_each_linked(const std::vector<FieldSpec>& fields, const std::string& prefix,
                     const std::function<void(const FieldSpec&, const std::string&)>& visit) {
  for (const auto& f : fields) {
    if (f.kind == FieldKind::Group) {
      for_each_linked(f.fields, item_path(prefix + f.id, 0, ""), visit);
    } else if (!f.profile_key.empty()) {
      visit(f, prefix + f.id);
    }
  }
}

}  // namespace

Prefilled prefill(const FormSpec& form, const Profile& profile, FormValues typed) {
  Prefilled out{std::move(typed), {}};
  for_each_linked(form.fields, "", [&](const FieldSpec& f, const std::string& path) {
    auto known = profile.values.find(f.profile_key);
    if (known == profile.values.end() || known->second.empty()) return;
    auto current = out.values.get(path);
    if (current && !current->empty()) return;
    out.values.set(path, known->second);
    out.from_profile.insert(path);
  });
  return out;
}

std::vector<ProfileChange> profile_changes(const FormSpec& form, const FormValues& values, const Profile& profile) {
  std::vector<ProfileChange> out;
  for_each_linked(form.fields, "", [&](const FieldSpec& f, const std::string& path) {
    auto typed = values.get(path);
    if (!typed || typed->empty()) return;
    FieldResult checked = validate_field(f, *typed);
    if (checked.problem || checked.normalized.empty()) return;
    auto known = profile.values.find(f.profile_key);
    std::string old_value = known == profile.values.end() ? "" : known->second;
    // Compared normalized: "山田 花子" and "山田　花子" are the same name, not a change to offer.
    FieldResult old_checked = validate_field(f, old_value);
    if (!old_checked.problem && old_checked.normalized == checked.normalized) return;
    out.push_back({f.profile_key, path, old_value, checked.normalized});
  });
  return out;
}

void apply_changes(Profile& profile, const std::vector<ProfileChange>& accepted) {
  for (const auto& c : accepted) profile.values[c.key] = c.new_value;
}

Profile profile_from_answers(const Catalog& catalog, const Navigation& nav, std::string_view except_draft) {
  struct Source {
    std::string_view procedure_id, time;
    const FormValues* values;
  };
  std::vector<Source> sources;
  for (const auto& [id, draft] : nav.drafts)
    if (id != except_draft) sources.push_back({procedure_of(id), draft.edited, &draft.values});
  std::stable_sort(sources.begin(), sources.end(), [](const Source& a, const Source& b) { return a.time > b.time; });
  for (auto it = nav.sent.rbegin(); it != nav.sent.rend(); ++it) sources.push_back({it->procedure_id, it->sent_at, &it->values});
  Profile out;
  for (const auto& source : sources) {
    const Procedure* procedure = catalog.find_procedure(source.procedure_id);
    if (!procedure || !procedure->form) continue;
    for_each_linked(procedure->form->fields, "", [&](const FieldSpec& f, const std::string& path) {
      if (out.values.count(f.profile_key)) return;
      const FieldResult checked = validate_field(f, source.values->get(path).value_or(""));
      if (!checked.problem && !checked.normalized.empty()) out.values.emplace(f.profile_key, checked.normalized);
    });
  }
  return out;
}

}  // namespace madoguchi

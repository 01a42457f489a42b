// The resident's basic facts, entered once and prefilled into every form that asks for them
// (ワンスオンリー): 氏名, フリガナ, 生年月日, 住所, 電話, メール.
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "form_fields.hpp"

namespace madoguchi {

struct Profile {
  std::map<std::string, std::string, std::less<>> values;  // profile key -> normalized value
};

struct Prefilled {
  FormValues values;
  std::set<std::string, std::less<>> from_profile;  // paths whose value came from the profile, shown as such
};

// Fills empty fields that name a profile key: fields at the top of the form, and in a repeat
// group its first item (the resident is the first person listed). What the resident already
// typed is never overwritten.
Prefilled prefill(const FormSpec& form, const Profile& profile, FormValues typed);

struct ProfileChange {
  std::string key;       // "address"
  std::string path;      // the form field it came from
  std::string old_value;  // empty when the profile had none
  std::string new_value;
};

// Valid values the resident entered in profile-linked fields that differ from the profile: the
// form offers to save them back.
std::vector<ProfileChange> profile_changes(const FormSpec& form, const FormValues& values, const Profile& profile);

void apply_changes(Profile& profile, const std::vector<ProfileChange>& accepted);

struct Catalog;
struct Navigation;

// What the resident already answered in profile-linked fields of the other forms on this device: the
// drafts changed last first, then the applications sent newest first; each key from the first that has a
// valid value. The procedures of one life event ask the same name, address and phone, so another form can
// take them with one tap.
Profile profile_from_answers(const Catalog& catalog, const Navigation& nav, std::string_view except_draft);

}  // namespace madoguchi

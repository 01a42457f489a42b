// An accepted answer as the resident reads it back on "check your answers": a choice by its label, a
// date with its weekday, a 個人番号 masked but for its last four digits (a shared tablet is seen by others).
#pragma once
#include <string>
#include <string_view>

#include "form_fields.hpp"
#include "messages.hpp"

namespace madoguchi {

// `normalized` is what check_form accepted for a field of this spec; `wareki` as format_date's.
std::string answer_text(const FieldSpec& spec, std::string_view normalized, const Messages& messages,
                        std::string_view language, bool wareki = false);

// Whose form a draft is, as the resident typed it: the first name the form asks for at its top level
// (the applicant's), "" before one is typed. It tells two drafts of one procedure apart in a list.
std::string draft_name(const FormSpec& form, const FormValues& values);

// "●●●● ●●●● 1234" for twelve digits; any other length masks every digit.
std::string masked_my_number(std::string_view digits);

}  // namespace madoguchi

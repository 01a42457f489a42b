// A long form asked a page at a time (one question or one small group per page): the catalog puts a page
// title on the field that starts each page. Which pages a resident passes through follows the fields
// their answers show.
#pragma once
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "field_validation.hpp"
#include "form_fields.hpp"

namespace madoguchi {

// More top-level fields than this and a form must be divided into pages (the catalog loader says so).
inline constexpr std::size_t kOnePageFields = 9;

inline bool starts_page(const FieldSpec& field) { return !field.page.by_language.empty(); }

struct FormPage {
  std::size_t first = 0, end = 0;        // its top-level fields: form.fields[first, end)
  const LocalizedText* title = nullptr;  // nullptr for the one page of a form without pages
};

// Every page of the form in order; a form without page titles is one page.
std::vector<FormPage> form_pages(const FormSpec& form);

// The page that asks `path` ("members[1].name" is asked with "members"); 0 when the form has no such field.
int page_of(const FormSpec& form, std::string_view path);

// The pages with at least one field the resident sees now (`shown`: CheckedForm::shown), in order.
std::vector<int> shown_pages(const FormSpec& form, const std::set<std::string, std::less<>>& shown);

// The page a form screen draws for the page in its address: that page when its fields are shown, else
// the next one that is (a choice made earlier hid it), else the last one.
int page_to_draw(const std::vector<int>& shown_pages, int wanted);

// The problems on one page: what its "continue" checks and its error summary lists.
std::vector<FieldProblem> page_problems(const FormSpec& form, const CheckedForm& checked, int page);

// The earliest page with a problem, or -1 when the form has none.
int first_problem_page(const FormSpec& form, const CheckedForm& checked);

// Where a resident coming back to a draft goes on: the earliest page still missing something, or the
// last page (one tap from the review) when nothing is.
int resume_page(const FormSpec& form, const CheckedForm& checked);

}  // namespace madoguchi

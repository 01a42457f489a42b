// Pages are slices of the top-level fields; a repeat group stays whole on the page that starts it.
#include "form_pages.hpp"

#include <algorithm>

namespace madoguchi {

std::vector<FormPage> form_pages(const FormSpec& form) {
  std::vector<FormPage> pages;
  for (std::size_t i = 0; i < form.fields.size(); ++i) {
    if (pages.empty() || starts_page(form.fields[i])) {
      if (!pages.empty()) pages.back().end = i;
      pages.push_back({i, form.fields.size(), starts_page(form.fields[i]) ? &form.fields[i].page : nullptr});
    }
  }
  if (pages.empty()) pages.push_back({});
  return pages;
}

int page_of(const FormSpec& form, std::string_view path) {
  const std::string_view top = path.substr(0, path.find_first_of("[."));
  const auto pages = form_pages(form);
  for (std::size_t p = 0; p < pages.size(); ++p)
    for (std::size_t i = pages[p].first; i < pages[p].end; ++i)
      if (form.fields[i].id == top) return static_cast<int>(p);
  return 0;
}

std::vector<int> shown_pages(const FormSpec& form, const std::set<std::string, std::less<>>& shown) {
  std::vector<int> out;
  const auto pages = form_pages(form);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const bool any = std::any_of(form.fields.begin() + static_cast<std::ptrdiff_t>(pages[p].first),
                                 form.fields.begin() + static_cast<std::ptrdiff_t>(pages[p].end),
                                 [&](const FieldSpec& f) { return shown.count(f.id) != 0; });
    if (any) out.push_back(static_cast<int>(p));
  }
  return out;
}

int page_to_draw(const std::vector<int>& shown_pages, int wanted) {
  if (shown_pages.empty()) return 0;
  auto next = std::lower_bound(shown_pages.begin(), shown_pages.end(), wanted);
  return next == shown_pages.end() ? shown_pages.back() : *next;
}

std::vector<FieldProblem> page_problems(const FormSpec& form, const CheckedForm& checked, int page) {
  std::vector<FieldProblem> out;
  for (const auto& problem : checked.problems)
    if (page_of(form, problem.field_path) == page) out.push_back(problem);
  return out;
}

int first_problem_page(const FormSpec& form, const CheckedForm& checked) {
  int first = -1;
  for (const auto& problem : checked.problems) {
    const int page = page_of(form, problem.field_path);
    if (first < 0 || page < first) first = page;
  }
  return first;
}

int resume_page(const FormSpec& form, const CheckedForm& checked) {
  if (const int page = first_problem_page(form, checked); page >= 0) return page;
  const auto shown = shown_pages(form, checked.shown);
  return shown.empty() ? 0 : shown.back();
}

}  // namespace madoguchi

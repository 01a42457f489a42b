// An application form, a page at a time when it is long: every field of the page the resident's answers
// make relevant, in catalog order, with repeat groups they can add to and remove from. "Continue" checks
// the page; with problems, a summary on top links to each field and each field shows its own message
// (GOV.UK's error pattern).
#include <imgui.h>

#include <algorithm>
#include <map>

#include "core/answer_text.hpp"
#include "core/field_validation.hpp"
#include "core/form_pages.hpp"
#include "core/profile.hpp"
#include "screens.hpp"

namespace madoguchi::ui {
namespace {

// The keyboard a phone should show and what the browser may autofill, by kind.
struct InputHints {
  std::string_view input_mode, autocomplete;
};

InputHints input_hints(FieldKind kind) {
  switch (kind) {
    case FieldKind::Name: return {"text", "name"};
    case FieldKind::PostalCode: return {"numeric", "postal-code"};
    case FieldKind::Address: return {"text", "street-address"};
    case FieldKind::Phone: return {"tel", "tel"};
    case FieldKind::Email: return {"email", "email"};
    case FieldKind::Number:
    case FieldKind::MyNumber: return {"numeric", "off"};
    default: return {"text", "off"};
  }
}

class FormView {
 public:
  FormView(const ViewInput& in, const Procedure& procedure, const FormDraft& draft, std::vector<Action>& actions)
      : in_(in), lang_(in.nav.language), draft_id_(in.nav.current.draft_id), procedure_(procedure), form_(*procedure.form),
        draft_(draft), actions_(actions),
        checked_(check_form(form_, draft.values, &in.nav.files)),
        pages_(form_pages(form_)),
        shown_pages_(shown_pages(form_, checked_.shown)),
        page_(page_to_draw(shown_pages_, in.nav.current.page)),
        page_problems_(page_problems(form_, checked_, page_)),
        group_level_(pages_[static_cast<std::size_t>(page_)].title ? 3 : 2) {
    if (draft.show_problems)
      for (const auto& p : page_problems_) problems_.emplace(p.field_path, problem_message(p, form_, in.messages, lang_));
  }

  void draw() {
    const auto& m = in_.messages;
    if (BackButton(m.get(lang_, "nav.back"))) actions_.emplace_back(std::in_place_type<GoBack>);
    Heading(counter_name(procedure_.title, lang_), 1);
    if (const int number = draft_number(draft_id_); number > 1 || another_draft_exists())
      SecondaryText(m.format(lang_, "form.which_draft", {{"number", std::to_string(number)}}));
    const bool first = shown_pages_.empty() || page_ == shown_pages_.front();
    if (first) {
      CatalogLanguageNote(in_, lang_);
      Paragraph(m.get(lang_, pages_.size() > 1 ? "form.lead_pages" : "form.lead"));
      if (!procedure_.online.available) Paragraph(m.get(lang_, "form.counter_lead"));
      if (!draft_.corrects.empty()) Paragraph(m.format(lang_, "form.corrects", {{"receipt", draft_.corrects}}));
      if (!draft_.set_aside.empty()) draw_set_aside();
    }
    if (const FormPage& page = pages_[static_cast<std::size_t>(page_)]; page.title) {
      const auto position = std::find(shown_pages_.begin(), shown_pages_.end(), page_) - shown_pages_.begin();
      SecondaryText(m.format(lang_, "form.page_of", {{"page", std::to_string(position + 1)},
                                                       {"pages", std::to_string(shown_pages_.size())}}));
      Heading(page.title->in(lang_), 2);
    }
    draw_shared();
    if (!problems_.empty()) draw_summary();
    Separator();
    draw_page_fields();
    Separator();
    draw_continue();
    if (first && !draft_.values.all().empty()) draw_another();
  }

 private:
  // The page's "continue": to the next page the resident's answers show, or to the review from the last
  // page (or from the page the review sent them back to, once nothing is missing). An answer here can
  // break a rule with one on an earlier page (moved in before moving out): that page opens with its error.
  void draw_continue() {
    const auto& m = in_.messages;
    const auto next = std::upper_bound(shown_pages_.begin(), shown_pages_.end(), page_);
    const bool to_review = next == shown_pages_.end() || (draft_.changing_from && checked_.problems.empty());
    // Named per page, so the mirror's button is a new one and focus moves to the new page's heading.
    if (!Button(m.get(lang_, to_review ? "form.continue" : "form.next_page"), "page-continue-" + std::to_string(page_), true))
      return;
    const int first_problem_page = madoguchi::first_problem_page(form_, checked_);
    if (!page_problems_.empty()) {
      actions_.push_back(ShowProblems{draft_id_});
      ImGui::SetScrollY(0.0f);  // the summary is at the top
    } else if (first_problem_page >= 0 && (first_problem_page < page_ || to_review)) {
      actions_.push_back(OpenFormPage{draft_id_, first_problem_page, true});
    } else if (to_review) {
      actions_.push_back(OpenReview{draft_id_});
    } else {
      actions_.push_back(OpenFormPage{draft_id_, *next, false});
    }
  }

  // Answers typed into an older version of this form whose field it no longer has: shown, so the resident
  // can copy them where they now belong, and removed only when the resident says so.
  void draw_set_aside() {
    const auto& m = in_.messages;
    Alert(m.get(lang_, "form.set_aside"));
    for (const auto& [path, value] : draft_.set_aside) Paragraph(path + "：" + value);
    if (Button(m.get(lang_, "form.set_aside_done"), "form.set_aside_done"))
      actions_.push_back(DismissSetAside{draft_id_});
  }

  // The name, address and phone the resident typed into another form of this device: offered in one
  // tap for the empty fields that ask the same (ワンスオンリー), never filled in behind their back.
  void draw_shared() {
    const Prefilled shared = prefill(form_, profile_from_answers(in_.catalog, in_.nav, draft_id_), draft_.values);
    std::vector<std::string> paths;  // a group's first item only once the resident has added it
    for (const auto& path : shared.from_profile)
      if (checked_.shown.count(path) && page_of(form_, path) == page_) paths.push_back(path);
    if (paths.empty()) return;
    // Named in the order the form asks them.
    auto position = [&](const std::string& path) {
      const std::string top = path.substr(0, path.find_first_of("[."));
      return std::find_if(form_.fields.begin(), form_.fields.end(), [&](const FieldSpec& f) { return f.id == top; });
    };
    std::stable_sort(paths.begin(), paths.end(), [&](const auto& a, const auto& b) { return position(a) < position(b); });
    const auto& m = in_.messages;
    std::string fields;
    for (const auto& path : paths) {
      const FieldSpec* spec = find_field_by_path(form_.fields, path);
      if (!spec) continue;
      if (!fields.empty()) fields += m.get(lang_, "form.shared_separator");
      fields += spec->label.in(lang_);
    }
    Paragraph(m.format(lang_, "form.shared", {{"fields", fields}}));
    if (Button(m.get(lang_, "form.shared_use"), "form.shared_use")) {
      for (const auto& path : paths)
        actions_.push_back(SetFieldValue{draft_id_, path, std::string(shared.values.get(path).value_or(""))});
    }
  }

  bool another_draft_exists() const {
    return std::any_of(in_.nav.drafts.begin(), in_.nav.drafts.end(), [&](const auto& d) {
      return d.first != draft_id_ && procedure_of(d.first) == procedure_.id && d.second.queued.empty();
    });
  }

  // One resident often applies for several people (each child, each member of a household): a second
  // form of the same procedure starts empty and this one stays a draft.
  void draw_another() {
    const auto& m = in_.messages;
    Separator();
    SecondaryText(m.get(lang_, "form.another_hint"));
    if (Button(m.get(lang_, "form.another"), "form.another")) actions_.push_back(NewDraft{procedure_.id});
  }

  void draw_summary() {
    const auto& m = in_.messages;
    Alert(m.format(lang_, "form.problems_heading", {{"count", std::to_string(page_problems_.size())}}));
    for (const auto& p : page_problems_) {
      const FieldSpec* spec = find_field_by_path(form_.fields, p.field_path);
      std::string text = (spec ? spec->label.in(lang_) + "：" : std::string()) + problems_[p.field_path];
      if (LinkText(text, "problem-" + p.field_path)) actions_.push_back(ScrollToField{draft_id_, p.field_path});
    }
  }

  void draw_page_fields() {
    const FormPage& page = pages_[static_cast<std::size_t>(page_)];
    for (std::size_t i = page.first; i < page.end; ++i)
      if (checked_.shown.count(form_.fields[i].id)) draw_field(form_.fields[i], form_.fields[i].id);
  }

  void draw_fields(const std::vector<FieldSpec>& fields, const std::string& prefix) {
    for (const auto& spec : fields) {
      const std::string path = prefix + spec.id;
      if (!checked_.shown.count(path)) continue;
      draw_field(spec, path);
    }
  }

  std::string_view error_of(const std::string& path) const {
    auto it = problems_.find(path);
    return it == problems_.end() ? std::string_view() : std::string_view(it->second);
  }

  // A field's problem beside it, for the kinds not drawn by TextField (which shows its own).
  void draw_error(const std::string& path) {
    if (error_of(path).empty()) return;
    ErrorText(std::string(in_.messages.get(lang_, "form.error_prefix")) + std::string(error_of(path)));
  }

  bool reveal(const std::string& path) {
    if (draft_.scroll_to != path) return false;
    actions_.push_back(ScrollToField{draft_id_, ""});  // once
    return true;
  }

  std::string label_of(const FieldSpec& spec) const {
    std::string label = spec.label.in(lang_);
    if (!spec.required) label += in_.messages.get(lang_, "form.optional");
    return label;
  }

  void draw_field(const FieldSpec& spec, const std::string& path) {
    const auto& m = in_.messages;
    const std::string value(draft_.values.get(path).value_or(""));
    switch (spec.kind) {
      case FieldKind::Group: return draw_group(spec, path);
      case FieldKind::Choice: {
        if (reveal(path)) ImGui::SetScrollHereY(0.2f);
        std::vector<std::string> labels;
        int selected = -1;
        for (std::size_t i = 0; i < spec.options.size(); ++i) {
          labels.push_back(spec.options[i].label.in(lang_));
          if (spec.options[i].value == value) selected = static_cast<int>(i);
        }
        const int chosen = RadioGroup(label_of(spec), path, labels, selected);
        if (!spec.hint.in(lang_).empty()) SecondaryText(spec.hint.in(lang_));
        draw_error(path);
        if (chosen >= 0) actions_.push_back(SetFieldValue{draft_id_, path, spec.options[chosen].value});
        break;
      }
      case FieldKind::Attachment: {
        const std::string label = label_of(spec);
        AttachmentField(in_, lang_, {draft_id_, path, label, spec.hint.in(lang_), error_of(path), spec.accepts_pdf, reveal(path)},
                        actions_);
        break;
      }
      case FieldKind::Checkbox: {
        if (reveal(path)) ImGui::SetScrollHereY(0.2f);
        if (!spec.hint.in(lang_).empty()) SecondaryText(spec.hint.in(lang_));
        draw_error(path);
        if (Checkbox(label_of(spec), path, value == "yes"))
          actions_.push_back(SetFieldValue{draft_id_, path, value == "yes" ? "no" : "yes"});
        break;
      }
      default: {
        const InputHints hints = input_hints(spec.kind);
        std::string hint = spec.hint.in(lang_);
        if (spec.kind == FieldKind::Date && hint.empty()) hint = m.get(lang_, "form.date_hint");
        const std::string masked = spec.kind == FieldKind::MyNumber && !value.empty() ? masked_shown(value) : std::string();
        const std::string label = label_of(spec);
        TextFieldSpec field{path, label, hint, error_of(path), m.get(lang_, "form.error_prefix"), value, masked,
                            hints.input_mode, hints.autocomplete, spec.required, reveal(path)};
        if (auto typed = TextField(field)) actions_.push_back(SetFieldValue{draft_id_, path, std::move(*typed)});
        break;
      }
    }
    ImGui::Dummy(ImVec2(0, 4));
  }

  // A 個人番号 on screen while not being edited: only its last digits, for a screen others may see.
  static std::string masked_shown(const std::string& value) {
    std::string digits;
    for (char c : value)
      if (c >= '0' && c <= '9') digits += c;
    return masked_my_number(digits);
  }

  void draw_group(const FieldSpec& spec, const std::string& path) {
    const auto& m = in_.messages;
    if (reveal(path)) ImGui::SetScrollHereY(0.2f);
    Heading(label_of(spec), group_level_);
    if (!spec.hint.in(lang_).empty()) SecondaryText(spec.hint.in(lang_));
    draw_error(path);
    const int count = draft_.values.item_count(path);
    const int minimum = std::max(spec.min_items, spec.required ? 1 : 0);
    for (int i = 0; i < count; ++i) {
      ImGui::PushID(i);
      const std::string item_label = m.format(lang_, "form.item", {{"group", spec.label.in(lang_)}, {"number", std::to_string(i + 1)}});
      Heading(item_label, group_level_ + 1);
      draw_fields(spec.fields, path + "[" + std::to_string(i) + "].");
      if (count > minimum && Button(m.format(lang_, "form.remove_item", {{"item", item_label}}), "remove"))
        actions_.push_back(RemoveGroupItem{draft_id_, path, i});
      Separator();
      ImGui::PopID();
    }
    if (spec.max_items == 0 || count < spec.max_items) {
      if (Button(m.format(lang_, count == 0 ? "form.add_first_item" : "form.add_item", {{"group", spec.label.in(lang_)}}),
                 path + ".add"))
        actions_.push_back(AddGroupItem{draft_id_, path});
    }
  }

  const ViewInput& in_;
  const std::string& lang_;
  const std::string& draft_id_;
  const Procedure& procedure_;
  const FormSpec& form_;
  const FormDraft& draft_;
  std::vector<Action>& actions_;
  CheckedForm checked_;
  std::vector<FormPage> pages_;
  std::vector<int> shown_pages_;
  int page_;  // the page drawn: the route's, or the next one shown
  std::vector<FieldProblem> page_problems_;
  int group_level_;  // a repeat group's heading: below the page's title when it has one
  std::map<std::string, std::string> problems_;  // by path: the first problem's message, when shown
};

}  // namespace

int draft_resume_page(const ViewInput& in, const std::string& draft_id) {
  const Procedure* procedure = in.catalog.find_procedure(procedure_of(draft_id));
  auto draft = in.nav.drafts.find(draft_id);
  if (!procedure || !procedure->form || draft == in.nav.drafts.end()) return 0;
  return resume_page(*procedure->form, check_form(*procedure->form, draft->second.values, &in.nav.files));
}

void draw_form_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const Procedure* procedure = in.catalog.find_procedure(procedure_of(in.nav.current.draft_id));
  if (!procedure || !procedure->form) {
    if (BackButton(in.messages.get(lang, "nav.back"))) actions.emplace_back(std::in_place_type<GoBack>);
    Heading(in.messages.get(lang, "event.not_found"), 1);
    return;
  }
  static const FormDraft kEmpty;
  auto it = in.nav.drafts.find(in.nav.current.draft_id);
  FormView(in, *procedure, it == in.nav.drafts.end() ? kEmpty : it->second, actions).draw();
}

}  // namespace madoguchi::ui

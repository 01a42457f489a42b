// The answers of a checked form as the resident reads them, each with a button back to its field, under
// the titles of the form's pages: the review of one form, and each form of several sent together.
#include <imgui.h>

#include <span>

#include "core/answer_text.hpp"
#include "core/form_pages.hpp"
#include "screens.hpp"

namespace madoguchi::ui {
namespace {

class AnswerRowsView {
 public:
  AnswerRowsView(const ViewInput& in, const std::string& lang, const FormSpec& form, const CheckedForm& checked,
                 const std::string& draft_id, bool can_change, int heading_level, std::vector<Action>& actions)
      : in_(in), lang_(lang), form_(form), checked_(checked), draft_id_(draft_id), can_change_(can_change),
        heading_level_(heading_level), actions_(actions) {}

  void draw() {
    ImGui::PushID(draft_id_.c_str());
    const auto pages = form_pages(form_);
    for (const int p : shown_pages(form_, checked_.shown)) {
      const FormPage& page = pages[static_cast<std::size_t>(p)];
      if (page.title) Heading(page.title->in(lang_), heading_level_);
      const std::span<const FieldSpec> fields(form_.fields.data() + page.first, page.end - page.first);
      draw_answers(fields, "", page.title ? heading_level_ + 1 : heading_level_);
    }
    ImGui::PopID();
  }

 private:
  void draw_answers(std::span<const FieldSpec> fields, const std::string& prefix, int level) {
    const auto& m = in_.messages;
    for (const auto& spec : fields) {
      const std::string path = prefix + spec.id;
      if (!checked_.shown.count(path)) continue;
      ImGui::PushID(path.c_str());
      if (spec.kind == FieldKind::Group) {
        const int count = checked_.accepted.item_count(path);
        for (int i = 0; i < count; ++i) {
          Heading(m.format(lang_, "form.item", {{"group", spec.label.in(lang_)}, {"number", std::to_string(i + 1)}}), level);
          draw_answers(spec.fields, path + "[" + std::to_string(i) + "].", level + 1);
        }
        if (count == 0) draw_row(spec, path, std::string(m.get(lang_, "review.none")));
      } else if (spec.kind == FieldKind::Attachment) {
        draw_attachment(spec, path);
      } else {
        auto value = checked_.accepted.get(path);
        draw_row(spec, path, value ? answer_text(spec, *value, m, lang_, in_.nav.display.wareki) : std::string(m.get(lang_, "review.not_answered")));
      }
      ImGui::PopID();
    }
  }

  void draw_attachment(const FieldSpec& spec, const std::string& path) {
    const AttachedFile* file = attached_file(in_.nav.files, checked_.accepted.get(path).value_or(""));
    SecondaryText(spec.label.in(lang_));
    if (file) AttachedFileView(in_, lang_, *file);
    else Paragraph(in_.messages.get(lang_, "review.not_answered"));
    change_button(spec, path);
  }

  void draw_row(const FieldSpec& spec, const std::string& path, const std::string& shown) {
    SecondaryText(spec.label.in(lang_));
    Paragraph(shown);
    change_button(spec, path);
  }

  void change_button(const FieldSpec& spec, const std::string& path) {
    const auto& m = in_.messages;
    // The button's name says which answer it changes, as GOV.UK's visually hidden text does.
    if (can_change_ &&
        LabelledButton(m.get(lang_, "review.change_short"), m.format(lang_, "review.change", {{"field", spec.label.in(lang_)}}),
                       "change"))
      actions_.push_back(ChangeAnswer{draft_id_, path, page_of(form_, path)});
    ImGui::Dummy(ImVec2(0, 4));
  }

  const ViewInput& in_;
  const std::string& lang_;
  const FormSpec& form_;
  const CheckedForm& checked_;
  const std::string& draft_id_;
  bool can_change_;
  int heading_level_;
  std::vector<Action>& actions_;
};

}  // namespace

void AnswerRows(const ViewInput& in, const std::string& lang, const FormSpec& form, const CheckedForm& checked,
                const std::string& draft_id, bool can_change, int heading_level, std::vector<Action>& actions) {
  AnswerRowsView(in, lang, form, checked, draft_id, can_change, heading_level, actions).draw();
}

}  // namespace madoguchi::ui

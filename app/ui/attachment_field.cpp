// Attaching a photo of a document to a form: on a phone the camera is one tap away, a photo already
// taken or a PDF another; what is attached is shown small, so the resident sees it is the right page.
#include <imgui.h>

#include <algorithm>

#include "screens.hpp"

namespace madoguchi::ui {
namespace {

constexpr float kThumbnailSide = 120.0f;  // CSS px: enough to recognise a card or a page, not to read it

ImVec2 fitted(int width, int height) {
  if (width <= 0 || height <= 0) return ImVec2(kThumbnailSide, kThumbnailSide);
  const float scale = kThumbnailSide / static_cast<float>(std::max(width, height));
  return ImVec2(width * scale, height * scale);
}

}  // namespace

void AttachedFileView(const ViewInput& in, const std::string& lang, const AttachedFile& file) {
  const auto& m = in.messages;
  const bool pdf = file.type == "application/pdf";
  const Thumbnail* thumb = nullptr;
  if (in.thumbnails)
    if (auto it = in.thumbnails->find(file.id); it != in.thumbnails->end()) thumb = &it->second;
  const ImVec2 size = pdf ? ImVec2(kThumbnailSide * 0.75f, kThumbnailSide)
                          : thumb ? fitted(thumb->width, thumb->height) : fitted(file.width, file.height);
  Picture(thumb ? thumb->texture : nullptr, size, m.format(lang, pdf ? "attach.pdf_alt" : "attach.photo_alt", {{"name", file.name}}),
          pdf ? "PDF" : "…");
  Paragraph(m.format(lang, "attach.file", {{"name", file.name}, {"size", file_size_text(file.bytes.size())}}));
}

void AttachmentField(const ViewInput& in, const std::string& lang, const AttachmentFieldSpec& f,
                     std::vector<Action>& actions) {
  const auto& m = in.messages;
  ImGui::PushID(f.path.data(), f.path.data() + f.path.size());
  if (f.reveal) ImGui::SetScrollHereY(0.2f);
  Paragraph(f.label);
  if (!f.hint.empty()) SecondaryText(f.hint);
  static const FormDraft kEmpty;
  auto it = in.nav.drafts.find(f.draft_id);
  const FormDraft& draft = it == in.nav.drafts.end() ? kEmpty : it->second;
  if (auto problem = draft.attach_errors.find(f.path); problem != draft.attach_errors.end())
    ErrorText(std::string(m.get(lang, "form.error_prefix")) + std::string(m.get(lang, problem->second)));
  else if (!f.error.empty())
    ErrorText(std::string(m.get(lang, "form.error_prefix")) + std::string(f.error));
  const std::string value(draft.values.get(f.path).value_or(""));
  const std::vector<std::pair<std::string_view, std::string>> field{{"field", std::string(f.label)}};
  if (const AttachedFile* file = attached_file(in.nav.files, value)) {
    AttachedFileView(in, lang, *file);
    if (LabelledButton(m.get(lang, "attach.remove"), m.format(lang, "attach.remove_named", field), "remove"))
      actions.push_back(RemoveAttachment{std::string(f.draft_id), std::string(f.path)});
  } else if (draft.attaching == f.path) {
    Paragraph(m.get(lang, "attach.preparing"));
  } else {
    const std::string choose(m.get(lang, f.accepts_pdf ? "attach.choose_or_pdf" : "attach.choose"));
    if (LabelledButton(m.get(lang, "attach.camera"), m.format(lang, "attach.camera_named", field), "camera"))
      actions.push_back(PickAttachment{std::string(f.draft_id), std::string(f.path), true, f.accepts_pdf});
    SameLineIfFits(choose);
    if (LabelledButton(choose, m.format(lang, f.accepts_pdf ? "attach.choose_or_pdf_named" : "attach.choose_named", field), "choose"))
      actions.push_back(PickAttachment{std::string(f.draft_id), std::string(f.path), false, f.accepts_pdf});
  }
  ImGui::PopID();
}

}  // namespace madoguchi::ui

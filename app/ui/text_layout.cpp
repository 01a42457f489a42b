// Measures code points with the font's advance table (what ImGui's own text drawing uses, so a line
// measured here is drawn exactly that wide) and draws each line with ImDrawList::AddText.
#include "text_layout.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace madoguchi::ui {
namespace {

struct FontScale {
  const ImFont* font;
  float scale;  // from the font's baked size to the size drawn
};

float glyph_advance(const void* context, char32_t c) {
  const auto* f = static_cast<const FontScale*>(context);
  return f->font->GetCharAdvance(static_cast<ImWchar>(c)) * f->scale;
}

}  // namespace

float line_height(float font_size, float factor) { return std::round(font_size * factor); }

TextLayout::TextLayout(std::string_view text, const ImFont* font, float size, float wrap_width, float line_height)
    : text_(text), font_(font), font_size_(size), line_height_(line_height) {
  const FontScale measure{font, size / font->FontSize};
  float widest = 0;
  std::size_t pos = 0;
  do {
    const NextLine next = next_line(text, pos, wrap_width, {glyph_advance, &measure});
    lines_.push_back(next.line);
    widest = std::max(widest, next.line.width);
    pos = next.next;
  } while (pos < text.size());
  size_ = ImVec2(widest, line_height_ * static_cast<float>(lines_.size()));
}

void TextLayout::draw(ImDrawList* draw_list, ImVec2 pos, ImU32 color, bool underline) const {
  const float clip_top = draw_list->GetClipRectMin().y, clip_bottom = draw_list->GetClipRectMax().y;
  const float leading = std::floor((line_height_ - font_size_) / 2);
  float top = pos.y;
  for (const Line& line : lines_) {
    if (top > clip_bottom) break;
    if (top + line_height_ >= clip_top && line.end > line.begin) {
      const char* begin = text_.data() + line.begin;
      draw_list->AddText(font_, font_size_, ImVec2(pos.x, top + leading), color, begin, text_.data() + line.end);
      if (underline) {
        const float y = top + leading + font_size_;
        draw_list->AddLine(ImVec2(pos.x, y), ImVec2(pos.x + line.width, y), color, 1.0f);
      }
    }
    top += line_height_;
  }
}

void WrappedText(std::string_view text, ImU32 color, float line_factor) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return;
  const float size = ImGui::GetFontSize();
  const ImVec2 pos = window->DC.CursorPos;
  const TextLayout layout(text, ImGui::GetFont(), size, ImGui::GetContentRegionAvail().x, line_height(size, line_factor));
  const ImRect bb(pos, ImVec2(pos.x + layout.size().x, pos.y + layout.size().y));
  ImGui::ItemSize(layout.size(), 0.0f);
  if (!ImGui::ItemAdd(bb, 0)) return;  // scrolled out of view: laid out for its height only
  layout.draw(window->DrawList, pos, ImGui::GetColorU32(color));
}

}  // namespace madoguchi::ui

// The app's widgets: Dear ImGui items sized for touch that also describe themselves to the semantic
// tree, so every control a resident sees is one a screen reader and a browser test can find.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "semantic_tree.hpp"


namespace madoguchi::ui {

struct Fonts {
  ImFont* body = nullptr;  // headings are the same glyphs drawn larger (font_atlas.hpp)
  float density = 1.0f;    // the glyphs' pixels per CSS px of body text: io.FontGlobalScale is its inverse
};

// The tree the widgets of the current ImGui context mirror into; set once per frame by the view.
void bind_frame(SemanticTree* tree);

void Heading(std::string_view text, int level);
void Paragraph(std::string_view text);
void SecondaryText(std::string_view text);
// `selected` fills it with the accent colour (a chosen language, the screen's main action); a disabled
// button is drawn faded, mirrored with aria-disabled, and never fires.
bool Button(std::string_view label, std::string_view id, bool selected = false, bool disabled = false);
// A short visible label with a fuller accessible name ("変更" read as "電話番号を変更"), as GOV.UK's
// visually hidden text does, so many such buttons on one screen stay small yet tell apart.
bool LabelledButton(std::string_view visible, std::string_view accessible_name, std::string_view id);
// One question with exclusive answers, mirrored as a radiogroup; returns the option tapped, or -1.
int RadioGroup(std::string_view question, std::string_view id, const std::vector<std::string>& options, int selected);
bool Tile(std::string_view title, std::string_view subtitle, std::string_view id);
bool BackButton(std::string_view label);
void Separator();
// Puts the next button (labelled `next_label`) on the current row when it fits there, else on a new row:
// a row of short buttons flows like words instead of squeezing its last one.
void SameLineIfFits(std::string_view next_label);

// A problem beside its field, with a word that does not rely on colour ("エラー：").
void ErrorText(std::string_view text);
// A link-styled control (the error summary's "go to this field"); returns true when tapped.
bool LinkText(std::string_view text, std::string_view id);
// A live region: the mirror announces `text` when it appears or changes.
void Alert(std::string_view text);
// What the resident's last step did (a backup made, a rating given): announced politely, after what the
// screen reader is saying, where Alert interrupts for a problem.
void Status(std::string_view text);

struct TextFieldSpec {
  std::string_view id;     // unique on the screen: the field path
  std::string_view label;  // the accessible name
  std::string_view hint;
  std::string_view error;  // empty when the value has no problem; shown with error_prefix
  std::string_view error_prefix;
  std::string_view value;
  std::string_view shown_value;  // what the box shows when not being edited (a masked 個人番号); empty: value
  std::string_view input_mode = "text";
  std::string_view autocomplete = "off";
  bool required = false;
  bool reveal = false;  // scroll the field into view this frame
  bool secret = false;  // a passphrase: drawn as dots, a password field in the mirror
};
// A labelled text field. The resident types into the real DOM field the platform lays over it while it
// has focus; returns the new value when they changed it.
std::optional<std::string> TextField(const TextFieldSpec& field);

// A picture (an attached photo's thumbnail) `size` CSS px, named by `alt` for a screen reader; with no
// texture yet (still being decoded) a framed box of that size with `placeholder` in it.
void Picture(ImTextureID texture, ImVec2 size, std::string_view alt, std::string_view placeholder);

// A touch-sized checkbox with its label; returns true when tapped (the caller flips the value).
bool Checkbox(std::string_view label, std::string_view id, bool checked);

}  // namespace madoguchi::ui

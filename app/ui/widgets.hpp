// The app's widgets: Dear ImGui items sized for touch that also describe themselves to the semantic
// tree, so every control a resident sees is one a screen reader and a browser test can find.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "semantic_tree.hpp"

struct ImFont;

namespace madoguchi::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
};

// The tree and fonts the widgets of the current ImGui context use; set once per frame by the view.
void bind_frame(SemanticTree* tree, const Fonts& fonts);

void Heading(std::string_view text, int level);
void Paragraph(std::string_view text);
void SecondaryText(std::string_view text);
bool Button(std::string_view label, std::string_view id, bool selected = false);
// One question with exclusive answers, mirrored as a radiogroup; returns the option tapped, or -1.
int RadioGroup(std::string_view question, std::string_view id, const std::vector<std::string>& options, int selected);
bool Tile(std::string_view title, std::string_view subtitle, std::string_view id);
bool BackButton(std::string_view label);
void Separator();

}  // namespace madoguchi::ui

// The per-frame list of semantic nodes, the one pending activation, and text typed into fields.
#include "semantic_tree.hpp"

namespace madoguchi::ui {

const char* role_name(Role role) {
  switch (role) {
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::Button: return "button";
    case Role::Link: return "link";
    case Role::Checkbox: return "checkbox";
    case Role::RadioGroup: return "radiogroup";
    case Role::Radio: return "radio";
    case Role::Alert: return "alert";
    case Role::TextBox: return "textbox";
    case Role::Image: return "img";
    case Role::Status: return "status";
  }
  return "text";
}

void SemanticTree::begin_frame() {
  nodes_.clear();
  ids_.clear();
}

std::size_t SemanticTree::add(SemanticNode node) {
  // A second item with the same id (two equal texts) gets a derived id so both are mirrored.
  while (ids_.count(node.id)) node.id = node.id * 2654435761u + 1;
  ids_.insert(node.id);
  nodes_.push_back(std::move(node));
  return nodes_.size() - 1;
}

bool SemanticTree::take_activation(std::uint32_t id) {
  if (id == 0 || pending_activation_ != id) return false;
  pending_activation_ = 0;
  return true;
}

std::optional<std::string> SemanticTree::take_text(std::uint32_t id) {
  auto it = pending_text_.find(id);
  if (it == pending_text_.end()) return std::nullopt;
  std::string value = std::move(it->second);
  pending_text_.erase(it);
  return value;
}

bool SemanticTree::take_reveal(std::uint32_t id) {
  if (reveal_ == 0 || id != reveal_) return false;
  reveal_ = 0;
  return true;
}

}  // namespace madoguchi::ui

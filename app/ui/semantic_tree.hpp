// What each frame shows, as a screen reader and a browser test see it: role, name, state and
// rectangle of every item, in reading order. Widget wrappers fill it; the platform mirrors it into
// the DOM and feeds activations (a screen reader's click, Enter) back through it.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace madoguchi::ui {

enum class Role : std::uint8_t { Heading, Text, Button, Link, Checkbox, RadioGroup, Radio, Alert, TextBox, Image, Status };

const char* role_name(Role role);  // the ARIA role

struct SemanticNode {
  std::uint32_t id = 0;  // stable across frames for the same item
  Role role = Role::Text;
  std::string name;         // accessible name
  std::string description;  // read after the name (a tile's second line)
  int level = 0;            // headings: 1 to 6
  bool disabled = false;
  bool checked = false;      // checkboxes and radios
  std::uint32_t group = 0;   // the id of the group node this one belongs to (a radio in its radiogroup)
  float x = 0, y = 0, w = 0, h = 0;  // CSS px in the viewport
  // Text boxes: the mirror's element is the real <input> the resident types into (IME, paste, caret).
  std::string value;
  std::string input_mode;    // the keyboard a phone shows: "text", "numeric", "tel", "email"
  std::string autocomplete;  // "name", "postal-code", "street-address", "tel", "email", "off"
  bool invalid = false;
  bool required = false;
  bool secret = false;      // a passphrase: the browser hides it as typed and offers no autofill of the page's text
  bool take_focus = false;  // this frame: move the page's focus to it (an error summary link, "change")
  bool operator==(const SemanticNode&) const = default;
};

class SemanticTree {
 public:
  void begin_frame();
  // Returns the node's position, so a group can be added before its members and completed after
  // them (its rectangle is known only then).
  std::size_t add(SemanticNode node);
  SemanticNode& at(std::size_t index) { return nodes_[index]; }
  const std::vector<SemanticNode>& nodes() const { return nodes_; }
  bool contains(std::uint32_t id) const { return ids_.count(id) != 0; }

  // An activation from outside the canvas (assistive technology, keyboard on the mirror), taken by
  // the widget with that id in the next frame.
  void request_activation(std::uint32_t id) { pending_activation_ = id; }
  bool take_activation(std::uint32_t id);
  bool has_pending_activation() const { return pending_activation_ != 0; }

  // Text typed into a text box's field, taken by that text box in the next frame.
  void post_text(std::uint32_t id, std::string value) { pending_text_[id] = std::move(value); }
  std::optional<std::string> take_text(std::uint32_t id);
  bool has_pending_text() const { return !pending_text_.empty(); }

  // The text box whose field has the keyboard's focus (0 for none); `reveal` asks it to scroll into view
  // once (focus just arrived, or the keyboard changed the visible height).
  void set_editing(std::uint32_t id, bool reveal) {
    editing_ = id;
    if (reveal && id != 0) reveal_ = id;
  }
  std::uint32_t editing() const { return editing_; }
  // Any control the keyboard's focus moved to (Tab on a desktop): scrolled into view once if it is not.
  void reveal(std::uint32_t id) { reveal_ = id; }
  bool take_reveal(std::uint32_t id);

 private:
  std::vector<SemanticNode> nodes_;
  std::set<std::uint32_t> ids_;
  std::uint32_t pending_activation_ = 0;
  std::map<std::uint32_t, std::string> pending_text_;
  std::uint32_t editing_ = 0;
  std::uint32_t reveal_ = 0;
};

}  // namespace madoguchi::ui

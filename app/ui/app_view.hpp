// Draws one frame of the app for the current route and returns what the resident asked for.
#pragma once
#include <imgui.h>

#include <map>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/messages.hpp"
#include "core/navigation.hpp"
#include "semantic_tree.hpp"
#include "widgets.hpp"

namespace madoguchi::ui {

// An attached photo made small on the GPU by the platform; none yet while the browser decodes it.
struct Thumbnail {
  ImTextureID texture = nullptr;
  int width = 0, height = 0;  // pixels of the texture
};
using Thumbnails = std::map<std::string, Thumbnail, std::less<>>;  // by file id (core/attached_files.hpp)

// Home's first frame has only home's part of the catalog (Catalog::home_only); the whole catalog and the
// font for its text come after it. Until both are in, a screen past home says it is loading, or that
// they could not be fetched, with a button to ask again.
enum class PastHome { Ready, Loading, Failed };

struct ViewInput {
  const Catalog& catalog;
  const Messages& messages;
  const Navigation& nav;
  CivilDate today;  // the resident's local date: the default event date, and days left
  const Thumbnails* thumbnails = nullptr;
  PastHome past_home = PastHome::Ready;
};

// Call between ImGui::NewFrame() and ImGui::Render(); fills `tree` with this frame's items.
std::vector<Action> draw_app(const ViewInput& in, SemanticTree& tree, const Fonts& fonts);

}  // namespace madoguchi::ui

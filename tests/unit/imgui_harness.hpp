// A headless Dear ImGui context (no backend, no GPU) to run the app's screens in tests.
#pragma once
#include <imgui.h>

#include <vector>

#include "ui/app_view.hpp"
#include "ui/theme.hpp"

namespace fixtures {

class ImGuiHarness {
 public:
  explicit ImGuiHarness(float width = 390, float height = 844) {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.IniFilename = nullptr;
    io.Fonts->AddFontDefault();
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    madoguchi::ui::apply_theme(ImGui::GetStyle());
  }
  ~ImGuiHarness() { ImGui::DestroyContext(ctx_); }

  // One frame of the app; the pointer (if given) is where a finger or mouse is, pressed or not.
  std::vector<madoguchi::Action> frame(const madoguchi::ui::ViewInput& in, madoguchi::ui::SemanticTree& tree,
                                       ImVec2 pointer = ImVec2(-FLT_MAX, -FLT_MAX), bool down = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60;
    io.MousePos = pointer;
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    auto actions = madoguchi::ui::draw_app(in, tree, madoguchi::ui::Fonts{});
    ImGui::Render();
    return actions;
  }

 private:
  ImGuiContext* ctx_;
};

}  // namespace fixtures

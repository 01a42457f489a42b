// Keeps imgui's default font, ProggyClean (12 KB of data and its decompressor), out of app.wasm: the
// app always adds its own fonts, so ImFontAtlas::Build()'s fallback to AddFontDefault() never runs.
#include <imgui.h>

// The link (-Wl,--wrap, CMakeLists.txt) sends imgui's only call of ImFontAtlas::AddFontDefault here, so
// nothing references the original; a member function's `this` is its first argument.
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
  return nullptr;
}

// Fetches the fonts for what the Japanese UI font lacks (core/extra_fonts.hpp) when a language or
// typed text first needs one, and hands each to the atlas. The app keeps working while one is on its
// way; its characters show as "?" until it arrives.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace madoguchi::platform {

// `arrived` takes a font that came, by its index in extra_fonts(): merge it and rebuild the atlas.
void font_fetch_init(std::function<void(std::size_t index, std::vector<unsigned char> font)> arrived);

void fetch_fonts_for_language(std::string_view language);
void fetch_fonts_for_text(std::string_view utf8);

}  // namespace madoguchi::platform

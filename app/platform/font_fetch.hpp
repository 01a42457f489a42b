// Fetches the Japanese UI font in the stages it grows through after the first frame, and the fonts for
// what it lacks (core/extra_fonts.hpp) when a language or typed text first needs one, and hands each to
// the atlas. The app keeps working while one is on its way; its characters show as "?" until it arrives.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace madoguchi::platform {

// The stages, each holding every character of the one before, their outlines on a 1/256 em grid
// (tools/first-font). The home font, which the first frame of home waits for: ASCII and the characters
// of the messages and of home's catalog texts (a twentieth of the full font's bytes).
inline constexpr const char* kHomeFontFile = "fonts/ui-ja-home.ttf";
// The first font: every character of the catalog and of the messages, kana, ASCII and Japanese
// punctuation (a twelfth).
inline constexpr const char* kFirstFontFile = "fonts/ui-ja-first.ttf";
// The full font (cp932), for the kanji residents type: names, addresses, a ward's notes.
inline constexpr const char* kFullFontFile = "fonts/ui-ja.ttf";

// `arrived` takes an extra font that came, by its index in extra_fonts(): merge it and rebuild the
// atlas; `main_arrived` the first font, then the full one, each to take the place of the one before.
void font_fetch_init(std::function<void(std::size_t index, std::vector<unsigned char> font)> arrived,
                     std::function<void(std::vector<unsigned char> font)> main_arrived);

// Asks for the first font, then the full one (once, as home's first frame is drawn or before a first
// screen past home); `then` runs once the first is in place (or could not be fetched: the full one covers
// it), for the screens past home, which draw the whole catalog's text.
void fetch_main_fonts(std::function<void()> then);

// Asks for the full font once; after a failed fetch, typed text beyond ASCII asks again.
void fetch_full_font();

// Called at the start and after each frame in which the resident did something, with the UI language.
void fetch_fonts_for_language(std::string_view language);

void fetch_fonts_for_text(std::string_view utf8);

}  // namespace madoguchi::platform

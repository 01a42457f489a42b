// Each font is asked for once; a failed fetch is forgotten, so the next need asks again.
#include "font_fetch.hpp"

#include <cstdio>
#include <string>

#include "core/extra_fonts.hpp"
#include "core/glyph_set.hpp"
#include "http_fetch.hpp"

namespace madoguchi::platform {
namespace {

std::function<void(std::size_t, std::vector<unsigned char>)> g_arrived;
std::function<void(std::vector<unsigned char>)> g_main_arrived;
std::vector<bool> g_asked;  // by index in extra_fonts(): arrived or on its way
bool g_full_asked = false;   // the full Japanese font arrived or is on its way
bool g_full_arrived = false;  // a first font coming after it would take its place

void report(const char* file, const FetchResult& r) {
  std::fprintf(stderr, "%s\n", describe_failure(r, file).c_str());
}

void fetch_font(const ExtraFont& font) {
  const std::size_t index = static_cast<std::size_t>(&font - extra_fonts().data());
  if (g_asked.size() <= index) g_asked.resize(extra_fonts().size());
  if (g_asked[index]) return;
  g_asked[index] = true;
  fetch_asset(std::string(font.file), [index](FetchResult r) {
    if (r.ok) return g_arrived(index, std::move(r.body));
    g_asked[index] = false;
    report(std::string(extra_fonts()[index].file).c_str(), r);
  });
}

}  // namespace

void font_fetch_init(std::function<void(std::size_t, std::vector<unsigned char>)> arrived,
                     std::function<void(std::vector<unsigned char>)> main_arrived) {
  g_arrived = std::move(arrived);
  g_main_arrived = std::move(main_arrived);
}

void fetch_main_fonts(std::function<void()> then) {
  // One after the other: the first font's 100 KB come sooner without the full font's 1.3 MB beside them.
  fetch_asset(kFirstFontFile, [then = std::move(then)](FetchResult r) {
    if (!r.ok) report(kFirstFontFile, r);
    else if (!g_full_arrived) g_main_arrived(std::move(r.body));
    then();
    fetch_full_font();
  });
}

void fetch_full_font() {
  if (g_full_asked) return;
  g_full_asked = true;
  fetch_asset(kFullFontFile, [](FetchResult r) {
    if (!r.ok) {
      g_full_asked = false;
      return report(kFullFontFile, r);
    }
    g_full_arrived = true;
    g_main_arrived(std::move(r.body));
  });
}

void fetch_fonts_for_language(std::string_view language) {
  if (const ExtraFont* font = extra_font_for_language(language)) fetch_font(*font);
}

void fetch_fonts_for_text(std::string_view utf8) {
  GlyphSet chars;
  add_glyphs(chars, utf8);
  if (!chars.empty() && *chars.rbegin() >= 0x80) fetch_full_font();
  for (char32_t c : chars)
    if (const ExtraFont* font = extra_font_for_typed(c)) fetch_font(*font);
}

}  // namespace madoguchi::platform

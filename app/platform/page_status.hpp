// Tells the page shell what the app is doing: ready, each drawn frame, the language shown, and a
// fatal load problem (the shell then shows a message in Japanese and English instead of a blank canvas).
#pragma once
#include <string>

namespace madoguchi::platform {

// `kind` is one of the shell's message kinds: webgl, font, catalog, messages.
void page_fatal(const char* kind, const std::string& detail);
void page_ready();
void page_frame_drawn();
void page_set_language(const std::string& bcp47);

}  // namespace madoguchi::platform

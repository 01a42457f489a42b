// Thin EM_JS calls into web/madoguchi.js.
#include "page_status.hpp"

#include <emscripten/emscripten.h>

namespace madoguchi::platform {

EM_JS(void, js_page_fatal, (const char* kind, const char* detail), { Madoguchi.fatal(UTF8ToString(kind), UTF8ToString(detail)); });
EM_JS(void, js_page_ready, (), { Madoguchi.markReady(); });
EM_JS(void, js_page_frame_drawn, (), { Madoguchi.frames++; });
EM_JS(void, js_page_set_language, (const char* tag), { document.documentElement.lang = UTF8ToString(tag); });

void page_fatal(const char* kind, const std::string& detail) { js_page_fatal(kind, detail.c_str()); }
void page_ready() { js_page_ready(); }
void page_frame_drawn() { js_page_frame_drawn(); }
void page_set_language(const std::string& bcp47) { js_page_set_language(bcp47.c_str()); }

}  // namespace madoguchi::platform

// A Blob URL behind a temporary <a download>, released once the click has started the download.
#include "file_download.hpp"

#include <emscripten/emscripten.h>

namespace madoguchi::platform {

EM_JS(void, js_offer_download, (const char* name, const char* type, const char* data, int size), {
  const blob = new Blob([HEAPU8.slice(data, data + size)], { type: UTF8ToString(type) });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = UTF8ToString(name);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
});

void offer_download(const std::string& file_name, const std::string& mime_type, const std::string& content) {
  js_offer_download(file_name.c_str(), mime_type.c_str(), content.data(), static_cast<int>(content.size()));
}

}  // namespace madoguchi::platform

// Date() in the page gives the device's local date, which is the date the resident means.
#include "local_clock.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>

namespace madoguchi::platform {

EM_JS(int, js_local_date_packed, (), {
  const d = new Date();
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
});

EM_JS(char*, js_utc_timestamp, (), {
  const s = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const size = lengthBytesUTF8(s) + 1;
  const ptr = _malloc(size);
  stringToUTF8(s, ptr, size);
  return ptr;
});

CivilDate local_today() {
  int packed = js_local_date_packed();
  return CivilDate{packed / 10000, packed / 100 % 100, packed % 100};
}

std::string utc_timestamp() {
  char* s = js_utc_timestamp();
  std::string out(s);
  std::free(s);
  return out;
}

}  // namespace madoguchi::platform

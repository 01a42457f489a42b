// Date() in the page gives the device's local date, which is the date the resident means.
#include "local_clock.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>

namespace madoguchi::platform {

EM_JS(int, js_local_date_packed, (), {
  const d = new Date();
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
});

EM_JS(char*, js_utc_time, (int compact), {
  // No backslash escapes here: EM_JS passes this body through a C string, which would eat them.
  const iso = new Date().toISOString().slice(0, 19) + 'Z';
  const s = compact ? iso.split('-').join('').split(':').join('') : iso;
  const size = lengthBytesUTF8(s) + 1;
  const ptr = _malloc(size);
  stringToUTF8(s, ptr, size);
  return ptr;
});

CivilDate local_today() {
  int packed = js_local_date_packed();
  return CivilDate{packed / 10000, packed / 100 % 100, packed % 100};
}

namespace {
std::string utc_time(bool compact) {
  char* s = js_utc_time(compact ? 1 : 0);
  std::string out(s);
  std::free(s);
  return out;
}
}  // namespace

std::string utc_timestamp() { return utc_time(true); }
std::string utc_iso_time() { return utc_time(false); }

}  // namespace madoguchi::platform

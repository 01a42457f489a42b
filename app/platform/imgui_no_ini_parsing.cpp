// Keeps the C library's sscanf (and the long-double number parsing it brings) out of app.wasm: imgui
// calls it only to read .ini settings, and the app has none (html5_backend sets io.IniFilename to null
// and never loads settings from memory). 8 KB brotli of the first load.

// The link (-Wl,--wrap=sscanf, CMakeLists.txt) sends every sscanf here. Nothing matched: were imgui ever
// given a settings line, it would skip it.
extern "C" int __wrap_sscanf(const char*, const char*, ...) { return 0; }

// Maps a file name to its Content-Type. With nosniff on every response, browsers trust this header
// alone, so a wrong entry breaks loading (wasm streaming compile needs application/wasm, scripts a JS type).
#pragma once

#include <string_view>

namespace madoguchi::endpoint {

struct ContentType {
    std::string_view mime;
    // Worth a precompressed .br/.gz variant, so responses for it vary by Accept-Encoding.
    bool compressible;
};

ContentType content_type_for(std::string_view file_name);

}  // namespace madoguchi::endpoint

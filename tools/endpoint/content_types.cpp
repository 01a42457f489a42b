// The extension table behind content_type_for(); unknown extensions are served as opaque bytes.
#include "content_types.hpp"

#include <array>
#include <cctype>
#include <string>

namespace madoguchi::endpoint {

namespace {

struct Entry {
    std::string_view extension;
    ContentType type;
};

// Already-compressed formats (png, woff2, ...) gain nothing from .br/.gz, so they are not compressible.
constexpr std::array kTable{
    Entry{"html", {"text/html; charset=utf-8", true}},
    Entry{"js", {"text/javascript; charset=utf-8", true}},
    Entry{"mjs", {"text/javascript; charset=utf-8", true}},
    Entry{"wasm", {"application/wasm", true}},
    Entry{"json", {"application/json", true}},
    Entry{"webmanifest", {"application/manifest+json", true}},
    Entry{"css", {"text/css; charset=utf-8", true}},
    Entry{"svg", {"image/svg+xml", true}},
    Entry{"txt", {"text/plain; charset=utf-8", true}},
    Entry{"map", {"application/json", true}},
    Entry{"ttf", {"font/ttf", true}},
    Entry{"otf", {"font/otf", true}},
    Entry{"woff2", {"font/woff2", false}},
    Entry{"png", {"image/png", false}},
    Entry{"jpg", {"image/jpeg", false}},
    Entry{"jpeg", {"image/jpeg", false}},
    Entry{"webp", {"image/webp", false}},
    Entry{"ico", {"image/vnd.microsoft.icon", false}},
};

}  // namespace

ContentType content_type_for(std::string_view file_name) {
    const auto dot = file_name.rfind('.');
    if (dot != std::string_view::npos) {
        std::string extension;
        for (char c : file_name.substr(dot + 1)) {
            extension += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        for (const auto& entry : kTable) {
            if (entry.extension == extension) {
                return entry.type;
            }
        }
    }
    return {"application/octet-stream", false};
}

}  // namespace madoguchi::endpoint

// Serves the web build from the site folder: safe path resolution, precompressed variants
// chosen by Accept-Encoding, ETags. Files are read on every request, so a rebuild shows at once.
#pragma once

#include "api_error.hpp"
#include "http_types.hpp"

#include <filesystem>
#include <string_view>

namespace madoguchi::endpoint {

enum class Encoding { identity, gzip, br };

// Picks the variant to send from an Accept-Encoding value (q-values honoured, br preferred on a tie),
// given which precompressed variants exist. identity is always the fallback.
Encoding choose_encoding(std::string_view accept_encoding, bool have_br, bool have_gzip);

struct SitePath {
    enum class Kind { file, not_found, refused };
    Kind kind = Kind::not_found;
    std::filesystem::path relative;  // set when kind == file
    PathProblem problem{};           // set when kind == refused
};

// Turns the path part of a request target ("/a/b.js", no query) into a relative path inside the site,
// percent-decoding each segment. Anything that could climb out of the site is refused.
SitePath resolve_site_path(std::string_view path);

// Answers a GET or HEAD for the given target path from the site folder.
Response serve_static(const Request& req, std::string_view path, const std::filesystem::path& site_root);

}  // namespace madoguchi::endpoint

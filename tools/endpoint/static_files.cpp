// Static file serving for the web build. Each request opens the file afresh and takes size, mtime
// and bytes from the same descriptor, so the ETag always describes the bytes sent.
#include "static_files.hpp"

#include "content_types.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <optional>
#include <system_error>

namespace madoguchi::endpoint {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

// A malformed q-value makes the coding unacceptable: identity is always there to fall back on.
double parse_q(std::string_view params) {
    double q = 1.0;
    while (!params.empty()) {
        const auto semi = params.find(';');
        const std::string_view param = trim(params.substr(0, semi));
        params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
        if (param.size() >= 2 && iequals(param.substr(0, 2), "q=")) {
            const std::string_view value = param.substr(2);
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), q);
            if (ec != std::errc{} || end != value.data() + value.size() || q < 0.0 || q > 1.0) return 0.0;
        }
    }
    return q;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Owns a descriptor opened read-only on a regular file, with its fstat result.
class OpenFile {
public:
    OpenFile() = default;
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    OpenFile(OpenFile&& other) noexcept : fd_(std::exchange(other.fd_, -1)), st_(other.st_) {}
    OpenFile& operator=(OpenFile&& other) noexcept {
        if (this != &other) {
            close();
            fd_ = std::exchange(other.fd_, -1);
            st_ = other.st_;
        }
        return *this;
    }
    ~OpenFile() { close(); }

    // Returns 0, or the errno explaining why there is no regular file to read (EISDIR for folders).
    int open(const std::filesystem::path& path) {
        close();
        fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) return errno;
        if (::fstat(fd_, &st_) != 0) {
            const int err = errno;
            close();
            return err;
        }
        if (!S_ISREG(st_.st_mode)) {
            close();
            return EISDIR;
        }
        return 0;
    }

    bool is_open() const { return fd_ >= 0; }
    std::uint64_t size() const { return static_cast<std::uint64_t>(st_.st_size); }
    const struct stat& stat() const { return st_; }

    std::string read_all() const {
        std::string data;
        data.resize(size());
        std::size_t used = 0;
        for (;;) {
            if (used == data.size()) data.resize(data.size() + 65536);  // the file grew since fstat
            const ssize_t n = ::read(fd_, data.data() + used, data.size() - used);
            if (n < 0) {
                if (errno == EINTR) continue;
                throw std::system_error(errno, std::generic_category(), "reading a site file");
            }
            if (n == 0) break;
            used += static_cast<std::size_t>(n);
        }
        data.resize(used);
        return data;
    }

private:
    void close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    int fd_ = -1;
    struct stat st_ {};
};

bool regular_file_exists(const std::filesystem::path& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// Size and nanosecond mtime change whenever a rebuild rewrites the file; the suffix keeps each encoding's
// ETag distinct, since their bytes differ.
std::string make_etag(const struct stat& st, Encoding encoding) {
    const auto mtime_ns = static_cast<unsigned long long>(st.st_mtim.tv_sec) * 1000000000ULL +
                          static_cast<unsigned long long>(st.st_mtim.tv_nsec);
    char buffer[64];
    auto* end = std::to_chars(buffer, buffer + sizeof buffer, static_cast<unsigned long long>(st.st_size), 16).ptr;
    *end++ = '-';
    end = std::to_chars(end, buffer + sizeof buffer, mtime_ns, 16).ptr;
    std::string tag(1, '"');
    tag.append(buffer, end);
    if (encoding == Encoding::br) tag += "-br";
    if (encoding == Encoding::gzip) tag += "-gz";
    tag += '"';
    return tag;
}

// If-None-Match uses weak comparison, so a W/ prefix on either side does not matter.
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    auto strip_weak = [](std::string_view t) { return t.starts_with("W/") ? t.substr(2) : t; };
    while (!if_none_match.empty()) {
        const auto comma = if_none_match.find(',');
        const std::string_view candidate = trim(if_none_match.substr(0, comma));
        if (candidate == "*" || (!candidate.empty() && strip_weak(candidate) == strip_weak(etag))) return true;
        if (comma == std::string_view::npos) break;
        if_none_match.remove_prefix(comma + 1);
    }
    return false;
}

bool missing_file_errno(int err) {
    return err == ENOENT || err == ENOTDIR || err == EISDIR || err == EACCES || err == ELOOP || err == ENAMETOOLONG;
}

}  // namespace

Encoding choose_encoding(std::string_view accept_encoding, bool have_br, bool have_gzip) {
    double q_br = -1.0;
    double q_gzip = -1.0;
    double q_any = -1.0;
    while (!accept_encoding.empty()) {
        const auto comma = accept_encoding.find(',');
        const std::string_view item = trim(accept_encoding.substr(0, comma));
        accept_encoding = comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
        const auto semi = item.find(';');
        const std::string_view coding = trim(item.substr(0, semi));
        const double q = semi == std::string_view::npos ? 1.0 : parse_q(item.substr(semi + 1));
        if (iequals(coding, "br")) {
            q_br = std::max(q_br, q);
        } else if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
            q_gzip = std::max(q_gzip, q);
        } else if (coding == "*") {
            q_any = std::max(q_any, q);
        }
    }
    // "*" speaks only for codings not named explicitly.
    if (q_br < 0.0) q_br = std::max(q_any, 0.0);
    if (q_gzip < 0.0) q_gzip = std::max(q_any, 0.0);
    const bool br_ok = have_br && q_br > 0.0;
    const bool gzip_ok = have_gzip && q_gzip > 0.0;
    if (br_ok && (!gzip_ok || q_br >= q_gzip)) return Encoding::br;
    if (gzip_ok) return Encoding::gzip;
    return Encoding::identity;
}

SitePath resolve_site_path(std::string_view path) {
    SitePath result;
    if (path == "/") {
        result.kind = SitePath::Kind::file;
        result.relative = "index.html";
        return result;
    }
    // Every segment is checked before deciding "not found", so a refused path is always reported as such.
    bool missing = false;
    std::filesystem::path relative;
    std::string_view rest = path.substr(1);
    for (;;) {
        const auto slash = rest.find('/');
        const std::string_view raw = rest.substr(0, slash);
        std::string segment;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            char c = raw[i];
            if (c == '%') {
                if (i + 2 >= raw.size() || hex_value(raw[i + 1]) < 0 || hex_value(raw[i + 2]) < 0) {
                    return {SitePath::Kind::refused, {}, PathProblem::bad_percent_encoding};
                }
                c = static_cast<char>(hex_value(raw[i + 1]) * 16 + hex_value(raw[i + 2]));
                i += 2;
            }
            segment += c;
        }
        if (segment.find('\0') != std::string::npos) return {SitePath::Kind::refused, {}, PathProblem::nul};
        if (segment.find('\\') != std::string::npos) return {SitePath::Kind::refused, {}, PathProblem::backslash};
        if (segment.find('/') != std::string::npos) return {SitePath::Kind::refused, {}, PathProblem::encoded_slash};
        if (segment == "." || segment == "..") return {SitePath::Kind::refused, {}, PathProblem::dot_segment};
        // Empty segments ("//", a trailing "/") name no file; dot files (.git, .env) are never published.
        if (segment.empty() || segment.front() == '.') {
            missing = true;
        } else {
            relative /= segment;
        }
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
    if (missing) return result;
    result.kind = SitePath::Kind::file;
    result.relative = std::move(relative);
    return result;
}

Response serve_static(const Request& req, std::string_view path, const std::filesystem::path& site_root) {
    const SitePath site_path = resolve_site_path(path);
    if (site_path.kind == SitePath::Kind::refused) return errors::bad_path(path, site_path.problem);
    if (site_path.kind == SitePath::Kind::not_found) return errors::no_file(path);

    const std::filesystem::path file = site_root / site_path.relative;
    // The uncompressed file defines whether the resource exists, so every client sees the same set of files.
    OpenFile chosen;
    if (const int err = chosen.open(file); err != 0) {
        if (missing_file_errno(err)) return errors::no_file(path);
        throw std::system_error(err, std::generic_category(), "opening a site file");
    }

    const ContentType type = content_type_for(site_path.relative.filename().string());
    Encoding encoding = Encoding::identity;
    if (type.compressible) {
        const auto variant = [&](const char* suffix) { return std::filesystem::path(file.string() + suffix); };
        encoding = choose_encoding(req[http::field::accept_encoding], regular_file_exists(variant(".br")),
                                   regular_file_exists(variant(".gz")));
        if (encoding != Encoding::identity) {
            OpenFile compressed;
            // A variant removed since the check above falls back to the file itself.
            if (compressed.open(variant(encoding == Encoding::br ? ".br" : ".gz")) == 0) {
                chosen = std::move(compressed);
            } else {
                encoding = Encoding::identity;
            }
        }
    }

    Response res{http::status::ok, req.version()};
    // File names are not versioned yet, so every use must revalidate (cheap: a 304 via the ETag).
    res.set(http::field::cache_control, "no-cache");
    if (type.compressible) res.set(http::field::vary, "Accept-Encoding");
    const std::string etag = make_etag(chosen.stat(), encoding);
    res.set(http::field::etag, etag);
    if (etag_matches(req[http::field::if_none_match], etag)) {
        res.result(http::status::not_modified);
        return res;
    }
    res.set(http::field::content_type, type.mime);
    if (encoding == Encoding::br) res.set(http::field::content_encoding, "br");
    if (encoding == Encoding::gzip) res.set(http::field::content_encoding, "gzip");
    if (req.method() == http::verb::head) {
        res.content_length(chosen.size());
    } else {
        res.body() = chosen.read_all();
    }
    return res;
}

}  // namespace madoguchi::endpoint

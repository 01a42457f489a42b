// Command-line parsing and the usage text. Every refusal names the flag and what it needs.
#include "command_line.hpp"

#include "postgres_store.hpp"

#include <charconv>
#include <set>
#include <vector>

namespace madoguchi::endpoint {

const char* const kUsage =
    "Usage: madoguchi-endpoint --site DIR --db FILE|URL [--keys FILE] [options]\n"
    "       madoguchi-endpoint --db FILE|URL add-staff-token NAME\n"
    "Serves the Madoguchi web build and the REST API (/api/v1/...), storing only ciphertext in SQLite or\n"
    "PostgreSQL.\n"
    "  --site DIR            folder holding the web build (index.html, app.js, app.wasm, ...)\n"
    "  --db FILE             SQLite database file; created, with its folder, if missing\n"
    "  --db URL              PostgreSQL instead: postgresql://USER:PASSWORD@HOST:PORT/DATABASE (or\n"
    "                        postgres://...); the database must exist, its tables are made at start.\n"
    "                        Several endpoints may share one PostgreSQL database (replicas)\n"
    "  --keys FILE           the ward keys accepted ({\"keys\":[{\"key_id\",\"public_key\"}]}, as the site's\n"
    "                        keys.json); without it every submission is refused (422 unknown_key)\n"
    "  --listen ADDRESS      IP address to listen on (default 127.0.0.1; put a TLS reverse proxy in front)\n"
    "  --port PORT           TCP port (default 8080; 0 picks a free port)\n"
    "  --hsts                send Strict-Transport-Security (only when a TLS proxy is in front)\n"
    "  --trust-proxy ADDRESS rate-limit by X-Forwarded-For on requests from this proxy address\n"
    "  --post-rate N         uploads per minute per client address (default 30; 0 turns the limit off)\n"
    "  --post-burst N        uploads a client may send at once before the rate applies (default 10)\n"
    "  --header-timeout S    seconds for a request head to arrive, and for idle keep-alive (default 10)\n"
    "  --body-timeout S      seconds for a body, plus one per 16 KiB it declares (default 60)\n"
    "  --help                show this help\n"
    "add-staff-token NAME prints a new staff token for NAME once (it replaces NAME's old token); the\n"
    "database keeps only its SHA-256.\n";

namespace {

const std::set<std::string> kValueFlags = {"--site",      "--db",         "--keys",           "--listen",
                                           "--port",      "--post-rate",  "--post-burst",     "--trust-proxy",
                                           "--header-timeout", "--body-timeout"};

unsigned long number(const std::string& flag, const std::string& value, unsigned long max) {
    unsigned long n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (value.empty() || ec != std::errc{} || end != value.data() + value.size() || n > max) {
        throw UsageError(flag + " must be a whole number from 0 to " + std::to_string(max) + ", not '" + value + "'");
    }
    return n;
}

}  // namespace

std::optional<Options> parse_command_line(int argc, char** argv) {
    Options options;
    bool have_site = false;
    bool have_db = false;
    std::vector<std::string> words;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") return std::nullopt;
        if (!arg.starts_with("--")) {
            words.push_back(arg);
            continue;
        }
        std::string value;
        if (const auto eq = arg.find('='); eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg.resize(eq);
            if (!kValueFlags.contains(arg)) throw UsageError(arg + " takes no value");
        } else if (kValueFlags.contains(arg)) {
            if (i + 1 >= argc) throw UsageError(arg + " needs a value");
            value = argv[++i];
        }
        if (arg == "--site") {
            options.site = value;
            have_site = true;
        } else if (arg == "--db") {
            options.db = value;
            have_db = true;
        } else if (arg == "--keys") {
            options.keys = value;
        } else if (arg == "--listen") {
            options.listen = value;
        } else if (arg == "--port") {
            options.port = static_cast<std::uint16_t>(number(arg, value, 65535));
        } else if (arg == "--hsts") {
            options.hsts = true;
        } else if (arg == "--trust-proxy") {
            options.trusted_proxy = value;
        } else if (arg == "--post-rate") {
            options.post_rate.per_minute = static_cast<double>(number(arg, value, 1000000));
        } else if (arg == "--post-burst") {
            options.post_rate.burst = static_cast<double>(number(arg, value, 1000000));
            if (options.post_rate.burst < 1) throw UsageError("--post-burst must be at least 1");
        } else if (arg == "--header-timeout") {
            options.header_timeout = std::chrono::seconds(number(arg, value, 3600));
            if (options.header_timeout.count() == 0) throw UsageError("--header-timeout must be at least 1 second");
        } else if (arg == "--body-timeout") {
            options.body_timeout = std::chrono::seconds(number(arg, value, 86400));
            if (options.body_timeout.count() == 0) throw UsageError("--body-timeout must be at least 1 second");
        } else {
            throw UsageError("unknown argument '" + arg + "'");
        }
    }
    if (!have_db) throw UsageError("--db FILE|URL is required (a SQLite database file or a postgresql:// URL)");
    if (options.db.empty()) throw UsageError("--db needs a file name or a postgresql:// URL");
    if (const auto scheme = options.db.find("://"); scheme != std::string::npos && !is_postgres_url(options.db)) {
        // Only the scheme is quoted: the rest of a URL may hold a password.
        throw UsageError("--db takes a SQLite file or a postgresql:// URL, not a " + options.db.substr(0, scheme) +
                         ":// URL");
    }

    if (!words.empty()) {
        if (words[0] != "add-staff-token") throw UsageError("unknown command '" + words[0] + "'");
        if (words.size() != 2) throw UsageError("add-staff-token needs exactly one NAME, e.g. add-staff-token tanaka");
        const std::string& name = words[1];
        if (name.size() > 64) throw UsageError("the staff token NAME must be at most 64 characters");
        for (unsigned char c : name) {
            if (c < 0x20 || c == 0x7F) throw UsageError("the staff token NAME must not contain control characters");
        }
        options.command = Options::Command::add_staff_token;
        options.staff_name = name;
        return options;
    }
    if (!have_site) throw UsageError("--site DIR is required (the folder with the web build)");
    std::error_code ec;
    if (!std::filesystem::is_directory(options.site, ec)) {
        throw UsageError("--site " + options.site.string() + " is not a folder; build the web app first");
    }
    options.site = std::filesystem::canonical(options.site);
    return options;
}

}  // namespace madoguchi::endpoint

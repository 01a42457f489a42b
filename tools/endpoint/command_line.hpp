// The command line: serving flags, and the add-staff-token subcommand. Parsing only; main.cpp acts on it.
#pragma once

#include "rate_limiter.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace madoguchi::endpoint {

extern const char* const kUsage;

struct Options {
    enum class Command { serve, add_staff_token } command = Command::serve;
    std::string staff_name;  // add-staff-token NAME
    std::filesystem::path site;
    std::string db;  // a SQLite file, or a postgresql:// URL (is_postgres_url)
    std::optional<std::filesystem::path> keys;
    std::string listen = "127.0.0.1";
    std::uint16_t port = 8080;
    bool hsts = false;
    RateLimit post_rate;
    std::optional<std::string> trusted_proxy;
    std::chrono::seconds header_timeout{10};
    std::chrono::seconds body_timeout{60};
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Accepts "--flag value" and "--flag=value". Empty for --help; throws UsageError saying what is wrong.
std::optional<Options> parse_command_line(int argc, char** argv);

}  // namespace madoguchi::endpoint

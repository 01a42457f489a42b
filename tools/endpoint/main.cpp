// madoguchi-endpoint: reads the command line, opens the store, starts the HTTP server and runs it
// until SIGINT or SIGTERM.
#include "http_server.hpp"
#include "sqlite_store.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>

#include <algorithm>
#include <charconv>
#include <csignal>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
using namespace madoguchi::endpoint;

constexpr const char* kUsage =
    "Usage: madoguchi-endpoint --site DIR --db FILE [--listen ADDRESS] [--port PORT]\n"
    "Serves the Madoguchi web build and the REST API (/api/v1/...), storing only ciphertext in SQLite.\n"
    "  --site DIR        folder holding the web build (index.html, app.js, app.wasm, ...)\n"
    "  --db FILE         SQLite database file; created, with its folder, if missing\n"
    "  --listen ADDRESS  IP address to listen on (default 127.0.0.1; put a TLS reverse proxy in front)\n"
    "  --port PORT       TCP port (default 8080; 0 picks a free port)\n"
    "  --help            show this help\n";

struct Options {
    std::filesystem::path site;
    std::filesystem::path db;
    std::string listen = "127.0.0.1";
    std::uint16_t port = 8080;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Accepts "--flag value" and "--flag=value".
std::optional<Options> parse_args(int argc, char** argv) {
    Options options;
    bool have_site = false;
    bool have_db = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") return std::nullopt;
        std::string value;
        if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg.resize(eq);
        } else if (arg == "--site" || arg == "--db" || arg == "--listen" || arg == "--port") {
            if (i + 1 >= argc) throw UsageError(arg + " needs a value");
            value = argv[++i];
        } else {
            throw UsageError("unknown argument '" + arg + "'");
        }
        if (arg == "--site") {
            options.site = value;
            have_site = true;
        } else if (arg == "--db") {
            options.db = value;
            have_db = true;
        } else if (arg == "--listen") {
            options.listen = value;
        } else if (arg == "--port") {
            unsigned port = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), port);
            if (ec != std::errc{} || end != value.data() + value.size() || port > 65535) {
                throw UsageError("--port must be a number from 0 to 65535, not '" + value + "'");
            }
            options.port = static_cast<std::uint16_t>(port);
        } else {
            throw UsageError("unknown argument '" + arg + "'");
        }
    }
    if (!have_site) throw UsageError("--site DIR is required (the folder with the web build)");
    if (!have_db) throw UsageError("--db FILE is required (the SQLite database file)");
    if (options.db.empty()) throw UsageError("--db needs a file name");
    std::error_code ec;
    if (!std::filesystem::is_directory(options.site, ec)) {
        throw UsageError("--site " + options.site.string() + " is not a folder; build the web app first");
    }
    options.site = std::filesystem::canonical(options.site);
    return options;
}

std::string url_for(const asio::ip::tcp::endpoint& endpoint) {
    const auto address = endpoint.address();
    const std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    return "http://" + host + ":" + std::to_string(endpoint.port()) + "/";
}

int run(const Options& options) {
    if (!std::filesystem::exists(options.site / "index.html")) {
        std::cerr << "madoguchi-endpoint: warning: " << (options.site / "index.html").string()
                  << " does not exist; / will answer 404\n";
    }
    SqliteStore store(options.db);
    Services services{options.site, store};

    boost::system::error_code ec;
    const auto address = asio::ip::make_address(options.listen, ec);
    if (ec) {
        std::cerr << "madoguchi-endpoint: --listen '" << options.listen << "' is not an IP address\n";
        return 2;
    }
    // One I/O thread per core; more would only queue on the store's mutex and the disk.
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    // Declared after the store, so handlers still queued in the context are destroyed before it.
    asio::io_context ioc{static_cast<int>(threads)};
    std::optional<HttpServer> server;
    try {
        server.emplace(ioc, asio::ip::tcp::endpoint{address, options.port}, services);
    } catch (const boost::system::system_error& e) {
        std::cerr << "madoguchi-endpoint: cannot listen on " << options.listen << " port " << options.port << ": "
                  << e.code().message() << '\n';
        return 1;
    }
    server->start();

    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) {
        server->stop();
        ioc.stop();
    });

    // Tests and scripts read the port from this line, so it is printed only once the socket listens.
    std::cout << "listening on " << url_for(server->local_endpoint()) << std::endl;

    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
    ioc.run();
    for (auto& t : pool) t.join();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const auto options = parse_args(argc, argv);
        if (!options) {
            std::cout << kUsage;
            return 0;
        }
        return run(*options);
    } catch (const UsageError& e) {
        std::cerr << "madoguchi-endpoint: " << e.what() << "\n\n" << kUsage;
        return 2;
    } catch (const StoreError& e) {
        std::cerr << "madoguchi-endpoint: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "madoguchi-endpoint: " << e.what() << '\n';
        return 1;
    }
}

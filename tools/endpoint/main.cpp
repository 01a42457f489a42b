// madoguchi-endpoint: reads the command line, opens the store, and either serves HTTP until SIGINT or
// SIGTERM, or runs a subcommand (add-staff-token) and exits.
#include "command_line.hpp"
#include "digest.hpp"
#include "http_server.hpp"
#include "postgres_store.hpp"
#include "sqlite_store.hpp"
#include "tokens.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>

#include <algorithm>
#include <csignal>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
using namespace madoguchi::endpoint;

// The largest group commit: uploads beyond this many at once wait for a handler thread to be free.
constexpr unsigned kSqliteHandlerThreads = 64;

std::string url_for(const asio::ip::tcp::endpoint& endpoint) {
    const auto address = endpoint.address();
    std::string url = "http://";
    url += address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    url += ":" + std::to_string(endpoint.port()) + "/";
    return url;
}

// --db: a postgresql:// URL selects PostgreSQL, anything else is a SQLite file.
std::unique_ptr<Store> open_store(const std::string& db) {
    if (is_postgres_url(db)) return std::make_unique<PostgresStore>(db);
    return std::make_unique<SqliteStore>(db);
}

int add_staff_token(const Options& options) {
    const auto store = open_store(options.db);
    const std::string token = new_token();
    const bool replaced = store->put_staff_token(options.staff_name, sha256(token), unix_now());
    if (replaced) std::cerr << "madoguchi-endpoint: the previous token of " << options.staff_name << " no longer works\n";
    // Printed once and never stored: whoever runs this hands it to the staff member.
    std::cout << token << std::endl;
    return 0;
}

int serve(const Options& options) {
    if (!std::filesystem::exists(options.site / "index.html")) {
        std::cerr << "madoguchi-endpoint: warning: " << (options.site / "index.html").string()
                  << " does not exist; / will answer 404\n";
    }
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(options.listen, ec);
    if (ec) {
        std::cerr << "madoguchi-endpoint: --listen '" << options.listen << "' is not an IP address\n";
        return 2;
    }
    ServerOptions server_options;
    server_options.limits.header_timeout = options.header_timeout;
    server_options.limits.body_timeout = options.body_timeout;
    server_options.post_rate = options.post_rate;
    if (options.trusted_proxy) {
        server_options.trusted_proxy = asio::ip::make_address(*options.trusted_proxy, ec);
        if (ec) {
            std::cerr << "madoguchi-endpoint: --trust-proxy '" << *options.trusted_proxy << "' is not an IP address\n";
            return 2;
        }
    }
    AcceptedKeys keys;
    if (options.keys) {
        keys = load_accepted_keys(*options.keys);
    } else {
        std::cerr << "madoguchi-endpoint: warning: no --keys FILE, so every submission is refused (unknown_key)\n";
    }

    const auto store = open_store(options.db);
    Services services{options.site, *store, std::move(keys), options.hsts};

    // One I/O thread per core.
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    // Each request being routed holds a handler thread while it waits on the database. SQLite commits
    // the uploads that wait together in one transaction (group_commit.hpp), so the more may wait, the
    // fewer syncs per upload. On PostgreSQL each holds a connection, so one per core, as many as the
    // I/O threads: more would only queue on the database.
    server_options.handler_threads = is_postgres_url(options.db) ? threads : kSqliteHandlerThreads;
    // Declared after the store, so handlers still queued in the context are destroyed before it.
    asio::io_context ioc{static_cast<int>(threads)};
    std::optional<HttpServer> server;
    try {
        server.emplace(ioc, asio::ip::tcp::endpoint{address, options.port}, services, server_options);
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
        const auto options = parse_command_line(argc, argv);
        if (!options) {
            std::cout << kUsage;
            return 0;
        }
        if (options->command == Options::Command::add_staff_token) return add_staff_token(*options);
        return serve(*options);
    } catch (const UsageError& e) {
        std::cerr << "madoguchi-endpoint: " << e.what() << "\n\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "madoguchi-endpoint: " << e.what() << '\n';
        return 1;
    }
}

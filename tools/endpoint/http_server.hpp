// The HTTP/1.1 server: accepts connections and runs each one's read → route → write loop, with the
// timeouts, size limits and upload rate limit that keep slow or hostile clients from holding memory
// and sockets. Sockets live on the I/O threads; route(), which may wait on the database, on handler threads.
#pragma once

#include "rate_limiter.hpp"
#include "router.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include <chrono>
#include <cstdint>
#include <optional>

namespace madoguchi::endpoint {

struct ServerLimits {
    std::uint32_t header_limit = 16 * 1024;
    // Idle keep-alive connections and request heads must arrive within this.
    std::chrono::seconds header_timeout{10};
    // A body may take this long plus one second per min_receive_rate bytes it declares (or, chunked,
    // its route's limit): 60 s for 1 MiB, about 34 minutes for a 32 MiB envelope on a slow uplink.
    std::chrono::seconds body_timeout{60};
    std::uint64_t min_receive_rate = 16 * 1024;
    // A write may take this long plus one second per min_send_rate bytes, so a large
    // .wasm still reaches a slow phone while a dead peer is dropped.
    std::chrono::seconds write_timeout{30};
    std::uint64_t min_send_rate = 32 * 1024;
    // After an error that ends a connection, unread request bytes are drained for this long (and up to
    // linger_bytes) so the client reads our error instead of a TCP reset.
    std::chrono::seconds linger_timeout{5};
    std::uint64_t linger_bytes = 8 * 1024 * 1024;
};

struct ServerOptions {
    ServerLimits limits;
    RateLimit post_rate;  // per client address, for POST requests
    std::optional<boost::asio::ip::address> trusted_proxy;  // --trust-proxy: read X-Forwarded-For from it
    // How many requests route() may handle at once, each waiting on the database on a thread of its own.
    unsigned handler_threads = 1;
};

class HttpServer {
public:
    // Binds and listens at once, so a busy port fails before the server reports itself ready.
    HttpServer(boost::asio::io_context& ioc, const boost::asio::ip::tcp::endpoint& endpoint, Services& services,
               ServerOptions options = {});

    boost::asio::ip::tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

    void start();
    // Stops accepting; safe to call from any thread.
    void stop();

private:
    void accept();

    boost::asio::io_context& ioc_;
    // Accept handlers and stop() share this strand, so closing the acceptor never races an accept.
    boost::asio::strand<boost::asio::io_context::executor_type> strand_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer retry_timer_;
    Services& services_;
    ServerOptions options_;
    RateLimiter limiter_;
    // Destroyed (so joined, after the requests being routed) before the io_context and the store.
    boost::asio::thread_pool handlers_;
};

}  // namespace madoguchi::endpoint

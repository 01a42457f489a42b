// The upload rate limit: a burst, then one upload per refill interval, per client (IPv6 per /64), and
// the client address as seen through a trusted proxy.
#include "rate_limiter.hpp"

#include <catch2/catch.hpp>

using namespace madoguchi::endpoint;
using namespace std::chrono_literals;
namespace ip = boost::asio::ip;

TEST_CASE("endpoint rate limit: a burst, then Retry-After until the bucket refills", "[endpoint]") {
    RateLimiter limiter({30, 3});  // one token every 2 s
    const auto client = ip::make_address("192.0.2.7");
    const auto t0 = RateLimiter::Clock::time_point{} + 1h;
    for (int i = 0; i < 3; ++i) CHECK_FALSE(limiter.take(client, t0));
    CHECK(limiter.take(client, t0) == std::optional<std::uint64_t>(2));
    CHECK(limiter.take(client, t0 + 1s) == std::optional<std::uint64_t>(1));
    CHECK_FALSE(limiter.take(client, t0 + 2s));
    // Another client has its own bucket.
    CHECK_FALSE(limiter.take(ip::make_address("192.0.2.8"), t0));
}

TEST_CASE("endpoint rate limit: IPv6 clients share a bucket per /64", "[endpoint]") {
    RateLimiter limiter({60, 1});
    const auto t0 = RateLimiter::Clock::time_point{} + 1h;
    CHECK_FALSE(limiter.take(ip::make_address("2001:db8:1:2::1"), t0));
    CHECK(limiter.take(ip::make_address("2001:db8:1:2:ffff::9"), t0));
    CHECK_FALSE(limiter.take(ip::make_address("2001:db8:1:3::1"), t0));
    // An IPv4-mapped address is the IPv4 client.
    CHECK_FALSE(limiter.take(ip::make_address("198.51.100.1"), t0));
    CHECK(limiter.take(ip::make_address("::ffff:198.51.100.1"), t0));
}

TEST_CASE("endpoint rate limit: 0 per minute turns it off", "[endpoint]") {
    RateLimiter limiter({0, 1});
    const auto client = ip::make_address("192.0.2.7");
    for (int i = 0; i < 100; ++i) CHECK_FALSE(limiter.take(client, RateLimiter::Clock::time_point{}));
}

TEST_CASE("endpoint rate limit: many one-off clients do not pile up", "[endpoint]") {
    RateLimiter limiter({60, 2});
    const auto t0 = RateLimiter::Clock::time_point{} + 1h;
    for (unsigned i = 0; i < 20000; ++i) {
        const auto client = ip::address_v4(0x0A000000u + i);
        // Each client is back to a full bucket a few seconds later, so old ones can be forgotten.
        CHECK_FALSE(limiter.take(client, t0 + std::chrono::milliseconds(i * 10)));
    }
    CHECK(limiter.tracked_clients() <= 4096);
    // A client that came back after being forgotten starts with a full bucket again, as if new.
    CHECK_FALSE(limiter.take(ip::address_v4(0x0A000000u), t0 + 1000s));
}

TEST_CASE("endpoint client address: X-Forwarded-For only from the trusted proxy", "[endpoint]") {
    const auto proxy = ip::make_address("127.0.0.1");
    const auto other = ip::make_address("192.0.2.1");
    CHECK(client_address(proxy, proxy, "203.0.113.5, 198.51.100.9") == ip::make_address("198.51.100.9"));
    CHECK(client_address(proxy, proxy, " 2001:db8::1 ") == ip::make_address("2001:db8::1"));
    CHECK(client_address(other, proxy, "198.51.100.9") == other);
    CHECK(client_address(proxy, std::nullopt, "198.51.100.9") == proxy);
    CHECK(client_address(proxy, proxy, "not-an-address") == proxy);
    CHECK(client_address(proxy, proxy, "") == proxy);
}

// A token bucket per client address for uploads: `burst` requests at once, refilled at `per_minute`.
// Clients are keyed by IPv4 address or IPv6 /64 (one household or phone usually holds a whole /64).
#pragma once

#include <boost/asio/ip/address.hpp>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace madoguchi::endpoint {

struct RateLimit {
    double per_minute = 30;  // 0 turns the limit off
    double burst = 10;
};

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(RateLimit limit) : limit_(limit) {}

    // Takes one token for this client. Empty when allowed; otherwise the whole seconds until a token
    // will be there (at least 1), for Retry-After.
    std::optional<std::uint64_t> take(const boost::asio::ip::address& client, Clock::time_point now);

    // How many clients have a bucket now; quiet clients are forgotten once theirs is full again.
    std::size_t tracked_clients();

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point at;
    };
    void forget_full_buckets(Clock::time_point now);

    RateLimit limit_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
    std::size_t prune_at_ = 4096;
};

// The address to rate-limit: the TCP peer, or, when the peer is the trusted proxy (--trust-proxy), the
// last address in its X-Forwarded-For (the one the proxy itself added). Unparseable values keep the peer.
boost::asio::ip::address client_address(const boost::asio::ip::address& peer,
                                        const std::optional<boost::asio::ip::address>& trusted_proxy,
                                        std::string_view forwarded_for);

}  // namespace madoguchi::endpoint

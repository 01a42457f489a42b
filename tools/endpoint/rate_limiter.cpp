// The upload rate limit. Buckets of clients that have been quiet long enough to be full again are
// forgotten whenever the table grows past a threshold, so memory follows the number of active clients.
#include "rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace madoguchi::endpoint {

namespace {

std::string key_of(const boost::asio::ip::address& address) {
    if (address.is_v6() && !address.to_v6().is_v4_mapped()) {
        auto bytes = address.to_v6().to_bytes();
        std::fill(bytes.begin() + 8, bytes.end(), 0);
        return boost::asio::ip::address_v6(bytes).to_string() + "/64";
    }
    if (address.is_v6()) return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6()).to_string();
    return address.to_string();
}

}  // namespace

std::optional<std::uint64_t> RateLimiter::take(const boost::asio::ip::address& client, Clock::time_point now) {
    if (limit_.per_minute <= 0) return std::nullopt;
    const double per_second = limit_.per_minute / 60.0;
    std::lock_guard lock(mutex_);
    if (buckets_.size() >= prune_at_) forget_full_buckets(now);
    const auto [it, fresh] = buckets_.try_emplace(key_of(client), Bucket{limit_.burst, now});
    Bucket& bucket = it->second;
    if (!fresh) {
        const double elapsed = std::chrono::duration<double>(now - bucket.at).count();
        bucket.tokens = std::min(limit_.burst, bucket.tokens + elapsed * per_second);
        bucket.at = now;
    }
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(std::max(1.0, std::ceil((1 - bucket.tokens) / per_second)));
}

std::size_t RateLimiter::tracked_clients() {
    std::lock_guard lock(mutex_);
    return buckets_.size();
}

void RateLimiter::forget_full_buckets(Clock::time_point now) {
    const double per_second = limit_.per_minute / 60.0;
    std::erase_if(buckets_, [&](const auto& entry) {
        const double elapsed = std::chrono::duration<double>(now - entry.second.at).count();
        return entry.second.tokens + elapsed * per_second >= limit_.burst;
    });
    prune_at_ = std::max<std::size_t>(4096, buckets_.size() * 2);
}

boost::asio::ip::address client_address(const boost::asio::ip::address& peer,
                                        const std::optional<boost::asio::ip::address>& trusted_proxy,
                                        std::string_view forwarded_for) {
    if (!trusted_proxy || peer != *trusted_proxy || forwarded_for.empty()) return peer;
    const auto comma = forwarded_for.rfind(',');
    std::string last(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    last.erase(0, last.find_first_not_of(" \t"));
    last.erase(last.find_last_not_of(" \t") + 1);
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(last, ec);
    return ec ? peer : address;
}

}  // namespace madoguchi::endpoint

// The Beast/Asio half of the server (kept to this one file: it is the slow one to compile).
// Each connection lives on its own strand, so the I/O threads never touch one connection at once; while
// its request is routed on a handler thread, nothing else touches it.
#include "http_server.hpp"

#include "api_error.hpp"
#include "security_headers.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>

namespace madoguchi::endpoint {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

// string_body, except that the string grows as bytes arrive instead of reserving the declared
// Content-Length up front: a client that announces 32 MiB and sends nothing costs nothing.
struct GrowingStringBody {
    using value_type = std::string;

    class reader {
    public:
        template <bool isRequest, class Fields>
        reader(http::header<isRequest, Fields>&, value_type& body) : body_(body) {}

        void init(const boost::optional<std::uint64_t>&, beast::error_code& ec) { ec = {}; }

        template <class ConstBufferSequence>
        std::size_t put(const ConstBufferSequence& buffers, beast::error_code& ec) {
            const std::size_t n = beast::buffer_bytes(buffers);
            const std::size_t old = body_.size();
            body_.resize(old + n);  // libstdc++ at least doubles the capacity, so appends stay amortised O(1)
            ec = {};
            return asio::buffer_copy(asio::buffer(body_.data() + old, n), buffers);
        }

        void finish(beast::error_code& ec) { ec = {}; }

    private:
        value_type& body_;
    };
};

// RFC 9110 requires a Date header from any server that has a clock.
std::string http_date() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[64];
    const std::size_t n = std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return std::string(buffer, n);
}

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket&& socket, Services& services, const ServerOptions& options, RateLimiter& limiter,
               asio::thread_pool::executor_type handlers)
        : stream_(std::move(socket)),
          timer_(stream_.get_executor()),
          services_(services),
          options_(options),
          limits_(options.limits),
          limiter_(limiter),
          handlers_(handlers) {
        beast::error_code ec;
        peer_ = stream_.socket().remote_endpoint(ec).address();
    }

    void start() {
        // Run the first step on the connection's strand, like every later one.
        asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Connection::read_header, shared_from_this()));
    }

private:
    // Reads run under this timer rather than the stream's own timeout, which would close the socket
    // and leave no way to answer 408. A generation number keeps a stale expiry from cancelling a later step.
    void arm(std::chrono::steady_clock::duration timeout) {
        stream_.expires_never();
        timed_out_ = false;
        timer_.expires_after(timeout);
        timer_.async_wait([self = shared_from_this(), generation = ++generation_](beast::error_code ec) {
            if (ec || generation != self->generation_) return;
            self->timed_out_ = true;
            beast::error_code ignored;
            self->stream_.socket().cancel(ignored);
        });
    }

    void disarm() {
        ++generation_;
        timer_.cancel();
    }

    void read_header() {
        parser_.emplace();  // a fresh parser per request: limits and state never leak between requests
        parser_->header_limit(limits_.header_limit);
        // No limit until the target is known: on_header checks the declared length against the route's
        // own limit (so the 413 names it) and sets that limit for chunked bodies.
        parser_->body_limit(boost::none);
        arm(limits_.header_timeout);
        http::async_read_header(stream_, buffer_, *parser_,
                                beast::bind_front_handler(&Connection::on_header, shared_from_this()));
    }

    void on_header(beast::error_code ec, std::size_t) {
        if (ec) return on_read_error(ec);
        disarm();
        const auto& head = parser_->get();
        route_limit_ = body_limit_for(head.method(), head.target());
        if (head.method() == http::verb::post) {
            const auto client = client_address(peer_, options_.trusted_proxy, head["X-Forwarded-For"]);
            if (const auto wait = limiter_.take(client, std::chrono::steady_clock::now())) {
                return send_error(errors::rate_limited(*wait));
            }
        }
        // Refused before the body is read, so an oversized upload costs the client nothing to learn.
        if (const auto declared = parser_->content_length(); declared && *declared > route_limit_) {
            return send_error(errors::payload_too_large(route_limit_));
        }
        parser_->body_limit(route_limit_);
        if (!parser_->is_done() && beast::iequals(head[http::field::expect], "100-continue")) {
            // Clients such as curl wait for this before sending a large body.
            continue_.emplace(http::status::continue_, head.version());
            stream_.expires_after(limits_.write_timeout);
            return http::async_write(stream_, *continue_,
                                     beast::bind_front_handler(&Connection::on_continue_sent, shared_from_this()));
        }
        read_body();
    }

    void on_continue_sent(beast::error_code ec, std::size_t) {
        if (ec) return close();
        read_body();
    }

    void read_body() {
        if (parser_->is_done()) return on_read({}, 0);
        const std::uint64_t expected = parser_->content_length().value_or(route_limit_);
        arm(limits_.body_timeout + std::chrono::seconds(expected / limits_.min_receive_rate));
        http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Connection::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec) return on_read_error(ec);
        disarm();
        auto message = parser_->release();
        // Off the I/O threads: route() blocks while an upload waits for its commit, and uploads that wait
        // together are committed together (group commit), so many must be able to wait at once.
        asio::post(handlers_, [self = shared_from_this(),
                               req = Request(std::move(message.base()), std::move(message.body()))] {
            std::optional<Response> res;
            try {
                res = route(req, self->services_);
            } catch (const std::exception& e) {  // route() catches its own failures; this is the last resort
                std::cerr << "madoguchi-endpoint: route failed: " << e.what() << '\n';
            }
            asio::post(self->stream_.get_executor(),
                       [self, res = std::move(res)]() mutable { self->on_routed(std::move(res)); });
        });
    }

    void on_routed(std::optional<Response> res) {
        if (!res) return send_error(errors::internal());
        const bool close_after = res->need_eof();
        send(std::move(*res), close_after);
    }

    void on_read_error(beast::error_code ec) {
        const bool timed_out = timed_out_;
        disarm();
        if (timed_out) {
            // A half-sent request gets an answer; an idle keep-alive connection just ends.
            if (parser_->got_some() || buffer_.size() > 0) return send_error(errors::request_timeout());
            return close();
        }
        // The client went away, or the server is stopping: nobody is left to answer.
        if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
            ec.category() != http::make_error_code(http::error::bad_method).category()) {
            return close();
        }
        if (ec == http::error::body_limit) return send_error(errors::payload_too_large(route_limit_));
        if (ec == http::error::header_limit) return send_error(errors::header_too_large(limits_.header_limit));
        send_error(errors::malformed_http(ec.message()));
    }

    // Errors found while reading end the connection: the stream position is no longer trustworthy.
    void send_error(Response res) {
        res.version(11);
        res.keep_alive(false);
        add_security_headers(res, services_.hsts);
        res.prepare_payload();
        send(std::move(res), true);
    }

    void send(Response&& res, bool close_after) {
        res_ = std::move(res);
        close_after_ = close_after;
        res_.set(http::field::date, http_date());
        const auto bytes = res_.body().size();
        stream_.expires_after(limits_.write_timeout + std::chrono::seconds(bytes / limits_.min_send_rate));
        http::async_write(stream_, res_, beast::bind_front_handler(&Connection::on_write, shared_from_this()));
    }

    void on_write(beast::error_code ec, std::size_t) {
        if (ec) return close();
        if (close_after_) return linger_close();
        res_ = {};  // release a large body before waiting on an idle connection
        read_header();
    }

    void linger_close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.expires_after(limits_.linger_timeout);
        drain();
    }

    void drain() {
        stream_.async_read_some(asio::buffer(drain_buffer_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
            self->drained_ += n;
            if (ec || self->drained_ > self->limits_.linger_bytes) return self->close();
            self->drain();
        });
    }

    void close() {
        disarm();
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.socket().close(ignored);
    }

    beast::tcp_stream stream_;
    asio::steady_timer timer_;
    std::uint64_t generation_ = 0;
    bool timed_out_ = false;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<GrowingStringBody>> parser_;
    std::uint64_t route_limit_ = kDefaultBodyLimit;
    std::optional<http::response<http::empty_body>> continue_;
    Response res_;  // kept here until async_write completes
    bool close_after_ = false;
    std::array<char, 16384> drain_buffer_{};
    std::uint64_t drained_ = 0;
    asio::ip::address peer_;
    Services& services_;
    const ServerOptions& options_;
    const ServerLimits& limits_;
    RateLimiter& limiter_;
    asio::thread_pool::executor_type handlers_;
};

}  // namespace

HttpServer::HttpServer(asio::io_context& ioc, const tcp::endpoint& endpoint, Services& services, ServerOptions options)
    : ioc_(ioc),
      strand_(asio::make_strand(ioc)),
      acceptor_(strand_),
      retry_timer_(strand_),
      services_(services),
      options_(std::move(options)),
      limiter_(options_.post_rate),
      handlers_(options_.handler_threads) {
    acceptor_.open(endpoint.protocol());
    // Lets a restarted server bind while old connections sit in TIME_WAIT.
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
}

void HttpServer::start() { accept(); }

void HttpServer::stop() {
    asio::post(acceptor_.get_executor(), [this] {
        beast::error_code ignored;
        acceptor_.close(ignored);
        retry_timer_.cancel();
    });
}

void HttpServer::accept() {
    acceptor_.async_accept(asio::make_strand(ioc_), [this](beast::error_code ec, tcp::socket socket) {
        if (!acceptor_.is_open()) return;
        if (ec) {
            // Typically EMFILE: retrying at once would spin, so wait for sockets to free up.
            std::cerr << "madoguchi-endpoint: accept failed: " << ec.message() << '\n';
            retry_timer_.expires_after(std::chrono::milliseconds(100));
            retry_timer_.async_wait([this](beast::error_code wait_ec) {
                if (!wait_ec) accept();
            });
            return;
        }
        beast::error_code ignored;
        // Without this every small response waits ~40 ms for Nagle + delayed ACK.
        socket.set_option(tcp::no_delay(true), ignored);
        std::make_shared<Connection>(std::move(socket), services_, options_, limiter_, handlers_.get_executor())
            ->start();
        accept();
    });
}

}  // namespace madoguchi::endpoint

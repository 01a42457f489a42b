// The Beast/Asio half of the server (kept to this one file: it is the slow one to compile).
// Each connection lives on its own strand, so the I/O threads never touch one connection at once.
#include "http_server.hpp"

#include "api_error.hpp"
#include "security_headers.hpp"

#include <boost/asio/dispatch.hpp>
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

// RFC 9110 requires a Date header from any server that has a clock.
std::string http_date() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[64];
    const std::size_t n = std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return std::string(buffer, n);
}

bool expects_continue(const Request& req) {
    return beast::iequals(req[http::field::expect], "100-continue");
}

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket&& socket, Services& services, const ServerLimits& limits)
        : stream_(std::move(socket)), services_(services), limits_(limits) {}

    void start() {
        // Run the first step on the connection's strand, like every later one.
        asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Connection::read_header, shared_from_this()));
    }

private:
    void read_header() {
        parser_.emplace();  // a fresh parser per request: limits and state never leak between requests
        parser_->header_limit(limits_.header_limit);
        parser_->body_limit(limits_.body_limit);
        stream_.expires_after(limits_.header_timeout);
        http::async_read_header(stream_, buffer_, *parser_,
                                beast::bind_front_handler(&Connection::on_header, shared_from_this()));
    }

    void on_header(beast::error_code ec, std::size_t) {
        if (ec) return on_read_error(ec);
        if (!parser_->is_done() && expects_continue(parser_->get())) {
            // Clients such as curl wait for this before sending a large body.
            continue_.emplace(http::status::continue_, parser_->get().version());
            stream_.expires_after(limits_.header_timeout);
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
        stream_.expires_after(limits_.body_timeout);
        http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Connection::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec) return on_read_error(ec);
        Response res;
        try {
            res = route(parser_->get(), services_);
        } catch (const std::exception& e) {  // route() catches its own failures; this is the last resort
            std::cerr << "madoguchi-endpoint: route failed: " << e.what() << '\n';
            return send_error(errors::internal());
        }
        const bool close_after = res.need_eof();
        send(std::move(res), close_after);
    }

    void on_read_error(beast::error_code ec) {
        // The client went away, went quiet, or the server is stopping: nobody is left to answer.
        if (ec == http::error::end_of_stream || ec == http::error::partial_message || ec == beast::error::timeout ||
            ec.category() != http::make_error_code(http::error::bad_method).category()) {
            return close();
        }
        if (ec == http::error::body_limit) return send_error(errors::payload_too_large(limits_.body_limit));
        if (ec == http::error::header_limit) return send_error(errors::header_too_large(limits_.header_limit));
        send_error(errors::malformed_http(ec.message()));
    }

    // Errors found while reading end the connection: the stream position is no longer trustworthy.
    void send_error(Response res) {
        res.version(11);
        res.keep_alive(false);
        add_security_headers(res);
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
        res_ = {};  // release a large file body before waiting on an idle connection
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
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.socket().close(ignored);
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::optional<http::response<http::empty_body>> continue_;
    Response res_;  // kept here until async_write completes
    bool close_after_ = false;
    std::array<char, 16384> drain_buffer_{};
    std::uint64_t drained_ = 0;
    Services& services_;
    const ServerLimits& limits_;
};

}  // namespace

HttpServer::HttpServer(asio::io_context& ioc, const tcp::endpoint& endpoint, Services& services, ServerLimits limits)
    : ioc_(ioc),
      strand_(asio::make_strand(ioc)),
      acceptor_(strand_),
      retry_timer_(strand_),
      services_(services),
      limits_(limits) {
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
        std::make_shared<Connection>(std::move(socket), services_, limits_)->start();
        accept();
    });
}

}  // namespace madoguchi::endpoint

// JSON error responses and their bilingual messages, kept in one place so wording and codes stay consistent.
#include "api_error.hpp"

#include <boost/json.hpp>

namespace madoguchi::endpoint {

namespace {

std::string str(std::string_view v) { return std::string(v); }

// "1 MiB" reads better than 1048576 in a message, but the exact byte count is kept beside it.
ErrorText size_text(std::uint64_t bytes) {
    const std::string exact = std::to_string(bytes);
    std::string unit;
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
        unit = std::to_string(bytes / (1024 * 1024)) + " MiB";
    } else if (bytes >= 1024 && bytes % 1024 == 0) {
        unit = std::to_string(bytes / 1024) + " KiB";
    }
    if (unit.empty()) return {exact + " bytes", exact + " バイト"};
    return {exact + " bytes (" + unit + ")", exact + " バイト（" + unit + "）"};
}

}  // namespace

Response make_error(http::status status, std::string_view code, const ErrorText& message) {
    boost::json::object text;
    text["en"] = message.en;
    text["ja"] = message.ja;
    boost::json::object error;
    error["code"] = code;
    error["message"] = std::move(text);
    boost::json::object body;
    body["error"] = std::move(error);

    Response res{status, 11};
    res.set(http::field::content_type, "application/json; charset=utf-8");
    // Errors describe one moment (a full disk, a bad request); a cache must not replay them.
    res.set(http::field::cache_control, "no-store");
    res.body() = boost::json::serialize(body);
    return res;
}

std::string printable(std::string_view text) {
    constexpr std::size_t kMax = 200;
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (out.size() >= kMax) {
            out += "...";
            break;
        }
        // Percent-encode anything a terminal or log viewer could misread; the target stays recognisable.
        if (c > 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0F];
        }
    }
    return out;
}

namespace errors {

Response no_route(std::string_view method, std::string_view target) {
    const std::string what = printable(method) + " " + printable(target);
    return make_error(http::status::not_found, "not_found",
                      {"No API route matches " + what +
                           ". Check the method, the path and the API version (v1) against openapi.yaml.",
                       what + " に一致する API はありません。メソッド、パス、API のバージョン（v1）を "
                              "openapi.yaml と照らし合わせてください。"});
}

Response no_file(std::string_view target) {
    const std::string path = printable(target);
    return make_error(http::status::not_found, "not_found",
                      {"There is no file at " + path +
                           " on this site. Check the address, or open the portal from its start page (/).",
                       "このサイトに " + path +
                           " というファイルはありません。アドレスを確認するか、ポータルのトップページ（/）から"
                           "開き直してください。"});
}

Response method_not_allowed(std::string_view method, std::string_view target, std::string_view allow) {
    const std::string m = printable(method);
    const std::string path = printable(target);
    Response res = make_error(
        http::status::method_not_allowed, "method_not_allowed",
        {m + " is not allowed on " + path + ". Use one of: " + str(allow) + ".",
         path + " では " + m + " は使えません。使えるメソッド: " + str(allow) + "。"});
    res.set(http::field::allow, allow);
    return res;
}

Response bad_path(std::string_view target, PathProblem problem) {
    const std::string path = printable(target);
    switch (problem) {
        case PathProblem::bad_percent_encoding:
            return make_error(http::status::bad_request, "bad_request",
                              {"The path " + path +
                                   " has invalid percent-encoding: each '%' must be followed by two hex digits. "
                                   "Write a literal '%' as %25.",
                               "パス " + path +
                                   " のパーセントエンコーディングが正しくありません。% の後には 16 進数 2 桁が必要です。"
                                   "% そのものは %25 と書いてください。"});
        case PathProblem::not_origin_form:
            return make_error(http::status::bad_request, "bad_request",
                              {"The request target " + path +
                                   " is not a path starting with '/'. Send only the path, e.g. GET /index.html.",
                               "リクエストの対象 " + path +
                                   " が / で始まるパスではありません。GET /index.html のようにパスだけを送ってください。"});
        default:
            break;
    }
    std::string en;
    std::string ja;
    switch (problem) {
        case PathProblem::dot_segment:
            en = "a '.' or '..' segment";
            ja = "「.」や「..」の区間";
            break;
        case PathProblem::backslash:
            en = "a backslash";
            ja = "バックスラッシュ";
            break;
        case PathProblem::encoded_slash:
            en = "an encoded slash (%2F)";
            ja = "エンコードされたスラッシュ（%2F）";
            break;
        default:
            en = "a NUL byte";
            ja = "NUL 文字";
            break;
    }
    return make_error(http::status::bad_request, "bad_request",
                      {"The path " + path + " is refused because it contains " + en +
                           ", which could reach outside the site. Request the file by its plain path, e.g. /index.html.",
                       "パス " + path + " は" + ja +
                           "を含むため拒否しました（サイトの外を指すおそれがあります）。/index.html のように"
                           "通常のパスで指定してください。"});
}

Response malformed_http(std::string_view detail) {
    const std::string d = printable(detail);
    return make_error(http::status::bad_request, "bad_request",
                      {"The request is not valid HTTP/1.1 (" + d + "). Check the client or proxy that sent it.",
                       "リクエストが正しい HTTP/1.1 ではありません（" + d +
                           "）。送信したクライアントやプロキシを確認してください。"});
}

Response payload_too_large(std::uint64_t limit_bytes) {
    const ErrorText limit = size_text(limit_bytes);
    return make_error(http::status::payload_too_large, "payload_too_large",
                      {"The request body is larger than the limit of " + limit.en + ". Send a smaller body.",
                       "リクエスト本文が上限の " + limit.ja + " を超えています。本文を小さくして送り直してください。"});
}

Response header_too_large(std::uint64_t limit_bytes) {
    const ErrorText limit = size_text(limit_bytes);
    return make_error(http::status::request_header_fields_too_large, "header_too_large",
                      {"The request line and headers are larger than the limit of " + limit.en +
                           ". Shorten the address or remove unneeded headers (such as large cookies) and retry.",
                       "リクエスト行とヘッダーが上限の " + limit.ja +
                           " を超えています。アドレスを短くするか、不要なヘッダー（大きな Cookie など）を減らして"
                           "送り直してください。"});
}

Response database_unavailable() {
    return make_error(http::status::service_unavailable, "database_unavailable",
                      {"The database is not answering, so the service cannot work right now. Try again in a few "
                       "minutes; operators should check the database (the SQLite file and its disk, or the "
                       "PostgreSQL server) and the server log.",
                       "データベースが応答しないため、現在サービスを利用できません。数分後にもう一度お試しください。"
                       "運用担当者はデータベース（SQLite のファイルとディスク、または PostgreSQL サーバー）と"
                       "サーバーログを確認してください。"});
}

Response internal() {
    return make_error(http::status::internal_server_error, "internal",
                      {"The server hit an unexpected error. Try again; if it keeps happening, report the time of "
                       "the error to the ward office.",
                       "サーバーで予期しないエラーが発生しました。もう一度お試しください。繰り返し起きる場合は、"
                       "発生時刻を添えて区役所にお知らせください。"});
}

Response rate_limited(std::uint64_t retry_after_seconds) {
    const std::string s = std::to_string(retry_after_seconds);
    Response res = make_error(
        http::status::too_many_requests, "rate_limited",
        {"Too many uploads from your network in a short time. Wait " + s +
             " seconds (see Retry-After) and send again; nothing you already sent is lost.",
         "短い時間に同じネットワークからの送信が多すぎます。" + s +
             " 秒待ってから（Retry-After を参照）もう一度送信してください。送信済みのものは失われていません。"});
    res.set(http::field::retry_after, s);
    return res;
}

Response request_timeout() {
    return make_error(http::status::request_timeout, "request_timeout",
                      {"The request did not arrive in time, so the connection is closed. Check the network "
                       "connection and send again.",
                       "リクエストが時間内に届かなかったため、接続を閉じました。通信状態を確認して、もう一度送信して"
                       "ください。"});
}

}  // namespace errors

}  // namespace madoguchi::endpoint

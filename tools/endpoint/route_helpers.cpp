// What the API routes share: JSON answers, the request's media type, query parameters, the status
// object and receipts taken from a path segment.
#include "routes.hpp"

#include "api_error.hpp"
#include "receipt.hpp"

#include "crypto/byte_text.hpp"

#include <boost/json.hpp>

namespace madoguchi::endpoint {

namespace {

// Sealed messages are stored as bytes in a std::string; the API carries them as base64.
std::string base64(std::string_view bytes) {
    return crypto::to_base64({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

Response json_response(http::status status, const boost::json::value& body) {
    Response res{status, 11};
    res.set(http::field::content_type, "application/json; charset=utf-8");
    res.set(http::field::cache_control, "no-store");
    res.body() = boost::json::serialize(body);
    return res;
}

std::string media_type_of(const Request& req) {
    const std::string_view value = req[http::field::content_type];
    std::string type(value.substr(0, value.find(';')));
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
    for (char& c : type)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return type;
}

std::optional<std::string_view> query_value(std::string_view target, std::string_view name) {
    const auto q = target.find('?');
    if (q == std::string_view::npos) return std::nullopt;
    std::string_view query = target.substr(q + 1);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const auto eq = pair.find('=');
        if (pair.substr(0, eq) == name) return eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return std::nullopt;
}

boost::json::object status_json(const SubmissionRecord& record, const std::vector<ResidentMessage>& messages) {
    boost::json::array list;
    for (const auto& m : messages) {
        list.push_back(boost::json::object{{"id", m.id}, {"sent", utc_time(m.sent_at)}, {"sealed", base64(m.sealed)}});
    }
    return boost::json::object{{"receipt", format_receipt(record.receipt)},
                               {"status", record.status},
                               {"updated", utc_time(record.updated_at)},
                               {"messages", std::move(list)}};
}

std::variant<std::string, Response> receipt_from_segment(std::string_view segment) {
    std::string decoded;
    for (std::size_t i = 0; i < segment.size(); ++i) {
        if (segment[i] == '%' && i + 2 < segment.size() && hex_value(segment[i + 1]) >= 0 &&
            hex_value(segment[i + 2]) >= 0) {
            decoded += static_cast<char>(hex_value(segment[i + 1]) * 16 + hex_value(segment[i + 2]));
            i += 2;
        } else {
            decoded += segment[i];
        }
    }
    auto parsed = parse_receipt(decoded);
    if (auto* problem = std::get_if<ReceiptProblem>(&parsed)) return errors::bad_receipt(decoded, *problem);
    return std::get<std::string>(std::move(parsed));
}

}  // namespace madoguchi::endpoint

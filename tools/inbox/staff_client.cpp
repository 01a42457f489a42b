// libcurl calls for the staff API; certificate checks stay on (libcurl's defaults), the token is
// never printed.
#include "staff_client.hpp"

#include <curl/curl.h>

#include <boost/json.hpp>

#include "core/json_text.hpp"

namespace madoguchi::inbox {

namespace json = boost::json;

namespace {

std::size_t collect(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// The endpoint's own words when it sent a JSON error, else the status code.
std::string server_message(long status, const std::string& body) {
  ParsedJson parsed = parse_json_text(body);
  if (const json::object* o = parsed.error ? nullptr : parsed.value.if_object())
    if (const json::value* e = o->if_contains("error"); e && e->is_object())
      if (const json::value* m = e->as_object().if_contains("message"); m && m->is_object())
        return "HTTP " + std::to_string(status) + ": " + string_member(m->as_object(), "en");
  return "HTTP " + std::to_string(status);
}

}  // namespace

StaffClient::StaffClient(std::string server, std::string token)
    : server_(std::move(server)), token_(std::move(token)), curl_(curl_easy_init()) {
  while (!server_.empty() && server_.back() == '/') server_.pop_back();
  if (!curl_) throw SourceError("libcurl could not start");
}

StaffClient::~StaffClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

StaffClient::Reply StaffClient::call(const std::string& method, const std::string& path, const std::string& json_body) {
  CURL* curl = static_cast<CURL*>(curl_);
  curl_easy_reset(curl);
  Reply reply;
  char error[CURL_ERROR_SIZE] = "";
  const std::string url = server_ + path;
  const std::string auth = "Authorization: Bearer " + token_;
  curl_slist* headers = curl_slist_append(nullptr, auth.c_str());
  if (!json_body.empty()) headers = curl_slist_append(headers, "Content-Type: application/json");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (!json_body.empty()) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, json_body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(json_body.size()));
  }
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 15L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 300L);  // a 32 MiB envelope on a slow ward line
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (code != CURLE_OK)
    throw SourceError(method + " " + url + ": " + (error[0] ? error : curl_easy_strerror(code)) +
                      " (is the server URL right and the portal running?)");
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  if (reply.status == 401)
    throw SourceError("the portal refused the staff token (HTTP 401): check --token-file, or make a new token");
  if (reply.status < 200 || reply.status > 299)
    throw SourceError(method + " " + url + ": " + server_message(reply.status, reply.body));
  return reply;
}

std::vector<ListedSubmission> StaffClient::list_new() {
  const Reply reply = call("GET", "/api/v1/staff/submissions?status=new", "");
  ParsedJson parsed = parse_json_text(reply.body);
  const json::object* o = parsed.error ? nullptr : parsed.value.if_object();
  const json::value* list = o ? o->if_contains("submissions") : nullptr;
  if (!list || !list->is_array()) throw SourceError("the portal's submission list is not in the expected form");
  std::vector<ListedSubmission> out;
  for (const auto& item : list->get_array()) {
    const json::object* s = item.if_object();
    if (!s) throw SourceError("the portal's submission list is not in the expected form");
    ListedSubmission l{string_member(*s, "receipt"), string_member(*s, "submission_id"), string_member(*s, "key_id"),
                       string_member(*s, "created"), string_member(*s, "received"),      string_member(*s, "status"),
                       string_member(*s, "corrects"), 0};
    json::error_code ec;
    if (const json::value* size = s->if_contains("size")) l.size = size->to_number<std::uint64_t>(ec);
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<std::uint8_t> StaffClient::envelope(const std::string& receipt) {
  const Reply reply = call("GET", "/api/v1/staff/submissions/" + receipt + "/envelope", "");
  return {reply.body.begin(), reply.body.end()};
}

void StaffClient::set_status(const std::string& receipt, const std::string& status, const std::string& sealed_message) {
  json::object body{{"status", status}};
  if (!sealed_message.empty()) body["message"] = sealed_message;
  call("PUT", "/api/v1/staff/submissions/" + receipt + "/status", json::serialize(body));
}

RatingReport StaffClient::ratings(const std::string& month) {
  return read_ratings(call("GET", "/api/v1/staff/ratings" + (month.empty() ? "" : "?month=" + month), "").body);
}

std::string StaffClient::public_file(const std::string& path) { return call("GET", path, "").body; }

}  // namespace madoguchi::inbox

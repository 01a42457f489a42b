// The browser's half of sending: two requests around core's seal_application and read_send_answer.
#include "submission_sender.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <variant>
#include <vector>

#include "core/application_status.hpp"
#include "core/outgoing_submission.hpp"
#include "core/pinned_keys.hpp"
#include "http_fetch.hpp"
#include "local_clock.hpp"

namespace madoguchi::platform {
namespace {

std::vector<crypto::WardPublicKey> g_pinned;
// What the device keeps to read each sent application's status and the ward's sealed notes later.
struct Sent {
  std::string receipt;
  SealedApplication sealed;  // its envelope dropped once sent
};
std::vector<Sent> g_sent;

// An envelope whose POST got no clear answer is sent again as the same bytes (same submission id), so a
// retry after a lost response never makes a second copy at the endpoint. By procedure id.
struct Unsent {
  std::string application_json, key_id;
  std::shared_ptr<SealedApplication> sealed;
};
std::map<std::string, Unsent> g_unsent;

std::shared_ptr<SealedApplication> sealed_for(const std::string& procedure_id, std::string application_json,
                                              const crypto::WardPublicKey& key) {
  auto it = g_unsent.find(procedure_id);
  if (it != g_unsent.end() && it->second.application_json == application_json && it->second.key_id == key.key_id)
    return it->second.sealed;
  auto sealed = std::make_shared<SealedApplication>(seal_application(procedure_id, application_json, key, utc_iso_time()));
  g_unsent[procedure_id] = Unsent{std::move(application_json), key.key_id, sealed};
  return sealed;
}

void fail(const std::string& procedure_id, const std::string& key, const std::function<void(Action)>& done,
          std::map<std::string, std::string> params = {}) {
  done(SubmissionFailed{procedure_id, key, std::move(params)});
}

void post(const std::string& procedure_id, std::shared_ptr<SealedApplication> sealed, const std::string& corrects,
          std::function<void(Action)> done) {
  std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Type", "application/vnd.madoguchi.envelope"}, {"Madoguchi-Status-Token", sealed->status_token}};
  if (!corrects.empty()) headers.emplace_back("Madoguchi-Corrects", corrects);
  post_bytes("api/v1/submissions", headers, sealed->envelope, [procedure_id, sealed, done](FetchResult r) {
    const SendAnswer answer =
        read_send_answer(r.status, std::string_view(reinterpret_cast<const char*>(r.body.data()), r.body.size()));
    if (!answer.receipt) {
      std::fprintf(stderr, "send %s: HTTP %d %s\n", procedure_id.c_str(), r.status, r.error.c_str());
      return fail(procedure_id, answer.message_key, done, answer.params);
    }
    g_unsent.erase(procedure_id);
    sealed->envelope.clear();
    sealed->envelope.shrink_to_fit();
    g_sent.push_back(Sent{*answer.receipt, std::move(*sealed)});
    done(SubmissionSent{procedure_id, *answer.receipt, utc_iso_time()});
  });
}

}  // namespace

void set_pinned_keys(const std::string& keys_json) {
  auto parsed = parse_key_list(keys_json);
  if (auto* keys = std::get_if<std::vector<crypto::WardPublicKey>>(&parsed)) g_pinned = std::move(*keys);
  else std::fprintf(stderr, "keys.json: %s\n", std::get<KeyListError>(parsed).detail.c_str());
}

void send_application(const std::string& procedure_id, std::string application_json, const std::string& corrects,
                      std::function<void(Action)> done) {
  fetch_asset("api/v1/keys", [procedure_id, application_json = std::move(application_json), corrects,
                              done](FetchResult r) mutable {
    if (r.status == 0) return fail(procedure_id, "send.error.offline", done);
    if (!r.ok) return fail(procedure_id, r.status >= 500 ? "send.error.server" : "send.error.no_trusted_key", done);
    auto chosen = choose_seal_key(g_pinned, std::string_view(reinterpret_cast<const char*>(r.body.data()), r.body.size()));
    if (auto* none = std::get_if<NoSealKey>(&chosen)) {
      std::fprintf(stderr, "send %s: no seal key: %s\n", procedure_id.c_str(), none->detail.c_str());
      return fail(procedure_id, std::string(NoSealKey::kMessageKey), done);
    }
    std::shared_ptr<SealedApplication> sealed;
    try {
      sealed = sealed_for(procedure_id, std::move(application_json), std::get<crypto::WardPublicKey>(chosen));
    } catch (const std::length_error&) {
      return fail(procedure_id, "send.error.too_large", done);
    } catch (const std::exception& e) {
      // Not the resident's doing and not the network's: say so, and keep the draft.
      std::fprintf(stderr, "send %s: sealing failed: %s\n", procedure_id.c_str(), e.what());
      return fail(procedure_id, "send.error.device", done);
    }
    post(procedure_id, std::move(sealed), corrects, std::move(done));
  });
}

void check_status(const std::string& receipt, std::function<void(Action)> done) {
  auto sent = std::find_if(g_sent.begin(), g_sent.end(), [&](const Sent& s) { return s.receipt == receipt; });
  if (sent == g_sent.end()) return done(StatusCheckFailed{receipt, "status.error.not_found"});
  fetch_api("api/v1/submissions/" + receipt + "/status", {{"Madoguchi-Status-Token", sent->sealed.status_token}},
            [receipt, done](FetchResult r) {
              auto it = std::find_if(g_sent.begin(), g_sent.end(), [&](const Sent& s) { return s.receipt == receipt; });
              if (it == g_sent.end()) return;
              StatusAnswer answer = read_status_answer(
                  r.status, std::string_view(reinterpret_cast<const char*>(r.body.data()), r.body.size()),
                  it->sealed.reply_key);
              if (answer.status.empty()) return done(StatusCheckFailed{receipt, answer.message_key});
              done(StatusChecked{receipt, answer.status, std::move(answer.notes)});
            });
}

std::map<std::string, std::string> sent_key_records() {
  std::map<std::string, std::string> out;
  for (const auto& s : g_sent) out[kSentKeysRecordPrefix + s.receipt] = sent_keys_text(s.sealed);
  return out;
}

std::vector<std::string> restore_sent_keys(const std::map<std::string, std::string>& records) {
  std::vector<std::string> unreadable;
  const std::string prefix = kSentKeysRecordPrefix;
  for (const auto& [id, text] : records) {
    if (id.rfind(prefix, 0) != 0) continue;
    if (auto keys = read_sent_keys(text)) g_sent.push_back(Sent{id.substr(prefix.size()), std::move(*keys)});
    else unreadable.push_back(id);
  }
  return unreadable;
}

}  // namespace madoguchi::platform

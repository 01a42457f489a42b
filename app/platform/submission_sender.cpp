// The browser's half of sealing (the key list around core's seal_application) and of status checks.
#include "submission_sender.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <variant>
#include <vector>

#include "core/application_status.hpp"
#include "core/draft_id.hpp"
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

void fail(const std::string& draft_id, const std::string& key, const std::function<void(Action)>& done) {
  done(SubmissionFailed{draft_id, key, {}, {}});
}

// Sealed to the ward key both pinned and listed; with no usable answer from the endpoint (offline, a server
// error), to the first pinned key: a key the ward has since withdrawn is refused when the outbox sends it,
// and the draft comes back to be sent again.
std::variant<crypto::WardPublicKey, NoSealKey> seal_key(const FetchResult& listing) {
  if (listing.status == 0 || listing.status >= 500) {
    if (g_pinned.empty()) return NoSealKey{NoSealKey::NothingPinned, "keys.json pinned no key"};
    return g_pinned.front();
  }
  if (!listing.ok) return NoSealKey{NoSealKey::ServerAnswerUnreadable, "GET api/v1/keys: HTTP " + std::to_string(listing.status)};
  return choose_seal_key(g_pinned, std::string_view(reinterpret_cast<const char*>(listing.body.data()), listing.body.size()));
}

}  // namespace

void set_pinned_keys(const std::string& keys_json) {
  auto parsed = parse_key_list(keys_json);
  if (auto* keys = std::get_if<std::vector<crypto::WardPublicKey>>(&parsed)) g_pinned = std::move(*keys);
  else std::fprintf(stderr, "keys.json: %s\n", std::get<KeyListError>(parsed).detail.c_str());
}

void seal_for_outbox(const std::string& draft_id, std::string application_json,
                     std::vector<crypto::Attachment> attachments, std::function<void(Action)> done) {
  fetch_asset("api/v1/keys", [draft_id, application_json = std::move(application_json),
                              attachments = std::move(attachments), done](FetchResult r) mutable {
    auto chosen = seal_key(r);
    if (auto* none = std::get_if<NoSealKey>(&chosen)) {
      std::fprintf(stderr, "send %s: no seal key: %s\n", draft_id.c_str(), none->detail.c_str());
      return fail(draft_id, std::string(NoSealKey::kMessageKey), done);
    }
    try {
      auto sealed = std::make_shared<const SealedApplication>(seal_application(
          procedure_of(draft_id), std::move(application_json), std::get<crypto::WardPublicKey>(chosen), utc_iso_time(),
          std::move(attachments)));
      done(ApplicationSealed{draft_id, std::move(sealed), utc_iso_time()});
    } catch (const std::length_error&) {
      fail(draft_id, "send.error.too_large", done);
    } catch (const std::exception& e) {
      // Not the resident's doing and not the network's: say so, and keep the draft.
      std::fprintf(stderr, "send %s: sealing failed: %s\n", draft_id.c_str(), e.what());
      fail(draft_id, "send.error.device", done);
    }
  });
}

void remember_sent(const std::string& receipt, const SealedApplication& sealed) {
  SealedApplication kept;
  kept.submission_id = sealed.submission_id;
  kept.status_token = sealed.status_token;
  kept.reply_key.public_key = sealed.reply_key.public_key;
  std::copy_n(sealed.reply_key.secret_key.data(), sealed.reply_key.secret_key.size(), kept.reply_key.secret_key.data());
  g_sent.push_back(Sent{receipt, std::move(kept)});
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
    if (!id.starts_with(prefix)) continue;
    if (auto keys = read_sent_keys(text)) g_sent.push_back(Sent{id.substr(prefix.size()), std::move(*keys)});
    else unreadable.push_back(id);
  }
  return unreadable;
}

}  // namespace madoguchi::platform

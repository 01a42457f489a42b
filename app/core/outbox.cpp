// Backoff with jitter, and the outbox record: the sent-keys record with the envelope beside it.
#include "outbox.hpp"

#include <boost/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <cmath>

#include "crypto/byte_text.hpp"
#include "json_text.hpp"
#include "secret_json.hpp"

namespace madoguchi {
namespace {

constexpr const char* kOutboxFormat = "madoguchi-outbox/1";
constexpr double kFirstDelayMs = 2000, kLongestDelayMs = 5 * 60 * 1000;

}  // namespace

double retry_delay_ms(int failed_attempts, double random01) {
  const int doublings = std::clamp(failed_attempts - 1, 0, 20);
  const double step = std::min(kLongestDelayMs, kFirstDelayMs * std::ldexp(1.0, doublings));
  return step / 2 + std::clamp(random01, 0.0, 1.0) * step / 2;
}

std::string outbox_record_text(const QueuedApplication& queued) {
  namespace json = boost::json;
  json::object o{{"format", kOutboxFormat},
                 {"procedure", queued.procedure_id},
                 {"draft", queued.draft_id},
                 {"queued_at", queued.queued_at},
                 {"attempts", queued.attempts},
                 {"last_error", queued.last_error},
                 {"envelope", crypto::to_base64(queued.sealed->envelope)}};
  // The keys text holds the reply secret key.
  std::string keys = sent_keys_text(*queued.sealed);
  o["keys"] = keys;
  sodium_memzero(keys.data(), keys.size());
  return serialize_secret_json(std::move(o));
}

std::optional<QueuedApplication> read_outbox_record(std::string_view text) {
  SecretJson parsed(text);
  const auto* file = parsed.object();
  if (!file) return std::nullopt;
  const auto& o = *file;
  if (string_member(o, "format") != kOutboxFormat) return std::nullopt;
  std::string keys_text = string_member(o, "keys");
  auto sealed = read_sent_keys(keys_text);
  sodium_memzero(keys_text.data(), keys_text.size());
  auto envelope = crypto::from_base64(string_member(o, "envelope"));
  QueuedApplication queued;
  queued.procedure_id = string_member(o, "procedure");
  if (!sealed || !envelope || envelope->empty() || sealed->submission_id.empty() || queued.procedure_id.empty())
    return std::nullopt;
  sealed->envelope = std::move(*envelope);
  queued.sealed = std::make_shared<const SealedApplication>(std::move(*sealed));
  // Kept before there could be several drafts of a procedure: it was the procedure's only draft.
  queued.draft_id = string_member(o, "draft");
  if (queued.draft_id.empty()) queued.draft_id = queued.procedure_id;
  queued.queued_at = string_member(o, "queued_at");
  queued.last_error = string_member(o, "last_error");
  if (const auto* attempts = o.if_contains("attempts"); attempts && attempts->is_int64())
    queued.attempts = static_cast<int>(std::clamp<std::int64_t>(attempts->get_int64(), 0, 1000));
  return queued;
}

}  // namespace madoguchi

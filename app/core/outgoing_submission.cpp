// Sealing is crypto/'s envelope; this file picks the per-submission secrets and maps HTTP answers,
// per the endpoint's OpenAPI file (tools/endpoint/openapi.yaml), to messages for the resident.
#include "outgoing_submission.hpp"

#include <sodium.h>

#include <boost/json.hpp>

#include "crypto/byte_text.hpp"
#include "crypto/envelope.hpp"
#include "crypto/random_token.hpp"
#include "json_text.hpp"
#include "secret_json.hpp"

namespace madoguchi {
namespace {

// XXXX-XXXX-XXXX in Crockford base32, as the endpoint formats it.
bool is_receipt(std::string_view text) {
  if (text.size() != 14) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool ok = (i == 4 || i == 9) ? c == '-' : ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'));
    if (!ok) return false;
  }
  return true;
}

std::string error_code(std::string_view body) {
  const ParsedJson parsed = parse_json_text(body);
  const auto* root = parsed.error ? nullptr : parsed.value.if_object();
  const auto* error = root ? root->if_contains("error") : nullptr;
  return error && error->is_object() ? string_member(error->as_object(), "code") : std::string();
}

}  // namespace

SealedApplication seal_application(std::string_view procedure_id, std::string application_json,
                                   const crypto::WardPublicKey& ward_key, std::string_view created_utc,
                                   std::vector<crypto::Attachment> attachments) {
  SealedApplication out{{}, crypto::new_submission_id(), crypto::new_random_token(), crypto::generate_ward_key_pair()};
  crypto::Submission submission;
  submission.procedure = std::string(procedure_id);
  submission.application_json = std::move(application_json);
  submission.attachments = std::move(attachments);
  submission.reply_key = out.reply_key.public_key.bytes;
  out.envelope = crypto::seal_envelope(submission, ward_key, out.submission_id, created_utc);
  return out;
}

SendAnswer read_send_answer(int http_status, std::string_view body) {
  if (http_status == 0) return {std::nullopt, "send.error.offline", {}, true};
  if (http_status == 200 || http_status == 201) {
    const ParsedJson parsed = parse_json_text(body);
    const auto* root = parsed.error ? nullptr : parsed.value.if_object();
    std::string receipt = root ? string_member(*root, "receipt") : std::string();
    if (is_receipt(receipt)) return {std::move(receipt), {}, {}};
    return {std::nullopt, "send.error.server", {}, true};
  }
  if (http_status == 413) return {std::nullopt, "send.error.too_large", {}};
  if (http_status == 408 || http_status == 429) return {std::nullopt, "send.error.busy", {}, true};
  if (http_status >= 500) return {std::nullopt, "send.error.server", {}, true};
  const std::string code = error_code(body);
  // The server withdrew the key between reading the key list and this POST: as unsafe as no key.
  if (code == "unknown_key") return {std::nullopt, "send.error.no_trusted_key", {}};
  return {std::nullopt, "send.error.refused", {{"code", code.empty() ? std::to_string(http_status) : code}}};
}

namespace {
constexpr const char* kSentKeysFormat = "madoguchi-sent-keys/1";
}  // namespace

std::string sent_keys_text(const SealedApplication& sent) {
  std::string secret = crypto::to_base64({sent.reply_key.secret_key.data(), sent.reply_key.secret_key.size()});
  boost::json::object o{{"format", kSentKeysFormat},
                        {"submission_id", sent.submission_id},
                        {"status_token", sent.status_token},
                        {"reply_public_key", crypto::to_base64(sent.reply_key.public_key.bytes)},
                        {"reply_secret_key", secret}};
  sodium_memzero(secret.data(), secret.size());
  return serialize_secret_json(std::move(o));
}

std::optional<SealedApplication> read_sent_keys(std::string_view text) {
  SecretJson parsed(text);
  const auto* file = parsed.object();
  if (!file) return std::nullopt;
  const auto& o = *file;
  if (string_member(o, "format") != kSentKeysFormat) return std::nullopt;
  SealedApplication sent;
  sent.submission_id = string_member(o, "submission_id");
  sent.status_token = string_member(o, "status_token");
  std::string secret = string_member(o, "reply_secret_key");
  const bool ok = !sent.status_token.empty() &&
                  crypto::from_base64(string_member(o, "reply_public_key"), sent.reply_key.public_key.bytes) &&
                  crypto::from_base64(secret, {sent.reply_key.secret_key.data(), sent.reply_key.secret_key.size()});
  sodium_memzero(secret.data(), secret.size());
  if (!ok) return std::nullopt;
  sent.reply_key.public_key.key_id = crypto::key_id_of(sent.reply_key.public_key.bytes);
  return sent;
}

}  // namespace madoguchi

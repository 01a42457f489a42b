// Applications sealed on the device and waiting for the endpoint: each keeps its envelope's exact bytes
// until the endpoint holds it, so a retry after a lost answer is the same submission id and never a
// second copy. When to try again, and the device record that keeps one across reloads.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "outgoing_submission.hpp"

namespace madoguchi {

struct QueuedApplication {
  std::string procedure_id;
  std::string draft_id;  // the draft it was sealed from, closed while it waits
  std::string queued_at;  // UTC, ISO 8601, when it was sealed
  std::shared_ptr<const SealedApplication> sealed;
  enum class State { Waiting, Sending } state = State::Waiting;
  int attempts = 0;        // sends that ended without an answer the device could use
  std::string last_error;  // the last such answer, as a "send.error.*" key; "" before the first
  const std::string& submission_id() const { return sealed->submission_id; }
};

// Milliseconds to wait after `failed_attempts` (1, 2, …) sends that got no usable answer: doubling from
// 2 s up to 5 minutes, the upper half of each step drawn at random (`random01` in [0, 1)) so devices
// that lost the network together do not all come back in the same second.
double retry_delay_ms(int failed_attempts, double random01);

// The device record "outbox/<submission id>": the envelope, its status token and reply key pair (sealed
// at rest like every record), and what the resident is shown.
inline constexpr const char* kOutboxRecordPrefix = "outbox/";
std::string outbox_record_text(const QueuedApplication& queued);
// Back from a record: a send that was under way when the page closed is waiting again.
std::optional<QueuedApplication> read_outbox_record(std::string_view text);

}  // namespace madoguchi

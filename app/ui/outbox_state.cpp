// An application in the outbox as the resident reads it, on the receipt screen and in the applications list.
#include "screens.hpp"

namespace madoguchi::ui {
namespace {

// Why the last try did not get through, as the resident can act on it: offline means "find a network".
std::string_view retry_reason_key(std::string_view last_error) {
  if (last_error == "send.error.offline") return "outbox.retry_offline";
  if (last_error == "send.error.busy") return "outbox.retry_busy";
  if (last_error == "send.error.server") return "outbox.retry_server";
  return "outbox.retry_note";
}

}  // namespace

void OutboxState(const ViewInput& in, const std::string& lang, const QueuedApplication& queued,
                 std::vector<Action>& actions, bool said_waiting) {
  const auto& m = in.messages;
  if (queued.state == QueuedApplication::State::Sending) {
    Paragraph(m.get(lang, "outbox.state_sending"));
    return;
  }
  if (!said_waiting) Paragraph(m.get(lang, "outbox.state_waiting"));
  if (queued.attempts > 0) SecondaryText(m.get(lang, retry_reason_key(queued.last_error)));
  if (in.nav.online && Button(m.get(lang, "outbox.send_now"), "send-now-" + queued.submission_id()))
    actions.push_back(SendNow{queued.submission_id()});
}

}  // namespace madoguchi::ui

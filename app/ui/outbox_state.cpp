// An application in the outbox as the resident reads it, on the receipt screen and in the applications list.
#include "screens.hpp"

namespace madoguchi::ui {

void OutboxState(const ViewInput& in, const std::string& lang, const QueuedApplication& queued,
                 std::vector<Action>& actions, bool said_waiting) {
  const auto& m = in.messages;
  if (queued.state == QueuedApplication::State::Sending) {
    Paragraph(m.get(lang, "outbox.state_sending"));
    return;
  }
  if (!said_waiting) Paragraph(m.get(lang, "outbox.state_waiting"));
  if (queued.attempts > 0) SecondaryText(m.get(lang, "outbox.retry_note"));
  if (in.nav.online && Button(m.get(lang, "outbox.send_now"), "send-now-" + queued.submission_id()))
    actions.push_back(SendNow{queued.submission_id()});
}

}  // namespace madoguchi::ui

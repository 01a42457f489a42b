// Sends what waits in the outbox (core/outbox.hpp) and tells the app when the network comes and goes.
// Implements:
//  - navigator.onLine and the online/offline events, as NetworkChanged
//  - one POST api/v1/submissions per waiting application, its envelope byte for byte as sealed
//  - a retry after each answer that was no answer (no network, busy, server error), doubling with jitter,
//    and at once when the browser comes back online
//  - SendStarted, SendDeferred, SubmissionSent or SubmissionFailed (a refusal) back to the app
#pragma once
#include <functional>
#include <string>

#include "core/navigation.hpp"

namespace madoguchi::platform {

void outbox_start(std::function<void(Action)> dispatch);

// The outbox may have changed: start what is due, plan the next try.
void outbox_changed(const Navigation& nav);

// The application may be sent: it is on the device (or the device cannot keep it), so a closed tab
// cannot lose a copy the endpoint already has.
void outbox_release(const std::string& submission_id);

// A resident's "send now": try this one without waiting for its timer.
void outbox_send_now(const std::string& submission_id);

}  // namespace madoguchi::platform

// When to send each waiting application is decided here; what an answer means is core's read_send_answer.
#include "outbox_sender.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>

#include "core/outbox.hpp"
#include "http_fetch.hpp"
#include "local_clock.hpp"
#include "submission_sender.hpp"

namespace madoguchi::platform {
namespace {

struct Sender {
  std::function<void(Action)> dispatch;
  std::set<std::string> released, in_flight;
  std::map<std::string, double> due;  // submission id -> when to try, in emscripten_get_now() ms
  bool online = true, timer = false;
  double timer_at = 0;
  std::minstd_rand random{std::random_device{}()};
};
Sender g_sender;
Navigation const* g_nav = nullptr;

EM_JS(int, js_online, (), { return navigator.onLine ? 1 : 0; });

EM_JS(void, js_watch_network, (), {
  addEventListener('online', function() { Module._madoguchi_network_changed(1); });
  addEventListener('offline', function() { Module._madoguchi_network_changed(0); });
});

void pump();

void wake_at(double at) {
  if (g_sender.timer && g_sender.timer_at <= at) return;
  g_sender.timer = true;
  g_sender.timer_at = at;
  emscripten_set_timeout(
      [](void*) {
        g_sender.timer = false;
        pump();
      },
      std::max(0.0, at - emscripten_get_now()), nullptr);
}

void send(const QueuedApplication& queued, std::string corrects) {
  const std::string id = queued.submission_id(), draft_id = queued.draft_id;
  auto sealed = queued.sealed;
  g_sender.in_flight.insert(id);
  g_sender.due.erase(id);
  g_sender.dispatch(SendStarted{id});
  std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Type", "application/vnd.madoguchi.envelope"}, {"Madoguchi-Status-Token", sealed->status_token}};
  if (!corrects.empty()) headers.emplace_back("Madoguchi-Corrects", corrects);
  post_bytes("api/v1/submissions", headers, sealed->envelope, [id, draft_id, sealed](FetchResult r) {
    g_sender.in_flight.erase(id);
    const SendAnswer answer =
        read_send_answer(r.status, std::string_view(reinterpret_cast<const char*>(r.body.data()), r.body.size()));
    if (answer.receipt) {
      remember_sent(*answer.receipt, *sealed);
      return g_sender.dispatch(SubmissionSent{draft_id, *answer.receipt, utc_iso_time(), id});
    }
    std::fprintf(stderr, "send %s: HTTP %d %s\n", draft_id.c_str(), r.status, r.error.c_str());
    if (answer.retry) return g_sender.dispatch(SendDeferred{id, answer.message_key});
    g_sender.dispatch(SubmissionFailed{draft_id, answer.message_key, answer.params, id});
  });
}

void pump() {
  if (!g_nav) return;
  const double now = emscripten_get_now();
  double next = 0;
  for (const auto& queued : g_nav->outbox) {
    const std::string& id = queued.submission_id();
    if (queued.state != QueuedApplication::State::Waiting || !g_sender.released.count(id) ||
        g_sender.in_flight.count(id))
      continue;
    auto due = g_sender.due.find(id);
    if (due == g_sender.due.end()) {
      const double wait =
          queued.attempts ? retry_delay_ms(queued.attempts, std::uniform_real_distribution<>(0, 1)(g_sender.random)) : 0;
      due = g_sender.due.emplace(id, now + wait).first;
    }
    if (!g_sender.online) continue;  // the online event tries again
    if (due->second <= now) {
      auto draft = g_nav->drafts.find(queued.draft_id);
      send(queued, draft != g_nav->drafts.end() ? draft->second.corrects : std::string());
      return pump();  // the dispatch above changed the outbox
    }
    if (!next || due->second < next) next = due->second;
  }
  if (next) wake_at(next);
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_network_changed(int online) {
  g_sender.online = online != 0;
  // Back online: everything waiting is due now, however long its last wait was.
  if (g_sender.online && g_nav)
    for (const auto& queued : g_nav->outbox) g_sender.due[queued.submission_id()] = 0;
  g_sender.dispatch(NetworkChanged{g_sender.online});
}

void outbox_start(std::function<void(Action)> dispatch) {
  g_sender.dispatch = std::move(dispatch);
  g_sender.online = js_online() != 0;
  js_watch_network();
  g_sender.dispatch(NetworkChanged{g_sender.online});
}

void outbox_changed(const Navigation& nav) {
  g_nav = &nav;
  for (auto it = g_sender.due.begin(); it != g_sender.due.end();) {
    const bool queued = std::any_of(nav.outbox.begin(), nav.outbox.end(),
                                    [&](const QueuedApplication& q) { return q.submission_id() == it->first; });
    it = queued ? std::next(it) : g_sender.due.erase(it);
  }
  pump();
}

void outbox_release(const std::string& submission_id) {
  g_sender.released.insert(submission_id);
  if (g_nav) pump();
}

void outbox_send_now(const std::string& submission_id) {
  g_sender.due[submission_id] = 0;
  if (g_nav) pump();
}

}  // namespace madoguchi::platform

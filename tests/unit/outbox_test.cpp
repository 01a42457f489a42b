// The outbox: an application sealed offline waits, survives a reload with its exact bytes, is sent once,
// and a refusal gives the draft back with the reason; retries wait longer each time, never in step.
#include <catch2/catch.hpp>

#include "core/catalog_loader.hpp"
#include "core/device_records.hpp"
#include "core/outbox.hpp"
#include "fixtures.hpp"

using namespace madoguchi;
using fixtures::sealed_kokuho;

namespace {

const Catalog& catalog() {
  static const Catalog c = *load_catalog(fixtures::real_catalog_files()).catalog;
  return c;
}

// A resident at the review of a filled form presses 送信する while the phone has no network.
Navigation sealed_offline(const std::shared_ptr<const SealedApplication>& sealed) {
  Navigation nav;
  apply(nav, NetworkChanged{false});
  apply(nav, OpenEvent{"moving-in"});
  apply(nav, OpenForm{"kokuho-kanyu"});
  apply(nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 花子"});
  apply(nav, OpenReview{"kokuho-kanyu"});
  apply(nav, SubmitApplication{"kokuho-kanyu"});
  apply(nav, ApplicationSealed{"kokuho-kanyu", sealed, "2026-12-06T01:02:04Z"});
  return nav;
}

}  // namespace

TEST_CASE("an application sealed offline waits in the outbox, on the receipt screen, its answers kept", "[outbox]") {
  const auto sealed = sealed_kokuho();
  Navigation nav = sealed_offline(sealed);
  REQUIRE(nav.outbox.size() == 1);
  CHECK(nav.outbox[0].submission_id() == sealed->submission_id);
  CHECK(nav.outbox[0].state == QueuedApplication::State::Waiting);
  CHECK(nav.current.screen == Screen::Receipt);
  CHECK(nav.drafts.at("kokuho-kanyu").queued == sealed->submission_id);
  CHECK(nav.drafts.at("kokuho-kanyu").values.get("head_name") == "髙橋 花子");
  CHECK_FALSE(nav.online);

  SECTION("opening its form again shows where it stands, not a form to change under the sealed copy") {
    apply(nav, OpenForm{"kokuho-kanyu"});
    CHECK(nav.current.screen == Screen::Receipt);
  }
  SECTION("back goes to the event, past the form and review it came from") {
    apply(nav, GoBack{});
    CHECK(nav.current == Route{Screen::Event, "moving-in", {}});
  }
}

TEST_CASE("sending from the outbox: a lost answer waits and counts, the endpoint's receipt makes one sent application",
          "[outbox]") {
  const auto sealed = sealed_kokuho();
  Navigation nav = sealed_offline(sealed);
  apply(nav, OpenApplications{});
  apply(nav, NetworkChanged{true});
  apply(nav, SendStarted{sealed->submission_id});
  CHECK(nav.outbox[0].state == QueuedApplication::State::Sending);
  apply(nav, SendDeferred{sealed->submission_id, "send.error.offline"});
  CHECK(nav.outbox[0].state == QueuedApplication::State::Waiting);
  CHECK(nav.outbox[0].attempts == 1);
  CHECK(nav.outbox[0].last_error == "send.error.offline");

  apply(nav, SendStarted{sealed->submission_id});
  apply(nav, SubmissionSent{"kokuho-kanyu", "R-2026-0001", "2026-12-06T01:05:00Z", sealed->submission_id});
  CHECK(nav.outbox.empty());
  CHECK_FALSE(nav.drafts.count("kokuho-kanyu"));
  REQUIRE(nav.sent.size() == 1);
  CHECK(nav.sent[0].receipt == "R-2026-0001");
  CHECK(nav.sent[0].values.get("head_name") == "髙橋 花子");
  CHECK(nav.current.screen == Screen::Applications);  // a send in the background never moves the resident

  // The same answer twice (a duplicate event) still makes one.
  apply(nav, SubmissionSent{"kokuho-kanyu", "R-2026-0001", "2026-12-06T01:05:00Z", sealed->submission_id});
  CHECK(nav.sent.size() == 1);
}

TEST_CASE("a refusal takes the application out of the outbox and gives the draft back with the reason", "[outbox]") {
  const auto sealed = sealed_kokuho();
  Navigation nav = sealed_offline(sealed);
  apply(nav, SubmissionFailed{"kokuho-kanyu", "send.error.refused", {{"code", "bad_envelope"}}, sealed->submission_id});
  CHECK(nav.outbox.empty());
  const FormDraft& draft = nav.drafts.at("kokuho-kanyu");
  CHECK(draft.queued.empty());
  CHECK(draft.sending == FormDraft::Sending::Failed);
  CHECK(draft.error_key == "send.error.refused");
  CHECK(draft.values.get("head_name") == "髙橋 花子");
  CHECK(nav.current.screen == Screen::Review);  // where the reason shows beside 送信する
}

TEST_CASE("the outbox survives a reload with the envelope byte for byte and the keys to read its status",
          "[outbox][device-records]") {
  const auto sealed = sealed_kokuho();
  Navigation before = sealed_offline(sealed);
  apply(before, SendStarted{sealed->submission_id});  // the page closed mid-send
  const auto records = device_records(before);
  REQUIRE(records.count("outbox/" + sealed->submission_id));
  CHECK(records.at("outbox/" + sealed->submission_id).find("髙橋") == std::string::npos);  // only the sealed copy

  Navigation after;
  const RestoredRecords restored = restore_device_records(after, catalog(), records);
  CHECK(restored.unreadable.empty());
  REQUIRE(after.outbox.size() == 1);
  const QueuedApplication& q = after.outbox[0];
  CHECK(q.state == QueuedApplication::State::Waiting);  // sent again: the endpoint keeps one copy
  CHECK(q.sealed->envelope == sealed->envelope);
  CHECK(q.sealed->status_token == sealed->status_token);
  CHECK(q.sealed->reply_key.secret_key == sealed->reply_key.secret_key);
  CHECK(q.queued_at == "2026-12-06T01:02:04Z");
  CHECK(after.drafts.at("kokuho-kanyu").queued == sealed->submission_id);
}

TEST_CASE("a draft whose outbox record is gone can be sent again instead of waiting forever", "[outbox][device-records]") {
  const auto sealed = sealed_kokuho();
  auto records = device_records(sealed_offline(sealed));
  records.erase("outbox/" + sealed->submission_id);
  Navigation after;
  restore_device_records(after, catalog(), records);
  CHECK(after.outbox.empty());
  CHECK(after.drafts.at("kokuho-kanyu").queued.empty());
}

TEST_CASE("retries wait longer each time up to five minutes, each a random point in the step's upper half",
          "[outbox]") {
  CHECK(retry_delay_ms(1, 0.0) == 1000);
  CHECK(retry_delay_ms(1, 0.999) < 2000);
  CHECK(retry_delay_ms(2, 0.0) == 2000);
  CHECK(retry_delay_ms(3, 0.5) == 6000);
  CHECK(retry_delay_ms(30, 0.0) == 150000);
  CHECK(retry_delay_ms(30, 1.0) == 300000);
  CHECK(read_outbox_record("{\"format\":\"madoguchi-outbox/1\"}") == std::nullopt);
}

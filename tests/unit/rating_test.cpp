// The optional "how easy was this?" on a receipt: one tap, once, kept with the sent application until the
// endpoint has counted it, and sent with nothing but the procedure and the score.
#include <catch2/catch.hpp>

#include "core/device_records.hpp"
#include "core/rating.hpp"
#include "portal_fixture.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;
using ui::Role;

namespace {

void sent_kokuho(Navigation& nav) {
  apply(nav, OpenForm{"kokuho-kanyu"});
  apply(nav, SetFieldValue{"kokuho-kanyu", "head_name", "山田 太郎"});
  auto sealed = fixtures::sealed_as("s1");
  apply(nav, ApplicationSealed{"kokuho-kanyu", sealed, "2026-12-07T01:00:00Z"});
  apply(nav, SubmissionSent{"kokuho-kanyu", "ABCD-EFGH-JKM0", "2026-12-07T01:00:02Z", "s1"});
}

}  // namespace

TEST_CASE("ratings are counted by months that are YYYY-MM with a real month", "[rating]") {
  CHECK(is_rating_month("2026-12"));
  CHECK(is_rating_month("2027-01"));
  for (const char* bad : {"2026-13", "2026-00", "2026-1", "26-12", "2026/12", "2026-12-01", ""}) {
    CHECK_FALSE(is_rating_month(bad));
  }
}

TEST_CASE("a rating says only the procedure and the score", "[rating]") {
  CHECK(rating_body("kokuho-kanyu", 4) == R"({"procedure":"kokuho-kanyu","score":4})");
  CHECK(rating_settled(204));
  CHECK(rating_settled(400));  // a retry would be refused again
  CHECK_FALSE(rating_settled(0));
  CHECK_FALSE(rating_settled(429));
  CHECK_FALSE(rating_settled(503));
}

TEST_CASE("the receipt asks once how easy it was, and thanks the resident after one tap", "[rating]") {
  Portal p;
  sent_kokuho(p.nav);
  p.frame();
  p.frame();
  REQUIRE(find(p.tree, Role::RadioGroup, "この申請はかんたんでしたか？"));
  p.activate(Role::Radio, "4　かんたんだった");
  CHECK(p.nav.sent.at(0).rating == 4);
  CHECK_FALSE(p.nav.sent.at(0).rating_sent);
  CHECK(find(p.tree, Role::Status, "ありがとうございました。「4　かんたんだった」と答えました。"));
  CHECK_FALSE(find(p.tree, Role::RadioGroup, "この申請はかんたんでしたか？"));

  // A second tap cannot count twice; what is not yet sent survives a reload.
  apply(p.nav, RateApplication{"ABCD-EFGH-JKM0", 1});
  CHECK(p.nav.sent.at(0).rating == 4);
  Navigation reloaded;
  restore_device_records(reloaded, p.catalog, device_records(p.nav));
  CHECK(reloaded.sent.at(0).rating == 4);
  CHECK_FALSE(reloaded.sent.at(0).rating_sent);
  apply(p.nav, RatingSent{"ABCD-EFGH-JKM0"});
  Navigation after_send;
  restore_device_records(after_send, p.catalog, device_records(p.nav));
  CHECK(after_send.sent.at(0).rating_sent);
}

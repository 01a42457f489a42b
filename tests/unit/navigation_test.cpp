// Opening an event and going back behaves like a browser's history; the language switch keeps the place.
#include <catch2/catch.hpp>

#include "core/navigation.hpp"
#include "fixtures.hpp"
#include "core/route_url.hpp"

using namespace madoguchi;

TEST_CASE("open an event, go back home", "[navigation]") {
  Navigation nav;
  apply(nav, OpenEvent{"birth"});
  CHECK(nav.current.screen == Screen::Event);
  CHECK(nav.current.event_id == "birth");
  apply(nav, GoBack{});
  CHECK(nav.current.screen == Screen::Home);
  CHECK(nav.history.empty());
  apply(nav, GoBack{});  // back on the home screen stays home
  CHECK(nav.current.screen == Screen::Home);
}

TEST_CASE("opening the same event twice adds one history entry", "[navigation]") {
  Navigation nav;
  apply(nav, OpenEvent{"birth"});
  apply(nav, OpenEvent{"birth"});
  CHECK(nav.history.size() == 1);
}

TEST_CASE("switching language keeps the screen", "[navigation]") {
  Navigation nav;
  apply(nav, OpenEvent{"death"});
  apply(nav, SetLanguage{"en"});
  CHECK(nav.language == "en");
  CHECK(nav.current.event_id == "death");
}

TEST_CASE("every screen has a fragment that opens it again", "[navigation]") {
  const std::vector<Route> routes = {Route{},
                                     Route{Screen::Event, "birth", {}},
                                     Route{Screen::Form, "birth", "kokuho-kanyu"},
                                     Route{Screen::Review, "birth", "kokuho-kanyu"},
                                     Route{Screen::Receipt, "birth", "kokuho-kanyu"},
                                     Route{Screen::Form, "", "shugaku"},
                                     Route{Screen::Form, "moving-in", "tennyu-todoke", 2}};
  for (const auto& r : routes) {
    INFO(route_fragment(r));
    CHECK(route_from_fragment(route_fragment(r)) == r);
  }
  CHECK(route_fragment(Route{Screen::Review, "birth", "kokuho-kanyu"}) == "#/event/birth/apply/kokuho-kanyu/review");
  // A form's pages count from 1 where people see them; its first page keeps the form's own address.
  CHECK(route_fragment(Route{Screen::Form, "moving-in", "tennyu-todoke", 2}) == "#/event/moving-in/apply/tennyu-todoke/page/3");
  CHECK(route_fragment(Route{Screen::Form, "moving-in", "tennyu-todoke", 0}) == "#/event/moving-in/apply/tennyu-todoke");
  CHECK(route_from_fragment("#/apply/tennyu-todoke/page/1") == Route{Screen::Form, {}, "tennyu-todoke", 0});
  CHECK(route_from_fragment("") == Route{});
  CHECK(route_from_fragment("#/event/birth/") == Route{Screen::Event, "birth", {}});
  for (const char* bad : {"#/event", "#/event/Birth", "#/event/birth/apply", "#/apply/x/edit", "#/x", "#/event/a/b",
                          "#/apply/shugaku/page/0", "#/apply/shugaku/page/x", "#/apply/shugaku/page/100",
                          "#/apply/shugaku/page", "#/apply/shugaku/page/2/review"}) {
    INFO(bad);
    CHECK_FALSE(route_from_fragment(bad));
  }
}

TEST_CASE("the browser's back button steps back; a link opens a new step; a form already sent opens its event",
          "[navigation]") {
  Navigation nav;
  apply(nav, OpenEvent{"birth"});
  apply(nav, OpenForm{"kokuho-kanyu"});
  apply(nav, FollowUrl{Route{Screen::Event, "birth", {}}});  // back
  CHECK(nav.current == Route{Screen::Event, "birth", {}});
  CHECK(nav.history.size() == 1);
  apply(nav, FollowUrl{Route{Screen::Form, "birth", "kokuho-kanyu"}});  // forward
  CHECK(nav.current.screen == Screen::Form);
  CHECK(nav.history.size() == 2);
  // A review link with no draft behind it opens the form.
  apply(nav, FollowUrl{Route{Screen::Review, "birth", "shugaku"}});
  CHECK(nav.current == Route{Screen::Form, "birth", "shugaku"});

  apply(nav, SetFieldValue{"kokuho-kanyu", "phone", "090-1234-5678"});
  apply(nav, FollowUrl{Route{Screen::Review, "birth", "kokuho-kanyu"}});
  apply(nav, ApplicationSealed{"kokuho-kanyu", fixtures::sealed_as("s1"), "2026-12-06T00:00:00Z"});
  apply(nav, SubmissionSent{"kokuho-kanyu", "7K3M-9QXW-2HPD", "2026-12-06T00:00:01Z", "s1"});
  CHECK(nav.current.screen == Screen::Receipt);
  // Back from the receipt lands on the review's address: the application is gone from the device's
  // drafts, so the event opens instead of an empty form.
  apply(nav, FollowUrl{Route{Screen::Review, "birth", "kokuho-kanyu"}});
  CHECK(nav.current == Route{Screen::Event, "birth", {}});
}

TEST_CASE("a link's screen goes back up through home and its event", "[navigation]") {
  CHECK(parent_routes(Route{}).empty());
  CHECK(parent_routes(Route{Screen::Event, "birth", {}}) == std::vector<Route>{Route{}});
  CHECK(parent_routes(Route{Screen::Form, "birth", "kokuho-kanyu"}) ==
        std::vector<Route>{Route{}, Route{Screen::Event, "birth", {}}});
  CHECK(parent_routes(Route{Screen::Form, "", "shugaku"}) == std::vector<Route>{Route{}});
}

TEST_CASE("a sent application's status is checked, updated, or the failure kept to show", "[navigation]") {
  Navigation nav;
  apply(nav, SubmissionSent{"shugaku", "7K3M-9QXW-2HPD"});
  apply(nav, OpenApplications{});
  CHECK(nav.current.screen == Screen::Applications);
  REQUIRE(nav.sent.size() == 1);
  CHECK(nav.sent[0].status == "new");
  apply(nav, CheckStatus{"7K3M-9QXW-2HPD"});
  CHECK(nav.sent[0].checking);
  apply(nav, StatusCheckFailed{"7K3M-9QXW-2HPD", "status.error.offline"});
  CHECK_FALSE(nav.sent[0].checking);
  CHECK(nav.sent[0].error_key == "status.error.offline");
  apply(nav, CheckStatus{"7K3M-9QXW-2HPD"});
  CHECK(nav.sent[0].error_key.empty());
  apply(nav, StatusChecked{"7K3M-9QXW-2HPD", "correction_requested", {WardNote{"t", "correction_requested", "住民票"}}});
  CHECK(nav.sent[0].status == "correction_requested");
  CHECK(nav.sent[0].notes.at(0).text == "住民票");
  CHECK(route_from_fragment(route_fragment(nav.current)) == nav.current);
}

TEST_CASE("answering a 補正依頼 brings the sent answers back as a draft linked to the first receipt",
          "[navigation]") {
  Navigation nav;
  apply(nav, OpenForm{"kokuho-kanyu"});
  apply(nav, SetFieldValue{"kokuho-kanyu", "phone", "03-1234-5678"});
  apply(nav, SubmissionSent{"kokuho-kanyu", "7K3M-9QXW-2HPD"});
  CHECK_FALSE(nav.drafts.count("kokuho-kanyu"));
  apply(nav, CorrectApplication{"7K3M-9QXW-2HPD"});
  CHECK(nav.current == Route{Screen::Form, {}, "kokuho-kanyu"});
  const FormDraft& draft = nav.drafts.at("kokuho-kanyu");
  CHECK(draft.corrects == "7K3M-9QXW-2HPD");
  CHECK(draft.values.get("phone") == "03-1234-5678");
  apply(nav, ApplicationSealed{"kokuho-kanyu", fixtures::sealed_as("s2"), "2026-12-06T00:00:00Z"});
  apply(nav, SubmissionSent{"kokuho-kanyu", "8C7B-RB5T-EKJQ", "2026-12-06T00:00:01Z", "s2"});
  REQUIRE(nav.sent.size() == 2);
  CHECK(nav.sent[1].corrects == "7K3M-9QXW-2HPD");
  apply(nav, CorrectApplication{"NO-SUCH"});  // nothing to correct: nothing changes
  CHECK(nav.current.screen == Screen::Receipt);
}

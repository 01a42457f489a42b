// Opening an event and going back behaves like a browser's history; the language switch keeps the place.
#include <catch2/catch.hpp>

#include "core/navigation.hpp"

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

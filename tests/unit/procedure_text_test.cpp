// What a resident reads about deadlines and fees, in Japanese, English and plain Japanese.
#include <catch2/catch.hpp>

#include "core/procedure_text.hpp"
#include "fixtures.hpp"

using namespace madoguchi;

TEST_CASE("a birth's deadline counts the day of birth, in each language", "[procedure-text]") {
  auto load = load_catalog(fixtures::real_catalog_files());
  REQUIRE(load.catalog);
  Messages m = fixtures::real_messages();
  const Procedure* p = load.catalog->find_procedure("shussei-todoke");
  REQUIRE(p);
  std::string ja = describe_deadline(p->deadline, m, "ja");
  CHECK(ja.find("1日目") != std::string::npos);
  CHECK(ja.find("14日以内") != std::string::npos);
  std::string en = describe_deadline(p->deadline, m, "en");
  CHECK(en.find("within 14 days") != std::string::npos);
  CHECK(en.find("as day 1") != std::string::npos);
  CHECK(describe_deadline(p->deadline, m, "ja-x-easy").find("14日") != std::string::npos);
}

TEST_CASE("deadline rules without a day count read plainly", "[procedure-text]") {
  Messages m = fixtures::real_messages();
  Deadline none;
  CHECK(describe_deadline(none, m, "en") == "no deadline");
  Deadline before;
  before.rule = DeadlineRule::BeforeEvent;
  CHECK(describe_deadline(before, m, "ja") == "できごとの日より前");
}

TEST_CASE("fees are free or grouped yen", "[procedure-text]") {
  Messages m = fixtures::real_messages();
  CHECK(describe_fee(Fee{0, {}}, m, "en") == "Fee: free");
  CHECK(describe_fee(Fee{300, {}}, m, "ja") == "手数料：300円");
  CHECK(describe_fee(Fee{1500, {}}, m, "en") == "Fee: ¥1,500");
}

TEST_CASE("a procedure says whether it is online or at the counter", "[procedure-text]") {
  Messages m = fixtures::real_messages();
  OnlineAvailability online;
  online.available = true;
  CHECK(describe_channel(online, m, "en") == "You can apply online");
  CHECK(describe_channel(OnlineAvailability{}, m, "ja") == "窓口での手続きが必要です");
}

// Conditions decide which procedures apply and which fields show; unanswered questions never match.
#include <catch2/catch.hpp>

#include <map>

#include "core/condition.hpp"

using madoguchi::Condition;

namespace {
Condition equals(std::string id, std::string v) { return {Condition::Op::Equals, std::move(id), {std::move(v)}, {}}; }
}  // namespace

TEST_CASE("conditions combine answers with all, any and not", "[condition]") {
  std::map<std::string, std::string, std::less<>> answers{{"children", "yes"}, {"insurance", "kokuho"}};
  madoguchi::AnswerLookup lookup = [&](std::string_view id) -> std::optional<std::string> {
    auto it = answers.find(id);
    return it == answers.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  CHECK(equals("children", "yes").holds(lookup));
  CHECK_FALSE(equals("children", "no").holds(lookup));
  CHECK_FALSE(equals("pets", "yes").holds(lookup));  // not answered yet
  Condition in{Condition::Op::In, "insurance", {"kokuho", "kouki"}, {}};
  CHECK(in.holds(lookup));
  Condition all{Condition::Op::All, "", {}, {equals("children", "yes"), in}};
  CHECK(all.holds(lookup));
  Condition any{Condition::Op::Any, "", {}, {equals("children", "no"), equals("pets", "yes")}};
  CHECK_FALSE(any.holds(lookup));
  Condition negated{Condition::Op::Not, "", {}, {any}};
  CHECK(negated.holds(lookup));
  CHECK(Condition{Condition::Op::Answered, "insurance", {}, {}}.holds(lookup));
  std::vector<std::string> ids;
  all.collect_ids(ids);
  CHECK(ids == std::vector<std::string>{"children", "insurance"});
}

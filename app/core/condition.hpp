// A rule over answers: "show this field when", "this procedure applies when". Used by life-event
// questions and by forms, so both read the same way in the catalog.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi {

// Answers are strings: choice values, "yes"/"no", ISO dates (YYYY-MM-DD), decimal numbers.
using AnswerLookup = std::function<std::optional<std::string>(std::string_view id)>;

struct Condition {
  enum class Op { Equals, In, Answered, All, Any, Not };
  Op op = Op::All;
  std::string id;                    // Equals, In, Answered: the question or field
  std::vector<std::string> values;   // Equals (one), In (several)
  std::vector<Condition> children;   // All, Any, Not (one)

  // An unanswered question makes Equals and In false: a procedure or field that depends on an
  // answer appears once the answer is given.
  bool holds(const AnswerLookup& answer) const;

  // Every question or field id the condition reads, for lint checks against unknown ids.
  void collect_ids(std::vector<std::string>& out) const;
};

}  // namespace madoguchi

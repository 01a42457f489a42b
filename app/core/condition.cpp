// Evaluates conditions recursively; All of nothing holds, Any of nothing does not.
#include "condition.hpp"

#include <algorithm>

namespace madoguchi {

bool Condition::holds(const AnswerLookup& answer) const {
  switch (op) {
    case Op::Equals:
    case Op::In: {
      auto value = answer(id);
      return value && std::find(values.begin(), values.end(), *value) != values.end();
    }
    case Op::Answered: {
      auto value = answer(id);
      return value && !value->empty();
    }
    case Op::All:
      return std::all_of(children.begin(), children.end(), [&](const Condition& c) { return c.holds(answer); });
    case Op::Any:
      return std::any_of(children.begin(), children.end(), [&](const Condition& c) { return c.holds(answer); });
    case Op::Not:
      return !children.empty() && !children.front().holds(answer);
  }
  return false;
}

void Condition::collect_ids(std::vector<std::string>& out) const {
  if (!id.empty()) out.push_back(id);
  for (const auto& c : children) c.collect_ids(out);
}

}  // namespace madoguchi

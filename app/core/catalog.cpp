// Look-ups in a loaded catalog.
#include "catalog.hpp"

#include <algorithm>

namespace madoguchi {

const LifeEvent* Catalog::find_event(std::string_view id) const {
  auto it = std::find_if(events.begin(), events.end(), [&](const LifeEvent& e) { return e.id == id; });
  return it == events.end() ? nullptr : &*it;
}

const Procedure* Catalog::find_procedure(std::string_view id) const {
  auto it = procedures.find(id);
  return it == procedures.end() ? nullptr : &it->second;
}

}  // namespace madoguchi

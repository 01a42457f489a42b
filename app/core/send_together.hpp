// Several applications of one life event checked on one screen and sent with one confirmation: each is
// still sealed on its own, to the ward, for its own department, with its own receipt.
#pragma once
#include <string>
#include <vector>

#include "catalog.hpp"
#include "navigation.hpp"

namespace madoguchi {

// The drafts of `event`'s checklist that can go now, in checklist order: procedures done online whose
// drafts are filled in without a problem and are not already waiting to be sent.
std::vector<std::string> drafts_ready_to_send(const Catalog& catalog, const LifeEvent& event, const EventAnswers& answers,
                                              const Navigation& nav);

}  // namespace madoguchi

// Which draft a screen shows: a procedure's first draft has the procedure's own id, a second one of the
// same procedure (a family member's, say) "<procedure>~2", then "~3"… So links and records made before
// there could be several drafts still mean the first, and an address says which form it is.
#pragma once
#include <string>
#include <string_view>

namespace madoguchi {

struct Navigation;

// The procedure a draft id belongs to: "kokuho-kanyu~2" → "kokuho-kanyu".
std::string_view procedure_of(std::string_view draft_id);

// Catalog ids are lowercase letters, digits and single hyphens (catalog-lint): nothing to escape in an
// address.
bool is_catalog_id(std::string_view s);

// Which of its procedure's drafts this is, counting from 1: "kokuho-kanyu~2" → 2.
int draft_number(std::string_view draft_id);

// A procedure id, or one with a "~N" suffix (N from 2 to 999): what may follow "apply/" in an address.
bool is_draft_id(std::string_view s);

// The lowest id of `procedure_id` no draft has now.
std::string new_draft_id(const Navigation& nav, std::string_view procedure_id);

// The draft a procedure's "apply" opens: the one last changed that can still be changed; else one waiting
// in the outbox (its receipt says where it stands); else a new id.
std::string draft_to_open(const Navigation& nav, std::string_view procedure_id);

}  // namespace madoguchi

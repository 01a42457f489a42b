// One CSV per procedure for staff: UTF-8 with a BOM (so Excel shows Japanese), a header row of the
// form's Japanese labels, one row per submission.
#pragma once
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "saved_submission.hpp"

namespace madoguchi::inbox {

// `form` may be null (a procedure this catalog no longer has): the columns are then the answers' paths.
// Answers to fields the form does not have get columns of their own at the end, named by path, so
// nothing a resident sent is hidden. Choices show their Japanese label, checkboxes はい/いいえ.
std::string procedure_csv(const FormSpec* form, const std::vector<SavedSubmission>& submissions);

// One RFC 4180 row, every cell quoted, ending in CRLF. A cell a spreadsheet would run as a formula
// (`=`, `+`, `-`, `@`) gets a leading `'`.
void append_csv_row(std::string& out, const std::vector<std::string>& cells);

}  // namespace madoguchi::inbox

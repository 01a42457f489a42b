// One inbox run: fetch every new submission, open it with the ward's keys, file it for staff, mark it
// received; anything that cannot be opened is set aside with the reason and the batch goes on.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "crypto/ward_keys.hpp"
#include "submission_source.hpp"

namespace madoguchi::inbox {

struct BatchOptions {
  std::filesystem::path out;  // OUT/<procedure>/<receipt>/, OUT/<procedure>.csv, OUT/set-aside/
  bool mark_received = true;  // set status "received" (受付) on the endpoint after filing
};

struct BatchReport {
  int opened = 0, set_aside = 0;
  std::vector<std::string> lines;  // one per submission, for the terminal: receipt and what happened
};

// Throws SourceError when the list cannot be fetched; a failure on one submission is reported and skipped.
BatchReport run_batch(SubmissionSource& source, const std::vector<crypto::WardKeyPair>& keys, const Catalog& catalog,
                      const BatchOptions& options);

// Rewrites OUT/<procedure>.csv from every OUT/<procedure>/*/submission.json; returns the rows written.
int rebuild_procedure_csv(const std::filesystem::path& out, const std::string& procedure, const Catalog& catalog);

}  // namespace madoguchi::inbox

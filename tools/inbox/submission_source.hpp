// Where the inbox gets submissions from: the endpoint's staff API (staff_client.hpp), or a fake in tests.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace madoguchi::inbox {

// One row of GET /api/v1/staff/submissions: what the endpoint knows without any key.
struct ListedSubmission {
  std::string receipt, submission_id, key_id, created, received, status;
  std::string corrects;  // the receipt this one corrects, or empty
  std::uint64_t size = 0;
};

// The server could not be reached or refused us; the message says which and what to do.
struct SourceError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class SubmissionSource {
 public:
  virtual ~SubmissionSource() = default;
  virtual std::vector<ListedSubmission> list_new() = 0;
  virtual std::vector<std::uint8_t> envelope(const std::string& receipt) = 0;
  // `sealed_message`: base64 of a crypto_box_seal to the resident's reply key, or empty.
  virtual void set_status(const std::string& receipt, const std::string& status, const std::string& sealed_message) = 0;
};

}  // namespace madoguchi::inbox

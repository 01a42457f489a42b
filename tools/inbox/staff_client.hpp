// The endpoint's staff API over HTTP(S) with libcurl: list new submissions, fetch envelopes, set statuses,
// read the residents' rating counts.
#pragma once
#include <string>

#include "rating_report.hpp"
#include "submission_source.hpp"

namespace madoguchi::inbox {

class StaffClient final : public SubmissionSource {
 public:
  // `server`: the portal's base URL ("https://portal.example.city.lg.jp"); `token`: a staff token.
  StaffClient(std::string server, std::string token);
  ~StaffClient() override;
  StaffClient(const StaffClient&) = delete;
  StaffClient& operator=(const StaffClient&) = delete;

  std::vector<ListedSubmission> list_new() override;
  std::vector<std::uint8_t> envelope(const std::string& receipt) override;
  void set_status(const std::string& receipt, const std::string& status, const std::string& sealed_message) override;

  // Rating counts of one month (YYYY-MM), or of every month when `month` is empty.
  RatingReport ratings(const std::string& month);

  // A file of the public site, such as "/catalog.json".
  std::string public_file(const std::string& path);

 private:
  struct Reply {
    long status = 0;
    std::string body;
  };
  Reply call(const std::string& method, const std::string& path, const std::string& json_body);

  std::string server_, token_;
  void* curl_ = nullptr;  // CURL*, reused so keep-alive connections are too
};

}  // namespace madoguchi::inbox

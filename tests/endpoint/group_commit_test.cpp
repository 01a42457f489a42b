// Group commit without a database: every caller gets its own row's result, from many threads at once,
// and a batch that fails fails its own rows only.
#include "group_commit.hpp"

#include <catch2/catch.hpp>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace madoguchi::endpoint;

namespace {

NewSubmission submission_with_receipt(std::string receipt) {
    NewSubmission s;
    s.record.receipt = std::move(receipt);
    return s;
}

}  // namespace

TEST_CASE("group commit: each caller gets its own row's result, from threads at once", "[endpoint]") {
    std::mutex mutex;
    std::size_t rows_written = 0;
    std::size_t largest_batch = 0;
    GroupCommit commits([&](std::span<QueuedInsert* const> rows) {
        {
            std::lock_guard lock(mutex);
            rows_written += rows.size();
            largest_batch = std::max(largest_batch, rows.size());
        }
        for (QueuedInsert* row : rows) row->result = {InsertResult::created, row->submission.record};
    });
    constexpr int kThreads = 8, kEach = 50;
    std::vector<int> own(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                const std::string receipt = std::to_string(t) + "-" + std::to_string(i);
                if (commits.insert(submission_with_receipt(receipt)).record.receipt == receipt) ++own[t];
            }
        });
    }
    for (auto& t : threads) t.join();
    for (int t = 0; t < kThreads; ++t) CHECK(own[t] == kEach);
    CHECK(rows_written == kThreads * kEach);
    CHECK(largest_batch <= kThreads);
}

TEST_CASE("group commit: an error reaches the rows it belongs to and no others", "[endpoint]") {
    int batches = 0;
    GroupCommit commits([&](std::span<QueuedInsert* const> rows) {
        if (++batches == 1) throw StoreError("disk full");
        for (QueuedInsert* row : rows) {
            if (row->submission.record.receipt == "bad") {
                row->error = std::make_exception_ptr(StoreError("bad row"));
            } else {
                row->result = {InsertResult::created, row->submission.record};
            }
        }
    });
    CHECK_THROWS_WITH(commits.insert(submission_with_receipt("first")), "disk full");
    CHECK_THROWS_WITH(commits.insert(submission_with_receipt("bad")), "bad row");
    CHECK(commits.insert(submission_with_receipt("good")).outcome == InsertResult::created);
}

// Group commit: callers that insert at the same time queue their rows, and one of them (the leader)
// writes every queued row in one transaction, so one sync to disk makes the whole batch durable.
#pragma once

#include "store.hpp"

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <span>
#include <vector>

namespace madoguchi::endpoint {

// One caller's row in a batch. The batch writer sets `result`, or `error` for a row that failed.
struct QueuedInsert {
    explicit QueuedInsert(const NewSubmission& s) : submission(s) {}
    const NewSubmission& submission;
    InsertResult result{};
    std::exception_ptr error;
};

class GroupCommit {
public:
    // Writes the rows in one transaction, in order, each as if alone (so two rows with the same
    // submission id behave as two requests one after the other), and returns once the commit is
    // durable. Runs on one leader's thread at a time. What it throws becomes every row's error.
    using WriteBatch = std::function<void(std::span<QueuedInsert* const> rows)>;

    explicit GroupCommit(WriteBatch write_batch) : write_batch_(std::move(write_batch)) {}

    // Returns once the transaction holding this row has committed; rethrows the row's error.
    InsertResult insert(const NewSubmission& submission);

private:
    struct Waiter : QueuedInsert {
        using QueuedInsert::QueuedInsert;
        bool done = false;
        std::condition_variable wake;
    };

    void lead(std::unique_lock<std::mutex>& lock);

    WriteBatch write_batch_;
    std::mutex mutex_;
    // Rows that arrived while a batch was being written: the next leader takes them all.
    std::vector<Waiter*> queue_;
    bool leading_ = false;
};

}  // namespace madoguchi::endpoint

// Leader/follower group commit (as PostgreSQL's and MySQL's): no writer thread and no timer. Batches
// form by themselves from the rows that arrive while the previous batch's commit waits for the disk.
#include "group_commit.hpp"

namespace madoguchi::endpoint {

InsertResult GroupCommit::insert(const NewSubmission& submission) {
    Waiter me(submission);
    std::unique_lock lock(mutex_);
    queue_.push_back(&me);
    while (!me.done) {
        // With no batch being written, whoever holds the lock leads; the queue holds this row, so
        // leading writes it.
        if (!leading_) {
            lead(lock);
        } else {
            me.wake.wait(lock);
        }
    }
    if (me.error) std::rethrow_exception(me.error);
    return std::move(me.result);
}

void GroupCommit::lead(std::unique_lock<std::mutex>& lock) {
    leading_ = true;
    std::vector<Waiter*> batch;
    batch.swap(queue_);
    lock.unlock();
    try {
        const std::vector<QueuedInsert*> rows(batch.begin(), batch.end());
        write_batch_(rows);
    } catch (...) {
        for (Waiter* w : batch) w->error = std::current_exception();
    }
    lock.lock();
    leading_ = false;
    // Under the lock, so no waiter can see `done` and return (destroying its Waiter) before it is woken.
    for (Waiter* w : batch) {
        w->done = true;
        w->wake.notify_one();
    }
    // Rows queued meanwhile: their first caller leads the next batch.
    if (!queue_.empty()) queue_.front()->wake.notify_one();
}

}  // namespace madoguchi::endpoint

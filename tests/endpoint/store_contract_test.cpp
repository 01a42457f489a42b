// What every Store must do, whatever the database: durable idempotent inserts, conflicts, receipts,
// statuses with their messages, staff tokens, inserts from several threads at once, and rating counters.
#include "store_fixtures.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace madoguchi::endpoint;

namespace {

Digest digest_of(std::uint8_t fill) {
    Digest d{};
    d.fill(fill);
    return d;
}

// A submission as the router builds it; the store never looks inside the envelope.
struct Sample {
    std::string envelope;
    NewSubmission submission;

    Sample(const std::string& submission_id, const std::string& receipt, std::string bytes, std::int64_t at = 1000)
        : envelope(std::move(bytes)) {
        submission.record = SubmissionRecord{receipt,  submission_id, "79427074a56e3988",
                                             "2026-11-23T09:30:00Z", at, at, static_cast<std::int64_t>(envelope.size()),
                                             "new", std::nullopt};
        submission.status_token_sha256 = digest_of(1);
        submission.envelope_sha256 = digest_of(static_cast<std::uint8_t>(envelope.size()));
        submission.envelope = envelope;
    }
};

}  // namespace

TEMPLATE_LIST_TEST_CASE("store contract: an insert is found by receipt with its exact bytes", "[endpoint][store]",
                        StoreFixtures) {
    TestType fixture;
    Store& store = fixture.store;
    const std::string bytes("MDG1\0\x01binary", 11);
    Sample a("01JDQ80000000000000000AAAA", "ABCDEFGHJKM1", bytes);
    const InsertResult result = store.insert_submission(a.submission);
    REQUIRE(result.outcome == InsertResult::created);
    CHECK(result.record.receipt == "ABCDEFGHJKM1");
    CHECK(result.record.status == "new");
    CHECK(result.record.size == 11);

    const auto found = store.find_submission("ABCDEFGHJKM1");
    REQUIRE(found);
    CHECK(found->submission_id == "01JDQ80000000000000000AAAA");
    CHECK(found->key_id == "79427074a56e3988");
    CHECK(found->created == "2026-11-23T09:30:00Z");
    CHECK(found->received_at == 1000);
    CHECK(found->updated_at == 1000);
    CHECK_FALSE(found->corrects);
    CHECK(store.envelope("ABCDEFGHJKM1") == bytes);
    CHECK(store.status_token_sha256("ABCDEFGHJKM1") == digest_of(1));
    CHECK_FALSE(store.find_submission("ZZZZZZZZZZZZ"));
    CHECK_FALSE(store.envelope("ZZZZZZZZZZZZ"));
    CHECK_FALSE(store.status_token_sha256("ZZZZZZZZZZZZ"));
}

TEMPLATE_LIST_TEST_CASE("store contract: the same id again is a duplicate or a conflict, never a second row",
                        "[endpoint][store]", StoreFixtures) {
    TestType fixture;
    Store& store = fixture.store;
    Sample first("01JDQ80000000000000000AAAA", "AAAAAAAAAAA0", "same bytes");
    REQUIRE(store.insert_submission(first.submission).outcome == InsertResult::created);

    Sample retry("01JDQ80000000000000000AAAA", "BBBBBBBBBBB0", "same bytes", 2000);
    retry.submission.status_token_sha256 = digest_of(9);
    const InsertResult again = store.insert_submission(retry.submission);
    CHECK(again.outcome == InsertResult::duplicate);
    CHECK(again.record.receipt == "AAAAAAAAAAA0");
    CHECK(again.record.received_at == 1000);
    CHECK(store.status_token_sha256("AAAAAAAAAAA0") == digest_of(1));  // the first token stays

    Sample other("01JDQ80000000000000000AAAA", "CCCCCCCCCCC0", "other bytes!");
    CHECK(store.insert_submission(other.submission).outcome == InsertResult::conflict);
    CHECK(store.list_submissions(std::nullopt).size() == 1);
}

TEMPLATE_LIST_TEST_CASE("store contract: a taken receipt is reported and stores nothing", "[endpoint][store]",
                        StoreFixtures) {
    TestType fixture;
    Store& store = fixture.store;
    Sample a("01JDQ80000000000000000AAAA", "AAAAAAAAAAA0", "a");
    Sample b("01JDQ80000000000000000BBBB", "AAAAAAAAAAA0", "b");
    REQUIRE(store.insert_submission(a.submission).outcome == InsertResult::created);
    CHECK(store.insert_submission(b.submission).outcome == InsertResult::receipt_taken);
    b.submission.record.receipt = "BBBBBBBBBBB0";
    CHECK(store.insert_submission(b.submission).outcome == InsertResult::created);
    CHECK(store.list_submissions(std::nullopt).size() == 2);
}

TEMPLATE_LIST_TEST_CASE("store contract: lists are oldest first and filtered by status", "[endpoint][store]",
                        StoreFixtures) {
    TestType fixture;
    Store& store = fixture.store;
    std::vector<std::string> receipts = {"AAAAAAAAAAA0", "BBBBBBBBBBB0", "CCCCCCCCCCC0"};
    for (std::size_t i = 0; i < receipts.size(); ++i) {
        Sample s("01JDQ8000000000000000000A" + std::to_string(i), receipts[i], "x", 1000 + static_cast<int>(i));
        if (i == 2) s.submission.record.corrects = "AAAAAAAAAAA0";
        REQUIRE(store.insert_submission(s.submission).outcome == InsertResult::created);
    }
    REQUIRE(store.change_status({"BBBBBBBBBBB0", "reviewing", "tanaka", std::nullopt, 5000}));

    const auto fresh = store.list_submissions("new");
    REQUIRE(fresh.size() == 2);
    CHECK(fresh[0].receipt == "AAAAAAAAAAA0");
    CHECK(fresh[1].receipt == "CCCCCCCCCCC0");
    CHECK(fresh[1].corrects == "AAAAAAAAAAA0");
    const auto reviewing = store.list_submissions("reviewing");
    REQUIRE(reviewing.size() == 1);
    CHECK(reviewing[0].updated_at == 5000);
    CHECK(store.list_submissions("completed").empty());
    const auto all = store.list_submissions(std::nullopt);
    REQUIRE(all.size() == 3);
    CHECK(all[1].status == "reviewing");
}

TEMPLATE_LIST_TEST_CASE("store contract: status changes keep their messages in order", "[endpoint][store]",
                        StoreFixtures) {
    TestType fixture;
    Store& store = fixture.store;
    Sample a("01JDQ80000000000000000AAAA", "AAAAAAAAAAA0", "a");
    REQUIRE(store.insert_submission(a.submission).outcome == InsertResult::created);
    CHECK_FALSE(store.change_status({"ZZZZZZZZZZZZ", "received", "tanaka", std::nullopt, 2000}));

    const std::string sealed1("\x01\x02\0sealed-one", 13), sealed2 = "sealed-two";
    auto changed = store.change_status({"AAAAAAAAAAA0", "correction_requested", "tanaka", sealed1, 2000});
    REQUIRE(changed);
    CHECK(changed->status == "correction_requested");
    CHECK(changed->updated_at == 2000);
    changed = store.change_status({"AAAAAAAAAAA0", "correction_requested", "suzuki", sealed2, 3000});
    REQUIRE(changed);
    CHECK(store.change_status({"AAAAAAAAAAA0", "completed", "suzuki", std::nullopt, 4000})->status == "completed");

    const auto messages = store.messages("AAAAAAAAAAA0");
    REQUIRE(messages.size() == 2);
    CHECK(messages[0].sealed == sealed1);
    CHECK(messages[0].sent_at == 2000);
    CHECK(messages[1].sealed == sealed2);
    CHECK(messages[0].id < messages[1].id);
    CHECK(store.messages("ZZZZZZZZZZZZ").empty());
    CHECK(store.find_submission("AAAAAAAAAAA0")->updated_at == 4000);
}

TEMPLATE_LIST_TEST_CASE("store contract: staff tokens are added and replaced by name", "[endpoint][store]",
                        StoreFixtures) {
    TestType fixture;
    Store& store = fixture.store;
    CHECK(store.staff_tokens().empty());
    CHECK_FALSE(store.put_staff_token("tanaka", digest_of(1), 100));
    CHECK_FALSE(store.put_staff_token("suzuki", digest_of(2), 100));
    CHECK(store.put_staff_token("tanaka", digest_of(3), 200));
    const auto tokens = store.staff_tokens();
    REQUIRE(tokens.size() == 2);
    const auto tanaka = std::find_if(tokens.begin(), tokens.end(), [](const auto& t) { return t.name == "tanaka"; });
    REQUIRE(tanaka != tokens.end());
    CHECK(tanaka->token_sha256 == digest_of(3));
}

TEMPLATE_LIST_TEST_CASE("store contract: inserts from several threads all land", "[endpoint][store]", StoreFixtures) {
    TestType fixture;
    Store& store = fixture.store;
    constexpr int kThreads = 4, kEach = 25;
    std::vector<std::thread> threads;
    std::vector<int> created(kThreads, 0);
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                const int n = t * 100 + i;  // three digits
                const std::string digits{static_cast<char>('0' + n / 100), static_cast<char>('0' + n / 10 % 10),
                                         static_cast<char>('0' + n % 10)};
                Sample s("01JDQ800000000000000000" + digits, "R00000000" + digits, "bytes " + digits);
                if (store.insert_submission(s.submission).outcome == InsertResult::created) ++created[t];
            }
        });
    }
    for (auto& t : threads) t.join();
    for (int t = 0; t < kThreads; ++t) CHECK(created[t] == kEach);
    std::set<std::string> receipts;
    for (const auto& r : store.list_submissions(std::nullopt)) receipts.insert(r.receipt);
    CHECK(receipts.size() == kThreads * kEach);
}

TEMPLATE_LIST_TEST_CASE("store contract: ratings add up per procedure, month and score, months apart",
                        "[endpoint][store]", StoreFixtures) {
    TestType fixture;
    Store& store = fixture.store;
    CHECK(store.ratings(std::nullopt).empty());
    for (int score : {5, 5, 4, 1, 5}) store.add_rating("kokuho-kanyu", "2026-12", score);
    store.add_rating("tennyu-todoke", "2026-12", 3);
    store.add_rating("kokuho-kanyu", "2026-11", 2);
    store.add_rating("tennyu-todoke", "2027-01", 5);

    const auto all = store.ratings(std::nullopt);
    REQUIRE(all.size() == 4);
    CHECK(all[0].month == "2026-11");
    CHECK(all[0].procedure == "kokuho-kanyu");
    CHECK(all[0].counts == std::array<std::int64_t, 5>{0, 1, 0, 0, 0});
    CHECK(all[1].month == "2026-12");
    CHECK(all[1].procedure == "kokuho-kanyu");
    CHECK(all[1].counts == std::array<std::int64_t, 5>{1, 0, 0, 1, 3});
    CHECK(all[2].procedure == "tennyu-todoke");
    CHECK(all[2].counts == std::array<std::int64_t, 5>{0, 0, 1, 0, 0});
    CHECK(all[3].month == "2027-01");

    const auto december = store.ratings("2026-12");
    REQUIRE(december.size() == 2);
    CHECK(december[0].procedure == "kokuho-kanyu");
    CHECK(december[1].procedure == "tennyu-todoke");
    CHECK(store.ratings("2026-10").empty());
}

TEMPLATE_LIST_TEST_CASE("store contract: ratings from several threads at once lose no count", "[endpoint][store]",
                        StoreFixtures) {
    TestType fixture;
    Store& store = fixture.store;
    constexpr int kThreads = 4, kEach = 50;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        // Every thread hits the same counter, and the first ones race to create it.
        threads.emplace_back([&] {
            for (int i = 0; i < kEach; ++i) store.add_rating("kokuho-kanyu", "2026-12", 4);
        });
    }
    for (auto& t : threads) t.join();
    const auto counted = store.ratings(std::nullopt);
    REQUIRE(counted.size() == 1);
    CHECK(counted[0].counts == std::array<std::int64_t, 5>{0, 0, 0, kThreads * kEach, 0});
}

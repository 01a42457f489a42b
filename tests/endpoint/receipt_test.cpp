// Receipt numbers and tokens as residents and staff meet them: the printed form, forgiving input, and
// check digits that catch the typos people make at the counter.
#include "receipt.hpp"
#include "tokens.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <variant>

using namespace madoguchi::endpoint;

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

bool valid(std::string_view text) { return std::holds_alternative<std::string>(parse_receipt(text)); }

ReceiptProblem::Kind problem_of(std::string_view text) {
    const auto parsed = parse_receipt(text);
    REQUIRE(std::holds_alternative<ReceiptProblem>(parsed));
    return std::get<ReceiptProblem>(parsed).kind;
}

}  // namespace

TEST_CASE("endpoint receipt: new receipts are 12 Crockford digits that pass their own check", "[endpoint]") {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const std::string r = new_receipt();
        REQUIRE(r.size() == 12);
        for (char c : r) CHECK(kAlphabet.find(c) != std::string_view::npos);
        CHECK(std::get<std::string>(parse_receipt(r)) == r);
        seen.insert(r);
    }
    CHECK(seen.size() == 200);
}

TEST_CASE("endpoint receipt: shown as XXXX-XXXX-XXXX and read back however it is typed", "[endpoint]") {
    const std::string payload = "0JD8KQ3MV7A";
    const std::string canonical = payload + receipt_check_digit(payload);
    const std::string shown = format_receipt(canonical);
    REQUIRE(shown.size() == 14);
    CHECK(shown[4] == '-');
    CHECK(shown[9] == '-');
    std::string lower = shown;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string spaced = canonical.substr(0, 4) + " " + canonical.substr(4, 4) + "  " + canonical.substr(8);
    for (const std::string& typed : {shown, canonical, lower, spaced}) {
        INFO(typed);
        CHECK(std::get<std::string>(parse_receipt(typed)) == canonical);
    }
    // Crockford's reading rules: O is read as 0, I and L as 1.
    std::string with_letters = canonical;
    with_letters[0] = 'O';
    with_letters[1] = 'j';
    CHECK(std::get<std::string>(parse_receipt(with_letters)) == canonical);
}

TEST_CASE("endpoint receipt: every single mistyped digit is caught by the check digit", "[endpoint]") {
    const std::string canonical = new_receipt();
    for (std::size_t i = 0; i < canonical.size(); ++i) {
        for (char c : kAlphabet) {
            if (c == canonical[i]) continue;
            std::string typo = canonical;
            typo[i] = c;
            INFO(typo);
            CHECK(problem_of(typo) == ReceiptProblem::wrong_check_digit);
        }
    }
}

TEST_CASE("endpoint receipt: swapped neighbours are caught, except a swapped 0 and Z", "[endpoint]") {
    // Luhn mod 32 misses a transposition exactly when both digits change the sum alike: only 0 and Z.
    for (std::size_t position : {0u, 5u, 9u}) {
        for (char a : kAlphabet) {
            for (char b : kAlphabet) {
                if (a == b) continue;
                std::string payload = "7KQ3MV0JD8A";
                payload[position] = a;
                payload[position + 1] = b;
                std::string swapped = payload + receipt_check_digit(payload);
                std::swap(swapped[position], swapped[position + 1]);
                const bool zero_and_z = (a == '0' && b == 'Z') || (a == 'Z' && b == '0');
                INFO(swapped);
                CHECK(valid(swapped) == zero_and_z);
            }
        }
    }
}

TEST_CASE("endpoint receipt: wrong length and characters outside the alphabet are named", "[endpoint]") {
    CHECK(problem_of("") == ReceiptProblem::wrong_length);
    CHECK(problem_of("ABCD-EFGH-JKM") == ReceiptProblem::wrong_length);
    CHECK(problem_of("ABCD-EFGH-JKMN-P") == ReceiptProblem::wrong_length);
    const auto parsed = parse_receipt("ABCD-EFGH-JKUN");
    REQUIRE(std::holds_alternative<ReceiptProblem>(parsed));
    CHECK(std::get<ReceiptProblem>(parsed).kind == ReceiptProblem::bad_character);
    CHECK(std::get<ReceiptProblem>(parsed).character == 'U');
    CHECK(problem_of("ABCD_EFGH_JKMN") == ReceiptProblem::bad_character);
}

TEST_CASE("endpoint tokens: 43 base64url characters of 32 bytes, one spelling each", "[endpoint]") {
    const std::string token = new_token();
    CHECK(token.size() == 43);
    CHECK(is_token(token));
    CHECK(new_token() != token);
    CHECK_FALSE(is_token(token.substr(1)));
    CHECK_FALSE(is_token(token + "A"));
    CHECK_FALSE(is_token(std::string(42, 'A') + "="));
    CHECK_FALSE(is_token(std::string(42, 'A') + "+"));
    CHECK(is_token(std::string(42, 'A') + "A"));
    CHECK_FALSE(is_token(std::string(42, 'A') + "B"));  // spare bits set: another spelling of the same bytes
}

TEST_CASE("endpoint tokens: the Bearer scheme is read case-insensitively", "[endpoint]") {
    CHECK(bearer_token("Bearer abc") == std::optional<std::string_view>("abc"));
    CHECK(bearer_token("bearer  abc ") == std::optional<std::string_view>("abc"));
    CHECK_FALSE(bearer_token("Basic abc"));
    CHECK_FALSE(bearer_token("Bearer "));
    CHECK_FALSE(bearer_token(""));
}

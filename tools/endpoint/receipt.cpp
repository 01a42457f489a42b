// Receipt generation and parsing; randomness from libsodium, one uniform draw per digit.
#include "receipt.hpp"

#include "crypto/sodium_runtime.hpp"

#include <sodium.h>

#include <stdexcept>

namespace madoguchi::endpoint {

namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr unsigned kBase = 32;

// The digit's value after Crockford's reading rules, or -1 (U and anything outside the alphabet).
int digit_value(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'I' || c == 'L') c = '1';
    if (c == 'O') c = '0';
    const auto at = kCrockford.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// Luhn mod N: from the right, every second digit is doubled and its two base-32 "digits" added.
unsigned luhn_sum(std::string_view digits, bool double_rightmost) {
    unsigned sum = 0;
    bool twice = double_rightmost;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        unsigned addend = static_cast<unsigned>(digit_value(*it)) * (twice ? 2 : 1);
        sum += addend / kBase + addend % kBase;
        twice = !twice;
    }
    return sum;
}

}  // namespace

char receipt_check_digit(std::string_view payload) {
    return kCrockford[(kBase - luhn_sum(payload, true) % kBase) % kBase];
}

std::string new_receipt() {
    if (!crypto::ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
    std::string receipt;
    for (std::size_t i = 0; i + 1 < kReceiptDigits; ++i) receipt += kCrockford[randombytes_uniform(kBase)];
    receipt += receipt_check_digit(receipt);
    return receipt;
}

std::string format_receipt(std::string_view canonical) {
    std::string out;
    for (std::size_t i = 0; i < canonical.size(); ++i) {
        if (i > 0 && i % 4 == 0) out += '-';
        out += canonical[i];
    }
    return out;
}

std::variant<std::string, ReceiptProblem> parse_receipt(std::string_view text) {
    std::string canonical;
    for (char c : text) {
        if (c == '-' || c == ' ') continue;
        const int value = digit_value(c);
        if (value < 0) return ReceiptProblem{ReceiptProblem::bad_character, c};
        if (canonical.size() == kReceiptDigits) return ReceiptProblem{ReceiptProblem::wrong_length};
        canonical += kCrockford[static_cast<std::size_t>(value)];
    }
    if (canonical.size() != kReceiptDigits) return ReceiptProblem{ReceiptProblem::wrong_length};
    if (luhn_sum(canonical, false) % kBase != 0) return ReceiptProblem{ReceiptProblem::wrong_check_digit};
    return canonical;
}

}  // namespace madoguchi::endpoint

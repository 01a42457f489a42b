// Receipt numbers: 11 random Crockford base32 digits and a Luhn mod 32 check digit, shown as
// XXXX-XXXX-XXXX. The check digit catches one mistyped digit and most swapped neighbours at the counter.
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace madoguchi::endpoint {

inline constexpr std::size_t kReceiptDigits = 12;

// A fresh receipt in canonical form: 12 upper-case Crockford digits, no hyphens (as the store keeps it).
std::string new_receipt();

// The Luhn mod 32 check digit for 11 Crockford digits (canonical upper case).
char receipt_check_digit(std::string_view payload);

// XXXX-XXXX-XXXX, as shown to residents and answered by the API.
std::string format_receipt(std::string_view canonical);

struct ReceiptProblem {
    enum Kind { wrong_length, bad_character, wrong_check_digit } kind;
    char character = 0;  // the refused character, for bad_character
};

// Reads a receipt as people type it: any case, with or without hyphens and spaces, and with Crockford's
// reading rules (I and L are 1, O is 0). Gives the canonical form or what is wrong.
std::variant<std::string, ReceiptProblem> parse_receipt(std::string_view text);

}  // namespace madoguchi::endpoint

#include "punctum/core/exchange/pairing_code.h"

namespace punctum::core::exchange {

namespace {
constexpr std::string_view alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t code_length = 10;
} // namespace

std::string format_pairing_code(const std::array<std::uint8_t, pairing_code_random_bytes>& random) {
    std::uint64_t bits = 0;
    for (auto b : random) {
        bits = (bits << 8) | b;
    }
    std::string code;
    for (std::size_t i = 0; i < code_length; ++i) {
        if (i == code_length / 2) {
            code += '-';
        }
        code += alphabet[(bits >> (5 * i)) & 31];
    }
    return code;
}

std::optional<std::string> normalize_pairing_code(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == '-' || c == ' ') {
            continue;
        }
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        if (c == 'O') {
            c = '0';
        } else if (c == 'I' || c == 'L') {
            c = '1';
        }
        if (alphabet.find(c) == std::string_view::npos || out.size() == code_length) {
            return std::nullopt;
        }
        out += c;
    }
    if (out.size() != code_length) {
        return std::nullopt;
    }
    return out;
}

} // namespace punctum::core::exchange

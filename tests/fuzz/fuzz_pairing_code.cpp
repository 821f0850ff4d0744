// libFuzzer: the pairing code a patient types from the clinic's sheet. Whatever is typed,
// normalising gives 10 characters of Crockford base32 or nothing; a normalised code
// normalises to itself; and every code Punctum prints (format_pairing_code) normalises to
// its own characters without the dash.
#include "punctum/core/exchange/pairing_code.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

namespace ex = punctum::core::exchange;

constexpr std::string_view crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

bool canonical(const std::string& code) {
    return code.size() == 10 && std::all_of(code.begin(), code.end(), [](char c) {
               return crockford.find(c) != std::string_view::npos;
           });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view typed(reinterpret_cast<const char*>(data), size);
    if (const auto code = ex::normalize_pairing_code(typed)) {
        if (!canonical(*code) || ex::normalize_pairing_code(*code) != code) {
            __builtin_trap();
        }
        // Forgiving as Crockford intends: the same code in lower case, with a dash, reads the same.
        std::string lower = code->substr(0, 5) + "-" + code->substr(5);
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
        if (ex::normalize_pairing_code(lower) != code) {
            __builtin_trap();
        }
    }
    // The first 7 bytes as the random draw: the printed code reads back to itself.
    std::array<std::uint8_t, ex::pairing_code_random_bytes> random{};
    std::copy_n(data, std::min(size, random.size()), random.begin());
    const auto printed = ex::format_pairing_code(random);
    const auto read = ex::normalize_pairing_code(printed);
    if (printed.size() != 11 || printed[5] != '-' || !read || !canonical(*read) ||
        *read != printed.substr(0, 5) + printed.substr(6)) {
        __builtin_trap();
    }
    return 0;
}

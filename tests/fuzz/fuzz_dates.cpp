// libFuzzer: dates arrive in JSON and on the command line.
#include "punctum/core/date.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto d = punctum::core::parse_date(text)) {
        if (punctum::core::parse_date(punctum::core::format_date(*d)) != d) {
            __builtin_trap();
        }
    }
    if (auto t = punctum::core::parse_timestamp(text)) {
        if (punctum::core::parse_timestamp(punctum::core::format_timestamp(*t)) != t) {
            __builtin_trap();
        }
    }
    return 0;
}

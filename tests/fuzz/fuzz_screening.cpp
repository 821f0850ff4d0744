// libFuzzer: the screening input JSON and a clinic's norms profile are outside input.
#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/screening/screening_json.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto input = punctum::core::parse_screening_input(text)) {
        if (auto result = punctum::core::screen(*input, punctum::core::default_norms_profile())) {
            (void)punctum::core::screening_result_json(*result);
        }
    }
    (void)punctum::core::parse_norms_profile(text);
    (void)punctum::core::parse_screening_result(text); // a stored screening read back
    return 0;
}

// libFuzzer: the screening input JSON and a clinic's norms profile are outside input.
// Beyond not crashing, what a vault relies on must hold: an input that parses is written
// back in a form that parses to the same input, and a result screen() gives reads back.
#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/screening/screening_json.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

bool same(const punctum::core::ScreeningInput& a, const punctum::core::ScreeningInput& b) {
    return a.date == b.date && a.depth_mm == b.depth_mm && a.conditions == b.conditions &&
           a.recent == b.recent && a.add_ons == b.add_ons &&
           a.recent_from_vault == b.recent_from_vault && a.history_confirmed == b.history_confirmed;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace punctum::core;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto input = parse_screening_input(text)) {
        // A stored screening's input must read back as it was (the vault re-reads it).
        auto again = parse_screening_input(screening_input_json(*input));
        if (!again || !same(*input, *again)) {
            __builtin_trap();
        }
        if (auto result = screen(*input, default_norms_profile())) {
            auto back = parse_screening_result(screening_result_json(*result));
            if (!back || back->reasons.size() != result->reasons.size() ||
                back->verdict != result->verdict) {
                __builtin_trap();
            }
            for (std::size_t i = 0; i < result->reasons.size(); ++i) {
                if (back->reasons[i].absolute != result->reasons[i].absolute) {
                    __builtin_trap();
                }
            }
        }
    }
    (void)parse_norms_profile(text);
    (void)parse_screening_result(text); // a stored screening read back
    return 0;
}

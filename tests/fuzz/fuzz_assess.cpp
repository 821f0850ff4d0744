// libFuzzer: the `punctum-cli assess` input. Whatever arrives, parsing either refuses it with
// a message or gives input the rules can run on; and the flags are the same whether the
// entries are assessed at once or one at a time.
#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/recovery/assess_input.h"
#include "punctum/core/recovery/assessment.h"
#include "punctum/core/recovery/expected_course.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace core = punctum::core;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto& profile = core::default_norms_profile();
    const auto input = core::parse_assess_input(text, profile);
    if (!input) {
        if (input.error().message.empty()) {
            __builtin_trap();
        }
        return 0;
    }
    const auto expected = core::expected_course(input->facts, profile);
    const auto flags = core::assess(input->entries, input->facts, profile);
    core::Assessor incremental(input->facts, profile);
    for (const auto& e : input->entries) {
        incremental.add(e);
    }
    if (incremental.flags() != flags) {
        __builtin_trap();
    }
    for (const auto& f : flags) {
        if (f.source.empty() || f.message.empty() || profile.sources.count(f.source_key) == 0) {
            __builtin_trap();
        }
    }
    if (core::assessment_json(expected, flags, profile).empty()) {
        __builtin_trap();
    }
    return 0;
}

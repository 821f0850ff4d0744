// libFuzzer: a norms profile's JSON. Since issue 15 it arrives from outside: a care plan
// carries the clinic's profile, and the patient's Punctum adopts it to judge check-ins. Any
// text must give a profile or a refusal with a message; a profile that loads must run the
// rules on a recovery log (expected course, flags, one at a time and at once, the output
// JSON) without a crash, a hang or undefined behaviour, and every flag must cite a source
// the profile defines.
#include "punctum/core/norms/norms_profile.h"
#include "punctum/core/recovery/assess_input.h"
#include "punctum/core/recovery/assessment.h"
#include "punctum/core/recovery/expected_course.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

constexpr std::string_view log_json = R"({
 "session": {"date": "2026-03-03", "depth_mm": 1.5, "areas": ["cheeks"], "add_ons": ["prp"],
             "fitzpatrick": 5},
 "entries": [
  {"day": 0, "erythema": 3, "edema": 2, "pain": 4, "bleeding": 1},
  {"day": 1, "erythema": 3, "edema": 1, "pain": 2, "itching": 2},
  {"day": 3, "erythema": 1, "blisters": true, "scabbing": 2},
  {"day": 4, "erythema": 3, "warmth": true, "bruising": 3},
  {"day": 6, "erythema": 2, "hyperpigmentation": true, "bleeding": 2, "dryness": 3},
  {"day": 9, "erythema": 2, "pus": true, "fever": true},
  {"day": 30, "erythema": 1, "edema": 1}
 ]})";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace core = punctum::core;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto profile = core::parse_norms_profile(text);
    if (!profile) {
        if (profile.error().message.empty()) {
            __builtin_trap();
        }
        return 0;
    }
    const auto input = core::parse_assess_input(log_json, *profile);
    if (!input) {
        return 0; // the log may name an add-on this profile does not define
    }
    const auto expected = core::expected_course(input->facts, *profile);
    const auto flags = core::assess(input->entries, input->facts, *profile);
    core::Assessor incremental(input->facts, *profile);
    for (const auto& e : input->entries) {
        incremental.add(e);
    }
    if (incremental.flags() != flags) {
        __builtin_trap();
    }
    for (const auto& f : flags) {
        if (f.message.empty() || profile->sources.count(f.source_key) == 0) {
            __builtin_trap();
        }
    }
    (void)core::assessment_json(expected, flags, *profile);
    return 0;
}

// libFuzzer: the JSON inside a care plan, which a patient's Punctum reads once the code has
// opened it. Anything that parses must write back (care_plan_json) to JSON that parses to
// the same plan; anything else is refused with a message.
#include "punctum/core/exchange/care_plan.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

namespace core = punctum::core;
namespace ex = punctum::core::exchange;

bool same_areas(const std::vector<core::TreatedArea>& a, const std::vector<core::TreatedArea>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].area != b[i].area || a[i].depth_mm != b[i].depth_mm ||
            a[i].passes != b[i].passes) {
            return false;
        }
    }
    return true;
}

bool same_plan(const ex::CarePlan& a, const ex::CarePlan& b) {
    return a.plan_id == b.plan_id && a.pairing_id == b.pairing_id &&
           a.pairing_secret == b.pairing_secret && a.issued_at == b.issued_at &&
           a.clinic.name == b.clinic.name && a.clinic.box_public == b.clinic.box_public &&
           a.clinic.sign_public == b.clinic.sign_public &&
           a.session.treated_on == b.session.treated_on &&
           same_areas(a.session.areas, b.session.areas) && a.session.add_ons == b.session.add_ons &&
           a.session.fitzpatrick == b.session.fitzpatrick &&
           a.session.practitioner == b.session.practitioner &&
           a.session.aftercare_given == b.session.aftercare_given &&
           a.norms_profile == b.norms_profile && a.aftercare == b.aftercare &&
           a.preparation == b.preparation && a.expected_resolve_by_day == b.expected_resolve_by_day;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto plan = ex::parse_care_plan(text);
    if (!plan) {
        if (plan.error().message.empty() || plan.error().code != ex::ExchangeErrc::malformed) {
            __builtin_trap();
        }
        return 0;
    }
    if (!ex::is_hex(plan->plan_id, 16) || !ex::is_hex(plan->pairing_id, 16) ||
        !ex::is_hex(plan->pairing_secret, 32) || !ex::is_hex(plan->clinic.box_public, 32) ||
        !ex::is_hex(plan->clinic.sign_public, 32) || plan->session.areas.empty()) {
        __builtin_trap();
    }
    const auto json = ex::care_plan_json(*plan);
    const auto again = ex::parse_care_plan(json);
    if (!again || !same_plan(*plan, *again)) {
        __builtin_trap(); // what Punctum writes it must read back the same
    }
    return 0;
}

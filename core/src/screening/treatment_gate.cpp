#include "punctum/core/screening/treatment_gate.h"

#include <algorithm>

namespace punctum::core {

bool absolute_contraindication(const ScreeningResult& result) {
    return std::any_of(result.reasons.begin(), result.reasons.end(),
                       [](const auto& r) { return r.outcome == Outcome::decline && r.absolute; });
}

Result<void, GateError> may_override(const ScreeningResult& result, Role role) {
    const auto verdict = result.verdict;
    if (verdict <= Outcome::caution) {
        return fail(GateErrc::override_refused,
                    "Only a defer, refer or decline verdict needs an override; this one is " +
                        std::string(to_string(verdict)) + ".");
    }
    if (absolute_contraindication(result)) {
        return fail(GateErrc::override_refused,
                    "This screening found an absolute contraindication: no override can clear "
                    "it. Do not treat.");
    }
    if (verdict >= Outcome::refer && role != Role::admin) {
        return fail(GateErrc::override_refused,
                    "A " + std::string(to_string(verdict)) +
                        " verdict can only be overridden by an admin, the clinic's medical "
                        "lead. Ask them to review the screening.");
    }
    if (role != Role::admin && role != Role::practitioner) {
        return fail(GateErrc::override_refused,
                    "Only the practitioner who treats, or an admin, can override a screening.");
    }
    return {};
}

Result<void, GateError> clears(const GateScreening& s, Date treated_on) {
    if (!s.for_this_client) {
        return fail(GateErrc::not_screened,
                    "That screening is of another client. Screen this client and use that "
                    "screening.");
    }
    if (s.screened_on != treated_on) {
        return fail(GateErrc::not_screened, "That screening was for " + format_date(s.screened_on) +
                                                ", not the treatment day " +
                                                format_date(treated_on) +
                                                ". Screen the client on the day of treatment.");
    }
    if (s.already_used) {
        return fail(GateErrc::already_used,
                    "That screening already cleared another session. Screen the client again "
                    "for this one.");
    }
    if (s.result.verdict <= Outcome::caution) {
        return {};
    }
    if (!s.overridden) {
        return fail(GateErrc::needs_override,
                    "The screening's verdict is " + std::string(to_string(s.result.verdict)) +
                        ": the session cannot be recorded unless the verdict is overridden "
                        "with a written justification.");
    }
    if (!s.overridden_by) {
        return fail(GateErrc::override_refused,
                    "The override on that screening names no account; it does not clear the "
                    "treatment. Screen the client again.");
    }
    return may_override(s.result, *s.overridden_by);
}

} // namespace punctum::core

#pragma once
// The screening gate: whether a stored screening clears a treatment, and who may override a
// verdict that does not. Clinical policy, so it lives in core; storage enforces it on every
// session it records, whichever front end asks (app, command line, demo).

#include "punctum/core/date.h"
#include "punctum/core/model/role.h"
#include "punctum/core/result.h"
#include "punctum/core/screening/screening.h"

#include <optional>
#include <string>

namespace punctum::core {

enum class GateErrc {
    not_screened,     ///< no screening given, or not of this client or day
    already_used,     ///< the screening already cleared another session
    needs_override,   ///< defer, refer or decline without a written justification
    override_refused, ///< the override is not allowed for this verdict or role
};
using GateError = Error<GateErrc>;

/// True when a decline rests on an absolute contraindication: no override clears it.
[[nodiscard]] bool absolute_contraindication(const ScreeningResult& result);

/// May an account of `role` override `result`? A defer may be overridden by whoever treats
/// (a practitioner or an admin); a refer or a non-absolute decline only by an admin, the
/// clinic's medical lead; an absolute contraindication by nobody. A proceed or caution
/// needs no override and is refused one.
[[nodiscard]] Result<void, GateError> may_override(const ScreeningResult& result, Role role);

/// What the gate needs to know of a stored screening.
struct GateScreening {
    bool for_this_client = false;
    Date screened_on{};
    bool already_used = false; ///< attached to another session
    ScreeningResult result;
    bool overridden = false;
    std::optional<Role> overridden_by; ///< the role of the account that overrode it
};

/// Does `screening` clear a treatment on `treated_on`? It must be this client's, for that
/// day, not used for another session, and its verdict proceed or caution, or overridden in
/// writing by a role allowed to (checked again here: an override stored by an older build
/// or written around storage does not clear what policy forbids).
[[nodiscard]] Result<void, GateError> clears(const GateScreening& screening, Date treated_on);

} // namespace punctum::core

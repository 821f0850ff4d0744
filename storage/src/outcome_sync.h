#pragma once
// Keeps each session's stored outcome (session_outcomes, core/outcomes/session_outcome.h)
// equal to what its entries and flags say, so cohort statistics read one row per session
// instead of every entry. Derived data, like an index: written inside the transaction of the
// write it follows (an entry, a photo analysis, a re-evaluation, a new session), which is
// the audited one. Internal to storage.

#include "punctum/core/model/ids.h"
#include "punctum/core/recovery/expected_course.h"
#include "vault_context.h"

namespace punctum::storage::detail {

/// Recomputes and stores one session's outcome. `course` is the session's expected course
/// under the profile in force: its redness and swelling resolve-by days are kept beside the
/// figures, for "what the norms expect".
void sync_outcome(Connection& db, core::SessionId session, core::Date treated_on,
                  const core::ExpectedCourse& course);

/// The same, reading the session and the profile in force itself (a new session).
void sync_outcome(VaultContext& ctx, core::SessionId session);

/// Recomputes every session's outcome (after the migration that made the table). Call inside a
/// transaction. Returns the number of sessions.
int recompute_outcomes(VaultContext& ctx);

} // namespace punctum::storage::detail

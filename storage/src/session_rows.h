#pragma once
// A session's indication, course plan and treatment record (migration 5): written with
// the session and read back with it. Internal to storage; SessionStore is the only caller.

#include "punctum/core/model/treatment_session.h"
#include "sqlite/connection.h"

#include <sstream>

namespace punctum::storage::detail {

/// Stores the record fields of the session just inserted as `id`, and appends each one
/// recorded to the audit digest (`|indication:...`); fields not recorded add nothing, so a
/// session without them digests as before. Call inside the session's transaction.
void write_treatment_record(Connection& db, core::SessionId id,
                            const core::TreatmentSession& session, std::ostringstream& change);

/// Reads the record fields of `session` (by its id) into it. Empty and NULL columns are
/// "not recorded"; a key this version does not know reads as not recorded.
void read_treatment_record(Connection& db, core::TreatmentSession& session);

} // namespace punctum::storage::detail

#pragma once
// The screening gate, enforced where every session is written: a session is signed only
// with a stored screening that clears it (core/screening/treatment_gate.h). Internal to
// storage; SessionStore::add calls both inside its transaction.

#include "punctum/core/model/treatment_session.h"
#include "punctum/storage/storage_error.h"

#include <iosfwd>

namespace punctum::storage::detail {

struct VaultContext;

/// Refuses a session that no stored screening clears. A patient's own record in a personal
/// vault is exempt: it records a treatment given and screened at a clinic, which is not in
/// this vault.
[[nodiscard]] StorageResult<void> check_screening_gate(VaultContext& ctx,
                                                       const core::TreatmentSession& session);

/// After the session row is written: links the screening to it, so it clears no other, and
/// signs the session (signed_at, signed_by). The screening's id joins `change`, the session's
/// audit digest, so the link is in the chain with the session it cleared.
void sign_session(VaultContext& ctx, core::SessionId id, const core::TreatmentSession& session,
                  std::ostringstream& change);

} // namespace punctum::storage::detail

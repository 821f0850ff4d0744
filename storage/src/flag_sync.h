#pragma once
// Keeps a session's stored flags equal to what the norms engine raises from its entries.
// Internal to storage; runs inside the transaction that added the entry.

#include "punctum/core/model/ids.h"
#include "punctum/core/model/treatment_session.h"
#include "vault_context.h"

#include <optional>

namespace punctum::storage::detail {

/// What the rules need of a session: its day, the deepest area, the add-ons, the client's
/// skin type.
struct SessionRow {
    core::TreatmentSession session;
    std::optional<int> fitzpatrick;
};
[[nodiscard]] SessionRow load_session(Connection& db, core::SessionId id);

/// Runs core::assess over the session's entries, and core::photo_redness_flags over the
/// latest analysis of each of its photos, with the profile in force, and stores the
/// difference: a flag raised for the first time is inserted open (with an 'open' event),
/// attributed to `entry` (when valid); an open or acknowledged flag the rules no longer raise (a
/// late entry filled a logging gap) is resolved with that reason. Flags already handled by a person
/// are never reopened or changed. Each change is audited. The session's stored outcome
/// follows (outcome_sync.h).
struct FlagSyncResult {
    int raised = 0;   ///< flags inserted
    int resolved = 0; ///< flags settled because the rules no longer raise them
};
FlagSyncResult sync_flags(
    VaultContext& ctx, core::SessionId session, core::EntryId entry,
    std::string_view gone_reason = "No longer raised by the norms once a later entry arrived.");

} // namespace punctum::storage::detail

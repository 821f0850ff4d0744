#pragma once
// A signed checkpoint of the audit chain, so the audit trail need not recompute every event's
// MAC and signature each time it opens (4.5 s at 916k events): the walk resumes after the
// last event a verification reached.
//
// A checkpoint holds where that walk stood (AuditChainState: the event's seq, MAC and
// signature link, the signing keys in force, the accounts that must sign), the vault id, the
// schema version, when and by whom it was verified, and that account's Ed25519 signature over
// all of it. It is a signed cache, not a record:
// - It is not an audit event. Verifying would otherwise append an event every time the trail
//   opens, and the head would move under the reader; nothing a reviewer did is lost, since
//   reading the trail records nothing either.
// - It lives in vault_meta (no migration): inside the encrypted database, so a backup and a
//   restore carry the checkpoints that match their own history; a file beside the vault would
//   pin a history a restore had replaced and cry tampering.
// - One per account ("audit_checkpoint:<id>"), and a reader trusts only their own. The brief
//   was one shared checkpoint trusted from any signer, but the chain's promise
//   (signature_tests.cpp) is that an insider with the raw data key and their own passphrase
//   cannot rewrite another account's events unseen: such an insider could remake the MACs
//   and sign a checkpoint over the rewritten history with their own key. They cannot sign one
//   as the reader. A checkpoint still verifies against its signer's registered keys
//   (account_keys is append-only), so it survives a passphrase change, a recovery (the new
//   key is registered, the old one stays) and the account's removal.
//
// What an incremental walk proves: every event after the checkpoint, as a full walk would;
// that the event at the checkpoint still has the MAC and signature link it had, which any
// rewrite of an earlier event that keeps the chain whole must change (the MAC of each event
// covers the one before, and a remade chain cannot reproduce the checkpoint's without the
// original events); and that no signing key was slipped in before it. It does not re-read the
// earlier events, so a crude edit of an old row that leaves the chain's stored MACs as they
// were is found by a full walk only: `vault check` and `audit verify --full`. The schema
// version pinned in the checkpoint catches the usual way to such an edit (dropping the
// triggers), and any schema change (a migration) makes the next walk full.

#include "audit_chain_state.h"
#include "audit_log.h"
#include "punctum/core/clock.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/progress.h"
#include "punctum/storage/audit_report.h"
#include "sqlite/connection.h"

#include <filesystem>
#include <optional>
#include <string>

namespace punctum::storage {

/// The vault_meta key of `account`'s checkpoint.
[[nodiscard]] std::string audit_checkpoint_key(core::AccountId account);

/// What `reader`'s checkpoint allows.
struct CheckpointRead {
    std::optional<AuditChainState> from; ///< where an incremental walk may start
    std::string verified_at;             ///< when it was verified
    std::string by;                      ///< the name of the account that signed it
    /// Why it cannot be used although there is one (forged, damaged, another schema): the
    /// walk is then full, and the report says why.
    std::string note;
    /// Set when the history before the checkpoint is not the one it pins: tampering.
    std::string tampering;
    std::int64_t seq = 0; ///< the checkpoint's event, when there is one
};

/// Reads and checks `reader`'s checkpoint (no checkpoint: all fields empty).
[[nodiscard]] CheckpointRead read_audit_checkpoint(Connection& db, const std::string& vault_id,
                                                   core::AccountId reader);

/// Writes the log's signer's checkpoint at `at` (INSERT OR REPLACE). Does nothing when the log
/// signs for no account. A failure is not an error of the verification: it is a cache.
void write_audit_checkpoint(Connection& db, const std::string& vault_id, const AuditLog& log,
                            const AuditChainState& at, core::TimePoint now);

/// The audit trail's check: from `reader`'s checkpoint when it holds, else in full; the heads
/// kept outside the database are checked as verify_with_heads does. On success the reader's
/// checkpoint moves to the head. Fills the report's incremental, from_seq, checkpoint_* and
/// seconds.
[[nodiscard]] AuditReport verify_since_checkpoint(const std::filesystem::path& folder,
                                                  const std::string& vault_id, Connection& db,
                                                  AuditLog& log, core::AccountId reader,
                                                  const core::Clock& clock,
                                                  const core::Progress& progress = {});

} // namespace punctum::storage

#pragma once
// The tamper-evident audit chain: every write appends an event whose MAC covers the
// previous event's MAC. Triggers refuse UPDATE and DELETE on audit rows, so changing
// history means forging MACs without the key.
//
// The MAC key, kept in the database, stops nobody who holds the raw data key; so every event
// is also signed with the Ed25519 key of the account that made it (signing.h), and each
// signature covers the one before, so editing, inserting or deleting another account's event
// breaks a signature its author alone could remake. Events from before signing existed keep
// a NULL signature and are verified by their MAC only (AuditReport::mac_only_events).
//
// The MAC key is derived from the vault's first data key when the vault is created and
// kept inside the encrypted database (vault_meta), so rotating the data key does not
// orphan the history it must still verify.

#include "audit_chain_state.h"
#include "punctum/core/clock.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/progress.h"
#include "punctum/storage/audit_report.h"
#include "punctum/storage/secure_bytes.h"
#include "sqlite/connection.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::storage {

/// The newest event of the chain: its sequence number and MAC.
struct AuditHead {
    std::int64_t seq = 0;
    std::vector<unsigned char> mac;
};

class AuditLog {
public:
    AuditLog(Connection& db, SecureBytes key) : db_(db), key_(std::move(key)) {}

    /// Derives the audit key from a new vault's data key and stores it in vault_meta.
    static void install_key(Connection& db, const SecureBytes& data_key);
    /// Reads the audit key back from vault_meta (throws SqlError if it is missing).
    [[nodiscard]] static SecureBytes load_key(Connection& db);

    /// From now on, events by `account` are signed with `secret_key` (Ed25519).
    void set_signer(core::AccountId account, SecureBytes secret_key);
    /// Records that `subject` signs with `public_key` from this event on: an
    /// account.signing_key event by `actor` (signed by the actor's key, or, when the actor
    /// registers its own key, by that key) and its account_keys row, in the caller's
    /// transaction.
    void register_key(core::TimePoint at, core::AccountId actor, core::AccountId subject,
                      std::span<const unsigned char> public_key);
    /// The signing key the history has in force for `account` (empty when none).
    [[nodiscard]] std::vector<unsigned char> key_in_force(core::AccountId account);

    /// Appends one event inside the caller's transaction. `change` is a canonical text of
    /// what changed; only its digest is stored, so the log itself holds no clinical text.
    void append(core::TimePoint at, core::AccountId account, std::string_view action,
                std::string_view object, std::string_view change);

    /// The newest event (seq 0 when the chain is empty).
    [[nodiscard]] AuditHead head();
    /// Recomputes every MAC in order; names the first event that does not verify. With
    /// `expected`, also checks the chain still reaches the head recorded outside the file.
    /// Progress is in events; a stop asked for throws SqlError(cancelled).
    /// `slot_keys` (account name -> signing key in its key slot) must match the keys the
    /// history has in force: a key file edited to match a forged history is a finding.
    /// With `from`, the walk starts after event `from->seq`, from the state a checkpoint
    /// recorded, and checks only the events after it (the caller has checked that event is
    /// still the one the checkpoint pins); `reached`, when given, receives the state at the
    /// end of a walk that verified.
    [[nodiscard]] AuditReport
    verify(const std::optional<AuditHead>& expected, const core::Progress& progress = {},
           const std::map<std::string, std::vector<unsigned char>>& slot_keys = {},
           const AuditChainState* from = nullptr, AuditChainState* reached = nullptr);
    /// True when the chain holds `head`'s event with `head`'s MAC: the history has reached
    /// that head and goes on from it, rather than having been replaced.
    [[nodiscard]] bool reaches(const AuditHead& head);
    /// The account events are signed for (invalid when none) and its signature of
    /// `message`; nullopt when the log signs for nobody (no signing key yet).
    [[nodiscard]] std::optional<std::vector<unsigned char>>
    sign_as_signer(std::span<const unsigned char> message) const;
    [[nodiscard]] core::AccountId signer() const { return signer_; }
    /// A MAC over a head, so the copy kept outside the database cannot be forged.
    [[nodiscard]] std::vector<unsigned char> tag(const AuditHead& head) const;

private:
    Connection& db_;
    SecureBytes key_;
    core::AccountId signer_;
    SecureBytes signer_key_;
};

} // namespace punctum::storage

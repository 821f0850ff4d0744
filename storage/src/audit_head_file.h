#pragma once
// audit-head.json, beside keys.json: the newest audit event's seq and MAC, tagged with the
// audit key. A chain inside the database cannot see its own truncation, or the whole file
// swapped for an older copy; this copy outside it can.

#include "audit_log.h"
#include "punctum/storage/storage_error.h"

#include <filesystem>
#include <optional>
#include <string>

namespace punctum::storage {

inline constexpr const char* audit_head_file = "audit-head.json";

/// Writes the head atomically.
[[nodiscard]] StorageResult<void> write_audit_head(const std::filesystem::path& folder,
                                                   const AuditLog& log, const AuditHead& head);

/// The second place the head is kept, which the vault folder does not hold: the user's state
/// directory ($XDG_STATE_HOME, else ~/.local/state), punctum/audit-heads/, one file per vault
/// id and folder. Replacing the whole folder with an older copy of itself (its own head
/// included) leaves this one ahead. Keyed by folder too: a backup restored into a second
/// folder is the same vault id, but its history goes its own way from there.
[[nodiscard]] std::filesystem::path state_head_folder(const std::string& vault_id,
                                                      const std::filesystem::path& vault_folder);

/// Writes the head in both places; a failure in the state directory (none, read-only) is not
/// an error of the write, which is safe: the head beside the vault is the one that must land.
/// The state copy only moves forward along the same history: after a rollback, later writes
/// do not erase the evidence. Only a restore (`restored`), a rollback the user asked for,
/// sets it back.
[[nodiscard]] StorageResult<void> write_audit_heads(const std::filesystem::path& folder,
                                                    const std::string& vault_id, AuditLog& log,
                                                    const AuditHead& head, bool restored = false);

/// Verifies the whole chain against the expected head (both places); a finding about the heads
/// themselves fails the report too. The one check `audit verify` and `vault check` share.
/// `from` and `reached` as AuditLog::verify's: an incremental walk from a checkpoint's state.
[[nodiscard]] AuditReport verify_with_heads(const std::filesystem::path& folder,
                                            const std::string& vault_id, AuditLog& log,
                                            const core::Progress& progress = {},
                                            const AuditChainState* from = nullptr,
                                            AuditChainState* reached = nullptr);

/// What the vault's history must reach: the further of the two heads, and a finding when a
/// head that should be there is not (the one beside the vault gone while the state directory
/// or the history itself says there was one), or is damaged.
struct ExpectedHead {
    std::optional<AuditHead> head;  ///< the further head (the state folder's on a tie)
    std::optional<AuditHead> other; ///< the nearer one, which history must reach as well
    std::string finding; ///< empty when both heads read and agree on where history stands
};
[[nodiscard]] ExpectedHead expected_audit_head(const std::filesystem::path& folder,
                                               const std::string& vault_id, const AuditLog& log,
                                               std::int64_t events_in_history);

/// What is wrong with the history against the kept heads, in words; empty when it reaches
/// both (the cheap check made at every open: two indexed reads, no chain walk).
[[nodiscard]] std::string rollback_finding(AuditLog& log, const ExpectedHead& expected);
/// Reads the head; nullopt when there is none yet. A head whose tag does not verify is an
/// error (corrupt): it was edited or belongs to another vault.
[[nodiscard]] StorageResult<std::optional<AuditHead>>
read_audit_head(const std::filesystem::path& folder, const AuditLog& log);
/// The head in the text of an audit-head.json, its tag checked against `log`'s key: what
/// read_audit_head does once the file is read (outside input: fuzzed, tests/fuzz).
[[nodiscard]] StorageResult<AuditHead> parse_audit_head(std::string_view text, const AuditLog& log);

} // namespace punctum::storage

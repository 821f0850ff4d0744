#pragma once
// Who may do what. Storage checks these before every write; QML only hides what is refused.

#include <optional>
#include <string_view>

namespace punctum::core {

/// An account's role. Clinic vaults hold admins, practitioners and reviewers; a personal
/// vault holds one patient.
enum class Role { admin, practitioner, reviewer, patient };

/// Things an account may be allowed to do.
enum class Action {
    read_records,    ///< see clients, sessions, entries, photos
    write_clinical,  ///< add or change clients, sessions, screenings
    log_recovery,    ///< add recovery entries (clinician follow-up or patient check-in)
    annotate,        ///< add review notes, acknowledge flags
    settle_flags,    ///< resolve or dismiss a flag: a clinical judgement
    manage_accounts, ///< add or remove accounts, rotate the data key
    change_settings, ///< auto-lock time, norms profile
    reveal_key,      ///< see the raw data key, export unencrypted (bypasses permissions)
    read_audit,      ///< read the audit trail and verify its chain
    review_sessions, ///< sign a session off as reviewed, or return it with a finding
};

/// True when `role` may perform `action`.
/// An admin of a small clinic is usually also its practitioner, so admins may write records;
/// a reviewer only reads and annotates; a patient keeps their own record in a personal vault
/// (the treatment they had, their check-ins, notes, "I have seen this" on a flag) but does
/// not settle flags, which is the practitioner's judgement.
[[nodiscard]] bool permits(Role role, Action action);

[[nodiscard]] std::string_view to_string(Role role);
[[nodiscard]] std::optional<Role> role_from_string(std::string_view text);

} // namespace punctum::core

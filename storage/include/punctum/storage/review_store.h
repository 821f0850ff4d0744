#pragma once
// What a reviewer audits: each session with its flags, open and closed, and how the
// recovery went against its expected course; sign-off (a session marked reviewed, or returned
// to its practitioner with a finding the practitioner then marks addressed); and the records
// missing something a reviewer expects. Reading needs Action::read_records; signing off needs
// Action::review_sessions, and nobody signs off a session they treated.

#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/outcomes/recovery_outcome.h"
#include "punctum/core/recovery/flag.h"
#include "punctum/storage/storage_error.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

/// A step of a session's review. The latest step is the session's review state.
enum class SignOffState {
    reviewed,  ///< a reviewer checked it, with a comment
    returned,  ///< a reviewer sent it back to its practitioner with a finding
    addressed, ///< its practitioner dealt with the finding; it waits for a reviewer again
};
[[nodiscard]] std::string_view to_string(SignOffState state);
[[nodiscard]] std::optional<SignOffState> sign_off_state_from_string(std::string_view text);

/// The longest comment, finding or reply kept, in characters after trimming.
inline constexpr std::size_t sign_off_note_limit = 2000;

/// One step of a session's review, as written.
struct SignOff {
    std::int64_t id = 0;
    core::SessionId session_id;
    SignOffState state = SignOffState::reviewed;
    std::string note; ///< the comment, the finding, or the practitioner's reply (may be empty)
    std::string by;   ///< the display name of who wrote it
    core::TimePoint at{};
};

/// A session returned to the signed-in practitioner whose finding is not yet addressed: a
/// row of their Needs attention.
struct ReturnedSession {
    core::SessionId session_id;
    core::ClientId client_id;
    std::string client_name;
    core::Date treated_on{};
    std::string finding;
    std::string returned_by;
    core::TimePoint returned_at{};
};

/// Why a session's record is incomplete (see incomplete_records.cpp for each rule).
enum class MissingItem {
    screening,            ///< no screening on record clears it
    consent_answer,       ///< the client never answered whether photos may be kept
    lot_numbers,          ///< the needle cartridge or a product used in the procedure has no lot
    first_week_follow_up, ///< treated a week or more ago, nothing logged on days 1 to 7
    indication,           ///< why it was given was not recorded
};
[[nodiscard]] std::string_view to_string(MissingItem item);

/// A session missing one or more things, newest treatment first.
struct IncompleteRecord {
    core::SessionId session_id;
    core::ClientId client_id;
    std::string client_name;
    core::Date treated_on{};
    std::string practitioner; ///< display name
    std::vector<MissingItem> missing;
};

/// One session as the reviewer's list shows it.
struct SessionReview {
    core::SessionId session_id;
    core::ClientId client_id;
    std::string client_name;
    core::Date treated_on{};
    std::string device;
    int entries = 0;
    std::optional<int> last_day_logged; ///< days after treatment of the newest entry
    int urgent = 0;                     ///< flags raised, by severity, in any state
    int watch = 0;
    int info = 0;
    int open = 0;                                                        ///< open or acknowledged
    int closed = 0;                                                      ///< resolved or dismissed
    core::RecoveryOutcome outcome = core::RecoveryOutcome::no_check_ins; ///< core/outcomes
    std::optional<SignOffState> sign_off; ///< the latest step of its review; none: not yet
    core::AccountId practitioner_id;      ///< who treated it (may not sign it off)
};

/// Which sessions to list. Empty fields match everything.
struct ReviewFilter {
    core::ClientId client;
    std::optional<core::Date> from; ///< treated on or after
    std::optional<core::Date> to;   ///< treated on or before
    bool with_flags_only = false;   ///< only sessions where any flag was raised
    bool open_flags_only = false;   ///< only sessions with a flag still open or acknowledged
};

class ReviewStore {
public:
    explicit ReviewStore(detail::VaultContext& ctx) : ctx_(ctx) {}

    /// Sessions, newest treatment first, one page at a time.
    [[nodiscard]] StorageResult<std::vector<SessionReview>>
    sessions(const ReviewFilter& filter, int limit = 100, int offset = 0);
    [[nodiscard]] StorageResult<std::int64_t> count(const ReviewFilter& filter);
    /// For each of a client's sessions that has an open or acknowledged flag, the most
    /// severe of those: one query for the client page's status chips.
    [[nodiscard]] StorageResult<std::vector<std::pair<core::SessionId, core::Severity>>>
    worst_open_severity(core::ClientId client);

    /// Marks a session reviewed. The comment is required (trimmed, at most
    /// sign_off_note_limit characters). A later sign-off supersedes this one; both stay.
    [[nodiscard]] StorageResult<std::int64_t> sign_off(core::SessionId session,
                                                       std::string_view comment);
    /// Returns a session to its practitioner with a finding (required, as a comment is); it
    /// shows in their Needs attention until they mark it addressed.
    [[nodiscard]] StorageResult<std::int64_t> return_to_practitioner(core::SessionId session,
                                                                     std::string_view finding);
    /// The session's practitioner (or an admin) marks its returned finding addressed, with an
    /// optional reply; the session then waits for a reviewer again.
    [[nodiscard]] StorageResult<std::int64_t> mark_addressed(core::SessionId session,
                                                             std::string_view reply);
    /// The latest step of a session's review; none when nobody has signed it off.
    [[nodiscard]] StorageResult<std::optional<SignOff>> current_sign_off(core::SessionId session);
    /// Every step of a session's review, oldest first.
    [[nodiscard]] StorageResult<std::vector<SignOff>> sign_off_history(core::SessionId session);
    /// Sessions the signed-in account treated that a reviewer returned and they have not yet
    /// addressed, most recently returned first.
    [[nodiscard]] StorageResult<std::vector<ReturnedSession>> returned_to_me();
    /// Sessions whose record misses something, newest treatment first, one page at a time
    /// (limit < 0: all). "A week ago" is counted from the vault's clock.
    [[nodiscard]] StorageResult<std::vector<IncompleteRecord>> incomplete_records(int limit = -1,
                                                                                  int offset = 0);

private:
    StorageResult<std::int64_t> review_step(core::SessionId session, SignOffState state,
                                            std::string_view note);

    detail::VaultContext& ctx_;
};

} // namespace punctum::storage

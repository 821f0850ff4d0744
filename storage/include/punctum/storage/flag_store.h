#pragma once
// Stored flags and their life: open -> acknowledged -> resolved, or dismissed with a reason.
// Flags are raised by the storage itself when a recovery entry is added (the norms engine
// runs in the entry's transaction), never typed in; people only move them along.

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/progress.h"
#include "punctum/core/recovery/flag.h"
#include "punctum/storage/storage_error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

enum class FlagState { open, acknowledged, resolved, dismissed };
[[nodiscard]] std::string_view to_string(FlagState state);
[[nodiscard]] std::optional<FlagState> flag_state_from_string(std::string_view text);

/// A flag as stored, with where it belongs and where it stands.
struct StoredFlag {
    std::int64_t id = 0;
    core::SessionId session_id;
    core::ClientId client_id;
    std::string client_name;
    core::Date treated_on{};
    core::EntryId entry_id; ///< the entry whose arrival raised it
    core::Flag flag;        ///< rule, severity, symptom, day, message, source, profile
    FlagState state = FlagState::open;
    core::TimePoint raised_at{};
    std::optional<core::TimePoint> changed_at;
    std::string changed_by; ///< display name of who last moved it
    std::string reason;     ///< why it was dismissed, or the note it was resolved with
};

/// One step in a flag's life.
struct FlagEvent {
    FlagState state = FlagState::open;
    core::TimePoint at{};
    std::string account; ///< display name
    std::string reason;
};

/// What re-evaluating every session changed.
struct ReassessSummary {
    std::int64_t sessions = 0; ///< sessions evaluated
    std::int64_t raised = 0;   ///< flags raised for the first time
    std::int64_t resolved = 0; ///< open flags the rules no longer raise, resolved with that reason
};

class FlagStore {
public:
    explicit FlagStore(detail::VaultContext& ctx) : ctx_(ctx) {}

    /// A session's flags, by day, then in the order the rules raised them.
    [[nodiscard]] StorageResult<std::vector<StoredFlag>> of_session(core::SessionId id);
    /// Open and acknowledged flags across clients, most urgent first, then open before
    /// acknowledged, then the oldest first: the "needs attention" queue.
    [[nodiscard]] StorageResult<std::vector<StoredFlag>> needing_attention(int limit = 200,
                                                                           int offset = 0);
    [[nodiscard]] StorageResult<std::int64_t> count_needing_attention();
    [[nodiscard]] StorageResult<StoredFlag> get(std::int64_t id);
    [[nodiscard]] StorageResult<std::vector<FlagEvent>> history(std::int64_t id);

    /// Seen, being handled (Action::annotate: anyone who can read it, the patient too).
    [[nodiscard]] StorageResult<void> acknowledge(std::int64_t id);
    /// The problem has settled; `note` optional (Action::settle_flags).
    [[nodiscard]] StorageResult<void> resolve(std::int64_t id, std::string_view note = {});
    /// Not a problem after all; the reason is required (Action::settle_flags).
    [[nodiscard]] StorageResult<void> dismiss(std::int64_t id, std::string_view reason);

    /// Re-runs the norms in force over every session (after a new profile is adopted):
    /// new flags are raised, flags nobody handled that the rules no longer raise are resolved.
    /// Sessions are done in batches, each batch one transaction, so stopping early (progress
    /// returns false; `cancelled`) keeps the batches finished. Progress is in sessions.
    /// Needs Action::settle_flags.
    [[nodiscard]] StorageResult<ReassessSummary> reassess_all(const core::Progress& progress = {});

private:
    [[nodiscard]] StorageResult<void> move(std::int64_t id, FlagState to, std::string_view reason);
    detail::VaultContext& ctx_;
};

} // namespace punctum::storage

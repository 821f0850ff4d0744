#pragma once

#include "punctum/core/model/recovery_entry.h"
#include "punctum/core/model/treatment_session.h"
#include "punctum/storage/photo_store.h"
#include "punctum/storage/storage_error.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

/// One row of a session list: enough to pick a session without loading it.
struct SessionSummary {
    core::SessionId id;
    core::ClientId client;
    std::string client_name;
    core::Date treated_on{};
    std::string practitioner; ///< display name
    int entries = 0;
};

/// Treatment sessions and their recovery entries.
class SessionStore {
public:
    explicit SessionStore(detail::VaultContext& ctx) : ctx_(ctx) {}

    /// Records a session, attributed to the signed-in practitioner (Action::write_clinical).
    [[nodiscard]] StorageResult<core::SessionId> add(core::TreatmentSession session);
    [[nodiscard]] StorageResult<core::TreatmentSession> get(core::SessionId id);
    /// Sessions, newest first: every session, or only `client`'s when it is valid.
    [[nodiscard]] StorageResult<std::vector<SessionSummary>> list(core::ClientId client = {});
    /// A client's sessions, newest first.
    [[nodiscard]] StorageResult<std::vector<core::TreatmentSession>> of_client(core::ClientId id);

    /// Whether add_entry would accept `entry` (who may log, its session, its scores and
    /// ratings, its day), without writing: for a form that saves off the UI thread and must
    /// refuse at once. add_entry makes the same checks.
    [[nodiscard]] StorageResult<void> check_entry(const core::RecoveryEntry& entry);
    /// Adds a recovery entry to its session (Action::log_recovery). In the same transaction
    /// the norms engine re-assesses the session and stores the flags it raises (FlagStore).
    [[nodiscard]] StorageResult<core::EntryId> add_entry(core::RecoveryEntry entry);
    /// The same with the entry's imported photos, written in the entry's own transaction:
    /// the entry and all its photos land, or none of them does.
    [[nodiscard]] StorageResult<core::EntryId> add_entry(core::RecoveryEntry entry,
                                                         const std::vector<NewPhoto>& photos);
    /// A session's entries, oldest day first.
    [[nodiscard]] StorageResult<std::vector<core::RecoveryEntry>> entries(core::SessionId id);

    /// A reviewer's (or practitioner's) note on a session: annotating, which a reviewer may
    /// do, unlike changing the clinical record (Action::annotate).
    [[nodiscard]] StorageResult<std::int64_t> add_review_note(core::SessionId id,
                                                              std::string_view body);
    /// A session's review notes, oldest first: (author's display name, time, text).
    struct ReviewNote {
        std::int64_t id = 0;
        std::string author;
        core::TimePoint at{};
        std::string body;
    };
    [[nodiscard]] StorageResult<std::vector<ReviewNote>> review_notes(core::SessionId id);

private:
    detail::VaultContext& ctx_;
};

} // namespace punctum::storage

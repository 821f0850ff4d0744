#pragma once
// Reading the audit trail: who did what to which record, and when, filtered and a page at a
// time (a busy clinic writes millions of events). The events hold no clinical text, only
// actions and object references; the chain that makes them tamper-evident is verified here
// too. Reading needs Action::read_audit.

#include "punctum/core/clock.h"
#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/progress.h"
#include "punctum/storage/audit_report.h"
#include "punctum/storage/storage_error.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

/// One audit event as a reviewer reads it.
struct AuditEvent {
    std::int64_t seq = 0;
    core::TimePoint at{};
    std::string account;              ///< account name ("" for events of no account)
    std::string account_display_name; ///< as shown
    std::string action;               ///< e.g. "entry.add", "flag.dismiss"
    std::string object;               ///< e.g. "entry:42"
    core::ClientId client_id;         ///< the client the object belongs to; invalid if none
    std::string client_name;          ///< empty when the object belongs to no client
};

/// How much of the chain AuditStore::verify walks.
enum class AuditScope {
    full,             ///< every event from the first: `vault check`, `audit verify --full`
    since_checkpoint, ///< the events after the signed-in account's last verified checkpoint
};

/// Which events to show. Every field left empty matches everything.
struct AuditFilter {
    std::string account; ///< exact account name
    /// An action ("flag.dismiss") or a family of them ("flag" matches every "flag.*").
    std::string action;
    core::ClientId client;          ///< events on the client or any of their records
    std::optional<core::Date> from; ///< first day, inclusive (UTC)
    std::optional<core::Date> to;   ///< last day, inclusive (UTC)
};

class AuditStore {
public:
    explicit AuditStore(detail::VaultContext& ctx) : ctx_(ctx) {}

    /// Matching events, newest first, one page at a time.
    [[nodiscard]] StorageResult<std::vector<AuditEvent>> events(const AuditFilter& filter,
                                                                int limit = 100, int offset = 0);
    [[nodiscard]] StorageResult<std::int64_t> count(const AuditFilter& filter);
    /// Recomputes every event's MAC, in order, and checks the chain still reaches the head
    /// kept beside the vault: the banner at the top of the audit trail. Progress is in
    /// events; stopping early is `cancelled`.
    /// `since_checkpoint` walks only the events after the signed-in account's signed
    /// checkpoint (audit_checkpoint.h), falling back to a full walk when there is none or it
    /// does not hold, and moves the checkpoint to the head when the chain verifies. A full
    /// walk writes nothing.
    [[nodiscard]] StorageResult<AuditReport> verify(const core::Progress& progress = {},
                                                    AuditScope scope = AuditScope::full);

    /// Records that the signed-in account produced a PDF report ("report.pdf"): `object` is
    /// what it covers ("session:12", "cohort"), `detail` its kind and options. Storage
    /// records it, not the report code, so the chain stays storage's alone. Needs
    /// Action::read_records, as reading what the report shows does.
    [[nodiscard]] StorageResult<void> record_report(std::string_view object,
                                                    std::string_view detail);

    /// Every action storage records, for the filter's choices.
    [[nodiscard]] static std::span<const std::string_view> known_actions();

private:
    detail::VaultContext& ctx_;
};

} // namespace punctum::storage

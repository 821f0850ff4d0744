#pragma once
// What a reviewer audits: each session with its flags, open and closed, and how the
// recovery went against its expected course. Later, cohort statistics read from here too.
// Reading needs Action::read_records.

#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/outcomes/recovery_outcome.h"
#include "punctum/core/recovery/flag.h"
#include "punctum/storage/storage_error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

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

private:
    detail::VaultContext& ctx_;
};

} // namespace punctum::storage

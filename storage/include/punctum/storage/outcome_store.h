#pragma once
// Recovery outcomes across a clinic (issue 14): each session's stored outcome, and cohort
// statistics over them by practitioner, device, depth band, add-on, indication or skin type
// in a date range. Reads the one row per session storage keeps up to date as entries land
// (never every entry). Reading needs Action::read_records.

#include "punctum/core/date.h"
#include "punctum/core/model/ids.h"
#include "punctum/core/outcomes/proportion.h"
#include "punctum/core/outcomes/session_outcome.h"
#include "punctum/core/outcomes/survival.h"
#include "punctum/storage/storage_error.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace punctum::storage {

namespace detail {
struct VaultContext;
}

/// What the sessions of a cohort are grouped by.
enum class CohortBy { all, practitioner, device, depth, addon, indication, fitzpatrick };
/// "all", "practitioner", "device", "depth", "addon", "indication", "fitzpatrick".
[[nodiscard]] std::string_view to_string(CohortBy by);
[[nodiscard]] std::optional<CohortBy> cohort_by_from_string(std::string_view name);

struct CohortQuery {
    CohortBy by = CohortBy::all;
    std::optional<core::Date> from; ///< treated on or after
    std::optional<core::Date> to;   ///< treated on or before
};

/// Below this many sessions a group is marked small: shown, never hidden, but its intervals
/// are wide and its median may be absent.
inline constexpr int small_group_sessions = 10;

/// Days to resolution of one symptom over a group: the Kaplan-Meier curve over the sessions
/// that scored it (resolved, or censored at their last score), and what the norms expect.
struct ResolutionStats {
    core::SurvivalCurve curve;
    int sessions = 0; ///< sessions that scored the symptom at least once
    int censored = 0;
    /// The norms profile's resolve-by day for these sessions: the median over the group's
    /// sessions (they may differ by depth and add-ons), with its lowest and highest.
    std::optional<int> expected_by_median;
    std::optional<int> expected_by_min;
    std::optional<int> expected_by_max;
    /// Resolved on or before their own expected day, of those resolved or followed past it.
    int resolved_in_time = 0;
};

struct CohortGroup {
    std::string key; ///< the practitioner's name, "1.5-3.0 mm", "prp", "IV", ... ("all")
    int sessions = 0;
    bool small = false;
    ResolutionStats erythema;
    ResolutionStats edema;
    /// Sessions where a watch or urgent flag was ever raised, with a 95% Wilson interval.
    int flagged = 0;
    std::optional<core::ProportionInterval> flagged_rate;
    int urgent = 0; ///< of which with an urgent flag
    /// Mean distinct days logged in days 1-7, over sessions treated at least 7 days ago.
    std::optional<double> first_week_days_logged;
};

struct CohortReport {
    CohortQuery query;
    std::vector<CohortGroup> groups; ///< by key; a session with several add-ons is in each
};

class OutcomeStore {
public:
    explicit OutcomeStore(detail::VaultContext& ctx) : ctx_(ctx) {}

    /// The stored outcome of one session; not_found when there is no such session.
    [[nodiscard]] StorageResult<core::SessionOutcome> of_session(core::SessionId session);
    /// Cohort statistics over the stored outcomes.
    [[nodiscard]] StorageResult<CohortReport> cohort(const CohortQuery& query);
    /// Recomputes every session's stored outcome from its entries and flags (after a norms
    /// change, or to check the stored ones); audited. Needs Action::settle_flags, like a
    /// re-evaluation. Returns the number of sessions.
    [[nodiscard]] StorageResult<int> recompute_all();

private:
    detail::VaultContext& ctx_;
};

} // namespace punctum::storage

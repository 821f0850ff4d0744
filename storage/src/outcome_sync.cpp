#include "outcome_sync.h"

#include "flag_sync.h"
#include "norms_in_force.h"
#include "punctum/core/outcomes/session_outcome.h"

#include <vector>

namespace punctum::storage::detail {

namespace {

std::optional<int> resolve_by(const core::ExpectedCourse& course, core::Symptom symptom) {
    const auto* expected = course.find(symptom);
    return expected != nullptr ? std::optional<int>(expected->resolve_by_day) : std::nullopt;
}

void bind_resolution(Statement& st, int at, const std::optional<core::Resolution>& r) {
    if (r) {
        st.bind(at, r->day).bind(at + 1, r->resolved ? 1 : 0);
    } else {
        st.bind_null(at);
        st.bind_null(at + 1);
    }
}

} // namespace

void sync_outcome(Connection& db, core::SessionId session, core::Date treated_on,
                  const core::ExpectedCourse& course) {
    Statement entries(db, "SELECT observed_on, erythema, edema, gais_practitioner, gais_patient "
                          "FROM recovery_entries WHERE session_id = ? ORDER BY observed_on, id");
    entries.bind(1, session.value);
    std::vector<core::RecoveryEntry> read;
    while (entries.step()) {
        core::RecoveryEntry e;
        e.observed_on = core::parse_date(entries.text(0)).value_or(treated_on);
        e.set(core::Symptom::erythema, entries.optional_int(1));
        e.set(core::Symptom::edema, entries.optional_int(2));
        e.gais_practitioner = entries.optional_int(3);
        e.gais_patient = entries.optional_int(4);
        read.push_back(std::move(e));
    }
    // Every flag ever raised, whatever its state now: a dismissed flag still says where the
    // course went.
    Statement flags(db, "SELECT severity FROM flags WHERE session_id = ?");
    flags.bind(1, session.value);
    std::vector<core::Severity> raised;
    while (flags.step()) {
        if (auto severity = core::severity_from_string(flags.text(0))) {
            raised.push_back(*severity);
        }
    }
    const auto out = core::session_outcome(treated_on, read, raised);

    Statement st(db, "INSERT OR REPLACE INTO session_outcomes (session_id, entries, "
                     "last_logged_day, erythema_day, erythema_resolved, edema_day, "
                     "edema_resolved, first_week_days_logged, info_flags, watch_flags, "
                     "urgent_flags, worst_severity, outcome, gais_practitioner, gais_patient, "
                     "erythema_expected_by, edema_expected_by) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, session.value).bind(2, out.entries).bind(3, out.last_logged_day);
    bind_resolution(st, 4, out.erythema);
    bind_resolution(st, 6, out.edema);
    st.bind(8, out.first_week_days_logged)
        .bind(9, out.info_flags)
        .bind(10, out.watch_flags)
        .bind(11, out.urgent_flags);
    if (out.worst) {
        st.bind(12, core::to_string(*out.worst));
    } else {
        st.bind_null(12);
    }
    st.bind(13, core::to_string(out.outcome))
        .bind(14, out.gais_practitioner)
        .bind(15, out.gais_patient)
        .bind(16, resolve_by(course, core::Symptom::erythema))
        .bind(17, resolve_by(course, core::Symptom::edema))
        .run();
}

void sync_outcome(VaultContext& ctx, core::SessionId session) {
    const auto norms = norms_in_force(ctx);
    const auto row = load_session(*ctx.db, session);
    sync_outcome(
        *ctx.db, session, row.session.treated_on,
        core::expected_course(core::session_facts(row.session, row.fitzpatrick), *norms.profile));
}

int recompute_outcomes(VaultContext& ctx) {
    std::vector<core::SessionId> sessions;
    Statement all(*ctx.db, "SELECT id FROM sessions ORDER BY id");
    while (all.step()) {
        sessions.push_back(core::SessionId{all.int64(0)});
    }
    for (const auto id : sessions) {
        sync_outcome(ctx, id);
    }
    return static_cast<int>(sessions.size());
}

} // namespace punctum::storage::detail

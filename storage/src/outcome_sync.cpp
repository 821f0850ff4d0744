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

constexpr std::string_view insert_outcome =
    "INSERT OR REPLACE INTO session_outcomes (session_id, entries, last_logged_day, "
    "erythema_day, erythema_resolved, edema_day, edema_resolved, first_week_days_logged, "
    "info_flags, watch_flags, urgent_flags, worst_severity, outcome, gais_practitioner, "
    "gais_patient, erythema_expected_by, edema_expected_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// What an outcome reads of an entry: its day, redness, swelling and GAIS, from columns
// `first`.. of `st` (observed_on, erythema, edema, gais_practitioner, gais_patient).
core::RecoveryEntry outcome_entry(const Statement& st, int first, core::Date treated_on) {
    core::RecoveryEntry e;
    e.observed_on = core::parse_date(st.text(first)).value_or(treated_on);
    e.set(core::Symptom::erythema, st.optional_int(first + 1));
    e.set(core::Symptom::edema, st.optional_int(first + 2));
    e.gais_practitioner = st.optional_int(first + 3);
    e.gais_patient = st.optional_int(first + 4);
    return e;
}

void store_outcome(Statement& st, core::SessionId session, const core::SessionOutcome& out,
                   const core::ExpectedCourse& course) {
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

} // namespace

void sync_outcome(Connection& db, core::SessionId session, core::Date treated_on,
                  const core::ExpectedCourse& course) {
    Statement entries(db, "SELECT observed_on, erythema, edema, gais_practitioner, gais_patient "
                          "FROM recovery_entries WHERE session_id = ? ORDER BY observed_on, id");
    entries.bind(1, session.value);
    std::vector<core::RecoveryEntry> read;
    while (entries.step()) {
        read.push_back(outcome_entry(entries, 0, treated_on));
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
    Statement st(db, insert_outcome);
    store_outcome(st, session, core::session_outcome(treated_on, read, raised), course);
}

void sync_outcome(VaultContext& ctx, core::SessionId session) {
    const auto norms = norms_in_force(ctx);
    const auto row = load_session(*ctx.db, session);
    sync_outcome(
        *ctx.db, session, row.session.treated_on,
        core::expected_course(core::session_facts(row.session, row.fitzpatrick), *norms.profile));
}

// Every session in one pass: five queries in session id order, merged here, instead of five
// per session (100k sessions: seconds, not minutes).
int recompute_outcomes(VaultContext& ctx) {
    auto& db = *ctx.db;
    const auto norms = norms_in_force(ctx);
    Statement sessions(db, "SELECT s.id, s.treated_on, c.fitzpatrick FROM sessions s "
                           "JOIN clients c ON c.id = s.client_id ORDER BY s.id");
    Statement areas(db, "SELECT session_id, area, depth_mm, passes FROM session_areas "
                        "ORDER BY session_id, position");
    Statement add_ons(db, "SELECT session_id, addon FROM session_addons ORDER BY session_id");
    Statement entries(db,
                      "SELECT session_id, observed_on, erythema, edema, gais_practitioner, "
                      "gais_patient FROM recovery_entries ORDER BY session_id, observed_on, id");
    Statement flags(db, "SELECT session_id, severity FROM flags ORDER BY session_id");
    Statement store(db, insert_outcome);
    // Each cursor is on its next row (or done); `of(cursor, id)` says whether that row is
    // session `id`'s. Rows of a session that no longer exists cannot be: foreign keys.
    bool area_row = areas.step();
    bool add_on_row = add_ons.step();
    bool entry_row = entries.step();
    bool flag_row = flags.step();
    const auto of = [](bool row, const Statement& st, std::int64_t id) {
        return row && st.int64(0) == id;
    };
    int count = 0;
    while (sessions.step()) {
        const std::int64_t id = sessions.int64(0);
        SessionRow row;
        row.session.treated_on = core::parse_date(sessions.text(1)).value_or(core::Date{});
        row.fitzpatrick = sessions.optional_int(2);
        for (; of(area_row, areas, id); area_row = areas.step()) {
            row.session.areas.push_back({areas.text(1), areas.real(2), areas.integer(3)});
        }
        for (; of(add_on_row, add_ons, id); add_on_row = add_ons.step()) {
            if (auto kind = core::add_on_from_string(add_ons.text(1))) {
                row.session.add_ons.push_back({*kind, ""});
            }
        }
        std::vector<core::RecoveryEntry> read;
        for (; of(entry_row, entries, id); entry_row = entries.step()) {
            read.push_back(outcome_entry(entries, 1, row.session.treated_on));
        }
        std::vector<core::Severity> raised;
        for (; of(flag_row, flags, id); flag_row = flags.step()) {
            if (auto severity = core::severity_from_string(flags.text(1))) {
                raised.push_back(*severity);
            }
        }
        const auto course = core::expected_course(core::session_facts(row.session, row.fitzpatrick),
                                                  *norms.profile);
        store_outcome(store, core::SessionId{id},
                      core::session_outcome(row.session.treated_on, read, raised), course);
        ++count;
    }
    return count;
}

} // namespace punctum::storage::detail

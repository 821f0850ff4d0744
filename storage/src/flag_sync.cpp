#include "flag_sync.h"

#include "norms_in_force.h"
#include "outcome_sync.h"
#include "punctum/core/recovery/assessment.h"
#include "punctum/core/recovery/expected_course.h"
#include "punctum/core/recovery/photo_trend.h"

#include <map>
#include <tuple>

namespace punctum::storage::detail {

namespace {

using FlagKey = std::tuple<std::string, std::string, int>; // rule, symptom, day

std::vector<core::DayEntry> load_entries(Connection& db, core::SessionId id,
                                         core::Date treated_on) {
    std::string sql = "SELECT observed_on";
    for (const auto& scale : core::all_scales()) {
        sql += ", ";
        sql += scale.key;
    }
    sql += " FROM recovery_entries WHERE session_id = ? ORDER BY observed_on, id";
    Statement st(db, sql);
    st.bind(1, id.value);
    std::vector<core::DayEntry> out;
    while (st.step()) {
        core::RecoveryEntry e;
        e.observed_on = core::parse_date(st.text(0)).value_or(core::Date{});
        for (int i = 0; i < core::symptom_count; ++i) {
            e.scores.at(static_cast<std::size_t>(i)) = st.optional_int(1 + i);
        }
        out.push_back(core::day_entry(e, treated_on));
    }
    return out;
}

// The latest analysis of each photo of the session, by the photo's day after treatment.
std::vector<core::PhotoRedness> load_photo_redness(Connection& db, core::SessionId id,
                                                   core::Date treated_on) {
    Statement st(db, "SELECT p.taken_on, n.delta_a_star, n.calibrated FROM photos p "
                     "JOIN photo_analyses n ON n.id = (SELECT max(id) FROM photo_analyses "
                     "WHERE photo_id = p.id) WHERE p.session_id = ? ORDER BY p.taken_on, p.id");
    st.bind(1, id.value);
    std::vector<core::PhotoRedness> out;
    while (st.step()) {
        const auto taken = core::parse_date(st.text(0)).value_or(treated_on);
        out.push_back({core::days_between(treated_on, taken), st.real(1), st.integer(2) == 1});
    }
    return out;
}

} // namespace

SessionRow load_session(Connection& db, core::SessionId id) {
    SessionRow row;
    Statement st(db, "SELECT s.treated_on, c.fitzpatrick FROM sessions s "
                     "JOIN clients c ON c.id = s.client_id WHERE s.id = ?");
    st.bind(1, id.value);
    if (st.step()) {
        row.session.treated_on = core::parse_date(st.text(0)).value_or(core::Date{});
        row.fitzpatrick = st.optional_int(1);
    }
    Statement areas(db, "SELECT area, depth_mm, passes FROM session_areas WHERE session_id = ?");
    areas.bind(1, id.value);
    while (areas.step()) {
        row.session.areas.push_back({areas.text(0), areas.real(1), areas.integer(2)});
    }
    Statement add_ons(db, "SELECT addon FROM session_addons WHERE session_id = ?");
    add_ons.bind(1, id.value);
    while (add_ons.step()) {
        if (auto kind = core::add_on_from_string(add_ons.text(0))) {
            row.session.add_ons.push_back({*kind, ""});
        }
    }
    return row;
}

FlagSyncResult sync_flags(VaultContext& ctx, core::SessionId session, core::EntryId entry,
                          std::string_view gone_reason) {
    auto& db = *ctx.db;
    const auto norms = norms_in_force(ctx);
    const auto row = load_session(db, session);
    const auto entries = load_entries(db, session, row.session.treated_on);
    auto raised =
        core::assess(entries, core::session_facts(row.session, row.fitzpatrick), *norms.profile);
    for (auto& f : core::photo_redness_flags(
             load_photo_redness(db, session, row.session.treated_on), *norms.profile)) {
        raised.push_back(std::move(f));
    }

    std::map<FlagKey, std::pair<std::int64_t, std::string>> stored; // -> id, state
    Statement existing(db, "SELECT id, rule_id, symptom, day, state FROM flags "
                           "WHERE session_id = ?");
    existing.bind(1, session.value);
    while (existing.step()) {
        stored[{existing.text(1), existing.text(2), existing.integer(3)}] = {existing.int64(0),
                                                                             existing.text(4)};
    }

    const auto now = core::format_timestamp(ctx.clock.now());
    Statement insert(db, "INSERT INTO flags (session_id, entry_id, rule_id, severity, symptom, "
                         "day, message, source, norms_profile_id, state, raised_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)");
    Statement event(db, "INSERT INTO flag_events (flag_id, state, at, account_id, reason) "
                        "VALUES (?, ?, ?, ?, ?)");
    FlagSyncResult result;
    std::map<FlagKey, bool> still_raised;
    for (const auto& f : raised) {
        const FlagKey key{f.rule_id, f.symptom, f.day};
        still_raised[key] = true;
        if (stored.contains(key)) {
            continue;
        }
        insert.bind(1, session.value);
        if (entry.valid()) {
            insert.bind(2, entry.value);
        } else {
            insert.bind_null(2); // raised by a photo analysis or a re-evaluation
        }
        insert.bind(3, f.rule_id)
            .bind(4, core::to_string(f.severity))
            .bind(5, f.symptom)
            .bind(6, f.day)
            .bind(7, f.message)
            .bind(8, f.source)
            .bind(9, norms.row)
            .bind(10, now)
            .run();
        const auto id = db.last_insert_id();
        event.bind(1, id).bind(2, "open").bind(3, now).bind(4, ctx.account.id.value).bind(5, "");
        event.run();
        ctx.record("flag.raise", "flag:" + std::to_string(id),
                   std::to_string(session.value) + "|" + f.rule_id + "|" + f.symptom + "|" +
                       std::to_string(f.day) + "|" + std::string(core::to_string(f.severity)));
        ++result.raised;
    }

    // A flag the rules no longer raise, not yet handled by anyone: settle it, saying why.
    const std::string reason(gone_reason);
    Statement settle(db, "UPDATE flags SET state = 'resolved', state_changed_at = ?, "
                         "state_changed_by = ?, reason = ? WHERE id = ?");
    for (const auto& [key, value] : stored) {
        const auto& [id, state] = value;
        if (still_raised.contains(key) || (state != "open" && state != "acknowledged")) {
            continue;
        }
        settle.bind(1, now).bind(2, ctx.account.id.value).bind(3, reason).bind(4, id).run();
        event.bind(1, id)
            .bind(2, "resolved")
            .bind(3, now)
            .bind(4, ctx.account.id.value)
            .bind(5, reason);
        event.run();
        ctx.record("flag.resolved", "flag:" + std::to_string(id), "resolved|" + reason);
        ++result.resolved;
    }
    sync_outcome(
        db, session, row.session.treated_on,
        core::expected_course(core::session_facts(row.session, row.fitzpatrick), *norms.profile));
    return result;
}

} // namespace punctum::storage::detail

#include "punctum/storage/outcome_store.h"

#include "guard.h"
#include "outcome_sync.h"
#include "punctum/core/model/client.h"
#include "punctum/storage/norms_store.h"
#include "vault_context.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <utility>

namespace punctum::storage {

namespace {

constexpr std::array<std::pair<CohortBy, std::string_view>, 7> by_names{{
    {CohortBy::all, "all"},
    {CohortBy::practitioner, "practitioner"},
    {CohortBy::device, "device"},
    {CohortBy::depth, "depth"},
    {CohortBy::addon, "addon"},
    {CohortBy::indication, "indication"},
    {CohortBy::fitzpatrick, "fitzpatrick"},
}};

// One session's grouping key and stored outcome, as the cohort query reads them: column 1
// whether its first week is over (as of ?3), column 2 the key of the grouping asked for.
// Only that key's join or subquery is in the query: at 100k sessions a max(depth) subquery
// or a join nobody groups by costs more than the rest of the report (issue 14 benchmark).
std::string cohort_rows(CohortBy by) {
    std::string key = "NULL";
    std::string joins;
    switch (by) {
    case CohortBy::practitioner:
        key = "a.display_name";
        joins = " JOIN accounts a ON a.id = s.practitioner_id";
        break;
    case CohortBy::device:
        key = "s.device";
        break;
    case CohortBy::depth:
        key = "(SELECT max(depth_mm) FROM session_areas WHERE session_id = s.id)";
        break;
    case CohortBy::indication:
        key = "s.indication";
        break;
    case CohortBy::fitzpatrick:
        key = "c.fitzpatrick";
        joins = " JOIN clients c ON c.id = s.client_id";
        break;
    case CohortBy::all:
    case CohortBy::addon:
        break;
    }
    return "SELECT s.id, s.treated_on <= ?3, " + key +
           ", o.erythema_day, o.erythema_resolved, o.edema_day, o.edema_resolved, "
           "o.first_week_days_logged, o.watch_flags, o.urgent_flags, o.erythema_expected_by, "
           "o.edema_expected_by FROM sessions s" +
           joins +
           " LEFT JOIN session_outcomes o ON o.session_id = s.id "
           "WHERE (?1 IS NULL OR s.treated_on >= ?1) AND (?2 IS NULL OR s.treated_on <= ?2) "
           "ORDER BY s.id";
}

struct Symptom {
    std::optional<core::Resolution> resolution;
    std::optional<int> expected_by;
};

struct Row {
    bool week_over = false; ///< treated at least a week ago: its first week counts
    Symptom erythema;
    Symptom edema;
    int first_week = 0;
    bool flagged = false;
    bool urgent = false;
};

std::optional<core::Resolution> resolution_at(Statement& st, int at) {
    if (auto day = st.optional_int(at)) {
        return core::Resolution{st.integer(at + 1) == 1, *day};
    }
    return std::nullopt;
}

std::string mm(double depth) {
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.1f", depth);
    return text.data();
}

// "0.0-0.5 mm", "0.5-1.5 mm", ... by the profile's redness bands; deeper than the deepest:
// "over 3.0 mm". A session with no area recorded: "not recorded".
std::string depth_band(std::optional<double> depth, const core::NormsProfile& profile) {
    if (!depth) {
        return "not recorded";
    }
    double lower = 0;
    for (const auto& band : profile.recovery.redness_bands) {
        if (*depth <= band.max_depth_mm) {
            return mm(lower) + "-" + mm(band.max_depth_mm) + " mm";
        }
        lower = band.max_depth_mm;
    }
    return "over " + mm(lower) + " mm";
}

std::string roman(int type) {
    static constexpr std::array<std::string_view, 7> numerals{"",   "I", "II", "III",
                                                              "IV", "V", "VI"};
    return type >= 1 && type <= 6 ? std::string(numerals.at(static_cast<std::size_t>(type)))
                                  : "not recorded";
}

ResolutionStats resolution_stats(const std::vector<const Row*>& rows, Symptom Row::*symptom) {
    ResolutionStats out;
    std::vector<core::SurvivalObservation> observations;
    std::vector<int> expected;
    for (const Row* row : rows) {
        const Symptom& s = row->*symptom;
        if (s.expected_by) {
            expected.push_back(*s.expected_by);
        }
        if (!s.resolution) {
            continue;
        }
        observations.push_back({s.resolution->day, s.resolution->resolved});
        if (s.expected_by && s.resolution->resolved && s.resolution->day <= *s.expected_by) {
            ++out.resolved_in_time;
        }
    }
    out.sessions = static_cast<int>(observations.size());
    out.curve = core::kaplan_meier(observations);
    out.censored = out.curve.censored;
    if (!expected.empty()) {
        std::sort(expected.begin(), expected.end());
        out.expected_by_min = expected.front();
        out.expected_by_max = expected.back();
        out.expected_by_median = expected.at(expected.size() / 2);
    }
    return out;
}

} // namespace

std::string_view to_string(CohortBy by) {
    for (const auto& [value, name] : by_names) {
        if (value == by) {
            return name;
        }
    }
    return "all";
}

std::optional<CohortBy> cohort_by_from_string(std::string_view name) {
    for (const auto& [value, text] : by_names) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

StorageResult<core::SessionOutcome> OutcomeStore::of_session(core::SessionId session) {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<core::SessionOutcome> {
        Statement st(*ctx_.db,
                     "SELECT o.entries, o.last_logged_day, o.erythema_day, o.erythema_resolved, "
                     "o.edema_day, o.edema_resolved, o.first_week_days_logged, o.info_flags, "
                     "o.watch_flags, o.urgent_flags, o.worst_severity, o.outcome, "
                     "o.gais_practitioner, o.gais_patient, o.session_id IS NOT NULL "
                     "FROM sessions s LEFT JOIN session_outcomes o ON o.session_id = s.id "
                     "WHERE s.id = ?");
        st.bind(1, session.value);
        if (!st.step()) {
            return fail(StorageErrc::not_found, "That session is not in this vault.");
        }
        core::SessionOutcome out;
        if (st.integer(14) == 0) {
            return out; // made before stored outcomes and not yet computed
        }
        out.entries = st.integer(0);
        out.last_logged_day = st.optional_int(1);
        out.erythema = resolution_at(st, 2);
        out.edema = resolution_at(st, 4);
        out.first_week_days_logged = st.integer(6);
        out.info_flags = st.integer(7);
        out.watch_flags = st.integer(8);
        out.urgent_flags = st.integer(9);
        if (auto worst = st.optional_text(10)) {
            out.worst = core::severity_from_string(*worst);
        }
        out.outcome = core::recovery_outcome_from_string(st.text(11))
                          .value_or(core::RecoveryOutcome::no_check_ins);
        out.gais_practitioner = st.optional_int(12);
        out.gais_patient = st.optional_int(13);
        return out;
    });
}

StorageResult<CohortReport> OutcomeStore::cohort(const CohortQuery& query) {
    if (auto allowed = ctx_.require(core::Action::read_records); !allowed) {
        return allowed.failure();
    }
    core::NormsProfile profile;
    if (query.by == CohortBy::depth) {
        auto active = NormsStore(ctx_).active();
        if (!active) {
            return active.failure();
        }
        profile = std::move(active.value());
    }
    return guard([&]() -> StorageResult<CohortReport> {
        auto& db = *ctx_.db;
        std::multimap<std::int64_t, std::string> add_ons;
        if (query.by == CohortBy::addon) {
            Statement st(db, "SELECT session_id, addon FROM session_addons");
            while (st.step()) {
                add_ons.emplace(st.int64(0), st.text(1));
            }
        }
        const auto today = core::date_of(ctx_.clock.now());
        Statement st(db, cohort_rows(query.by));
        if (query.from) {
            st.bind(1, core::format_date(*query.from));
        }
        if (query.to) {
            st.bind(2, core::format_date(*query.to));
        }
        st.bind(3, core::format_date(core::Date{std::chrono::sys_days(today) -
                                                std::chrono::days{core::first_week_days}}));
        // Rows, and each group's rows by index (pointers once `rows` has stopped growing).
        std::vector<Row> rows;
        std::map<std::string, std::vector<std::size_t>, std::less<>> members_of;
        const auto join = [&](std::string_view key) {
            auto it = members_of.find(key);
            if (it == members_of.end()) {
                it = members_of.emplace(std::string(key), std::vector<std::size_t>{}).first;
            }
            it->second.push_back(rows.size());
        };
        while (st.step()) {
            switch (query.by) {
            case CohortBy::all:
                join("all");
                break;
            case CohortBy::practitioner:
                join(st.text(2));
                break;
            case CohortBy::device:
            case CohortBy::indication:
                join(st.is_null(2) || st.text(2).empty() ? "not recorded" : st.text(2));
                break;
            case CohortBy::depth:
                join(depth_band(st.is_null(2) ? std::nullopt : std::optional<double>(st.real(2)),
                                profile));
                break;
            case CohortBy::fitzpatrick:
                join(roman(st.optional_int(2).value_or(0)));
                break;
            case CohortBy::addon: {
                const auto [first, last] = add_ons.equal_range(st.int64(0));
                for (auto it = first; it != last; ++it) {
                    join(it->second);
                }
                if (first == last) {
                    join("none");
                }
                break;
            }
            }
            Row row;
            row.week_over = st.integer(1) == 1;
            row.erythema = {resolution_at(st, 3), st.optional_int(10)};
            row.edema = {resolution_at(st, 5), st.optional_int(11)};
            row.first_week = st.integer(7);
            row.flagged = st.integer(8) + st.integer(9) > 0;
            row.urgent = st.integer(9) > 0;
            rows.push_back(row);
        }

        std::map<std::string, std::vector<const Row*>> groups;
        for (const auto& [key, indices] : members_of) {
            auto& members = groups[key];
            members.reserve(indices.size());
            for (const auto i : indices) {
                members.push_back(&rows[i]);
            }
        }
        CohortReport report;
        report.query = query;
        for (const auto& [key, members] : groups) {
            CohortGroup g;
            g.key = key;
            g.sessions = static_cast<int>(members.size());
            g.small = g.sessions < small_group_sessions;
            g.erythema = resolution_stats(members, &Row::erythema);
            g.edema = resolution_stats(members, &Row::edema);
            int week_sessions = 0;
            int week_days = 0;
            for (const Row* row : members) {
                g.flagged += row->flagged ? 1 : 0;
                g.urgent += row->urgent ? 1 : 0;
                if (row->week_over) {
                    ++week_sessions;
                    week_days += row->first_week;
                }
            }
            g.flagged_rate = core::wilson_interval(g.flagged, g.sessions);
            if (week_sessions > 0) {
                g.first_week_days_logged = static_cast<double>(week_days) / week_sessions;
            }
            report.groups.push_back(std::move(g));
        }
        return report;
    });
}

StorageResult<int> OutcomeStore::recompute_all() {
    if (auto allowed = ctx_.require(core::Action::settle_flags); !allowed) {
        return allowed.failure();
    }
    return guard([&]() -> StorageResult<int> {
        Transaction tx(*ctx_.db);
        const int sessions = detail::recompute_outcomes(ctx_);
        ctx_.record("outcomes.recompute", "vault", std::to_string(sessions) + " sessions");
        tx.commit();
        ctx_.committed();
        return sessions;
    });
}

} // namespace punctum::storage

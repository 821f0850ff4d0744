// Stored outcomes and cohort statistics (issue 14 items 1 and 2): each session's outcome is
// kept up to date as entries land, survives reopening, and the cohort report groups them
// with Kaplan-Meier medians and Wilson intervals recomputed here from what was logged.

#include "punctum/core/outcomes/proportion.h"
#include "punctum/core/outcomes/survival.h"
#include "vault_fixture.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

namespace core = punctum::core;
namespace storage = punctum::storage;
using core::Symptom;
using punctum::test::VaultFixture;

namespace {

const core::Date treated_on{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};

core::SessionId treat(VaultFixture& f, const std::string& name, double depth_mm = 1.5) {
    auto client = f.vault->clients().add(punctum::test::make_client(name));
    REQUIRE(client.ok());
    auto s = punctum::test::make_session(*client, treated_on);
    s.areas.front().depth_mm = depth_mm;
    auto session = punctum::test::add_session(*f.vault, s);
    REQUIRE(session.ok());
    return *session;
}

void log(VaultFixture& f, core::SessionId session, int on_day, std::optional<int> erythema,
         std::optional<int> edema = std::nullopt) {
    core::RecoveryEntry e;
    e.session_id = session;
    e.observed_on = core::Date{std::chrono::sys_days(treated_on) + std::chrono::days{on_day}};
    f.live_on(e.observed_on);
    e.set(Symptom::erythema, erythema);
    e.set(Symptom::edema, edema);
    if (!erythema && !edema) {
        e.set(Symptom::pain, 0);
    }
    auto id = f.vault->sessions().add_entry(e);
    INFO((id ? std::string("added") : id.error().message));
    REQUIRE(id.ok());
}

core::SessionOutcome outcome(VaultFixture& f, core::SessionId session) {
    auto out = f.vault->outcomes().of_session(session);
    INFO((out ? std::string("read") : out.error().message));
    REQUIRE(out.ok());
    return out.value();
}

storage::CohortReport cohort(VaultFixture& f, storage::CohortBy by) {
    auto report = f.vault->outcomes().cohort({by, std::nullopt, std::nullopt});
    INFO((report ? std::string("read") : report.error().message));
    REQUIRE(report.ok());
    return report.value();
}

} // namespace

TEST_CASE("storage: a session's outcome follows each entry as it lands, and is kept",
          "[storage][outcomes]") {
    VaultFixture f;
    const auto s = treat(f, "Ada Quinn");
    auto o = outcome(f, s); // a new session: nothing logged, nothing resolved
    CHECK(o.entries == 0);
    CHECK_FALSE(o.erythema.has_value());
    CHECK(o.outcome == core::RecoveryOutcome::no_check_ins);

    log(f, s, 1, 3, 2);
    o = outcome(f, s);
    CHECK(o.entries == 1);
    REQUIRE(o.erythema);
    CHECK_FALSE(o.erythema->resolved); // still above 1: censored at its last day
    CHECK(o.erythema->day == 1);

    log(f, s, 3, 1, 0);
    log(f, s, 4, std::nullopt, 0); // swelling only: redness's last score stays day 3's
    o = outcome(f, s);
    REQUIRE(o.erythema);
    CHECK(o.erythema->resolved);
    CHECK(o.erythema->day == 3);
    REQUIRE(o.edema);
    CHECK(o.edema->resolved);
    CHECK(o.edema->day == 3);
    CHECK(o.first_week_days_logged == 3);
    CHECK(o.last_logged_day == 4);
    CHECK(o.outcome == core::RecoveryOutcome::within_course);

    f.reopen();
    const auto again = outcome(f, s);
    CHECK(again.erythema->day == 3);
    CHECK(again.entries == 3);

    // A late, still-red entry after the expected course reopens it and raises a flag.
    log(f, s, 9, 2);
    o = outcome(f, s);
    CHECK_FALSE(o.erythema->resolved);
    CHECK(o.erythema->day == 9);
    CHECK(o.watch_flags + o.urgent_flags >= 1);
    CHECK(o.outcome != core::RecoveryOutcome::within_course);
}

TEST_CASE("storage: the cohort report's medians, intervals and flag rates agree with the "
          "entries logged",
          "[storage][outcomes]") {
    VaultFixture f;
    // Redness per session: settled on day d, or still red (censored) on the last day.
    struct Course {
        double depth;
        int day;
        bool settles;
    };
    const std::vector<Course> courses{
        {0.5, 2, true},  {0.5, 3, true}, {0.5, 2, true}, {1.5, 4, true}, {1.5, 5, true},
        {1.5, 3, false}, {1.5, 6, true}, {1.5, 4, true}, {2.5, 6, true}, {2.5, 9, false},
        {2.5, 7, true},  {2.5, 8, true}, {1.5, 5, true}, {0.5, 1, true}};
    std::vector<core::SessionId> ids;
    for (std::size_t i = 0; i < courses.size(); ++i) {
        ids.push_back(treat(f, "Client " + std::to_string(i), courses[i].depth));
    }
    // Logged day by day so the clock only moves forward across sessions.
    for (int day = 0; day <= 9; ++day) {
        for (std::size_t i = 0; i < courses.size(); ++i) {
            const auto& c = courses[i];
            if (day == 0) {
                log(f, ids[i], 0, 3);
            } else if (day == c.day) {
                log(f, ids[i], day, c.settles ? 1 : 2);
            }
        }
    }

    std::vector<core::SurvivalObservation> all;
    int flagged = 0;
    for (std::size_t i = 0; i < courses.size(); ++i) {
        all.push_back({courses[i].day, courses[i].settles});
        auto flags = f.vault->flags().of_session(ids[i]);
        REQUIRE(flags.ok());
        flagged +=
            std::any_of(flags->begin(), flags->end(),
                        [](const auto& fl) { return fl.flag.severity != core::Severity::info; })
                ? 1
                : 0;
    }
    const auto expected = core::kaplan_meier(all);

    const auto report = cohort(f, storage::CohortBy::all);
    REQUIRE(report.groups.size() == 1);
    const auto& g = report.groups.front();
    CHECK(g.key == "all");
    CHECK(g.sessions == 14);
    CHECK_FALSE(g.small);
    CHECK(g.erythema.sessions == 14);
    CHECK(g.erythema.censored == 2);
    CHECK(g.erythema.curve.median.value == expected.median.value);
    CHECK(g.erythema.curve.median.lower == expected.median.lower);
    CHECK(g.erythema.curve.median.upper == expected.median.upper);
    REQUIRE(g.erythema.curve.median.value);
    CHECK(*g.erythema.curve.median.value == 5.0); // worked by hand: S(4) = 0.556, S(5) = 0.397
    CHECK(g.flagged == flagged);
    CHECK(flagged > 0); // day 9's redness after a deep session is beyond its course
    REQUIRE(g.flagged_rate);
    const auto wilson = core::wilson_interval(flagged, 14);
    CHECK(g.flagged_rate->lower == Approx(wilson->lower));
    CHECK(g.flagged_rate->upper == Approx(wilson->upper));
    // What the norms expect sits beside it: the profile's resolve-by days for these depths.
    REQUIRE(g.erythema.expected_by_min);
    REQUIRE(g.erythema.expected_by_max);
    CHECK(*g.erythema.expected_by_min < *g.erythema.expected_by_max);

    // By depth band: three groups, each small (under 10 sessions) and still shown.
    const auto by_depth = cohort(f, storage::CohortBy::depth);
    REQUIRE(by_depth.groups.size() == 3);
    int total = 0;
    for (const auto& group : by_depth.groups) {
        CHECK(group.small);
        CHECK(group.key.find(" mm") != std::string::npos);
        total += group.sessions;
    }
    CHECK(total == 14);
    // The deepest band's median from its own sessions.
    std::vector<core::SurvivalObservation> deep;
    for (const auto& c : courses) {
        if (c.depth > 1.5) {
            deep.push_back({c.day, c.settles});
        }
    }
    const auto deep_group = std::find_if(by_depth.groups.begin(), by_depth.groups.end(),
                                         [](const auto& g2) { return g2.key == "1.5-3.0 mm"; });
    REQUIRE(deep_group != by_depth.groups.end());
    CHECK(deep_group->sessions == 4);
    CHECK(deep_group->erythema.curve.median.value == core::kaplan_meier(deep).median.value);

    // Grouped by practitioner: all by the one admin here.
    const auto by_practitioner = cohort(f, storage::CohortBy::practitioner);
    REQUIRE(by_practitioner.groups.size() == 1);
    CHECK(by_practitioner.groups.front().key == "Test account");

    // Recomputing every outcome in one pass stores what the entries stored one by one.
    std::vector<core::SessionOutcome> kept;
    for (const auto id : ids) {
        kept.push_back(outcome(f, id));
    }
    REQUIRE(f.vault->outcomes().recompute_all().ok());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        INFO("session " << i);
        const auto again = outcome(f, ids[i]);
        CHECK(again.entries == kept[i].entries);
        CHECK(again.last_logged_day == kept[i].last_logged_day);
        REQUIRE(again.erythema.has_value() == kept[i].erythema.has_value());
        CHECK(again.erythema->day == kept[i].erythema->day);
        CHECK(again.erythema->resolved == kept[i].erythema->resolved);
        CHECK(again.watch_flags == kept[i].watch_flags);
        CHECK(again.urgent_flags == kept[i].urgent_flags);
        CHECK(again.info_flags == kept[i].info_flags);
        CHECK(again.first_week_days_logged == kept[i].first_week_days_logged);
        CHECK(again.outcome == kept[i].outcome);
    }
    const auto recomputed = cohort(f, storage::CohortBy::depth);
    REQUIRE(recomputed.groups.size() == by_depth.groups.size());
    for (std::size_t i = 0; i < recomputed.groups.size(); ++i) {
        CHECK(recomputed.groups[i].erythema.expected_by_median ==
              by_depth.groups[i].erythema.expected_by_median);
        CHECK(recomputed.groups[i].erythema.curve.median.value ==
              by_depth.groups[i].erythema.curve.median.value);
    }

    // A date range that holds no treatment gives no groups.
    auto none = f.vault->outcomes().cohort(
        {storage::CohortBy::all,
         core::Date{std::chrono::year{2027}, std::chrono::month{1}, std::chrono::day{1}},
         std::nullopt});
    REQUIRE(none.ok());
    CHECK(none->groups.empty());
}

TEST_CASE("storage: recomputing every outcome is audited and gives the same figures, and a "
          "reviewer may read the cohort but not recompute",
          "[storage][outcomes]") {
    VaultFixture f;
    const auto s = treat(f, "Bo Reyes");
    log(f, s, 1, 2);
    log(f, s, 2, 0);
    const auto before = outcome(f, s);
    auto n = f.vault->outcomes().recompute_all();
    REQUIRE(n.ok());
    CHECK(*n == 1);
    const auto after = outcome(f, s);
    CHECK(after.erythema->day == before.erythema->day);
    CHECK(after.erythema->resolved);
    storage::AuditFilter filter;
    filter.action = "outcomes.recompute";
    auto events = f.vault->audit().events(filter, 10, 0);
    REQUIRE(events.ok());
    CHECK(events->size() == 1);

    punctum::test::sign_in_as_new(f, "rev", core::Role::reviewer);
    CHECK(f.vault->outcomes().cohort({}).ok());
    auto refused = f.vault->outcomes().recompute_all();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == storage::StorageErrc::forbidden);
}

// core/outcomes: one session's outcome figures (issue 14 item 1), as a reviewer reads them:
// days to resolution of redness and swelling (first day at or below 1 that stays there
// through the last entry; censored at the last scored day when still above 1), the flags,
// the first week's logging and GAIS at the last follow-up.

#include "punctum/core/outcomes/session_outcome.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <vector>

using namespace punctum::core;

namespace {

const Date treated{std::chrono::year{2026}, std::chrono::November, std::chrono::day{2}};

Date day_after(int days) {
    return Date{std::chrono::sys_days{treated} + std::chrono::days{days}};
}

RecoveryEntry entry(int day, std::optional<int> erythema, std::optional<int> edema = {}) {
    RecoveryEntry e;
    e.observed_on = day_after(day);
    e.set(Symptom::erythema, erythema);
    e.set(Symptom::edema, edema);
    return e;
}

} // namespace

TEST_CASE("core: redness settles on the first day at or below 1 that lasts", "[core][outcomes]") {
    // 3, 2, 1, 2, 1, 0: the dip on day 2 did not last; settled from day 4.
    const std::vector<RecoveryEntry> entries{entry(0, 3), entry(1, 2), entry(2, 1),
                                             entry(3, 2), entry(4, 1), entry(6, 0)};
    const auto r = resolution_of(Symptom::erythema, treated, entries);
    REQUIRE(r);
    CHECK(r->resolved);
    CHECK(r->day == 4);
}

TEST_CASE("core: redness still above 1 at the last entry is censored there", "[core][outcomes]") {
    const std::vector<RecoveryEntry> entries{entry(0, 3), entry(2, 1), entry(5, 2)};
    const auto r = resolution_of(Symptom::erythema, treated, entries);
    REQUIRE(r);
    CHECK_FALSE(r->resolved);
    CHECK(r->day == 5);
}

TEST_CASE("core: resolution ignores entries that did not score the symptom", "[core][outcomes]") {
    // Day 7 scored swelling only: redness was last scored (0) on day 3, settled from day 1.
    const std::vector<RecoveryEntry> entries{entry(0, 2), entry(1, 1), entry(3, 0),
                                             entry(7, std::nullopt, 2)};
    const auto redness = resolution_of(Symptom::erythema, treated, entries);
    REQUIRE(redness);
    CHECK(redness->resolved);
    CHECK(redness->day == 1);
    const auto swelling = resolution_of(Symptom::edema, treated, entries);
    REQUIRE(swelling);
    CHECK_FALSE(swelling->resolved);
    CHECK(swelling->day == 7);
    CHECK_FALSE(resolution_of(Symptom::bruising, treated, entries).has_value());
}

TEST_CASE("core: two entries on one day settle it only if both are at or below 1",
          "[core][outcomes]") {
    // In either order: the patient said 1, the clinician saw 3 on day 2; day 4 says 0.
    for (const bool clinician_first : {false, true}) {
        std::vector<RecoveryEntry> entries{entry(0, 3), entry(2, 1), entry(2, 3), entry(4, 0)};
        if (clinician_first) {
            std::swap(entries[1], entries[2]);
        }
        const auto r = resolution_of(Symptom::erythema, treated, entries);
        REQUIRE(r);
        CHECK(r->resolved);
        CHECK(r->day == 4);
    }
}

TEST_CASE("core: a session's outcome counts flags, first-week logging and the last GAIS",
          "[core][outcomes]") {
    std::vector<RecoveryEntry> entries{entry(0, 3, 2), entry(1, 2, 1), entry(1, 2, 1),
                                       entry(3, 1, 0), entry(8, 0, 0), entry(30, 0, 0)};
    entries[3].gais_patient = 3;
    entries[4].gais_practitioner = 2;
    entries[5].gais_practitioner = 1; // the last follow-up's rating counts
    const std::vector<Severity> flags{Severity::info, Severity::watch, Severity::info};
    const auto out = session_outcome(treated, entries, flags);
    CHECK(out.entries == 6);
    CHECK(out.last_logged_day == 30);
    CHECK(out.first_week_days_logged == 2); // days 1 and 3; day 0 and day 8 are outside
    CHECK(out.info_flags == 2);
    CHECK(out.watch_flags == 1);
    CHECK(out.urgent_flags == 0);
    CHECK(out.worst == Severity::watch);
    CHECK(out.outcome == RecoveryOutcome::beyond_course);
    CHECK(out.gais_practitioner == 1);
    CHECK(out.gais_patient == 3);
    REQUIRE(out.erythema);
    CHECK(out.erythema->resolved);
    CHECK(out.erythema->day == 3);
    REQUIRE(out.edema);
    CHECK(out.edema->resolved);
    CHECK(out.edema->day == 1);
}

TEST_CASE("core: a session with nothing logged has no resolution and no last day",
          "[core][outcomes]") {
    const std::vector<Severity> flags{Severity::urgent};
    const auto out = session_outcome(treated, {}, flags);
    CHECK(out.entries == 0);
    CHECK_FALSE(out.last_logged_day.has_value());
    CHECK_FALSE(out.erythema.has_value());
    CHECK_FALSE(out.edema.has_value());
    CHECK(out.first_week_days_logged == 0);
    CHECK(out.worst == Severity::urgent);
    CHECK(out.outcome == RecoveryOutcome::urgent); // raised at treatment time
    CHECK_FALSE(session_outcome(treated, {}, {}).worst.has_value());
}

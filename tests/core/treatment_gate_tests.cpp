// The screening gate's policy: which verdicts clear a treatment, who may override which
// verdict, and that an absolute contraindication clears nothing. Storage enforces it
// (tests/storage/screening_gate_tests.cpp); these are the rules themselves, case by case.

#include "punctum/core/model/observed_day.h"
#include "punctum/core/screening/treatment_gate.h"

#include <catch2/catch.hpp>

using namespace punctum::core;

namespace {

Date d(const char* text) {
    return *parse_date(text);
}

ScreeningResult verdict(Outcome outcome, bool absolute = false) {
    ScreeningResult r;
    r.verdict = outcome;
    if (outcome != Outcome::proceed) {
        ScreeningReason reason;
        reason.item = "item";
        reason.outcome = outcome;
        reason.absolute = absolute;
        r.reasons.push_back(reason);
    }
    return r;
}

GateScreening stored(Outcome outcome, bool overridden = false,
                     std::optional<Role> by = std::nullopt, bool absolute = false) {
    GateScreening g;
    g.for_this_client = true;
    g.screened_on = d("2026-03-03");
    g.result = verdict(outcome, absolute);
    g.overridden = overridden;
    g.overridden_by = by;
    return g;
}

} // namespace

TEST_CASE("core: who may override which verdict", "[core][screening][gate]") {
    struct Case {
        Outcome outcome;
        bool absolute;
        Role role;
        bool allowed;
    };
    const auto c = GENERATE(values<Case>({
        // A verdict that already clears needs no override.
        {Outcome::proceed, false, Role::admin, false},
        {Outcome::caution, false, Role::practitioner, false},
        // A defer: whoever treats.
        {Outcome::defer, false, Role::practitioner, true},
        {Outcome::defer, false, Role::admin, true},
        {Outcome::defer, false, Role::reviewer, false},
        {Outcome::defer, false, Role::patient, false},
        // A refer or a decline: the medical lead only.
        {Outcome::refer, false, Role::practitioner, false},
        {Outcome::refer, false, Role::admin, true},
        {Outcome::decline, false, Role::practitioner, false},
        {Outcome::decline, false, Role::admin, true},
        // An absolute contraindication: nobody.
        {Outcome::decline, true, Role::admin, false},
        {Outcome::decline, true, Role::practitioner, false},
    }));
    CAPTURE(to_string(c.outcome), c.absolute, to_string(c.role));
    const auto r = may_override(verdict(c.outcome, c.absolute), c.role);
    CHECK(r.ok() == c.allowed);
    if (!r.ok()) {
        CHECK_FALSE(r.error().message.empty());
    }
}

TEST_CASE("core: an absolute reason that is not a decline does not make the result absolute",
          "[core][screening][gate]") {
    auto r = verdict(Outcome::decline);
    ScreeningReason odd;
    odd.outcome = Outcome::caution;
    odd.absolute = true;
    r.reasons.push_back(odd);
    CHECK_FALSE(absolute_contraindication(r));
    r.reasons.front().absolute = true;
    CHECK(absolute_contraindication(r));
}

TEST_CASE("core: a screening clears only its client, its day, once", "[core][screening][gate]") {
    const auto day = d("2026-03-03");
    CHECK(clears(stored(Outcome::proceed), day).ok());
    CHECK(clears(stored(Outcome::caution), day).ok());

    auto other_client = stored(Outcome::proceed);
    other_client.for_this_client = false;
    CHECK(clears(other_client, day).error().code == GateErrc::not_screened);

    // The day before and the day after are both refused: screening is for the day itself.
    CHECK(clears(stored(Outcome::proceed), d("2026-03-02")).error().code == GateErrc::not_screened);
    CHECK(clears(stored(Outcome::proceed), d("2026-03-04")).error().code == GateErrc::not_screened);

    auto used = stored(Outcome::proceed);
    used.already_used = true;
    CHECK(clears(used, day).error().code == GateErrc::already_used);
}

TEST_CASE("core: a verdict that does not clear needs a valid override", "[core][screening][gate]") {
    const auto day = d("2026-03-03");
    CHECK(clears(stored(Outcome::defer), day).error().code == GateErrc::needs_override);
    CHECK(clears(stored(Outcome::refer), day).error().code == GateErrc::needs_override);
    CHECK(clears(stored(Outcome::defer, true, Role::practitioner), day).ok());
    CHECK(clears(stored(Outcome::refer, true, Role::admin), day).ok());
    // An override stored by a role that may not make it (an older build, or written around
    // storage) does not clear the treatment.
    CHECK(clears(stored(Outcome::refer, true, Role::practitioner), day).error().code ==
          GateErrc::override_refused);
    CHECK(clears(stored(Outcome::decline, true, Role::admin, true), day).error().code ==
          GateErrc::override_refused);
    CHECK(clears(stored(Outcome::defer, true, std::nullopt), day).error().code ==
          GateErrc::override_refused);
}

TEST_CASE("core: an entry's day may be today anywhere on Earth, never later",
          "[core][model][dates]") {
    // 2026-03-03 10:00 UTC: it is already 2026-03-04 at UTC+14 (00:00 there), not yet 03-05.
    const TimePoint now = std::chrono::sys_days{d("2026-03-03")} + std::chrono::hours{10};
    CHECK(latest_today(now) == d("2026-03-04"));
    CHECK(not_in_future(d("2026-03-03"), now).ok());
    CHECK(not_in_future(d("2026-03-04"), now).ok());
    const auto refused = not_in_future(d("2026-03-05"), now);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ModelErrc::bad_date);
    CHECK_THAT(refused.error().message, Catch::Contains("has not happened yet"));
    // At 09:59 UTC it is still 2026-03-03 at UTC+14 (23:59): the 4th is in the future.
    CHECK_FALSE(not_in_future(d("2026-03-04"), now - std::chrono::minutes{1}).ok());
}

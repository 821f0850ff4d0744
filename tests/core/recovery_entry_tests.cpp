// validate(RecoveryEntry): every scale just inside and just outside, the day, and the rule
// that a score not reported is unknown, never 0.

#include "punctum/core/model/recovery_entry.h"
#include "support/catch_printers.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>

using namespace std::chrono;
namespace core = punctum::core;
using core::ModelErrc;
using core::Symptom;

namespace {

const core::Date treated_on{year{2026}, month{3}, day{3}};

core::RecoveryEntry entry_on(core::Date d) {
    core::RecoveryEntry e;
    e.session_id = core::SessionId{1};
    e.observed_on = d;
    return e;
}

core::RecoveryEntry entry_day_after() {
    return entry_on(core::Date{sys_days{treated_on} + days{1}});
}

// The published maxima, written out here rather than read from the scale table, so that a
// changed table shows up as a failure (norms.md "Grading scales").
struct Expected {
    Symptom symptom;
    int max;
};
constexpr Expected expected_max[] = {
    {Symptom::erythema, 4},
    {Symptom::edema, 4},
    {Symptom::pain, 10},
    {Symptom::itching, 3},
    {Symptom::bruising, 3},
    {Symptom::scabbing, 3},
    {Symptom::dryness, 3},
    {Symptom::bleeding, 3},
    {Symptom::warmth, 1},
    {Symptom::pus, 1},
    {Symptom::fever, 1},
    {Symptom::blisters, 1},
    {Symptom::hyperpigmentation, 1},
};

} // namespace

TEST_CASE("core: the expected scale table covers every symptom", "[core][model]") {
    CHECK(std::size(expected_max) == static_cast<std::size_t>(core::symptom_count));
}

TEST_CASE("core: each recovery score is accepted at 0 and its maximum", "[core][model]") {
    for (const auto& [symptom, max] : expected_max) {
        for (const int value : {0, max}) {
            auto e = entry_day_after();
            e.set(symptom, value);
            INFO(core::scale_of(symptom).key << " = " << value);
            CHECK(core::validate(e, treated_on).ok());
        }
    }
}

TEST_CASE("core: each recovery score is refused one past its maximum and below 0",
          "[core][model]") {
    for (const auto& [symptom, max] : expected_max) {
        for (const int value : {max + 1, -1, -100}) {
            auto e = entry_day_after();
            e.set(Symptom::pain, 2); // something valid beside it
            e.set(symptom, value);
            INFO(core::scale_of(symptom).key << " = " << value);
            const auto r = core::validate(e, treated_on);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == ModelErrc::out_of_range);
            CHECK_THAT(r.error().message, Catch::Contains(std::to_string(max)));
        }
    }
}

TEST_CASE("core: the scale ends named in norms.md", "[core][model]") {
    const std::pair<Symptom, std::pair<int, int>> cases[] = {
        {Symptom::erythema, {4, 5}}, {Symptom::pain, {10, 11}}, {Symptom::bleeding, {3, 4}},
        {Symptom::warmth, {1, 2}},   {Symptom::pus, {1, 2}},
    };
    for (const auto& [symptom, in_out] : cases) {
        INFO(core::scale_of(symptom).key);
        auto e = entry_day_after();
        e.set(symptom, in_out.first);
        CHECK(core::validate(e, treated_on).ok());
        e.set(symptom, in_out.second);
        CHECK_FALSE(core::validate(e, treated_on).ok());
        e.set(symptom, -1);
        CHECK_FALSE(core::validate(e, treated_on).ok());
    }
}

TEST_CASE("core: a recovery entry cannot be dated before its treatment", "[core][model]") {
    auto e = entry_on(core::Date{sys_days{treated_on} - days{1}});
    e.set(Symptom::erythema, 2);
    const auto r = core::validate(e, treated_on);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ModelErrc::bad_date);
    CHECK_THAT(r.error().message, Catch::Contains("2026-03-03"));

    e.observed_on = treated_on; // the day of treatment itself is day 0
    CHECK(core::validate(e, treated_on).ok());
}

TEST_CASE("core: a recovery entry on an impossible date is refused", "[core][model]") {
    auto e = entry_on(core::Date{year{2026}, month{4}, day{31}});
    e.set(Symptom::erythema, 1);
    const auto r = core::validate(e, treated_on);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ModelErrc::bad_date);
}

TEST_CASE("core: an entry that records nothing is refused", "[core][model]") {
    auto e = entry_day_after();
    REQUIRE(e.empty());
    const auto r = core::validate(e, treated_on);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ModelErrc::missing_field);
}

TEST_CASE("core: a note alone or a single 0 is something recorded", "[core][model]") {
    SECTION("a note") {
        auto e = entry_day_after();
        e.note = "Feels tight.";
        CHECK_FALSE(e.empty());
        CHECK(core::validate(e, treated_on).ok());
    }
    SECTION("a score of 0 is a report, not nothing") {
        auto e = entry_day_after();
        e.set(Symptom::bleeding, 0);
        CHECK_FALSE(e.empty());
        CHECK(core::validate(e, treated_on).ok());
    }
}

TEST_CASE("core: a score not reported stays unknown", "[core][model]") {
    auto e = entry_day_after();
    for (const auto& scale : core::all_scales()) {
        INFO(scale.key);
        CHECK_FALSE(e.score(scale.symptom).has_value());
    }
    e.set(Symptom::erythema, 0);
    e.set(Symptom::pain, 7);
    CHECK(e.score(Symptom::erythema) == std::optional<int>{0});
    CHECK(e.score(Symptom::pain) == std::optional<int>{7});
    for (const auto& scale : core::all_scales()) {
        if (scale.symptom != Symptom::erythema && scale.symptom != Symptom::pain) {
            INFO(scale.key);
            CHECK(e.score(scale.symptom) == std::nullopt);
        }
    }
    e.set(Symptom::pain, std::nullopt);
    CHECK(e.score(Symptom::pain) == std::nullopt);
}

TEST_CASE("core: reporters have stable names", "[core][model]") {
    CHECK(core::to_string(core::Reporter::patient) == "patient");
    CHECK(core::to_string(core::Reporter::clinician) == "clinician");
}

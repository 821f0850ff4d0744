// core/outcomes: how a recovery went, as the reviewer's list and outcome statistics read it.

#include "punctum/core/outcomes/recovery_outcome.h"

#include <catch2/catch.hpp>

using punctum::core::classify_outcome;
using punctum::core::RecoveryOutcome;

TEST_CASE("core: the worst flag raised decides a recovery's outcome", "[core][outcomes]") {
    CHECK(classify_outcome({0, 0, 0}) == RecoveryOutcome::no_check_ins);
    CHECK(classify_outcome({3, 0, 0}) == RecoveryOutcome::within_course);
    CHECK(classify_outcome({3, 0, 1}) == RecoveryOutcome::beyond_course);
    CHECK(classify_outcome({3, 1, 4}) == RecoveryOutcome::urgent);
    // A flag raised at treatment time, before any check-in, still says where it went.
    CHECK(classify_outcome({0, 0, 1}) == RecoveryOutcome::beyond_course);
    CHECK(classify_outcome({0, 1, 0}) == RecoveryOutcome::urgent);
}

TEST_CASE("core: outcome names round-trip and map to care-card levels", "[core][outcomes]") {
    for (const auto o : {RecoveryOutcome::no_check_ins, RecoveryOutcome::within_course,
                         RecoveryOutcome::beyond_course, RecoveryOutcome::urgent}) {
        CHECK(punctum::core::recovery_outcome_from_string(punctum::core::to_string(o)) == o);
    }
    CHECK_FALSE(punctum::core::recovery_outcome_from_string("fine").has_value());
    CHECK(punctum::core::outcome_level(RecoveryOutcome::urgent) == "urgent");
    CHECK(punctum::core::outcome_level(RecoveryOutcome::beyond_course) == "watch");
    CHECK(punctum::core::outcome_level(RecoveryOutcome::within_course) == "ok");
    CHECK(punctum::core::outcome_level(RecoveryOutcome::no_check_ins) == "none");
}

// validate(TreatmentSession): areas, needle depth and passes.

#include "punctum/core/model/treatment_session.h"
#include "support/catch_printers.h"

#include <catch2/catch.hpp>

#include <limits>

using namespace std::chrono;
namespace core = punctum::core;
using core::ModelErrc;

namespace {

core::TreatmentSession valid_session() {
    core::TreatmentSession s;
    s.client_id = core::ClientId{1};
    s.treated_on = core::Date{year{2026}, month{3}, day{3}};
    s.device = "SkinPen Precision";
    s.areas.push_back({"cheeks", 1.5, 3});
    return s;
}

ModelErrc refused_with(const core::TreatmentSession& s) {
    const auto r = core::validate(s);
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(r.error().message.empty());
    return r.error().code;
}

} // namespace

TEST_CASE("core: a session with one area in range is valid", "[core][model]") {
    CHECK(core::validate(valid_session()).ok());
}

TEST_CASE("core: a session needs at least one treated area", "[core][model]") {
    auto s = valid_session();
    s.areas.clear();
    CHECK(refused_with(s) == ModelErrc::missing_field);
}

TEST_CASE("core: every treated area needs a name", "[core][model]") {
    auto s = valid_session();
    s.areas.push_back({"", 1.0, 1});
    CHECK(refused_with(s) == ModelErrc::missing_field);
}

TEST_CASE("core: needle depth must be above 0 and at most 3.0 mm", "[core][model]") {
    auto s = valid_session();
    SECTION("just inside the range") {
        const double depth = GENERATE(0.1, 0.25, 2.5, 3.0);
        CAPTURE(depth);
        s.areas.front().depth_mm = depth;
        CHECK(core::validate(s).ok());
    }
    SECTION("0, negative, above 3.0 and not-a-number are refused") {
        const double depth =
            GENERATE(0.0, -0.5, 3.1, 3.0001, 10.0, std::numeric_limits<double>::quiet_NaN(),
                     std::numeric_limits<double>::infinity());
        CAPTURE(depth);
        s.areas.front().depth_mm = depth;
        CHECK(refused_with(s) == ModelErrc::out_of_range);
    }
    SECTION("a bad depth in a later area is found too") {
        s.areas.push_back({"forehead", 3.1, 1});
        CHECK(refused_with(s) == ModelErrc::out_of_range);
    }
}

TEST_CASE("core: passes must be 1 to 20", "[core][model]") {
    auto s = valid_session();
    SECTION("1 and 20 are accepted") {
        s.areas.front().passes = 1;
        CHECK(core::validate(s).ok());
        s.areas.front().passes = 20;
        CHECK(core::validate(s).ok());
    }
    SECTION("0, 21 and negative are refused") {
        const int passes = GENERATE(0, 21, -1);
        CAPTURE(passes);
        s.areas.front().passes = passes;
        CHECK(refused_with(s) == ModelErrc::out_of_range);
    }
}

TEST_CASE("core: a session's date must be a real date", "[core][model]") {
    auto s = valid_session();
    s.treated_on = core::Date{year{2026}, month{2}, day{30}};
    CHECK(refused_with(s) == ModelErrc::bad_date);
}

TEST_CASE("core: max_depth_mm is the deepest area, 0 without areas", "[core][model]") {
    core::TreatmentSession s;
    CHECK(s.max_depth_mm() == 0.0);
    s.areas = {{"forehead", 0.5, 2}, {"cheeks", 2.0, 3}, {"chin", 1.0, 1}};
    CHECK(s.max_depth_mm() == 2.0);
}

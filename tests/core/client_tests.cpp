// validate(Client): what the vault refuses before a client is stored.

#include "punctum/core/model/client.h"
#include "support/catch_printers.h"

#include <catch2/catch.hpp>

using namespace std::chrono;
namespace core = punctum::core;
using core::ModelErrc;

namespace {

core::Client valid_client() {
    core::Client c;
    c.display_name = "Ada Lovelace";
    c.date_of_birth = core::Date{year{1985}, month{4}, day{30}};
    c.fitzpatrick = 3;
    return c;
}

} // namespace

TEST_CASE("core: a client with a name and nothing else is valid", "[core][model]") {
    core::Client c;
    c.display_name = "Ada";
    CHECK(core::validate(c).ok());
    CHECK(core::validate(valid_client()).ok());
}

TEST_CASE("core: a client needs a name", "[core][model]") {
    auto c = valid_client();
    c.display_name = GENERATE(as<std::string>{}, "", " ", "\t", "  \t ");
    CAPTURE(c.display_name);
    const auto r = core::validate(c);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ModelErrc::missing_field);
    CHECK_FALSE(r.error().message.empty());
}

TEST_CASE("core: Fitzpatrick type must be 1 to 6 or unknown", "[core][model]") {
    auto c = valid_client();
    SECTION("1 and 6 are the ends of the scale") {
        c.fitzpatrick = 1;
        CHECK(core::validate(c).ok());
        c.fitzpatrick = 6;
        CHECK(core::validate(c).ok());
    }
    SECTION("unknown is allowed") {
        c.fitzpatrick.reset();
        CHECK(core::validate(c).ok());
    }
    SECTION("0, 7 and negative are refused as out of range") {
        const int type = GENERATE(0, 7, -1, 100);
        CAPTURE(type);
        c.fitzpatrick = type;
        const auto r = core::validate(c);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ModelErrc::out_of_range);
        CHECK_THAT(r.error().message, Catch::Contains("1 and 6"));
    }
}

TEST_CASE("core: a client's date of birth must be a real date", "[core][model]") {
    auto c = valid_client();
    c.date_of_birth = core::Date{year{1990}, month{2}, day{30}};
    const auto r = core::validate(c);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ModelErrc::bad_date);
}

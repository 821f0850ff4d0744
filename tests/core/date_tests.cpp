// Dates and timestamps as ISO 8601 text: what the CLI reads and exports write.

#include "punctum/core/date.h"
#include "support/catch_printers.h"

#include <catch2/catch.hpp>

#include <string>

using namespace std::chrono;
using punctum::core::Date;
using punctum::core::TimePoint;
namespace core = punctum::core;

TEST_CASE("core: parse_date reads the year, month and day", "[core][date]") {
    const auto date = core::parse_date("2026-03-07");
    REQUIRE(date.has_value());
    CHECK(int(date->year()) == 2026);
    CHECK(unsigned(date->month()) == 3U);
    CHECK(unsigned(date->day()) == 7U);
}

TEST_CASE("core: parse_date and format_date round trip", "[core][date]") {
    const std::string text = GENERATE(as<std::string>{}, "2026-03-03", "2024-02-29", "2000-02-29",
                                      "1999-12-31", "2026-01-01", "0001-01-01", "9999-12-31");
    CAPTURE(text);
    const auto date = core::parse_date(text);
    REQUIRE(date.has_value());
    CHECK(core::format_date(*date) == text);
}

TEST_CASE("core: format_date pads month and day to two digits", "[core][date]") {
    CHECK(core::format_date(Date{year{2026}, month{1}, day{5}}) == "2026-01-05");
    CHECK(core::format_date(Date{year{987}, month{12}, day{25}}) == "0987-12-25");
}

TEST_CASE("core: parse_date refuses calendar dates that do not exist", "[core][date]") {
    const std::string text =
        GENERATE(as<std::string>{}, "2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31",
                 "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32");
    CAPTURE(text);
    CHECK_FALSE(core::parse_date(text).has_value());
}

TEST_CASE("core: parse_date refuses text that is not YYYY-MM-DD", "[core][date]") {
    const std::string text =
        GENERATE(as<std::string>{}, "2026-1-1", "2026-01-1", "2026-1-01", "26-01-01", "", "garbage",
                 "2026/01/01", "2026-01-01T", " 2026-01-01", "2026-01-01 ", "+026-01-01",
                 "-026-01-01", "2026-0a-01", "2026--1-01", "20260101", "2026-01-01Z", "yyyy-mm-dd");
    CAPTURE(text);
    CHECK_FALSE(core::parse_date(text).has_value());
}

TEST_CASE("core: parse_date stops at the length it was given", "[core][date]") {
    // An embedded NUL must not end the text early, nor may bytes past the view be read.
    const std::string with_nul("2026-01-0\0", 10);
    CHECK_FALSE(core::parse_date(with_nul).has_value());
    const std::string longer = "2026-01-015";
    CHECK(core::parse_date(std::string_view(longer).substr(0, 10)) ==
          Date{year{2026}, month{1}, day{1}});
}

TEST_CASE("core: timestamps format and parse as UTC ISO 8601", "[core][date]") {
    const TimePoint t = sys_days{year{2026} / 3 / 3} + hours{9} + minutes{30} + seconds{5};
    CHECK(core::format_timestamp(t) == "2026-03-03T09:30:05Z");
    const auto back = core::parse_timestamp("2026-03-03T09:30:05Z");
    REQUIRE(back.has_value());
    CHECK(*back == t);
}

TEST_CASE("core: timestamps before 1970 round trip", "[core][date]") {
    // floor, not truncation toward zero: the last second of 1969 is on 1969-12-31.
    const TimePoint t = sys_days{year{1970} / 1 / 1} - seconds{1};
    CHECK(core::format_timestamp(t) == "1969-12-31T23:59:59Z");
    CHECK(core::parse_timestamp("1969-12-31T23:59:59Z") == t);
    CHECK(core::date_of(t) == Date{year{1969}, month{12}, day{31}});
}

TEST_CASE("core: parse_timestamp refuses malformed text", "[core][date]") {
    const std::string text = GENERATE(
        as<std::string>{}, "2026-03-03 09:30:00Z", "2026-03-03T09:30:00", "2026-03-03T24:00:00Z",
        "2026-03-03T09:60:00Z", "2026-03-03T09:30:61Z", "2026-02-30T09:30:00Z",
        "2026-03-03T9:30:00Z", "", "2026-03-03", "2026-03-03T09:30:00+01:00");
    CAPTURE(text);
    CHECK_FALSE(core::parse_timestamp(text).has_value());
}

TEST_CASE("core: date_of gives the UTC calendar day", "[core][date]") {
    const auto midnight = sys_days{year{2026} / 3 / 4};
    CHECK(core::date_of(midnight - seconds{1}) == Date{year{2026}, month{3}, day{3}});
    CHECK(core::date_of(midnight) == Date{year{2026}, month{3}, day{4}});
}

TEST_CASE("core: days_between counts whole days, negative backwards", "[core][date]") {
    const auto d = [](int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; };
    CHECK(core::days_between(d(2026, 3, 3), d(2026, 3, 3)) == 0);
    CHECK(core::days_between(d(2026, 3, 3), d(2026, 3, 4)) == 1);
    CHECK(core::days_between(d(2026, 3, 4), d(2026, 3, 3)) == -1);
    CHECK(core::days_between(d(2026, 2, 28), d(2026, 3, 1)) == 1);
    CHECK(core::days_between(d(2024, 2, 28), d(2024, 3, 1)) == 2); // leap year
    CHECK(core::days_between(d(2025, 12, 31), d(2026, 1, 1)) == 1);
    CHECK(core::days_between(d(2025, 3, 1), d(2026, 3, 1)) == 365);
    CHECK(core::days_between(d(2024, 3, 1), d(2023, 3, 1)) == -366);
    CHECK(core::days_between(d(2026, 3, 3), d(2026, 3, 10)) == 7);
}

#pragma once
// A test that cannot run here (a tool is not installed, the system refuses a mount) must say
// so as a skip, never pass as if it had checked something. Catch2 v2 has no SKIP, so:
//
//   PUNCTUM_SKIP("the sqlcipher tool is not installed");   // ends the test case (or SECTION)
//
// prints the reason as a Catch2 warning and notes the skip; skip_listener.cpp, linked into
// the test executable, then prints one `PUNCTUM-TEST-SKIPPED` line at the end of a run in
// which nothing failed, and ctest (SKIP_REGULAR_EXPRESSION, set by catch_discover_tests
// PROPERTIES ${PUNCTUM_SKIP_PROPERTIES}) reports that test as "Not Run ... Skipped". A run
// that also failed is reported as failed: a skip never hides a failure.
//
// Call it where the test finds out it cannot run, before it checks anything.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace punctum::test {

/// The line a skipped run ends with; what ctest's SKIP_REGULAR_EXPRESSION looks for.
inline constexpr std::string_view skip_marker = "PUNCTUM-TEST-SKIPPED";

/// Notes that the running test case was skipped, and why (skip_listener.cpp).
void note_skip(const std::string& why);

/// The program `name` as found on PATH now, at run time (not where it was when the tests
/// were configured), so hiding it from PATH shows what its tests do without it.
inline std::optional<std::filesystem::path> find_on_path(std::string_view name) {
    const char* path = std::getenv("PATH");
    if (path == nullptr) {
        return std::nullopt;
    }
    std::string_view rest(path);
    while (!rest.empty()) {
        const auto colon = rest.find(':');
        const auto dir = rest.substr(0, colon);
        rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
        if (dir.empty()) {
            continue;
        }
        std::error_code ec;
        const auto candidate = std::filesystem::path(dir) / name;
        if (std::filesystem::is_regular_file(candidate, ec) &&
            (std::filesystem::status(candidate, ec).permissions() &
             std::filesystem::perms::owner_exec) != std::filesystem::perms::none) {
            return candidate;
        }
    }
    return std::nullopt;
}

} // namespace punctum::test

/// Ends the current test case (or the SECTION it is in) as skipped, saying why. `why` may
/// stream: PUNCTUM_SKIP("cannot mount (" << reason << ")").
#define PUNCTUM_SKIP(why)                                                                          \
    do {                                                                                           \
        std::ostringstream punctum_skip_why;                                                       \
        punctum_skip_why << why;                                                                   \
        WARN("skipped: " << punctum_skip_why.str());                                               \
        ::punctum::test::note_skip(punctum_skip_why.str());                                        \
        return;                                                                                    \
    } while (false)

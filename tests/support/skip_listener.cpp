// The other half of skip.h: a Catch2 listener that ends a run in which a test was skipped
// and nothing failed with one marker line, which ctest turns into "Skipped". Linked into
// each Catch2 test executable that uses PUNCTUM_SKIP (see punctum_skip_properties in the
// tests' CMakeLists). The only file of such an executable that needs Catch2's reporter
// interfaces, so it defines CATCH_CONFIG_EXTERNAL_INTERFACES before anything includes Catch2.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include <catch2/catch.hpp>

#include "support/skip.h"

#include <iostream>
#include <string>
#include <vector>

namespace punctum::test {

namespace {

std::vector<std::string>& skips() {
    static std::vector<std::string> reasons;
    return reasons;
}

struct SkipListener : Catch::TestEventListenerBase {
    using TestEventListenerBase::TestEventListenerBase;

    void testRunEnded(const Catch::TestRunStats& stats) override {
        TestEventListenerBase::testRunEnded(stats);
        const auto& totals = stats.totals;
        if (skips().empty() || totals.assertions.failed > 0 || totals.testCases.failed > 0) {
            return;
        }
        for (const auto& why : skips()) {
            std::cout << skip_marker << ": " << why << "\n";
        }
        std::cout.flush();
    }
};

} // namespace

CATCH_REGISTER_LISTENER(SkipListener)

void note_skip(const std::string& why) {
    skips().push_back(Catch::getResultCapture().getCurrentTestName() + ": " + why);
}

} // namespace punctum::test

// The Catch2 main for punctum_reports_tests: the vault's second audit head goes to a
// temporary state folder, and reports are drawn under a headless QGuiApplication, as the
// command line draws them.
#define CATCH_CONFIG_RUNNER
#include "punctum/reports/headless_gui.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

int main(int argc, char* argv[]) {
    std::string state = (std::filesystem::temp_directory_path() / "punctum-state-XXXXXX").string();
    if (::mkdtemp(state.data()) == nullptr || ::setenv("XDG_STATE_HOME", state.c_str(), 1) != 0) {
        return 1;
    }
    int failed = 0;
    {
        const punctum::reports::HeadlessGui gui;
        failed = Catch::Session().run(argc, argv);
    }
    std::error_code ignored;
    std::filesystem::remove_all(state, ignored);
    return failed;
}

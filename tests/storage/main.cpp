// The Catch2 main for punctum_storage_tests. The vault keeps a second copy of its audit head
// in the user's state folder ($XDG_STATE_HOME): tests point it at a temporary folder of their
// own, so they never touch a real user's state.
#define CATCH_CONFIG_RUNNER
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
    const int failed = Catch::Session().run(argc, argv);
    std::error_code ignored;
    std::filesystem::remove_all(state, ignored);
    return failed;
}

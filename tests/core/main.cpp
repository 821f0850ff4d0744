// The Catch2 main for punctum_core_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

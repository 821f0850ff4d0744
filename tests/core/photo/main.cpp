// The Catch2 main for punctum_photo_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

// Catch2 v2's runner for the unit tests (native and under node).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

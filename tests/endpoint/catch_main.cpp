// Catch2's main() for the endpoint unit tests, alone in its file so editing a test does not rebuild it.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

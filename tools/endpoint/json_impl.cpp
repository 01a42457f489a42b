// The one translation unit that compiles Boost.JSON (header-only mode); every other file includes
// <boost/json.hpp>. A second copy in this executable would violate the one-definition rule.
#include <boost/json/src.hpp>

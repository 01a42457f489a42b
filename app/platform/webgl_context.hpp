// Creates the WebGL 2 context the renderer draws into.
#pragma once

namespace madoguchi::platform {

// False when the browser offers no WebGL 2 (the page then says so).
bool create_webgl2_context(const char* canvas_selector);

}  // namespace madoguchi::platform

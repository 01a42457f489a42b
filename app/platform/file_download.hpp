// Hands a file the app made to the browser, which saves it or offers to open it (a calendar file
// opens in the phone's calendar).
#pragma once
#include <string>

namespace madoguchi::platform {

void offer_download(const std::string& file_name, const std::string& mime_type, const std::string& content);

}  // namespace madoguchi::platform

// Photos and files from the phone for a form's attachment fields. Implements:
//  - the browser's file picker (<input type=file accept capture>), with the camera first when asked
//  - a photo made smaller on the device (longest side 2,000 px, JPEG, turned upright as taken), a PDF
//    checked and kept as it is
//  - a thumbnail of every attached photo as an RGBA texture: made with the pick, or decoded again for a
//    photo put back from the device or a backup
#pragma once
#include <functional>

#include "core/navigation.hpp"
#include "ui/app_view.hpp"

namespace madoguchi::platform {

// Answers AttachmentPreparing once a file is chosen (nothing if the picker is closed), then
// AttachmentPicked or AttachmentFailed.
void pick_attachment(const PickAttachment& pick, std::function<void(Action)> done);

// Frees the thumbnails of files gone and starts decoding those of new photos; `arrived` is called when a
// decoded one is ready to draw.
void update_thumbnails(const AttachedFiles& files, std::function<void()> arrived);

const ui::Thumbnails& attachment_thumbnails();

}  // namespace madoguchi::platform

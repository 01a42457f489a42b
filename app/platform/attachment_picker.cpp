// The browser decodes, turns and scales photos (createImageBitmap and a canvas): it has the codecs a
// phone's camera writes (JPEG, HEIC on Safari), and the wasm stays without an image library.
#include "attachment_picker.hpp"

#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>

#include "imgui_renderer.hpp"

namespace madoguchi::platform {
namespace {

constexpr int kLongestSide = 2000;  // px: a card's or a certificate's small print stays readable
constexpr int kThumbnailSide = 360;  // px: the form's 120 CSS px at a phone's density of 3

struct Pending {
  std::string draft_id, path;
};

std::function<void(Action)> g_done;
std::map<int, Pending> g_picks;          // by token, until the picked file is ready or refused
std::map<int, std::string> g_decoding;   // by token: the file whose thumbnail the browser is decoding
std::set<std::string, std::less<>> g_asked;  // files whose thumbnail was asked for (or came with the pick)
std::function<void()> g_arrived;
ui::Thumbnails g_thumbnails;
int g_next_token = 1;

// Installs window.madoguchiAttachments once: the steps both a pick and a restored photo's thumbnail use.
EM_JS(void, js_install, (int longest, int thumb_side, int max_bytes), {
  if (window.madoguchiAttachments) return;
  const scaled = function(bitmap, side) {
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    // A transparent PNG would turn black as JPEG: white paper behind it instead.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return canvas;
  };
  const copy = function(bytes) {
    const ptr = Module._malloc(Math.max(bytes.length, 1));
    HEAPU8.set(bytes, ptr);
    return ptr;
  };
  const thumbnail = function(bitmap) {
    const canvas = scaled(bitmap, thumb_side);
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    return {ptr: copy(pixels.data), width: canvas.width, height: canvas.height};
  };
  const jpeg = function(canvas) {
    return new Promise(function(resolve, reject) {
      canvas.toBlob(function(blob) { blob ? resolve(blob) : reject(new Error('toBlob')); }, 'image/jpeg', 0.85);
    });
  };
  const fail = function(token, key) { Module.ccall('madoguchi_attachment_failed', null, ['number', 'string'], [token, key]); };
  const isPdf = function(bytes) {
    return bytes.length > 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
  };
  const ready = function(token, name, type, bytes, width, height, thumb) {
    Module.ccall('madoguchi_attachment_ready', null,
                 ['number', 'string', 'string', 'number', 'number', 'number', 'number', 'number', 'number', 'number'],
                 [token, name, type, copy(bytes), bytes.length, width, height, thumb.ptr, thumb.width, thumb.height]);
  };
  const take = async function(token, file, pdf) {
    const notIt = pdf ? "attach.error.not_photo_or_pdf" : "attach.error.not_photo";
    if (file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf')) {
      if (!pdf) return fail(token, notIt);
      if (file.size > max_bytes) return fail(token, "attach.error.too_large");
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (!isPdf(bytes)) return fail(token, notIt);
      return ready(token, file.name, 'application/pdf', bytes, 0, 0, {ptr: 0, width: 0, height: 0});
    }
    // A camera's photo is a few MB; a file far larger is not a photo of a document.
    if (file.size > 4 * max_bytes) return fail(token, "attach.error.too_large");
    let bitmap;
    try {
      bitmap = await createImageBitmap(file, {imageOrientation: 'from-image'});
    } catch (e) {
      return fail(token, file.type.startsWith('image/') ? "attach.error.unreadable" : notIt);
    }
    try {
      const canvas = scaled(bitmap, longest);
      const bytes = new Uint8Array(await (await jpeg(canvas)).arrayBuffer());
      if (bytes.length > max_bytes) return fail(token, "attach.error.too_large");
      ready(token, file.name, 'image/jpeg', bytes, canvas.width, canvas.height, thumbnail(bitmap));
    } catch (e) {
      fail(token, "attach.error.unreadable");
    } finally {
      bitmap.close();
    }
  };
  window.madoguchiAttachments = {
    pick: function(token, camera, pdf) {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = pdf ? 'image/*,application/pdf' : 'image/*';
      if (camera) input.setAttribute('capture', 'environment');
      input.addEventListener('change', function() {
        const file = input.files && input.files[0];
        if (!file) return;
        Module.ccall('madoguchi_attachment_chosen', null, ['number'], [token]);
        take(token, file, pdf);
      });
      input.click();
    },
    decode: function(token, bytes) {
      createImageBitmap(new Blob([bytes], {type: 'image/jpeg'})).then(function(bitmap) {
        const thumb = thumbnail(bitmap);
        bitmap.close();
        Module.ccall('madoguchi_thumbnail_ready', null, ['number', 'number', 'number', 'number'],
                     [token, thumb.ptr, thumb.width, thumb.height]);
      }, function() {
        Module.ccall('madoguchi_thumbnail_ready', null, ['number', 'number', 'number', 'number'], [token, 0, 0, 0]);
      });
    }
  };
});

EM_JS(void, js_pick, (int token, int camera, int pdf), { window.madoguchiAttachments.pick(token, camera, pdf); });

// The bytes are copied before this returns: the file's vector may move once the call is over.
EM_JS(void, js_decode, (int token, const std::uint8_t* bytes, int size), {
  window.madoguchiAttachments.decode(token, HEAPU8.slice(bytes, bytes + size));
});

void install() { js_install(kLongestSide, kThumbnailSide, static_cast<int>(kAttachmentMaxBytes)); }

void keep_thumbnail(const std::string& file_id, const std::uint8_t* rgba, int width, int height) {
  if (!rgba || width <= 0 || height <= 0) return;
  g_thumbnails[file_id] = {renderer_upload_picture(width, height, rgba), width, height};
}

}  // namespace

void pick_attachment(const PickAttachment& pick, std::function<void(Action)> done) {
  install();
  g_done = std::move(done);
  const int token = g_next_token++;
  g_picks[token] = {pick.draft_id, pick.path};
  js_pick(token, pick.camera, pick.pdf);
}

void update_thumbnails(const AttachedFiles& files, std::function<void()> arrived) {
  g_arrived = std::move(arrived);
  for (auto it = g_thumbnails.begin(); it != g_thumbnails.end();) {
    if (files.count(it->first)) {
      ++it;
      continue;
    }
    renderer_free_picture(it->second.texture);
    it = g_thumbnails.erase(it);
  }
  std::erase_if(g_asked, [&](const std::string& id) { return !files.count(id); });
  for (const auto& [id, file] : files) {
    if (file->type != "image/jpeg" || g_asked.count(id)) continue;
    install();
    g_asked.insert(id);
    const int token = g_next_token++;
    g_decoding[token] = id;
    js_decode(token, file->bytes.data(), static_cast<int>(file->bytes.size()));
  }
}

const ui::Thumbnails& attachment_thumbnails() { return g_thumbnails; }

}  // namespace madoguchi::platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void madoguchi_attachment_chosen(int token) {
  using namespace madoguchi;
  auto it = platform::g_picks.find(token);
  if (it != platform::g_picks.end() && platform::g_done) platform::g_done(AttachmentPreparing{it->second.draft_id, it->second.path});
}

EMSCRIPTEN_KEEPALIVE void madoguchi_attachment_ready(int token, const char* name, const char* type, std::uint8_t* bytes,
                                                     int size, int width, int height, std::uint8_t* thumb, int thumb_width,
                                                     int thumb_height) {
  using namespace madoguchi;
  auto it = platform::g_picks.find(token);
  if (it != platform::g_picks.end() && platform::g_done) {
    AttachedFile file{new_file_id(), name, type, width, height, std::vector<std::uint8_t>(bytes, bytes + size), {}};
    platform::keep_thumbnail(file.id, thumb, thumb_width, thumb_height);
    platform::g_asked.insert(file.id);
    const platform::Pending pending = it->second;
    platform::g_picks.erase(it);
    platform::g_done(AttachmentPicked{pending.draft_id, pending.path, keep_file(std::move(file))});
  }
  std::free(bytes);
  std::free(thumb);
}

EMSCRIPTEN_KEEPALIVE void madoguchi_attachment_failed(int token, const char* message_key) {
  using namespace madoguchi;
  auto it = platform::g_picks.find(token);
  if (it == platform::g_picks.end()) return;
  const platform::Pending pending = it->second;
  platform::g_picks.erase(it);
  if (platform::g_done) platform::g_done(AttachmentFailed{pending.draft_id, pending.path, message_key});
}

EMSCRIPTEN_KEEPALIVE void madoguchi_thumbnail_ready(int token, std::uint8_t* rgba, int width, int height) {
  using namespace madoguchi::platform;
  auto it = g_decoding.find(token);
  if (it != g_decoding.end()) {
    if (g_asked.count(it->second)) keep_thumbnail(it->second, rgba, width, height);
    g_decoding.erase(it);
    if (g_arrived) g_arrived();
  }
  std::free(rgba);
}

}  // extern "C"

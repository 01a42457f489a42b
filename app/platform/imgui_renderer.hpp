// Draws imgui's frames with WebGL 2, the font atlas kept as one channel (R8): a quarter of the RGBA
// texture imgui's own OpenGL backend uploads, for the same pixels.
#pragma once
#include <imgui.h>

#include <cstddef>

namespace madoguchi::platform {

// Compiles the shaders and makes the buffers, in the current WebGL 2 context; false if they fail.
bool renderer_init();

// Uploads the atlas as the font texture (replacing the last one) and frees its pixels in the heap.
void renderer_upload_font_atlas(ImFontAtlas& atlas);

// The font texture's bytes on the GPU: width x height, one byte each.
std::size_t renderer_font_texture_bytes();

// An RGBA picture (a thumbnail) as a texture imgui can draw, and freeing it.
ImTextureID renderer_upload_picture(int width, int height, const unsigned char* rgba);
void renderer_free_picture(ImTextureID picture);

// Draws the frame's triangles over the framebuffer (cleared first by the caller).
void renderer_draw(const ImDrawData& data);

}  // namespace madoguchi::platform

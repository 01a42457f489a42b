// imgui's triangles are coloured by their vertices and shaped by the atlas's coverage, so one channel
// is all the texture needs; imgui's OpenGL backend samples RGBA, and WebGL 2 cannot swizzle R8 into
// alpha, so the shader reads .r itself. An attached photo's thumbnail is the one RGBA texture, sampled
// as colour. Nothing else draws into this context, so no GL state is saved.
#include "imgui_renderer.hpp"

#include <GLES3/gl3.h>

#include <cstdint>
#include <cstdio>

namespace madoguchi::platform {
namespace {

constexpr const char* kVertexShader = R"(#version 300 es
uniform mat4 projection;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 color;
out vec2 frag_uv;
out vec4 frag_color;
void main() {
  frag_uv = uv;
  frag_color = color;
  gl_Position = projection * vec4(position, 0.0, 1.0);
})";

constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D coverage;
uniform bool picture;
in vec2 frag_uv;
in vec4 frag_color;
layout (location = 0) out vec4 out_color;
void main() {
  vec4 texel = texture(coverage, frag_uv);
  out_color = picture ? frag_color * texel : vec4(frag_color.rgb, frag_color.a * texel.r);
})";

GLuint g_program = 0, g_vao = 0, g_vertices = 0, g_indices = 0, g_font_texture = 0;
GLint g_projection = -1, g_picture = -1;
std::size_t g_font_bytes = 0;

GLuint compile(GLenum kind, const char* source) {
  GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok) return shader;
  char log[512] = "";
  glGetShaderInfoLog(shader, sizeof log, nullptr, log);
  std::fprintf(stderr, "shader: %s\n", log);
  glDeleteShader(shader);
  return 0;
}

// Tightly packed pixels into `texture`, sampled smoothly and never wrapped: the atlas and thumbnails alike.
void upload(GLuint texture, GLint internal_format, GLenum format, int width, int height, const unsigned char* pixels) {
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, internal_format, width, height, 0, format, GL_UNSIGNED_BYTE, pixels);
}

}  // namespace

bool renderer_init() {
  const GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader), fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
  if (!vs || !fs) return false;
  g_program = glCreateProgram();
  glAttachShader(g_program, vs);
  glAttachShader(g_program, fs);
  glLinkProgram(g_program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(g_program, GL_LINK_STATUS, &ok);
  if (!ok) return false;
  g_projection = glGetUniformLocation(g_program, "projection");
  g_picture = glGetUniformLocation(g_program, "picture");
  glUseProgram(g_program);
  glUniform1i(glGetUniformLocation(g_program, "coverage"), 0);

  glGenVertexArrays(1, &g_vao);
  glGenBuffers(1, &g_vertices);
  glGenBuffers(1, &g_indices);
  glBindVertexArray(g_vao);
  glBindBuffer(GL_ARRAY_BUFFER, g_vertices);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_indices);
  const auto at = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));
  ImGui::GetIO().BackendRendererName = "madoguchi_webgl2_r8";
  return true;
}

void renderer_upload_font_atlas(ImFontAtlas& atlas) {
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
  if (!g_font_texture) glGenTextures(1, &g_font_texture);
  upload(g_font_texture, GL_R8, GL_RED, width, height, pixels);
  g_font_bytes = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(g_font_texture)));
  atlas.ClearTexData();  // the GPU holds it now; a rebuild makes new pixels
}

std::size_t renderer_font_texture_bytes() { return g_font_bytes; }

ImTextureID renderer_upload_picture(int width, int height, const unsigned char* rgba) {
  GLuint texture = 0;
  glGenTextures(1, &texture);
  upload(texture, GL_RGBA8, GL_RGBA, width, height, rgba);
  return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture));
}

void renderer_free_picture(ImTextureID picture) {
  const GLuint texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(picture));
  glDeleteTextures(1, &texture);
}

void renderer_draw(const ImDrawData& data) {
  const float fb_width = data.DisplaySize.x * data.FramebufferScale.x;
  const float fb_height = data.DisplaySize.y * data.FramebufferScale.y;
  if (fb_width <= 0 || fb_height <= 0 || data.CmdListsCount == 0) return;
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_SCISSOR_TEST);
  // Display space (CSS px) to clip space, y down.
  const float l = data.DisplayPos.x, r = l + data.DisplaySize.x, t = data.DisplayPos.y, b = t + data.DisplaySize.y;
  const float projection[16] = {2 / (r - l), 0, 0, 0, 0, 2 / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r), (t + b) / (b - t), 0, 1};
  glUseProgram(g_program);
  glUniformMatrix4fv(g_projection, 1, GL_FALSE, projection);
  glBindVertexArray(g_vao);
  glActiveTexture(GL_TEXTURE0);
  const ImVec2 origin = data.DisplayPos, scale = data.FramebufferScale;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size * sizeof(ImDrawVert)), list.VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size * sizeof(ImDrawIdx)), list.IdxBuffer.Data,
                 GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(&list, &cmd);
        continue;
      }
      const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
      const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_height - y1), static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
      const GLuint texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID()));
      glUniform1i(g_picture, texture != g_font_texture);
      glBindTexture(GL_TEXTURE_2D, texture);
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<const void*>(static_cast<std::uintptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
    }
  }
  // The next frame clears the whole framebuffer.
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace madoguchi::platform

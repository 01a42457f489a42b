// Collects code points from every text of the catalog and of the UI messages, so switching among the
// languages the Japanese font draws never needs glyphs the atlas lacks.
#include "glyph_set.hpp"

#include "extra_fonts.hpp"

namespace madoguchi {

void add_glyphs(GlyphSet& set, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok && cp >= 0x20) set.insert(cp);
    i += ok ? len : 1;
  }
}

namespace {
void add_text(GlyphSet& set, const LocalizedText& text) {
  for (const auto& [lang, s] : text.by_language) add_glyphs(set, s);
}

void add_fields(GlyphSet& set, const std::vector<FieldSpec>& fields) {
  for (const auto& f : fields) {
    add_text(set, f.label);
    add_text(set, f.hint);
    for (const auto& o : f.options) add_text(set, o.label);
    add_fields(set, f.fields);
  }
}
}  // namespace

GlyphSet glyphs_for(const Catalog& catalog, const Messages& messages) {
  GlyphSet set;
  for (char32_t c = 0x20; c < 0x7F; ++c) set.insert(c);     // ASCII
  for (char32_t c = 0x3000; c <= 0x30FF; ++c) set.insert(c);  // CJK punctuation, hiragana, katakana
  for (char32_t c = 0xFF01; c <= 0xFF5E; ++c) set.insert(c);  // full-width ASCII forms
  add_glyphs(set, "…・「」『』（）〜ー―‐×￥●");  // ● masks a 個人番号 and a passphrase
  add_text(set, catalog.ward);
  for (const auto& e : catalog.events) {
    for (const auto* t : {&e.title, &e.summary, &e.event_date_label}) add_text(set, *t);
    for (const auto& q : e.questions) {
      add_text(set, q.label);
      add_text(set, q.hint);
      for (const auto& o : q.options) add_text(set, o.label);
    }
    for (const auto& p : e.procedures) add_text(set, p.why);
  }
  for (const auto& [id, p] : catalog.procedures) {
    for (const auto* t : {&p.title, &p.summary, &p.department, &p.who_may_apply, &p.deadline.from, &p.deadline.basis,
                          &p.online.instead})
      add_text(set, *t);
    for (const auto& d : p.documents) add_text(set, d);
    if (p.fee.note) add_text(set, *p.fee.note);
    if (p.form) add_fields(set, p.form->fields);
  }
  for (const auto& lang : messages.languages()) {
    add_glyphs(set, messages.get(lang, "language.name"));
    if (!extra_font_for_language(lang)) add_message_glyphs(set, messages, lang);
  }
  return set;
}

void add_message_glyphs(GlyphSet& set, const Messages& messages, std::string_view language) {
  messages.for_each_text_in(language, [&](std::string_view s) { add_glyphs(set, s); });
}

}  // namespace madoguchi

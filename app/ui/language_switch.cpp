// Choosing the UI language from any screen, the way to the display settings beside it, and saying which
// language the catalog's texts are in when they are not yet in the UI's (a Korean UI over English procedures).
#include "screens.hpp"

namespace madoguchi::ui {

void LanguageSwitch(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  // Each language the UI speaks is named in itself, so a resident finds theirs without reading the
  // current one. They flow onto a new line when the next one would not fit the screen.
  bool first = true;
  for (std::string_view code : kUiLanguages) {
    if (!m.has_language(code)) continue;
    const std::string_view name = m.get(code, "language.name");
    if (!first) SameLineIfFits(name);
    first = false;
    if (Button(name, "lang-" + std::string(code), code == lang)) actions.push_back(SetLanguage{std::string(code)});
  }
}

void SettingsLink(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  if (LinkText(in.messages.get(lang, "settings.open"), "settings.open")) actions.emplace_back(std::in_place_type<OpenSettings>);
}

void CatalogLanguageNote(const ViewInput& in, const std::string& lang) {
  const std::string_view shown = first_available(lang, in.catalog.languages);
  if (shown.empty() || shown == lang) return;
  const auto& m = in.messages;
  SecondaryText(m.format(lang, "catalog.untranslated", {{"language", std::string(m.get(shown, "language.name"))}}));
}

}  // namespace madoguchi::ui

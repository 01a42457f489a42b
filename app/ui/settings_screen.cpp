// Display settings: text size up to 200 %, high contrast, dates in the Japanese era or western years,
// and the language; each takes effect at once and is kept on this device.
#include "core/date_text.hpp"
#include "screens.hpp"

namespace madoguchi::ui {

void draw_settings_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  const DisplaySettings& display = in.nav.display;
  if (BackButton(m.get(lang, "nav.back"))) actions.emplace_back(std::in_place_type<GoBack>);
  Heading(m.get(lang, "settings.heading"), 1);
  Paragraph(m.get(lang, "settings.lead"));

  Separator();
  std::vector<std::string> sizes;
  int chosen_size = -1;
  for (std::size_t i = 0; i < kTextPercents.size(); ++i) {
    const int percent = kTextPercents[i];
    sizes.push_back(m.format(lang, percent == 100 ? "settings.text_percent_standard" : "settings.text_percent",
                             {{"percent", std::to_string(percent)}}));
    if (percent == display.text_percent) chosen_size = static_cast<int>(i);
  }
  if (const int size = RadioGroup(m.get(lang, "settings.text_size"), "text-size", sizes, chosen_size); size >= 0)
    actions.push_back(SetTextSize{kTextPercents[static_cast<std::size_t>(size)]});
  SecondaryText(m.get(lang, "settings.text_sample"));

  Heading(m.get(lang, "settings.contrast_heading"), 2);
  if (Checkbox(m.get(lang, "settings.high_contrast"), "high-contrast", display.high_contrast))
    actions.push_back(SetHighContrast{!display.high_contrast});

  // Each choice shows today's date the way it would be written. The choices' own question names them,
  // as it does the sizes above.
  Separator();
  const std::vector<std::string> styles{
      m.format(lang, "settings.date_western", {{"example", format_date(in.today, m, lang, false)}}),
      m.format(lang, "settings.date_wareki", {{"example", format_date(in.today, m, lang, true)}})};
  if (const int style = RadioGroup(m.get(lang, "settings.dates_heading"), "date-style", styles, display.wareki ? 1 : 0);
      style >= 0)
    actions.push_back(SetWareki{style == 1});

  Heading(m.get(lang, "settings.language_heading"), 2);
}

}  // namespace madoguchi::ui

// Madoguchi in the browser: loads the font, home's part of the catalog and the UI messages, then draws
// frames on demand and mirrors each into the DOM; the whole catalog and the larger fonts follow the first
// frame. What the app does lives in app/core and app/ui.
#include <GLES3/gl3.h>
#include <imgui.h>

#include <boost/json/serialize.hpp>
#include <emscripten/emscripten.h>
#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "core/application_json.hpp"
#include "core/backup_contents.hpp"
#include "core/checklist_calendar.hpp"
#include "core/device_records.hpp"
#include "core/draft_id.hpp"
#include "core/extra_fonts.hpp"
#include "core/field_validation.hpp"
#include "core/glyph_set.hpp"
#include "core/json_text.hpp"
#include "core/outgoing_submission.hpp"
#include "core/localized_text.hpp"
#include "core/messages.hpp"
#include "core/navigation.hpp"
#include "core/route_url.hpp"
#include "app_update.hpp"
#include "backup_files.hpp"
#include "browser_history.hpp"
#include "catalog_fetch.hpp"
#include "device_saver.hpp"
#include "dom_mirror.hpp"
#include "file_download.hpp"
#include "attachment_picker.hpp"
#include "font_fetch.hpp"
#include "html5_backend.hpp"
#include "http_fetch.hpp"
#include "imgui_renderer.hpp"
#include "local_clock.hpp"
#include "outbox_sender.hpp"
#include "page_status.hpp"
#include "rating_sender.hpp"
#include "submission_sender.hpp"
#include "ui/app_view.hpp"
#include "ui/font_atlas.hpp"
#include "ui/theme.hpp"
#include "webgl_context.hpp"

namespace madoguchi::platform {
namespace {

constexpr const char* kCanvas = "#canvas";

struct App {
  Catalog catalog;
  Messages messages;
  Navigation nav;
  ui::SemanticTree tree;
  ui::Fonts fonts;
  GlyphSet glyphs;
  std::optional<ui::FontAtlasBuilder> atlas;
  DeviceOpened device;  // the drafts and session kept on this device, put back once the catalog is in
  std::vector<unsigned char> names_font;  // 한국어, Tiếng Việt on the language switch (core/extra_fonts.hpp)
  std::vector<Action> followed;  // the browser's back and forward buttons, for the next frame
  int loads_pending = 0;
  bool failed = false;
  bool shown = false;  // the first frame is asked for
  // Screens past home need the whole catalog and the first font (ui::PastHome), asked for after home's
  // first frame; a first screen past home, or the drafts on the device, wait for them in `when_past_home`.
  bool past_home_asked = false, main_font_in = false, whole_catalog_asked = false;
  std::string whole_catalog_problem;  // why the last fetch failed; asked again with RetryLoading
  std::function<void()> when_past_home;
  bool glyphs_added = false;  // rebuild the atlas before the next frame: new glyphs, a font came, a new text size
};
App g_app;

void fail(const char* kind, const std::string& detail) {
  if (g_app.failed) return;
  g_app.failed = true;
  page_fatal(kind, detail);
}

void rebuild_fonts(float density) {
  ImGuiIO& io = ImGui::GetIO();
  if (!g_app.atlas->build(*io.Fonts, g_app.glyphs, density, g_app.fonts)) {
    fail("font", std::string(kHomeFontFile) + ": the font file could not be read");
    return;
  }
  io.FontGlobalScale = 1.0f / g_app.fonts.density;  // fonts are rasterised at device pixels, laid out in CSS px
  renderer_upload_font_atlas(*io.Fonts);
}

void export_calendar(const std::string& event_id, CivilDate today) {
  const LifeEvent* event = g_app.catalog.find_event(event_id);
  if (!event) return;
  EventAnswers answers = g_app.nav.answers[event_id];
  if (!answers.event_date) answers.event_date = today;  // as the screen shows it
  offer_download("madoguchi-" + event_id + ".ics", "text/calendar;charset=utf-8",
                 checklist_icalendar(g_app.catalog, *event, answers, g_app.messages, g_app.nav.language, utc_timestamp()));
}

// A resident's own name, or a ward's note, may use kanji no catalog text has (髙, 﨑): the atlas takes
// them from the font; Hangul or ễ (김, Nguyễn) from an extra font, fetched the first time.
void note_text(std::string_view text) {
  add_glyphs(g_app.glyphs, text);
  fetch_fonts_for_text(text);
}

void note_new_glyphs(const Action& action) {
  const std::size_t before = g_app.glyphs.size();
  if (const auto* typed = std::get_if<SetFieldValue>(&action)) note_text(typed->value);
  if (const auto* searched = std::get_if<SetSearch>(&action)) note_text(searched->text);
  if (const auto* picked = std::get_if<AttachmentPicked>(&action)) note_text(picked->file->name);
  if (const auto* checked = std::get_if<StatusChecked>(&action))
    for (const auto& note : checked->notes) note_text(note.text);
  if (g_app.glyphs.size() != before) g_app.glyphs_added = true;
}

// Drafts and sent applications put back from the device or a backup may need glyphs no catalog text has.
void note_saved_text() {
  for (const auto& [draft_id, draft] : g_app.nav.drafts) {
    for (const auto& [path, value] : draft.values.all()) note_text(value);
    for (const auto& [path, value] : draft.set_aside) note_text(value);
  }
  for (const auto& [id, file] : g_app.nav.files) note_text(file->name);
  for (const auto& sent : g_app.nav.sent) {
    for (const auto& [path, value] : sent.values.all()) note_text(value);
    for (const auto& note : sent.notes) note_text(note.text);
  }
}

void apply_outcome(Action outcome);
void ask_whole_catalog();

// Every change goes through here, so the browser's history follows the app's route and the device
// keeps what the resident typed.
void apply_action(const Action& action) {
  const Route before = g_app.nav.current;
  const std::vector<Route> before_history = g_app.nav.history;
  apply(g_app.nav, action);
  if (std::holds_alternative<FollowUrl>(action)) browser_history_followed(before_history.size(), g_app.nav);
  else browser_history_update(before, before_history, g_app.nav);
  device_saver_changed();
  // A sealed application is sent once it is on the device, so a closed tab cannot lose a copy the
  // endpoint already holds.
  if (const auto* sealed = std::get_if<ApplicationSealed>(&action))
    device_saver_save([id = sealed->sealed->submission_id] { outbox_release(id); });
  outbox_changed(g_app.nav);
  ratings_changed(g_app.nav, apply_outcome);
}

// The answer of a request the app made (a send, a status check) arrives between frames.
void apply_outcome(Action outcome) {
  // Back online: a whole catalog that could not be fetched is asked for again before the resident taps.
  if (const auto* network = std::get_if<NetworkChanged>(&outcome); network && network->online && !g_app.whole_catalog_problem.empty())
    ask_whole_catalog();
  apply_action(outcome);
  note_new_glyphs(outcome);
  request_frames();
}

// The draft's shown, normalized answers are what is sealed; the review screen showed exactly these.
void submit(const std::string& draft_id) {
  const Procedure* procedure = g_app.catalog.find_procedure(procedure_of(draft_id));
  auto draft = g_app.nav.drafts.find(draft_id);
  if (!procedure || !procedure->form || draft == g_app.nav.drafts.end()) return;
  const CheckedForm checked = check_form(*procedure->form, draft->second.values, &g_app.nav.files);
  AttachmentsToSeal sealing = attachments_to_seal(*procedure->form, checked.accepted, g_app.nav.files);
  if (sealing.bytes > kApplicationAttachmentsMaxBytes) return apply_outcome(SubmissionFailed{draft_id, "send.error.too_large", {}, {}});
  seal_for_outbox(draft_id, application_json(*procedure->form, sealing.answers, g_app.nav.language),
                  std::move(sealing.attachments), apply_outcome);
}

// Every record, with the sent applications' keys, sealed into a file under the resident's passphrase.
void make_backup() {
  if (!g_app.nav.backup.working) return;
  std::map<std::string, std::string> records = device_records(g_app.nav);
  records.merge(sent_key_records());
  Action made = save_backup_file(records, g_app.nav.backup.passphrase);
  wipe_texts(records);
  apply_outcome(std::move(made));
}

// What a backup holds joins what this device has; the platform's keys take the sent applications' keys,
// and waiting applications are sent once they are on this device.
void restore_backup() {
  BackupForm& form = g_app.nav.backup;
  if (!form.working || !form.file) return;
  auto opened = open_backup_file(*form.file, form.restore_passphrase);
  if (auto* failed = std::get_if<BackupFailed>(&opened)) return apply_outcome(*failed);
  std::string& contents = std::get<std::string>(opened);
  BackupRestore restored = restore_backup_contents(g_app.nav, g_app.catalog, contents);
  sodium_memzero(contents.data(), contents.size());
  if (!restored.ok) return apply_outcome(BackupFailed{"backup.error.unreadable"});
  for (const auto& id : restore_sent_keys(restored.key_records)) std::fprintf(stderr, "backup record %s could not be read\n", id.c_str());
  wipe_texts(restored.key_records);
  note_saved_text();
  g_app.glyphs_added = true;
  apply_outcome(BackupRestored{restored.drafts, restored.queued, restored.sent});
  std::vector<std::string> waiting;
  for (const auto& queued : g_app.nav.outbox) waiting.push_back(queued.submission_id());
  device_saver_save([waiting] {
    for (const auto& id : waiting) outbox_release(id);
  });
}

// Argon2id holds the page for a moment: the "working" button is drawn first.
void after_a_frame(void (*work)()) {
  emscripten_async_call([](void* w) { reinterpret_cast<void (*)()>(w)(); }, reinterpret_cast<void*>(work), 50);
}

ui::PastHome past_home() {
  if (!g_app.whole_catalog_problem.empty()) return ui::PastHome::Failed;
  return g_app.catalog.home_only || !g_app.main_font_in ? ui::PastHome::Loading : ui::PastHome::Ready;
}

// What waited runs once both are in; before the first frame a failed fetch is fatal, as home's part is.
void past_home_changed() {
  if (!g_app.when_past_home) return request_frames();
  if (past_home() == ui::PastHome::Failed) return fail("catalog", g_app.whole_catalog_problem);
  if (past_home() == ui::PastHome::Ready) std::exchange(g_app.when_past_home, {})();
}

void ask_whole_catalog() {
  if (g_app.whole_catalog_asked) return;
  g_app.whole_catalog_asked = true;
  g_app.whole_catalog_problem.clear();
  fetch_catalog(kWholeCatalogFile, [](CatalogFetched fetched) {
    if (fetched.damaged) return fail("catalog", fetched.detail);
    if (!fetched.catalog) {
      std::fprintf(stderr, "%s\n", fetched.detail.c_str());
      g_app.whole_catalog_asked = false;
      g_app.whole_catalog_problem = fetched.detail;
      return past_home_changed();
    }
    g_app.catalog = std::move(*fetched.catalog);
    const std::size_t before = g_app.glyphs.size();
    g_app.glyphs.merge(glyphs_for(g_app.catalog, g_app.messages));
    if (g_app.glyphs.size() != before) g_app.glyphs_added = true;
    past_home_changed();
  });
}

// Asked for as home's first frame is drawn, or before a first frame past home: the first font, then the
// full one, and the whole catalog beside the first font.
void ask_past_home() {
  if (std::exchange(g_app.past_home_asked, true)) return;
  fetch_main_fonts([] {
    g_app.main_font_in = true;
    past_home_changed();
  });
  ask_whole_catalog();
}

void load_language(std::string_view language, bool first_frame);

void frame() {
  if (!g_app.shown) return;
  backend_new_frame();
  if (g_app.failed) return;
  // The resident's display settings: colours at once, text sizes with an atlas at the new size.
  if (ui::use_display(g_app.nav.display.high_contrast, g_app.nav.display.text_percent)) {
    ui::apply_theme(ImGui::GetStyle());
    g_app.glyphs_added = true;
  }
  if (g_app.glyphs_added) {
    g_app.glyphs_added = false;
    rebuild_fonts(pixel_density());
  }
  ImGui::NewFrame();
  const CivilDate today = local_today();
  update_thumbnails(g_app.nav.files, [] { request_frames(); });
  auto actions = ui::draw_app({g_app.catalog, g_app.messages, g_app.nav, today, &attachment_thumbnails(), past_home()},
                              g_app.tree, g_app.fonts);
  // After what the screen's fields took this frame: text typed just before the back button is kept.
  actions.insert(actions.end(), g_app.followed.begin(), g_app.followed.end());
  g_app.followed.clear();
  ImGui::Render();
  ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  ImVec4 bg = ImGui::ColorConvertU32ToFloat4(ui::theme().background);
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  renderer_draw(*ImGui::GetDrawData());
  update_dom_mirror(g_app.tree);
  page_frame_drawn();
  if (actions.empty()) return;
  for (const auto& a : actions) {
    if (const auto* e = std::get_if<ExportCalendar>(&a)) export_calendar(e->event_id, today);
    apply_action(a);
    note_new_glyphs(a);
    if (const auto* s = std::get_if<SubmitApplication>(&a)) submit(s->draft_id);
    if (const auto* together = std::get_if<SubmitTogether>(&a))
      for (const auto& id : together->draft_ids) submit(id);
    if (const auto* c = std::get_if<CheckStatus>(&a)) check_status(c->receipt, apply_outcome);
    if (const auto* now = std::get_if<SendNow>(&a)) outbox_send_now(now->submission_id);
    if (std::holds_alternative<ApplyUpdate>(a)) device_saver_save(app_update_apply);
    if (std::holds_alternative<RetryLoading>(a)) ask_whole_catalog();
    if (std::holds_alternative<MakeBackup>(a)) after_a_frame(make_backup);
    if (std::holds_alternative<RestoreBackup>(a)) after_a_frame(restore_backup);
    if (std::holds_alternative<ChooseBackupFile>(a)) pick_backup_file(apply_outcome);
    if (const auto* pick = std::get_if<PickAttachment>(&a)) pick_attachment(*pick, apply_outcome);
  }
  page_set_language(g_app.nav.language);
  load_language(g_app.nav.language, false);
  fetch_fonts_for_language(g_app.nav.language);
  request_frames();
}

// The drafts and session kept on the device, back in place before the first screen is chosen; their
// text may need glyphs no catalog text has.
std::string restore_from_device() {
  std::map<std::string, std::string> app_records, key_records;
  for (auto& [id, text] : g_app.device.records)
    (id.starts_with(kSentKeysRecordPrefix) ? key_records : app_records)[id] = std::move(text);
  RestoredRecords restored = restore_device_records(g_app.nav, g_app.catalog, app_records);
  for (auto& id : restore_sent_keys(key_records)) restored.unreadable.push_back(std::move(id));
  for (const auto& id : restored.unreadable) std::fprintf(stderr, "device record %s could not be read\n", id.c_str());
  for (const auto& id : g_app.device.unreadable) std::fprintf(stderr, "device record %s did not open\n", id.c_str());
  g_app.nav.storage_problem = g_app.device.problem_key;
  if (!restored.unreadable.empty()) g_app.nav.storage_problem = "storage.error.unreadable";
  note_saved_text();
  g_app.device = {};
  return restored.fragment;
}

void show_first_frame() {
  g_app.shown = true;
  page_set_language(g_app.nav.language);
  request_frames();
  page_ready();
  // Asked for as the first frame is drawn, so it never waits for them.
  load_language(g_app.nav.language, false);
  fetch_fonts_for_language(g_app.nav.language);
  app_update_init([] { apply_outcome(UpdateReady{}); });
}

void open_first_screen();

void start() {
  g_app.glyphs = glyphs_for(g_app.catalog, g_app.messages);
  font_fetch_init([](std::size_t index, std::vector<unsigned char> font) {
    // Not fatal: only the characters it holds are missing, as they were before it came.
    if (!g_app.atlas->set_merged_font(index, std::move(font)))
      return static_cast<void>(std::fprintf(stderr, "extra font %zu could not be read\n", index));
    if (const std::string_view lang = extra_fonts()[index].language; !lang.empty())
      add_message_glyphs(g_app.glyphs, g_app.messages, lang);
    g_app.glyphs_added = true;
    request_frames();
  }, [](std::vector<unsigned char> font) {
    // Rebuild now only for what the atlas lacked (the catalog's text past home, typed kanji, a restored
    // draft's), otherwise the next rebuild takes the larger font.
    const bool lacking = g_app.atlas->draws_missing(font);
    if (!g_app.atlas->set_main_font(std::move(font)))
      return static_cast<void>(std::fprintf(stderr, "a Japanese font that came could not be read\n"));
    if (!lacking) return;
    g_app.glyphs_added = true;
    request_frames();
  });
  if (!g_app.names_font.empty() &&
      !g_app.atlas->set_merged_font(static_cast<std::size_t>(&language_names_font() - extra_fonts().data()),
                                    std::move(g_app.names_font)))
    std::fprintf(stderr, "%s could not be read\n", std::string(language_names_font().file).c_str());
  backend_init(kCanvas, {frame, rebuild_fonts});
  // A draft is fitted to its form as it is put back (core/device_records.hpp): a device holding one waits
  // for the whole catalog.
  const auto& records = g_app.device.records;
  if (std::any_of(records.begin(), records.end(), [](const auto& r) { return r.first.starts_with(kDraftRecordPrefix); })) {
    g_app.when_past_home = open_first_screen;
    return ask_past_home();
  }
  open_first_screen();
}

// The drafts and session back in place and the first screen chosen: home is drawn at once; another first
// screen (a link, the screen the resident left) once the whole catalog and the first font are in.
void open_first_screen() {
  const std::string resume_fragment = restore_from_device();
  browser_history_init([](const Action& a) {
    g_app.followed.push_back(a);
    request_frames();
  });
  // A link opens its screen with the screens above it to go back to, none of them in the browser's history.
  apply(g_app.nav, FollowUrl{initial_route(resume_fragment)});
  g_app.nav.history = parent_routes(g_app.nav.current);
  browser_history_followed(g_app.nav.history.size(), g_app.nav);
  // What waited in the outbox when the page closed is on the device already.
  for (const auto& queued : g_app.nav.outbox) outbox_release(queued.submission_id());
  outbox_start(apply_outcome);
  if (g_app.nav.current.screen == Screen::Home || past_home() == ui::PastHome::Ready) show_first_frame();
  else g_app.when_past_home = show_first_frame;
  ask_past_home();
}

void loaded_one() {
  if (--g_app.loads_pending == 0 && !g_app.failed) start();
}

// Each language's messages file is asked for once; a failed fetch after the first frame is forgotten, so
// the resident's next action asks again.
std::set<std::string, std::less<>> g_messages_asked;

void messages_failed(const std::string& language, bool first_frame, const std::string& detail) {
  if (first_frame) return fail("messages", detail);
  g_messages_asked.erase(language);
  std::fprintf(stderr, "%s\n", detail.c_str());
}

// Before the first frame a language's messages are part of the load; after it, a language the resident
// chose arrives between frames, its texts in the fallback language (localized_text.hpp) until then.
void load_messages(std::string_view language, bool first_frame) {
  if (!g_messages_asked.emplace(language).second) return;
  if (first_frame) ++g_app.loads_pending;
  const std::string url = "i18n/" + std::string(language) + ".json";
  fetch_asset(url, [lang = std::string(language), url, first_frame](FetchResult r) {
    if (!r.ok) return messages_failed(lang, first_frame, describe_failure(r, url));
    const std::string problem = g_app.messages.load(lang, std::string(r.body.begin(), r.body.end()));
    if (!problem.empty()) return messages_failed(lang, first_frame, url + ": " + problem);
    if (first_frame) return loaded_one();
    // Now, not only when its font comes: the font may have come first.
    add_message_glyphs(g_app.glyphs, g_app.messages, lang);
    g_app.glyphs_added = true;
    request_frames();
  });
}

// The messages `language` is shown in: its own and its fallbacks', of those the site has.
void load_language(std::string_view language, bool first_frame) {
  for (std::string_view lang : fallback_languages(language))
    if (std::find(kUiLanguages.begin(), kUiLanguages.end(), lang) != kUiLanguages.end()) load_messages(lang, first_frame);
}

// The language the resident last chose on this device, read ahead of start() so that its messages are
// in before the first frame; Japanese on a first visit.
std::string saved_language(const DeviceOpened& device) {
  Navigation saved;
  if (auto session = device.records.find(kSessionRecord); session != device.records.end())
    restore_device_records(saved, Catalog{}, {{session->first, session->second}});
  return saved.language;
}

// Every language's name in itself (tools/language-names), so the language switch offers them all before
// their messages come: each is added as that language's one message until its file arrives.
void load_language_names() {
  constexpr const char* kFile = "i18n/names.json";
  fetch_asset(kFile, [](FetchResult r) {
    if (!r.ok) return fail("messages", describe_failure(r, kFile));
    const ParsedJson parsed = parse_json_text(std::string(r.body.begin(), r.body.end()));
    const auto* file = parsed.error ? nullptr : parsed.value.if_object();
    const auto* names = file ? file->if_contains("names") : nullptr;
    if (!names || !names->is_object()) return fail("messages", std::string(kFile) + ": expected {\"names\": {language: name}}");
    for (const auto& [language, name] : names->get_object()) {
      const boost::json::object one{{"format", "madoguchi-messages/1"},
                                    {"language", language},
                                    {"messages", boost::json::object{{"language.name", name}}}};
      const std::string problem = g_app.messages.load(language, boost::json::serialize(one));
      if (!problem.empty()) return fail("messages", std::string(kFile) + ": " + problem);
    }
    loaded_one();
  });
}

void load_assets() {
  g_app.loads_pending = 5;  // the device's records, the home font, the names font, home's catalog, the names
  load_language_names();
  load_messages(kJapanese, true);  // every language falls back to it; asked for before the device says which
  device_saver_start({[] {
                        auto records = device_records(g_app.nav);
                        records.merge(sent_key_records());
                        return records;
                      },
                      [](Action a) {
                        const bool shown = !std::holds_alternative<DraftsEdited>(a);
                        madoguchi::apply(g_app.nav, a);
                        if (shown) request_frames();
                      }},
                     [](DeviceOpened opened) {
                       g_app.device = std::move(opened);
                       load_language(saved_language(g_app.device), true);
                       loaded_one();
                     });
  fetch_asset(kHomeFontFile, [](FetchResult r) {
    if (!r.ok) return fail("font", describe_failure(r, kHomeFontFile));
    g_app.atlas.emplace(std::move(r.body));
    loaded_one();
  });
  // Waited for (1.8 KB), so the language switch is right from the first frame; without it only the
  // names of the languages the Japanese font lacks show as "?".
  fetch_asset(std::string(language_names_font().file), [](FetchResult r) {
    if (r.ok) g_app.names_font = std::move(r.body);
    else std::fprintf(stderr, "%s\n", describe_failure(r, language_names_font().file).c_str());
    loaded_one();
  });
  // Without the pinned keys the app still guides; only sending is refused, with its own message.
  fetch_asset("keys.json", [](FetchResult r) {
    if (r.ok) set_pinned_keys(std::string(r.body.begin(), r.body.end()));
    else std::fprintf(stderr, "%s\n", describe_failure(r, "keys.json").c_str());
  });
  fetch_catalog(kHomeCatalogFile, [](CatalogFetched fetched) {
    if (!fetched.catalog) return fail("catalog", fetched.detail);
    g_app.catalog = std::move(*fetched.catalog);
    loaded_one();
  });
}

}  // namespace
}  // namespace madoguchi::platform

int main() {
  using namespace madoguchi::platform;
  if (!create_webgl2_context(kCanvas)) {
    page_fatal("webgl", "WebGL 2 is not available");
    return 0;
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  madoguchi::ui::apply_theme(ImGui::GetStyle());
  if (!renderer_init()) {
    page_fatal("webgl", "WebGL 2 could not compile the renderer's shaders");
    return 0;
  }
  load_assets();
  return 0;
}

// navigator-bench: how long the navigator takes over the whole catalog: every checklist of every
// life event under every combination of answers, and every form filled with typical values and
// validated. Prints counts and times; the target is all of it within 5 ms natively.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/catalog_loader.hpp"
#include "core/checklist.hpp"
#include "core/field_validation.hpp"

namespace fs = std::filesystem;
using namespace madoguchi;

namespace {

std::vector<SourceFile> read_catalog(const fs::path& dir) {
  std::vector<SourceFile> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string rel = fs::relative(e.path(), dir).generic_string();
    if (e.path().extension() != ".json" || (rel.find('/') == std::string::npos && rel != kManifestPath)) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    files.push_back({rel, s.str()});
  }
  return files;
}

// Every combination of answers to an event's questions (unanswered included), each a resident's case.
std::vector<EventAnswers> answer_combinations(const LifeEvent& event) {
  std::vector<EventAnswers> cases(1);
  cases[0].event_date = CivilDate{2026, 3, 20};
  for (const auto& q : event.questions) {
    std::vector<std::string> values = q.kind == Question::Kind::YesNo ? std::vector<std::string>{"yes", "no"}
                                                                        : std::vector<std::string>{};
    for (const auto& o : q.options) values.push_back(o.value);
    std::vector<EventAnswers> next;
    for (const auto& c : cases) {
      next.push_back(c);
      for (const auto& v : values) {
        next.push_back(c);
        next.back().answers[q.id] = v;
      }
    }
    cases = std::move(next);
  }
  return cases;
}

// What a resident typically types into a field of each kind (full-width digits included).
std::string typical_value(const FieldSpec& f) {
  switch (f.kind) {
    case FieldKind::Text: return "区役所の窓口で受け取ります";
    case FieldKind::Name: return "山田 花子";
    case FieldKind::Furigana: return "やまだ はなこ";
    case FieldKind::Date: return "令和8年3月20日";
    case FieldKind::PostalCode: return "〒１０５－００１１";
    case FieldKind::Address: return "東京都まどぐち区芝公園１丁目２－３";
    case FieldKind::Phone: return "０９０－１２３４－５６７８";
    case FieldKind::Email: return "hanako@example.jp";
    case FieldKind::Choice: return f.options.empty() ? "" : f.options.front().value;
    case FieldKind::Checkbox: return "yes";
    case FieldKind::Number: return std::to_string(std::max(f.min_value, std::min(f.max_value, 1)));
    case FieldKind::MyNumber: return "123456789018";
    case FieldKind::Group:
    case FieldKind::Attachment: return "";  // a file id: the bench measures checking text, not photos
  }
  return "";
}

void fill(const std::vector<FieldSpec>& fields, const std::string& prefix, FormValues& values) {
  for (const auto& f : fields) {
    if (f.kind == FieldKind::Group) {
      int items = std::max(2, f.min_items);
      if (f.max_items) items = std::min(items, f.max_items);
      values.set_item_count(prefix + f.id, items);
      for (int i = 0; i < items; ++i) fill(f.fields, item_path(prefix + f.id, i, ""), values);
    } else {
      values.set(prefix + f.id, typical_value(f));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = argc > 1 ? argv[1] : "assets/catalog";
  int rounds = argc > 2 ? std::atoi(argv[2]) : 200;
  auto load = load_catalog(read_catalog(dir));
  if (!load.catalog) {
    for (const auto& p : load.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    return 1;
  }
  const Catalog& c = *load.catalog;
  std::vector<std::pair<const LifeEvent*, EventAnswers>> cases;
  for (const auto& e : c.events)
    for (auto& a : answer_combinations(e)) cases.emplace_back(&e, std::move(a));
  std::vector<std::pair<const FormSpec*, FormValues>> forms;
  for (const auto& [id, p] : c.procedures) {
    if (!p.form) continue;
    FormValues v;
    fill(p.form->fields, "", v);
    forms.emplace_back(&*p.form, std::move(v));
  }

  // The catalog once, as the target reads: each event's checklist with every question answered
  // (the longest list) and each form validated.
  std::vector<std::pair<const LifeEvent*, EventAnswers>> once;
  for (const auto& e : c.events) {
    EventAnswers a;
    a.event_date = CivilDate{2026, 3, 20};
    for (const auto& q : e.questions) a.answers[q.id] = q.options.empty() ? "yes" : q.options.front().value;
    once.emplace_back(&e, std::move(a));
  }

  using clock = std::chrono::steady_clock;
  auto median_ms = [&](auto&& work) {
    std::vector<double> ms;
    for (int r = 0; r < rounds; ++r) {
      auto t0 = clock::now();
      work();
      ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
  };
  std::size_t items = 0, problems = 0;
  double once_ms = median_ms([&] {
    for (const auto& [event, answers] : once) items += build_checklist(c, *event, answers).size();
    for (const auto& [form, values] : forms) problems += validate_form(*form, values).size();
  });
  double sweep_ms = median_ms([&] {
    for (const auto& [event, answers] : cases) build_checklist(c, *event, answers);
  });
  std::printf("catalog: %zu life events, %zu procedures, %zu forms\n", c.events.size(), c.procedures.size(), forms.size());
  std::printf("the whole catalog once: %zu checklists (%zu items) and %zu forms (%zu problems): %.3f ms (target: within 5 ms)\n",
              once.size(), items / rounds, forms.size(), problems / rounds, once_ms);
  std::printf("every answer combination: %zu checklists in %.3f ms, %.2f us each\n", cases.size(), sweep_ms,
              sweep_ms * 1000 / std::max<std::size_t>(cases.size(), 1));
  std::printf("(median of %d rounds, native)\n", rounds);
  return 0;
}

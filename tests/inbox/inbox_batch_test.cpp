// An inbox run against a fake endpoint: real envelopes in, staff's folders and CSVs out; anything that
// cannot be opened is set aside and the batch goes on.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/application_json.hpp"
#include "core/catalog_loader.hpp"
#include "core/field_validation.hpp"
#include "crypto/envelope.hpp"
#include "csv_export.hpp"
#include "inbox_batch.hpp"
#include "saved_submission.hpp"
#include "../unit/fixtures.hpp"

using namespace madoguchi;
using namespace madoguchi::inbox;
namespace fs = std::filesystem;

namespace {

class FakeEndpoint : public SubmissionSource {
 public:
  std::vector<ListedSubmission> listed;
  std::map<std::string, std::vector<std::uint8_t>> envelopes;
  std::map<std::string, std::string> statuses;
  bool fail_status = false;

  std::vector<ListedSubmission> list_new() override { return listed; }
  std::vector<std::uint8_t> envelope(const std::string& receipt) override { return envelopes.at(receipt); }
  void set_status(const std::string& receipt, const std::string& status, const std::string&) override {
    if (fail_status) throw SourceError("HTTP 503");
    statuses[receipt] = status;
  }

  void add(const std::string& receipt, std::vector<std::uint8_t> envelope) {
    auto header = std::get<crypto::EnvelopeHeader>(crypto::read_envelope_header(envelope));
    listed.push_back({receipt, header.submission_id, header.key_id, header.created, "2026-11-23T01:02:03Z", "new", "",
                      envelope.size()});
    envelopes[receipt] = std::move(envelope);
  }
};

const Catalog& catalog() {
  static const Catalog c = *load_catalog(fixtures::real_catalog_files()).catalog;
  return c;
}

std::string tenkyo_application() {
  const FormSpec& form = *catalog().find_procedure("tennyu-todoke")->form;
  FormValues v;
  v.set("came_from", "japan");
  v.set("new_address", "東京都千代田区九段南1丁目2番1号");
  v.set("moved_in_on", "2026-11-20");
  v.set("previous_address", "大阪府大阪市北区中之島1-3-20");
  v.set("moved_out_on", "2026-11-10");
  v.set("household", "new");
  v.set("head_name", "山田 太郎");
  v.set("members[0].name", "山田 太郎");
  v.set("members[0].furigana", "やまだ たろう");
  v.set("members[0].birth_date", "S60.5.5");
  v.set("members[0].sex", "male");
  v.set("members[0].relationship", "head");
  v.set("members[1].name", "山田 花子");
  v.set("members[1].furigana", "ヤマダ ハナコ");
  v.set("members[1].birth_date", "1987-02-03");
  v.set("members[1].sex", "female");
  v.set("members[1].relationship", "spouse");
  v.set_item_count("members", 2);
  v.set("notifier", "山田 太郎");
  v.set("notifier_is", "self");
  v.set("phone", "03-1234-5678");
  const CheckedForm checked = check_form(form, v);
  REQUIRE(checked.problems.empty());
  return application_json(form, checked.accepted, "ja");
}

std::vector<std::uint8_t> seal(const crypto::WardKeyPair& key, const std::string& procedure, std::string application,
                               std::vector<crypto::Attachment> attachments = {}) {
  crypto::Submission s{procedure, std::move(application), std::move(attachments), {}};
  s.reply_key.fill(7);
  return crypto::seal_envelope(s, key.public_key, crypto::new_submission_id(), "2026-11-23T00:59:00Z");
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("madoguchi-inbox-" + crypto::new_submission_id());
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("an inbox run files each submission, writes the CSV and marks it received", "[inbox]") {
  std::vector<crypto::WardKeyPair> keys;
  keys.push_back(crypto::generate_ward_key_pair());
  FakeEndpoint endpoint;
  const std::string photo = "not really a jpeg";
  endpoint.add("AAAA-BBBB-CCC1", seal(keys[0], "tennyu-todoke", tenkyo_application(),
                                      {{"../在留カード.jpg", "image/jpeg", {photo.begin(), photo.end()}}}));
  TempDir out;

  const BatchReport report = run_batch(endpoint, keys, catalog(), {out.path, true});
  CHECK(report.opened == 1);
  CHECK(report.set_aside == 0);
  CHECK(endpoint.statuses["AAAA-BBBB-CCC1"] == "received");

  const fs::path folder = out.path / "tennyu-todoke" / "AAAA-BBBB-CCC1";
  std::string error;
  const auto saved = read_saved_submission(folder / "submission.json", error);
  REQUIRE(saved);
  // The envelope canonicalises the application (sorted keys); the answers are the same.
  CHECK(read_application_json(saved->application_json).answers->values.all() ==
        read_application_json(tenkyo_application()).answers->values.all());
  REQUIRE(saved->attachments.size() == 1);
  CHECK(saved->attachments[0].name == "../在留カード.jpg");
  // The resident's file name cannot climb out of the submission's folder.
  CHECK(saved->attachments[0].file == "attachments/1-_在留カード.jpg");
  CHECK(read(folder / saved->attachments[0].file) == photo);

  const std::string csv = read(out.path / "tennyu-todoke.csv");
  CHECK(csv.starts_with("\xEF\xBB\xBF\"受付番号\",\"受信日時\""));
  // Japanese labels, both household members, choices as their labels, dates normalized, Japan time.
  CHECK(csv.find("\"引っ越してきた人（2）氏名\"") != std::string::npos);
  CHECK(csv.find("\"山田　花子\"") != std::string::npos);
  CHECK(csv.find("\"1985-05-05\"") != std::string::npos);
  CHECK(csv.find("\"2026-11-23 10:02:03\"") != std::string::npos);
  CHECK(csv.find("\r\n\"AAAA-BBBB-CCC1\",") != std::string::npos);
}

TEST_CASE("what cannot be opened is set aside with the reason, and the batch goes on", "[inbox]") {
  std::vector<crypto::WardKeyPair> keys;
  keys.push_back(crypto::generate_ward_key_pair());
  const crypto::WardKeyPair other = crypto::generate_ward_key_pair();
  FakeEndpoint endpoint;
  auto tampered = seal(keys[0], "tennyu-todoke", tenkyo_application());
  tampered[tampered.size() - 3] ^= 1;
  endpoint.add("TAMP-ERED-0001", tampered);
  endpoint.add("OTHE-RKEY-0002", seal(other, "tennyu-todoke", tenkyo_application()));
  auto truncated = seal(keys[0], "tennyu-todoke", tenkyo_application());
  endpoint.add("TRUN-CATE-0003", truncated);
  endpoint.envelopes["TRUN-CATE-0003"].resize(truncated.size() / 2);
  endpoint.add("PATH-ESCA-0004", seal(keys[0], "../../etc", R"({"answers":{},"language":"ja"})"));
  endpoint.add("GOOD-GOOD-0005", seal(keys[0], "tennyu-todoke", tenkyo_application()));
  TempDir out;

  const BatchReport report = run_batch(endpoint, keys, catalog(), {out.path, true});
  CHECK(report.opened == 1);
  CHECK(report.set_aside == 4);
  CHECK(endpoint.statuses.size() == 1);
  CHECK(endpoint.statuses.count("GOOD-GOOD-0005") == 1);
  REQUIRE(report.lines.size() == 5);
  CHECK(report.lines[0].find("TAMP-ERED-0001: set aside") == 0);
  CHECK(report.lines[0].find("tampered") != std::string::npos);
  CHECK(report.lines[1].find("sealed to key " + other.public_key.key_id) != std::string::npos);
  CHECK(report.lines[2].find("truncated") != std::string::npos);
  CHECK(report.lines[3].find("not a catalog id") != std::string::npos);
  CHECK(fs::exists(out.path / "set-aside" / "TAMP-ERED-0001.envelope"));
  CHECK(read(out.path / "set-aside" / "OTHE-RKEY-0002.txt").find("problem: sealed to key") != std::string::npos);
  CHECK_FALSE(fs::exists(out.path / ".." / "etc"));
}

TEST_CASE("a submission stays filed when marking it received fails, and a rerun refiles it cleanly", "[inbox]") {
  std::vector<crypto::WardKeyPair> keys;
  keys.push_back(crypto::generate_ward_key_pair());
  FakeEndpoint endpoint;
  endpoint.add("AAAA-BBBB-CCC1", seal(keys[0], "tennyu-todoke", tenkyo_application()));
  endpoint.fail_status = true;
  TempDir out;
  BatchReport report = run_batch(endpoint, keys, catalog(), {out.path, true});
  CHECK(report.opened == 1);
  CHECK(report.lines[0].find("not marked received: HTTP 503") != std::string::npos);

  endpoint.fail_status = false;
  report = run_batch(endpoint, keys, catalog(), {out.path, true});
  CHECK(report.opened == 1);
  CHECK(endpoint.statuses["AAAA-BBBB-CCC1"] == "received");
  // One row, not two: the CSV is rebuilt from the filed submissions.
  CHECK(rebuild_procedure_csv(out.path, "tennyu-todoke", catalog()) == 1);
}

TEST_CASE("CSV cells are quoted and an answer never becomes a spreadsheet formula", "[inbox]") {
  FormSpec form;
  FieldSpec note;
  note.id = "note";
  note.label.by_language = {{"ja", "備考"}};
  form.fields.push_back(note);
  SavedSubmission s;
  s.receipt = "AAAA-BBBB-CCC1";
  s.received = "2026-11-23T15:30:00Z";
  s.application_json = R"json({"answers":{"note":"=HYPERLINK(\"http://x\",\"押して\")","gone":"古い項目"},"language":"en"})json";
  const std::string csv = procedure_csv(&form, {s});
  CHECK(csv == "\xEF\xBB\xBF\"受付番号\",\"受信日時\",\"申請日時\",\"補正元の受付番号\",\"言語\",\"添付ファイル数\",\"備考\",\"gone\"\r\n"
               "\"AAAA-BBBB-CCC1\",\"2026-11-24 00:30:00\",\"\",\"\",\"en\",\"0\","
               "\"'=HYPERLINK(\"\"http://x\"\",\"\"押して\"\")\",\"古い項目\"\r\n");
}

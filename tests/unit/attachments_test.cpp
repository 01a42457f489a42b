// Photos and files attached to a form: the catalog's field, what a draft keeps and the device stores, what
// leaves the device sealed with the application, and the field as the resident meets it on the form.
#include <catch2/catch.hpp>

#include "core/application_json.hpp"
#include "core/attached_files.hpp"
#include "core/backup_contents.hpp"
#include "core/device_records.hpp"
#include "core/field_validation.hpp"
#include "portal_fixture.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;
using ui::Role;

namespace {

std::shared_ptr<const AttachedFile> photo(std::string name = "IMG_2034.jpg") {
  AttachedFile file{new_file_id(), std::move(name), "image/jpeg", 1500, 2000, {0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3}, {}};
  return keep_file(std::move(file));
}

// The 国民健康保険 form of someone who left their employer's insurance: it asks for the certificate.
void left_employer(Navigation& nav) {
  apply(nav, OpenForm{"kokuho-kanyu"});
  apply(nav, SetFieldValue{"kokuho-kanyu", "reason", "left_employer"});
}

const FormSpec& kokuho_form(const Portal& p) { return *p.catalog.find_procedure("kokuho-kanyu")->form; }

}  // namespace

TEST_CASE("the catalog's attachment field takes photos, or PDFs too, and nothing it cannot use", "[attachments]") {
  Portal p;
  const FieldSpec* certificate = find_field(kokuho_form(p).fields, "loss_certificate");
  REQUIRE(certificate);
  CHECK(certificate->kind == FieldKind::Attachment);
  CHECK(certificate->accepts_pdf);
  CHECK(certificate->required);

  auto with_sosaihi = [](const std::string& from, const std::string& to) {
    auto files = fixtures::real_catalog_files();
    for (auto& f : files)
      if (f.path == "procedures/sosaihi.json") {
        const auto at = f.text.find(from);
        REQUIRE(at != std::string::npos);
        f.text.replace(at, from.size(), to);
      }
    return load_catalog(files);
  };
  CHECK(with_sosaihi(R"("accept": "photo-or-pdf")", R"("accept": "photo")").catalog);
  const auto wrong_accept = with_sosaihi(R"("accept": "photo-or-pdf")", R"("accept": "video")");
  CHECK_FALSE(wrong_accept.catalog);
}

TEST_CASE("a file record keeps the photo exactly and refuses one that is not it", "[attachments]") {
  const auto file = photo("在留カード.jpg");
  CHECK(is_file_id(file->id));
  CHECK(file->record == file_record_text(*file));
  const auto back = read_file_record(file->id, file->record);
  REQUIRE(back);
  CHECK(back->bytes == file->bytes);
  CHECK(back->name == "在留カード.jpg");
  CHECK(back->width == 1500);
  CHECK_FALSE(read_file_record(new_file_id(), file->record));  // another record's text
  std::string other_type = file->record;
  other_type.replace(other_type.find("image/jpeg"), 10, "text/html!");
  CHECK_FALSE(read_file_record(file->id, other_type));
  CHECK_FALSE(read_file_record(file->id, "{}"));
  CHECK(sealed_attachment_name("members[1].residence_card", "image/jpeg") == "members-1-residence_card.jpg");
  CHECK(sealed_attachment_name("loss_certificate", "application/pdf") == "loss_certificate.pdf");
  CHECK(file_size_text(245'300) == "246 KB");
  CHECK(file_size_text(1'234'567) == "1.2 MB");
}

TEST_CASE("an attached photo stays while its draft names it, on the device too, and goes with it", "[attachments]") {
  Portal p;
  left_employer(p.nav);
  apply(p.nav, AttachmentPreparing{"kokuho-kanyu", "loss_certificate"});
  CHECK(p.nav.drafts.at("kokuho-kanyu").attaching == "loss_certificate");
  const auto file = photo();
  apply(p.nav, AttachmentPicked{"kokuho-kanyu", "loss_certificate", file});
  CHECK(p.nav.drafts.at("kokuho-kanyu").attaching.empty());
  CHECK(p.nav.drafts.at("kokuho-kanyu").values.get("loss_certificate") == file->id);
  CHECK(p.nav.files.count(file->id));

  // Kept on the device as a record of its own, and back after a reload.
  const auto records = device_records(p.nav);
  CHECK(records.at("file/" + file->id) == file->record);
  Navigation reloaded;
  const RestoredRecords restored = restore_device_records(reloaded, p.catalog, records);
  CHECK(restored.unreadable.empty());
  REQUIRE(reloaded.files.count(file->id));
  CHECK(reloaded.files.at(file->id)->bytes == file->bytes);

  // Another photo in its place: the first is gone from the device at the next save.
  const auto second = photo("IMG_2035.jpg");
  apply(p.nav, AttachmentPicked{"kokuho-kanyu", "loss_certificate", second});
  CHECK_FALSE(p.nav.files.count(file->id));
  apply(p.nav, RemoveAttachment{"kokuho-kanyu", "loss_certificate"});
  CHECK(p.nav.files.empty());
  CHECK(record_changes(records, device_records(p.nav)).remove == std::vector<std::string>{"file/" + file->id});

  // Deleting the draft deletes its photo.
  apply(p.nav, AttachmentPicked{"kokuho-kanyu", "loss_certificate", file});
  apply(p.nav, DeleteDraft{"kokuho-kanyu", true});
  CHECK(p.nav.files.empty());
}

TEST_CASE("a required photo the draft does not have is a problem beside its field", "[attachments]") {
  Portal p;
  left_employer(p.nav);
  const FormSpec& form = kokuho_form(p);
  auto problem_on = [&](const CheckedForm& checked) {
    for (const auto& problem : checked.problems)
      if (problem.field_path == "loss_certificate") return problem.code;
    return std::string();
  };
  CHECK(problem_on(check_form(form, p.nav.drafts.at("kokuho-kanyu").values, &p.nav.files)) == "attachment.required");
  const auto file = photo();
  apply(p.nav, AttachmentPicked{"kokuho-kanyu", "loss_certificate", file});
  CHECK(problem_on(check_form(form, p.nav.drafts.at("kokuho-kanyu").values, &p.nav.files)).empty());
  // A correction of a sent application, or a photo lost from the device: asked for again.
  const AttachedFiles none;
  CHECK(problem_on(check_form(form, p.nav.drafts.at("kokuho-kanyu").values, &none)) == "attachment.required");
  // Hidden once the reason no longer asks for it, and then never sent.
  apply(p.nav, SetFieldValue{"kokuho-kanyu", "reason", "birth"});
  const CheckedForm hidden = check_form(form, p.nav.drafts.at("kokuho-kanyu").values, &p.nav.files);
  CHECK(problem_on(hidden).empty());
  CHECK(attachments_to_seal(form, hidden.accepted, p.nav.files).attachments.empty());
}

TEST_CASE("the photo is sealed with the application, named for its field, and the ward opens it", "[attachments]") {
  Portal p;
  left_employer(p.nav);
  const auto file = photo();
  apply(p.nav, AttachmentPicked{"kokuho-kanyu", "loss_certificate", file});
  const FormSpec& form = kokuho_form(p);
  const CheckedForm checked = check_form(form, p.nav.drafts.at("kokuho-kanyu").values, &p.nav.files);
  AttachmentsToSeal sealing = attachments_to_seal(form, checked.accepted, p.nav.files);
  CHECK(sealing.bytes == file->bytes.size());
  CHECK(sealing.answers.get("loss_certificate") == "loss_certificate.jpg");

  const crypto::WardKeyPair ward = crypto::generate_ward_key_pair();
  auto sealed = std::make_shared<const SealedApplication>(seal_application("kokuho-kanyu", application_json(form, sealing.answers, "ja"),
                                                    ward.public_key, "2026-12-07T01:02:03Z", std::move(sealing.attachments)));
  auto opened = crypto::open_envelope(sealed->envelope, ward);
  REQUIRE(std::holds_alternative<crypto::OpenedEnvelope>(opened));
  const auto& submission = std::get<crypto::OpenedEnvelope>(opened).submission;
  REQUIRE(submission.attachments.size() == 1);
  CHECK(submission.attachments[0].name == "loss_certificate.jpg");
  CHECK(submission.attachments[0].type == "image/jpeg");
  CHECK(submission.attachments[0].bytes == file->bytes);
  CHECK(submission.application_json.find(R"("loss_certificate":"loss_certificate.jpg")") != std::string::npos);
  CHECK(submission.application_json.find(file->id) == std::string::npos);

  // Sent: the draft and its photo leave the device.
  apply(p.nav, ApplicationSealed{"kokuho-kanyu", sealed, "2026-12-07T01:02:04Z"});
  CHECK(p.nav.files.count(file->id));  // still needed if the ward's endpoint refuses it
  apply(p.nav, SubmissionSent{"kokuho-kanyu", "R-1", "2026-12-07T01:02:05Z", sealed->submission_id});
  CHECK(p.nav.files.empty());
}

TEST_CASE("a backup carries the photos of its drafts", "[attachments]") {
  Portal p;
  left_employer(p.nav);
  const auto file = photo();
  apply(p.nav, AttachmentPicked{"kokuho-kanyu", "loss_certificate", file});
  const std::string contents = backup_contents(device_records(p.nav), "2026-12-07T02:00:00Z");
  Navigation fresh;
  REQUIRE(restore_backup_contents(fresh, p.catalog, contents).ok);
  REQUIRE(fresh.files.count(file->id));
  CHECK(fresh.files.at(file->id)->bytes == file->bytes);
  CHECK(fresh.drafts.at("kokuho-kanyu").values.get("loss_certificate") == file->id);
}

TEST_CASE("the form offers the camera and the phone's photos, then shows what is attached", "[attachments]") {
  Portal p;
  left_employer(p.nav);
  p.frame();
  p.frame();
  const std::string label = "健康保険をやめた日がわかる書類の写真";
  REQUIRE(find(p.tree, Role::Button, "カメラで撮る：" + label));
  const auto actions = [&] {
    p.tree.request_activation(find(p.tree, Role::Button, "写真かPDFを選ぶ：" + label)->id);
    return p.frame();
  }();
  const auto pick = std::find_if(actions.begin(), actions.end(), [](const Action& a) { return std::holds_alternative<PickAttachment>(a); });
  REQUIRE(pick != actions.end());
  CHECK_FALSE(std::get<PickAttachment>(*pick).camera);
  CHECK(std::get<PickAttachment>(*pick).pdf);

  apply(p.nav, AttachmentFailed{"kokuho-kanyu", "loss_certificate", "attach.error.not_photo_or_pdf"});
  p.frame();
  CHECK(find(p.tree, Role::Text, "エラー：選んだファイルは写真でも PDF でもありません。写真か PDF を選ぶか、カメラで撮ってください。"));

  apply(p.nav, AttachmentPicked{"kokuho-kanyu", "loss_certificate", photo("IMG_2034.jpg")});
  p.frame();
  CHECK(find(p.tree, Role::Image, "添付した写真：IMG_2034.jpg"));
  CHECK(find(p.tree, Role::Text, "IMG_2034.jpg（1 KB）"));
  CHECK_FALSE(find(p.tree, Role::Button, "カメラで撮る：" + label));
  p.activate(Role::Button, "添付を取り消す：" + label);
  CHECK(p.nav.files.empty());
  CHECK(find(p.tree, Role::Button, "カメラで撮る：" + label));
}

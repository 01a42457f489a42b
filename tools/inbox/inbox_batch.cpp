// The inbox run: list → fetch → check → open → file → mark, each submission on its own.
#include "inbox_batch.hpp"


#include <algorithm>
#include <fstream>
#include <set>

#include "core/application_json.hpp"
#include "crypto/byte_text.hpp"
#include "crypto/envelope.hpp"
#include "csv_export.hpp"
#include "saved_submission.hpp"

namespace madoguchi::inbox {

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& file, const void* data, std::size_t size) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out.flush()) throw std::runtime_error("cannot write " + file.string());
}

void write_file(const fs::path& file, const std::string& text) { write_file(file, text.data(), text.size()); }

// A resident's file name, made safe to create on a ward PC: no folders, no control characters, no
// leading dot, not too long; the index keeps two "photo.jpg" apart.
std::string attachment_file_name(std::size_t index, const std::string& name) {
  std::string safe;
  for (unsigned char c : name)
    safe += (c < 0x20 || c == 0x7f || std::string_view("/\\:*?\"<>|").find(static_cast<char>(c)) != std::string_view::npos)
                ? '_'
                : static_cast<char>(c);
  safe.erase(0, safe.find_first_not_of(". "));
  if (safe.size() > 120) {
    std::size_t cut = 120;
    while (cut > 0 && (static_cast<unsigned char>(safe[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    safe.resize(cut);
  }
  return std::to_string(index + 1) + "-" + (safe.empty() ? "attachment" : safe);
}

// Procedure ids and receipts become folder names, and both come from outside (anyone may seal to the
// ward's public key; the listing comes from a server): only the characters their formats allow.
bool safe_name(const std::string& text) {
  return !text.empty() && text.size() <= 64 && text.front() != '-' &&
         std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
         });
}

std::string error_name(crypto::EnvelopeError::Code code) {
  using C = crypto::EnvelopeError::Code;
  switch (code) {
    case C::Malformed: return "malformed";
    case C::UnsupportedVersion: return "unsupported version";
    case C::WrongKey: return "addressed to another key";
    case C::Tampered: return "tampered or corrupted";
    case C::Truncated: return "truncated";
    case C::TrailingData: return "extra bytes after the end";
    case C::TooLarge: return "too large";
  }
  return "unreadable";
}

class Batch {
 public:
  Batch(SubmissionSource& source, const std::vector<crypto::WardKeyPair>& keys, const Catalog& catalog,
        const BatchOptions& options)
      : source_(source), keys_(keys), catalog_(catalog), options_(options) {}

  BatchReport run() {
    for (const ListedSubmission& listed : source_.list_new()) handle(listed);
    for (const auto& procedure : touched_) rebuild_procedure_csv(options_.out, procedure, catalog_);
    return std::move(report_);
  }

 private:
  void handle(const ListedSubmission& listed) {
    if (!safe_name(listed.receipt)) {
      report_.lines.push_back("a listed receipt has characters a receipt cannot have; skipped (check the server URL)");
      return;
    }
    std::vector<std::uint8_t> envelope;
    try {
      envelope = source_.envelope(listed.receipt);
    } catch (const SourceError& e) {
      report_.lines.push_back(listed.receipt + ": not fetched, tried again next run: " + e.what());
      return;
    }
    auto header = crypto::read_envelope_header(envelope);
    if (auto* e = std::get_if<crypto::EnvelopeError>(&header)) return set_aside(listed, envelope, describe(*e));
    const auto& h = std::get<crypto::EnvelopeHeader>(header);
    // The header is authenticated by the open below: a server that swapped envelopes is caught here.
    if (h.submission_id != listed.submission_id)
      return set_aside(listed, envelope, "the server lists submission " + listed.submission_id +
                                             " but the envelope is " + h.submission_id);
    const auto key = std::find_if(keys_.begin(), keys_.end(),
                                  [&](const crypto::WardKeyPair& k) { return k.public_key.key_id == h.key_id; });
    if (key == keys_.end())
      return set_aside(listed, envelope, "sealed to key " + h.key_id + ", which this inbox was not given (" +
                                             key_ids() + "); run it with that key's secret key file");
    auto opened_or = crypto::open_envelope(envelope, *key);
    if (auto* e = std::get_if<crypto::EnvelopeError>(&opened_or)) return set_aside(listed, envelope, describe(*e));
    auto& opened = std::get<crypto::OpenedEnvelope>(opened_or);
    if (!safe_name(opened.submission.procedure))
      return set_aside(listed, envelope, "the procedure id inside is not a catalog id (letters, digits and '-')");
    const ApplicationRead application = read_application_json(opened.submission.application_json);
    if (!application.answers)
      return set_aside(listed, envelope, "the application inside is not in the expected form: " + application.error);

    file(listed, opened);
    std::string line = listed.receipt + ": " + opened.submission.procedure + ", " +
                       std::to_string(opened.submission.attachments.size()) + " attachment(s)";
    if (!catalog_.find_procedure(opened.submission.procedure))
      line += " (procedure not in this catalog: CSV columns are field paths)";
    if (options_.mark_received) {
      try {
        source_.set_status(listed.receipt, "received", "");
      } catch (const SourceError& e) {
        line += "; filed, but not marked received: " + std::string(e.what());
      }
    }
    report_.lines.push_back(line);
    ++report_.opened;
  }

  // Written to a temporary folder and renamed, so a crash never leaves half a submission for staff.
  void file(const ListedSubmission& listed, crypto::OpenedEnvelope& opened) {
    const crypto::Submission& sub = opened.submission;
    const fs::path folder = options_.out / sub.procedure / listed.receipt;
    const fs::path temp = options_.out / sub.procedure / ("." + listed.receipt + ".partial");
    fs::remove_all(temp);
    fs::create_directories(temp / "attachments");
    SavedSubmission saved{listed.receipt, opened.header.submission_id, sub.procedure, opened.header.created,
                          listed.received, listed.corrects, opened.header.key_id, sub.reply_key,
                          sub.application_json, {}};
    for (std::size_t i = 0; i < sub.attachments.size(); ++i) {
      const auto& a = sub.attachments[i];
      const std::string name = "attachments/" + attachment_file_name(i, a.name);
      write_file(temp / name, a.bytes.data(), a.bytes.size());
      saved.attachments.push_back({a.name, a.type, name, crypto::sha256_hex(a.bytes), a.bytes.size()});
    }
    write_file(temp / "submission.json", saved_submission_json(saved));
    fs::remove_all(folder);
    fs::rename(temp, folder);
    touched_.insert(sub.procedure);
  }

  void set_aside(const ListedSubmission& listed, const std::vector<std::uint8_t>& envelope, const std::string& why) {
    const fs::path dir = options_.out / "set-aside";
    fs::create_directories(dir);
    write_file(dir / (listed.receipt + ".envelope"), envelope.data(), envelope.size());
    write_file(dir / (listed.receipt + ".txt"), "receipt " + listed.receipt + "\nsubmission " + listed.submission_id +
                                                    "\nreceived " + listed.received + "\nproblem: " + why + "\n");
    report_.lines.push_back(listed.receipt + ": set aside in set-aside/" + listed.receipt + ".envelope: " + why);
    ++report_.set_aside;
  }

  static std::string describe(const crypto::EnvelopeError& e) { return error_name(e.code) + ": " + e.detail; }

  std::string key_ids() const {
    std::string ids;
    for (const auto& k : keys_) ids += (ids.empty() ? "" : ", ") + k.public_key.key_id;
    return ids.empty() ? "none" : ids;
  }

  SubmissionSource& source_;
  const std::vector<crypto::WardKeyPair>& keys_;
  const Catalog& catalog_;
  const BatchOptions& options_;
  BatchReport report_;
  std::set<std::string> touched_;
};

}  // namespace

BatchReport run_batch(SubmissionSource& source, const std::vector<crypto::WardKeyPair>& keys, const Catalog& catalog,
                      const BatchOptions& options) {
  return Batch(source, keys, catalog, options).run();
}

int rebuild_procedure_csv(const fs::path& out, const std::string& procedure, const Catalog& catalog) {
  std::vector<SavedSubmission> saved;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(out / procedure, ec)) {
    if (!entry.is_directory() || entry.path().filename().string().starts_with(".")) continue;
    std::string error;
    if (auto s = read_saved_submission(entry.path() / "submission.json", error)) saved.push_back(std::move(*s));
  }
  std::sort(saved.begin(), saved.end(),
            [](const SavedSubmission& a, const SavedSubmission& b) { return a.received < b.received; });
  const Procedure* p = catalog.find_procedure(procedure);
  write_file(out / (procedure + ".csv"), procedure_csv(p && p->form ? &*p->form : nullptr, saved));
  return static_cast<int>(saved.size());
}

}  // namespace madoguchi::inbox

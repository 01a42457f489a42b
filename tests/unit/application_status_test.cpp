// A sent application's status as the resident's device reads it: the status word, and the ward's
// notes opened with the reply key only this device holds; every failure a message to show.
#include <catch2/catch.hpp>

#include "core/application_status.hpp"
#include "crypto/byte_text.hpp"
#include "crypto/reply_message.hpp"

using namespace madoguchi;

namespace {

std::string sealed_note(const crypto::WardKeyPair& to, const std::string& json) {
  const auto sealed = crypto::seal_reply(std::span(reinterpret_cast<const std::uint8_t*>(json.data()), json.size()),
                                         to.public_key.bytes);
  return crypto::to_base64(sealed);
}

std::string answer(const std::string& status, const std::string& messages) {
  return R"({"receipt":"7K3M-9QXW-2HPD","status":")" + status + R"(","updated":"2026-11-23T01:00:00Z","messages":[)" +
         messages + "]}";
}

}  // namespace

TEST_CASE("the status and the ward's sealed notes are read with the device's reply key", "[status]") {
  const auto device = crypto::generate_ward_key_pair();
  const std::string note = sealed_note(device, R"({"status":"correction_requested","text":"住民票の写しを添付してください。"})");
  const StatusAnswer a = read_status_answer(
      200, answer("correction_requested", R"({"id":1,"sent":"2026-11-23T02:00:00Z","sealed":")" + note + R"("})"), device);
  CHECK(a.status == "correction_requested");
  REQUIRE(a.notes.size() == 1);
  CHECK(a.notes[0].text == "住民票の写しを添付してください。");
  CHECK(a.notes[0].status == "correction_requested");
  CHECK(a.notes[0].sent == "2026-11-23T02:00:00Z");
  CHECK(a.message_key.empty());
}

TEST_CASE("a note sealed to another device or changed on the way is kept, marked unreadable", "[status]") {
  const auto device = crypto::generate_ward_key_pair();
  const auto other = crypto::generate_ward_key_pair();
  std::string changed = sealed_note(device, R"({"status":"received","text":"ok"})");
  changed[10] = changed[10] == 'A' ? 'B' : 'A';
  const std::string messages = R"({"id":1,"sent":"t1","sealed":")" + sealed_note(other, R"({"text":"x"})") +
                               R"("},{"id":2,"sent":"t2","sealed":")" + changed + R"("},{"id":3,"sent":"t3","sealed":"%%%"})";
  const StatusAnswer a = read_status_answer(200, answer("received", messages), device);
  CHECK(a.status == "received");
  REQUIRE(a.notes.size() == 3);
  for (const auto& n : a.notes) CHECK(n.text.empty());
}

TEST_CASE("each failure to read the status is a message for the resident", "[status]") {
  const auto device = crypto::generate_ward_key_pair();
  CHECK(read_status_answer(0, "", device).message_key == "status.error.offline");
  CHECK(read_status_answer(404, "{}", device).message_key == "status.error.not_found");
  CHECK(read_status_answer(503, "", device).message_key == "status.error.server");
  CHECK(read_status_answer(200, answer("lost", ""), device).message_key == "status.error.server");
  CHECK(read_status_answer(200, "[]", device).status.empty());
}

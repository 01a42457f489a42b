// Field and form validation with what residents really type, and a message for every problem code.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/field_validation.hpp"
#include "fixtures.hpp"

using namespace madoguchi;

namespace {

FieldSpec field(std::string id, FieldKind kind, bool required = false) {
  FieldSpec f;
  f.id = std::move(id);
  f.kind = kind;
  f.required = required;
  f.label.by_language = {{"ja", "項目"}, {"en", "Item"}};
  return f;
}

// "normalized" or "problem:<code>".
std::string check(const FieldSpec& spec, std::string_view raw) {
  FieldResult r = validate_field(spec, raw);
  return r.problem ? "problem:" + r.problem->code : r.normalized;
}

std::string check(FieldKind kind, std::string_view raw) { return check(field("f", kind), raw); }

std::vector<std::string> codes(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field_path + " " + p.code);
  return out;
}

Condition equals(std::string id, std::string value) {
  return {Condition::Op::Equals, std::move(id), {std::move(value)}, {}};
}

}  // namespace

TEST_CASE("empty required fields are reported, empty optional ones are not", "[forms]") {
  CHECK(check(field("f", FieldKind::Text, true), " 　") == "problem:field.required");
  CHECK(check(field("f", FieldKind::Phone, false), "").empty());
  CHECK(check(FieldKind::Text, "  窓口で相談したい　") == "窓口で相談したい");
}

TEST_CASE("names need a family and a given name", "[forms]") {
  CHECK(check(FieldKind::Name, "山田　太郎") == "山田　太郎");
  CHECK(check(FieldKind::Name, " 山田 太郎 ") == "山田　太郎");
  CHECK(check(FieldKind::Name, "ﾔﾏﾀﾞ ﾀﾛｳ") == "ヤマダ　タロウ");
  CHECK(check(FieldKind::Name, "Ｓｍｉｔｈ　Ｊｏｈｎ") == "Smith John");
  CHECK(check(FieldKind::Name, "O'Brien Mary-Jane") == "O'Brien Mary-Jane");
  CHECK(check(FieldKind::Name, "ジョン・スミス") == "ジョン・スミス");
  CHECK(check(FieldKind::Name, "山田太郎") == "problem:name.two_parts");
  FieldResult r = validate_field(field("f", FieldKind::Name), "山田 太郎090");
  REQUIRE(r.problem);
  CHECK(r.problem->code == "name.characters");
  CHECK(r.problem->params == std::vector<std::pair<std::string, std::string>>{{"characters", "0 9"}});
}

TEST_CASE("furigana accepts hiragana and half-width kana and names what is not kana", "[forms]") {
  CHECK(check(FieldKind::Furigana, "やまだ たろう") == "ヤマダ　タロウ");
  CHECK(check(FieldKind::Furigana, "ﾔﾏﾀﾞ　ﾀﾛｳ") == "ヤマダ　タロウ");
  CHECK(check(FieldKind::Furigana, "ヤマダ　タロウ") == "ヤマダ　タロウ");
  CHECK(check(FieldKind::Furigana, "ジョン・スミス") == "ジョン・スミス");
  FieldResult r = validate_field(field("f", FieldKind::Furigana), "山田 たろう yamada");
  REQUIRE(r.problem);
  CHECK(r.problem->code == "furigana.not_kana");
  CHECK(r.problem->params == std::vector<std::pair<std::string, std::string>>{{"characters", "山 田 y a m d"}});
}

TEST_CASE("dates are read in any form and stored as ISO", "[forms]") {
  CHECK(check(FieldKind::Date, "R1.5.1") == "2019-05-01");
  CHECK(check(FieldKind::Date, "令和６年４月１日") == "2024-04-01");
  CHECK(check(FieldKind::Date, "平成31年5月1日") == "problem:date.era_range");
  FieldResult r = validate_field(field("f", FieldKind::Date), "平成31年5月1日");
  REQUIRE(r.problem);
  CHECK(r.problem->params[1] == std::pair<std::string, std::string>{"suggestion", "令和元年5月1日"});
  CHECK(check(FieldKind::Date, "2月30日") == "problem:date.format");
}

TEST_CASE("postal codes accept 〒, full-width digits and any hyphen", "[forms]") {
  CHECK(check(FieldKind::PostalCode, "〒１０５－００１１") == "105-0011");
  CHECK(check(FieldKind::PostalCode, "1050011") == "105-0011");
  CHECK(check(FieldKind::PostalCode, "105ー0011") == "105-0011");
  CHECK(check(FieldKind::PostalCode, "〒 105 0011") == "105-0011");
  CHECK(check(FieldKind::PostalCode, "105-001") == "problem:postal_code.digits");
  CHECK(check(FieldKind::PostalCode, "105-00111") == "problem:postal_code.digits");
  CHECK(check(FieldKind::PostalCode, "港区") == "problem:postal_code.digits");
}

TEST_CASE("addresses need a block number and get half-width digits and hyphens", "[forms]") {
  CHECK(check(FieldKind::Address, "東京都港区芝公園１ー２ー３　ｺｰﾎﾟ芝１０１") == "東京都港区芝公園1-2-3 コーポ芝101");
  CHECK(check(FieldKind::Address, "東京都港区芝公園1丁目2番3号") == "東京都港区芝公園1丁目2番3号");
  CHECK(check(FieldKind::Address, "港区芝公園一丁目二番三号") == "港区芝公園一丁目二番三号");
  CHECK(check(FieldKind::Address, "八丈町大賀郷2345番地") == "八丈町大賀郷2345番地");
  CHECK(check(FieldKind::Address, "○○村大字△△ 番地なし") == "○○村大字△△ 番地なし");
  CHECK(check(FieldKind::Address, "東京都港区芝公園") == "problem:address.block_number");
  CHECK(check(FieldKind::Address, "東京都港区芝公園1丁目") == "problem:address.block_number");
  CHECK(check(FieldKind::Address, "東京都港区芝公園一丁目") == "problem:address.block_number");
  CHECK(check(FieldKind::Address, "東京都港区六本木") == "problem:address.block_number");  // 六 is part of the name
}

TEST_CASE("phone numbers: fixed 10 digits, mobile and IP 11 digits", "[forms]") {
  CHECK(check(FieldKind::Phone, "０９０－１２３４－５６７８") == "090-1234-5678");
  CHECK(check(FieldKind::Phone, "09012345678") == "090-1234-5678");
  CHECK(check(FieldKind::Phone, "050 1234 5678") == "050-1234-5678");
  CHECK(check(FieldKind::Phone, "+81 90-1234-5678") == "090-1234-5678");
  CHECK(check(FieldKind::Phone, "+81(0)80 1234 5678") == "080-1234-5678");
  CHECK(check(FieldKind::Phone, "(03)3578-2111") == "03-3578-2111");
  CHECK(check(FieldKind::Phone, "０３ー３５７８ー２１１１") == "03-3578-2111");
  CHECK(check(FieldKind::Phone, "0335782111") == "0335782111");  // where the area code ends is not guessed
  CHECK(check(FieldKind::Phone, "0426-12-3456") == "0426-12-3456");
  CHECK(check(FieldKind::Phone, "0901234567") == "problem:phone.mobile_length");
  CHECK(check(FieldKind::Phone, "06012345678") == "problem:phone.prefix");
  CHECK(check(FieldKind::Phone, "1234567890") == "problem:phone.prefix");
  CHECK(check(FieldKind::Phone, "0012345678") == "problem:phone.prefix");
  CHECK(check(FieldKind::Phone, "090-1234-56") == "problem:phone.digits");
  CHECK(check(FieldKind::Phone, "090-1234-5678 内線12") == "problem:phone.digits");
  FieldResult r = validate_field(field("f", FieldKind::Phone), "03-1234-567");
  REQUIRE(r.problem);
  CHECK(r.problem->params == std::vector<std::pair<std::string, std::string>>{{"count", "9"}});
}

TEST_CASE("e-mail addresses: a pragmatic check with full-width input normalized", "[forms]") {
  CHECK(check(FieldKind::Email, "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ") == "taro@example.jp");
  CHECK(check(FieldKind::Email, "Taro.Yamada@Example.CO.JP ") == "Taro.Yamada@example.co.jp");
  CHECK(check(FieldKind::Email, "taro@example。jp") == "taro@example.jp");
  CHECK(check(FieldKind::Email, "taro.example.jp") == "problem:email.format");
  CHECK(check(FieldKind::Email, "taro@@example.jp") == "problem:email.format");
  CHECK(check(FieldKind::Email, "taro@example") == "problem:email.format");
  CHECK(check(FieldKind::Email, "taro yamada@example.jp") == "problem:email.format");
  CHECK(check(FieldKind::Email, "taro@example,jp") == "problem:email.format");
  CHECK(check(FieldKind::Email, "@example.jp") == "problem:email.format");
}

TEST_CASE("numbers, choices and checkboxes", "[forms]") {
  FieldSpec children = field("children", FieldKind::Number);
  children.min_value = 1;
  children.max_value = 10;
  CHECK(check(children, "３") == "3");
  CHECK(check(children, "1,0") == "10");
  CHECK(check(children, "0") == "problem:number.too_small");
  CHECK(check(children, "11") == "problem:number.too_large");
  CHECK(check(children, "三") == "problem:number.format");
  CHECK(check(children, "1.5") == "problem:number.format");
  using Params = std::vector<std::pair<std::string, std::string>>;
  CHECK(validate_field(children, "11").problem->params == Params{{"max", "10"}});

  FieldSpec insurance = field("insurance", FieldKind::Choice);
  insurance.options = {{"kokuho", {}}, {"shaho", {}}};
  CHECK(check(insurance, "kokuho") == "kokuho");
  CHECK(check(insurance, "other") == "problem:choice.unknown");

  FieldSpec agree = field("agree", FieldKind::Checkbox, true);
  CHECK(check(agree, "yes") == "yes");
  CHECK(check(agree, "no") == "problem:checkbox.required");
  CHECK(check(agree, "") == "problem:checkbox.required");
  CHECK(check(FieldKind::Checkbox, "") == "no");
  CHECK(check(FieldKind::Checkbox, "maybe") == "problem:checkbox.value");
}

TEST_CASE("個人番号: 12 digits with the check digit, never repeated in a problem", "[forms]") {
  // 11 - (1×6 + 2×5 + 3×4 + 4×3 + 5×2 + 6×7 + 7×6 + 8×5 + 9×4 + 0×3 + 1×2) mod 11 = 11 - 212 mod 11 = 8
  CHECK(check(FieldKind::MyNumber, "123456789018") == "123456789018");
  CHECK(check(FieldKind::MyNumber, "１２３４ ５６７８ ９０１８") == "123456789018");
  CHECK(check(FieldKind::MyNumber, "1234-5678-9018") == "123456789018");
  CHECK(check(FieldKind::MyNumber, "000000000000") == "000000000000");  // remainder 0: check digit 0
  CHECK(check(FieldKind::MyNumber, "123456789012") == "problem:my_number.check_digit");
  CHECK(check(FieldKind::MyNumber, "12345678901") == "problem:my_number.digits");
  CHECK(check(FieldKind::MyNumber, "12345678901A") == "problem:my_number.digits");

  FormSpec form;
  form.fields = {field("my_number", FieldKind::MyNumber, true), field("my_number_again", FieldKind::MyNumber)};
  form.rules = {{CrossFieldRule::SameAs, "my_number", "my_number_again"}};
  for (const char* typed : {"123456789012", "1234567890", "123456789018"}) {
    FormValues values;
    values.set("my_number", typed);
    values.set("my_number_again", "987654321093");  // valid too, so the SameAs rule compares them
    const auto problems = validate_form(form, values);
    CHECK(problems.size() == 1);
    const Messages messages = fixtures::real_messages();
    for (const auto& p : problems) {
      for (const auto& [name, value] : p.params) {
        CHECK(value.find("1234") == std::string::npos);
        CHECK(value.find("9876") == std::string::npos);
      }
      for (const char* lang : {"ja", "en", "ja-x-easy"}) {
        const std::string text = problem_message(p, form, messages, lang);
        CHECK(text.find("1234") == std::string::npos);
        CHECK(text.find("9876") == std::string::npos);
      }
    }
  }
}

TEST_CASE("a form: hidden fields skipped, group items by path, cross-field dates", "[forms]") {
  FormSpec form;
  FieldSpec reason = field("reason", FieldKind::Choice, true);
  reason.options = {{"move_in", {}}, {"move_within", {}}};
  FieldSpec previous_address = field("previous_address", FieldKind::Address, true);
  previous_address.shown_when = equals("reason", "move_in");
  FieldSpec members = field("members", FieldKind::Group, true);
  members.max_items = 3;
  FieldSpec school = field("school", FieldKind::Text, true);
  school.shown_when = equals("relation", "child");  // a sibling in the same item
  members.fields = {field("name", FieldKind::Name, true), field("birth_date", FieldKind::Date, true),
                    field("relation", FieldKind::Text), school};
  form.fields = {reason, previous_address, field("moved_out", FieldKind::Date, true),
                 field("moved_in", FieldKind::Date, true), members};
  form.rules = {{CrossFieldRule::NotBefore, "moved_in", "moved_out"}};

  FormValues values;
  values.set("reason", "move_within");
  values.set("previous_address", "芝公園");  // hidden, so not checked
  values.set("moved_out", "令和6年4月10日");
  values.set("moved_in", "2024/4/1");
  values.set("members[0].name", "山田 太郎");
  values.set("members[0].birth_date", "S60.1.2");
  values.set("members[1].name", "山田 花子");
  values.set("members[1].relation", "child");
  values.set_item_count("members", 2);

  CHECK(codes(validate_form(form, values)) == std::vector<std::string>{
                                                  "members[1].birth_date field.required",
                                                  "members[1].school field.required",
                                                  "moved_in cross.not_before",
                                              });

  values.set("reason", "move_in");  // now the previous address shows and is checked
  values.set("moved_in", "2024-04-10");
  values.set("members[1].birth_date", "H28.2.29");
  values.set("members[1].relation", "spouse");
  CHECK(codes(validate_form(form, values)) == std::vector<std::string>{"previous_address address.block_number"});

  values.set("previous_address", "港区芝公園1-2-3");
  values.set_item_count("members", 4);
  CHECK(codes(validate_form(form, values)) == std::vector<std::string>{
                                                  "members group.max_items",
                                                  "members[2].name field.required",
                                                  "members[2].birth_date field.required",
                                                  "members[3].name field.required",
                                                  "members[3].birth_date field.required",
                                              });
  values.set_item_count("members", 0);
  CHECK(codes(validate_form(form, values)) == std::vector<std::string>{"members group.min_items"});
}

TEST_CASE("conditions read normalized answers, siblings first, and hidden fields as unanswered", "[forms]") {
  FieldSpec child_count = field("child_count", FieldKind::Number, true);
  child_count.shown_when = equals("has_children", "yes");
  FieldSpec note = field("note", FieldKind::Text, true);
  note.shown_when = Condition{Condition::Op::Answered, "child_count", {}, {}};
  FieldSpec nursery = field("nursery", FieldKind::Text, true);
  nursery.shown_when = equals("has_children", "yes");  // a top-level field, read from inside an item
  FieldSpec reiwa_gift = field("reiwa_gift", FieldKind::Checkbox, true);
  reiwa_gift.shown_when = equals("birth_date", "2019-05-01");  // the date as stored, however it was typed
  FieldSpec children = field("children", FieldKind::Group);
  children.fields = {field("birth_date", FieldKind::Date), nursery, reiwa_gift};
  FormSpec form;
  form.fields = {field("has_children", FieldKind::Checkbox), child_count, note, children};

  FormValues values;
  values.set("child_count", "2");  // typed, then "has children" unticked: hidden, and so is the note
  CHECK(validate_form(form, values).empty());

  values.set("has_children", "yes");
  values.set("children[0].birth_date", "R1.5.1");
  CHECK(codes(validate_form(form, values)) == std::vector<std::string>{
                                                  "note field.required",
                                                  "children[0].nursery field.required",
                                                  "children[0].reiwa_gift checkbox.required",
                                              });
}

TEST_CASE("group item counts come from the paths when not set", "[forms]") {
  FormValues values;
  values.set("members[0].name", "a");
  values.set("members[11].name", "b");
  values.set("membership", "x");
  CHECK(values.item_count("members") == 12);
  CHECK(values.item_count("children") == 0);
  CHECK(item_path("members", 1, "birth_date") == "members[1].birth_date");
}

TEST_CASE("a cross-field message names the other field in the reader's language", "[forms]") {
  FormSpec form;
  form.fields = {field("moved_in", FieldKind::Date), field("moved_out", FieldKind::Date)};
  form.fields[1].label.by_language = {{"ja", "転出した日"}, {"en", "Date you moved out"}};
  const FieldProblem problem{"moved_in", "cross.not_before", {{"other", "moved_out"}}};
  const Messages messages = fixtures::real_messages();
  CHECK(problem_message(problem, form, messages, "ja").find("転出した日") != std::string::npos);
  CHECK(problem_message(problem, form, messages, "en").find("Date you moved out") != std::string::npos);
  CHECK(field_kind_from_name("my-number") == FieldKind::MyNumber);
  CHECK(field_kind_name(FieldKind::PostalCode) == "postal-code");
}

TEST_CASE("every problem code has a message in every language with the same placeholders", "[forms]") {
  const Messages messages = fixtures::real_messages();
  const std::regex placeholder(R"(\{([a-z_]+)\})");
  for (const auto& [code, params] : problem_codes()) {
    const std::string key = "form.error." + std::string(code);
    const std::set<std::string> expected(params.begin(), params.end());
    for (std::string_view lang : kUiLanguages) {
      INFO(lang << " " << key);
      const std::string text(messages.get(lang, key));
      CHECK(text != key);
      std::set<std::string> used;
      for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) used.insert((*it)[1]);
      CHECK(used == expected);
    }
  }
}

TEST_CASE("the problems these inputs produce are all listed codes", "[forms]") {
  std::set<std::string> listed;
  for (const auto& c : problem_codes()) listed.insert(std::string(c.code));
  const std::pair<FieldKind, const char*> inputs[] = {
      {FieldKind::Name, "山田"},         {FieldKind::Name, "1"},          {FieldKind::Furigana, "x"},
      {FieldKind::Date, "x"},            {FieldKind::Date, "2023-02-29"}, {FieldKind::Date, "H31.5.1"},
      {FieldKind::Date, "M5.1.1"},       {FieldKind::PostalCode, "1"},    {FieldKind::Address, "港区"},
      {FieldKind::Phone, "1"},           {FieldKind::Phone, "1234567890"}, {FieldKind::Phone, "0901234567"},
      {FieldKind::Email, "x"},           {FieldKind::Number, "x"},        {FieldKind::Number, "-1"},
      {FieldKind::Choice, "x"},          {FieldKind::Checkbox, "x"},      {FieldKind::MyNumber, "1"},
      {FieldKind::MyNumber, "123456789012"},
  };
  std::set<std::string> produced;
  for (const auto& [kind, raw] : inputs) {
    FieldResult r = validate_field(field("f", kind), raw);
    REQUIRE(r.problem);
    produced.insert(r.problem->code);
  }
  for (const auto& code : produced) CHECK(listed.count(code) == 1);
  CHECK(produced.size() == std::size(inputs));  // each input shows a different problem
}

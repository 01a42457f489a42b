// Answers read back on "check your answers" as the resident would say them.
#include <catch2/catch.hpp>

#include "core/answer_text.hpp"
#include "fixtures.hpp"

using namespace madoguchi;

TEST_CASE("choices by label, dates with weekday, checkboxes as yes or no, 個人番号 masked", "[forms]") {
  const Messages m = fixtures::real_messages();
  FieldSpec choice;
  choice.kind = FieldKind::Choice;
  choice.options = {{"female", LocalizedText{{{"ja", "女"}, {"en", "Female"}}}}};
  CHECK(answer_text(choice, "female", m, "ja") == "女");
  CHECK(answer_text(choice, "female", m, "en") == "Female");
  FieldSpec date;
  date.kind = FieldKind::Date;
  CHECK(answer_text(date, "2026-03-15", m, "ja") == "2026年3月15日（日）");
  FieldSpec box;
  box.kind = FieldKind::Checkbox;
  CHECK(answer_text(box, "yes", m, "ja") == "はい");
  CHECK(answer_text(box, "no", m, "en") == "No");
  FieldSpec my_number;
  my_number.kind = FieldKind::MyNumber;
  CHECK(answer_text(my_number, "123456789018", m, "ja") == "●●●● ●●●● 9018");
  CHECK(masked_my_number("12345") == "●●●● ●");
  FieldSpec text;
  CHECK(answer_text(text, "なし", m, "ja") == "なし");
}

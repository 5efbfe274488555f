#include "model/action_lines.h"

#include <gtest/gtest.h>

#include <string>

#include "model/errors.h"

namespace cstd {
namespace {

TEST(ActionLinesTest, BuiltinHasMainLinesC1ToC11) {
  const ActionLines& lines = ActionLines::Builtin();
  for (int i = 1; i <= 11; ++i) {
    const std::string code = "C" + std::to_string(i);
    const ActionLine* line = lines.FindByCode(code);
    ASSERT_NE(line, nullptr) << code;
    EXPECT_EQ(line->code, code);
    EXPECT_TRUE(line->parent.empty()) << code;
    EXPECT_FALSE(line->title.empty()) << code;
  }
}

TEST(ActionLinesTest, BuiltinHasC7SubLines) {
  const ActionLines& lines = ActionLines::Builtin();
  for (const char* code : {"C7eGov", "C7eBus", "C7eEmp", "C7eEnv", "C7eHea", "C7eLearn", "C7eSci", "C7eAgr"}) {
    const ActionLine* line = lines.FindByCode(code);
    ASSERT_NE(line, nullptr) << code;
    EXPECT_EQ(line->parent, "C7") << code;
  }
  EXPECT_EQ(lines.all().size(), 19u);
}

TEST(ActionLinesTest, FindByCodeIsCaseInsensitive) {
  const ActionLines& lines = ActionLines::Builtin();
  struct Case {
    const char* query;
    const char* code;  // nullptr: not found
  };
  const Case cases[] = {{"c7egov", "C7eGov"}, {"C7EGOV", "C7eGov"}, {"c5", "C5"},  {"C11", "C11"},    {"c1", "C1"},
                        {"C12", nullptr},     {"C", nullptr},       {"", nullptr}, {"C7eGo", nullptr}};
  for (const Case& c : cases) {
    const ActionLine* line = lines.FindByCode(c.query);
    if (c.code == nullptr) {
      EXPECT_EQ(line, nullptr) << c.query;
    } else {
      ASSERT_NE(line, nullptr) << c.query;
      EXPECT_EQ(line->code, c.code) << c.query;
    }
  }
}

TEST(ActionLinesTest, MainLineIsParentOrSelf) {
  const ActionLines& lines = ActionLines::Builtin();
  EXPECT_EQ(lines.MainLine("C7eGov"), "C7");
  EXPECT_EQ(lines.MainLine("c7ehea"), "C7");
  EXPECT_EQ(lines.MainLine("C7"), "C7");
  EXPECT_EQ(lines.MainLine("c5"), "C5");
  EXPECT_EQ(lines.MainLine("C99"), "");
}

TEST(ActionLinesTest, ParsesAliases) {
  const ActionLines lines("test.tsv", "code\ttitle\tparent\taliases\nX1\tFirst\t\t a | b ||\nX1a\tSub\tX1\t\n");
  ASSERT_EQ(lines.all().size(), 2u);
  EXPECT_EQ(lines.all()[0].aliases, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(lines.all()[1].aliases.empty());
  EXPECT_EQ(lines.MainLine("x1A"), "X1");
}

TEST(ActionLinesTest, UnknownParentThrowsDataError) {
  try {
    ActionLines("test.tsv", "code\ttitle\tparent\taliases\nX1\tFirst\t\t\nX1a\tSub\tX9\t\n");
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("X9"), std::string::npos) << what;
    EXPECT_NE(what.find("test.tsv"), std::string::npos) << what;
  }
}

TEST(ActionLinesTest, MalformedTablesThrowDataError) {
  struct Case {
    const char* what;
    const char* tsv;
  };
  const Case cases[] = {
      {"code twice", "code\ttitle\tparent\taliases\nX1\tFirst\t\t\nx1\tAgain\t\t\n"},
      {"no title", "code\ttitle\tparent\taliases\nX1\t\t\t\n"},
      {"missing column", "code\ttitle\taliases\nX1\tFirst\t\n"},
      {"wrong field count", "code\ttitle\tparent\taliases\nX1\tFirst\n"},
  };
  for (const Case& c : cases) {
    EXPECT_THROW(ActionLines("test.tsv", c.tsv), DataError) << c.what;
  }
}

}  // namespace
}  // namespace cstd

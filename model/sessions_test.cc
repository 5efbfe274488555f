#include "model/sessions.h"

#include <gtest/gtest.h>

#include "model/errors.h"

namespace cstd {
namespace {

TEST(SessionsTest, BuiltinMapsSessionNumbersToYears) {
  struct Case {
    int number;
    int year;
  };
  const Case cases[] = {{1, 1993}, {2, 1995}, {6, 2003}, {7, 2004}, {25, 2022}, {26, 2023}, {27, 2024}};
  const Sessions& sessions = Sessions::Builtin();
  for (const Case& c : cases) {
    const Session* s = sessions.Find(c.number);
    ASSERT_NE(s, nullptr) << c.number;
    EXPECT_EQ(s->number, c.number);
    EXPECT_EQ(s->year, c.year) << c.number;
  }
  EXPECT_EQ(sessions.Find(0), nullptr);
  EXPECT_EQ(sessions.Find(999), nullptr);
}

TEST(SessionsTest, BuiltinKeepsDatesAndPlace) {
  const Session* s = Sessions::Builtin().Find(25);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->start, "2022-03-28");
  EXPECT_EQ(s->end, "2022-04-01");
  EXPECT_EQ(s->place, "Geneva");
}

TEST(SessionsTest, FindByYear) {
  const Sessions& sessions = Sessions::Builtin();
  ASSERT_NE(sessions.FindByYear(2022), nullptr);
  EXPECT_EQ(sessions.FindByYear(2022)->number, 25);
  ASSERT_NE(sessions.FindByYear(2024), nullptr);
  EXPECT_EQ(sessions.FindByYear(2024)->number, 27);
  ASSERT_NE(sessions.FindByYear(1993), nullptr);
  EXPECT_EQ(sessions.FindByYear(1993)->number, 1);
  // Biennial until 2003: no session in 1994.
  EXPECT_EQ(sessions.FindByYear(1994), nullptr);
  EXPECT_EQ(sessions.FindByYear(1900), nullptr);
}

TEST(SessionsTest, NumbersAreConsecutiveFromOne) {
  const auto& all = Sessions::Builtin().all();
  ASSERT_GE(all.size(), 27u);
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].number, static_cast<int>(i) + 1);
}

TEST(SessionsTest, MalformedTablesThrowDataError) {
  struct Case {
    const char* what;
    const char* tsv;
  };
  const Case cases[] = {
      {"non-numeric session", "session\tyear\tstart\tend\tplace\tsource\nfirst\t1993\t\t\t\t\n"},
      {"non-numeric year", "session\tyear\tstart\tend\tplace\tsource\n1\tninety-three\t\t\t\t\n"},
      {"empty year", "session\tyear\tstart\tend\tplace\tsource\n1\t\t\t\t\t\n"},
      {"wrong field count", "session\tyear\tstart\tend\tplace\tsource\n1\t1993\n"},
      {"missing column", "session\tyear\tstart\tend\tsource\n1\t1993\t\t\t\n"},
  };
  for (const Case& c : cases) {
    EXPECT_THROW(Sessions("test.tsv", c.tsv), DataError) << c.what;
  }
}

TEST(SessionsTest, ParsesAWellFormedTable) {
  const Sessions sessions("test.tsv",
                          "session\tyear\tstart\tend\tplace\tsource\n"
                          "# a comment\n"
                          "1\t1993\t\t\tNew York\tsomewhere\n"
                          "2\t1995\t1995-05-01\t1995-05-05\tGeneva\t\n");
  ASSERT_EQ(sessions.all().size(), 2u);
  EXPECT_EQ(sessions.Find(2)->start, "1995-05-01");
  EXPECT_EQ(sessions.Find(1)->place, "New York");
  EXPECT_EQ(sessions.FindByYear(1995)->number, 2);
}

}  // namespace
}  // namespace cstd

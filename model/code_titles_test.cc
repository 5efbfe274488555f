#include "model/code_titles.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/errors.h"

namespace cstd {
namespace {

// The contract's document types, in its order, each with a title.
TEST(CodeTitlesTest, DocumentTypesAreTheContractsInItsOrder) {
  std::vector<std::string> codes;
  for (const CodeTitle& t : CodeTitles::DocumentTypes().all()) {
    codes.push_back(t.code);
    EXPECT_FALSE(t.title.empty()) << t.code;
  }
  EXPECT_EQ(codes, (std::vector<std::string>{"panel-report", "session-report", "sg-report", "submission",
                                             "concept-note", "informal-note", "resolution", "statement", "speech",
                                             "other"}));
  EXPECT_EQ(CodeTitles::DocumentTypes().Find("sg-report")->title, "Secretary-General report");
  EXPECT_EQ(CodeTitles::DocumentTypes().Find("Speech"), nullptr) << "types are matched exactly";
}

// The bodies extraction assigns (metadata.cc: CSTD; the UNGDC's catalogue
// rules: UNGA), found without regard to case.
TEST(CodeTitlesTest, BodiesAreFoundIgnoringCase) {
  for (const char* code : {"CSTD", "UNGA"}) {
    ASSERT_NE(CodeTitles::Bodies().Find(code), nullptr) << code;
  }
  const CodeTitle* cstd = CodeTitles::Bodies().FindIgnoringCase("cstd");
  ASSERT_NE(cstd, nullptr);
  EXPECT_EQ(cstd->code, "CSTD");
  EXPECT_EQ(CodeTitles::Bodies().Find("cstd"), nullptr);
  EXPECT_EQ(CodeTitles::Bodies().FindIgnoringCase("ECOSOC"), nullptr);
}

TEST(CodeTitlesTest, MalformedTablesAreRefusedNamingTheTable) {
  for (const char* tsv : {"code\ttitle\nA\t\n", "code\ttitle\n\tA title\n", "code\ttitle\nA\tOne\na\tTwo\n",
                          "code\tname\nA\tOne\n"}) {
    try {
      CodeTitles("data/t.tsv", tsv);
      ADD_FAILURE() << "accepted: " << tsv;
    } catch (const DataError& e) {
      EXPECT_NE(std::string(e.what()).find("data/t.tsv"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace cstd

#include "query/passage_link.h"

#include <gtest/gtest.h>

namespace cstd::query {
namespace {

TEST(PassageLinkTest, NumberedParagraphsByNumberOthersByPassageId) {
  Passage p;
  p.doc_id = "panel report/2022";
  p.passage_id = "panel report/2022-3";
  p.paragraph.number = 37;
  EXPECT_EQ(ParagraphAnchor(p), "p37");
  EXPECT_EQ(PassageLink("http://127.0.0.1:8080", p), "http://127.0.0.1:8080/?doc=panel%20report%2F2022#p37");
  p.paragraph.number.reset();
  EXPECT_EQ(ParagraphAnchor(p), "passage-panel report/2022-3");
  EXPECT_EQ(PassageLink("", p), "/?doc=panel%20report%2F2022#passage-panel%20report%2F2022-3");
}

}  // namespace
}  // namespace cstd::query

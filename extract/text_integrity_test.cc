#include "extract/text_integrity.h"

#include <gtest/gtest.h>

#include "extract/extract.h"

namespace cstd::extract {
namespace {

constexpr const char* kReport =
    "# Report of the panel\n\n"
    "1. The panel met in Geneva.<sup>1</sup>\n\n"
    "- 3 -\n\n"
    "2. The delegates discussed the digital divide at length and agreed on a way forward.\n\n"
    "<sup>1</sup> Mr. Peter Major, Hungary.\n";

TEST(TextIntegrityTest, NothingLostWhenEveryLetterHasAPlace) {
  const Structure s = ParseStructure(kReport);
  const ExtractedDocument doc = Extract("r.md", "r.md", std::string_view(kReport));
  const TextIntegrity integrity = CheckTextIntegrity(kReport, s, doc.paragraphs);
  EXPECT_GT(integrity.letters_read, 100u);
  EXPECT_EQ(integrity.letters_missing, 0u) << "headings, furniture and footnotes have places of their own";
  EXPECT_EQ(doc.letters_missing, 0u);
}

TEST(TextIntegrityTest, ALostParagraphIsFoundWithItsLine) {
  const Structure s = ParseStructure(kReport);
  std::vector<Paragraph> paragraphs = Extract("r.md", "r.md", std::string_view(kReport)).paragraphs;
  ASSERT_EQ(paragraphs.size(), 2u);
  paragraphs.pop_back();  // as a rule that dropped it would
  const TextIntegrity integrity = CheckTextIntegrity(kReport, s, paragraphs);
  EXPECT_GT(integrity.letters_missing, kMaxMissingLetters);
  ASSERT_TRUE(integrity.first_missing_line.has_value());
  EXPECT_EQ(*integrity.first_missing_line, 7u);
  EXPECT_EQ(integrity.first_missing_text.rfind("2. The delegates discussed", 0), 0u);
}

TEST(TextIntegrityTest, WordsHyphenatedAtLineEndsCountTheSame) {
  const std::string text =
      "The delegates of many countries discussed the trans-\nformation of the economy at great length in the "
      "Commission.\n";
  const Structure s = ParseStructure(text);
  const ExtractedDocument doc = Extract("t.txt", "t.txt", std::string_view(text));
  EXPECT_EQ(CheckTextIntegrity(text, s, doc.paragraphs).letters_missing, 0u);
}

}  // namespace
}  // namespace cstd::extract

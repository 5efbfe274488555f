#include "extract/structure.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace cstd::extract {
namespace {

std::vector<std::string> Texts(const Structure& s) {
  std::vector<std::string> texts;
  for (const Block& b : s.paragraphs) texts.push_back(b.text);
  return texts;
}

std::vector<std::optional<int>> Numbers(const Structure& s) {
  std::vector<std::optional<int>> numbers;
  for (const Block& b : s.paragraphs) numbers.push_back(b.number);
  return numbers;
}

TEST(ParseStructureTest, ReadsNumberedParagraphsInBothForms) {
  const Structure s = ParseStructure(
      "- 4. The fourth paragraph, from a Markdown list.\n"
      "5. The fifth paragraph, plain.\n"
      "6.\tThe sixth paragraph, after a tab.\n");
  EXPECT_EQ(Numbers(s), (std::vector<std::optional<int>>{4, 5, 6}));
  EXPECT_EQ(Texts(s), (std::vector<std::string>{"The fourth paragraph, from a Markdown list.",
                                                "The fifth paragraph, plain.", "The sixth paragraph, after a tab."}));
  for (const Block& b : s.paragraphs) EXPECT_FALSE(b.number_inferred);
  EXPECT_TRUE(s.warnings.empty());
}

TEST(ParseStructureTest, YearsAreNotParagraphNumbers) {
  const Structure s = ParseStructure(
      "1. The agenda runs to the year below.\n"
      "\n"
      "2030. Agenda for Sustainable Development is the horizon.\n");
  ASSERT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(s.paragraphs[1].number, std::nullopt);
  EXPECT_EQ(s.paragraphs[1].text, "2030. Agenda for Sustainable Development is the horizon.");
}

TEST(ParseStructureTest, InfersALostNumberBetweenNeighbours) {
  const Structure s = ParseStructure(
      "4. The fourth paragraph.\n"
      "\n"
      "The paragraph whose number was lost in conversion.\n"
      "\n"
      "6. The sixth paragraph.\n");
  ASSERT_EQ(s.paragraphs.size(), 3u);
  EXPECT_EQ(Numbers(s), (std::vector<std::optional<int>>{4, 5, 6}));
  EXPECT_FALSE(s.paragraphs[0].number_inferred);
  EXPECT_TRUE(s.paragraphs[1].number_inferred);
  EXPECT_FALSE(s.paragraphs[2].number_inferred);
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("paragraph 5"), std::string::npos) << s.warnings[0];
}

TEST(ParseStructureTest, DoesNotInferWhenTheGapDoesNotFit) {
  const Structure s = ParseStructure(
      "4. The fourth paragraph.\n"
      "\n"
      "An unnumbered paragraph.\n"
      "\n"
      "Another unnumbered paragraph.\n"
      "\n"
      "6. The sixth paragraph.\n");
  EXPECT_EQ(Numbers(s), (std::vector<std::optional<int>>{4, std::nullopt, std::nullopt, 6}));
  EXPECT_TRUE(s.warnings.empty());
}

TEST(ParseStructureTest, CollectsFootnoteDefinitionsInEveryForm) {
  const Structure s = ParseStructure(
      "1. The Summit<sup>1</sup> was held in two phases.^{2}\n"
      "\n"
      "<sup>&</sup>lt;sup>1</sup> World Summit on the Information Society.\n"
      "<sup>2</sup> Geneva 2003 and Tunis 2005.\n"
      "^{3} See the report.\n"
      "\u2074 Available online.\n"
      "\n"
      "2. The second paragraph.\n");
  EXPECT_EQ(Texts(s), (std::vector<std::string>{"The Summit was held in two phases.", "The second paragraph."}));
  EXPECT_EQ(s.footnotes.size(), 4u);
  EXPECT_EQ(s.footnotes.at(1), "World Summit on the Information Society.");
  EXPECT_EQ(s.footnotes.at(2), "Geneva 2003 and Tunis 2005.");
  EXPECT_EQ(s.footnotes.at(3), "See the report.");
  EXPECT_EQ(s.footnotes.at(4), "Available online.");
  const Block& first = s.paragraphs[0];
  ASSERT_EQ(first.markers.size(), 2u);
  EXPECT_EQ(first.markers[0].number, 1);
  EXPECT_EQ(first.text.substr(0, first.markers[0].offset), "The Summit");
  EXPECT_EQ(first.markers[1].number, 2);
  EXPECT_EQ(first.markers[1].offset, first.text.size());
}

TEST(ParseStructureTest, FootnoteTextBrokenOverLinesIsJoined) {
  const Structure s = ParseStructure(
      "1. A paragraph with a note.<sup>5</sup>\n"
      "\n"
      "<sup>5</sup> The note starts here and\n"
      "continues on the next line.\n");
  ASSERT_EQ(s.paragraphs.size(), 1u);
  EXPECT_EQ(s.footnotes.at(5), "The note starts here and continues on the next line.");
}

TEST(ParseStructureTest, ParagraphContinuedAfterFootnoteBlockIsJoined) {
  const Structure s = ParseStructure(
      "1. The Commission discussed at length the\n"
      "\n"
      "<sup>3</sup> E/CN.16/2021/2.\n"
      "\n"
      "continuation of the paragraph across the page break.\n"
      "\n"
      "2. The next paragraph.\n");
  EXPECT_EQ(Texts(s), (std::vector<std::string>{
                          "The Commission discussed at length the continuation of the paragraph across the page break.",
                          "The next paragraph."}));
  EXPECT_EQ(Numbers(s), (std::vector<std::optional<int>>{1, 2}));
  EXPECT_EQ(s.footnotes.at(3), "E/CN.16/2021/2.");
}

TEST(ParseStructureTest, UppercaseLineAfterFootnoteBlockStartsAParagraph) {
  const Structure s = ParseStructure(
      "1. A finished sentence.\n"
      "\n"
      "<sup>3</sup> A note.\n"
      "\n"
      "A new paragraph without a number.\n");
  EXPECT_EQ(Texts(s), (std::vector<std::string>{"A finished sentence.", "A new paragraph without a number."}));
}

TEST(ParseStructureTest, HeadingsSetTheSection) {
  const Structure s = ParseStructure(
      "#### I. Introduction\n"
      "\n"
      "1. The first paragraph.\n"
      "\n"
      "2. The second paragraph.\n"
      "\n"
      "## II. Organization of **work**\n"
      "\n"
      "3. The third paragraph.\n");
  EXPECT_EQ(s.headings, (std::vector<std::string>{"I. Introduction", "II. Organization of work"}));
  ASSERT_EQ(s.paragraphs.size(), 3u);
  EXPECT_EQ(s.paragraphs[0].section, "I. Introduction");
  EXPECT_EQ(s.paragraphs[1].section, "I. Introduction");
  EXPECT_EQ(s.paragraphs[2].section, "II. Organization of work");
}

TEST(ParseStructureTest, HashWithoutSpaceIsNotAHeading) {
  const Structure s = ParseStructure("1. A paragraph.\n\n#hashtag campaigns were discussed.\n");
  EXPECT_TRUE(s.headings.empty());
  ASSERT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(s.paragraphs[1].text, "#hashtag campaigns were discussed.");
}

TEST(ParseStructureTest, SubItemsJoinThePreviousParagraph) {
  const Structure s = ParseStructure(
      "- 1. At its twenty-fourth session, the Commission selected the following themes:\n"
      "  - (a) Industry 4.0 for inclusive development;\n"
      "- (b) Science, technology and innovation for urban development.\n"
      "- 2. To help address these themes, a panel meeting was organized.\n");
  EXPECT_EQ(Numbers(s), (std::vector<std::optional<int>>{1, 2}));
  EXPECT_EQ(Texts(s),
            (std::vector<std::string>{"At its twenty-fourth session, the Commission selected the following themes: "
                                      "(a) Industry 4.0 for inclusive development; (b) Science, technology and "
                                      "innovation for urban development.",
                                      "To help address these themes, a panel meeting was organized."}));
}

// A typewriter-era record as in the UN General Debate corpus: lines wrapped at
// about 60 columns, no blank line between paragraphs, a paragraph ending on a
// short line, and a word hyphenated across a line break.
constexpr const char* kWrapped =
    "Mr. President, allow me first of all to congratulate you on\n"
    "your election to the presidency of the General Assembly at\n"
    "its twenty-fifth session. My delegation is confident that\n"
    "under your wise guidance our work will be fruitful and that\n"
    "the Assembly will rise to the tasks that lie before it now.\n"
    "We thank you.\n"
    "The world has changed a great deal since the Charter was\n"
    "signed in San Francisco twenty-five years ago, and the\n"
    "economic and social transfor-\n"
    "mation of the developing countries is now the first task of\n"
    "this Organization, which all of us must help to accomplish\n"
    "without further delay.\n"
    "My delegation wishes to say a few words about the grave\n"
    "situation in the Middle East, which remains dangerous and\n"
    "demands the urgent attention of every Member State of this\n"
    "Organization, large and small, in every region of the world.\n";

TEST(ParseStructureTest, ReflowsHardWrappedText) {
  const Structure s = ParseStructure(kWrapped);
  ASSERT_EQ(s.paragraphs.size(), 3u) << testing::PrintToString(Texts(s));
  EXPECT_EQ(s.paragraphs[0].text,
            "Mr. President, allow me first of all to congratulate you on your election to the presidency of the "
            "General Assembly at its twenty-fifth session. My delegation is confident that under your wise guidance "
            "our work will be fruitful and that the Assembly will rise to the tasks that lie before it now. We thank "
            "you.");
  EXPECT_EQ(s.paragraphs[1].text,
            "The world has changed a great deal since the Charter was signed in San Francisco twenty-five years ago, "
            "and the economic and social transformation of the developing countries is now the first task of this "
            "Organization, which all of us must help to accomplish without further delay.");
  EXPECT_EQ(s.paragraphs[2].text.substr(0, 30), "My delegation wishes to say a ");
  EXPECT_EQ(s.paragraphs[2].text.find('\n'), std::string::npos);
  EXPECT_TRUE(s.head.empty());
}

TEST(ParseStructureTest, ReflowsHardWrappedNumberedParagraphs) {
  const Structure s = ParseStructure(
      "1.   It is a great honour for me to address the General\n"
      "Assembly on behalf of my Government and my people, and to\n"
      "convey to all the delegations here our warmest greetings.\n"
      "2.   The Charter of the United Nations remains the basis of\n"
      "our foreign policy, and we shall continue to defend its\n"
      "principles of sovereign equality and non-interference in\n"
      "the internal affairs of States, large and small alike.\n"
      "3.   In conclusion, I wish every success to this session.\n");
  EXPECT_EQ(Numbers(s), (std::vector<std::optional<int>>{1, 2, 3}));
  ASSERT_EQ(s.paragraphs.size(), 3u);
  EXPECT_EQ(s.paragraphs[0].text,
            "It is a great honour for me to address the General Assembly on behalf of my Government and my people, "
            "and to convey to all the delegations here our warmest greetings.");
  EXPECT_EQ(s.paragraphs[2].text, "In conclusion, I wish every success to this session.");
}

TEST(ParseStructureTest, SeparatesHeadLinesFromBody) {
  const Structure s = ParseStructure(
      "1 February 2022\n"
      "\n"
      "English only\n"
      "\n"
      "Twenty-fifth session\n"
      "Geneva, 28 March\u20131 April 2022\n"
      "\n"
      "# Report of the intersessional panel meeting\n"
      "\n"
      "1. At its twenty-fourth session, the Commission selected two themes.\n"
      "2. A panel meeting was organized.\n");
  EXPECT_EQ(s.head, (std::vector<std::string>{"1 February 2022", "English only", "Twenty-fifth session",
                                              "Geneva, 28 March\u20131 April 2022",
                                              "Report of the intersessional panel meeting"}));
  EXPECT_EQ(Numbers(s), (std::vector<std::optional<int>>{1, 2}));
  EXPECT_EQ(s.paragraphs[0].section, "Report of the intersessional panel meeting");
  EXPECT_EQ(s.headings, (std::vector<std::string>{"Report of the intersessional panel meeting"}));
}

TEST(ParseStructureTest, TitleHeadingRightAboveTheBodyIsAHeadLine) {
  const Structure s = ParseStructure("# A note on the Summit\n\n1. The first paragraph.\n2. The second paragraph.\n");
  EXPECT_EQ(s.head, (std::vector<std::string>{"A note on the Summit"}));
  EXPECT_EQ(Numbers(s), (std::vector<std::optional<int>>{1, 2}));
}

TEST(ParseStructureTest, ShortDocumentWithoutBodyHasNoHead) {
  const Structure s = ParseStructure("A short note.\n\nAnother line.\n");
  EXPECT_TRUE(s.head.empty());
  EXPECT_EQ(Texts(s), (std::vector<std::string>{"A short note.", "Another line."}));
}

TEST(ParseStructureTest, OddInputDoesNotThrow) {
  for (const char* text : {"", "\n\n\n", "#", "######", "<sup>", "(", "(a)", "- ", "1.", "<sup>1</sup>", "^{", "$^{",
                           "\u2074", "**", "- (a) x\n(b) y"}) {
    EXPECT_NO_THROW(ParseStructure(text)) << text;
  }
}

}  // namespace
}  // namespace cstd::extract

namespace cstd::extract {
namespace {

TEST(ParseStructureTest, BoldSpanOverSeveralLinesIsOneHeadLine) {
  std::string body = "The panel met";  // over 30 words: the body starts here
  for (int i = 0; i < 40; ++i) body += " again";
  const Structure s =
      ParseStructure("**High-level Panel on  \n\u201cProgress made in the implementation\u201d**\n\n" + body + ".\n");
  ASSERT_FALSE(s.head.empty());
  EXPECT_EQ(s.head[0], "High-level Panel on \u201cProgress made in the implementation\u201d");
}

TEST(ParseStructureTest, FootnoteLineThatLostItsNumberIsPlacedBySequence) {
  const Structure s = ParseStructure(
      "- 26. One participant<sup>34</sup> noted the review.\n\n"
      "<sup>33</sup> Ms. Adelaide Asante, Chief Operating Officer, Ghana.\n\n"
      "Mr. Nigel Hickson, Head, Internet Governance Policy, United Kingdom.\n\n"
      "<sup>35</sup> Representative of the Islamic Republic of Iran.\n");
  ASSERT_EQ(s.footnotes.count(34), 1u);
  EXPECT_EQ(s.footnotes.at(34).rfind("Mr. Nigel Hickson", 0), 0u);
  EXPECT_EQ(s.paragraphs.size(), 1u);
  bool warned = false;
  for (const auto& w : s.warnings) warned = warned || w.find("footnote 34") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(ParseStructureTest, NumberMovedIntoTheTextIsRestored) {
  const Structure s = ParseStructure(
      "23. The panel met.\n\n"
      "- In the discussion, many delegates\u00b2\u2074 presented their bilateral and 24. multilateral "
      "programmes.\n\n"
      "25. The Chair closed the meeting.\n");
  ASSERT_EQ(s.paragraphs.size(), 3u);
  EXPECT_EQ(s.paragraphs[1].number, 24);
  EXPECT_TRUE(s.paragraphs[1].number_inferred);
  EXPECT_EQ(s.paragraphs[1].text,
            "In the discussion, many delegates presented their bilateral and multilateral programmes.");
  ASSERT_EQ(s.paragraphs[1].markers.size(), 1u);
  EXPECT_EQ(s.paragraphs[1].markers[0].number, 24);
}

}  // namespace
}  // namespace cstd::extract

namespace cstd::extract {
namespace {

// A paragraph long enough to read as body text, ending mid-sentence at a
// page break.
constexpr const char* kCutParagraph =
    "7. The secretariat introduced a paper on this theme, which analysed the possible impact of industry on "
    "inequalities between countries and noted that most firms in developing countries were";

TEST(ParseStructureTest, PageFurnitureInsideAParagraphIsLeftOut) {
  for (const char* furniture : {"- 4 -", "4/14", "4", "GE.22-09978", "E/CN.16/2022/CRP.1", "Page 4 of 9"}) {
    const Structure s = ParseStructure(std::string(kCutParagraph) + "\n\n" + furniture +
                                       "\n\nnot yet using such technologies.\n\n8. The next paragraph.\n");
    ASSERT_EQ(s.paragraphs.size(), 2u) << furniture;
    EXPECT_EQ(s.paragraphs[0].text.substr(s.paragraphs[0].text.size() - 37), "were not yet using such technologies.")
        << furniture;
    EXPECT_EQ(s.furniture, std::vector<std::string>{furniture});
  }
}

TEST(ParseStructureTest, ParagraphCutMidSentenceRunsOnInUpperCase) {
  const Structure s = ParseStructure(std::string(kCutParagraph) +
                                     "\n\n- 5 -\n\nInternet firms in the region were the exception.\n\n8. Next.\n");
  EXPECT_EQ(Numbers(s), (std::vector<std::optional<int>>{7, 8}));
  EXPECT_NE(s.paragraphs[0].text.find("were Internet firms"), std::string::npos);
}

TEST(ParseStructureTest, ShortLinesWithoutFullStopDoNotRunOn) {
  const Structure s = ParseStructure(
      "1. The first paragraph.\n\nThe role of public governance\n\nThe second block is a new paragraph.\n\n"
      "4. The fourth paragraph.\n");
  EXPECT_EQ(Numbers(s), (std::vector<std::optional<int>>{1, 2, 3, 4}));
}

TEST(ParseStructureTest, SurplusBlocksAfterAPageBreakJoinTheirParagraph) {
  // Paragraph 11 lost its number; paragraph 10 is cut by a page break whose
  // second half starts a new sentence: between 10 and 12 stand three blocks
  // for one free number.
  const Structure s = ParseStructure(
      "10. The speaker noted the following. It was a long discussion.\n\n"
      "- 3 -\n\n"
      "Another sentence of paragraph ten follows the break.\n\n"
      "- The paragraph that lost its number.\n\n"
      "12. The twelfth paragraph.\n");
  EXPECT_EQ(Numbers(s), (std::vector<std::optional<int>>{10, 11, 12}));
  EXPECT_EQ(s.paragraphs[0].text,
            "The speaker noted the following. It was a long discussion. Another sentence of paragraph ten follows "
            "the break.");
}

TEST(ParseStructureTest, SuperscriptParagraphNumbersAreParagraphNumbers) {
  const Structure s = ParseStructure(
      "- ^{11.} The eleventh paragraph.\n\n- <sup>12.</sup> The twelfth.\n\n13. The thirteenth.<sup>4</sup>\n\n"
      "<sup>4</sup> Mr. Peter Major, Hungary.\n");
  EXPECT_EQ(Numbers(s), (std::vector<std::optional<int>>{11, 12, 13}));
  EXPECT_TRUE(s.paragraphs[0].markers.empty());
  EXPECT_EQ(s.footnotes.size(), 1u);
}

TEST(ParseStructureTest, NumberedSectionHeadingsWithoutMarkupAreHeadings) {
  const Structure s = ParseStructure(
      "1. The first paragraph.\n\nIV. Theme 1: Industry 4.0 for inclusive development\n\n2. The second.\n\n"
      "**B. Opening**\n\n3. The third.\n");
  EXPECT_EQ(s.headings, (std::vector<std::string>{"IV. Theme 1: Industry 4.0 for inclusive development",
                                                  "B. Opening"}));
  EXPECT_EQ(s.paragraphs[1].section, "IV. Theme 1: Industry 4.0 for inclusive development");
  EXPECT_EQ(s.paragraphs.size(), 3u);
}

// Footnote blocks whose lines lost their numbers, in every position: one
// inside a block, a run of them inside a block, at a block's end, and a
// whole block, with the body's markers in several forms.
TEST(ParseStructureTest, FootnotesThatLostTheirNumbersArePlacedBySequence) {
  const Structure s = ParseStructure(
      "1. A delegate<sup>1</sup> and a speaker^{2} and another speaker\u00b3 and a representative 4 spoke, and "
      "participants$^{5}$ and$^{^{\\rm 6}}~$ and a panellist<sup>7</sup> too.\n\n"
      "<sup>1</sup> Representative of Cuba.\n\n"
      "Mr. Ivan Turok, Professor, University of the Free State.\n\n"
      "World Federation of Engineering Organizations.\n\n"
      "<sup>4</sup> Representatives of the Philippines and Thailand.\n\n"
      "5 Ms. Liping Zhang, UNCTAD.\n\n"
      "Representative of the Dominican Republic.\n\n"
      "2. The next paragraph.<sup>8</sup>\n\n"
      "Mr. Peter Major, Hungary.\n\n"
      "A short paragraph without a number.\n");
  EXPECT_EQ(s.footnotes.at(1), "Representative of Cuba.");
  EXPECT_EQ(s.footnotes.at(2), "Mr. Ivan Turok, Professor, University of the Free State.");
  EXPECT_EQ(s.footnotes.at(3), "World Federation of Engineering Organizations.");
  EXPECT_EQ(s.footnotes.at(5), "Ms. Liping Zhang, UNCTAD.");
  EXPECT_EQ(s.footnotes.at(6), "Representative of the Dominican Republic.");
  EXPECT_EQ(s.footnotes.count(7), 0u) << "no footnote 7 was printed";
  EXPECT_EQ(s.footnotes.at(8), "Mr. Peter Major, Hungary.") << "a block of one footnote that lost its number";
  EXPECT_EQ(Texts(s).back(), "A short paragraph without a number.");
}

TEST(ParseStructureTest, MarkdownFootnoteDefinitionsAreFootnotes) {
  const Structure s = ParseStructure("1. One speaker[^3] spoke.\n\n[^3]: Mr. Peter Major, Hungary.\n");
  ASSERT_EQ(s.footnotes.count(3), 1u);
  EXPECT_EQ(s.footnotes.at(3), "Mr. Peter Major, Hungary.");
  ASSERT_EQ(s.paragraphs.size(), 1u);
  EXPECT_EQ(s.paragraphs[0].markers.size(), 1u);
}

TEST(ParseStructureTest, ShortParagraphsBetweenFootnoteBlocksStayParagraphs) {
  const Structure s = ParseStructure(
      "The meeting was opened.<sup>1</sup>\n\n<sup>1</sup> Mr. Peter Major, Hungary.\n\n"
      "The Chair welcomed the participants.\n\n"
      "A delegate spoke.<sup>2</sup>\n\n<sup>2</sup> Representative of Cuba.\n");
  EXPECT_EQ(s.footnotes.size(), 2u);
  EXPECT_EQ(Texts(s), (std::vector<std::string>{"The meeting was opened.", "The Chair welcomed the participants.",
                                                "A delegate spoke."}));
}

// In a numbered document every paragraph has a number: a block standing
// between paragraphs 1 and 2 is part of paragraph 1, cut by its footnotes.
TEST(ParseStructureTest, BlockBetweenConsecutiveNumbersJoinsTheParagraphBefore) {
  const Structure s = ParseStructure(
      "1. The meeting was opened.<sup>1</sup>\n\n<sup>1</sup> Mr. Peter Major, Hungary.\n\n"
      "The Chair welcomed the participants.\n\n"
      "2. A delegate spoke.\n");
  EXPECT_EQ(Texts(s), (std::vector<std::string>{"The meeting was opened. The Chair welcomed the participants.",
                                                "A delegate spoke."}));
}

TEST(ParseStructureTest, ParagraphsGetTheirPages) {
  const std::string page1 = "1. The first paragraph.\n\n2. The second paragraph runs over the page break and";
  const std::string page2 = "ends on the second page.\n\n3. The third.";
  const std::string text = page1 + "\n" + page2;
  const Structure s = ParseStructure(text, {0, page1.size() + 1});
  ASSERT_EQ(s.paragraphs.size(), 3u);
  EXPECT_EQ(s.paragraphs[0].page, 1);
  EXPECT_EQ(s.paragraphs[1].page, 1);
  EXPECT_EQ(s.paragraphs[2].page, 2);
  EXPECT_EQ(ParseStructure(text).paragraphs[2].page, std::nullopt);
}

}  // namespace
}  // namespace cstd::extract

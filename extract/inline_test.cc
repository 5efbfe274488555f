#include "extract/inline.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace cstd::extract {
namespace {

struct MarkerCase {
  const char* what;
  const char* line;
  int number;
};

// Every form of footnote marker the archive holds, attached to "Summit".
TEST(CleanInlineTest, FootnoteMarkersBecomeMarkersAfterTheWord) {
  const MarkerCase cases[] = {
      {"html sup", "The Summit<sup>6</sup> met in Geneva.", 6},
      {"scarred sup", "The Summit<sup>&</sup>lt;sup>6</sup> met in Geneva.", 6},
      {"latex caret", "The Summit^{12.} met in Geneva.", 12},
      {"latex math", "The Summit$^{^{\\rm 12}~$ met in Geneva.", 12},
      {"unicode superscripts", "The Summit\u2074\u2070 met in Geneva.", 40},
      {"unicode superscript one", "The Summit\u00B9 met in Geneva.", 1},
      {"sup with space before", "The Summit <sup>7</sup> met in Geneva.", 7},
      {"sup number with comma", "The Summit<sup>8,</sup> met in Geneva.", 8},
      {"latex math, plain", "The Summit$^{12}$ met in Geneva.", 12},
      {"latex math, scarred rm", "The Summit$^{^{\\}rm 12}~$ met in Geneva.", 12},
      {"Markdown footnote reference", "The Summit[^12] met in Geneva.", 12},
      {"textsuperscript", "The Summit\\textsuperscript{12} met in Geneva.", 12},
      {"sup holding a link", "The Summit<sup><a href=\"#fn12\">12</a></sup> met in Geneva.", 12},
  };
  const std::string summit = "The Summit";
  for (const MarkerCase& c : cases) {
    SCOPED_TRACE(c.what);
    const CleanLine clean = CleanInline(c.line);
    EXPECT_EQ(clean.text, "The Summit met in Geneva.");
    ASSERT_EQ(clean.markers.size(), 1u);
    EXPECT_EQ(clean.markers[0].number, c.number);
    EXPECT_EQ(clean.markers[0].offset, summit.size());
  }
}

// "speaker<sup>12,13</sup>": two footnotes on one word, in every form that
// can hold a list.
TEST(CleanInlineTest, ListsOfMarkersGiveOneMarkerEach) {
  for (const char* line : {"Two speakers<sup>12,13</sup> spoke.", "Two speakers^{12, 13} spoke.",
                           "Two speakers$^{12,13}$ spoke."}) {
    const CleanLine clean = CleanInline(line);
    EXPECT_EQ(clean.text, "Two speakers spoke.") << line;
    ASSERT_EQ(clean.markers.size(), 2u) << line;
    EXPECT_EQ(clean.markers[0].number, 12);
    EXPECT_EQ(clean.markers[1].number, 13);
    EXPECT_EQ(clean.markers[1].offset, std::string("Two speakers").size());
  }
}

TEST(CleanInlineTest, MarkerAtEndOfLineIsClampedToText) {
  const CleanLine clean = CleanInline("available on the website.<sup>2</sup>  ");
  EXPECT_EQ(clean.text, "available on the website.");
  ASSERT_EQ(clean.markers.size(), 1u);
  EXPECT_EQ(clean.markers[0].number, 2);
  EXPECT_EQ(clean.markers[0].offset, clean.text.size());
}

TEST(CleanInlineTest, SeveralMarkersKeepTheirOrderAndOffsets) {
  const CleanLine clean = CleanInline("in 2010)<sup>4</sup> and after ten years (in 2015),<sup>5</sup> the latter");
  EXPECT_EQ(clean.text, "in 2010) and after ten years (in 2015), the latter");
  ASSERT_EQ(clean.markers.size(), 2u);
  EXPECT_EQ(clean.markers[0].number, 4);
  EXPECT_EQ(clean.markers[0].offset, std::string("in 2010)").size());
  EXPECT_EQ(clean.markers[1].number, 5);
  EXPECT_EQ(clean.markers[1].offset, std::string("in 2010) and after ten years (in 2015),").size());
}

struct TextCase {
  const char* what;
  const char* line;
  const char* text;
};

TEST(CleanInlineTest, CleansMarkupToPlainText) {
  const TextCase cases[] = {
      {"ordinal sup", "29<sup>th</sup> March", "29th March"},
      {"ordinal sup in sentence", "the 27<sup>th</sup> session of CSTD", "the 27th session of CSTD"},
      {"named entities", "R&amp;D &lt;b&gt; &quot;q&quot; &#39;s&#39; &apos;t", "R&D <b> \"q\" 's' 't"},
      {"numeric entities", "caf&#233; &#x263A; &#8212;", "caf\u00E9 \u263A \u2014"},
      {"dashes", "2021&ndash;2022 &mdash; period", "2021\u20132022 \u2014 period"},
      {"unknown entity kept", "a &bogus; b", "a &bogus; b"},
      {"lone ampersand", "Science & technology", "Science & technology"},
      {"other tags dropped", "<b>bold</b> and <a href=\"x\">link</a><br/>", "bold and link"},
      {"comment dropped", "before<!-- note -->after", "beforeafter"},
      {"less-than that is no tag", "if x < y and y > z", "if x < y and y > z"},
      {"strong", "**bold** text", "bold text"},
      {"strong underscores", "__bold__ text", "bold text"},
      {"emphasis", "an *emphasised* word", "an emphasised word"},
      {"emphasis underscore", "an _emphasised_ word", "an emphasised word"},
      {"snake_case survives", "the snake_case name", "the snake_case name"},
      {"multiplication survives", "2 * 3 = 6", "2 * 3 = 6"},
      {"backslash escapes", "\\*not emphasis\\* and \\# and 1\\. item", "*not emphasis* and # and 1. item"},
      {"white space collapsed", "  a \t  b   c  ", "a b c"},
      {"empty", "", ""},
      {"only markup", "<sup></sup>**", ""},
  };
  for (const TextCase& c : cases) {
    const CleanLine clean = CleanInline(c.line);
    EXPECT_EQ(clean.text, c.text) << c.what;
    EXPECT_TRUE(clean.markers.empty()) << c.what;
  }
}

TEST(CleanInlineTest, NonBreakingSpaceEntityDoesNotDoubleSpaces) {
  EXPECT_EQ(CleanInline("a &nbsp;b").text, "a b");
  EXPECT_EQ(CleanInline("a&nbsp;b").text, "a b");
  EXPECT_EQ(CleanInline("a&nbsp; &nbsp;b&nbsp;").text, "a b");
}

TEST(CleanInlineTest, LongSuperscriptNumberIsNotAMarker) {
  // Four superscript digits are not a footnote number.
  const CleanLine clean = CleanInline("x\u00B9\u00B2\u00B3\u2074 y");
  EXPECT_TRUE(clean.markers.empty());
  // Nor are twelve, whose value overflowed an int (UBSan, found by the pdf
  // fuzz target: fuzz/seeds/pdf).
  std::string run = "x";
  for (int i = 0; i < 12; ++i) run += "\u00B9";
  const CleanLine long_run = CleanInline(run + " y");
  EXPECT_TRUE(long_run.markers.empty());
  EXPECT_EQ(long_run.text, "x y");
}

TEST(CleanInlineTest, UnclosedMarkupOnAHugeLineStaysLinear) {
  // Each of these used to search to the end of the line for its closing
  // part: quadratic. 2 MB of each took seconds to minutes.
  for (const std::string unit : {"<sup>1 ", "a < b ", "&#1 ", "^{ ", "$^{ "}) {
    std::string line;
    while (line.size() < (2u << 20)) line += unit;
    const auto start = std::chrono::steady_clock::now();
    const CleanLine clean = CleanInline(line);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_FALSE(clean.text.empty()) << unit;
    EXPECT_LT(seconds, 5) << unit;
  }
  // Closing parts within reach are still found.
  EXPECT_EQ(CleanInline("a<sup>" + std::string(200, 'x') + "</sup> b").text, "a" + std::string(200, 'x') + " b");
  EXPECT_EQ(CleanInline("x^{" + std::string(20, ' ') + "7}").markers.size(), 1u);
}

TEST(EscapeInlineTest, CleanInlineGivesThePlainTextBack) {
  for (const std::string text : {
           "AT&T & co, &amp; stays &amp;",
           "a < b > c, <b>not a tag</b>, <sup>6</sup> not a marker",
           "snake_case, __init__, _x_, *emphasis*, **bold**, 2 * 3",
           "back\\slash \\* \\n",
           "# not a heading",
           "x^{12} and $^{3}$ are not markers",
           "&#39; &nbsp; &#x41;",
           "caf\u00E9 \u2014 ok",
       }) {
    const std::string escaped = EscapeInline(text);
    const CleanLine clean = CleanInline(escaped);
    EXPECT_EQ(clean.text, text) << escaped;
    EXPECT_TRUE(clean.markers.empty()) << escaped;
  }
  // '#' is escaped at the start of a line only.
  EXPECT_EQ(EscapeInline("# a #b\n  #c"), "\\# a #b\n  \\#c");
}

}  // namespace
}  // namespace cstd::extract

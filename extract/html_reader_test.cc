#include "extract/html_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/reader.h"
#include "extract/structure.h"
#include "model/errors.h"
#include "tests/support/temp_dir.h"

namespace cstd::extract {
namespace {

namespace fs = std::filesystem;

// The text of `html` as ReadFile gives it (NFC), without a file.
std::string Text(std::string_view html, std::vector<std::string>* warnings = nullptr) {
  return NormaliseText("in.html", HtmlToText("in.html", html, warnings));
}

std::vector<std::string> Texts(const Structure& s) {
  std::vector<std::string> texts;
  for (const Block& b : s.paragraphs) texts.push_back(b.text);
  return texts;
}

// The InputError HtmlToText throws for `html`; fails the test if none.
InputError HtmlError(std::string_view html) {
  try {
    const std::string text = HtmlToText("in.html", html);
    ADD_FAILURE() << "expected InputError, read: " << text;
  } catch (const InputError& e) {
    EXPECT_EQ(e.path(), "in.html");
    return e;
  }
  return InputError("", "");
}

TEST(HtmlToTextTest, HeadingsBecomeHashLinesByLevel) {
  EXPECT_EQ(Text("<h1>Report of the <em>Commission</em></h1><h2>I. Introduction</h2><h6>Deep</h6>"),
            "# Report of the Commission\n\n## I. Introduction\n\n###### Deep");
  const Structure s = ParseStructure(Text("<h1>Title</h1><h2>Chapter</h2><p>1. A paragraph.</p>"));
  EXPECT_EQ(s.headings, (std::vector<std::string>{"Title", "Chapter"}));
  ASSERT_EQ(s.paragraphs.size(), 1u);
  EXPECT_EQ(s.paragraphs[0].section, "Chapter");
}

TEST(HtmlToTextTest, BlockElementsSeparateLines) {
  EXPECT_EQ(Text("<html><body><p>One\n  two.</p><div>Three</div>Four<br>Five<ul><li>Six</li><li>Seven</li></ul>"
                 "<table><tr><td>Eight</td><td>nine</td></tr><tr><th>Ten</th></tr></table></body></html>"),
            "One two.\n\nThree\n\nFour\n\nFive\n\nSix\n\nSeven\n\nEight nine\n\nTen");
  // A heading's inner blocks and breaks are spaces.
  EXPECT_EQ(Text("<h2>Part<br>one<div>and two</div></h2>"), "## Part one and two");
}

TEST(HtmlToTextTest, ParagraphsAreNumberedParagraphs) {
  const Structure s =
      ParseStructure(Text("<p>Twenty-seventh session</p><p>1. The delegate from Japan said hello.</p>"
                          "<p>2.&nbsp;The delegate from Brazil agreed.</p>"));
  ASSERT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(s.paragraphs[0].number, 1);
  EXPECT_EQ(s.paragraphs[1].number, 2);
  EXPECT_EQ(s.paragraphs[1].text, "The delegate from Brazil agreed.");
}

TEST(HtmlToTextTest, OrderedListItemsAreNumberedAsShown) {
  EXPECT_EQ(Text("<ol start=\"12\"><li>Twelve.</li><li value=\"20\">Twenty.</li><li>Next.</li></ol>"
                 "<ol type=\"a\"><li>Sub.</li><li>Sub two.</li></ol><ol type=\"i\"><li>x</li><li>y</li><li>z</li>"
                 "<li>w</li></ol><ul><li>Bullet.</li></ul>"),
            "12. Twelve.\n\n20. Twenty.\n\n21. Next.\n\n(a) Sub.\n\n(b) Sub two.\n\n(i) x\n\n(ii) y\n\n(iii) z\n\n"
            "(iv) w\n\nBullet.");
  // An item whose text is inside a block keeps its number.
  EXPECT_EQ(Text("<ol><li><p>Wrapped.</p></li><li></li></ol><p>After.</p>"), "1. Wrapped.\n\nAfter.");
}

TEST(HtmlToTextTest, SuperscriptMarkersAreKeptForParseStructure) {
  const std::string text = Text(
      "<p>1. The Internet Governance Forum Secretariat<sup>3</sup> met in Kyoto on the 29<sup>th</sup>.</p>"
      "<p><sup>3</sup> Mr. Chengetai Masango, Head of the Secretariat.</p>");
  EXPECT_NE(text.find("Secretariat<sup>3</sup> met"), std::string::npos) << text;
  const Structure s = ParseStructure(text);
  ASSERT_EQ(s.paragraphs.size(), 1u) << text;
  EXPECT_EQ(s.paragraphs[0].text, "The Internet Governance Forum Secretariat met in Kyoto on the 29th.");
  ASSERT_EQ(s.paragraphs[0].markers.size(), 1u);
  EXPECT_EQ(s.paragraphs[0].markers[0].number, 3);
  EXPECT_EQ(s.paragraphs[0].text.substr(0, s.paragraphs[0].markers[0].offset),
            "The Internet Governance Forum Secretariat");
  ASSERT_EQ(s.footnotes.count(3), 1u);
  EXPECT_EQ(s.footnotes.at(3), "Mr. Chengetai Masango, Head of the Secretariat.");
}

TEST(HtmlToTextTest, FootnoteListsBecomeFootnoteDefinitions) {
  // As pandoc writes them: a reference in a link, the notes in a list with
  // back-links.
  const Structure s = ParseStructure(
      Text("<p>1. The panel met.<a href=\"#fn1\" class=\"footnote-ref\" id=\"fnref1\"><sup>1</sup></a></p>"
           "<section class=\"footnotes\" role=\"doc-endnotes\"><hr><ol>"
           "<li id=\"fn1\"><p>Ms. Anriette Esterhuysen, APC.<a href=\"#fnref1\" class=\"footnote-back\" "
           "role=\"doc-backlink\">\u21A9\uFE0E</a></p></li></ol></section>"));
  ASSERT_EQ(s.paragraphs.size(), 1u);
  EXPECT_EQ(s.paragraphs[0].number, 1);
  ASSERT_EQ(s.paragraphs[0].markers.size(), 1u);
  EXPECT_EQ(s.paragraphs[0].markers[0].number, 1);
  ASSERT_EQ(s.footnotes.count(1), 1u);
  EXPECT_EQ(s.footnotes.at(1), "Ms. Anriette Esterhuysen, APC.");
}

TEST(HtmlToTextTest, DecodesEntities) {
  const Structure s = ParseStructure(
      Text("<p>AT&amp;T and Caf&eacute; &#8220;Kleinw&auml;chter&#x201D;&nbsp;&mdash; e&#769;t&eacute; 3 &lt; 4</p>"));
  ASSERT_EQ(s.paragraphs.size(), 1u);
  EXPECT_EQ(s.paragraphs[0].text, "AT&T and Caf\u00E9 \u201CKleinw\u00E4chter\u201D \u2014 \u00E9t\u00E9 3 < 4");
}

TEST(HtmlToTextTest, DropsScriptStyleHeadAndComments) {
  const std::string text = Text(
      "<!DOCTYPE html><html><head><title>Page title</title><style>p { color: red; }</style>"
      "<script>var x = '<p>not text</p>';</script><meta charset=\"utf-8\"></head>"
      "<body><!-- a comment --><p>Visible.</p><script>alert(1)</script><noscript>Enable JS</noscript>"
      "<template><p>Template</p></template><p hidden>Hidden.</p><svg><text>Drawn</text></svg></body></html>");
  EXPECT_EQ(text, "Visible.");
}

TEST(HtmlToTextTest, MarkupNeverLeaksIntoText) {
  const std::string html =
      "<p>The <b>bold</b>, <i>italic</i>, <span class=\"x\">span</span> and <a href=\"/y\">link</a> words"
      "<img src=\"a.png\" alt=\"picture\"> stay.</p><p>Shown as code: &lt;b&gt; &amp;amp; a*b*c __init__ \\n</p>";
  const Structure s = ParseStructure(Text(html));
  ASSERT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(s.paragraphs[0].text, "The bold, italic, span and link words stay.");
  // What the browser shows, character for character.
  EXPECT_EQ(s.paragraphs[1].text, "Shown as code: <b> &amp; a*b*c __init__ \\n");
  // A paragraph starting with '#' is not a heading.
  const Structure hash = ParseStructure(Text("<p># not a heading</p>"));
  EXPECT_TRUE(hash.headings.empty());
  ASSERT_EQ(hash.paragraphs.size(), 1u);
  EXPECT_EQ(hash.paragraphs[0].text, "# not a heading");
}

TEST(HtmlToTextTest, OddNestingStaysWellFormed) {
  // Headings in headings and superscripts, blocks in superscripts, huge
  // list numbers: text, and markers that close.
  const Structure s = ParseStructure(
      Text("<h1>Outer <h2>inner</h2> end</h1><p>Word<sup><h3>4</h3></sup> and<sup>5<div>6</div></sup>.</p>"
           "<ol start=\"2147483647\"><li>Big</li><li>Bigger</li></ol>"));
  for (const std::string& h : s.headings) EXPECT_EQ(h.find('<'), std::string::npos) << h;
  for (const Block& b : s.paragraphs) EXPECT_EQ(b.text.find('<'), std::string::npos) << b.text;
  EXPECT_FALSE(s.paragraphs.empty());
}

TEST(HtmlToTextTest, PreKeepsItsLines) {
  EXPECT_EQ(Text("<pre>line one\nline   two</pre>"), "line one\n\nline two");
}

TEST(HtmlToTextTest, HundredThousandNestedDivsDoNotOverflowOrStall) {
  for (const char* tag : {"div", "b", "blockquote", "span"}) {
    const int depth = 100000;
    std::string html = "<p>Before.</p>";
    for (int i = 0; i < depth; ++i) html += std::string("<") + tag + ">";
    html += "Deep text.";
    for (int i = 0; i < depth; ++i) html += std::string("</") + tag + ">";
    html += "<p>After.</p>";
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::string> warnings;
    const std::string text = Text(html, &warnings);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_NE(text.find("Before."), std::string::npos) << tag;
    EXPECT_NE(text.find("Deep text."), std::string::npos) << tag;
    EXPECT_NE(text.find("After."), std::string::npos) << tag;
    ASSERT_EQ(warnings.size(), 1u) << tag;
    EXPECT_NE(warnings[0].find("nested deeper than"), std::string::npos) << warnings[0];
    EXPECT_LT(seconds, 30) << tag;  // unlimited, gumbo takes minutes
    RecordProperty(std::string("seconds_") + tag, std::to_string(seconds));
  }
  // Unclosed, and nested lists and tables, the same.
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "Unclosed.";
  EXPECT_EQ(Text(html), "Unclosed.");
  html.clear();
  for (int i = 0; i < 30000; ++i) html += "<ul><li>";
  html += "Listed.";
  EXPECT_EQ(Text(html), "Listed.");
  html.clear();
  for (int i = 0; i < 30000; ++i) html += "<table><tr><td>";
  html += "Tabled.";
  EXPECT_EQ(Text(html), "Tabled.");
}

TEST(HtmlToTextTest, ShallowDocumentsGetNoWarning) {
  std::string html;
  for (int i = 0; i < 200; ++i) html += "<div><span><font>Word</font></span> <p>x";  // unclosed div and p
  std::vector<std::string> warnings;
  Text(html, &warnings);
  EXPECT_TRUE(warnings.empty());
}

TEST(HtmlToTextTest, InvalidUtf8ThrowsNamingTheLine) {
  const InputError e = HtmlError("<html>\n<body>\n<p>Caf\xE9 in Latin-1</p>\n</body></html>");
  EXPECT_NE(e.reason().find("invalid UTF-8 at line 3"), std::string::npos) << e.what();
}

TEST(HtmlToTextTest, EmptyBinaryAndMarkupOnlyFilesThrow) {
  EXPECT_NE(HtmlError("").reason().find("empty"), std::string::npos);
  EXPECT_NE(HtmlError(std::string_view("<p>a\0b</p>", 10)).reason().find("binary"), std::string::npos);
  EXPECT_NE(HtmlError("<html><head><title>T</title></head><body><div> </div></body></html>").reason().find("no text"),
            std::string::npos);
}

TEST(HtmlToTextTest, MalformedHtmlIsReadAsBrowsersDo) {
  EXPECT_EQ(Texts(ParseStructure(Text("<p>One<p>Two</b></i><div>Three</p></div><<>>x"))),
            (std::vector<std::string>{"One", "Two", "Three", "<<>>x"}));
  const Structure s = ParseStructure(Text("<p>A &bogus; entity and a stray < sign."));
  ASSERT_EQ(s.paragraphs.size(), 1u);
  EXPECT_EQ(s.paragraphs[0].text, "A &bogus; entity and a stray < sign.");
}

TEST(HtmlToTextTest, ReadFileReadsHtmlAndHtmFiles) {
  const test_support::TempDir temp("html-test");
  const fs::path dir = temp.path();
  for (const char* name : {"doc.html", "doc.HTM"}) {
    const fs::path path = dir / name;
    std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBF<h1>Title</h1>\r\n<p>1. Cafe\xCC\x81 text.</p>";
    EXPECT_EQ(ReadFile(path.string()).text, "# Title\n\n1. Caf\u00E9 text.") << name;
  }
}

}  // namespace
}  // namespace cstd::extract

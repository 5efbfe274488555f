#include "model/text.h"

#include <gtest/gtest.h>

#include <climits>
#include <optional>
#include <string>
#include <vector>

namespace cstd::text {
namespace {

struct Utf8Case {
  const char* what;
  std::string bytes;
  std::optional<size_t> invalid_at;
};

TEST(FindInvalidUtf8Test, FindsFirstInvalidSequence) {
  const Utf8Case cases[] = {
      {"empty", "", std::nullopt},
      {"ascii", "plain text", std::nullopt},
      {"two-byte", "caf\xC3\xA9", std::nullopt},
      {"three-byte", "\xE2\x80\x94 dash", std::nullopt},
      {"four-byte", "\xF0\x9F\x98\x80", std::nullopt},
      {"largest code point", "\xF4\x8F\xBF\xBF", std::nullopt},
      {"overlong slash", "ab\xC0\xAF", 2},
      {"overlong three-byte", "\xE0\x80\xAF", 0},
      {"truncated two-byte", "abc\xC3", 3},
      {"truncated three-byte", "x\xE2\x80 y", 1},
      {"surrogate", "ok \xED\xA0\x80", 3},
      {"past U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"lone continuation", "a\x80", 1},
      {"invalid byte", "\xFF", 0},
      {"first of two errors", "a\xC3\xA9\xFFz\xFE", 3},
  };
  for (const Utf8Case& c : cases) {
    EXPECT_EQ(FindInvalidUtf8(c.bytes), c.invalid_at) << c.what;
  }
}

TEST(ToNfcTest, ComposesDecomposedText) {
  EXPECT_EQ(ToNfc("e\u0301"), "\u00E9");
  EXPECT_EQ(ToNfc("Kleinwa\u0308chter"), "Kleinw\u00E4chter");
  EXPECT_EQ(ToNfc("already \u00E9"), "already \u00E9");
  EXPECT_EQ(ToNfc(""), "");
  // Compatibility characters are not folded by NFC.
  EXPECT_EQ(ToNfc("\uFB01"), "\uFB01");
}

TEST(FoldKeyTest, FoldsCaseDiacriticsAndPunctuation) {
  struct Case {
    const char* in;
    const char* key;
  };
  const Case cases[] = {
      {"Türkiye", "turkiye"},
      {"TURKIYE", "turkiye"},
      {"Côte d'Ivoire", "cote d ivoire"},
      {"Cote d\u2019Ivoire", "cote d ivoire"},
      {"  Iran (Islamic Republic of)  ", "iran islamic republic of"},
      {"Straße", "strasse"},
      {"Łódź", "lodz"},
      {"e\u0301te\u0301", "ete"},
      {"A--B", "a b"},
      {"", ""},
      {"...", ""},
      {"G20", "g20"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FoldKey(c.in), c.key) << c.in;
  }
}

TEST(SlugTest, MakesUrlSafeIds) {
  EXPECT_EQ(Slug("Wolfgang Kleinwächter"), "wolfgang-kleinwachter");
  EXPECT_EQ(Slug("  Mr. J. Smith-Jones "), "mr-j-smith-jones");
  EXPECT_EQ(Slug("Côte d'Ivoire"), "cote-d-ivoire");
  EXPECT_EQ(Slug(""), "");
}

TEST(HtmlEscapeTest, EscapesTheFiveCharacters) {
  EXPECT_EQ(HtmlEscape("a < b && c > \"d\" 'e'"), "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;");
  EXPECT_EQ(HtmlEscape("plain é"), "plain é");
  EXPECT_EQ(HtmlEscape(""), "");
  EXPECT_EQ(HtmlEscape("&lt;"), "&amp;lt;");
}

TEST(TrimTest, TrimsAsciiWhiteSpaceOnly) {
  EXPECT_EQ(Trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" \t "), "");
  EXPECT_EQ(Trim("\u00A0x"), "\u00A0x");
}

TEST(ContainsWordsTest, WholeWordsOrPrefixesInAnyOrder) {
  const struct {
    const char* label;
    const char* typed;
    bool prefixes;
    bool found;
  } kCases[] = {
      {"state of palestine", "palestine", false, true},
      {"state of palestine", "pales", false, false},
      {"state of palestine", "pales", true, true},
      {"david souter", "souter david", false, true},
      {"david souter", "sou d", true, true},
      {"david souter", "souter souter", false, false},  // each typed word its own label word
      {"david souter", "", true, false},
      {"david souter", "avid", true, false},  // prefixes only, not infixes
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(ContainsWords(c.label, c.typed, c.prefixes), c.found) << c.label << " / " << c.typed;
  }
}

TEST(CollapseSpaceTest, MakesEachRunOfWhiteSpaceOneSpace) {
  EXPECT_EQ(CollapseSpace("  Sheikh Hamad bin Khalifa\n Al-Thani,\t"), "Sheikh Hamad bin Khalifa Al-Thani,");
  EXPECT_EQ(CollapseSpace("a\u00A0\u00A0b"), "a b");
  EXPECT_EQ(CollapseSpace(" \r\n "), "");
}

TEST(SplitTest, KeepsEmptyFields) {
  EXPECT_EQ(Split("a,,b,", ','), (std::vector<std::string_view>{"a", "", "b", ""}));
  EXPECT_EQ(Split("", ','), (std::vector<std::string_view>{""}));
  EXPECT_EQ(Split("abc", ','), (std::vector<std::string_view>{"abc"}));
}

// The views Split and Trim return point into their argument: a temporary
// string is refused at compile time, a named one or a literal is taken.
template <typename S>
concept Splittable = requires(S&& s) { Split(std::forward<S>(s), ','); };
template <typename S>
concept Trimmable = requires(S&& s) { Trim(std::forward<S>(s)); };
static_assert(!Splittable<std::string>);
static_assert(!Trimmable<std::string>);
static_assert(Splittable<std::string&> && Splittable<const std::string&> && Splittable<const char*>);
static_assert(Trimmable<std::string&> && Trimmable<std::string_view> && Trimmable<const char (&)[4]>);

TEST(ParseIntTest, ParsesWholeDecimalIntegersOnly) {
  struct Case {
    const char* in;
    std::optional<long> value;
  };
  const Case cases[] = {
      {"0", 0},
      {"42", 42},
      {"-7", -7},
      {"+7", 7},
      {"007", 7},
      {"9223372036854775807", LONG_MAX},
      {"-9223372036854775808", LONG_MIN},
      {"9223372036854775808", std::nullopt},
      {"", std::nullopt},
      {"+", std::nullopt},
      {"-", std::nullopt},
      {"12a", std::nullopt},
      {"a12", std::nullopt},
      {" 12", std::nullopt},
      {"12 ", std::nullopt},
      {"1.5", std::nullopt},
      {"0x10", std::nullopt},
      {"+-1", std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ParseInt(c.in), c.value) << "'" << c.in << "'";
  }
}

TEST(OrdinalTest, WritesSessionNumbersAsTheUnDoes) {
  const std::vector<std::pair<int, std::string>> cases = {
      {1, "1st"},     {2, "2nd"},     {3, "3rd"},     {4, "4th"},     {11, "11th"}, {12, "12th"},
      {13, "13th"},   {21, "21st"},   {22, "22nd"},   {78, "78th"},   {101, "101st"},
      {111, "111th"}, {112, "112th"}, {113, "113th"}, {123, "123rd"},
  };
  for (const auto& [n, want] : cases) EXPECT_EQ(Ordinal(n), want) << n;
}

}  // namespace
}  // namespace cstd::text

#include "extract/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "extract/structure.h"
#include "model/errors.h"
#include "tests/support/temp_dir.h"

namespace cstd::extract {
namespace {

namespace fs = std::filesystem;

// The InputError NormaliseText throws for `bytes`; fails the test if none.
InputError NormaliseError(std::string_view bytes) {
  try {
    NormaliseText("in.txt", bytes);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "expected InputError for '" << bytes << "'";
  return InputError("", "");
}

TEST(NormaliseTextTest, StripsByteOrderMark) {
  EXPECT_EQ(NormaliseText("in.txt", "\xEF\xBB\xBFHello"), "Hello");
  // Only a leading BOM is a BOM.
  EXPECT_EQ(NormaliseText("in.txt", "a\xEF\xBB\xBF"), "a\xEF\xBB\xBF");
}

TEST(NormaliseTextTest, TurnsCrLfAndLoneCrIntoLf) {
  EXPECT_EQ(NormaliseText("in.txt", "a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd");
  EXPECT_EQ(NormaliseText("in.txt", "a\r"), "a\n");
}

TEST(NormaliseTextTest, AppliesNfc) {
  EXPECT_EQ(NormaliseText("in.txt", "Cafe\u0301 Kleinwa\u0308chter"), "Caf\u00E9 Kleinw\u00E4chter");
}

TEST(NormaliseTextTest, KeepsValidTextUnchanged) {
  const std::string text = "Line one.\n\nLine two \u2014 \u00E9t\u00E9.\n";
  EXPECT_EQ(NormaliseText("in.txt", text), text);
}

TEST(NormaliseTextTest, RefusesEmptyInput) {
  for (const char* bytes : {"", " ", " \n\t\r\n ", "\xEF\xBB\xBF", "\xEF\xBB\xBF \n"}) {
    const InputError e = NormaliseError(bytes);
    EXPECT_EQ(e.path(), "in.txt");
    EXPECT_NE(e.reason().find("empty"), std::string::npos) << e.what();
  }
}

TEST(NormaliseTextTest, RefusesBinaryData) {
  const InputError e = NormaliseError(std::string_view("text\0more", 9));
  EXPECT_NE(e.reason().find("binary"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("in.txt"), std::string::npos) << e.what();
}

TEST(NormaliseTextTest, RefusesInvalidUtf8NamingLineAndByte) {
  struct Case {
    std::string bytes;
    const char* where;
  };
  const Case cases[] = {
      {"\xFFstart", "line 1 (byte 0)"},
      {"one\ntwo\nthr\xC3(ee", "line 3 (byte 11)"},
      {"ok\nsurrogate \xED\xA0\x80\n", "line 2 (byte 13)"},
      {"\xEF\xBB\xBF"
       "a\n\xC0\xAF",
       "line 2"},
  };
  for (const Case& c : cases) {
    const InputError e = NormaliseError(c.bytes);
    EXPECT_NE(e.reason().find("invalid UTF-8"), std::string::npos) << e.what();
    EXPECT_NE(e.reason().find(c.where), std::string::npos) << e.what();
  }
}

TEST(FormatOfTest, KnowsEachFormatByExtension) {
  struct Case {
    const char* path;
    Format format;
  };
  const Case cases[] = {{"a.txt", Format::kText},    {"dir/A.TXT", Format::kText},      {"b.md", Format::kMarkdown},
                        {"b.MD", Format::kMarkdown}, {"c.markdown", Format::kMarkdown}, {"r.pdf", Format::kPdf},
                        {"dir/R.PDF", Format::kPdf}, {"p.html", Format::kHtml},         {"p.htm", Format::kHtml},
                        {"P.Html", Format::kHtml}};
  for (const Case& c : cases) {
    EXPECT_EQ(FormatOf(c.path), c.format) << c.path;
    EXPECT_TRUE(IsSupported(c.path)) << c.path;
  }
}

TEST(FormatOfTest, UnsupportedFormatThrowsInputError) {
  for (const char* path : {"report.docx", "README", "archive.txt.gz", ".txt/file", "page.xhtml", "scan.pdf.zst"}) {
    EXPECT_FALSE(IsSupported(path)) << path;
    try {
      FormatOf(path);
      ADD_FAILURE() << "expected InputError for " << path;
    } catch (const InputError& e) {
      EXPECT_EQ(e.path(), path);
      EXPECT_NE(e.reason().find("unsupported format"), std::string::npos) << e.what();
    }
  }
}

class ReadFileTest : public testing::Test {
 protected:
  std::string Write(const std::string& name, std::string_view bytes) const { return temp_.Write(name, bytes); }

  const test_support::TempDir temp_{"reader-test"};
  const fs::path dir_ = temp_.path();
};

TEST_F(ReadFileTest, ReadsAndNormalisesAFile) {
  const std::string path = Write("doc.txt",
                                 "\xEF\xBB\xBF"
                                 "First line\r\nSecond e\u0301\r\n");
  EXPECT_EQ(ReadFile(path).text, "First line\nSecond \u00E9\n");
}

TEST_F(ReadFileTest, TextFilesHaveNoPages) {
  const std::string path = Write("a.txt", "1. One.\n\n2. Two.\n");
  EXPECT_TRUE(ReadFile(path).page_starts.empty());
}

TEST_F(ReadFileTest, MissingFileThrowsNamingThePath) {
  const std::string path = (dir_ / "missing.txt").string();
  try {
    ReadFile(path);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.path(), path);
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}

TEST_F(ReadFileTest, BinaryFileThrows) {
  const std::string path = Write("image.txt", std::string_view("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  try {
    ReadFile(path);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.path(), path);
    EXPECT_NE(e.reason().find("binary"), std::string::npos) << e.what();
  }
}

TEST_F(ReadFileTest, EmptyFileThrows) {
  const std::string path = Write("empty.md", "");
  try {
    ReadFile(path);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(e.reason().find("empty"), std::string::npos) << e.what();
  }
}

TEST_F(ReadFileTest, FolderNamedLikeAFileThrows) {
  const fs::path path = dir_ / "folder.txt";
  fs::create_directories(path);
  try {
    ReadFile(path.string());
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.path(), path.string());
  }
}

TEST_F(ReadFileTest, FileOverTheSizeLimitThrowsWithoutReadingIt) {
  const fs::path path = dir_ / "huge.txt";
  std::ofstream(path).put('a');
  fs::resize_file(path, kMaxFileBytes + 1);  // sparse: nothing is written
  try {
    ReadFile(path.string());
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(e.reason().find("larger than the 64 MB limit"), std::string::npos) << e.what();
  }
}

TEST_F(ReadFileTest, WhitespaceOnlyAndBomOnlyFilesThrow) {
  for (const char* bytes : {" \r\n\t\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\r\n"}) {
    const std::string path = Write("blank.md", bytes);
    EXPECT_THROW(ReadFile(path), InputError);
  }
}

// A 50 MB file without a line break: one line for every stage. The text is
// full of markup that never closes ("<sup>", "&#", "^{", "$^{", "<"), which
// made the inline clean-up rescan the rest of the line at each occurrence:
// quadratic, hours for this file. It must stay linear.
TEST_F(ReadFileTest, FiftyMegabyteLineWithoutBreaksIsReadAndParsed) {
  constexpr size_t kSize = 50u << 20;
  const std::string unit = "The delegate of Japan<sup>1 said a < b &#12 x^{ y $^{ z &amp; caf\u00E9 ";
  std::string bytes;
  bytes.reserve(kSize + unit.size());
  while (bytes.size() < kSize) bytes += unit;
  bytes.resize(kSize);
  while ((static_cast<unsigned char>(bytes.back()) & 0xC0) == 0x80 ||
         static_cast<unsigned char>(bytes.back()) >= 0xC0) {
    bytes.pop_back();  // no UTF-8 sequence cut in half
  }
  const std::string path = Write("line.txt", bytes);
  bytes = std::string();

  const auto start = std::chrono::steady_clock::now();
  const std::string text = ReadFile(path).text;
  const auto read = std::chrono::steady_clock::now();
  const Structure s = ParseStructure(text);
  const auto parsed = std::chrono::steady_clock::now();
  const double read_seconds = std::chrono::duration<double>(read - start).count();
  const double parse_seconds = std::chrono::duration<double>(parsed - read).count();
  RecordProperty("read_seconds", std::to_string(read_seconds));
  RecordProperty("parse_seconds", std::to_string(parse_seconds));
  std::cout << "50 MB line: ReadFile " << read_seconds << " s, ParseStructure " << parse_seconds << " s\n";

  EXPECT_EQ(text.find('\n'), std::string::npos);
  ASSERT_EQ(s.paragraphs.size(), 1u);
  EXPECT_EQ(s.paragraphs[0].text.rfind("The delegate of Japan1 said a < b &#12 x^{ y $^{ z & caf\u00E9", 0), 0u);
  // Generous: linear takes a few seconds even with sanitizers; quadratic, hours.
  EXPECT_LT(read_seconds + parse_seconds, 120);
}

}  // namespace
}  // namespace cstd::extract

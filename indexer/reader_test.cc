#include "indexer/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "model/errors.h"

namespace cstd::indexer {
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

TEST(FormatOfTest, KnowsTextAndMarkdownByExtension) {
  struct Case {
    const char* path;
    Format format;
  };
  const Case cases[] = {{"a.txt", Format::kText},
                        {"dir/A.TXT", Format::kText},
                        {"b.md", Format::kMarkdown},
                        {"b.MD", Format::kMarkdown},
                        {"c.markdown", Format::kMarkdown}};
  for (const Case& c : cases) {
    EXPECT_EQ(FormatOf(c.path), c.format) << c.path;
    EXPECT_TRUE(IsSupported(c.path)) << c.path;
  }
}

TEST(FormatOfTest, UnsupportedFormatThrowsInputError) {
  for (const char* path : {"report.pdf", "report.docx", "README", "archive.txt.gz", ".txt/file"}) {
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
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cstd-reader-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, std::string_view bytes) const {
    const fs::path path = dir_ / name;
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path.string();
  }

  fs::path dir_;
};

TEST_F(ReadFileTest, ReadsAndNormalisesAFile) {
  const std::string path = Write("doc.txt",
                                 "\xEF\xBB\xBF"
                                 "First line\r\nSecond e\u0301\r\n");
  EXPECT_EQ(ReadFile(path), "First line\nSecond \u00E9\n");
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

}  // namespace
}  // namespace cstd::indexer

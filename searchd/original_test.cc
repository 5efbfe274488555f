#include "searchd/original.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "model/errors.h"
#include "tests/support/temp_dir.h"

namespace cstd::searchd {
namespace {

namespace fs = std::filesystem;

TEST(InlineDispositionTest, KeepsPlainNamesAndEncodesTheRest) {
  const struct {
    const char* name;
    const char* want;
  } kCases[] = {
      {"E_CN16_2024_2.pdf", R"(inline; filename="E_CN16_2024_2.pdf")"},
      {"session 27 report.html", R"(inline; filename="session 27 report.html")"},
      // A quote or backslash would end or escape the quoted string.
      {"say \"hi\".txt", R"(inline; filename="say _hi_.txt"; filename*=UTF-8''say%20%22hi%22.txt)"},
      {"a\\b.md", R"(inline; filename="a_b.md"; filename*=UTF-8''a%5Cb.md)"},
      // A line break would end the header: never raw, in either form.
      {"evil\r\nSet-Cookie: x.txt",
       R"(inline; filename="evil__Set-Cookie: x.txt"; filename*=UTF-8''evil%0D%0ASet-Cookie%3A%20x.txt)"},
      // UTF-8 names: an ASCII stand-in, and the real name for browsers.
      {"Résumé.pdf", R"(inline; filename="R__sum__.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf)"},
      // Not UTF-8: no filename* can say it.
      {"bad\xff.txt", R"(inline; filename="bad_.txt")"},
  };
  for (const auto& c : kCases) EXPECT_EQ(InlineDisposition(c.name), c.want) << c.name;
}

class ReadOriginalTest : public ::testing::Test {
 protected:
  // Writes `bytes` as `name` and returns the record an index keeps of it.
  IndexedFile Indexed(const std::string& name, const std::string& bytes) {
    Write(name, bytes);
    IndexedFile file;
    file.path = (dir_ / name).string();
    file.record.size = bytes.size();
    file.record.hash = ContentHash(bytes);
    return file;
  }
  void Write(const std::string& name, const std::string& bytes) { temp_.Write(name, bytes); }

  const test_support::TempDir temp_{"read-original"};
  const fs::path dir_ = temp_.path();
};

TEST_F(ReadOriginalTest, ReturnsTheIndexedBytesWithFormatAndName) {
  const std::string pdf("%PDF-1.4\n\0\xff binary", 18);
  const Original original = ReadOriginal("r", Indexed("Report.PDF", pdf));
  EXPECT_EQ(original.bytes, pdf);
  EXPECT_EQ(original.format, Format::kPdf);
  EXPECT_EQ(original.file_name, "Report.PDF");
  const Original empty = ReadOriginal("e", Indexed("empty.txt", ""));
  EXPECT_EQ(empty.bytes, "");
}

TEST_F(ReadOriginalTest, RefusesWhatIsNotTheIndexedFile) {
  const IndexedFile file = Indexed("a.txt", "indexed bytes\n");
  const auto expect_error = [&](const IndexedFile& f, bool conflict, const char* why) {
    SCOPED_TRACE(why);
    try {
      ReadOriginal("doc-a", f);
      ADD_FAILURE() << "served";
    } catch (const ConflictError& e) {
      EXPECT_TRUE(conflict) << e.what();
      EXPECT_NE(std::string(e.what()).find("'doc-a'"), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).find(dir_.string()), std::string::npos) << e.what();
    } catch (const NotFoundError& e) {
      EXPECT_FALSE(conflict) << e.what();
      EXPECT_NE(std::string(e.what()).find("'doc-a'"), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).find(dir_.string()), std::string::npos) << e.what();
    }
  };
  Write("a.txt", "INDEXED BYTES\n");  // same size, other bytes
  expect_error(file, true, "same size");
  Write("a.txt", "indexed bytes and more\n");
  expect_error(file, true, "other size");
  IndexedFile damaged = Indexed("b.txt", "b\n");
  damaged.record.hash.clear();
  expect_error(damaged, true, "no hash to check against");
  fs::remove(dir_ / "a.txt");
  expect_error(file, false, "gone");
  fs::create_directories(dir_ / "a.txt");
  expect_error(file, false, "a folder now");
  IndexedFile unknown = Indexed("c.docx", "c");
  expect_error(unknown, false, "no format");
}

}  // namespace
}  // namespace cstd::searchd

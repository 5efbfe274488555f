#include "extract/pdf_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "extract/pdf_typesetter.h"
#include "extract/reader.h"
#include "extract/structure.h"
#include "model/errors.h"
#include "tests/support/pdf_writer.h"
#include "tests/support/temp_dir.h"

namespace cstd::extract {
namespace {

namespace fs = std::filesystem;

// The pages PdfToPages reads, joined as ReadFile joins them.
std::string PdfText(const std::string& path, std::string_view bytes) {
  std::string out;
  for (const std::string& page : PdfToPages(path, bytes)) {
    if (!page.empty()) out += (out.empty() ? "" : "\n\n") + page;
  }
  return out;
}

using test_support::MakePdf;
using test_support::MakePdfFromStreams;
using test_support::TextLine;

std::string FromHex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

std::string OnePagePdf(const std::string& text) {
  return MakePdf({{{72, 720, text}}});
}

class PdfReaderTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, std::string_view bytes) const { return temp_.Write(name, bytes); }
  // The InputError ReadFile throws for `bytes` written as `name`; fails the
  // test if none.
  InputError ReadError(const std::string& name, std::string_view bytes) const {
    const std::string path = Write(name, bytes);
    try {
      const std::string text = ReadFile(path).text;
      ADD_FAILURE() << "expected InputError for " << name << ", read: " << text;
    } catch (const InputError& e) {
      EXPECT_EQ(e.path(), path);
      return e;
    }
    return InputError("", "");
  }

  const test_support::TempDir temp_{"pdf-test"};
  const fs::path dir_ = temp_.path();
};

TEST_F(PdfReaderTest, ReadsAOnePagePdfIntoANumberedParagraph) {
  const std::string path = Write("report.pdf", OnePagePdf("1. The delegate from Japan said hello."));
  const std::string text = ReadFile(path).text;
  EXPECT_EQ(text, "1. The delegate from Japan said hello.");
  const Structure s = ParseStructure(text);
  ASSERT_EQ(s.paragraphs.size(), 1u);
  EXPECT_EQ(s.paragraphs[0].number, 1);
  EXPECT_EQ(s.paragraphs[0].text, "The delegate from Japan said hello.");
}

TEST_F(PdfReaderTest, JoinsPagesInOrderParagraphAfterParagraph) {
  const std::string pdf = MakePdf({{{72, 720, "1. First page, first paragraph."}, {72, 700, "Its second line."}},
                                   {{72, 720, "2. Second page."}},
                                   {},  // a page without text adds nothing
                                   {{72, 720, "3. Fourth page."}}});
  EXPECT_EQ(PdfText("in.pdf", pdf), "1. First page, first paragraph. Its second line.\n\n2. Second page.\n\n3. Fourth page.");
}

// A two-column page reads column after column (poppler's reading order);
// the physical layout would interleave the columns line by line.
TEST_F(PdfReaderTest, ReadsTwoColumnsColumnAfterColumn) {
  const std::string pdf = MakePdf({{{72, 720, "1. Left column,"},
                                    {72, 706, "first paragraph."},
                                    {72, 692, "2. Left again."},
                                    {320, 720, "3. Right column,"},
                                    {320, 706, "third paragraph."}}});
  EXPECT_EQ(PdfText("in.pdf", pdf), "1. Left column, first paragraph.\n\n2. Left again.\n\n3. Right column, third paragraph.");
}

// Page numbers, job numbers and running headers would cut paragraph 2 in
// two at the page break; the first page keeps its header, the masthead.
TEST_F(PdfReaderTest, LeavesOutPageFurniture) {
  const auto page = [](std::vector<TextLine> body, int number) {
    std::vector<TextLine> lines = {{400, 770, "E/CN.16/2024/2"}};
    lines.insert(lines.end(), body.begin(), body.end());
    lines.push_back({72, 60, "GE.24-0123" + std::to_string(number)});
    lines.push_back({300, 40, std::to_string(number)});
    return lines;
  };
  const std::string pdf =
      MakePdf({page({{72, 720, "1. The first paragraph."}, {72, 700, "2. The second paragraph"}}, 1),
               page({{72, 720, "runs over the page break."}, {72, 700, "3. The third."}}, 2),
               page({{72, 720, "4. The fourth."}}, 3)});
  EXPECT_EQ(PdfText("in.pdf", pdf),
            "E/CN.16/2024/2\n\n1. The first paragraph.\n\n2. The second paragraph runs over the page break.\n\n"
            "3. The third.\n\n4. The fourth.");
}

// A paragraph that runs over a page break stays one paragraph: hard-wrapped
// lines, a running header, a page number.
TEST_F(PdfReaderTest, ParagraphsRunOverPageBreaks) {
  std::vector<std::vector<TextLine>> pages(2);
  int y = 760;
  for (int n = 1; n <= 9; ++n, y -= 40) {
    pages[0].push_back({72, y, std::to_string(n) + ". A paragraph long enough to be wrapped over two lines, in"});
    pages[0].push_back({72, y - 14, "the width of the page, with a sentence that ends on this line."});
  }
  pages[0].push_back({72, y, "10. The tenth paragraph runs to the bottom of the page and does"});
  // As wide as the widest line: the next word did not fit on it.
  pages[0].push_back({72, y - 14, "not stop there: a page break cuts it after the definite article the"});
  pages[0].push_back({300, 40, "1"});
  pages[1] = {{400, 770, "E/CN.16/2024/2"},
              {72, 720, "Commission uses and goes on to its end on the next page."},
              {72, 706, "11. The eleventh."},
              {300, 40, "2"}};
  pages[0].insert(pages[0].begin(), {400, 770, "E/CN.16/2024/2"});
  const SourceText source = ReadFile(Write("long.pdf", MakePdf(pages)));
  const Structure s = ParseStructure(source.text, source.page_starts);
  ASSERT_EQ(s.paragraphs.size(), 11u) << source.text;
  EXPECT_EQ(s.paragraphs[0].page, 1);
  EXPECT_EQ(s.paragraphs[9].number, 10);
  EXPECT_EQ(s.paragraphs[9].page, 1) << "a paragraph is on the page it starts on";
  EXPECT_EQ(s.paragraphs[10].page, 2);
  EXPECT_EQ(s.paragraphs[9].text,
            "The tenth paragraph runs to the bottom of the page and does not stop there: a page break cuts it after "
            "the definite article the Commission uses and goes on to its end on the next page.");
  EXPECT_EQ(s.paragraphs[10].number, 11);
}

TEST_F(PdfReaderTest, ConvertsToUtf8) {
  // WinAnsi: 0xF4 is o-circumflex, 0x92 the right single quote, 0x97 an em dash.
  const std::string path = Write("c.pdf", OnePagePdf("C\xF4te d\x92Ivoire \x97 caf\xE9"));
  EXPECT_EQ(ReadFile(path).text, "C\u00F4te d\u2019Ivoire \u2014 caf\u00E9");
}

TEST_F(PdfReaderTest, TextThatLooksLikeMarkupSurvivesParseStructure) {
  const std::string line = "Where a < b & c_d, *x* and <sup>9</sup> are text.";
  const std::string path = Write("m.pdf", OnePagePdf(line));
  const Structure s = ParseStructure(ReadFile(path).text);
  ASSERT_EQ(s.paragraphs.size(), 1u) << ReadFile(path).text;
  EXPECT_EQ(s.paragraphs[0].text, line);
  EXPECT_TRUE(s.paragraphs[0].markers.empty());
}

TEST_F(PdfReaderTest, TruncatedPdfThrows) {
  const std::string pdf = OnePagePdf("1. The delegate from Japan said hello.");
  const InputError e = ReadError("half.pdf", std::string_view(pdf).substr(0, pdf.size() / 2));
  EXPECT_NE(e.reason().find("not a readable PDF (truncated or damaged)"), std::string::npos) << e.what();
}

TEST_F(PdfReaderTest, EveryTruncationThrowsOrReadsNeverCrashes) {
  const std::string pdf = MakePdf({{{72, 720, "1. Page one."}}, {{72, 720, "2. Page two."}}});
  for (size_t size = 0; size < pdf.size(); size += 5) {
    try {
      PdfText("cut.pdf", std::string_view(pdf).substr(0, size));
    } catch (const InputError& e) {
      EXPECT_EQ(e.path(), "cut.pdf");
    }
  }
}

// An /Encrypt dictionary whose /U entry no password matches: poppler reports
// the document locked, as for a real PDF with a user password.
TEST_F(PdfReaderTest, EncryptedPdfThrows) {
  const std::string pdf =
      MakePdf({{{72, 720, "1. Secret."}}}, "<< /Filter /Standard /V 1 /R 2 /O <" + std::string(64, '1') + "> /U <" +
                                               std::string(64, '2') + "> /P -44 >>");
  const InputError e = ReadError("locked.pdf", pdf);
  EXPECT_NE(e.reason().find("encrypted PDF"), std::string::npos) << e.what();
}

// Encrypted against editing only: the user password is empty, and poppler
// decrypts. Made with the standard security handler (revision 2, 40-bit
// RC4), owner password "owner", /P -44 and the /ID MakePdfFromStreams
// writes; the content stream, object 5, is
// PdfContent({{72, 720, "1. Readable without a password."}}) encrypted with
// that object's key.
TEST_F(PdfReaderTest, PdfEncryptedWithAnEmptyUserPasswordIsRead) {
  const std::string pdf = MakePdfFromStreams(
      {FromHex("B268B892C236DEF13DEC18F67C0AAA0DA21489B88F8BF0FF218121834B0147421AA2CE21E494C4C7B6466A534AFD85"
               "10D2D4C7F9BE95D1D18C3542217702CDFD80FE5CBA917C")},
      "<< /Filter /Standard /V 1 /R 2 /O <C92422687FACEE686E373F10B5C7D04738053152F7E2EE30E11C69EC442576AB> "
      "/U <112226CACC62504967876AD3FEB8AFFCF960F1CDE2766C7097867D650F4D75B5> /P -44 >>");
  EXPECT_EQ(ReadFile(Write("protected.pdf", pdf)).text, "1. Readable without a password.");
}

TEST_F(PdfReaderTest, OtherFilesNamedPdfThrow) {
  EXPECT_NE(ReadError("notes.pdf", "1. Just text, named .pdf\n").reason().find("not a PDF"), std::string::npos);
  EXPECT_NE(ReadError("empty.pdf", "").reason().find("not a PDF"), std::string::npos);
  // A header and nothing a PDF needs.
  const InputError e = ReadError("header.pdf", "%PDF-1.7\n" + std::string(200, 'x'));
  EXPECT_NE(e.reason().find("truncated or damaged"), std::string::npos) << e.what();
}

TEST_F(PdfReaderTest, PdfWithoutTextThrows) {
  const InputError e = ReadError("scan.pdf", MakePdf({{}, {}}));
  EXPECT_NE(e.reason().find("no text layer"), std::string::npos) << e.what();
}

TEST_F(PdfReaderTest, PopplerWritesNothingToStderr) {
  const std::string pdf = OnePagePdf("1. The delegate from Japan said hello.");
  ::testing::internal::CaptureStderr();
  EXPECT_THROW(PdfText("half.pdf", std::string_view(pdf).substr(0, pdf.size() / 2)), InputError);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

// `cstd-indexer build --jobs N` reads PDFs on several threads: poppler's
// messages go to the thread that caused them.
TEST_F(PdfReaderTest, ReadsOnSeveralThreadsAtOnce) {
  const std::string good = OnePagePdf("1. The delegate from Japan said hello.");
  const std::string half = good.substr(0, good.size() / 2);
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        if (PdfText("good.pdf", good) != "1. The delegate from Japan said hello.") ++failures;
        try {
          PdfText("half.pdf", half);
          ++failures;
        } catch (const InputError& e) {
          if (e.reason().find("(truncated or damaged): ") == std::string::npos) ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace cstd::extract

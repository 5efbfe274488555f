#include "extract/extract.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "model/errors.h"
#include "tests/support/temp_dir.h"

namespace cstd::extract {
namespace {

namespace fs = std::filesystem;

TEST(DocumentIdForTest, DerivesStableUrlSafeIds) {
  struct Case {
    const char* relative;
    const char* id;
  };
  const Case cases[] = {
      {"TXT/Session 78 - 2023/BRA_78_2023.txt", "bra_78_2023"},
      {"a b.md", "a-b"},
      {"E_CN.16_2024_2.txt", "e_cn-16_2024_2"},
      {"report (final).txt", "report-final"},
      {"  spaced  name .txt", "spaced-name"},
      {"kebab-case-name.md", "kebab-case-name"},
      {"UPPER.TXT", "upper"},
      {"no-extension", "no-extension"},
      {"---.txt", "document"},
      {"(((.txt", "document"},
      {"", "document"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DocumentIdFor(c.relative), c.id) << "'" << c.relative << "'";
  }
}

TEST(ExtractTest, GivesParagraphTextsWithoutMarkup) {
  const ExtractedDocument doc = Extract("/archive/notes/note.md", "notes/note.md",
                                        "# A note on the **World Summit**\n"
                                        "\n"
                                        "1. The **World Summit** on the Information Society<sup>1</sup> met in "
                                        "&lt;Geneva&gt; &amp; Tunis.\n"
                                        "2. A second, *emphasised* paragraph with snake_case kept.\n"
                                        "\n"
                                        "<sup>1</sup> WSIS, 2003 and 2005.\n");
  EXPECT_EQ(doc.document.id, "note");
  EXPECT_EQ(doc.document.source, "/archive/notes/note.md");
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(doc.paragraphs[0].number, 1);
  EXPECT_EQ(doc.paragraphs[0].text, "The World Summit on the Information Society met in <Geneva> & Tunis.");
  EXPECT_EQ(doc.paragraphs[0].section, "A note on the World Summit");
  EXPECT_EQ(doc.paragraphs[1].number, 2);
  EXPECT_EQ(doc.paragraphs[1].text, "A second, emphasised paragraph with snake_case kept.");
  for (const Paragraph& p : doc.paragraphs) {
    ASSERT_EQ(p.statements.size(), 1u);
    EXPECT_EQ(p.statements[0].text, p.text);
  }
  EXPECT_EQ(doc.document.title, "A note on the World Summit");
}

// A passage that says "infrastructure" and "international cooperation"
// without a word of ICTs is on them under a heading on the Summit's
// outcomes, and not under a heading on water.
TEST(ExtractTest, AHeadingOnIctsIsTheContextOfItsPassages) {
  const std::string passage = "Many contributions stressed international cooperation on infrastructure.";
  const auto lines_under = [&](const std::string& heading) {
    const ExtractedDocument doc = Extract("r.md", "r.md", "# Report\n\n## " + heading + "\n\n1. " + passage + "\n");
    std::vector<std::string> codes;
    for (const Paragraph& p : doc.paragraphs) {
      if (p.text != passage) continue;
      EXPECT_EQ(p.section, heading);
      for (const InferredActionLine& line : p.action_lines_inferred) codes.push_back(line.code);
    }
    return codes;
  };
  EXPECT_EQ(lines_under("Progress made in the implementation of the outcomes of the World Summit on the Information "
                        "Society"),
            std::vector<std::string>{"C11"});
  EXPECT_EQ(lines_under("Ensuring safe water and sanitation for all"), std::vector<std::string>{});
}

TEST(ExtractTest, CarriesStructureWarnings) {
  const ExtractedDocument doc =
      Extract("x.txt", "x.txt", "1. First paragraph.\n\nSecond paragraph lost its number.\n\n3. Third.\n");
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_EQ(doc.paragraphs[1].number, 2);
  ASSERT_EQ(doc.warnings.size(), 1u);
}

TEST(ExtractTest, OddTextDoesNotThrow) {
  for (const char* text : {"", "\n", "<sup>", "# ", "- (a)", "\u2074\u2075\u2076\u2077"}) {
    EXPECT_NO_THROW(Extract("x.txt", "x.txt", text)) << text;
  }
}

TEST(ExtractFileTest, ReadsAFileAndRefusesUnsupportedOrMissingOnes) {
  const test_support::TempDir temp("extract-test");
  const fs::path dir = temp.path();
  {
    std::ofstream(dir / "Doc One.txt") << "1. Hello\r\n2. World\r\n";
    std::ofstream(dir / "doc.pdf") << "%PDF-1.4";
  }
  const ExtractedDocument doc = ExtractFile((dir / "Doc One.txt").string(), "Doc One.txt");
  EXPECT_EQ(doc.document.id, "doc-one");
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(doc.paragraphs[1].text, "World");
  EXPECT_THROW(ExtractFile((dir / "doc.pdf").string(), "doc.pdf"), InputError);
  EXPECT_THROW(ExtractFile((dir / "gone.txt").string(), "gone.txt"), InputError);
}

}  // namespace
}  // namespace cstd::extract

#include "model/archive_file.h"

#include <gtest/gtest.h>

#include <set>

namespace cstd {
namespace {

TEST(ArchiveFileTest, FormatOfPathByExtensionCaseInsensitive) {
  struct Case {
    const char* path;
    std::optional<Format> format;
  };
  const Case cases[] = {
      {"a.txt", Format::kText},
      {"/srv/archive/A.TXT", Format::kText},
      {"b.md", Format::kMarkdown},
      {"b.Markdown", Format::kMarkdown},
      {"r.pdf", Format::kPdf},
      {"dir.pdf/R.PDF", Format::kPdf},
      {"p.htm", Format::kHtml},
      {"p.HTML", Format::kHtml},
      // Not ours: other extensions, none, a folder's dot, a hidden file.
      {"report.docx", std::nullopt},
      {"README", std::nullopt},
      {"archive.txt.gz", std::nullopt},
      {"dir.txt/file", std::nullopt},
      {".txt", std::nullopt},
      {"name.", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(FormatOfPath(c.path), c.format) << c.path;
}

TEST(ArchiveFileTest, EveryFormatHasItsOwnNameAndContentType) {
  std::set<std::string_view> names, types;
  for (Format f : {Format::kText, Format::kMarkdown, Format::kPdf, Format::kHtml}) {
    names.insert(FormatName(f));
    types.insert(ContentTypeOf(f));
  }
  EXPECT_EQ(names, (std::set<std::string_view>{"text", "markdown", "pdf", "html"}));
  EXPECT_EQ(types, (std::set<std::string_view>{"text/plain; charset=utf-8", "text/markdown; charset=utf-8",
                                               "application/pdf", "text/html; charset=utf-8"}));
  EXPECT_EQ(ContentTypeOf(Format::kPdf), "application/pdf");
  EXPECT_EQ(FormatName(Format::kMarkdown), "markdown");
}

// Indexes store these hashes, and the ids of files that share a name carry
// one: a change of the function would make every file of every index look
// changed and rename those documents. The values are pinned.
TEST(ArchiveFileTest, ContentHashIsStable) {
  EXPECT_EQ(ContentHash(""), "14650fb0739d0383");
  EXPECT_EQ(ContentHash("a"), "44bd8ad473cd9906");
  EXPECT_NE(ContentHash("ab"), ContentHash("ba"));
  EXPECT_NE(ContentHash(std::string_view("a\0b", 3)), ContentHash("a"));
}

}  // namespace
}  // namespace cstd

// cstd-fuzz-seeds OUT: writes the generated part of the fuzz targets' seed
// corpora into OUT/TARGET/ (tools/fuzz adds the real files: data/sample,
// ../shared/corpus, and the hand-written seeds in fuzz/seeds/):
// - text, markdown: seeded synthetic reports as converted text, with their
//   scars (synthetic_report.h);
// - html: the same reports marked up as HTML (headings, numbered lists,
//   footnote markers and a footnote section, nesting);
// - pdf: seeded typeset reports (pdf_typesetter.h), a few pages each, and
//   one encrypted;
// - snapshot: a snapshot exported from the index of data/sample.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/pdf_typesetter.h"
#include "extract/synthetic_report.h"
#include "fuzz/fuzz_index.h"
#include "indexer/snapshot.h"

namespace fs = std::filesystem;

namespace {

void Write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out.flush()) {
    std::fprintf(stderr, "cstd-fuzz-seeds: cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

// A converted report marked up as an archive's HTML page would be: "# "
// lines as headings, "N. " paragraphs as items of an ordered list that
// starts at N, "<sup>N</sup>" markers kept as tags, the rest as paragraphs
// inside nested divs.
std::string AsHtml(const std::string& text) {
  std::ostringstream out;
  out << "<!DOCTYPE html><html><head><title>Report</title><style>p{}</style></head><body><div><section>";
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::string escaped = Escape(line);
    // Markers written by the renderer come back as tags.
    for (size_t at = 0; (at = escaped.find("&lt;sup>", at)) != std::string::npos;) escaped.replace(at, 8, "<sup>");
    for (size_t at = 0; (at = escaped.find("&lt;/sup>", at)) != std::string::npos;) escaped.replace(at, 9, "</sup>");
    if (line.rfind("# ", 0) == 0) {
      out << "<h2>" << escaped.substr(2) << "</h2>\n";
    } else if (const size_t dot = line.find(". ");
               dot != std::string::npos && dot > 0 && dot < 4 && line.find_first_not_of("0123456789") == dot) {
      out << "<ol start=\"" << line.substr(0, dot) << "\"><li>" << escaped.substr(dot + 2) << "</li></ol>\n";
    } else {
      out << "<p>" << escaped << "</p>\n";
    }
  }
  out << "</section><section class=\"footnotes\"><ol><li id=\"fn1\">A note. <a href=\"#r1\">&#8617;</a></li></ol>"
         "</section></div></body></html>\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: cstd-fuzz-seeds OUT\n");
    return 2;
  }
  const fs::path out = argv[1];
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    const auto report = cstd::extract::testing::GenerateReport(seed);
    const std::string text = cstd::extract::testing::RenderText(report, seed);
    const std::string name = "generated-" + std::to_string(seed);
    Write(out / "text" / (name + ".txt"), text);
    Write(out / "markdown" / (name + ".md"), cstd::extract::testing::RenderText(report, seed + 1000));
    Write(out / "html" / (name + ".html"), AsHtml(text));
  }
  for (uint32_t seed = 1; seed <= 6; ++seed) {
    const auto report = cstd::extract::testing::TypesetReportForSeed(seed, 6);
    Write(out / "pdf" / ("typeset-" + std::to_string(seed) + ".pdf"), report.pdf);
  }
  // Locked with an empty user password (RC4, 40 bits): poppler opens it.
  cstd::extract::testing::PageStream page;
  page.width = 612;
  page.height = 792;
  page.content = "BT /F1 12 Tf 72 700 Td (1. An encrypted paragraph.) Tj ET";
  Write(out / "pdf" / "encrypted.pdf",
        cstd::extract::testing::WritePdf({page}, "<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>"));
  fs::create_directories(out / "snapshot");
  cstd::indexer::ExportIndex(cstd::fuzz::SampleIndex(), (out / "snapshot" / "sample.tar.zst").string());
  return 0;
}

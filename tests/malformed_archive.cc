#include "tests/malformed_archive.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "extract/pdf_typesetter.h"
#include "model/index_layout.h"
#include "model/text.h"
#include "tests/support/process.h"

namespace cstd::testing {

namespace fs = std::filesystem;

namespace {

void Write(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

using cstd::extract::testing::WriteObjects;

std::string Stream(const std::string& dictionary, const std::string& data) {
  return "<< " + dictionary + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// A readable one-page PDF saying `text`.
std::string TextPdf(const std::string& text) {
  cstd::extract::testing::PageStream page;
  page.content = "BT /F1 12 Tf 72 700 Td " + cstd::extract::testing::PdfString(text) + " Tj ET";
  return cstd::extract::testing::WritePdf({page});
}

// Reasons a damaged PDF may be refused with: which one poppler's recovery
// leads to depends on where the damage falls.
const std::vector<std::string> kDamagedPdf = {"not a readable PDF", "PDF has no text layer", "not a PDF"};

std::string GoodText(const std::string& word, int n) {
  return "Twenty-seventh session\n\n1. The delegate of Kenya said that the " + word + " programme had reached " +
         std::to_string(n) + " schools.\n\n2. Broadband matters.\n";
}

}  // namespace

std::vector<ExpectedFile> WriteMalformedArchive(const fs::path& folder, const MalformedOptions& options) {
  std::vector<ExpectedFile> files;
  const fs::path bad = folder / "bad";
  const fs::path good = folder / "good";
  fs::create_directories(bad);
  fs::create_directories(good);
  const auto add_bad = [&](const std::string& name, const std::string& kind, std::string_view bytes,
                           std::vector<std::string> reasons) {
    Write(bad / name, bytes);
    files.push_back({(bad / name).string(), kind, false, std::move(reasons), ""});
  };
  int good_count = 0;
  const auto add_good = [&](const std::string& name, const std::string& kind, const std::string& bytes,
                            const std::string& word) {
    Write(good / name, bytes);
    files.push_back({(good / name).string(), kind, true, {}, word});
    ++good_count;
  };
  const std::string valid_pdf = TextPdf("1. The delegate of Brazil spoke on data governance.");
  const std::string font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

  for (int c = 0; c < options.copies; ++c) {
    const std::string n = std::to_string(c);
    // Text that is not text.
    add_bad("empty-" + n + ".txt", "empty", "", {"empty file"});
    add_bad("blank-" + n + ".md", "blank", std::string(static_cast<size_t>(c + 1), ' ') + "\n\t\n", {"empty file"});
    add_bad("bom-only-" + n + ".txt", "bom-only", "\xEF\xBB\xBF", {"empty file"});
    {
      std::string text = GoodText("zqxnul", c);
      text[static_cast<size_t>(c * 7) % text.size()] = '\0';
      add_bad("nul-" + n + ".txt", "nul-bytes", text, {"binary data (NUL bytes)"});
    }
    const std::vector<std::pair<std::string, std::string>> invalid = {
        {"continuation", "\x80"}, {"overlong", "\xC0\xAF"}, {"surrogate", "\xED\xA0\x80"},
        {"cut", "\xE2\x82"},      {"ff", "\xFF"},           {"above", "\xF4\x90\x80\x80"}};
    for (const auto& [what, bytes] : invalid) {
      std::string text = GoodText("zqxutf", c);
      text.insert(static_cast<size_t>(c * 13) % text.size(), bytes);
      add_bad("utf8-" + what + "-" + n + ".md", "invalid-utf8", text, {"invalid UTF-8"});
    }
    add_bad("png-" + n + ".txt", "binary", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), {"binary data"});
    add_bad("unsupported-" + n + ".docx", "unsupported", "PK\x03\x04", {"unsupported format"});

    // PDFs.
    add_bad("not-a-pdf-" + n + ".pdf", "pdf-not-pdf", GoodText("zqxnotpdf", c), {"not a PDF (no %PDF- header)"});
    add_bad("empty-" + n + ".pdf", "pdf-empty", "", {"not a PDF", "empty file"});
    add_bad("header-only-" + n + ".pdf", "pdf-header-only", "%PDF-1.7\n", kDamagedPdf);
    // Cut before the page's content can be recovered: the header and at
    // most the catalog.
    add_bad("truncated-" + n + ".pdf", "pdf-truncated",
            std::string_view(valid_pdf).substr(0, 20 + static_cast<size_t>(c * 11) % 60), kDamagedPdf);
    add_bad("encrypted-" + n + ".pdf", "pdf-encrypted",
            cstd::extract::testing::WritePdf(
                {cstd::extract::testing::PageStream{612, 792, "BT /F1 12 Tf 72 700 Td (1. Secret.) Tj ET"}},
                "<< /Filter /Standard /V 1 /R 2 /O <" + std::string(64, '1') + "> /U <" +
                    std::string(64, static_cast<char>('2' + c % 7)) + "> /P -44 >>"),
            {"encrypted PDF (needs a password)"});
    add_bad("no-text-" + n + ".pdf", "pdf-no-text",
            WriteObjects({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                          Stream("", "0 0 m 100 100 l S")}),
            {"PDF has no text layer"});
    // A page tree whose kids lead back to itself.
    add_bad("pages-loop-" + n + ".pdf", "pdf-pages-loop",
            WriteObjects({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                          "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"}),
            kDamagedPdf);
    // A cross-reference chain whose /Prev points at itself.
    {
      std::string pdf = WriteObjects({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"});
      const size_t at = pdf.rfind("startxref\n") + 10;
      const std::string xref = pdf.substr(at, pdf.find('\n', at) - at);
      pdf.replace(pdf.rfind(">>\nstartxref"), 2, "/Prev " + xref + " >>");
      add_bad("xref-loop-" + n + ".pdf", "pdf-xref-loop", pdf, kDamagedPdf);
    }
    // Object streams: one claiming hundreds of millions of objects, one
    // that extends itself, and the page's objects inside them.
    add_bad("objstm-huge-" + n + ".pdf", "pdf-objstm-huge",
            WriteObjects(
                {"<< /Type /Catalog /Pages 5 0 R >>",
                 Stream("/Type /ObjStm /N " + std::to_string(400000000 + c) + " /First 4", "5 0 << /Type /Pages >>")}),
            kDamagedPdf);
    add_bad("objstm-loop-" + n + ".pdf", "pdf-objstm-loop",
            WriteObjects({"<< /Type /Catalog /Pages 5 0 R >>", Stream("/Type /ObjStm /N 1 /First 4 /Extends 2 0 R",
                                                                      "5 0 << /Type /Pages /Kids [5 0 R] >>")}),
            kDamagedPdf);
    // A content stream that is mostly nothing (a megabyte of operators
    // that draw no text), on a page with a font: poppler walks it all.
    {
      std::string ops;
      for (int i = 0; i < 100000; ++i) ops += "q Q ";
      add_bad(
          "big-stream-" + n + ".pdf", "pdf-huge-stream",
          WriteObjects({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
                        "/Contents 5 0 R >>",
                        font, Stream("", ops)}),
          {"PDF has no text layer"});
    }
    add_bad("flate-garbage-" + n + ".pdf", "pdf-bad-filter",
            WriteObjects({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
                          "/Contents 5 0 R >>",
                          font, Stream("/Filter /FlateDecode", "\x78\x9C garbage that is not deflate " + n)}),
            kDamagedPdf);

    // HTML.
    add_bad("empty-" + n + ".html", "html-empty", "", {"empty file"});
    add_bad("markup-only-" + n + ".html", "html-no-text",
            "<html><head><script>var x = 1;</script><style>p{}</style></head><body><div><img src=x></div></body>",
            {"no text in the HTML"});
    add_bad("nul-" + n + ".html", "html-nul", std::string("<p>1. Text\0here.</p>", 19), {"binary data (NUL bytes)"});
    add_bad("utf8-" + n + ".htm", "html-invalid-utf8", "<p>1. Caf\xE9 au lait.</p>", {"invalid UTF-8"});

    // Links that lead nowhere or in circles.
    const fs::path loop_a = bad / ("loop-a-" + n + ".txt"), loop_b = bad / ("loop-b-" + n + ".txt");
    fs::create_symlink(loop_b.filename(), loop_a);
    fs::create_symlink(loop_a.filename(), loop_b);
    files.push_back({loop_a.string(), "symlink-loop", false, {"Too many levels of symbolic links"}, ""});
    files.push_back({loop_b.string(), "symlink-loop", false, {"Too many levels of symbolic links"}, ""});
    const fs::path self = bad / ("loop-self-" + n + ".md");
    fs::create_symlink(self.filename(), self);
    files.push_back({self.string(), "symlink-loop", false, {"Too many levels of symbolic links"}, ""});
    const fs::path dangling = bad / ("dangling-" + n + ".txt");
    fs::create_symlink("no-such-file-" + n + ".txt", dangling);
    files.push_back({dangling.string(), "symlink-dangling", false, {"No such file or directory"}, ""});
    // A folder that links to its parent: not followed (walks end).
    fs::create_directory_symlink("..", bad / ("up-" + n));

    if (options.unreadable) {
      add_bad("unreadable-" + n + ".txt", "unreadable", GoodText("zqxunreadable", c), {"cannot open for reading"});
      fs::permissions(bad / ("unreadable-" + n + ".txt"), fs::perms::none);
    }

    // Hostile but good: read, and indexed.
    const std::string word = "zqxgood" + std::string(1, static_cast<char>('a' + c % 26)) + n;
    {
      // Nesting far past kMaxHtmlDepth: flattened, its text kept.
      std::string html = "<html><body>";
      const int depth = 20000 + 1000 * c;
      for (int i = 0; i < depth; ++i) html += i % 2 ? "<div>" : "<span>";
      html += "<p>1. The deep " + word + "nest paragraph.</p>";
      add_good("deep-" + n + ".html", "html-deep", html, word + "nest");
    }
    add_good("broken-" + n + ".html", "html-malformed",
             "<html><body><p>1. The unclosed " + word +
                 "broken paragraph<div><table><tr><td>cell &bogus; &#99999999;"
                 "<p>2. After </b></i></table> stray end tags.<!-- unterminated comment",
             word + "broken");
    {
      // One long line well inside the size limit: a megabyte of words.
      std::string line = "1. The long " + word + "line paragraph";
      while (line.size() < (1u << 20)) line += " and the delegate spoke again";
      add_good("long-line-" + n + ".txt", "long-line", line + ".\n", word + "line");
    }
    add_good("crlf-" + n + ".txt", "crlf", "Twenty-seventh session\r\n\r\n1. The " + word + "crlf paragraph.\r\n",
             word + "crlf");
    add_good("report-" + n + ".pdf", "pdf-good", TextPdf("1. The " + word + "pdf paragraph on broadband."),
             word + "pdf");
    add_good("speech-" + n + ".md", "markdown-good", "# Statement\n\n1. The " + word + "md paragraph.\n", word + "md");
  }
  // One line larger than the file limit: refused by its size, never read.
  {
    const fs::path huge = bad / "huge-line.txt";
    std::ofstream out(huge, std::ios::binary | std::ios::trunc);
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < options.huge_line_mb; ++i) out << chunk;
    out << "\n";
    files.push_back({huge.string(), "huge-line", false, {"larger than the 64 MB limit"}, ""});
  }
  (void)good_count;
  return files;
}

std::string MalformedReport::Summary() const {
  std::ostringstream out;
  out << bad << " bad files, " << bad_reported << " reported with their reason; " << good << " good files, "
      << good_indexed << " indexed; " << timed_out << " over the per-file time limit; peak memory " << peak_memory_mb
      << " MB; build " << seconds << " s, exit " << exit_code;
  return out.str();
}

MalformedReport RunMalformedBuild(const fs::path& archive, const fs::path& index,
                                  const std::vector<ExpectedFile>& expected, const std::vector<std::string>& extra) {
  MalformedReport report;
  std::vector<std::string> argv = {ProgramPath("cstd-indexer"), "build", "--rebuild", "--index", index.string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back(archive.string());
  if (::geteuid() == 0) {
    // Root reads mode-000 files: build as nobody, who owns the folders.
    fs::create_directories(index);
    RunCommand({"/bin/chown", "-R", "-h", "65534:65534", archive.string(), index.string()});
    argv.insert(argv.begin(), {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"});
  }
  const auto start = std::chrono::steady_clock::now();
  const RunResult r = RunCommand(argv);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.exit_code = r.exit_code;
  report.build_output = r.err;

  // "  skipped PATH: REASON" lines of the summary.
  std::map<std::string, std::string> skipped;
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  skipped ", 0) != 0) continue;
    const std::string rest = line.substr(10);
    // The path ends at the first ": " after the archive folder's name.
    const size_t at = rest.find(": ", archive.string().size());
    if (at != std::string::npos) skipped[rest.substr(0, at)] = rest.substr(at + 2);
  }
  std::smatch peak;
  if (std::regex_search(r.err, peak, std::regex("peak memory ([0-9]+) MB"))) report.peak_memory_mb = std::stol(peak[1]);

  std::optional<Xapian::Database> db;
  try {
    db = OpenIndex(index.string());
  } catch (const std::exception& e) {
    report.failures.push_back(std::string("the index does not open: ") + e.what());
  }
  for (const ExpectedFile& f : expected) {
    const auto it = skipped.find(f.path);
    if (it != skipped.end() && it->second.find("per-file time limit") != std::string::npos) ++report.timed_out;
    if (f.good) {
      ++report.good;
      const bool found = db && db->get_termfreq(text::AsciiLower(f.unique_word)) > 0;
      if (found && it == skipped.end()) {
        ++report.good_indexed;
      } else {
        report.failures.push_back(f.kind + " " + f.path + ": good, but " +
                                  (it != skipped.end() ? "skipped: " + it->second : "not found in the index"));
      }
      continue;
    }
    ++report.bad;
    if (it == skipped.end()) {
      report.failures.push_back(f.kind + " " + f.path + ": bad, but not reported as skipped");
      continue;
    }
    bool named = false;
    for (const auto& reason : f.reasons) named = named || it->second.find(reason) != std::string::npos;
    if (named) {
      ++report.bad_reported;
    } else {
      report.failures.push_back(f.kind + " " + f.path + ": skipped for '" + it->second + "', expected one of: " + [&] {
        std::string all;
        for (const auto& reason : f.reasons) all += (all.empty() ? "'" : ", '") + reason + "'";
        return all;
      }());
    }
  }
  return report;
}

}  // namespace cstd::testing

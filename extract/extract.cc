#include "extract/extract.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "extract/action_line_inference.h"
#include "extract/action_lines_finder.h"
#include "extract/attribution.h"
#include "extract/file_deadline.h"
#include "extract/metadata.h"
#include "extract/reader.h"
#include "extract/speech.h"
#include "extract/structure.h"
#include "extract/text_integrity.h"
#include "model/text.h"

namespace cstd::extract {

namespace {
// How the text-lost warning starts.
constexpr std::string_view kTextLost = "text lost: ";
}  // namespace

std::string TextLostWarning(const ExtractedDocument& doc) {
  if (doc.letters_missing == 0) return "";
  if (!doc.text_lost.empty()) return doc.text_lost;
  // A document Extract did not make (a test's, a snapshot's) has the count only.
  return std::string(kTextLost) + std::to_string(doc.letters_missing) + " letters";
}

std::string DocumentIdFor(std::string_view relative) {
  const std::string stem = std::filesystem::path(relative).stem().string();
  std::string id;
  id.reserve(stem.size());
  for (unsigned char c : stem) {
    if (std::isalnum(c)) {
      id.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == '_' || c == '-') {
      id.push_back(static_cast<char>(c));
    } else if (!id.empty() && id.back() != '-') {
      id.push_back('-');
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "document" : id;
}

ExtractedDocument Extract(const std::string& source, const std::string& relative, std::string_view text) {
  return Extract(source, relative, SourceText{std::string(text), {}});
}

ExtractedDocument Extract(const std::string& source, const std::string& relative, const SourceText& text) {
  ExtractedDocument out;
  const Structure structure = ParseStructure(text.text, text.page_starts);
  Document& doc = out.document;
  doc.id = DocumentIdFor(relative);
  doc.source = source;
  const std::string stem = std::filesystem::path(relative).stem().string();
  ExtractMetadata(structure, stem, doc);
  out.warnings = structure.warnings;

  for (const Block& block : structure.paragraphs) {
    Paragraph p;
    p.number = block.number;
    p.page = block.page;
    p.section = block.section;
    p.text = block.text;
    out.paragraphs.push_back(std::move(p));
  }
  Attribute(structure, out);
  // A file with no cover page may be a delegation's speech (speech.h); its
  // title, never the file's name, is its own or one from its first words.
  UnderstandSpeech(stem, doc.title != stem, out);
  NumberSpeechByPosition(out);

  // Nothing lost: the body's letters must all have reached a place.
  const TextIntegrity integrity = CheckTextIntegrity(text.text, structure, out.paragraphs);
  if (integrity.letters_missing > kMaxMissingLetters) {
    out.letters_missing = integrity.letters_missing;
    std::string where;
    if (integrity.first_missing_line) {
      where = "; first at line " + std::to_string(*integrity.first_missing_line) + ": \"" +
              integrity.first_missing_text.substr(0, 80) + "\"";
    }
    out.text_lost = std::string(kTextLost) + std::to_string(integrity.letters_missing) +
                    " letters of the body text reached no paragraph" + where;
    out.warnings.push_back(out.text_lost);
  }

  // Action lines: per paragraph, and for the document every line named in
  // its head or any paragraph.
  std::set<std::string> document_lines;
  const auto add_document_lines = [&](const std::vector<std::string>& codes) {
    document_lines.insert(codes.begin(), codes.end());
  };
  // A document of the Commission or about the Summit is a WSIS context for
  // every code it writes.
  std::string head_lower;
  for (const std::string& line : structure.head) head_lower += text::AsciiLower(line) + "\n";
  const bool wsis_document = doc.body == "CSTD" || head_lower.find("wsis") != std::string::npos ||
                             head_lower.find("world summit on the information society") != std::string::npos;
  for (const std::string& line : structure.head) add_document_lines(FindActionLines(line, wsis_document));
  for (Paragraph& p : out.paragraphs) {
    p.action_lines = FindActionLines(p.text, wsis_document);
    add_document_lines(p.action_lines);
    // What the paragraph is about without naming it.
    // The heading it stands under, not the document's title: a speech's
    // title may be its first words.
    const PassageContext context{.under_ict_heading = SpeaksOfIcts(p.section), .wsis_document = wsis_document};
    for (InferredActionLine& line : InferActionLines(p.text, context)) {
      if (std::find(p.action_lines.begin(), p.action_lines.end(), line.code) == p.action_lines.end()) {
        p.action_lines_inferred.push_back(std::move(line));
      }
    }
  }
  doc.action_lines.assign(document_lines.begin(), document_lines.end());
  std::sort(doc.action_lines.begin(), doc.action_lines.end(),
            [](const std::string& a, const std::string& b) { return std::stoi(a.substr(1)) < std::stoi(b.substr(1)); });
  return out;
}

ExtractedDocument ExtractFile(const std::string& path, const std::string& relative) {
  FormatOf(path);  // throws for unsupported formats
  const FileDeadline deadline(path);
  std::vector<std::string> reader_warnings;  // e.g. HTML nested too deep, flattened
  const SourceText text = ReadFile(path, &reader_warnings);
  CheckFileDeadline();
  ExtractedDocument doc = Extract(path, relative, text);
  CheckFileDeadline();
  doc.warnings.insert(doc.warnings.begin(), reader_warnings.begin(), reader_warnings.end());
  return doc;
}

}  // namespace cstd::extract

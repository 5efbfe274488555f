#include "indexer/extract.h"

#include <filesystem>

#include "indexer/metadata.h"
#include "indexer/reader.h"
#include "indexer/structure.h"

namespace cstd::indexer {

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
  ExtractedDocument out;
  Structure structure = ParseStructure(text);
  Document& doc = out.document;
  doc.id = DocumentIdFor(relative);
  doc.source = source;
  ExtractMetadata(structure, std::filesystem::path(relative).stem().string(), doc);
  out.warnings = std::move(structure.warnings);

  for (auto& block : structure.paragraphs) {
    Paragraph p;
    p.number = block.number;
    p.section = std::move(block.section);
    p.text = std::move(block.text);
    p.statements.push_back(Statement{p.text, {}, {}});
    out.paragraphs.push_back(std::move(p));
  }
  return out;
}

ExtractedDocument ExtractFile(const std::string& path, const std::string& relative) {
  FormatOf(path);  // throws for unsupported formats
  return Extract(path, relative, ReadFile(path));
}

}  // namespace cstd::indexer

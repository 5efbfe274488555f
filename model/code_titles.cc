#include "model/code_titles.h"

#include "model/errors.h"
#include "model/text.h"
#include "model/tsv.h"

namespace cstd {

namespace embedded {
std::string_view document_types_tsv();
std::string_view bodies_tsv();
}  // namespace embedded

const CodeTitles& CodeTitles::DocumentTypes() {
  static const CodeTitles kTypes("data/document_types.tsv", embedded::document_types_tsv());
  return kTypes;
}

const CodeTitles& CodeTitles::Bodies() {
  static const CodeTitles kBodies("data/bodies.tsv", embedded::bodies_tsv());
  return kBodies;
}

CodeTitles::CodeTitles(std::string_view table_name, std::string_view tsv) {
  const TsvTable table = ParseTsv(table_name, tsv);
  const size_t code = table.Column("code"), title = table.Column("title");
  for (const auto& row : table.rows) {
    if (row[code].empty() || row[title].empty()) throw DataError(table.name + ": a row without code or title");
    if (FindIgnoringCase(row[code])) throw DataError(table.name + ": code " + row[code] + " twice");
    entries_.push_back({row[code], row[title]});
  }
}

const CodeTitle* CodeTitles::Find(std::string_view code) const {
  for (const CodeTitle& e : entries_) {
    if (e.code == code) return &e;
  }
  return nullptr;
}

const CodeTitle* CodeTitles::FindIgnoringCase(std::string_view code) const {
  const std::string lower = text::AsciiLower(code);
  for (const CodeTitle& e : entries_) {
    if (text::AsciiLower(e.code) == lower) return &e;
  }
  return nullptr;
}

}  // namespace cstd

#include "tests/support/index_fixture.h"

#include <sstream>

#include "extract/extract.h"
#include "indexer/build.h"
#include "indexer/index_writer.h"

namespace cstd::test_support {

ExtractedDocument MakeDocument(const std::string& id, const std::string& type, int year,
                               const std::vector<std::string>& texts) {
  ExtractedDocument doc;
  doc.document.id = id;
  doc.document.source = "/archive/" + id + ".txt";
  doc.document.body = "CSTD";
  doc.document.title = "Document " + id;
  doc.document.type = type;
  doc.document.year = year;
  int number = 0;
  for (const auto& text : texts) {
    Paragraph p;
    p.number = ++number;
    p.text = text;
    p.statements.push_back(Statement{text, {}, {}});
    doc.paragraphs.push_back(std::move(p));
  }
  return doc;
}

void WriteIndex(const std::string& index_dir, const std::vector<TextFile>& files) {
  std::vector<ExtractedDocument> docs;
  for (const TextFile& file : files) docs.push_back(extract::Extract(file.name, file.name, file.text));
  WriteDocuments(index_dir, std::move(docs));
}

void WriteDocuments(const std::string& index_dir, std::vector<ExtractedDocument> docs) {
  indexer::IndexWriter writer(index_dir);
  for (ExtractedDocument& doc : docs) writer.Replace(doc);
  writer.Commit();
}

ExtractedDocument RepeatedParagraphs(const std::string& id, const std::vector<std::pair<std::string, int>>& texts) {
  ExtractedDocument doc;
  doc.document.id = id;
  doc.document.title = "Document " + id;
  doc.document.type = "other";
  for (const auto& [text, times] : texts) {
    for (int i = 0; i < times; ++i) {
      Paragraph p;
      p.text = text;
      p.statements.push_back(Statement{text, {}, {}});
      doc.paragraphs.push_back(std::move(p));
    }
  }
  return doc;
}

std::string SampleArchivePath() {
  return std::string(CSTD_SOURCE_DIR) + "/data/sample";
}

void BuildSampleIndex(const std::string& index_dir) {
  indexer::BuildOptions options;
  options.index_dir = index_dir;
  options.sources = {SampleArchivePath()};
  options.threads = 1;
  std::ostringstream log;
  indexer::Build(options, log);
}

}  // namespace cstd::test_support

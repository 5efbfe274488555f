#include "indexer/index_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "model/document_json.h"
#include "model/errors.h"
#include "model/index_layout.h"
#include "model/schema.h"
#include "model/stored_records.h"
#include "tests/support/temp_dir.h"

namespace cstd::indexer {
namespace {

namespace fs = std::filesystem;

ExtractedDocument MakeDocument(const std::string& id, const std::string& source,
                               const std::vector<std::string>& texts) {
  ExtractedDocument doc;
  doc.document.id = id;
  doc.document.source = source;
  doc.document.body = "CSTD";
  doc.document.symbol = "E/CN.16/2022/2";
  doc.document.title = "Report of the intersessional panel meeting";
  doc.document.type = "panel-report";
  doc.document.session = 25;
  doc.document.year = 2022;
  doc.document.date = "2022-02-01";
  int number = 0;
  for (const auto& text : texts) {
    Paragraph p;
    p.number = ++number;
    p.section = "I. Introduction";
    p.text = text;
    p.statements.push_back(Statement{text, {}, {}});
    doc.paragraphs.push_back(std::move(p));
  }
  return doc;
}

size_t Postings(const Xapian::Database& db, const std::string& term) {
  return db.term_exists(term) ? db.get_termfreq(term) : 0;
}

class IndexWriterTest : public testing::Test {
 protected:
  // The index folder itself is made by the writer.
  const test_support::TempDir temp_{"index-writer"};
  const std::string dir_ = temp_.Path("index");
};

TEST_F(IndexWriterTest, CreatesTheFirstGeneration) {
  {
    IndexWriter writer(dir_);
    EXPECT_EQ(writer.generation(), "gen-000001");
  }
  EXPECT_EQ(ReadCurrentGeneration(dir_), "gen-000001");
  const Xapian::Database db = OpenIndex(dir_);
  EXPECT_EQ(db.get_doccount(), 0u);
  EXPECT_EQ(db.get_metadata(std::string(schema::kMetaGeneration)), "gen-000001");
  EXPECT_EQ(db.get_metadata(std::string(schema::kMetaSchemaVersion)), std::to_string(schema::kVersion));
}

TEST_F(IndexWriterTest, WritesPassagesTermsValuesAndRecords) {
  ExtractedDocument doc = MakeDocument("panel-2022", "/archive/panel-2022.md",
                                       {"The panel discussed artificial intelligence.",
                                        "Broadband access remains uneven.", "Delegates thanked the secretariat."});
  doc.paragraphs[1].countries = {"BRA", "KEN"};
  doc.paragraphs[1].speakers = {"Wolfgang Kleinwächter"};
  doc.paragraphs[1].action_lines = {"C2", "C7eGov"};
  {
    IndexWriter writer(dir_);
    EXPECT_EQ(writer.Replace(doc), 3u);
    writer.Commit();
  }
  const Xapian::Database db = OpenIndex(dir_);
  EXPECT_EQ(db.get_doccount(), 3u);

  // Boolean terms, spelled through the schema.
  using schema::Term;
  EXPECT_EQ(Postings(db, Term(schema::kPrefixDocId, "panel-2022")), 3u);
  EXPECT_EQ(Postings(db, Term(schema::kPrefixType, "panel-report")), 3u);
  EXPECT_EQ(Postings(db, Term(schema::kPrefixBody, "CSTD")), 3u);
  EXPECT_EQ(Postings(db, Term(schema::kPrefixSession, "25")), 3u);
  EXPECT_EQ(Postings(db, Term(schema::kPrefixYear, "2022")), 3u);
  EXPECT_EQ(Postings(db, Term(schema::kPrefixCountry, "BRA")), 1u);
  EXPECT_EQ(Postings(db, Term(schema::kPrefixCountry, "KEN")), 1u);
  EXPECT_EQ(Postings(db, Term(schema::kPrefixSpeaker, "wolfgang-kleinwachter")), 1u);
  EXPECT_EQ(Postings(db, Term(schema::kPrefixActionLine, "C2")), 1u);
  EXPECT_EQ(Postings(db, Term(schema::kPrefixActionLine, "C7eGov")), 1u);
  EXPECT_EQ(Postings(db, "XC:BRA"), 1u);  // the ':' convention for capitalised values
  for (int ordinal = 1; ordinal <= 3; ++ordinal) {
    EXPECT_EQ(Postings(db, Term(schema::kPrefixPassageId, "panel-2022-" + std::to_string(ordinal))), 1u) << ordinal;
  }
  // Free text, stemmed and unstemmed, and title words.
  EXPECT_EQ(Postings(db, "broadband"), 1u);
  EXPECT_EQ(Postings(db, "Zdiscuss"), 1u);
  EXPECT_EQ(Postings(db, "Sintersessional"), 3u);

  // The stored passage record and values of passage 2.
  const std::string passage_term = Term(schema::kPrefixPassageId, "panel-2022-2");
  const Xapian::Document xdoc = db.get_document(*db.postlist_begin(passage_term));
  const Passage passage = StoredRecords(db).PassageOf(xdoc);
  EXPECT_EQ(passage.doc_id, "panel-2022");
  EXPECT_EQ(passage.passage_id, "panel-2022-2");
  EXPECT_EQ(passage.ordinal, 2);
  EXPECT_EQ(passage.paragraph.number, 2);
  EXPECT_EQ(passage.paragraph.text, "Broadband access remains uneven.");
  EXPECT_EQ(passage.paragraph.countries, (std::vector<std::string>{"BRA", "KEN"}));
  EXPECT_EQ(passage.title, "Report of the intersessional panel meeting");
  EXPECT_EQ(passage.symbol, "E/CN.16/2022/2");
  EXPECT_EQ(passage.type, "panel-report");
  EXPECT_EQ(passage.session, 25);
  EXPECT_EQ(passage.year, 2022);
  EXPECT_EQ(passage.date, "2022-02-01");
  EXPECT_EQ(xdoc.get_value(schema::kSlotDocId), "panel-2022");
  EXPECT_EQ(xdoc.get_value(schema::kSlotDate), "2022-02-01");
  EXPECT_EQ(Xapian::sortable_unserialise(xdoc.get_value(schema::kSlotYear)), 2022);
  EXPECT_EQ(Xapian::sortable_unserialise(xdoc.get_value(schema::kSlotSession)), 25);
  EXPECT_EQ(Xapian::sortable_unserialise(xdoc.get_value(schema::kSlotParagraph)), 2);
  EXPECT_EQ(Xapian::sortable_unserialise(xdoc.get_value(schema::kSlotOrdinal)), 2);

  // The document record.
  const auto record = StoredRecords(db).DocumentOf("panel-2022");
  ASSERT_TRUE(record);
  const Document& stored = *record;
  EXPECT_EQ(stored.id, "panel-2022");
  EXPECT_EQ(stored.source, "/archive/panel-2022.md");
  EXPECT_EQ(stored.title, "Report of the intersessional panel meeting");
  EXPECT_EQ(stored.session, 25);
  EXPECT_EQ(
      DecodeSourceRecord(db.get_metadata(std::string(schema::kMetaSourcePrefix) + "/archive/panel-2022.md")).doc_id,
      "panel-2022");
}

TEST_F(IndexWriterTest, NothingIsVisibleBeforeCommit) {
  IndexWriter writer(dir_);
  ExtractedDocument doc = MakeDocument("d", "/a/d.txt", {"One.", "Two."});
  writer.Replace(doc);
  EXPECT_EQ(OpenIndex(dir_).get_doccount(), 0u);
  writer.Commit();
  EXPECT_EQ(OpenIndex(dir_).get_doccount(), 2u);
}

TEST_F(IndexWriterTest, ReplacingTheSameSourceDoesNotDuplicate) {
  {
    IndexWriter writer(dir_);
    ExtractedDocument first = MakeDocument("d", "/a/d.txt", {"One.", "Two.", "Three."});
    writer.Replace(first);
    ExtractedDocument again = MakeDocument("d", "/a/d.txt", {"One.", "Two.", "Three."});
    EXPECT_EQ(writer.Replace(again), 3u);
    EXPECT_EQ(again.document.id, "d");
    writer.Commit();
  }
  EXPECT_EQ(OpenIndex(dir_).get_doccount(), 3u);
  {
    // A shorter new version leaves no stale passages behind, also across
    // writers.
    IndexWriter writer(dir_);
    ExtractedDocument shorter = MakeDocument("d", "/a/d.txt", {"Only one now."});
    EXPECT_EQ(writer.Replace(shorter), 1u);
    writer.Commit();
  }
  const Xapian::Database db = OpenIndex(dir_);
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_EQ(Postings(db, schema::Term(schema::kPrefixDocId, "d")), 1u);
  EXPECT_FALSE(db.term_exists(schema::Term(schema::kPrefixPassageId, "d-2")));
  EXPECT_EQ(Postings(db, "three"), 0u);
}

TEST_F(IndexWriterTest, ASourceIndexedUnderANewIdLosesItsOldPassages) {
  IndexWriter writer(dir_);
  ExtractedDocument old_id = MakeDocument("old-id", "/a/d.txt", {"One.", "Two."});
  writer.Replace(old_id);
  ExtractedDocument new_id = MakeDocument("new-id", "/a/d.txt", {"One."});
  writer.Replace(new_id);
  writer.Commit();
  const Xapian::Database db = OpenIndex(dir_);
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_FALSE(db.term_exists(schema::Term(schema::kPrefixDocId, "old-id")));
  EXPECT_TRUE(db.get_metadata(std::string(schema::kMetaDocumentPrefix) + "old-id").empty());
}

TEST_F(IndexWriterTest, SourcesWithTheSameStemGetDistinctIds) {
  IndexWriter writer(dir_);
  ExtractedDocument a = MakeDocument("report", "/archive/2022/report.txt", {"From 2022.", "Second."});
  ExtractedDocument b = MakeDocument("report", "/archive/2023/report.txt", {"From 2023."});
  writer.Replace(a);
  writer.Replace(b);
  EXPECT_EQ(a.document.id, "report");
  EXPECT_NE(b.document.id, "report");
  EXPECT_EQ(b.document.id.rfind("report-", 0), 0u) << b.document.id;
  // Replacing the second source again keeps its id and does not duplicate.
  ExtractedDocument b_again = MakeDocument("report", "/archive/2023/report.txt", {"From 2023."});
  writer.Replace(b_again);
  EXPECT_EQ(b_again.document.id, b.document.id);
  writer.Commit();

  const Xapian::Database db = OpenIndex(dir_);
  EXPECT_EQ(db.get_doccount(), 3u);
  EXPECT_EQ(Postings(db, schema::Term(schema::kPrefixDocId, "report")), 2u);
  EXPECT_EQ(Postings(db, schema::Term(schema::kPrefixDocId, b.document.id)), 1u);
  EXPECT_EQ(StoredRecords(db).DocumentOf("report")->source, "/archive/2022/report.txt");
  EXPECT_EQ(StoredRecords(db).DocumentOf(b.document.id)->source, "/archive/2023/report.txt");
  const Xapian::Document passage =
      db.get_document(*db.postlist_begin(schema::Term(schema::kPrefixPassageId, b.document.id + "-1")));
  EXPECT_EQ(StoredRecords(db).PassageOf(passage).paragraph.text, "From 2023.");
}

// Each document knows its file (for searchd to serve the original) as long
// as the document is there, under whichever id it has.
TEST_F(IndexWriterTest, EachDocumentRecordsItsFile) {
  IndexWriter writer(dir_);
  SourceRecord record;
  record.size = 3;
  record.hash = "0123456789abcdef";
  ExtractedDocument doc = MakeDocument("old-id", "archive/d.txt", {"One."});
  writer.Replace(doc, "/srv/archive/d.txt", record);
  writer.Commit();
  {
    const Xapian::Database db = OpenIndex(dir_);
    const auto file = StoredRecords(db).FileOf("old-id");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->path, "/srv/archive/d.txt");
    EXPECT_EQ(file->record.doc_id, "old-id");
    EXPECT_EQ(file->record.hash, "0123456789abcdef");
    EXPECT_FALSE(StoredRecords(db).FileOf("unknown"));
  }
  ExtractedDocument renamed = MakeDocument("new-id", "archive/d.txt", {"One."});
  writer.Replace(renamed, "/srv/archive/d.txt", record);
  writer.Commit();
  {
    const Xapian::Database db = OpenIndex(dir_);
    EXPECT_FALSE(StoredRecords(db).FileOf("old-id"));
    EXPECT_EQ(StoredRecords(db).FileOf("new-id")->path, "/srv/archive/d.txt");
  }
  // An index without the record gets it back; a record is not rewritten.
  writer.SetMetadata(std::string(schema::kMetaFilePrefix) + "new-id", "");
  writer.EnsureFileRecord("new-id", "/srv/archive/d.txt");
  writer.Commit();
  EXPECT_EQ(StoredRecords(OpenIndex(dir_)).FileOf("new-id")->path, "/srv/archive/d.txt");
  writer.RemoveSource("/srv/archive/d.txt");
  writer.Commit();
  const Xapian::Database db = OpenIndex(dir_);
  EXPECT_TRUE(db.get_metadata(std::string(schema::kMetaFilePrefix) + "new-id").empty());
}

TEST_F(IndexWriterTest, SecondWriterOnTheSameFolderIsRefused) {
  IndexWriter first(dir_);
  try {
    IndexWriter second(dir_);
    FAIL() << "expected IndexError";
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find("another build holds"), std::string::npos) << e.what();
  }
  // The first writer still works.
  ExtractedDocument doc = MakeDocument("d", "/a/d.txt", {"One."});
  EXPECT_EQ(first.Replace(doc), 1u);
  first.Commit();
  EXPECT_EQ(OpenIndex(dir_).get_doccount(), 1u);
}

TEST_F(IndexWriterTest, IndexWithAnotherSchemaVersionIsRefused) {
  { IndexWriter writer(dir_); }
  {
    Xapian::WritableDatabase db((fs::path(dir_) / "gen-000001").string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kVersion + 1));
    db.commit();
  }
  EXPECT_THROW(IndexWriter writer(dir_), IndexError);
}

TEST_F(IndexWriterTest, FolderThatCannotBeCreatedThrows) {
  fs::create_directories(fs::path(dir_));
  const fs::path file = fs::path(dir_) / "a-file";
  { std::ofstream(file) << "x"; }
  EXPECT_THROW(IndexWriter writer((file / "index").string()), IndexError);
}

}  // namespace
}  // namespace cstd::indexer

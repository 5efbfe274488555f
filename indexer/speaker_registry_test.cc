#include "indexer/speaker_registry.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "indexer/extract.h"
#include "indexer/index_writer.h"
#include "model/document_json.h"
#include "model/index_layout.h"
#include "model/schema.h"
#include "model/stored_records.h"

namespace cstd::indexer {
namespace {

TEST(SpeakerRegistryTest, OnePersonOneIdDespiteTyposAndMiddleNames) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  SpeakerRegistry registry(db);
  const std::string a = registry.Resolve("Wolfgang Kleinwächter");
  EXPECT_EQ(a, "wolfgang-kleinwachter");
  EXPECT_EQ(registry.Resolve("Wolfgang Kleinwächterk"), a);
  EXPECT_EQ(registry.Resolve("Ana Cristina Amoroso das Neves"), registry.Resolve("Ana Cristina das Neves"));
  // Short last names are not joined on one edit: "Mora" and "Moya" are two people.
  EXPECT_NE(registry.Resolve("Luca Mora"), registry.Resolve("Luca Moya"));
  // A different first name is a different person.
  EXPECT_NE(registry.Resolve("Maria Kleinwächter"), a);
}

TEST(SpeakerRegistryTest, RemembersAcrossWriters) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("cstd-registry-" + std::to_string(std::random_device()()))).string();
  const std::string footnote =
      "\n\n<sup>1</sup> Mr. Wolfgang Kleinwächter, Professor Emeritus, University of Aarhus.\n";
  {
    IndexWriter writer(dir);
    auto doc = Extract("a.md", "a.md", "1. One speaker<sup>1</sup> spoke on governance." + footnote);
    writer.Replace(doc);
    writer.Commit();
  }
  {
    IndexWriter writer(dir);
    auto doc = Extract("b.md", "b.md",
                       "1. One speaker<sup>1</sup> spoke again.\n\n<sup>1</sup> Mr. Wolfgang Kleinwächterk, Professor "
                       "Emeritus, University of Aarhus.\n");
    writer.Replace(doc);
    writer.Commit();
  }
  const Xapian::Database db = OpenIndex(dir);
  EXPECT_EQ(db.get_termfreq(schema::Term(schema::kPrefixSpeaker, "wolfgang-kleinwachter")), 2u);
  const std::string doc_b = schema::Term(schema::kPrefixDocId, "b");
  ASSERT_EQ(db.get_termfreq(doc_b), 1u);
  const Passage p = StoredRecords(db).PassageOf(db.get_document(*db.postlist_begin(doc_b)));
  ASSERT_EQ(p.speaker_ids.size(), 1u);
  EXPECT_EQ(p.speaker_ids[0], "wolfgang-kleinwachter");
  EXPECT_EQ(p.paragraph.speakers[0], "Wolfgang Kleinwächterk");  // the name as printed
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cstd::indexer

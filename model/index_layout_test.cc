#include "model/index_layout.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "model/errors.h"
#include "model/schema.h"
#include "tests/support/temp_dir.h"

namespace cstd {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the system temp folder, removed at the end of the test.
class IndexLayoutTest : public testing::Test {
 protected:
  const test_support::TempDir temp_{"index-layout"};
  const fs::path dir_ = temp_.path();

  std::string dir() const { return dir_.string(); }

  void WriteFile(const std::string& name, const std::string& content) const { temp_.Write(name, content); }

  // Creates a Xapian database in `generation` carrying `version` as its
  // schema version (none when empty).
  void CreateDatabase(const std::string& generation, const std::string& version) const {
    Xapian::WritableDatabase db((dir_ / generation).string(), Xapian::DB_CREATE_OR_OPEN);
    if (!version.empty()) db.set_metadata(std::string(schema::kMetaSchemaVersion), version);
    Xapian::Document doc;
    doc.add_boolean_term("Qprobe");
    db.add_document(doc);
    db.commit();
    db.close();
  }

  static std::string MessageOf(const std::function<void()>& f) {
    try {
      f();
    } catch (const IndexError& e) {
      return e.what();
    }
    ADD_FAILURE() << "expected IndexError";
    return {};
  }
};

TEST_F(IndexLayoutTest, WriteThenReadCurrentGenerationRoundTrips) {
  fs::create_directory(fs::path(dir()) / "gen-000001");
  fs::create_directory(fs::path(dir()) / "gen-000002");
  WriteCurrentGeneration(dir(), "gen-000001");
  EXPECT_EQ(ReadCurrentGeneration(dir()), "gen-000001");
  WriteCurrentGeneration(dir(), "gen-000002");
  EXPECT_EQ(ReadCurrentGeneration(dir()), "gen-000002");
  // No temporary file is left behind.
  EXPECT_FALSE(fs::exists(fs::path(dir()) / "CURRENT.tmp"));
  std::ifstream in(fs::path(dir()) / kCurrentFile);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "gen-000002");
}

TEST_F(IndexLayoutTest, MissingCurrentIsNullopt) {
  EXPECT_EQ(ReadCurrentGeneration(dir()), std::nullopt);
  EXPECT_EQ(ReadCurrentGeneration((fs::path(dir()) / "does-not-exist").string()), std::nullopt);
}

TEST_F(IndexLayoutTest, CurrentWithSurroundingWhiteSpaceIsTrimmed) {
  fs::create_directory(fs::path(dir()) / "gen-000007");
  WriteFile(kCurrentFile, "  gen-000007 \n");
  EXPECT_EQ(ReadCurrentGeneration(dir()), "gen-000007");
}

TEST_F(IndexLayoutTest, CurrentNamingAMissingFolderThrows) {
  WriteFile(kCurrentFile, "gen-000009\n");
  const std::string message = MessageOf([&] { ReadCurrentGeneration(dir()); });
  EXPECT_NE(message.find("gen-000009"), std::string::npos) << message;
  EXPECT_NE(message.find("missing"), std::string::npos) << message;
}

TEST_F(IndexLayoutTest, MalformedCurrentThrows) {
  for (const char* content : {"", "\n", "../elsewhere\n", "a/b\n"}) {
    WriteFile(kCurrentFile, content);
    EXPECT_THROW(ReadCurrentGeneration(dir()), IndexError) << "'" << content << "'";
  }
}

TEST_F(IndexLayoutTest, WriteCurrentGenerationIntoMissingFolderThrows) {
  EXPECT_THROW(WriteCurrentGeneration((fs::path(dir()) / "no" / "such").string(), "gen-000001"), IndexError);
}

TEST_F(IndexLayoutTest, OpenIndexOfEmptyFolderThrows) {
  const std::string message = MessageOf([&] { OpenIndex(dir()); });
  EXPECT_NE(message.find(dir()), std::string::npos) << message;
  EXPECT_NE(message.find("no index"), std::string::npos) << message;
}

TEST_F(IndexLayoutTest, OpenIndexOfAFolderThatIsNotADatabaseThrows) {
  fs::create_directory(fs::path(dir()) / "gen-000001");
  WriteCurrentGeneration(dir(), "gen-000001");
  EXPECT_THROW(OpenIndex(dir()), IndexError);
}

TEST_F(IndexLayoutTest, OpenIndexChecksSchemaVersion) {
  CreateDatabase("gen-000001", std::to_string(schema::kVersion));
  WriteCurrentGeneration(dir(), "gen-000001");
  const Xapian::Database db = OpenIndex(dir());
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_TRUE(db.term_exists("Qprobe"));
}

TEST_F(IndexLayoutTest, OpenIndexWithAnotherSchemaVersionThrows) {
  struct Case {
    const char* what;
    std::string version;
    const char* expected_in_message;
  };
  const Case cases[] = {
      {"newer", std::to_string(schema::kVersion + 1), "schema version"},
      {"garbage", "banana", "banana"},
      {"none", "", "(none)"},
  };
  int n = 0;
  for (const Case& c : cases) {
    const std::string generation = "gen-00000" + std::to_string(++n);
    CreateDatabase(generation, c.version);
    WriteCurrentGeneration(dir(), generation);
    const std::string message = MessageOf([&] { OpenIndex(dir()); });
    EXPECT_NE(message.find(c.expected_in_message), std::string::npos) << c.what << ": " << message;
    EXPECT_NE(message.find(generation), std::string::npos) << c.what << ": " << message;
  }
}

TEST_F(IndexLayoutTest, CheckSchemaVersionNamesTheIndex) {
  CreateDatabase("gen-000001", "0");
  const Xapian::Database db((fs::path(dir()) / "gen-000001").string());
  try {
    CheckSchemaVersion(db, "my-index");
    FAIL() << "expected IndexError";
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find("my-index"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cstd

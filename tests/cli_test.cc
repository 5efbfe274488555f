// The three programs' command lines: --help, --version, exit codes, error
// lines, and a bad file skipped without losing the rest.

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "tests/support/process.h"

namespace cstd::testing {
namespace {

class ProgramTest : public ::testing::TestWithParam<const char*> {};

TEST_P(ProgramTest, AnswersHelpAndVersion) {
  const std::string program = ProgramPath(GetParam());
  const RunResult help = RunCommand({program, "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Usage"), std::string::npos) << help.out;
  const RunResult version = RunCommand({program, "--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind(GetParam(), 0), 0u) << version.out;
}

INSTANTIATE_TEST_SUITE_P(AllPrograms, ProgramTest, ::testing::Values("cstd-indexer", "cstd-searchd", "cstd-query"));

struct UsageCase {
  const char* program;
  std::vector<std::string> args;
  const char* named;  // the one stderr line must name this
};

void PrintTo(const UsageCase& c, std::ostream* os) {
  *os << c.program;
  for (const auto& a : c.args) *os << ' ' << a;
}

class UsageErrorTest : public ::testing::TestWithParam<UsageCase> {};

TEST_P(UsageErrorTest, ExitsTwoWithOneLineNamingTheCulprit) {
  const UsageCase& c = GetParam();
  std::vector<std::string> argv = {ProgramPath(c.program)};
  argv.insert(argv.end(), c.args.begin(), c.args.end());
  const RunResult r = RunCommand(argv);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(c.named), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    AllPrograms, UsageErrorTest,
    ::testing::Values(UsageCase{"cstd-indexer", {"build", "--index", "x", "--no-such-flag", "y"}, "--no-such-flag"},
                      UsageCase{"cstd-indexer", {}, "subcommand"}, UsageCase{"cstd-indexer", {"build", "y"}, "--index"},
                      UsageCase{"cstd-searchd", {"--index", "x", "--no-such-flag"}, "--no-such-flag"},
                      UsageCase{"cstd-searchd", {"--index", "x", "--listen", "nowhere"}, "--listen"},
                      UsageCase{"cstd-searchd", {"--index", "x", "--threads", "0"}, "--threads"},
                      UsageCase{"cstd-query", {"--index", "x", "--no-such-flag"}, "--no-such-flag"},
                      UsageCase{"cstd-query", {"word"}, "--index"}));

TEST(IndexerCliTest, SkipsBadFilesAndKeepsTheRest) {
  TempDir temp;
  const std::string source = temp.path() + "/archive";
  std::filesystem::create_directories(source);
  WriteFile(source + "/good.txt", "Twenty-fifth session\n\n1. The delegate spoke about broadband access.\n");
  WriteFile(source + "/empty.txt", "");
  WriteFile(source + "/binary.txt", std::string("\x7f"
                                                "ELF\0\0\0",
                                                7));
  WriteFile(source + "/latin1.txt", "Caf\xe9 au lait\n");
  WriteFile(source + "/notes.docx", "whatever");
  const std::string index = temp.path() + "/index";
  const RunResult r = BuildIndex(index, source);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"empty.txt", "binary.txt", "latin1.txt", "notes.docx"}) {
    EXPECT_NE(r.err.find(std::string(name)), std::string::npos) << name << " not reported:\n" << r.err;
  }
  EXPECT_NE(r.err.find("indexed 1 files"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped 4"), std::string::npos) << r.err;

  const RunResult q = RunCommand({ProgramPath("cstd-query"), "--index", index, "--json", "broadband"});
  ASSERT_EQ(q.exit_code, 0) << q.err;
  rapidjson::Document d;
  d.Parse(q.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << q.out;
  EXPECT_EQ(d["total"].GetUint64(), 1u);
  EXPECT_EQ(d["hits"][0]["session"].GetInt(), 25);
  EXPECT_EQ(d["hits"][0]["paragraph"].GetInt(), 1);
}

TEST(IndexerCliTest, MissingSourceIsAUsageErrorNamingIt) {
  TempDir temp;
  const RunResult r =
      RunCommand({ProgramPath("cstd-indexer"), "build", "--index", temp.path() + "/index", temp.path() + "/nope"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(temp.path() + "/nope"), std::string::npos) << r.err;
}

TEST(IndexerCliTest, InspectPrintsTheModel) {
  const RunResult r = RunCommand(
      {ProgramPath("cstd-indexer"), "inspect", std::string(CSTD_SHARED_DIR) + "/corpus/cstd/001_9fb1818520dbe4d0.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_EQ(d["document"]["session"].GetInt(), 25);
  EXPECT_TRUE(d["paragraphs"].IsArray());
  EXPECT_TRUE(d["speakers"].IsArray());
  EXPECT_TRUE(d["warnings"].IsArray());
}

TEST(QueryCliTest, PrintsATableOfHits) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, SharedCorpus()).exit_code, 0);
  const RunResult r =
      RunCommand({ProgramPath("cstd-query"), "--index", index, "--limit", "3", "Internet", "Governance"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("hits"), std::string::npos);
  EXPECT_NE(r.out.find("[Internet]"), std::string::npos) << r.out;  // marks, as a pipe shows them
  // Each hit with what a delegate pastes to cite it (the API's citation).
  const RunResult json =
      RunCommand({ProgramPath("cstd-query"), "--index", index, "--json", "--limit", "3", "Internet", "Governance"});
  rapidjson::Document d;
  d.Parse(json.out.c_str());
  ASSERT_TRUE(d.IsObject() && d["hits"].Size() > 0) << json.out;
  for (const auto& hit : d["hits"].GetArray()) {
    EXPECT_NE(r.out.find(std::string("   cite: ") + hit["citation"].GetString() + "\n"), std::string::npos) << r.out;
  }
  const RunResult bad = RunCommand({ProgramPath("cstd-query"), "--index", index, "--year", "soon", "x"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--year"), std::string::npos) << bad.err;
  const RunResult none = RunCommand({ProgramPath("cstd-query"), "--index", temp.path() + "/missing", "x"});
  EXPECT_EQ(none.exit_code, 1);
}

TEST(QueryCliTest, ServerModePrintsTheSameJsonAsTheApi) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, SampleArchive()).exit_code, 0);
  ServerProcess server(index);
  const RunResult local = RunCommand({ProgramPath("cstd-query"), "--index", index, "--json", "broadband"});
  const RunResult remote = RunCommand({ProgramPath("cstd-query"), "--server", server.url(), "--json", "broadband"});
  ASSERT_EQ(local.exit_code, 0) << local.err;
  ASSERT_EQ(remote.exit_code, 0) << remote.err;
  rapidjson::Document a, b;
  a.Parse(local.out.c_str());
  b.Parse(remote.out.c_str());
  ASSERT_FALSE(a.HasParseError() || b.HasParseError());
  EXPECT_GT(a["total"].GetUint64(), 0u);
  EXPECT_EQ(a["total"].GetUint64(), b["total"].GetUint64());
  ASSERT_EQ(a["hits"].Size(), b["hits"].Size());
  for (rapidjson::SizeType i = 0; i < a["hits"].Size(); ++i) {
    EXPECT_STREQ(a["hits"][i]["passage_id"].GetString(), b["hits"][i]["passage_id"].GetString());
    EXPECT_STREQ(a["hits"][i]["snippet"].GetString(), b["hits"][i]["snippet"].GetString());
  }
}

TEST(IndexerCliTest, UngdcCatalogueMakesSpeechesWithDelegationSessionYearAndSpeaker) {
  TempDir temp;
  const std::string ungdc = std::string(CSTD_SHARED_DIR) + "/corpus/ungdc";
  const std::string source = temp.path() + "/ungdc";
  std::filesystem::create_directories(source);
  const RunResult untar =
      RunCommand({"/usr/bin/tar", "-I", "zstd", "-xf", ungdc + "/ungdc-1946-2023.tar.zst", "-C", source,
                  "TXT/Session 78 - 2023/BRA_78_2023.txt", "TXT/Session 78 - 2023/USA_78_2023.txt",
                  "TXT/Session 75 - 2020/PRT_75_2020.txt"});
  ASSERT_EQ(untar.exit_code, 0) << untar.err;
  WriteFile(source + "/TXT/notes.txt", "A file the catalogue does not know.\n");

  const std::string index = temp.path() + "/index";
  const RunResult build = RunCommand(
      {ProgramPath("cstd-indexer"), "build", "--index", index, "--metadata", ungdc + "/speakers.csv", source + "/TXT"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_NE(build.err.find("indexed 4 files"), std::string::npos) << build.err;
  EXPECT_NE(build.err.find("3 files matched a row"), std::string::npos) << build.err;
  EXPECT_NE(build.err.find("1 files had no catalogue row"), std::string::npos) << build.err;
  EXPECT_NE(build.err.find("notes.txt"), std::string::npos) << build.err;
  EXPECT_NE(build.err.find("catalogue rows matched no file"), std::string::npos) << build.err;
  EXPECT_NE(build.err.find("... and "), std::string::npos) << build.err;  // thousands of rows, 20 listed
  // speakers.csv files Portugal's 2020 speech under the typo POR: matched by its Country name.
  EXPECT_NE(build.err.find("ISO Code 'POR' is not a country code"), std::string::npos) << build.err;

  const auto search = [&](const std::vector<std::string>& args) {
    std::vector<std::string> argv = {ProgramPath("cstd-query"), "--index", index, "--json", "--limit", "100"};
    argv.insert(argv.end(), args.begin(), args.end());
    const RunResult q = RunCommand(argv);
    EXPECT_EQ(q.exit_code, 0) << q.err;
    auto d = std::make_unique<rapidjson::Document>();
    d->Parse(q.out.c_str());
    EXPECT_FALSE(d->HasParseError()) << q.out;
    return d;
  };
  const auto brazil = search({"--country", "BRA"});
  const rapidjson::Value& hits = (*brazil)["hits"];
  ASSERT_GT(hits.Size(), 5u);
  for (const auto& hit : hits.GetArray()) {
    EXPECT_STREQ(hit["doc_id"].GetString(), "bra_78_2023");
    EXPECT_STREQ(hit["type"].GetString(), "speech");
    EXPECT_EQ(hit["session"].GetInt(), 78);
    EXPECT_EQ(hit["year"].GetInt(), 2023);
    EXPECT_STREQ(hit["title"].GetString(),
                 "Brazil: General Debate statement, 78th session of the General Assembly (2023)");
    ASSERT_EQ(hit["countries"].Size(), 1u);
    EXPECT_STREQ(hit["countries"][0]["code"].GetString(), "BRA");
    ASSERT_EQ(hit["speakers"].Size(), 1u);
    EXPECT_STREQ(hit["speakers"][0]["name"].GetString(), "Luiz Inacio Lula da Silva");
    EXPECT_STREQ(hit["speakers"][0]["id"].GetString(), "luiz-silva");
  }
  const auto usa = search({"--type", "speech", "--session", "78", "--country", "USA"});
  ASSERT_GT((*usa)["hits"].Size(), 0u);
  EXPECT_STREQ((*usa)["hits"][0]["speakers"][0]["name"].GetString(), "Joseph R. Biden");
  EXPECT_GT((*search({"--speaker", "antonio-costa", "--country", "PRT", "--year", "2020"}))["total"].GetUint64(), 0u);

  const RunResult inspect = RunCommand({ProgramPath("cstd-indexer"), "inspect", "--metadata", ungdc + "/speakers.csv",
                                        source + "/TXT/Session 78 - 2023/BRA_78_2023.txt"});
  ASSERT_EQ(inspect.exit_code, 0) << inspect.err;
  rapidjson::Document model;
  model.Parse(inspect.out.c_str());
  ASSERT_FALSE(model.HasParseError()) << inspect.out;
  EXPECT_STREQ(model["document"]["type"].GetString(), "speech");
  EXPECT_STREQ(model["speakers"][0]["role"].GetString(), "President");
  EXPECT_STREQ(model["speakers"][0]["country"].GetString(), "BRA");

  const RunResult bad = RunCommand(
      {ProgramPath("cstd-indexer"), "build", "--index", index, "--metadata", temp.path() + "/nope.csv", source});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("nope.csv"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace cstd::testing

// The index lifecycle as operators live it, with the real cstd-indexer:
// incremental builds, rebuilds into a new generation while a reader holds the
// old one, one writer at a time, kill -9 at random moments, a full disk,
// snapshots and stats.

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "model/errors.h"
#include "model/index_layout.h"
#include "model/schema.h"
#include "tests/process.h"
#include "tests/raw_http.h"

namespace cstd::testing {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

RunResult Indexer(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {ProgramPath("cstd-indexer")};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv);
}

// Passages holding `term` (a raw Xapian term) in the live generation.
size_t Postings(const std::string& index, const std::string& term) {
  return OpenIndex(index).get_termfreq(term);
}

std::set<std::string> Folders(const std::string& index) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(index)) {
    if (e.is_directory()) out.insert(e.path().filename().string());
  }
  return out;
}

// An archive folder of `copies` copies of the shared CSTD corpus (each copy
// a file of its own, so a build has work enough to be interrupted).
void MakeArchive(const fs::path& folder, int copies) {
  fs::create_directories(folder);
  int n = 0;
  for (const auto& entry : fs::directory_iterator(SharedCorpus())) {
    const std::string text = ReadFile(entry.path());
    for (int c = 0; c < copies; ++c) {
      WriteFile(folder / ("copy" + std::to_string(c) + "-" + entry.path().filename().string()),
                text + "\n\n99. The zqxcopy" + std::to_string(++n) + " paragraph.\n");
    }
  }
}

TEST(IndexLifecycleTest, IncrementalBuildAddsReplacesSkipsAndRemoves) {
  TempDir temp;
  const fs::path source = fs::path(temp.path()) / "archive";
  const std::string index = temp.path() + "/index";
  fs::create_directories(source);
  WriteFile(source / "a.txt", "Twenty-fifth session\n\n1. The zqxalpha paragraph.\n");
  WriteFile(source / "b.txt", "Twenty-fifth session\n\n1. The zqxbravo paragraph.\n");
  WriteFile(source / "c.txt", "Twenty-fifth session\n\n1. The zqxcharlie paragraph.\n");

  struct Step {
    const char* what;
    std::function<void()> change;
    const char* summary;  // expected in the build's summary line
  };
  const std::vector<Step> steps = {
      {"first build", [] {}, "new generation gen-000001: 3 added"},
      {"nothing changed", [] {}, "0 added, 0 replaced, 0 removed, 3 unchanged"},
      {"touched, same bytes",
       [&] { fs::last_write_time(source / "a.txt", fs::last_write_time(source / "a.txt") + std::chrono::hours(1)); },
       "0 added, 0 replaced, 0 removed, 3 unchanged"},
      {"one changed", [&] { WriteFile(source / "b.txt", "Twenty-fifth session\n\n1. The zqxbravo2 paragraph.\n"); },
       "0 added, 1 replaced, 0 removed, 2 unchanged"},
      {"one deleted", [&] { fs::remove(source / "c.txt"); }, "0 added, 0 replaced, 1 removed, 2 unchanged"},
      {"one added", [&] { WriteFile(source / "d.txt", "Twenty-fifth session\n\n1. The zqxdelta paragraph.\n"); },
       "1 added, 0 replaced, 0 removed, 2 unchanged"},
  };
  for (const Step& step : steps) {
    step.change();
    const RunResult r = Indexer({"build", "--index", index, source.string()});
    ASSERT_EQ(r.exit_code, 0) << step.what << "\n" << r.err;
    EXPECT_NE(r.err.find(step.summary), std::string::npos) << step.what << "\n" << r.err;
  }
  EXPECT_EQ(Postings(index, "zqxalpha"), 1u);
  EXPECT_EQ(Postings(index, "zqxbravo"), 0u);  // replaced
  EXPECT_EQ(Postings(index, "zqxbravo2"), 1u);
  EXPECT_EQ(Postings(index, "zqxcharlie"), 0u);  // removed with its file
  EXPECT_EQ(Postings(index, "zqxdelta"), 1u);
  EXPECT_EQ(Postings(index, schema::Term(schema::kPrefixPassageId, "b-1")), 1u);  // the id survived
  EXPECT_EQ(OpenIndex(index).get_doccount(), 3u);
  EXPECT_EQ(Folders(index), std::set<std::string>{"gen-000001"});
}

TEST(IndexLifecycleTest, RebuildSwitchesGenerationKeepsIdsAndDeletesTheOldOnceReadersLeave) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, SharedCorpus()).exit_code, 0);
  const Xapian::Database before = OpenIndex(index);
  std::set<std::string> ids_before;
  for (auto it = before.allterms_begin("Q"); it != before.allterms_end("Q"); ++it) ids_before.insert(*it);

  // A reader holding gen-000001 keeps it through a rebuild.
  auto lease = std::make_unique<ReaderLease>(index, "gen-000001");
  const RunResult r = Indexer({"build", "--rebuild", "--index", index, SharedCorpus()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("new generation gen-000002"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kept gen-000001"), std::string::npos) << r.err;
  EXPECT_EQ(ReadCurrentGeneration(index), "gen-000002");
  EXPECT_EQ(Folders(index), (std::set<std::string>{"gen-000001", "gen-000002"}));
  // Links survive a rebuild: the same passage ids.
  const Xapian::Database after = OpenIndex(index);
  std::set<std::string> ids_after;
  for (auto it = after.allterms_begin("Q"); it != after.allterms_end("Q"); ++it) ids_after.insert(*it);
  EXPECT_EQ(ids_after, ids_before);
  EXPECT_EQ(after.get_metadata(std::string(schema::kMetaGeneration)), "gen-000002");

  // Once the reader leaves, the next build deletes the old generation.
  lease.reset();
  ASSERT_EQ(BuildIndex(index, SharedCorpus()).exit_code, 0);
  EXPECT_EQ(Folders(index), std::set<std::string>{"gen-000002"});
}

TEST(IndexLifecycleTest, ASecondBuildIsRefusedNamingTheOneHoldingTheIndex) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, SampleArchive()).exit_code, 0);
  const BuildLock held(index);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"build", "--index", index, SampleArchive()},
        std::vector<std::string>{"build", "--rebuild", "--index", index, SampleArchive()}}) {
    const RunResult r = Indexer(args);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("another build (pid " + std::to_string(getpid()) + ") holds this index"), std::string::npos)
        << r.err;
  }
}

// kill -9 at random moments of rebuilds and incremental builds, many times:
// after each, the live generation opens, passes Xapian's check, holds what
// it held, and the running searchd answers; the next build clears the
// debris.
TEST(IndexLifecycleTest, KillNineAtAnyMomentLeavesTheLiveIndexWholeAndServed) {
  TempDir temp;
  const fs::path source = fs::path(temp.path()) / "archive";
  const std::string index = temp.path() + "/index";
  MakeArchive(source, 25);
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(BuildIndex(index, source.string()).exit_code, 0);
  const double build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const size_t passages = OpenIndex(index).get_doccount();
  ServerProcess server(index);

  std::mt19937 random(20261123);
  std::uniform_real_distribution<double> moment(0, build_seconds * 1.2);
  constexpr int kKills = 14;
  int killed = 0;
  // Incremental rounds append a paragraph to a file; whichever build last
  // finished, the live index holds either what it held before the round or
  // every paragraph appended so far, never something in between.
  size_t appended = 0, last = passages;
  for (int i = 0; i < kKills; ++i) {
    // Half rebuilds; half incremental builds over a changed file.
    std::vector<std::string> args = {ProgramPath("cstd-indexer"), "build", "--index", index, source.string()};
    if (i % 2 == 0) {
      args.insert(args.begin() + 2, "--rebuild");
    } else {
      ++appended;
      const fs::path changed = fs::directory_iterator(source)->path();
      WriteFile(changed, ReadFile(changed) + "\n\n100. One more paragraph, round " + std::to_string(i) + ".\n");
    }
    ChildProcess build(args);
    std::this_thread::sleep_for(std::chrono::duration<double>(moment(random)));
    build.Kill(SIGKILL);
    if (build.Wait() == -SIGKILL) ++killed;

    const auto live = ReadCurrentGeneration(index);
    ASSERT_TRUE(live) << "kill " << i;
    EXPECT_NO_THROW(CheckDatabase((fs::path(index) / *live).string())) << "kill " << i;
    const size_t now = OpenIndex(index).get_doccount();
    EXPECT_TRUE(now == last || now == passages + appended) << "kill " << i << ": " << now << " passages";
    last = now;
    const HttpResponse health = Get(server.host(), server.port(), "/v1/health");
    EXPECT_EQ(health.status, 200) << "kill " << i << ": " << health.body;
    const HttpResponse search = Get(server.host(), server.port(), "/v1/search?q=zqxcopy7");
    EXPECT_EQ(search.status, 200) << "kill " << i << ": " << search.body;
    EXPECT_NE(search.body.find("\"total\":1,"), std::string::npos) << "kill " << i << ": " << search.body;
  }
  EXPECT_GE(killed, kKills / 2) << "most kills should land while a build runs";
  // The next build finishes, and once no reader holds an old generation (a
  // searchd thread lets go when its next request sees the new one; here the
  // server stops), one more build leaves one generation and no debris.
  const RunResult r = Indexer({"build", "--rebuild", "--index", index, source.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  server.Terminate();
  ASSERT_EQ(BuildIndex(index, source.string()).exit_code, 0);
  const auto folders = Folders(index);
  EXPECT_EQ(folders.size(), 1u);
  for (const auto& name : folders) EXPECT_EQ(name.find(kTempSuffix), std::string::npos) << name;
  EXPECT_EQ(OpenIndex(index).get_doccount(), passages + appended);
}

TEST(IndexLifecycleTest, AFullDiskOrAnUnwritableFolderIsAClearErrorAndTheLiveIndexStays) {
  TempDir temp;
  const fs::path source = fs::path(temp.path()) / "archive";
  const std::string index = temp.path() + "/index";
  MakeArchive(source, 3);
  ASSERT_EQ(BuildIndex(index, source.string()).exit_code, 0);
  const size_t passages = OpenIndex(index).get_doccount();

  // RLIMIT_FSIZE stands in for a full disk: writes past it fail with EFBIG,
  // as they would with ENOSPC.
  for (const char* mode : {"--rebuild", ""}) {
    WriteFile(source / "late.txt", std::string("Twenty-fifth session\n\n1. A late statement on ") + mode + ".\n");
    std::vector<std::string> args = {
        "/usr/bin/prlimit", "--fsize=20000", ProgramPath("cstd-indexer"), "build", "--index", index, source.string()};
    if (*mode) args.insert(args.begin() + 4, mode);
    const RunResult r = RunCommand(args);
    EXPECT_EQ(r.exit_code, 1) << mode << "\n" << r.err;
    EXPECT_NE(r.err.find(index), std::string::npos) << mode << "\n" << r.err;
    EXPECT_EQ(ReadCurrentGeneration(index), "gen-000001") << mode;
    EXPECT_EQ(OpenIndex(index).get_doccount(), passages) << mode;
    EXPECT_NO_THROW(CheckDatabase(index + "/gen-000001")) << mode;
  }

  // A folder that cannot be made: under a regular file.
  WriteFile(temp.path() + "/plain-file", "x");
  const RunResult r = Indexer({"build", "--index", temp.path() + "/plain-file/index", source.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(temp.path() + "/plain-file/index: cannot create index folder"), std::string::npos) << r.err;
}

TEST(IndexLifecycleTest, ExportAndImportASnapshotRefusingWhatIsNotOne) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  const std::string copy = temp.path() + "/copy";
  const std::string archive = temp.path() + "/snapshot.tar.zst";
  ASSERT_EQ(BuildIndex(index, SharedCorpus()).exit_code, 0);
  const RunResult exported = Indexer({"export", "--index", index, "--output", archive});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  ASSERT_TRUE(fs::exists(archive));

  const RunResult imported = Indexer({"import", "--index", copy, archive});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(OpenIndex(copy).get_doccount(), OpenIndex(index).get_doccount());
  EXPECT_EQ(OpenIndex(copy).get_metadata(std::string(schema::kMetaGeneration)), "gen-000001");
  const RunResult again = Indexer({"import", "--index", copy, archive});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(ReadCurrentGeneration(copy), "gen-000002");

  // Not snapshots: each refused with the archive named, the live index kept.
  const std::string bytes = ReadFile(archive);
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"garbage", "this is not an archive"},
      {"truncated", bytes.substr(0, bytes.size() / 2)},
  };
  for (const auto& [name, content] : bad) {
    const std::string path = temp.path() + "/" + name + ".tar.zst";
    WriteFile(path, content);
    const RunResult r = Indexer({"import", "--index", copy, path});
    EXPECT_EQ(r.exit_code, 1) << name << "\n" << r.err;
    EXPECT_NE(r.err.find(path), std::string::npos) << name << "\n" << r.err;
    EXPECT_EQ(ReadCurrentGeneration(copy), "gen-000002") << name;
  }
  // A tar whose entry leaves the folder.
  const std::string evil = temp.path() + "/evil.tar.zst";
  const RunResult tar = RunCommand({"/bin/sh", "-c",
                                    "cd " + temp.path() +
                                        " && mkdir -p e/x && echo hi > e/x/f && tar -C e/x -cf - "
                                        "--transform 's,^,../,' f | zstd -q -o " +
                                        evil});
  ASSERT_EQ(tar.exit_code, 0) << tar.err;
  const RunResult r = Indexer({"import", "--index", copy, evil});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("is not a file name of a snapshot"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(fs::path(copy) / ".." / "f"));
  EXPECT_EQ(ReadCurrentGeneration(copy), "gen-000002");
}

TEST(IndexLifecycleTest, StatsReportCountsTablesAndCompression) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, SharedCorpus()).exit_code, 0);
  const RunResult r = Indexer({"stats", "--index", index});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << r.out;
  const Xapian::Database db = OpenIndex(index);
  EXPECT_EQ(d["passages"].GetUint64(), db.get_doccount());
  EXPECT_EQ(d["documents"].GetUint64(), 4u);
  EXPECT_GT(d["speakers"].GetUint64(), 0u);
  EXPECT_GT(d["countries"].GetUint64(), 0u);
  EXPECT_STREQ(d["generation"].GetString(), "gen-000001");
  for (const char* table : {"postlist", "termlist", "position", "docdata"}) {
    EXPECT_GT(d["tables"][table].GetUint64(), 0u) << table;
  }
  EXPECT_GT(d["compression"]["ratio"].GetDouble(), 1.5);
  EXPECT_GT(d["compression"]["plain_zstd_ratio"].GetDouble(), 1.0);
  EXPECT_GT(d["build"]["build_seconds"].GetDouble(), 0);
  EXPECT_EQ(d["build"]["files"].GetUint64(), 4u);
  const RunResult none = Indexer({"stats", "--index", temp.path() + "/nothing"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("no index here"), std::string::npos) << none.err;
}

}  // namespace
}  // namespace cstd::testing

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
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "model/errors.h"
#include "model/index_layout.h"
#include "model/schema.h"
#include "tests/crash_rounds.h"
#include "tests/support/process.h"
#include "tests/support/raw_http.h"

namespace cstd::testing {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& path, const std::string& text) {
  testing::WriteFile(path.string(), text);
}

std::string ReadFile(const fs::path& path) {
  return ReadFileBytes(path.string());
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

// A one-paragraph report whose paragraph holds `term`, a word no other
// report has, so that its postings count the report's copies in the index.
void WriteReport(const fs::path& file, const std::string& term) {
  WriteFile(file, "Twenty-fifth session\n\n1. The " + term + " paragraph.\n");
}

// `temp`'s folder "archive" with a report per file name, each holding the
// term its name gives ("a.txt" -> zqxalpha, "b.txt" -> zqxbravo, ...).
fs::path WriteArchive(const TempDir& temp, const std::vector<std::string>& names) {
  static const std::map<std::string, std::string> kTerms = {
      {"a.txt", "zqxalpha"}, {"b.txt", "zqxbravo"}, {"c.txt", "zqxcharlie"}};
  const fs::path source = fs::path(temp.path()) / "archive";
  fs::create_directories(source);
  for (const std::string& name : names) WriteReport(source / name, kTerms.at(name));
  return source;
}

TEST(IndexLifecycleTest, IncrementalBuildAddsReplacesSkipsAndRemoves) {
  TempDir temp;
  const fs::path source = WriteArchive(temp, {"a.txt", "b.txt", "c.txt"});
  const std::string index = temp.path() + "/index";

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
      {"one changed", [&] { WriteReport(source / "b.txt", "zqxbravo2"); },
       "0 added, 1 replaced, 0 removed, 2 unchanged"},
      {"one deleted", [&] { fs::remove(source / "c.txt"); }, "0 added, 0 replaced, 1 removed, 2 unchanged"},
      {"one added", [&] { WriteReport(source / "d.txt", "zqxdelta"); },
       "1 added, 0 replaced, 0 removed, 2 unchanged"},
  };
  for (const Step& step : steps) {
    step.change();
    const RunResult r = Indexer({"build", "--index", index, source.string()});
    ASSERT_EQ(r.exit_code, 0) << step.what << "\n" << r.err;
    EXPECT_NE(r.err.find(step.summary), std::string::npos) << step.what << "\n" << r.err;
    // Every build counts the files whose body text did not all reach a paragraph.
    EXPECT_NE(r.err.find("; 0 lose text\n"), std::string::npos) << step.what << "\n" << r.err;
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

// An incremental build that reads no file (nothing changed) still knows
// which catalogue rows match a file: it reports the same unmatched rows as
// the build that read them, not every row.
TEST(IndexLifecycleTest, ARunWithNothingChangedReportsOnlyTheCatalogueRowsThatMatchNoFile) {
  TempDir temp;
  const fs::path source = WriteArchive(temp, {"a.txt", "b.txt"});
  const std::string index = temp.path() + "/index";
  const std::string catalogue = temp.path() + "/catalogue.csv";
  WriteFile(catalogue, "path,title\na.txt,Alpha\nb.txt,Bravo\nmissing.txt,Nowhere\n");
  for (const char* run : {"first build", "nothing changed", "touched"}) {
    if (std::string(run) == "touched") {
      fs::last_write_time(source / "a.txt", fs::last_write_time(source / "a.txt") + std::chrono::hours(1));
    }
    const RunResult r = Indexer({"build", "--index", index, "--metadata", catalogue, source.string()});
    ASSERT_EQ(r.exit_code, 0) << run << "\n" << r.err;
    EXPECT_NE(r.err.find("1 catalogue rows matched no file"), std::string::npos) << run << "\n" << r.err;
    EXPECT_NE(r.err.find("no file for " + catalogue + ":4: missing.txt"), std::string::npos) << run << "\n" << r.err;
  }
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

// kill -9 at points each build reaches by its own progress (a file count,
// a stage; see crash_rounds.h), over rebuilds and incremental builds, and a
// full disk during an incremental build: after each, the live generation
// opens, passes Xapian's check, holds what it held, and the running
// searchd answers; the next build clears the debris. tools/crash-test runs
// the same rounds 200 times.
TEST(IndexLifecycleTest, KillNineAtAnyMomentLeavesTheLiveIndexWholeAndServed) {
  TempDir temp;
  CrashRoundsOptions options;
  options.rounds = 12;
  options.copies = 10;
  options.disk_full_every = 4;
  const CrashRoundsReport r = RunCrashRounds(temp.path(), options);
  std::string failures;
  for (const auto& f : r.failures) failures += f + "\n";
  EXPECT_TRUE(r.failures.empty()) << failures;
  // Every round lands where it was sent: 3 disk-full rounds, 9 kills.
  EXPECT_EQ(r.disk_full, 3) << failures;
  EXPECT_EQ(r.killed, 9) << failures;
  EXPECT_EQ(r.not_reached, 0);
  EXPECT_EQ(r.corrupt, 0);
  EXPECT_EQ(r.unserved, 0);
  EXPECT_EQ(r.final_folders, 1);
}

// A searchd that served a request and then sits idle lets go of its
// generation once a rebuild switches away from it, without another request:
// otherwise a rebuild at a quiet hour leaves the old folder on disk.
TEST(IndexLifecycleTest, AnIdleSearchdLetsGoOfTheOldGenerationAfterARebuild) {
  TempDir temp;
  const std::string index = temp.path() + "/index";
  ASSERT_EQ(BuildIndex(index, SampleArchive()).exit_code, 0);
  ServerProcess server(index, {"--threads", "2"});
  // Both workers open gen-000001 (and lease it).
  for (int i = 0; i < 8; ++i) ASSERT_EQ(Get(server.host(), server.port(), "/v1/search?q=data").status, 200);
  const RunResult r = Indexer({"build", "--rebuild", "--index", index, SampleArchive()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The build waits for readers to leave (kReaderGraceSeconds) before it
  // leaves the folder for the next build; either way the lease must go.
  // Wait for that as a build would, by taking the readers' lock
  // exclusively (util-linux flock, blocking, bounded far above the
  // janitor's interval).
  const fs::path old_generation = fs::path(index) / "gen-000001";
  bool released = !fs::exists(old_generation);
  if (!released) {
    const RunResult lock = RunCommand({"/usr/bin/flock", "--exclusive", "--timeout", "60",
                                       (old_generation / kReadersLockFile).string(), "/bin/true"});
    released = lock.exit_code == 0 || !fs::exists(old_generation);
  }
  EXPECT_TRUE(released) << "an idle searchd still holds gen-000001\n" << r.err;
  // No request since the rebuild, and the next build finds nothing to keep.
  ASSERT_EQ(BuildIndex(index, SampleArchive()).exit_code, 0);
  EXPECT_EQ(Folders(index), std::set<std::string>{"gen-000002"});
  const HttpResponse search = Get(server.host(), server.port(), "/v1/search?q=data");
  EXPECT_EQ(search.status, 200) << search.body;
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

  // A snapshot damaged inside (one byte of a table changed, the archive
  // itself well formed), and one without its MANIFEST: refused before
  // Xapian opens a table, naming what is wrong.
  const std::string unpacked = temp.path() + "/unpacked";
  const std::string repack = "cd " + unpacked + " && tar -cf - $(ls | grep -v MANIFEST) ";
  const std::string damaged = temp.path() + "/damaged.tar.zst", bare = temp.path() + "/bare.tar.zst";
  ASSERT_EQ(RunCommand({"/bin/sh", "-c",
                        "mkdir -p " + unpacked + " && zstd -dcq " + archive + " | tar -C " + unpacked +
                            " -xf - && printf X | dd of=" + unpacked +
                            "/postlist.glass bs=1 seek=100 conv=notrunc 2>/dev/null && " + repack +
                            "MANIFEST | zstd -q -o " + damaged + " && " + repack + "| zstd -q -o " + bare})
                .exit_code,
            0);
  const RunResult hurt = Indexer({"import", "--index", copy, damaged});
  EXPECT_EQ(hurt.exit_code, 1) << hurt.err;
  EXPECT_NE(hurt.err.find("'postlist.glass' is damaged"), std::string::npos) << hurt.err;
  const RunResult unlisted = Indexer({"import", "--index", copy, bare});
  EXPECT_EQ(unlisted.exit_code, 1) << unlisted.err;
  EXPECT_NE(unlisted.err.find("no MANIFEST"), std::string::npos) << unlisted.err;
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

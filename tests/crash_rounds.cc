#include "tests/crash_rounds.h"

#include <signal.h>

#include <random>
#include <set>
#include <stdexcept>

#include "model/errors.h"
#include "model/index_layout.h"
#include "model/pause_point.h"
#include "tests/support/process.h"
#include "tests/support/raw_http.h"

namespace cstd::testing {

namespace fs = std::filesystem;

namespace {

// The pause points a build of `files` files reaches, as CSTD_PAUSE_AT values.
std::vector<std::string> PausePoints(bool rebuild, size_t files, std::mt19937& random) {
  std::uniform_int_distribution<size_t> file(1, files);
  std::vector<std::string> points = {"file:" + std::to_string(file(random)), "file:" + std::to_string(file(random)),
                                     "finish"};
  if (rebuild) points.insert(points.end(), {"compacting", "checking", "publish", "switched"});
  return points;
}

}  // namespace

void MakeArchive(const fs::path& folder, int copies) {
  fs::create_directories(folder);
  std::vector<fs::path> originals;
  for (const auto& entry : fs::directory_iterator(SharedCorpus())) originals.push_back(entry.path());
  std::sort(originals.begin(), originals.end());
  int n = 0;
  for (const auto& original : originals) {
    const std::string text = ReadFileBytes(original.string());
    for (int c = 0; c < copies; ++c) {
      WriteFile((folder / ("copy" + std::to_string(c) + "-" + original.filename().string())).string(),
                     text + "\n\n99. The zqxcopy" + std::to_string(++n) + " paragraph.\n");
    }
  }
}

CrashRoundsReport RunCrashRounds(const fs::path& work, const CrashRoundsOptions& options) {
  CrashRoundsReport report;
  const fs::path source = work / "archive";
  const std::string index = (work / "index").string();
  MakeArchive(source, options.copies);
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(source)) ++files;
  const RunResult first = BuildIndex(index, source.string());
  if (first.exit_code != 0) throw std::runtime_error("crash rounds: the first build failed: " + first.err);
  const size_t passages = OpenIndex(index).get_doccount();
  ServerProcess server(index);
  // The file whose growth incremental rounds write: the first in order.
  std::set<fs::path> sorted;
  for (const auto& e : fs::directory_iterator(source)) sorted.insert(e.path());
  const fs::path changed = *sorted.begin();

  std::mt19937 random(options.seed);
  // Incremental rounds append a paragraph to one file; whichever build last
  // finished, the live index holds either what it held before the round or
  // every paragraph appended so far.
  size_t appended = 0, last = passages;
  for (int i = 0; i < options.rounds; ++i) {
    ++report.rounds;
    const bool disk_full = options.disk_full_every > 0 && i % options.disk_full_every == options.disk_full_every - 1;
    const bool rebuild = !disk_full && random() % 2 == 0;
    std::string what;
    std::vector<std::string> args = {ProgramPath("cstd-indexer"), "build", "--index", index, source.string()};
    if (rebuild) {
      args.insert(args.begin() + 2, "--rebuild");
    } else {
      ++appended;
      WriteFile(changed.string(), ReadFileBytes(changed.string()) + "\n\n100. One more paragraph, round " +
                                           std::to_string(i) + ".\n");
    }
    if (disk_full) {
      // RLIMIT_FSIZE stands in for a full disk: writes past it fail with
      // EFBIG, as they would with ENOSPC.
      args.insert(args.begin(), {"/usr/bin/prlimit", "--fsize=20000"});
      const RunResult r = RunCommand(args);
      what = "disk full during an incremental build: exit " + std::to_string(r.exit_code);
      if (r.exit_code == 1 && r.err.find(index) != std::string::npos) {
        ++report.disk_full;
      } else {
        report.failures.push_back("round " + std::to_string(i) + ": " + what +
                                  ", expected 1 naming the index: " + r.err);
      }
    } else {
      const auto points = PausePoints(rebuild, files, random);
      const std::string point = points[random() % points.size()];
      what = std::string(rebuild ? "rebuild" : "incremental") + " killed at " + point;
      ChildProcess build(args, {std::string(kPauseAtVariable) + "=" + point});
      if (build.WaitUntilStopped()) {
        build.Kill(SIGKILL);
        build.Wait();
        ++report.killed;
        ++report.kills_by_stage[point.substr(0, point.find(':'))];
      } else {
        ++report.not_reached;
        report.failures.push_back("round " + std::to_string(i) + ": " + what + ": the build ended (" +
                                  std::to_string(build.Wait()) + ") before its pause point");
      }
    }

    // The live generation: whole, checked, holding before or after.
    std::string problem;
    try {
      const auto live = ReadCurrentGeneration(index);
      if (!live) throw IndexError("no live generation");
      CheckDatabase((fs::path(index) / *live).string());
      const size_t now = OpenIndex(index).get_doccount();
      if (now != last && now != passages + appended) {
        problem = std::to_string(now) + " passages, expected " + std::to_string(last) + " or " +
                  std::to_string(passages + appended);
      }
      last = now;
    } catch (const std::exception& e) {
      problem = e.what();
    }
    if (!problem.empty()) {
      ++report.corrupt;
      report.failures.push_back("round " + std::to_string(i) + ": " + what + ": corrupt: " + problem);
    }
    // Served: health, and a search that finds exactly its one file.
    std::string unserved;
    try {
      const HttpResponse health = Get(server.host(), server.port(), "/v1/health");
      const HttpResponse search = Get(server.host(), server.port(), "/v1/search?q=zqxcopy7");
      if (health.status != 200) unserved = "health " + std::to_string(health.status) + ": " + health.body;
      if (search.status != 200 || search.body.find("\"total\":1,") == std::string::npos) {
        unserved += " search " + std::to_string(search.status) + ": " + search.body.substr(0, 200);
      }
    } catch (const std::exception& e) {
      unserved = e.what();
    }
    if (!unserved.empty()) {
      ++report.unserved;
      report.failures.push_back("round " + std::to_string(i) + ": " + what + ": unserved: " + unserved);
    }
    if (options.on_round) {
      options.on_round("round " + std::to_string(i + 1) + "/" + std::to_string(options.rounds) + ": " + what +
                       (problem.empty() && unserved.empty() ? ": whole and served" : ": FAILED"));
    }
  }

  // The next build finishes; once no reader holds an old generation (the
  // server stops), one more build leaves one generation and no debris.
  const RunResult rebuilt =
      RunCommand({ProgramPath("cstd-indexer"), "build", "--rebuild", "--index", index, source.string()});
  if (rebuilt.exit_code != 0) report.failures.push_back("closing rebuild failed: " + rebuilt.err);
  server.Terminate();
  const RunResult closing = BuildIndex(index, source.string());
  if (closing.exit_code != 0) report.failures.push_back("closing build failed: " + closing.err);
  for (const auto& e : fs::directory_iterator(index)) {
    if (!e.is_directory()) continue;
    ++report.final_folders;
    if (e.path().filename().string().ends_with(kTempSuffix)) {
      report.failures.push_back("debris left: " + e.path().filename().string());
    }
  }
  if (report.final_folders != 1) {
    report.failures.push_back(std::to_string(report.final_folders) + " generation folders left, expected 1");
  }
  try {
    if (OpenIndex(index).get_doccount() != passages + appended) {
      report.failures.push_back("after the closing builds: " + std::to_string(OpenIndex(index).get_doccount()) +
                                " passages, expected " + std::to_string(passages + appended));
    }
  } catch (const std::exception& e) {
    report.failures.push_back(std::string("after the closing builds: ") + e.what());
  }
  return report;
}

}  // namespace cstd::testing

// kill -9 at points a build reaches by its own progress, many times over:
// the crash test of the index lifecycle, shared by
// IndexLifecycleTest.KillNineAtAnyMomentLeavesTheLiveIndexWholeAndServed
// (a few rounds, in the suite) and tools/crash-test (200 rounds).
//
// A round starts cstd-indexer (a rebuild, or an incremental build over a
// changed file) with CSTD_PAUSE_AT set to a point drawn at random from
// those the build will reach (model/pause_point.h: file:N for N up to the
// archive's file count, finish, and for rebuilds compacting, checking,
// publish, switched), waits until it stops itself there, and kills it with
// SIGKILL. Some rounds instead run an incremental build whose writes fail
// as on a full disk (prlimit --fsize). After each round: the live
// generation opens and passes Xapian's check, holds either what it held
// before the round or everything written so far (never something in
// between), and a cstd-searchd started before the first round answers
// /v1/health and a search with the right hit. No sleeps: every wait is for
// something the build or the server does.

#ifndef CSTD_TESTS_CRASH_ROUNDS_H_
#define CSTD_TESTS_CRASH_ROUNDS_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace cstd::testing {

/// An archive folder of `copies` copies of the shared CSTD corpus, each copy
/// a file of its own ("copyC-NAME") ending in a paragraph with the unique
/// word zqxcopyK (K from 1), so a build has work enough to be interrupted
/// and each file can be found.
void MakeArchive(const std::filesystem::path& folder, int copies);

struct CrashRoundsOptions {
  int rounds = 14;
  uint32_t seed = 20261123;
  int copies = 25;  // of the shared corpus, see MakeArchive
  /// Every this many rounds, a disk-full round (0: none).
  int disk_full_every = 5;
  /// Called after each round with a one-line description (progress).
  std::function<void(const std::string&)> on_round;
};

struct CrashRoundsReport {
  int rounds = 0;
  int killed = 0;                             // rounds whose build stopped at its point and was killed
  int disk_full = 0;                          // disk-full rounds whose build failed cleanly
  int not_reached = 0;                        // builds that ended before their pause point
  int corrupt = 0;                            // live generation missing, failing its check, or holding a wrong count
  int unserved = 0;                           // searchd answered wrongly after a round
  std::map<std::string, int> kills_by_stage;  // "file", "finish", "compacting", ...
  std::vector<std::string> failures;          // one line each, for messages
  int final_folders = 0;                      // generation folders left after the closing builds
};

/// Runs the rounds in `work` (an empty folder: archive, index). Never
/// throws for what it finds: everything wrong is counted and described in
/// the report. Throws std::runtime_error when it cannot set up (the first
/// build fails, searchd does not start).
CrashRoundsReport RunCrashRounds(const std::filesystem::path& work, const CrashRoundsOptions& options);

}  // namespace cstd::testing

#endif  // CSTD_TESTS_CRASH_ROUNDS_H_

// Test-only pause points: let a crash test stop a build at a moment the
// build itself reaches, instead of guessing with the wall clock.
//
// With the environment variable CSTD_PAUSE_AT=STAGE:N (or STAGE, meaning
// STAGE:1), a program that reaches the N-th passage of STAGE writes
//   cstd: paused at STAGE:N (pid PID)
// to stderr and stops itself with SIGSTOP. The test that started it sees
// the stop (waitpid with WUNTRACED), then kills it (kill -9) or lets it go
// on (SIGCONT). Without the variable a pause point costs one branch.
//
// The stages, in the order a build reaches them:
//   file        a file done (N counts files; both rebuilds and incremental
//               builds, also files skipped or unchanged)
//   finish      every file done, nothing committed yet
//   compacting  a new generation's shards are about to be compacted
//   checking    the compacted generation is about to be checked
//   publish     the checked generation is in place, CURRENT not yet switched
//   switched    CURRENT switched, old generations not yet deleted

#ifndef CSTD_MODEL_PAUSE_POINT_H_
#define CSTD_MODEL_PAUSE_POINT_H_

#include <cstddef>
#include <string_view>

namespace cstd {

/// The environment variable read by PausePoint.
inline constexpr const char* kPauseAtVariable = "CSTD_PAUSE_AT";

/// Stops the process (SIGSTOP) when CSTD_PAUSE_AT names `stage` and `count`
/// (see the file comment); returns at once otherwise, and after SIGCONT.
/// `count` is the 1-based passage of the stage. Never throws.
void PausePoint(std::string_view stage, size_t count = 1);

}  // namespace cstd

#endif  // CSTD_MODEL_PAUSE_POINT_H_

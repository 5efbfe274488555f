// Build progress: a bar that redraws in place on a terminal, plain lines at
// intervals otherwise (a log file gets no carriage returns).

#ifndef CSTD_INDEXER_PROGRESS_H_
#define CSTD_INDEXER_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>

namespace cstd::indexer {

class Progress {
 public:
  using Clock = std::chrono::steady_clock;

  /// Reports on `out`; `terminal` selects the bar. `now` tells the time
  /// (tests pass their own clock).
  Progress(std::ostream& out, bool terminal, std::function<Clock::time_point()> now = Clock::now)
      : out_(out), terminal_(terminal), now_(std::move(now)) {}

  /// Sets the work ahead.
  void Start(size_t files, uint64_t bytes);

  /// One more file done, of `bytes`. Thread-safe; draws at most every
  /// kTerminalEvery (bar) or kLogEvery (lines).
  void Advance(uint64_t bytes);

  /// Prints a phase that is not per file ("compacting", "checking").
  void Phase(const char* what);

  /// Writes a warning line without tearing the bar.
  void Warn(const std::string& line);

  /// Clears the bar.
  void Finish();

  static constexpr std::chrono::milliseconds kTerminalEvery{200};
  static constexpr std::chrono::seconds kLogEvery{5};
  /// The rate shown, and the ETA drawn from it, is the measured rate
  /// averaged over about this long (an exponential moving average): long
  /// enough to smooth file-to-file variation, short enough that the ETA
  /// follows a build that slows down (big PDFs after small texts) or speeds
  /// up (unchanged files skipped unread), where the average since the start
  /// would lag behind for the rest of the run.
  static constexpr std::chrono::seconds kRateWindow{20};

 private:
  void Draw(bool force);

  std::ostream& out_;
  bool terminal_;
  std::mutex mutex_;
  size_t files_total_ = 0, files_done_ = 0;
  uint64_t bytes_total_ = 0, bytes_done_ = 0;
  std::function<Clock::time_point()> now_;
  Clock::time_point start_, last_draw_;
  bool drawn_ = false;
  // The moving average of MB/s, and where it was last measured; no rate
  // (and no ETA) until some time has passed.
  double rate_ = 0;
  bool have_rate_ = false;
  Clock::time_point rate_at_;
  uint64_t rate_bytes_ = 0;
};

/// The process's peak resident memory so far, in KiB.
long PeakMemoryKb();

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_PROGRESS_H_

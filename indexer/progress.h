// Build progress: a bar that redraws in place on a terminal, plain lines at
// intervals otherwise (a log file gets no carriage returns).

#ifndef CSTD_INDEXER_PROGRESS_H_
#define CSTD_INDEXER_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace cstd::indexer {

class Progress {
 public:
  /// Reports on `out`; `terminal` selects the bar.
  Progress(std::ostream& out, bool terminal) : out_(out), terminal_(terminal) {}

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

 private:
  void Draw(bool force);

  std::ostream& out_;
  bool terminal_;
  std::mutex mutex_;
  size_t files_total_ = 0, files_done_ = 0;
  uint64_t bytes_total_ = 0, bytes_done_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

/// The process's peak resident memory so far, in KiB.
long PeakMemoryKb();

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_PROGRESS_H_

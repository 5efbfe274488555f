#include "indexer/progress.h"

#include <sys/resource.h>

#include <cstdio>
#include <string>

namespace cstd::indexer {

void Progress::Start(size_t files, uint64_t bytes) {
  const std::lock_guard lock(mutex_);
  files_total_ = files;
  bytes_total_ = bytes;
  files_done_ = 0;
  bytes_done_ = 0;
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

void Progress::Advance(uint64_t bytes) {
  const std::lock_guard lock(mutex_);
  ++files_done_;
  bytes_done_ += bytes;
  Draw(false);
}

void Progress::Draw(bool force) {
  const auto now = std::chrono::steady_clock::now();
  const auto every = terminal_ ? std::chrono::duration_cast<std::chrono::milliseconds>(kTerminalEvery)
                               : std::chrono::duration_cast<std::chrono::milliseconds>(kLogEvery);
  if (!force && now - last_draw_ < every && files_done_ != files_total_) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double mb = static_cast<double>(bytes_done_) / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  const double left = rate > 0 ? (static_cast<double>(bytes_total_) / 1e6 - mb) / rate : 0;
  const double fraction = bytes_total_ ? static_cast<double>(bytes_done_) / static_cast<double>(bytes_total_) : 1;
  char line[200];
  const long eta = static_cast<long>(left + 0.5);
  if (terminal_) {
    constexpr int kWidth = 30;
    std::string bar(kWidth, ' ');
    for (int i = 0; i < static_cast<int>(fraction * kWidth) && i < kWidth; ++i) bar[i] = '=';
    std::snprintf(line, sizeof line, "\r[%s] %zu/%zu files  %.1f MB  %.2f MB/s  ETA %ld:%02ld ", bar.c_str(),
                  files_done_, files_total_, mb, rate, eta / 60, eta % 60);
    out_ << line << std::flush;
    drawn_ = true;
  } else {
    std::snprintf(line, sizeof line, "progress: %zu/%zu files, %.1f MB, %.2f MB/s, ETA %ld:%02ld\n", files_done_,
                  files_total_, mb, rate, eta / 60, eta % 60);
    out_ << line << std::flush;
  }
}

void Progress::Phase(const char* what) {
  const std::lock_guard lock(mutex_);
  if (drawn_) out_ << "\n";
  drawn_ = false;
  out_ << what << "\n" << std::flush;
}

void Progress::Warn(const std::string& text) {
  const std::lock_guard lock(mutex_);
  if (drawn_) out_ << "\r\033[K";  // clear the bar's line; it is redrawn on the next file
  out_ << text << "\n" << std::flush;
}

void Progress::Finish() {
  const std::lock_guard lock(mutex_);
  if (drawn_) out_ << "\n" << std::flush;
  drawn_ = false;
}

long PeakMemoryKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace cstd::indexer

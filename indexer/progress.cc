#include "indexer/progress.h"

#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "model/pause_point.h"

namespace cstd::indexer {

void Progress::Start(size_t files, uint64_t bytes) {
  const std::lock_guard lock(mutex_);
  files_total_ = files;
  bytes_total_ = bytes;
  files_done_ = 0;
  bytes_done_ = 0;
  start_ = last_draw_ = rate_at_ = now_();
  rate_ = 0;
  have_rate_ = false;
  rate_bytes_ = 0;
}

void Progress::Advance(uint64_t bytes) {
  const std::lock_guard lock(mutex_);
  ++files_done_;
  bytes_done_ += bytes;
  Draw(false);
  PausePoint("file", files_done_);
}

void Progress::Draw(bool force) {
  const auto now = now_();
  const auto every = terminal_ ? std::chrono::duration_cast<std::chrono::milliseconds>(kTerminalEvery)
                               : std::chrono::duration_cast<std::chrono::milliseconds>(kLogEvery);
  if (!force && now - last_draw_ < every && files_done_ != files_total_) return;
  last_draw_ = now;
  const double mb = static_cast<double>(bytes_done_) / 1e6;
  // The rate since the last measurement, folded into the moving average
  // with a weight that grows with the time it covers.
  const double since = std::chrono::duration<double>(now - rate_at_).count();
  if (since > 0) {
    const double measured = static_cast<double>(bytes_done_ - rate_bytes_) / 1e6 / since;
    const double weight = have_rate_ ? 1 - std::exp(-since / std::chrono::duration<double>(kRateWindow).count()) : 1.0;
    rate_ = weight * measured + (1 - weight) * rate_;
    have_rate_ = true;
    rate_at_ = now;
    rate_bytes_ = bytes_done_;
  }
  const double rate = rate_;
  const double fraction = bytes_total_ ? static_cast<double>(bytes_done_) / static_cast<double>(bytes_total_) : 1;
  // "--:--" until a rate is measured: an ETA of 0:00 at the start is wrong.
  char eta_text[32] = "--:--";
  if (have_rate_ && rate > 0) {
    const long eta = static_cast<long>((static_cast<double>(bytes_total_) / 1e6 - mb) / rate + 0.5);
    std::snprintf(eta_text, sizeof eta_text, "%ld:%02ld", eta / 60, eta % 60);
  } else if (files_done_ == files_total_) {
    std::snprintf(eta_text, sizeof eta_text, "0:00");
  }
  char line[200];
  if (terminal_) {
    constexpr int kWidth = 30;
    std::string bar(kWidth, ' ');
    for (int i = 0; i < static_cast<int>(fraction * kWidth) && i < kWidth; ++i) bar[i] = '=';
    std::snprintf(line, sizeof line, "\r[%s] %zu/%zu files  %.1f MB  %.2f MB/s  ETA %s ", bar.c_str(), files_done_,
                  files_total_, mb, rate, eta_text);
    out_ << line << std::flush;
    drawn_ = true;
  } else {
    std::snprintf(line, sizeof line, "progress: %zu/%zu files, %.1f MB, %.2f MB/s, ETA %s\n", files_done_, files_total_,
                  mb, rate, eta_text);
    out_ << line << std::flush;
  }
}

void Progress::Phase(const char* what) {
  const std::lock_guard lock(mutex_);
  if (drawn_) out_ << "\n";
  drawn_ = false;
  out_ << what << "\n" << std::flush;
  // "compacting 2 shards" pauses at "compacting".
  const std::string_view phase(what);
  PausePoint(phase.substr(0, phase.find(' ')));
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
  PausePoint("finish");
}

long PeakMemoryKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace cstd::indexer

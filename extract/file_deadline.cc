#include "extract/file_deadline.h"

#include <atomic>
#include <chrono>
#include <cstdio>

#include "model/errors.h"

namespace cstd::extract {

namespace {

using Clock = std::chrono::steady_clock;

std::atomic<double> g_limit_seconds{kDefaultFileTimeLimitSeconds};

struct Deadline {
  bool armed = false;
  std::string path;
  Clock::time_point at;
};

thread_local Deadline t_deadline;

}  // namespace

void SetFileTimeLimit(double seconds) {
  g_limit_seconds = seconds;
}

double FileTimeLimit() {
  return g_limit_seconds;
}

FileDeadline::FileDeadline(const std::string& path) {
  const double limit = g_limit_seconds;
  if (t_deadline.armed || limit <= 0) return;
  t_deadline.armed = armed_ = true;
  t_deadline.path = path;
  t_deadline.at = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limit));
}

FileDeadline::~FileDeadline() {
  if (armed_) t_deadline.armed = false;
}

void CheckFileDeadline() {
  if (!t_deadline.armed || Clock::now() < t_deadline.at) return;
  char limit[32];
  std::snprintf(limit, sizeof limit, "%g", g_limit_seconds.load());
  throw InputError(t_deadline.path, std::string("took longer than ") + limit +
                                        " s to read (the per-file time limit, --file-time-limit)");
}

}  // namespace cstd::extract

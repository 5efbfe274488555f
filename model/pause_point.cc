#include "model/pause_point.h"

#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace cstd {

namespace {

struct Target {
  bool set = false;
  std::string stage;
  size_t count = 1;
};

// Read once: the variable does not change while a build runs.
const Target& PauseTarget() {
  static const Target target = [] {
    Target t;
    const char* value = std::getenv(kPauseAtVariable);
    if (!value || !*value) return t;
    t.set = true;
    const std::string spec = value;
    const size_t colon = spec.find(':');
    t.stage = spec.substr(0, colon);
    if (colon != std::string::npos) t.count = std::strtoull(spec.c_str() + colon + 1, nullptr, 10);
    return t;
  }();
  return target;
}

}  // namespace

void PausePoint(std::string_view stage, size_t count) {
  const Target& target = PauseTarget();
  if (!target.set || stage != target.stage || count != target.count) return;
  // One write, so the line is whole even with other threads writing.
  const std::string line = "cstd: paused at " + std::string(stage) + ":" + std::to_string(count) + " (pid " +
                           std::to_string(::getpid()) + ")\n";
  if (::write(STDERR_FILENO, line.data(), line.size()) < 0) {
    // Nothing to do: the stop is what the test waits for.
  }
  ::raise(SIGSTOP);
}

}  // namespace cstd

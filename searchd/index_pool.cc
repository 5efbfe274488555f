#include "searchd/index_pool.h"

#include <chrono>
#include <memory>
#include <unordered_map>

#include "model/index_layout.h"

namespace cstd::searchd {

namespace {

struct ThreadState {
  std::unique_ptr<query::Searcher> searcher;
  std::string generation;
  std::chrono::steady_clock::time_point checked;
};

// Keyed by index folder so tests may run several pools in one process.
thread_local std::unordered_map<std::string, ThreadState> t_states;

}  // namespace

IndexPool::IndexPool(std::string index_dir) : index_dir_(std::move(index_dir)) {
  OpenIndex(index_dir_);
}

const query::Searcher& IndexPool::ForThisThread() {
  ThreadState& state = t_states[index_dir_];
  const auto now = std::chrono::steady_clock::now();
  if (state.searcher && now - state.checked < std::chrono::milliseconds(kGenerationCheckMillis)) {
    return *state.searcher;
  }
  state.checked = now;
  const std::string generation = ReadCurrentGeneration(index_dir_).value_or("");
  if (!state.searcher || generation != state.generation) {
    state.searcher = std::make_unique<query::Searcher>(OpenIndex(index_dir_));
    state.generation = generation;
  }
  return *state.searcher;
}

void IndexPool::ReopenThisThread() {
  t_states.erase(index_dir_);
}

}  // namespace cstd::searchd

#include "query/caching_stem.h"

#include <unordered_map>

namespace cstd::query {

namespace {

class Caching : public Xapian::StemImplementation {
 public:
  Caching(const std::string& language, size_t capacity) : stem_(language), capacity_(capacity) {}

  std::string operator()(const std::string& word) override {
    const auto it = stems_.find(word);
    if (it != stems_.end()) return it->second;
    // Forgetting everything at once keeps the cache simple; a full cache
    // means an unusual stream of words, and the next thousand stems refill
    // what is common.
    if (stems_.size() >= capacity_) stems_.clear();
    return stems_.emplace(word, stem_(word)).first->second;
  }

  std::string get_description() const override { return "caching " + stem_.get_description(); }

 private:
  Xapian::Stem stem_;
  size_t capacity_;
  std::unordered_map<std::string, std::string> stems_;
};

}  // namespace

Xapian::Stem CachingStem(const std::string& language, size_t capacity) {
  return Xapian::Stem(new Caching(language, capacity));
}

}  // namespace cstd::query

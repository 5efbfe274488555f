#include "searchd/shard_set.h"

#include <chrono>
#include <future>
#include <thread>

#include "model/errors.h"
#include "model/index_layout.h"
#include "model/schema.h"
#include "model/shard.h"
#include "model/text.h"
#include "query/http_client.h"

namespace cstd::searchd {

std::vector<Endpoint> ParseEndpoints(const std::string& parameter, const std::string& list) {
  std::vector<Endpoint> out;
  for (const std::string& item : query::SplitList(list)) {
    const size_t colon = item.rfind(':');
    const auto port = colon == std::string::npos ? std::nullopt : text::ParseInt(item.substr(colon + 1));
    if (colon == 0 || !port || *port < 1 || *port > 65535) {
      throw UsageError(parameter, parameter + "=" + list + ": '" + item + "' is not HOST:PORT");
    }
    out.push_back({item.substr(0, colon), item.substr(colon + 1)});
  }
  if (out.empty()) throw UsageError(parameter, parameter + ": no HOST:PORT given");
  return out;
}

ShardSet::ShardSet(std::vector<Endpoint> counting, std::vector<Endpoint> ranking)
    : counting_(std::move(counting)), ranking_(std::move(ranking)) {
  if (counting_.size() != ranking_.size()) {
    throw UsageError("--shard-ranking", "--shard-ranking names " + std::to_string(ranking_.size()) +
                                            " servers for " + std::to_string(counting_.size()) +
                                            " shards; give each shard's xapian-tcpsrv, in the order of --shards");
  }
  if (counting_.size() > kMaxShards) {
    throw UsageError("--shards", "--shards names more than " + std::to_string(kMaxShards) + " shards");
  }
}

std::string ShardSet::Name(size_t index) const {
  return "shard " + ShardSpec{static_cast<unsigned>(index + 1), static_cast<unsigned>(size())}.ToString() +
         " (searchd " + counting_[index].ToString() + ", xapian-tcpsrv " + ranking_[index].ToString() + ")";
}

namespace {

// Counts from every shard's searchd, summed; each answer checked to come
// from the shard and generation that the view's ranking connection reads.
class ShardCounter : public query::CountSource {
 public:
  ShardCounter(const ShardSet& set, std::vector<std::string> generations)
      : set_(set), generations_(std::move(generations)) {}

  query::Counts Count(const query::SearchRequest& request) const override {
    const std::string target = "/v1/shard/counts?" + query::ShardCountsQuery(request);
    std::vector<std::future<query::Counts>> parts;
    for (size_t k = 0; k < set_.size(); ++k) {
      parts.push_back(std::async(std::launch::async, [this, k, &target] { return One(k, target); }));
    }
    query::Counts sum;
    for (query::FacetField f : request.facets) sum.facets.push_back({f, {}});
    // Every answer is waited for (get), so no thread outlives the request;
    // the first error is the one reported.
    std::exception_ptr failure;
    for (auto& part : parts) {
      try {
        query::AddCounts(sum, part.get());
      } catch (...) {
        if (!failure) failure = std::current_exception();
      }
    }
    if (failure) std::rethrow_exception(failure);
    return sum;
  }

 private:
  query::Counts One(size_t k, const std::string& target) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kShardGenerationWaitMillis);
    const std::string expected_shard =
        ShardSpec{static_cast<unsigned>(k + 1), static_cast<unsigned>(set_.size())}.ToString();
    for (;;) {
      query::HttpResult r;
      try {
        r = query::HttpGet(set_.counting(k).host, set_.counting(k).port, target);
      } catch (const Error& e) {
        throw ShardUnavailableError(set_.Name(k) + " is unavailable: " + e.what());
      }
      if (r.status == 400) throw UsageError("q", set_.Name(k) + " refused the request: " + r.body);
      if (r.status != 200) {
        throw ShardUnavailableError(set_.Name(k) + " is unavailable: it answered HTTP " + std::to_string(r.status));
      }
      query::ShardCounts counts;
      try {
        counts = query::ParseShardCounts(r.body);
      } catch (const std::runtime_error& e) {
        throw ShardUnavailableError(set_.Name(k) + " is unavailable: " + e.what());
      }
      if (counts.shard != expected_shard) {
        throw ShardUnavailableError(set_.Name(k) + " is unavailable: its searchd serves " +
                                    (counts.shard.empty() ? "a whole index" : "shard " + counts.shard));
      }
      if (counts.generation == generations_[k]) return std::move(counts.counts);
      // Generation names sort in the order they were made
      // (model/index_layout.h). A searchd ahead of the view: the view is
      // stale, and is reopened (IndexPool::WithRetry). Behind it: it has
      // not yet seen the switch its ranking server has, and follows soon.
      if (counts.generation > generations_[k]) {
        throw Xapian::DatabaseModifiedError(set_.Name(k) + " moved to " + counts.generation);
      }
      if (std::chrono::steady_clock::now() > deadline) {
        throw ShardUnavailableError(set_.Name(k) + " is unavailable: its searchd serves " + counts.generation +
                                    ", its xapian-tcpsrv " + generations_[k]);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  const ShardSet& set_;
  std::vector<std::string> generations_;  // of each shard's ranking connection
};

}  // namespace

std::unique_ptr<query::Searcher> ShardSet::Open(const query::SearchLimits& limits) const {
  // Xapian's defaults: 10 s for a reply, and for a connection.
  constexpr unsigned kTimeoutMs = 10000;
  std::vector<Xapian::Database> shards;
  std::vector<std::string> generations;
  for (size_t k = 0; k < size(); ++k) {
    const std::string expected = ShardSpec{static_cast<unsigned>(k + 1), static_cast<unsigned>(size())}.ToString();
    try {
      Xapian::Database db = Xapian::Remote::open(ranking_[k].host, static_cast<unsigned>(std::stoul(ranking_[k].port)),
                                                 kTimeoutMs, kTimeoutMs);
      const std::string shard = db.get_metadata(std::string(schema::kMetaShard));
      if (shard != expected) {
        throw ShardUnavailableError(Name(k) + " is unavailable: its xapian-tcpsrv serves " +
                                    (shard.empty() ? "a whole index" : "shard " + shard));
      }
      CheckSchemaVersion(db, Name(k));
      generations.push_back(db.get_metadata(std::string(schema::kMetaGeneration)));
      shards.push_back(std::move(db));
    } catch (const Xapian::Error& e) {
      throw ShardUnavailableError(Name(k) + " is unavailable: " + e.get_msg());
    }
  }
  auto counter = std::make_shared<ShardCounter>(*this, std::move(generations));
  return std::make_unique<query::Searcher>(std::move(shards), std::move(counter), limits);
}

}  // namespace cstd::searchd

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
#include "query/shard_spellings.h"

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

ShardSet::ShardSet(std::vector<Endpoint> counting, std::vector<Endpoint> ranking, ShardService service)
    : counting_(std::move(counting)), ranking_(std::move(ranking)), service_(service) {
  if (counting_.size() != ranking_.size()) {
    throw UsageError("--shard-ranking", "--shard-ranking names " + std::to_string(ranking_.size()) +
                                            " servers for " + std::to_string(counting_.size()) +
                                            " shards; give each shard's xapian-tcpsrv, in the order of --shards");
  }
  if (counting_.size() > kMaxShards) {
    throw UsageError("--shards", "--shards names more than " + std::to_string(kMaxShards) + " shards");
  }
}

ShardSpec ShardSet::Spec(size_t index) const {
  return {static_cast<unsigned>(index + 1), static_cast<unsigned>(size())};
}

std::string ShardSet::Name(size_t index) const {
  return "shard " + Spec(index).ToString() + " (searchd " + counting_[index].ToString() + ", xapian-tcpsrv " + ranking_[index].ToString() + ")";
}

namespace {

// What shard k's searchd answers at `target` (a /v1/shard/ endpoint), read
// by `parse` into an answer that is a query::ShardOrigin, checked to come from the shard and `generation` that the
// view's ranking connection reads. Throws ShardUnavailableError naming the
// shard when it cannot answer, Xapian::DatabaseModifiedError when it has
// moved to a newer generation than the view (the view is stale), UsageError
// when it refuses the request.
template <typename Parse>
auto AskShard(const ShardSet& set, size_t k, const std::string& generation, const std::string& target, Parse parse)
    -> decltype(parse(std::string_view())) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kShardGenerationWaitMillis);
  const std::string expected_shard = set.Spec(k).ToString();
  for (;;) {
    query::HttpResult r;
    try {
      r = query::HttpGet(set.counting(k).host, set.counting(k).port, target);
    } catch (const Error& e) {
      throw ShardUnavailableError(set.Name(k) + " is unavailable: " + e.what());
    }
    if (r.status == 400) throw UsageError("q", set.Name(k) + " refused the request: " + r.body);
    if (r.status != 200) {
      throw ShardUnavailableError(set.Name(k) + " is unavailable: it answered HTTP " + std::to_string(r.status));
    }
    decltype(parse(std::string_view())) answer;
    try {
      answer = parse(r.body);
    } catch (const std::runtime_error& e) {
      throw ShardUnavailableError(set.Name(k) + " is unavailable: " + e.what());
    }
    if (answer.shard != expected_shard) {
      throw ShardUnavailableError(set.Name(k) + " is unavailable: its searchd serves " +
                                  (answer.shard.empty() ? "a whole index" : "shard " + answer.shard));
    }
    if (answer.generation == generation) return answer;
    // Generation names sort in the order they were made
    // (model/index_layout.h). A searchd ahead of the view: the view is
    // stale, and is reopened (IndexPool::WithRetry). Behind it: it has
    // not yet seen the switch its ranking server has, and follows soon.
    if (answer.generation > generation) {
      throw Xapian::DatabaseModifiedError(set.Name(k) + " moved to " + answer.generation);
    }
    if (std::chrono::steady_clock::now() > deadline) {
      throw ShardUnavailableError(set.Name(k) + " is unavailable: its searchd serves " + answer.generation +
                                  ", its xapian-tcpsrv " + generation);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

// The counts of shard k for the /v1/shard/counts `target` (AskShard).
query::Counts CountOn(const ShardSet& set, size_t k, const std::string& generation, const std::string& target) {
  return AskShard(set, k, generation, target, query::ParseShardCounts).counts;
}

// The target of a count of nothing: what asks a shard's searchd whether it
// answers, for the shard and generation expected.
std::string NothingTarget() {
  query::SearchRequest nothing;
  nothing.facets.clear();
  return "/v1/shard/counts?" + query::ShardCountsQuery(nothing);
}

// Runs `one(i)` for i in [0, n) at once, each on its own thread, and
// returns what each threw (null for none). Every call is waited for, so no
// thread outlives the caller.
template <typename Result, typename One>
std::vector<std::exception_ptr> AllAtOnce(size_t n, One one, std::vector<Result>* results) {
  std::vector<std::future<Result>> parts;
  for (size_t i = 0; i < n; ++i) parts.push_back(std::async(std::launch::async, [&one, i] { return one(i); }));
  std::vector<std::exception_ptr> failures(n);
  for (size_t i = 0; i < n; ++i) {
    try {
      results->push_back(parts[i].get());
    } catch (...) {
      failures[i] = std::current_exception();
    }
  }
  return failures;
}

// `one(i)` for every i in [0, n), run at once (AllAtOnce), in order; the
// first failure, in order, is thrown: never a result of some shards only.
template <typename Result, typename One>
std::vector<Result> AllOrFirstFailure(size_t n, One one) {
  std::vector<Result> results;
  for (const auto& failure : AllAtOnce(n, one, &results)) {
    if (failure) std::rethrow_exception(failure);
  }
  return results;
}

// Counts from the searchd of every shard a view reads (`shards`, indices
// into the set, each with the generation of its ranking connection),
// summed.
class ShardCounter : public query::CountSource {
 public:
  ShardCounter(const ShardSet& set, std::vector<size_t> shards, std::vector<std::string> generations)
      : set_(set), shards_(std::move(shards)), generations_(std::move(generations)) {}

  query::Counts Count(const query::SearchRequest& request, const std::string* text) const override {
    const std::string target = "/v1/shard/counts?" + query::ShardCountsQuery(request, text);
    const auto parts = AllOrFirstFailure<query::Counts>(
        shards_.size(), [&](size_t i) { return CountOn(set_, shards_[i], generations_[i], target); });
    query::Counts sum;
    for (query::FacetField f : request.facets) sum.facets.push_back({f, {}});
    for (const query::Counts& part : parts) query::AddCounts(sum, part);
    return sum;
  }

  query::ProfileCounts CountProfile(query::FacetField kind, const std::string& id) const override {
    const std::string target = "/v1/shard/profile?field=" + std::string(query::FacetName(kind)) +
                               "&id=" + query::UrlEncode(id);
    const auto parts = AllOrFirstFailure<query::ProfileCounts>(shards_.size(), [&](size_t i) {
      return AskShard(set_, shards_[i], generations_[i], target, query::ParseShardProfile).counts;
    });
    query::ProfileCounts sum;
    for (const query::ProfileCounts& part : parts) query::AddProfileCounts(sum, part);
    return sum;
  }

  std::vector<query::TopicPassage> TopicPassages(query::FacetField kind, const std::string& id,
                                                 uint64_t bound) const override {
    const std::string target = "/v1/shard/topic_passages?field=" + std::string(query::FacetName(kind)) +
                               "&id=" + query::UrlEncode(id) + "&upto=" + std::to_string(bound);
    const auto parts = AllOrFirstFailure<std::vector<query::TopicPassage>>(shards_.size(), [&](size_t i) {
      return AskShard(set_, shards_[i], generations_[i], target, query::ParseShardTopicPassages).passages;
    });
    std::vector<query::TopicPassage> all;
    for (const auto& part : parts) all.insert(all.end(), part.begin(), part.end());
    return all;
  }

  std::vector<Xapian::doccount> TermFreqs(const std::vector<std::string>& words) const override {
    // Words go in the request line: batches well within any header limit a
    // shard's searchd is likely given (Beast's default is 8 KiB), commas
    // percent-encoded included.
    constexpr size_t kBatchBytes = 4 * 1024;
    const std::vector<std::string> batches = query::TermFreqsBatches(words, kBatchBytes);
    const auto parts = AllOrFirstFailure<std::vector<Xapian::doccount>>(shards_.size(), [&](size_t i) {
      std::vector<Xapian::doccount> freqs;
      for (const std::string& batch : batches) {
        const auto part = AskShard(set_, shards_[i], generations_[i],
                                   "/v1/shard/termfreqs?terms=" + query::UrlEncode(batch), query::ParseShardTermFreqs)
                              .termfreqs;
        freqs.insert(freqs.end(), part.begin(), part.end());
      }
      if (freqs.size() != words.size()) {
        throw ShardUnavailableError(set_.Name(shards_[i]) + " is unavailable: it gave " +
                                    std::to_string(freqs.size()) + " term frequencies for " +
                                    std::to_string(words.size()) + " words");
      }
      return freqs;
    });
    std::vector<Xapian::doccount> sum(words.size(), 0);
    for (const auto& part : parts) {
      for (size_t w = 0; w < sum.size(); ++w) sum[w] += part[w];
    }
    return sum;
  }

 private:
  const ShardSet& set_;
  std::vector<size_t> shards_;
  std::vector<std::string> generations_;  // of each shard's ranking connection
};

}  // namespace

Xapian::Database ShardSet::OpenRanking(size_t k, std::string* generation, std::string* layout) const {
  // Xapian's defaults: 10 s for a reply, and for a connection.
  constexpr unsigned kTimeoutMs = 10000;
  const std::string expected = Spec(k).ToString();
  try {
    Xapian::Database db = Xapian::Remote::open(ranking_[k].host, static_cast<unsigned>(std::stoul(ranking_[k].port)),
                                               kTimeoutMs, kTimeoutMs);
    const std::string shard = db.get_metadata(std::string(schema::kMetaShard));
    if (shard != expected) {
      throw ShardUnavailableError(Name(k) + " is unavailable: its xapian-tcpsrv serves " +
                                  (shard.empty() ? "a whole index" : "shard " + shard));
    }
    CheckSchemaVersion(db, Name(k));
    *generation = db.get_metadata(std::string(schema::kMetaGeneration));
    *layout = db.get_metadata(std::string(schema::kMetaShardLayout));
    return db;
  } catch (const Xapian::Error& e) {
    throw ShardUnavailableError(Name(k) + " is unavailable: " + e.get_msg());
  }
}

std::shared_ptr<const query::ParserTable> ShardSet::ParserTableFor(const std::vector<size_t>& live,
                                                                  const std::vector<std::string>& generations) const {
  std::vector<std::pair<size_t, std::string>> key;
  for (size_t i = 0; i < live.size(); ++i) key.emplace_back(live[i], generations[i]);
  // Held while the table is made: the threads that open a view meanwhile
  // need the same table, and wait for it rather than each asking again.
  const std::lock_guard lock(parser_mutex_);
  if (parser_table_ && parser_key_ == key) return parser_table_;
  const auto tables = AllOrFirstFailure<std::vector<query::SpellingWord>>(live.size(), [&](size_t i) {
    return AskShard(*this, live[i], generations[i], "/v1/shard/spellings", query::ParseShardSpellings).words;
  });
  parser_table_ = std::make_shared<const query::ParserTable>(query::SumSpellings(tables));
  parser_key_ = std::move(key);
  return parser_table_;
}

std::unique_ptr<query::Searcher> ShardSet::Open(const query::SearchLimits& limits) const {
  const bool partial = service_ == ShardService::kPartial;
  // Why each shard is left out ("" for a shard in the view).
  std::vector<std::string> left_out(size());
  std::vector<size_t> live;
  std::vector<std::string> generations;
  std::vector<std::string> layouts;  // of each shard in `live`
  query::ShardDatabases shards;
  shards.of = static_cast<unsigned>(size());
  for (size_t k = 0; k < size(); ++k) {
    std::string generation, layout;
    try {
      shards.databases.push_back(OpenRanking(k, &generation, &layout));
    } catch (const ShardUnavailableError& e) {
      if (!partial) throw;
      left_out[k] = e.what();
      continue;
    }
    live.push_back(k);
    generations.push_back(std::move(generation));
    layouts.push_back(std::move(layout));
  }
  if (partial) {
    // Each live shard's searchd too: a shard that ranks but cannot count
    // is left out of both.
    const std::string target = NothingTarget();
    std::vector<query::Counts> ignored;
    const auto failures =
        AllAtOnce(live.size(), [&](size_t i) { return CountOn(*this, live[i], generations[i], target); }, &ignored);
    for (size_t i = live.size(); i-- > 0;) {
      if (!failures[i]) continue;
      try {
        std::rethrow_exception(failures[i]);
      } catch (const ShardUnavailableError& e) {
        left_out[live[i]] = e.what();
      }
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(i));
      generations.erase(generations.begin() + static_cast<std::ptrdiff_t>(i));
      layouts.erase(layouts.begin() + static_cast<std::ptrdiff_t>(i));
      shards.databases.erase(shards.databases.begin() + static_cast<std::ptrdiff_t>(i));
    }
    for (size_t k = 0; k < size(); ++k) {
      if (!left_out[k].empty()) shards.missing.push_back({counting_[k].ToString(), left_out[k]});
    }
    if (live.empty()) throw ShardUnavailableError("no shard answers: " + left_out.front());
  }
  for (size_t k : live) shards.numbers.push_back(Spec(k).index);
  // Shards built to different layouts hold documents twice or not at all:
  // never served together, whatever the flag.
  for (size_t i = 1; i < live.size(); ++i) {
    if (layouts[i] != layouts[0]) {
      throw ShardUnavailableError(Name(live[i]) + " was built to another shard layout than " + Name(live[0]) +
                                  " (cstd-indexer build --shard-layout): rebuild it to the same one");
    }
  }
  shards.by_hash = layouts.empty() || layouts[0].empty();
  shards.parser_table = ParserTableFor(live, generations);
  auto counter = std::make_shared<ShardCounter>(*this, live, std::move(generations));
  return std::make_unique<query::Searcher>(std::move(shards), std::move(counter), limits);
}

}  // namespace cstd::searchd

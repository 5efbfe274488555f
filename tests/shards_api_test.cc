// Shards end to end (README, "Shards and read replicas"): the CSTD corpus and
// a slice of the UN General Debate speeches indexed once as one index and
// once as three shards (cstd-indexer build --shard K/3), each shard served by
// its own cstd-searchd and xapian-tcpsrv on loopback, and a cstd-searchd
// --shards over them. Its answers must be the single index's: the same
// totals, the same facet counts (multi-valued, multi-select), the same hits
// in the same order (ties aside). A shard that is down is a 503 naming it,
// or with --shard-partial a search over the others marked as partial.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include "query/http_client.h"
#include "tests/support/process.h"

namespace cstd::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kShards = 3;

// A loopback port no one listens on now (xapian-tcpsrv takes no port 0).
std::string FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &size) != 0) {
    ::close(fd);
    throw std::runtime_error("no free port");
  }
  ::close(fd);
  return std::to_string(ntohs(a.sin_port));
}

// Waits (up to 20 s) until something accepts connections on the loopback
// `port`: xapian-tcpsrv says nothing when it is ready.
void WaitForPort(const std::string& port) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(std::stoi(port)));
    const bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    if (up) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("nothing listens on port " + port);
}

std::string Address(const ServerProcess& s) { return s.host() + ":" + s.port(); }

// `v` as JSON text, without the time it took (which differs every time)
// and without the members named in `without`.
std::string Text(const rapidjson::Value& v, std::initializer_list<const char*> without = {}) {
  rapidjson::Document copy;
  copy.CopyFrom(v, copy.GetAllocator());
  if (copy.IsObject()) {
    copy.RemoveMember("took_ms");
    for (const char* name : without) copy.RemoveMember(name);
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  copy.Accept(w);
  return buffer.GetString();
}

class ShardsApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new TempDir("shards");
    const fs::path root = temp_->path();
    const fs::path archive = root / "archive";
    fs::create_directories(archive / "ungdc");
    for (const auto& entry : fs::directory_iterator(SharedCorpus())) {
      fs::copy_file(entry.path(), archive / entry.path().filename());
    }
    // Two sessions' worth of speeches, a few dozen files: enough for many
    // delegations, speakers and years, small enough for CI.
    const std::string shared = CSTD_SHARED_DIR;
    const RunResult unpack =
        RunCommand({"/usr/bin/tar", "-I", "zstd", "-xf", shared + "/corpus/ungdc/ungdc-1946-2023.tar.zst", "-C",
                    (archive / "ungdc").string(), "--wildcards", "*/B??_78_2023.txt", "*/K??_75_2020.txt"});
    ASSERT_EQ(unpack.exit_code, 0) << unpack.err;
    const std::string catalogue = shared + "/corpus/ungdc/speakers.csv";
    const auto build = [&](const std::string& index, std::vector<std::string> extra) {
      std::vector<std::string> argv = {ProgramPath("cstd-indexer"), "build", "--index", index, "--metadata", catalogue};
      argv.insert(argv.end(), extra.begin(), extra.end());
      argv.push_back(archive.string());
      const RunResult r = RunCommand(argv);
      ASSERT_EQ(r.exit_code, 0) << r.err;
    };
    build((root / "single").string(), {});
    for (int k = 1; k <= kShards; ++k) {
      build(ShardIndex(k), {"--shard", std::to_string(k) + "/" + std::to_string(kShards)});
    }
    single_ = new ServerProcess((root / "single").string());
    for (int k = 1; k <= kShards; ++k) rankers_.push_back(StartRanker(ShardIndex(k), &ranking_).release());
    counting_ = new ShardServers();
    sharded_ = new ServerProcess("", {"--shards", counting_->list, "--shard-ranking", ranking_});
  }

  static void TearDownTestSuite() {
    delete sharded_;  // its connections to the rankers go first
    delete counting_;
    for (ChildProcess* r : rankers_) delete r;
    rankers_.clear();
    ranking_.clear();
    delete single_;
    delete temp_;
  }

  static std::string ShardIndex(int k) { return temp_->path() + "/shard-" + std::to_string(k); }
  static std::vector<std::string> HashShards() {
    std::vector<std::string> out;
    for (int k = 1; k <= kShards; ++k) out.push_back(ShardIndex(k));
    return out;
  }

  // A xapian-tcpsrv serving the shard in `index` on a loopback port, once
  // it accepts connections; its address is added to the list `ranking`.
  static std::unique_ptr<ChildProcess> StartRanker(const std::string& index, std::string* ranking) {
    const std::string port = FreePort();
    auto ranker = std::make_unique<ChildProcess>(
        std::vector<std::string>{CSTD_XAPIAN_TCPSRV, "--interface", "127.0.0.1", "--port", port, "--quiet",
                                 index + "/xapian-stub"});
    WaitForPort(port);
    *ranking += (ranking->empty() ? "" : ",") + std::string("127.0.0.1:") + port;
    return ranker;
  }

  // A cstd-searchd on each shard (the fixture's, or those in `indexes`),
  // and their --shards list.
  struct ShardServers {
    ShardServers() : ShardServers(HashShards()) {}
    explicit ShardServers(const std::vector<std::string>& indexes) {
      for (const std::string& index : indexes) {
        servers.push_back(std::make_unique<ServerProcess>(index, std::vector<std::string>{"--threads", "2"}));
        list += (list.empty() ? "" : ",") + Address(*servers.back());
      }
    }
    std::vector<std::unique_ptr<ServerProcess>> servers;
    std::string list;
  };

  static rapidjson::Document Get(const ServerProcess& server, const std::string& target, int* status = nullptr) {
    const query::HttpResult r = query::HttpGet(server.host(), server.port(), target);
    if (status) *status = r.status;
    rapidjson::Document d;
    d.Parse(r.body.c_str());
    EXPECT_FALSE(d.HasParseError()) << target << ": " << r.body;
    return d;
  }

  static TempDir* temp_;
  static ServerProcess* single_;
  static std::vector<ChildProcess*> rankers_;
  static std::string ranking_;
  static ShardServers* counting_;
  static ServerProcess* sharded_;
};

TempDir* ShardsApiTest::temp_ = nullptr;
ServerProcess* ShardsApiTest::single_ = nullptr;
std::vector<ChildProcess*> ShardsApiTest::rankers_;
std::string ShardsApiTest::ranking_;
ShardsApiTest::ShardServers* ShardsApiTest::counting_ = nullptr;
ServerProcess* ShardsApiTest::sharded_ = nullptr;

// The hits of two pages of one search, ties aside: the same scores in the
// same order; a hit whose score no other hit on the page shares is the same
// passage, with the same fields and citation, at the same place; the hits
// sharing a score are the same passages. The snippet may show another
// window of the same passage. The page's last score is left out
// of both: its tie may run past the page's end (which of the tied hits
// make the page is then the matcher's choice).
void ExpectSameHits(const rapidjson::Value& one, const rapidjson::Value& sharded, const std::string& what) {
  ASSERT_EQ(one.Size(), sharded.Size()) << what;
  std::map<double, std::pair<std::multiset<std::string>, std::multiset<std::string>>> tied;
  for (rapidjson::SizeType i = 0; i < one.Size(); ++i) {
    const double score = one[i]["score"].GetDouble();
    ASSERT_EQ(score, sharded[i]["score"].GetDouble()) << what << ": hit " << i;
    tied[score].first.insert(one[i]["passage_id"].GetString());
    tied[score].second.insert(sharded[i]["passage_id"].GetString());
  }
  const double last = one.Size() > 0 ? one[one.Size() - 1]["score"].GetDouble() : 0;
  for (rapidjson::SizeType i = 0; i < one.Size(); ++i) {
    const double score = one[i]["score"].GetDouble();
    if (tied[score].first.size() == 1 && score != last) {
      // Xapian picks a snippet's window by the weights of the words in the
      // MSet it came from, which over shards are not quite one index's: the
      // window may differ, the hit does not.
      EXPECT_EQ(Text(one[i], {"snippet"}), Text(sharded[i], {"snippet"})) << what << ": hit " << i;
      const auto marks = [](const rapidjson::Value& hit) {
        return std::string(hit["snippet"].GetString()).find("<mark>") != std::string::npos;
      };
      EXPECT_EQ(marks(one[i]), marks(sharded[i])) << what << ": hit " << i;
    }
  }
  for (const auto& [score, ids] : tied) {
    if (score != last) {
      EXPECT_EQ(ids.first, ids.second) << what << ": hits of score " << score;
    }
  }
}

// One row per kind of request: words, phrases, negation, every filter alone
// and together, multi-select (a faceted field's own filter), grouping,
// sorting, paging, the query language's fields.
const char* const kSearches[] = {
    "q=climate+change",
    "q=digital+divide&facets=country,speaker,session,year,action_line,type,body",
    "q=development&country=KEN,BRA&facets=country,year",
    "q=development&country=KEN&year=2020&facets=country,year,speaker",
    "q=&group=document",
    "q=women&sort=date_desc",
    "q=technology&year=2020..2023&facets=year,country,type",
    "q=ict&action_line=C5,C7&facets=action_line",
    "q=ict&action_line=C7&action_line_mode=explicit&facets=action_line",
    "q=nuclear+weapons&group=document&facets=country,speaker",
    "q=sustainable+development&per_page=50",
    "q=sustainable&page=3",
    "q=%22human+rights%22",
    "q=covid+-vaccine",
    "q=country:Kenya+climate",
    "q=peace&type=speech&body=UNGA&facets=type,body",
    "q=science+technology+innovation&session=25..27&facets=session",
    "q=data+governance&sort=date_asc&group=document",
    "q=&country=BRA,KAZ,KEN&facets=country,speaker,year",
};

TEST_F(ShardsApiTest, AnswersAsOneIndexDoes) {
  for (const char* search : kSearches) {
    const std::string target = std::string("/v1/search?") + search;
    int one_status = 0, sharded_status = 0;
    const rapidjson::Document one = Get(*single_, target, &one_status);
    const rapidjson::Document sharded = Get(*sharded_, target, &sharded_status);
    ASSERT_EQ(one_status, 200) << target;
    ASSERT_EQ(sharded_status, 200) << target << ": " << Text(sharded);
    EXPECT_EQ(one["total"].GetUint64(), sharded["total"].GetUint64()) << target;
    EXPECT_EQ(Text(one["facets"]), Text(sharded["facets"])) << target;
    ExpectSameHits(one["hits"], sharded["hits"], target);
  }
  // The table finds something: a comparison of empty answers proves nothing.
  const rapidjson::Document multi = Get(*sharded_, "/v1/search?q=&country=BRA,KAZ,KEN&facets=country");
  EXPECT_GE(multi["facets"]["country"].Size(), 3u);
}

// Spelling suggestions: Xapian's remote backend serves no spelling table,
// so the searchd over shards corrects from the sum of the shards' own
// (/v1/shard/spellings); it must suggest what the single index suggests,
// under the same filters, and nothing where that suggests nothing.
TEST_F(ShardsApiTest, SuggestsAsOneIndexDoes) {
  int suggested = 0;
  for (const char* search : {"q=internet+govrnance", "q=climte+change", "q=sustainble+developmnt",
                             "q=nuclar+weapons&country=KEN,BRA", "q=digitl+divide&year=2020", "q=pandemc",
                             "q=womn+empowerment&group=document", "q=governance", "q=zzqxv"}) {
    const std::string target = std::string("/v1/search?") + search;
    const rapidjson::Document one = Get(*single_, target);
    const rapidjson::Document sharded = Get(*sharded_, target);
    EXPECT_EQ(Text(one["suggestion"]), Text(sharded["suggestion"])) << target;
    if (one["suggestion"].IsString()) ++suggested;
  }
  // The table has corrections: a comparison of nulls proves nothing.
  EXPECT_GE(suggested, 4);
  // The coordinator has no table of its own to give.
  int status = 0;
  Get(*sharded_, "/v1/shard/spellings", &status);
  EXPECT_EQ(status, 501);
}

TEST_F(ShardsApiTest, FacetsDocumentsAndHealthAsOneIndex) {
  for (const char* target : {"/v1/facets/country?q=climate", "/v1/facets/speaker?q=development&prefix=k",
                             "/v1/facets/year?q=technology&year=2020", "/v1/labels",
                             "/v1/compare?q=climate&delegations=KEN,BRA,BHS&by=year"}) {
    int one_status = 0, sharded_status = 0;
    const auto one = Get(*single_, target, &one_status);
    const auto sharded = Get(*sharded_, target, &sharded_status);
    ASSERT_EQ(one_status, 200) << target;
    ASSERT_EQ(sharded_status, 200) << target;
    EXPECT_EQ(Text(one), Text(sharded)) << target;
  }
  // A document from each shard, read from the shard ShardOf names.
  std::set<std::string> shards_seen;
  for (const auto& counting : counting_->servers) {
    const auto hits = Get(*counting, "/v1/search?q=&per_page=1&facets=");
    ASSERT_EQ(hits["hits"].Size(), 1u);
    const std::string doc = hits["hits"][0]["doc_id"].GetString();
    shards_seen.insert(doc);
    EXPECT_EQ(Text(Get(*single_, "/v1/documents/" + doc)), Text(Get(*sharded_, "/v1/documents/" + doc))) << doc;
  }
  EXPECT_EQ(shards_seen.size(), static_cast<size_t>(kShards));
  const auto one = Get(*single_, "/v1/health");
  const auto sharded = Get(*sharded_, "/v1/health");
  EXPECT_EQ(one["index"]["documents"].GetUint64(), sharded["index"]["documents"].GetUint64());
  EXPECT_EQ(one["index"]["passages"].GetUint64(), sharded["index"]["passages"].GetUint64());
  EXPECT_STREQ(sharded["index"]["generation"].GetString(), "gen-000001,gen-000001,gen-000001");
}

// Speaker and delegation profiles: their figures are counts, which each
// shard's searchd gives for its part (/v1/shard/profile) and the
// coordinator adds up; their topics are Xapian's expansion over the
// shards with global statistics. The same profile as the single index's.
TEST_F(ShardsApiTest, ProfilesAsOneIndex) {
  std::vector<std::string> targets = {"/v1/countries/KEN", "/v1/countries/Brazil", "/v1/countries/BHS"};
  // The speakers of three delegations.
  const auto speakers = Get(*single_, "/v1/search?q=&country=KEN,BRA,KAZ&per_page=1&facets=speaker");
  for (const auto& v : speakers["facets"]["speaker"].GetArray()) {
    targets.push_back(std::string("/v1/speakers/") + v["value"].GetString());
  }
  ASSERT_GE(targets.size(), 6u) << Text(speakers);
  for (const std::string& target : targets) {
    int one_status = 0, sharded_status = 0;
    const auto one = Get(*single_, target, &one_status);
    const auto sharded = Get(*sharded_, target, &sharded_status);
    ASSERT_EQ(one_status, 200) << target << ": " << Text(one);
    ASSERT_EQ(sharded_status, 200) << target << ": " << Text(sharded);
    EXPECT_EQ(Text(one), Text(sharded)) << target;
    EXPECT_GT(one["passages"].GetUint64(), 0u) << target;
  }
  // A name that names no one is the single index's 404.
  int status = 0;
  Get(*sharded_, "/v1/speakers/Nobody%20Atall", &status);
  EXPECT_EQ(status, 404);
}

// A document's original file is on the machine of the shard that holds it:
// the coordinator has its shard's searchd read it (and check it against the
// index), and serves the same bytes, type and name as the single index.
TEST_F(ShardsApiTest, OriginalsComeFromTheShardThatHoldsThem) {
  // Requests of the original route a searchd has answered, from its metrics.
  const auto originals_served = [](const ServerProcess& server) {
    const query::HttpResult m = query::HttpGet(server.host(), server.port(), "/metrics");
    std::istringstream lines(m.body);
    uint64_t n = 0;
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("cstd_http_requests_total{endpoint=\"/v1/documents/{doc_id}/original\"", 0) == 0) {
        n += std::stoull(line.substr(line.rfind(' ') + 1));
      }
    }
    return n;
  };
  for (const auto& counting : counting_->servers) {
    const auto hits = Get(*counting, "/v1/search?q=&per_page=1&facets=");
    ASSERT_EQ(hits["hits"].Size(), 1u);
    const std::string target = std::string("/v1/documents/") + hits["hits"][0]["doc_id"].GetString() + "/original";
    const uint64_t before = originals_served(*counting);
    const query::HttpResult one = query::HttpGet(single_->host(), single_->port(), target);
    const query::HttpResult sharded = query::HttpGet(sharded_->host(), sharded_->port(), target);
    ASSERT_EQ(one.status, 200) << target << ": " << one.body;
    ASSERT_EQ(sharded.status, 200) << target << ": " << sharded.body;
    EXPECT_EQ(one.content_type, sharded.content_type) << target;
    EXPECT_EQ(one.body, sharded.body) << target;
    EXPECT_FALSE(one.body.empty()) << target;
    EXPECT_EQ(originals_served(*counting), before + 1) << target << ": not asked of the shard that holds it";
  }
  int status = 0;
  Get(*sharded_, "/v1/documents/no-such-document/original", &status);
  EXPECT_EQ(status, 404);
}

// Similar statements: the coordinator ranks a query it made (the passage's
// expand set) through Xapian, and each shard counts that same query, sent
// serialised (/v1/shard/counts?text_query=): totals and facets, grouped or
// not, must be the single index's, and so must the hits.
TEST_F(ShardsApiTest, SimilarStatementsAsOneIndex) {
  std::vector<std::string> passages;
  for (const char* search : {"q=climate+change&per_page=2&facets=", "q=digital+divide&per_page=2&facets=",
                             "q=data+governance&per_page=1&facets=", "q=nuclear&country=KAZ&per_page=1&facets="}) {
    const auto found = Get(*single_, std::string("/v1/search?") + search);
    for (const auto& hit : found["hits"].GetArray()) passages.push_back(hit["passage_id"].GetString());
  }
  ASSERT_GE(passages.size(), 5u);
  size_t counted = 0;
  for (const std::string& passage : passages) {
    for (const char* extra : {"per_page=10&facets=country,speaker,year,action_line,type,body", "group=document&facets=country,year",
                              "other_delegations=true&facets=country,session", "year=2019..2023&facets=year,action_line",
                              "facets="}) {
      const std::string target = "/v1/passages/" + passage + "/similar?" + extra;
      int one_status = 0, sharded_status = 0;
      const auto one = Get(*single_, target, &one_status);
      const auto sharded = Get(*sharded_, target, &sharded_status);
      ASSERT_EQ(one_status, 200) << target << ": " << Text(one);
      ASSERT_EQ(sharded_status, 200) << target << ": " << Text(sharded);
      EXPECT_EQ(one["total"].GetUint64(), sharded["total"].GetUint64()) << target;
      EXPECT_EQ(Text(one["facets"]), Text(sharded["facets"])) << target;
      EXPECT_EQ(Text(one["like_this"]), Text(sharded["like_this"])) << target;
      ExpectSameHits(one["hits"], sharded["hits"], target);
      if (one["total"].GetUint64() > 0 && one["facets"].MemberCount() > 0) ++counted;
    }
  }
  // Counts were compared, not empty answers.
  EXPECT_GE(counted, passages.size() * 3);
}

// Shards built to a layout (cstd-indexer build --shard-layout): the
// Commission's documents on one shard, the General Assembly's 2020 debate on
// another, the rest on a third. The coordinator answers as one index, as
// over hash shards; a document is found on the shard whose terms have it.
TEST_F(ShardsApiTest, ShardsByLayoutAnswerAsOneIndex) {
  const std::string layout = temp_->path() + "/layout.txt";
  {
    std::ofstream out(layout);
    out << "# SHARD RULE\n1 body CSTD\n2 session ..76\n3 *\n";
  }
  // A layout needs --shard, and as many shards as it names.
  for (const auto& argv : std::vector<std::vector<std::string>>{
           {"--shard-layout", layout}, {"--shard", "1/2", "--shard-layout", layout}}) {
    std::vector<std::string> command = {ProgramPath("cstd-indexer"), "build", "--index", temp_->path() + "/refused"};
    command.insert(command.end(), argv.begin(), argv.end());
    command.push_back(temp_->path() + "/archive");
    const RunResult r = RunCommand(command);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("--shard-layout"), std::string::npos) << r.err;
  }
  std::vector<std::string> indexes;
  for (int k = 1; k <= kShards; ++k) {
    indexes.push_back(temp_->path() + "/layout-shard-" + std::to_string(k));
    const RunResult r = RunCommand({ProgramPath("cstd-indexer"), "build", "--index", indexes.back(), "--metadata",
                                    std::string(CSTD_SHARED_DIR) + "/corpus/ungdc/speakers.csv", "--shard",
                                    std::to_string(k) + "/" + std::to_string(kShards), "--shard-layout", layout,
                                    temp_->path() + "/archive"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string ranking;
  std::vector<std::unique_ptr<ChildProcess>> rankers;
  for (const std::string& index : indexes) rankers.push_back(StartRanker(index, &ranking));
  ShardServers counting(indexes);
  const ServerProcess sharded("", {"--shards", counting.list, "--shard-ranking", ranking});

  // Each shard holds what its rule says.
  const auto bodies = [&](int k) {
    std::set<std::string> out;
    const auto counts = Get(*counting.servers[k - 1], "/v1/shard/counts?q=&facets=body");
    for (const auto& v : counts["facets"]["body"].GetArray()) out.insert(v[0].GetString());
    return out;
  };
  EXPECT_EQ(bodies(1), std::set<std::string>{"CSTD"});
  EXPECT_EQ(bodies(2), std::set<std::string>{"UNGA"});
  EXPECT_EQ(bodies(3), std::set<std::string>{"UNGA"});
  const auto second = Get(*counting.servers[1], "/v1/search?q=&per_page=1&facets=year");
  ASSERT_EQ(second["facets"]["year"].Size(), 1u) << Text(second["facets"]);
  EXPECT_EQ(Text(second["facets"]["year"][0]["value"]), "2020");

  for (const char* search : kSearches) {
    const std::string target = std::string("/v1/search?") + search;
    const rapidjson::Document one = Get(*single_, target);
    int status = 0;
    const rapidjson::Document answer = Get(sharded, target, &status);
    ASSERT_EQ(status, 200) << target << ": " << Text(answer);
    EXPECT_EQ(one["total"].GetUint64(), answer["total"].GetUint64()) << target;
    EXPECT_EQ(Text(one["facets"]), Text(answer["facets"])) << target;
    EXPECT_EQ(Text(one["suggestion"]), Text(answer["suggestion"])) << target;
    ExpectSameHits(one["hits"], answer["hits"], target);
  }
  // A document of each shard, and one of none.
  for (const auto& server : counting.servers) {
    const std::string doc = Get(*server, "/v1/search?q=&per_page=1&facets=")["hits"][0]["doc_id"].GetString();
    EXPECT_EQ(Text(Get(*single_, "/v1/documents/" + doc)), Text(Get(sharded, "/v1/documents/" + doc))) << doc;
  }
  int status = 0;
  Get(sharded, "/v1/documents/no-such-document", &status);
  EXPECT_EQ(status, 404);
  EXPECT_EQ(Text(Get(*single_, "/v1/countries/KEN")), Text(Get(sharded, "/v1/countries/KEN")));

  // A hash shard among layout shards is never served with them.
  const RunResult mixed = RunCommand(
      {ProgramPath("cstd-searchd"), "--listen", "127.0.0.1:0", "--no-log", "--shards",
       Address(*counting.servers[0]) + "," + Address(*counting.servers[1]) + "," + Address(*counting_->servers[2]),
       "--shard-ranking", ranking.substr(0, ranking.rfind(',')) + ranking_.substr(ranking_.rfind(','))});
  EXPECT_NE(mixed.exit_code, 0);
  EXPECT_NE(mixed.err.find("another shard layout"), std::string::npos) << mixed.err;
}

TEST_F(ShardsApiTest, ShardsPartitionTheIndex) {
  // Every passage in exactly one shard: their counts add up to the whole,
  // and each says which shard it is.
  uint64_t passages = 0;
  for (int k = 1; k <= kShards; ++k) {
    const auto counts = Get(*counting_->servers[k - 1], "/v1/shard/counts?q=&facets=country");
    EXPECT_EQ(std::string(counts["shard"].GetString()), std::to_string(k) + "/" + std::to_string(kShards));
    EXPECT_GT(counts["total"].GetUint64(), 0u) << "shard " << k << " is empty";
    passages += counts["total"].GetUint64();
  }
  EXPECT_EQ(passages, Get(*single_, "/v1/health")["index"]["passages"].GetUint64());
  // An incremental build would add other shards' documents to a shard.
  const RunResult r =
      RunCommand({ProgramPath("cstd-indexer"), "build", "--index", ShardIndex(1), temp_->path() + "/archive"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("--shard 1/3"), std::string::npos) << r.err;
  // Shards listed out of their order are refused before serving anything.
  std::string reversed;
  for (int k = kShards; k >= 1; --k) reversed += (reversed.empty() ? "" : ",") + Address(*counting_->servers[k - 1]);
  const RunResult wrong = RunCommand({ProgramPath("cstd-searchd"), "--listen", "127.0.0.1:0", "--shards", reversed,
                                      "--shard-ranking", ranking_, "--no-log"});
  EXPECT_NE(wrong.exit_code, 0);
  EXPECT_NE(wrong.err.find("serves shard"), std::string::npos) << wrong.err;
}

TEST_F(ShardsApiTest, AShardDownIsA503NamingIt) {
  // Shard servers of this test's own, so killing one leaves the suite's.
  ShardServers counting;
  ServerProcess sharded("", {"--shards", counting.list, "--shard-ranking", ranking_});
  int status = 0;
  Get(sharded, "/v1/search?q=climate", &status);
  ASSERT_EQ(status, 200);
  const std::string down = Address(*counting.servers[1]);
  counting.servers[1]->Terminate();
  for (const char* target : {"/v1/search?q=climate", "/v1/search?q=climate&facets=", "/v1/facets/country?q=climate",
                             "/v1/health"}) {
    const auto d = Get(sharded, target, &status);
    EXPECT_EQ(status, 503) << target;
    ASSERT_TRUE(d.HasMember("error")) << target << ": " << Text(d);
    EXPECT_STREQ(d["error"]["code"].GetString(), "shard_unavailable") << target;
    const std::string message = d["error"]["message"].GetString();
    EXPECT_NE(message.find("shard 2/3"), std::string::npos) << message;
    EXPECT_NE(message.find(down), std::string::npos) << message;
  }
}

// Polls `server`'s /v1/health until its "partial" marker names exactly
// `missing` (none: null), for at most 20 s (a deadline, not a wait);
// returns whether it did.
bool WaitForMissing(const ServerProcess& server, const std::vector<std::string>& missing) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    const query::HttpResult r = query::HttpGet(server.host(), server.port(), "/v1/health");
    rapidjson::Document d;
    d.Parse(r.body.c_str());
    if (r.status == 200 && !d.HasParseError() && d.HasMember("partial")) {
      std::vector<std::string> named;
      if (d["partial"].IsObject()) {
        for (const auto& m : d["partial"]["missing_shards"].GetArray()) named.push_back(m.GetString());
      }
      if (named == missing) return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

// The searches and facet lists the partial answers are checked on: words,
// filters, multi-select, grouping.
const char* const kPartialSearches[] = {
    "q=development&facets=country,year,type",
    "q=development&year=2020&facets=country,speaker,year",
    "q=&group=document&facets=country,year",
    "q=%22human+rights%22&year=2020..2023&facets=year",
};

TEST_F(ShardsApiTest, AShardDownGivesAPartialAnswerWithTheFlag) {
  // Servers of this test's own for every shard, shard 2's on ports it can
  // serve on again after a restart; shard 2's xapian-tcpsrv is its own too.
  const std::string counting_port = FreePort(), ranking_port = FreePort();
  const auto start_ranking = [&] {
    auto r = std::make_unique<ChildProcess>(std::vector<std::string>{
        CSTD_XAPIAN_TCPSRV, "--interface", "127.0.0.1", "--port", ranking_port, "--quiet", ShardIndex(2) + "/xapian-stub"});
    WaitForPort(ranking_port);
    return r;
  };
  const auto start_counting = [&] {
    return std::make_unique<ServerProcess>(ShardIndex(2),
                                           std::vector<std::string>{"--threads", "2", "--listen", "127.0.0.1:" + counting_port});
  };
  std::unique_ptr<ChildProcess> ranking2 = start_ranking();
  std::unique_ptr<ServerProcess> counting2 = start_counting();
  const ServerProcess counting1(ShardIndex(1), {"--threads", "2"});
  const ServerProcess counting3(ShardIndex(3), {"--threads", "2"});
  const std::string down = "127.0.0.1:" + counting_port;
  const std::string list = Address(counting1) + "," + down + "," + Address(counting3);
  const auto rankers = [&] {
    std::vector<std::string> r;
    std::stringstream items(ranking_);
    for (std::string item; std::getline(items, item, ',');) r.push_back(item);
    return r;
  }();
  const std::string ranking = rankers[0] + ",127.0.0.1:" + ranking_port + "," + rankers[2];
  const ServerProcess partial("", {"--shards", list, "--shard-ranking", ranking, "--shard-partial"});
  const ServerProcess whole("", {"--shards", list, "--shard-ranking", ranking});

  // Every shard up: the answers are whole, and the single index's.
  const auto expect_whole = [&](const std::string& when) {
    for (const char* search : kPartialSearches) {
      const std::string target = std::string("/v1/search?") + search;
      int status = 0;
      const auto one = Get(*single_, target);
      const auto answer = Get(partial, target, &status);
      ASSERT_EQ(status, 200) << when << ": " << target << ": " << Text(answer);
      EXPECT_TRUE(answer["partial"].IsNull()) << when << ": " << target;
      EXPECT_EQ(one["total"].GetUint64(), answer["total"].GetUint64()) << when << ": " << target;
      EXPECT_EQ(Text(one["facets"]), Text(answer["facets"])) << when << ": " << target;
    }
  };
  expect_whole("all shards up");

  // Shard 2 down, its searchd and its xapian-tcpsrv both.
  counting2->Terminate();
  counting2.reset();
  ranking2->Kill(SIGKILL);
  ranking2->Wait();
  ranking2.reset();
  ASSERT_TRUE(WaitForMissing(partial, {down}));
  const std::vector<const ServerProcess*> live = {&counting1, &counting3};
  for (const char* search : kPartialSearches) {
    const std::string target = std::string("/v1/search?") + search;
    int status = 0;
    const auto answer = Get(partial, target, &status);
    ASSERT_EQ(status, 200) << target << ": " << Text(answer);
    ASSERT_TRUE(answer["partial"].IsObject()) << target << ": " << Text(answer);
    ASSERT_EQ(answer["partial"]["missing_shards"].Size(), 1u) << target;
    EXPECT_EQ(std::string(answer["partial"]["missing_shards"][0].GetString()), down) << target;
    // The total and every facet count listed: the sum over the shards
    // that answer, each asked directly.
    uint64_t total = 0;
    std::map<std::string, uint64_t> counts;  // "field=value"
    for (const ServerProcess* shard : live) {
      const auto own = Get(*shard, target);
      total += own["total"].GetUint64();
      for (const auto& facet : own["facets"].GetObject()) {
        for (const auto& v : facet.value.GetArray()) {
          counts[std::string(facet.name.GetString()) + "=" + Text(v["value"])] += v["count"].GetUint64();
        }
      }
    }
    EXPECT_GT(total, 0u) << target;
    EXPECT_EQ(answer["total"].GetUint64(), total) << target;
    for (const auto& facet : answer["facets"].GetObject()) {
      for (const auto& v : facet.value.GetArray()) {
        const std::string key = std::string(facet.name.GetString()) + "=" + Text(v["value"]);
        EXPECT_EQ(v["count"].GetUint64(), counts[key]) << target << ": " << key;
      }
    }
    // The hits: from the shards that answer, never the missing one's.
    for (const auto& hit : answer["hits"].GetArray()) {
      const std::string doc = std::string("/v1/documents/") + hit["doc_id"].GetString();
      int found = 0;
      for (const ServerProcess* shard : live) {
        int s = 0;
        Get(*shard, doc, &s);
        found += s == 200 ? 1 : 0;
      }
      EXPECT_EQ(found, 1) << target << ": " << doc;
    }
  }
  // A facet's values: the same sum, the same marker.
  {
    const std::string target = "/v1/facets/country?q=climate";
    int status = 0;
    const auto answer = Get(partial, target, &status);
    ASSERT_EQ(status, 200) << Text(answer);
    ASSERT_TRUE(answer["partial"].IsObject()) << Text(answer);
    EXPECT_EQ(std::string(answer["partial"]["missing_shards"][0].GetString()), down);
    std::map<std::string, uint64_t> counts;
    for (const ServerProcess* shard : live) {
      // Held while its values are read: a range-for keeps alive only the
      // array, not a temporary document it lies in.
      const auto own = Get(*shard, target);
      for (const auto& v : own["values"].GetArray()) counts[v["value"].GetString()] += v["count"].GetUint64();
    }
    ASSERT_GT(answer["values"].Size(), 0u);
    for (const auto& v : answer["values"].GetArray()) {
      EXPECT_EQ(v["count"].GetUint64(), counts[v["value"].GetString()]) << v["value"].GetString();
    }
  }
  // What cannot say it is partial is a 503 naming the shard; so is every
  // answer without the flag.
  const auto expect_503 = [&](const ServerProcess& server, const std::string& target) {
    int status = 0;
    const auto d = Get(server, target, &status);
    EXPECT_EQ(status, 503) << target;
    ASSERT_TRUE(d.HasMember("error")) << target << ": " << Text(d);
    EXPECT_STREQ(d["error"]["code"].GetString(), "shard_unavailable") << target;
    const std::string message = d["error"]["message"].GetString();
    EXPECT_NE(message.find(down), std::string::npos) << target << ": " << message;
  };
  const std::string some_doc = Get(counting1, "/v1/search?q=&per_page=1&facets=")["hits"][0]["doc_id"].GetString();
  expect_503(partial, "/v1/documents/" + some_doc);
  expect_503(partial, "/v1/compare?q=climate&delegations=KEN,BRA&by=year");
  expect_503(partial, "/v1/export?q=climate");
  for (const char* target : {"/v1/search?q=climate", "/v1/facets/country?q=climate", "/v1/health"}) {
    expect_503(whole, target);
  }

  // Shard 2 back, on its ports: used again, without a restart of the
  // searchd over the shards.
  ranking2 = start_ranking();
  counting2 = start_counting();
  ASSERT_TRUE(WaitForMissing(partial, {}));
  expect_whole("shard 2 back");
  int status = 0;
  Get(whole, "/v1/search?q=climate", &status);
  EXPECT_EQ(status, 200);
}

TEST_F(ShardsApiTest, AShardRebuiltUnderLoadFailsNoRequest) {
  // A client searching all along while shard 2 is rebuilt (a new
  // generation, switched atomically) and the servers follow the switch.
  std::atomic<bool> stop{false};
  std::atomic<int> served{0};
  std::vector<std::string> failures;
  std::thread client([&] {
    const char* targets[] = {"/v1/search?q=climate&facets=country,year", "/v1/search?q=&group=document",
                             "/v1/facets/speaker?q=development", "/v1/health"};
    while (!stop) {
      for (const char* target : targets) {
        const query::HttpResult r = query::HttpGet(sharded_->host(), sharded_->port(), target);
        if (r.status == 200) {
          ++served;
        } else if (failures.size() < 5) {
          failures.push_back(std::string(target) + ": " + std::to_string(r.status) + " " + r.body);
        }
      }
    }
  });
  const RunResult rebuilt = RunCommand({ProgramPath("cstd-indexer"), "build", "--shard", "2/3", "--index", ShardIndex(2),
                                        "--metadata", std::string(CSTD_SHARED_DIR) + "/corpus/ungdc/speakers.csv",
                                        temp_->path() + "/archive"});
  // Until the coordinator serves the new generation of shard 2 (within its
  // view's renewal; 20 s is a deadline, not a wait).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  std::string generations;
  while (std::chrono::steady_clock::now() < deadline) {
    generations = Get(*sharded_, "/v1/health")["index"]["generation"].GetString();
    if (generations == "gen-000001,gen-000002,gen-000001") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const int before = served;
  while (served < before + 8 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  stop = true;
  client.join();
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_EQ(generations, "gen-000001,gen-000002,gen-000001");
  EXPECT_TRUE(failures.empty()) << failures.front();
  EXPECT_GT(served, 8);
  // And the rebuilt shard answers as before.
  const auto one = Get(*single_, "/v1/search?q=climate&facets=country,year");
  const auto sharded = Get(*sharded_, "/v1/search?q=climate&facets=country,year");
  EXPECT_EQ(one["total"].GetUint64(), sharded["total"].GetUint64());
  EXPECT_EQ(Text(one["facets"]), Text(sharded["facets"]));
}

}  // namespace
}  // namespace cstd::testing

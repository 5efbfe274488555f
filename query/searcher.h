// Runs a SearchRequest against an index and returns hits with snippets.

#ifndef CSTD_QUERY_SEARCHER_H_
#define CSTD_QUERY_SEARCHER_H_

#include <xapian.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/document_json.h"
#include "model/stored_records.h"
#include "query/facet_columns.h"
#include "query/facet_tally.h"
#include "query/parser_table.h"
#include "query/search_request.h"
#include "query/shard_counts.h"
#include "query/speaker_directory.h"

namespace cstd::query {

struct Hit {
  /// The passage; when the hit is one statement of its paragraph, the
  /// paragraph's speakers, delegations and speaker ids are that statement's.
  Passage passage;
  double score = 0;
  std::string snippet;  // HTML-escaped, matches in <mark>
  /// The statement of the paragraph the hit is (query/statement_hits.h), or
  /// nullopt for the whole paragraph.
  std::optional<size_t> statement;
  std::string citation;  // query/citation.h
};

/// A shard left out of a searcher's view because it does not answer.
struct MissingShard {
  std::string address;  // what names it to a client: its searchd's HOST:PORT
  std::string reason;   // why, naming the shard, for an error message
};

struct SearchResult {
  SearchRequest request;
  size_t total = 0;  // exact number of matching passages (or documents)
  std::vector<Hit> hits;
  double took_ms = 0;
  std::vector<FacetResult> facets;  // in the order requested
  /// A correction of q that finds more under the same filters
  /// (query/suggestion.h).
  std::optional<std::string> suggestion;
  /// For a pasted paragraph searched as "statements like this one" (more
  /// words than kPastedTextWords or max_query_terms): the words of it that
  /// were searched (query/like_this.h); empty for a query.
  std::vector<std::string> like_this;
  /// Over shards served partially (cstd-searchd --shard-partial): the
  /// shards this answer leaves out; the total, facets and hits are those of
  /// the other shards alone. Empty for a whole answer.
  std::vector<MissingShard> missing_shards;
};

/// Limits that keep one query from hurting everyone, and when a search may
/// take a second core. Each is a searchd flag; a request past a limit gets
/// a 400 that names it.
struct SearchLimits {
  /// Longer queries are pasted documents, not searches. A paragraph a
  /// delegate pastes to find statements like it is a few hundred words;
  /// 8 KiB holds the longest paragraphs of the archive.
  size_t max_query_bytes = 8 * 1024;
  /// A trailing wildcard matching more terms than this ("a*") would OR
  /// together a large part of the vocabulary.
  unsigned max_wildcard_expansion = 1000;
  /// Terms in the parsed query; each one is a posting list to walk. A
  /// query with more words (or more than kPastedTextWords) is a pasted
  /// paragraph, searched by its kLikeThisTerms most distinctive words (at
  /// most this many).
  size_t max_query_terms = 64;
  /// Exact facet counting visits every match; a query that cannot count in
  /// this time is too broad to answer exactly, and says so.
  double facet_budget_ms = 1000;
  /// Rows one export may write (query/export.h). An export holds the ids of
  /// its rows (4 bytes each) and, while ranking, Xapian's list of them
  /// (about 100 bytes each): 100,000 rows are about 10 MB at the peak, and
  /// a spreadsheet program opens 100,000 rows (Excel's limit is 1,048,576).
  /// Past it an export is refused, never cut short.
  size_t max_export = 100000;
  /// A search of one index with facets counts them on a thread of its own,
  /// while it ranks, when a core is free and one of its terms is in at
  /// least this many passages (a query without terms always): starting a
  /// thread costs about 50 us and counting a match about 60 ns (UNGDC, six
  /// facets), so from some thousand matches on the thread pays; a term's
  /// passages bound the query's matches from above. 0: always; more than
  /// the index's passages: never (and for a query without terms).
  Xapian::doccount parallel_count_postings = 5000;
};

/// Queries with fewer hits than this get a spelling suggestion when one
/// exists; busier queries are spelt well enough and skip the cost.
inline constexpr size_t kSuggestBelowHits = 5;

/// Snippets aim at this many bytes of text: about two lines of a result
/// list, enough to show a statement's point around the match.
inline constexpr size_t kSnippetBytes = 240;

/// The shards a sharded Searcher reads as one index.
struct ShardDatabases {
  /// The shards that answer, in shard order, each opened through Xapian's
  /// remote backend (Xapian::Remote::open on the shard's xapian-tcpsrv).
  std::vector<Xapian::Database> databases;
  /// Each database's shard number, 1..of (model/shard.h), ascending.
  std::vector<unsigned> numbers;
  /// The number of shards the index was built as.
  unsigned of = 0;
  /// Whether documents went to shards by the hash of their ids (ShardOf),
  /// so that a document's shard follows from its id; false for shards
  /// built to a layout (model/shard_layout.h).
  bool by_hash = true;
  /// The shards left out (only when served partially), in shard order.
  std::vector<MissingShard> missing;
  /// What the query parser reads synonyms and the spellings of the shards
  /// that answer from.
  std::shared_ptr<const ParserTable> parser_table;
};

class Searcher {
 public:
  /// Searches `db`, an open index (see OpenIndex()). With `counting`, a
  /// second opening of the same index folder, a search counts its facets
  /// on a thread of its own while this one ranks, when the query is large
  /// enough to repay a thread and a core is free:
  /// a Xapian::Database must not be shared between threads, so the counting
  /// thread needs a handle of its own (SearchLimits::parallel_count_postings
  /// says when). A `counting` at another revision than `db` (a commit came
  /// between the two openings) is not used.
  explicit Searcher(Xapian::Database db, SearchLimits limits = {},
                    std::optional<Xapian::Database> counting = std::nullopt);

  /// Searches the shards of one index as one: `shards.databases` (see
  /// ShardDatabases). Xapian ranks over all of them with global statistics,
  /// so hits and their order are those one index of the same files gives;
  /// `counts` (the same shards' own searchd) gives totals and facets, which
  /// Xapian's remote matcher cannot count (our tally is a MatchDecider,
  /// which it does not run). A search, its facets and FacetValues take
  /// their counts from `counts`, and so do the profiles and the searches
  /// for a query a program made (SearchFor, sent to the shards serialised).
  /// Documents are read from the shard ShardOf names; one
  /// of a missing shard throws ShardUnavailableError naming the shard.
  /// Throws std::invalid_argument when `shards` has no database, a number
  /// for each or a parser table.
  Searcher(ShardDatabases shards, std::shared_ptr<const CountSource> counts, SearchLimits limits = {});

  /// The shards this searcher leaves out (ShardDatabases::missing); empty
  /// for one index, and for shards served whole.
  const std::vector<MissingShard>& missing_shards() const { return missing_shards_; }

  /// Whether this searcher searches shards (the constructor above).
  bool sharded() const { return !shards_.empty(); }

  /// The counts of `request` (what a shard answers at /v1/shard/counts):
  /// the total and every value of each requested facet, unlabelled and
  /// uncut; over shards, their sum (every shard asked). Throws as Search.
  Counts Count(const SearchRequest& request) const;

  /// The counts of `request` with `text` in place of the query its q
  /// parses to, as SearchFor counts them (what a shard answers at
  /// /v1/shard/counts with kTextQueryParameter). Throws as SearchFor.
  Counts CountFor(const SearchRequest& request, const Xapian::Query& text) const;

  /// The figures of the profile of `id`, a speaker (kind kSpeaker) or a
  /// delegation (kCountry), as ids the index holds (what a shard answers at
  /// /v1/shard/profile); over shards, their sum. Throws
  /// std::invalid_argument for another kind, and as Count.
  ProfileCounts CountProfile(FacetField kind, const std::string& id) const;

  /// The passages of that profile whose sample key is at most `bound`, with
  /// their topic words, in no particular order (what a shard answers at
  /// /v1/shard/topic_passages; over shards, every shard's). Throws as
  /// CountProfile.
  std::vector<TopicPassage> TopicPassages(FacetField kind, const std::string& id, uint64_t bound) const;

  /// How many passages of the index have each of `words`, in order (what a
  /// shard answers at /v1/shard/termfreqs; over shards, their sum). Throws
  /// as Count.
  std::vector<Xapian::doccount> TermFreqs(const std::vector<std::string>& words) const;

  /// Runs `request`, its speakers resolved (Resolve; the result's request
  /// holds the ids used). Throws UsageError naming "q" when the query string
  /// does not parse (in words of ours, never Xapian's), a `speaker:`/
  /// `country:` in it names no one or a field value cannot be valid
  /// (`year:abc`, as the parameter would be),
  /// UsageError naming "speaker" for a speaker no one in the index is,
  /// UsageError naming the limit when a SearchLimits bound is exceeded,
  /// UsageError for bad paging, and lets Xapian's DatabaseModifiedError
  /// through so the caller can reopen and retry.
  SearchResult Search(const SearchRequest& request) const;

  /// Runs `request` as Search does (filters, facets, paging, sort), with
  /// `text` in place of the query its q parses to: a query a program made,
  /// such as the expand set of relevance feedback. Throws as Search, but
  /// never about q.
  SearchResult SearchFor(const SearchRequest& request, const Xapian::Query& text) const;

  /// The passages `request` matches in Search's order (its sort, one per
  /// document with group_by_document), from the `first` (0-based), at most
  /// `count` of them. With `check_at_least`, the MSet's
  /// get_matches_estimated() is exact when at most that many match. Throws
  /// as Search (paging aside: `first` and `count` are the caller's).
  Xapian::MSet Rank(const SearchRequest& request, Xapian::doccount first, Xapian::doccount count,
                    Xapian::doccount check_at_least = 0) const;

  /// The best `per_value` matches of `request` (in its order) for each
  /// value of `field`, a field of one value per passage (session, year,
  /// type), for at most `values` values: the hits of each value in order,
  /// values in the order of their best hit, with snippets. A match without
  /// a value of `field` counts as one value of its own. Throws as Search
  /// (paging aside), std::invalid_argument for a field that may have
  /// several values per passage.
  std::vector<Hit> BestPerValue(const SearchRequest& request, FacetField field, Xapian::doccount per_value,
                                Xapian::doccount values) const;

  /// The passage stored in `doc`, document `did` of database() (as its
  /// MSets and posting lists number them). Throws DataError if it does not
  /// decode.
  Passage PassageOf(Xapian::docid did, const Xapian::Document& doc) const;
  /// The passage `did` of database(); throws as PassageOf, and
  /// Xapian::DocNotFoundError.
  Passage PassageAt(Xapian::docid did) const { return PassageOf(did, db_.get_document(did)); }
  /// The metadata of document `doc_id`, or nullopt if the index has none.
  std::optional<Document> DocumentRecord(const std::string& doc_id) const;
  /// The file `doc_id` was read from as the index records it, or nullopt
  /// (StoredRecords::FileOf).
  std::optional<IndexedFile> FileRecord(const std::string& doc_id) const;

  /// The limits this searcher applies.
  const SearchLimits& limits() const { return limits_; }

  /// All values of `field` (with labels and exact counts) over the passages
  /// matching `request` without its own filter on `field`, keeping those
  /// where every word of `prefix` begins a word of the label (of any form of
  /// a speaker's name, of any name of a country) or of the value, case- and
  /// accent-insensitive; at most `limit`. Throws as Search.
  FacetResult FacetValues(const SearchRequest& request, FacetField field, std::string_view prefix, size_t limit) const;

  /// `request` with its speakers as ids: each value an id, or every speaker
  /// it names (SpeakerDirectory::Match). Throws UsageError naming "speaker"
  /// and the value when a value names no one.
  SearchRequest Resolve(const SearchRequest& request) const;

  /// The speakers of this index.
  const SpeakerDirectory& Speakers() const;

  /// The document record and its passages in order; throws NotFoundError.
  std::pair<Document, std::vector<Passage>> GetDocument(const std::string& doc_id) const;

  /// The acronyms and spelled-out forms the query `q` finds through the
  /// acronym table (query/acronym_marks.h), for a client to mark beside q's
  /// own words; empty when q has none or does not parse.
  std::vector<std::string> HighlightPhrases(const std::string& q) const;

  /// The file document `doc_id` was read from, as the index recorded it.
  /// Throws NotFoundError naming the document when the index has no such
  /// document or records no file for it (an index built before file
  /// records; its next build adds them).
  IndexedFile FileOf(const std::string& doc_id) const;

  /// Over shards, the number (1-based, as `--shard K/N` gave it) of the
  /// shard that holds document `doc_id`, whose searchd serves its original
  /// file; 0 for one index. Throws ShardUnavailableError as FileOf.
  unsigned ShardNumberOf(const std::string& doc_id) const;

  size_t passage_count() const { return db_.get_doccount(); }
  /// Number of distinct documents.
  size_t document_count() const;
  /// The generation name stored in the index; over shards, each shard's,
  /// in shard order, joined by ",".
  std::string generation() const;

  const Xapian::Database& database() const { return db_; }

  /// Searches of this searcher whose facets were counted on the counting
  /// thread (see the constructor), for tests.
  uint64_t counted_in_parallel() const { return counted_in_parallel_; }

 private:
  // A request's query in parts: the parsed text (what matches), the query
  // that ranks (the text with exact forms and closeness weighted up,
  // query/ranking.h), one filter per field, and who the query's own
  // fields select (for statement hits).
  struct QueryParts {
    Xapian::Query text;
    Xapian::Query rank;
    std::vector<std::pair<FacetField, Xapian::Query>> filters;
    std::vector<std::string> like_this;  // the words searched for a pasted paragraph
    std::vector<std::string> countries;  // country: values in q, resolved
    std::vector<std::string> speakers;   // speaker: values in q, resolved
    bool from_q = true;                  // false: `text` is a program's query (SearchFor)
  };
  // `corrected`, when given, receives the parser's spelling correction of
  // the query ("" for none).
  QueryParts BuildQuery(const SearchRequest& request, std::string* corrected = nullptr) const;
  // The parts of `request` (q cleared) with `text`, a program's query, in
  // place of q's: what SearchFor and CountFor search and count.
  QueryParts PartsFor(SearchRequest& request, const Xapian::Query& text) const;
  // A suggestion for `request`, whose query `parts` is: an honest
  // correction (query/suggestion.h) that finds more passages under the
  // same filters, or nullopt.
  std::optional<std::string> Suggest(const SearchRequest& request, const QueryParts& parts) const;
  // Passages `parts` matches under all its filters.
  Xapian::doccount CountMatches(const QueryParts& parts) const;
  // Xapian's matcher over every match of `query` in `db`, with boolean
  // weights (no ranking) and `decider` seeing each: counts for what
  // WalkMatches cannot walk.
  static Xapian::MSet MatchAll(const Xapian::Database& db, const Xapian::Query& query,
                               const Xapian::MatchDecider* decider = nullptr);
  // Passages `query` matches: walked (query/match_walk.h) when it can be,
  // else counted by Xapian's matcher with boolean weights.
  Xapian::doccount CountOf(const Xapian::Query& query) const;
  // Gives every passage `query` matches in `db` (db_ or counting_db_) to
  // `tally`, walked or matched as CountOf counts.
  static void TallyOf(const Xapian::Database& db, const Xapian::Query& query, const FacetTally& tally);
  // The text query (with `ranked`, the ranking query) filtered by every
  // field's filter except those of the fields in `except`.
  static Xapian::Query Combine(const QueryParts& parts, const std::vector<FacetField>& except, bool ranked = false);
  // The matches of `parts` ranked for `request` (its sort), collapsed on
  // `collapse_slot` keeping `collapse_max` per value -- by default, as the
  // request says: one per document when grouped, else none.
  Xapian::MSet RankParts(const QueryParts& parts, const SearchRequest& request, Xapian::doccount first,
                         Xapian::doccount count, Xapian::doccount check_at_least,
                         Xapian::valueno collapse_slot = Xapian::BAD_VALUENO, Xapian::doccount collapse_max = 1) const;
  // The hits of `mset`, with their passages, citations and snippets: each
  // the statement of the paragraph that `request` and `parts` ask for, when
  // one is (query/statement_hits.h).
  std::vector<Hit> Hits(const Xapian::MSet& mset, const SearchRequest& request, const QueryParts& parts) const;
  // When counting for a request that started at `start` must stop
  // (SearchLimits::facet_budget_ms).
  std::chrono::steady_clock::time_point FacetDeadline(std::chrono::steady_clock::time_point start) const;
  // The exact counts of `request`, whose query `parts` is, with our tally
  // over the facet columns (this index's own, never a shard set's).
  Counts Tally(const SearchRequest& request, const QueryParts& parts,
               std::chrono::steady_clock::time_point deadline) const;
  // What Tally counts, made from the parts where they live: the query
  // (its filters on faceted fields left to the tally, which counts
  // what fails only those) and those filters over the columns.
  struct TallyPlan {
    Xapian::Query query;
    std::vector<ColumnFilter> filters;
  };
  TallyPlan PlanTally(const SearchRequest& request, const QueryParts& parts) const;
  // Counts `plan` over `db` (db_, or counting_db_ from the counting
  // thread): reads nothing of this searcher but the facet columns, which
  // must be loaded (Columns()) before another thread calls it, and limits_.
  Counts TallyOn(const Xapian::Database& db, const SearchRequest& request, TallyPlan plan,
                 std::chrono::steady_clock::time_point deadline) const;
  // Whether Run counts `parts` on the counting thread: a counting handle
  // at db_'s revision, a query whose largest posting list reaches
  // limits_.parallel_count_postings, and a core free.
  bool CountsInParallel(const QueryParts& parts) const;
  // Counts this search among those running while it lives (Run), so
  // CountsInParallel sees whether a core is free.
  struct InFlight {
    InFlight();
    ~InFlight();
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;
  };
  // The records of the index (of the shard) holding `did` of database().
  const StoredRecords& RecordsOf(Xapian::docid did) const;
  // The records of the index (of the shard) that holds document `doc_id`.
  const StoredRecords& RecordsOf(const std::string& doc_id) const;
  // The place in shards_ of the shard that holds document `doc_id` (over
  // shards only).
  size_t ViewShardOf(const std::string& doc_id) const;
  // Search's work once the request is resolved and its query built.
  SearchResult Run(const SearchRequest& request, const QueryParts& parts,
                   std::chrono::steady_clock::time_point start) const;
  // The facet columns of this revision, loaded on first use: a search
  // without facets or a document fetch never needs them.
  const FacetColumns& Columns() const;
  // Fills labels (country names, speaker names) of `result`.
  void Label(FacetResult& result) const;
  // Values of `field` the request filters on (kept in facet lists).
  static std::vector<std::string> Selected(const SearchRequest& request, FacetField field);

  Xapian::Database db_;
  // A second opening of db_'s index at its revision, used only by the
  // counting thread of Run; empty when none was given or its revision
  // differs.
  std::optional<Xapian::Database> counting_db_;
  StoredRecords records_;  // reads db_ (its first shard's records, when sharded)
  // Sharded: each shard's database and records, by shard number - 1, and
  // the source of counts. Empty and null for one index.
  std::vector<std::unique_ptr<Xapian::Database>> shards_;
  std::vector<std::unique_ptr<StoredRecords>> shard_records_;
  std::vector<unsigned> shard_numbers_;  // of each of shards_
  unsigned shard_count_ = 0;             // shards the index was built as
  bool by_hash_ = true;                  // ShardDatabases::by_hash
  std::vector<MissingShard> missing_shards_;
  std::shared_ptr<const CountSource> counts_;
  // What the query parser reads synonyms and spellings from: db_, or over
  // shards this thread's own opening of parser_table_.
  std::shared_ptr<const ParserTable> parser_table_;
  Xapian::Database parser_db_;
  SearchLimits limits_;
  Xapian::Stem stemmer_;  // CachingStem: one thread at a time, like db_
  mutable uint64_t counted_in_parallel_ = 0;  // one thread at a time, like db_
  mutable std::once_flag columns_once_;
  mutable std::shared_ptr<const FacetColumns> columns_;
  mutable std::once_flag speakers_once_;
  mutable std::shared_ptr<const SpeakerDirectory> speakers_;
};

}  // namespace cstd::query

#endif  // CSTD_QUERY_SEARCHER_H_

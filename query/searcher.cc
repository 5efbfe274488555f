#include "query/searcher.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "model/action_lines.h"
#include "model/countries.h"
#include "model/errors.h"
#include "model/schema.h"
#include "model/shard.h"
#include "model/speaker_record.h"
#include "model/text.h"
#include "query/acronym_marks.h"
#include "query/caching_stem.h"
#include "query/citation.h"
#include "query/facet_tally.h"
#include "query/like_this.h"
#include "query/match_walk.h"
#include "query/query_language.h"
#include "query/ranking.h"
#include "query/search_fields.h"
#include "query/speaker_directory.h"
#include "query/statement_hits.h"
#include "query/suggestion.h"

namespace cstd::query {

namespace {

// A query matching every document, made afresh for the caller. Not
// Xapian::Query::MatchAll: that is one static object, and Query reference
// counts are not atomic, so searchd threads copying it at once corrupt its
// count and crash the server (seen twice: a segfault in Query::get_length
// under concurrent empty-q requests, then one in tools/soak under year
// ranges the index has no value in). The empty term matches every
// document, and is the caller's own object.
Xapian::Query MatchAllQuery() { return Xapian::Query(std::string()); }

// OR of boolean terms for one filter field; empty query when no value.
Xapian::Query AnyOf(std::string_view prefix, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> terms;
  for (const auto& v : values) terms.emplace_back(schema::Term(prefix, v));
  if (terms.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// OR of the terms of `values` under each of `prefixes` (a field's named
// tags and, unless its tag mode is explicit, its inferred ones, as
// TermPrefixes says); empty query when no value.
Xapian::Query AnyOfPrefixes(const std::vector<std::string_view>& prefixes, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> either;
  for (std::string_view prefix : prefixes) {
    Xapian::Query q = AnyOf(prefix, values);
    if (!q.empty()) either.push_back(std::move(q));
  }
  if (either.empty()) return Xapian::Query();
  if (either.size() == 1) return either.front();
  return Xapian::Query(Xapian::Query::OP_OR, either.begin(), either.end());
}

// OR of the index's own terms of a numeric field that lie in `ranges`. A
// range names every number between its ends (year=0..9999), but the index
// holds a few dozen years or sessions: walking the terms the index has,
// not the numbers the range names, keeps the query as small as the field's
// values whatever the request spans (fuzz/search_params found
// "year=1..07906" building a ten-thousand-term OR that took seconds).
Xapian::Query AnyOfRanges(const Xapian::Database& db, std::string_view prefix, const std::vector<IntRange>& ranges) {
  if (ranges.empty()) return Xapian::Query();
  std::vector<Xapian::Query> terms;
  const std::string p(prefix);
  for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
    const std::string term = *it;
    const auto v = text::ParseInt(std::string_view(term).substr(p.size()));
    if (!v) continue;
    const bool in = std::any_of(ranges.begin(), ranges.end(), [&](const IntRange& r) { return *v >= r.low && *v <= r.high; });
    if (in) terms.emplace_back(term);
  }
  // No value of the index in range: the filter matches nothing. Not
  // Query::MatchNothing, which is the empty Query, and an empty filter is
  // no filter at all.
  if (terms.empty()) return Xapian::Query(Xapian::Query::OP_AND_NOT, MatchAllQuery(), MatchAllQuery());
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// A field value that names nothing is the user's error, but it must not be
// thrown from inside a FieldProcessor: an exception through Xapian 1.4's
// query parser leaks the parser's state (found by fuzz/query with
// "speaker:pet*"). A processor notes the first such value here and matches
// nothing; BuildQuery throws after parse_query returns.
struct FieldErrors {
  std::string first;
  Xapian::Query Fail(std::string message) {
    if (first.empty()) first = std::move(message);
    return Xapian::Query();
  }
};

// country:Brazil, country:BRA, country:"United States", country:Korea (both).
class CountryField : public Xapian::FieldProcessor {
 public:
  explicit CountryField(FieldErrors& errors) : errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override {
    std::vector<std::string> codes;
    for (const Country* c : Countries::Builtin().Matching(value)) codes.push_back(c->code);
    if (codes.empty()) return errors_.Fail("no country named '" + value + "'");
    return AnyOf(schema::kPrefixCountry, codes);
  }

 private:
  FieldErrors& errors_;
};

// speaker:peter-major, speaker:"Peter Major", speaker:Souter, speaker:Bush
// (everyone of that name).
class SpeakerField : public Xapian::FieldProcessor {
 public:
  SpeakerField(const SpeakerDirectory& speakers, FieldErrors& errors) : speakers_(speakers), errors_(errors) {}
  Xapian::Query operator()(const std::string& value) override {
    const std::vector<std::string> ids = speakers_.Match(value);
    if (ids.empty()) return errors_.Fail("no speaker named '" + value + "'");
    return AnyOf(schema::kPrefixSpeaker, ids);
  }

 private:
  const SpeakerDirectory& speakers_;
  FieldErrors& errors_;
};

// action:C5, action:c7egov (counts as C7); named or inferred as the
// request's action_line_mode says, like the action_line filter (the same
// term prefixes).
class ActionLineField : public Xapian::FieldProcessor {
 public:
  ActionLineField(FieldErrors& errors, std::vector<std::string_view> prefixes)
      : errors_(errors), prefixes_(std::move(prefixes)) {}
  Xapian::Query operator()(const std::string& value) override {
    const std::string main = ActionLines::Builtin().MainLine(value);
    if (main.empty()) return errors_.Fail("unknown action line '" + value + "'");
    return AnyOfPrefixes(prefixes_, {main});
  }

 private:
  FieldErrors& errors_;
  std::vector<std::string_view> prefixes_;
};

// body:cstd, body:UNGA: a known body whatever its case, another as written
// (ResolveBody, as the body filter).
class BodyField : public Xapian::FieldProcessor {
 public:
  explicit BodyField(std::string_view prefix) : prefix_(prefix) {}
  Xapian::Query operator()(const std::string& value) override {
    if (text::Trim(value).empty()) return Xapian::Query();
    return AnyOf(prefix_, {ResolveBody("body", value)});
  }

 private:
  std::string_view prefix_;
};

// type:speech, year:2020..2024, session:25: read as the parameter of the
// same field is (AddFieldValue), so year:abc is the 400 that year=abc is,
// not a search that silently finds nothing.
class CheckedField : public Xapian::FieldProcessor {
 public:
  CheckedField(const Xapian::Database& db, const SearchField& field, const SearchRequest& request,
               FieldErrors& errors)
      : db_(db), field_(field), errors_(errors) {
    scratch_.action_line_mode = request.action_line_mode;
  }
  Xapian::Query operator()(const std::string& value) override {
    SearchRequest scratch = scratch_;
    try {
      AddFieldValue(scratch, field_, field_.name, value);
    } catch (const UsageError& e) {
      return errors_.Fail(e.what());
    }
    return field_.values ? AnyOfPrefixes(TermPrefixes(scratch, field_), scratch.*field_.values)
                         : AnyOfRanges(db_, field_.term_prefix, scratch.*field_.ranges);
  }

 private:
  const Xapian::Database& db_;  // whose range values a year or session range selects
  const SearchField& field_;
  SearchRequest scratch_;  // no values: the field's own come from `value`
  FieldErrors& errors_;
};

// What is said of a query Xapian's parser cannot read, instead of the
// parser's own message ("Syntax: <expression> NOT <expression>"), which
// speaks of its grammar, not of what the user typed.
constexpr std::string_view kUnreadableQuery =
    "cannot be read as a query: check that quotes and brackets are closed and that AND, OR and NOT stand between "
    "words";

// The filter fields of the query language ("country", "year", ...).
std::vector<std::string_view> FilterFieldPrefixes() {
  std::vector<std::string_view> prefixes;
  for (const SearchField& f : SearchFields()) prefixes.push_back(f.query_prefix);
  return prefixes;
}

}  // namespace

Searcher::Searcher(Xapian::Database db, SearchLimits limits, std::optional<Xapian::Database> counting)
    : db_(std::move(db)), records_(db_), parser_db_(db_), limits_(limits), stemmer_(CachingStem("english")) {
  // Counts on another revision would not be the ranked matches' counts.
  if (counting && counting->get_uuid() == db_.get_uuid() && counting->get_revision() == db_.get_revision()) {
    counting_db_ = std::move(counting);
  }
}

namespace {

// One database of all `shards`, in order: Xapian numbers its documents
// shard by shard in turn (RecordsOf below relies on it).
Xapian::Database Combined(const std::vector<Xapian::Database>& shards) {
  if (shards.empty()) throw std::invalid_argument("Searcher: no shards");
  Xapian::Database all;
  for (const auto& shard : shards) all.add_database(shard);
  return all;
}

}  // namespace

Searcher::Searcher(ShardDatabases shards, std::shared_ptr<const CountSource> counts, SearchLimits limits)
    : db_(Combined(shards.databases)),
      records_(db_),
      counts_(std::move(counts)),
      limits_(limits),
      stemmer_(CachingStem("english")) {
  if (shards.numbers.size() != shards.databases.size()) throw std::invalid_argument("Searcher: a number per shard");
  if (!shards.parser_table) throw std::invalid_argument("Searcher: no parser table");
  // The parser reads synonyms and spellings only from it: wildcards are
  // expanded as the query runs, against db_. Not db_ besides: a remote
  // database in it makes Xapian refuse to list synonyms at all.
  parser_table_ = std::move(shards.parser_table);
  parser_db_ = Xapian::Database(parser_table_->path());
  for (auto& shard : shards.databases) {
    shards_.push_back(std::make_unique<Xapian::Database>(std::move(shard)));
    shard_records_.push_back(std::make_unique<StoredRecords>(*shards_.back()));
  }
  shard_numbers_ = std::move(shards.numbers);
  shard_count_ = shards.of;
  by_hash_ = shards.by_hash;
  missing_shards_ = std::move(shards.missing);
}

const StoredRecords& Searcher::RecordsOf(Xapian::docid did) const {
  // A database of several: document d of the whole is document
  // (d - 1) / n + 1 of sub-database (d - 1) % n (Xapian's interleaving).
  if (shards_.empty()) return records_;
  return *shard_records_[(did - 1) % shards_.size()];
}

size_t Searcher::ViewShardOf(const std::string& doc_id) const {
  if (!by_hash_) {
    // Built to a layout: the document's id does not say its shard; the
    // shard whose terms have it holds it (a lookup per shard).
    const std::string term = schema::Term(schema::kPrefixDocId, doc_id);
    for (size_t i = 0; i < shards_.size(); ++i) {
      if (shards_[i]->term_exists(term)) return i;
    }
    if (!missing_shards_.empty()) {
      throw ShardUnavailableError("document " + doc_id + " is in none of the shards that answer, and " +
                                  missing_shards_.front().reason);
    }
    return 0;  // in no shard: the first says it has no such document
  }
  const unsigned shard = ShardOf(doc_id, shard_count_);
  const auto at = std::find(shard_numbers_.begin(), shard_numbers_.end(), shard);
  if (at == shard_numbers_.end()) {
    throw ShardUnavailableError("document " + doc_id + " lies in shard " +
                                ShardSpec{shard, shard_count_}.ToString() + ", which does not answer");
  }
  return static_cast<size_t>(at - shard_numbers_.begin());
}

const StoredRecords& Searcher::RecordsOf(const std::string& doc_id) const {
  if (shards_.empty()) return records_;
  return *shard_records_[ViewShardOf(doc_id)];
}

unsigned Searcher::ShardNumberOf(const std::string& doc_id) const {
  if (shards_.empty()) return 0;
  return shard_numbers_[ViewShardOf(doc_id)];
}

Passage Searcher::PassageOf(Xapian::docid did, const Xapian::Document& doc) const {
  return RecordsOf(did).PassageOf(doc);
}

std::optional<Document> Searcher::DocumentRecord(const std::string& doc_id) const {
  return RecordsOf(doc_id).DocumentOf(doc_id);
}

std::optional<IndexedFile> Searcher::FileRecord(const std::string& doc_id) const {
  return RecordsOf(doc_id).FileOf(doc_id);
}

size_t Searcher::document_count() const {
  // Distinct documents: one XDOC term each. A walk of the term list, cheap
  // next to a search, and always in step with the passages.
  size_t n = 0;
  const std::string prefix(schema::kPrefixDocId);
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) ++n;
  return n;
}

std::string Searcher::generation() const {
  const std::string key(schema::kMetaGeneration);
  if (!sharded()) return db_.get_metadata(key);
  std::string all;
  for (const auto& shard : shards_) all += (all.empty() ? "" : ",") + shard->get_metadata(key);
  return all;
}

Searcher::QueryParts Searcher::BuildQuery(const SearchRequest& r, std::string* corrected) const {
  QueryParts parts;
  parts.text = MatchAllQuery();
  if (r.q.size() > limits_.max_query_bytes) {
    throw UsageError("q", "q is " + std::to_string(r.q.size()) +
                              " bytes, over max_query_bytes=" + std::to_string(limits_.max_query_bytes));
  }
  const QueryShape shape = ReadQueryShape(r.q, FilterFieldPrefixes());
  FieldErrors field_errors;  // filled by the processors during parse_query
  const auto parse = [&](const std::string& text, unsigned extra_flags, Xapian::QueryParser* keep = nullptr) {
    Xapian::QueryParser local;
    Xapian::QueryParser& parser = keep ? *keep : local;
    parser.set_database(parser_db_);
    parser.set_stemmer(stemmer_);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    parser.set_max_expansion(limits_.max_wildcard_expansion, Xapian::Query::WILDCARD_LIMIT_ERROR);
    parser.add_prefix("title", std::string(schema::kPrefixTitle));
    // Words search the text and, with it, the names of who speaks (the
    // passage's speakers and delegations, see schema.h): "Souter WSIS",
    // "Brazil data governance". A passage by Brazil matches "Brazil" twice
    // over, so it ranks above one that only names Brazil.
    parser.add_prefix("", "");
    parser.add_prefix("", std::string(schema::kPrefixSpeakerName));
    parser.add_prefix("", std::string(schema::kPrefixDelegationName));
    // Field prefixes take what a user would type: country names as well as
    // codes, speaker names as well as ids, any action-line code, and are
    // checked as their parameters are.
    for (const SearchField& f : SearchFields()) {
      const std::string field(f.query_prefix);
      switch (f.resolver) {
        case Resolver::kCountry:
          parser.add_boolean_prefix(field, (new CountryField(field_errors))->release());
          break;
        case Resolver::kSpeaker:
          parser.add_boolean_prefix(field, (new SpeakerField(Speakers(), field_errors))->release());
          break;
        case Resolver::kActionLine:
          parser.add_boolean_prefix(field, (new ActionLineField(field_errors, TermPrefixes(r, f)))->release());
          break;
        case Resolver::kBody:
          parser.add_boolean_prefix(field, (new BodyField(f.term_prefix))->release());
          break;
        case Resolver::kType:
        case Resolver::kIntRanges:
          parser.add_boolean_prefix(field, (new CheckedField(db_, f, r, field_errors))->release());
          break;
      }
    }
    const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                           Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS | extra_flags;
    Xapian::Query parsed;
    try {
      parsed = parser.parse_query(text, flags);
    } catch (const Xapian::QueryParserError&) {
      throw UsageError("q", "q=" + r.q + ": " + std::string(kUnreadableQuery));
    }
    if (!field_errors.first.empty()) throw UsageError("q", "q=" + r.q + ": " + field_errors.first);
    return parsed;
  };
  // The name fields' copies of each word do not count: their posting lists
  // are a passage's speakers', short next to the text's.
  const auto count_terms = [](const Xapian::Query& query) {
    size_t terms = 0;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
      const std::string whole = *it;
      std::string_view term = whole;
      if (!term.empty() && term.front() == 'Z') term.remove_prefix(1);
      if (term.starts_with(schema::kPrefixSpeakerName) || term.starts_with(schema::kPrefixDelegationName)) continue;
      ++terms;
    }
    return terms;
  };
  // A pasted paragraph: searched by its most distinctive words.
  const auto like_this = [&] {
    LikeThis like = LikeThisQuery(db_, stemmer_, r.q, std::min(kLikeThisTerms, limits_.max_query_terms));
    parts.text = like.query;
    parts.like_this = std::move(like.words);
  };

  if (shape.everything) {
    // Empty, or "*" alone: every passage, as a search box's user means.
  } else if (CountWords(r.q) > std::min(kPastedTextWords, limits_.max_query_terms)) {
    like_this();
  } else if (shape.OnlyNegated()) {
    // "-climate", "NOT climate": everything (under the query's fields)
    // except. Xapian's parser drops a lone "-word" (and refuses a lone
    // NOT), so the query is built here from its two halves.
    std::string fields;
    for (const auto& f : shape.fields) fields += (fields.empty() ? "" : " ") + f;
    const Xapian::Query base = fields.empty() ? parts.text : parse(fields, 0);
    parts.text = Xapian::Query(Xapian::Query::OP_AND_NOT, base, parse(JoinWithOr(shape.negated), 0));
  } else {
    Xapian::QueryParser parser;
    parts.text = parse(r.q, corrected ? Xapian::QueryParser::FLAG_SPELLING_CORRECTION : 0, &parser);
    if (count_terms(parts.text) > limits_.max_query_terms) {
      like_this();  // few words, but acronyms that expand to many
    } else {
      const auto delegation = [](const std::string& word) { return Countries::Builtin().FindByName(word) != nullptr; };
      // Who speaks, as the parser searches it: the words of speakers' and
      // delegations' names (over shards, each shard is asked: the ranking
      // must be one index's, scores included).
      const auto name_word = [this](const std::string& word) {
        return db_.term_exists(std::string(schema::kPrefixSpeakerName) + word) ||
               db_.term_exists(std::string(schema::kPrefixDelegationName) + word);
      };
      parts.rank = ExactFormsKeepOrder(shape.one_phrase, shape.plain_words, delegation, name_word)
                       ? parts.text
                       : ExactFormsFirst(parts.text, shape.plain_words, delegation, schema::kPrefixDelegationName);
      if (corrected) *corrected = parser.get_corrected_query_string();
    }
  }
  if (parts.rank.empty()) parts.rank = parts.text;
  // Who the query's own fields select, for statement hits (a value that
  // names no one was refused above).
  for (const std::string& token : shape.fields) {
    const size_t colon = token.find(':');
    const std::string_view name = std::string_view(token).substr(0, colon);
    std::string value = token.substr(colon + 1);
    std::erase(value, '"');
    for (const SearchField& f : SearchFields()) {
      if (f.query_prefix != name) continue;
      if (f.resolver == Resolver::kCountry) {
        for (const Country* c : Countries::Builtin().Matching(value)) parts.countries.push_back(c->code);
      } else if (f.resolver == Resolver::kSpeaker) {
        for (auto& id : Speakers().Match(value)) parts.speakers.push_back(std::move(id));
      }
    }
  }
  for (const SearchField& f : SearchFields()) {
    Xapian::Query filter =
        f.values ? AnyOfPrefixes(TermPrefixes(r, f), r.*f.values) : AnyOfRanges(db_, f.term_prefix, r.*f.ranges);
    if (!filter.empty()) parts.filters.emplace_back(f.id, std::move(filter));
  }
  return parts;
}

Xapian::Query Searcher::Combine(const QueryParts& parts, const std::vector<FacetField>& except, bool ranked) {
  const Xapian::Query& text = ranked ? parts.rank : parts.text;
  std::vector<Xapian::Query> filters;
  for (const auto& [field, filter] : parts.filters) {
    if (std::find(except.begin(), except.end(), field) == except.end()) filters.push_back(filter);
  }
  if (filters.empty()) return text;
  return Xapian::Query(Xapian::Query::OP_FILTER, text, Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

Xapian::doccount Searcher::CountMatches(const QueryParts& parts) const {
  return CountOf(Combine(parts, {}));
}

Xapian::MSet Searcher::MatchAll(const Xapian::Database& db, const Xapian::Query& query,
                                const Xapian::MatchDecider* decider) {
  Xapian::Enquire counting(db);
  counting.set_query(query);
  counting.set_weighting_scheme(Xapian::BoolWeight());
  return counting.get_mset(0, 0, db.get_doccount(), nullptr, decider);
}

Xapian::doccount Searcher::CountOf(const Xapian::Query& query) const {
  Xapian::doccount n = 0;
  // Over shards the posting lists are remote: Xapian's matcher counts there.
  if (!sharded() && WalkMatches(db_, query, [&n](Xapian::docid) { ++n; })) return n;
  return MatchAll(db_, query).get_matches_estimated();
}

void Searcher::TallyOf(const Xapian::Database& db, const Xapian::Query& query, const FacetTally& tally) {
  if (WalkMatches(db, query, [&tally](Xapian::docid did) { tally.Count(did); })) return;
  MatchAll(db, query, &tally);
}

std::optional<std::string> Searcher::Suggest(const SearchRequest& request, const QueryParts& parts) const {
  std::string corrected;
  BuildQuery(request, &corrected);
  const auto honest = HonestCorrection(db_, request.q, corrected);
  if (!honest) return std::nullopt;
  SearchRequest suggested = request;
  suggested.q = *honest;
  // Under the same filters, the suggestion must find more than the query.
  if (CountMatches(BuildQuery(suggested)) <= CountMatches(parts)) return std::nullopt;
  return honest;
}

const FacetColumns& Searcher::Columns() const {
  std::call_once(columns_once_, [this] { columns_ = FacetColumns::For(db_); });
  return *columns_;
}

const SpeakerDirectory& Searcher::Speakers() const {
  // Every shard holds the whole archive's speakers (indexer/build.h), so
  // the first shard's are all of them.
  std::call_once(speakers_once_, [this] { speakers_ = SpeakerDirectory::For(sharded() ? *shards_.front() : db_); });
  return *speakers_;
}

SearchRequest Searcher::Resolve(const SearchRequest& request) const {
  SearchRequest resolved = request;
  resolved.speakers.clear();
  for (const std::string& value : request.speakers) {
    const std::vector<std::string> ids = Speakers().Match(value);
    if (ids.empty()) {
      throw UsageError("speaker", "speaker=" + value + ": no speaker of that name in the index");
    }
    for (const auto& id : ids) {
      if (std::find(resolved.speakers.begin(), resolved.speakers.end(), id) == resolved.speakers.end()) {
        resolved.speakers.push_back(id);
      }
    }
  }
  return resolved;
}

std::vector<std::string> Searcher::Selected(const SearchRequest& r, FacetField field) {
  return SelectedValues(r, FieldOf(field));
}

void Searcher::Label(FacetResult& result) const {
  const LabelSource labels = FieldOf(result.field).labels;
  for (FacetValue& v : result.values) {
    if (labels == LabelSource::kCountries) {
      const Country* c = Countries::Builtin().FindByCode(v.value);
      v.label = c ? c->short_name : v.value;
    } else if (labels == LabelSource::kSpeakers) {
      const std::string* name = Speakers().DisplayName(v.value);
      v.label = name ? *name : v.value;
    }
  }
}

SearchResult Searcher::Search(const SearchRequest& unresolved) const {
  const auto start = std::chrono::steady_clock::now();
  CheckPaging(unresolved);
  const SearchRequest request = Resolve(unresolved);
  return Run(request, BuildQuery(request), start);
}

Searcher::QueryParts Searcher::PartsFor(SearchRequest& request, const Xapian::Query& text) const {
  request.q.clear();  // the text is `text`; only the filters are built
  QueryParts parts = BuildQuery(request);
  parts.text = text;
  parts.rank = text;
  parts.from_q = false;
  return parts;
}

SearchResult Searcher::SearchFor(const SearchRequest& unresolved, const Xapian::Query& text) const {
  const auto start = std::chrono::steady_clock::now();
  CheckPaging(unresolved);
  SearchRequest request = Resolve(unresolved);
  const QueryParts parts = PartsFor(request, text);
  return Run(request, parts, start);
}

Xapian::MSet Searcher::Rank(const SearchRequest& unresolved, Xapian::doccount first, Xapian::doccount count,
                            Xapian::doccount check_at_least) const {
  const SearchRequest request = Resolve(unresolved);
  return RankParts(BuildQuery(request), request, first, count, check_at_least);
}

Xapian::MSet Searcher::RankParts(const QueryParts& parts, const SearchRequest& request, Xapian::doccount first,
                                 Xapian::doccount count, Xapian::doccount check_at_least, Xapian::valueno collapse_slot,
                                 Xapian::doccount collapse_max) const {
  Xapian::Enquire ranking(db_);
  ranking.set_query(Combine(parts, {}, true));
  switch (request.sort) {
    case Sort::kRelevance:
      break;
    case Sort::kDateDesc:
      ranking.set_sort_by_value_then_relevance(schema::kSlotDate, true);
      break;
    case Sort::kDateAsc:
      ranking.set_sort_by_value_then_relevance(schema::kSlotDate, false);
      break;
  }
  if (collapse_slot != Xapian::BAD_VALUENO) {
    ranking.set_collapse_key(collapse_slot, collapse_max);
  } else if (request.group_by_document) {
    ranking.set_collapse_key(schema::kSlotDocId);
  }
  try {
    return ranking.get_mset(first, count, check_at_least);
  } catch (const Xapian::WildcardError&) {
    throw UsageError("q", "a wildcard in q matches more than max_wildcard_expansion=" +
                              std::to_string(limits_.max_wildcard_expansion) + " terms; give more letters");
  }
}

Searcher::TallyPlan Searcher::PlanTally(const SearchRequest& request, const QueryParts& parts) const {
  // The filter of a faceted field goes to the tally, which needs every
  // passage that fails only that filter (multi-select); other filters stay
  // in the query, where Xapian skips what they exclude.
  std::vector<FacetField> tallied_filters;
  TallyPlan plan;
  for (const auto& [field, filter] : parts.filters) {
    if (std::find(request.facets.begin(), request.facets.end(), field) != request.facets.end()) {
      tallied_filters.push_back(field);
      plan.filters.push_back(ColumnFilter::Make(Columns(), field, Selected(request, field), request.action_line_mode));
    }
  }
  plan.query = Combine(parts, tallied_filters);
  return plan;
}

Counts Searcher::Tally(const SearchRequest& request, const QueryParts& parts,
                       std::chrono::steady_clock::time_point deadline) const {
  return TallyOn(db_, request, PlanTally(request, parts), deadline);
}

Counts Searcher::TallyOn(const Xapian::Database& db, const SearchRequest& request, TallyPlan plan,
                         std::chrono::steady_clock::time_point deadline) const {
  // Grouped by document, facets count documents as the total does.
  FacetTally tally(Columns(), request.facets, std::move(plan.filters), deadline, limits_.facet_budget_ms,
                   request.action_line_mode, request.group_by_document ? TallyUnit::kDocuments : TallyUnit::kPassages);
  TallyOf(db, plan.query, tally);
  Counts counts;
  counts.total = request.group_by_document ? tally.documents() : tally.passages();
  for (FacetField f : request.facets) counts.facets.push_back({f, tally.Values(f)});
  return counts;
}

std::chrono::steady_clock::time_point Searcher::FacetDeadline(std::chrono::steady_clock::time_point start) const {
  return start + std::chrono::microseconds(static_cast<long>(limits_.facet_budget_ms * 1000));
}

Counts Searcher::Count(const SearchRequest& unresolved) const {
  const auto start = std::chrono::steady_clock::now();
  const SearchRequest request = Resolve(unresolved);
  if (sharded()) return counts_->Count(request, nullptr);
  return Tally(request, BuildQuery(request), FacetDeadline(start));
}

Counts Searcher::CountFor(const SearchRequest& unresolved, const Xapian::Query& text) const {
  const auto start = std::chrono::steady_clock::now();
  SearchRequest request = Resolve(unresolved);
  const QueryParts parts = PartsFor(request, text);
  if (sharded()) {
    const std::string text_bytes = parts.text.serialise();
    return counts_->Count(request, &text_bytes);
  }
  return Tally(request, parts, FacetDeadline(start));
}

ProfileCounts Searcher::CountProfile(FacetField kind, const std::string& id) const {
  // Made first: it checks the kind, over shards too, before any shard is asked.
  const std::string term = ProfileTerm(kind, id);
  if (sharded()) return counts_->CountProfile(kind, id);
  return CountProfileOn(db_, term);
}

std::vector<TopicPassage> Searcher::TopicPassages(FacetField kind, const std::string& id, uint64_t bound) const {
  const std::string term = ProfileTerm(kind, id);
  if (sharded()) return counts_->TopicPassages(kind, id, bound);
  return TopicPassagesOn(db_, term, bound);
}

std::vector<Xapian::doccount> Searcher::TermFreqs(const std::vector<std::string>& words) const {
  if (sharded()) return counts_->TermFreqs(words);
  std::vector<Xapian::doccount> freqs;
  freqs.reserve(words.size());
  for (const std::string& word : words) freqs.push_back(db_.get_termfreq(word));
  return freqs;
}

namespace {

// Searches running in this process, to tell whether a core is free for a
// counting thread: under load every core already runs a search, and a
// second thread per search would only add switching.
std::atomic<unsigned> g_searches_running{0};

}  // namespace

Searcher::InFlight::InFlight() { g_searches_running.fetch_add(1, std::memory_order_relaxed); }
Searcher::InFlight::~InFlight() { g_searches_running.fetch_sub(1, std::memory_order_relaxed); }

bool Searcher::CountsInParallel(const QueryParts& parts) const {
  if (!counting_db_) return false;
  static const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  if (g_searches_running.load(std::memory_order_relaxed) >= cores) return false;
  if (limits_.parallel_count_postings == 0) return true;
  bool any_term = false;
  for (auto t = parts.text.get_unique_terms_begin(); t != parts.text.get_unique_terms_end(); ++t) {
    any_term = true;
    if (db_.get_termfreq(*t) >= limits_.parallel_count_postings) return true;
  }
  return !any_term && db_.get_doccount() >= limits_.parallel_count_postings;
}

SearchResult Searcher::Run(const SearchRequest& request, const QueryParts& parts,
                           std::chrono::steady_clock::time_point start) const {
  const auto deadline = FacetDeadline(start);
  SearchResult result;
  result.request = request;

  // Over shards, the shards count (all at once, while Xapian ranks here):
  // q as the request says it, or a query a program made (SearchFor) as
  // that query, serialised here: the counting thread must not touch
  // parts.text, whose reference counts the ranking below changes (they are
  // not atomic).
  std::future<Counts> shard_counts;
  const std::string text_bytes = sharded() && !parts.from_q ? parts.text.serialise() : std::string();
  if (sharded()) {
    shard_counts = std::async(std::launch::async,
                              [&] { return counts_->Count(request, parts.from_q ? nullptr : &text_bytes); });
  }
  const bool tallied = !sharded() && (!request.facets.empty() || request.group_by_document);
  // One index, a large match and a core free: the counting thread counts
  // while this one ranks, on its own handle and its own copy of the query
  // (serialised here: a Query shared between threads is a race, above).
  InFlight in_flight;
  std::future<Counts> local_counts;
  if (tallied && CountsInParallel(parts)) {
    TallyPlan plan = PlanTally(request, parts);
    Columns();  // loaded here, not raced for
    try {
      local_counts = std::async(std::launch::async, [this, &request, deadline, bytes = plan.query.serialise(),
                                                     filters = std::move(plan.filters)]() mutable {
        return TallyOn(*counting_db_, request, {Xapian::Query::unserialise(bytes), std::move(filters)}, deadline);
      });
      ++counted_in_parallel_;
    } catch (const std::system_error&) {
      // No thread to be had (a process or memory limit): counted below, on
      // this one, as under load.
    }
  }

  // Two walks of the matches. The first ranks: Xapian's matcher asked for
  // one page and no exact count, so it may skip what cannot reach the page.
  // The second counts every match, with the tally: down the posting lists
  // themselves (TallyOf, query/match_walk.h), or for phrases and the like
  // with boolean weights in Xapian's matcher. Apart, they cost less than one
  // ranked walk that must also visit every match: on the UNGDC,
  // "development" (83,722 passages, all facets) took 24 ms this way and 124
  // ms in one walk. (For a phrase, checking positions dominates both ways:
  // callgrind counted 170M instructions for the two walks of "human rights"
  // and 196M for one.)
  const Xapian::doccount offset = static_cast<Xapian::doccount>((request.page - 1) * request.per_page);
  const Xapian::MSet mset = RankParts(parts, request, offset, static_cast<Xapian::doccount>(request.per_page), 0);
  // The hits' passages and snippets need no count: made while the counts
  // are still coming.
  result.hits = Hits(mset, request, parts);

  if (shard_counts.valid() || tallied) {
    const Counts counts = shard_counts.valid()   ? shard_counts.get()
                          : local_counts.valid() ? local_counts.get()
                                                 : Tally(request, parts, deadline);
    result.total = counts.total;
    for (FacetField f : request.facets) {
      std::vector<FacetValue> values;
      for (const FacetResult& counted : counts.facets) {
        if (counted.field == f) values = counted.values;
      }
      FacetResult facet{f, RankFacetValues(std::move(values), kFacetListLimit, Selected(request, f))};
      Label(facet);
      result.facets.push_back(std::move(facet));
    }
  } else if (mset.get_matches_lower_bound() == mset.get_matches_upper_bound()) {
    result.total = mset.get_matches_estimated();
  } else {
    result.total = CountMatches(parts);
  }
  // Spelling correction reads the spelling table for every word: worth it
  // only when the query finds little, which is when a user needs it. A
  // pasted paragraph is not misspelt.
  if (result.total < kSuggestBelowHits && !text::Trim(request.q).empty() && parts.like_this.empty()) {
    result.suggestion = Suggest(request, parts);
  }
  result.like_this = parts.like_this;
  result.missing_shards = missing_shards_;

  result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

std::vector<Hit> Searcher::Hits(const Xapian::MSet& mset, const SearchRequest& request, const QueryParts& parts) const {
  // Default snippet flags: the background model would look up the
  // frequency of every word of the passage (a B-tree read each), which
  // tripled the time of a rare-term query.
  const auto snippet = [&](const std::string& text, size_t bytes) {
    return mset.snippet(text, bytes, stemmer_, 0, "<mark>", "</mark>", "\u2026");
  };
  // Who the request asks for, to find their statement in a paragraph.
  StatementFilter who{request.speakers, request.countries};
  who.speaker_ids.insert(who.speaker_ids.end(), parts.speakers.begin(), parts.speakers.end());
  who.countries.insert(who.countries.end(), parts.countries.begin(), parts.countries.end());
  const auto has_query_words = [&](const std::string& text) {
    return snippet(text, text.size()).find("<mark>") != std::string::npos;
  };
  // Words found through the acronym table are marked like the typed ones.
  const std::vector<std::string> acronyms = AcronymPhrases(parts.text, stemmer_);
  std::vector<Hit> hits;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.passage = PassageOf(*it, it.get_document());
    hit.score = it.get_weight();
    hit.citation = Citation(hit.passage);
    Paragraph& paragraph = hit.passage.paragraph;
    hit.statement = HitStatement(paragraph, who, has_query_words);
    if (hit.statement) {
      // The hit is one statement: its words, who speaks it. The paragraph
      // still counts once (facets and total are the passage's).
      const Statement& statement = paragraph.statements[*hit.statement];
      hit.snippet = snippet(statement.text, kSnippetBytes);
      paragraph.countries = statement.countries;
      paragraph.speakers.clear();
      hit.passage.speaker_ids.clear();
      for (const Speaker& s : statement.speakers) {
        paragraph.speakers.push_back(s.name);
        hit.passage.speaker_ids.push_back(s.id);
      }
    } else {
      hit.snippet = snippet(paragraph.text, kSnippetBytes);
    }
    hit.snippet = MarkPhrases(hit.snippet, acronyms);
    hits.push_back(std::move(hit));
  }
  return hits;
}

std::vector<Hit> Searcher::BestPerValue(const SearchRequest& unresolved, FacetField field, Xapian::doccount per_value,
                                        Xapian::doccount values) const {
  const SearchField& f = FieldOf(field);
  if (f.encoding == SlotEncoding::kPacked) {
    throw std::invalid_argument("BestPerValue: " + std::string(f.name) + " may have several values per passage");
  }
  const SearchRequest request = Resolve(unresolved);
  // Xapian keeps the best `per_value` of each value of the slot (its
  // collapse key), in the order of the whole ranking: one walk.
  const QueryParts parts = BuildQuery(request);
  return Hits(RankParts(parts, request, 0, per_value * values, 0, f.slot, per_value), request, parts);
}

FacetResult Searcher::FacetValues(const SearchRequest& unresolved, FacetField field, std::string_view prefix,
                                  size_t limit) const {
  const SearchRequest request = Resolve(unresolved);
  const QueryParts parts = BuildQuery(request);
  const auto deadline = FacetDeadline(std::chrono::steady_clock::now());
  // The field's values over the matches without its own filter: what a
  // search faceted on the field alone counts for it (multi-select), in
  // passages.
  SearchRequest alone = request;
  alone.facets = {field};
  alone.group_by_document = false;
  Counts counts = sharded() ? counts_->Count(alone, nullptr) : Tally(alone, parts, deadline);
  FacetResult result{field, RankFacetValues(std::move(counts.facets.front().values), SIZE_MAX, {})};
  Label(result);
  // Any word of a label, anywhere: "palestine" finds State of Palestine,
  // "souter" David Souter; a speaker by every form of the name, a country by
  // every one of its names.
  const std::string key = text::FoldKey(prefix);
  if (!key.empty()) {
    std::erase_if(result.values, [&](const FacetValue& v) {
      if (field == FacetField::kSpeaker) return !Speakers().MatchesPrefix(v.value, prefix);
      if (field == FacetField::kCountry) {
        const Country* c = Countries::Builtin().FindByCode(v.value);
        if (c) return !text::ContainsWords(Countries::SearchKey(*c), key, true);
      }
      return !text::ContainsWords(text::FoldKey(v.value) + " " + text::FoldKey(v.label), key, true);
    });
  }
  if (result.values.size() > limit) result.values.resize(limit);
  return result;
}

namespace {

NotFoundError NoSuchDocument(const std::string& doc_id) {
  return NotFoundError("no document with id '" + doc_id + "'");
}

}  // namespace

std::pair<Document, std::vector<Passage>> Searcher::GetDocument(const std::string& doc_id) const {
  auto document = DocumentRecord(doc_id);
  if (!document) throw NoSuchDocument(doc_id);
  std::pair<Document, std::vector<Passage>> out{std::move(*document), {}};
  const std::string term = schema::Term(schema::kPrefixDocId, doc_id);
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) out.second.push_back(PassageAt(*it));
  std::sort(out.second.begin(), out.second.end(),
            [](const Passage& a, const Passage& b) { return a.ordinal < b.ordinal; });
  return out;
}

std::vector<std::string> Searcher::HighlightPhrases(const std::string& q) const {
  SearchRequest request;
  request.q = q;
  try {
    return AcronymPhrases(BuildQuery(request).text, stemmer_);
  } catch (const UsageError&) {
    return {};  // a query that does not parse highlights nothing more
  }
}

IndexedFile Searcher::FileOf(const std::string& doc_id) const {
  if (!DocumentRecord(doc_id)) throw NoSuchDocument(doc_id);
  auto file = FileRecord(doc_id);
  if (!file) {
    throw NotFoundError("the index records no file for document '" + doc_id +
                        "' (it was built before files were recorded; the next build records them)");
  }
  return std::move(*file);
}

}  // namespace cstd::query

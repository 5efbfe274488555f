#include "query/searcher.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <stdexcept>

#include "model/action_lines.h"
#include "model/countries.h"
#include "model/errors.h"
#include "model/schema.h"
#include "model/speaker_record.h"
#include "model/text.h"
#include "query/facet_tally.h"
#include "query/search_fields.h"
#include "query/speaker_directory.h"

namespace cstd::query {

namespace {

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

Xapian::Query AnyOfRanges(std::string_view prefix, const std::vector<IntRange>& ranges) {
  std::vector<std::string> values;
  for (const auto& r : ranges) {
    for (int v = r.low; v <= r.high; ++v) values.push_back(std::to_string(v));
  }
  return AnyOf(prefix, values);
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

}  // namespace

std::string Searcher::KeepNames(const std::string& query, const std::string& corrected) const {
  // Xapian corrects words the text lacks; a speaker's or delegation's name
  // is no misspelling ("Souter" is not "foster"). The corrected string is
  // the query with words replaced, so they line up word by word.
  const auto original_words = text::Split(query, ' ');
  const auto corrected_words = text::Split(corrected, ' ');
  if (corrected.empty() || original_words.size() != corrected_words.size()) return corrected;
  std::string out;
  for (size_t i = 0; i < original_words.size(); ++i) {
    std::string_view word = corrected_words[i];
    if (word != original_words[i]) {
      const std::string lower = text::AsciiLower(original_words[i]);
      for (std::string_view prefix : {schema::kPrefixSpeakerName, schema::kPrefixDelegationName}) {
        if (db_.term_exists(std::string(prefix) + lower)) word = original_words[i];
      }
    }
    out += (i ? " " : "") + std::string(word);
  }
  return out;
}

Searcher::Searcher(Xapian::Database db, SearchLimits limits)
    : db_(std::move(db)), records_(db_), limits_(limits), stemmer_("english") {}

size_t Searcher::document_count() const {
  // Distinct documents: one XDOC term each. A walk of the term list, cheap
  // next to a search, and always in step with the passages.
  size_t n = 0;
  const std::string prefix(schema::kPrefixDocId);
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) ++n;
  return n;
}

std::string Searcher::generation() const {
  return db_.get_metadata(std::string(schema::kMetaGeneration));
}

Searcher::QueryParts Searcher::BuildQuery(const SearchRequest& r, std::optional<std::string>* suggestion) const {
  QueryParts parts;
  // Not Xapian::Query::MatchAll: that is one static object, and Query
  // reference counts are not atomic, so copying it from several searchd
  // threads at once corrupted its count and crashed the server (seen as a
  // segfault in Query::get_length under concurrent empty-q requests). The
  // empty term matches every document, and is this thread's own object.
  parts.text = Xapian::Query(std::string());
  if (r.q.size() > limits_.max_query_bytes) {
    throw UsageError("q", "q is " + std::to_string(r.q.size()) +
                              " bytes, over max_query_bytes=" + std::to_string(limits_.max_query_bytes));
  }
  if (!text::Trim(r.q).empty()) {
    Xapian::QueryParser parser;
    parser.set_database(db_);
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
    // codes, speaker names as well as ids, any action-line code.
    FieldErrors field_errors;  // filled by the processors during parse_query
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
        case Resolver::kType:
          parser.add_boolean_prefix(field, std::string(f.term_prefix));
          break;
        case Resolver::kIntRanges:
          parser.add_boolean_prefix(field, std::string(f.term_prefix));
          // Ranges: "year:2010..2024", "session:20..27".
          parser.add_rangeprocessor((new Xapian::NumberRangeProcessor(f.slot, field + ":"))->release());
          break;
      }
    }
    const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                           Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS |
                           (suggestion ? Xapian::QueryParser::FLAG_SPELLING_CORRECTION : 0);
    try {
      parts.text = parser.parse_query(std::string(r.q), flags);
    } catch (const Xapian::QueryParserError& e) {
      throw UsageError("q", "q=" + r.q + ": " + e.get_msg());
    }
    if (!field_errors.first.empty()) throw UsageError("q", "q=" + r.q + ": " + field_errors.first);
    // The name fields' copies of each word do not count: their posting lists
    // are a passage's speakers', short next to the text's.
    size_t terms = 0;
    for (auto it = parts.text.get_unique_terms_begin(); it != parts.text.get_unique_terms_end(); ++it) {
      const std::string whole = *it;
      std::string_view term = whole;
      if (!term.empty() && term.front() == 'Z') term.remove_prefix(1);
      if (term.starts_with(schema::kPrefixSpeakerName) || term.starts_with(schema::kPrefixDelegationName)) continue;
      ++terms;
    }
    if (terms > limits_.max_query_terms) {
      throw UsageError("q", "q has " + std::to_string(terms) +
                                " terms, over max_query_terms=" + std::to_string(limits_.max_query_terms));
    }
    if (suggestion) {
      const std::string corrected = KeepNames(r.q, parser.get_corrected_query_string());
      if (!corrected.empty() && corrected != r.q) *suggestion = corrected;
    }
  }
  for (const SearchField& f : SearchFields()) {
    Xapian::Query filter =
        f.values ? AnyOfPrefixes(TermPrefixes(r, f), r.*f.values) : AnyOfRanges(f.term_prefix, r.*f.ranges);
    if (!filter.empty()) parts.filters.emplace_back(f.id, std::move(filter));
  }
  return parts;
}

Xapian::Query Searcher::Combine(const QueryParts& parts, const std::vector<FacetField>& except) {
  std::vector<Xapian::Query> filters;
  for (const auto& [field, filter] : parts.filters) {
    if (std::find(except.begin(), except.end(), field) == except.end()) filters.push_back(filter);
  }
  if (filters.empty()) return parts.text;
  return Xapian::Query(Xapian::Query::OP_FILTER, parts.text,
                       Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

const FacetColumns& Searcher::Columns() const {
  std::call_once(columns_once_, [this] { columns_ = FacetColumns::For(db_); });
  return *columns_;
}

const SpeakerDirectory& Searcher::Speakers() const {
  std::call_once(speakers_once_, [this] { speakers_ = SpeakerDirectory::For(db_); });
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
      const SpeakerRecord* speaker = Speakers().Find(v.value);
      v.label = speaker ? speaker->DisplayName() : v.value;
    }
  }
}

SearchResult Searcher::Search(const SearchRequest& unresolved) const {
  const auto start = std::chrono::steady_clock::now();
  CheckPaging(unresolved);
  const SearchRequest request = Resolve(unresolved);
  return Run(request, BuildQuery(request), start);
}

SearchResult Searcher::SearchFor(const SearchRequest& unresolved, const Xapian::Query& text) const {
  const auto start = std::chrono::steady_clock::now();
  CheckPaging(unresolved);
  SearchRequest request = Resolve(unresolved);
  request.q.clear();  // the text is `text`; only the filters are built
  QueryParts parts = BuildQuery(request);
  parts.text = text;
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
  ranking.set_query(Combine(parts, {}));
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

SearchResult Searcher::Run(const SearchRequest& request, const QueryParts& parts,
                           std::chrono::steady_clock::time_point start) const {
  const auto deadline = start + std::chrono::microseconds(static_cast<long>(limits_.facet_budget_ms * 1000));
  SearchResult result;
  result.request = request;

  // The filter of a faceted field goes to the tally, which needs every
  // passage that fails only that filter (multi-select); other filters stay
  // in the query, where Xapian skips what they exclude.
  std::vector<FacetField> tallied_filters;
  for (const auto& [field, filter] : parts.filters) {
    if (std::find(request.facets.begin(), request.facets.end(), field) != request.facets.end()) {
      tallied_filters.push_back(field);
    }
  }
  std::optional<FacetTally> tally;
  if (!request.facets.empty() || request.group_by_document) {
    std::vector<ColumnFilter> filters;
    for (FacetField f : tallied_filters) {
      filters.push_back(ColumnFilter::Make(Columns(), f, Selected(request, f), request.action_line_mode));
    }
    tally.emplace(Columns(), request.facets, std::move(filters), deadline, limits_.facet_budget_ms,
                  request.action_line_mode);
  }

  // Two walks of the matches. The first ranks: Xapian's matcher asked for
  // one page and no exact count, so it may skip what cannot reach the page.
  // The second counts: boolean weights (no ranking) over every match, with
  // the tally. Apart, they cost less than one ranked walk that must also
  // visit every match: on the UNGDC, "development" (83,722 passages, all
  // facets) takes 24 ms this way and 124 ms in one walk. (For a phrase, checking
  // positions dominates both ways; one walk measured no faster.)
  const Xapian::doccount offset = static_cast<Xapian::doccount>((request.page - 1) * request.per_page);
  const Xapian::MSet mset = RankParts(parts, request, offset, static_cast<Xapian::doccount>(request.per_page), 0);

  if (tally) {
    Xapian::Enquire counting(db_);
    counting.set_query(Combine(parts, tallied_filters));
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.get_mset(0, 0, db_.get_doccount(), nullptr, &*tally);
    result.total = request.group_by_document ? tally->documents() : tally->passages();
    for (FacetField f : request.facets) {
      FacetResult facet{f, RankFacetValues(tally->Values(f), kFacetListLimit, Selected(request, f))};
      Label(facet);
      result.facets.push_back(std::move(facet));
    }
  } else if (mset.get_matches_lower_bound() == mset.get_matches_upper_bound()) {
    result.total = mset.get_matches_estimated();
  } else {
    Xapian::Enquire counting(db_);
    counting.set_query(Combine(parts, {}));
    counting.set_weighting_scheme(Xapian::BoolWeight());
    result.total = counting.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
  }
  // Spelling correction reads the spelling table for every word: worth it
  // only when the query finds little, which is when a user needs it.
  if (result.total < kSuggestBelowHits && !text::Trim(request.q).empty()) BuildQuery(request, &result.suggestion);

  result.hits = Hits(mset);
  result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

std::vector<Hit> Searcher::Hits(const Xapian::MSet& mset) const {
  std::vector<Hit> hits;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.passage = records_.PassageOf(it.get_document());
    hit.score = it.get_weight();
    // Default snippet flags: the background model would look up the
    // frequency of every word of the passage (a B-tree read each), which
    // tripled the time of a rare-term query.
    hit.snippet = mset.snippet(hit.passage.paragraph.text, kSnippetBytes, stemmer_, 0, "<mark>", "</mark>", "\u2026");
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
  return Hits(RankParts(BuildQuery(request), request, 0, per_value * values, 0, f.slot, per_value));
}

FacetResult Searcher::FacetValues(const SearchRequest& unresolved, FacetField field, std::string_view prefix,
                                  size_t limit) const {
  const SearchRequest request = Resolve(unresolved);
  const QueryParts parts = BuildQuery(request);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::microseconds(static_cast<long>(limits_.facet_budget_ms * 1000));
  FacetTally tally(Columns(), {field}, {}, deadline, limits_.facet_budget_ms, request.action_line_mode);
  Xapian::Enquire counting(db_);
  counting.set_query(Combine(parts, {field}));
  counting.set_weighting_scheme(Xapian::BoolWeight());
  counting.get_mset(0, 0, db_.get_doccount(), nullptr, &tally);
  FacetResult result{field, RankFacetValues(tally.Values(field), SIZE_MAX, {})};
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
  auto document = records_.DocumentOf(doc_id);
  if (!document) throw NoSuchDocument(doc_id);
  std::pair<Document, std::vector<Passage>> out{std::move(*document), {}};
  const std::string term = schema::Term(schema::kPrefixDocId, doc_id);
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
    out.second.push_back(records_.PassageOf(db_.get_document(*it)));
  }
  std::sort(out.second.begin(), out.second.end(),
            [](const Passage& a, const Passage& b) { return a.ordinal < b.ordinal; });
  return out;
}

IndexedFile Searcher::FileOf(const std::string& doc_id) const {
  if (!records_.DocumentOf(doc_id)) throw NoSuchDocument(doc_id);
  auto file = records_.FileOf(doc_id);
  if (!file) {
    throw NotFoundError("the index records no file for document '" + doc_id +
                        "' (it was built before files were recorded; the next build records them)");
  }
  return std::move(*file);
}

namespace {

using json::OptInt;
using json::OptStr;
using json::Str;

void WriteFilters(JsonWriter& w, const SearchRequest& r) {
  w.StartObject();
  for (const SearchField& field : SearchFields()) {
    const std::vector<std::string> values = FilterStrings(r, field);
    if (!values.empty()) {
      w.Key(field.name.data(), static_cast<rapidjson::SizeType>(field.name.size()));
      w.StartArray();
      for (const auto& v : values) Str(w, v);
      w.EndArray();
    }
    // A tag mode is echoed when it is not the default, with or without
    // values (it changes the field's facet counts too).
    if (TagModeOf(r, field) != ActionLineMode::kAll) {
      w.Key(field.tag_mode->parameter.data(), static_cast<rapidjson::SizeType>(field.tag_mode->parameter.size()));
      Str(w, std::string(ActionLineModeName(TagModeOf(r, field))));
    }
  }
  w.EndObject();
}

}  // namespace

void WriteFacetValues(JsonWriter& w, const FacetResult& facet) {
  w.StartArray();
  for (const FacetValue& v : facet.values) {
    w.StartObject();
    w.Key("value");
    if (IsNumericFacet(facet.field)) {
      w.Int(static_cast<int>(text::ParseInt(v.value).value_or(0)));
    } else {
      Str(w, v.value);
    }
    if (!v.label.empty()) {
      w.Key("label");
      Str(w, v.label);
    }
    w.Key("count");
    w.Uint64(v.count);
    w.EndObject();
  }
  w.EndArray();
}

void WriteQuery(JsonWriter& w, const SearchRequest& r) {
  w.StartObject();
  w.Key("q");
  Str(w, r.q);
  w.Key("filters");
  WriteFilters(w, r);
  w.EndObject();
}

void WriteHit(JsonWriter& w, const Hit& hit) {
  const Passage& p = hit.passage;
  w.StartObject();
  w.Key("doc_id");
  Str(w, p.doc_id);
  w.Key("passage_id");
  Str(w, p.passage_id);
  WritePassageDocumentFields(w, p);
  w.Key("paragraph");
  OptInt(w, p.paragraph.number);
  w.Key("page");
  OptInt(w, p.paragraph.page);
  w.Key("speakers");
  w.StartArray();
  for (size_t k = 0; k < p.paragraph.speakers.size() && k < p.speaker_ids.size(); ++k) {
    w.StartObject();
    w.Key("id");
    Str(w, p.speaker_ids[k]);
    w.Key("name");
    Str(w, p.paragraph.speakers[k]);
    w.EndObject();
  }
  w.EndArray();
  w.Key("countries");
  w.StartArray();
  for (const auto& code : p.paragraph.countries) {
    const Country* c = Countries::Builtin().FindByCode(code);
    w.StartObject();
    w.Key("code");
    Str(w, code);
    w.Key("name");
    Str(w, c ? c->short_name : code);
    w.EndObject();
  }
  w.EndArray();
  w.Key("action_lines");
  w.StartArray();
  for (const auto& a : p.paragraph.action_lines) Str(w, a);
  w.EndArray();
  // Lines the passage is about without naming them, with the lexicon's
  // terms that decided each, so a page can mark them and say why.
  w.Key("action_lines_inferred");
  WriteInferredActionLines(w, p.paragraph.action_lines_inferred);
  w.Key("snippet");
  Str(w, hit.snippet);
  w.Key("score");
  w.Double(static_cast<double>(static_cast<long>(hit.score * 1000)) / 1000);
  w.EndObject();
}

void WriteSearchResult(JsonWriter& w, const SearchResult& result) {
  const SearchRequest& r = result.request;
  w.StartObject();
  w.Key("query");
  WriteQuery(w, r);
  w.Key("total");
  w.Uint64(result.total);
  w.Key("page");
  w.Int(r.page);
  w.Key("per_page");
  w.Int(r.per_page);
  w.Key("took_ms");
  w.Double(static_cast<double>(static_cast<long>(result.took_ms * 1000)) / 1000);
  w.Key("hits");
  w.StartArray();
  for (const Hit& hit : result.hits) WriteHit(w, hit);
  w.EndArray();
  w.Key("facets");
  w.StartObject();
  for (const FacetResult& facet : result.facets) {
    const std::string_view name = FacetName(facet.field);
    w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    WriteFacetValues(w, facet);
  }
  w.EndObject();
  w.Key("suggestion");
  OptStr(w, result.suggestion);
  w.EndObject();
}

std::string SearchResultToJson(const SearchResult& result) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  WriteSearchResult(w, result);
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace cstd::query

#include "query/similar.h"

#include <algorithm>
#include <set>

#include "model/errors.h"
#include "model/schema.h"
#include "query/stopwords.h"

namespace cstd::query {

namespace {

// The stemmed words of a paragraph's text that may say what it is about:
// the indexer's TermGenerator writes each word unstemmed (with positions)
// and as "Z" + its stem, and stems join "governance" and "governing", so a
// paraphrase matches. Every other term has a capital prefix after the Z, or
// none: names (ZXPN..., ZXDN...), titles (ZS...), filter terms (XC:BRA,
// Q...). Left out too: the stems of stop words and of the genre's words
// (TopicStopwords: "delegate", "noted"), and stems in a fifth of all
// passages or more -- the archive's words, not the paragraph's ("nation" in
// the UNGDC), which would make the query match nearly everything. (A small
// archive has no such words: the fifth counts from kCommonFloor passages.)
class SubjectWords : public Xapian::ExpandDecider {
 public:
  static constexpr Xapian::doccount kCommonFloor = 100;
  explicit SubjectWords(const Xapian::Database& db)
      : db_(db), max_frequency_(std::max(db.get_doccount() / 5, kCommonFloor)) {}
  bool operator()(const std::string& term) const override {
    if (term.size() < 2 || term[0] != 'Z') return false;
    const char c = term[1];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80)) return false;
    if (StopStems().count(term)) return false;
    return db_.get_termfreq(term) <= max_frequency_;
  }

 private:
  // "Z" + the stem of each stop word, as the index spells them.
  static const std::set<std::string>& StopStems() {
    static const std::set<std::string> kStems = [] {
      const Xapian::Stem stem("english");
      std::set<std::string> stems;
      for (const auto& word : TopicStopwords()) stems.insert("Z" + stem(word));
      return stems;
    }();
    return kStems;
  }

  const Xapian::Database& db_;
  Xapian::doccount max_frequency_;
};

}  // namespace

SearchResult Similar(const Searcher& searcher, std::string_view passage_id, const SimilarRequest& request) {
  const Xapian::Database& db = searcher.database();
  const std::string self_term = schema::Term(schema::kPrefixPassageId, passage_id);
  const Xapian::PostingIterator found = db.postlist_begin(self_term);
  if (found == db.postlist_end(self_term)) {
    throw NotFoundError("no passage with id '" + std::string(passage_id) + "'");
  }
  const Xapian::docid did = *found;
  const Passage source = searcher.PassageAt(did);

  Xapian::RSet relevant;
  relevant.add_document(did);
  Xapian::Enquire enquire(db);
  const SubjectWords subject(db);
  // Exact term frequencies: by default Xapian estimates a word's frequency
  // in a database of several parts (shards) from the part the passage is
  // in, so the words chosen, the query and its totals were not one index's
  // (349 against 374 similar passages in SimilarStatementsAsOneIndex). One
  // index pays nothing for it; shards pay a frequency lookup per candidate
  // word, which SubjectWords makes anyway.
  const Xapian::ESet words = enquire.get_eset(kSimilarTerms, relevant, Xapian::Enquire::USE_EXACT_TERMFREQ, &subject);
  std::vector<Xapian::Query> weighted;
  const double top = words.empty() ? 1 : words.begin().get_weight();
  for (auto it = words.begin(); it != words.end(); ++it) {
    weighted.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), it.get_weight() / top);
  }
  // An empty expand set (a paragraph of one common word) finds nothing.
  Xapian::Query like =
      weighted.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, weighted.begin(), weighted.end());
  like = Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(self_term));
  if (request.other_delegations && !source.paragraph.countries.empty()) {
    std::vector<Xapian::Query> own;
    for (const auto& code : source.paragraph.countries) own.emplace_back(schema::Term(schema::kPrefixCountry, code));
    like = Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(Xapian::Query::OP_OR, own.begin(), own.end()));
  }
  // Other documents first: the paragraphs of the passage's own document
  // match with no weight, below every other match (each has a word of the
  // set, so a weight above zero), and come in the order Xapian finds them.
  const Xapian::Query own_document(schema::Term(schema::kPrefixDocId, source.doc_id));
  const Xapian::Query text(
      Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_AND_NOT, like, own_document),
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_FILTER, like, own_document), 0));
  return searcher.SearchFor(request.search, text);
}

}  // namespace cstd::query

#include "query/like_this.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "query/stopwords.h"

namespace cstd::query {

namespace {

struct Candidate {
  std::string term;   // 'Z' + stem
  std::string word;   // first form in the text
  Xapian::termpos first = 0;
  Xapian::termcount uses = 0;
  double score = 0;
};

}  // namespace

LikeThis LikeThisQuery(const Xapian::Database& db, const Xapian::Stem& stemmer, std::string_view text,
                       size_t max_terms) {
  // The text's words as the indexer reads them (lower case, unstemmed, with
  // positions), then grouped by stem.
  Xapian::TermGenerator generator;
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  Xapian::Document scratch;
  generator.set_document(scratch);
  generator.index_text(std::string(text));
  std::map<std::string, Candidate> by_stem;
  for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) {
    const std::string word = *it;
    if (TopicStopwords().count(word)) continue;
    // Numbers and single letters say little of a topic.
    if (word.size() < 2 || std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    const std::string term = "Z" + stemmer(word);
    Candidate& c = by_stem[term];
    const Xapian::termpos first = *it.positionlist_begin();
    if (c.term.empty() || first < c.first) {
      c.word = word;
      c.first = first;
    }
    c.term = term;
    c.uses += it.get_wdf();
  }
  const double passages = std::max<double>(1, db.get_doccount());
  std::vector<Candidate> ranked;
  for (auto& [term, c] : by_stem) {
    const Xapian::doccount df = db.get_termfreq(term);
    if (df == 0) continue;
    c.score = c.uses * std::log(1 + passages / df);
    ranked.push_back(std::move(c));
  }
  // Ties by first use, so the same text always gives the same words.
  std::sort(ranked.begin(), ranked.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.first < b.first;
  });
  if (ranked.size() > max_terms) ranked.resize(max_terms);
  LikeThis out;
  std::vector<Xapian::Query> terms;
  for (const Candidate& c : ranked) {
    terms.emplace_back(c.term, c.uses);
    out.words.push_back(c.word);
  }
  // Query() matches nothing (not Query::MatchNothing: a static object
  // whose reference count threads would share, see Searcher::BuildQuery).
  if (!terms.empty()) out.query = Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return out;
}

}  // namespace cstd::query

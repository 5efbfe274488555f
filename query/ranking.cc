#include "query/ranking.h"

#include <algorithm>

namespace cstd::query {

namespace {

// The words as the indexer writes its unstemmed terms (lower case, split as
// TermGenerator splits), in order, each once.
std::vector<std::string> UnstemmedTerms(const std::vector<std::string>& plain_words) {
  std::string text;
  for (const auto& w : plain_words) text += w + " ";
  Xapian::TermGenerator generator;
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  Xapian::Document scratch;
  generator.set_document(scratch);
  generator.index_text(text);
  std::vector<std::pair<Xapian::termpos, std::string>> by_position;
  for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) {
    by_position.emplace_back(*it.positionlist_begin(), *it);
  }
  std::sort(by_position.begin(), by_position.end());
  std::vector<std::string> terms;
  for (auto& [position, term] : by_position) terms.push_back(std::move(term));
  return terms;
}

}  // namespace

Xapian::Query ExactFormsFirst(const Xapian::Query& matching, const std::vector<std::string>& plain_words) {
  const std::vector<std::string> terms = UnstemmedTerms(plain_words);
  if (terms.empty()) return matching;
  std::vector<Xapian::Query> boosts;
  std::vector<Xapian::Query> words;
  for (const auto& t : terms) words.emplace_back(t);
  boosts.emplace_back(Xapian::Query::OP_OR, words.begin(), words.end());
  if (words.size() >= 2) {
    boosts.emplace_back(Xapian::Query::OP_NEAR, words.begin(), words.end(),
                        static_cast<Xapian::termcount>(words.size()) + kProximitySlack);
  }
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, matching,
                       Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
}

}  // namespace cstd::query

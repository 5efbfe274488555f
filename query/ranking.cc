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

Xapian::Query ExactFormsFirst(const Xapian::Query& matching, const std::vector<std::string>& plain_words,
                              const std::function<bool(const std::string&)>& delegation_name,
                              std::string_view delegation_prefix) {
  const std::vector<std::string> terms = UnstemmedTerms(plain_words);
  if (terms.empty()) return matching;
  std::vector<Xapian::Query> anywhere;  // the words as typed, in the text or a delegation's name
  std::vector<Xapian::Query> close;     // the words that name no delegation, in the text
  for (const auto& t : terms) {
    anywhere.emplace_back(t);
    if (delegation_name && delegation_name(t)) {
      anywhere.emplace_back(std::string(delegation_prefix) + t);
    } else {
      close.emplace_back(t);
    }
  }
  std::vector<Xapian::Query> boosts;
  boosts.emplace_back(Xapian::Query::OP_OR, anywhere.begin(), anywhere.end());
  if (close.size() >= 2) {
    boosts.emplace_back(Xapian::Query::OP_NEAR, close.begin(), close.end(),
                        static_cast<Xapian::termcount>(close.size()) + kProximitySlack);
  }
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, matching,
                       Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
}

bool ExactFormsKeepOrder(bool one_phrase, const std::vector<std::string>& plain_words,
                         const std::function<bool(const std::string&)>& delegation_name,
                         const std::function<bool(const std::string&)>& name_word) {
  if (!one_phrase) return false;
  const std::vector<std::string> terms = UnstemmedTerms(plain_words);
  if (terms.empty()) return false;
  return std::none_of(terms.begin(), terms.end(), [&](const std::string& t) {
    return (delegation_name && delegation_name(t)) || (name_word && name_word(t));
  });
}

}  // namespace cstd::query

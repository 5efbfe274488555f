#include "query/statement_hits.h"

#include <algorithm>

namespace cstd::query {

namespace {

bool Selected(const Statement& statement, const StatementFilter& filter) {
  const auto in = [](const std::vector<std::string>& list, const std::string& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
  };
  for (const auto& s : statement.speakers) {
    if (in(filter.speaker_ids, s.id)) return true;
  }
  for (const auto& c : statement.countries) {
    if (in(filter.countries, c)) return true;
  }
  return false;
}

}  // namespace

std::optional<size_t> HitStatement(const Paragraph& paragraph, const StatementFilter& filter,
                                   const std::function<bool(const std::string&)>& has_query_words) {
  const auto& statements = paragraph.statements;
  if (statements.size() < 2) return std::nullopt;
  if (!filter.empty()) {
    std::optional<size_t> first_selected;
    for (size_t i = 0; i < statements.size(); ++i) {
      if (!Selected(statements[i], filter)) continue;
      if (has_query_words(statements[i].text)) return i;
      if (!first_selected) first_selected = i;
    }
    if (first_selected) return first_selected;
  }
  std::optional<size_t> only;
  for (size_t i = 0; i < statements.size(); ++i) {
    if (!has_query_words(statements[i].text)) continue;
    if (only) return std::nullopt;  // the words are in two statements: the paragraph is the hit
    only = i;
  }
  return only;
}

}  // namespace cstd::query

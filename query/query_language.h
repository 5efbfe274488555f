// How a query string reads at its top level, before Xapian's parser sees
// it: the corners the parser alone gets wrong for a search box ("-climate"
// alone, "NOT climate" alone, "*" alone) and the plain words whose exact
// forms and closeness rank a passage (query/ranking.h).

#ifndef CSTD_QUERY_QUERY_LANGUAGE_H_
#define CSTD_QUERY_QUERY_LANGUAGE_H_

#include <string>
#include <string_view>
#include <vector>

namespace cstd::query {

/// The top-level items of a query, each as typed (quotes kept).
struct QueryShape {
  /// Empty, or nothing but '*' and spaces: every passage.
  bool everything = false;
  /// Items that match: words, "phrases", +words, wildcards, and items
  /// inside brackets or joined by operators.
  std::vector<std::string> positive;
  /// Items after '-' or NOT, without it: `-climate`, `NOT "climate change"`.
  std::vector<std::string> negated;
  /// field:value items (`country:BRA`, `year:2020..2024`): filters.
  std::vector<std::string> fields;
  /// The plain words of the positive items outside brackets, wildcards
  /// and fields, in order: what a passage that has them as typed, and
  /// close together, ranks higher for. Phrases give their words.
  std::vector<std::string> plain_words;
  /// Whether the query uses AND, OR, XOR, NEAR, ADJ or brackets.
  bool has_operators = false;
  /// The query's one positive item is a quoted phrase (`"human rights"`,
  /// with fields or negated items beside it or not), without operators.
  bool one_phrase = false;

  /// Nothing matches positively but something is excluded ("-climate",
  /// "NOT climate", "-climate country:BRA"): everything (under the
  /// fields) except the negated items.
  bool OnlyNegated() const { return positive.empty() && !negated.empty() && !has_operators; }
};

/// Reads `q`, where `filter_fields` are the query language's filter
/// fields ("country", "year", ...; "title:" searches words and is not one).
/// Quotes (straight or curly) group a phrase; an unclosed quote runs to the
/// end, as Xapian's parser reads it. Throws nothing but std::bad_alloc.
QueryShape ReadQueryShape(std::string_view q, const std::vector<std::string_view>& filter_fields);

/// Words in `q`: runs of letters and digits (any byte of a multi-byte UTF-8
/// character counts as a letter). A cheap count to tell a pasted paragraph
/// from a query before parsing it.
size_t CountWords(std::string_view q);

/// Joins `items` with " OR " (for the negated items, which exclude a
/// passage if any of them matches).
std::string JoinWithOr(const std::vector<std::string>& items);

}  // namespace cstd::query

#endif  // CSTD_QUERY_QUERY_LANGUAGE_H_

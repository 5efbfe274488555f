// A search for "WSIS" finds "World Summit on the Information Society"
// through the acronym table (data/synonyms.tsv): the spelled-out words are
// what matched, so they are what a snippet and the document view mark.

#ifndef CSTD_QUERY_ACRONYM_MARKS_H_
#define CSTD_QUERY_ACRONYM_MARKS_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace cstd::query {

/// The acronyms and spelled-out forms `query` finds through the acronym
/// table, lower case: for each acronym whose term (or its 'Z'-prefixed
/// stem, by `stemmer`) `query` holds -- typed, or added by the parser for a
/// spelled-out form -- the acronym and every form of it. Throws nothing but
/// std::bad_alloc.
std::vector<std::string> AcronymPhrases(const Xapian::Query& query, const Xapian::Stem& stemmer);

/// `snippet` (HTML-escaped text, matches in <mark>...</mark>) with every
/// occurrence of a phrase of `phrases` (lower case, matched case-blind as
/// whole words, any run of spaces between them) outside a mark put in one.
/// Throws nothing but std::bad_alloc.
std::string MarkPhrases(std::string_view snippet, const std::vector<std::string>& phrases);

}  // namespace cstd::query

#endif  // CSTD_QUERY_ACRONYM_MARKS_H_

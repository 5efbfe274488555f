// Spelling suggestions a delegate can trust: Xapian's corrector proposes,
// these rules decide what of it to offer. A correction may only replace a
// word the index hardly knows, never a word it uses often, a number or a
// name; Searcher then offers it only when it finds more than the query did
// under the same filters.

#ifndef CSTD_QUERY_SUGGESTION_H_
#define CSTD_QUERY_SUGGESTION_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

namespace cstd::query {

/// A word in at most this share of passages (and at most kRareWordMinimum
/// of them, whichever is more) is rare: a typo of the archive itself
/// ("govermnent") or of the user. A word used more than that is one the
/// archive writes on purpose, however close it is to a commoner word
/// ("internet" is not a misspelling of "interest").
inline constexpr double kRareWordShare = 1.0 / 20000;
inline constexpr Xapian::doccount kRareWordMinimum = 2;

/// A replacement for a word the index has (rarely) must be at least this
/// many times as common: a correction between two rare words is a guess.
inline constexpr Xapian::doccount kReplacementMoreCommon = 10;

/// The largest passage count of a rare word in `db`.
Xapian::doccount RareWordBound(const Xapian::Database& db);

/// `query` with those replacements of `corrected` (Xapian's correction of
/// `query`: the same words, some replaced) that replace a rare word (as
/// RareWordBound says; counted unstemmed, as typed) without a digit in it,
/// that is no word of a speaker's or delegation's name -- a word the index
/// lacks by any, one it has by one at least kReplacementMoreCommon times as
/// common; nullopt when none is left or the two do not line up word for
/// word. Throws what Xapian throws reading `db`.
std::optional<std::string> HonestCorrection(const Xapian::Database& db, std::string_view query,
                                            std::string_view corrected);

}  // namespace cstd::query

#endif  // CSTD_QUERY_SUGGESTION_H_

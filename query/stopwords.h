// Words that say nothing of what a text is about: the English stop words
// and the words of the genre that every statement uses
// (data/topic_stopwords.tsv). A speaker's topics (profile.h) and the
// distinctive words of a pasted paragraph (like_this.h) leave them out.

#ifndef CSTD_QUERY_STOPWORDS_H_
#define CSTD_QUERY_STOPWORDS_H_

#include <set>
#include <string>

namespace cstd::query {

/// The words of data/topic_stopwords.tsv, lower case. Throws DataError if
/// the table is malformed (on first use).
const std::set<std::string>& TopicStopwords();

}  // namespace cstd::query

#endif  // CSTD_QUERY_STOPWORDS_H_

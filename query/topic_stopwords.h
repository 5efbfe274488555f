// The words that never say what a passage is about.

#ifndef CSTD_QUERY_TOPIC_STOPWORDS_H_
#define CSTD_QUERY_TOPIC_STOPWORDS_H_

#include <set>
#include <string>

namespace cstd::query {

/// data/topic_stopwords.tsv, compiled in: the English stop words of the
/// Snowball project and the words of the genre ("delegate", "noted",
/// "session") that every statement uses whatever its theme. Lower case,
/// unstemmed. Profiles' topics and similar statements' queries leave them
/// out. Throws DataError if the table is malformed (the suite loads it).
const std::set<std::string>& TopicStopwords();

}  // namespace cstd::query

#endif  // CSTD_QUERY_TOPIC_STOPWORDS_H_

// A stemmer that remembers the stems it worked out. Snippets stem every word
// of every hit's text to find the query's words in it (Xapian's
// MSet::snippet): on the UNGDC a query's ten hits stem a thousand words,
// most of them seen before, and stemming was a sixth of a rare-term query.

#ifndef CSTD_QUERY_CACHING_STEM_H_
#define CSTD_QUERY_CACHING_STEM_H_

#include <xapian.h>

#include <cstddef>
#include <string>

namespace cstd::query {

/// Words a CachingStem remembers before it forgets them all and starts
/// again: a language's everyday words fit (the UNGDC's passages hold about
/// 60,000 distinct words), and at most some 5 MB a stemmer.
inline constexpr size_t kStemCacheWords = 65536;

/// Xapian's stemmer for `language`, answering as it does, with a memory of
/// up to `capacity` words. Like any Xapian::Stem its copies share one
/// implementation, which is not safe to use from two threads at once: give
/// each thread its own. Throws Xapian::InvalidArgumentError for a language
/// Xapian does not know.
Xapian::Stem CachingStem(const std::string& language, size_t capacity = kStemCacheWords);

}  // namespace cstd::query

#endif  // CSTD_QUERY_CACHING_STEM_H_

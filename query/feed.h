// Alerts as feeds: the newest paragraphs a search matches as an Atom 1.0
// feed (RFC 4287), so a feed reader or a mail gateway follows a search.
// GET /v1/feed writes through here.

#ifndef CSTD_QUERY_FEED_H_
#define CSTD_QUERY_FEED_H_

#include <string>
#include <string_view>

#include "query/searcher.h"

namespace cstd::query {

/// Entries in a feed: the newest paragraphs, enough for a reader that
/// looks in once a day in a busy session.
inline constexpr int kFeedEntries = 50;

/// The Atom feed of the newest paragraphs `request` matches (its q and
/// filters; sort, paging and facets are the feed's own): newest document
/// date first, at most kFeedEntries, one entry per paragraph. An entry's
/// id and link are the paragraph's page (PassageLink on `base`,
/// "http://host:port" or "" for paths), its title the citation, its
/// summary the snippet (HTML), its content the text, its authors the
/// speakers (or else the delegations), its categories the delegations and
/// action lines, and its `updated` the time the build that added the
/// paragraph ran (SourceRecord::added; an index built before that was
/// recorded gives the document's date). The feed's id and self link are
/// /v1/feed with the search's parameters in a canonical form (the query,
/// then each filter as the index resolved it), so every way of writing one
/// search is one feed; its alternate link is the search page of the same
/// search, its `updated` the newest entry's (the epoch for a feed without
/// entries). Throws as Searcher::Search.
std::string AtomFeed(const Searcher& searcher, const SearchRequest& request, std::string_view base);

/// The media type of an Atom feed.
inline constexpr std::string_view kAtomContentType = "application/atom+xml; charset=utf-8";

}  // namespace cstd::query

#endif  // CSTD_QUERY_FEED_H_

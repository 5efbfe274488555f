// Where a paragraph is on the search page: the link a delegate follows from
// an export, a feed or another program to the paragraph in its document.

#ifndef CSTD_QUERY_PASSAGE_LINK_H_
#define CSTD_QUERY_PASSAGE_LINK_H_

#include <string>
#include <string_view>

#include "model/document_json.h"

namespace cstd::query {

/// The anchor of passage `p` in the page's document view: "p37" for a
/// numbered paragraph, "passage-ID" for an unnumbered one. The page's
/// paragraphAnchor (searchd/web/state.js) says the same; the two must agree.
std::string ParagraphAnchor(const Passage& p);

/// The page's URL of passage `p` on the server at `base` ("http://host:port",
/// or "" for a path alone): "http://host:port/?doc=DOC_ID#p37".
std::string PassageLink(std::string_view base, const Passage& p);

}  // namespace cstd::query

#endif  // CSTD_QUERY_PASSAGE_LINK_H_

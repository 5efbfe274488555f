// What a delegate pastes to cite a paragraph.

#ifndef CSTD_QUERY_CITATION_H_
#define CSTD_QUERY_CITATION_H_

#include <string>

#include "model/document_json.h"

namespace cstd::query {

/// The citation of passage `p`: the document's symbol (its title when it
/// has none), its session and year, and the paragraph -- its number, or for
/// an unnumbered one its place in the text -- with the page of a PDF:
///
///   "E/CN.16/2022/CRP.1, 25th session, 2022, para. 26 (p. 7)"
///   "Report of the intersessional panel meeting, 25th session, 2022, para. 26"
///   "Spain: General Debate statement, 75th session of the General Assembly (2020), 19th paragraph"
///
/// Session and year are left out when the title standing for the document
/// already says them (a title that names its session and year, as the UN's
/// own often do), so nothing is said twice. Throws nothing but
/// std::bad_alloc.
std::string Citation(const Passage& p);

}  // namespace cstd::query

#endif  // CSTD_QUERY_CITATION_H_

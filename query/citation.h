// What a delegate pastes to cite a paragraph: the document, as the UN
// cites it, and the paragraph.

#ifndef CSTD_QUERY_CITATION_H_
#define CSTD_QUERY_CITATION_H_

#include <string>

#include "model/document_json.h"

namespace cstd::query {

/// The citation of `p`. The document is its symbol when it has one
/// ("E/CN.16/2022/CRP.1"); a speech is its delegation (or speaker), the
/// meeting and the session ("Brazil, General Debate, 78th session (2023)",
/// "Kenya, statement, 25th session of the CSTD (2022)"); any other document
/// its title, session and year ("CSTD's contribution to the WSIS+20
/// review, 27th session of the CSTD (2024)"). Then the paragraph's number
/// ("para. 12"), or failing that the page of a PDF ("p. 3"); a paragraph
/// with neither is cited by its document alone. Throws nothing but
/// std::bad_alloc.
std::string Citation(const Passage& p);

}  // namespace cstd::query

#endif  // CSTD_QUERY_CITATION_H_

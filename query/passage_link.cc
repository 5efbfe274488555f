#include "query/passage_link.h"

#include "query/http_client.h"

namespace cstd::query {

std::string ParagraphAnchor(const Passage& p) {
  return p.paragraph.number ? "p" + std::to_string(*p.paragraph.number) : "passage-" + p.passage_id;
}

std::string PassageLink(std::string_view base, const Passage& p) {
  // The page decodes the fragment (decodeURIComponent), so an id with any
  // character survives the trip.
  return std::string(base) + "/?doc=" + UrlEncode(p.doc_id) + "#" + UrlEncode(ParagraphAnchor(p));
}

}  // namespace cstd::query

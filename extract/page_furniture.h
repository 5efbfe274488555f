// Page furniture: the lines a printed UN document repeats on its pages --
// page numbers, job numbers, running headers -- which a conversion to text
// leaves between the lines of the body, often in the middle of a sentence.

#ifndef CSTD_EXTRACT_PAGE_FURNITURE_H_
#define CSTD_EXTRACT_PAGE_FURNITURE_H_

#include <string_view>

namespace cstd::extract {

/// True when `line` (one line of text, markup already removed) is page
/// furniture and nothing else. Every word must be one of:
/// - a page number: "3", "- 3 -", "– 3 –", "3/14", "Page 3", "Page 3 of 14",
///   "p. 3" (up to three digits: "2030" is a year, not a page);
/// - a job number as the UN's document services print it: "GE.22-09978",
///   "GE.22-09978(E)", "V.23-01234", "24-01234 (E)", its language tag "(E)"
///   and the six-digit dates after it ("010222 020222"), or the bar code's
///   digits "*2209978*";
/// - a document symbol as running headers print it: "E/CN.16/2022/CRP.1",
///   "A/78/62", "TD/B/C.II/49" (no final full stop: "A/RES/76/6." closing
///   a footnote is a citation, not a header).
/// An empty line is not furniture.
bool IsPageFurniture(std::string_view line);

/// True when `word` is a UN document symbol: series letters and numbers
/// separated by '/', starting with a capital, with at least one '/' and one
/// digit, and no final full stop ("E/CN.16/2024/2", "A/RES/70/125",
/// "E/2023/31", "E/CN.16/2022/L.1/Rev.1").
bool IsDocumentSymbol(std::string_view word);

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_PAGE_FURNITURE_H_

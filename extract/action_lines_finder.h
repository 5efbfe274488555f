// Finds the WSIS action lines a text names explicitly: by code ("C5",
// "C7eGov", "Action Line C11"), by number in an action-line context
// ("action lines 3 and 4", "digital inclusion (8, 9)" in a sentence about
// action lines), or by title. Topic words alone never count.

#ifndef CSTD_EXTRACT_ACTION_LINES_FINDER_H_
#define CSTD_EXTRACT_ACTION_LINES_FINDER_H_

#include <string>
#include <string_view>
#include <vector>

namespace cstd::extract {

/// The main action lines (C1..C11) named in `text`, in numeric order; a
/// sub-line (C7eGov) counts as its main line. A code counts only in a WSIS
/// context: `wsis_document` (a document about WSIS: its head names the
/// Summit or the Commission), a sentence that speaks of action lines or
/// WSIS, or a list of codes; "C5+", "G20" and "C40 cities" never count.
std::vector<std::string> FindActionLines(std::string_view text, bool wsis_document = false);

/// Titles shorter than this many words ("Media", "Capacity building") are
/// ordinary phrases too, so they count only in a sentence that speaks of
/// action lines and printed with a capital initial, as a name; longer titles
/// are distinctive enough anywhere.
inline constexpr size_t kDistinctiveTitleWords = 5;

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_ACTION_LINES_FINDER_H_

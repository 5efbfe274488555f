// Attribution: who speaks in each paragraph. Footnote markers resolve to
// persons ("Mr. Peter Major, Hungary.") or delegations ("Representative of
// Cuba."); the text names delegations too ("The delegate from Japan ...").
// Paragraphs split into statements where the speaker changes.

#ifndef CSTD_EXTRACT_ATTRIBUTION_H_
#define CSTD_EXTRACT_ATTRIBUTION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/structure.h"
#include "model/document.h"
#include "model/names.h"

namespace cstd::extract {

/// The honorific at the start of a footnote ("Mr.", "H.E. Mr.", ...): the
/// names module's, which knows every form of address.
using names::LeadingHonorific;

/// What a footnote says about who spoke.
struct FootnoteAttribution {
  std::vector<Speaker> persons;        // persons named, honorifics split off
  std::vector<std::string> countries;  // delegations (ISO3), in order
};

/// Reads one footnote's text. "Representative(s) of A; Representative of B"
/// and "Representatives of A, B and C" give delegations (international
/// organizations in such lists are not countries); "Mr. Name, Role,
/// Affiliation, Country." gives a person; an organization alone, a document
/// symbol or a URL gives nothing.
FootnoteAttribution ReadFootnote(std::string_view text);

/// Delegations the text reports as speaking: "The delegate from Japan",
/// "delegates of Brazil, India and Türkiye", "the representative of the
/// United States". Countries merely mentioned are not returned.
std::vector<std::string> DelegationsInText(std::string_view text);

/// Fills the paragraphs' speakers, countries and statements, and the
/// document's speaker list, from `structure`'s markers and footnotes and the
/// text. Markers whose footnote is missing, and footnotes placed by
/// sequence, are reported in `doc.warnings`.
void Attribute(const Structure& structure, ExtractedDocument& doc);

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_ATTRIBUTION_H_

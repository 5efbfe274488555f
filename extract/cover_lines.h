// The lines of a document's cover page and what each says: the masthead,
// the Commission and its session, agenda items, the date, the meeting, the
// author. Structure reads them to keep cover lines apart; metadata reads
// the document's fields from them.

#ifndef CSTD_EXTRACT_COVER_LINES_H_
#define CSTD_EXTRACT_COVER_LINES_H_

#include <optional>
#include <string>
#include <string_view>

#include "model/document.h"

namespace cstd::extract {

// What a line of a document's head says. The head of a CSTD document is a
// cover block in some order of: the masthead (United Nations, the organ,
// the symbol, Distr., the date, languages), the Commission and its
// session, place and dates, agenda items with their titles, the title, the
// meeting ("Held at ..."), the author ("Prepared by ...", "Submission by"),
// and the first section headings.
enum class CoverRole {
  kMasthead,  // "United Nations", "Economic and Social Council", "Distr.: General", "English only", a symbol
  kBody,      // "Commission on Science and Technology for Development"
  kSession,   // "Twenty-fifth session", "Geneva, 28 March–1 April 2022"
  kAgendaItem,   // "Item 2 of the provisional agenda"
  kAgendaTitle,  // the line after an agenda item
  kDate,         // "1 February 2022", "Distr.: General 1 February 2022"
  kMeeting,      // "Held at ...", "Wednesday 29th March 2023, ..."
  kAuthor,       // "Prepared by the UNCTAD secretariat", "Submission by"
  kSection,      // "Background", "Introduction", "I. Introduction"
  kTitleKind,    // a title that names the document's kind: "Report of/on ...", "Concept note"
  kOther,        // free text: a title candidate
};

/// The role of one cover-page line. `previous` is the role of the line
/// before it (the line after an agenda item is that item's title).
CoverRole CoverRoleOf(std::string_view line, CoverRole previous);

/// "1 February 2022", "Distr.: General 1 February 2022", "Date: 1 February
/// 2022": the ISO date of a line that is a single date once its label is
/// set aside; nullopt for other lines.
std::optional<std::string> DateOfDateLine(std::string_view line);

/// The meeting a head line reports on, in the wordings reports use: "Held at
/// the Palais des Nations, Geneva, from 17 to 19 November 2021", "Held
/// between 17 and 19 November 2021 in Geneva", "Held in Lisbon, Portugal, on
/// 6 November 2023" (place: the city, not the building or the country), or
/// a meeting-time line "Wednesday 29th March 2023, 15:00-17:30 (Geneva
/// time) Geneva and Online". A session line ("Geneva, 15-19 April 2024") is
/// not a meeting: see SessionPlaceAndDates.
std::optional<Meeting> MeetingFromLine(std::string_view line);

/// The place and dates of a session line: "Geneva, 28 March–1 April 2022",
/// "Twenty-seventh session Geneva, 15-19 April 2024"; nullopt for other
/// lines.
std::optional<Meeting> SessionPlaceAndDates(std::string_view line);

/// The session a line announces as the document's own: "Twenty-fifth
/// session", "Twenty-sixth Annual Session", "27th session of CSTD". Lines
/// that merely mention a session in passing ("At its twenty-fourth session in
/// May 2021") are not read: the phrase must start the line, or follow "for"
/// / "to" the session.
std::optional<int> SessionFromLine(std::string_view line);

/// True when `line` stops inside a phrase: it ends with a word that needs
/// the next one ("of", "the", "and", ...), a comma, a colon or a hyphen. A
/// title or a sentence broken there goes on in the next line.
bool EndsInsidePhrase(std::string_view line);

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_COVER_LINES_H_

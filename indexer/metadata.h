// Document-level metadata read from the head of a document: symbol, title,
// type, the document's own session and its year, date, author, body.

#ifndef CSTD_INDEXER_METADATA_H_
#define CSTD_INDEXER_METADATA_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/structure.h"
#include "model/document.h"

namespace cstd::indexer {

/// The number an English ordinal names: "Twenty-seventh" -> 27, "27th" -> 27,
/// "first" -> 1. Case-insensitive; nullopt for anything else.
std::optional<int> ParseOrdinal(std::string_view word);

/// A date written as "1 February 2022", "29th March 2023", "1st of February
/// 2022", "February 1, 2022", "1 Sept. 2022" or "2022-02-01", as ISO
/// "YYYY-MM-DD"; nullopt if `s` holds no such date. Only the first date in
/// `s` is read.
std::optional<std::string> ParseDate(std::string_view s);

/// A date range as the archives write it: "17 to 19 November 2021",
/// "28 March–1 April 2022", "15-19 April 2024", "between 17 and 19 November
/// 2021", "November 17-19, 2021", "12 December 2023 to 2 January 2024", or a
/// single date. Sets ISO start and end; false if `s` holds no date.
bool ParseDateRange(std::string_view s, std::string* start, std::string* end);

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

/// Fills the document metadata from the parsed structure. `file_stem` gives
/// a last-resort title. Leaves fields it cannot find empty.
void ExtractMetadata(const Structure& structure, std::string_view file_stem, Document& doc);

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_METADATA_H_

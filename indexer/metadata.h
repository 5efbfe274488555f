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

/// A date written as "1 February 2022", "15 April 2024" or "29th March 2023"
/// (day month year) as ISO "YYYY-MM-DD"; nullopt if `s` holds no such date.
/// Only the first date in `s` is read.
std::optional<std::string> ParseDate(std::string_view s);

/// A date range as the archives write it: "17 to 19 November 2021",
/// "28 March–1 April 2022", "15-19 April 2024", or a single date. Sets ISO
/// start and end; false if `s` holds no date.
bool ParseDateRange(std::string_view s, std::string* start, std::string* end);

/// The meeting a head line reports on: "Held at the Palais des Nations,
/// Geneva, from 17 to 19 November 2021" (place: the last place before the
/// dates), or a meeting-time line "Wednesday 29th March 2023, 15:00-17:30
/// (Geneva time) Geneva and Online". A session line ("Geneva, 15-19 April
/// 2024") is not a meeting.
std::optional<Meeting> MeetingFromLine(std::string_view line);

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

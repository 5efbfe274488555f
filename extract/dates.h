// Dates and ordinals as the archives write them: "1 February 2022",
// "February 1, 2022", "17 to 19 November 2021", "Twenty-seventh".

#ifndef CSTD_EXTRACT_DATES_H_
#define CSTD_EXTRACT_DATES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cstd::extract {

/// Splits `s` into words of ASCII letters, digits and hyphens; everything
/// else separates words ("28 March–1 April" -> 28, March, 1, April).
std::vector<std::string> Words(std::string_view s);

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

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_DATES_H_

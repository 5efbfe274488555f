// The naming rules of the UN General Debate Corpus (UNGDC) and of the
// speeches a catalogue describes, in one place: a speech file is named
// ISO3_SESSION_YEAR ("BRA_78_2023.txt"), a catalogue row without a path is
// keyed the same way, and a speech without a title of its own is titled
// from its delegation, session and year.

#ifndef CSTD_EXTRACT_UNGDC_NAMES_H_
#define CSTD_EXTRACT_UNGDC_NAMES_H_

#include <optional>
#include <string>
#include <string_view>

namespace cstd::extract {

/// What a UNGDC file name says: "BRA_78_2023.txt" -> {"BRA", 78, 2023}.
struct SpeechKey {
  std::string code;  // upper case, 2 to 4 letters (the UNGDC has codes that are no ISO3: "EU", "YDYE")
  int session = 0;
  int year = 0;
};

/// "CODE_SESSION_YEAR", the key a file name and a catalogue row meet on.
std::string SpeechKeyString(std::string_view code, int session, int year);

/// The key of a file named as the UNGDC names its files (any extension,
/// the code in any case), or nullopt for any other name: three '_'-parts,
/// 2 to 4 letters, a positive session, a four-digit year. Throws nothing.
std::optional<SpeechKey> ParseSpeechFileName(std::string_view file_name);

/// A title for a speech: "Brazil: General Debate statement, 78th session of
/// the General Assembly (2023)" for body UNGA, otherwise "Brazil: statement,
/// 27th session of the CSTD (2024)". Parts that are unknown are left out;
/// `who` is the country's display name or, failing that, a speaker's name.
std::string SpeechTitle(std::string_view body, std::string_view who, std::optional<int> session,
                        std::optional<int> year);

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_UNGDC_NAMES_H_

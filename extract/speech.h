// Speeches: a file that is one delegation's statement, with no cover page
// to say so -- a General Debate speech, a statement to a session of the
// Commission, as delegations send them and archives keep them. The class
// is recognised by how it speaks (to the chair, for "my delegation"), not
// by its name; the delegation by how the text names itself ("For Kenya,
// ...", "my country, Kenya", "on behalf of the Government of Kenya") or by
// an ISO3 code in the file name that the text confirms (KEN_78_2023.txt,
// speech-ken-2022.txt). A speech's paragraphs, which its text never
// numbers, are numbered by position so that each can be cited.

#ifndef CSTD_EXTRACT_SPEECH_H_
#define CSTD_EXTRACT_SPEECH_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace cstd::extract {

/// At least this many different marks of a delegation's speech (addressing
/// the chair, "my delegation", "I thank you", ...) make a document without
/// a cover page a speech: one alone is a report quoting a speech.
inline constexpr size_t kSpeechMarksNeeded = 2;

/// Whether `paragraphs` read as one delegation's statement (a UNGDC file
/// name, `file_stem`, counts as one mark).
bool ReadsAsSpeech(const std::vector<Paragraph>& paragraphs, std::string_view file_stem);

/// The delegation (ISO3) a speech speaks for: the code in `file_stem` (a
/// part of it between '_', '-', '.' or spaces that is a country's code) when
/// the text names that country, else the one country the text names as
/// itself most often ("For Kenya, ...", "Kenya attaches ...", "my country,
/// Kenya", "on behalf of (the Government of) Kenya"); nullopt when neither
/// settles it.
std::optional<std::string> SpeakingDelegation(const std::vector<Paragraph>& paragraphs, std::string_view file_stem);

/// Makes a document that has no cover page (`title_from_head` false: its
/// title is only its file name) and reads as a speech one: type `speech`,
/// its delegation on every paragraph and statement, the body it speaks to
/// ("CSTD", "UNGA") from its opening, session and year from a UNGDC file
/// name when the text gave none, and a title of the UNGDC's form
/// (SpeechTitle). Any other document without a title of its own is titled
/// from its first words (never its file name). Leaves documents with a
/// cover page alone. Throws nothing but std::bad_alloc.
void UnderstandSpeech(std::string_view file_stem, bool title_from_head, ExtractedDocument& doc);

/// Numbers the paragraphs of a speech (type `speech`) 1, 2, 3 ... by
/// position when its text numbers none of them. Idempotent; other
/// documents are left alone.
void NumberSpeechByPosition(ExtractedDocument& doc);

/// A title from the opening words of `text`: its first sentence, cut after
/// kTitleWords words with "…". Empty for empty text.
std::string TitleFromText(std::string_view text);
inline constexpr size_t kTitleWords = 12;

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_SPEECH_H_

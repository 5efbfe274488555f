// People's names: the one place that knows what in a printed name is the
// name ("Tupou VI") and what is around it (honorifics "H.E. Mr.", titles
// "His Majesty King", post-nominals "MP", "Jr."), how names are folded for
// matching (case, diacritics, apostrophes, look-alike letters, cp1252
// scars), and when two printed names can be one person (typos, middle names
// and initials, name order, transliterations and short forms of given
// names). The word lists are data/name_words.tsv and data/given_names.tsv.
//
// The indexer reads names with it (footnotes, catalogues) and merges them
// (indexer/speaker_registry.h); the search side matches what users type
// ("speaker=Souter") with it.

#ifndef CSTD_MODEL_NAMES_H_
#define CSTD_MODEL_NAMES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cstd::names {

/// A name folded for matching: the words of `s` lower-cased, without
/// diacritics, one space between them. Beyond text::FoldKey it repairs the
/// scars names carry in archives: C1 control characters that are cp1252
/// bytes read as Latin-1 ("Dra\x9akovic" is "Draskovic"), Cyrillic and Greek
/// letters that look Latin inside a Latin word ("Jеаn" with Cyrillic е, а),
/// and apostrophes and modifier letters, which join rather than split a word
/// ("Tu'i'onetoa", "Tuʻiʻonetoa" and "Tu’i’onetoa" are all "tuionetoa").
/// Hyphens and other punctuation split words ("Perez-Castejon").
std::string FoldName(std::string_view s);

/// FoldName split into words.
std::vector<std::string> NameWords(std::string_view s);

/// What a folded word is in a name (data/name_words.tsv). A word may be
/// several things ("sr" opens a name as Señor and closes one as Senior).
struct WordKind {
  bool honorific = false;        // "mr", "dr", "sir"
  bool needs_dot = false;        // honorific only when printed with a dot: "H.E." not "He"
  bool title = false;            // "king", "sheikh", "his", "majesty"
  bool weak_title = false;       // a title that is also a name: set aside only before two more words
  bool post_nominal = false;     // "mp", "jr", "obe"
  bool after_comma_only = false; // a post-nominal only after a comma: "ch", "md"
  bool particle = false;         // "da", "van", "bin", "al"
};
WordKind KindOf(std::string_view folded_word);

/// "i" to "xx": a regnal number ("Tupou VI", "Felipe VI"), part of the name
/// but no name by itself.
bool IsRegnalNumber(std::string_view folded_word);

/// A printed name in its parts, each as printed (white space collapsed).
struct PersonName {
  std::string titles;         // "H.E. Mr.", "His Majesty King"; empty if none
  std::string name;           // "Tupou VI", "Scott Morrison"
  std::string post_nominals;  // "MP", "Jr.", "MBBS, MD"; empty if none
};

/// Splits `printed` into titles, name and post-nominals. Leading honorifics
/// and titles are set aside while at least one word of the name remains
/// after them (two for weak titles: "Sheikh Hasina" stays whole, "Sheikh
/// Tamim bin Hamad Al-Thani" loses "Sheikh"); "Mr.Mr." and "Mr," count as
/// honorifics. Post-nominals go from the end: after a comma every segment
/// that is all post-nominals ("..., GOL, GCMG, CH"), without a comma only
/// the unambiguous ones ("Tommy Remengesau Jr."). Trailing commas go. A
/// name that is nothing but titles is kept whole as the name.
PersonName ParsePersonName(std::string_view printed);

/// The courtesy honorific opening `s` ("Mr.", "Ms.", "H.E. Mr.", "Dr.",
/// "Sir"; several in a row are one), or nullopt. Only forms of address
/// count, not ranks or offices ("General", "King"): text that starts with
/// one of those is seldom a name ("General Assembly"). A word must follow.
/// `*length` is set to the bytes taken, the space after included.
std::optional<std::string> LeadingHonorific(std::string_view s, size_t* length);

/// The words that identify a person in a name (no titles around it, see
/// ParsePersonName): NameWords without particles ("da", "van", "bin") and
/// title words, unless nothing else is left. "Luiz Inácio Lula da Silva" ->
/// {luiz, inacio, lula, silva}; "Abdullah II ibn Al Hussein" -> {abdullah,
/// ii, hussein}.
std::vector<std::string> KeyWords(std::string_view name);

/// KeyWords sorted and joined by spaces: equal for the same words in any order.
std::string KeyOf(const std::vector<std::string>& key_words);

/// The given-name group of a folded word (data/given_names.tsv): "joe" and
/// "joseph" are "joseph", "mohamed" is "muhammad"; a word in no group is
/// itself.
std::string_view GivenNameGroup(std::string_view folded_word);

/// The base of a speaker id: the first and last key words joined by '-'
/// ("joseph-biden", "tupou-vi", "wolfgang-kleinwachter"), leading initials
/// skipped ("marty-natalegawa" for "R.M. Marty Natalegawa"); the word itself
/// for one word; empty for none. The registry makes it unique.
std::string BaseId(const std::vector<std::string>& key_words);

/// BaseId of the name `printed` (titles and post-nominals set aside): the id
/// a person gets before an index-wide registry resolves it.
std::string SpeakerId(std::string_view printed);

/// How two names of one person differ (bits of NameMatch::how).
enum MatchHow : unsigned {
  kSameWords = 0,
  kOrder = 1u << 0,     // the same words in another order
  kFewer = 1u << 1,     // one name has words the other lacks (middle names, a second surname)
  kInitials = 1u << 2,  // an initial stands for a word ("Joseph R." / "Joseph Robinette")
  kTypo = 1u << 3,      // a word within a few edits
  kVariant = 1u << 4,   // given-name variants ("Joe" / "Joseph", "Mohamed" / "Muhammad")
};

/// Names of how bits ("word order", "fewer words", "initials", "typo",
/// "given-name variant"), for records and review lists; HowFromDescription
/// reads them back (unknown names count for nothing).
std::vector<std::string> DescribeHow(unsigned how);
unsigned HowFromDescription(const std::vector<std::string>& description);

/// How much two names must agree to be one person.
enum class Evidence {
  /// Nothing else links them: at least two real words (not initials, not
  /// regnal numbers) must match, typos only in words of kMinStrictTypoLetters.
  kNameOnly,
  /// They speak for the same delegation: one real word may do (a surname
  /// alone), and typos are tolerated in shorter words.
  kSameDelegation,
};

/// Whether key words `a` and `b` (KeyWords) can name one person: every word
/// of the shorter name matches a different word of the longer, in any
/// order, exactly, as a given-name variant, as an initial of it, or within
/// a typo's edits; regnal numbers only exactly; and the initials do not
/// disagree (InitialsDisagree).
struct NameMatch {
  bool same_person = false;
  unsigned how = 0;  // MatchHow bits
};
NameMatch CompareNames(const std::vector<std::string>& a, const std::vector<std::string>& b, Evidence evidence);

/// Whether both names have initials and neither's are among the other's:
/// two people ("John F. Kennedy" / "John P. Kennedy"), whatever else
/// matches. Fewer initials are no disagreement ("R. Natalegawa" / "R. M.
/// Marty Natalegawa"): "George W. Bush" and "George H. W. Bush" are told
/// apart by the years (SpeakerRegistry::kMaxGapYears).
bool InitialsDisagree(const std::vector<std::string>& a, const std::vector<std::string>& b);

/// Whether two printed names (titles set aside), at least one of which is
/// a patronymic chain ("Tamim bin Hamad Al-Thani": "bin", "ibn", "bint",
/// "ould"), start with different given names. In such a chain the father's
/// name follows his son's, so the son's full name holds all of the
/// father's ("Hamad bin Khalifa Al-Thani"), and only the first words tell
/// them apart. A name of one word is no chain's start (a family name alone
/// may stand for either).
bool OwnNamesDiffer(std::string_view a, std::string_view b);

/// Typo tolerance. Two edits join different short names ("Mora" / "Moya"
/// are one edit apart), so: by name only, one edit in words of 6 letters or
/// more; within a delegation, one edit from 4 letters and two from 7.
inline constexpr size_t kMinStrictTypoLetters = 6;
inline constexpr size_t kMinTypoLetters = 4;
inline constexpr size_t kMinTwoTypoLetters = 7;

}  // namespace cstd::names

#endif  // CSTD_MODEL_NAMES_H_

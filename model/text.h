// Small text utilities over UTF-8 std::string, shared by the indexer (which
// normalises what it reads) and the search side (which matches names typed by
// users against the gazetteers).

#ifndef CSTD_MODEL_TEXT_H_
#define CSTD_MODEL_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cstd::text {

/// An rvalue std::string: what a function returning views into its
/// argument must not take, for the views would dangle.
template <typename S>
concept TemporaryString = std::is_same_v<std::remove_cvref_t<S>, std::string> && !std::is_lvalue_reference_v<S>;

/// Returns the byte offset of the first invalid UTF-8 sequence in `s`, or
/// nullopt when `s` is valid UTF-8. Overlong forms, surrogates and code points
/// past U+10FFFF are invalid.
std::optional<size_t> FindInvalidUtf8(std::string_view s);

/// Unicode NFC of valid UTF-8 `s`. Throws cstd::Error if ICU refuses it
/// (which only happens for invalid input; check FindInvalidUtf8 first).
std::string ToNfc(std::string_view s);

/// A key for comparing names loosely: diacritics removed, lowercase ASCII
/// letters and digits, every other run of characters one space, trimmed.
/// "Türkiye" and "turkiye", "Côte d'Ivoire" and "Cote d Ivoire" share a key.
std::string FoldKey(std::string_view s);

/// A URL-safe id: FoldKey with spaces turned into '-'.
/// "Wolfgang Kleinwächter" -> "wolfgang-kleinwachter".
std::string Slug(std::string_view s);

/// Whether every word of `typed` matches a different word of `label`, in
/// any order; both are keys of space-separated words (FoldKey,
/// names::FoldName). A word matches a word equal to it or, with `prefixes`,
/// one it begins: "palestine" is in "state of palestine", "dav sou" begins
/// words of "david souter". An empty `typed` matches nothing.
bool ContainsWords(std::string_view label, std::string_view typed, bool prefixes);

/// Damerau-Levenshtein (optimal string alignment) distance between byte
/// strings, or limit + 1 as soon as it must exceed `limit`.
size_t EditDistance(std::string_view a, std::string_view b, size_t limit);

/// The HTML entity that stands for `c` where it is one of &, <, >, " and ';
/// empty for any other byte.
std::string_view HtmlEntity(char c);

/// `s` with &, <, >, " and ' escaped for HTML text and attribute values.
std::string HtmlEscape(std::string_view s);

/// `s` with ASCII letters lower-cased; other bytes (UTF-8 included) as they are.
std::string AsciiLower(std::string_view s);

/// `s` with each run of white space (ASCII, line breaks and U+00A0
/// included) one space, and none at the ends.
std::string CollapseSpace(std::string_view s);

/// `s` without leading and trailing ASCII white space.
std::string_view Trim(std::string_view s);
/// Deleted: the view would outlive the temporary it looks into.
template <typename S>
  requires TemporaryString<S>
std::string_view Trim(S&& s) = delete;

/// Splits on `sep`, keeping empty fields. The fields are views into `s`.
std::vector<std::string_view> Split(std::string_view s, char sep);
/// Deleted: the fields would be views into a temporary that dies at the
/// end of the full expression (AddressSanitizer found one such use, a
/// range-for over `Split(AsciiLower(name), ' ')`).
template <typename S>
  requires TemporaryString<S>
std::vector<std::string_view> Split(S&& s, char sep) = delete;

/// Whether byte `c` belongs to a word as Xapian's term generator splits
/// text: an ASCII letter or digit, or any byte of a multi-byte UTF-8
/// character (a cheap approximation that takes every non-ASCII letter,
/// and punctuation such as curly quotes too).
inline bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

/// "1st", "22nd", "78th", "111th": a session's number as the UN writes it.
std::string Ordinal(int n);

/// Parses a whole decimal integer (optionally signed). Nullopt on anything
/// else, including trailing characters and overflow.
std::optional<long> ParseInt(std::string_view s);

}  // namespace cstd::text

#endif  // CSTD_MODEL_TEXT_H_

#include "query/acronym_marks.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "model/synonyms.h"
#include "model/text.h"

namespace cstd::query {

namespace {

constexpr std::string_view kOpen = "<mark>";
constexpr std::string_view kClose = "</mark>";

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The end of `phrase` (HTML-escaped, lower case) in `text` from `at`, or
// npos: letters compared case-blind, a space in the phrase matching any run
// of white space, whole words only.
size_t MatchAt(std::string_view text, size_t at, std::string_view phrase) {
  size_t i = at;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (phrase[k] == ' ') {
      if (i >= text.size() || !IsSpace(text[i])) return std::string_view::npos;
      while (i < text.size() && IsSpace(text[i])) ++i;
      continue;
    }
    if (i >= text.size() || std::tolower(static_cast<unsigned char>(text[i])) != phrase[k]) {
      return std::string_view::npos;
    }
    ++i;
  }
  if (i < text.size() && text::IsWordByte(text[i]) && text::IsWordByte(phrase.back())) return std::string_view::npos;
  return i;
}

// Marks the phrases in a stretch of the snippet that holds no mark.
void MarkStretch(std::string_view text, const std::vector<std::string>& escaped, std::string& out) {
  size_t i = 0;
  size_t copied = 0;
  while (i < text.size()) {
    const bool starts_word = i == 0 || !text::IsWordByte(text[i - 1]);
    size_t end = std::string_view::npos;
    if (starts_word) {
      for (const std::string& phrase : escaped) {  // longest first
        if ((end = MatchAt(text, i, phrase)) != std::string_view::npos) break;
      }
    }
    if (end == std::string_view::npos) {
      ++i;
      continue;
    }
    out.append(text.substr(copied, i - copied));
    out.append(kOpen);
    out.append(text.substr(i, end - i));
    out.append(kClose);
    i = copied = end;
  }
  out.append(text.substr(copied));
}

}  // namespace

std::vector<std::string> AcronymPhrases(const Xapian::Query& query, const Xapian::Stem& stemmer) {
  std::set<std::string> terms;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) terms.insert(*it);
  std::vector<std::string> phrases;
  for (const Synonym& synonym : Synonyms::Builtin().all()) {
    if (!terms.count(synonym.term) && !terms.count("Z" + stemmer(synonym.term))) continue;
    phrases.push_back(synonym.term);
    phrases.insert(phrases.end(), synonym.expansions.begin(), synonym.expansions.end());
  }
  return phrases;
}

std::string MarkPhrases(std::string_view snippet, const std::vector<std::string>& phrases) {
  if (phrases.empty()) return std::string(snippet);
  std::vector<std::string> escaped;
  for (const auto& p : phrases) {
    if (!p.empty()) escaped.push_back(text::HtmlEscape(text::AsciiLower(p)));
  }
  // The longest first, so "united nations general assembly" is marked
  // whole, not as "general assembly" inside it.
  std::sort(escaped.begin(), escaped.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out;
  size_t at = 0;
  while (at < snippet.size()) {
    const size_t open = snippet.find(kOpen, at);
    MarkStretch(snippet.substr(at, open == std::string_view::npos ? std::string_view::npos : open - at), escaped, out);
    if (open == std::string_view::npos) break;
    const size_t close = snippet.find(kClose, open);
    const size_t end = close == std::string_view::npos ? snippet.size() : close + kClose.size();
    out.append(snippet.substr(open, end - open));
    at = end;
  }
  return out;
}

}  // namespace cstd::query

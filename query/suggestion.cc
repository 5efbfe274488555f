#include "query/suggestion.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "model/schema.h"
#include "model/text.h"

namespace cstd::query {

namespace {

// The words of a token, lower case as the index writes its terms.
std::vector<std::string> WordsOf(std::string_view token) {
  std::vector<std::string> words;
  std::string word;
  for (char c : token) {
    if (text::IsWordByte(c)) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(Xapian::Unicode::tolower(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(Xapian::Unicode::tolower(word));
  return words;
}

std::vector<std::string_view> SpaceSeparated(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::string_view part : text::Split(s, ' ')) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

bool IsName(const Xapian::Database& db, const std::string& word) {
  for (std::string_view prefix : {schema::kPrefixSpeakerName, schema::kPrefixDelegationName}) {
    if (db.term_exists(std::string(prefix) + word)) return true;
  }
  return false;
}

// Whether `from` may honestly become `to`.
bool MayReplace(const Xapian::Database& db, const std::string& from, const std::string& to, Xapian::doccount rare) {
  if (std::any_of(from.begin(), from.end(), [](unsigned char c) { return std::isdigit(c); })) return false;
  const Xapian::doccount uses = db.get_termfreq(from);
  if (uses > rare || IsName(db, from)) return false;
  // A word the index lacks may become any word it has (the corrector only
  // proposes those); one it has, only a far commoner one.
  return uses == 0 || db.get_termfreq(to) >= kReplacementMoreCommon * uses;
}

}  // namespace

Xapian::doccount RareWordBound(const Xapian::Database& db) {
  return std::max(kRareWordMinimum, static_cast<Xapian::doccount>(db.get_doccount() * kRareWordShare));
}

std::optional<std::string> HonestCorrection(const Xapian::Database& db, std::string_view query,
                                            std::string_view corrected) {
  const auto typed = SpaceSeparated(query);
  const auto proposed = SpaceSeparated(corrected);
  if (corrected.empty() || typed.size() != proposed.size()) return std::nullopt;
  const Xapian::doccount rare = RareWordBound(db);
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < typed.size(); ++i) {
    std::string_view token = typed[i];
    if (proposed[i] != typed[i]) {
      const auto from = WordsOf(typed[i]);
      const auto to = WordsOf(proposed[i]);
      bool honest = from.size() == to.size() && from != to;
      for (size_t k = 0; honest && k < from.size(); ++k) {
        if (from[k] != to[k]) honest = MayReplace(db, from[k], to[k], rare);
      }
      if (honest) {
        token = proposed[i];
        changed = true;
      }
    }
    out += (i ? " " : "") + std::string(token);
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace cstd::query

#include "extract/action_line_inference.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "model/action_line_lexicon.h"

namespace cstd::indexer {

namespace {

// A lower-case word of letters and digits, and what stood before it: a
// list separator (a comma, a semicolon) or not. Hyphens, apostrophes and
// other punctuation separate words ("e-government" -> "e", "government").
struct Token {
  std::string word;
  bool after_separator = false;
};

std::vector<Token> Tokens(std::string_view s) {
  std::vector<Token> out;
  std::string current;
  bool separator = false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80) {
      current.push_back(c);
    } else if (u >= 'A' && u <= 'Z') {
      current.push_back(static_cast<char>(u + ('a' - 'A')));
    } else {
      if (!current.empty()) {
        out.push_back({std::move(current), separator});
        current.clear();
        separator = false;
      }
      if (c == ',' || c == ';' || c == ':') separator = true;
    }
  }
  if (!current.empty()) out.push_back({std::move(current), separator});
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  for (Token& t : Tokens(s)) out.push_back(std::move(t.word));
  return out;
}

// Words that say a passage speaks of ICTs: the Plan of Action's own
// vocabulary (ICTs, the Internet, the information society,
// telecommunication, the "e-" of its applications) and what later documents
// say for it (digital, artificial intelligence, online). "Technology" and
// "network" alone do not: green technology and transport networks are
// other subjects.
bool IsIctWord(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "ict", "icts", "internet", "online", "telecommunication", "telecommunications", "computer", "computers",
      "software", "broadband", "wsis", "ai", "e", "cyberspace", "web", "websites", "smartphones", "telemedicine",
      "telework", "teleworking", "telehealth", "fintech"};
  return kWords.count(w) > 0 || w.rfind("cyber", 0) == 0 || w.rfind("digit", 0) == 0;
}

// The lexicon, indexed by each term's first word.
struct Index {
  struct Term {
    std::vector<std::string> words;
    const LexiconTerm* entry;
  };
  std::unordered_map<std::string, std::vector<Term>> by_first;

  static const Index& Builtin() {
    static const Index index = [] {
      Index built;
      for (const LexiconTerm& t : ActionLineLexicon::Builtin().terms()) {
        std::vector<std::string> words = Words(t.term);
        if (words.empty()) continue;
        // "capacity-building" and "capacity building" are one term.
        std::vector<Term>& same_first = built.by_first[words.front()];
        const bool known = std::any_of(same_first.begin(), same_first.end(), [&](const Term& other) {
          return other.words == words && other.entry->code == t.code;
        });
        if (!known) same_first.push_back({std::move(words), &t});
      }
      return built;
    }();
    return index;
  }
};

int LineNumber(const std::string& code) {
  return std::stoi(code.substr(1));
}

}  // namespace

std::vector<InferredActionLine> InferActionLines(std::string_view text) {
  const std::vector<Token> tokens = Tokens(text);
  bool ict = false;
  for (size_t i = 0; i < tokens.size() && !ict; ++i) {
    ict = IsIctWord(tokens[i].word) ||
          (tokens[i].word == "artificial" && i + 1 < tokens.size() && tokens[i + 1].word == "intelligence") ||
          (tokens[i].word == "information" && i + 1 < tokens.size() && tokens[i + 1].word == "society");
  }
  if (!ict) return {};

  struct Found {
    std::vector<const LexiconTerm*> strong, weak;  // distinct, in order
    bool strong_outside_list = false;  // a strong term said as a subject, not as an item of a list
  };
  std::map<int, Found> by_line;
  const Index& index = Index::Builtin();
  size_t covered_until = 0;  // the longest match so far covers tokens before this
  for (size_t i = 0; i < tokens.size(); ++i) {
    const auto it = index.by_first.find(tokens[i].word);
    if (it == index.by_first.end()) continue;
    // The longest term that starts here: "social media" and not "media" too.
    const Index::Term* best = nullptr;
    for (const Index::Term& term : it->second) {
      if (i + term.words.size() > tokens.size() || (best && term.words.size() <= best->words.size())) continue;
      bool match = true;
      for (size_t k = 1; k < term.words.size() && match; ++k) match = tokens[i + k].word == term.words[k];
      if (match) best = &term;
    }
    if (!best || i < covered_until) continue;
    covered_until = i + best->words.size();
    Found& found = by_line[LineNumber(best->entry->code)];
    auto& list = best->entry->strong ? found.strong : found.weak;
    if (std::find(list.begin(), list.end(), best->entry) == list.end()) list.push_back(best->entry);
    // An item of a list ("transnational crime, cybersecurity, climate change
    // and pandemics") names a subject in passing; said otherwise, it is
    // what is discussed. An item has a separator, or "and"/"or" after one,
    // on both sides.
    const size_t end = i + best->words.size();
    const auto joins = [&](size_t k) { return tokens[k].word == "and" || tokens[k].word == "or"; };
    const bool before = tokens[i].after_separator || (i > 0 && joins(i - 1));
    const bool after = end >= tokens.size() || tokens[end].after_separator || joins(end);
    const bool listed = before && after;
    if (best->entry->strong && !listed) found.strong_outside_list = true;
  }
  std::vector<InferredActionLine> out;
  for (const auto& [number, found] : by_line) {
    // A strong term said as a subject; or a strong term only listed, with a
    // weak term of the line beside it; or enough weak terms.
    const bool about = found.strong_outside_list || (!found.strong.empty() && !found.weak.empty()) ||
                       found.weak.size() >= kWeakTermsNeeded;
    if (!about) continue;
    InferredActionLine line{"C" + std::to_string(number), {}};
    for (const LexiconTerm* t : found.strong) line.evidence.push_back(t->term);
    for (const LexiconTerm* t : found.weak) line.evidence.push_back(t->term);
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace cstd::indexer

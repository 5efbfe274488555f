#include "extract/action_line_inference.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "model/action_line_lexicon.h"
#include "model/text.h"

namespace cstd::extract {

namespace {

// A lower-case word of letters and digits (a plural folded to its
// singular, FoldPlural), what stood before it (a list separator: a comma,
// a semicolon, a colon, a dash, or not), the sentence it is in and where it
// stands in the text. Hyphens, apostrophes and other punctuation separate
// words ("e-government" -> "e", "government").
struct Token {
  std::string word;
  std::string raw;  // the word before FoldPlural: halves of a compound are joined unfolded
  bool after_separator = false;
  size_t sentence = 0;
  size_t begin = 0, end = 0;  // where the word stands in the text, for evidence quoted from it
};

// A noun's plural and its singular are one word ("hacker" and "hackers",
// "strategy" and "strategies", "approach" and "approaches", "ICT" and
// "ICTs"): the lexicon writes one form and passages say either, and the two
// forms of one term in a passage are one piece of evidence, not two. The
// class of variation is the regular English plural (-s, -ies, -es after s,
// x, ch, sh). The lexicon's terms and the passage both pass through this
// fold, so a fold that makes no word ("news" -> "new") is the same on both
// sides. Left alone: words of three letters or fewer ("has", "its") and
// words in -ss, -us, -is, which are singulars ("access", "virus",
// "crisis"); their plurals in -es are not folded.
std::string FoldPlural(std::string w) {
  const auto ends = [&](std::string_view tail) {
    return w.size() >= tail.size() && w.compare(w.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (w.size() <= 3 || !ends("s") || ends("ss") || ends("us") || ends("is")) return w;
  if (w.size() > 4 && ends("ies")) {
    w.resize(w.size() - 3);
    w += 'y';
  } else if (ends("sses") || ends("xes") || ends("ches") || ends("shes")) {
    w.resize(w.size() - 2);
  } else {
    w.pop_back();
  }
  return w;
}

bool StartsUrl(std::string_view s, size_t i) {
  for (std::string_view scheme : {"http://", "https://", "www."}) {
    if (s.size() - i >= scheme.size()) {
      bool same = true;
      for (size_t k = 0; k < scheme.size() && same; ++k) {
        same = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + k]))) == scheme[k];
      }
      if (same) return true;
    }
  }
  return false;
}

// Links are addresses, not what a passage says: the words of
// "un.org/global_digital_compact_zero_draft.pdf" are no evidence, so a URL
// (from "http://", "https://" or "www." to the next space or bracket) is
// skipped. A sentence ends at '.', '!' or '?' before a space or the end.
std::vector<Token> Tokens(std::string_view s) {
  std::vector<Token> out;
  std::string current;
  size_t current_begin = 0;
  bool separator = false;
  size_t sentence = 0;
  size_t i = 0;
  const auto flush = [&] {
    if (current.empty()) return;
    out.push_back({FoldPlural(current), current, separator, sentence, current_begin, i});
    current.clear();
    separator = false;
  };
  for (i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    if (current.empty() && StartsUrl(s, i)) {
      while (i + 1 < s.size() && s[i + 1] != ' ' && s[i + 1] != ')' && s[i + 1] != ']' && s[i + 1] != '\n') ++i;
      continue;
    }
    // A dash (em, en, or a hyphen between spaces) opens or closes a list
    // or an aside like a comma: "four directions — cybersecurity, climate,
    // security".
    const bool dash = s.compare(i, 3, "\xE2\x80\x94") == 0 || s.compare(i, 3, "\xE2\x80\x93") == 0 ||
                      s.compare(i, 3, "\xE2\x80\x95") == 0;  // em, en, horizontal bar
    if (dash || (c == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < s.size() && s[i + 1] == ' ')) {
      flush();
      separator = true;
      if (dash) i += 2;
      continue;
    }
    if (current.empty()) current_begin = i;
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80) {
      current.push_back(c);
    } else if (u >= 'A' && u <= 'Z') {
      current.push_back(static_cast<char>(u + ('a' - 'A')));
    } else {
      flush();
      if (c == ',' || c == ';' || c == ':') separator = true;
      // A full stop before a lower-case word ends no sentence ("e.g.
      // cybersecurity", "areas — AI. cybersecurity, ..."): it separates.
      const bool lower_next = i + 2 < s.size() && s[i + 1] == ' ' && std::islower(static_cast<unsigned char>(s[i + 2]));
      if ((c == '.' || c == '!' || c == '?') && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\n')) {
        if (lower_next) {
          separator = true;
        } else {
          ++sentence;
          separator = false;
        }
      }
    }
  }
  flush();
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
// say for it (digital, artificial intelligence, online and offline,
// digitalisation), and the names of initiatives on ICTs that hold none of
// these words (the Christchurch Call, on terrorist content online).
// "Technology" and "network" alone do not: green technology and transport
// networks are other subjects.
bool IsIctWord(const std::string& w) {
  // Folded as the passage's words are ("wsis" -> "wsi").
  static const std::unordered_set<std::string> kWords = [] {
    std::unordered_set<std::string> folded;
    for (const char* word : {"ict", "internet", "online", "offline", "telecommunications", "computer", "software",
                             "broadband", "wsis", "ai", "e", "cyberspace", "web", "websites", "smartphones",
                             "telemedicine", "telework", "teleworking", "telehealth", "fintech", "igf", "data",
                             "christchurch"}) {
      folded.insert(FoldPlural(word));
    }
    return folded;
  }();
  return kWords.count(w) > 0 || w.rfind("cyber", 0) == 0 || w.rfind("digit", 0) == 0;
}

// The words that speak of ICTs: an ICT word (IsIctWord), "artificial
// intelligence", "information society", "social media" and "social
// networks", the Plan's own "information and communication(s)
// technologies" (also without its "and"), and "industry 4.0" and "the
// fourth industrial revolution" (the Commission's words for digital
// technologies in production, its 2022 theme). Each word of such a phrase
// is marked.
std::vector<bool> IctTokens(const std::vector<Token>& tokens) {
  std::vector<bool> ict(tokens.size(), false);
  const auto word_is = [&](size_t k, std::string_view w) { return k < tokens.size() && tokens[k].word == w; };
  const auto technology_at = [&](size_t k) { return k < tokens.size() && tokens[k].word.rfind("technolog", 0) == 0; };
  for (size_t i = 0; i < tokens.size(); ++i) {
    size_t length = 0;
    if (IsIctWord(tokens[i].word)) {
      length = 1;
    } else if ((word_is(i, "artificial") && word_is(i + 1, "intelligence")) ||
               (word_is(i, "information") && word_is(i + 1, "society")) ||
               (word_is(i, "social") && (word_is(i + 1, "media") || word_is(i + 1, "network"))) ||
               (word_is(i, "industry") && word_is(i + 1, "4"))) {
      length = word_is(i, "industry") && word_is(i + 2, "0") ? 3 : 2;  // "industry 4.0" is three words
    } else if (word_is(i, "fourth") && word_is(i + 1, "industrial") && word_is(i + 2, "revolution")) {
      length = 3;
    } else if (word_is(i, "information") && word_is(i + 1, "and") && word_is(i + 2, "communication") && technology_at(i + 3)) {
      length = 4;
    } else if (word_is(i, "information") && word_is(i + 1, "communication") && technology_at(i + 2)) {
      length = 3;
    }
    for (size_t k = i; k < i + length; ++k) ict[k] = true;
  }
  return ict;
}

// The sentences that speak of ICTs: those with a word of IctTokens.
std::vector<bool> IctSentences(const std::vector<Token>& tokens, const std::vector<bool>& ict_token) {
  std::vector<bool> ict(tokens.empty() ? 0 : tokens.back().sentence + 1, false);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (ict_token[i]) ict[tokens[i].sentence] = true;
  }
  return ict;
}

// Media (C9) is itself a means of information and communication in the
// Plan (para 24: broadcasting, the press, community media): a passage on
// the line's own subject, the freedom, independence, pluralism and safety
// of the media (its strong terms: "press freedom", "independent media",
// "safety of journalists"), is about the line without a word of ICTs. The
// media merely named ("a press, radio and television campaign", "foreign
// journalists were accredited") are not: C9's weak terms, like every other
// line's terms, need the passage to speak of ICTs. Measured on the media
// set (tools/action_lines/README.md): when weak terms needed no ICTs, 11 of
// 12 C9 tags on whole speeches were wrong.
bool NeedsIctContext(const LexiconTerm& term) {
  return term.code != "C9" || !term.strong();
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

// Words that may stand between a list's separator and its item, or between
// the item and the next separator: "by cybersecurity threats, by climate
// change", "the digital divide, the ...". Two words at most, so that a
// clause ("..., and we must strengthen cybersecurity in ...") is no item.
inline constexpr size_t kListItemSlack = 2;

// Words within which a weak term is "beside" a listed strong one: the same
// item or the next ("cybersecurity, cybercrime and online safety; data
// protection and privacy"), not the far end of a long list.
inline constexpr size_t kBesideWords = 8;

// How near a word of ICTs must stand to a sector to apply ICTs to it: a
// word of ICTs at most this many words before it ("online medical
// services", "digitizing court processes", "online services for
// farmers"), or a verb of use at most this many words after it and a word
// of ICTs at most this many after the verb ("firms are adopting industry
// 4.0"). The class: C7's e-government, e-business, e-learning, e-health,
// e-employment, e-environment, e-agriculture and e-science said in words,
// not with the "e-". Three words, so that a clause that only has both
// ("new technologies will change how we work and what we teach") is not
// one application.
inline constexpr size_t kAppliedWords = 3;

// Lexicon terms in one sentence that make a list in it a list of ICT
// subjects rather than of disparate issues.
inline constexpr size_t kTopicListTerms = 4;

// True when tokens [begin, end) are an item of a list: a separator, or
// "and"/"or" after one, at most kListItemSlack words before, and a
// separator or "and"/"or" at most kListItemSlack words after, in the same
// sentence. An example introduced by "such as" is an item too (the class:
// a subject named as an instance of another, "digital priorities such as
// cybersecurity", "threats such as cybercrime and pandemics").
bool IsListItem(const std::vector<Token>& tokens, size_t begin, size_t end) {
  const auto joins = [&](size_t k) { return tokens[k].word == "and" || tokens[k].word == "or"; };
  const auto same_sentence = [&](size_t k) { return tokens[k].sentence == tokens[begin].sentence; };
  bool before = false;
  for (size_t back = 0; back <= kListItemSlack && back <= begin && !before; ++back) {
    const size_t k = begin - back;
    if (!same_sentence(k)) break;
    before = tokens[k].after_separator || (k > 0 && joins(k - 1) && same_sentence(k - 1)) ||
             (back == 0 && k >= 2 && tokens[k - 2].word == "such" && tokens[k - 1].word == "as" &&
              same_sentence(k - 2));
  }
  bool after = false;
  for (size_t k = end; k <= end + kListItemSlack && !after; ++k) {
    if (k >= tokens.size() || !same_sentence(k)) {
      after = k == end;  // the term ends its sentence: the list's last item
      break;
    }
    after = tokens[k].after_separator || joins(k);
  }
  return before && after;
}

// True when tokens a <= b stand in one clause: one sentence, and no list
// separator before any token after a.
bool SameClause(const std::vector<Token>& tokens, size_t a, size_t b) {
  if (tokens[a].sentence != tokens[b].sentence) return false;
  for (size_t k = a + 1; k <= b; ++k) {
    if (tokens[k].after_separator) return false;
  }
  return true;
}

// Verbs of putting something to use, as the passage's words are folded
// ("uses" -> "use"), with their nouns: a sector followed by one of them
// and a word of ICTs applies ICTs ("hospitals deploying telemedicine").
bool IsUseVerb(const std::string& w) {
  static const std::unordered_set<std::string> kVerbs = {
      "use",        "using",     "used",      "adopt",     "adopting",  "adopted",    "adoption",  "deploy",
      "deploying",  "deployed",  "deployment", "utilize",  "utilizing", "utilized",   "utilise",   "utilising",
      "utilised",   "apply",     "applying",  "applied",   "embrace",   "embracing",  "embraced",  "leverage",
      "leveraging", "leveraged", "harness",   "harnessing", "harnessed", "integrate", "integrating",
      "integrated", "introduce", "introducing", "introduced", "employ",  "employing",  "employed",  "rely",
      "relying",    "relied"};
  return kVerbs.count(w) > 0;
}

// A word of ICTs that can apply them to a sector: not "data" or "web",
// which speak of ICTs in a sentence but name no technology put to use ("a
// web of health, economic and social issues", "data on lost jobs").
bool AppliesIcts(const std::vector<Token>& tokens, const std::vector<bool>& ict_token, size_t k) {
  return ict_token[k] && tokens[k].word != "data" && tokens[k].word != "web";
}

// The words [from, to) that apply ICTs to the sector at tokens [begin,
// end) (kAppliedWords), or nothing. A word of ICTs that is part of another
// line's term is that line's ("the digital divide in education" is C2's,
// "digital literacy of farmers" C4's): `term_line[k]` is the line of the
// term that covers token k, 0 for none. Backward the search stops at "and"
// and "or" ("telecommunications and medical services" are two subjects).
// A phrase of ICTs is taken whole ("artificial intelligence in
// education", not "intelligence in education").
std::optional<std::pair<size_t, size_t>> AppliedSpan(const std::vector<Token>& tokens, const std::vector<bool>& ict_token,
                                                     const std::vector<int>& term_line, int line, size_t begin,
                                                     size_t end) {
  const auto usable = [&](size_t k) {
    return AppliesIcts(tokens, ict_token, k) && (term_line[k] == 0 || term_line[k] == line);
  };
  for (size_t back = 1; back <= kAppliedWords && back <= begin; ++back) {
    const size_t k = begin - back;
    if (!SameClause(tokens, k, begin) || tokens[k].word == "and" || tokens[k].word == "or") break;
    if (usable(k)) {
      size_t from = k;
      while (from > 0 && ict_token[from - 1] && SameClause(tokens, from - 1, from)) --from;
      return std::make_pair(from, end);
    }
  }
  for (size_t verb = end; verb < end + kAppliedWords && verb < tokens.size() && SameClause(tokens, begin, verb); ++verb) {
    if (!IsUseVerb(tokens[verb].word)) continue;
    for (size_t k = verb + 1; k <= verb + kAppliedWords && k < tokens.size() && SameClause(tokens, verb, k); ++k) {
      if (usable(k)) {
        size_t to = k + 1;
        while (to < tokens.size() && ict_token[to] && SameClause(tokens, to - 1, to)) ++to;
        return std::make_pair(begin, to);
      }
    }
    break;
  }
  return std::nullopt;
}

// Tokens [from, to) as a delegate reads them: each word as the text writes
// it, lower case, one space apart, but for a single hyphen or full stop
// within a word ("ai-based", "industry 4.0"); what else stood between (a
// link, quotation marks, a line break) is left out.
std::string Quote(std::string_view text, const std::vector<Token>& tokens, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k < to; ++k) {
    if (k > from) {
      const std::string_view gap = text.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end);
      out += gap == "-" || gap == "." ? std::string(gap) : " ";
    }
    out += text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
  }
  return text::AsciiLower(out);
}

// Weak terms of one line that are distinct subjects: a term whose words
// stand inside another's is the same subject said twice ("international
// cooperation" ... "their cooperation"; "connectivity" and "digital
// connectivity"), one piece of evidence and not the two that stand for a
// strong term.
size_t DistinctSubjects(const std::vector<const LexiconTerm*>& terms) {
  std::vector<std::vector<std::string>> words;
  for (const LexiconTerm* t : terms) words.push_back(Words(t->term));
  const auto inside = [](const std::vector<std::string>& small, const std::vector<std::string>& big) {
    return small.size() < big.size() && std::search(big.begin(), big.end(), small.begin(), small.end()) != big.end();
  };
  size_t distinct = 0;
  for (size_t a = 0; a < words.size(); ++a) {
    bool nested = false;
    for (size_t b = 0; b < words.size() && !nested; ++b) nested = b != a && inside(words[a], words[b]);
    if (!nested) ++distinct;
  }
  return distinct;
}

}  // namespace

std::string TermKey(std::string_view term) {
  std::string key;
  for (const std::string& word : Words(term)) key += (key.empty() ? "" : " ") + word;
  return key;
}

bool SpeaksOfIcts(std::string_view text) {
  const std::vector<Token> tokens = Tokens(text);
  const std::vector<bool> ict_token = IctTokens(tokens);
  return std::find(ict_token.begin(), ict_token.end(), true) != ict_token.end();
}

std::vector<InferredActionLine> InferActionLines(std::string_view text, PassageContext context) {
  const std::vector<Token> tokens = Tokens(text);
  const std::vector<bool> ict_token = IctTokens(tokens);
  std::vector<bool> ict_sentence = IctSentences(tokens, ict_token);
  // Under a heading on ICTs every sentence is on them: "finance for
  // infrastructure" in a report's section on the Summit's outcomes.
  if (context.under_ict_heading) ict_sentence.assign(ict_sentence.size(), true);
  const bool ict = std::find(ict_sentence.begin(), ict_sentence.end(), true) != ict_sentence.end();

  struct Found {
    std::vector<const LexiconTerm*> strong, weak;  // distinct, in order; weak holds topical terms too
    std::vector<std::pair<const LexiconTerm*, std::string>> applied;  // sectors, with the words that apply ICTs to them
    bool strong_outside_list = false;  // a strong term said as a subject, not as an item of a list
    bool topical_subject = false;      // a topical term said as a subject in a sentence on ICTs
    std::vector<size_t> listed_at, weak_at;  // where listed strong terms and weak terms start
  };
  std::map<int, Found> by_line;
  std::map<size_t, size_t> terms_in_sentence;  // lexicon terms found, by sentence
  const Index& index = Index::Builtin();
  size_t covered_until = 0;  // the longest match so far covers tokens before this
  std::vector<int> term_line(tokens.size(), 0);  // the line of the term that covers each token, 0 for none
  for (size_t i = 0; i < tokens.size(); ++i) {
    // The longest term that starts here: "social media" and not "media" too.
    const Index::Term* best = nullptr;
    size_t length = 0;  // in the passage's words
    const auto it = index.by_first.find(tokens[i].word);
    if (it != index.by_first.end()) {
      for (const Index::Term& term : it->second) {
        if (i + term.words.size() > tokens.size() || (best && term.words.size() <= length)) continue;
        bool match = true;
        // A term's words stand together in one clause: "human rights. Online"
        // and "human rights, online" are no "human rights online".
        for (size_t k = 1; k < term.words.size() && match; ++k) {
          match = tokens[i + k].word == term.words[k] && SameClause(tokens, i + k - 1, i + k);
        }
        if (match) best = &term, length = term.words.size();
      }
    }
    // A closed compound written open or hyphenated ("cyber space",
    // "cyber-attacks", "tele-medicine"; a PDF's line-end hyphen, "cyber-
    // security"): two words that together make a one-word term are that
    // term, unless a longer term starts here.
    if (length < 2 && i + 1 < tokens.size() && SameClause(tokens, i, i + 1)) {
      const auto joined = index.by_first.find(FoldPlural(tokens[i].raw + tokens[i + 1].raw));
      if (joined != index.by_first.end()) {
        for (const Index::Term& term : joined->second) {
          if (term.words.size() == 1) best = &term, length = 2;
        }
      }
    }
    if (!best || i < covered_until) continue;
    covered_until = i + length;
    const LexiconTerm& entry = *best->entry;
    const int line = LineNumber(entry.code);
    for (size_t k = i; k < covered_until; ++k) term_line[k] = line;
    // A sector counts only with a word of ICTs applied to it (AppliedSpan);
    // its evidence is those words, quoted.
    std::string applied_words;
    if (entry.weight == TermWeight::kApplied) {
      const auto span = AppliedSpan(tokens, ict_token, term_line, line, i, covered_until);
      if (!span) continue;
      applied_words = Quote(text, tokens, span->first, span->second);
    }
    if (NeedsIctContext(entry)) {
      // A strong term names an ICT subject in a passage that speaks of
      // ICTs; a topical or weak one ("capacity building", "training",
      // "rules", "privacy") only in a sentence that does, or just after one
      // (the class: a sentence that goes on with the last one's subject,
      // "Access to digital tools remains a challenge. That is one area that
      // needs close cooperation with Member States."): the Australian
      // "rules, governance and standards" of an environment paragraph,
      // sentences away from the digital word, are no Internet governance.
      const size_t s = tokens[i].sentence;
      const bool near_ict = ict_sentence[s] || (s > 0 && ict_sentence[s - 1]);
      if (entry.strong() ? !ict : !near_ict) continue;
    }
    ++terms_in_sentence[tokens[i].sentence];
    Found& found = by_line[line];
    const bool strong = entry.strong() || entry.weight == TermWeight::kApplied;
    if (entry.weight == TermWeight::kApplied) {
      if (std::none_of(found.applied.begin(), found.applied.end(), [&](const auto& a) { return a.first == &entry; })) {
        found.applied.emplace_back(&entry, applied_words);
      }
    } else {
      auto& list = entry.strong() ? found.strong : found.weak;
      if (std::find(list.begin(), list.end(), &entry) == list.end()) list.push_back(&entry);
    }
    // An item of a list ("transnational crime, cybersecurity, climate change
    // and pandemics") names a subject in passing; said otherwise, it is
    // what is discussed.
    if (!strong) {
      found.weak_at.push_back(i);
      // A line's title words ("international cooperation", "capacity
      // building") are general words, but in a sentence on ICTs, said as
      // its subject, they name the line.
      if (entry.weight == TermWeight::kTopical && !IsListItem(tokens, i, covered_until)) found.topical_subject = true;
    } else if (IsListItem(tokens, i, covered_until)) {
      found.listed_at.push_back(i);
    } else {
      found.strong_outside_list = true;
    }
  }
  // A list whose items are themselves ICT subjects (a programme's themes:
  // "Cybersecurity, Cybercrime & Online Safety; Data Governance; Digital
  // Divides & Inclusion", or any list of a WSIS document) is about each of
  // them; a list of disparate ills with one ICT item in it is not.
  for (auto& [number, found] : by_line) {
    for (size_t at : found.listed_at) {
      if (context.wsis_document || terms_in_sentence[tokens[at].sentence] >= kTopicListTerms) {
        found.strong_outside_list = true;
      }
    }
  }
  std::vector<InferredActionLine> out;
  for (const auto& entry : by_line) {
    // Not a structured binding: Clang 14 cannot capture one in a lambda.
    const int number = entry.first;
    const Found& found = entry.second;
    // A strong term said as a subject; or a strong term only listed, with a
    // weak term of the line beside it ("cybersecurity and privacy", not a
    // "human rights" six items further down a list of ills); or a topical
    // term said as a subject near the words of ICTs; or enough weak terms.
    const bool beside = std::any_of(found.listed_at.begin(), found.listed_at.end(), [&](size_t s) {
      return std::any_of(found.weak_at.begin(), found.weak_at.end(), [&](size_t w) {
        return tokens[s].sentence == tokens[w].sentence && (s > w ? s - w : w - s) <= kBesideWords;
      });
    });
    const bool about =
        found.strong_outside_list || beside || found.topical_subject || DistinctSubjects(found.weak) >= kWeakTermsNeeded;
    if (!about) continue;
    InferredActionLine line{"C" + std::to_string(number), {}};
    for (const LexiconTerm* t : found.strong) line.evidence.push_back(t->term);
    for (const auto& applied : found.applied) line.evidence.push_back(applied.second);
    for (const LexiconTerm* t : found.weak) line.evidence.push_back(t->term);
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace cstd::extract

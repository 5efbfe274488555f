#include "extract/action_lines_finder.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "model/action_lines.h"
#include "model/text.h"

namespace cstd::extract {

namespace {

bool IsAlnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// "C5", "C11", "C7eGov": a 'C' at a word start, then 1..11, then not a
// digit. Returns the number and where the code ends, for each.
std::vector<std::pair<int, size_t>> FindCodes(std::string_view text) {
  std::vector<std::pair<int, size_t>> codes;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != 'C' || (i > 0 && IsAlnum(text[i - 1]))) continue;
    size_t j = i + 1;
    int number = 0;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])) && j - i <= 2) {
      number = number * 10 + (text[j] - '0');
      ++j;
    }
    if (j == i + 1 || number < 1 || number > 11) continue;
    if (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) continue;
    // A letter may follow only as a sub-line code ("C7eGov").
    if (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j])) && !(number == 7 && text[j] == 'e')) {
      continue;
    }
    // "C5+" is the Central Asian dialogue format, not an action line.
    if (j < text.size() && text[j] == '+') continue;
    codes.emplace_back(number, j);
  }
  return codes;
}

// True when `lower_sentence` holds the title (or an alias, or a sub-line's
// title) of main line `number`: "C7 - ICT Applications: E-government".
bool NamesTitleOf(std::string_view lower_sentence, int number) {
  const ActionLines& table = ActionLines::Builtin();
  const std::string main = "C" + std::to_string(number);
  for (const ActionLine& line : table.all()) {
    if (table.MainLine(line.code) != main) continue;
    std::vector<std::string> names = {line.title};
    names.insert(names.end(), line.aliases.begin(), line.aliases.end());
    for (const std::string& name : names) {
      // The title's first words are enough: "ICT applications" of "ICT
      // applications: benefits in all aspects of life".
      std::string phrase = text::AsciiLower(name);
      if (const size_t colon = phrase.find(':'); colon != std::string::npos && colon > 3) phrase.resize(colon);
      if (lower_sentence.find(phrase) != std::string_view::npos) return true;
    }
  }
  return false;
}

// Words that make a sentence speak of WSIS, so that a code in it is an
// action line: "C5" alone is also a regional format, a grade, a vitamin.
bool SpeaksOfWsis(std::string_view lower_sentence) {
  for (std::string_view cue : {"action line", "wsis", "world summit on the information society", "plan of action",
                               "tunis agenda", "facilitat", "information society"}) {
    if (lower_sentence.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

struct Span {
  size_t begin, end;
};

// Sentences that speak of action lines.
std::vector<Span> ActionLineSentences(const std::string& lower) {
  std::vector<Span> spans;
  size_t pos = lower.find("action line");
  while (pos != std::string::npos) {
    size_t begin = lower.rfind(". ", pos);
    begin = begin == std::string::npos ? 0 : begin + 2;
    size_t end = lower.find(". ", pos);
    end = end == std::string::npos ? lower.size() : end;
    if (spans.empty() || spans.back().end < begin) spans.push_back({begin, end});
    pos = lower.find("action line", end);
  }
  return spans;
}

// Numbers 1..11 in a list: "3 and 4", "1, 3, 7", "(8, 9)".
std::vector<int> NumberList(std::string_view s, size_t* consumed) {
  std::vector<int> numbers;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && (s[j] == ' ' || s[j] == ',')) ++j;
    if (s.substr(j, 4) == "and ") j += 4;
    size_t k = j;
    while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
    if (k == j || k - j > 2 || (k < s.size() && IsAlnum(s[k]))) break;
    const int n = std::stoi(std::string(s.substr(j, k - j)));
    if (n < 1 || n > 11) break;
    numbers.push_back(n);
    i = k;
  }
  *consumed = i;
  return numbers;
}

void FindNumbers(const std::string& lower, const Span& span, std::set<int>& found) {
  const std::string_view sentence = std::string_view(lower).substr(span.begin, span.end - span.begin);
  // Parenthesised lists of numbers: "(1, 3, 7)".
  for (size_t open = sentence.find('('); open != std::string_view::npos; open = sentence.find('(', open + 1)) {
    const size_t close = sentence.find(')', open);
    if (close == std::string_view::npos) break;
    size_t consumed = 0;
    const std::string_view inside = sentence.substr(open + 1, close - open - 1);
    const auto numbers = NumberList(inside, &consumed);
    if (!numbers.empty() && consumed == inside.size()) found.insert(numbers.begin(), numbers.end());
  }
  // "action line(s) [particularly|including|namely|nos.] 3 and 4".
  for (size_t pos = sentence.find("action line"); pos != std::string_view::npos;
       pos = sentence.find("action line", pos + 1)) {
    size_t i = pos + std::string_view("action line").size();
    if (i < sentence.size() && sentence[i] == 's') ++i;
    while (i < sentence.size() && (sentence[i] == ' ' || sentence[i] == ',')) ++i;
    for (std::string_view filler :
         {"particularly ", "including ", "namely ", "notably ", "especially ", "nos. ", "numbers "}) {
      if (sentence.substr(i, filler.size()) == filler) i += filler.size();
    }
    size_t consumed = 0;
    const auto numbers = NumberList(sentence.substr(i), &consumed);
    found.insert(numbers.begin(), numbers.end());
  }
}

// Characters before a title within which "action line" makes it a name
// ("the action line on e-government": "action line on " is 15).
constexpr size_t kTitleAfterCue = 20;

// True when `phrase` stands as whole words in haystack[begin, end); with
// `printed`, only where the printed text (same offsets as the lower-case
// haystack) gives it a capital initial or it follows "action line".
bool ContainsPhrase(const std::string& haystack, const std::string& phrase, size_t begin, size_t end,
                    std::string_view printed = {}) {
  size_t pos = haystack.find(phrase, begin);
  while (pos != std::string::npos && pos + phrase.size() <= end) {
    const bool start_ok = pos == 0 || !IsAlnum(haystack[pos - 1]);
    const bool end_ok = pos + phrase.size() == haystack.size() || !IsAlnum(haystack[pos + phrase.size()]);
    // "the action line on capacity building": named right after the words.
    const size_t cue = pos < kTitleAfterCue ? 0 : pos - kTitleAfterCue;
    const bool capital_ok = printed.empty() || std::isupper(static_cast<unsigned char>(printed[pos])) != 0 ||
                            haystack.substr(cue, pos - cue).find("action line") != std::string::npos;
    if (start_ok && end_ok && capital_ok) return true;
    pos = haystack.find(phrase, pos + 1);
  }
  return false;
}

size_t WordCount(std::string_view s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

}  // namespace

std::vector<std::string> FindActionLines(std::string_view text, bool wsis_document) {
  std::set<int> found;
  const std::string lower = text::AsciiLower(text);
  // A code counts in a WSIS document, in a sentence that speaks of WSIS,
  // or in a list of codes ("C1, C7 and C11").
  const std::vector<std::pair<int, size_t>> codes = FindCodes(text);
  for (size_t k = 0; k < codes.size(); ++k) {
    const auto [number, end] = codes[k];
    bool counts = wsis_document;
    const bool listed = (k > 0 && end - codes[k - 1].second < 24) ||
                        (k + 1 < codes.size() && codes[k + 1].second - end < 24);
    counts = counts || listed;
    if (!counts) {
      size_t begin = lower.rfind(". ", end);
      begin = begin == std::string::npos ? 0 : begin + 2;
      const size_t stop = lower.find(". ", end);
      const std::string_view sentence =
          std::string_view(lower).substr(begin, (stop == std::string::npos ? lower.size() : stop) - begin);
      counts = SpeaksOfWsis(sentence) || NamesTitleOf(sentence, number);
    }
    if (counts) found.insert(number);
  }
  const std::vector<Span> sentences = ActionLineSentences(lower);
  for (const Span& span : sentences) FindNumbers(lower, span, found);

  const ActionLines& table = ActionLines::Builtin();
  for (const ActionLine& line : table.all()) {
    std::vector<std::string> names = {line.title};
    names.insert(names.end(), line.aliases.begin(), line.aliases.end());
    const std::string main = table.MainLine(line.code);
    const int number = std::stoi(main.substr(1));
    for (const std::string& name : names) {
      const std::string phrase = text::AsciiLower(name);
      // A short title names the line only when printed as a name, with a
      // capital ("E-Government", "Capacity Building"): "e-government
      // platforms" in a sentence on "the existing action lines" is the
      // subject, not the line.
      const bool hit = WordCount(phrase) >= kDistinctiveTitleWords
                           ? ContainsPhrase(lower, phrase, 0, lower.size())
                           : std::any_of(sentences.begin(), sentences.end(), [&](const Span& s) {
                               return ContainsPhrase(lower, phrase, s.begin, s.end, text);
                             });
      if (hit) found.insert(number);
    }
  }
  std::vector<std::string> named;
  for (int n : found) named.push_back("C" + std::to_string(n));
  return named;
}

}  // namespace cstd::extract

#include "extract/text_integrity.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "extract/inline.h"
#include "model/text.h"

namespace cstd::extract {

namespace {

// Lower-case words of three letters or more.
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string current;
  const auto flush = [&] {
    if (current.size() >= 3) words.push_back(current);
    current.clear();
  };
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || u >= 0x80) {
      current.push_back(static_cast<char>(std::tolower(u)));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

}  // namespace

size_t CountLetters(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (static_cast<unsigned>((u | 0x20) - 'a') < 26u || u >= 0xC0) ++n;
  }
  return n;
}

TextIntegrity CheckTextIntegrity(std::string_view text, const Structure& structure,
                                 const std::vector<Paragraph>& paragraphs) {
  TextIntegrity out;
  out.letters_read = structure.letters_read;

  // Where letters legitimately go: paragraphs, and the places that are not
  // paragraphs. A head line a paragraph repeats counts once.
  size_t placed = 0;
  std::unordered_set<std::string_view> paragraph_texts;
  for (const Paragraph& p : paragraphs) {
    placed += CountLetters(p.text);
    paragraph_texts.insert(p.text);
  }
  for (const std::string& line : structure.head) {
    if (!paragraph_texts.count(line)) placed += CountLetters(line);
  }
  for (const std::string& heading : structure.headings) {
    if (std::find(structure.head.begin(), structure.head.end(), heading) == structure.head.end()) {
      placed += CountLetters(heading);
    }
  }
  for (const auto& [number, footnote] : structure.footnotes) placed += CountLetters(footnote);
  for (const std::string& line : structure.furniture) placed += CountLetters(line);
  out.letters_missing = out.letters_read > placed ? out.letters_read - placed : 0;
  if (out.letters_missing <= kMaxMissingLetters) return out;

  // The first line most of whose words are short in the places: the words
  // read, counted, less the words placed.
  const std::vector<std::string_view> lines = text::Split(text, '\n');
  std::unordered_map<std::string, long> deficit;
  std::vector<std::vector<std::string>> line_words;
  for (std::string_view line : lines) {
    line_words.push_back(Words(CleanInline(line).text));
    for (const std::string& w : line_words.back()) ++deficit[w];
  }
  const auto place = [&](std::string_view s) {
    for (const std::string& w : Words(s)) --deficit[w];
  };
  for (const Paragraph& p : paragraphs) place(p.text);
  for (const std::string& line : structure.head) {
    if (!paragraph_texts.count(line)) place(line);
  }
  for (const std::string& heading : structure.headings) place(heading);
  for (const auto& [number, footnote] : structure.footnotes) place(footnote);
  for (const std::string& line : structure.furniture) place(line);
  for (size_t i = 0; i < line_words.size(); ++i) {
    const std::vector<std::string>& words = line_words[i];
    if (words.size() < 2) continue;
    size_t short_words = 0;
    for (const std::string& w : words) short_words += deficit[w] > 0 ? 1 : 0;
    if (short_words * 2 > words.size()) {
      out.first_missing_line = i + 1;
      out.first_missing_text = CleanInline(lines[i]).text;
      break;
    }
  }
  return out;
}

}  // namespace cstd::extract

#include "indexer/structure.h"

#include <algorithm>
#include <cctype>

#include "indexer/attribution.h"
#include "model/text.h"

namespace cstd::indexer {

namespace {

enum class Kind { kBlank, kHeading, kFootnote, kNumbered, kBullet, kSubItem, kText };

struct Line {
  Kind kind = Kind::kText;
  std::string_view raw;       // the line without list/number/heading syntax
  std::optional<int> number;  // for kNumbered and kFootnote
};

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Reads a leading footnote marker in any of its forms ("<sup>6</sup>",
// "<sup>&</sup>lt;sup>6</sup>", "^{6}", "⁶") and returns the number, or -1.
int LeadingFootnoteNumber(std::string_view s, std::string_view* rest) {
  const CleanLine probe = CleanInline(s.substr(0, std::min<size_t>(s.size(), 48)));
  if (probe.markers.empty() || probe.markers.front().offset != 0) return -1;
  // Find where the marker's source text ends: the first letter or digit not
  // inside markup after it.
  size_t i = 0;
  if (s.rfind("<sup>", 0) == 0) {
    // The marker's "</sup>" ends it, in the plain and the scarred form.
    const size_t close = s.find("</sup>", s.rfind("<sup>&</sup>", 0) == 0 ? 12 : 0);
    if (close == std::string_view::npos) return -1;
    i = close + 6;
  } else if (s.rfind("^{", 0) == 0) {
    i = s.find('}') + 1;
  } else if (s.rfind("$^{", 0) == 0) {
    i = s.find('$', 1) + 1;
  } else {
    while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80) ++i;  // superscript digits
  }
  *rest = text::Trim(s.substr(std::min(i, s.size())));
  return probe.markers.front().number;
}

Line Classify(std::string_view raw_line) {
  Line line;
  std::string_view s = text::Trim(raw_line);
  if (s.empty()) {
    line.kind = Kind::kBlank;
    return line;
  }
  if (s.front() == '#') {
    size_t hashes = 0;
    while (hashes < s.size() && s[hashes] == '#') ++hashes;
    if (hashes <= 6 && (hashes == s.size() || s[hashes] == ' ')) {
      line.kind = Kind::kHeading;
      line.raw = text::Trim(s.substr(hashes));
      return line;
    }
  }
  // A footnote definition starts with a marker at the start of the line.
  std::string_view rest;
  if (const int n = LeadingFootnoteNumber(s, &rest); n >= 0 && !rest.empty()) {
    line.kind = Kind::kFootnote;
    line.number = n;
    line.raw = rest;
    return line;
  }
  // List syntax: "- ", "* ", "• ".
  bool bullet = false;
  if (s.size() > 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
    bullet = true;
    s = text::Trim(s.substr(2));
  } else if (s.rfind("\u2022", 0) == 0) {
    bullet = true;
    s = text::Trim(s.substr(3));
  }
  // "12. Text" or "12.\tText": a numbered paragraph. Up to three digits, so
  // "2030. " years do not count.
  size_t digits = 0;
  while (digits < s.size() && IsDigit(s[digits])) ++digits;
  if (digits >= 1 && digits <= 3 && digits + 1 < s.size() && s[digits] == '.' &&
      (s[digits + 1] == ' ' || s[digits + 1] == '\t')) {
    line.kind = Kind::kNumbered;
    line.number = std::stoi(std::string(s.substr(0, digits)));
    line.raw = text::Trim(s.substr(digits + 1));
    return line;
  }
  // "(a) ...", "(iv) ...": a sub-item of the paragraph before.
  if (s.size() > 3 && s[0] == '(') {
    const size_t close = s.find(')');
    if (close != std::string_view::npos && close <= 5) {
      bool alnum = close > 1;
      for (size_t k = 1; k < close; ++k) alnum = alnum && std::isalnum(static_cast<unsigned char>(s[k]));
      if (alnum) {
        line.kind = Kind::kSubItem;
        line.raw = s;
        return line;
      }
    }
  }
  line.kind = bullet ? Kind::kBullet : Kind::kText;
  line.raw = s;
  return line;
}

// Decides whether the text is hard-wrapped: most non-blank lines short, and
// few blank lines between them.
bool IsHardWrapped(const std::vector<std::string_view>& lines, size_t* width) {
  std::vector<size_t> lengths;
  size_t blank = 0;
  for (auto l : lines) {
    l = text::Trim(l);
    if (l.empty()) {
      ++blank;
    } else {
      lengths.push_back(l.size());
    }
  }
  if (lengths.size() < 8) return false;
  std::sort(lengths.begin(), lengths.end());
  const size_t p90 = lengths[lengths.size() * 9 / 10];
  const size_t median = lengths[lengths.size() / 2];
  *width = p90;
  // Wrapped text: lines cluster near one width. Blank-line separated text
  // (Markdown) with short lines is handled line by line anyway.
  return p90 <= kMaxWrappedLineLength && median * 10 >= p90 * 6 && blank * 4 < lengths.size();
}

bool EndsSentence(std::string_view s) {
  s = text::Trim(s);
  if (s.empty()) return true;
  const std::string_view enders[] = {".", "!", "?", ":", ";", "\"", "\u201D", "\u2019", ")"};
  for (auto e : enders) {
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  }
  return false;
}

size_t CountBold(std::string_view s) {
  size_t n = 0;
  for (size_t pos = s.find("**"); pos != std::string_view::npos; pos = s.find("**", pos + 2)) ++n;
  return n;
}

// A footnote line whose marker was lost: it names a person or a delegation.
bool LooksLikeFootnote(std::string_view s) {
  size_t length = 0;
  if (LeadingHonorific(s, &length)) return s.find(',') != std::string_view::npos;
  return s.rfind("Representative of ", 0) == 0 || s.rfind("Representatives of ", 0) == 0;
}

bool StartsLowercase(std::string_view s) {
  return !s.empty() && std::islower(static_cast<unsigned char>(s.front()));
}

void AppendClean(Block& block, std::string_view raw, bool join_hyphen = false) {
  CleanLine clean = CleanInline(raw);
  if (clean.text.empty() && clean.markers.empty()) return;
  size_t base = block.text.size();
  if (!block.text.empty()) {
    if (join_hyphen && block.text.back() == '-') {
      block.text.pop_back();
      base = block.text.size();
    } else {
      block.text.push_back(' ');
      ++base;
    }
  }
  block.text += clean.text;
  for (auto m : clean.markers) block.markers.push_back({m.number, base + m.offset});
}

// Numbers moved by conversion into the text: an unnumbered paragraph after
// paragraph N-1 whose text holds "N. " before a lower-case word ("their
// bilateral and 24. multilateral") is paragraph N, and loses the stray "N. ".
void RecoverMovedNumbers(std::vector<Block>& blocks, std::vector<std::string>& warnings) {
  std::optional<int> previous;
  for (Block& b : blocks) {
    if (b.number) {
      previous = b.number;
      continue;
    }
    if (!previous) continue;
    const std::string needle = " " + std::to_string(*previous + 1) + ". ";
    const size_t at = b.text.find(needle);
    if (at == std::string::npos || at + needle.size() >= b.text.size() ||
        !std::islower(static_cast<unsigned char>(b.text[at + needle.size()]))) {
      continue;
    }
    const size_t removed = needle.size() - 1;  // keep one space
    b.text.erase(at + 1, removed);
    for (Marker& m : b.markers) {
      if (m.offset > at) m.offset = m.offset >= at + 1 + removed ? m.offset - removed : at;
    }
    b.number = *previous + 1;
    b.number_inferred = true;
    previous = b.number;
    warnings.push_back("paragraph " + std::to_string(*b.number) + " had its number moved into its text; restored");
  }
}

// Numbers lost in conversion: an unnumbered paragraph between numbered ones
// takes the free numbers in order when exactly that many are free.
void InferNumbers(std::vector<Block>& blocks, std::vector<std::string>& warnings) {
  std::optional<size_t> last_numbered;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].number) continue;
    if (last_numbered) {
      const int a = *blocks[*last_numbered].number, b = *blocks[i].number;
      const size_t gap = i - *last_numbered - 1;
      if (gap > 0 && b - a - 1 == static_cast<int>(gap)) {
        for (size_t k = *last_numbered + 1; k < i; ++k) {
          blocks[k].number = a + static_cast<int>(k - *last_numbered);
          blocks[k].number_inferred = true;
          warnings.push_back("paragraph " + std::to_string(*blocks[k].number) +
                             " had lost its number; inferred from sequence");
        }
      }
    }
    last_numbered = i;
  }
}

}  // namespace

Structure ParseStructure(std::string_view text, const std::vector<size_t>& page_starts) {
  Structure result;
  // The page a line is on: the last page that starts at or before it.
  std::optional<int> page;
  auto next_page = page_starts.begin();
  const auto track_page = [&](std::string_view line) {
    const auto offset = static_cast<size_t>(line.data() - text.data());
    for (; next_page != page_starts.end() && *next_page <= offset; ++next_page) {
      page = static_cast<int>(next_page - page_starts.begin()) + 1;
    }
  };
  const std::vector<std::string_view> lines = text::Split(text, '\n');
  size_t width = 0;
  const bool wrapped = IsHardWrapped(lines, &width);

  std::vector<Block> blocks;
  std::string section;
  bool open = false;         // the last block may still grow
  bool after_break = false;  // a footnote block or heading since the last block
  bool prev_short_end = true;
  std::optional<int> footnote_open;                        // a footnote definition may continue
  std::optional<int> last_footnote;                        // in a footnote block: the last number seen
  bool bold_open = false;                                  // inside a "**...**" span over several lines
  std::vector<std::pair<size_t, std::string>> heading_at;  // block index, heading

  const auto new_block = [&]() -> Block& {
    last_footnote.reset();
    blocks.emplace_back();
    blocks.back().section = section;
    blocks.back().page = page;
    open = true;
    after_break = false;
    return blocks.back();
  };

  for (std::string_view raw : lines) {
    track_page(raw);
    const Line line = Classify(raw);
    switch (line.kind) {
      case Kind::kBlank:
        if (!wrapped) open = false;
        footnote_open.reset();
        bold_open = false;
        prev_short_end = true;
        continue;
      case Kind::kHeading: {
        const std::string heading = CleanInline(line.raw).text;
        if (!heading.empty()) {
          result.headings.push_back(heading);
          heading_at.emplace_back(blocks.size(), heading);
          section = heading;
        }
        open = false;
        footnote_open.reset();
        continue;
      }
      case Kind::kFootnote:
        result.footnotes[*line.number] = CleanInline(line.raw).text;
        footnote_open = *line.number;
        last_footnote = *line.number;
        after_break = true;
        open = false;
        continue;
      default:
        break;
    }
    if (footnote_open && !wrapped && line.kind == Kind::kText && StartsLowercase(line.raw)) {
      // A footnote's text broken over lines.
      result.footnotes[*footnote_open] += " " + CleanInline(line.raw).text;
      continue;
    }
    footnote_open.reset();
    // In a footnote block, a line that reads like a footnote ("Mr. Name,
    // ...", "Representative of ...") but lost its number is the next one.
    if (last_footnote && line.kind == Kind::kText && LooksLikeFootnote(line.raw) &&
        !result.footnotes.count(*last_footnote + 1)) {
      const int number = *last_footnote + 1;
      result.footnotes[number] = CleanInline(line.raw).text;
      result.warnings.push_back("footnote " + std::to_string(number) + " lost its number; resolved by sequence");
      last_footnote = number;
      footnote_open = number;
      continue;
    }

    const std::string_view trimmed = text::Trim(raw);
    switch (line.kind) {
      case Kind::kNumbered: {
        Block& b = new_block();
        b.number = line.number;
        AppendClean(b, line.raw);
        break;
      }
      case Kind::kSubItem:
        if (!blocks.empty()) {
          AppendClean(blocks.back(), line.raw);
          open = !wrapped ? false : true;
        } else {
          AppendClean(new_block(), line.raw);
        }
        break;
      case Kind::kBullet:
        AppendClean(new_block(), line.raw);
        if (!wrapped) open = false;
        break;
      case Kind::kText: {
        // Continuation rules. In wrapped text a line joins the paragraph
        // unless the previous line ended a sentence well short of the width.
        // Anywhere, a line starting in lower case after a page break or
        // footnote block continues the last paragraph.
        const bool continues_wrapped = wrapped && open && !blocks.empty() && !prev_short_end;
        // A bold span broken over lines ("**Twenty-seventh session\nGeneva,
        // 15-19 April 2024**") is one line of the head.
        const bool continues_bold = !wrapped && bold_open && !blocks.empty();
        const bool continues_break =
            !blocks.empty() && StartsLowercase(line.raw) && (after_break || !open) && !EndsSentence(blocks.back().text);
        if (continues_bold) {
          AppendClean(blocks.back(), line.raw);
        } else if (continues_wrapped || continues_break) {
          const bool hyphen =
              !blocks.back().text.empty() && blocks.back().text.back() == '-' && StartsLowercase(line.raw);
          AppendClean(blocks.back(), line.raw, hyphen);
          open = wrapped;
        } else {
          AppendClean(new_block(), line.raw);
          if (!wrapped) open = false;
        }
        after_break = false;
        break;
      }
      default:
        break;
    }
    if (!wrapped && CountBold(raw) % 2 == 1) bold_open = !bold_open;
    // A line of markup only leaves an empty paragraph: drop it.
    if (!blocks.empty() && blocks.back().text.empty()) {
      blocks.pop_back();
      open = false;
    }
    prev_short_end = !wrapped || (trimmed.size() * 10 < width * 8 && EndsSentence(trimmed)) ||
                     (line.kind != Kind::kText && trimmed.size() * 10 < width * 8);
    if (wrapped && line.kind == Kind::kNumbered)
      prev_short_end = trimmed.size() * 10 < width * 8 && EndsSentence(trimmed);
  }

  // The head: short blocks before the body begins (the first numbered
  // paragraph, or the first block of running text). They carry the date,
  // session, place and title, and are not passages.
  constexpr size_t kHeadMaxWords = 30;
  size_t body_start = 0;
  for (; body_start < blocks.size(); ++body_start) {
    const Block& b = blocks[body_start];
    const size_t words = static_cast<size_t>(std::count(b.text.begin(), b.text.end(), ' ')) + 1;
    if (b.number || words > kHeadMaxWords) break;
  }
  // A document of short lines only (a list, a short note) has no head.
  const bool has_body = body_start < blocks.size();
  if (!has_body) body_start = 0;
  auto heading = heading_at.begin();
  for (size_t i = 0; i < body_start; ++i) {
    for (; heading != heading_at.end() && heading->first <= i; ++heading) result.head.push_back(heading->second);
    result.head.push_back(blocks[i].text);
  }
  // Headings before the body (a title right above paragraph 1, say) are head
  // lines too.
  for (; has_body && heading != heading_at.end() && heading->first <= body_start; ++heading) {
    result.head.push_back(heading->second);
  }
  blocks.erase(blocks.begin(), blocks.begin() + static_cast<long>(body_start));

  RecoverMovedNumbers(blocks, result.warnings);
  InferNumbers(blocks, result.warnings);
  result.paragraphs = std::move(blocks);
  return result;
}

}  // namespace cstd::indexer

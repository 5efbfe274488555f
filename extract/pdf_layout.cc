#include "extract/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <regex>
#include <string_view>

#include "extract/hyphenation.h"
#include "extract/inline.h"

namespace cstd::extract {

namespace {

// Footnotes are set at most this fraction of the body size (UN documents:
// 8 or 9 pt under 10 to 12 pt; LaTeX 8 under 10; Word 10 under 12).
constexpr double kFootnoteMaxSize = 0.92;
// A line set at least this fraction of the body size is larger than the
// body: a title or heading (an 11 pt subtitle under a 10 pt body counts).
constexpr double kLargerSize = 1.08;
// Lines of different sizes (beyond this fraction) belong to different blocks.
constexpr double kSizeChange = 0.08;
// The masthead: seeded by lines in the right-hand part of page 1 (from this
// fraction of its width) within its top part (this fraction of its
// height), and never deeper than kMastheadMaxDepth: a band deeper than
// that is a page set in two columns.
constexpr double kMastheadRightColumn = 0.55;
constexpr double kMastheadTop = 0.3;
constexpr double kMastheadMaxDepth = 0.25;
// Page furniture is looked for among the first and last lines of a page.
constexpr size_t kTopEdgeLines = 2;
constexpr size_t kBottomEdgeLines = 3;
// A running header or footer is at most this long.
constexpr size_t kMaxRunningLineLength = 80;
// A line indented further than the line before by this many ems starts a
// paragraph (first-line indents are 1.5 to 5 ems; justification and
// kerning move a line's start by a fraction of a point).
constexpr double kIndentEms = 0.6;
// The least space a line break stands for, in ems (fonts give a space 0.25
// to 0.28 em).
constexpr double kSpaceEms = 0.25;
// A word "would have fit" on the line before only with this much room to
// spare, in points: when in doubt, a line goes on the paragraph.
constexpr double kFitSlack = 0.5;
// A gap between lines larger than the usual line pitch by this many ems
// (or kMinGapPoints) separates blocks.
constexpr double kGapEms = 0.2;
constexpr double kMinGapPoints = 1.5;
// Words further apart than this many ems have a space between them even
// where poppler saw none.
constexpr double kWordGapEms = 0.15;
// Bold blocks of the body size ending a sentence with more words than this
// are paragraphs set in bold, not headings.
constexpr size_t kMaxHeadingWords = 40;
// ParseStructure's head ends at a block of more words than this
// (kHeadMaxWords there); so does the layout's.
constexpr size_t kHeadMaxWords = 30;

enum class Role { kBody, kMasthead, kFurniture, kFootnote };

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool IsUpperStart(std::string_view s) {
  while (!s.empty() && (s.front() == '(' || s.front() == '"' || s.front() == '\'' || s.front() == '[')) {
    s.remove_prefix(1);
  }
  if (s.rfind("\u201C", 0) == 0 || s.rfind("\u2018", 0) == 0) s.remove_prefix(3);
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s.front());
  return (c >= 'A' && c <= 'Z') || IsDigit(s.front()) || c >= 0x80;
}

// True when `word` ends a sentence or a clause that may end a paragraph or
// introduce a list: . ! ? : ; possibly inside closing quotes or brackets.
bool EndsSentence(std::string_view word) {
  while (!word.empty()) {
    if (word.back() == ')' || word.back() == ']' || word.back() == '"' || word.back() == '\'') {
      word.remove_suffix(1);
    } else if (word.size() >= 3 && (word.substr(word.size() - 3) == "\u201D" || word.substr(word.size() - 3) == "\u2019")) {
      word.remove_suffix(3);
    } else {
      break;
    }
  }
  return !word.empty() && std::string_view(".!?:;").find(word.back()) != std::string_view::npos;
}

// The text of a line's last word that is not a superscript.
std::string_view LastWord(const PdfLine& line) {
  for (size_t i = line.words.size(); i-- > 0;) {
    if (!line.superscript[i]) return line.words[i].text;
  }
  return {};
}

// A document symbol: "E/CN.16/2024/2", "A/78/62", "TD/B/C.II/1" -- an
// upper-case start and two or more slashes, no "//" of an address.
bool IsSymbol(std::string_view w) {
  static const std::regex kSymbol(R"(^[A-Z][A-Z0-9.]*(/[A-Za-z0-9.()-]+){2,}$)");
  return w.size() <= 40 && w.find("//") == std::string_view::npos && std::regex_match(w.begin(), w.end(), kSymbol);
}

// Page numbers in the forms printers use: "3", "- 3 -", "3/14",
// "Page 3 of 14", "[3]", "3 |".
bool IsPageNumber(std::string_view line) {
  std::string s;
  for (char c : line) {
    if (c != ' ' && c != '-' && c != '|' && c != '[' && c != ']' && c != '(' && c != ')') {
      s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  for (const std::string_view dash : {"\u2013", "\u2014"}) {
    for (size_t at = s.find(dash); at != std::string::npos; at = s.find(dash)) s.erase(at, dash.size());
  }
  if (s.rfind("page", 0) == 0) s.erase(0, 4);
  static const std::regex kNumber(R"(^[0-9]{1,4}((/|of)[0-9]{1,4})?$)");
  return std::regex_match(s, kNumber);
}

// A printer's job number or a bar code's text: "GE.24-01234(E)",
// "GE.24-01234", "(E)", "*2401234*", "2401234".
bool IsJobToken(std::string_view w) {
  static const std::regex kJob(R"(^([A-Z]{1,3}\.)?[0-9]{2}-[0-9]{4,6}(\s*\([A-Z]\))?$)");
  static const std::regex kLanguage(R"(^\([A-Z]\)$)");
  static const std::regex kBarcode(R"(^\*[A-Z0-9]{4,}\*$|^[0-9]{6,12}$)");
  return std::regex_match(w.begin(), w.end(), kJob) || std::regex_match(w.begin(), w.end(), kLanguage) ||
         std::regex_match(w.begin(), w.end(), kBarcode);
}

// A line's shape: digits replaced by '#', so "GE.24-01234 3" and "Page 4 of
// 9" match on every page.
std::string Shape(std::string_view line) {
  std::string shape(line);
  for (char& c : shape) {
    if (IsDigit(c)) c = '#';
  }
  return shape;
}

// The numbers of a superscript that is a footnote marker: "3", "12", "2,3".
std::vector<int> MarkerNumbers(std::string_view text) {
  std::vector<int> numbers;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = text.substr(start, end - start);
    if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), IsDigit)) return {};
    numbers.push_back(std::stoi(std::string(part)));
    start = end + 1;
  }
  return numbers;
}

// A piece of a block's text: a word, or a footnote marker.
struct Token {
  std::string text;
  int marker = -1;    // the footnote number, for a marker
  bool glue = false;  // no space before it
};

// Text of `lines` (from word `skip` of the first), markers as <sup>N</sup>,
// hyphens at line ends resolved with `vocabulary`, escaped.
std::string BlockText(const std::vector<const PdfLine*>& lines, size_t skip, const Vocabulary& vocabulary,
                      bool bullet) {
  std::vector<Token> tokens;
  const PdfWord* previous = nullptr;  // the word before, on the same line
  for (size_t l = 0; l < lines.size(); ++l) {
    const PdfLine& line = *lines[l];
    previous = nullptr;
    for (size_t i = l == 0 ? skip : 0; i < line.words.size(); ++i) {
      const PdfWord& w = line.words[i];
      bool glue = tokens.empty();
      if (!glue && previous != nullptr) {
        glue = !previous->space_after && w.x0 - previous->x1 <= kWordGapEms * line.size;
      }
      if (line.superscript[i]) {
        const std::vector<int> numbers = MarkerNumbers(w.text);
        if (!numbers.empty() && !tokens.empty()) {
          for (int n : numbers) tokens.push_back({"", n, true});
        } else {
          // "27<sup>th</sup>", "M<sup>me</sup>": part of the word.
          tokens.push_back({w.text, -1, !tokens.empty()});
        }
      } else if (previous == nullptr && !tokens.empty()) {
        // The first word of a continuation line.
        Token& last = tokens.back();
        glue = false;
        if (last.marker < 0) {
          std::string& t = last.text;
          const auto ends_with = [&](std::string_view s) {
            return t.size() > s.size() && t.compare(t.size() - s.size(), s.size(), s) == 0;
          };
          if (ends_with("\u00AD")) {  // a soft hyphen: always a break inside a word
            t.resize(t.size() - 2);
            glue = true;
          } else if (ends_with("-") || ends_with("\u2010")) {
            const size_t hyphen = ends_with("-") ? 1 : 3;
            const std::string_view left = std::string_view(t).substr(0, t.size() - hyphen);
            if (JoinsAsOneWord(left, w.text, vocabulary)) t.resize(t.size() - hyphen);
            glue = true;  // "develop-ment" or "well-known": no space either way
          } else if (ends_with("\u2013") || ends_with("\u2014")) {
            glue = true;  // "2021–" + "2022", "text—" + "and"
          }
        }
        tokens.push_back({w.text, -1, glue});
      } else {
        tokens.push_back({w.text, -1, glue});
      }
      previous = &w;
    }
  }
  if (bullet && !tokens.empty() && tokens.front().marker < 0) tokens.front().text = "\u2022";
  std::string out, plain;
  for (const Token& t : tokens) {
    if (t.marker >= 0) {
      out += EscapeInline(plain);
      plain.clear();
      out += "<sup>" + std::to_string(t.marker) + "</sup>";
      continue;
    }
    if (!t.glue && !(out.empty() && plain.empty())) plain.push_back(' ');
    plain += t.text;
  }
  out += EscapeInline(plain);
  return out;
}

// Document-wide measures.
struct Measures {
  double body_size = 10;  // the size most characters are set in
  double pitch = 12;      // the usual distance between lines of the body
};

Measures Measure(const std::vector<std::vector<PdfLine>>& pages) {
  Measures m;
  std::map<long, size_t> chars;  // quarter points -> characters
  for (const auto& lines : pages) {
    for (const PdfLine& line : lines) {
      for (size_t i = 0; i < line.words.size(); ++i) {
        if (!line.superscript[i]) chars[std::lround(line.words[i].size * 4)] += line.words[i].text.size();
      }
    }
  }
  size_t most = 0;
  for (const auto& [size, count] : chars) {
    if (count > most) {
      most = count;
      m.body_size = static_cast<double>(size) / 4;
    }
  }
  std::map<long, size_t> pitches;  // half points -> pairs of lines
  for (const auto& lines : pages) {
    for (size_t i = 1; i < lines.size(); ++i) {
      const PdfLine &a = lines[i - 1], &b = lines[i];
      if (std::abs(a.size - m.body_size) > 0.05 * m.body_size || std::abs(b.size - m.body_size) > 0.05 * m.body_size) {
        continue;
      }
      const double delta = b.bottom - a.bottom;
      if (delta > 0.8 * m.body_size && delta < 3 * m.body_size) ++pitches[std::lround(delta * 2)];
    }
  }
  m.pitch = 1.2 * m.body_size;
  most = 0;
  for (const auto& [pitch, count] : pitches) {
    if (count > most) {
      most = count;
      m.pitch = static_cast<double>(pitch) / 2;
    }
  }
  return m;
}

// Marks page 1's masthead and returns the document symbol it names, if any.
std::optional<std::string> MarkMasthead(const PdfPage& page, const std::vector<PdfLine>& lines, double body_size,
                                        std::vector<Role>& roles) {
  std::vector<size_t> order(lines.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return lines[a].top < lines[b].top; });
  double band = -1;
  for (const PdfLine& line : lines) {
    if (line.top < kMastheadTop * page.height && line.x0 >= kMastheadRightColumn * page.width) {
      band = std::max(band, line.bottom);
    }
  }
  if (band < 0) return std::nullopt;
  // The band takes the lines beside it and, just below it, lines not set
  // like the body (the organ's name under "United Nations"); a line of
  // body text ends it.
  std::vector<size_t> masthead;
  for (size_t i : order) {
    const PdfLine& line = lines[i];
    const bool beside = (line.top + line.bottom) / 2 < band;
    const bool below = line.top <= band + 0.6 * line.size && std::abs(line.size - body_size) > kSizeChange * body_size;
    if (!beside && !below) break;
    masthead.push_back(i);
    band = std::max(band, line.bottom);
  }
  if (band > kMastheadMaxDepth * page.height) return std::nullopt;
  std::optional<std::string> symbol;
  for (size_t i : masthead) {
    roles[i] = Role::kMasthead;
    for (const PdfWord& w : lines[i].words) {
      if (!symbol && IsSymbol(w.text)) symbol = w.text;
    }
  }
  return symbol;
}

// Marks page furniture among the first and last lines of each page.
void MarkFurniture(const std::vector<std::vector<PdfLine>>& pages, const std::optional<std::string>& symbol,
                   std::vector<std::vector<Role>>& roles) {
  // The edge lines of each page, top to bottom.
  std::vector<std::vector<size_t>> edges(pages.size());
  // Whether an edge line stands apart from the text on its inner side (a
  // running header or footer sits in the margin; a footnote that repeats,
  // "Ibid.", sits among the others at their pitch).
  std::vector<std::vector<bool>> apart(pages.size());
  std::vector<std::vector<bool>> at_top(pages.size()), at_bottom(pages.size());
  std::map<std::string, size_t> pages_with;  // edge line shape -> pages it is on
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<size_t> order;
    for (size_t i = 0; i < pages[p].size(); ++i) {
      if (roles[p][i] == Role::kBody) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return pages[p][a].top < pages[p][b].top; });
    for (size_t k = 0; k < order.size(); ++k) {
      const PdfLine& line = pages[p][order[k]];
      const bool top = k < kTopEdgeLines, bottom = k + kBottomEdgeLines >= order.size();
      if (!top && !bottom) continue;
      edges[p].push_back(order[k]);
      const double below = k + 1 < order.size() ? pages[p][order[k + 1]].top - line.bottom : 1e9;
      const double above = k > 0 ? line.top - pages[p][order[k - 1]].bottom : 1e9;
      // On a page of a few lines, a line may be at both edges; apart on
      // the inner side of the edge being read.
      apart[p].push_back(top && !bottom ? below >= line.size : above >= line.size);
      at_top[p].push_back(top);
      at_bottom[p].push_back(bottom);
    }
    std::vector<std::string> shapes;
    for (size_t i : edges[p]) shapes.push_back(Shape(pages[p][i].Text()));
    std::sort(shapes.begin(), shapes.end());
    shapes.erase(std::unique(shapes.begin(), shapes.end()), shapes.end());
    for (const std::string& s : shapes) ++pages_with[s];
  }
  // A running line is on two pages in three, and on three at least: a
  // footnote, "Ibid." or "E/CN.16/2023/2, para. 4.", may end two pages.
  const size_t running = std::max<size_t>(3, (2 * pages.size() + 2) / 3);
  const auto is_furniture = [&](size_t p, size_t e) {
    const PdfLine& line = pages[p][edges[p][e]];
    const std::string text = line.Text();
    if (IsPageNumber(text)) return true;
    // Every word a job number, a bar code, the symbol or a page number.
    size_t numbers = 0;
    bool all = true;
    for (const PdfWord& w : line.words) {
      if (IsPageNumber(w.text) || w.text == "Page" || w.text == "of" || w.text == "|" || w.text == "-" ||
          w.text == "\u2013") {
        numbers += IsPageNumber(w.text) ? 1 : 0;
        continue;
      }
      if (IsJobToken(w.text)) continue;
      if (p > 0 && symbol && w.text == *symbol) continue;
      all = false;
    }
    if (all && numbers <= 2) return true;
    return apart[p][e] && text.size() <= kMaxRunningLineLength && pages_with[Shape(text)] >= running;
  };
  // From the page's edge inwards, while lines are furniture: a line inside
  // the text is never furniture (a footnote that looks like one on another
  // page, "Ibid.", stays).
  for (size_t p = 0; p < pages.size(); ++p) {
    for (size_t e = 0; e < edges[p].size() && at_top[p][e]; ++e) {
      if (!is_furniture(p, e)) break;
      roles[p][edges[p][e]] = Role::kFurniture;
    }
    for (size_t e = edges[p].size(); e-- > 0 && at_bottom[p][e];) {
      if (!is_furniture(p, e)) break;
      roles[p][edges[p][e]] = Role::kFurniture;
    }
  }
}

// Marks the footnote block at the foot of a page: the lines below the body
// set smaller than it, from the first that starts with a number.
void MarkFootnotes(const PdfPage& page, const std::vector<PdfLine>& lines, const Measures& m,
                   std::vector<Role>& roles) {
  std::vector<size_t> order;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (roles[i] == Role::kBody) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return lines[a].top < lines[b].top; });
  size_t start = order.size();
  while (start > 0 && lines[order[start - 1]].size <= kFootnoteMaxSize * m.body_size) --start;
  // The block starts at its first numbered line.
  const auto numbered = [&](const PdfLine& line) {
    int n = 0;
    return line.superscript[0] ? !MarkerNumbers(line.words[0].text).empty() : ReadPlainNumber(line.words[0].text, &n);
  };
  while (start < order.size() && !numbered(lines[order[start]])) ++start;
  if (start == order.size()) return;
  // Footnotes stand below a body; a page of small type only is body.
  if (start == 0 && lines[order[start]].top < 0.5 * page.height) return;
  for (size_t k = start; k < order.size(); ++k) roles[order[k]] = Role::kFootnote;
}

// The column a line is in: the left edge its text starts at (the most
// common start of the lines without a lead beside it) and the right edge
// (the furthest end), over the body lines of its page it shares most of
// its width with.
struct Column {
  double left = 0, right = 0;
};

std::vector<Column> Columns(const std::vector<const PdfLine*>& lines) {
  std::vector<Column> columns(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    const PdfLine& a = *lines[i];
    std::map<long, size_t> starts;
    double right = a.x1;
    for (const PdfLine* other : lines) {
      const PdfLine& b = *other;
      const double overlap = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
      if (overlap < 0.5 * std::min(a.x1 - a.x0, b.x1 - b.x0)) continue;
      right = std::max(right, b.x1);
      // Where lines that go on a paragraph start: lines with a lead (a
      // number, a sub-item) start elsewhere.
      if (b.lead == Lead::kNone) ++starts[std::lround(b.text_x0)];
    }
    long left = std::lround(a.text_x0);
    size_t most = 0;
    for (const auto& [x, count] : starts) {
      if (count > most) {
        most = count;
        left = x;
      }
    }
    columns[i] = {static_cast<double>(left), right};
  }
  return columns;
}

struct BodyLine {
  const PdfLine* line;
  Column column;
};

// True when `line` starts a block after `prev`; `last_number` is the last
// paragraph number seen.
bool StartsBlock(const BodyLine& prev, const BodyLine& cur, const Measures& m, int last_number) {
  const PdfLine& a = *prev.line;
  const PdfLine& b = *cur.line;
  if (std::abs(a.size - b.size) > kSizeChange * std::max(a.size, b.size) || a.bold != b.bold) return true;
  if (b.lead == Lead::kBullet) return true;
  if (b.lead == Lead::kSection && (b.bold || b.size >= kLargerSize * m.body_size)) return true;
  // On from the line before, down the same column: a gap counts.
  const bool same_flow = a.page == b.page && b.top > a.top;
  const double pitch = m.pitch * b.size / m.body_size;
  const bool gap = same_flow && b.bottom - a.bottom > pitch + std::max(kMinGapPoints, kGapEms * b.size);
  // Indented further than the line before: down one column, where they
  // start; over a page or column break, from where each column's lines
  // start.
  const bool same_column = same_flow && std::min(a.x1, b.x1) > std::max(a.x0, b.x0);
  const double indent_a = a.text_x0 - (same_column ? 0 : prev.column.left);
  const double indent_b = b.text_x0 - (same_column ? 0 : cur.column.left);
  const bool indent = indent_b > indent_a + kIndentEms * b.size;
  const std::string_view last = LastWord(a);
  const bool ends_sentence = EndsSentence(last);
  const std::string& first = b.words[0].text;
  const bool hyphenated = !last.empty() && last.back() == '-';
  // The first word with what is set against it ("27" and its "th").
  double first_x1 = b.words[0].x1;
  for (size_t i = 1; i < b.words.size() && !b.words[i - 1].space_after &&
                     b.words[i].x0 - b.words[i - 1].x1 <= kWordGapEms * b.size;
       ++i) {
    first_x1 = b.words[i].x1;
  }
  // The space a break stands for: the line's own word space (a font's
  // space is 0.25 to 0.28 em; a justified line's are wider, which only
  // makes the test stricter).
  std::vector<double> spaces;
  for (size_t i = 1; i < a.words.size(); ++i) {
    if (a.words[i - 1].space_after && !a.superscript[i]) spaces.push_back(a.words[i].x0 - a.words[i - 1].x1);
  }
  std::sort(spaces.begin(), spaces.end());
  const double space =
      spaces.empty() ? kSpaceEms * b.size : std::clamp(spaces[spaces.size() / 2], kSpaceEms * b.size, b.size);
  const bool fits = !hyphenated && a.x1 + space + (first_x1 - b.words[0].x0) <= prev.column.right - kFitSlack;
  // Bold lines (a title, an agenda item's title, a heading) are set ragged
  // at a measure of their own: a short bold line under another goes on it.
  const bool short_end = fits && (ends_sentence || IsUpperStart(first)) && !(a.bold && b.bold);
  if (gap || indent || short_end) return true;
  if (b.lead == Lead::kNumber) return b.hanging || ends_sentence || b.number == last_number + 1;
  if (b.lead == Lead::kSubItem) {
    return ends_sentence || (!last.empty() && last.back() == ',') || last == "and" || last == "or";
  }
  return false;
}

struct Block {
  std::vector<const PdfLine*> lines;
  int page = 0;
};

size_t Words(const Block& block) {
  size_t n = 0;
  for (const PdfLine* line : block.lines) n += line->words.size();
  return n;
}

}  // namespace

std::vector<std::string> LayOutPages(const std::vector<PdfPage>& pages) {
  std::vector<std::vector<PdfLine>> lines;
  std::string all_text;
  for (size_t p = 0; p < pages.size(); ++p) {
    lines.push_back(GroupLines(pages[p], static_cast<int>(p)));
    for (const PdfLine& line : lines.back()) all_text += line.Text() + "\n";
  }
  const Vocabulary vocabulary(all_text);
  const Measures m = Measure(lines);

  std::vector<std::vector<Role>> roles;
  for (const auto& page_lines : lines) roles.emplace_back(page_lines.size(), Role::kBody);
  std::optional<std::string> symbol;
  if (!pages.empty()) symbol = MarkMasthead(pages[0], lines[0], m.body_size, roles[0]);
  MarkFurniture(lines, symbol, roles);
  for (size_t p = 0; p < pages.size(); ++p) MarkFootnotes(pages[p], lines[p], m, roles[p]);

  // The body lines of all pages, in reading order, with their columns.
  std::vector<BodyLine> body;
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<const PdfLine*> page_body;
    for (size_t i = 0; i < lines[p].size(); ++i) {
      if (roles[p][i] == Role::kBody) page_body.push_back(&lines[p][i]);
    }
    const std::vector<Column> columns = Columns(page_body);
    for (size_t i = 0; i < page_body.size(); ++i) body.push_back({page_body[i], columns[i]});
  }
  std::vector<Block> blocks;
  int last_number = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    if (i == 0 || StartsBlock(body[i - 1], body[i], m, last_number)) {
      blocks.push_back({{}, body[i].line->page});
      if (body[i].line->lead == Lead::kNumber) last_number = body[i].line->number;
    }
    blocks.back().lines.push_back(body[i].line);
  }

  std::vector<std::vector<std::string>> parts(pages.size());
  for (size_t i = 0; !lines.empty() && i < lines[0].size(); ++i) {
    if (roles[0][i] == Role::kMasthead) parts[0].push_back(BlockText({&lines[0][i]}, 0, vocabulary, false));
  }
  bool head_over = false;  // past the title or the first paragraph of page 1
  for (const Block& block : blocks) {
    const PdfLine& first = *block.lines.front();
    const bool larger = first.size >= kLargerSize * m.body_size;
    const bool bold_heading = first.bold && head_over && !EndsSentence(LastWord(*block.lines.back()));
    const bool heading = (larger || bold_heading) && block.lines.size() <= kMaxHeadingLines &&
                         Words(block) <= kMaxHeadingWords && first.lead != Lead::kNumber &&
                         first.lead != Lead::kBullet && first.lead != Lead::kSubItem;
    const std::string text = BlockText(block.lines, 0, vocabulary, first.lead == Lead::kBullet);
    if (text.empty()) continue;
    parts[static_cast<size_t>(block.page)].push_back(heading ? "# " + text : text);
    if ((heading && larger) || first.lead == Lead::kNumber || Words(block) > kHeadMaxWords) head_over = true;
  }

  // Footnotes, after their page's body.
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<const PdfLine*> note;
    int number = -1;
    const auto flush = [&] {
      if (number >= 0 && !note.empty()) {
        parts[p].push_back("<sup>" + std::to_string(number) + "</sup> " + BlockText(note, 1, vocabulary, false));
      }
      note.clear();
    };
    std::vector<const PdfLine*> block;
    for (size_t i = 0; i < lines[p].size(); ++i) {
      if (roles[p][i] == Role::kFootnote) block.push_back(&lines[p][i]);
    }
    std::stable_sort(block.begin(), block.end(), [](const PdfLine* a, const PdfLine* b) { return a->top < b->top; });
    double text_x0 = 0;
    for (const PdfLine* line : block) {
      const PdfWord& w = line->words[0];
      int n = -1;
      if (line->superscript[0]) {
        const std::vector<int> numbers = MarkerNumbers(w.text);
        if (!numbers.empty()) n = numbers.front();
      } else if (int plain = 0; ReadPlainNumber(w.text, &plain) && line->words.size() > 1 &&
                                (number < 0 || plain == number + 1 || line->x0 < text_x0 - 0.3 * line->size)) {
        n = plain;
      }
      if (n >= 0) {
        flush();
        number = n;
        text_x0 = line->words.size() > 1 ? line->words[1].x0 : line->x0;
      }
      note.push_back(line);
    }
    flush();
  }

  std::vector<std::string> out;
  for (const auto& page_parts : parts) {
    std::string text;
    for (const std::string& part : page_parts) {
      if (!text.empty()) text += "\n\n";
      text += part;
    }
    out.push_back(std::move(text));
  }
  return out;
}

}  // namespace cstd::extract

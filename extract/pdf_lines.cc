#include "extract/pdf_lines.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string_view>

namespace cstd::extract {

namespace {

// A superscript is set at most this fraction of its line's size (Word and
// LaTeX use about 0.58-0.7; typewriter-style raised digits in the body size
// are not told apart from text) ...
constexpr double kSuperscriptMaxSize = 0.85;
// ... and its bottom sits at least this fraction of the line's size above
// the bottom of the line's text (a raised baseline, not just a smaller font
// on the same baseline).
constexpr double kSuperscriptMinRise = 0.12;
// ... is short: a footnote number or two ("12", "3,4") or a text suffix
// ("th", "er", "me") ...
constexpr size_t kMaxSuperscriptLength = 7;
// ... and stands at most this many ems of the line's size from the word it
// belongs to (printers set markers against the word; a footnote's number
// stands a thin space before its text).
constexpr double kSuperscriptMaxGap = 0.5;
// Word spaces of one line differ by less than this many ems (poppler's
// positions are exact; kerning before a comma moves a word a little).
constexpr double kWordGapTolerance = 0.1;

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// How far two vertical ranges overlap, as a fraction of the shorter.
double VerticalOverlap(double top_a, double bottom_a, double top_b, double bottom_b) {
  const double overlap = std::min(bottom_a, bottom_b) - std::max(top_a, top_b);
  const double shorter = std::max(0.1, std::min(bottom_a - top_a, bottom_b - top_b));
  return overlap / shorter;
}

// The size most of the characters of `words` have; ties go to the larger.
double DominantSize(const std::vector<PdfWord>& words) {
  std::map<long, size_t> chars;  // size in quarter points -> characters
  for (const PdfWord& w : words) chars[std::lround(w.size * 4)] += w.text.size();
  long best = 0;
  size_t most = 0;
  for (const auto& [size, count] : chars) {
    if (count >= most) {
      most = count;
      best = size;
    }
  }
  return static_cast<double>(best) / 4;
}

bool IsRomanSection(std::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  w.remove_suffix(1);
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;  // "B."
  return w.size() <= 7 && w.find_first_not_of("IVXLC") == std::string_view::npos;
}

bool IsSubItem(std::string_view w) {
  if (w.size() < 3 || w.front() != '(' || w.back() != ')') return false;
  const std::string_view inner = w.substr(1, w.size() - 2);
  const bool letters = inner.size() <= 2 && std::all_of(inner.begin(), inner.end(), [](char c) {
                         return c >= 'a' && c <= 'z';
                       });
  const bool roman = inner.size() <= 6 && inner.find_first_not_of("ivxl") == std::string_view::npos;
  const bool digits = inner.size() <= 2 && std::all_of(inner.begin(), inner.end(), IsDigit);
  return letters || roman || digits;
}

bool IsBullet(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kBullets = {
      "\u2022", "\u25E6", "\u25AA", "\u25A0", "\u25CF", "\u25CB", "\u2023", "\u2013", "\u2014", "-", "*", "\u00B7"};
  return std::find(kBullets.begin(), kBullets.end(), w) != kBullets.end();
}

// A one-word line poppler may have set apart from the line it
// belongs to: a lead token in the margin, or a raised small word.
bool IsFragment(const PdfLine& line, double page_size) {
  if (line.words.empty() || line.words.size() > 2) return false;
  if (line.words.size() != 1) return false;
  const std::string& t = line.words[0].text;
  if (line.words[0].size <= kSuperscriptMaxSize * page_size && t.size() <= kMaxSuperscriptLength) return true;
  // A paragraph number ("12."), a footnote's number set in a column of its
  // own ("12"), a section number, a sub-item label or a bullet.
  int number = 0;
  return ReadPlainNumber(t, &number) || IsRomanSection(t) || IsSubItem(t) || IsBullet(t);
}

// The box around a line's words, and their largest size.
struct Extent {
  double x0 = 1e9, x1 = -1e9, top = 1e9, bottom = -1e9, size = 0;
};

Extent Span(const PdfLine& line) {
  Extent e;
  for (const PdfWord& w : line.words) {
    e.x0 = std::min(e.x0, w.x0);
    e.x1 = std::max(e.x1, w.x1);
    e.top = std::min(e.top, w.top);
    e.bottom = std::max(e.bottom, w.bottom);
    e.size = std::max(e.size, w.size);
  }
  return e;
}

void Finish(PdfLine& line) {
  std::stable_sort(line.words.begin(), line.words.end(),
                   [](const PdfWord& a, const PdfWord& b) { return a.x0 < b.x0; });
  line.size = DominantSize(line.words);
  // The line's own text: words in its size (within 5%).
  std::vector<double> bottoms;
  line.top = 1e9;
  for (const PdfWord& w : line.words) {
    if (std::abs(w.size - line.size) <= 0.05 * line.size) {
      bottoms.push_back(w.bottom);
      line.top = std::min(line.top, w.top);
    }
  }
  std::sort(bottoms.begin(), bottoms.end());
  line.bottom = bottoms.empty() ? line.words.front().bottom : bottoms[bottoms.size() / 2];
  if (bottoms.empty()) line.top = line.words.front().top;
  line.x0 = line.words.front().x0;
  line.x1 = 0;
  size_t chars = 0, bold_chars = 0;
  line.superscript.assign(line.words.size(), false);
  for (size_t i = 0; i < line.words.size(); ++i) {
    const PdfWord& w = line.words[i];
    line.x1 = std::max(line.x1, w.x1);
    // Raised, smaller, short, and touching the word before it (a marker
    // after its word) or after it (a footnote's number before its text).
    const bool touches = (i > 0 && w.x0 - line.words[i - 1].x1 <= kSuperscriptMaxGap * line.size) ||
                         (i + 1 < line.words.size() && line.words[i + 1].x0 - w.x1 <= kSuperscriptMaxGap * line.size);
    line.superscript[i] = w.size <= kSuperscriptMaxSize * line.size &&
                          w.bottom < line.bottom - kSuperscriptMinRise * line.size &&
                          w.text.size() <= kMaxSuperscriptLength && touches;
    if (!line.superscript[i]) {
      chars += w.text.size();
      if (w.bold) bold_chars += w.text.size();
    }
  }
  // Bold lines: all but a stray character or two (a regular-weight
  // punctuation mark) in bold.
  line.bold = chars > 0 && bold_chars * 10 >= chars * 9;

  line.lead = Lead::kNone;
  line.text_x0 = line.x0;
  line.hanging = false;
  if (line.superscript[0]) return;
  const std::string& first = line.words[0].text;
  int number = 0;
  if (ReadPlainNumber(first, &number) && first.back() == '.') {
    line.lead = Lead::kNumber;
    line.number = number;
  } else if (IsRomanSection(first)) {
    line.lead = Lead::kSection;
  } else if (IsSubItem(first)) {
    line.lead = Lead::kSubItem;
  } else if (IsBullet(first)) {
    line.lead = Lead::kBullet;
  }
  if (line.lead != Lead::kNone && line.words.size() > 1) {
    const double gap = line.words[1].x0 - line.words[0].x1;
    // A lead set a tab away from its text (an em or more) hangs: its text
    // starts where the lines after it start.
    if (gap >= 0.6 * line.size) {
      line.hanging = true;
      line.text_x0 = line.words[1].x0;
    }
  }
}

// True when two lines share most of the narrower one's width: one column.
bool SameColumn(const PdfLine& a, const PdfLine& b) {
  return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) >= 0.5 * std::min(a.x1 - a.x0, b.x1 - b.x0);
}

// Moves a line poppler's order put out of place (after lines of its column
// that stand below it: a line starting with a raised "th" can end up in a
// block of its own) between the two lines of its column it stands between.
// A line after the foot of another column stays: the column break is
// poppler's reading order.
void PutLinesInPlace(std::vector<PdfLine>& lines) {
  for (size_t x = 1; x < lines.size(); ++x) {
    const PdfLine& line = lines[x];
    const PdfLine& before = lines[x - 1];
    if (before.top < line.top || !SameColumn(before, line)) continue;
    for (size_t a = 0; a + 1 < lines.size(); ++a) {
      if (a == x || a + 1 == x) continue;
      const PdfLine &above = lines[a], &below = lines[a + 1];
      if (above.top < line.top && line.top < below.top && SameColumn(above, line) && SameColumn(below, line)) {
        PdfLine moved = std::move(lines[x]);
        lines.erase(lines.begin() + static_cast<long>(x));
        lines.insert(lines.begin() + static_cast<long>(a < x ? a + 1 : a), std::move(moved));
        break;
      }
    }
  }
}

}  // namespace

std::string PdfLine::Text() const {
  std::string out;
  for (const PdfWord& w : words) out += (out.empty() ? "" : " ") + w.text;
  return out;
}

bool ReadPlainNumber(const std::string& word, int* number) {
  std::string_view w = word;
  if (!w.empty() && (w.back() == '.' || w.back() == ')')) w.remove_suffix(1);
  if (w.empty() || w.size() > 3 || !std::all_of(w.begin(), w.end(), IsDigit)) return false;
  *number = std::stoi(std::string(w));
  return true;
}

std::vector<PdfLine> GroupLines(const PdfPage& page, int page_index) {
  std::vector<PdfLine> lines;
  PdfLine current;
  double top = 0, bottom = 0;
  const auto flush = [&] {
    if (!current.words.empty()) lines.push_back(std::move(current));
    current = PdfLine();
    current.page = page_index;
  };
  current.page = page_index;
  for (const PdfWord& w : page.words) {
    if (!current.words.empty()) {
      const PdfWord& last = current.words.back();
      // The line's last word in its largest size: a superscript between it
      // and `w` does not count.
      const PdfWord* ref = &last;
      double largest = 0;
      for (const PdfWord& c : current.words) largest = std::max(largest, c.size);
      for (const PdfWord& c : current.words) {
        if (c.size >= 0.95 * largest) ref = &c;
      }
      const double em = std::max(w.size, ref->size);
      const bool on_line = VerticalOverlap(top, bottom, w.top, w.bottom) >= 0.5;
      const bool forward = w.x0 >= last.x1 - 0.5 * em;
      // Far apart, or apart and of very different sizes (the organ's name
      // in the masthead and the date beside it): not one line.
      const double gap = w.x0 - ref->x1;
      const double small = std::min(w.size, ref->size);
      const bool near = gap <= kColumnGapEms * em && (small >= 0.7 * em || gap <= 1.5 * small);
      if (!on_line || !forward || !near) flush();
    }
    if (current.words.empty()) {
      top = w.top;
      bottom = w.bottom;
    } else {
      top = std::min(top, w.top);
      bottom = std::max(bottom, w.bottom);
    }
    current.words.push_back(w);
  }
  flush();

  // Put fragments back on their line: the nearest line beside them on the
  // same baseline, within a few ems.
  const double page_size = DominantSize(page.words);
  std::vector<bool> merged(lines.size(), false);
  for (size_t f = 0; f < lines.size(); ++f) {
    if (!IsFragment(lines[f], page_size)) continue;
    const PdfLine& fragment = lines[f];
    const Extent fe = Span(fragment);
    const double f_top = fe.top, f_bottom = fe.bottom, f_x0 = fe.x0, f_x1 = fe.x1, f_size = fe.size;
    size_t best = lines.size();
    double best_distance = 0;
    for (size_t h = 0; h < lines.size(); ++h) {
      if (h == f || merged[h] || (IsFragment(lines[h], page_size) && lines[h].words.size() <= fragment.words.size())) {
        continue;
      }
      const Extent he = Span(lines[h]);
      const double h_top = he.top, h_bottom = he.bottom, h_x0 = he.x0, h_x1 = he.x1, h_size = he.size;
      if (VerticalOverlap(f_top, f_bottom, h_top, h_bottom) < 0.5) continue;
      double distance = f_x1 <= h_x0 ? h_x0 - f_x1 : (f_x0 >= h_x1 ? f_x0 - h_x1 : -1);
      if (distance < 0) {
        // Within the line's span: between two of its words, if it touches
        // none ("21" and "session" with "st" between them).
        const bool clear = std::none_of(lines[h].words.begin(), lines[h].words.end(), [&](const PdfWord& w) {
          return std::min(w.x1, f_x1) - std::max(w.x0, f_x0) > 0.5;
        });
        if (clear) distance = 0;
      }
      if (distance < 0 || distance > kColumnGapEms * std::max(f_size, h_size)) continue;
      if (best == lines.size() || distance < best_distance) {
        best = h;
        best_distance = distance;
      }
    }
    if (best == lines.size()) continue;
    for (const PdfWord& w : fragment.words) lines[best].words.push_back(w);
    merged[f] = true;
  }
  // Pieces of one line poppler set in blocks of their own (a short line
  // justified with wide spaces): side by side on one baseline, a few ems
  // apart, and as far apart as the words inside them are, or spanned
  // together by a line of the same column above or below them -- which no
  // line does for two columns of text, whose gutter is wider than a space.
  for (size_t a = 0; a < lines.size(); ++a) {
    if (merged[a]) continue;
    Extent ae = Span(lines[a]);
    for (size_t b = 0; b < lines.size(); ++b) {
      if (b == a || merged[b]) continue;
      const Extent be = Span(lines[b]);
      const double gap = be.x0 - ae.x1;
      if (gap < 0 || gap > kColumnGapEms * std::max(ae.size, be.size) ||
          VerticalOverlap(ae.top, ae.bottom, be.top, be.bottom) < 0.5 || std::abs(ae.size - be.size) > 0.05 * ae.size) {
        continue;
      }
      // A stretched line keeps its word spaces even: the gap between the
      // pieces is the gap between the words inside them.
      const auto inner_gap = [](const PdfLine& line, double* median) {
        if (line.words.size() < 2) return false;
        std::vector<double> gaps;
        for (size_t i = 1; i < line.words.size(); ++i) gaps.push_back(line.words[i].x0 - line.words[i - 1].x1);
        std::sort(gaps.begin(), gaps.end());
        *median = gaps[gaps.size() / 2];
        return true;
      };
      double inner = 0;
      const bool even = (inner_gap(lines[a], &inner) || inner_gap(lines[b], &inner)) &&
                        std::abs(gap - inner) <= kWordGapTolerance * ae.size && gap > kWordGapTolerance * ae.size;
      const bool spanned = even || std::any_of(lines.begin(), lines.end(), [&](const PdfLine& other) {
        if (&other == &lines[a] || &other == &lines[b] || other.words.empty()) return false;
        const Extent oe = Span(other);
        return oe.x0 <= ae.x0 + ae.size && oe.x1 >= be.x1 - ae.size && std::abs(oe.size - ae.size) <= 0.05 * ae.size &&
               std::min(std::abs(oe.top - ae.bottom), std::abs(ae.top - oe.bottom)) <= kSpanningLineEms * ae.size;
      });
      if (!spanned) continue;
      for (const PdfWord& w : lines[b].words) lines[a].words.push_back(w);
      merged[b] = true;
      ae = Span(lines[a]);
    }
  }
  std::vector<PdfLine> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (merged[i]) continue;
    Finish(lines[i]);
    out.push_back(std::move(lines[i]));
  }
  PutLinesInPlace(out);
  return out;
}

}  // namespace cstd::extract

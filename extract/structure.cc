#include "extract/structure.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "extract/attribution.h"
#include "extract/cover_lines.h"
#include "extract/file_deadline.h"
#include "extract/hyphenation.h"
#include "extract/page_furniture.h"
#include "extract/text_integrity.h"
#include "model/text.h"

namespace cstd::extract {

namespace {

// ---- Lines ------------------------------------------------------------------
//
// ParseStructure reads a text in three passes: it classifies every line on
// its own (Classify), decides which lines are footnotes from their
// neighbours (AssignFootnotes), and assembles the rest into paragraphs
// (Assemble), which it then reconciles with the document's own paragraph
// numbering (ReconcileBody).

enum class Kind {
  kBlank,
  kHeading,    // "# Title", or a numbered section heading ("IV. Theme 1: ...")
  kFurniture,  // page furniture (page_furniture.h): a page break in the text
  kFootnote,   // a footnote's first line
  kFootnoteContinuation,
  kNumbered,  // a paragraph's first line with its number
  kBullet,
  kSubItem,  // "(a) ...", part of the paragraph before
  kText,
};

struct Line {
  Kind kind = Kind::kText;
  std::string_view raw;       // the line without list/number/heading syntax
  std::optional<int> number;  // kNumbered, kFootnote
  // kText: a plain number heading the line ("27 Mr. David Souter, ..."), a
  // footnote whose number lost its superscript; AssignFootnotes decides.
  std::optional<int> lead;
  std::optional<int> page;
  std::string_view whole;  // the whole line, trimmed, syntax and markers included
  CleanLine clean;         // `raw` cleaned (CleanInline), once for every use
};

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool StartsLowercase(std::string_view s) {
  return !s.empty() && std::islower(static_cast<unsigned char>(s.front()));
}

// Upper case, a digit or an opening quote or bracket: how a sentence (and a
// footnote) starts.
bool StartsLikeASentence(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s.front());
  if (std::isupper(c) || std::isdigit(c) || c == '"' || c == '(' || c == '\'') return true;
  return s.rfind("\u201C", 0) == 0 || s.rfind("\u2018", 0) == 0 || (c >= 0xC3 && c <= 0xC5 && s.size() > 1);
}

size_t WordCount(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
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

// Reads a leading footnote marker in any of its forms ("<sup>6</sup>",
// "<sup>&</sup>lt;sup>6</sup>", "^{6}", "$^{6}$", "$^{^{\rm 6}}~$", "⁶",
// "[^6]:", "\textsuperscript{6}") and
// returns the number, or -1. `*period` tells whether the number ended with a
// full stop ("^{12.}"), which makes it a paragraph number, not a footnote's.
int LeadingMarker(std::string_view s, std::string_view* rest, bool* period) {
  // Markers open with '<', '^', '$', '[', '\\' or a superscript digit (a
  // byte of 0xC2 or 0xE2 first): most lines are not looked at further.
  if (s.empty() || std::string_view("<^$[\\\xC2\xE2").find(s.front()) == std::string_view::npos) return -1;
  const CleanLine probe = CleanInline(s.substr(0, std::min<size_t>(s.size(), 48)));
  if (probe.markers.empty() || probe.markers.front().offset != 0) return -1;
  // Find where the marker's source text ends.
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
  } else if (s.rfind("[^", 0) == 0) {  // "[^12]: text", a Markdown footnote
    i = s.find(']') + 1;
    if (i < s.size() && s[i] == ':') ++i;
  } else if (s.rfind("\\textsuperscript{", 0) == 0) {
    i = s.find('}') + 1;
  } else {
    while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80) ++i;  // superscript digits
  }
  i = std::min(i, s.size());
  const std::string_view marker = s.substr(0, i);
  const size_t last_digit = marker.find_last_of("0123456789");
  *period = last_digit != std::string_view::npos && last_digit + 1 < marker.size() && marker[last_digit + 1] == '.';
  *rest = text::Trim(s.substr(i));
  return probe.markers.front().number;
}

// "I.", "IV.", "XII." or "A." followed by a capitalised word, on a short line
// that is not a sentence: the numbered section headings of UN reports, which
// a conversion may leave without Markdown markup ("IV. Theme 1: Industry 4.0
// for inclusive development"). Long agenda-style headings are allowed (up
// to 40 words: "V. Progress made in the implementation of and follow-up to
// the outcomes of the World Summit ...").
bool IsSectionHeading(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::string_view("IVXLC").find(s[i]) != std::string_view::npos) ++i;
  const bool roman = i >= 1 && i <= 5;
  const bool letter = i == 0 && s.size() > 2 && std::isupper(static_cast<unsigned char>(s[0])) && s[1] == '.';
  if (letter) i = 1;
  if (!(roman || letter) || i + 2 >= s.size() || s[i] != '.' || (s[i + 1] != ' ' && s[i + 1] != '\t')) return false;
  const std::string_view rest = text::Trim(s.substr(i + 1));
  if (rest.empty() || !std::isupper(static_cast<unsigned char>(rest.front()))) return false;
  const size_t words = WordCount(rest);
  return words <= 40 && (letter ? words <= 12 : true) && (rest.back() != '.' || words <= 3);
}

// A leading paragraph number: "12. Text", "12.\tText", and the superscript
// forms a conversion makes of it ("^{12.} Text", "<sup>12.</sup> Text"). Up
// to three digits, so "2030. Agenda" is not one.
std::optional<int> LeadingParagraphNumber(std::string_view s, std::string_view* rest) {
  size_t digits = 0;
  while (digits < s.size() && IsDigit(s[digits])) ++digits;
  if (digits >= 1 && digits <= 3 && digits + 1 < s.size() && s[digits] == '.' &&
      (s[digits + 1] == ' ' || s[digits + 1] == '\t')) {
    *rest = text::Trim(s.substr(digits + 1));
    return std::stoi(std::string(s.substr(0, digits)));
  }
  bool period = false;
  std::string_view after;
  const int n = LeadingMarker(s, &after, &period);
  if (n >= 0 && period && !after.empty()) {
    *rest = after;
    return n;
  }
  return std::nullopt;
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
  bool period = false;
  if (const int n = LeadingMarker(s, &rest, &period); n >= 0 && !period && !rest.empty()) {
    line.kind = Kind::kFootnote;
    line.number = n;
    line.raw = rest;
    return line;
  }
  // List syntax: "- ", "* ", "• ".
  bool bullet = false;
  std::string_view item = s;
  if (s.size() > 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
    bullet = true;
    item = text::Trim(s.substr(2));
  } else if (s.rfind("\u2022", 0) == 0) {
    bullet = true;
    item = text::Trim(s.substr(3));
  }
  if (const auto n = LeadingParagraphNumber(item, &rest)) {
    line.kind = Kind::kNumbered;
    line.number = n;
    line.raw = rest;
    return line;
  }
  // Furniture lines are short: "GE.22-09978 (E) 010222 020222" is among
  // the longest.
  constexpr size_t kMaxFurnitureBytes = 64;
  if (s.size() <= kMaxFurnitureBytes && IsPageFurniture(CleanInline(s).text)) {
    line.kind = Kind::kFurniture;
    line.raw = s;
    return line;
  }
  const bool may_be_heading = !item.empty() && (std::string_view("IVXLC*_").find(item.front()) != std::string_view::npos ||
                                                 (item.size() > 1 && std::isupper(static_cast<unsigned char>(item[0])) &&
                                                  item[1] == '.'));
  if (may_be_heading && IsSectionHeading(CleanInline(item).text)) {
    line.kind = Kind::kHeading;
    line.raw = item;
    return line;
  }
  // "(a) ...", "(iv) ...": a sub-item of the paragraph before.
  if (item.size() > 3 && item[0] == '(') {
    const size_t close = item.find(')');
    if (close != std::string_view::npos && close <= 5) {
      bool alnum = close > 1;
      for (size_t k = 1; k < close; ++k) alnum = alnum && std::isalnum(static_cast<unsigned char>(item[k]));
      if (alnum) {
        line.kind = Kind::kSubItem;
        line.raw = item;
        return line;
      }
    }
  }
  line.kind = bullet ? Kind::kBullet : Kind::kText;
  line.raw = item;
  // "27 Mr. David Souter, ...": a number, a space, a capital.
  size_t digits = 0;
  while (digits < item.size() && IsDigit(item[digits])) ++digits;
  if (!bullet && digits >= 1 && digits <= 3 && digits + 1 < item.size() && item[digits] == ' ' &&
      StartsLikeASentence(text::Trim(item.substr(digits)))) {
    line.lead = std::stoi(std::string(item.substr(0, digits)));
  }
  return line;
}

// Decides whether the text is hard-wrapped: most non-blank lines short and
// of about one width, and a third of them or more followed by another line
// of text (a paragraph's lines; a cover page and footnotes separated by
// blank lines bring the share down), whether or not blank lines separate
// paragraphs. Markdown with short lines has a blank line after nearly every
// line.
bool IsHardWrapped(const std::vector<std::string_view>& lines, size_t* width) {
  std::vector<size_t> lengths;
  size_t followed = 0;  // non-blank lines right above another non-blank line
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view l = text::Trim(lines[i]);
    if (l.empty()) continue;
    lengths.push_back(l.size());
    if (i + 1 < lines.size() && !text::Trim(lines[i + 1]).empty()) ++followed;
  }
  if (lengths.size() < 8) return false;
  std::sort(lengths.begin(), lengths.end());
  const size_t p90 = lengths[lengths.size() * 9 / 10];
  const size_t median = lengths[lengths.size() / 2];
  *width = p90;
  return p90 <= kMaxWrappedLineLength && median * 10 >= p90 * 6 && followed * 3 >= lengths.size();
}

// ---- Footnotes ----------------------------------------------------------------

// Longest footnote line taken without its number: a footnote names a
// person, a delegation or a source, in a sentence or two.
constexpr size_t kMaxLostFootnoteBytes = 400;

// Openings of the footnotes that identify who spoke or cite a source, for a
// line that lost its number at the edge of a footnote block (inside a block
// the numbering alone decides).
bool LooksLikeFootnote(std::string_view s) {
  size_t length = 0;
  if (LeadingHonorific(s, &length)) return s.find(',') != std::string_view::npos;
  const std::string lower = text::AsciiLower(s.substr(0, std::min<size_t>(s.size(), 32)));
  for (std::string_view opening :
       {"representative of ", "representatives of ", "representative from ", "representatives from ",
        "delegate of ", "delegates of ", "delegate from ", "delegates from ", "delegation of ", "delegations of ",
        "see ", "available at", "ibid", "http", "www.", "for more information", "for further information",
        "general assembly resolution", "economic and social council resolution"}) {
    if (lower.rfind(opening, 0) == 0) return true;
  }
  // "Resolution 2006/46.", not "Resolution will have to face ...".
  if (lower.rfind("resolution ", 0) == 0 && lower.size() > 11 && IsDigit(lower[11])) return true;
  const size_t space = s.find(' ');
  return IsDocumentSymbol(s.substr(0, space == std::string_view::npos ? s.size() : space));
}

// Numbers printed after a word as a marker that lost its superscript
// ("organization 10 stressed"): evidence that footnote 10 exists.
void CollectBareNumbers(std::string_view text, std::set<int>& out) {
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] != ' ' || !std::isalpha(static_cast<unsigned char>(text[i - 1])) || !IsDigit(text[i + 1])) continue;
    size_t end = i + 1;
    while (end < text.size() && IsDigit(text[end])) ++end;
    const bool closed = end == text.size() || text[end] == ' ' || text[end] == ',' || text[end] == ';' ||
                        (text[end] == '.' && (end + 1 == text.size() || text[end + 1] == ' '));
    if (closed && end - i - 1 <= 3) out.insert(std::stoi(std::string(text.substr(i + 1, end - i - 1))));
  }
}

// The footnote numbers a line of body text points to: its markers, and
// numbers that may be markers that lost their superscript (weaker evidence:
// "Article 2" and "Goal 11" read the same).
void CollectMarkers(const CleanLine& clean, std::set<int>& markers, std::set<int>& bare) {
  for (const Marker& m : clean.markers) markers.insert(m.number);
  CollectBareNumbers(clean.text, bare);
  // A line starting "26 recalled that ...": wrapping put the marker after
  // "A panellist" at the start of the next line.
  size_t digits = 0;
  while (digits < clean.text.size() && IsDigit(clean.text[digits])) ++digits;
  if (digits >= 1 && digits <= 3 && digits + 1 < clean.text.size() && clean.text[digits] == ' ' &&
      std::islower(static_cast<unsigned char>(clean.text[digits + 1]))) {
    bare.insert(std::stoi(clean.text.substr(0, digits)));
  }
}

// Decides which lines are footnotes. A footnote block is a run of footnote
// lines with only blank lines and page furniture between them. Inside it:
// - a line with a leading marker is footnote N;
// - a line led by a plain number ("27 Mr. ...") that follows the sequence
//   is footnote 27 (the marker lost its superscript);
// - lines that lost their number entirely take the free numbers in order
//   when the numbered footnotes around them leave exactly that many free
//   (the run of footnotes 34, 35, 36 between 33 and 37);
// - elsewhere (at a block's end, or in a block whose lines all lost their
//   numbers), a line that lost its number is a footnote when it reads like
//   one (a name and affiliation, a delegation, a source) and the body
//   before the block has a marker that no footnote answers yet: footnotes
//   follow the markers of their page, so the first such marker since the
//   last block is its number;
// - a line in lower case right under a footnote line continues it (not in
//   hard-wrapped text, where the paragraph rules decide).
void AssignFootnotes(std::vector<Line>& lines, bool wrapped, size_t width, std::vector<std::string>& warnings) {
  std::set<int> numbered;  // footnotes whose number survived
  for (const Line& line : lines) {
    if (line.kind == Kind::kFootnote) numbered.insert(*line.number);
  }

  // The lines that are neither blank nor furniture, in order.
  std::vector<size_t> units;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind != Kind::kBlank && lines[i].kind != Kind::kFurniture) units.push_back(i);
  }
  // A line that may be a footnote which lost its number: short, starting
  // like a sentence, and without markers of its own (footnotes do not cite
  // footnotes; the body's short paragraphs often do).
  const auto candidate = [&](const Line& line) {
    return line.kind == Kind::kText && !line.lead && line.raw.size() <= kMaxLostFootnoteBytes &&
           StartsLikeASentence(line.raw) && line.clean.markers.empty();
  };
  std::set<int> defined;
  std::set<int> seen;         // markers of the body so far: a footnote comes after its marker
  // Numbers after words so far, perhaps markers: evidence in a document
  // that shows footnotes, or for a line that reads like a footnote (a
  // speech without footnotes has "Article 2" and lines that start "2 ...").
  std::set<int> seen_bare;
  int last = 0;               // the last footnote number defined, in document order
  bool in_block = false;      // the last unit was a footnote
  std::set<int> page_marks;   // markers of the body since the last footnote block
  std::set<int> block_marks;  // the markers the current block answers
  std::set<int> page_bare, block_bare;  // the same for numbers after words
  const auto free = [&](int n) { return !numbered.count(n) && !defined.count(n); };
  const auto enter_block = [&] {
    if (in_block) return;
    block_marks = std::move(page_marks);
    page_marks.clear();
    block_bare = std::move(page_bare);
    page_bare.clear();
    in_block = true;
  };
  const auto define = [&](Line& line, int number, bool lost) {
    enter_block();
    line.kind = Kind::kFootnote;
    line.number = number;
    if (line.lead) {
      line.raw = text::Trim(line.raw.substr(line.raw.find(' ')));
      line.clean = CleanInline(line.raw);
      line.lead.reset();
    }
    defined.insert(number);
    last = std::max(last, number);
    if (lost) warnings.push_back("footnote " + std::to_string(number) + " lost its number; resolved by sequence");
  };
  // The number of the next footnote that lost its number, if the markers
  // tell it: the first marker of the block's page still unanswered, else
  // the one after the last footnote if the body has its marker.
  const auto next_lost = [&]() -> std::optional<int> {
    // A document without footnotes or markers has no footnote that lost its
    // number ("Resolution will have to face ..." is a sentence).
    if (numbered.empty() && seen.empty() && defined.empty()) return std::nullopt;
    // Footnotes run in sequence: the next one, if its marker is on this
    // page; else the first marker of this page still unanswered (the next
    // one's marker is elsewhere, or its footnote was never printed); else
    // the next one if its marker is anywhere before.
    const std::set<int>& marks = in_block ? block_marks : page_marks;
    const std::set<int>& bare = in_block ? block_bare : page_bare;
    if (free(last + 1) && (marks.count(last + 1) || bare.count(last + 1))) return last + 1;
    for (auto it = marks.upper_bound(last); it != marks.end(); ++it) {
      if (free(*it)) return *it;
    }
    if (free(last + 1) && (seen.count(last + 1) || (in_block && seen_bare.count(last + 1)))) return last + 1;
    return std::nullopt;
  };

  for (size_t u = 0; u < units.size(); ++u) {
    Line& line = lines[units[u]];
    const bool right_under = u > 0 && units[u] == units[u - 1] + 1;  // no blank line between
    if (line.kind == Kind::kFootnote) {
      define(line, *line.number, false);
      continue;
    }
    if (line.kind == Kind::kText && line.lead && *line.lead > last && *line.lead <= last + 3 && free(*line.lead)) {
      const int n = *line.lead;
      const std::string_view rest = text::Trim(line.raw.substr(line.raw.find(' ')));
      const bool shows_footnotes = !numbered.empty() || !seen.empty();
      if (in_block || seen.count(n) || (seen_bare.count(n) && (shows_footnotes || LooksLikeFootnote(rest)))) {
        define(line, n, false);
        continue;
      }
    }
    // A footnote's next line: in wrapped text, the line under a footnote
    // line that ran to the full width; elsewhere a line in lower case.
    const Line* above = u > 0 ? &lines[units[u - 1]] : nullptr;
    const bool above_full = above && (above->kind == Kind::kFootnote || above->kind == Kind::kFootnoteContinuation) &&
                            above->whole.size() * 10 >= width * 7 &&
                            (!EndsSentence(above->raw) || StartsLowercase(line.raw));
    if (in_block && right_under && line.kind == Kind::kText &&
        (wrapped ? above_full : StartsLowercase(line.raw))) {
      line.kind = Kind::kFootnoteContinuation;
      continue;
    }
    if (candidate(line)) {
      // The run of lines that lost their numbers, and what follows it.
      size_t end = u;
      while (end < units.size() && candidate(lines[units[end]])) ++end;
      const auto run = static_cast<int>(end - u);
      const Line* next = end < units.size() ? &lines[units[end]] : nullptr;
      std::optional<int> next_number;
      if (next && next->kind == Kind::kFootnote) next_number = next->number;
      if (next && next->lead && *next->lead > last + run && free(*next->lead)) next_number = next->lead;
      // Inside a block, the gap to the next footnote decides; at the block's
      // start, each line must also read like a footnote and have its marker.
      bool sandwiched = next_number && *next_number - last - 1 == run;
      for (size_t k = u; sandwiched && k < end && !in_block; ++k) {
        const int n = last + 1 + static_cast<int>(k - u);
        sandwiched = LooksLikeFootnote(lines[units[k]].raw) && (seen.count(n) || seen_bare.count(n));
      }
      if (sandwiched) {
        for (size_t k = u; k < end; ++k) define(lines[units[k]], last + 1, true);
        u = end - 1;
        continue;
      }
      size_t k = u;
      for (std::optional<int> n = next_lost(); k < end && n && LooksLikeFootnote(lines[units[k]].raw);
           n = next_lost()) {
        define(lines[units[k]], *n, true);
        ++k;
      }
      if (k > u) {
        u = k - 1;
        continue;
      }
    }
    // Body text: its markers are answered by the next footnote block.
    if (in_block) {
      page_marks.clear();
      page_bare.clear();
    }
    in_block = false;
    if (line.kind != Kind::kHeading) {
      const size_t before = page_marks.size(), before_bare = page_bare.size();
      CollectMarkers(line.clean, page_marks, page_bare);
      if (page_marks.size() != before) seen.insert(page_marks.begin(), page_marks.end());
      if (page_bare.size() != before_bare) seen_bare.insert(page_bare.begin(), page_bare.end());
    }
  }
}

// ---- Paragraphs -----------------------------------------------------------------

// The head (cover page) is the blocks before the first numbered paragraph
// or the first block of running text, longer than this.
constexpr size_t kHeadMaxWords = 30;

// A block of running text rather than a cover line: it ends a sentence
// and has the words of one, or holds a sentence boundary. Cover lines
// (titles, sessions, agenda items, "Held at ...", "Prepared by ...") end
// without a full stop.
bool ReadsAsSentences(std::string_view text) {
  text = text::Trim(text);
  if (text.empty()) return false;
  const bool ends = text.back() == '.' || text.back() == '!' || text.back() == '?';
  return (ends && WordCount(text) >= 6) || text.find(". ") != std::string_view::npos;
}

// How a block began, for the reconciliation with the numbering.
struct Origin {
  Kind kind = Kind::kText;      // of its first line
  bool after_break = false;     // page furniture or a footnote block just before it
  bool heading_before = false;  // a heading between it and the block before
};

size_t CountBold(std::string_view s) {
  size_t n = 0;
  for (size_t pos = s.find("**"); pos != std::string_view::npos; pos = s.find("**", pos + 2)) ++n;
  return n;
}

// How a paragraph's next piece joins the text before it.
enum class Joint {
  kSpace,          // a new word
  kHyphenDropped,  // "transfor-" + "mation": one word split at a line end
  kHyphenKept,     // "well-" + "known": a compound broken at its hyphen
};

// Decides hyphens at line ends from the document's own words
// (hyphenation.h), collected the first time one is met.
class LineEndHyphens {
 public:
  explicit LineEndHyphens(std::string_view text) : text_(text) {}

  // How `next` joins `block`: at a hyphen after a letter, before a
  // lower-case letter, one word or a compound; else a space.
  Joint JointOf(const Block& block, std::string_view next) {
    const std::string& t = block.text;
    if (t.size() < 2 || t.back() != '-' || !std::isalpha(static_cast<unsigned char>(t[t.size() - 2])) ||
        !StartsLowercase(next)) {
      return Joint::kSpace;
    }
    return Joins(std::string_view(t).substr(0, t.size() - 1), next) ? Joint::kHyphenDropped : Joint::kHyphenKept;
  }

  // True when "left-" + "right" is one word split by a hyphen.
  bool Joins(std::string_view left, std::string_view right) {
    if (!vocabulary_) vocabulary_.emplace(text_);
    return JoinsAsOneWord(left, right, *vocabulary_);
  }

 private:
  std::string_view text_;
  std::optional<Vocabulary> vocabulary_;
};

void AppendText(Block& block, const std::string& text, const std::vector<Marker>& markers, Joint joint) {
  size_t base = block.text.size();
  if (!block.text.empty()) {
    if (joint == Joint::kHyphenDropped) {
      block.text.pop_back();
      base = block.text.size();
    } else if (joint == Joint::kSpace) {
      block.text.push_back(' ');
      ++base;
    }
  }
  block.text += text;
  for (auto m : markers) block.markers.push_back({m.number, base + m.offset});
}

void AppendClean(Block& block, const CleanLine& clean, Joint joint = Joint::kSpace) {
  if (clean.text.empty() && clean.markers.empty()) return;
  AppendText(block, clean.text, clean.markers, joint);
}

// A line's cleaned text appended to `block`.
void AppendClean(Block& block, const Line& line, Joint joint = Joint::kSpace) {
  AppendClean(block, line.clean, joint);
}

// Appends block `from` to `into`, as one paragraph broken in two.
void Merge(Block& into, Block&& from, LineEndHyphens& hyphens) {
  const Joint joint = hyphens.JointOf(into, from.text);
  AppendText(into, from.text, from.markers, joint);
}

// "develop- ment" inside a line: a conversion that joined a hyphenated
// line end with a space. Joined again where the halves make one word.
void JoinInlineHyphens(Block& block, LineEndHyphens& hyphens) {
  std::string& t = block.text;
  for (size_t at = t.find("- "); at != std::string::npos; at = t.find("- ", at + 1)) {
    if (at == 0 || !std::isalpha(static_cast<unsigned char>(t[at - 1])) || at + 2 >= t.size() ||
        !std::islower(static_cast<unsigned char>(t[at + 2]))) {
      continue;
    }
    size_t word = at;
    while (word > 0 && t[word - 1] != ' ') --word;
    if (!hyphens.Joins(std::string_view(t).substr(word, at - word), std::string_view(t).substr(at + 2))) continue;
    t.erase(at, 2);
    for (Marker& m : block.markers) {
      if (m.offset > at) m.offset = m.offset >= at + 2 ? m.offset - 2 : at;
    }
  }
}

struct Assembly {
  std::vector<Block> blocks;
  std::vector<Origin> origins;
  std::vector<std::pair<size_t, std::string>> heading_at;  // block index, heading
};

Assembly Assemble(const std::vector<Line>& lines, bool wrapped, size_t width, LineEndHyphens& hyphens,
                  Structure& result) {
  Assembly a;
  std::vector<Block>& blocks = a.blocks;
  std::string section;
  bool open = false;          // the last block may still grow
  bool after_break = false;   // furniture or a footnote block since the last line of text
  bool heading_since = false; // a heading since the last block
  bool heading_open = false;  // the last line was a heading, and may go on
  bool prev_short_end = true;
  bool bold_open = false;                // inside a "**...**" span over several lines
  int footnote = -1;                     // the footnote a continuation line belongs to, or -1

  // Before the body begins, in wrapped text, a cover line with a role of
  // its own (cover_lines.h: a date, a session, an agenda item, "Prepared
  // by ...") is a block of its own, even under a long line: a cover page's
  // lines are not a paragraph.
  bool in_head = wrapped;
  CoverRole role = CoverRole::kOther;
  const auto new_block = [&](const Line& line) -> Block& {
    blocks.emplace_back();
    blocks.back().section = section;
    blocks.back().page = line.page;
    a.origins.push_back({line.kind, after_break, heading_since});
    open = true;
    after_break = false;
    heading_since = false;
    return blocks.back();
  };

  for (size_t index = 0; index < lines.size(); ++index) {
    const Line& line = lines[index];
    switch (line.kind) {
      case Kind::kBlank:
        heading_open = false;
        if (!wrapped) open = false;
        bold_open = false;
        prev_short_end = true;
        continue;
      case Kind::kFurniture:
        // A page break: a paragraph may run on over it.
        result.furniture.push_back(line.clean.text);
        after_break = true;
        continue;
      case Kind::kHeading: {
        const std::string& heading = line.clean.text;
        if (!heading.empty()) {
          result.headings.push_back(heading);
          a.heading_at.emplace_back(blocks.size(), heading);
          section = heading;
          heading_since = true;
          heading_open = true;
        }
        open = false;
        continue;
      }
      case Kind::kFootnote:
        result.footnotes[*line.number] = line.clean.text;
        footnote = *line.number;
        after_break = true;
        open = false;
        continue;
      case Kind::kFootnoteContinuation:
        if (footnote >= 0) result.footnotes[footnote] += " " + line.clean.text;
        continue;
      default:
        break;
    }
    footnote = -1;
    // A heading broken over lines: the line right under it goes on in lower
    // case, or the heading stops inside a phrase.
    if (heading_open && line.kind == Kind::kText && !result.headings.empty() &&
        (StartsLowercase(line.raw) || EndsInsidePhrase(result.headings.back()))) {
      std::string& heading = result.headings.back();
      heading += " " + line.clean.text;
      a.heading_at.back().second = heading;
      section = heading;
      continue;
    }
    heading_open = false;
    const std::string_view trimmed = text::Trim(line.raw);
    switch (line.kind) {
      case Kind::kNumbered: {
        // "15. intelligence raised ..." under a line that stops mid-sentence:
        // a number moved into the text that wrapping put at a line's start
        // (RecoverMovedNumbers reads it).
        if (wrapped && open && !blocks.empty() && StartsLowercase(line.raw) && !EndsSentence(blocks.back().text)) {
          AppendClean(blocks.back(), CleanInline(line.whole));
          break;
        }
        Block& b = new_block(line);
        b.number = line.number;
        AppendClean(b, line);
        if (!wrapped) open = false;
        break;
      }
      case Kind::kSubItem:
        if (!blocks.empty()) {
          AppendClean(blocks.back(), line);
          open = wrapped;
        } else {
          AppendClean(new_block(line), line);
        }
        break;
      case Kind::kBullet:
        AppendClean(new_block(line), line);
        if (!wrapped) open = false;
        break;
      case Kind::kText: {
        // Continuation rules. In wrapped text a line joins the paragraph
        // unless the previous line ended a sentence well short of the width.
        // Anywhere, a line starting in lower case after a page break or
        // footnote block continues the last paragraph.
        // Only a line that starts like one can be a cover line: not "ninth
        // session. My delegation ..." under "... at its fifty-".
        const CoverRole previous_role = role;
        const std::string& clean = line.clean.text;
        const bool starts_line = in_head && StartsLikeASentence(clean) &&
                                 (index == 0 || !EndsInsidePhrase(lines[index - 1].whole));
        role = starts_line ? CoverRoleOf(clean, previous_role) : CoverRole::kOther;
        // A line wholly in bold is a line of its own too: the title.
        const std::string_view bare = text::Trim(line.raw);
        const bool bold_line = bare.size() > 4 && bare.substr(0, 2) == "**" && bare.substr(bare.size() - 2) == "**";
        // After a line that never wraps (a masthead line, the session, an
        // agenda item, a date) a new line starts; after one that may (an
        // agenda item's title, the meeting, the author, a title) the wrapping
        // rules decide. A line far longer than the width was not wrapped.
        const bool wraps = previous_role == CoverRole::kOther || previous_role == CoverRole::kAgendaTitle ||
                           previous_role == CoverRole::kMeeting || previous_role == CoverRole::kAuthor ||
                           previous_role == CoverRole::kTitleKind;
        const bool overlong_line = in_head && text::Trim(line.raw).size() * 10 > width * 12;
        const bool own_line = role != CoverRole::kOther || (in_head && bold_line) || overlong_line ||
                              (in_head && !wraps) || (previous_role != CoverRole::kOther && prev_short_end);
        const bool continues_wrapped = wrapped && open && !blocks.empty() && !prev_short_end && !own_line;
        // A bold span broken over lines ("**Twenty-seventh session\nGeneva,
        // 15-19 April 2024**") is one line of the head.
        const bool continues_bold = !wrapped && bold_open && !blocks.empty();
        const bool continues_break = !blocks.empty() && StartsLowercase(line.raw) && (after_break || !open) &&
                                     !heading_since && !EndsSentence(blocks.back().text);
        if (continues_bold) {
          AppendClean(blocks.back(), line);
        } else if (continues_wrapped || continues_break) {
          AppendClean(blocks.back(), line, hyphens.JointOf(blocks.back(), line.clean.text));
          open = wrapped;
          after_break = false;
        } else {
          AppendClean(new_block(line), line);
          if (!wrapped) open = false;
        }
        break;
      }
      default:
        break;
    }
    if (line.kind == Kind::kNumbered || (!blocks.empty() && WordCount(blocks.back().text) > kHeadMaxWords)) {
      in_head = false;
      role = CoverRole::kOther;
    }
    if (!wrapped && CountBold(line.raw) % 2 == 1) bold_open = !bold_open;
    // A line of markup only leaves an empty paragraph: drop it.
    if (!blocks.empty() && blocks.back().text.empty() && blocks.back().markers.empty()) {
      blocks.pop_back();
      a.origins.pop_back();
      open = false;
    }
    // In wrapped text a short line ends its paragraph when it ends a
    // sentence, or when it is a line of its own: a cover page's lines
    // ("Twenty-fifth session" over "Geneva, 28 March-1 April 2022") are
    // short, end without a full stop and are followed by a capital; a line
    // cut short inside a sentence ends in a link word or is followed by the
    // sentence's next word.
    // A line far longer than the wrapping width was not wrapped: on a
    // cover page it is a line of its own.
    const bool overlong = in_head && trimmed.size() * 10 > width * 12;
    const bool short_line = trimmed.size() * 10 < width * 8 || overlong;
    const Line* next = index + 1 < lines.size() ? &lines[index + 1] : nullptr;
    const bool next_starts_anew =
        next && next->kind == Kind::kText && StartsLikeASentence(next->clean.text);
    prev_short_end = !wrapped || (short_line && (EndsSentence(trimmed) || line.kind != Kind::kText ||
                                                 (next_starts_anew && !EndsInsidePhrase(trimmed))));
    if (wrapped && line.kind == Kind::kNumbered) prev_short_end = short_line && EndsSentence(trimmed);
  }
  return a;
}

// A paragraph long enough to be body text, not a heading or a head line:
// only such a paragraph is taken to run on when it stops mid-sentence.
constexpr size_t kMinRunOnWords = 12;

// Paragraphs cut by a page break, a blank line or a footnote block in the
// middle of a sentence: a body paragraph of some length that does not end
// a sentence continues in the plain-text block after it (not a numbered
// paragraph, a list item or a heading), whatever its first letter's case.
void JoinRunOns(std::vector<Block>& blocks, std::vector<Origin>& origins, LineEndHyphens& hyphens) {
  for (size_t i = 1; i < blocks.size();) {
    const Block& prev = blocks[i - 1];
    const Origin& o = origins[i];
    if (o.kind == Kind::kText && !o.heading_before && !blocks[i].number && WordCount(prev.text) >= kMinRunOnWords &&
        !EndsSentence(prev.text)) {
      Merge(blocks[i - 1], std::move(blocks[i]), hyphens);
      blocks.erase(blocks.begin() + static_cast<long>(i));
      origins.erase(origins.begin() + static_cast<long>(i));
      continue;
    }
    ++i;
  }
}

// Where " N. " stands before a lower-case word in `text` ("their bilateral
// and 24. multilateral"), or npos.
size_t FindMovedNumber(const std::string& text, int n) {
  const std::string needle = " " + std::to_string(n) + ". ";
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    if (at + needle.size() < text.size() && std::islower(static_cast<unsigned char>(text[at + needle.size()]))) {
      return at;
    }
  }
  return std::string::npos;
}

// Takes the stray " N. " at `at` out of `b`'s text, keeping one space.
void EraseMovedNumber(Block& b, size_t at, int n) {
  const size_t removed = std::to_string(n).size() + 2;  // "N. "
  b.text.erase(at + 1, removed);
  for (Marker& m : b.markers) {
    if (m.offset > at) m.offset = m.offset >= at + 1 + removed ? m.offset - removed : at;
  }
}

// Numbers moved by conversion into the first sentence of their paragraph
// ("their bilateral and 24. multilateral"):
// - an unnumbered paragraph after paragraph N-1 whose text holds " N. "
//   before a lower-case word is paragraph N, and loses the stray "N. ";
// - in a numbered paragraph N-1 followed by no paragraph N (wrapped text
//   without blank lines ran the two together), paragraph N starts at the
//   sentence that holds " N. ".
void RecoverMovedNumbers(std::vector<Block>& blocks, std::vector<Origin>& origins, std::vector<std::string>& warnings) {
  std::optional<int> previous;
  for (size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    if (!b.number) {
      if (!previous) continue;
      const size_t at = FindMovedNumber(b.text, *previous + 1);
      if (at == std::string::npos) continue;
      EraseMovedNumber(b, at, *previous + 1);
      b.number = *previous + 1;
      b.number_inferred = true;
      previous = b.number;
      warnings.push_back("paragraph " + std::to_string(*b.number) + " had its number moved into its text; restored");
      continue;
    }
    previous = b.number;
    const int next = *b.number + 1;
    const auto later = std::find_if(blocks.begin() + static_cast<long>(i) + 1, blocks.end(),
                                    [](const Block& x) { return x.number.has_value(); });
    if (later != blocks.end() && *later->number <= next) continue;
    const size_t at = FindMovedNumber(b.text, next);
    if (at == std::string::npos) continue;
    // The sentence it stands in starts after the last sentence end before it.
    size_t start = std::string::npos;
    for (std::string_view end : {". ", "? ", "! ", ".\u201D ", ".\" "}) {
      const size_t found = b.text.rfind(end, at);
      if (found != std::string::npos && (start == std::string::npos || found + end.size() > start)) {
        start = found + end.size();
      }
    }
    if (start == std::string::npos || start >= at) continue;
    Block rest;
    rest.section = b.section;
    rest.page = b.page;
    rest.text = b.text.substr(start);
    for (const Marker& m : b.markers) {
      if (m.offset > start) rest.markers.push_back({m.number, m.offset - start});
    }
    b.markers.erase(std::remove_if(b.markers.begin(), b.markers.end(), [&](const Marker& m) { return m.offset > start; }),
                    b.markers.end());
    b.text.erase(start);
    while (!b.text.empty() && b.text.back() == ' ') b.text.pop_back();
    EraseMovedNumber(rest, at - start, next);
    rest.number = next;
    rest.number_inferred = true;
    blocks.insert(blocks.begin() + static_cast<long>(i) + 1, std::move(rest));
    origins.insert(origins.begin() + static_cast<long>(i) + 1, Origin{Kind::kNumbered, false, false});
    warnings.push_back("paragraph " + std::to_string(next) + " had its number moved into its text; restored");
  }
}

// How much a block reads like the rest of the paragraph before it, cut off
// by a page break: starting in lower case, following a paragraph that stops
// mid-sentence, following page furniture or a footnote block. Zero when
// nothing says so.
int ContinuationScore(const Block& prev, const Block& block, const Origin& origin) {
  if (origin.heading_before || origin.kind == Kind::kNumbered || origin.kind == Kind::kSubItem) return 0;
  int score = 0;
  if (StartsLowercase(block.text)) score += 4;
  if (!EndsSentence(prev.text)) score += 3;
  if (origin.after_break) score += 2;
  if (origin.kind == Kind::kBullet) score -= 2;
  return std::max(score, 0);
}

// Between paragraphs N and M, the document has room for M-N-1 paragraphs.
// When more unnumbered blocks stand there, the surplus are pieces of
// paragraphs cut by page breaks: the blocks that read most like
// continuations join the paragraph before them.
void MergeSurplusBlocks(std::vector<Block>& blocks, std::vector<Origin>& origins, LineEndHyphens& hyphens) {
  std::optional<size_t> last_numbered;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].number) continue;
    if (last_numbered) {
      const int room = *blocks[i].number - *blocks[*last_numbered].number - 1;
      const size_t first = *last_numbered + 1;
      const auto unnumbered = static_cast<int>(i - first);
      if (room >= 0 && unnumbered > room) {
        // With no room at all, every block there that does not open a
        // section is part of the paragraph before it; otherwise only
        // blocks with signs of a cut are.
        std::vector<std::pair<int, size_t>> scored;  // score, block
        for (size_t k = first; k < i; ++k) {
          const int score = ContinuationScore(blocks[k - 1], blocks[k], origins[k]);
          if (score > 0 || (room == 0 && !origins[k].heading_before)) scored.emplace_back(score, k);
        }
        const auto surplus = static_cast<size_t>(unnumbered - room);
        if (scored.size() >= surplus) {
          std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
          std::vector<size_t> merge;
          for (size_t k = 0; k < surplus; ++k) merge.push_back(scored[k].second);
          std::sort(merge.rbegin(), merge.rend());  // from the back, so indexes stay valid
          for (size_t k : merge) {
            Merge(blocks[k - 1], std::move(blocks[k]), hyphens);
            blocks.erase(blocks.begin() + static_cast<long>(k));
            origins.erase(origins.begin() + static_cast<long>(k));
          }
          i -= surplus;
        }
      }
    }
    last_numbered = i;
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


// A line that ends inside a footnote marker ("... speaker$^{^{\\rm" with
// "6}}~$ said ..." on the next line, as a hard-wrapped conversion leaves a
// marker with a space in it) is joined with the next one, so the marker is
// read whole.
std::vector<std::string_view> JoinBrokenMarkers(std::string_view text, std::vector<std::string_view> lines) {
  const auto opens_marker = [](std::string_view l) {
    const size_t math = l.rfind("$^{");
    if (math != std::string_view::npos && l.find('$', math + 1) == std::string_view::npos) return true;
    const size_t sup = l.rfind("<sup>");
    return sup != std::string_view::npos && l.find("</sup>", sup) == std::string_view::npos && l.size() - sup < 16;
  };
  std::vector<std::string_view> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    while (opens_marker(line) && i + 1 < lines.size() && !text::Trim(lines[i + 1]).empty()) {
      const std::string_view next = lines[++i];
      line = text.substr(static_cast<size_t>(line.data() - text.data()),
                         static_cast<size_t>(next.data() + next.size() - line.data()));
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace

Structure ParseStructure(std::string_view text, const std::vector<size_t>& page_starts) {
  Structure result;
  const std::vector<std::string_view> raw_lines = JoinBrokenMarkers(text, text::Split(text, '\n'));
  size_t width = 0;
  const bool wrapped = IsHardWrapped(raw_lines, &width);

  std::vector<Line> lines;
  lines.reserve(raw_lines.size());
  std::optional<int> page;
  auto next_page = page_starts.begin();
  size_t seen = 0;
  for (std::string_view raw : raw_lines) {
    // A look at the per-file deadline every few thousand lines (a look
    // reads the clock).
    if (++seen % 4096 == 0) CheckFileDeadline();
    // The page a line is on: the last page that starts at or before it.
    const auto offset = static_cast<size_t>(raw.data() - text.data());
    for (; next_page != page_starts.end() && *next_page <= offset; ++next_page) {
      page = static_cast<int>(next_page - page_starts.begin()) + 1;
    }
    lines.push_back(Classify(raw));
    Line& line = lines.back();
    line.page = page;
    line.whole = text::Trim(raw);
    if (line.kind != Kind::kBlank) {
      line.clean = CleanInline(line.raw);
      result.letters_read += CountLetters(line.clean.text);
    }
  }
  AssignFootnotes(lines, wrapped, width, result.warnings);
  LineEndHyphens hyphens(text);
  Assembly assembly = Assemble(lines, wrapped, width, hyphens, result);
  std::vector<Block>& blocks = assembly.blocks;
  std::vector<Origin>& origins = assembly.origins;

  // The head: short blocks before the body begins (the first numbered
  // paragraph, or the first block of running text). They carry the date,
  // session, place and title, and are not passages.
  size_t body_start = 0;
  for (; body_start < blocks.size(); ++body_start) {
    const Block& b = blocks[body_start];
    if (b.number || WordCount(b.text) > kHeadMaxWords) break;
  }
  // A document of short lines only (a list, a short note) has no head.
  const bool has_body = body_start < blocks.size();
  if (!has_body) body_start = 0;
  // Nothing of the text is lost to the head: sentences before the body (a
  // speech's opening lines) are body text only, and any other block that
  // is not a cover line with a role of its own (cover_lines.h: masthead,
  // session, agenda item, date, meeting, author) is a head line and a
  // paragraph both -- a title may repeat text, never remove it.
  std::vector<bool> keep(body_start, false);
  auto heading = assembly.heading_at.begin();
  CoverRole previous = CoverRole::kOther;
  for (size_t i = 0; i < body_start; ++i) {
    for (; heading != assembly.heading_at.end() && heading->first <= i; ++heading) {
      result.head.push_back(heading->second);
      previous = CoverRole::kOther;
    }
    const CoverRole role = CoverRoleOf(blocks[i].text, previous);
    previous = role;
    const bool sentences = ReadsAsSentences(blocks[i].text);
    keep[i] = sentences || role == CoverRole::kOther || role == CoverRole::kTitleKind;
    if (!sentences) result.head.push_back(blocks[i].text);
  }
  // Headings before the body (a title right above paragraph 1, say) are head
  // lines too.
  for (; has_body && heading != assembly.heading_at.end() && heading->first <= body_start; ++heading) {
    result.head.push_back(heading->second);
  }
  for (size_t i = body_start; i-- > 0;) {
    if (keep[i]) continue;
    blocks.erase(blocks.begin() + static_cast<long>(i));
    origins.erase(origins.begin() + static_cast<long>(i));
  }

  JoinRunOns(blocks, origins, hyphens);
  RecoverMovedNumbers(blocks, origins, result.warnings);
  MergeSurplusBlocks(blocks, origins, hyphens);
  for (Block& b : blocks) JoinInlineHyphens(b, hyphens);
  InferNumbers(blocks, result.warnings);
  result.paragraphs = std::move(blocks);
  return result;
}

}  // namespace cstd::extract

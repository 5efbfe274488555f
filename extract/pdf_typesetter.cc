#include "extract/pdf_typesetter.h"

#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <memory>
#include <mutex>
#include <random>
#include <set>

namespace cstd::extract::testing {

namespace {

constexpr std::array<std::string_view, 4> kBaseFonts = {"Times-Roman", "Times-Bold", "Helvetica", "Helvetica-Bold"};

std::string Number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

// Advance widths per byte, in points at size 1, for each font: read from a
// page poppler lays out with every byte on a line of its own.
using WidthTable = std::array<double, 256>;

std::array<WidthTable, 4> MeasureWidths() {
  constexpr double kSize = 10, kStep = 14, kTop = 20;
  std::vector<PageStream> pages;
  for (size_t f = 0; f < kBaseFonts.size(); ++f) {
    PageStream page{400, kTop + kStep * 256 + 40, ""};
    page.content = "BT /" + std::string(ResourceName(static_cast<Font>(f))) + " " + Number(kSize) + " Tf\n";
    for (int b = 33; b < 256; ++b) {
      const double y = page.height - kTop - kStep * b;
      page.content += "1 0 0 1 10 " + Number(y) + " Tm " + PdfString(std::string(1, static_cast<char>(b))) + " Tj\n";
    }
    // The space: the distance between the two words of "a a".
    page.content += "1 0 0 1 10 " + Number(page.height - kTop - kStep * 32) + " Tm (a a) Tj\nET";
    pages.push_back(std::move(page));
  }
  const std::string pdf = WritePdf(pages);
  const std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  std::array<WidthTable, 4> widths{};
  for (size_t f = 0; f < kBaseFonts.size(); ++f) {
    const std::unique_ptr<poppler::page> page(document->create_page(static_cast<int>(f)));
    std::vector<poppler::text_box> boxes = page->text_list();
    for (size_t i = 0; i < boxes.size(); ++i) {
      const poppler::rectf r = boxes[i].bbox();
      // Baselines sit kStep apart from kTop; a box's middle is a little above.
      const long b = std::lround((r.y() + r.height() * 0.75 - kTop) / kStep);
      if (b == 32 && i + 1 < boxes.size()) {
        widths[f][32] = (boxes[i + 1].bbox().x() - (r.x() + r.width())) / kSize;
        ++i;
      } else if (b > 32 && b < 256) {
        widths[f][static_cast<size_t>(b)] = r.width() / kSize;
      }
    }
  }
  return widths;
}

const std::array<WidthTable, 4>& Widths() {
  static const std::array<WidthTable, 4> widths = MeasureWidths();
  return widths;
}

// ---------------------------------------------------------------------------
// The report's content.

struct Word {
  std::string text;  // as printed
  std::string sup;   // a superscript after it: a footnote number or "th"
  int footnote = -1;
};

struct Paragraph {
  int number = 0;
  std::vector<Word> words;
  std::vector<std::vector<Word>> items;    // "(a) ..." sub-items
  std::vector<std::vector<Word>> bullets;  // bullet items after it
};

struct Section {
  std::string numeral;  // "II."
  std::string title;
  std::vector<Paragraph> paragraphs;
};

struct Footnote {
  std::string text;
  std::vector<std::string> speakers;
  std::vector<std::string> countries;
};

struct Country {
  const char* name;
  const char* code;
};

constexpr Country kCountries[] = {{"Brazil", "BRA"},   {"Kenya", "KEN"},     {"Japan", "JPN"},     {"Germany", "DEU"},
                                  {"India", "IND"},    {"Thailand", "THA"},  {"Canada", "CAN"},    {"Mexico", "MEX"},
                                  {"Egypt", "EGY"},    {"Chile", "CHL"},     {"Norway", "NOR"},    {"Nigeria", "NGA"},
                                  {"Indonesia", "IDN"}, {"Portugal", "PRT"}, {"Switzerland", "CHE"}, {"Peru", "PER"}};
constexpr const char* kPersons[] = {"Akiko Tanaka", "Maria Souza",   "John Mwangi", "Peter Olsen",  "Ana Lopez",
                                    "Fatima Diallo", "Ivan Petrov", "Sara Haddad", "Rahul Mehta", "Grace Ochieng"};
constexpr const char* kSubjects[] = {"The Commission", "The panel", "Several participants", "The secretariat",
                                     "Member States",  "The report", "Many contributions"};
constexpr const char* kVerbs[] = {"noted that", "stressed that", "recalled that", "underlined that", "observed that",
                                  "emphasized that"};
constexpr const char* kAdjectives[] = {"international", "national",      "regional",          "digital",
                                       "sustainable",   "inclusive",     "multi-stakeholder", "well-known",
                                       "long-term",     "technological", "institutional",     "environmental",
                                       "significant",   "effective"};
constexpr const char* kNouns[] = {"development",   "technology",     "innovation",   "information",
                                  "communications", "infrastructure", "governance",   "implementation",
                                  "cooperation",   "sustainability", "transformation", "organizations",
                                  "partnerships",  "capacity-building", "connectivity", "investment",
                                  "knowledge",     "measurement",    "assessment",   "management",
                                  "follow-up",     "decision-making", "commitments", "awareness"};
constexpr const char* kLinks[] = {"required", "supported", "depended on", "contributed to", "would strengthen",
                                  "had improved", "could accelerate"};
constexpr const char* kSpeakerNouns[] = {"One speaker", "A panellist", "One participant", "Another speaker"};
constexpr const char* kSections[] = {"Introduction", "Organization of work", "Opening of the meeting",
                                     "Digital cooperation and connectivity", "Science and technology for development",
                                     "Policy recommendations", "Follow-up and review", "Capacity-building and partnerships"};
constexpr const char* kTitles[] = {"Report of the intersessional panel meeting",
                                   "Harnessing rapid technological change for inclusive and sustainable development",
                                   "Data for development and the digital economy",
                                   "Science, technology and innovation for sustainable urban development"};
constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
constexpr const char* kRomans[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Chance(int percent) { return Pick(100) < percent; }
  template <typename T, size_t N>
  const T& Of(const T (&list)[N]) {
    return list[Pick(static_cast<int>(N))];
  }

  // Words of a sentence, split at spaces, the last one ending it.
  static std::vector<Word> Split(const std::string& sentence) {
    std::vector<Word> words;
    size_t start = 0;
    while (start < sentence.size()) {
      size_t end = sentence.find(' ', start);
      if (end == std::string::npos) end = sentence.size();
      if (end > start) words.push_back({sentence.substr(start, end - start), "", -1});
      start = end + 1;
    }
    return words;
  }

  std::string Phrase() { return std::string("the ") + Of(kAdjectives) + " " + Of(kNouns); }

  std::string PlainSentence() {
    std::string s = std::string(Of(kSubjects)) + " " + Of(kVerbs) + " " + Phrase() + " " + Of(kLinks) + " " + Phrase();
    if (Chance(30)) s += " and " + Phrase();
    if (Chance(25)) s += " by " + std::to_string(2025 + Pick(6));
    return s + ".";
  }

  int AddFootnote(Footnote note) {
    footnotes_.push_back(std::move(note));
    return static_cast<int>(footnotes_.size());
  }

  // A sentence whose speaker a footnote names: a person or delegations.
  std::vector<Word> SpeakerSentence() {
    std::vector<Word> words;
    Footnote note;
    if (Chance(50)) {
      const std::string person = Of(kPersons);
      const Country& country = Of(kCountries);
      note.text = std::string(Chance(50) ? "Ms. " : "Mr. ") + person + ", " +
                  (Chance(40) ? "Director, Ministry of Science, " : "") + country.name + ".";
      note.speakers = {person};
      words = Split(std::string(Of(kSpeakerNouns)) + " " + Of(kVerbs) + " " + Phrase() + " " + Of(kLinks) + " " +
                    Phrase() + ".");
    } else {
      std::vector<const Country*> chosen;
      while (chosen.size() < static_cast<size_t>(2 + Pick(2))) {
        const Country* c = &Of(kCountries);
        if (std::find(chosen.begin(), chosen.end(), c) == chosen.end()) chosen.push_back(c);
      }
      note.text = "Representatives of ";
      for (size_t i = 0; i < chosen.size(); ++i) {
        note.text += std::string(i == 0 ? "" : (i + 1 == chosen.size() ? " and " : ", ")) + chosen[i]->name;
        note.countries.push_back(chosen[i]->code);
      }
      note.text += ".";
      words = Split(std::string("Several delegates ") + Of(kVerbs) + " " + Phrase() + " " + Of(kLinks) + " " +
                    Phrase() + ".");
    }
    const int n = AddFootnote(std::move(note));
    words[1].sup = std::to_string(n);  // "speaker", "panellist", "delegates"
    words[1].footnote = n;
    return words;
  }

  // A sentence ending on a reference footnote.
  std::vector<Word> ReferenceSentence() {
    std::vector<Word> words = Split(PlainSentence());
    const int kind = Pick(3);
    // The long kind runs over two or three lines of the footnote block.
    const std::string text =
        kind == 0   ? "See https://unctad.org/meeting/cstd-" + std::to_string(2020 + Pick(5)) + "."
        : kind == 1 ? "E/CN.16/" + std::to_string(2019 + Pick(5)) + "/2, para. " + std::to_string(3 + Pick(40)) + "."
                    : "The contributions received from " + Phrase() + " and from " + Phrase() +
                          " are summarized in the report of the secretariat on " + Phrase() + ", and the " +
                          Of(kAdjectives) + " " + Of(kNouns) + " of the Commission is available online at " +
                          "https://unctad.org/topic/commission-on-science-and-technology-for-development.";
    const int n = AddFootnote({text, {}, {}});
    words.back().sup = std::to_string(n);
    words.back().footnote = n;
    return words;
  }

  // "... at its 27th session." with the ordinal's suffix raised.
  std::vector<Word> OrdinalSentence() {
    std::vector<Word> words = Split(std::string(Of(kSubjects)) + " " + Of(kVerbs) + " " + Phrase() +
                                    " was discussed at the 2" + std::to_string(Pick(10)) + " session.");
    Word& ordinal = words[words.size() - 2];
    const char last = ordinal.text.back();
    ordinal.sup = last == '1' ? "st" : last == '2' ? "nd" : last == '3' ? "rd" : "th";
    return words;
  }

  Paragraph MakeParagraph(int number) {
    Paragraph p;
    p.number = number;
    const int sentences = 1 + Pick(5);
    for (int s = 0; s < sentences; ++s) {
      std::vector<Word> words;
      const int kind = Pick(100);
      if (kind < 25) {
        words = SpeakerSentence();
      } else if (kind < 35) {
        words = ReferenceSentence();
      } else if (kind < 40) {
        words = OrdinalSentence();
      } else {
        words = Split(PlainSentence());
      }
      p.words.insert(p.words.end(), words.begin(), words.end());
    }
    if (Chance(12)) {
      p.words.back().text.back() = ':';
      const int items = 2 + Pick(2);
      for (int i = 0; i < items; ++i) {
        std::vector<Word> item = Split(std::string("(") + static_cast<char>('a' + i) + ") " + Phrase() + " and " +
                                       Phrase() + (i + 1 == items ? "." : ";"));
        item[1].text[0] = 'T';  // "(a) The ..."
        p.items.push_back(std::move(item));
      }
    } else if (number > 1 && Chance(8)) {
      p.words.back().text.back() = ':';
      const int items = 2 + Pick(2);
      for (int i = 0; i < items; ++i) {
        std::vector<Word> item = Split("\x95 " + Phrase() + " in " + Phrase() + (i + 1 == items ? "." : ";"));
        item[1].text[0] = 'T';
        p.bullets.push_back(std::move(item));
      }
    }
    return p;
  }

  std::vector<Footnote>& footnotes() { return footnotes_; }

 private:
  std::mt19937 rng_;
  std::vector<Footnote> footnotes_;
};

// ---------------------------------------------------------------------------
// Setting type.

// A word's printed width, its superscript included.
struct Setter {
  Layout L;
  std::vector<PageStream> pages;
  std::string content;  // the current page's
  double y = 0;         // baseline of the next line, from the page's bottom
  std::vector<int> page_notes;
  double notes_height = 0;
  const std::vector<Footnote>* footnotes = nullptr;
  std::set<std::string> whole_words;  // lower-case words set whole so far
  std::map<int, std::vector<std::vector<Word>>> note_lines;

  double Top() const { return L.page_height - 72 - L.body_size; }
  double Bottom() const { return 72; }
  double Right() const { return L.page_width - L.right; }
  double NoteLeading() const { return L.notes_size * 1.2; }
  double SupSize(double size) const { return std::round(size * 0.65 * 2) / 2; }

  double WordWidth(const Word& w, Font font, double size) const {
    return TextWidth(font, w.text, size) + (w.sup.empty() ? 0 : TextWidth(font, w.sup, SupSize(size)));
  }

  static std::string Lower(std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || c == '-') out.push_back(c);
    }
    return out;
  }

  // The longest left part of `w` ending in a hyphen that fits in `room`, and
  // the rest, when a word may break there: after a compound's own hyphen;
  // before a suffix the reader recognises; anywhere in a word already set
  // whole earlier (the reader's vocabulary knows it then).
  bool Hyphenate(const Word& w, double room, Font font, double size, Word* left, Word* right) const {
    if (!L.hyphenate || !w.sup.empty() || w.text.size() < 7 || !(w.text[0] >= 'a' && w.text[0] <= 'z')) return false;
    size_t letters = 0;
    while (letters < w.text.size() && ((w.text[letters] >= 'a' && w.text[letters] <= 'z') || w.text[letters] == '-')) {
      ++letters;
    }
    const std::string core = w.text.substr(0, letters);
    std::vector<size_t> cuts;  // the left part's length, without the hyphen
    if (const size_t hyphen = core.find('-'); hyphen != std::string::npos) {
      cuts.push_back(hyphen);
    } else {
      for (const std::string_view suffix : {"tion", "ment", "ness", "ity"}) {
        if (core.size() >= suffix.size() + 3 && core.compare(core.size() - suffix.size(), suffix.size(), suffix) == 0) {
          cuts.push_back(core.size() - suffix.size());
        }
      }
      if (core.size() >= 6 && whole_words.count(core)) {
        for (size_t cut = core.size() - 3; cut >= 3; --cut) cuts.push_back(cut);
      }
    }
    std::sort(cuts.rbegin(), cuts.rend());
    for (size_t cut : cuts) {
      Word l{w.text.substr(0, cut) + "-", "", -1};
      if (TextWidth(font, l.text, size) > room) continue;
      const bool own_hyphen = core[cut] == '-';
      *left = l;
      *right = {w.text.substr(own_hyphen ? cut + 1 : cut), "", -1};
      return true;
    }
    return false;
  }

  // Breaks words into lines of `first` then `width` points.
  std::vector<std::vector<Word>> Break(std::vector<Word> words, double first, double width, Font font, double size) {
    std::vector<std::vector<Word>> lines(1);
    double used = 0;
    const double space = TextWidth(font, " ", size);
    for (size_t i = 0; i < words.size(); ++i) {
      const Word& w = words[i];
      const double room = (lines.size() == 1 ? first : width) - used - (lines.back().empty() ? 0 : space);
      const double need = WordWidth(w, font, size);
      if (need <= room || lines.back().empty()) {
        lines.back().push_back(w);
        used += need + (lines.back().size() > 1 ? space : 0);
        continue;
      }
      Word left, right;
      if (Hyphenate(w, room, font, size, &left, &right)) {
        lines.back().push_back(left);
        words.insert(words.begin() + static_cast<long>(i) + 1, right);
      } else {
        --i;
      }
      lines.emplace_back();
      used = 0;
    }
    return lines;
  }

  // Draws `words` from (x, baseline) in `font`; spread to `width` when it is
  // not 0. Superscripts follow their word in the same text object.
  void DrawLine(double x, double baseline, const std::vector<Word>& words, Font font, double size, double width) {
    const std::string f = "/" + std::string(ResourceName(font)) + " ";
    double natural = 0;
    int spaces = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      natural += WordWidth(words[i], font, size) + (i > 0 ? TextWidth(font, " ", size) : 0);
      spaces += i > 0 ? 1 : 0;
    }
    const double tw = width > 0 && spaces > 0 ? std::max(0.0, (width - natural) / spaces) : 0;
    content += "BT " + f + Number(size) + " Tf " + Number(x) + " " + Number(baseline) + " Td " + Number(tw) + " Tw\n";
    // Words set whole so far may be broken anywhere later: the reader's
    // vocabulary knows them.
    for (const Word& w : words) {
      if (w.sup.empty() && w.text.find('-') == std::string::npos) whole_words.insert(Lower(w.text));
    }
    std::string run;
    double advance = 0;  // from the line matrix's origin, for Td
    const double sup_size = SupSize(size), rise = std::round(size * 0.33 * 2) / 2;
    for (size_t i = 0; i < words.size(); ++i) {
      const std::string piece = (i > 0 ? " " : "") + words[i].text;
      run += piece;
      advance += TextWidth(font, piece, size) + (i > 0 ? tw : 0);
      if (words[i].sup.empty()) continue;
      content += PdfString(run) + " Tj\n";
      run.clear();
      const double sup_width = TextWidth(font, words[i].sup, sup_size);
      if (L.rise_by_ts) {
        content += f + Number(sup_size) + " Tf " + Number(rise) + " Ts " + PdfString(words[i].sup) + " Tj " + f +
                   Number(size) + " Tf 0 Ts\n";
      } else {
        content += Number(advance) + " " + Number(rise) + " Td " + f + Number(sup_size) + " Tf " +
                   PdfString(words[i].sup) + " Tj " + Number(sup_width) + " " + Number(-rise) + " Td " + f +
                   Number(size) + " Tf\n";
        advance = -sup_width;
      }
      advance += sup_width;
    }
    if (!run.empty()) content += PdfString(run) + " Tj\n";
    content += "ET\n";
  }

  // A footnote's lines, broken once: when its marker's line is placed.
  const std::vector<std::vector<Word>>& NoteLines(int number) {
    auto& lines = note_lines[number];
    if (lines.empty()) {
      const double width = Right() - (L.left + 30);
      lines = Break(Generator::Split((*footnotes)[static_cast<size_t>(number - 1)].text), width, width, L.notes,
                    L.notes_size);
    }
    return lines;
  }

  double NotesHeight(const std::vector<int>& notes) {
    if (notes.empty()) return 0;
    double lines = 1;  // the space above the block, where a rule is drawn
    for (int n : notes) lines += static_cast<double>(NoteLines(n).size());
    return lines * NoteLeading();
  }

  void FinishPage() {
    if (!page_notes.empty()) {
      double baseline = Bottom() + notes_height - NoteLeading() - L.notes_size;
      content += "0.5 w " + Number(L.left) + " " + Number(baseline + L.notes_size + 4) + " m " + Number(L.left + 144) +
                 " " + Number(baseline + L.notes_size + 4) + " l S\n";
      for (int n : page_notes) {
        const std::vector<std::vector<Word>>& lines = NoteLines(n);
        for (size_t i = 0; i < lines.size(); ++i) {
          if (i == 0) {
            const std::string marker = std::to_string(n);
            if (L.note_markers_raised) {
              const double size = SupSize(L.notes_size);
              content += "BT /" + std::string(ResourceName(L.notes)) + " " + Number(size) + " Tf " +
                         Number(L.left + 30 - 2 - TextWidth(L.notes, marker, size)) + " " +
                         Number(baseline + L.notes_size * 0.33) + " Td " + PdfString(marker) + " Tj ET\n";
            } else {
              DrawLine(L.left + 12, baseline, {{marker, "", -1}}, L.notes, L.notes_size, 0);
            }
          }
          DrawLine(L.left + 30, baseline, lines[i], L.notes, L.notes_size, 0);
          baseline -= NoteLeading();
        }
      }
    }
    pages.push_back({L.page_width, L.page_height, std::move(content)});
    content.clear();
    page_notes.clear();
    notes_height = 0;
    y = Top();
  }

  // Room for a line `height` high whose footnotes `notes` come on this page.
  bool Fits(double height, const std::vector<int>& notes) {
    std::vector<int> all = page_notes;
    for (int n : notes) {
      if (std::find(all.begin(), all.end(), n) == all.end()) all.push_back(n);
    }
    return y - height >= Bottom() + NotesHeight(all) - L.body_size;
  }

  void Place(const std::vector<Word>& line) {
    for (const Word& w : line) {
      if (w.footnote > 0 && std::find(page_notes.begin(), page_notes.end(), w.footnote) == page_notes.end()) {
        page_notes.push_back(w.footnote);
      }
    }
    notes_height = NotesHeight(page_notes);
  }

  static std::vector<int> NotesOf(const std::vector<Word>& line) {
    std::vector<int> notes;
    for (const Word& w : line) {
      if (w.footnote > 0) notes.push_back(w.footnote);
    }
    return notes;
  }

  // Sets lines of a block: `lead` (a number, a label, a bullet) at `lead_x`
  // on the first line, text from `x` (+ `indent` on the first line).
  // Returns the page its first line is on (1-based).
  int SetBlock(const std::string& lead, double lead_x, double x, double indent, const std::vector<Word>& words,
               Font font, double size, double leading, bool justify) {
    const double width = Right() - x;
    const std::vector<std::vector<Word>> lines = Break(words, width - indent, width, font, size);
    int first_page = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!Fits(leading, NotesOf(lines[i]))) FinishPage();
      if (i == 0) {
        first_page = static_cast<int>(pages.size()) + 1;
        if (!lead.empty()) DrawLine(lead_x, y, {{lead, "", -1}}, font, size, 0);
      }
      const double x_line = x + (i == 0 ? indent : 0);
      DrawLine(x_line, y, lines[i], font, size, justify && i + 1 < lines.size() ? Right() - x_line : 0);
      Place(lines[i]);
      y -= leading;
    }
    return first_page;
  }
};

// The truth of a run of words as ParseStructure gives it back: joined by
// spaces, text superscripts kept, markers as offsets.
void AppendTruth(const std::vector<Word>& words, ExpectedParagraph& p, const std::vector<Footnote>& notes) {
  for (const Word& w : words) {
    if (!p.text.empty()) p.text += ' ';
    p.text += w.text;
    if (w.footnote > 0) {
      p.markers.emplace_back(w.footnote, p.text.size());
      const Footnote& note = notes[static_cast<size_t>(w.footnote - 1)];
      p.speakers.insert(p.speakers.end(), note.speakers.begin(), note.speakers.end());
      p.countries.insert(p.countries.end(), note.countries.begin(), note.countries.end());
    } else {
      p.text += w.sup;
    }
  }
}

}  // namespace

std::string_view ResourceName(Font font) {
  static constexpr std::array<std::string_view, 4> kNames = {"TR", "TB", "HR", "HB"};
  return kNames[static_cast<size_t>(font)];
}

std::string PdfString(std::string_view text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + ")";
}

std::string WritePdf(const std::vector<PageStream>& pages, std::string_view encrypt_dictionary, bool all_fonts) {
  const auto font = [](std::string_view base) {
    return "<< /Type /Font /Subtype /Type1 /BaseFont /" + std::string(base) + " /Encoding /WinAnsiEncoding >>";
  };
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "", font("Helvetica")};
  if (all_fonts) {
    for (std::string_view base : kBaseFonts) objects.push_back(font(base));
  }
  const std::string resources = all_fonts ? "<< /Font << /F1 3 0 R /TR 4 0 R /TB 5 0 R /HR 6 0 R /HB 7 0 R >> >>"
                                          : "<< /Font << /F1 3 0 R >> >>";
  std::string kids;
  for (const PageStream& page : pages) {
    const size_t page_id = objects.size() + 1;
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + Number(page.width) + " " + Number(page.height) +
                      "] /Contents " + std::to_string(page_id + 1) + " 0 R /Resources " + resources + " >>");
    objects.push_back("<< /Length " + std::to_string(page.content.size()) + " >>\nstream\n" + page.content +
                      "\nendstream");
    kids += (kids.empty() ? "" : " ") + std::to_string(page_id) + " 0 R";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  std::string trailer;
  if (!encrypt_dictionary.empty()) {
    objects.emplace_back(encrypt_dictionary);
    trailer = "/Encrypt " + std::to_string(objects.size()) + " 0 R /ID [<" + std::string(32, '3') + "> <" +
              std::string(32, '3') + ">]";
  }
  return WriteObjects(objects, trailer);
}

std::string WriteObjects(const std::vector<std::string>& objects, std::string_view trailer) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    const std::string digits = std::to_string(offset);
    pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R";
  if (!trailer.empty()) pdf += " " + std::string(trailer);
  pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

double TextWidth(Font font, std::string_view text, double size) {
  const WidthTable& widths = Widths()[static_cast<size_t>(font)];
  double width = 0;
  for (char c : text) width += widths[static_cast<unsigned char>(c)];
  return width * size;
}

Layout LayoutForSeed(uint32_t seed) {
  std::mt19937 rng(seed ^ 0x5eed5eedU);
  const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  Layout L;
  if (pick(2) == 1) {
    L.page_width = 612;
    L.page_height = 792;
  }
  L.left = pick(2) == 0 ? 72 : 62;
  L.right = pick(2) == 0 ? 72 : 62;
  const bool serif = pick(2) == 0;
  L.body = serif ? Font::kTimes : Font::kHelvetica;
  L.body_bold = serif ? Font::kTimesBold : Font::kHelveticaBold;
  static constexpr double kSizes[] = {10, 11, 12};
  L.body_size = kSizes[pick(3)];
  L.leading = std::round(L.body_size * (1.15 + 0.05 * pick(3)) * 2) / 2;
  L.notes = pick(2) == 0 ? Font::kTimes : Font::kHelvetica;
  L.notes_size = L.body_size >= 12 ? 9 : 8;
  L.hanging_numbers = pick(2) == 0;
  L.hang = 34 + 2 * pick(2);
  L.paragraph_gap = pick(3) == 0 ? 0 : std::round(L.leading * (0.5 + 0.25 * pick(3)));
  L.first_indent = !L.hanging_numbers && L.paragraph_gap == 0 ? 18 + 9 * pick(3) : 0;
  L.justified = pick(3) != 0;
  L.rise_by_ts = pick(2) == 0;
  L.note_markers_raised = pick(3) != 0;
  L.footer_style = pick(4);
  L.running_header = pick(4) != 0;
  L.barcode = pick(2) == 0;
  L.english_only = pick(3) == 0;
  L.hyphenate = pick(4) != 0;
  L.large_section_headings = pick(3) != 0;
  return L;
}

std::string Describe(const Layout& L) {
  const auto font = [](Font f) { return std::string(kBaseFonts[static_cast<size_t>(f)]); };
  return std::string(L.page_width < 600 ? "A4" : "Letter") + ", " + font(L.body) + " " + Number(L.body_size) + "/" +
         Number(L.leading) + ", notes " + font(L.notes) + " " + Number(L.notes_size) +
         (L.hanging_numbers ? ", hanging numbers" : ", inline numbers") + ", gap " + Number(L.paragraph_gap) +
         ", indent " + Number(L.first_indent) + (L.justified ? ", justified" : ", ragged") +
         (L.rise_by_ts ? ", Ts" : ", Td") + (L.note_markers_raised ? ", raised note numbers" : ", plain note numbers") +
         ", footer " + std::to_string(L.footer_style) + (L.running_header ? ", header" : "") +
         (L.hyphenate ? ", hyphenated" : "") + (L.large_section_headings ? ", large headings" : ", bold headings");
}

TypesetReport TypesetReportForSeed(uint32_t seed, int paragraphs) {
  TypesetReport report;
  report.layout = LayoutForSeed(seed);
  const Layout& L = report.layout;
  Generator gen(seed);

  // The document.
  const int year = 2019 + gen.Pick(6);
  report.symbol = "E/CN.16/" + std::to_string(year) + "/" + std::to_string(1 + gen.Pick(4));
  const int day = 1 + gen.Pick(28), month = gen.Pick(12);
  char iso[48];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month + 1, day);
  report.date_iso = iso;
  const std::string date = std::to_string(day) + " " + kMonths[month] + " " + std::to_string(year);
  report.title = gen.Of(kTitles);
  std::vector<Section> sections;
  int number = 0;
  for (size_t s = 0; number < paragraphs; ++s) {
    Section section{std::string(kRomans[s % 10]) + ".", kSections[s % std::size(kSections)], {}};
    const int count = 2 + gen.Pick(5);
    for (int i = 0; i < count; ++i) section.paragraphs.push_back(gen.MakeParagraph(++number));
    sections.push_back(std::move(section));
  }

  Setter setter;
  setter.L = L;
  setter.footnotes = &gen.footnotes();
  const double W = L.page_width, H = L.page_height, right = W - L.right;
  const Font sans = Font::kHelvetica, sans_bold = Font::kHelveticaBold;

  // Masthead: "United Nations" and the symbol, the organ, the Distr. block.
  const std::vector<Word> un = {{"United", "", -1}, {"Nations", "", -1}};
  setter.DrawLine(L.left, H - 48, un, sans, 13, 0);
  setter.DrawLine(right - TextWidth(sans_bold, report.symbol, 17), H - 48, {{report.symbol, "", -1}}, sans_bold, 17, 0);
  setter.DrawLine(L.left + 44, H - 90, Generator::Split("Economic and Social Council"), sans_bold, 19, 0);
  std::vector<std::string> distr = L.english_only ? std::vector<std::string>{date, "English only"}
                                                  : std::vector<std::string>{"Distr.: General", date, "Original: English"};
  double dy = H - 70;
  for (const std::string& line : distr) {
    setter.DrawLine(0.7 * W, dy, Generator::Split(line), L.body, 10, 0);
    dy -= line == date && !L.english_only ? 24 : 12;
  }
  report.masthead_lines = {report.symbol};
  report.masthead_lines.insert(report.masthead_lines.end(), distr.begin(), distr.end());

  // The head block and the title.
  double y = H - 150;
  const auto head_line = [&](const std::string& text, bool bold) {
    setter.DrawLine(L.left, y, Generator::Split(text), bold ? L.body_bold : L.body, L.body_size, 0);
    y -= L.leading;
  };
  head_line("Commission on Science and Technology for Development", true);
  static constexpr const char* kOrdinals[] = {"Twenty-second", "Twenty-third", "Twenty-fourth", "Twenty-fifth",
                                              "Twenty-sixth",  "Twenty-seventh"};
  head_line(std::string(kOrdinals[year - 2019]) + " session", false);
  head_line("Geneva, " + std::to_string(10 + gen.Pick(10)) + "-" + std::to_string(20 + gen.Pick(8)) + " " +
                kMonths[(month + 2) % 12] + " " + std::to_string(year),
            false);
  head_line("Item " + std::to_string(2 + gen.Pick(3)) + " of the provisional agenda", false);
  const std::vector<std::vector<Word>> agenda =
      setter.Break(Generator::Split("Progress made in the implementation of and follow-up to the outcomes of the World "
                                    "Summit on the Information Society at the regional and international levels"),
                   (right - L.left) / 2, (right - L.left) / 2, L.body_bold, L.body_size);
  for (const auto& line : agenda) {
    setter.DrawLine(L.left, y, line, L.body_bold, L.body_size, 0);
    y -= L.leading;
  }
  y -= 2 * L.leading;
  const double title_size = L.body_size + 4;
  const double text_x = L.left + (L.hanging_numbers ? L.hang : 0);
  for (const auto& line : setter.Break(Generator::Split(report.title), right - text_x, right - text_x, L.body_bold,
                                       title_size)) {
    setter.DrawLine(text_x, y, line, L.body_bold, title_size, 0);
    y -= title_size * 1.2;
  }
  report.headings.push_back(report.title);
  y -= L.leading;
  setter.DrawLine(text_x, y, Generator::Split("Report of the Secretary-General"), L.body, L.body_size, 0);
  y -= 3 * L.leading;
  setter.y = y;

  // The body.
  for (const Section& section : sections) {
    const double size = L.large_section_headings ? L.body_size + 2 : L.body_size;
    const double leading = size * 1.2;
    if (!setter.Fits(leading * 2 + L.leading * 3, {})) setter.FinishPage();
    setter.y -= setter.y < setter.Top() ? leading : 0;
    if (L.hanging_numbers) {
      setter.SetBlock(section.numeral, L.left, text_x, 0, Generator::Split(section.title), L.body_bold, size, leading,
                      false);
    } else {
      setter.SetBlock("", 0, L.left, 0, Generator::Split(section.numeral + " " + section.title), L.body_bold, size,
                      leading, false);
    }
    report.headings.push_back(section.numeral + " " + section.title);
    setter.y -= L.leading * 0.5;
    for (const Paragraph& p : section.paragraphs) {
      if (setter.y < setter.Top()) setter.y -= L.paragraph_gap;
      ExpectedParagraph truth;
      truth.number = p.number;
      const std::string numeral = std::to_string(p.number) + ".";
      if (L.hanging_numbers) {
        truth.page = setter.SetBlock(numeral, L.left, text_x, 0, p.words, L.body, L.body_size, L.leading, L.justified);
      } else {
        std::vector<Word> words = p.words;
        words.insert(words.begin(), {numeral, "", -1});
        truth.page =
            setter.SetBlock("", 0, L.left, L.first_indent, words, L.body, L.body_size, L.leading, L.justified);
      }
      AppendTruth(p.words, truth, gen.footnotes());
      for (const auto& item : p.items) {
        if (setter.y < setter.Top()) setter.y -= L.paragraph_gap / 2;
        const std::vector<Word> text(item.begin() + 1, item.end());
        setter.SetBlock(item[0].text, text_x + 18, text_x + 48, 0, text, L.body, L.body_size, L.leading, L.justified);
        AppendTruth(item, truth, gen.footnotes());
      }
      report.paragraphs.push_back(std::move(truth));
      for (const auto& bullet : p.bullets) {
        if (setter.y < setter.Top()) setter.y -= L.paragraph_gap / 2;
        const std::vector<Word> text(bullet.begin() + 1, bullet.end());
        ExpectedParagraph item;
        item.page =
            setter.SetBlock(bullet[0].text, text_x + 12, text_x + 26, 0, text, L.body, L.body_size, L.leading,
                            L.justified);
        AppendTruth(text, item, gen.footnotes());
        report.paragraphs.push_back(std::move(item));
      }
    }
  }
  setter.FinishPage();
  report.pages = static_cast<int>(setter.pages.size());
  for (size_t i = 0; i < gen.footnotes().size(); ++i) report.footnotes[static_cast<int>(i + 1)] = gen.footnotes()[i].text;

  // Furniture: running headers, footers, the job number.
  const std::string job = std::to_string(year % 100) + "-" + std::to_string(10000 + gen.Pick(89999));
  for (size_t p = 0; p < setter.pages.size(); ++p) {
    std::string& content = setter.pages[p].content;
    setter.content.clear();
    const std::string n = std::to_string(p + 1), total = std::to_string(setter.pages.size());
    const std::string footer = L.footer_style == 0   ? n + "/" + total
                               : L.footer_style == 1 ? "- " + n + " -"
                               : L.footer_style == 2 ? "Page " + n + " of " + total
                                                     : n;
    const std::vector<Word> footer_words = Generator::Split(footer);
    const double footer_x = L.footer_style == 0 ? right - TextWidth(L.body_bold, footer, 8.5)
                                                : (W - TextWidth(L.body_bold, footer, 8.5)) / 2;
    setter.DrawLine(footer_x, 40, footer_words, L.body_bold, 8.5, 0);
    if (p > 0 && L.running_header) {
      const double x = p % 2 == 1 ? L.left : right - TextWidth(L.body_bold, report.symbol, 9);
      setter.DrawLine(x, H - 40, {{report.symbol, "", -1}}, L.body_bold, 9, 0);
    }
    if (p == 0) {
      setter.DrawLine(L.left, 40 + 12, {{"GE." + job + "(E)", "", -1}}, L.body, 8.5, 0);
      if (L.barcode) {
        const std::string code = "*" + job.substr(0, 2) + job.substr(3) + "*";
        setter.DrawLine(right - TextWidth(Font::kHelvetica, code, 10), 40 + 12, {{code, "", -1}}, Font::kHelvetica,
                        10, 0);
      }
    }
    content += setter.content;
  }
  report.pdf = WritePdf(setter.pages);
  return report;
}

}  // namespace cstd::extract::testing

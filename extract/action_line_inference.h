// Action lines a passage is about without naming them: each main line
// (C1..C11) whose subject the passage speaks of, by the terms of the
// lexicon drawn from the WSIS Geneva Plan of Action (model/
// action_line_lexicon.h), with those terms as the evidence a delegate can
// read. No weights learnt from data, nothing that cannot be explained: a
// line is inferred when the passage, speaking of ICTs, holds one of the
// line's strong terms (not merely as an item of a list of subjects, where it
// needs a weak term beside it), two of its weak ones, or a sector of C7
// with a word of ICTs applied to it ("online medical services", "farmers
// using digital platforms").

#ifndef CSTD_EXTRACT_ACTION_LINE_INFERENCE_H_
#define CSTD_EXTRACT_ACTION_LINE_INFERENCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace cstd::extract {

/// Where a passage stands, as far as its lines are concerned.
struct PassageContext {
  /// The passage stands under a heading that speaks of ICTs (SpeaksOfIcts:
  /// "Progress made in the implementation of the outcomes of the World
  /// Summit on the Information Society"), so every sentence of it is on
  /// ICTs; the class of variation is a report's section on the Summit, whose
  /// passages say "infrastructure", "services", "cooperation" without
  /// repeating the words of ICTs.
  bool under_ict_heading = false;
  /// The passage is in a document of the Commission or about the Summit
  /// (the context in which a bare code names a line, FindActionLines): its
  /// lists are lists of the Summit's subjects ("the development of
  /// regulatory frameworks to address challenges of data governance and
  /// privacy, AI ethics, ..."), so a strong term listed in one is a subject,
  /// not a passing mention as in a speech's list of the world's ills.
  bool wsis_document = false;
};

/// The lines `text` is about, in numeric order, each with its evidence:
/// the lexicon's strong terms found, then the words that apply ICTs to a
/// sector of C7, quoted from the text ("online medical"), then the weak
/// terms, each in the order they first occur. Terms match whole words,
/// without regard to case, to hyphens ("E-Government", "e government"), to
/// a noun's number ("cyberattack", "cyberattacks": one term, one piece of
/// evidence) or to a one-word term written as two ("cyber space", "cyber-
/// security"), and the words of links (URLs) are skipped. A passage that
/// does not speak of ICTs is about no line but Media (C9, on the media's
/// freedom); a weak term counts only in a sentence that speaks of ICTs or
/// the one after it; a sector counts only with a word of ICTs applied to it
/// (before it, or after it with a verb of use: "firms adopting digital
/// tools"). Time: linear in the text's length for the matching; the
/// decision compares each listed strong term with each weak term of its
/// line, so it grows with their product (a few of each in a paragraph).
std::vector<InferredActionLine> InferActionLines(std::string_view text, PassageContext context = {});

/// True when `text` (a heading, a title, a passage) holds a word that
/// speaks of ICTs: "ICTs", "digital", "Internet", "information society",
/// "WSIS", "artificial intelligence", "online", "cyber-"...
bool SpeaksOfIcts(std::string_view text);

/// The form in which lexicon terms and passages are compared: lower-case
/// words of letters and digits joined by single spaces (hyphens and other
/// punctuation separate words), each plural folded to its singular
/// ("Cyber-Attacks" -> "cyber attack"). Two spellings with one key are one
/// term, and the evidence gives the one the lexicon writes first.
std::string TermKey(std::string_view term);

/// Distinct weak terms of one line that together stand for a strong one.
inline constexpr size_t kWeakTermsNeeded = 2;

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_ACTION_LINE_INFERENCE_H_

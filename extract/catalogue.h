// Catalogue metadata: `cstd-indexer build --metadata FILE` gives per-file
// fields (symbol, title, type, body, session, year, date, author, country,
// speaker) that override or add to what extraction found in the text. This is
// how an archive's own catalogue comes in.
//
// Two formats, chosen by the file's extension:
//   .csv    RFC 4180 with a header line: quoted fields may hold commas,
//           doubled quotes and line breaks; CRLF or LF; an optional UTF-8 BOM.
//   .jsonl  one JSON object per line (also .ndjson); blank lines are skipped.
//
// Column names (CSV) and keys (JSONL) are matched without regard to case or
// surrounding spaces:
//   path | file           path relative to the SOURCE folder, or a file name
//   symbol, title, type (contract vocabulary), body, session, year,
//   date (YYYY-MM-DD, YYYY-MM or YYYY; gives the year when there is no
//   year), author,
//   country               ISO3 code or name (resolved by Countries::Find)
//   speaker               one name, or several separated by ';'
//   post | role           the speaker's post
// and the UN General Debate Corpus's speakers.csv header: Year, Session,
// ISO Code, Country, Name of Person Speaking, Post.
//
// A row with a path matches every file whose relative path is that path or
// ends with it at a '/' (so a bare file name matches that name in any folder).
// A row with no path but an ISO Code, Session and Year (the UNGDC form) matches
// the file named ISO3_SESSION_YEAR.txt; such a row means type `speech`, body
// `UNGA`, and the speaking delegation is the code in the file name. Because
// speakers.csv has typos in its codes (POR for PRT, YDYE for YMD, ...), a row
// whose ISO Code is not a country code at all is matched by its Country name
// instead: it goes to the file of the same session and year whose code that
// name resolves to, provided no row matches that file by code.
//
// Every row that matches a file applies to it, in catalogue order: a later
// row's fields override an earlier one's, speakers accumulate. Empty values
// add nothing. Several catalogues (--metadata given more than once) merge
// into one (Merge): their rows apply in the order the catalogues were given,
// so one that says nothing of a field leaves what another gave.
//
// Speakers' names are read with names::ParsePersonName: titles ("H.E. Mr.",
// "His Majesty King") become the honorific, post-nominals ("MP", "Jr.") are
// set apart, and the name is what identifies the person.

#ifndef CSTD_EXTRACT_CATALOGUE_H_
#define CSTD_EXTRACT_CATALOGUE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/speaker_anchor.h"
#include "extract/ungdc_names.h"
#include "model/csv.h"
#include "model/document.h"

namespace cstd::extract {

class Catalogue {
 public:
  /// A row that matched no file: where it is and what it names.
  struct RowRef {
    std::string file;  // the catalogue it is in
    size_t line = 0;
    std::string label;  // "BRA_78_2023 (Brazil, Luiz Inacio Lula da Silva)" or the row's path
    /// "FILE:LINE: LABEL"
    std::string ToString() const;
  };

  /// Reads a catalogue file (.csv, .jsonl or .ndjson). Throws UsageError
  /// ("--metadata") if the file cannot be read or has another extension, and
  /// InputError(path, "line N: ...") if it is not a catalogue at all: no
  /// recognisable CSV header (neither path/file nor ISO Code, Session and
  /// Year), invalid UTF-8, an unclosed quote, or a first JSONL line that is
  /// not a JSON object. Faults confined to one row (a later JSONL line that
  /// is not an object, a session or year that is not a number, an unknown
  /// type, a country that resolves to nothing, a row with neither a path nor
  /// an ISO Code) are warnings, see warnings(): the field or the row is
  /// ignored. Rows that match no file are not warnings but Unmatched().
  static Catalogue Load(const std::string& path);

  /// As Load, from `content` already read; `name` ends in .csv or .jsonl and
  /// is used in messages.
  static Catalogue Parse(const std::string& name, std::string_view content);

  /// Adds `other`'s rows after this one's (see the file comment), with its
  /// warnings. Rows keep their file's name in every message.
  void Merge(Catalogue other);

  /// The speakers the rows name, each with the delegation its files speak
  /// for and the row's year, in catalogue order: anchors for the index's
  /// speaker registry, resolved before any file (SpeakerRegistry::AddAnchors).
  std::vector<SpeakerAnchor> Anchors() const;

  /// Applies every row matching `relative` (the path relative to its SOURCE
  /// root; '\\' or '/' separated) to `doc`, see the file comment. A row's
  /// country and speakers say who speaks in the whole document (a speech, a
  /// statement): when the rows give them, every paragraph's countries and
  /// speakers, every statement's countries and speakers, and the document's
  /// speaker list are replaced by the catalogue's (speaker ids are
  /// names::SpeakerId until the registry resolves them, speakers' country
  /// the delegation). A speech whose rows
  /// give no title gets SpeechTitle. The document id never changes. Notes on
  /// what was done (several rows, a row matched by Country name, a UNGDC
  /// row whose Country names another country than the file's code, which
  /// is kept) are appended to doc.warnings. Returns false if no row matched (doc is then
  /// untouched). Marks the rows used, see Unmatched().
  bool Apply(std::string_view relative, ExtractedDocument& doc);

  /// The rows that no Apply call has matched so far, in file order. After a
  /// build, the rows that matched no file.
  std::vector<RowRef> Unmatched() const;

  /// Rows matched by Country name because their ISO Code is no code, as
  /// "FILE:LINE: ISO Code 'POR' is not a country code; matched by Country
  /// 'Portugal' (PRT)"; one entry per row, filled by Apply.
  const std::vector<std::string>& matched_by_name() const { return matched_by_name_; }

  /// Per-row problems found while loading, each "FILE:LINE: ...".
  const std::vector<std::string>& warnings() const { return warnings_; }

  /// The number of usable rows.
  size_t size() const { return rows_.size(); }
  /// The catalogue files, in the order merged.
  const std::vector<std::string>& files() const { return files_; }

 private:
  // A usable row, its values checked and normalised.
  struct Row {
    size_t file = 0;  // index into files_
    size_t line = 0;
    std::string path;       // normalised; empty for a UNGDC row
    std::string key;        // UNGDC row: "CODE_SESSION_YEAR"; else empty
    std::string label;      // for reports
    std::string by_name;    // UNGDC row whose ISO Code is no code: the code its Country resolves to
    std::string name_code;  // UNGDC row: the code its Country resolves to, if any
    std::string delegation;  // the code of the delegation its files speak for, if known
    std::string country_name;
    std::optional<std::string> symbol, title, type, body, date, author, country, post;
    std::optional<int> session, year;
    std::vector<Speaker> speakers;  // honorific split off, role = post; country set by Apply
    bool used = false;
  };

  Catalogue() = default;
  // Checks and adds one row of (column or key, value) pairs, or warns why not.
  void AddRow(size_t line, const std::vector<std::pair<std::string, std::string>>& fields);
  void Warn(size_t line, const std::string& message);
  // Fills the lookup maps once the rows are read.
  void BuildMaps();

  std::vector<std::string> files_;
  std::vector<Row> rows_;
  std::vector<std::string> warnings_;
  std::vector<std::string> matched_by_name_;
  std::unordered_map<std::string, std::vector<size_t>> by_path_;      // normalised path -> rows
  std::unordered_map<std::string, std::vector<size_t>> by_key_;       // CODE_SESSION_YEAR -> rows
  std::unordered_map<std::string, std::vector<size_t>> by_name_key_;  // by_name CODE_SESSION_YEAR -> rows
  std::unordered_set<std::string> reported_keys_;                     // unknown columns, warned once
};

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_CATALOGUE_H_

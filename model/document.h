// The document model: what the indexer extracts from an archive file and what
// the search side reads back. `cstd-indexer inspect` prints exactly this
// model as JSON (see document_json.h and the contract's inspect JSON).

#ifndef CSTD_MODEL_DOCUMENT_H_
#define CSTD_MODEL_DOCUMENT_H_

#include <optional>
#include <string>
#include <vector>

namespace cstd {

/// The meeting a document reports on.
struct Meeting {
  std::string place;                 // "Geneva"; empty when not stated
  std::optional<std::string> start;  // ISO date
  std::optional<std::string> end;    // ISO date
};

/// A person reported as speaking. `name` has no honorific, title or
/// post-nominal (see names::ParsePersonName).
struct Speaker {
  std::string id;  // index-wide, see indexer/speaker_registry.h
  std::string name;
  std::optional<std::string> honorific;
  std::optional<std::string> role;
  std::optional<std::string> affiliation;
  std::optional<std::string> country;  // ISO3
  std::optional<std::string> post_nominals;  // "MP", "Jr.": printed after the name, not part of it
};

/// A run of a paragraph spoken by one speaker or delegation.
struct Statement {
  std::string text;
  std::vector<Speaker> speakers;
  std::vector<std::string> countries;  // ISO3 of delegations speaking
};

/// An action line a paragraph is about without naming it, and what decided
/// it: the terms of the lexicon (data/action_line_lexicon.tsv) found, or
/// for a sector of C7 the paragraph's own words that apply ICTs to it.
struct InferredActionLine {
  std::string code;                   // "C5"
  std::vector<std::string> evidence;  // "cybersecurity", "data protection"; "online medical"
};

/// One paragraph: the unit a delegate cites and the unit we index.
struct Paragraph {
  std::optional<int> number;  // the document's own number, if any
  std::optional<int> page;    // 1-based page it starts on; none for formats without pages
  std::string section;        // heading it falls under
  std::string text;
  std::vector<std::string> speakers;   // names of persons speaking
  std::vector<std::string> countries;  // ISO3 of delegations speaking
  std::vector<std::string> action_lines;  // named explicitly
  std::vector<InferredActionLine> action_lines_inferred;  // about, not named
  std::vector<Statement> statements;
};

/// Document-level metadata.
struct Document {
  std::string id;      // stable id, see DocumentIdFor()
  std::string source;  // path as given
  std::string body;    // "CSTD", "UNGA"
  std::optional<std::string> symbol;
  std::string title;
  std::string type;  // contract vocabulary: panel-report, speech, ...
  std::optional<int> session;
  std::optional<int> year;
  std::optional<std::string> date;  // ISO date printed at the head
  std::optional<Meeting> meeting;
  std::optional<std::string> author;
  std::vector<std::string> action_lines;
};

/// Everything extracted from one file.
struct ExtractedDocument {
  Document document;
  std::vector<Paragraph> paragraphs;
  std::vector<Speaker> speakers;
  std::vector<std::string> warnings;
  /// Letters of the body text that no paragraph holds; more than a few
  /// means extraction lost text, and `text_lost` (also in `warnings`) says
  /// how many and where.
  size_t letters_missing = 0;
  std::string text_lost;
};

/// What an index remembers of each source file it was built from
/// (schema::kMetaSourcePrefix), so that an incremental build can skip an
/// unchanged file, replace a changed one and remove a vanished one.
struct SourceRecord {
  std::string doc_id;
  std::string root;   // absolute SOURCE folder it was found under; empty for a file named by itself
  uint64_t size = 0;  // bytes
  int64_t mtime_ns = 0;
  std::string hash;  // of the file's bytes
  /// When the build that first indexed these bytes ran, in UTC
  /// ("2024-03-04T10:00:00Z", model/timestamp.h): what a feed of new
  /// paragraphs calls their `updated`. Kept while the bytes stay the same,
  /// through incremental builds and rebuilds; empty in indexes built before
  /// it was recorded.
  std::string added;
};

}  // namespace cstd

#endif  // CSTD_MODEL_DOCUMENT_H_

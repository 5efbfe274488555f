// The index schema: every Xapian term prefix, value slot and metadata key the
// engine uses, in one table. Nothing else in the tree spells these strings.
//
// Conventions follow Omega (docs/termprefixes.rst): single capital letters are
// Xapian's standard prefixes; project-specific prefixes start with 'X'.
// Boolean (filter) terms are the prefix followed by the value as stored in
// the model (ISO3 code, speaker id, session number...), never stemmed.

#ifndef CSTD_MODEL_SCHEMA_H_
#define CSTD_MODEL_SCHEMA_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace cstd::schema {

/// Bumped whenever a prefix, slot, metadata key or the stored passage layout
/// changes meaning. Written into every index (kMetaSchemaVersion) and checked
/// on open: an index from another version is refused rather than misread.
inline constexpr int kVersion = 7;  // 7: body in the passage record, speeches' paragraphs numbered; 6: body in
                                   // slot 11; 5: inferred action lines XALI, slot 8 all lines, slot 10 explicit;
                                   // 4: speaker records, name fields XPN and XDN; 3: records compressed

// ---- Term prefixes --------------------------------------------------------
// | prefix | kind    | holds                                             |
// |--------|---------|---------------------------------------------------|
// | Q      | boolean | passage id (unique per Xapian document)           |
// | S      | free    | document title words                              |
// | XDOC   | boolean | document id the passage belongs to                |
// | XC     | boolean | ISO3 code of a delegation speaking                |
// | XSP    | boolean | speaker id                                        |
// | XSN    | boolean | CSTD / UNGA session number                        |
// | Y      | boolean | year (Omega's year prefix)                        |
// | XAL    | boolean | WSIS action line named explicitly (C1..C11)       |
// | XALI   | boolean | WSIS action line inferred from the topic (C1..C11)|
// | XTY    | boolean | document type (panel-report, speech...)           |
// | XB     | boolean | body (CSTD, UNGA)                                 |
// | XPN    | free    | words of the names of the passage's speakers      |
// | XDN    | free    | words of the names of its delegations             |
//
// An action_line filter matches XAL or XALI by default and XAL alone with
// action_line_mode=explicit (query/searcher.cc); a passage never has both
// terms for one line (a named line is not also inferred).
//
// XPN and XDN are searched by default with the text (query/searcher.cc), so
// "Souter WSIS" finds what Souter said of WSIS although his name stands in a
// footnote; their words are indexed as printed and folded ("kleinwächter"
// and "kleinwachter"), so typing either finds him.
inline constexpr std::string_view kPrefixPassageId = "Q";
inline constexpr std::string_view kPrefixTitle = "S";
inline constexpr std::string_view kPrefixDocId = "XDOC";
inline constexpr std::string_view kPrefixCountry = "XC";
inline constexpr std::string_view kPrefixSpeaker = "XSP";
inline constexpr std::string_view kPrefixSession = "XSN";
inline constexpr std::string_view kPrefixYear = "Y";
inline constexpr std::string_view kPrefixActionLine = "XAL";
inline constexpr std::string_view kPrefixActionLineInferred = "XALI";
inline constexpr std::string_view kPrefixType = "XTY";
inline constexpr std::string_view kPrefixBody = "XB";
inline constexpr std::string_view kPrefixSpeakerName = "XPN";
inline constexpr std::string_view kPrefixDelegationName = "XDN";

/// A passage's id: its document's id and its 1-based ordinal among the
/// document's paragraphs ("panel-2022-3"). Stable across rebuilds as long
/// as the file keeps its paragraphs; the API and the JSON name it
/// passage_id. Throws nothing but std::bad_alloc.
inline std::string PassageId(std::string_view doc_id, size_t ordinal) {
  std::string id(doc_id);
  id += '-';
  id += std::to_string(ordinal);
  return id;
}

/// The boolean term for `value` under `prefix`. Xapian's convention: a value
/// that starts with a capital letter gets a ':' separator so that, for
/// example, XC + "ARG" cannot be confused with a longer prefix "XCA" + "RG".
inline std::string Term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (!value.empty() && value.front() >= 'A' && value.front() <= 'Z') term += ':';
  term += value;
  return term;
}

// ---- Value slots ----------------------------------------------------------
// | slot | holds                                   | encoding               |
// |------|-----------------------------------------|------------------------|
// | 0    | document id (collapse key for grouping) | raw string             |
// | 1    | year                                    | sortable_serialise     |
// | 2    | session                                 | sortable_serialise     |
// | 3    | date, for sorting by date               | "YYYY-MM-DD" (sorts)   |
// | 4    | paragraph number                        | sortable_serialise     |
// | 5    | passage ordinal within its document     | sortable_serialise     |
// | 6    | delegations speaking (ISO3), for facets | PackValues             |
// | 7    | speaker ids, for facets                 | PackValues             |
// | 8    | action lines, named or inferred, facets | PackValues             |
// | 9    | document type, for facets               | raw string             |
// | 10   | action lines named explicitly, facets   | PackValues             |
// | 11   | body (CSTD, UNGA), for facets           | raw string             |
inline constexpr Xapian::valueno kSlotDocId = 0;
inline constexpr Xapian::valueno kSlotYear = 1;
inline constexpr Xapian::valueno kSlotSession = 2;
inline constexpr Xapian::valueno kSlotDate = 3;
inline constexpr Xapian::valueno kSlotParagraph = 4;
inline constexpr Xapian::valueno kSlotOrdinal = 5;
inline constexpr Xapian::valueno kSlotCountries = 6;
inline constexpr Xapian::valueno kSlotSpeakers = 7;
inline constexpr Xapian::valueno kSlotActionLines = 8;
inline constexpr Xapian::valueno kSlotType = 9;
inline constexpr Xapian::valueno kSlotActionLinesExplicit = 10;
inline constexpr Xapian::valueno kSlotBody = 11;

/// Multi-valued facet slots hold their values joined by this byte, which no
/// code or id contains (ids are Slugs, codes are ASCII letters and digits).
inline constexpr char kValueSeparator = '\x1f';

/// The value stored in a multi-valued facet slot.
inline std::string PackValues(const std::vector<std::string>& values) {
  std::string packed;
  for (const auto& v : values) {
    if (!packed.empty()) packed.push_back(kValueSeparator);
    packed += v;
  }
  return packed;
}

/// Calls `fn(std::string_view)` for each value packed in `packed`.
template <typename Fn>
void ForEachPackedValue(std::string_view packed, Fn&& fn) {
  while (!packed.empty()) {
    const size_t end = packed.find(kValueSeparator);
    fn(packed.substr(0, end));
    if (end == std::string_view::npos) break;
    packed.remove_prefix(end + 1);
  }
}

// ---- Metadata keys --------------------------------------------------------
/// Schema version, decimal.
inline constexpr std::string_view kMetaSchemaVersion = "cstd.schema_version";
/// Generation name of this index (set by the writer, shown by /v1/health).
inline constexpr std::string_view kMetaGeneration = "cstd.generation";
/// Prefix of per-document records: key kMetaDocumentPrefix + doc id holds the
/// document's metadata as JSON (the "document" object of the model).
inline constexpr std::string_view kMetaDocumentPrefix = "doc:";
/// Prefix of per-speaker records: key + speaker id holds a SpeakerRecord
/// (model/speaker_record.h): the forms of the name, delegations and years.
/// The writer reads them to give one person one id across documents; the
/// searchers to label, find and describe speakers.
inline constexpr std::string_view kMetaSpeakerPrefix = "speaker:";
/// Prefix of per-source records: key + source path holds a SourceRecord
/// (model/document.h): the doc id, and the size, mtime and content hash that
/// let an incremental build skip an unchanged file and find a vanished one.
inline constexpr std::string_view kMetaSourcePrefix = "src:";
/// Prefix of per-document file records: key + doc id holds the absolute
/// path of the file the document was read from (the key of its
/// kMetaSourcePrefix record), so that cstd-searchd can serve the original
/// and check that the file still has the bytes that were indexed. Plain
/// text, not compressed. An index built before these records existed gets
/// them at its next build, for unchanged files too.
inline constexpr std::string_view kMetaFilePrefix = "file:";
/// The zstd dictionary stored records are compressed with (RecordCodec);
/// empty or absent: plain zstd. Document data and doc: records are
/// compressed; speaker:, src: and file: records are not (short, and read by key).
inline constexpr std::string_view kMetaDictionary = "cstd.zstd_dictionary";
/// Hash of the --metadata catalogue the index was built with (empty: none):
/// a build with another catalogue re-reads every file.
inline constexpr std::string_view kMetaCatalogueHash = "cstd.catalogue_hash";
/// "K/N" when the index is shard K of N (model/shard.h, cstd-indexer build
/// --shard); absent for a whole index. Shown by /v1/health, checked by a
/// searchd that serves shards together.
inline constexpr std::string_view kMetaShard = "cstd.shard";
/// The shard layout an index of shards was built to (ShardLayout::ToString,
/// cstd-indexer build --shard-layout); absent when documents went to
/// shards by the hash of their ids. Every shard of one index records the
/// same.
inline constexpr std::string_view kMetaShardLayout = "cstd.shard_layout";

}  // namespace cstd::schema

#endif  // CSTD_MODEL_SCHEMA_H_

// Turns an extracted document into the Xapian documents of its passages, as
// model/schema.h lays them out: one per paragraph, with its text indexed, its
// filter terms and sort values, and its record compressed.

#ifndef CSTD_INDEXER_PASSAGE_INDEXER_H_
#define CSTD_INDEXER_PASSAGE_INDEXER_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "indexer/speaker_registry.h"
#include "model/document.h"
#include "model/record_codec.h"

namespace cstd::indexer {

/// A document's speakers as the registry knows them.
struct ResolvedSpeakers {
  /// The ids of each paragraph's speakers, paragraph by paragraph.
  std::vector<std::vector<std::string>> ids;
  /// Every form of each speaker's name the registry knows (so a passage is
  /// found by any of them: "Joe Biden" by "Joseph Biden").
  std::map<std::string, std::vector<std::string>> forms;
};

/// Gives the speakers of `doc` (in its statements and its speaker list)
/// their index-wide ids from `registry`, each in the context of its country
/// and the document's year. Each form counts once for the document.
ResolvedSpeakers ResolveSpeakers(ExtractedDocument& doc, SpeakerRegistry& registry);

class PassageIndexer {
 public:
  /// Term positions left between two names of a passage, so that a phrase
  /// ("Donald Trump") matches within one name only; well past any phrase a
  /// user types.
  static constexpr Xapian::termpos kNameGap = 100;
  /// Each word of a speaker's or delegation's name counts this many times:
  /// a passage by Brazil outranks one that names Brazil once in passing
  /// (BM25 gives three occurrences about half as much again as one).
  static constexpr Xapian::termcount kNameWdf = 3;

  /// Compresses records with `codec`, which must outlive this. With
  /// `spelling`, every indexed word also goes to its spelling table, for
  /// "did you mean"; without, the caller builds the table (AddSpelling()).
  explicit PassageIndexer(const RecordCodec& codec, Xapian::WritableDatabase* spelling = nullptr);

  struct Indexed {
    std::string passage_id;  // also the document's unique Q term
    Xapian::Document document;
  };

  /// The passages of `doc`, whose speakers `speakers` resolved
  /// (ResolveSpeakers()). Besides the text, each passage's speakers' names
  /// (every form, with the titles printed in this document) and its
  /// delegations' names are indexed as words (schema::kPrefixSpeakerName,
  /// kPrefixDelegationName).
  std::vector<Indexed> Index(const ExtractedDocument& doc, const ResolvedSpeakers& speakers);

  /// `doc`'s record for the kMetaDocumentPrefix metadata key.
  std::string DocumentRecord(const Document& doc);

  /// Also compresses every record with `other` and counts the bytes, to
  /// report what the dictionary gains (plain zstd, say).
  void CompareWith(const RecordCodec* other) { compare_ = other; }

  /// Bytes of records before and after compression, for stats.
  uint64_t raw_bytes() const { return raw_bytes_; }
  uint64_t stored_bytes() const { return stored_bytes_; }
  uint64_t compared_bytes() const { return compared_bytes_; }

 private:
  std::string Store(const std::string& record);
  // Adds the acronym's terms to a passage that spells an acronym out.
  void AddAcronymTerms(const std::string& text, Xapian::Document& xdoc) const;
  // Indexes `name` under `prefix` as printed and folded (names::FoldName).
  void IndexName(const std::string& name, std::string_view prefix);

  const RecordCodec& codec_;
  Xapian::WritableDatabase* spelling_;
  const RecordCodec* compare_ = nullptr;
  Xapian::Stem stemmer_{"english"};
  Xapian::TermGenerator term_generator_;
  uint64_t raw_bytes_ = 0;
  uint64_t stored_bytes_ = 0;
  uint64_t compared_bytes_ = 0;
};

/// Fills `db`'s spelling table from its words: each unprefixed word (no digits), and
/// each word of a speaker's or delegation's name, with the number of passages holding it, what FLAG_SPELLING would have added word by word,
/// at a small part of the cost (one pass over the vocabulary instead of an
/// update per word of every passage).
void AddSpelling(Xapian::WritableDatabase& db);

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_PASSAGE_INDEXER_H_

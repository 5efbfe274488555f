// One person, one speaker id across the whole index. Names arrive as
// printed (footnotes, catalogue rows) with what is known around them: the
// delegation spoken for and the year. The registry merges the printed forms
// of one person (typos, middle names and initials, diacritics, name order,
// transliterations, titles and post-nominals: see names::CompareNames), and
// keeps different people apart even when their names look alike ("King
// Tupou VI" and "King Felipe VI"; "George Bush" and "George W. Bush").
//
// The rules, by what links two forms:
//   - the same words (two or more) in the same order: one person, for any
//     delegation (people move: Shevardnadze spoke for the USSR and for
//     Georgia); in another order, only within kMaxGapYears ("Faisal Al Saud"
//     1946-1960 and "Saud Al-Faisal" 1975-2015 are father and son);
//   - one delegation: names::Evidence::kSameDelegation ("GROMYKO" and
//     "Andrei Gromyko"), if the years printed are at most kMaxGapYears
//     apart (a name that fits is another person decades later), or
//     kMaxSurnameGapYears for a surname alone printed so before; a full
//     name printed again, whole words only, at any distance ("Celso
//     Amorim" 1993 and 2010);
//   - no delegation known: Evidence::kNameOnly, and a surname alone only
//     joins a speaker whose delegation is not known either;
//   - two delegations and different words: never.
// When a form fits several speakers, the one that printed these very words
// before wins unless another is clearly nearer in time (kYearMargin); else
// the one clearly nearest in time; otherwise the form becomes a speaker of
// its own and the others are listed for review (SpeakerForm::also).
//
// Ids are given once, when a speaker is first met, and never change: the
// BaseId of that form ("joseph-biden", "tupou-vi"), else all its words
// ("george-w-bush"), else with the delegation ("khan-pak"), else numbered.
// Resolution order decides who meets a name first, so a build resolves
// catalogue anchors first (AddAnchors) and then files in file order: the
// same archive gives the same ids.

#ifndef CSTD_INDEXER_SPEAKER_REGISTRY_H_
#define CSTD_INDEXER_SPEAKER_REGISTRY_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/speaker_anchor.h"
#include "model/speaker_record.h"

namespace cstd::indexer {


class SpeakerRegistry {
 public:
  /// An empty registry, for a new index.
  SpeakerRegistry() = default;

  /// Loads the speakers `db` already knows (schema::kMetaSpeakerPrefix).
  /// Throws IndexError if a record cannot be read.
  explicit SpeakerRegistry(const Xapian::Database& db);

  /// Resolves a catalogue's names before any file. Anchors with the same
  /// words in the same order and delegation are resolved as one, with all
  /// their years (a
  /// form printed from 1999 to 2020 is near a fuller form printed in 2008);
  /// fullest names go first (then in the order given), so that "Samuel
  /// Rudolph Insanally" is met before "Rudolph INSANALLY" and "Samuel R.
  /// Insanally" can join him. Counts nothing.
  void AddAnchors(const std::vector<extract::SpeakerAnchor>& anchors);

  /// The id of the person `name` (as printed) names in `context`; empty for
  /// a name with no words. With `count`, one more document prints this
  /// form (the display name is the form printed most often).
  std::string Resolve(std::string_view name, const extract::NameContext& context, bool count);

  /// Writes the speakers created or changed since the last call to `db`
  /// (kMetaSpeakerPrefix + id -> EncodeSpeakerRecord).
  void WriteChanged(Xapian::WritableDatabase& db);

  /// Every speaker, in the order created.
  std::vector<SpeakerRecord> Records() const;

  /// The forms of speaker `id`'s name met so far; empty for an unknown id.
  std::vector<std::string> Forms(const std::string& id) const;

  /// Forms further apart in time than this are not merged unless they have
  /// the same words: ministers come back, but a surname that fits decades
  /// later is most often another person ("Aznar" 1964, José María Aznar 2003;
  /// George Bush 1989-1992, George W. Bush 2001-2008).
  static constexpr int kMaxGapYears = 8;
  /// A surname alone printed exactly so again: older records print
  /// ministers by surname only, and they return after longer absences
  /// (Eban 1949-1955 and 1964-1973, Pearson 1949-1954 and 1963).
  static constexpr int kMaxSurnameGapYears = 12;
  /// Among several speakers a form fits, the nearest in time wins only if
  /// the next is this many years further away.
  static constexpr int kYearMargin = 4;

 private:
  struct Speaker {
    SpeakerRecord record;
    std::vector<std::vector<std::string>> words;  // names::KeyWords of each form
    bool changed = false;
  };
  struct Candidate {
    size_t speaker;
    unsigned how = 0;
    std::string matched;
    int distance = 0;  // years to the nearest year printed; 0 when unknown
    bool exact = false;  // one of its forms has these very words
    bool full_name = false;  // one delegation's full name printed again (no gap limit)
  };

  // Resolve, for the name `name` with key words `words`, printed in `years`.
  std::string ResolveWords(const std::string& name, const std::vector<std::string>& words,
                           const std::string& country, const std::vector<int>& years, bool count);
  size_t Add(Speaker speaker);
  void Index(size_t speaker, size_t form);
  std::string NewId(const std::vector<std::string>& words, const std::string& country) const;
  void Join(size_t speaker, const std::string& name, const std::vector<std::string>& words,
            const std::string& country, const std::vector<int>& years, const Candidate& how, bool by_year,
            std::vector<std::string> also, bool count);

  std::vector<Speaker> speakers_;
  std::unordered_map<std::string, size_t> by_id_;
  std::unordered_map<std::string, std::vector<size_t>> by_key_;      // names::KeyOf(words) -> speakers
  std::unordered_map<std::string, std::vector<size_t>> by_word_;     // key word -> speakers
  std::unordered_map<std::string, std::vector<size_t>> by_country_;  // ISO3 -> speakers
};

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_SPEAKER_REGISTRY_H_

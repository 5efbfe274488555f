// One person, one speaker id across the whole index, even when documents
// spell the name differently ("Kleinwächter" / "Kleinwächterk") or add a
// middle name (SpeakerId already ignores those).

#ifndef CSTD_INDEXER_SPEAKER_REGISTRY_H_
#define CSTD_INDEXER_SPEAKER_REGISTRY_H_

#include <xapian.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cstd::indexer {

class SpeakerRegistry {
 public:
  /// An empty registry, for a new index.
  SpeakerRegistry() = default;

  /// Loads the speakers `db` already knows (schema::kMetaSpeakerPrefix).
  explicit SpeakerRegistry(const Xapian::Database& db);

  /// The id for a person named `name`: a known id with the same first name
  /// and a last name within kMaxLastNameEdits (for last names of at least
  /// kMinFuzzyLastName letters), else text::SpeakerId(name), which is then
  /// remembered, and held for WriteNew(). Ids depend on the order names
  /// arrive in, so a build resolves them in file order.
  std::string Resolve(const std::string& name);

  /// Writes the speakers resolved since the last call to `db` under
  /// kMetaSpeakerPrefix (id -> display name).
  void WriteNew(Xapian::WritableDatabase& db);

  /// A typo is one slip of the keyboard; two edits already join different
  /// people ("Mora" / "Moya"), hence one, and only on long names.
  static constexpr size_t kMaxLastNameEdits = 1;
  static constexpr size_t kMinFuzzyLastName = 6;

 private:
  // First name (folded) -> (last name folded, id) of every known speaker.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_first_;
  std::vector<std::pair<std::string, std::string>> new_;  // id, name
};

}  // namespace cstd::indexer

#endif  // CSTD_INDEXER_SPEAKER_REGISTRY_H_

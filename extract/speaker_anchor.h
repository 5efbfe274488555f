// A printed name with what is known around it: what a catalogue row gives
// of a speaker, before the speaker registry (indexer/speaker_registry.h)
// resolves it to a speaker id. Here, not beside the registry, so that
// extraction (the catalogue) needs nothing of the index.

#ifndef CSTD_EXTRACT_SPEAKER_ANCHOR_H_
#define CSTD_EXTRACT_SPEAKER_ANCHOR_H_

#include <optional>
#include <string>

namespace cstd::extract {

/// What is known around a printed name.
struct NameContext {
  std::string country;  // ISO3 of the delegation (or the person's country); empty if unknown
  std::optional<int> year;
};

/// A name a catalogue gives: an anchor its files' speakers resolve to.
struct SpeakerAnchor {
  std::string name;  // as printed; titles and post-nominals may be on it
  NameContext context;
};

}  // namespace cstd::extract

#endif  // CSTD_EXTRACT_SPEAKER_ANCHOR_H_

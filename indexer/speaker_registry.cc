#include "indexer/speaker_registry.h"

#include <algorithm>
#include <cstdlib>

#include "model/errors.h"
#include "model/names.h"
#include "model/schema.h"
#include "model/text.h"

namespace cstd::indexer {

namespace {

// How a name's delegation relates to a speaker's.
enum class Relation { kSame, kUnknown, kOther };

Relation RelationOf(const std::string& country, const std::vector<std::string>& countries) {
  if (country.empty() || countries.empty()) return Relation::kUnknown;
  return std::binary_search(countries.begin(), countries.end(), country) ? Relation::kSame : Relation::kOther;
}

// Years between the nearest of `a` and of `b`; 0 when either is unknown.
int Distance(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.empty() || b.empty()) return 0;
  int best = std::abs(a.front() - b.front());
  for (int x : a) {
    for (int y : b) best = std::min(best, std::abs(x - y));
  }
  return best;
}

template <typename T>
void InsertSorted(std::vector<T>& list, const T& value) {
  const auto it = std::lower_bound(list.begin(), list.end(), value);
  if (it == list.end() || *it != value) list.insert(it, value);
}

// Whether two forms printed for one delegation are one full name printed
// again, whatever the years between them: at least two words, every word of
// the shorter found in the same order in the longer, which adds only whole
// words ("Celso Amorim" 2003-2010 / "Celso Luis Nunes Amorim" 1993-1994: a
// minister who came back). Two words must match exactly; from three words
// on, a spelling variant or typo may stand among them ("Celso Luiz Nunes
// Amorim"). An initial on either side is no such proof: "George Bush" and
// "George W. Bush" are father and son.
bool FullNameAgain(const std::vector<std::string>& a, const std::vector<std::string>& b, unsigned how) {
  const size_t shorter = std::min(a.size(), b.size());
  const unsigned allowed = shorter >= 3 ? (names::kFewer | names::kTypo | names::kVariant) : names::kFewer;
  if ((how & ~allowed) != 0 || shorter < 2) return false;
  const auto initial = [](const std::string& w) { return w.size() == 1; };
  return std::none_of(a.begin(), a.end(), initial) && std::none_of(b.begin(), b.end(), initial);
}

}  // namespace

SpeakerRegistry::SpeakerRegistry(const Xapian::Database& db) {
  const std::string prefix(schema::kMetaSpeakerPrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    Speaker s;
    s.record = DecodeSpeakerRecord((*it).substr(prefix.size()), db.get_metadata(*it));
    for (const SpeakerForm& f : s.record.forms) s.words.push_back(names::KeyWords(f.name));
    Add(std::move(s));
  }
}

size_t SpeakerRegistry::Add(Speaker speaker) {
  const size_t index = speakers_.size();
  by_id_.emplace(speaker.record.id, index);
  for (const auto& c : speaker.record.countries) by_country_[c].push_back(index);
  speakers_.push_back(std::move(speaker));
  for (size_t f = 0; f < speakers_[index].words.size(); ++f) Index(index, f);
  return index;
}

void SpeakerRegistry::Index(size_t speaker, size_t form) {
  const auto& words = speakers_[speaker].words[form];
  const auto add = [&](std::vector<size_t>& list) {
    if (std::find(list.begin(), list.end(), speaker) == list.end()) list.push_back(speaker);
  };
  add(by_key_[names::KeyOf(words)]);
  for (const auto& w : words) add(by_word_[w]);
}

std::string SpeakerRegistry::NewId(const std::vector<std::string>& words, const std::string& country) const {
  const std::string base = names::BaseId(words);
  std::string all;
  for (const auto& w : words) all += (all.empty() ? "" : "-") + text::Slug(w);
  std::vector<std::string> tries = {base, all};
  if (!country.empty()) tries.push_back(base + "-" + text::Slug(country));
  for (const auto& id : tries) {
    if (!by_id_.count(id)) return id;
  }
  for (int n = 2;; ++n) {
    const std::string id = base + "-" + std::to_string(n);
    if (!by_id_.count(id)) return id;
  }
}

void SpeakerRegistry::Join(size_t index, const std::string& name, const std::vector<std::string>& words,
                           const std::string& country, const std::vector<int>& years, const Candidate& how,
                           bool by_year, std::vector<std::string> also, bool count) {
  Speaker& s = speakers_[index];
  auto form = std::find_if(s.record.forms.begin(), s.record.forms.end(),
                           [&](const SpeakerForm& f) { return f.name == name; });
  if (form == s.record.forms.end()) {
    SpeakerForm f;
    f.name = name;
    f.how = how.how;
    f.matched = how.how ? how.matched : std::string();
    f.by_year = by_year;
    f.also = std::move(also);
    s.record.forms.push_back(std::move(f));
    s.words.push_back(words);
    Index(index, s.words.size() - 1);
    form = s.record.forms.end() - 1;
    s.changed = true;
  }
  if (count) {
    ++form->count;
    s.changed = true;
  }
  if (!country.empty() && RelationOf(country, s.record.countries) != Relation::kSame) {
    InsertSorted(s.record.countries, country);
    by_country_[country].push_back(index);
    s.changed = true;
  }
  for (int year : years) {
    if (std::binary_search(s.record.years.begin(), s.record.years.end(), year)) continue;
    InsertSorted(s.record.years, year);
    s.changed = true;
  }
}

std::string SpeakerRegistry::Resolve(std::string_view printed, const extract::NameContext& context, bool count) {
  const std::string name = names::ParsePersonName(printed).name;
  const std::vector<std::string> words = names::KeyWords(name);
  if (words.empty()) return {};
  std::vector<int> years;
  if (context.year) years.push_back(*context.year);
  return ResolveWords(name, words, context.country, years, count);
}

std::string SpeakerRegistry::ResolveWords(const std::string& name, const std::vector<std::string>& words,
                                          const std::string& country, const std::vector<int>& years, bool count) {

  // The same words: one person, within the limits of the file comment. (A
  // surname alone goes with the names that fit, below: it may fit several.)
  const std::string key = names::KeyOf(words);
  std::optional<Candidate> exact;
  bool exact_same_country = false;
  if (const auto it = by_key_.find(key); it != by_key_.end() && words.size() >= 2) {
    for (size_t index : it->second) {
      const Speaker& s = speakers_[index];
      const Relation relation = RelationOf(country, s.record.countries);
      const int distance = Distance(years, s.record.years);
      const bool same_order = std::find(s.words.begin(), s.words.end(), words) != s.words.end();
      if (!same_order && distance > kMaxGapYears) continue;
      const bool same_country = relation == Relation::kSame;
      if (!exact || (same_country && !exact_same_country) ||
          (same_country == exact_same_country && distance < exact->distance)) {
        exact = Candidate{index, 0, {}, distance};
        exact_same_country = same_country;
      }
    }
  }
  if (exact) {
    Join(exact->speaker, name, words, country, years, *exact, false, {}, count);
    return speakers_[exact->speaker].record.id;
  }

  // Names that fit: speakers sharing a word, and the delegation's own
  // speakers (whose surname may carry a typo).
  std::vector<size_t> pool;
  for (const auto& w : words) {
    if (const auto it = by_word_.find(w); it != by_word_.end()) pool.insert(pool.end(), it->second.begin(), it->second.end());
  }
  if (!country.empty()) {
    if (const auto it = by_country_.find(country); it != by_country_.end()) {
      pool.insert(pool.end(), it->second.begin(), it->second.end());
    }
  }
  std::sort(pool.begin(), pool.end());
  pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
  std::vector<Candidate> fits;
  for (size_t index : pool) {
    const Speaker& s = speakers_[index];
    const Relation relation = RelationOf(country, s.record.countries);
    if (relation == Relation::kOther) continue;
    // A surname alone says too little where one delegation is unknown.
    if (words.size() < 2 && relation == Relation::kUnknown && !(country.empty() && s.record.countries.empty())) continue;
    const int distance = Distance(years, s.record.years);
    const auto evidence = relation == Relation::kSame ? names::Evidence::kSameDelegation : names::Evidence::kNameOnly;
    std::optional<Candidate> fit;
    bool conflict = false;
    for (size_t f = 0; f < s.words.size() && !conflict; ++f) {
      conflict = names::InitialsDisagree(words, s.words[f]) || names::OwnNamesDiffer(name, s.record.forms[f].name);
      if (fit || conflict) continue;
      const names::NameMatch m = names::CompareNames(words, s.words[f], evidence);
      if (m.same_person && !names::OwnNamesDiffer(name, s.record.forms[f].name)) {
        fit = Candidate{index, m.how, s.record.forms[f].name, distance};
        fit->full_name = relation == Relation::kSame && FullNameAgain(words, s.words[f], m.how);
      }
    }
    if (!fit || conflict) continue;
    fit->exact = std::any_of(s.words.begin(), s.words.end(),
                             [&](const std::vector<std::string>& w) { return names::KeyOf(w) == key; });
    if (distance > (fit->exact ? kMaxSurnameGapYears : kMaxGapYears) && !fit->full_name) continue;
    fits.push_back(*fit);
  }
  // Nearest in time first; of equally near ones, one that printed these very words.
  std::stable_sort(fits.begin(), fits.end(), [](const Candidate& a, const Candidate& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.exact && !b.exact;
  });
  const auto ids_of = [&](size_t from) {
    std::vector<std::string> ids;
    for (size_t i = from; i < fits.size(); ++i) ids.push_back(speakers_[fits[i].speaker].record.id);
    return ids;
  };
  if (fits.size() == 1) {
    Join(fits[0].speaker, name, words, country, years, fits[0], false, {}, count);
    return speakers_[fits[0].speaker].record.id;
  }
  std::vector<std::string> also;
  if (fits.size() > 1) {
    // The one that printed these very words, unless another is clearly
    // nearer or printed them as near; else the clearly nearest.
    size_t chosen = fits.size();
    const auto printed = std::find_if(fits.begin(), fits.end(), [](const Candidate& c) { return c.exact; });
    if (printed != fits.end() && printed->distance < fits[0].distance + kYearMargin) {
      const auto next = std::find_if(printed + 1, fits.end(), [](const Candidate& c) { return c.exact; });
      if (next == fits.end() || next->distance > printed->distance) chosen = static_cast<size_t>(printed - fits.begin());
    }
    if (chosen == fits.size() && !years.empty() && fits[0].distance + kYearMargin <= fits[1].distance) chosen = 0;
    if (chosen < fits.size()) {
      std::rotate(fits.begin(), fits.begin() + static_cast<long>(chosen), fits.begin() + static_cast<long>(chosen) + 1);
      Join(fits[0].speaker, name, words, country, years, fits[0], true, ids_of(1), count);
      return speakers_[fits[0].speaker].record.id;
    }
    also = ids_of(0);  // too close to call: a speaker of its own, listed for review
  }

  Speaker s;
  s.record.id = NewId(words, country);
  SpeakerForm form;
  form.name = name;
  form.count = count ? 1 : 0;
  form.also = std::move(also);
  s.record.forms.push_back(std::move(form));
  if (!country.empty()) s.record.countries.push_back(country);
  s.record.years = years;
  std::sort(s.record.years.begin(), s.record.years.end());
  s.record.years.erase(std::unique(s.record.years.begin(), s.record.years.end()), s.record.years.end());
  s.words.push_back(words);
  s.changed = true;
  return speakers_[Add(std::move(s))].record.id;
}

void SpeakerRegistry::AddAnchors(const std::vector<extract::SpeakerAnchor>& anchors) {
  struct Group {
    std::vector<std::string> words;
    std::string country;
    std::vector<int> years;
    std::vector<std::string> names;  // as printed without titles, in order
  };
  std::vector<Group> groups;
  std::unordered_map<std::string, size_t> index;  // country + key -> group
  for (const extract::SpeakerAnchor& a : anchors) {
    std::string name = names::ParsePersonName(a.name).name;
    std::vector<std::string> words = names::KeyWords(name);
    if (words.empty()) continue;
    // The same words in the same order: a reordered form may be another
    // person ("Faisal Al Saud" / "Saud Al-Faisal"), so it is a group of its own.
    // A surname alone is one person only within a span of years: each goes alone.
    std::string key = a.context.country;
    for (const auto& w : words) key += "\t" + w;
    if (words.size() < 2) key += "\t" + std::to_string(groups.size());
    auto [it, added] = index.emplace(key, groups.size());
    if (added) groups.push_back({std::move(words), a.context.country, {}, {}});
    Group& g = groups[it->second];
    if (a.context.year) InsertSorted(g.years, *a.context.year);
    g.names.push_back(std::move(name));
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const Group& a, const Group& b) { return a.words.size() > b.words.size(); });
  const size_t first_new = speakers_.size();
  std::unordered_map<size_t, std::unordered_map<std::string, uint32_t>> printed;  // new speaker -> form -> anchors
  for (const Group& g : groups) {
    // The first form finds or makes the speaker with every year of the
    // group; the others have its words, so they join it.
    for (const std::string& name : g.names) {
      const size_t speaker = by_id_.at(ResolveWords(name, names::KeyWords(name), g.country, g.years, false));
      if (speaker >= first_new) ++printed[speaker][name];
    }
  }
  // A speaker made here is named after the form the catalogue prints most
  // (fullest names were met first, and one may carry a typo). Nothing has
  // used these ids yet.
  std::unordered_map<std::string, std::string> renamed;
  for (size_t speaker = first_new; speaker < speakers_.size(); ++speaker) {
    Speaker& s = speakers_[speaker];
    SpeakerRecord by_anchors = s.record;
    for (SpeakerForm& f : by_anchors.forms) f.count = printed[speaker][f.name];
    const std::string& best = by_anchors.DisplayName();
    by_id_.erase(s.record.id);
    const std::string id = NewId(names::KeyWords(best), s.record.countries.empty() ? "" : s.record.countries[0]);
    if (id != s.record.id) renamed.emplace(s.record.id, id);
    s.record.id = id;
    by_id_.emplace(id, speaker);
  }
  for (Speaker& s : speakers_) {
    for (SpeakerForm& f : s.record.forms) {
      for (std::string& other : f.also) {
        if (const auto it = renamed.find(other); it != renamed.end()) other = it->second;
      }
    }
  }
}

void SpeakerRegistry::WriteChanged(Xapian::WritableDatabase& db) {
  for (Speaker& s : speakers_) {
    if (!s.changed) continue;
    db.set_metadata(std::string(schema::kMetaSpeakerPrefix) + s.record.id, EncodeSpeakerRecord(s.record));
    s.changed = false;
  }
}

std::vector<SpeakerRecord> SpeakerRegistry::Records() const {
  std::vector<SpeakerRecord> out;
  out.reserve(speakers_.size());
  for (const Speaker& s : speakers_) out.push_back(s.record);
  return out;
}

}  // namespace cstd::indexer

namespace cstd::indexer {

std::vector<std::string> SpeakerRegistry::Forms(const std::string& id) const {
  std::vector<std::string> out;
  const auto it = by_id_.find(id);
  if (it == by_id_.end()) return out;
  for (const SpeakerForm& f : speakers_[it->second].record.forms) out.push_back(f.name);
  return out;
}

}  // namespace cstd::indexer

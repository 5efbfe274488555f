#include "query/profile_topics.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

#include "model/schema.h"
#include "query/stopwords.h"

namespace cstd::query {

uint64_t TopicSampleKey(std::string_view doc_id, std::string_view ordinal) {
  // FNV-1a over the two values with a separator no document id holds, then
  // splitmix64's finaliser: FNV alone leaves the high bits, which the bound
  // compares first, poorly mixed for inputs that differ in the last byte.
  uint64_t h = 14695981039346656037ULL;
  const auto add = [&h](unsigned char c) {
    h ^= c;
    h *= 1099511628211ULL;
  };
  for (unsigned char c : doc_id) add(c);
  add(static_cast<unsigned char>(schema::kValueSeparator));
  for (unsigned char c : ordinal) add(c);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

uint64_t TopicSampleBound(uint64_t wanted, uint64_t passages) {
  if (passages <= wanted) return std::numeric_limits<uint64_t>::max();
  // floor(2^64 * wanted / passages) - 1: keys at most this are the share
  // wanted/passages of the 2^64 keys. wanted < passages, so it fits; long
  // division a bit at a time, since ISO C++ has no 128-bit integer.
  uint64_t share = 0, rest = wanted;  // rest < passages throughout
  for (int bit = 0; bit < 64; ++bit) {
    const bool carry = (rest >> 63) != 0;
    rest <<= 1;
    share <<= 1;
    if (carry || rest >= passages) {
      rest -= passages;  // modulo 2^64: exact, as the true rest is below passages
      share |= 1;
    }
  }
  return share == 0 ? 0 : share - 1;
}

bool IsTopicWord(std::string_view term) {
  if (term.size() < 4) return false;
  if (!std::all_of(term.begin(), term.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
  return TopicStopwords().count(std::string(term)) == 0;
}

std::vector<TopicPassage> TopicPassagesOn(const Xapian::Database& db, const std::string& term, uint64_t bound) {
  std::vector<TopicPassage> out;
  // The postlist gives docids in ascending order: the value streams are
  // read forward alongside it, never from their start again.
  Xapian::ValueIterator doc_id = db.valuestream_begin(schema::kSlotDocId);
  Xapian::ValueIterator ordinal = db.valuestream_begin(schema::kSlotOrdinal);
  const Xapian::ValueIterator values_end = db.valuestream_end(schema::kSlotDocId);
  const auto value_at = [&values_end](Xapian::ValueIterator& it, Xapian::docid did) -> std::string {
    if (it == values_end) return {};
    it.skip_to(did);
    return it != values_end && it.get_docid() == did ? *it : std::string();
  };
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    const Xapian::docid did = *p;
    const uint64_t key = TopicSampleKey(value_at(doc_id, did), value_at(ordinal, did));
    if (key > bound) continue;
    TopicPassage passage;
    passage.key = key;
    passage.length = db.get_doclength(did);
    for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
      const std::string word = *t;
      if (IsTopicWord(word)) passage.words.emplace_back(word, t.get_wdf());
    }
    out.push_back(std::move(passage));
  }
  std::sort(out.begin(), out.end(), [](const TopicPassage& a, const TopicPassage& b) { return a.key < b.key; });
  return out;
}

std::vector<std::string> SampleWords(const std::vector<TopicPassage>& sample) {
  std::vector<std::string> words;
  for (const TopicPassage& p : sample) {
    for (const auto& [word, wdf] : p.words) words.push_back(word);
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::vector<TopicWeight> RankTopics(std::vector<TopicPassage> sample, const std::vector<std::string>& words,
                                    const std::vector<Xapian::doccount>& termfreqs, Xapian::doccount doccount,
                                    Xapian::totallength total_length, const std::set<std::string>& excluded,
                                    size_t limit) {
  if (words.size() != termfreqs.size()) throw std::invalid_argument("RankTopics: a frequency for each word");
  if (sample.empty() || doccount == 0) return {};
  // The order of the sums: by key, whatever order the shards gave.
  std::sort(sample.begin(), sample.end(), [](const TopicPassage& a, const TopicPassage& b) {
    return a.key != b.key ? a.key < b.key : a.length < b.length;
  });
  // Xapian's ExpandStats (expand/expandweight.h), with its default k = 1:
  // the sampled passages having the word, and the multiplier summed over
  // them, each written as Xapian writes it so the sums are its own.
  constexpr double kExpandK = 1.0;
  const double avlen = static_cast<double>(total_length) / doccount;
  struct Stats {
    Xapian::doccount rtermfreq = 0;
    double multiplier = 0;
  };
  std::map<std::string, Stats> stats;
  for (const TopicPassage& p : sample) {
    for (const auto& [word, wdf_or_zero] : p.words) {
      const Xapian::termcount wdf = wdf_or_zero == 0 ? 1 : wdf_or_zero;
      Stats& s = stats[word];
      ++s.rtermfreq;
      s.multiplier += (kExpandK + 1) * wdf / (kExpandK * p.length / avlen + wdf);
    }
  }
  const Xapian::doccount rsize = static_cast<Xapian::doccount>(sample.size());
  const Xapian::doccount max_frequency = doccount / 5;
  std::vector<TopicWeight> ranked;
  for (const auto& [word, s] : stats) {
    const auto at = std::lower_bound(words.begin(), words.end(), word);
    if (at == words.end() || *at != word) throw std::out_of_range("RankTopics: no frequency of '" + word + "'");
    const Xapian::doccount termfreq = termfreqs[static_cast<size_t>(at - words.begin())];
    if (excluded.count(word) || termfreq > max_frequency) continue;
    // TradEWeight::get_weight (expand/tradeweight.cc).
    const double reldocs_without_term = rsize - s.rtermfreq;
    const double num = (s.rtermfreq + 0.5) * (doccount - termfreq - reldocs_without_term + 0.5);
    const double denom = (termfreq - s.rtermfreq + 0.5) * (reldocs_without_term + 0.5);
    const double weight = s.multiplier * std::log(num / denom);
    if (weight > 0) ranked.push_back({word, weight});
  }
  // ESet's order (ExpandTerm::operator<): by weight, then the later word.
  const auto before = [](const TopicWeight& a, const TopicWeight& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.word > b.word;
  };
  const size_t keep = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(), before);
  ranked.resize(keep);
  return ranked;
}

std::string ShardTopicPassagesToJson(const ShardTopicPassages& passages) {
  return ShardAnswerJson(passages, [&](JsonWriter& w) {
    w.Key("passages");
    w.StartArray();
    for (const TopicPassage& p : passages.passages) {
      w.StartArray();
      w.Uint64(p.key);
      w.Uint64(p.length);
      w.StartArray();
      for (const auto& [word, wdf] : p.words) WriteValueCount(w, word, wdf);
      w.EndArray();
      w.EndArray();
    }
    w.EndArray();
  });
}

ShardTopicPassages ParseShardTopicPassages(std::string_view text) {
  rapidjson::Document d;
  ShardTopicPassages out{ReadShardAnswer(text, "topic passages", d), {}};
  const auto fail = [](const std::string& what) { return std::runtime_error("unreadable topic passages: " + what); };
  const auto it = d.FindMember("passages");
  if (it == d.MemberEnd() || !it->value.IsArray()) throw fail("no array \"passages\"");
  constexpr uint64_t kMaxCount = std::numeric_limits<Xapian::termcount>::max();
  for (const auto& row : it->value.GetArray()) {
    if (!row.IsArray() || row.Size() != 3 || !row[0].IsUint64() || !row[1].IsUint64() ||
        row[1].GetUint64() > kMaxCount || !row[2].IsArray()) {
      throw fail("a passage is not [KEY, LENGTH, [[WORD, WDF], ...]]");
    }
    TopicPassage p;
    p.key = row[0].GetUint64();
    p.length = static_cast<Xapian::termcount>(row[1].GetUint64());
    for (const auto& pair : row[2].GetArray()) {
      auto read = ReadValueCount(pair);
      if (!read || read->second > kMaxCount) throw fail("a word of a passage is not [WORD, WDF]");
      p.words.emplace_back(std::move(read->first), static_cast<Xapian::termcount>(read->second));
    }
    out.passages.push_back(std::move(p));
  }
  return out;
}

std::string ShardTermFreqsToJson(const ShardTermFreqs& freqs) {
  return ShardAnswerJson(freqs, [&](JsonWriter& w) {
    w.Key("termfreqs");
    w.StartArray();
    for (Xapian::doccount n : freqs.termfreqs) w.Uint64(n);
    w.EndArray();
  });
}

ShardTermFreqs ParseShardTermFreqs(std::string_view text) {
  rapidjson::Document d;
  ShardTermFreqs out{ReadShardAnswer(text, "term frequencies", d), {}};
  const auto it = d.FindMember("termfreqs");
  if (it == d.MemberEnd() || !it->value.IsArray()) {
    throw std::runtime_error("unreadable term frequencies: no array \"termfreqs\"");
  }
  for (const auto& n : it->value.GetArray()) {
    if (!n.IsUint64() || n.GetUint64() > std::numeric_limits<Xapian::doccount>::max()) {
      throw std::runtime_error("unreadable term frequencies: a frequency is not a count");
    }
    out.termfreqs.push_back(static_cast<Xapian::doccount>(n.GetUint64()));
  }
  return out;
}

std::vector<std::string> TermFreqsBatches(const std::vector<std::string>& words, size_t max_bytes) {
  std::vector<std::string> batches;
  std::string batch;
  for (const std::string& word : words) {
    if (!batch.empty() && batch.size() + 1 + word.size() > max_bytes) {
      batches.push_back(std::move(batch));
      batch.clear();
    }
    if (!batch.empty()) batch += ',';
    batch += word;
  }
  if (!batch.empty()) batches.push_back(std::move(batch));
  return batches;
}

}  // namespace cstd::query

#include "query/shard_spellings.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "model/document_json.h"

namespace cstd::query {

using json::Member;

std::vector<SpellingWord> SpellingsOf(const Xapian::Database& db) {
  std::vector<SpellingWord> out;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) out.emplace_back(*it, it.get_termfreq());
  return out;
}

std::string ShardSpellingsToJson(const ShardSpellings& s) {
  return ShardAnswerJson(s, [&](JsonWriter& w) {
    w.Key("words");
    w.StartArray();
    for (const auto& [word, frequency] : s.words) WriteValueCount(w, word, frequency);
    w.EndArray();
  });
}

ShardSpellings ParseShardSpellings(std::string_view text) {
  rapidjson::Document d;
  ShardSpellings out{ReadShardAnswer(text, "spellings", d), {}};
  const auto fail = [](const std::string& what) { return std::runtime_error("unreadable spellings: " + what); };
  const auto words = d.FindMember("words");
  if (words == d.MemberEnd() || !words->value.IsArray()) throw fail("no array \"words\"");
  out.words.reserve(words->value.Size());
  for (const auto& pair : words->value.GetArray()) {
    auto read = ReadValueCount(pair);
    // A word of the table is never empty, occurs at least once, and its
    // frequency fits Xapian's.
    if (!read || read->first.empty() || read->second == 0 ||
        read->second > std::numeric_limits<Xapian::doccount>::max()) {
      throw fail("word " + std::to_string(out.words.size() + 1) + " is not [WORD, FREQUENCY]");
    }
    out.words.emplace_back(std::move(read->first), static_cast<Xapian::doccount>(read->second));
  }
  return out;
}

std::vector<SpellingWord> SumSpellings(const std::vector<std::vector<SpellingWord>>& tables) {
  std::vector<SpellingWord> all;
  for (const auto& table : tables) all.insert(all.end(), table.begin(), table.end());
  std::sort(all.begin(), all.end(), [](const SpellingWord& a, const SpellingWord& b) { return a.first < b.first; });
  std::vector<SpellingWord> out;
  for (auto& word : all) {
    if (!out.empty() && out.back().first == word.first) {
      // Xapian keeps a frequency in 32 bits; a sum past it stays at the top
      // (only ever compared with others, never shown).
      const uint64_t sum = uint64_t{out.back().second} + word.second;
      out.back().second = static_cast<Xapian::doccount>(
          std::min<uint64_t>(sum, std::numeric_limits<Xapian::doccount>::max()));
    } else {
      out.push_back(std::move(word));
    }
  }
  return out;
}

}  // namespace cstd::query

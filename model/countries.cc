#include "model/countries.h"

#include <algorithm>

#include "model/errors.h"
#include "model/text.h"
#include "model/tsv.h"

namespace cstd {

namespace embedded {
std::string_view countries_tsv();
}

namespace {

std::string NameKey(std::string_view name) {
  std::string key = text::FoldKey(name);
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  return key;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

}  // namespace

const Countries& Countries::Builtin() {
  static const Countries kBuiltin("data/countries.tsv", embedded::countries_tsv());
  return kBuiltin;
}

Countries::Countries(std::string_view table_name, std::string_view tsv) {
  const TsvTable table = ParseTsv(table_name, tsv);
  const size_t code = table.Column("code"), name = table.Column("name"), short_name = table.Column("short"),
               variants = table.Column("variants"), status = table.Column("status");
  for (const auto& row : table.rows) {
    Country c;
    c.code = Upper(row[code]);
    c.name = row[name];
    c.short_name = row[short_name].empty() ? row[name] : row[short_name];
    for (std::string_view v : text::Split(row[variants], '|')) {
      v = text::Trim(v);
      if (!v.empty()) c.variants.emplace_back(v);
    }
    c.status = row[status];
    if (c.code.empty() || c.name.empty()) throw DataError(table.name + ": a row without code or name");
    if (!by_code_.emplace(c.code, countries_.size()).second)
      throw DataError(table.name + ": code " + c.code + " twice");
    const auto add_key = [&](const std::string& n) {
      const std::string key = NameKey(n);
      if (key.empty()) return;
      auto [it, inserted] = by_key_.emplace(key, countries_.size());
      if (!inserted && it->second != countries_.size()) {
        throw DataError(table.name + ": name '" + n + "' is given to both " + countries_[it->second].code + " and " +
                        c.code);
      }
    };
    add_key(c.name);
    add_key(c.short_name);
    for (const auto& v : c.variants) add_key(v);
    countries_.push_back(std::move(c));
  }
}

const Country* Countries::FindByCode(std::string_view code) const {
  const auto it = by_code_.find(Upper(code));
  return it == by_code_.end() ? nullptr : &countries_[it->second];
}

const Country* Countries::FindByName(std::string_view name) const {
  const auto it = by_key_.find(NameKey(name));
  return it == by_key_.end() ? nullptr : &countries_[it->second];
}

const Country* Countries::FindByNameFuzzy(std::string_view name) const {
  if (const Country* exact = FindByName(name)) return exact;
  const std::string key = NameKey(name);
  if (key.size() < 5) return nullptr;
  const size_t limit = key.size() < 8 ? 1 : 2;
  const Country* best = nullptr;
  size_t best_distance = limit + 1;
  bool tie = false;
  for (const auto& [candidate, index] : by_key_) {
    const size_t distance = text::EditDistance(key, candidate, limit);
    if (distance > limit) continue;
    const Country* c = &countries_[index];
    if (distance < best_distance) {
      best = c;
      best_distance = distance;
      tie = false;
    } else if (distance == best_distance && c != best) {
      tie = true;
    }
  }
  return tie ? nullptr : best;
}

const Country* Countries::MatchPrefix(std::string_view text, size_t* length) const {
  // Candidate ends: after each of the first kMaxNameWords words.
  std::vector<size_t> ends;
  size_t i = 0;
  while (i < text.size() && static_cast<int>(ends.size()) < kMaxNameWords) {
    while (i < text.size() && text[i] != ' ') ++i;
    size_t end = i;
    // A word's trailing punctuation ends the name: "Brazil," "Japan."
    while (end > 0 && (text[end - 1] == ',' || text[end - 1] == '.' || text[end - 1] == ';' || text[end - 1] == ':')) {
      --end;
    }
    ends.push_back(end);
    if (end < i) break;  // punctuation closes the phrase
    while (i < text.size() && text[i] == ' ') ++i;
  }
  for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
    if (*it == 0) continue;
    if (const Country* c = FindByName(text.substr(0, *it))) {
      *length = *it;
      return c;
    }
  }
  return nullptr;
}

const Country* Countries::Find(std::string_view code_or_name) const {
  if (const Country* c = FindByCode(code_or_name)) return c;
  return FindByName(code_or_name);
}

std::vector<const Country*> Countries::Matching(std::string_view value) const {
  if (const Country* c = Find(text::Trim(value))) return {c};
  std::vector<const Country*> out;
  const std::string typed = NameKey(value);
  if (typed.empty()) return out;
  for (const Country& c : countries_) {
    const auto has = [&](const std::string& name) { return text::ContainsWords(NameKey(name), typed, false); };
    if (has(c.name) || has(c.short_name) || std::any_of(c.variants.begin(), c.variants.end(), has)) out.push_back(&c);
  }
  return out;
}

std::string Countries::SearchKey(const Country& c) {
  std::string key = text::FoldKey(c.code) + " " + text::FoldKey(c.name) + " " + text::FoldKey(c.short_name);
  for (const auto& v : c.variants) key += " " + text::FoldKey(v);
  return key;
}

}  // namespace cstd

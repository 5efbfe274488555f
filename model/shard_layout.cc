#include "model/shard_layout.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "model/errors.h"
#include "model/shard.h"
#include "model/text.h"

namespace cstd {

namespace {

constexpr char kParameter[] = "--shard-layout";

// The words of a line, split on spaces and tabs.
std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

}  // namespace

ShardLayout ShardLayout::Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(kParameter, std::string(kParameter) + " " + path + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  return Parse(path, text.str());
}

ShardLayout ShardLayout::Parse(std::string_view name, std::string_view text) {
  ShardLayout layout;
  size_t line_number = 0;
  const auto fail = [&](const std::string& why) {
    return UsageError(kParameter, std::string(name) + ":" + std::to_string(line_number) + ": " + why);
  };
  // A number of a range, or an open end.
  const auto bound = [&](std::string_view s) -> std::optional<int> {
    if (s.empty()) return std::nullopt;
    const auto n = text::ParseInt(s);
    if (!n || *n < 0 || *n > 1000000) throw fail("'" + std::string(s) + "' is not a session or year");
    return static_cast<int>(*n);
  };
  bool rest = false;
  for (std::string_view line : text::Split(text, '\n')) {
    ++line_number;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    const auto words = Words(text::Trim(line));
    if (words.empty()) continue;
    if (rest) throw fail("a rule after '*' is never reached: '*' must come last");
    const auto shard = text::ParseInt(words[0]);
    if (!shard || *shard < 1 || *shard > static_cast<long>(kMaxShards)) {
      throw fail("'" + std::string(words[0]) + "' is not a shard number (1 to " + std::to_string(kMaxShards) + ")");
    }
    Rule rule;
    rule.shard = static_cast<unsigned>(*shard);
    const std::string_view kind = words.size() > 1 ? words[1] : "";
    if (kind == "*" && words.size() == 2) {
      rule.kind = Rule::Kind::kRest;
      rest = true;
    } else if ((kind == "session" || kind == "year") && words.size() == 3) {
      rule.kind = kind == "session" ? Rule::Kind::kSession : Rule::Kind::kYear;
      const std::string_view range = words[2];
      const size_t dots = range.find("..");
      if (dots == std::string_view::npos) {
        rule.from = rule.to = bound(range);
        if (!rule.from) throw fail("an empty range");
      } else {
        rule.from = bound(range.substr(0, dots));
        rule.to = bound(range.substr(dots + 2));
        if (!rule.from && !rule.to) throw fail("'..' takes every document: write '*'");
        if (rule.from && rule.to && *rule.from > *rule.to) throw fail("'" + std::string(range) + "' is empty");
      }
    } else if (kind == "body" && words.size() == 3) {
      rule.kind = Rule::Kind::kBody;
      for (std::string_view body : text::Split(words[2], ',')) {
        if (body.empty()) throw fail("an empty body name");
        rule.bodies.emplace_back(body);
      }
    } else {
      throw fail("expected 'SHARD session A..B', 'SHARD year A..B', 'SHARD body NAME[,NAME]' or 'SHARD *'");
    }
    layout.shard_count_ = std::max(layout.shard_count_, rule.shard);
    layout.rules_.push_back(std::move(rule));
  }
  ++line_number;
  if (!rest) throw fail("no '*' rule at the end: a document no rule takes would be in no shard");
  std::set<unsigned> named;
  for (const Rule& r : layout.rules_) named.insert(r.shard);
  for (unsigned k = 1; k <= layout.shard_count_; ++k) {
    if (!named.count(k)) {
      throw fail("shard " + std::to_string(k) + " of " + std::to_string(layout.shard_count_) + " has no rule");
    }
  }
  return layout;
}

bool ShardLayout::Rule::Matches(const Document& doc) const {
  switch (kind) {
    case Kind::kRest:
      return true;
    case Kind::kBody:
      return std::find(bodies.begin(), bodies.end(), doc.body) != bodies.end();
    case Kind::kSession:
    case Kind::kYear: {
      const std::optional<int>& n = kind == Kind::kSession ? doc.session : doc.year;
      return n && (!from || *n >= *from) && (!to || *n <= *to);
    }
  }
  return false;
}

unsigned ShardLayout::ShardOf(const Document& doc) const {
  for (const Rule& r : rules_) {
    if (r.Matches(doc)) return r.shard;
  }
  return rules_.back().shard;  // unreached: the last rule is '*'
}

bool IndexShard::Holds(const Document& doc) const {
  return (layout ? layout->ShardOf(doc) : cstd::ShardOf(doc.id, spec.count)) == spec.index;
}

std::string ShardLayout::ToString() const {
  std::string out;
  for (const Rule& r : rules_) {
    out += std::to_string(r.shard) + " ";
    switch (r.kind) {
      case Rule::Kind::kRest:
        out += "*";
        break;
      case Rule::Kind::kBody:
        out += "body ";
        for (size_t i = 0; i < r.bodies.size(); ++i) out += (i ? "," : "") + r.bodies[i];
        break;
      case Rule::Kind::kSession:
      case Rule::Kind::kYear:
        out += r.kind == Rule::Kind::kSession ? "session " : "year ";
        out += (r.from ? std::to_string(*r.from) : "") + ".." + (r.to ? std::to_string(*r.to) : "");
        break;
    }
    out += "\n";
  }
  return out;
}

}  // namespace cstd

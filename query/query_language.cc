#include "query/query_language.h"

#include <algorithm>
#include <cctype>

#include "model/text.h"

namespace cstd::query {

namespace {

// UTF-8 curly double quotes, which Xapian's parser takes as quotes too.
constexpr std::string_view kOpenQuote = "\u201c";
constexpr std::string_view kCloseQuote = "\u201d";

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The length of a quote mark at `at`, or 0.
size_t QuoteAt(std::string_view q, size_t at) {
  if (q[at] == '"') return 1;
  if (q.substr(at).starts_with(kOpenQuote) || q.substr(at).starts_with(kCloseQuote)) return kOpenQuote.size();
  return 0;
}

// The end of a quoted run starting at `at` (a quote mark): past the closing
// quote, or the end of `q`.
size_t EndOfQuote(std::string_view q, size_t at) {
  size_t i = at + QuoteAt(q, at);
  while (i < q.size()) {
    if (const size_t n = QuoteAt(q, i)) return i + n;
    ++i;
  }
  return q.size();
}

// Top-level tokens: runs of non-space, where a quoted run (and a bracketed
// group) may hold spaces.
std::vector<std::string_view> Tokens(std::string_view q) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < q.size()) {
    if (IsSpace(q[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    int depth = 0;
    while (i < q.size() && (depth > 0 || !IsSpace(q[i]))) {
      if (QuoteAt(q, i)) {
        i = EndOfQuote(q, i);
        continue;
      }
      if (q[i] == '(') ++depth;
      if (q[i] == ')' && depth > 0) --depth;
      ++i;
    }
    tokens.push_back(q.substr(start, i - start));
  }
  return tokens;
}

bool IsOperator(std::string_view token) {
  for (std::string_view op : {"AND", "OR", "XOR", "NEAR", "ADJ"}) {
    if (token == op || (token.starts_with(op) && token.size() > op.size() && token[op.size()] == '/')) return true;
  }
  return false;
}

// "country" of "country:BRA", or empty when the token has no field prefix
// (a quote or a non-letter comes first).
std::string_view FieldOf(std::string_view token) {
  const size_t colon = token.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  const std::string_view name = token.substr(0, colon);
  if (!std::all_of(name.begin(), name.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
    return {};
  }
  return name;
}

// The words of a quoted phrase or a word, without quote marks.
std::string Unquoted(std::string_view token) {
  std::string out;
  for (size_t i = 0; i < token.size();) {
    if (const size_t n = QuoteAt(token, i)) {
      out.push_back(' ');
      i += n;
    } else {
      out.push_back(token[i++]);
    }
  }
  return out;
}

}  // namespace

QueryShape ReadQueryShape(std::string_view q, const std::vector<std::string_view>& filter_fields) {
  QueryShape shape;
  shape.everything = std::all_of(q.begin(), q.end(), [](char c) { return c == '*' || IsSpace(c); });
  if (shape.everything) return shape;
  bool negate_next = false;
  for (std::string_view token : Tokens(q)) {
    if (token == "NOT") {
      negate_next = true;
      continue;
    }
    if (IsOperator(token)) {
      shape.has_operators = true;
      negate_next = false;
      continue;
    }
    if (token == "*") continue;  // "*" beside words adds nothing
    bool negated = negate_next;
    negate_next = false;
    if (token.size() > 1 && token.front() == '-') {
      negated = true;
      token.remove_prefix(1);
    } else if (token.size() > 1 && token.front() == '+') {
      token.remove_prefix(1);
    }
    const std::string_view field = FieldOf(token);
    const bool filter = !field.empty() && std::find(filter_fields.begin(), filter_fields.end(), field) != filter_fields.end();
    if (negated) {
      shape.negated.emplace_back(token);
    } else if (filter) {
      shape.fields.emplace_back(token);
    } else {
      shape.positive.emplace_back(token);
      const bool bracketed = token.find('(') != std::string_view::npos;
      if (bracketed) shape.has_operators = true;
      if (!bracketed && field.empty() && !token.ends_with('*')) shape.plain_words.push_back(Unquoted(token));
    }
  }
  const auto quoted = [](std::string_view token) { return QuoteAt(token, 0) && EndOfQuote(token, 0) == token.size(); };
  shape.one_phrase = shape.positive.size() == 1 && !shape.has_operators && quoted(shape.positive.front());
  return shape;
}

size_t CountWords(std::string_view q) {
  size_t words = 0;
  bool in_word = false;
  for (char c : q) {
    const bool word = text::IsWordByte(c);
    if (word && !in_word) ++words;
    in_word = word;
  }
  return words;
}

std::string JoinWithOr(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : " OR ") + item;
  return out;
}

}  // namespace cstd::query

#include "extract/page_furniture.h"

#include <cctype>
#include <string>
#include <vector>

#include "model/text.h"

namespace cstd::extract {

namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool AllDigits(std::string_view s, size_t min, size_t max) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Dashes that frame page numbers: '-', en dash, em dash.
bool IsDash(std::string_view w) {
  return w == "-" || w == "\u2013" || w == "\u2014";
}

// "3", "3/14", "-3-", "–3–".
bool IsPageNumberWord(std::string_view w) {
  for (std::string_view dash : {"-", "\u2013", "\u2014"}) {
    if (w.size() > 2 * dash.size() && w.substr(0, dash.size()) == dash &&
        w.substr(w.size() - dash.size()) == dash) {
      w = w.substr(dash.size(), w.size() - 2 * dash.size());
      break;
    }
  }
  if (const size_t slash = w.find('/'); slash != std::string_view::npos) {
    return AllDigits(w.substr(0, slash), 1, 3) && AllDigits(w.substr(slash + 1), 1, 3);
  }
  return AllDigits(w, 1, 3);
}

// "GE.22-09978", "GE.22-09978(E)", "V.23-01234", "24-01234", "*2209978*".
bool IsJobNumberWord(std::string_view w) {
  if (w.size() >= 2 && w.front() == '*' && w.back() == '*') return AllDigits(w.substr(1, w.size() - 2), 6, 10);
  if (w.size() > 3 && w.substr(w.size() - 3) == "(E)") w.remove_suffix(3);
  size_t i = 0;
  while (i < w.size() && std::isupper(static_cast<unsigned char>(w[i]))) ++i;
  if (i > 0) {
    if (i > 3 || i >= w.size() || w[i] != '.') return false;
    w.remove_prefix(i + 1);
  }
  const size_t dash = w.find('-');
  return dash == 2 && AllDigits(w.substr(0, 2), 2, 2) && AllDigits(w.substr(3), 4, 6);
}

// The language tag of a job number, "(E)", and the issue dates printed after
// it, "010222".
bool IsJobNumberTail(std::string_view w) {
  return w == "(E)" || AllDigits(w, 6, 6);
}

}  // namespace

bool IsDocumentSymbol(std::string_view w) {
  if (w.empty() || w.back() == '.' || w.find('/') == std::string_view::npos) return false;
  if (!std::isupper(static_cast<unsigned char>(w.front()))) return false;
  bool digit = false;
  for (char c : w) {
    const auto u = static_cast<unsigned char>(c);
    if (IsDigit(c)) {
      digit = true;
    } else if (!(std::isalpha(u) || c == '/' || c == '.' || c == '-' || c == '(' || c == ')')) {
      return false;
    }
  }
  // Lower-case letters occur in suffixes ("/Rev.1", "/Add.2"); "A//B" or a
  // trailing '/' is not a symbol.
  return digit && w.find("//") == std::string_view::npos && w.back() != '/';
}

bool IsPageFurniture(std::string_view line) {
  std::vector<std::string_view> words;
  for (std::string_view w : text::Split(text::Trim(line), ' ')) {
    w = text::Trim(w);
    if (!w.empty()) words.push_back(w);
  }
  if (words.empty()) return false;
  bool substantive = false;  // a number, a job number or a symbol, not only "Page" or "-"
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    const std::string lower = text::AsciiLower(w);
    if (IsPageNumberWord(w) || IsJobNumberWord(w) || IsDocumentSymbol(w)) {
      substantive = true;
    } else if (IsDash(w) || IsJobNumberTail(w) || lower == "page" || lower == "p." || lower == "of" || w == "/") {
      continue;
    } else {
      return false;
    }
  }
  return substantive;
}

}  // namespace cstd::extract

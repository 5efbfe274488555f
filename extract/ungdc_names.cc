#include "extract/ungdc_names.h"

#include <algorithm>
#include <cctype>

#include "model/text.h"

namespace cstd::extract {

std::string SpeechKeyString(std::string_view code, int session, int year) {
  return std::string(code) + "_" + std::to_string(session) + "_" + std::to_string(year);
}

std::optional<SpeechKey> ParseSpeechFileName(std::string_view file_name) {
  const size_t dot = file_name.rfind('.');
  if (dot != std::string_view::npos) file_name = file_name.substr(0, dot);
  const auto parts = text::Split(file_name, '_');
  if (parts.size() != 3 || parts[0].size() < 2 || parts[0].size() > 4) return std::nullopt;
  std::string code;
  for (char c : parts[0]) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return std::nullopt;
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  const auto all_digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!all_digits(parts[1]) || !all_digits(parts[2]) || parts[2].size() != 4) return std::nullopt;
  const auto session = text::ParseInt(parts[1]);
  const auto year = text::ParseInt(parts[2]);
  if (!session || !year || *session <= 0) return std::nullopt;
  return SpeechKey{code, static_cast<int>(*session), static_cast<int>(*year)};
}

std::string SpeechTitle(std::string_view body, std::string_view who, std::optional<int> session,
                        std::optional<int> year) {
  const bool unga = body == "UNGA";
  std::string title = who.empty() ? "" : std::string(who) + ": ";
  if (unga) {
    title += "General Debate statement";
  } else {
    title += who.empty() ? "Statement" : "statement";
  }
  if (session) {
    title += ", " + text::Ordinal(*session) + " session";
    if (unga) {
      title += " of the General Assembly";
    } else if (!body.empty()) {
      title += " of the " + std::string(body);
    }
  }
  if (year) title += " (" + std::to_string(*year) + ")";
  return title;
}

}  // namespace cstd::extract

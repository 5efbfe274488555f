#include "extract/ungdc_names.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace cstd::extract {
namespace {

// ------------------------------------------------------------ SpeechTitle

TEST(SpeechTitleTest, NamesTheDelegationSessionAndYear) {
  EXPECT_EQ(SpeechTitle("UNGA", "Brazil", 78, 2023),
            "Brazil: General Debate statement, 78th session of the General Assembly (2023)");
  EXPECT_EQ(SpeechTitle("UNGA", "Denmark", 1, 1946),
            "Denmark: General Debate statement, 1st session of the General Assembly (1946)");
  EXPECT_EQ(SpeechTitle("UNGA", "Chile", 72, 2017),
            "Chile: General Debate statement, 72nd session of the General Assembly (2017)");
  EXPECT_EQ(SpeechTitle("UNGA", "Peru", 13, 1958),
            "Peru: General Debate statement, 13th session of the General Assembly (1958)");
  EXPECT_EQ(SpeechTitle("CSTD", "Brazil", 27, 2024), "Brazil: statement, 27th session of the CSTD (2024)");
  EXPECT_EQ(SpeechTitle("", "", std::nullopt, 2024), "Statement (2024)");
}

// ------------------------------------------------------ ParseSpeechFileName

TEST(ParseSpeechFileNameTest, ReadsTheUngdcFormAndNothingElse) {
  const struct {
    const char* name;
    std::optional<std::string> key;  // SpeechKeyString of the answer
  } kCases[] = {
      {"BRA_78_2023.txt", "BRA_78_2023"},
      {"bra_78_2023.TXT", "BRA_78_2023"},  // any case, any extension
      {"EU_66_2011.txt", "EU_66_2011"},    // codes that are no ISO3
      {"YDYE_22_1967", "YDYE_22_1967"},    // no extension
      {"B_78_2023.txt", std::nullopt},     // one letter
      {"BRAZ1_78_2023.txt", std::nullopt},
      {"BRA_0_2023.txt", std::nullopt},    // sessions start at 1
      {"BRA_78_23.txt", std::nullopt},     // a year has four digits
      {"BRA_7a_2023.txt", std::nullopt},
      {"BRA_78_2023_x.txt", std::nullopt},
      {"panel-report-2023.md", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : kCases) {
    const auto key = ParseSpeechFileName(c.name);
    ASSERT_EQ(key.has_value(), c.key.has_value()) << c.name;
    if (key) {
      EXPECT_EQ(SpeechKeyString(key->code, key->session, key->year), *c.key) << c.name;
    }
  }
}

}  // namespace
}  // namespace cstd::extract

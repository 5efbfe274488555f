#include "extract/hyphenation.h"

#include <gtest/gtest.h>

namespace cstd::extract {
namespace {

TEST(VocabularyTest, KnowsWordsWithInnerHyphensAnyCase) {
  const Vocabulary v("The Follow-up of development, in Türkiye; a well-known (co-operation)-");
  EXPECT_TRUE(v.Knows("follow-up"));
  EXPECT_TRUE(v.Knows("Development"));
  EXPECT_TRUE(v.Knows("türkiye"));
  EXPECT_TRUE(v.Knows("co-operation"));
  EXPECT_FALSE(v.Knows("follow")) << "a hyphenated word is one word";
  EXPECT_FALSE(v.Knows("cooperation"));
  EXPECT_FALSE(v.Knows("developments"));
}

TEST(VocabularyTest, HalvesOfABrokenWordAreOnlyHalves) {
  const Vocabulary v("the develop-\nment of it, the transfor- mation");
  EXPECT_TRUE(v.Knows("develop"));
  EXPECT_FALSE(v.Knows("ment")) << "the second half of a word broken at a line end is no word";
  EXPECT_FALSE(v.Knows("mation")) << "nor where a conversion joined the lines with a space";
  EXPECT_FALSE(v.Knows("development"));
  EXPECT_TRUE(Vocabulary("the develop-\nment of a ment").Knows("ment")) << "unless the text uses it elsewhere";
}

TEST(EnglishDictionaryTest, IsInstalledAndKnowsTheGenre) {
  const EnglishDictionary& d = EnglishDictionary::Instance();
  ASSERT_TRUE(d.loaded()) << "tools/install-deps installs hunspell-en-gb";
  EXPECT_TRUE(d.Knows("transformation"));
  EXPECT_TRUE(d.Knows("programme"));
  EXPECT_FALSE(d.Knows("multistakeholder"));
  EXPECT_FALSE(d.Knows("mation"));
}

TEST(JoinsAsOneWordTest, Rules) {
  const Vocabulary v(
      "development and governance; a follow-up, self-assessment and decision-making; the cooperation of "
      "co-operation is written both ways; well known and long standing words; a transfor-\nmation");
  struct Case {
    std::string_view left, right;
    bool joins;
    const char* why;
  };
  const Case cases[] = {
      {"develop", "ment", true, "the joined form occurs"},
      {"(develop", "ment),", true, "punctuation around the word"},
      {"gover", "nance.", true, "occurs joined"},
      {"follow", "up", false, "the hyphenated form occurs"},
      {"self", "assessment", false, "the hyphenated form occurs"},
      {"co", "operation", false, "both forms occur: the hyphenated one wins"},
      {"well", "known", false, "neither form occurs, the dictionary has no 'wellknown': keep the hyphen"},
      {"transfor", "mation", true, "the dictionary knows 'transformation'"},
      {"multi", "stakeholder", false, "the dictionary has no 'multistakeholder'"},
      {"organiza", "tion", true, "a suffix no compound ends in"},
      {"aware", "ness,", true, "a suffix"},
      {"UN", "Habitat", false, "the right part starts upper-case"},
      {"2021", "2022", false, "digits are no word"},
      {"", "ment", false, "nothing before the hyphen"},
      {"multi", "", false, "nothing after the break"},
      {"long", "standing", false, "an unknown compound of two words"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(JoinsAsOneWord(c.left, c.right, v), c.joins) << c.left << "-|" << c.right << ": " << c.why;
  }
}

}  // namespace
}  // namespace cstd::extract

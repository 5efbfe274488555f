#include "extract/attribution.h"

#include <gtest/gtest.h>

#include "extract/extract.h"

namespace cstd::extract {
namespace {

TEST(ReadFootnoteTest, Delegations) {
  const struct {
    const char* text;
    std::vector<std::string> countries;
  } kCases[] = {
      {"Representative of the Philippines; Representative of Thailand.", {"PHL", "THA"}},
      {"Representative of the United Kingdom of Great Britain and Northern Ireland.", {"GBR"}},
      {"Representatives of The Philippines, China, Camerron, UNESCO and Türkiye.", {"PHL", "CHN", "CMR", "TUR"}},
      {"Representative of the Islamic Republic of Iran.", {"IRN"}},
      {"Representatives of Trinidad and Tobago and Bosnia and Herzegovina", {"TTO", "BIH"}},
      {"Representative of the International Telecommunication Union.", {}},
  };
  for (const auto& c : kCases) {
    const FootnoteAttribution a = ReadFootnote(c.text);
    EXPECT_EQ(a.countries, c.countries) << c.text;
    EXPECT_TRUE(a.persons.empty()) << c.text;
  }
}

TEST(ReadFootnoteTest, Persons) {
  const struct {
    const char* text;
    const char* name;
    const char* honorific;
    const char* role;
    const char* affiliation;
    const char* country;
  } kCases[] = {
      {"Mr. Peter Major, Hungary.", "Peter Major", "Mr.", nullptr, nullptr, "HUN"},
      {"Mr. Clovis Freire Junior, UNCTAD.", "Clovis Freire Junior", "Mr.", nullptr, "UNCTAD", nullptr},
      {"Ms. Maria Basso, Lead, Advanced Manufacturing and Production, World Economic Forum.", "Maria Basso", "Ms.",
       "Lead, Advanced Manufacturing and Production", "World Economic Forum", nullptr},
      {"Ms. Adelaide Asantewaa Asante, Chief Operating Officer, African Institute for Mathematical Sciences, Ghana.",
       "Adelaide Asantewaa Asante", "Ms.", "Chief Operating Officer", "African Institute for Mathematical Sciences",
       "GHA"},
      {"Wolfgang Kleinwächter, Professor Emeritus, University of Aarhus", "Wolfgang Kleinwächter", nullptr,
       "Professor Emeritus", "University of Aarhus", nullptr},
  };
  for (const auto& c : kCases) {
    const FootnoteAttribution a = ReadFootnote(c.text);
    ASSERT_EQ(a.persons.size(), 1u) << c.text;
    const Speaker& s = a.persons[0];
    EXPECT_EQ(s.name, c.name);
    EXPECT_EQ(s.honorific.value_or(""), c.honorific ? c.honorific : "") << c.text;
    EXPECT_EQ(s.role.value_or(""), c.role ? c.role : "") << c.text;
    EXPECT_EQ(s.affiliation.value_or(""), c.affiliation ? c.affiliation : "") << c.text;
    EXPECT_EQ(s.country.value_or(""), c.country ? c.country : "") << c.text;
  }
}

TEST(ReadFootnoteTest, OrganizationsAndReferencesAreNobody) {
  for (const char* text : {"World Federation of Engineering Organizations.", "A/RES/76/6.",
                           "See https://unctad.org/meeting/cstd-2021-2022-inter-sessional-panel.",
                           "Pompiers Humanitaires Solidaires, Guinea; African Council on Narcotics, Nigeria.",
                           "International Telecommunication Union."}) {
    const FootnoteAttribution a = ReadFootnote(text);
    EXPECT_TRUE(a.persons.empty()) << text;
    EXPECT_TRUE(a.countries.empty()) << text;
  }
}

TEST(DelegationsInTextTest, Table) {
  const struct {
    const char* text;
    std::vector<std::string> want;
  } kCases[] = {
      {"The delegate from the Russian Federation expressed concern.", {"RUS"}},
      {"A delegate from Japan noted progress.", {"JPN"}},
      {"The representatives of Brazil, India and Türkiye welcomed the report.", {"BRA", "IND", "TUR"}},
      {"Representatives of international organizations and civil society attended.", {}},
      {"The meeting was held in Portugal, where Brazil was mentioned.", {}},
  };
  for (const auto& c : kCases) EXPECT_EQ(DelegationsInText(c.text), c.want) << c.text;
}

// A panel report in miniature, with the scars of the real ones.
constexpr const char* kReport =
    "Twenty-fifth session\n\n"
    "# Report of the intersessional panel meeting\n\n"
    "- 8. The discussion was moderated by a Vice-Chair of CSTD.<sup>5</sup> One speaker<sup>6</sup> drew "
    "attention to megatrends. She added that skills mattered.\n"
    "- 9. The representative of a non-governmental organization 7 stressed gender balance. The delegate "
    "from Kenya asked about funding.\n"
    "- 10. A few delegates shared the policy instruments of their countries.\n"
    "- 11. Another speaker<sup>9</sup> noted the cost of data. The delegate of Chile\n\n"
    "<sup>&</sup>lt;sup>5</sup> Ms. Ana Cristina Amoroso das Neves, Portugal.\n\n"
    "<sup>&</sup>lt;sup>6</sup> Ms. Maria Basso, Lead, World Economic Forum.\n\n"
    "<sup>7</sup> Representative of the Gambia.\n\n"
    "<sup>8</sup> Representative of the Philippines; Representative of Thailand.\n\n"
    "<sup>9</sup> Mr. David Souter, Managing Director, ICT Development Associates.\n\n"
    "agreed with the panel.\n";

TEST(AttributeTest, ResolvesMarkersBareNumbersAndLostMarkers) {
  const ExtractedDocument doc = Extract("r.md", "r.md", kReport);
  ASSERT_EQ(doc.paragraphs.size(), 4u);
  const Paragraph& p8 = doc.paragraphs[0];
  EXPECT_EQ(p8.speakers, (std::vector<std::string>{"Ana Cristina Amoroso das Neves", "Maria Basso"}));
  EXPECT_TRUE(p8.countries.empty());  // Portugal is her country, not a delegation speaking
  ASSERT_EQ(p8.statements.size(), 2u);
  EXPECT_NE(p8.statements[1].text.find("She added"), std::string::npos);  // stays with the speaker

  const Paragraph& p9 = doc.paragraphs[1];  // "organization 7": a marker printed as a number
  EXPECT_EQ(p9.countries, (std::vector<std::string>{"GMB", "KEN"}));
  EXPECT_EQ(p9.text.find("organization 7"), std::string::npos);
  ASSERT_EQ(p9.statements.size(), 2u);
  EXPECT_EQ(p9.statements[1].countries, (std::vector<std::string>{"KEN"}));

  const Paragraph& p10 = doc.paragraphs[2];  // footnote 8 lost its marker: placed by sequence
  EXPECT_EQ(p10.countries, (std::vector<std::string>{"PHL", "THA"}));
  bool warned = false;
  for (const auto& w : doc.warnings) warned = warned || w.find("footnote 8 has no marker") != std::string::npos;
  EXPECT_TRUE(warned);

  const Paragraph& p11 = doc.paragraphs[3];  // continues after the footnote block
  EXPECT_EQ(p11.speakers, (std::vector<std::string>{"David Souter"}));
  EXPECT_EQ(p11.countries, (std::vector<std::string>{"CHL"}));
  EXPECT_NE(p11.text.find("Chile agreed with the panel."), std::string::npos);

  ASSERT_EQ(doc.speakers.size(), 3u);
  EXPECT_EQ(doc.speakers[0].country.value_or(""), "PRT");
  EXPECT_EQ(doc.speakers[0].honorific.value_or(""), "Ms.");
}

TEST(AttributeTest, SpeakerIdsIgnoreMiddleNames) {
  FootnoteAttribution a = ReadFootnote("Ms. Ana Cristina das Neves, Portugal.");
  FootnoteAttribution b = ReadFootnote("Ms. Ana Cristina Amoroso das Neves, Portugal.");
  ASSERT_EQ(a.persons.size(), 1u);
  ASSERT_EQ(b.persons.size(), 1u);
  EXPECT_EQ(a.persons[0].id, b.persons[0].id);
}

}  // namespace
}  // namespace cstd::extract

#include "extract/metadata.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "extract/extract.h"
#include "extract/reader.h"
#include "extract/structure.h"

namespace cstd::extract {
namespace {

TEST(ParseOrdinalTest, ReadsWordsAndNumerals) {
  struct Case {
    const char* word;
    std::optional<int> number;
  };
  const Case cases[] = {
      {"first", 1},
      {"First", 1},
      {"second", 2},
      {"twelfth", 12},
      {"nineteenth", 19},
      {"twentieth", 20},
      {"Twenty-seventh", 27},
      {"twenty-fifth", 25},
      {"TWENTY-FIRST", 21},
      {"thirtieth", 30},
      {"ninety-ninth", 99},
      {"27th", 27},
      {"1st", 1},
      {"2nd", 2},
      {"3rd", 3},
      {"11TH", 11},
      {"junk", std::nullopt},
      {"", std::nullopt},
      {"27", std::nullopt},
      {"th", std::nullopt},
      {"27x", std::nullopt},
      {"twenty", std::nullopt},
      {"twenty-", std::nullopt},
      {"twenty-junk", std::nullopt},
      {"session", std::nullopt},
      // More digits than any session or meeting has: not an ordinal (and
      // past an int: std::stoi threw out_of_range on them).
      {"12345th", std::nullopt},
      {"99999999999999999999th", std::nullopt},
      {"1000th", 1000},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ParseOrdinal(c.word), c.number) << "'" << c.word << "'";
  }
}

TEST(ParseDateTest, ReadsDayMonthYear) {
  struct Case {
    const char* text;
    std::optional<std::string> date;
  };
  const Case cases[] = {
      {"1 February 2022", "2022-02-01"},
      {"15 April 2024", "2024-04-15"},
      {"29th March 2023", "2023-03-29"},
      {"1st july 2020", "2020-07-01"},
      {"Geneva, 15 April 2024", "2024-04-15"},
      {"from 17 to 19 November 2021", "2021-11-19"},
      {"1 May 2020 and 2 June 2021", "2020-05-01"},
      {"none", std::nullopt},
      {"", std::nullopt},
      {"February 2022", std::nullopt},
      {"32 March 2023", std::nullopt},
      {"0 March 2023", std::nullopt},
      {"1 Febuary 2022", std::nullopt},
      {"1 February 22", std::nullopt},
      {"2022-02-01", "2022-02-01"},
      {"2022-13-01", std::nullopt},
      {"February 1, 2022", "2022-02-01"},
      {"1st of February 2022", "2022-02-01"},
      {"1 Sept. 2022", "2022-09-01"},
      {"Nov. 17, 2021", "2021-11-17"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ParseDate(c.text), c.date) << "'" << c.text << "'";
  }
}

TEST(SessionFromLineTest, ReadsOnlyTheDocumentsOwnSession) {
  struct Case {
    const char* line;
    std::optional<int> session;
  };
  const Case cases[] = {
      {"Twenty-fifth session", 25},
      {"Twenty-sixth Annual Session", 26},
      {"Informal Note for the 27th session of CSTD", 27},
      {"Informal Note for the 27<sup>th</sup> session of CSTD", std::nullopt},  // raw markup is not cleaned here
      {"Contribution to the twenty-eighth session", 28},
      {"Seventh session Geneva, 24-28 May 2004", 7},
      {"At its twenty-fourth session in May 2021, the Commission", std::nullopt},
      {"with a view to contributing to considerations by CSTD at its twenty-fifth session", std::nullopt},
      {"Twenty-fifth", std::nullopt},
      {"The session was opened", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SessionFromLine(c.line), c.session) << "'" << c.line << "'";
  }
}

TEST(ExtractMetadataTest, ReadsHeadLines) {
  Structure structure;
  structure.head = {"15 April 2024",
                    "E/CN.16/2024/2",
                    "Commission on Science and Technology for Development",
                    "Twenty-seventh session",
                    "Progress made in the implementation of the outcomes of the World Summit",
                    "Report of the Secretary-General",
                    "Prepared by the UNCTAD secretariat"};
  Document doc;
  ExtractMetadata(structure, "file-stem", doc);
  EXPECT_EQ(doc.session, 27);
  EXPECT_EQ(doc.year, 2024);
  EXPECT_EQ(doc.date, "2024-04-15");
  EXPECT_EQ(doc.symbol, "E/CN.16/2024/2");
  EXPECT_EQ(doc.body, "CSTD");
  EXPECT_EQ(doc.author, "UNCTAD secretariat");
  EXPECT_EQ(doc.type, "sg-report");
  EXPECT_EQ(doc.title, "Progress made in the implementation of the outcomes of the World Summit");
}

TEST(ExtractMetadataTest, FallsBackToFileStemAndYearFromDate) {
  Structure structure;
  structure.head = {"3 March 2019"};
  Document doc;
  ExtractMetadata(structure, "my-file", doc);
  EXPECT_EQ(doc.title, "my-file");
  EXPECT_EQ(doc.date, "2019-03-03");
  EXPECT_EQ(doc.year, 2019);
  EXPECT_EQ(doc.session, std::nullopt);
  EXPECT_EQ(doc.type, "other");
  EXPECT_EQ(doc.body, "");
}

TEST(ExtractMetadataTest, ReadsSessionFromEarlyBodyParagraphs) {
  Structure structure;
  Block b;
  b.text = "This submission is a contribution to the twenty-sixth session of the Commission.";
  structure.paragraphs.push_back(b);
  Document doc;
  ExtractMetadata(structure, "stem", doc);
  EXPECT_EQ(doc.session, 26);
  EXPECT_EQ(doc.year, 2023);
}

TEST(ExtractMetadataTest, KeepsFieldsAlreadySet) {
  Structure structure;
  structure.head = {"1 February 2022", "Twenty-fifth session"};
  Document doc;
  doc.title = "Given title";
  doc.type = "speech";
  doc.body = "UNGA";
  doc.year = 1970;
  ExtractMetadata(structure, "stem", doc);
  EXPECT_EQ(doc.title, "Given title");
  EXPECT_EQ(doc.type, "speech");
  EXPECT_EQ(doc.body, "UNGA");
  EXPECT_EQ(doc.year, 1970);
  EXPECT_EQ(doc.session, 25);
}

Document ExtractCorpusFile(const std::string& name) {
  const std::string path = std::string(CSTD_SHARED_DIR) + "/corpus/cstd/" + name;
  return Extract(path, name, ReadFile(path)).document;
}

TEST(ExtractMetadataTest, PanelReportFromTheCorpus) {
  const Document doc = ExtractCorpusFile("001_9fb1818520dbe4d0.txt");
  EXPECT_EQ(doc.session, 25);
  EXPECT_EQ(doc.year, 2022);
  EXPECT_EQ(doc.type, "panel-report");
  EXPECT_EQ(doc.title, "Report of the intersessional panel meeting");
  EXPECT_EQ(doc.date, "2022-02-01");
  EXPECT_EQ(doc.body, "CSTD");
  EXPECT_EQ(doc.author, "UNCTAD secretariat");
  EXPECT_EQ(doc.id, "001_9fb1818520dbe4d0");
}

TEST(ExtractMetadataTest, InformalNoteFromTheCorpus) {
  const Document doc = ExtractCorpusFile("004_2acf0993792d3d8c.txt");
  EXPECT_EQ(doc.session, 27);
  EXPECT_EQ(doc.year, 2024);
  EXPECT_EQ(doc.type, "informal-note");
  EXPECT_EQ(doc.date, "2024-04-15");
  EXPECT_EQ(doc.body, "CSTD");
}

}  // namespace
}  // namespace cstd::extract

namespace cstd::extract {
namespace {

// A body paragraph long enough (over 30 words) to end a document's head.
std::string LongParagraph() {
  std::string out = "The";
  for (int i = 0; i < 40; ++i) out += " word";
  return out + ".";
}

TEST(ParseDateRangeTest, Table) {
  const struct {
    const char* text;
    const char* start;
    const char* end;
  } kCases[] = {
      {"from 17 to 19 November 2021", "2021-11-17", "2021-11-19"},
      {"Geneva, 28 March\u20131 April 2022", "2022-03-28", "2022-04-01"},
      {"Geneva, 15-19 April 2024", "2024-04-15", "2024-04-19"},
      {"Wednesday 29th March 2023, 15:00-17:30", "2023-03-29", "2023-03-29"},
      {"12 December 2023 to 2 January 2024", "2023-12-12", "2024-01-02"},
  };
  for (const auto& c : kCases) {
    std::string start, end;
    ASSERT_TRUE(ParseDateRange(c.text, &start, &end)) << c.text;
    EXPECT_EQ(start, c.start) << c.text;
    EXPECT_EQ(end, c.end) << c.text;
  }
  std::string start, end;
  EXPECT_FALSE(ParseDateRange("no date here", &start, &end));
}

TEST(MeetingFromLineTest, HeldAtAndMeetingTimeLinesButNotSessionLines) {
  auto m = MeetingFromLine("Held at the Palais des Nations, Geneva, from 17 to 19 November 2021");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->place, "Geneva");
  EXPECT_EQ(m->start.value_or(""), "2021-11-17");
  EXPECT_EQ(m->end.value_or(""), "2021-11-19");
  m = MeetingFromLine("Wednesday 29th March 2023, 15:00-17:30 (Geneva time) Geneva and Online");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->place, "Geneva");
  EXPECT_EQ(m->start.value_or(""), "2023-03-29");
  EXPECT_FALSE(MeetingFromLine("Geneva, 15-19 April 2024"));
  EXPECT_FALSE(MeetingFromLine("Held at the Palais des Nations"));
}

TEST(SessionFromLineTest, SessionAtTheEndOfAHeaderLine) {
  EXPECT_EQ(SessionFromLine("United Nations Commission on Science and Technology for Development (CSTD) "
                            "Twenty-sixth Annual Session"),
            26);
  EXPECT_EQ(SessionFromLine("the twenty-fourth session in May 2021"), std::nullopt);
}

TEST(ExtractMetadataTest, AuthorAfterSubmissionByAndInformalNoteDefault) {
  const ExtractedDocument submission =
      Extract("s.txt", "s.txt",
              "**Twenty-seventh session\nGeneva, 15-19 April 2024**\n\nSubmission by\n\nInternational "
              "Telecommunication Union\n\n" +
                  LongParagraph() + "\n");
  EXPECT_EQ(submission.document.author.value_or(""), "International Telecommunication Union");
  EXPECT_EQ(submission.document.session, 27);
  EXPECT_FALSE(submission.document.meeting);  // the session's dates are not a meeting
}

}  // namespace
}  // namespace cstd::extract

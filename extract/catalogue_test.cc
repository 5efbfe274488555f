#include "extract/catalogue.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/errors.h"
#include "tests/support/temp_dir.h"

namespace cstd::extract {
namespace {

using Fields = std::vector<std::string>;

// --------------------------------------------------------------- Catalogue

// A document as extraction leaves a UNGDC file: no metadata, one statement
// per paragraph.
ExtractedDocument SpeechDoc(const std::string& relative) {
  ExtractedDocument doc;
  doc.document.id = "extracted-id";
  doc.document.source = "/archive/" + relative;
  doc.document.title = "BRA_78_2023";
  doc.document.type = "other";
  for (const char* text : {"I would like to greet the President.", "We stand for peace."}) {
    Paragraph p;
    p.text = text;
    p.statements.push_back({text, {}, {}});
    doc.paragraphs.push_back(p);
  }
  return doc;
}

std::vector<size_t> UnmatchedLines(const Catalogue& c) {
  std::vector<size_t> lines;
  for (const auto& row : c.Unmatched()) lines.push_back(row.line);
  return lines;
}

bool HasWarning(const Catalogue& c, const std::string& part) {
  for (const auto& w : c.warnings()) {
    if (w.find(part) != std::string::npos) return true;
  }
  return false;
}

// The UNGDC's header and kinds of row it has: a quoted name with a comma and
// a line break inside (so the rows after it start a line later), CRLF, a
// typo'd code (POR), two rows for one file, a short row, a row for which there
// is no file.
const char kSpeakers[] =
    "Year,Session,ISO Code,Country,Name of Person Speaking,Post\r\n"
    "2023,78,BRA,Brazil,Luiz Inacio Lula da Silva,President\r\n"
    "2023,78,KWT,Kuwait,\"Sheikh Ahmad Nawaf Al-Ahmad\nAl-Sabah\",Prime Minister\r\n"
    "2023,78,ITA,Italy,\"Giorgia Meloni,\",\"President of the Council of Ministers\"\r\n"
    "2020,75,POR,Portuguese Republic,Mr. Antonio Costa,Prime Minister\r\n"
    "1960,15,IND,India,Mr. NEHRU,Prime Minister\r\n"
    "1960,15,IND,India,Mr. Krishna MENON,\r\n"
    "1963,18,SWE,Sweden,Mr. NILSSON\r\n"
    "1987,42,,Leage of Arab States,Mr. Maksoud,\r\n";

TEST(CatalogueTest, UngdcRowsMakeASpeechByTheFilesDelegation) {
  Catalogue c = Catalogue::Parse("speakers.csv", kSpeakers);
  EXPECT_EQ(c.size(), 8u);
  EXPECT_TRUE(c.warnings().empty()) << c.warnings().front();

  ExtractedDocument doc = SpeechDoc("TXT/Session 78 - 2023/BRA_78_2023.txt");
  ASSERT_TRUE(c.Apply("TXT/Session 78 - 2023/BRA_78_2023.txt", doc));
  const Document& d = doc.document;
  EXPECT_EQ(d.id, "extracted-id");
  EXPECT_EQ(d.type, "speech");
  EXPECT_EQ(d.body, "UNGA");
  EXPECT_EQ(d.session, 78);
  EXPECT_EQ(d.year, 2023);
  EXPECT_EQ(d.title, "Brazil: General Debate statement, 78th session of the General Assembly (2023)");
  ASSERT_EQ(doc.speakers.size(), 1u);
  const Speaker& s = doc.speakers[0];
  EXPECT_EQ(s.id, "luiz-silva");
  EXPECT_EQ(s.name, "Luiz Inacio Lula da Silva");
  EXPECT_EQ(s.honorific, std::nullopt);
  EXPECT_EQ(s.role, "President");
  EXPECT_EQ(s.country, "BRA");
  for (const Paragraph& p : doc.paragraphs) {
    EXPECT_EQ(p.countries, Fields{"BRA"});
    EXPECT_EQ(p.speakers, Fields{"Luiz Inacio Lula da Silva"});
    ASSERT_EQ(p.statements.size(), 1u);
    EXPECT_EQ(p.statements[0].countries, Fields{"BRA"});
    ASSERT_EQ(p.statements[0].speakers.size(), 1u);
    EXPECT_EQ(p.statements[0].speakers[0].id, "luiz-silva");
  }
  EXPECT_TRUE(doc.warnings.empty());
}

TEST(CatalogueTest, UngdcNamesAreCleanedAndHonorificsSplit) {
  Catalogue c = Catalogue::Parse("speakers.csv", kSpeakers);
  ExtractedDocument kwt = SpeechDoc("KWT_78_2023.txt");
  ASSERT_TRUE(c.Apply("KWT_78_2023.txt", kwt));
  EXPECT_EQ(kwt.speakers.at(0).name, "Ahmad Nawaf Al-Ahmad Al-Sabah");
  EXPECT_EQ(kwt.speakers.at(0).honorific, "Sheikh");
  EXPECT_EQ(kwt.speakers.at(0).role, "Prime Minister");
  ExtractedDocument ita = SpeechDoc("ITA_78_2023.txt");
  ASSERT_TRUE(c.Apply("ITA_78_2023.txt", ita));
  EXPECT_EQ(ita.speakers.at(0).name, "Giorgia Meloni");
  EXPECT_EQ(ita.speakers.at(0).role, "President of the Council of Ministers");
  ExtractedDocument swe = SpeechDoc("SWE_18_1963.txt");
  ASSERT_TRUE(c.Apply("SWE_18_1963.txt", swe));  // a row one field short: no post
  EXPECT_EQ(swe.speakers.at(0).name, "NILSSON");
  EXPECT_EQ(swe.speakers.at(0).honorific, "Mr.");
  EXPECT_EQ(swe.speakers.at(0).role, std::nullopt);
}

TEST(CatalogueTest, UngdcCodeTypoIsMatchedByCountryName) {
  Catalogue c = Catalogue::Parse("speakers.csv", kSpeakers);
  ExtractedDocument doc = SpeechDoc("PRT_75_2020.txt");
  ASSERT_TRUE(c.Apply("Session 75 - 2020/PRT_75_2020.txt", doc));
  EXPECT_EQ(doc.paragraphs[0].countries, Fields{"PRT"});
  EXPECT_EQ(doc.speakers.at(0).name, "Antonio Costa");
  EXPECT_EQ(doc.speakers.at(0).honorific, "Mr.");
  EXPECT_EQ(doc.speakers.at(0).country, "PRT");
  ASSERT_EQ(c.matched_by_name().size(), 1u);
  EXPECT_NE(c.matched_by_name()[0].find("speakers.csv:6"), std::string::npos) << c.matched_by_name()[0];
  EXPECT_NE(c.matched_by_name()[0].find("'POR'"), std::string::npos);
  ASSERT_EQ(doc.warnings.size(), 1u);
  // Only the file of the row's own session and year.
  ExtractedDocument other = SpeechDoc("PRT_76_2021.txt");
  EXPECT_FALSE(c.Apply("PRT_76_2021.txt", other));
}

TEST(CatalogueTest, UngdcCountryThatNamesAnotherCodeIsNotedAndTheFilesCodeKept) {
  Catalogue c = Catalogue::Parse("speakers.csv",
                                 "Year,Session,ISO Code,Country,Name of Person Speaking,Post\n"
                                 "2001,56,SWE,Swaziland,Clifford Sibusiso Mamba,UN Representative\n");
  ExtractedDocument doc = SpeechDoc("SWE_56_2001.txt");
  ASSERT_TRUE(c.Apply("SWE_56_2001.txt", doc));
  EXPECT_EQ(doc.paragraphs[0].countries, Fields{"SWE"});
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0],
            "catalogue speakers.csv:2: its Country 'Swaziland' is SWZ, not this file's SWE; the file's code is kept");
  ExtractedDocument swaziland = SpeechDoc("SWZ_56_2001.txt");
  EXPECT_FALSE(c.Apply("SWZ_56_2001.txt", swaziland));  // SWE is a code: the name rule is only for typos
}

TEST(CatalogueTest, TwoRowsForOneFileListBothSpeakers) {
  Catalogue c = Catalogue::Parse("speakers.csv", kSpeakers);
  ExtractedDocument doc = SpeechDoc("IND_15_1960.txt");
  ASSERT_TRUE(c.Apply("IND_15_1960.txt", doc));
  ASSERT_EQ(doc.speakers.size(), 2u);
  EXPECT_EQ(doc.speakers[0].name, "NEHRU");
  EXPECT_EQ(doc.speakers[1].name, "Krishna MENON");
  EXPECT_EQ(doc.paragraphs[1].speakers, (Fields{"NEHRU", "Krishna MENON"}));
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_NE(doc.warnings[0].find("speakers.csv:7, speakers.csv:8"), std::string::npos) << doc.warnings[0];
}

TEST(CatalogueTest, ReportsRowsThatMatchedNoFileAndFilesWithNoRow) {
  Catalogue c = Catalogue::Parse("speakers.csv", kSpeakers);
  for (const char* file : {"BRA_78_2023.txt", "KWT_78_2023.txt", "ITA_78_2023.txt", "PRT_75_2020.txt",
                           "IND_15_1960.txt", "SWE_18_1963.txt"}) {
    ExtractedDocument doc = SpeechDoc(file);
    EXPECT_TRUE(c.Apply(file, doc)) << file;
  }
  ExtractedDocument lonely = SpeechDoc("ZAF_18_1963.txt");
  const ExtractedDocument before = lonely;
  EXPECT_FALSE(c.Apply("ZAF_18_1963.txt", lonely));
  EXPECT_EQ(lonely.document.title, before.document.title);
  EXPECT_EQ(lonely.document.type, "other");
  ExtractedDocument notes = SpeechDoc("notes.txt");
  EXPECT_FALSE(c.Apply("notes.txt", notes));

  EXPECT_EQ(UnmatchedLines(c), (std::vector<size_t>{10}));  // the League of Arab States has no code, no file
  EXPECT_EQ(c.Unmatched()[0].ToString(),
            "speakers.csv:10: ?_42_1987 (Leage of Arab States, Mr. Maksoud)");
}

TEST(CatalogueTest, MatchesByRelativePathOrFileName) {
  const char csv[] =
      "path,symbol,title,type,body,session,year,date,author,country,speaker,role\n"
      "reports/2024/e-cn16-2024-2.txt,E/CN.16/2024/2,Progress made,sg-report,CSTD,27,2024,2024-03-04,UNCTAD,,,\n"
      "statement.txt,,Statement of Brazil,statement,CSTD,27,,2024-04-15,,Brazil,H.E. Ms. Ana Silva; Mr. João "
      "Souza,Ambassador\n"
      "nowhere/missing.txt,,,,,,,,,,,\n";
  Catalogue c = Catalogue::Parse("cat.csv", csv);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_TRUE(c.warnings().empty()) << c.warnings().front();

  ExtractedDocument report = SpeechDoc("reports/2024/e-cn16-2024-2.txt");
  report.paragraphs[0].countries = {"JPN"};
  ASSERT_TRUE(c.Apply("reports/2024/e-cn16-2024-2.txt", report));
  EXPECT_EQ(report.document.symbol, "E/CN.16/2024/2");
  EXPECT_EQ(report.document.title, "Progress made");
  EXPECT_EQ(report.document.type, "sg-report");
  EXPECT_EQ(report.document.body, "CSTD");
  EXPECT_EQ(report.document.session, 27);
  EXPECT_EQ(report.document.year, 2024);
  EXPECT_EQ(report.document.date, "2024-03-04");
  EXPECT_EQ(report.document.author, "UNCTAD");
  EXPECT_EQ(report.paragraphs[0].countries, Fields{"JPN"});  // no country in the row: extraction's stays

  // A path matches as a suffix at a folder boundary, so SOURCE may be a parent folder.
  ExtractedDocument deeper = SpeechDoc("archive/reports/2024/e-cn16-2024-2.txt");
  EXPECT_TRUE(c.Apply("archive/reports/2024/e-cn16-2024-2.txt", deeper));
  ExtractedDocument partial = SpeechDoc("xreports/2024/e-cn16-2024-2.txt");
  EXPECT_FALSE(c.Apply("xreports/2024/e-cn16-2024-2.txt", partial));

  // A bare file name matches that name in any folder; the year comes from the date.
  ExtractedDocument statement = SpeechDoc("submissions/statement.txt");
  ASSERT_TRUE(c.Apply("submissions\\statement.txt", statement));
  EXPECT_EQ(statement.document.type, "statement");
  EXPECT_EQ(statement.document.year, 2024);
  EXPECT_EQ(statement.document.title, "Statement of Brazil");
  ASSERT_EQ(statement.speakers.size(), 2u);
  EXPECT_EQ(statement.speakers[0].name, "Ana Silva");
  EXPECT_EQ(statement.speakers[0].honorific, "H.E. Ms.");
  EXPECT_EQ(statement.speakers[0].role, "Ambassador");
  EXPECT_EQ(statement.speakers[0].country, "BRA");
  EXPECT_EQ(statement.speakers[1].id, "joao-souza");
  EXPECT_EQ(statement.paragraphs[0].countries, Fields{"BRA"});
  EXPECT_EQ(statement.paragraphs[0].speakers, (Fields{"Ana Silva", "João Souza"}));

  EXPECT_EQ(UnmatchedLines(c), (std::vector<size_t>{4}));
  EXPECT_EQ(c.Unmatched()[0].ToString(), "cat.csv:4: nowhere/missing.txt");
}

TEST(CatalogueTest, LaterRowsOverrideAndEmptyValuesAddNothing) {
  Catalogue c = Catalogue::Parse("cat.csv",
                                 "file,title,session,year\n"
                                 "a.txt,First title,26,2023\n"
                                 "a.txt,Second title,,\n");
  ExtractedDocument doc = SpeechDoc("a.txt");
  ASSERT_TRUE(c.Apply("a.txt", doc));
  EXPECT_EQ(doc.document.title, "Second title");
  EXPECT_EQ(doc.document.session, 26);
  EXPECT_EQ(doc.document.year, 2023);
}

TEST(CatalogueTest, ReadsJsonl) {
  const char jsonl[] =
      "\xEF\xBB\xBF{\"file\": \"BRA_27_2024.txt\", \"type\": \"speech\", \"body\": \"CSTD\", \"session\": 27, "
      "\"year\": 2024.0, \"country\": \"Brazil\", \"speaker\": [\"Ms. Ana Silva\"], \"post\": \"Delegate\"}\r\n"
      "\n"
      "[1, 2]\n"
      "{\"path\": \"x.txt\", \"session\": \"twenty\", \"type\": \"memo\", \"country\": \"Atlantis\", "
      "\"title\": true}\n"
      "{not json}\n"
      "{\"symbol\": \"E/CN.16/2024/1\"}\n";
  Catalogue c = Catalogue::Parse("cat.jsonl", jsonl);
  ASSERT_EQ(c.size(), 2u);
  ExtractedDocument doc = SpeechDoc("BRA_27_2024.txt");
  ASSERT_TRUE(c.Apply("BRA_27_2024.txt", doc));
  EXPECT_EQ(doc.document.type, "speech");
  EXPECT_EQ(doc.document.session, 27);
  EXPECT_EQ(doc.document.year, 2024);
  EXPECT_EQ(doc.document.title, "Brazil: statement, 27th session of the CSTD (2024)");
  EXPECT_EQ(doc.speakers.at(0).name, "Ana Silva");
  EXPECT_EQ(doc.speakers.at(0).role, "Delegate");
  EXPECT_EQ(doc.paragraphs[1].countries, Fields{"BRA"});

  EXPECT_TRUE(HasWarning(c, "cat.jsonl:3: not a JSON object")) << ::testing::PrintToString(c.warnings());
  EXPECT_TRUE(HasWarning(c, "cat.jsonl:4: field 'session': 'twenty' is not a session number"));
  EXPECT_TRUE(HasWarning(c, "cat.jsonl:4: field 'type': 'memo' is not a document type"));
  EXPECT_TRUE(HasWarning(c, "cat.jsonl:4: field 'country': 'Atlantis' is not a known country"));
  EXPECT_TRUE(HasWarning(c, "cat.jsonl:4: key 'title' is true or false"));
  EXPECT_TRUE(HasWarning(c, "cat.jsonl:5: not JSON"));
  EXPECT_TRUE(HasWarning(c, "cat.jsonl:6: no path or file"));
}

TEST(CatalogueTest, RowProblemsAreWarningsNamingFileLineAndField) {
  Catalogue c = Catalogue::Parse("cat.csv",
                                 "path,type,session,year,date,colour\n"
                                 "a.txt,memo,27,2024,2024-03-04,red\n"
                                 "b.txt,speech,xxvii,24,4 March,blue\n"
                                 ",speech,27,2024,,\n");
  EXPECT_TRUE(HasWarning(c, "cat.csv:1: column 'colour' is not a catalogue field"));
  EXPECT_TRUE(HasWarning(c, "cat.csv:2: field 'type': 'memo' is not a document type"));
  EXPECT_TRUE(HasWarning(c, "cat.csv:3: field 'session': 'xxvii' is not a session number"));
  EXPECT_TRUE(HasWarning(c, "cat.csv:3: field 'year': '24' is not a year"));
  EXPECT_TRUE(HasWarning(c, "cat.csv:3: field 'date': '4 March' is not an ISO date"));
  EXPECT_TRUE(HasWarning(c, "cat.csv:4: no path or file")) << ::testing::PrintToString(c.warnings());
  EXPECT_EQ(c.size(), 2u);  // a bad field is dropped, not the row
  ExtractedDocument doc = SpeechDoc("b.txt");
  ASSERT_TRUE(c.Apply("b.txt", doc));
  EXPECT_EQ(doc.document.type, "speech");
  EXPECT_EQ(doc.document.session, std::nullopt);

  Catalogue ungdc = Catalogue::Parse("speakers.csv",
                                     "Year,Session,ISO Code,Country\n"
                                     "2023,LXXVIII,BRA,Brazil\n");
  EXPECT_EQ(ungdc.size(), 0u);  // its session names the file: without it the row is useless
  EXPECT_TRUE(HasWarning(ungdc, "speakers.csv:2: field 'Session': 'LXXVIII' is not a session number"));
  EXPECT_TRUE(HasWarning(ungdc, "speakers.csv:2: no usable Session"));
}

std::string FatalReason(const std::string& name, const std::string& content) {
  try {
    Catalogue::Parse(name, content);
  } catch (const InputError& e) {
    EXPECT_EQ(e.path(), name);
    return e.reason();
  }
  ADD_FAILURE() << "no InputError for " << name << ": " << content;
  return "";
}

TEST(CatalogueTest, AFileThatIsNoCatalogueIsFatalNamingFileAndLine) {
  EXPECT_NE(FatalReason("cat.csv", "name,colour\nx,red\n").find("line 1: no recognisable header"), std::string::npos);
  EXPECT_NE(FatalReason("cat.csv", "").find("line 1: empty catalogue"), std::string::npos);
  EXPECT_NE(FatalReason("cat.csv", "path,title\na.txt,\"open\n").find("line 2: quoted field is never closed"),
            std::string::npos);
  EXPECT_NE(FatalReason("cat.csv", "path,title\na.txt,Caf\xe9\n").find("line 2: not UTF-8"), std::string::npos);
  EXPECT_NE(FatalReason("cat.jsonl", "path,title\na.txt,x\n").find("line 1: not JSON"), std::string::npos);
  EXPECT_NE(FatalReason("cat.jsonl", "\n[\"a.txt\"]\n").find("line 2: not a JSON object"), std::string::npos);
}

TEST(CatalogueLoadTest, MissingFileOrOtherFormatIsAUsageErrorOnMetadata) {
  const auto parameter_of = [](const std::string& path) {
    try {
      Catalogue::Load(path);
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
      return e.parameter();
    }
    return std::string("no UsageError");
  };
  EXPECT_EQ(parameter_of("/nonexistent/speakers.csv"), "--metadata");
  EXPECT_EQ(parameter_of("/nonexistent/speakers.xlsx"), "--metadata");
}

TEST(CatalogueMergeTest, SeveralCataloguesMergeFieldByField) {
  // The UNGDC's catalogue says who speaks; an archive's own catalogue gives
  // the symbol and a title. Neither drops what the other gave, in either order.
  const std::string own =
      "path,symbol,title,speaker\n"
      "BRA_78_2023.txt,A/78/PV.4,Statement by Brazil,\n"
      "other.txt,A/78/PV.9,,Ms. Jane Roe\n";
  for (bool ungdc_first : {true, false}) {
    Catalogue c = Catalogue::Parse(ungdc_first ? "speakers.csv" : "own.csv", ungdc_first ? kSpeakers : own);
    c.Merge(Catalogue::Parse(ungdc_first ? "own.csv" : "speakers.csv", ungdc_first ? own : kSpeakers));
    EXPECT_EQ(c.size(), 10u);
    EXPECT_EQ(c.files().size(), 2u);
    ExtractedDocument doc = SpeechDoc("TXT/Session 78 - 2023/BRA_78_2023.txt");
    ASSERT_TRUE(c.Apply("TXT/Session 78 - 2023/BRA_78_2023.txt", doc));
    EXPECT_EQ(doc.document.symbol, "A/78/PV.4") << ungdc_first;
    EXPECT_EQ(doc.document.title, "Statement by Brazil") << ungdc_first;
    EXPECT_EQ(doc.document.type, "speech") << ungdc_first;
    ASSERT_EQ(doc.speakers.size(), 1u) << ungdc_first;
    EXPECT_EQ(doc.speakers[0].name, "Luiz Inacio Lula da Silva");
    EXPECT_EQ(doc.paragraphs[0].countries, Fields{"BRA"});
    // A row of each catalogue that matched nothing is reported from its own file.
    bool own_reported = false, ungdc_reported = false;
    for (const auto& row : c.Unmatched()) {
      own_reported |= row.ToString() == "own.csv:3: other.txt";
      ungdc_reported |= row.ToString().rfind("speakers.csv:", 0) == 0;
    }
    EXPECT_TRUE(own_reported && ungdc_reported) << ungdc_first;
  }
}

TEST(CatalogueMergeTest, SpeakersOfBothCataloguesAccumulate) {
  Catalogue c = Catalogue::Parse("a.csv", "path,speaker\nstatement.txt,Mr. David Souter\n");
  c.Merge(Catalogue::Parse("b.jsonl", R"({"path": "statement.txt", "speaker": "Ms. Anriette Esterhuysen"})"));
  ExtractedDocument doc = SpeechDoc("statement.txt");
  ASSERT_TRUE(c.Apply("statement.txt", doc));
  ASSERT_EQ(doc.speakers.size(), 2u);
  EXPECT_EQ(doc.speakers[0].name, "David Souter");
  EXPECT_EQ(doc.speakers[0].honorific, "Mr.");
  EXPECT_EQ(doc.speakers[1].name, "Anriette Esterhuysen");
  EXPECT_EQ(doc.paragraphs[1].speakers, (Fields{"David Souter", "Anriette Esterhuysen"}));
}

TEST(CatalogueTest, AnchorsAreTheRowsSpeakersWithTheirDelegationAndYear) {
  const Catalogue c = Catalogue::Parse("speakers.csv", kSpeakers);
  const auto anchors = c.Anchors();
  ASSERT_EQ(anchors.size(), 8u);
  EXPECT_EQ(anchors[0].name, "Luiz Inacio Lula da Silva");
  EXPECT_EQ(anchors[0].context.country, "BRA");
  EXPECT_EQ(anchors[0].context.year, 2023);
  // POR is no code: the row goes to the file its Country names, PRT.
  EXPECT_EQ(anchors[3].name, "Antonio Costa");
  EXPECT_EQ(anchors[3].context.country, "PRT");
}

TEST(CatalogueTest, SpeakersNamesLoseTitlesAndPostNominals) {
  Catalogue c = Catalogue::Parse(
      "speakers.csv",
      "Year,Session,ISO Code,Country,Name of Person Speaking,Post\n"
      "2020,75,AUS,Australia,\"Mr. Scott Morrison, MP\",Prime Minister\n"
      "2019,74,TON,Tonga,His Majesty King Tupou VI,King\n");
  ExtractedDocument aus = SpeechDoc("AUS_75_2020.txt");
  ASSERT_TRUE(c.Apply("AUS_75_2020.txt", aus));
  ASSERT_EQ(aus.speakers.size(), 1u);
  EXPECT_EQ(aus.speakers[0].name, "Scott Morrison");
  EXPECT_EQ(aus.speakers[0].honorific, "Mr.");
  EXPECT_EQ(aus.speakers[0].post_nominals, "MP");
  EXPECT_EQ(aus.speakers[0].id, "scott-morrison");
  ExtractedDocument ton = SpeechDoc("TON_74_2019.txt");
  ASSERT_TRUE(c.Apply("TON_74_2019.txt", ton));
  EXPECT_EQ(ton.speakers[0].name, "Tupou VI");
  EXPECT_EQ(ton.speakers[0].honorific, "His Majesty King");
  EXPECT_EQ(ton.speakers[0].id, "tupou-vi");
}

TEST(CatalogueLoadTest, LoadsAFile) {
  const test_support::TempDir temp("catalogue-test");
  const std::string path = temp.Write("speakers.csv", kSpeakers);
  const Catalogue c = Catalogue::Load(path);
  EXPECT_EQ(c.size(), 8u);
  EXPECT_EQ(c.files(), std::vector<std::string>{path});
}

}  // namespace
}  // namespace cstd::extract

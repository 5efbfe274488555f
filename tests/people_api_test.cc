// People and delegations through the HTTP API, end to end: the real
// cstd-indexer builds an index of ../shared/corpus/cstd together with a
// small General Debate archive and its two catalogues (the UNGDC's
// speakers.csv form, and a catalogue of symbols), and the real cstd-searchd
// answers on a loopback port. Names are found in plain queries (speakers'
// and delegations' names are fields of each passage), `speaker=` and
// `country=` take any unambiguous part of a name and refuse one that names
// no one, and facet value search matches any word of a label.

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/index_layout.h"
#include "model/schema.h"
#include "query/http_client.h"
#include "tests/support/process.h"

namespace cstd::testing {
namespace {

namespace fs = std::filesystem;

// A General Debate archive as the UNGDC ships it: one speech per file,
// named ISO3_SESSION_YEAR.txt, and speakers.csv naming who spoke, in the
// catalogue's own spellings.
const char kSpeakers[] =
    "Year,Session,ISO Code,Country,Name of Person Speaking,Post\n"
    "2023,78,BRA,Brazil,Luiz Inacio Lula da Silva,President\n"
    "2023,78,ARG,Argentina,Alberto Fernandez,President\n"
    "2022,77,USA,USA,\"Joseph R. Biden, Jr\",President\n"
    "2021,76,USA,United States,Joe Biden,President\n"
    "2020,75,USA,United States of America,Mr. Donald Trump,President\n"
    "2019,74,USA,United States of America,Mr. Donald Trump,President\n"
    "2019,74,TON,Tonga,King Tupou VI,King\n"
    "2016,71,ESP,Spain,King Don Felipe VI,King\n"
    "2004,59,USA,United States of America,Mr. George W. Bush,President\n"
    "1990,45,USA,United States of America,George BUSH,President\n";

// The archive's own catalogue of symbols: it must add to the first, not
// replace it.
const char kSymbols[] =
    "path,symbol\n"
    "BRA_78_2023.txt,A/78/PV.4\n"
    "TON_74_2019.txt,A/74/PV.9\n";

std::string Speech(const std::string& who, const std::string& topic) {
  return "It is an honour to address this Assembly on behalf of " + who +
         ".\n\nOur people expect the United Nations to deliver peace and development for all.\n\n" + topic +
         "\n\nWe will work with every delegation to that end.\n";
}

class PeopleApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = new ServedIndex();
    const std::string archive = served_->path() + "/archive";
    for (const auto& entry : fs::directory_iterator(SharedCorpus())) {
      fs::create_directories(archive + "/cstd");
      fs::copy_file(entry.path(), archive + "/cstd/" + entry.path().filename().string());
    }
    WriteFile(archive + "/notes/governance-2024.md",
              "Governance dialogue, 2024\n\n"
              "1. A panellist<sup>1</sup> recalled the origins of the multistakeholder model of Internet "
              "governance.\n\n"
              "2. Participants discussed the review of the World Summit on the Information Society.\n\n"
              "<sup>1</sup> Mr. Wolfgang Kleinwächter, Professor Emeritus, University of Aarhus, Denmark.\n");
    const std::string ungdc = archive + "/ungdc";
    WriteFile(ungdc + "/BRA_78_2023.txt",
              Speech("our nation", "We call for fair data governance rules so that developing economies "
                                   "share in the value their data creates."));
    WriteFile(ungdc + "/ARG_78_2023.txt",
              Speech("the Argentine Republic", "We support the proposals of Brazil on data governance so that "
                                               "every economy shares in the value of data."));
    WriteFile(ungdc + "/USA_77_2022.txt", Speech("the United States", "We will defend democracy everywhere."));
    WriteFile(ungdc + "/USA_76_2021.txt", Speech("the United States", "We are back at the table."));
    WriteFile(ungdc + "/USA_75_2020.txt", Speech("the United States", "We put our nation first."));
    WriteFile(ungdc + "/USA_74_2019.txt", Speech("the United States", "The future belongs to patriots."));
    WriteFile(ungdc + "/TON_74_2019.txt", Speech("the Kingdom of Tonga", "The ocean is rising around our islands."));
    WriteFile(ungdc + "/ESP_71_2016.txt", Speech("the Kingdom of Spain", "Spain stands for multilateralism."));
    WriteFile(ungdc + "/USA_59_2004.txt", Speech("the United States", "Freedom is on the march."));
    WriteFile(ungdc + "/USA_45_1990.txt", Speech("the United States", "A new world order is within reach."));
    WriteFile(served_->path() + "/speakers.csv", kSpeakers);
    WriteFile(served_->path() + "/symbols.csv", kSymbols);
    index_ = served_->index();
    const RunResult build =
        RunCommand({ProgramPath("cstd-indexer"), "build", "--index", index_, "--metadata",
                    served_->path() + "/speakers.csv", "--metadata", served_->path() + "/symbols.csv", archive});
    ASSERT_EQ(build.exit_code, 0) << build.err;
    served_->Serve();
  }

  static void TearDownTestSuite() {
    delete served_;
  }

  static query::HttpResult Get(const std::string& target) {
    return query::HttpGet(served_->server().host(), served_->server().port(), target);
  }

  static rapidjson::Document Json(const std::string& target, int status = 200) {
    const auto r = Get(target);
    EXPECT_EQ(r.status, status) << target << ": " << r.body;
    rapidjson::Document d;
    d.Parse(r.body.c_str());
    EXPECT_FALSE(d.HasParseError()) << r.body;
    return d;
  }

  // The speaker ids of every hit of `target`.
  static std::set<std::string> HitSpeakers(const rapidjson::Document& d) {
    std::set<std::string> ids;
    for (const auto& hit : d["hits"].GetArray()) {
      for (const auto& s : hit["speakers"].GetArray()) ids.insert(s["id"].GetString());
    }
    return ids;
  }

  static std::vector<std::string> Filters(const rapidjson::Document& d, const char* field) {
    std::vector<std::string> values;
    if (!d["query"]["filters"].HasMember(field)) return values;
    for (const auto& v : d["query"]["filters"][field].GetArray()) values.emplace_back(v.GetString());
    return values;
  }

  static std::vector<std::string> FacetValues(const std::string& target) {
    const auto d = Json(target);
    std::vector<std::string> values;
    for (const auto& v : d["values"].GetArray()) values.emplace_back(v["value"].GetString());
    return values;
  }

  static ServedIndex* served_;
  static std::string index_;
};

ServedIndex* PeopleApiTest::served_ = nullptr;
std::string PeopleApiTest::index_;

// ---- Item 3: names in plain queries ----------------------------------------------

TEST_F(PeopleApiTest, ASpeakerNamedInAFootnoteIsFoundByName) {
  // David Souter's statement names him only in its footnote.
  const auto souter = Json("/v1/search?q=Souter&facets=");
  ASSERT_GT(souter["total"].GetUint64(), 0u);
  EXPECT_EQ(HitSpeakers(souter), std::set<std::string>{"david-souter"});
  const auto with_topic = Json("/v1/search?q=Souter+WSIS&facets=");
  ASSERT_GT(with_topic["total"].GetUint64(), 0u);
  EXPECT_EQ(HitSpeakers(with_topic), std::set<std::string>{"david-souter"});
  // Case and accents do not matter.
  for (const char* q : {"kleinwachter", "Kleinw%C3%A4chter", "KLEINWACHTER"}) {
    const auto d = Json(std::string("/v1/search?facets=&q=") + q);
    ASSERT_EQ(d["total"].GetUint64(), 1u) << q;
    EXPECT_EQ(HitSpeakers(d), std::set<std::string>{"wolfgang-kleinwachter"}) << q;
  }
  // Any form of the name finds every statement: "Joseph Biden" those printed "Joe Biden".
  const auto biden = Json("/v1/search?q=Joseph+Biden&facets=year");
  std::set<int> years;
  for (const auto& v : biden["facets"]["year"].GetArray()) years.insert(v["value"].GetInt());
  EXPECT_EQ(years, (std::set<int>{2021, 2022}));
}

TEST_F(PeopleApiTest, ADelegationsOwnStatementsRankAboveMentionsOfIt) {
  const auto d = Json("/v1/search?q=Brazil+data+governance&facets=");
  ASSERT_GE(d["hits"].Size(), 2u);
  const auto& top = d["hits"][0];
  ASSERT_EQ(top["countries"].Size(), 1u);
  EXPECT_STREQ(top["countries"][0]["code"].GetString(), "BRA") << top["snippet"].GetString();
  bool argentina_below = false;
  for (const auto& hit : d["hits"].GetArray()) {
    if (hit["countries"].Size() && std::string(hit["countries"][0]["code"].GetString()) == "ARG") argentina_below = true;
  }
  EXPECT_TRUE(argentina_below) << "the paragraph that mentions Brazil is found too";
  // A delegation's name in the query finds its statements without the word in the text.
  const auto tonga = Json("/v1/search?q=Tonga+ocean&facets=");
  ASSERT_EQ(tonga["total"].GetUint64(), 1u);
  EXPECT_STREQ(tonga["hits"][0]["countries"][0]["code"].GetString(), "TON");
}

// ---- Items 1 and 2: catalogues merge; one person, one speaker ---------------------------

TEST_F(PeopleApiTest, TwoCataloguesBothApply) {
  const auto d = Json("/v1/documents/bra_78_2023");
  EXPECT_STREQ(d["document"]["symbol"].GetString(), "A/78/PV.4");
  EXPECT_STREQ(d["document"]["type"].GetString(), "speech");
  ASSERT_EQ(d["speakers"].Size(), 1u);
  EXPECT_STREQ(d["speakers"][0]["name"].GetString(), "Luiz Inacio Lula da Silva");
}

TEST_F(PeopleApiTest, OnePersonOneSpeakerAndNoTwoPeopleOne) {
  const auto ids = [&](const std::string& name) {
    return Filters(Json("/v1/search?facets=&speaker=" + name), "speaker");
  };
  // One president, three spellings.
  EXPECT_EQ(ids("Joe%20Biden"), std::vector<std::string>{"joseph-biden"});
  const auto biden = Json("/v1/search?facets=&group=document&speaker=joseph-biden");
  EXPECT_EQ(biden["total"].GetUint64(), 2u);
  // Two kings with the same regnal number.
  const auto tupou = ids("Tupou");
  const auto felipe = ids("Felipe");
  ASSERT_EQ(tupou.size(), 1u);
  ASSERT_EQ(felipe.size(), 1u);
  EXPECT_NE(tupou, felipe);
  // Two presidents Bush.
  EXPECT_EQ(ids("Bush").size(), 2u);
}

// ---- Item 4: speaker= and country= ----------------------------------------------------

TEST_F(PeopleApiTest, SpeakerFilterTakesAnyUnambiguousPartOfAName) {
  const auto by_id = Json("/v1/search?facets=&speaker=david-souter");
  ASSERT_GT(by_id["total"].GetUint64(), 0u);
  for (const char* value : {"Souter", "souter", "Mr.%20David%20Souter", "David%20Souter", "Mr%20Souter"}) {
    const auto d = Json(std::string("/v1/search?facets=&speaker=") + value);
    EXPECT_EQ(d["total"].GetUint64(), by_id["total"].GetUint64()) << value;
    EXPECT_EQ(Filters(d, "speaker"), std::vector<std::string>{"david-souter"}) << value;
  }
  // The query language's field takes the same.
  const auto field = Json("/v1/search?facets=&q=speaker:Souter");
  EXPECT_EQ(field["total"].GetUint64(), by_id["total"].GetUint64());
  for (const char* value : {"Trump", "Mr.%20Donald%20Trump", "Donald%20Trump", "trump"}) {
    const auto d = Json(std::string("/v1/search?facets=&group=document&speaker=") + value);
    EXPECT_EQ(d["total"].GetUint64(), 2u) << value;
    EXPECT_EQ(Filters(d, "speaker"), std::vector<std::string>{"donald-trump"}) << value;
  }
}

TEST_F(PeopleApiTest, AnAmbiguousNameMatchesEveryoneItNamesAndSaysWhom) {
  const auto d = Json("/v1/search?facets=speaker&group=document&speaker=Bush");
  const auto ids = Filters(d, "speaker");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(d["total"].GetUint64(), 2u);
  EXPECT_EQ(HitSpeakers(d), std::set<std::string>(ids.begin(), ids.end()));
  // A full name picks one of them.
  EXPECT_EQ(Filters(Json("/v1/search?facets=&speaker=George%20W.%20Bush"), "speaker").size(), 1u);
  const auto korea = Json("/v1/search?facets=&country=Korea");
  EXPECT_EQ(Filters(korea, "country"), (std::vector<std::string>{"KOR", "PRK"}));
}

TEST_F(PeopleApiTest, ANameThatMatchesNobodyIsA400NamingIt) {
  for (const auto& [target, named] : std::vector<std::pair<std::string, std::string>>{
           {"/v1/search?speaker=Nobody%20Atall", "Nobody Atall"},
           {"/v1/search?q=speaker:Zyxwv", "Zyxwv"},
           {"/v1/search?country=Atlantis", "Atlantis"},
           {"/v1/search?q=country:Atlantis", "Atlantis"},
           {"/v1/facets/country?speaker=Nobody", "Nobody"}}) {
    const auto r = Get(target);
    EXPECT_EQ(r.status, 400) << target << ": " << r.body;
    EXPECT_NE(r.body.find(named), std::string::npos) << r.body;
  }
  const auto palestine = Json("/v1/search?facets=&country=Palestine");
  EXPECT_EQ(Filters(palestine, "country"), std::vector<std::string>{"PSE"});
}

// ---- Item 5: facet value search --------------------------------------------------------

TEST_F(PeopleApiTest, FacetValueSearchMatchesAnyWordOfALabel) {
  EXPECT_EQ(FacetValues("/v1/facets/speaker?prefix=souter"), std::vector<std::string>{"david-souter"});
  EXPECT_EQ(FacetValues("/v1/facets/speaker?prefix=sout"), std::vector<std::string>{"david-souter"});
  EXPECT_EQ(FacetValues("/v1/facets/speaker?prefix=kleinwachter"), std::vector<std::string>{"wolfgang-kleinwachter"});
  EXPECT_EQ(FacetValues("/v1/facets/speaker?prefix=Kleinw%C3%A4"), std::vector<std::string>{"wolfgang-kleinwachter"});
  EXPECT_EQ(FacetValues("/v1/facets/speaker?prefix=biden"), std::vector<std::string>{"joseph-biden"});
  EXPECT_EQ(FacetValues("/v1/facets/speaker?prefix=joe"), std::vector<std::string>{"joseph-biden"});
  EXPECT_EQ(FacetValues("/v1/facets/speaker?prefix=lula"), std::vector<std::string>{"luiz-silva"});
  EXPECT_EQ(FacetValues("/v1/facets/speaker?prefix=david%20sou"), std::vector<std::string>{"david-souter"});
  EXPECT_EQ(FacetValues("/v1/facets/country?prefix=palestine"), std::vector<std::string>{"PSE"});
  EXPECT_EQ(FacetValues("/v1/facets/country?prefix=pal"), std::vector<std::string>{"PSE"});
  EXPECT_EQ(FacetValues("/v1/facets/country?prefix=BRA"), std::vector<std::string>{"BRA"});
  EXPECT_TRUE(FacetValues("/v1/facets/speaker?prefix=zzz").empty());
}

// Every passage's speaker ids, by passage id, and every speaker id the index knows.
std::map<std::string, std::vector<std::string>> SpeakerIdsOf(const std::string& index_dir) {
  std::map<std::string, std::vector<std::string>> out;
  const Xapian::Database db = OpenIndex(index_dir);
  const std::string passage_prefix(schema::kPrefixPassageId);
  for (auto it = db.allterms_begin(passage_prefix); it != db.allterms_end(passage_prefix); ++it) {
    const Xapian::Document doc = db.get_document(*db.postlist_begin(*it));
    auto& ids = out[*it];
    const std::string speaker_prefix(schema::kPrefixSpeaker);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t).rfind(speaker_prefix, 0) == 0) ids.push_back(*t);
    }
  }
  const std::string records(schema::kMetaSpeakerPrefix);
  for (auto it = db.metadata_keys_begin(records); it != db.metadata_keys_end(records); ++it) out["(all)"].push_back(*it);
  return out;
}

TEST_F(PeopleApiTest, TheSameArchiveGivesTheSameIds) {
  // Another build of the same archive, on one thread instead of the
  // machine's cores: ids are given in file order, not in thread order.
  const std::string again = served_->path() + "/again";
  const RunResult build = RunCommand({ProgramPath("cstd-indexer"), "build", "--jobs", "1", "--index", again,
                                      "--metadata", served_->path() + "/speakers.csv", "--metadata",
                                      served_->path() + "/symbols.csv", served_->path() + "/archive"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  const auto first = SpeakerIdsOf(index_);
  const auto second = SpeakerIdsOf(again);
  EXPECT_GT(first.at("(all)").size(), 20u);
  EXPECT_EQ(first, second);
}

// ---- Item 6: a speaker's and a delegation's page ---------------------------------------

TEST_F(PeopleApiTest, ASpeakersPageGathersEveryFormAndSession) {
  const auto d = Json("/v1/speakers/Biden");
  EXPECT_STREQ(d["kind"].GetString(), "speaker");
  EXPECT_STREQ(d["id"].GetString(), "joseph-biden");
  EXPECT_STREQ(d["name"].GetString(), "Joseph R. Biden");
  std::set<std::string> names;
  for (const auto& n : d["names"].GetArray()) names.insert(n.GetString());
  EXPECT_EQ(names, (std::set<std::string>{"Joseph R. Biden", "Joe Biden"}));
  EXPECT_EQ(d["documents"].GetUint64(), 2u);
  EXPECT_EQ(d["first_year"].GetInt(), 2021);
  EXPECT_EQ(d["last_year"].GetInt(), 2022);
  ASSERT_EQ(d["sessions"].Size(), 2u);
  EXPECT_EQ(d["sessions"][0]["session"].GetInt(), 77);  // newest first
  EXPECT_EQ(d["sessions"][1]["year"].GetInt(), 2021);
  ASSERT_EQ(d["countries"].Size(), 1u);
  EXPECT_STREQ(d["countries"][0]["value"].GetString(), "USA");
  // The statements the page lists are the search's.
  const auto search = Json("/v1/search?facets=&speaker=joseph-biden");
  EXPECT_EQ(d["passages"].GetUint64(), search["total"].GetUint64());
  // Several people of one name: a 404 that names them.
  const auto bush = Get("/v1/speakers/Bush");
  EXPECT_EQ(bush.status, 404);
  EXPECT_NE(bush.body.find("several"), std::string::npos) << bush.body;
  EXPECT_EQ(Get("/v1/speakers/Nobody").status, 404);
}

TEST_F(PeopleApiTest, ADelegationsPageNamesItsSpeakersAndTopics) {
  const auto d = Json("/v1/countries/Brazil");
  EXPECT_STREQ(d["kind"].GetString(), "country");
  EXPECT_STREQ(d["id"].GetString(), "BRA");
  ASSERT_GE(d["speakers"].Size(), 1u);
  EXPECT_STREQ(d["speakers"][0]["value"].GetString(), "luiz-silva");
  EXPECT_STREQ(d["speakers"][0]["label"].GetString(), "Luiz Inacio Lula da Silva");
  std::set<std::string> topics;
  for (const auto& t : d["topics"].GetArray()) topics.insert(t["term"].GetString());
  EXPECT_TRUE(topics.count("governance") || topics.count("economies")) << ::testing::PrintToString(topics);
  EXPECT_FALSE(topics.count("brazil")) << "its own name is no topic";
  EXPECT_EQ(Get("/v1/countries/Atlantis").status, 404);
}

}  // namespace
}  // namespace cstd::testing

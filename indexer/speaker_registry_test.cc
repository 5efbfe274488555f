#include "indexer/speaker_registry.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "extract/extract.h"
#include "indexer/index_writer.h"
#include "model/document_json.h"
#include "model/index_layout.h"
#include "model/names.h"
#include "model/schema.h"
#include "model/stored_records.h"
#include "model/text.h"
#include "tests/support/temp_dir.h"

namespace cstd::indexer {
namespace {

extract::NameContext In(const char* country, int year) {
  return extract::NameContext{country, year};
}

TEST(SpeakerRegistryTest, OnePersonOneIdDespiteTyposAndMiddleNames) {
  SpeakerRegistry registry;
  const extract::NameContext none;
  const std::string a = registry.Resolve("Wolfgang Kleinwächter", none, true);
  EXPECT_EQ(a, "wolfgang-kleinwachter");
  EXPECT_EQ(registry.Resolve("Wolfgang Kleinwächterk", none, true), a);
  EXPECT_EQ(registry.Resolve("Mr. Wolfgang KLEINWACHTER", none, true), a);
  EXPECT_EQ(registry.Resolve("Ana Cristina Amoroso das Neves", none, true),
            registry.Resolve("Ana Cristina das Neves", none, true));
  // Short last names are not joined on one edit by name alone: "Mora" and "Moya" are two people.
  EXPECT_NE(registry.Resolve("Luca Mora", none, true), registry.Resolve("Luca Moya", none, true));
  // A different first name is a different person.
  EXPECT_NE(registry.Resolve("Maria Kleinwächter", none, true), a);
  EXPECT_EQ(registry.Resolve("", none, true), "");
}

// The cases of the issue, as the UNGDC catalogue prints them.
TEST(SpeakerRegistryTest, CollisionsOfTheOldIdsAreDifferentPeople) {
  SpeakerRegistry registry;
  const std::string tonga = registry.Resolve("His Majesty King Tupou VI", In("TON", 2018), true);
  const std::string spain = registry.Resolve("King Don Felipe VI", In("ESP", 2016), true);
  EXPECT_EQ(tonga, "tupou-vi");
  EXPECT_EQ(spain, "felipe-vi");
  EXPECT_EQ(registry.Resolve("King Tupou VI", In("TON", 2019), true), tonga);
  EXPECT_EQ(registry.Resolve("Don Felipe VI", In("ESP", 2014), true), spain);
  // One surname, one delegation, decades apart: two people, two ids.
  const std::string ghw = registry.Resolve("George BUSH", In("USA", 1990), true);
  const std::string gw = registry.Resolve("George W. Bush", In("USA", 2004), true);
  EXPECT_NE(ghw, gw);
  EXPECT_EQ(registry.Resolve("George W Bush", In("USA", 2008), true), gw);
  EXPECT_EQ(registry.Resolve("GEORGE BUSH", In("USA", 1992), true), ghw);
  // A full name printed again after more than kMaxGapYears: one person;
  // with an initial, no proof (the Bushes above).
  const std::string amorim = registry.Resolve("Celso Luis Nunes Amorim", In("BRA", 1993), true);
  EXPECT_EQ(registry.Resolve("Celso Amorim", In("BRA", 2009), true), amorim);
  EXPECT_EQ(registry.Resolve("Celso Luiz Nunes Amorim", In("BRA", 2005), true), amorim);
  // Two words with a typo are not proof enough across the years.
  const std::string philip = registry.Resolve("Danny Philip", In("SLB", 1995), true);
  EXPECT_NE(registry.Resolve("Danny Phillip", In("SLB", 2011), true), philip);
  // A son whose full name holds his father's: the first given name decides.
  const std::string father = registry.Resolve("Hamad bin Khalifa Al-Thani", In("QAT", 2010), true);
  const std::string son = registry.Resolve("Tamim bin Hamad bin Khalifa AL-THANI", In("QAT", 2014), true);
  EXPECT_NE(father, son);
  EXPECT_EQ(registry.Resolve("Tamim bin Hamad Al-Thani", In("QAT", 2016), true), son);
  // A surname alone, in two delegations.
  EXPECT_NE(registry.Resolve("Mr. KHAN", In("PAK", 1950), true), registry.Resolve("Mr. KHAN", In("IND", 1950), true));
  // Ids are unique whatever the base.
  std::set<std::string> ids;
  for (const auto& r : registry.Records()) EXPECT_TRUE(ids.insert(r.id).second) << r.id;
}

TEST(SpeakerRegistryTest, OnePersonUnderManySpellings) {
  SpeakerRegistry registry;
  const std::string biden = registry.Resolve("Joseph R. Biden", In("USA", 2023), true);
  EXPECT_EQ(registry.Resolve("Joseph R. Biden, Jr", In("USA", 2022), true), biden);
  EXPECT_EQ(registry.Resolve("Joe Biden", In("USA", 2021), true), biden);
  const std::string morrison = registry.Resolve("Scott Morrison", In("AUS", 2021), true);
  EXPECT_EQ(registry.Resolve("Mr. Scott Morrison, MP", In("AUS", 2020), true), morrison);
  const std::string lula = registry.Resolve("Luiz Inacio Lula da Silva", In("BRA", 2009), true);
  EXPECT_EQ(registry.Resolve("Mr. Lula Da Silva", In("BRA", 2006), true), lula);
  EXPECT_EQ(registry.Resolve("Luiz Inácio Lula da Silva,", In("BRA", 2007), true), lula);
  // Years later, the same words: the same person.
  EXPECT_EQ(registry.Resolve("Luiz Inacio Lula da Silva", In("BRA", 2023), true), lula);
  const std::string bolkiah = registry.Resolve("Prince Mohamed Bolkiah", In("BRN", 1990), true);
  EXPECT_EQ(registry.Resolve("Prince Mohamad BOLKIAH", In("BRN", 1992), true), bolkiah);
  EXPECT_EQ(registry.Resolve("PRINCE MOHAMED BOLKIAH", In("BRN", 1993), true), bolkiah);
  const std::string gromyko = registry.Resolve("Andrei Gromyko", In("RUS", 1960), true);
  EXPECT_EQ(registry.Resolve("Mr. GROMYKO", In("RUS", 1962), true), gromyko);
  // A person who moves: the same full name for another delegation.
  const std::string shevardnadze = registry.Resolve("Eduard Shevardnadze", In("RUS", 1989), true);
  EXPECT_EQ(registry.Resolve("Eduard Shevardnadze", In("GEO", 1995), true), shevardnadze);
  EXPECT_EQ(registry.Resolve("Mr. SHEVARDNADZE", In("GEO", 1996), true), shevardnadze);
  // ...but a surname alone is another delegation's own.
  EXPECT_NE(registry.Resolve("Mr. SHEVARDNADZE", In("UKR", 1996), true), shevardnadze);
}

TEST(SpeakerRegistryTest, TheDisplayNameIsTheFormPrintedMostOften) {
  SpeakerRegistry registry;
  const std::string id = registry.Resolve("Joe Biden", In("USA", 2021), true);
  registry.Resolve("Joseph R. Biden", In("USA", 2022), true);
  registry.Resolve("Joseph R. Biden", In("USA", 2023), true);
  registry.Resolve("BIDEN", In("USA", 2023), true);
  registry.Resolve("BIDEN", In("USA", 2023), true);
  registry.Resolve("BIDEN", In("USA", 2023), true);
  const auto records = registry.Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].id, id);
  // A surname alone names him less well than any full form.
  EXPECT_EQ(records[0].DisplayName(), "Joseph R. Biden");
  EXPECT_EQ(records[0].countries, std::vector<std::string>{"USA"});
  EXPECT_EQ(records[0].years, (std::vector<int>{2021, 2022, 2023}));
  ASSERT_EQ(records[0].forms.size(), 3u);
  EXPECT_EQ(records[0].forms[1].matched, "Joe Biden");
  EXPECT_EQ(records[0].forms[1].how & names::kInitials, 0u);
}

TEST(SpeakerRegistryTest, AnchorsGiveFullNamesFirstAndIdsFromTheMostPrintedForm) {
  // Catalogue order (newest first) would meet the short forms first.
  const std::vector<extract::SpeakerAnchor> anchors = {
      {"Rudolph INSANALLY", In("GUY", 1999)},
      {"Samuel R. Insanally", In("GUY", 2000)},
      {"Samuel Insanally", In("GUY", 2001)},
      {"Samuel Rudolph Insanally", In("GUY", 1998)},
      {"Mr. INSANALLY", In("GUY", 1995)},
      {"Tuilaepa Sailele Malielegaoi", In("WSM", 2020)},
      {"Tuilaepa Sailele Malielegaoi", In("WSM", 2019)},
      {"Tuilaepa Sailele Malielegaoi", In("WSM", 2010)},
      {"Tuilaepa Lupesoliai Sailele Maliegaoi", In("WSM", 2009)},  // a typo, once
      {"Tuilaepa Sailele Malielegaoi", In("WSM", 1999)},
  };
  SpeakerRegistry registry;
  registry.AddAnchors(anchors);
  const auto records = registry.Records();
  ASSERT_EQ(records.size(), 2u);
  std::map<std::string, SpeakerRecord> by_id;
  for (const auto& r : records) {
    by_id[r.id] = r;
    for (const auto& f : r.forms) EXPECT_EQ(f.count, 0u) << "anchors count no documents";
  }
  // Named after the form printed most, not the fullest one met first.
  ASSERT_TRUE(by_id.count("tuilaepa-malielegaoi")) << ::testing::PrintToString(records.front().id);
  ASSERT_TRUE(by_id.count("samuel-insanally"));
  EXPECT_EQ(by_id["samuel-insanally"].forms.size(), 5u);
  EXPECT_EQ(by_id["samuel-insanally"].forms[0].name, "Samuel R. Insanally");  // three words, met before two
  // Files resolve to the anchors.
  EXPECT_EQ(registry.Resolve("Tuilaepa Sailele Malielegaoi", In("WSM", 2015), true), "tuilaepa-malielegaoi");
  EXPECT_EQ(registry.Resolve("Mr. Samuel R. Insanally", In("GUY", 2000), true), "samuel-insanally");
}

TEST(SpeakerRegistryTest, AFormThatFitsSeveralPeopleGoesToTheNearestInTimeOrStandsAlone) {
  const auto two_sabahs = [](SpeakerRegistry& registry) {
    const std::string sabah = registry.Resolve("Sabah Al-Ahmad Al-Jaber Al-Sabah", In("KWT", 1990), true);
    const std::string mohammad = registry.Resolve("Mohammad Sabah Al-Salem Al-Sabah", In("KWT", 1998), true);
    EXPECT_NE(sabah, mohammad);
    return std::make_pair(sabah, mohammad);
  };
  {
    // "Al-Sabah" alone fits both: in 1991 the first spoke a year before.
    SpeakerRegistry registry;
    const auto [sabah, mohammad] = two_sabahs(registry);
    EXPECT_EQ(registry.Resolve("Mr. AL-SABAH", In("KWT", 1991), true), sabah);
    // Then the same form in 1994 follows the one it was given to.
    EXPECT_EQ(registry.Resolve("Mr. AL-SABAH", In("KWT", 1994), true), sabah);
    for (const auto& r : registry.Records()) {
      if (r.id != sabah) continue;
      ASSERT_EQ(r.forms.size(), 2u);
      EXPECT_TRUE(r.forms[1].by_year);
      EXPECT_EQ(r.forms[1].also, std::vector<std::string>{mohammad});
    }
  }
  {
    // In 1994, first met, it is anyone's guess: a speaker of its own, with
    // both named for review.
    SpeakerRegistry registry;
    const auto [sabah, mohammad] = two_sabahs(registry);
    const std::string between = registry.Resolve("Mr. AL-SABAH", In("KWT", 1994), true);
    EXPECT_NE(between, sabah);
    EXPECT_NE(between, mohammad);
    for (const auto& r : registry.Records()) {
      if (r.id == between) {
        EXPECT_EQ(r.forms[0].also, (std::vector<std::string>{sabah, mohammad}));
      }
    }
  }
}

TEST(SpeakerRegistryTest, SameArchiveSameIds) {
  const auto run = [] {
    SpeakerRegistry registry;
    registry.AddAnchors({{"His Majesty King Tupou VI", In("TON", 2018)}, {"King Felipe VI", In("ESP", 2016)},
                         {"George Bush", In("USA", 1990)}, {"George W. Bush", In("USA", 2004)}});
    std::vector<std::string> ids;
    for (const char* name : {"Tupou VI", "George Bush", "George W. Bush", "Wolfgang Kleinwächter"}) {
      ids.push_back(registry.Resolve(name, extract::NameContext{}, true));
    }
    return ids;
  };
  EXPECT_EQ(run(), run());
}

TEST(SpeakerRegistryTest, RecordsSurviveTheIndex) {
  const test_support::TempDir temp("records");
  const std::string dir = temp.Path("index");
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE);
  std::string biden, tonga;
  {
    SpeakerRegistry registry;
    biden = registry.Resolve("Joseph R. Biden", In("USA", 2023), true);
    tonga = registry.Resolve("King Tupou VI", In("TON", 2019), true);
    registry.WriteChanged(db);
  }
  SpeakerRegistry reloaded(db);
  EXPECT_EQ(reloaded.Resolve("Joe Biden", In("USA", 2021), true), biden);
  EXPECT_EQ(reloaded.Resolve("His Majesty King Tupou VI", In("TON", 2018), true), tonga);
  EXPECT_NE(reloaded.Resolve("King Felipe VI", In("ESP", 2016), true), tonga);
  reloaded.WriteChanged(db);
  const SpeakerRecord record =
      DecodeSpeakerRecord(biden, db.get_metadata(std::string(schema::kMetaSpeakerPrefix) + biden));
  ASSERT_EQ(record.forms.size(), 2u);
  EXPECT_EQ(record.forms[1].name, "Joe Biden");
  EXPECT_EQ(record.years, (std::vector<int>{2021, 2023}));
  db.close();
}

// ---- Generated archives ------------------------------------------------------------
//
// People with made-up names, each printed in the ways archives print names
// (one class of variation per generator, seeded): every form of one person
// must get one id, and no two people one id.

struct Person {
  std::vector<std::string> words;  // given names..., surname
  std::string country;
  int year = 0;
};

std::string Syllables(std::mt19937& rng, int n) {
  static const char* const kSyllables[] = {"ka", "lo", "mi", "ran", "tes", "vu", "do", "bel", "sar", "gon",
                                           "ti", "nae", "por", "zu", "fe", "hol", "qui", "mar", "den", "sho"};
  std::string out;
  for (int i = 0; i < n; ++i) out += kSyllables[rng() % 20];
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string Printed(const Person& p, std::mt19937& rng, int variation) {
  std::vector<std::string> w = p.words;
  switch (variation) {
    case 0:  // as is, with a title
      return std::string(rng() % 2 ? "Mr. " : "H.E. ") + p.words[0] + " " + p.words[1] + " " + p.words[2];
    case 1: {  // a typo in the surname (long enough for it)
      std::string& s = w[2];
      const size_t at = 1 + rng() % (s.size() - 2);
      s[at] = s[at] == 'x' ? 'y' : 'x';
      break;
    }
    case 2:  // middle name as an initial
      w[1] = w[1].substr(0, 1) + ".";
      break;
    case 3:  // middle name dropped
      w.erase(w.begin() + 1);
      break;
    case 4:  // surname first, in capitals
      std::rotate(w.begin(), w.begin() + 2, w.end());
      for (char& c : w[0]) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      break;
    case 5:  // accents on the vowels
      for (auto& word : w) {
        std::string accented;
        for (char c : word) accented += c == 'e' ? "\xC3\xA9" : c == 'a' ? "\xC3\xA0" : std::string(1, c);
        word = accented;
      }
      break;
    case 6:  // post-nominal after a comma
      return p.words[0] + " " + p.words[1] + " " + p.words[2] + ", MP";
    default:  // the surname alone, in capitals
      w = {w[2]};
      for (char& c : w[0]) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  std::string out;
  for (const auto& word : w) out += (out.empty() ? "" : " ") + word;
  return out;
}

TEST(SpeakerRegistryTest, GeneratedArchivesGiveOneIdPerPerson) {
  const char* const kCountries[] = {"BRA", "KEN", "JPN", "FRA", "TON"};
  constexpr int kVariations = 8;
  for (unsigned seed = 1; seed <= 10; ++seed) {
    std::mt19937 rng(seed);
    std::vector<Person> people;
    std::set<std::string> surnames;
    for (int attempt = 0; people.size() < 40 && attempt < 10000; ++attempt) {
      Person p;
      p.words = {Syllables(rng, 2), Syllables(rng, 2), Syllables(rng, 3 + static_cast<int>(rng() % 2))};
      p.country = kCountries[rng() % 5];
      p.year = 1960 + static_cast<int>(rng() % 60);
      // Distinct people: no surname within a few typos of another's.
      const auto near = [&](const std::string& w) {
        for (const auto& k : surnames) {
          if (text::EditDistance(names::FoldName(k), names::FoldName(w), 3) <= 3) return true;
        }
        return false;
      };
      if (near(p.words[2])) continue;
      surnames.insert(p.words[2]);
      people.push_back(p);
    }
    ASSERT_EQ(people.size(), 40u) << "seed " << seed;
    // Half the people come from a catalogue, the other half from documents.
    std::vector<extract::SpeakerAnchor> anchors;
    for (size_t i = 0; i < people.size(); i += 2) {
      anchors.push_back({Printed(people[i], rng, 0), In(people[i].country.c_str(), people[i].year)});
    }
    SpeakerRegistry registry;
    registry.AddAnchors(anchors);
    std::map<std::string, size_t> owner;  // id -> person
    for (size_t i = 0; i < people.size(); ++i) {
      std::set<std::string> ids;
      for (int v = 0; v < kVariations; ++v) {
        const std::string printed = Printed(people[i], rng, v);
        const int year = people[i].year + static_cast<int>(rng() % 5);
        const std::string id = registry.Resolve(printed, In(people[i].country.c_str(), year), true);
        ids.insert(id);
        const auto [it, added] = owner.emplace(id, i);
        EXPECT_EQ(it->second, i) << "seed " << seed << ": '" << printed << "' got the id of another person, " << id;
      }
      EXPECT_EQ(ids.size(), 1u) << "seed " << seed << ": " << Printed(people[i], rng, 0) << " got "
                                << ::testing::PrintToString(ids);
    }
  }
}

TEST(SpeakerRegistryTest, RemembersAcrossWriters) {
  const test_support::TempDir temp("registry");
  const std::string dir = temp.Path("index");
  const std::string footnote =
      "\n\n<sup>1</sup> Mr. Wolfgang Kleinwächter, Professor Emeritus, University of Aarhus.\n";
  {
    IndexWriter writer(dir);
    auto doc = extract::Extract("a.md", "a.md", "1. One speaker<sup>1</sup> spoke on governance." + footnote);
    writer.Replace(doc);
    writer.Commit();
  }
  {
    IndexWriter writer(dir);
    auto doc = extract::Extract("b.md", "b.md",
                       "1. One speaker<sup>1</sup> spoke again.\n\n<sup>1</sup> Mr. Wolfgang Kleinwächterk, Professor "
                       "Emeritus, University of Aarhus.\n");
    writer.Replace(doc);
    writer.Commit();
  }
  const Xapian::Database db = OpenIndex(dir);
  EXPECT_EQ(db.get_termfreq(schema::Term(schema::kPrefixSpeaker, "wolfgang-kleinwachter")), 2u);
  const std::string doc_b = schema::Term(schema::kPrefixDocId, "b");
  ASSERT_EQ(db.get_termfreq(doc_b), 1u);
  const Passage p = StoredRecords(db).PassageOf(db.get_document(*db.postlist_begin(doc_b)));
  ASSERT_EQ(p.speaker_ids.size(), 1u);
  EXPECT_EQ(p.speaker_ids[0], "wolfgang-kleinwachter");
  EXPECT_EQ(p.paragraph.speakers[0], "Wolfgang Kleinwächterk");  // the name as printed
}

}  // namespace
}  // namespace cstd::indexer

#include "model/names.h"

#include <gtest/gtest.h>

#include <random>

namespace cstd::names {
namespace {

TEST(NamesTest, FoldNameRepairsWhatArchivesDoToNames) {
  const struct {
    const char* printed;
    const char* folded;
  } kCases[] = {
      {"Wolfgang Kleinwächter", "wolfgang kleinwachter"},
      {"KLEINWACHTER", "kleinwachter"},
      {"Pérez-Castejón", "perez castejon"},
      {"Tu'i'onetoa", "tuionetoa"},
      {"Tuʻiʻonetoa", "tuionetoa"},     // U+02BB, a modifier letter
      {"Tu’i’onetoa", "tuionetoa"},     // U+2019
      {"Dato’ Seri", "dato seri"},
      {"Dra\xC2\x9A" "ković", "draskovic"},  // cp1252 0x9A (š) read as a C1 control
      {"Berm˙dez", "bermdez"},          // a broken accent: a modifier symbol
      {"J\xD0\xB5\xD0\xB0n-Claude", "jean claude"},  // Cyrillic е and а inside a Latin word
      {"\xD0\x9C\xD0\x95\xD0\x9ENIMPA", "meonimpa"},  // Cyrillic capitals
      {"\xCE\xA4ILLETT", "tillett"},                  // a Greek capital
      {"\xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2", "\xD0\xBB\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2"},  // Cyrillic stays Cyrillic
      {"Nguyễn Xuân Phúc", "nguyen xuan phuc"},
      {"Jr.", "jr"},
      {"  ", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(FoldName(c.printed), c.folded) << c.printed;
}

TEST(NamesTest, ParsePersonNameSetsTitlesAndPostNominalsApart) {
  const struct {
    const char* printed;
    const char* titles;
    const char* name;
    const char* post;
  } kCases[] = {
      {"Mr. Donald Trump", "Mr.", "Donald Trump", ""},
      {"Donald Trump", "", "Donald Trump", ""},
      {"Mr. Scott Morrison, MP", "Mr.", "Scott Morrison", "MP"},
      {"Joseph R. Biden, Jr", "", "Joseph R. Biden", "Jr"},
      {"Tommy Remengesau, Jr.", "", "Tommy Remengesau", "Jr."},
      {"Tommy Remengesau Jr.", "", "Tommy Remengesau", "Jr."},
      {"Dr. Lotay Tshering, MBBS, MD", "Dr.", "Lotay Tshering", "MBBS, MD"},
      {"Grand Chief Rt. HON. SIR MICHAEL T. SOMARE, GOL, GCMG, CH, CF, KStJ", "Grand Chief Rt. HON. SIR",
       "MICHAEL T. SOMARE", "GOL, GCMG, CH, CF, KStJ"},
      {"Dermot Ahern, T.D", "", "Dermot Ahern", "T.D"},
      {"King Tupou VI", "King", "Tupou VI", ""},
      {"His Majesty King Tupou VI", "His Majesty King", "Tupou VI", ""},
      {"King Don Felipe VI", "King Don", "Felipe VI", ""},
      {"His Highness Sheikh Tamim bin Hamad Al-Thani", "His Highness Sheikh", "Tamim bin Hamad Al-Thani", ""},
      {"Sheikh Hasina", "", "Sheikh Hasina", ""},  // weak title: two words must remain
      {"Don Pramudwinai", "", "Don Pramudwinai", ""},
      {"Mr. U Kyaw Tint Swe,", "Mr. U", "Kyaw Tint Swe", ""},
      {"U Thant", "", "U Thant", ""},
      {"H.E. Mr. Peter Major", "H.E. Mr.", "Peter Major", ""},
      {"Mr.Mr. Mahe 'Uli'Uli TUPOUNIUA", "Mr.Mr.", "Mahe 'Uli'Uli TUPOUNIUA", ""},
      {"Mr, ORZECHOWSKI", "Mr", "ORZECHOWSKI", ""},
      {"Major-General Juvénal Habyarimana", "Major-General", "Juvénal Habyarimana", ""},
      {"Major", "", "Major", ""},
      {"Dato’ Sri Anifah Aman", "Dato’ Sri", "Anifah Aman", ""},
      {"Dr. The Honourable Timothy Harris", "Dr. The Honourable", "Timothy Harris", ""},
      {"Luiz Inácio Lula da Silva,", "", "Luiz Inácio Lula da Silva", ""},
      {"Sheikh Hamad bin Khalifa\nAl-Thani,", "Sheikh", "Hamad bin Khalifa Al-Thani", ""},
      {"King", "", "King", ""},  // nothing but a title: it is the name
      {"Angela King", "", "Angela King", ""},
      {"Amir Peretz", "", "Amir Peretz", ""},
      {"Mr Tsering", "Mr", "Tsering", ""},
      {"MRS. INDIRA GANDHI", "MRS.", "INDIRA GANDHI", ""},
      {"Ms. Hjelm-Wallén", "Ms.", "Hjelm-Wallén", ""},
      {"H.E. Mr. Xavier Bettel", "H.E. Mr.", "Xavier Bettel", ""},
      {"Sir Garfield BARWICK", "Sir", "Garfield BARWICK", ""},
      {"He Yafei", "", "He Yafei", ""},  // a surname, not "H.E."
      {"Mr.", "", "Mr.", ""},            // nothing would be left
      {"  Ms.   Anna  Lindh ", "Ms.", "Anna Lindh", ""},
      {"Sheikh Ahmad Nawaf Al-Ahmad\nAl-Sabah", "Sheikh", "Ahmad Nawaf Al-Ahmad Al-Sabah", ""},
      {"", "", "", ""},
  };
  for (const auto& c : kCases) {
    const PersonName p = ParsePersonName(c.printed);
    EXPECT_EQ(p.titles, c.titles) << c.printed;
    EXPECT_EQ(p.name, c.name) << c.printed;
    EXPECT_EQ(p.post_nominals, c.post) << c.printed;
  }
}

TEST(NamesTest, LeadingHonorificTakesOnlyFormsOfAddress) {
  const struct {
    const char* text;
    const char* honorific;  // nullptr: none
    size_t length;
  } kCases[] = {
      {"Mr. Peter Major, Hungary.", "Mr.", 4},
      {"H.E. Mr. Peter Major, Hungary.", "H.E. Mr.", 9},
      {"Ms. Anriette Esterhuysen, Chair", "Ms.", 4},
      {"Dr. Jane Doe", "Dr.", 4},
      {"Sir Alec Douglas-Home", "Sir", 4},
      {"Professor Jane Doe", "Professor", 10},
      {"General Assembly resolution 70/125, para. 1", nullptr, 0},
      {"King Tupou VI", nullptr, 0},
      {"He said so, and left", nullptr, 0},  // "He" is no "H.E."
      {"Mr.", nullptr, 0},                   // a name must follow
      {"Representatives of Cuba", nullptr, 0},
  };
  for (const auto& c : kCases) {
    size_t length = 0;
    const auto h = LeadingHonorific(c.text, &length);
    if (!c.honorific) {
      EXPECT_FALSE(h) << c.text;
      continue;
    }
    ASSERT_TRUE(h) << c.text;
    EXPECT_EQ(*h, c.honorific) << c.text;
    EXPECT_EQ(length, c.length) << c.text;
  }
}

TEST(NamesTest, KeyWordsAndIds) {
  const struct {
    const char* name;
    const char* key;  // KeyOf(KeyWords)
    const char* id;   // BaseId
  } kCases[] = {
      {"Luiz Inácio Lula da Silva", "inacio luiz lula silva", "luiz-silva"},
      {"Abdullah II ibn Al Hussein", "abdullah hussein ii", "abdullah-hussein"},
      {"Tupou VI", "tupou vi", "tupou-vi"},
      {"Felipe VI", "felipe vi", "felipe-vi"},
      {"Sheikh Hasina", "hasina sheikh", "sheikh-hasina"},  // a weak title kept by ParsePersonName
      {"King Hussein", "hussein", "hussein"},
      {"Wolfgang Kleinwächter", "kleinwachter wolfgang", "wolfgang-kleinwachter"},
      {"Ana Cristina das Neves", "ana cristina neves", "ana-neves"},
      {"Peter Major", "major peter", "peter-major"},  // a weak title inside a name is a name
      {"Angela King", "angela king", "angela-king"},
      {"Al-Sabah", "sabah", "sabah"},
      {"Da Silva", "silva", "silva"},
      {"R.M. Marty M. Natalegawa", "m m marty natalegawa r", "marty-natalegawa"},
      {"J. F. Kennedy", "f j kennedy", "j-kennedy"},  // initials only: the first
  };
  for (const auto& c : kCases) {
    const auto words = KeyWords(c.name);
    EXPECT_EQ(KeyOf(words), c.key) << c.name;
    EXPECT_EQ(BaseId(words), c.id) << c.name;
  }
  // The kings of Tonga and Spain are two people: their ids differ.
  EXPECT_NE(SpeakerId("King Tupou VI"), SpeakerId("King Don Felipe VI"));
  EXPECT_EQ(SpeakerId("Mr. Scott Morrison, MP"), SpeakerId("Scott Morrison"));
}

TEST(NamesTest, CompareNamesTable) {
  const auto kOnly = Evidence::kNameOnly;
  const auto kSame = Evidence::kSameDelegation;
  const struct {
    const char* a;
    const char* b;
    Evidence evidence;
    bool same;
    unsigned how;
  } kCases[] = {
      {"Donald Trump", "Donald Trump", kOnly, true, kSameWords},
      {"Joseph R. Biden", "Joseph Robinette Biden", kOnly, true, kInitials},
      {"Joe Biden", "Joseph R. Biden", kSame, true, kVariant | kFewer},
      {"Ana Cristina das Neves", "Ana Cristina Amoroso das Neves", kOnly, true, kFewer},
      {"Wolfgang Kleinwächter", "Wolfgang Kleinwächterk", kOnly, true, kTypo},
      {"NGUYEN Co Thach", "Co Thach Nguyen", kOnly, true, kOrder},
      {"Mohamed Bolkiah", "Mohammad Bolkiah", kOnly, true, kVariant},
      {"Lula Da Silva", "Luiz Inacio Lula da Silva", kSame, true, kFewer},
      {"Pedro Sánchez", "Pedro Sanchez Perez-Castejon", kSame, true, kFewer},
      {"Sadyr Japarov", "Sadyr Zhaparov", kSame, true, kTypo},
      {"Keven Rudd", "Kevin Rudd", kSame, true, kTypo},
      {"GROMYKO", "Andrei Gromyko", kSame, true, kFewer},
      {"Sheikh Hasina", "Sheikh Hasina Wajed", kSame, true, kFewer},
      {"U Lwin", "U Maung Lwin", kSame, true, kFewer},
      {"General ROMULO", "Carlos P. Romulo", kSame, true, kFewer},   // a weak title kept, and the surname
      {"MAJOR Peter", "Peter Smith", kSame, false, 0},               // ...not a given name
      // Different people.
      {"Luca Mora", "Luca Moya", kOnly, false, 0},                   // short names: no typo by name alone
      {"Maria Kleinwächter", "Wolfgang Kleinwächter", kOnly, false, 0},
      {"John F. Kennedy", "John P. Kennedy", kSame, false, 0},      // initials disagree
      {"R. Natalegawa", "R. M. Marty Natalegawa", kSame, true, kFewer},  // fewer initials do not
      {"Fidel Castro", "Raúl Castro Ruz", kSame, false, 0},
      {"Tupou VI", "Felipe VI", kSame, false, 0},
      {"Abdullah II", "Abdullah I", kSame, false, 0},              // regnal numbers only exactly
      {"GROMYKO", "Andrei Gromyko", kOnly, false, 0},              // a surname alone is too little by name
      {"Sabah Al-Ahmad Al-Sabah", "Mohammad Sabah Al-Salem Al-Sabah", kSame, false, 0},
      {"Pedro Sánchez", "Peter Sanchez", kSame, false, 0},         // translations are not variants
      {"Abdulaziz Kamilov", "ISLAM A. KARIMOV", kSame, false, 0},  // another given name leads
      {"Danforth Quayle", "J. Danforth Quayle", kSame, true, kFewer},  // ...but an initial may lead
  };
  for (const auto& c : kCases) {
    const NameMatch m = CompareNames(KeyWords(c.a), KeyWords(c.b), c.evidence);
    EXPECT_EQ(m.same_person, c.same) << c.a << " / " << c.b;
    if (c.same) {
      EXPECT_EQ(m.how, c.how) << c.a << " / " << c.b;
    }
    // The relation is symmetric.
    EXPECT_EQ(CompareNames(KeyWords(c.b), KeyWords(c.a), c.evidence).same_person, c.same) << c.b << " / " << c.a;
  }
}

TEST(NamesTest, InAPatronymicChainTheFirstGivenNameIsThePerson) {
  EXPECT_TRUE(OwnNamesDiffer("Tamim bin Hamad bin Khalifa Al-Thani", "Hamad bin Khalifa Al-Thani"));
  EXPECT_FALSE(OwnNamesDiffer("Tamim bin Hamad Al Thani", "Tamim bin Hamad bin Khalifa AL-THANI"));
  EXPECT_FALSE(OwnNamesDiffer("Abdullah II ibn Al Hussein", "Abdullah Bin Al Hussein"));
  EXPECT_FALSE(OwnNamesDiffer("Mohamed bin Mubarak Al-Khalifa", "Mohammed Bin Mubarak Al-Khalifa"));  // variants
  EXPECT_FALSE(OwnNamesDiffer("Hamad bin Khalifa Al-Thani", "Al-Thani"));  // a family name alone
  EXPECT_FALSE(OwnNamesDiffer("Luiz Inacio Lula da Silva", "Lula Da Silva"));  // no chain
}

// ---- Generated variants --------------------------------------------------------
//
// People's names and the ways archives print them: each generator makes one
// class of variation, seeded, so a failure names a reproducible case.

const char* const kPeople[] = {
    "Wolfgang Kleinwächter",  "Anriette Esterhuysen",    "Luiz Inacio Lula da Silva", "Emmanuel Macron",
    "Pedro Sanchez Perez-Castejon", "Jacinda Ardern",    "Cyril Ramaphosa",           "Tamim bin Hamad Al-Thani",
    "Shamika Sirimanne",      "Alexandre Barbosa",       "Miguel Angel Moratinos Cuyaube", "Peter Major",
    "Pohiva Tuionetoa",       "Ellen Johnson Sirleaf",   "Jens Stoltenberg",          "Irakli Menagarishvili"};

std::string Capitalised(const std::string& w) {
  std::string out = w;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::vector<std::string> Words(const std::string& name) {
  std::vector<std::string> words;
  for (const auto& w : KeyWords(name)) words.push_back(Capitalised(w));
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// One slip of the keyboard in the longest word: a letter changed, dropped,
// doubled or two swapped. Only in words long enough for the slip to be
// tolerated by name alone (kMinStrictTypoLetters after a dropped letter).
std::string WithTypo(const std::string& name, std::mt19937& rng) {
  auto words = Words(name);
  auto& w = *std::max_element(words.begin(), words.end(),
                              [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  if (w.size() < kMinStrictTypoLetters + 1) return Join(words);
  const size_t at = 1 + rng() % (w.size() - 2);
  switch (rng() % 4) {
    case 0:
      w[at] = w[at] == 'x' ? 'y' : 'x';
      break;
    case 1:
      w.erase(at, 1);
      break;
    case 2:
      w.insert(at, 1, w[at]);
      break;
    default:
      std::swap(w[at], w[at + 1]);
  }
  return Join(words);
}

// Middle words reduced to initials ("Luiz I. L. da Silva") or dropped.
std::string WithInitials(const std::string& name, std::mt19937& rng) {
  auto words = Words(name);
  if (words.size() < 3) return Join(words);
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (rng() % 2) words[i] = words[i].substr(0, 1) + ".";
  }
  return Join(words);
}

std::string WithoutMiddleNames(const std::string& name, std::mt19937&) {
  auto words = Words(name);
  return words.front() + " " + words.back();
}

// Surname first, in capitals, as lists and some catalogues print it.
std::string Reordered(const std::string& name, std::mt19937& rng) {
  auto words = Words(name);
  std::rotate(words.begin(), words.begin() + static_cast<long>(1 + rng() % (words.size() - 1)), words.end());
  for (char& c : words.front()) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return Join(words);
}

// Diacritics stripped (KeyWords already are) or added back on vowels.
std::string WithAccents(const std::string& name, std::mt19937& rng) {
  std::string out;
  for (char c : Join(Words(name))) {
    if (c == 'e' && rng() % 2) {
      out += "\xC3\xA9";  // é
    } else if (c == 'a' && rng() % 2) {
      out += "\xC3\xA1";  // á
    } else {
      out += c;
    }
  }
  return out;
}

std::string WithTitles(const std::string& name, std::mt19937& rng) {
  const char* const kBefore[] = {"Mr.", "H.E. Mr.", "Ms.", "Dr.", "His Excellency", "MR."};
  const char* const kAfter[] = {"", ", MP", ", Jr.", ",", " Jr."};
  return std::string(kBefore[rng() % 6]) + " " + Join(Words(name)) + kAfter[rng() % 5];
}

TEST(NamesTest, GeneratedVariantsAreOnePerson) {
  using Generator = std::string (*)(const std::string&, std::mt19937&);
  const struct {
    const char* what;
    Generator make;
    Evidence evidence;
  } kGenerators[] = {
      {"typo", WithTypo, Evidence::kNameOnly},
      {"initials", WithInitials, Evidence::kNameOnly},
      {"without middle names", WithoutMiddleNames, Evidence::kNameOnly},
      {"reordered", Reordered, Evidence::kNameOnly},
      {"accents", WithAccents, Evidence::kNameOnly},
      {"titles", WithTitles, Evidence::kNameOnly},
  };
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    for (const char* person : kPeople) {
      for (const auto& g : kGenerators) {
        const std::string variant = g.make(person, rng);
        const auto a = KeyWords(ParsePersonName(person).name);
        const auto b = KeyWords(ParsePersonName(variant).name);
        EXPECT_TRUE(CompareNames(a, b, g.evidence).same_person)
            << g.what << " (seed " << seed << "): '" << person << "' / '" << variant << "'";
      }
    }
  }
}

TEST(NamesTest, GeneratedNamesOfOtherPeopleStayApart) {
  // Same surname, another given name; or another surname of which no edit
  // within the tolerance leads to the first.
  const char* const kOtherGiven[] = {"Maria", "Johannes", "Fatima", "Kwame", "Ingrid", "Rashid"};
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    for (const char* person : kPeople) {
      auto words = Words(person);
      const std::string given = kOtherGiven[rng() % 6];
      if (FoldName(given) == FoldName(words.front())) continue;
      words.front() = given;
      const std::string other = Join(words);
      EXPECT_FALSE(CompareNames(KeyWords(person), KeyWords(other), Evidence::kSameDelegation).same_person)
          << "'" << person << "' / '" << other << "'";
      EXPECT_FALSE(CompareNames({FoldName(given), "smith"}, KeyWords(person), Evidence::kNameOnly).same_person)
          << person;
    }
  }
}

}  // namespace
}  // namespace cstd::names

#include "extract/synthetic_report.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <random>
#include <set>
#include <string_view>

#include "model/countries.h"
#include "model/sessions.h"

namespace cstd::extract::testing {

namespace {

using Rng = std::mt19937_64;

template <typename T>
const T& Pick(Rng& rng, const std::vector<T>& items) {
  return items[rng() % items.size()];
}

template <typename T, size_t N>
const T& Pick(Rng& rng, const std::array<T, N>& items) {
  return items[rng() % N];
}

bool Chance(Rng& rng, double p) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

int Between(Rng& rng, int low, int high) {
  return std::uniform_int_distribution<int>(low, high)(rng);
}

// ---- Vocabulary -----------------------------------------------------------------
// Names, roles and bodies of the genre, none of them taken from the public
// reports the rules were first written against.

constexpr std::array<std::string_view, 24> kFirstNames = {
    "Olga",  "Kwame",   "Amina",    "Jean-Pierre", "Sofía",   "Hiroshi", "Nomvula", "Rashid",
    "Ewa",   "Tomás",   "Fatou",    "Pedro Luis",  "Mei",     "Aleksandr", "Chinedu", "Leila",
    "Björn", "Thandiwe", "Raúl",    "Ngozi",       "Ana Paula", "Joon-ho", "Priya",  "Youssef"};
constexpr std::array<std::string_view, 24> kLastNames = {
    "Okonkwo", "Nakamura",  "da Silva", "van der Berg", "Al-Hashimi", "Nowak",    "Fernández", "Mensah",
    "Ivanova", "Haddad",    "O'Brien",  "Kowalczyk",    "Dlamini",    "Santos Pereira", "Lindqvist", "Tanaka",
    "Diallo",  "Mbeki",     "Ruiz",     "Chowdhury",    "Kim",        "Raghavan", "El Amrani", "Müller"};
constexpr std::array<std::string_view, 12> kHonorifics = {"Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "H.E. Mr.",
                                                          "H.E. Ms.", "Ms.", "Mr", "Professor", "Ambassador", "Dr"};
constexpr std::array<std::string_view, 12> kRoles = {
    "Director",          "Head of Digital Policy", "Professor",        "Chief Executive Officer",
    "Senior Adviser",    "Programme Officer",      "Deputy Minister",  "Chief Technology Officer",
    "Research Fellow",   "Vice-Chair of CSTD",     "Counsellor",       "Senior Economist"};
constexpr std::array<std::string_view, 12> kAffiliations = {
    "International Telecommunication Union",
    "University of Nairobi",
    "World Intellectual Property Organization",
    "Economic Commission for Africa",
    "Internet Society",
    "National Research Council",
    "Ministry of Information and Communications Technology",
    "African Development Bank",
    "Global Digital Inclusion Partnership",
    "Institute for Technology Policy",
    "United Nations Development Programme",
    "Open Knowledge Foundation"};
constexpr std::array<std::string_view, 8> kSubmitters = {
    "International Telecommunication Union",
    "United Nations Educational, Scientific and Cultural Organization",
    "World Health Organization",
    "Economic and Social Commission for Asia and the Pacific",
    "United Nations Department of Economic and Social Affairs",
    "Food and Agriculture Organization of the United Nations",
    "International Labour Organization",
    "Universal Postal Union"};
constexpr std::array<std::string_view, 6> kTopics = {
    "Progress made in the implementation of and follow-up to the outcomes of the World Summit on the Information "
    "Society at the regional and international levels",
    "Science, technology and innovation for sustainable urban development in a post-pandemic world",
    "Harnessing blockchain for sustainable development: prospects and challenges",
    "Data for development",
    "Global cooperation on science, technology and innovation for development",
    "Technology and innovation for cleaner and more productive and competitive production"};
constexpr std::array<std::string_view, 10> kVerbs = {"noted",        "stressed",  "emphasized", "highlighted",
                                                     "underlined",   "said",      "stated",     "observed",
                                                     "pointed out",  "recalled"};
constexpr std::array<std::string_view, 14> kClauses = {
    "digital public infrastructure needed sustained investment and capacity-building",
    "the digital divide between and within countries remained a major obstacle",
    "data governance frameworks should be interoperable and respect human rights",
    "affordable broadband access was a precondition for inclusive development",
    "international cooperation was essential to close the gaps in skills and infrastructure",
    "small and medium-sized enterprises required support to adopt new technologies",
    "gender equality in science and technology careers deserved particular attention",
    "the multi-stakeholder model of Internet governance had proved its value",
    "artificial intelligence raised questions of ethics, accountability and transparency",
    "local content and languages were essential for meaningful connectivity",
    "resilient supply chains depended on reliable digital networks",
    "open science could accelerate progress towards the Sustainable Development Goals",
    "cybersecurity threats undermined trust in digital services",
    "statistical capacity was needed to measure progress in the information society"};
constexpr std::array<std::string_view, 8> kFillers = {
    "The discussion that followed was lively and constructive.",
    "Several examples of national strategies were presented during the session.",
    "The importance of policy coherence across ministries was a recurring theme.",
    "Participants agreed that further analysis would be useful.",
    "Many challenges remained, in particular for the least developed countries.",
    "The role of partnerships with the private sector was examined in detail.",
    "Lessons learned during the pandemic were discussed at some length.",
    "The need for reliable indicators was widely recognized."};
constexpr std::array<std::string_view, 6> kCities = {"Geneva", "Vienna", "Lisbon", "Nairobi", "Bangkok", "New York"};
constexpr std::array<std::string_view, 12> kMonthNames = {"January", "February", "March",     "April",
                                                          "May",     "June",     "July",      "August",
                                                          "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kWeekdays = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                       "Friday", "Saturday", "Sunday"};

std::string OrdinalWord(int n, bool capital) {
  static constexpr std::array<std::string_view, 20> kUnits = {
      "",           "first",     "second",    "third",       "fourth",     "fifth",     "sixth",
      "seventh",    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",   "thirteenth",
      "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
  static constexpr std::array<std::string_view, 4> kTens = {"", "", "twenty", "thirty"};
  static constexpr std::array<std::string_view, 4> kTensOrdinal = {"", "", "twentieth", "thirtieth"};
  std::string word;
  if (n < 20) {
    word = kUnits[static_cast<size_t>(n)];
  } else if (n % 10 == 0) {
    word = kTensOrdinal[static_cast<size_t>(n / 10)];
  } else {
    word = std::string(kTens[static_cast<size_t>(n / 10)]) + "-" + std::string(kUnits[static_cast<size_t>(n % 10)]);
  }
  if (capital) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  return word;
}

std::string OrdinalNumber(int n) {
  const int last = n % 10, tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

struct Date {
  int year = 2000, month = 1, day = 1;
  std::string Iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
  }
  std::string Long() const { return std::to_string(day) + " " + std::string(kMonthNames[month - 1]) + " " + std::to_string(year); }
};

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

Date AddDays(Date d, int days) {
  d.day += days;
  while (d.day > DaysIn(d.year, d.month)) {
    d.day -= DaysIn(d.year, d.month);
    if (++d.month > 12) {
      d.month = 1;
      ++d.year;
    }
  }
  return d;
}

// Zeller-style day of the week, 0 = Monday.
int Weekday(const Date& d) {
  int y = d.year, m = d.month;
  if (m < 3) {
    m += 12;
    --y;
  }
  const int h = (d.day + 13 * (m + 1) / 5 + y + y / 4 - y / 100 + y / 400) % 7;  // 0 = Saturday
  return (h + 5) % 7;
}

Date FromIso(const std::string& iso) {
  return {std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2))};
}

// "17 to 19 November 2021", "17–19 November 2021", "28 March–1 April 2022",
// "between 17 and 19 November 2021" (the caller adds "between").
std::string RangeText(Rng& rng, const Date& a, const Date& b, int* style) {
  const std::string month_a(kMonthNames[a.month - 1]), month_b(kMonthNames[b.month - 1]);
  *style = Between(rng, 0, 2);
  if (a.month != b.month) {
    return std::to_string(a.day) + " " + month_a + (*style == 0 ? " to " : "\u2013") + std::to_string(b.day) + " " +
           month_b + " " + std::to_string(b.year);
  }
  const std::string_view joiner = *style == 0 ? " to " : *style == 1 ? "\u2013" : "-";
  return std::to_string(a.day) + std::string(joiner) + std::to_string(b.day) + " " + month_b + " " +
         std::to_string(b.year);
}

struct Person {
  std::string honorific, name, role, affiliation, country;
};

const std::vector<const Country*>& Members();

Person DrawPerson(Rng& rng, std::set<std::string>& used) {
  Person p;
  do {
    p.name = std::string(Pick(rng, kFirstNames)) + " " + std::string(Pick(rng, kLastNames));
  } while (used.count(p.name));
  used.insert(p.name);
  p.honorific = Pick(rng, kHonorifics);
  if (Chance(rng, 0.7)) p.role = Pick(rng, kRoles);
  p.affiliation = Pick(rng, kAffiliations);
  if (Chance(rng, 0.3)) p.country = Members()[rng() % Members().size()]->short_name;
  return p;
}

// A person's footnote in the forms reports print: "Mr. Name, Role,
// Affiliation.", "Ms. Name, Affiliation, Country.", "Professor Name,
// Affiliation."
std::string PersonFootnote(const Person& p) {
  std::string out = p.honorific + " " + p.name;
  if (!p.role.empty()) out += ", " + p.role;
  out += ", " + p.affiliation;
  if (!p.country.empty()) out += ", " + p.country;
  return out + ".";
}

// A country as reports write it after "Representative of": the short name,
// with "the" where English puts one.
std::string CountryText(const Country& c) {
  static constexpr std::string_view kWithThe[] = {"United", "Republic", "Islamic", "Dominican", "Democratic",
                                                  "Central", "Czech", "State of", "Russian", "Syrian", "Lao",
                                                  "Plurinational", "Bolivarian", "Philippines", "Netherlands",
                                                  "Gambia", "Bahamas", "Comoros", "Maldives", "Sudan", "Niger",
                                                  "Marshall Islands", "Solomon Islands", "United Arab Emirates"};
  for (std::string_view w : kWithThe) {
    if (c.short_name.rfind(w, 0) == 0) return "the " + c.short_name;
  }
  return c.short_name;
}

const std::vector<const Country*>& Members() {
  static const std::vector<const Country*> members = [] {
    std::vector<const Country*> out;
    for (const Country& c : Countries::Builtin().all()) {
      if (c.status == "member" && c.short_name.find_first_of(",()") == std::string::npos) out.push_back(&c);
    }
    return out;
  }();
  return members;
}

std::string JoinCountries(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

// ---- The report -----------------------------------------------------------------

struct Builder {
  Rng& rng;
  SyntheticReport& report;
  int next_footnote = 1;
  std::set<std::string> used_names;

  int AddFootnote(const std::string& text) {
    report.footnotes[next_footnote] = text;
    return next_footnote++;
  }

  std::vector<const Country*> DrawCountries(int n) {
    std::vector<const Country*> out;
    while (static_cast<int>(out.size()) < n) {
      const Country* c = Pick(rng, Members());
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    return out;
  }

  // One sentence; who it attributes goes into `p`.
  void Sentence(SyntheticParagraph& p) {
    const std::string verb(Pick(rng, kVerbs));
    const std::string clause(Pick(rng, kClauses));
    const auto words = [&](std::string text) { p.segments.push_back({std::move(text), 0}); };
    const auto marker = [&](int n) { p.segments.push_back({"", n}); };
    switch (Between(rng, 0, 7)) {
      case 0:
      case 1: {  // a person, through a footnote
        static constexpr std::array<std::string_view, 8> kOpeners = {
            "One speaker", "Another speaker", "A panellist", "One panellist",
            "A participant", "The moderator", "One expert", "The keynote speaker"};
        const Person person = DrawPerson(rng, used_names);
        const int n = AddFootnote(PersonFootnote(person));
        const bool lead = p.segments.empty();
        words(std::string(lead ? "" : " ") + std::string(Pick(rng, kOpeners)));
        marker(n);
        p.speakers.push_back(person.name);
        if (Chance(rng, 0.25)) {  // two people in one sentence
          const Person other = DrawPerson(rng, used_names);
          words(Chance(rng, 0.5) ? " and another speaker" : " and a panellist");
          marker(AddFootnote(PersonFootnote(other)));
          p.speakers.push_back(other.name);
          words(" " + verb + " that " + clause + ".");
        } else {
          words(" " + verb + " that " + clause + ".");
        }
        break;
      }
      case 2: {  // delegations, through a footnote
        static constexpr std::array<std::string_view, 6> kOpeners = {
            "One delegate", "Another delegate", "Several delegates", "Some delegates", "A representative",
            "Other representatives"};
        const auto countries = DrawCountries(Between(rng, 1, 3));
        std::vector<std::string> names;
        for (const Country* c : countries) {
          names.push_back(CountryText(*c));
          p.countries.push_back(c->code);
        }
        // International organizations in such lists are not delegations.
        if (countries.size() > 1 && Chance(rng, 0.2)) names.insert(names.begin() + 1, "UNESCO");
        static constexpr std::array<std::string_view, 4> kOne = {"Representative of ", "Representative of ",
                                                                 "Representative from ", "Delegate of "};
        static constexpr std::array<std::string_view, 3> kMany = {"Representatives of ", "Representatives of ",
                                                                  "Representatives from "};
        const std::string footnote =
            std::string(countries.size() == 1 ? Pick(rng, kOne) : Pick(rng, kMany)) + JoinCountries(names) + ".";
        const int n = AddFootnote(footnote);
        words(std::string(p.segments.empty() ? "" : " ") + std::string(Pick(rng, kOpeners)));
        marker(n);
        words(" " + verb + " that " + clause + ".");
        break;
      }
      case 3: {  // a delegation named in the text
        static constexpr std::array<std::string_view, 4> kOpeners = {"The delegate of", "The representative of",
                                                                     "The delegation of", "The delegate from"};
        static constexpr std::array<std::string_view, 3> kPlural = {"The delegates of", "The representatives of",
                                                                    "The delegations of"};
        const auto countries = DrawCountries(Chance(rng, 0.3) ? 2 : 1);
        std::vector<std::string> names;
        for (const Country* c : countries) {
          names.push_back(CountryText(*c));
          p.countries.push_back(c->code);
        }
        words(std::string(p.segments.empty() ? "" : " ") +
              std::string(countries.size() == 1 ? Pick(rng, kOpeners) : Pick(rng, kPlural)) + " " +
              JoinCountries(names) + " " + verb + " that " + clause + ".");
        break;
      }
      case 4: {  // countries mentioned, nobody speaking for them
        const auto countries = DrawCountries(2);
        static constexpr std::array<std::string_view, 3> kForms = {
            "The experience of {} showed that {}.", "Examples from {} illustrated that {}.",
            "Projects in {} demonstrated that {}."};
        std::string form(Pick(rng, kForms));
        const std::string names = CountryText(*countries[0]) + " and " + CountryText(*countries[1]);
        std::string sentence = form.replace(form.find("{}"), 2, names);
        sentence.replace(sentence.find("{}"), 2, clause);
        sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
        words(std::string(p.segments.empty() ? "" : " ") + sentence);
        break;
      }
      default:
        words(std::string(p.segments.empty() ? "" : " ") + std::string(Pick(rng, kFillers)));
        break;
    }
  }
};

void Dedupe(std::vector<std::string>& v) {
  std::vector<std::string> out;
  for (auto& s : v) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  v = std::move(out);
}

}  // namespace

SyntheticReport GenerateReport(uint64_t seed) {
  Rng rng(seed * 0x9E3779B97F4A7C15ull + 1);
  SyntheticReport report;
  Document& t = report.truth;
  static const std::vector<std::string> kTypes = {"panel-report", "panel-report", "panel-report", "sg-report",
                                                  "sg-report",    "session-report", "submission", "concept-note",
                                                  "informal-note"};
  t.type = Pick(rng, kTypes);
  t.body = "CSTD";
  const int session = Between(rng, 20, 29);
  t.session = session;
  t.year = session + 1997;
  const Session* known = Sessions::Builtin().Find(session);
  Date session_start{*t.year, 4, Between(rng, 1, 20)};
  if (known && !known->start.empty()) session_start = FromIso(known->start);
  const Date session_end = AddDays(session_start, 4);
  const std::string session_place = known && !known->place.empty() ? known->place : "Geneva";
  const bool official = t.type == "panel-report" || t.type == "sg-report" || t.type == "session-report";
  if (official) {
    t.symbol = "E/CN.16/" + std::to_string(*t.year) + "/" +
               (t.type == "panel-report" ? "CRP." + std::to_string(Between(rng, 1, 2)) : std::to_string(Between(rng, 2, 5)));
  }
  const Date doc_date{*t.year, Between(rng, 1, 3), Between(rng, 1, 28)};
  bool dated = official ? Chance(rng, 0.85) : Chance(rng, 0.5);
  if (dated) t.date = doc_date.Iso();
  const std::string topic(Pick(rng, kTopics));

  // ---- The cover page.
  std::vector<std::string>& head = report.head;
  const auto heading = [&](const std::string& text) {
    switch (Between(rng, 0, 3)) {
      case 0: return "# " + text;
      case 1: return "## " + text;
      case 2: return "**" + text + "**";
      default: return text;
    }
  };
  std::string date_line;
  if (dated) {
    switch (Between(rng, 0, 3)) {
      case 0: date_line = doc_date.Long(); break;
      case 1: date_line = "Distr.: General " + doc_date.Long(); break;
      case 2: date_line = std::string(kMonthNames[doc_date.month - 1]) + " " + std::to_string(doc_date.day) + ", " +
                          std::to_string(doc_date.year); break;
      default: date_line = "Date: " + doc_date.Long(); break;
    }
  }
  const bool masthead = official && Chance(rng, 0.7);
  if (!masthead) t.symbol.reset();  // nowhere printed
  if (masthead) {
    if (Chance(rng, 0.5)) {
      head.push_back("United Nations " + *t.symbol);
    } else {
      head.push_back("United Nations");
      head.push_back(*t.symbol);
    }
    head.push_back("Economic and Social Council");
    if (Chance(rng, 0.5) && date_line.rfind("Distr", 0) != 0) head.push_back("Distr.: General");
    if (dated) head.push_back(date_line);
    dated = false;  // printed
    head.push_back(Chance(rng, 0.5) ? "Original: English" : "English only");
  } else if (dated && Chance(rng, 0.6)) {
    head.push_back(date_line);
    if (Chance(rng, 0.3)) head.push_back("English only");
    dated = false;  // printed
  }
  const bool short_body = Chance(rng, 0.3);
  head.push_back(heading(short_body ? "Commission on Science and Technology for Development (CSTD)"
                                    : "Commission on Science and Technology for Development"));
  const int session_style = Between(rng, 0, 2);
  std::string session_line = session_style == 0   ? OrdinalWord(session, true) + " session"
                             : session_style == 1 ? OrdinalNumber(session) + " session"
                                                  : OrdinalWord(session, true) + " annual session";
  int range_style = 0;
  const std::string session_dates = session_place + ", " + RangeText(rng, session_start, session_end, &range_style);
  if (official || Chance(rng, 0.5)) {
    if (Chance(rng, 0.3)) {
      head.push_back(session_line + " " + session_dates);
    } else {
      head.push_back(session_line);
      head.push_back(session_dates);
    }
  } else {
    head.push_back(session_line);
  }
  if (official && t.type != "session-report") {
    const int items = Between(rng, 1, 2);
    for (int i = 0; i < items; ++i) {
      head.push_back("Item " + std::to_string(i + 2) + " of the provisional agenda");
      head.push_back(i == 0 ? topic : std::string(Pick(rng, kTopics)));
    }
  }
  Date meeting_start = AddDays({*t.year - 1, 11, Between(rng, 1, 20)}, 0);
  const Date meeting_end = AddDays(meeting_start, Between(rng, 1, 2));
  const std::string city(Pick(rng, kCities));
  if (t.type == "panel-report") {
    static const std::vector<std::string> kTitles = {"Report of the intersessional panel meeting",
                                                     "Summary report of the intersessional panel",
                                                     "Report on the intersessional panel meeting"};
    t.title = Pick(rng, kTitles);
    head.push_back(heading(t.title));
    int style = 0;
    const std::string range = RangeText(rng, meeting_start, meeting_end, &style);
    switch (Between(rng, 0, 3)) {
      case 0:
        head.push_back("Held at the Palais des Nations, Geneva, from " + range);
        t.meeting = Meeting{"Geneva", meeting_start.Iso(), meeting_end.Iso()};
        break;
      case 1:
        head.push_back("Held in " + city + (city == "Lisbon" ? ", Portugal" : "") + ", from " + range);
        t.meeting = Meeting{city, meeting_start.Iso(), meeting_end.Iso()};
        break;
      case 2:
        head.push_back("Held between " + std::to_string(meeting_start.day) + " and " + std::to_string(meeting_end.day) +
                       " " + std::string(kMonthNames[meeting_end.month - 1]) + " " +
                       std::to_string(meeting_end.year) + " in " + city);
        t.meeting = Meeting{city, meeting_start.Iso(), meeting_end.Iso()};
        break;
      default:
        head.push_back("Held in " + city + ", on " + meeting_start.Long());
        t.meeting = Meeting{city, meeting_start.Iso(), meeting_start.Iso()};
        break;
    }
    head.push_back("Prepared by the UNCTAD secretariat");
    t.author = "UNCTAD secretariat";
  } else if (t.type == "sg-report") {
    t.title = topic;
    head.push_back(heading(topic));
    head.push_back("Report of the Secretary-General");
    t.author = "Secretary-General";
  } else if (t.type == "session-report") {
    t.title = "Report on the " + OrdinalWord(session, false) + " session";
    head.push_back(heading(t.title));
    head.push_back("(" + session_dates + ")");
    t.meeting = Meeting{session_place, session_start.Iso(), session_end.Iso()};
  } else if (t.type == "submission") {
    t.title = "Submissions from entities in the United Nations system, international organizations and other "
              "stakeholders on their efforts in " + std::to_string(*t.year - 1) + " to implement the outcomes of the WSIS";
    head.push_back(heading(t.title));
    t.author = std::string(Pick(rng, kSubmitters));
    if (Chance(rng, 0.5)) {
      head.push_back("Submission by");
      head.push_back(*t.author);
    } else {
      head.push_back("Submission by " + *t.author);
    }
  } else if (t.type == "concept-note") {
    t.title = "High-level panel on \u201C" + topic + "\u201D";
    if (Chance(rng, 0.5)) {
      head.push_back("High-level panel on");
      head.push_back("\u201C" + topic + "\u201D");
    } else {
      head.push_back(heading(t.title));
    }
    Date day = AddDays(session_start, Between(rng, 0, 4));
    head.push_back(std::string(kWeekdays[static_cast<size_t>(Weekday(day))]) + " " + OrdinalNumber(day.day) + " " +
                   std::string(kMonthNames[day.month - 1]) + " " + std::to_string(day.year) +
                   ", 15:00-17:30 (Geneva time) " + session_place + " and Online");
    t.meeting = Meeting{session_place, day.Iso(), day.Iso()};
    head.push_back(heading("Concept note"));
  } else {  // informal-note
    t.title = "CSTD's contribution to the WSIS+20 review";
    head.push_back(heading(t.title));
    head.push_back(heading("Informal note for the " + OrdinalNumber(session) + " session of CSTD"));
    t.author = "CSTD secretariat";
  }
  if (dated) head.push_back(date_line);  // a date not in a masthead follows the title

  // ---- The body.
  Builder b{rng, report, 1, {}};
  static const std::vector<std::string> kSections = {
      "Introduction", "Organization of work", "Opening", "Theme 1: Industry 4.0 for inclusive development",
      "Theme 2: " + topic, "Findings and suggestions"};
  static constexpr std::array<std::string_view, 6> kRoman = {"I", "II", "III", "IV", "V", "VI"};
  const int paragraphs = Between(rng, 8, 30);
  const int per_section = std::max(2, paragraphs / 5);
  std::string section;
  for (int n = 1; n <= paragraphs; ++n) {
    if ((n - 1) % per_section == 0 && (n - 1) / per_section < 6) {
      const size_t k = static_cast<size_t>((n - 1) / per_section);
      section = std::string(kRoman[k]) + ". " + kSections[k];
    }
    SyntheticParagraph p;
    p.number = n;
    p.section = section;
    const int sentences = Between(rng, 2, 6);
    for (int s = 0; s < sentences; ++s) b.Sentence(p);
    Dedupe(p.speakers);
    Dedupe(p.countries);
    report.paragraphs.push_back(std::move(p));
  }
  return report;
}

// ---- Rendering ------------------------------------------------------------------

namespace {

std::string Superscript(int n) {
  static constexpr std::array<std::string_view, 10> kDigits = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                                               "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
  std::string out;
  for (char c : std::to_string(n)) out += kDigits[static_cast<size_t>(c - '0')];
  return out;
}

// Marker forms in the body, and at the head of a footnote line.
std::string MarkerForm(int form, int n) {
  switch (form) {
    case 0: return "<sup>" + std::to_string(n) + "</sup>";
    case 1: return "^{" + std::to_string(n) + "}";
    case 2: return Superscript(n);
    case 3: return "$^{" + std::to_string(n) + "}$";
    case 4: return "$^{^{\\rm " + std::to_string(n) + "}}~$";
    case 5: return "$^{^{\\}rm " + std::to_string(n) + "}~$";
    case 6: return "[^" + std::to_string(n) + "]";  // Markdown
    default: return " " + std::to_string(n);  // lost its superscript: "One speaker 5 noted"
  }
}

std::string HeadForm(int form, int n) {
  switch (form) {
    case 0: return "<sup>" + std::to_string(n) + "</sup>";
    case 1: return "<sup>&</sup>lt;sup>" + std::to_string(n) + "</sup>";
    case 2: return "^{" + std::to_string(n) + "}";
    case 3: return Superscript(n);
    case 4: return "$^{" + std::to_string(n) + "}$";
    case 5: return "$^{^{\\rm " + std::to_string(n) + "}}~$";
    case 6: return "[^" + std::to_string(n) + "]:";  // Markdown
    default: return std::to_string(n);  // a plain number
  }
}

// Greedy wrapping at `width` bytes, as a PDF's printed lines come out of a
// text conversion. Existing line breaks (a hyphenated word) stay.
std::string Wrap(const std::string& text, size_t width) {
  std::string out;
  size_t line = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find_first_of(" \n", i);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(i, end - i);
    if (line > 0 && line + 1 + word.size() > width) {
      out += "\n";
      line = 0;
    } else if (line > 0) {
      out += " ";
      ++line;
    }
    out += word;
    line += word.size();
    if (end < text.size() && text[end] == '\n') {
      out += "\n";
      line = 0;
    }
    i = end + 1;
  }
  return out;
}

struct Renderer {
  Rng rng;
  RenderLog* log = nullptr;
  bool blank_lines = true;  // blank lines between blocks (Markdown) or none
  size_t wrap_width = 0;    // lines wrapped at this width (pdftotext), or not
  int body_form = 0;        // marker form, or -1 for mixed
  int head_form = 0;
  int number_form = 0;      // "N. ", "- N. ", "N.\t"
  int furniture_form = 0;
  std::string symbol;
  double lost_footnote = 0, lost_paragraph = 0, moved_number = 0, hyphenate = 0, page_break = 0;
  int page = 1;
  std::string out;

  void Note(const std::string& s) {
    if (log) log->choices.push_back(s);
  }
  void Block(const std::string& text) {
    if (!out.empty()) out += blank_lines ? "\n\n" : "\n";
    out += wrap_width ? Wrap(text, wrap_width) : text;
  }
  std::string Marker(int n) { return MarkerForm(body_form >= 0 ? body_form : Between(rng, 0, 7), n); }
  std::string Furniture() {
    ++page;
    switch (furniture_form) {
      case 0: return "- " + std::to_string(page) + " -";
      case 1: return std::to_string(page);
      case 2: return std::to_string(page) + "/" + std::to_string(page + 9);
      default: return "GE.22-0" + std::to_string(1000 + page * 7) + "(E)";
    }
  }
};

// Splits `text` at a space between two lower-case words well inside it
// (never inside a name or next to a marker), or npos.
size_t BreakPoint(Rng& rng, const std::string& text) {
  std::vector<size_t> points;
  for (size_t i = text.size() / 4; i + 1 < text.size() * 3 / 4; ++i) {
    if (text[i] == ' ' && i > 0 && std::islower(static_cast<unsigned char>(text[i - 1])) &&
        std::islower(static_cast<unsigned char>(text[i + 1]))) {
      points.push_back(i);
    }
  }
  return points.empty() ? std::string::npos : points[rng() % points.size()];
}

}  // namespace

std::string RenderText(const SyntheticReport& report, uint64_t seed, RenderLog* log) {
  Renderer r;
  r.rng.seed(seed * 0xD1B54A32D192ED03ull + 7);
  r.log = log;
  Rng& rng = r.rng;
  r.blank_lines = Chance(rng, 0.75);
  if (Chance(rng, 0.3)) r.wrap_width = static_cast<size_t>(Between(rng, 60, 95));
  r.body_form = Chance(rng, 0.25) ? -1 : Between(rng, 0, 7);
  r.head_form = Between(rng, 0, 7);
  r.number_form = Between(rng, 0, 2);
  r.furniture_form = Between(rng, 0, 3);
  r.lost_footnote = Chance(rng, 0.5) ? 0.25 : 0;
  r.lost_paragraph = Chance(rng, 0.5) ? 0.2 : 0;
  r.moved_number = Chance(rng, 0.3) ? 0.15 : 0;
  r.hyphenate = Chance(rng, 0.5) ? 0.3 : 0;
  r.page_break = Chance(rng, 0.7) ? 0.35 : 0;
  r.symbol = report.truth.symbol.value_or("");
  r.Note("blank_lines=" + std::to_string(r.blank_lines) + " wrap=" + std::to_string(r.wrap_width) + " body_form=" + std::to_string(r.body_form) +
         " head_form=" + std::to_string(r.head_form) + " number_form=" + std::to_string(r.number_form) +
         " furniture=" + std::to_string(r.furniture_form));

  // The cover page: each line its own block; sometimes one block of lines.
  const bool head_block = Chance(rng, 0.3);
  for (size_t i = 0; i < report.head.size(); ++i) {
    if (head_block && i > 0) {
      r.out += "\n" + report.head[i];
    } else {
      r.Block(report.head[i]);
    }
  }

  // The body: paragraphs, footnote blocks where pages end.
  std::vector<int> pending;  // footnotes whose markers are on the current page
  size_t page_chars = 0;
  const size_t page_size = static_cast<size_t>(Between(rng, 1800, 4000));
  bool previous_lost_number = false;
  bool previous_lost_footnote = false;
  const auto footnote_block = [&] {
    if (pending.empty()) return;
    for (size_t i = 0; i < pending.size(); ++i) {
      const int n = pending[i];
      const bool inner = i > 0 && i + 1 < pending.size();
      std::string text = report.footnotes.at(n);
      if (inner && !previous_lost_footnote && Chance(rng, r.lost_footnote)) {
        r.Note("footnote " + std::to_string(n) + " lost its number");
        previous_lost_footnote = true;
      } else {
        const int form = r.head_form;
        const std::string head = HeadForm(form, n);
        text = head + " " + text;
        previous_lost_footnote = false;
      }
      r.Block(text);
    }
    pending.clear();
  };
  std::string last_section;
  for (size_t k = 0; k < report.paragraphs.size(); ++k) {
    const SyntheticParagraph& p = report.paragraphs[k];
    if (p.section != last_section) {
      static constexpr std::array<std::string_view, 4> kHeading = {"# ", "## ", "**", ""};
      const std::string_view h = kHeading[rng() % 4];
      r.Block(std::string(h) + p.section + (h == "**" ? "**" : ""));
      last_section = p.section;
    }
    std::string text;
    std::vector<std::pair<int, size_t>> markers;  // number, offset in `text`
    for (const Segment& s : p.segments) {
      if (s.marker) {
        markers.emplace_back(s.marker, text.size());
        text += r.Marker(s.marker);
      } else {
        text += s.text;
      }
    }
    const auto insert = [&](size_t at, const std::string& what) {
      text.insert(at, what);
      for (auto& m : markers) {
        if (m.second >= at) m.second += what.size();
      }
    };
    // Hyphenation at an invented line end: "transfor-\nmation".
    if (Chance(rng, r.hyphenate)) {
      std::vector<size_t> words;
      for (size_t i = 1; i + 10 < text.size(); ++i) {
        if (text[i - 1] != ' ') continue;
        size_t e = i;
        while (e < text.size() && std::islower(static_cast<unsigned char>(text[e]))) ++e;
        if (e - i >= 9 && e < text.size() && (text[e] == ' ' || text[e] == ',' || text[e] == '.')) words.push_back(i);
      }
      if (!words.empty()) {
        // A line end, or one a conversion joined with a space.
        insert(words[rng() % words.size()] + 4, Chance(rng, 0.25) ? "- " : "-\n");
        r.Note("hyphenated in paragraph " + std::to_string(p.number));
      }
    }
    // A compound broken at its own hyphen keeps it: "multi-\nstakeholder".
    if (Chance(rng, r.hyphenate)) {
      const size_t at = text.find("multi-stakeholder");
      if (at != std::string::npos && text.find('\n') == std::string::npos) {
        insert(at + 6, "\n");
        r.Note("compound broken in paragraph " + std::to_string(p.number));
      }
    }
    // The number: kept, lost (with both neighbours keeping theirs), or
    // moved into the first sentence.
    std::string number;
    const bool inner = k > 0 && k + 1 < report.paragraphs.size() && report.paragraphs[k + 1].section == p.section &&
                       report.paragraphs[k - 1].section == p.section;
    // In wrapped text without blank lines a paragraph that lost its number
    // cannot be told from the one before it: no conversion is read there.
    const bool can_lose = r.blank_lines || !r.wrap_width;
    if (inner && can_lose && !previous_lost_number && Chance(rng, r.lost_paragraph)) {
      number = Chance(rng, 0.5) ? "- " : "";
      previous_lost_number = true;
      r.Note("paragraph " + std::to_string(p.number) + " lost its number");
    } else if (inner && !previous_lost_number && Chance(rng, r.moved_number)) {
      const size_t at = BreakPoint(rng, text.substr(0, std::min<size_t>(text.size(), 120)));
      if (at != std::string::npos && text.find('\n') > at) {
        insert(at + 1, std::to_string(p.number) + ". ");
        previous_lost_number = true;
        r.Note("paragraph " + std::to_string(p.number) + " had its number moved");
      } else {
        number = std::to_string(p.number) + ". ";
        previous_lost_number = false;
      }
    } else {
      static constexpr std::array<std::string_view, 3> kForms = {". ", ". ", ".\t"};
      number = (r.number_form == 1 ? "- " : "") + std::to_string(p.number) + std::string(kForms[r.number_form]);
      previous_lost_number = false;
    }
    // A page that ends inside the paragraph: its footnotes and furniture
    // between the two halves.
    const size_t cut = page_chars + text.size() > page_size && Chance(rng, r.page_break / 0.35) &&
                               text.find('\n') == std::string::npos
                           ? BreakPoint(rng, text)
                           : std::string::npos;
    if (cut != std::string::npos) {
      std::vector<int> before, after;
      for (const auto& [n, offset] : markers) (offset < cut ? before : after).push_back(n);
      const std::string head_half = text.substr(0, cut), tail_half = text.substr(cut + 1);
      r.Block(number + head_half);
      pending.insert(pending.end(), before.begin(), before.end());
      footnote_block();
      r.Block(r.Furniture());
      if (!r.symbol.empty() && Chance(rng, 0.5)) r.Block(r.symbol);
      r.Block(tail_half);
      pending.insert(pending.end(), after.begin(), after.end());
      page_chars = tail_half.size();
      r.Note("page break inside paragraph " + std::to_string(p.number));
    } else {
      r.Block(number + text);
      for (const auto& m : markers) pending.push_back(m.first);
      page_chars += text.size();
      if (page_chars > page_size) {
        footnote_block();
        r.Block(r.Furniture());
        if (!r.symbol.empty() && Chance(rng, 0.5)) r.Block(r.symbol);
        page_chars = 0;
      }
    }
  }
  footnote_block();
  r.out += "\n";
  if (Chance(rng, 0.15)) {
    std::string crlf;
    for (char c : r.out) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    r.out = "\xEF\xBB\xBF" + crlf;
    r.Note("CRLF and byte-order mark");
  }
  return r.out;
}

}  // namespace cstd::extract::testing

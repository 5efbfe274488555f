// The CSTD session calendar (data/sessions.tsv): session number -> year,
// dates and place, 1st session (1993) to the latest.

#ifndef CSTD_MODEL_SESSIONS_H_
#define CSTD_MODEL_SESSIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cstd {

struct Session {
  int number = 0;
  int year = 0;
  std::string start;  // ISO date or empty when unknown
  std::string end;
  std::string place;
};

class Sessions {
 public:
  /// The calendar compiled in from data/sessions.tsv; throws DataError if it
  /// is malformed.
  static const Sessions& Builtin();

  /// Builds the calendar from TSV content (header: session year start end
  /// place source).
  Sessions(std::string_view table_name, std::string_view tsv);

  /// The session with this number, or nullptr.
  const Session* Find(int number) const;

  /// The session held in `year`, or nullptr (sessions were biennial until
  /// 2003, so some years have none).
  const Session* FindByYear(int year) const;

  const std::vector<Session>& all() const { return sessions_; }

 private:
  std::vector<Session> sessions_;
};

}  // namespace cstd

#endif  // CSTD_MODEL_SESSIONS_H_

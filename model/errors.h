// Typed errors shared by every part of the engine.
//
// Code inside the libraries throws these; each program converts them exactly
// once at its edge: cstd-indexer and cstd-query into an exit code and one line
// on stderr, cstd-searchd into an HTTP status and a JSON error body.

#ifndef CSTD_MODEL_ERRORS_H_
#define CSTD_MODEL_ERRORS_H_

#include <stdexcept>
#include <string>

namespace cstd {

/// Base of every error the engine raises on purpose. what() is one line
/// written for a user: it names the file, field or parameter at fault.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A caller asked for something malformed or out of range (a command-line
/// flag, an HTTP parameter). parameter() names it so the edge can report it:
/// exit code 2, or HTTP 400.
class UsageError : public Error {
 public:
  UsageError(std::string parameter, const std::string& message) : Error(message), parameter_(std::move(parameter)) {}
  const std::string& parameter() const { return parameter_; }

 private:
  std::string parameter_;
};

/// An input file that cannot be read or understood. The indexer skips the
/// file, reports it, and goes on: one bad file never costs the index.
class InputError : public Error {
 public:
  InputError(std::string path, std::string reason)
      : Error(path + ": " + reason), path_(std::move(path)), reason_(std::move(reason)) {}
  const std::string& path() const { return path_; }
  /// Why the file was refused, without the path.
  const std::string& reason() const { return reason_; }

 private:
  std::string path_;
  std::string reason_;
};

/// The index folder is missing, unreadable, or was written with another
/// schema version. Fatal for the program that opened it.
class IndexError : public Error {
 public:
  using Error::Error;
};

/// A built-in data table (data/*.tsv) is malformed. Raised when a table is
/// first loaded; a build with broken tables must not ship, so tests load
/// every table.
class DataError : public Error {
 public:
  using Error::Error;
};

/// Something requested does not exist (a document id, an HTTP route).
class NotFoundError : public Error {
 public:
  using Error::Error;
};

/// Something requested exists, but no longer as the index knows it: a
/// document's original file whose bytes changed on disk since it was
/// indexed (HTTP 409). The next build of the index resolves it.
class ConflictError : public Error {
 public:
  using Error::Error;
};

/// A shard of an index served as shards cannot answer (down, unreachable,
/// or serving another shard than its place in the list), so no exact answer
/// can be given (HTTP 503). The message names the shard.
class ShardUnavailableError : public Error {
 public:
  using Error::Error;
};

/// A request this server cannot answer in the way it is set up, though
/// another can (HTTP 501): a profile from a searchd over shards, which
/// counts only what the shards' searchd count for it.
class UnsupportedError : public Error {
 public:
  using Error::Error;
};

}  // namespace cstd

#endif  // CSTD_MODEL_ERRORS_H_

// Compression of the records an index stores (passage text and document
// metadata): zstd with a dictionary trained on the corpus at build time and
// kept in the index, so that short records, which plain zstd barely shrinks,
// compress as well as a whole file would.

#ifndef CSTD_MODEL_RECORD_CODEC_H_
#define CSTD_MODEL_RECORD_CODEC_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cstd {

class RecordCodec {
 public:
  /// A codec using `dictionary` (from TrainDictionary(); empty: plain zstd).
  /// Throws DataError if `dictionary` is not a zstd dictionary.
  explicit RecordCodec(std::string dictionary = {});
  ~RecordCodec();
  RecordCodec(const RecordCodec&) = delete;
  RecordCodec& operator=(const RecordCodec&) = delete;

  /// `record` compressed. Safe to call from several threads at once.
  std::string Compress(std::string_view record) const;

  /// The record `compressed` came from. Throws DataError naming `what` (a
  /// passage or document id) if it is not a record of this codec.
  std::string Decompress(std::string_view compressed, std::string_view what) const;

  const std::string& dictionary() const { return dictionary_; }

  /// A dictionary trained on `samples` (records like those to compress), or
  /// an empty string when there are too few to learn from: zstd wants about
  /// a hundred times the dictionary's size in samples.
  static std::string TrainDictionary(const std::vector<std::string>& samples);

  /// Size of a trained dictionary. zstd's default: larger ones gained under
  /// 2% on the UNGDC while costing more per record to load into a context.
  static constexpr size_t kDictionaryBytes = 112 * 1024;

  /// Compression level. Level 3 (zstd's default) compresses passages at
  /// about 300 MB/s; higher levels gained a few percent for several times
  /// the build time.
  static constexpr int kLevel = 3;

 private:
  struct Dicts;
  std::string dictionary_;
  std::unique_ptr<Dicts> dicts_;
};

}  // namespace cstd

#endif  // CSTD_MODEL_RECORD_CODEC_H_

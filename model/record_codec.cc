#include "model/record_codec.h"

#include <zdict.h>
#include <zstd.h>

#include "model/errors.h"

namespace cstd {

struct RecordCodec::Dicts {
  ZSTD_CDict* cdict = nullptr;
  ZSTD_DDict* ddict = nullptr;
  ~Dicts() {
    ZSTD_freeCDict(cdict);
    ZSTD_freeDDict(ddict);
  }
};

namespace {

// One compression and one decompression context per thread: contexts are
// not thread-safe, and making one per record costs more than the record.
struct Contexts {
  ZSTD_CCtx* c = ZSTD_createCCtx();
  ZSTD_DCtx* d = ZSTD_createDCtx();
  ~Contexts() {
    ZSTD_freeCCtx(c);
    ZSTD_freeDCtx(d);
  }
};

Contexts& ThreadContexts() {
  thread_local Contexts contexts;
  return contexts;
}

}  // namespace

RecordCodec::RecordCodec(std::string dictionary) : dictionary_(std::move(dictionary)), dicts_(new Dicts) {
  if (dictionary_.empty()) return;
  if (ZDICT_getDictID(dictionary_.data(), dictionary_.size()) == 0) {
    throw DataError("index holds a compression dictionary that zstd does not recognise");
  }
  dicts_->cdict = ZSTD_createCDict(dictionary_.data(), dictionary_.size(), kLevel);
  dicts_->ddict = ZSTD_createDDict(dictionary_.data(), dictionary_.size());
  if (!dicts_->cdict || !dicts_->ddict) throw DataError("cannot load the index's compression dictionary");
}

RecordCodec::~RecordCodec() = default;

std::string RecordCodec::Compress(std::string_view record) const {
  std::string out(ZSTD_compressBound(record.size()), '\0');
  Contexts& ctx = ThreadContexts();
  const size_t n =
      dicts_->cdict
          ? ZSTD_compress_usingCDict(ctx.c, out.data(), out.size(), record.data(), record.size(), dicts_->cdict)
          : ZSTD_compressCCtx(ctx.c, out.data(), out.size(), record.data(), record.size(), kLevel);
  if (ZSTD_isError(n)) throw DataError(std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
  out.resize(n);
  return out;
}

std::string RecordCodec::Decompress(std::string_view compressed, std::string_view what) const {
  const unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  // A record is a paragraph or a document's metadata; a frame claiming more
  // is corrupt, and trusting it would allocate whatever it says.
  constexpr unsigned long long kMaxRecord = 64ull << 20;
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxRecord) {
    throw DataError(std::string(what) + ": stored record is not a zstd frame of this index");
  }
  std::string out(size, '\0');
  Contexts& ctx = ThreadContexts();
  const size_t n = dicts_->ddict
                       ? ZSTD_decompress_usingDDict(ctx.d, out.data(), out.size(), compressed.data(), compressed.size(),
                                                    dicts_->ddict)
                       : ZSTD_decompressDCtx(ctx.d, out.data(), out.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(n) || n != size) {
    throw DataError(std::string(what) +
                    ": stored record does not decompress: " + (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "short"));
  }
  return out;
}

std::string RecordCodec::TrainDictionary(const std::vector<std::string>& samples) {
  std::string joined;
  std::vector<size_t> sizes;
  for (const auto& s : samples) {
    joined += s;
    sizes.push_back(s.size());
  }
  // Below this, training fails or learns a dictionary that only fits the
  // samples; plain zstd is then the better choice.
  if (joined.size() < 10 * kDictionaryBytes || sizes.size() < 100) return {};
  std::string dictionary(kDictionaryBytes, '\0');
  const size_t n = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
                                         static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(n)) return {};
  dictionary.resize(n);
  return dictionary;
}

}  // namespace cstd

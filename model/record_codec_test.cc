#include "model/record_codec.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/errors.h"

namespace cstd {
namespace {

// Records shaped like passages: shared keys and phrasing, varying text.
std::vector<std::string> Samples(size_t n) {
  const char* words[] = {"development", "cooperation", "technology", "information", "society",
                         "governance",  "broadband",   "digital",    "divide",      "capacity"};
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string text;
    for (size_t w = 0; w < 40; ++w)
      text += std::string(words[(i * 7 + w * w + i / 13) % 10]) + (w % 5 ? " " : std::to_string(i % 97) + " ");
    out.push_back(R"({"doc_id":"doc-)" + std::to_string(i) +
                  R"(","title":"Report of the Commission on Science and )"
                  R"(Technology for Development","type":"session-report","text":")" +
                  text + "\"}");
  }
  return out;
}

TEST(RecordCodecTest, RoundTripsWithAndWithoutADictionary) {
  const auto samples = Samples(4000);
  const std::string dictionary = RecordCodec::TrainDictionary(samples);
  ASSERT_FALSE(dictionary.empty());
  const RecordCodec with(dictionary);
  const RecordCodec plain;
  for (const std::string& record : {samples[3], std::string(), std::string("\0binary\xff", 8)}) {
    EXPECT_EQ(with.Decompress(with.Compress(record), "r"), record);
    EXPECT_EQ(plain.Decompress(plain.Compress(record), "r"), record);
  }
  // The point of the dictionary: a short record shrinks far more with it.
  EXPECT_LT(with.Compress(samples[5]).size() * 2, plain.Compress(samples[5]).size());
}

TEST(RecordCodecTest, TooFewSamplesGiveNoDictionary) {
  EXPECT_EQ(RecordCodec::TrainDictionary(Samples(5)), "");
  EXPECT_EQ(RecordCodec::TrainDictionary({}), "");
}

TEST(RecordCodecTest, RejectsWhatIsNotARecordNamingIt) {
  const RecordCodec plain;
  for (const std::string& bad : {std::string("plain text"), std::string(), plain.Compress("abc").substr(0, 5)}) {
    try {
      plain.Decompress(bad, "passage p-7");
      FAIL() << "no error for '" << bad << "'";
    } catch (const DataError& e) {
      EXPECT_NE(std::string(e.what()).find("passage p-7"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(RecordCodec("not a dictionary"), DataError);
}

}  // namespace
}  // namespace cstd

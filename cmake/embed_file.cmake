# Script mode helper for cstd_embed_data: writes OUTPUT, a C++ source that
# defines cstd::embedded::SYMBOL() returning the bytes of INPUT. The bytes are
# written as hex so any content (quotes, backslashes, UTF-8) survives.
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
string(REGEX REPLACE "(('[^']+',){24})" "\\1\n" body "${body}")
file(WRITE ${OUTPUT}
"// Generated from ${INPUT} by cmake/embed_file.cmake. Do not edit.\n"
"#include <string_view>\n"
"namespace cstd::embedded {\n"
"namespace {\n"
"constexpr char kData[${size} + 1] = {\n${body}'\\0'};\n"
"}  // namespace\n"
"std::string_view ${SYMBOL}() { return {kData, ${size}}; }\n"
"}  // namespace cstd::embedded\n")

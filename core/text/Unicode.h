#pragma once
// Unicode helpers over utf8proc: decoding that never fails (invalid bytes become
// U+FFFD, or are kept as raw bytes for byte-level BPE), and the character classes
// BERT's BasicTokenizer and GPT-2's pre-tokenizer are defined with.
#include <string>
#include <string_view>
#include <vector>

namespace ptl::unicode {

// One decoded unit: a code point, and the bytes it came from (a lone invalid byte is
// its own unit with cp = U+FFFD).
struct Unit {
    char32_t cp;
    std::size_t begin, end;  // byte range in the input
    bool valid;
};

std::vector<Unit> decode(std::string_view s);
std::u32string toU32(std::string_view s);  // invalid bytes -> U+FFFD
std::string toUtf8(const std::u32string& s);
void appendUtf8(std::string& out, char32_t cp);
// True when every byte sequence of s is valid UTF-8.
bool isValidUtf8(std::string_view s);
// The offset of the first byte that does not start valid UTF-8 (npos: none); allocates
// nothing, so a corpus of gigabytes is checked in place.
std::size_t firstInvalidUtf8(std::string_view s);

bool isWhitespace(char32_t c);   // BERT: space, \t, \n, \r, category Zs
bool isControl(char32_t c);      // BERT: category C*, except \t \n \r
bool isPunctuation(char32_t c);  // BERT: ASCII non-alphanumerics and category P*
bool isCjk(char32_t c);          // CJK Unified Ideographs blocks, as BERT
bool isLetter(char32_t c);       // \p{L}
bool isNumber(char32_t c);       // \p{N}
bool isSpace(char32_t c);        // regex \s
bool isMark(char32_t c);         // category Mn

char32_t toLower(char32_t c);
// NFD, then drop non-spacing marks (BERT's _run_strip_accents).
std::u32string stripAccents(const std::u32string& s);

} // namespace ptl::unicode

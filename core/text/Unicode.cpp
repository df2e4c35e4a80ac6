#include "core/text/Unicode.h"

#include <cstdlib>
#include <utf8proc.h>

namespace ptl::unicode {

std::vector<Unit> decode(std::string_view s)
{
    std::vector<Unit> out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    std::size_t i = 0;
    while (i < s.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) {
            out.push_back({0xFFFD, i, i + 1, false});
            ++i;
        } else {
            out.push_back({static_cast<char32_t>(cp), i, i + static_cast<std::size_t>(n), true});
            i += static_cast<std::size_t>(n);
        }
    }
    return out;
}

std::u32string toU32(std::string_view s)
{
    std::u32string out;
    for (const Unit& u : decode(s)) out.push_back(u.cp);
    return out;
}

void appendUtf8(std::string& out, char32_t cp)
{
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::string toUtf8(const std::u32string& s)
{
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s) appendUtf8(out, c);
    return out;
}

std::size_t firstInvalidUtf8(std::string_view s)
{
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    std::size_t i = 0;
    while (i < s.size()) {
        if (p[i] < 0x80) {  // ASCII: most of any English text
            ++i;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) return i;
        i += static_cast<std::size_t>(n);
    }
    return std::string_view::npos;
}

bool isValidUtf8(std::string_view s) { return firstInvalidUtf8(s) == std::string_view::npos; }

static utf8proc_category_t cat(char32_t c) { return utf8proc_category(static_cast<utf8proc_int32_t>(c)); }

bool isWhitespace(char32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || cat(c) == UTF8PROC_CATEGORY_ZS;
}

bool isControl(char32_t c)
{
    if (c == '\t' || c == '\n' || c == '\r') return false;
    const auto k = cat(c);
    return k == UTF8PROC_CATEGORY_CC || k == UTF8PROC_CATEGORY_CF || k == UTF8PROC_CATEGORY_CS ||
           k == UTF8PROC_CATEGORY_CO || k == UTF8PROC_CATEGORY_CN;
}

bool isPunctuation(char32_t c)
{
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) return true;
    const auto k = cat(c);
    return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}

bool isCjk(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
           (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

bool isLetter(char32_t c)
{
    const auto k = cat(c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

bool isNumber(char32_t c)
{
    const auto k = cat(c);
    return k >= UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO;
}

bool isSpace(char32_t c)
{
    if (c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x1F || c == 0x85) return true;
    const auto k = cat(c);
    return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP;
}

bool isMark(char32_t c) { return cat(c) == UTF8PROC_CATEGORY_MN; }

char32_t toLower(char32_t c) { return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))); }

std::u32string stripAccents(const std::u32string& s)
{
    std::u32string out;
    out.reserve(s.size());
    utf8proc_int32_t buf[32];
    for (char32_t c : s) {
        int last = 0;
        const auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), buf, 32,
                                               static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE), &last);
        if (n <= 0 || n > 32) {
            out.push_back(c);
            continue;
        }
        for (int i = 0; i < n; ++i)
            if (!isMark(static_cast<char32_t>(buf[i]))) out.push_back(static_cast<char32_t>(buf[i]));
    }
    return out;
}

} // namespace ptl::unicode

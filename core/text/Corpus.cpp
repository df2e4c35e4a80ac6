#include "core/text/Corpus.h"
#include "core/text/Unicode.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Runtime.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace fs = std::filesystem;

namespace ptl {

std::size_t Corpus::sentenceCount() const
{
    std::size_t n = 0;
    for (const auto& d : documents) n += d.sentences.size();
    return n;
}

std::size_t Corpus::byteCount() const
{
    std::size_t n = 0;
    for (const auto& d : documents)
        for (const auto& s : d.sentences) n += s.size();
    return n;
}

// The longest line read: a paragraph is kilobytes; a file of one endless line is not text
// this reader can split into documents, and copying it would take gigabytes.
constexpr std::size_t kMaxLineBytes = std::size_t(16) << 20;

static int lineOf(std::string_view text, std::size_t offset)
{
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

static std::string trim(std::string_view s)
{
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

Corpus parseCorpus(std::string_view text, const std::string& label)
{
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        throw Error(label + " looks binary: NUL byte at offset " + std::to_string(nul) + " (line " + std::to_string(lineOf(text, nul)) + ")",
                    "give a plain UTF-8 text file: one sentence or paragraph a line, documents separated by blank lines");
    if (const std::size_t bad = unicode::firstInvalidUtf8(text); bad != std::string_view::npos) {
        static const char* hex = "0123456789abcdef";
        const auto b = static_cast<unsigned char>(text[bad]);
        throw Error(label + " is not UTF-8 text: invalid byte 0x" + std::string{hex[b >> 4], hex[b & 15]} + " at offset " +
                        std::to_string(bad) + " (line " + std::to_string(lineOf(text, bad)) + ")",
                    "convert it first, e.g. iconv -f latin1 -t utf-8 in.txt > out.txt");
    }
    Corpus c;
    Document doc;
    doc.source = label;
    int lineNo = 0;
    std::size_t pos = 0;
    auto flush = [&] {
        if (!doc.sentences.empty()) c.documents.push_back(std::move(doc));
        doc = Document{};
        doc.source = label;
    };
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        ++lineNo;
        if (nl - pos > kMaxLineBytes)
            throw Error(label + ": line " + std::to_string(lineNo) + " is " + std::to_string(nl - pos) +
                            " bytes long; a line of a corpus is a sentence or a paragraph (at most " +
                            std::to_string(kMaxLineBytes >> 20) + " MB)",
                        "break the text into lines, and documents with blank lines between them");
        const std::string line = trim(text.substr(pos, nl - pos));
        if (line.empty()) {
            flush();
        } else {
            if (doc.sentences.empty()) doc.firstLine = lineNo;
            for (auto& s : splitSentences(line)) doc.sentences.push_back(std::move(s));
        }
        pos = nl + 1;
    }
    flush();
    if (c.documents.empty())
        throw Error(label + " holds no text", "a corpus needs at least one non-empty line");
    return c;
}

Corpus readCorpus(const fs::path& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error("corpus not found: " + path.string(), "give a text file or a folder of .txt files");
    if (!fs::is_directory(path, ec))
        return parseCorpus(readTextFile(path), path.string());
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(path, ec))
        if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    if (ec)
        throw Error("cannot list " + path.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    if (files.empty())
        throw Error("the folder " + path.string() + " has no .txt files", "put the corpus in files ending in .txt");
    Corpus all;
    for (const auto& f : files) {
        Corpus part = parseCorpus(readTextFile(f), f.string());
        for (auto& d : part.documents) all.documents.push_back(std::move(d));
    }
    return all;
}

fs::path bundledCorpusPath() { return resourceDir() / "corpus" / "brown.txt"; }

Corpus bundledCorpus() { return readCorpus(bundledCorpusPath()); }

static bool isAbbreviation(const std::string& word)
{
    static const std::set<std::string> abbrev = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "vs", "etc", "e.g", "i.e",
                                                 "inc", "co", "corp", "ltd", "no", "gen", "col", "lt", "sen", "rep", "gov",
                                                 "rev", "mt", "ft", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec"};
    std::string w;
    for (char ch : word) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    if (w.size() == 1 && std::isalpha(static_cast<unsigned char>(w[0]))) return true;  // an initial: "J. Smith"
    return abbrev.count(w) != 0;
}

std::vector<std::string> splitSentences(std::string_view line)
{
    std::vector<std::string> out;
    const auto units = unicode::decode(line);
    const std::size_t n = units.size();
    std::size_t start = 0;  // byte offset
    for (std::size_t i = 0; i < n; ++i) {
        const char32_t c = units[i].cp;
        const bool cjkStop = c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
        if (c != '.' && c != '!' && c != '?' && !cjkStop) continue;
        std::size_t j = i + 1;
        while (j < n && (units[j].cp == '"' || units[j].cp == '\'' || units[j].cp == ')' || units[j].cp == ']' ||
                         units[j].cp == 0x201D || units[j].cp == 0x2019 || units[j].cp == '.'))
            ++j;
        if (!cjkStop) {
            if (j >= n || units[j].cp != ' ') continue;
            std::size_t k = j;
            while (k < n && units[k].cp == ' ') ++k;
            if (k >= n) continue;
            const char32_t next = units[k].cp;
            const bool opener = next == '"' || next == 0x201C || next == '(' || next == '\'';
            if (!(unicode::isLetter(next) && unicode::toLower(next) != next) && !(next >= '0' && next <= '9') && !opener) continue;
            if (c == '.') {
                std::size_t w = i;
                while (w > 0 && !unicode::isSpace(units[w - 1].cp)) --w;
                const std::string word(line.substr(units[w].begin, units[i].begin - units[w].begin));
                if (isAbbreviation(word)) continue;
            }
        }
        const std::size_t endByte = j < n ? units[j].begin : line.size();
        std::string s = trim(line.substr(start, endByte - start));
        if (!s.empty()) out.push_back(std::move(s));
        start = endByte;
        i = j - 1;
    }
    std::string rest = trim(line.substr(start));
    if (!rest.empty()) out.push_back(std::move(rest));
    return out;
}

std::pair<Corpus, Corpus> splitHeldOut(const Corpus& corpus, double fraction, std::uint64_t seed)
{
    Corpus train, held;
    if (fraction <= 0.0 || corpus.documents.size() < 2) {
        train = corpus;
        return {train, held};
    }
    const std::size_t every = std::max<std::size_t>(2, static_cast<std::size_t>(1.0 / fraction + 0.5));
    const std::size_t offset = static_cast<std::size_t>(seed % every);
    for (std::size_t i = 0; i < corpus.documents.size(); ++i)
        (i % every == offset ? held : train).documents.push_back(corpus.documents[i]);
    return {train, held};
}

} // namespace ptl

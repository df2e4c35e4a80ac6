#pragma once
// Reading pre-training text: a file or a folder of .txt files. Documents are separated
// by blank lines; each line is split into sentences. Empty, binary, non-UTF-8 or
// unreadable input is refused with a message naming the file (and line) and a hint.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ptl {

struct Document {
    std::string source;  // file it came from
    int firstLine = 0;   // 1-based line of its first sentence
    std::vector<std::string> sentences;
};

struct Corpus {
    std::vector<Document> documents;
    std::size_t sentenceCount() const;
    std::size_t byteCount() const;
};

// Reads one file or every *.txt file of a folder (sorted by name).
Corpus readCorpus(const std::filesystem::path& path);
// Parses text already in memory; label names it in messages.
Corpus parseCorpus(std::string_view text, const std::string& label);
// The bundled Brown corpus (resources/corpus/brown.txt).
Corpus bundledCorpus();
std::filesystem::path bundledCorpusPath();

// Rule-based sentence splitting: after . ! ? (and closing quotes or brackets) followed by
// space and a capital, digit or opening quote, except after common abbreviations and
// initials; CJK full stops always split.
std::vector<std::string> splitSentences(std::string_view line);

// Deterministic held-out split by document: every k-th document (k = 1 / fraction),
// starting at an offset drawn from seed, goes to the second corpus.
std::pair<Corpus, Corpus> splitHeldOut(const Corpus& corpus, double fraction, std::uint64_t seed);

} // namespace ptl

#pragma once
// GPT-2's byte-level BPE: bytes_to_unicode, GPT-2's pre-tokenization pattern, merges
// applied by rank; vocab.json + merges.txt in and out. Works on any bytes: text that is
// not valid UTF-8 round-trips exactly.
#include "core/text/Tokenizer.h"

#include <mutex>
#include <unordered_map>

namespace ptl {

class ByteLevelBpeTokenizer : public Tokenizer {
public:
    ByteLevelBpeTokenizer(std::vector<std::string> vocab, std::vector<std::pair<std::string, std::string>> merges);
    static std::unique_ptr<ByteLevelBpeTokenizer> fromFiles(const std::filesystem::path& vocabJson,
                                                            const std::filesystem::path& mergesTxt);

    TokenizerKind kind() const override { return TokenizerKind::ByteLevelBpe; }
    std::vector<std::string> tokenize(std::string_view text) const override;
    std::string decode(const std::vector<int>& ids, bool skipSpecial = true) const override;
    void save(const std::filesystem::path& dir) const override;
    bool isContinuation(int id) const override;

    const std::vector<std::pair<std::string, std::string>>& merges() const { return merges_; }

    // GPT-2's pattern: 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
    static std::vector<std::string> preTokenize(std::string_view text);
    // The printable character standing for each byte (bytes_to_unicode), as UTF-8.
    static const std::vector<std::string>& byteSymbols();

    // Trains vocabSize entries: 256 byte symbols, merges, then <|endoftext|>.
    static std::unique_ptr<ByteLevelBpeTokenizer> train(const std::vector<std::string>& texts, int vocabSize, int minFrequency = 2);

protected:
    std::vector<std::string> specialStrings() const override;

private:
    std::vector<std::string> bpe(const std::string& word) const;

    std::vector<std::pair<std::string, std::string>> merges_;
    std::unordered_map<std::string, int> ranks_;  // "a b" -> rank
    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::string, std::vector<std::string>> cache_;
};

} // namespace ptl

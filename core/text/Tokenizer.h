#pragma once
// The tokenizer interface shared by WordPiece (BERT, ALBERT) and byte-level BPE (GPT-2),
// and loading one from a checkpoint folder (vocab.txt, or vocab.json + merges.txt).
#include "core/api/Presets.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ptl {

struct SpecialIds {
    int pad = -1, unk = -1, cls = -1, sep = -1, mask = -1, eos = -1;
};

class Tokenizer {
public:
    virtual ~Tokenizer() = default;
    virtual TokenizerKind kind() const = 0;
    // Pieces of text, without [CLS]/[SEP]. Special-token strings in the text ("[MASK]",
    // "<|endoftext|>") stay single tokens. Invalid UTF-8 never throws.
    virtual std::vector<std::string> tokenize(std::string_view text) const = 0;
    virtual std::string decode(const std::vector<int>& ids, bool skipSpecial = true) const = 0;
    // Writes the tokenizer files into dir (atomically, one by one).
    virtual void save(const std::filesystem::path& dir) const = 0;
    // True when the token continues a word (WordPiece "##x"; BPE pieces without a leading space).
    virtual bool isContinuation(int id) const = 0;

    std::vector<int> encode(std::string_view text) const;
    std::vector<int> toIds(const std::vector<std::string>& tokens) const;
    int vocabSize() const { return static_cast<int>(vocab_.size()); }
    const std::string& token(int id) const;
    int id(const std::string& token) const;  // -1 when absent
    bool isSpecial(int id) const;
    const SpecialIds& specials() const { return specials_; }
    const std::vector<std::string>& vocab() const { return vocab_; }

protected:
    void setVocab(std::vector<std::string> vocab);  // fills the index and the special ids
    // Splits text around special-token strings; returns (piece, isSpecial) in order.
    std::vector<std::pair<std::string_view, bool>> splitSpecials(std::string_view text) const;
    virtual std::vector<std::string> specialStrings() const = 0;

    std::vector<std::string> vocab_;
    std::unordered_map<std::string, int> index_;
    SpecialIds specials_;
};

// Opens the tokenizer files of a checkpoint folder. Throws ptl::Error with a hint.
std::unique_ptr<Tokenizer> loadTokenizer(const std::filesystem::path& dir);
// Opens a vocabulary file: vocab.txt (WordPiece) or vocab.json (BPE, merges.txt beside it).
std::unique_ptr<Tokenizer> loadTokenizerFile(const std::filesystem::path& file);
// The vocabulary bundled for a preset (resources/vocab/...).
std::unique_ptr<Tokenizer> loadBundledTokenizer(TokenizerKind kind);

} // namespace ptl

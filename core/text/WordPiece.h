#pragma once
// BERT's tokenizer: BasicTokenizer (clean, CJK split, optional lower-casing and accent
// stripping, punctuation split) then greedy longest-match-first WordPiece with "##"
// continuations and [UNK] for words over 100 characters, as google-research/bert's
// tokenization.py and HF's BertTokenizer.
#include "core/text/Tokenizer.h"

namespace ptl {

struct WordPieceOptions {
    bool lowercase = true;
    bool stripAccents = true;   // with lowercase, as BERT uncased
    int maxInputCharsPerWord = 100;
};

class WordPieceTokenizer : public Tokenizer {
public:
    WordPieceTokenizer(std::vector<std::string> vocab, WordPieceOptions options = {});
    static std::unique_ptr<WordPieceTokenizer> fromVocabFile(const std::filesystem::path& vocabTxt, WordPieceOptions options = {});

    TokenizerKind kind() const override { return TokenizerKind::WordPiece; }
    std::vector<std::string> tokenize(std::string_view text) const override;
    std::string decode(const std::vector<int>& ids, bool skipSpecial = true) const override;
    void save(const std::filesystem::path& dir) const override;
    bool isContinuation(int id) const override;

    // BasicTokenizer alone: the words WordPiece then splits.
    static std::vector<std::string> basicTokenize(std::string_view text, const WordPieceOptions& options);
    // WordPiece of one basic token.
    void wordPiece(const std::string& word, std::vector<std::string>& out) const;
    const WordPieceOptions& options() const { return options_; }

    // Builds a vocabulary of vocabSize entries from text (BPE-style merges over "##"
    // continuation symbols, as HF tokenizers' WordPieceTrainer). Specials come first:
    // [PAD] [UNK] [CLS] [SEP] [MASK].
    static std::vector<std::string> train(const std::vector<std::string>& texts, int vocabSize,
                                          const WordPieceOptions& options = {}, int minFrequency = 2);

protected:
    std::vector<std::string> specialStrings() const override;

private:
    WordPieceOptions options_;
};

} // namespace ptl

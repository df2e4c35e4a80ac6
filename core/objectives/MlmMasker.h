#pragma once
// BERT's masked-LM masking, exact to google-research/bert create_masked_lm_predictions,
// with google-research/albert's n-gram option. For each sequence it returns its decisions
// (position, original id, input id, kind) so the GUI can draw them.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace ptl {

class Tokenizer;

enum class MaskKind { Mask, Random, Keep };
std::string toString(MaskKind k);

struct MaskDecision {
    int position = 0;
    int original = 0;  // id before masking (the label)
    int input = 0;     // id the model sees
    MaskKind kind = MaskKind::Mask;
    int span = 0;      // index of the word / n-gram it was chosen with (same span = chosen together)
};

struct MaskingOptions {
    double maskProb = 0.15;      // share of tokens to predict
    int maxPredictions = 20;     // per sequence (BERT: 20 at length 128)
    double maskRatio = 0.8;      // -> [MASK]
    double randomRatio = 0.1;    // -> a random token; the rest is kept unchanged
    bool wholeWord = false;      // mask every piece of a word together
    int maxNgram = 1;            // ALBERT: 3, with p(n) proportional to 1/n
    bool dynamic = true;         // fresh masks every epoch (RoBERTa); false: static (BERT)

    std::string validate() const;  // empty when valid
};

class MlmMasker {
public:
    MlmMasker(const Tokenizer& tokenizer, MaskingOptions options);

    // Masks ids in place. Candidates are all tokens except [CLS], [SEP], [PAD] (and other
    // specials). Returns the decisions sorted by position.
    // ngramDraws, when given, receives each n drawn for an n-gram (before the budget
    // shortens it), for checking p(n) against 1/n.
    std::vector<MaskDecision> mask(std::vector<int>& ids, std::mt19937_64& rng, std::vector<int>* ngramDraws = nullptr) const;

    // The seed for masking instance `index` in `epoch`: static masking ignores the epoch.
    std::uint64_t instanceSeed(std::uint64_t seed, std::uint64_t epoch, std::uint64_t index) const;

    const MaskingOptions& options() const { return options_; }

private:
    const Tokenizer& tok_;
    MaskingOptions options_;
    std::vector<int> randomPool_;  // ids a random replacement is drawn from (no specials)
};

} // namespace ptl

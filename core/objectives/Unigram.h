#pragma once
// The unigram baseline: how well a model that ignores context does on what an objective
// predicts. For masked LM the predicted tokens are the maskable ones (every token but the
// specials: BERT selects them uniformly, so the selected tokens have the same
// distribution); for causal LM every next token, <|endoftext|> included; for ELECTRA's
// discriminator the binary entropy of the share of replaced tokens.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ptl {

class UnigramCounts {
public:
    UnigramCounts() = default;
    explicit UnigramCounts(int vocabSize) : counts_(static_cast<std::size_t>(vocabSize), 0) {}

    void add(int id, std::int64_t n = 1);
    std::int64_t total() const { return total_; }
    std::int64_t count(int id) const { return counts_.at(static_cast<std::size_t>(id)); }
    const std::vector<std::int64_t>& counts() const { return counts_; }
    int vocabSize() const { return static_cast<int>(counts_.size()); }

    // -sum p ln p over the observed tokens, in nats (0 for an empty count).
    double entropy() const;
    // The probability this unigram model gives a token, add-alpha smoothed over the
    // vocabulary so unseen tokens cost a finite amount.
    double probability(int id, double alpha = 0.5) const;
    // The mean loss, in nats, of this unigram model on other counts (a held-out set):
    // -sum q(x) ln p(x), with p smoothed as probability().
    double crossEntropy(const UnigramCounts& heldOut, double alpha = 0.5) const;
    // The accuracy of always guessing the most frequent token, on other counts.
    double accuracyOfMostFrequent(const UnigramCounts& heldOut) const;
    // The k most frequent tokens with their share, most frequent first (ties: lower id first).
    std::vector<std::pair<int, double>> top(int k) const;

    // {"total": N, "entropy": H, "counts": [...]} and back. Throws ptl::Error on a bad file.
    std::string toJson() const;
    static UnigramCounts fromJson(const std::string& text, const std::string& where);

private:
    std::vector<std::int64_t> counts_;
    std::int64_t total_ = 0;
};

// The entropy of a coin that comes up with probability p, in nats (0 at p = 0 or 1).
double binaryEntropy(double p);

} // namespace ptl

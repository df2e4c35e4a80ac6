#pragma once
// GPT's causal-LM data: documents joined by <|endoftext|> into one token stream, cut into
// windows of seqLen + 1 tokens (stride seqLen); input = window[:-1], target = window[1:].
#include <vector>

namespace ptl {

struct CausalWindow {
    std::vector<int> input;   // seqLen tokens
    std::vector<int> target;  // the same, shifted left by one
};

// documents: tokenized sentences per document (ids). eosId separates documents.
std::vector<CausalWindow> packCausal(const std::vector<std::vector<std::vector<int>>>& documents, int seqLen, int eosId);

} // namespace ptl

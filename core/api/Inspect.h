#pragma once
// What inspecting a model on a text returns, as plain values (the GUI draws these).
#include <string>
#include <vector>

namespace ptl {

struct TokenCandidate {
    std::string token;
    int id = 0;
    double prob = 0.0;
};

struct MaskPrediction {
    int position = 0;
    std::vector<TokenCandidate> candidates;  // best first
};

struct InspectResult {
    std::vector<std::string> tokens;
    std::vector<int> ids;
    std::vector<int> typeIds;
    // [layer][head][query][key]
    std::vector<std::vector<std::vector<std::vector<float>>>> attentions;
    std::vector<MaskPrediction> maskPredictions;  // top-k at every [MASK]
    std::vector<TokenCandidate> nextToken;        // GPT-2: top-k for the token after the text
    std::vector<float> replacedProb;              // ELECTRA discriminator: P(replaced) per token
    // What word frequency alone guesses at any [MASK] (or next token): the top-k of the
    // unigram counts of the model's training data (the checkpoint's unigram.json, or the
    // bundled corpus for a bundled vocabulary). The same at every position: a model that
    // ignores context. Empty when no counts are known for this checkpoint.
    std::vector<TokenCandidate> frequencyGuess;
};

} // namespace ptl

namespace ptl {

// JSON as `pretrainlab-cli inspect --json` prints it and probe snapshots store it:
// {tokens, ids, type_ids, attentions[layer][head][query][key], mlm_top_k, next_top_k}.
std::string inspectToJson(const InspectResult& r);
// Reads that JSON back; throws ptl::Error on malformed input.
InspectResult inspectFromJson(const std::string& json);

} // namespace ptl

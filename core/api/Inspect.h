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
};

} // namespace ptl

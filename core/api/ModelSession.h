#pragma once
// An opened model for inspection, as the GUI sees it: plain values in and out, no torch
// types. One forward pass per call; call it from a worker thread, never the GUI thread.
#include "core/api/Inspect.h"
#include "core/api/ModelConfig.h"
#include "core/api/Replaced.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ptl {

struct TokenPiece {
    std::string token;
    int id = 0;
    bool unknown = false;
    bool special = false;
    bool continuation = false;  // WordPiece "##x" / BPE piece without a leading space
};

// For bertviz's neuron view: one query position of one layer and head.
struct NeuronView {
    std::vector<float> query;                 // (hs)
    std::vector<std::vector<float>> keys;     // (T, hs)
    std::vector<std::vector<float>> products; // (T, hs): query * key elementwise
    std::vector<float> scores;                // (T): q.k / sqrt(hs), before masking
    std::vector<float> probs;                 // (T): softmax
};

// BERT's masker run on a text, and what the model predicts at each selected position.
struct MaskPreviewOptions {
    double maskProb = 0.15;
    double maskRatio = 0.8;
    double randomRatio = 0.1;
    bool wholeWord = false;
    int maxNgram = 1;
    int maxPredictions = 1000;
    std::uint64_t seed = 1;
};

struct MaskedPosition {
    int position = 0;
    std::string original, input;
    int originalId = 0, inputId = 0;
    std::string kind;                          // mask, random, keep
    std::vector<TokenCandidate> candidates;    // the model's top-k at this position
    double loss = 0;                           // -log p(original)
};

struct MaskPreview {
    std::vector<std::string> tokens;           // the sequence before masking
    std::vector<std::string> inputTokens;      // what the model sees
    std::vector<MaskedPosition> selected;
    int candidates = 0;                        // tokens that could be selected
    double expectedSelected = 0, expectedMask = 0, expectedRandom = 0, expectedKeep = 0;
    int countMask = 0, countRandom = 0, countKeep = 0;
    double meanLoss = 0;
};

// ELECTRA on a typed text: either corrupt it as in training (mask 15%: 85% [MASK], 15%
// kept; the generator samples at each masked position) and score the result, or score
// the text exactly as typed (replace a word yourself and see if the discriminator notices).
struct ReplacedOptions {
    bool corrupt = true;
    double maskProb = 0.15;
    std::uint64_t seed = 1;
};

class ModelSession {
public:
    virtual ~ModelSession() = default;
    // Opens a checkpoint folder (ours or HF layout). Throws ptl::Error.
    static std::unique_ptr<ModelSession> open(const std::string& checkpointDir);

    virtual const ModelConfig& config() const = 0;
    virtual std::string path() const = 0;
    virtual InspectResult inspect(const std::string& text, const std::optional<std::string>& textB, int topK) = 0;
    virtual std::vector<TokenPiece> tokenize(const std::string& text) const = 0;
    virtual MaskPreview maskPreview(const std::string& text, const MaskPreviewOptions& options, int topK) = 0;
    // ELECTRA checkpoints only (a discriminator; corrupting also needs its generator/).
    virtual ReplacedView replaced(const std::string& text, const ReplacedOptions& options) = 0;
    virtual bool hasDiscriminator() const = 0;
    virtual bool hasGenerator() const = 0;
    virtual NeuronView neuron(const std::string& text, const std::optional<std::string>& textB, int layer, int head, int query) = 0;
};

// The model shipped with PretrainLab (resources/models/bert-mini-brown), if present.
std::string shippedModelDir();

} // namespace ptl

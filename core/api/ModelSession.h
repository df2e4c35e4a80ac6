#pragma once
// An opened model for inspection, as the GUI sees it: plain values in and out, no torch
// types. One forward pass per call; call it from a worker thread, never the GUI thread.
#include "core/api/Inspect.h"
#include "core/api/ModelConfig.h"

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

class ModelSession {
public:
    virtual ~ModelSession() = default;
    // Opens a checkpoint folder (ours or HF layout). Throws ptl::Error.
    static std::unique_ptr<ModelSession> open(const std::string& checkpointDir);

    virtual const ModelConfig& config() const = 0;
    virtual std::string path() const = 0;
    virtual InspectResult inspect(const std::string& text, const std::optional<std::string>& textB, int topK) = 0;
    virtual std::vector<TokenPiece> tokenize(const std::string& text) const = 0;
    virtual NeuronView neuron(const std::string& text, const std::optional<std::string>& textB, int layer, int head, int query) = 0;
};

// The model shipped with PretrainLab (resources/models/bert-mini-brown), if present.
std::string shippedModelDir();

} // namespace ptl

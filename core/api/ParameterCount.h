#pragma once
// Closed-form parameter counts of a ModelConfig, by part. Shared layers are counted
// once. The GUI's configuration editor shows these; tests check them against the
// parameters LibTorch actually allocates.
#include "core/api/ModelConfig.h"

#include <cstdint>

namespace ptl {

struct ParameterBreakdown {
    std::int64_t embeddings = 0;   // token, position, type, LayerNorm, E->H projection
    std::int64_t attention = 0;    // all attention sub-layers, shared ones once
    std::int64_t ffn = 0;          // all feed-forward sub-layers, shared ones once
    std::int64_t final_norm = 0;   // pre-LN's final LayerNorm
    std::int64_t heads = 0;        // pooler, NSP/SOP classifier, MLM transform + bias
    std::int64_t knowledge = 0;    // ERNIE: the K-Encoder's entity attention and fusion, the dEA head
                                   // (the frozen entity table is not trained and not counted)
    std::int64_t total = 0;
    std::int64_t unshared_total = 0;  // the same model with sharing = none
    std::int64_t saved() const { return unshared_total - total; }
};

ParameterBreakdown countParameters(const ModelConfig& c);

// A rough, generous estimate of a training process's memory, to refuse a job before it
// allocates (an absurd configuration would otherwise end in the kernel's OOM killer, not in
// a message): weights, gradients and AdamW's two moments in fp32 (16 bytes a parameter),
// and what autograd keeps for one micro-batch: Korthikanti et al. (2022)'s b s h (34 +
// 5 a s / h) bytes a layer at 16 bits, doubled for fp32, and the logits (with their
// log-softmax and gradient) over every position.
struct MemoryEstimate {
    double state = 0;
    double activations = 0;
    double total() const { return state + activations; }
};
MemoryEstimate estimateTrainingMemory(const ModelConfig& c, int microBatch, int seqLen);
// The memory the kernel can give without swapping (MemAvailable), in bytes; 0 when unknown.
double availableMemoryBytes();

} // namespace ptl

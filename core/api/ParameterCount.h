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

} // namespace ptl

#pragma once
// AdamW (Loshchilov & Hutter) with decoupled weight decay, as torch.optim.AdamW, written
// out so its state saves to safetensors under parameter names and resumes bit for bit.
// Decay applies to matrices only (dim >= 2): never to biases or LayerNorm weights.
#include "core/model/Safetensors.h"

#include <string>
#include <torch/torch.h>
#include <vector>

namespace ptl {

struct AdamWOptions {
    double beta1 = 0.9, beta2 = 0.999, eps = 1e-6, weightDecay = 0.01;
};

class AdamW {
public:
    AdamW(std::vector<std::pair<std::string, torch::Tensor>> params, AdamWOptions options);

    // A learning-rate multiplier per parameter, in the order given to the constructor
    // (discriminative fine-tuning); weight decay scales with it. Default: 1 for all.
    void setLrScales(std::vector<double> scales);
    double lrScale(std::size_t i) const { return lrScale_.empty() ? 1.0 : lrScale_[i]; }

    // One fused pass per parameter: clip scaling, moments, decoupled decay and the update.
    // gradScale multiplies every gradient first (global-norm clipping).
    void step(double lr, double gradScale = 1.0);
    // Drops the gradients (set to none), so the next backward writes them afresh.
    void zeroGrad();
    // The global L2 norm of all gradients.
    double gradNorm() const;
    std::int64_t steps() const { return step_; }
    void setSteps(std::int64_t steps) { step_ = steps; }  // data-parallel: rank 0's count, with its state
    const std::vector<std::pair<std::string, torch::Tensor>>& params() const { return params_; }

    NamedTensors state() const;                          // "exp_avg.<name>", "exp_avg_sq.<name>"
    void loadState(const SafetensorsFile& f, std::int64_t steps);

private:
    std::vector<std::pair<std::string, torch::Tensor>> params_;
    std::vector<torch::Tensor> m_, v_;
    std::vector<bool> decay_;
    std::vector<double> lrScale_;
    AdamWOptions opt_;
    std::int64_t step_ = 0;
};

} // namespace ptl

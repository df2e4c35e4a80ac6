#pragma once
// Data-parallel gradients: every parameter's .grad is a view into one of a few flat fp32
// buckets (the parameters in reverse order, the order backward finishes them, up to
// bucketBytes each). During a step's last backward an autograd post-hook on each
// parameter's gradient accumulator counts it in; a bucket whose gradients are all final
// starts its allreduce (SUM) at once, in bucket order, so the exchange overlaps the rest of
// backward. finish() starts what is left (parameters this rank did not use), waits, and
// leaves a parameter no rank used without a gradient, as a single process would. The 1/N
// of the mean is the optimizer's gradient scale (core/train/Trainer.cpp).
#include "core/dist/ProcessGroup.h"

#include <memory>
#include <string>
#include <torch/torch.h>
#include <utility>
#include <vector>

namespace ptl {

class GradReducer {
public:
    GradReducer(DistGroup& group, const std::vector<std::pair<std::string, torch::Tensor>>& params, std::size_t bucketBytes);
    ~GradReducer();
    GradReducer(const GradReducer&) = delete;
    GradReducer& operator=(const GradReducer&) = delete;

    // Zeroes the buckets; every parameter's .grad becomes (again) its view into one.
    void zeroGrad();
    // The next backward is the step's last: exchange buckets as they become final.
    void arm();
    // After it: start what is left, wait for every bucket. Throws PeerFailure.
    void finish();

    int bucketCount() const;
    std::size_t totalBytes() const;
    // Buckets whose allreduce started during backward (not in finish()) at the last step.
    int overlappedLastStep() const;

    struct State;

private:
    std::shared_ptr<State> st_;
};

} // namespace ptl

#pragma once
// Pre-training objectives of one network: BERT's masked LM with NSP (ALBERT: SOP) when the
// family has a pair head and pair_loss is on, DistilBERT's masked LM alone, and GPT's
// causal LM. The MLM head runs on the predicted positions only.
#include "core/train/Objective.h"

namespace ptl {

class PretrainObjective : public Objective {
public:
    explicit PretrainObjective(const ObjectiveContext& ctx, TransformerModel model = nullptr);

    TransformerModel model() const override { return model_; }
    std::vector<std::pair<std::string, torch::Tensor>> parameters() override;
    void recordBaselines() override;
    void beginStep() override { acc_ = {}; }
    torch::Tensor microBatch(const Batch& b, double share, bool keepForView) override;
    void logStep() override;
    void evaluate() override;

protected:
    // The loss of one batch and what it measures.
    struct Parts {
        torch::Tensor total;
        double token = 0, pair = 0;                     // token: MLM or next-token cross-entropy
        std::int64_t predicted = 0, correct = 0;
        std::int64_t pairCount = 0, pairCorrect = 0;
    };
    Parts lossOf(const Batch& b);
    bool causal() const { return spec().model.family == Family::Gpt2; }
    bool pairTask() const { return spec().model.hasPairHead() && spec().train.pair_loss; }
    std::string pairName() const { return spec().model.family == Family::Albert ? "sop" : "nsp"; }

    TransformerModel model_{nullptr};
    struct {
        double token = 0, pair = 0;
    } acc_;  // this step's micro-batches, weighted
};

} // namespace ptl

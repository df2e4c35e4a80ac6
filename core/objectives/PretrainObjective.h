#pragma once
// Pre-training objectives of one network: BERT's masked LM with NSP (ALBERT: SOP) when the
// family has a pair head and pair_loss is on, DistilBERT's masked LM alone, and GPT's
// causal LM. The MLM head runs on the predicted positions only. ERNIE (a BERT with a
// K-Encoder) adds the denoising entity auto-encoder: at every token aligned with an entity,
// predict that entity among the batch's entities from the token's last hidden state.
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
    void initFresh() override;
    void saveModules(const std::filesystem::path& dir, const std::map<std::string, std::string>& meta) override;

protected:
    // The loss of one batch and what it measures.
    struct Parts {
        torch::Tensor total;
        torch::Tensor tokenLoss;                        // the token term of total
        double token = 0, pair = 0;                     // token: MLM or next-token cross-entropy
        std::int64_t predicted = 0, correct = 0;
        std::int64_t pairCount = 0, pairCorrect = 0;
        double entity = 0;                              // dEA cross-entropy
        std::int64_t entityPredicted = 0, entityCorrect = 0, entityCopied = 0;  // copied: the input still held the answer
        std::int64_t entityHidden = 0, entityHiddenCorrect = 0;                 // alignments hidden from the entity stream
        std::int64_t candidates = 0;
    };
    Parts lossOf(const Batch& b);
    bool causal() const { return spec().model.family == Family::Gpt2; }
    bool pairTask() const { return spec().model.hasPairHead() && spec().train.pair_loss; }
    std::string pairName() const { return spec().model.family == Family::Albert ? "sop" : "nsp"; }
    bool ernie() const { return spec().model.isErnie(); }

    TransformerModel model_{nullptr};
    struct {
        double token = 0, pair = 0, entity = 0;
    } acc_;  // this step's micro-batches, weighted
};

} // namespace ptl

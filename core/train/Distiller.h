#pragma once
// Distillation losses and the teacher they need, for the trainer: DistilBERT (soft-target
// KL at temperature T, MLM, cosine of the last hidden states) and TinyBERT general
// distillation (attention-score MSE, hidden-state MSE through a learnable W_h, embedding
// MSE, soft cross-entropy of the predictions). See DistillConfig in core/api/JobSpec.h.
#include "core/api/JobSpec.h"
#include "core/model/Checkpoint.h"
#include "core/model/Safetensors.h"
#include "core/train/DataPipeline.h"

#include <string>
#include <utility>
#include <vector>

namespace ptl {

// Copies the teacher's word and position embeddings and their LayerNorm into the student
// (folding the teacher's type-0 embedding into the positions when the student has no
// token types, so single-segment inputs are unchanged), then teacher layer layers[i] into
// student layer i, and the MLM head. Shapes must agree (DistilBERT: the same width).
void initStudentFromTeacher(TransformerModel& student, TransformerModel& teacher, const std::vector<int>& layers);

// TinyBERT's attention loss for one layer pair: MSE of the pre-softmax scores (B, nh, T, T)
// with the entries of padded keys set to 0 in both. keyMask: (B, T), 1 for real tokens.
torch::Tensor attentionScoreLoss(const torch::Tensor& student, const torch::Tensor& teacher, const torch::Tensor& keyMask);

// DistilBERT's soft-target loss: KL(softmax(t/T) || softmax(s/T)) summed over the
// vocabulary, averaged over rows, times T^2 (HF: KLDivLoss(reduction="batchmean") * T^2).
torch::Tensor softTargetKl(const torch::Tensor& studentLogits, const torch::Tensor& teacherLogits, double temperature);

// TinyBERT's prediction loss: mean over rows of -sum softmax(t/T) log_softmax(s/T).
torch::Tensor softCrossEntropy(const torch::Tensor& studentLogits, const torch::Tensor& teacherLogits, double temperature);

class Distiller {
public:
    Distiller(const JobSpec& spec, TransformerModel student);

    TransformerModel& teacher() { return teacher_.model; }
    const std::vector<int>& mapping() const { return map_; }  // teacher layer (1-based) per student layer
    void initStudent();
    // W_h (TinyBERT), named "aux.<name>": trained with the student, saved in the trainer state.
    std::vector<std::pair<std::string, torch::Tensor>> auxParameters() const;

    struct Parts {
        torch::Tensor total;
        std::vector<std::pair<std::string, double>> values;  // the loss terms (and per-layer terms) for the log
        std::int64_t predicted = 0, correct = 0;             // student MLM at the masked positions
    };
    Parts loss(const Batch& b);

    // The teacher's MLM loss and accuracy on a batch (no gradient).
    std::pair<double, double> teacherMlm(const Batch& b, std::int64_t* predicted);

private:
    JobSpec spec_;
    LoadedModel teacher_;
    TransformerModel student_;
    std::vector<int> map_;
    std::shared_ptr<torch::nn::Module> aux_;
    std::vector<torch::nn::Linear> fit_;  // W_h: one shared, or one per student layer + the embeddings
};

} // namespace ptl

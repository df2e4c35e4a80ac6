#pragma once
// ELECTRA's replaced-token detection objective (google-research/electra, run_pretraining.py):
// the generator fills the masked positions by Gumbel-max sampling from its own MLM
// distribution (no gradient through the sample), a token counts as replaced only if it
// was masked AND the sample differs from the original, and the loss is
// L_MLM(generator) + lambda * L_disc, with L_disc the sigmoid cross-entropy over every
// real (non-padding) token.
#include "core/api/Replaced.h"
#include "core/model/Electra.h"
#include "core/objectives/ElectraMetrics.h"

namespace ptl {

// One sample per row of logits (N, V) at temperature t: argmax(logits / t + Gumbel noise),
// the noise drawn from LibTorch's default CPU generator (so it resumes exactly).
torch::Tensor gumbelSample(const torch::Tensor& logits, double temperature = 1.0,
                           std::optional<at::Generator> generator = std::nullopt);

// The corrupted input and its labels. ids: (B, T) the masked input; labels: (B, T)
// original ids at masked positions, -100 elsewhere; sampled: (N) one id per masked
// position in row-major order. Returns {corrupted ids (B, T), replaced (B, T) bool}.
std::pair<torch::Tensor, torch::Tensor> corruptWithSamples(const torch::Tensor& ids, const torch::Tensor& labels,
                                                           const torch::Tensor& sampled);

struct ElectraForward {
    torch::Tensor total;          // mlm + lambda * disc
    torch::Tensor mlmLoss;        // generator cross-entropy at masked positions
    torch::Tensor discLoss;       // mean sigmoid cross-entropy over real tokens
    torch::Tensor genLogits;      // (N, V) fp32 at the masked positions
    torch::Tensor targets;        // (N) original ids
    torch::Tensor maskedPositions;  // (N) flat indices b * T + t of the masked positions
    torch::Tensor sampled;        // (N)
    torch::Tensor corrupted;      // (B, T) the discriminator's input
    torch::Tensor replaced;       // (B, T) bool labels
    torch::Tensor discLogits;     // (B, T) fp32
    torch::Tensor realMask;       // (B, T) bool: non-padding
};

// What the discriminator saw in `row` of the batch, with the histogram and scores over
// the whole batch.
ReplacedView replacedView(const Tokenizer& tok, const ElectraForward& f, int row, int bins = 20);

// How the masked positions are filled, for the experiments on the discriminator's
// collapse (README, ELECTRA): the generator's samples (the paper), or i.i.d. draws from a
// fixed distribution that ignores context (the corpus's unigram distribution: a
// discriminator that ignores context scores exactly AUC 0.5 on those); and whether the
// generator learns (a frozen generator runs without gradient and its loss leaves the total).
struct ElectraReplacements {
    torch::Tensor fixedProbs;     // (V) float; defined: draw replacements i.i.d. from it
    bool trainGenerator = true;
};

// ids/typeIds/attentionMask/labels as in a training batch.
ElectraForward electraForward(ElectraModels& m, const torch::Tensor& ids, const torch::Tensor& typeIds,
                              const torch::Tensor& attentionMask, const torch::Tensor& labels, double lambda,
                              double temperature = 1.0, std::optional<at::Generator> generator = std::nullopt,
                              const ElectraReplacements& replacements = {});

// Confusion counts at threshold 0.5 over the real tokens, and (when asked) every real
// token's P(replaced) and label for the AUC.
BinaryCounts discriminatorCounts(const ElectraForward& f, std::vector<float>* scores = nullptr,
                                 std::vector<std::uint8_t>* labels = nullptr);

} // namespace ptl

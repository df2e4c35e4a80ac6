#include "core/objectives/PretrainObjective.h"
#include "core/api/Baselines.h"
#include "core/train/Autocast.h"

#include <cmath>

namespace ptl {

PretrainObjective::PretrainObjective(const ObjectiveContext& ctx, TransformerModel model)
    : Objective(ctx), model_(model ? model : TransformerModel(ctx.spec->model))
{
}

std::vector<std::pair<std::string, torch::Tensor>> PretrainObjective::parameters()
{
    std::vector<std::pair<std::string, torch::Tensor>> params;
    for (auto& p : model_->named_parameters()) params.emplace_back(p.key(), p.value());
    return params;
}

void PretrainObjective::recordBaselines()
{
    const double pairPart = pairTask() ? std::log(2.0) : 0.0;  // a coin for NSP/SOP
    record(baseline::loss, ctx_.unigramEntropy + pairPart);
    record(baseline::evalLoss, ctx_.evalUnigramLoss + pairPart);
}

PretrainObjective::Parts PretrainObjective::lossOf(const Batch& b)
{
    Parts r;
    ForwardOptions fo;
    fo.heads = false;
    auto out = model_->forward(b.ids, b.typeIds, b.attentionMask, fo);
    auto hidden = out.last_hidden;                                         // (B, T, H)
    const auto H = hidden.size(2);
    auto labels = b.labels.reshape({-1});                                   // (B*T)
    auto idx = (labels != -100).nonzero().squeeze(1);                       // (N)
    auto picked = hidden.reshape({-1, H}).index_select(0, idx);             // (N, H): only the predicted positions
    auto logits = model_->tokenLogits(picked).to(torch::kFloat32);          // (N, V)
    auto target = labels.index_select(0, idx);
    auto tokenLoss = torch::nn::functional::cross_entropy(logits, target);
    r.total = tokenLoss;
    r.token = tokenLoss.item<double>();
    r.predicted = idx.size(0);
    r.correct = (logits.argmax(-1) == target).sum().item<int64_t>();
    if (!causal() && pairTask()) {
        auto pair = model_->pairLogits(hidden).to(torch::kFloat32);         // (B, 2)
        auto pairLoss = torch::nn::functional::cross_entropy(pair, b.pairLabels);
        r.total = r.total + pairLoss;
        r.pair = pairLoss.item<double>();
        r.pairCount = b.pairLabels.size(0);
        r.pairCorrect = (pair.argmax(-1) == b.pairLabels).sum().item<int64_t>();
    }
    return r;
}

torch::Tensor PretrainObjective::microBatch(const Batch& b, double share, bool)
{
    Parts p = lossOf(b);
    acc_.token += p.token * share;
    acc_.pair += p.pair * share;
    return p.total;
}

void PretrainObjective::logStep()
{
    if (causal()) {
        record("lm_loss", acc_.token);
    } else {
        record("mlm_loss", acc_.token);
        if (pairTask()) record(pairName() + "_loss", acc_.pair);
    }
}

void PretrainObjective::evaluate()
{
    double lossSum = 0, pairSum = 0;
    std::int64_t predicted = 0, correct = 0, pairCount = 0, pairCorrect = 0, pairPositives = 0;
    for (int i = 0; i < data().evalBatchCount(); ++i) {
        const Batch b = data().evalBatch(i);
        if (b.pairLabels.defined()) pairPositives += b.pairLabels.sum().item<int64_t>();
        Parts p;
        {
            AutocastScope ac(ctx_.bf16);
            p = lossOf(b);
        }
        lossSum += p.token * static_cast<double>(p.predicted);
        predicted += p.predicted;
        correct += p.correct;
        pairSum += p.pair * static_cast<double>(p.pairCount);
        pairCount += p.pairCount;
        pairCorrect += p.pairCorrect;
    }
    const double tokenLoss = lossSum / std::max<std::int64_t>(1, predicted);
    const double accuracy = static_cast<double>(correct) / std::max<std::int64_t>(1, predicted);
    if (causal()) {
        record("eval_loss", tokenLoss);
        record("eval_loss_ratio", ratio(tokenLoss, ctx_.unigramEntropy));
        record("eval_perplexity", std::exp(std::min(tokenLoss, 50.0)));
        record("eval_accuracy", accuracy);
        return;
    }
    const double pairLoss = pairSum / std::max<std::int64_t>(1, pairCount);
    record("eval_loss", tokenLoss + pairLoss);
    record("eval_mlm_loss", tokenLoss);
    record("eval_mlm_loss_ratio", ratio(tokenLoss, ctx_.unigramEntropy));
    record("eval_mlm_accuracy", accuracy);
    if (pairTask()) {
        record("eval_" + pairName() + "_loss", pairLoss);
        record("eval_" + pairName() + "_accuracy", static_cast<double>(pairCorrect) / std::max<std::int64_t>(1, pairCount));
        const double positive = static_cast<double>(pairPositives) / std::max<std::int64_t>(1, pairCount);
        record(baseline::pairAccuracy, std::max(positive, 1.0 - positive));
    }
}

std::unique_ptr<Objective> makePretrainObjective(const ObjectiveContext& ctx) { return std::make_unique<PretrainObjective>(ctx); }

} // namespace ptl

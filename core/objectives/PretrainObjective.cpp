#include "core/objectives/PretrainObjective.h"
#include "core/api/Baselines.h"
#include "core/model/Checkpoint.h"
#include "core/train/Autocast.h"
#include "core/util/Error.h"

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
    if (ernie()) {
        // How much of the corpus's grounded text reached the entity stream.
        const AlignmentStats& a = data().alignment();
        record("entity_mentions_aligned", a.mentions > 0 ? static_cast<double>(a.aligned) / static_cast<double>(a.mentions) : 0.0);
    }
}

PretrainObjective::Parts PretrainObjective::lossOf(const Batch& b)
{
    Parts r;
    ForwardOptions fo;
    fo.heads = false;
    if (ernie()) fo.entityIds = b.entityIds;
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
    r.tokenLoss = tokenLoss;
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
    if (ernie() && b.entityLabels.defined()) {
        // dEA (thunlp/ERNIE): the candidates are the batch's distinct aligned entities.
        auto entityLabels = b.entityLabels.reshape({-1});
        auto at = (entityLabels >= 0).nonzero().squeeze(1);                   // (N)
        if (at.size(0) > 0) {
            auto gold = entityLabels.index_select(0, at);                     // table rows
            auto candidates = std::get<0>(torch::_unique(gold, /*sorted=*/true));  // (C) ascending
            auto target = torch::searchsorted(candidates, gold);              // index among the candidates
            auto logits = model_->entityLogits(hidden.reshape({-1, H}).index_select(0, at), candidates).to(torch::kFloat32);  // (N, C)
            auto entityLoss = torch::nn::functional::cross_entropy(logits, target);
            r.total = r.total + spec().train.dea_weight * entityLoss;
            r.entity = entityLoss.item<double>();
            r.entityPredicted = at.size(0);
            r.candidates = candidates.size(0);
            auto right = logits.argmax(-1) == target;
            r.entityCorrect = right.sum().item<int64_t>();
            auto input = b.entityIds.reshape({-1}).index_select(0, at);
            r.entityCopied = (input == gold).sum().item<int64_t>();
            auto hidden = input < 0;
            r.entityHidden = hidden.sum().item<int64_t>();
            r.entityHiddenCorrect = (right & hidden).sum().item<int64_t>();
        }
    }
    return r;
}

torch::Tensor PretrainObjective::microBatch(const Batch& b, double share, bool)
{
    Parts p = lossOf(b);
    if (b.tokenShare != 1.0) {
        // Data-parallel: the token mean weighted by this shard's share of the global batch's
        // predicted tokens, so the mean over ranks is the single process's mean exactly.
        p.total = p.total + (b.tokenShare - 1.0) * p.tokenLoss;
        p.token *= b.tokenShare;
    }
    acc_.token += p.token * share;
    acc_.pair += p.pair * share;
    acc_.entity += p.entity * share;
    return p.total;
}

void PretrainObjective::logStep()
{
    if (causal()) {
        record("lm_loss", acc_.token);
    } else {
        record("mlm_loss", acc_.token);
        if (pairTask()) record(pairName() + "_loss", acc_.pair);
        if (ernie()) record("dea_loss", acc_.entity);
    }
}

void PretrainObjective::initFresh()
{
    if (!ernie()) return;
    if (!ctx_.entities) throw Error("an ERNIE model needs its entity table", "give a TransE folder with --set knowledge=DIR");
    torch::NoGradGuard noGrad;
    model_->entityTable.copy_(ctx_.entities->vectors);
}

void PretrainObjective::saveModules(const std::filesystem::path& dir, const std::map<std::string, std::string>& meta)
{
    Objective::saveModules(dir, meta);
    if (ernie() && ctx_.entities) saveEntityNames(dir, ctx_.entities->names, ctx_.entities->dir.string());
}

void PretrainObjective::evaluate()
{
    double lossSum = 0, pairSum = 0, entitySum = 0, chanceSum = 0;
    int chanceBatches = 0;
    std::int64_t predicted = 0, correct = 0, pairCount = 0, pairCorrect = 0, pairPositives = 0;
    std::int64_t entityPredicted = 0, entityCorrect = 0, entityCopied = 0, entityHidden = 0, entityHiddenCorrect = 0;
    // Data-parallel: this rank's share of the held-out batches; the sums are reduced below.
    for (int i = ctx_.evalRank; i < data().evalBatchCount(); i += ctx_.evalWorld) {
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
        entitySum += p.entity * static_cast<double>(p.entityPredicted);
        entityPredicted += p.entityPredicted;
        entityCorrect += p.entityCorrect;
        entityCopied += p.entityCopied;
        entityHidden += p.entityHidden;
        entityHiddenCorrect += p.entityHiddenCorrect;
        if (p.candidates > 0) {
            chanceSum += 1.0 / static_cast<double>(p.candidates);
            ++chanceBatches;
        }
    }
    if (ctx_.evalWorld > 1) {
        std::vector<double> v{lossSum, pairSum, entitySum, chanceSum, static_cast<double>(chanceBatches), static_cast<double>(predicted),
                              static_cast<double>(correct), static_cast<double>(pairCount), static_cast<double>(pairCorrect),
                              static_cast<double>(pairPositives), static_cast<double>(entityPredicted), static_cast<double>(entityCorrect),
                              static_cast<double>(entityCopied), static_cast<double>(entityHidden), static_cast<double>(entityHiddenCorrect)};
        v = ctx_.reduce(std::move(v));
        auto n = [&](std::size_t k) { return static_cast<std::int64_t>(std::llround(v[k])); };
        lossSum = v[0], pairSum = v[1], entitySum = v[2], chanceSum = v[3], chanceBatches = static_cast<int>(n(4));
        predicted = n(5), correct = n(6), pairCount = n(7), pairCorrect = n(8), pairPositives = n(9);
        entityPredicted = n(10), entityCorrect = n(11), entityCopied = n(12), entityHidden = n(13), entityHiddenCorrect = n(14);
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
    if (ernie() && entityPredicted > 0) {
        // Against what copying the entity stream's input gives (right where it was left
        // intact), and chance among the candidates for the hidden ones.
        const double n = static_cast<double>(entityPredicted);
        record("eval_dea_loss", entitySum / n);
        record("eval_dea_accuracy", entityCorrect / n);
        record("eval_dea_copy_accuracy", entityCopied / n);
        if (entityHidden > 0) {
            record("eval_dea_hidden_accuracy", static_cast<double>(entityHiddenCorrect) / static_cast<double>(entityHidden));
            record("eval_dea_chance_accuracy", chanceSum / std::max(1, chanceBatches));
        }
    }
}

std::unique_ptr<Objective> makePretrainObjective(const ObjectiveContext& ctx) { return std::make_unique<PretrainObjective>(ctx); }

} // namespace ptl

#include "core/objectives/Electra.h"

#include <algorithm>

namespace F = torch::nn::functional;

namespace ptl {

torch::Tensor gumbelSample(const torch::Tensor& logits, double temperature, std::optional<at::Generator> generator)
{
    torch::NoGradGuard ng;
    auto l = logits.to(torch::kFloat32) / temperature;
    // -log(-log(U)), U in (0, 1): clamp away from 0 so the logs stay finite.
    auto u = (generator ? torch::rand(l.sizes(), *generator, l.options()) : torch::rand(l.sizes(), l.options())).clamp(1e-9, 1.0 - 1e-7);
    return (l - torch::log(-torch::log(u))).argmax(-1);
}

std::pair<torch::Tensor, torch::Tensor> corruptWithSamples(const torch::Tensor& ids, const torch::Tensor& labels,
                                                           const torch::Tensor& sampled)
{
    torch::NoGradGuard ng;
    auto flatLabels = labels.reshape({-1});
    auto idx = (flatLabels != -100).nonzero().squeeze(1);
    auto corrupted = ids.reshape({-1}).clone();
    corrupted.index_put_({idx}, sampled.to(torch::kLong));
    auto original = ids.reshape({-1}).clone();
    original.index_put_({idx}, flatLabels.index_select(0, idx));
    auto replaced = corrupted != original;  // an identical sample counts as original
    return {corrupted.view(ids.sizes()), replaced.view(ids.sizes())};
}

ElectraForward electraForward(ElectraModels& m, const torch::Tensor& ids, const torch::Tensor& typeIds,
                              const torch::Tensor& attentionMask, const torch::Tensor& labels, double lambda, double temperature,
                              std::optional<at::Generator> generator, const ElectraReplacements& replacements)
{
    ElectraForward r;
    ForwardOptions fo;
    fo.heads = false;
    // Generator: MLM at the masked positions only.
    {
        std::optional<torch::NoGradGuard> frozen;
        if (!replacements.trainGenerator) frozen.emplace();
        auto gh = m.generator->forward(ids, typeIds, attentionMask, fo).last_hidden;  // (B, T, Hg)
        auto flatLabels = labels.reshape({-1});
        auto idx = (flatLabels != -100).nonzero().squeeze(1);                         // (N)
        auto picked = gh.reshape({-1, gh.size(2)}).index_select(0, idx);            // (N, Hg)
        r.genLogits = m.generator->tokenLogits(picked).to(torch::kFloat32);          // (N, V)
        r.targets = flatLabels.index_select(0, idx);
        r.maskedPositions = idx;
        r.mlmLoss = F::cross_entropy(r.genLogits, r.targets);
    }
    // Sample without gradient; corrupt; label.
    if (replacements.fixedProbs.defined()) {
        torch::NoGradGuard ng;
        const auto n = r.targets.size(0);
        r.sampled = n == 0 ? torch::empty({0}, torch::kLong)
                           : (generator ? torch::multinomial(replacements.fixedProbs, n, true, *generator)
                                        : torch::multinomial(replacements.fixedProbs, n, true));
    } else {
        r.sampled = gumbelSample(r.genLogits.detach(), temperature, generator);
    }
    std::tie(r.corrupted, r.replaced) = corruptWithSamples(ids, labels, r.sampled);
    // Discriminator over every real token.
    auto dh = m.discriminator->forward(r.corrupted, typeIds, attentionMask, fo).last_hidden;  // (B, T, H)
    r.discLogits = m.discriminator->replacedLogits(dh).to(torch::kFloat32);                  // (B, T)
    r.realMask = attentionMask.defined() ? attentionMask.to(torch::kBool) : torch::ones_like(ids, torch::kBool);
    auto perToken = F::binary_cross_entropy_with_logits(r.discLogits, r.replaced.to(torch::kFloat32),
                                                        F::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kNone));
    auto real = r.realMask.to(torch::kFloat32);
    r.discLoss = (perToken * real).sum() / real.sum().clamp_min(1.0);
    r.total = replacements.trainGenerator ? r.mlmLoss + lambda * r.discLoss : lambda * r.discLoss;
    return r;
}

BinaryCounts discriminatorCounts(const ElectraForward& f, std::vector<float>* scores, std::vector<std::uint8_t>* labels)
{
    torch::NoGradGuard ng;
    auto real = f.realMask.reshape({-1});
    auto idx = real.nonzero().squeeze(1);
    auto logits = f.discLogits.reshape({-1}).index_select(0, idx).to(torch::kFloat32).contiguous();
    auto truth = f.replaced.reshape({-1}).index_select(0, idx).contiguous();
    auto pred = logits > 0;  // P(replaced) > 0.5
    BinaryCounts c;
    c.tp = (pred & truth).sum().item<int64_t>();
    c.fp = (pred & ~truth).sum().item<int64_t>();
    c.fn = (~pred & truth).sum().item<int64_t>();
    c.tn = (~pred & ~truth).sum().item<int64_t>();
    if (scores && labels) {
        auto p = torch::sigmoid(logits).contiguous();
        auto t = truth.to(torch::kUInt8).contiguous();
        scores->insert(scores->end(), p.data_ptr<float>(), p.data_ptr<float>() + p.numel());
        labels->insert(labels->end(), t.data_ptr<std::uint8_t>(), t.data_ptr<std::uint8_t>() + t.numel());
    }
    return c;
}

ReplacedView replacedView(const Tokenizer& tok, const ElectraForward& f, int row, int bins)
{
    torch::NoGradGuard ng;
    ReplacedView v;
    v.bins = bins;
    std::vector<float> scores;
    std::vector<std::uint8_t> labels;
    const BinaryCounts c = discriminatorCounts(f, &scores, &labels);
    v.histOriginal.assign(static_cast<std::size_t>(bins), 0);
    v.histReplaced.assign(static_cast<std::size_t>(bins), 0);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const int b = std::clamp(static_cast<int>(scores[i] * bins), 0, bins - 1);
        (labels[i] ? v.histReplaced : v.histOriginal)[static_cast<std::size_t>(b)]++;
    }
    v.batchTokens = c.total();
    v.replacedCount = c.tp + c.fn;
    v.accuracy = c.accuracy();
    v.precision = c.precision();
    v.recall = c.recall();
    v.f1 = c.f1();
    v.auc = rocAuc(scores, labels);
    // One sequence, token by token.
    const auto n = f.realMask[row].sum().item<int64_t>();
    auto shown = f.corrupted[row];
    auto rep = f.replaced[row];
    auto p = torch::sigmoid(f.discLogits[row].to(torch::kFloat32));
    // The originals: the corrupted ids with the masked positions restored.
    const int64_t T = f.corrupted.size(1);
    std::vector<int64_t> original(static_cast<std::size_t>(T));
    std::vector<bool> masked(static_cast<std::size_t>(T), false);
    for (int64_t i = 0; i < T; ++i) original[static_cast<std::size_t>(i)] = shown[i].item<int64_t>();
    {
        // targets are in row-major order of the masked positions; walk the rows before this one.
        auto maskedFlat = f.maskedPositions.reshape({-1});
        for (int64_t i = 0; i < maskedFlat.size(0); ++i) {
            const int64_t pos = maskedFlat[i].item<int64_t>();
            if (pos / T == row) {
                original[static_cast<std::size_t>(pos % T)] = f.targets[i].item<int64_t>();
                masked[static_cast<std::size_t>(pos % T)] = true;
            }
        }
    }
    for (int64_t i = 0; i < n; ++i) {
        ReplacedToken t;
        t.original = tok.token(static_cast<int>(original[static_cast<std::size_t>(i)]));
        t.shown = tok.token(static_cast<int>(shown[i].item<int64_t>()));
        t.masked = masked[static_cast<std::size_t>(i)];
        t.replaced = rep[i].item<bool>();
        t.pReplaced = p[i].item<float>();
        v.tokens.push_back(std::move(t));
    }
    return v;
}

} // namespace ptl

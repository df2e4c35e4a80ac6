// Held-out metrics of a checkpoint, as the trainer's evaluation computes them.
#include "core/api/Evaluate.h"
#include "core/api/Baselines.h"
#include "core/model/Checkpoint.h"
#include "core/objectives/Electra.h"
#include "core/objectives/ElectraMetrics.h"
#include "core/text/Corpus.h"
#include "core/train/DataPipeline.h"
#include "core/util/Error.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace ptl {

namespace {

std::string objectiveOf(const ModelConfig& c)
{
    switch (c.family) {
    case Family::Gpt2: return "clm";
    case Family::Electra: return "mlm+rtd";
    case Family::Albert: return "mlm+sop";
    case Family::Bert: return c.isErnie() ? "mlm+nsp+dea" : "mlm+nsp";
    default: return "mlm";
    }
}

double ratio(double loss, double base) { return base > 0 ? loss / base : 0.0; }

} // namespace

HeldOutResult evaluateHeldOut(const std::string& checkpointDir, const HeldOutOptions& o)
{
    if (o.batches < 1 || o.batchSize < 1 || o.seqLen < 8)
        throw Error("evaluation needs at least one batch of one sequence of 8 tokens", "use --batches >= 1, --batch-size >= 1, --seq-len >= 8");
    if (!(o.maskProb > 0 && o.maskProb < 1)) throw Error("mask probability must lie strictly between 0 and 1", "use --mask-prob 0.15");
    LoadedModel m = loadCheckpoint(checkpointDir);
    const ModelConfig& c = m.config;
    const bool electra = c.family == Family::Electra;
    const bool gpt = c.family == Family::Gpt2;
    if (electra && m.generator.is_empty())
        throw Error("the ELECTRA checkpoint " + checkpointDir + " has no generator/ folder, so there is nothing to corrupt its input with",
                    "evaluate a checkpoint a PretrainLab ELECTRA run wrote (discriminator with generator/)");
    if (!gpt && !electra && !c.hasMlmHead())
        throw Error("the model in " + checkpointDir + " has no masked-LM or causal-LM head to score", "evaluate a BERT, ALBERT, DistilBERT, GPT or ELECTRA checkpoint");

    JobSpec spec;
    spec.model = c;
    spec.corpus = o.corpus;
    TrainConfig& t = spec.train;
    t.seed = o.seed;
    t.held_out = o.heldOut;
    t.batch_size = o.batchSize;
    t.seq_len = o.seqLen;
    t.eval_batches = o.batches;
    t.mask_prob = o.maskProb;
    t.max_predictions = std::max(1, static_cast<int>(std::lround(o.maxPredictions * o.seqLen / 128.0)));
    t.max_ngram = 1;
    t.space_sentences = o.spaceSentences;
    if (electra) {
        t.mask_ratio = 0.85;
        t.random_ratio = 0.0;
    }
    const Corpus corpus = o.corpus.empty() ? bundledCorpus() : readCorpus(o.corpus);
    // ERNIE reads the entities its text grounds to, every one of them (no dEA corruption);
    // it is also scored without them, the token stream alone.
    const bool ernie = c.isErnie();
    const EntityTable entities = entityTableOf(ernie ? m.entityNames : std::vector<std::string>());
    if (ernie) {
        t.entity_mask_prob = 0;
        t.entity_random_prob = 0;
    }
    const DataPipeline data(spec, *m.tokenizer, corpus, ernie ? &entities : nullptr);

    HeldOutResult r;
    r.family = toString(c.family);
    r.objective = objectiveOf(c);
    r.options = o;
    r.heldOutDocuments = data.heldOutDocuments();
    const double entropy = data.trainUnigram().entropy();
    const double unigramLoss = data.trainUnigram().crossEntropy(data.heldOutUnigram());
    r.metrics[baseline::unigramEntropy] = entropy;
    r.metrics[baseline::evalUnigramLoss] = unigramLoss;
    r.metrics[baseline::evalUnigramAccuracy] = data.trainUnigram().accuracyOfMostFrequent(data.heldOutUnigram());

    torch::NoGradGuard ng;
    m.model->eval();
    if (electra) m.generator->eval();
    ForwardOptions fo;
    fo.heads = false;
    double lossSum = 0, pairSum = 0, discSum = 0, plainLossSum = 0;
    std::int64_t plainCorrect = 0;
    std::int64_t correct = 0, pairCount = 0, pairCorrect = 0, pairPositives = 0, discTokens = 0;
    BinaryCounts disc;
    std::vector<float> scores;
    std::vector<std::uint8_t> labels;
    ElectraModels em;
    if (electra) {
        em.discriminator = m.model;
        em.generator = m.generator;
    }
    const bool types = c.type_vocab_size > 0;
    for (int i = 0; i < data.evalBatchCount(); ++i) {
        const Batch b = data.evalBatch(i);
        r.sequences += b.ids.size(0);
        if (electra) {
            // The trainer's eval corruption: one fixed sampling generator per batch.
            auto gen = at::make_generator<at::CPUGeneratorImpl>(o.seed * 7919ull + static_cast<std::uint64_t>(i) + 1);
            ElectraForward f = electraForward(em, b.ids, types ? b.typeIds : torch::Tensor(), b.attentionMask, b.labels, 1.0, 1.0, gen);
            const auto n = f.targets.size(0);
            lossSum += f.mlmLoss.item<double>() * static_cast<double>(n);
            correct += (f.genLogits.argmax(-1) == f.targets).sum().item<std::int64_t>();
            r.predicted += n;
            const BinaryCounts k = discriminatorCounts(f, &scores, &labels);
            discSum += f.discLoss.item<double>() * static_cast<double>(k.total());
            discTokens += k.total();
            disc += k;
            continue;
        }
        ForwardOptions withEntities = fo;
        if (ernie) withEntities.entityIds = b.entityIds;
        auto out = m.model->forward(b.ids, types ? b.typeIds : torch::Tensor(), b.attentionMask, withEntities);
        auto hidden = out.last_hidden;
        auto flat = b.labels.reshape({-1});
        auto idx = (flat != -100).nonzero().squeeze(1);
        auto logits = m.model->tokenLogits(hidden.reshape({-1, hidden.size(2)}).index_select(0, idx)).to(torch::kFloat32);
        auto target = flat.index_select(0, idx);
        if (ernie) {
            auto plain = m.model->forward(b.ids, types ? b.typeIds : torch::Tensor(), b.attentionMask, fo).last_hidden;
            auto plainLogits = m.model->tokenLogits(plain.reshape({-1, plain.size(2)}).index_select(0, idx)).to(torch::kFloat32);
            plainLossSum += torch::nn::functional::cross_entropy(plainLogits, target, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                                .item<double>();
            plainCorrect += (plainLogits.argmax(-1) == target).sum().item<std::int64_t>();
        }
        lossSum += torch::nn::functional::cross_entropy(logits, target, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                       .item<double>();
        correct += (logits.argmax(-1) == target).sum().item<std::int64_t>();
        r.predicted += idx.size(0);
        if (c.hasPairHead() && b.pairLabels.defined()) {
            auto pair = m.model->pairLogits(hidden).to(torch::kFloat32);
            pairSum += torch::nn::functional::cross_entropy(pair, b.pairLabels, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                           .item<double>();
            pairCorrect += (pair.argmax(-1) == b.pairLabels).sum().item<std::int64_t>();
            pairCount += b.pairLabels.size(0);
            pairPositives += b.pairLabels.sum().item<std::int64_t>();
        }
    }
    const double n = static_cast<double>(std::max<std::int64_t>(1, r.predicted));
    const double tokenLoss = lossSum / n, accuracy = static_cast<double>(correct) / n;
    if (gpt) {
        r.metrics["eval_loss"] = tokenLoss;
        r.metrics["eval_loss_ratio"] = ratio(tokenLoss, entropy);
        r.metrics["eval_accuracy"] = accuracy;
        r.metrics["eval_perplexity"] = std::exp(std::min(tokenLoss, 50.0));
    } else if (electra) {
        const double discLoss = discSum / static_cast<double>(std::max<std::int64_t>(1, discTokens));
        r.metrics["eval_gen_mlm_loss"] = tokenLoss;
        r.metrics["eval_gen_mlm_accuracy"] = accuracy;
        r.metrics["eval_gen_mlm_loss_ratio"] = ratio(tokenLoss, entropy);
        r.metrics["eval_disc_loss"] = discLoss;
        r.metrics[baseline::evalDiscLoss] = binaryEntropy(disc.positiveShare());
        r.metrics["eval_disc_loss_ratio"] = ratio(discLoss, binaryEntropy(disc.positiveShare()));
        r.metrics["eval_disc_accuracy"] = disc.accuracy();
        r.metrics["eval_replaced_share"] = disc.positiveShare();
        const double auc = rocAuc(scores, labels);
        if (std::isfinite(auc)) r.metrics["eval_disc_auc"] = auc;
    } else {
        r.metrics["eval_mlm_loss"] = tokenLoss;
        r.metrics["eval_mlm_accuracy"] = accuracy;
        r.metrics["eval_mlm_loss_ratio"] = ratio(tokenLoss, entropy);
        if (ernie) {
            r.metrics["eval_mlm_loss_without_entities"] = plainLossSum / n;
            r.metrics["eval_mlm_accuracy_without_entities"] = static_cast<double>(plainCorrect) / n;
        }
        if (pairCount > 0) {
            const std::string name = c.family == Family::Albert ? "sop" : "nsp";
            r.metrics["eval_" + name + "_loss"] = pairSum / static_cast<double>(pairCount);
            r.metrics["eval_" + name + "_accuracy"] = static_cast<double>(pairCorrect) / static_cast<double>(pairCount);
            const double positive = static_cast<double>(pairPositives) / static_cast<double>(pairCount);
            r.metrics[baseline::pairAccuracy] = std::max(positive, 1.0 - positive);
        }
    }
    return r;
}

nlohmann::json toJson(const HeldOutResult& r)
{
    nlohmann::json metrics = nlohmann::json::object();
    for (const auto& [k, v] : r.metrics) metrics[k] = v;
    return {{"family", r.family},
            {"objective", r.objective},
            {"metrics", metrics},
            {"predicted", r.predicted},
            {"sequences", r.sequences},
            {"held_out_documents", r.heldOutDocuments},
            {"options",
             {{"seed", r.options.seed},
              {"held_out", r.options.heldOut},
              {"mask_prob", r.options.maskProb},
              {"max_predictions", r.options.maxPredictions},
              {"batches", r.options.batches},
              {"batch_size", r.options.batchSize},
              {"seq_len", r.options.seqLen},
              {"corpus", r.options.corpus},
              {"space_sentences", r.options.spaceSentences}}}};
}

} // namespace ptl

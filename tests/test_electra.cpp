// ELECTRA: the label rule, gradient isolation of the generator, lambda, the 85/15 masking,
// HF names in checkpoints, the discriminator's metrics on a hand-computed fixture, the
// generator's size, exact resume with sampling, and the equal-compute experiment.
#include "core/api/Baselines.h"
#include "core/api/Bench.h"
#include "core/api/Experiment.h"
#include "core/api/Job.h"
#include "core/api/ModelSession.h"
#include "core/api/ParameterCount.h"
#include "core/model/Checkpoint.h"
#include "core/model/StateDict.h"
#include "core/objectives/Electra.h"
#include "core/objectives/MlmMasker.h"
#include "core/objectives/Unigram.h"
#include "core/store/RunStore.h"
#include "core/text/Tokenizer.h"
#include "core/util/Files.h"

#include <ATen/CPUGeneratorImpl.h>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

using namespace ptl;
namespace fs = std::filesystem;

namespace {

ModelConfig tinyElectra()
{
    ModelConfig c = presetByName("electra-tiny").model;
    c.vocab_size = 64;
    c.hidden_size = 32;
    c.embedding_size = 16;
    c.num_heads = 2;
    c.intermediate_size = 64;
    c.max_position_embeddings = 32;
    c.generator_ratio = 0.5;
    c.hidden_dropout = c.attention_dropout = c.embedding_dropout = 0.0;
    return c;
}

// A batch of two sequences with masked positions (labels != -100).
struct Fixture {
    torch::Tensor ids, labels, mask;
};

Fixture fixture()
{
    Fixture f;
    f.ids = torch::tensor({{2, 10, 3, 11, 12, 4}, {2, 13, 3, 14, 4, 0}}, torch::kLong);  // 3 = [MASK]-like
    f.labels = torch::full({2, 6}, -100, torch::kLong);
    f.labels[0][2] = 20;
    f.labels[0][4] = 12;  // a kept position: input 12, original 12
    f.labels[1][2] = 21;
    f.mask = torch::tensor({{1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 0}}, torch::kLong);
    return f;
}

struct Recorder : JobObserver {
    std::map<std::int64_t, double> losses;
    std::function<void(const ProgressInfo&)> onProgress;
    void progress(const ProgressInfo& p) override
    {
        losses[p.step] = p.loss;
        if (onProgress) onProgress(p);
    }
};

JobSpec tinyJob(int steps)
{
    JobSpec s = JobSpec::fromPreset("electra-tiny");
    s.train.steps = steps;
    s.train.batch_size = 8;
    s.train.seq_len = 64;
    s.train.log_every = 1;
    s.train.eval_every = 1000;
    s.train.probe_every = 1000;
    s.train.checkpoint_every = 1000;
    s.train.warmup_steps = 2;
    s.train.precision = Precision::Fp32;
    s.train.threads = 2;
    return s;
}

std::string storeIn(const QTemporaryDir& d, const char* name) { return (d.path() + QLatin1Char('/') + QLatin1String(name)).toStdString(); }

} // namespace

class TestElectra : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labelRuleCountsAnIdenticalSampleAsOriginal()
    {
        const Fixture f = fixture();
        // Samples in row-major order of the masked positions: (0,2) (0,4) (1,2).
        auto [corrupted, replaced] = corruptWithSamples(f.ids, f.labels, torch::tensor({20, 30, 22}, torch::kLong));
        // (0,2): sample 20 == original 20 -> original, although the input was [MASK].
        QCOMPARE(corrupted[0][2].item<int64_t>(), int64_t(20));
        QVERIFY(!replaced[0][2].item<bool>());
        // (0,4): kept position, sample 30 != 12 -> replaced.
        QCOMPARE(corrupted[0][4].item<int64_t>(), int64_t(30));
        QVERIFY(replaced[0][4].item<bool>());
        // (1,2): 22 != 21 -> replaced.
        QVERIFY(replaced[1][2].item<bool>());
        // Nothing else changes or counts.
        QCOMPARE(replaced.sum().item<int64_t>(), int64_t(2));
        auto unmasked = f.labels == -100;
        QVERIFY(torch::equal(corrupted.masked_select(unmasked), f.ids.masked_select(unmasked)));
        // A kept position sampled as itself is original too.
        auto [c2, r2] = corruptWithSamples(f.ids, f.labels, torch::tensor({5, 12, 21}, torch::kLong));
        QVERIFY(!r2[0][4].item<bool>());
        QVERIFY(!r2[1][2].item<bool>());
        QVERIFY(r2[0][2].item<bool>());
    }

    void gumbelSamplesFollowTheDistribution()
    {
        // logits log(0.7), log(0.2), log(0.1): 20,000 draws land within 1.5 points.
        auto logits = torch::log(torch::tensor({0.7, 0.2, 0.1})).unsqueeze(0).repeat({20000, 1});
        at::Generator g = at::make_generator<at::CPUGeneratorImpl>(3);
        auto s = gumbelSample(logits, 1.0, g);
        auto counts = torch::bincount(s, {}, 3).to(torch::kDouble) / 20000.0;
        QVERIFY(std::abs(counts[0].item<double>() - 0.7) < 0.015);
        QVERIFY(std::abs(counts[1].item<double>() - 0.2) < 0.015);
        QVERIFY(std::abs(counts[2].item<double>() - 0.1) < 0.015);
    }

    void noGradientFromTheDiscriminatorReachesTheGenerator()
    {
        torch::manual_seed(1);
        ElectraModels m = makeElectra(tinyElectra());
        const Fixture f = fixture();
        ElectraForward r = electraForward(m, f.ids, {}, f.mask, f.labels, 50.0);
        r.discLoss.backward();
        int ownWithGrad = 0;
        for (const auto& t : generatorOwnParameters(m))
            if (t.grad().defined() && t.grad().abs().sum().item<double>() > 0) ++ownWithGrad;
        QCOMPARE(ownWithGrad, 0);
        // The discriminator and the shared embeddings do learn from it.
        QVERIFY(m.discriminator->discOut->weight.grad().abs().sum().item<double>() > 0);
        QVERIFY(m.discriminator->embeddings->word->weight.grad().abs().sum().item<double>() > 0);
        // And the generator learns from its own MLM loss.
        for (auto& p : m.discriminator->parameters()) p.mutable_grad() = torch::Tensor();
        ElectraForward r2 = electraForward(m, f.ids, {}, f.mask, f.labels, 50.0);
        r2.mlmLoss.backward();
        QVERIFY(m.generator->mlmTransform->weight.grad().abs().sum().item<double>() > 0);
        QVERIFY(!m.discriminator->discOut->weight.grad().defined() || m.discriminator->discOut->weight.grad().abs().sum().item<double>() == 0);
    }

    void sharesEmbeddingsAndSizesTheGeneratorAsThePaper()
    {
        ElectraModels m = makeElectra(tinyElectra());
        QCOMPARE(m.generator->embeddings->word->weight.data_ptr(), m.discriminator->embeddings->word->weight.data_ptr());
        QCOMPARE(m.generator->embeddings->position->weight.data_ptr(), m.discriminator->embeddings->position->weight.data_ptr());
        QVERIFY(!m.generator->embeddings->projection);  // generator hidden 0.5 x 32 = 16 = E: no projection
        QVERIFY(m.discriminator->embeddings->projection);  // E 16 -> H 32
        const ModelConfig t = presetByName("electra-tiny").model.generatorConfig();
        QCOMPARE(t.hidden_size, 32);
        QCOMPARE(t.num_heads, 1);
        QCOMPARE(t.intermediate_size, 128);
        QCOMPARE(t.num_layers, 2);
        const ModelConfig mini = presetByName("electra-mini").model.generatorConfig();
        QCOMPARE(mini.hidden_size, 64);
        QCOMPARE(mini.num_layers, 4);
        ModelConfig half = presetByName("electra-mini").model;
        half.generator_ratio = 0.5;
        QCOMPARE(half.generatorConfig().num_heads, 2);
        // Closed-form counts equal what LibTorch allocates.
        std::int64_t disc = 0, gen = 0;
        for (auto& p : m.discriminator->parameters()) disc += p.numel();
        for (auto& p : m.generator->parameters()) gen += p.numel();
        QCOMPARE(countParameters(m.discriminator->config()).total, disc);
        QCOMPARE(countParameters(m.generator->config()).total, gen);
        // The optimizer sees each shared tensor once.
        std::set<const void*> seen;
        for (auto& [name, t] : electraParameters(m)) QVERIFY(seen.insert(t.data_ptr()).second);
    }

    void lambdaWeighsTheDiscriminatorLoss()
    {
        torch::manual_seed(2);
        ElectraModels m = makeElectra(tinyElectra());
        const Fixture f = fixture();
        auto run = [&](double lambda) {
            at::Generator g = at::make_generator<at::CPUGeneratorImpl>(5);  // the same samples each time
            return electraForward(m, f.ids, {}, f.mask, f.labels, lambda, 1.0, g);
        };
        const auto a = run(0.0), b = run(50.0), c = run(1.0);
        QVERIFY(torch::equal(a.sampled, b.sampled));
        QCOMPARE(a.total.item<double>(), a.mlmLoss.item<double>());
        QVERIFY(std::abs(b.total.item<double>() - (b.mlmLoss.item<double>() + 50.0 * b.discLoss.item<double>())) < 1e-4);
        QVERIFY(std::abs((b.total - a.total).item<double>() - 50.0 * (c.total - a.total).item<double>()) < 1e-3);
        QCOMPARE(JobSpec::fromPreset("electra-tiny").train.disc_weight, 50.0);
        // The discriminator's loss covers real tokens only: padding changes nothing.
        auto logits = b.discLogits.clone();
        logits[1][5] = 1000.0;  // the padded position, labelled original: a huge loss if it counted
        auto per = torch::nn::functional::binary_cross_entropy_with_logits(
            logits, b.replaced.to(torch::kFloat32), torch::nn::functional::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kNone));
        const double masked = ((per * b.realMask.to(torch::kFloat32)).sum() / b.realMask.sum()).item<double>();
        QVERIFY(std::abs(masked - b.discLoss.item<double>()) < 1e-5);
    }

    void masksEightyFivePercentAndKeepsTheRest()
    {
        const JobSpec s = JobSpec::fromPreset("electra-tiny");
        QCOMPARE(s.train.mask_ratio, 0.85);
        QCOMPARE(s.train.random_ratio, 0.0);
        auto tok = loadBundledTokenizer(TokenizerKind::WordPiece);
        MaskingOptions o;
        o.maskProb = s.train.mask_prob;
        o.maskRatio = s.train.mask_ratio;
        o.randomRatio = s.train.random_ratio;
        o.maxPredictions = 1000;
        MlmMasker masker(*tok, o);
        std::mt19937_64 rng(11);
        std::int64_t mask = 0, random = 0, keep = 0, candidates = 0;
        for (int seq = 0; seq < 1000; ++seq) {
            std::vector<int> ids{tok->specials().cls};
            for (int i = 0; i < 100; ++i) ids.push_back(1000 + (seq * 7 + i * 13) % 5000);
            ids.push_back(tok->specials().sep);
            candidates += 100;
            for (const auto& d : masker.mask(ids, rng)) {
                mask += d.kind == MaskKind::Mask;
                random += d.kind == MaskKind::Random;
                keep += d.kind == MaskKind::Keep;
            }
        }
        const double selected = static_cast<double>(mask + random + keep);
        QVERIFY(std::abs(selected / static_cast<double>(candidates) - 0.15) < 0.01);
        QCOMPARE(random, std::int64_t(0));
        QVERIFY(std::abs(static_cast<double>(mask) / selected - 0.85) < 0.01);
        QVERIFY(std::abs(static_cast<double>(keep) / selected - 0.15) < 0.01);
    }

    void checkpointsUseHuggingFaceNamesAndRoundTrip()
    {
        QTemporaryDir dir;
        torch::manual_seed(4);
        ModelConfig c = presetByName("electra-tiny").model;  // E 128, generator hidden 32: an embeddings_project
        ElectraModels m = makeElectra(c);
        m.discriminator->eval();
        m.generator->eval();
        auto tok = loadBundledTokenizer(TokenizerKind::WordPiece);
        saveElectraCheckpoint(dir.path().toStdString(), m, *tok);
        const auto discNames = stateDictNames(m.discriminator), genNames = stateDictNames(m.generator);
        for (const char* n : {"electra.embeddings.word_embeddings.weight", "electra.embeddings.position_embeddings.weight",
                              "electra.embeddings.token_type_embeddings.weight", "electra.embeddings.LayerNorm.weight",
                              "electra.encoder.layer.1.attention.self.query.weight", "electra.encoder.layer.1.output.LayerNorm.bias",
                              "discriminator_predictions.dense.weight", "discriminator_predictions.dense_prediction.weight",
                              "discriminator_predictions.dense_prediction.bias"})
            QVERIFY2(std::count(discNames.begin(), discNames.end(), n) == 1, n);
        for (const char* n : {"electra.embeddings.word_embeddings.weight", "electra.embeddings_project.weight", "electra.embeddings_project.bias",
                              "electra.encoder.layer.0.attention.self.key.bias", "generator_predictions.dense.weight",
                              "generator_predictions.LayerNorm.weight", "generator_lm_head.bias"})
            QVERIFY2(std::count(genNames.begin(), genNames.end(), n) == 1, n);
        const auto f = SafetensorsFile::open(fs::path(dir.path().toStdString()) / "generator" / "model.safetensors");
        QCOMPARE(f.tensor("electra.embeddings_project.weight").sizes(), (c10::IntArrayRef{32, 128}));
        const auto cfg = nlohmann::json::parse(readTextFile(fs::path(dir.path().toStdString()) / "config.json"));
        QCOMPARE(cfg["architectures"][0].get<std::string>(), std::string("ElectraForPreTraining"));
        QCOMPARE(cfg["model_type"].get<std::string>(), std::string("electra"));
        const auto gcfg = nlohmann::json::parse(readTextFile(fs::path(dir.path().toStdString()) / "generator" / "config.json"));
        QCOMPARE(gcfg["architectures"][0].get<std::string>(), std::string("ElectraForMaskedLM"));
        QCOMPARE(gcfg["hidden_size"].get<int>(), 32);
        // Loads back, equal outputs, embeddings shared again.
        LoadedModel l = loadCheckpoint(dir.path().toStdString());
        QVERIFY(l.generator);
        QCOMPARE(l.generator->embeddings->word->weight.data_ptr(), l.model->embeddings->word->weight.data_ptr());
        torch::NoGradGuard ng;
        auto ids = torch::tensor({{2, 500, 600, 4, 700, 3}}, torch::kLong);
        QVERIFY(torch::allclose(l.model->forward(ids).replaced_logits, m.discriminator->forward(ids).replaced_logits, 1e-5, 1e-6));
        QVERIFY(torch::allclose(l.generator->forward(ids).token_logits, m.generator->forward(ids).token_logits, 1e-5, 1e-6));
        // A discriminator alone (as published on the hub) loads without its generator.
        fs::remove_all(fs::path(dir.path().toStdString()) / "generator");
        QVERIFY(!loadCheckpoint(dir.path().toStdString()).generator);
    }

    void metricsEqualAHandComputation()
    {
        // Scores 0.9 0.8 0.7 0.6 0.4 0.3 0.2 0.1, replaced 1 1 0 1 0 0 1 1.
        const std::vector<float> p{0.9f, 0.8f, 0.7f, 0.6f, 0.4f, 0.3f, 0.2f, 0.1f};
        const std::vector<std::uint8_t> y{1, 1, 0, 1, 0, 0, 1, 1};
        BinaryCounts c;
        for (std::size_t i = 0; i < p.size(); ++i) c.add(p[i] > 0.5f, y[i] != 0);
        QCOMPARE(c.tp, std::int64_t(3));
        QCOMPARE(c.fp, std::int64_t(1));
        QCOMPARE(c.fn, std::int64_t(2));
        QCOMPARE(c.tn, std::int64_t(2));
        QCOMPARE(c.precision(), 0.75);
        QCOMPARE(c.recall(), 0.6);
        QVERIFY(std::abs(c.f1() - 2 * 0.75 * 0.6 / 1.35) < 1e-12);
        QCOMPARE(c.accuracy(), 5.0 / 8.0);
        QCOMPARE(c.positiveShare(), 5.0 / 8.0);
        // AUC: pairs (replaced, original) ranked right: 0.9 -> 3, 0.8 -> 3, 0.6 -> 2, 0.2 -> 0, 0.1 -> 0: 8 of 15.
        QVERIFY(std::abs(rocAuc(p, y) - 8.0 / 15.0) < 1e-12);
        QCOMPARE(rocAuc({0.5f, 0.5f}, {1, 0}), 0.5);  // a tie counts half
        QVERIFY(std::isnan(rocAuc({0.5f}, {1})));
        // The tensor path gives the same counts.
        ElectraForward f;
        std::vector<float> logits;
        for (float q : p) logits.push_back(std::log(q / (1 - q)));
        f.discLogits = torch::tensor(logits).view({1, 8});
        f.replaced = torch::tensor(std::vector<int64_t>(y.begin(), y.end())).view({1, 8}).to(torch::kBool);
        f.realMask = torch::ones({1, 8}, torch::kBool);
        std::vector<float> s;
        std::vector<std::uint8_t> l;
        const BinaryCounts t = discriminatorCounts(f, &s, &l);
        QVERIFY(t.tp == 3 && t.fp == 1 && t.fn == 2 && t.tn == 2);
        QVERIFY(std::abs(rocAuc(s, l) - 8.0 / 15.0) < 1e-6);
    }

    void trainsResumesExactlyAndStoresItsViews()
    {
        QTemporaryDir dir;
        JobSpec s = tinyJob(8);
        s.train.checkpoint_every = 4;
        s.train.eval_every = 8;
        s.train.probe_every = 8;
        Recorder full;
        StopToken s1;
        const RunOutcome a = runJob(s, storeIn(dir, "a.sqlite"), full, s1);
        QVERIFY2(a.status == "completed", a.message.c_str());
        Recorder part;
        StopToken s2;
        part.onProgress = [&](const ProgressInfo& p) {
            if (p.step == 4) s2.requestStop();
        };
        const RunOutcome b = runJob(s, storeIn(dir, "b.sqlite"), part, s2);
        QCOMPARE(b.status, std::string("cancelled"));
        Recorder rest;
        StopToken s3;
        const RunOutcome c = resumeJob(b.runId, storeIn(dir, "b.sqlite"), rest, s3);
        QVERIFY2(c.status == "completed", c.message.c_str());
        for (std::int64_t step = 1; step <= 8; ++step) {
            const double want = full.losses.at(step), got = step <= 4 ? part.losses.at(step) : rest.losses.at(step);
            QVERIFY2(want == got, qPrintable(QStringLiteral("step %1: %2 vs %3").arg(step).arg(want, 0, 'g', 17).arg(got, 0, 'g', 17)));
        }
        RunStore store(storeIn(dir, "a.sqlite"));
        std::set<std::string> names;
        for (const auto& m : store.metrics(a.runId)) names.insert(m.name);
        for (const char* n : {"loss", "gen_mlm_loss", "disc_loss", "disc_accuracy", "replaced_share", "flops", "eval_gen_mlm_loss",
                              "eval_gen_mlm_accuracy", "eval_disc_loss", "eval_disc_accuracy", "eval_disc_precision", "eval_disc_recall",
                              "eval_disc_f1", "eval_replaced_share", "eval_disc_auc"})
            QVERIFY2(names.count(n), n);
        const auto snaps = store.snapshots(a.runId, "replaced");
        QVERIFY(!snaps.empty());
        const ReplacedView v = replacedFromJson(snaps.back().payload);
        QVERIFY(v.tokens.size() > 4);
        QCOMPARE(v.tokens.front().original, std::string("[CLS]"));
        std::int64_t hist = 0;
        for (auto x : v.histOriginal) hist += x;
        for (auto x : v.histReplaced) hist += x;
        QCOMPARE(hist, v.batchTokens);
        for (const auto& t : v.tokens) QVERIFY(!t.replaced || t.masked);  // only masked positions can be replaced
        QCOMPARE(store.run(a.runId)->objective, std::string("mlm+rtd"));
        // The checkpoint opens in a session: typed text, corrupted or as typed.
        const auto cks = store.checkpoints(a.runId);
        auto session = ModelSession::open(cks.back().path);
        QVERIFY(session->hasDiscriminator() && session->hasGenerator());
        ReplacedOptions ro;
        ro.seed = 3;
        const ReplacedView typed = session->replaced("the jury said the election was conducted in a fair manner .", ro);
        QVERIFY(typed.labelled);
        int masked = 0;
        for (const auto& t : typed.tokens) masked += t.masked;
        QVERIFY(masked >= 1);
        ro.corrupt = false;
        const std::string text = "the jury ate the election .";
        const ReplacedView asTyped = session->replaced(text, ro);
        QVERIFY(!asTyped.labelled);
        QCOMPARE(asTyped.tokens.size(), session->tokenize(text).size() + 2);
        for (const auto& t : asTyped.tokens) QVERIFY(!t.masked && t.original == t.shown);
    }

    void unigramReplacementsIgnoreContextAndFollowTheirDistribution()
    {
        torch::manual_seed(6);
        ElectraModels m = makeElectra(tinyElectra());
        // 64 rows x 8 masked positions; replacements drawn from {7: 0.75, 9: 0.25}.
        auto ids = torch::full({64, 8}, 3, torch::kLong);
        auto labels = torch::full({64, 8}, 11, torch::kLong);
        auto mask = torch::ones({64, 8}, torch::kLong);
        ElectraReplacements rep;
        rep.fixedProbs = torch::zeros({64});
        rep.fixedProbs[7] = 0.75;
        rep.fixedProbs[9] = 0.25;
        at::Generator g1 = at::make_generator<at::CPUGeneratorImpl>(8);
        const auto a = electraForward(m, ids, {}, mask, labels, 50.0, 1.0, g1, rep);
        QCOMPARE(a.sampled.size(0), std::int64_t(512));
        QCOMPARE(((a.sampled == 7) | (a.sampled == 9)).sum().item<std::int64_t>(), std::int64_t(512));
        const double share7 = (a.sampled == 7).sum().item<double>() / 512.0;
        QVERIFY2(std::abs(share7 - 0.75) < 0.06, qPrintable(QString::number(share7)));
        QCOMPARE(a.replaced.sum().item<std::int64_t>(), std::int64_t(512));  // never the original 11
        // The draws do not depend on the generator's weights, only on the sampling generator.
        ElectraModels other = makeElectra(tinyElectra());
        at::Generator g2 = at::make_generator<at::CPUGeneratorImpl>(8);
        QVERIFY(torch::equal(electraForward(other, ids, {}, mask, labels, 50.0, 1.0, g2, rep).sampled, a.sampled));
        // The generator still learns its MLM loss (it is only not asked for samples).
        QCOMPARE(a.total.item<double>(), (a.mlmLoss + 50.0 * a.discLoss).item<double>());
    }

    void aFrozenGeneratorIsOutOfTheLossAndTheGradient()
    {
        torch::manual_seed(7);
        ElectraModels m = makeElectra(tinyElectra());
        const Fixture f = fixture();
        ElectraReplacements rep;
        rep.trainGenerator = false;
        ElectraForward r = electraForward(m, f.ids, {}, f.mask, f.labels, 50.0, 1.0, std::nullopt, rep);
        QVERIFY(std::abs(r.total.item<double>() - 50.0 * r.discLoss.item<double>()) < 1e-5);
        QVERIFY(r.mlmLoss.item<double>() > 0);  // still measured
        r.total.backward();
        for (const auto& t : generatorOwnParameters(m)) QVERIFY(!t.grad().defined() || t.grad().abs().sum().item<double>() == 0);
        QVERIFY(m.discriminator->discOut->weight.grad().abs().sum().item<double>() > 0);
    }

    void theCollapseExperimentsRunAsJobs()
    {
        QTemporaryDir dir;
        const std::string db = storeIn(dir, "runs.sqlite");
        // A first run gives the generator to take.
        JobSpec s = tinyJob(3);
        s.train.checkpoint_every = 3;
        Recorder r0;
        StopToken st0;
        const RunOutcome first = runJob(s, db, r0, st0);
        QVERIFY2(first.status == "completed", first.message.c_str());
        RunStore store(db);
        const std::string from = store.checkpoints(first.runId).back().path;
        const LoadedModel before = loadCheckpoint(from);

        // A fresh discriminator against that generator, frozen: the generator's weights
        // do not move, its embeddings stay its own, and the loss's baseline has no MLM part.
        JobSpec f = tinyJob(4);
        f.train.checkpoint_every = 4;
        f.train.generator_from = from;
        f.train.freeze_generator = true;
        f.train.gen_temperature_start = 3.0;
        f.train.gen_temperature_steps = 2;
        Recorder r1;
        StopToken st1;
        const RunOutcome frozen = runJob(f, db, r1, st1);
        QVERIFY2(frozen.status == "completed", frozen.message.c_str());
        const LoadedModel after = loadCheckpoint(store.checkpoints(frozen.runId).back().path);
        QVERIFY(after.generator);
        QVERIFY(after.generator->embeddings->word->weight.data_ptr() != after.model->embeddings->word->weight.data_ptr());
        const auto gb = before.generator->named_parameters(), ga = after.generator->named_parameters();
        QCOMPARE(ga.size(), gb.size());
        for (const auto& p : gb) QVERIFY2(torch::equal(p.value(), ga[p.key()]), p.key().c_str());
        QVERIFY(!torch::equal(before.model->discOut->weight, after.model->discOut->weight));
        // The temperature curriculum: 3 at step 0, 2 at step 1, 1 from step 2 on.
        std::map<std::int64_t, double> temps;
        std::map<std::int64_t, double> base;
        for (const auto& m : store.metrics(frozen.runId)) {
            if (m.name == "gen_temperature") temps[m.step] = m.value;
            if (m.name == baseline::loss) base[m.step] = m.value;
        }
        QCOMPARE(temps.size(), std::size_t(4));
        QVERIFY(std::abs(temps.at(1) - 3.0) < 1e-12 && std::abs(temps.at(2) - 2.0) < 1e-12);
        QVERIFY(std::abs(temps.at(3) - 1.0) < 1e-12 && std::abs(temps.at(4) - 1.0) < 1e-12);
        // lambda x the base-rate entropy of this step's replaced share, no MLM part.
        double share1 = -1;
        for (const auto& m : store.metrics(frozen.runId))
            if (m.name == "replaced_share" && m.step == 1) share1 = m.value;
        QVERIFY(share1 > 0 && share1 < 1);
        QVERIFY(std::abs(base.at(1) - 50.0 * binaryEntropy(share1)) < 1e-6);

        // Unigram replacements: the run completes and measures the AUC.
        JobSpec u = tinyJob(2);
        u.train.replacements = "unigram";
        u.train.eval_every = 2;
        Recorder r2;
        StopToken st2;
        const RunOutcome uni = runJob(u, db, r2, st2);
        QVERIFY2(uni.status == "completed", uni.message.c_str());
        bool auc = false;
        for (const auto& m : store.metrics(uni.runId)) auc |= m.name == "eval_disc_auc";
        QVERIFY(auc);

        // Bad settings are refused with what is wrong.
        JobSpec bad = tinyJob(2);
        bad.train.freeze_generator = true;
        QVERIFY(bad.validate().find("generator_from") != std::string::npos);
        bad = tinyJob(2);
        bad.train.replacements = "uniform";
        QVERIFY(bad.validate().find("replacements") != std::string::npos);
        JobSpec bert = JobSpec::fromPreset("bert-tiny");
        bert.train.replacements = "unigram";
        QVERIFY(bert.validate().find("ELECTRA") != std::string::npos);
        bad = tinyJob(2);
        bad.train.generator_from = dir.path().toStdString() + "/nowhere";
        Recorder r3;
        StopToken st3;
        const RunOutcome missing = runJob(bad, db, r3, st3);
        QCOMPARE(missing.status, std::string("failed"));
        QVERIFY2(missing.message.find("generator_from") != std::string::npos, missing.message.c_str());
    }

    void aDiscriminatorStartsFromATrainedEncoder()
    {
        QTemporaryDir dir;
        const std::string db = storeIn(dir, "runs.sqlite");
        // A BERT of electra-tiny's discriminator shape (2 x 128, E = 128, post-LN).
        JobSpec b = JobSpec::fromPreset("bert-tiny");
        b.train.steps = 2;
        b.train.batch_size = 4;
        b.train.seq_len = 32;
        b.train.start_seq_len = 0;
        b.train.checkpoint_every = 2;
        b.train.eval_every = 1000;
        b.train.precision = Precision::Fp32;
        Recorder r0;
        StopToken st0;
        const RunOutcome bert = runJob(b, db, r0, st0);
        QVERIFY2(bert.status == "completed", bert.message.c_str());
        RunStore store(db);
        const std::string from = store.checkpoints(bert.runId).back().path;
        const LoadedModel src = loadCheckpoint(from);

        JobSpec e = tinyJob(1);
        e.train.checkpoint_every = 1;
        e.train.discriminator_from = from;
        Recorder r1;
        StopToken st1;
        const RunOutcome run = runJob(e, db, r1, st1);
        QVERIFY2(run.status == "completed", run.message.c_str());
        const LoadedModel got = loadCheckpoint(store.checkpoints(run.runId).back().path);
        // After one Adam step every body weight is within one learning rate of the BERT's
        // (a fresh initialisation is ~0.02 away); the generator shares those embeddings.
        const auto theirs = src.model->named_parameters();
        int compared = 0;
        for (const auto& p : got.model->named_parameters()) {
            if (p.key().rfind("attention_", 0) != 0 && p.key().rfind("ffn_", 0) != 0 && p.key().rfind("embeddings.", 0) != 0) continue;
            const double d = (p.value() - theirs[p.key()]).abs().max().item<double>();
            QVERIFY2(d <= 1.5 * e.train.lr, qPrintable(QString::fromStdString(p.key()) + QStringLiteral(": ") + QString::number(d)));
            ++compared;
        }
        QVERIFY(compared > 10);
        QCOMPARE(got.generator->embeddings->word->weight.data_ptr(), got.model->embeddings->word->weight.data_ptr());

        // Another shape is refused with both shapes and a hint.
        JobSpec wrong = JobSpec::fromPreset("electra-mini");
        wrong.train.steps = 1;
        wrong.train.discriminator_from = from;
        Recorder r2;
        StopToken st2;
        const RunOutcome refused = runJob(wrong, db, r2, st2);
        QCOMPARE(refused.status, std::string("failed"));
        QVERIFY2(refused.message.find("another shape") != std::string::npos, refused.message.c_str());
        JobSpec onBert = JobSpec::fromPreset("bert-tiny");
        onBert.train.discriminator_from = from;
        QVERIFY(onBert.validate().find("ELECTRA") != std::string::npos);
    }

    void equalComputeRunsBothArmsOnTheSameBudget()
    {
        QTemporaryDir dir;
        EqualComputeOptions o;
        o.electraSteps = 6;
        o.probePoints = 2;
        o.set = {"batch_size=8", "seq_len=64", "threads=2", "log_every=1", "eval_batches=2"};
        o.electraSet = {"gen_temperature_start=3"};  // the ELECTRA arm only: BERT would refuse it
        o.probe.chunks = 1;
        o.probe.steps = 30;
        o.outDir = dir.path().toStdString() + "/out";
        ExperimentObserver obs;
        StopToken stop;
        const EqualComputeResult r = runEqualCompute(o, storeIn(dir, "runs.sqlite"), obs, stop);
        QVERIFY2(r.status == "completed", r.message.c_str());
        QCOMPARE(r.electra.steps, std::int64_t(6));
        // Equal estimated FLOPs: steps in inverse proportion to FLOPs per token.
        QVERIFY(r.bert.flopsPerToken < r.electra.flopsPerToken);
        QCOMPARE(r.bert.steps, static_cast<std::int64_t>(std::lround(6 * r.electra.flopsPerToken / r.bert.flopsPerToken)));
        QCOMPARE(r.classes, 15);
        QCOMPARE(r.bert.probes.size(), std::size_t(3));  // step 0 and two checkpoints
        QCOMPARE(r.electra.probes.size(), std::size_t(3));
        QVERIFY(!r.summary.empty());
        QCOMPARE(r.electra.settings.back(), std::string("gen_temperature_start=3"));
        QVERIFY(r.electra.discAuc >= 0 && r.electra.discAuc <= 1);
        QVERIFY(r.summary.find("AUC") != std::string::npos);
        QCOMPARE(r.bert.discAuc, -1.0);
        QVERIFY(fs::exists(r.reportPath));
        RunStore store(storeIn(dir, "runs.sqlite"));
        QCOMPARE(store.run(r.bert.runId)->objective, std::string("mlm"));
        int probes = 0;
        for (const auto& m : store.metrics(r.electra.runId)) probes += m.name == "genre_probe_accuracy";
        QCOMPARE(probes, 3);
    }
};

QTEST_GUILESS_MAIN(TestElectra)
#include "test_electra.moc"

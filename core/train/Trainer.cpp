// The training loop: corpus -> tokenizer -> objective -> batch -> model -> loss ->
// AdamW, with evaluation, probe snapshots, checkpoints (exact resume), pause and stop,
// and everything recorded in the run store so CLI and GUI runs leave the same record.
#include "core/api/Job.h"
#include "core/api/Baselines.h"
#include "core/api/Bench.h"
#include "core/model/Checkpoint.h"
#include "core/model/Electra.h"
#include "core/objectives/Electra.h"
#include "core/model/Inspect.h"
#include "core/model/StateDict.h"
#include "core/store/RunStore.h"
#include "core/train/AdamW.h"
#include "core/train/Autocast.h"
#include "core/train/DataPipeline.h"
#include "core/train/DynamicsProbe.h"
#include "core/train/Distiller.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Runtime.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/autocast_mode.h>
#include <c10/util/Exception.h>
#include <chrono>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace ptl {

// ------------------------------------------------------------------ StopToken
void StopToken::requestStop()
{
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    cv_.notify_all();
}

void StopToken::pause() { pause_ = true; }

void StopToken::resume()
{
    {
        std::lock_guard lock(mutex_);
        pause_ = false;
    }
    cv_.notify_all();
}

void StopToken::waitWhilePaused()
{
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return !pause_.load() || stop_.load(); });
}

bool cpuHasFastBf16()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("flags", 0) == 0)
            return line.find(" avx512_bf16") != std::string::npos || line.find(" amx_bf16") != std::string::npos;
    }
    return false;
}

namespace {

using Clock = std::chrono::steady_clock;

struct LossParts {
    torch::Tensor total;
    double mlm = 0, pair = 0, disc = 0;
    std::int64_t predicted = 0, correct = 0;          // MLM or next-token (ELECTRA: the generator)
    std::int64_t pairCount = 0, pairCorrect = 0;
    BinaryCounts discCounts;                          // ELECTRA discriminator at 0.5
};

class Trainer {
public:
    Trainer(JobSpec spec, const std::string& storePath, JobObserver& obs, StopToken& stop)
        : spec_(std::move(spec)), store_(storePath), obs_(obs), stop_(stop)
    {
    }

    RunOutcome start()
    {
        RunOutcome out;
        try {
            if (auto msg = spec_.validate(); !msg.empty())
                throw Error("invalid job: " + msg, "fix the field named above");
            prepareData();  // a bad corpus fails here, before any run is recorded
            runId_ = store_.createRun(spec_.name.empty() ? spec_.preset : spec_.name, spec_.toJson().dump(), toString(spec_.model.family),
                                      spec_.objective());
            owns_ = true;
            outDir_ = spec_.out_dir.empty() ? store_.path().parent_path() / "runs" / (std::to_string(runId_) + "-" + safeName())
                                            : fs::path(spec_.out_dir);
            store_.setOutDir(runId_, outDir_.string());
            if (spec_.distill.active()) store_.setParent(runId_, spec_.distill.teacher_run, spec_.distill.teacher);
            prepareOutput();
            torch::manual_seed(spec_.train.seed);
            makeModel();
            if (distiller_) distiller_->initStudent();
            makeOptimizer();
            t0_ = Clock::now();  // the baselines' wall time is the run's start
            recordBaselines();
            return loop();
        } catch (const std::exception& e) {
            return fail(e);
        }
    }

    RunOutcome resume(std::int64_t runId)
    {
        try {
            runId_ = runId;
            const auto rec = store_.run(runId);
            if (!rec) throw Error("no run " + std::to_string(runId) + " in " + store_.path().string(), "see 'pretrainlab-cli runs list'");
            if (rec->status == "completed") throw Error("run " + std::to_string(runId) + " already completed", "start a new run instead");
            if (rec->status == "running")
                throw Error("run " + std::to_string(runId) + " is still running in another process", "stop it first");
            spec_ = JobSpec::fromJson(json::parse(rec->configJson));
            const auto cks = store_.checkpoints(runId);
            if (cks.empty())
                throw Error("run " + std::to_string(runId) + " has no checkpoint to resume from", "it stopped before its first checkpoint; start it again");
            outDir_ = rec->outDir;
            prepareData();
            store_.claimRun(runId);
            owns_ = true;
            prepareOutput();
            makeModel();
            makeOptimizer();
            loadCheckpoint(cks.back());
            store_.deleteMetricsAfter(runId, step_);
            store_.addEvent(runId, "resumed", "resumed from step " + std::to_string(step_));
            return loop();
        } catch (const std::exception& e) {
            return fail(e);
        }
    }

private:
    std::string safeName() const
    {
        std::string s = spec_.name.empty() ? spec_.preset : spec_.name;
        for (auto& c : s)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
        return s.empty() ? "run" : s;
    }

    void prepareData()
    {
        threads_ = initRuntime(spec_.train.threads);
        bf16_ = spec_.train.precision == Precision::Bf16 || (spec_.train.precision == Precision::Auto && cpuHasFastBf16());
        tok_ = spec_.distill.active() ? std::unique_ptr<Tokenizer>(loadTokenizer(spec_.distill.teacher).release()) : loadBundledTokenizer(spec_.tokenizer);
        if (tok_->vocabSize() != spec_.model.vocab_size)
            throw Error("vocab_size " + std::to_string(spec_.model.vocab_size) + " differs from the tokenizer's " + std::to_string(tok_->vocabSize()),
                        "leave vocab_size at the preset's value");
        const Corpus corpus = spec_.corpus.empty() ? bundledCorpus() : readCorpus(spec_.corpus);
        data_ = std::make_unique<DataPipeline>(spec_, *tok_, corpus);
        if (spec_.train.start_seq_len > 0 && spec_.train.start_seq_len < spec_.train.seq_len && spec_.train.start_seq_share > 0) {
            // The short first phase: shorter sequences, as many tokens a step.
            JobSpec s = spec_;
            s.train.seq_len = spec_.train.start_seq_len;
            s.train.batch_size = std::max(1, spec_.train.batch_size * spec_.train.seq_len / spec_.train.start_seq_len);
            s.train.max_predictions = std::max(1, static_cast<int>(std::lround(spec_.train.max_predictions * static_cast<double>(s.train.seq_len) / spec_.train.seq_len)));
            startData_ = std::make_unique<DataPipeline>(s, *tok_, corpus);
            startSteps_ = static_cast<std::int64_t>(std::lround(spec_.train.start_seq_share * spec_.train.steps));
        }
        unigramEntropy_ = data_->trainUnigram().entropy();
        evalUnigramLoss_ = data_->trainUnigram().crossEntropy(data_->heldOutUnigram());
        if (spec_.train.dynamics) {
            // The probe of what the model learns first: held-out documents, POS-tagged when
            // they are the bundled Brown's.
            const auto held = splitHeldOut(corpus, spec_.train.held_out, spec_.train.seed).second;
            std::vector<std::vector<TaggedSentence>> tags;
            if (spec_.corpus.empty()) tags = brownTagsFor(held.documents);
            dynamics_ = std::make_unique<DynamicsProbe>(spec_.model, *tok_, data_->trainUnigram(), held.documents, tags, spec_.train.seq_len,
                                                        spec_.train.dynamics_sequences);
        }
    }

    void prepareOutput()
    {
        std::error_code ec;
        fs::create_directories(outDir_, ec);
        if (ec)
            throw Error("cannot create the run folder " + outDir_.string() + ": " + ec.message(), "choose a writable --out");
        obs_.started(runId_, outDir_.string());
    }

    bool electra() const { return spec_.model.family == Family::Electra; }
    bool pairTask() const { return spec_.model.hasPairHead() && spec_.train.pair_loss; }

    void makeModel()
    {
        if (electra()) {
            makeElectraModels();
            model_ = electra_.discriminator;
        } else {
            model_ = TransformerModel(spec_.model);
        }
        if (spec_.distill.active()) distiller_ = std::make_unique<Distiller>(spec_, model_);
        // Estimated training FLOPs per token (the equal-compute x-axis).
        flopsPerToken_ = jobFlopsPerToken(spec_);
    }

    // ELECTRA: both networks as the paper builds them, or (generator_from) the generator
    // taken from another run's checkpoint: trained on with its embeddings shared as usual,
    // or frozen with its own copy of them, so the fresh discriminator learns against a
    // generator that no longer changes.
    void makeElectraModels()
    {
        makeElectraPair();
        if (!spec_.train.discriminator_from.empty()) initDiscriminatorBody(spec_.train.discriminator_from);
    }

    // The discriminator's embeddings and layers from another encoder's checkpoint (a
    // trained BERT of the same shape: a discriminator that reads context from step 0); its
    // replaced-token head starts fresh. Shared embeddings carry over to the generator.
    void initDiscriminatorBody(const std::string& from)
    {
        if (!fs::exists(fs::path(from) / "config.json"))
            throw Error("discriminator_from: " + from + " is not a checkpoint folder (no config.json)", "give a BERT or ELECTRA checkpoint folder");
        LoadedModel src = ptl::loadCheckpoint(fs::path(from));
        const ModelConfig& a = src.config;
        const ModelConfig& b = spec_.model;
        if (a.vocab_size != b.vocab_size || a.hidden_size != b.hidden_size || a.num_layers != b.num_layers || a.num_heads != b.num_heads ||
            a.intermediate_size != b.intermediate_size || a.embedding_size != b.embedding_size || a.layer_norm != b.layer_norm ||
            a.sharing != b.sharing)
            throw Error("discriminator_from: the encoder in " + from + " has another shape (vocabulary " + std::to_string(a.vocab_size) +
                            ", hidden " + std::to_string(a.hidden_size) + ", " + std::to_string(a.num_layers) + " layers, " +
                            std::to_string(a.num_heads) + " heads, feed-forward " + std::to_string(a.intermediate_size) + ", embedding size " +
                            std::to_string(a.embedding_size) + ") than this discriminator (" + std::to_string(b.vocab_size) + ", " +
                            std::to_string(b.hidden_size) + ", " + std::to_string(b.num_layers) + ", " + std::to_string(b.num_heads) + ", " +
                            std::to_string(b.intermediate_size) + ", " + std::to_string(b.embedding_size) + "; layer norm and sharing must match too)",
                        "set the discriminator's fields to the checkpoint's (e.g. --set embedding_size=256 for the shipped BERT-mini)");
        auto theirs = src.model->named_parameters();
        torch::NoGradGuard ng;
        int copied = 0;
        for (auto& p : electra_.discriminator->named_parameters()) {
            const std::string& n = p.key();
            const bool body = n.rfind("embeddings.", 0) == 0 || n.rfind("attention_", 0) == 0 || n.rfind("ffn_", 0) == 0 || n.rfind("final_norm", 0) == 0;
            if (!body) continue;
            const torch::Tensor* t = theirs.find(n);
            if (!t || t->sizes() != p.value().sizes())
                throw Error("discriminator_from: " + from + " has no tensor " + n + " of shape " + c10::str(p.value().sizes()),
                            "take it from a BERT or ELECTRA checkpoint of the same shape");
            p.value().copy_(*t);
            ++copied;
        }
        if (copied == 0) throw Error("discriminator_from: nothing to copy from " + from);
    }

    void makeElectraPair()
    {
        const TrainConfig& t = spec_.train;
        if (t.generator_from.empty()) {
            electra_ = makeElectra(spec_.model);
            return;
        }
        const fs::path dir = fs::path(t.generator_from) / "generator";
        if (!fs::exists(dir / "config.json") || !fs::exists(dir / "model.safetensors"))
            throw Error("generator_from: " + t.generator_from + " has no generator/ folder with config.json and model.safetensors",
                        "give the checkpoint folder of an ELECTRA run (it holds generator/)");
        const ModelConfig g = readModelConfig(dir / "config.json");
        if (!g.hasMlmHead() || g.vocab_size != spec_.model.vocab_size || g.embedding_size != spec_.model.embedding_size ||
            g.max_position_embeddings != spec_.model.max_position_embeddings)
            throw Error("generator_from: the generator in " + dir.string() + " does not fit this discriminator (vocabulary " +
                            std::to_string(g.vocab_size) + ", embedding size " + std::to_string(g.embedding_size) + ", positions " +
                            std::to_string(g.max_position_embeddings) + ")",
                        "take it from a run of the same preset");
        if (t.freeze_generator) {
            electra_.discriminator = TransformerModel(spec_.model);
            electra_.generator = TransformerModel(g);
            importStateDict(electra_.generator, SafetensorsFile::open(dir / "model.safetensors"));
            for (auto& p : electra_.generator->parameters()) p.set_requires_grad(false);
            electra_.generator->eval();
        } else {
            if (g.hidden_size != spec_.model.generatorConfig().hidden_size || g.num_layers != spec_.model.generatorConfig().num_layers)
                throw Error("generator_from: the generator in " + dir.string() + " has hidden size " + std::to_string(g.hidden_size) +
                                " and " + std::to_string(g.num_layers) + " layers, this run's generator " +
                                std::to_string(spec_.model.generatorConfig().hidden_size) + " and " +
                                std::to_string(spec_.model.generatorConfig().num_layers),
                            "set generator_ratio to match, or freeze it (freeze_generator=true) to use it as it is");
            electra_ = makeElectra(spec_.model);
            importStateDict(electra_.generator, SafetensorsFile::open(dir / "model.safetensors"));  // the shared embeddings too
        }
    }

    // ELECTRA: the sampling temperature at this step (the curriculum from
    // gen_temperature_start down or up to gen_temperature), and what fills the masked positions.
    double temperatureAt(std::int64_t step) const
    {
        const TrainConfig& t = spec_.train;
        if (t.gen_temperature_start <= 0) return t.gen_temperature;
        const double span = t.gen_temperature_steps > 0 ? t.gen_temperature_steps : t.steps;
        const double f = std::min(1.0, static_cast<double>(step) / std::max(1.0, span));
        return t.gen_temperature_start + (t.gen_temperature - t.gen_temperature_start) * f;
    }

    ElectraReplacements replacements() const
    {
        ElectraReplacements r;
        r.trainGenerator = !spec_.train.freeze_generator;
        if (spec_.train.replacements == "unigram") {
            if (!unigramProbs_.defined()) {
                const auto& c = data_->trainUnigram().counts();
                auto t = torch::empty({static_cast<int64_t>(c.size())}, torch::kFloat32);
                for (std::size_t i = 0; i < c.size(); ++i) t[static_cast<int64_t>(i)] = static_cast<float>(c[i]);
                unigramProbs_ = t / t.sum();
            }
            r.fixedProbs = unigramProbs_;
        }
        return r;
    }

    double flopsSeen() const { return static_cast<double>(tokensSeen_) * flopsPerToken_; }

    // A fixed sampling generator per eval batch: the same corruptions at every eval, and
    // the training RNG stream untouched.
    at::Generator evalGenerator(int batch) const
    {
        return at::make_generator<at::CPUGeneratorImpl>(spec_.train.seed * 7919ull + static_cast<std::uint64_t>(batch) + 1);
    }

    void setTraining(bool on)
    {
        model_->train(on);
        if (electra()) electra_.generator->train(on && !spec_.train.freeze_generator);
    }

    void makeOptimizer()
    {
        std::vector<std::pair<std::string, torch::Tensor>> params;
        if (electra()) {
            for (auto& [name, p] : electraParameters(electra_))
                if (!spec_.train.freeze_generator || name.rfind("generator.", 0) != 0) params.emplace_back(name, p);
        }
        else
            for (auto& p : model_->named_parameters()) params.emplace_back(p.key(), p.value());
        if (distiller_)
            for (auto& p : distiller_->auxParameters()) params.push_back(p);
        AdamWOptions o;
        o.beta1 = spec_.train.beta1;
        o.beta2 = spec_.train.beta2;
        o.eps = spec_.train.eps;
        o.weightDecay = spec_.train.weight_decay;
        opt_ = std::make_unique<AdamW>(params, o);
    }

    double lrAt(std::int64_t step) const  // step: 0-based index of the update
    {
        const auto& t = spec_.train;
        const double warm = t.warmup_steps;
        if (step < t.warmup_steps) return t.lr * (step + 1) / warm;
        const double progress = (step - warm) / std::max(1.0, t.steps - warm);
        if (t.schedule == "cosine") return t.lr * 0.5 * (1.0 + std::cos(M_PI * std::min(1.0, progress)));
        return t.lr * std::max(0.0, 1.0 - progress);
    }

    LossParts electraLoss(const Batch& b, bool keepForView)
    {
        LossParts r;
        ElectraForward f = electraForward(electra_, b.ids, b.typeIds, b.attentionMask, b.labels, spec_.train.disc_weight,
                                          temperatureAt(step_), std::nullopt, replacements());
        r.total = f.total;
        r.mlm = f.mlmLoss.item<double>();
        r.disc = f.discLoss.item<double>();
        r.predicted = f.targets.size(0);
        r.correct = (f.genLogits.argmax(-1) == f.targets).sum().item<int64_t>();
        r.discCounts = discriminatorCounts(f);
        if (keepForView) {
            f.total = f.mlmLoss = f.discLoss = torch::Tensor();
            f.genLogits = f.genLogits.detach();
            f.discLogits = f.discLogits.detach();
            lastElectra_ = std::move(f);
        }
        return r;
    }

    LossParts loss(const Batch& b, bool keepForView = false)
    {
        if (electra()) return electraLoss(b, keepForView);
        if (distiller_ && model_->is_training()) {
            Distiller::Parts d = distiller_->loss(b);
            LossParts r;
            r.total = d.total;
            r.predicted = d.predicted;
            r.correct = d.correct;
            distillValues_ = std::move(d.values);
            for (const auto& [k, v] : distillValues_)
                if (k == "mlm_loss") r.mlm = v;
            return r;
        }
        LossParts r;
        const bool gpt = spec_.model.family == Family::Gpt2;
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
        r.mlm = tokenLoss.item<double>();
        r.predicted = idx.size(0);
        r.correct = (logits.argmax(-1) == target).sum().item<int64_t>();
        if (!gpt && pairTask()) {
            auto pair = model_->pairLogits(hidden).to(torch::kFloat32);         // (B, 2)
            auto pairLoss = torch::nn::functional::cross_entropy(pair, b.pairLabels);
            r.total = r.total + pairLoss;
            r.pair = pairLoss.item<double>();
            r.pairCount = b.pairLabels.size(0);
            r.pairCorrect = (pair.argmax(-1) == b.pairLabels).sum().item<int64_t>();
        }
        return r;
    }

    std::string pairName() const { return spec_.model.family == Family::Albert ? "sop" : "nsp"; }

    void record(const std::string& name, double value) { pending_.push_back({step_, name, value, elapsed()}); }

    double elapsed() const { return elapsedBefore_ + std::chrono::duration<double>(Clock::now() - t0_).count(); }

    void flushMetrics()
    {
        if (pending_.empty()) return;
        std::vector<std::pair<std::string, double>> values;
        std::int64_t s = pending_.back().step;
        for (const auto& m : pending_) values.emplace_back(m.name, m.value);
        store_.appendMetrics(runId_, pending_);
        pending_.clear();
        obs_.metrics(s, values);
        lastFlush_ = Clock::now();
    }

    // What a model that ignores context scores on this run's data, recorded at step 0
    // (the baselines that change with the generator, ELECTRA's, at every log and eval).
    void recordBaselines()
    {
        const UnigramCounts& train = data_->trainUnigram();
        const UnigramCounts& held = data_->heldOutUnigram();
        record(baseline::unigramEntropy, unigramEntropy_);
        record(baseline::evalUnigramLoss, evalUnigramLoss_);
        record(baseline::evalUnigramAccuracy, train.accuracyOfMostFrequent(held));
        if (!electra() && !distiller_) {
            const double pairPart = pairTask() ? std::log(2.0) : 0.0;  // a coin for NSP/SOP
            record(baseline::loss, unigramEntropy_ + pairPart);
            record(baseline::evalLoss, evalUnigramLoss_ + pairPart);
        }
        flushMetrics();
    }

    double ratioToBaseline(double loss, double base) const { return base > 0 ? loss / base : std::nan(""); }

    void evaluate()
    {
        torch::NoGradGuard ng;
        setTraining(false);
        double lossSum = 0, pairSum = 0, discSum = 0;
        std::int64_t predicted = 0, correct = 0, pairCount = 0, pairCorrect = 0, discTokens = 0, pairPositives = 0;
        BinaryCounts disc;
        if (electra()) {
            evalScores_.emplace();
            evalLabels_.clear();
        }
        // ELECTRA's eval samples from the generator: use a fixed generator so the eval set
        // is the same at every step and the training RNG stream is untouched.
        for (int i = 0; i < data_->evalBatchCount(); ++i) {
            const Batch b = data_->evalBatch(i);
            if (b.pairLabels.defined()) pairPositives += b.pairLabels.sum().item<int64_t>();
            LossParts p;
            {
                AutocastScope ac(bf16_);
                if (electra()) {
                    ElectraForward f = electraForward(electra_, b.ids, b.typeIds, b.attentionMask, b.labels, spec_.train.disc_weight,
                                                      spec_.train.gen_temperature, evalGenerator(i), replacements());
                    p.mlm = f.mlmLoss.item<double>();
                    p.disc = f.discLoss.item<double>();
                    p.predicted = f.targets.size(0);
                    p.correct = (f.genLogits.argmax(-1) == f.targets).sum().item<int64_t>();
                    p.discCounts = discriminatorCounts(f, &*evalScores_, &evalLabels_);
                } else {
                    p = loss(b);
                }
            }
            discSum += p.disc * static_cast<double>(p.discCounts.total());
            discTokens += p.discCounts.total();
            disc += p.discCounts;
            lossSum += p.mlm * static_cast<double>(p.predicted);
            predicted += p.predicted;
            correct += p.correct;
            pairSum += p.pair * static_cast<double>(p.pairCount);
            pairCount += p.pairCount;
            pairCorrect += p.pairCorrect;
        }
        if (dynamics_) {
            AutocastScope ac(bf16_);
            TransformerModel predictor = electra() ? electra_.generator : model_;
            snapshot("dynamics", dynamicsToJson(dynamics_->measure(model_, predictor, step_)));
        }
        setTraining(true);
        const double tokenLoss = lossSum / std::max<std::int64_t>(1, predicted);
        record("flops", flopsSeen());
        if (distiller_) {
            // The teacher on the same held-out batches: the line the student is measured against.
            if (!teacherEval_) {
                double lossAcc = 0, accAcc = 0;
                std::int64_t n = 0;
                for (int i = 0; i < data_->evalBatchCount(); ++i) {
                    std::int64_t k = 0;
                    AutocastScope ac(bf16_);
                    const auto [l, a] = distiller_->teacherMlm(data_->evalBatch(i), &k);
                    lossAcc += l * static_cast<double>(k);
                    accAcc += a * static_cast<double>(k);
                    n += k;
                }
                teacherEval_ = std::pair{lossAcc / std::max<std::int64_t>(1, n), accAcc / std::max<std::int64_t>(1, n)};
            }
            record("teacher_eval_mlm_loss", teacherEval_->first);
            record("teacher_eval_mlm_accuracy", teacherEval_->second);
        }
        if (electra()) {
            const double discLoss = discSum / std::max<std::int64_t>(1, discTokens);
            const double genPart = spec_.train.freeze_generator ? 0.0 : 1.0;  // a frozen generator's loss is not in the total
            record("eval_loss", genPart * tokenLoss + spec_.train.disc_weight * discLoss);
            record("eval_gen_mlm_loss", tokenLoss);
            record("eval_gen_mlm_accuracy", static_cast<double>(correct) / std::max<std::int64_t>(1, predicted));
            record("eval_disc_loss", discLoss);
            const double discBase = binaryEntropy(disc.positiveShare());
            record(baseline::evalDiscLoss, discBase);
            record("eval_disc_loss_ratio", ratioToBaseline(discLoss, discBase));
            record("eval_gen_mlm_loss_ratio", ratioToBaseline(tokenLoss, unigramEntropy_));
            record(baseline::evalLoss, genPart * evalUnigramLoss_ + spec_.train.disc_weight * discBase);
            record("eval_disc_accuracy", disc.accuracy());
            record("eval_disc_precision", disc.precision());
            record("eval_disc_recall", disc.recall());
            record("eval_disc_f1", disc.f1());
            record("eval_replaced_share", disc.positiveShare());
            const double auc = rocAuc(*evalScores_, evalLabels_);
            if (std::isfinite(auc)) record("eval_disc_auc", auc);
            evalScores_.reset();
            evalLabels_.clear();
        } else if (spec_.model.family == Family::Gpt2) {
            record("eval_loss", tokenLoss);
            record("eval_loss_ratio", ratioToBaseline(tokenLoss, unigramEntropy_));
            record("eval_perplexity", std::exp(std::min(tokenLoss, 50.0)));
            record("eval_accuracy", static_cast<double>(correct) / std::max<std::int64_t>(1, predicted));
        } else {
            const double pairLoss = pairSum / std::max<std::int64_t>(1, pairCount);
            record("eval_loss", tokenLoss + pairLoss);
            record("eval_mlm_loss", tokenLoss);
            record("eval_mlm_loss_ratio", ratioToBaseline(tokenLoss, unigramEntropy_));
            record("eval_mlm_accuracy", static_cast<double>(correct) / std::max<std::int64_t>(1, predicted));
            if (pairTask()) {
                record("eval_" + pairName() + "_loss", pairLoss);
                record("eval_" + pairName() + "_accuracy", static_cast<double>(pairCorrect) / std::max<std::int64_t>(1, pairCount));
                const double positive = static_cast<double>(pairPositives) / std::max<std::int64_t>(1, pairCount);
                record(baseline::pairAccuracy, std::max(positive, 1.0 - positive));
            }
        }
        flushMetrics();
    }

    void snapshot(const std::string& kind, const std::string& payload)
    {
        store_.addSnapshot(runId_, step_, kind, payload, elapsed());
        obs_.snapshot({step_, kind, payload});
    }

    void probe(const Batch& last)
    {
        // Throttled: a few per second at most, whatever probe_every says.
        const auto now = Clock::now();
        if (lastProbe_ && std::chrono::duration<double>(now - *lastProbe_).count() < 0.3) return;
        lastProbe_ = now;
        std::string text = spec_.train.probe_text;
        if (spec_.model.family == Family::Gpt2) {
            for (std::size_t p; (p = text.find("[MASK]")) != std::string::npos;) text.erase(p, 6);
        }
        setTraining(false);
        InspectResult r = inspect(model_, *tok_, spec_.model, text, std::nullopt, 5);
        if (electra()) addMaskPredictions(electra_.generator, *tok_, r, 5);  // the generator fills [MASK]
        setTraining(true);
        snapshot("attention", inspectToJson(r));
        if (electra() && lastElectra_) {
            snapshot("replaced", replacedToJson(replacedView(*tok_, *lastElectra_, 0)));
            lastElectra_.reset();
        }
        if (!last.decisions.empty()) {
            // The first sequence of the current batch: its masking decisions, and what the
            // model (as it is now) predicts at each selected position, with the loss there.
            std::vector<std::string> tokens;
            const auto n = last.attentionMask[0].sum().item<int64_t>();
            auto ids = last.ids[0].narrow(0, 0, n);
            for (int64_t i = 0; i < n; ++i) tokens.push_back(tok_->token(static_cast<int>(ids[i].item<int64_t>())));
            torch::Tensor logp;
            {
                torch::NoGradGuard ng;
                setTraining(false);
                auto types = last.typeIds.defined() ? last.typeIds[0].narrow(0, 0, n).unsqueeze(0) : torch::Tensor();
                TransformerModel mlm = electra() ? electra_.generator : model_;
                auto out = mlm->forward(ids.unsqueeze(0), types);
                logp = torch::log_softmax(out.token_logits[0].to(torch::kFloat32), -1);  // (T, V)
                setTraining(true);
            }
            json d = json::array();
            for (const auto& x : last.decisions[0]) {
                json cands = json::array();
                auto row = logp[x.position];
                auto [values, indices] = row.exp().topk(5);
                for (int i = 0; i < 5; ++i) {
                    const int id = static_cast<int>(indices[i].item<int64_t>());
                    cands.push_back({{"token", id < tok_->vocabSize() ? tok_->token(id) : std::string("?")}, {"id", id}, {"prob", values[i].item<double>()}});
                }
                d.push_back({{"position", x.position}, {"original", tok_->token(x.original)}, {"original_id", x.original},
                             {"input", tok_->token(x.input)}, {"input_id", x.input}, {"kind", toString(x.kind)},
                             {"loss", -row[x.original].item<double>()}, {"candidates", cands}});
            }
            snapshot("masking", json{{"tokens", tokens}, {"decisions", d}}.dump());
        }
    }

    void writeCheckpoint()
    {
        const fs::path final = outDir_ / ("checkpoint-" + std::to_string(step_));
        const fs::path tmp = outDir_ / (".checkpoint-" + std::to_string(step_) + ".partial");
        std::error_code ec;
        fs::remove_all(tmp, ec);
        const std::map<std::string, std::string> meta{{"step", std::to_string(step_)}, {"run_id", std::to_string(runId_)}};
        if (electra()) saveElectraCheckpoint(tmp, electra_, *tok_, meta);
        else saveCheckpoint(tmp, model_, *tok_, meta);
        // The unigram counts of the training data: the fill-mask table's "word frequency
        // alone" column and the baseline of anything measured with this checkpoint.
        writeFileAtomic(tmp / "unigram.json", data_->trainUnigram().toJson());
        NamedTensors state = opt_->state();
        if (distiller_)
            for (auto& [name, t] : distiller_->auxParameters()) state.emplace_back(name, t.detach().clone());
        state.emplace_back("rng.cpu", at::detail::getDefaultCPUGenerator().get_state());
        writeSafetensors(tmp / "trainer_state.safetensors", state);
        json st = {{"version", 1}, {"step", step_}, {"optimizer_steps", opt_->steps()}, {"tokens_seen", tokensSeen_},
                   {"elapsed_seconds", elapsed()}, {"micro_batches", step_ * spec_.train.grad_accum}, {"run_id", runId_}};
        writeFileAtomic(tmp / "trainer_state.json", st.dump(2) + "\n");
        fs::remove_all(final, ec);
        fs::rename(tmp, final, ec);
        if (ec) throw Error("cannot move checkpoint into place at " + final.string() + ": " + ec.message(), "is the disk full?");
        store_.addCheckpoint(runId_, step_, final.string());
        lastGood_ = step_;
        obs_.checkpointWritten(step_, final.string());
        if (spec_.train.keep_last > 0) {
            auto cks = store_.checkpoints(runId_);
            while (static_cast<int>(cks.size()) > spec_.train.keep_last) {
                fs::remove_all(cks.front().path, ec);
                store_.removeCheckpoint(runId_, cks.front().step);
                cks.erase(cks.begin());
            }
        }
    }

    void loadCheckpoint(const CheckpointRow& ck)
    {
        const fs::path dir = ck.path;
        if (electra()) {
            importStateDict(electra_.generator, SafetensorsFile::open(dir / "generator" / "model.safetensors"));
            importStateDict(model_, SafetensorsFile::open(dir / "model.safetensors"));  // the shared embeddings last: the discriminator's copy
        } else {
            importStateDict(model_, SafetensorsFile::open(dir / "model.safetensors"));
        }
        const json st = json::parse(readTextFile(dir / "trainer_state.json"), nullptr, false);
        if (st.is_discarded() || !st.contains("step"))
            throw Error((dir / "trainer_state.json").string() + " is damaged", "resume from an earlier checkpoint");
        const auto state = SafetensorsFile::open(dir / "trainer_state.safetensors");
        if (distiller_) {
            torch::NoGradGuard ng;
            for (auto& [name, t] : distiller_->auxParameters()) t.copy_(state.tensor(name));
        }
        opt_->loadState(state, st.at("optimizer_steps").get<std::int64_t>());
        at::Generator gen = at::detail::getDefaultCPUGenerator();  // a handle on the shared generator
        gen.set_state(state.tensor("rng.cpu"));
        step_ = st.at("step").get<std::int64_t>();
        tokensSeen_ = st.value("tokens_seen", std::int64_t(0));
        elapsedBefore_ = st.value("elapsed_seconds", 0.0);
        lastGood_ = step_;
    }

    RunOutcome loop()
    {
        const auto& t = spec_.train;
        t0_ = Clock::now();
        lastFlush_ = t0_;
        setTraining(true);
        std::string status = "completed", message;
        double emaStep = 0;
        const std::int64_t total = t.steps;
        Batch last;
        bool evaluatedAtEnd = false, checkpointedAtEnd = false;
        while (step_ < total) {
            if (stop_.paused() && !stop_.stopRequested()) {
                flushMetrics();
                store_.setStatus(runId_, "paused");
                const auto pausedAt = Clock::now();
                stop_.waitWhilePaused();
                elapsedBefore_ -= std::chrono::duration<double>(Clock::now() - pausedAt).count();  // paused time is not training time
                store_.setStatus(runId_, "running");
            }
            if (stop_.stopRequested()) {
                status = "cancelled";
                message = "stopped at step " + std::to_string(step_);
                break;
            }
            const auto stepStart = Clock::now();
            opt_->zeroGrad();
            double lossValue = 0, mlm = 0, pair = 0, disc = 0;
            BinaryCounts discCounts;
            std::int64_t tokens = 0;
            for (int a = 0; a < t.grad_accum; ++a) {
                last = step_ < startSteps_ ? startData_->trainBatch(step_ * t.grad_accum + a)
                                           : data_->trainBatch((step_ - startSteps_) * t.grad_accum + a);
                LossParts p;
                {
                    AutocastScope ac(bf16_);
                    p = loss(last, a == t.grad_accum - 1);
                }
                (p.total / t.grad_accum).backward();
                disc += p.disc / t.grad_accum;
                discCounts += p.discCounts;
                lossValue += p.total.item<double>() / t.grad_accum;
                mlm += p.mlm / t.grad_accum;
                pair += p.pair / t.grad_accum;
                tokens += last.tokens;
            }
            if (t.debug_nan_step > 0 && step_ + 1 == t.debug_nan_step) lossValue = std::nan("");
            const double gradNorm = opt_->gradNorm();
            // Global clipping at clip_norm, folded into the fused AdamW pass.
            const double clipScale = t.clip_norm > 0 && gradNorm > t.clip_norm ? t.clip_norm / (gradNorm + 1e-6) : 1.0;
            if (!std::isfinite(lossValue) || !std::isfinite(gradNorm)) {
                status = "diverged";
                message = std::string("the loss became ") + (std::isnan(lossValue) ? "NaN" : std::isfinite(lossValue) ? "finite but the gradient infinite" : "infinite") +
                          " at step " + std::to_string(step_ + 1) + "; " +
                          (lastGood_ >= 0 ? "the last good checkpoint is step " + std::to_string(lastGood_) : std::string("no checkpoint was written yet")) +
                          ". Try a lower lr or more warmup_steps.";
                break;
            }
            const double lr = lrAt(step_);
            opt_->step(lr, clipScale);
            ++step_;
            tokensSeen_ += tokens;
            const double secs = std::chrono::duration<double>(Clock::now() - stepStart).count();
            emaStep = emaStep == 0 ? secs : 0.9 * emaStep + 0.1 * secs;
            const double tps = static_cast<double>(tokens) / std::max(1e-9, emaStep * (secs > 0 ? 1.0 : 1.0));
            if (step_ % t.log_every == 0 || step_ == total) {
                record("loss", lossValue);
                if (electra()) {
                    record("gen_mlm_loss", mlm);
                    record("disc_loss", disc);
                    record("disc_accuracy", discCounts.accuracy());
                    record("replaced_share", discCounts.positiveShare());
                    record(baseline::discLoss, binaryEntropy(discCounts.positiveShare()));
                    // A frozen generator's loss is not in the total (electraForward).
                    record(baseline::loss, (t.freeze_generator ? 0.0 : unigramEntropy_) + t.disc_weight * binaryEntropy(discCounts.positiveShare()));
                    if (t.gen_temperature_start > 0) record("gen_temperature", temperatureAt(step_ - 1));
                } else if (distiller_) {
                    for (const auto& [k, v] : distillValues_) record(k, v);
                } else if (spec_.model.family == Family::Gpt2) {
                    record("lm_loss", mlm);
                } else {
                    record("mlm_loss", mlm);
                    if (pairTask()) record(pairName() + "_loss", pair);
                }
                record("lr", lr);
                record("grad_norm", gradNorm);
                record("tokens_seen", static_cast<double>(tokensSeen_));
                record("flops", flopsSeen());
                record("tokens_per_second", static_cast<double>(tokens) / std::max(1e-9, secs));
            }
            ProgressInfo pi;
            pi.step = step_;
            pi.totalSteps = total;
            pi.loss = lossValue;
            pi.lr = lr;
            pi.tokensPerSecond = tps;
            pi.etaSeconds = emaStep * static_cast<double>(total - step_);
            pi.elapsedSeconds = elapsed();
            pi.tokensSeen = tokensSeen_;
            pi.precision = bf16_ ? "bf16" : "fp32";
            pi.threads = threads_;
            obs_.progress(pi);
            if (step_ % t.eval_every == 0 || step_ == total) {
                evaluate();
                evaluatedAtEnd = step_ == total;
            }
            if (step_ % t.probe_every == 0 || step_ == 1 || step_ == total) probe(last);
            if (step_ % t.checkpoint_every == 0 || step_ == total) {
                flushMetrics();
                writeCheckpoint();
                checkpointedAtEnd = step_ == total;
            }
            if (std::chrono::duration<double>(Clock::now() - lastFlush_).count() > 1.0) flushMetrics();
        }
        (void)evaluatedAtEnd;
        (void)checkpointedAtEnd;
        flushMetrics();
        if (status == "cancelled" && step_ > 0 && lastGood_ != step_) writeCheckpoint();  // a stopped run stays resumable
        store_.setStatus(runId_, status, message);
        store_.addEvent(runId_, status, message);
        obs_.finished(status, message);
        return {runId_, status, message, step_, outDir_.string()};
    }

    RunOutcome fail(const std::exception& e)
    {
        std::string message;
        if (const auto* pe = dynamic_cast<const Error*>(&e)) message = pe->full();
        else if (const auto* ce = dynamic_cast<const c10::Error*>(&e)) message = ce->what_without_backtrace();
        else message = e.what();
        if (owns_) {  // a resume that never started leaves the run as it was (still resumable)
            try {
                flushMetricsQuietly();
                store_.setStatus(runId_, "failed", message);
                store_.addEvent(runId_, "failed", message);
            } catch (const std::exception& e2) {
                message += "\n(the run store could not record the failure either: " + std::string(e2.what()) + ")";
            }
        }
        obs_.finished("failed", message);
        return {runId_, "failed", message, step_, outDir_.string()};
    }

    void flushMetricsQuietly()
    {
        try {
            flushMetrics();
        } catch (const std::exception&) {
            pending_.clear();
        }
    }

    JobSpec spec_;
    RunStore store_;
    JobObserver& obs_;
    StopToken& stop_;
    std::int64_t runId_ = 0;
    fs::path outDir_;
    std::unique_ptr<Tokenizer> tok_;
    std::unique_ptr<DataPipeline> data_;
    std::unique_ptr<DataPipeline> startData_;  // the short first phase (start_seq_len), when set
    std::int64_t startSteps_ = 0;
    std::unique_ptr<DynamicsProbe> dynamics_;
    TransformerModel model_{nullptr};  // ELECTRA: the discriminator
    ElectraModels electra_;
    mutable torch::Tensor unigramProbs_;  // ELECTRA with replacements=unigram: the training tokens' distribution
    std::optional<ElectraForward> lastElectra_;  // the last training micro-batch, for the replaced-token view
    std::optional<std::vector<float>> evalScores_;
    std::vector<std::uint8_t> evalLabels_;
    double flopsPerToken_ = 0;
    double unigramEntropy_ = 0, evalUnigramLoss_ = 0;
    std::unique_ptr<Distiller> distiller_;
    std::vector<std::pair<std::string, double>> distillValues_;
    std::optional<std::pair<double, double>> teacherEval_;
    std::unique_ptr<AdamW> opt_;
    bool bf16_ = false;
    bool owns_ = false;  // this job created or claimed the run record
    int threads_ = 1;
    std::int64_t step_ = 0, tokensSeen_ = 0, lastGood_ = -1;
    double elapsedBefore_ = 0;
    Clock::time_point t0_, lastFlush_;
    std::optional<Clock::time_point> lastProbe_;
    std::vector<MetricRow> pending_;
};

} // namespace

RunOutcome runJob(const JobSpec& spec, const std::string& storePath, JobObserver& observer, StopToken& stop)
{
    try {
        Trainer t(spec, storePath, observer, stop);
        return t.start();
    } catch (const std::exception& e) {  // the store itself could not be opened
        observer.finished("failed", e.what());
        return {0, "failed", e.what(), 0, {}};
    }
}

RunOutcome resumeJob(std::int64_t runId, const std::string& storePath, JobObserver& observer, StopToken& stop)
{
    try {
        Trainer t(JobSpec{}, storePath, observer, stop);
        return t.resume(runId);
    } catch (const std::exception& e) {
        observer.finished("failed", e.what());
        return {runId, "failed", e.what(), 0, {}};
    }
}

} // namespace ptl

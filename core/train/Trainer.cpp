// The training loop: corpus -> tokenizer -> batch -> objective (model, loss) -> AdamW,
// with evaluation, probe snapshots, checkpoints (exact resume), pause and stop, and
// everything recorded in the run store so CLI and GUI runs leave the same record. What a
// batch costs, measures and evaluates, and which modules a checkpoint holds, is the
// objective's (core/train/Objective.h; one per file in core/objectives/).
#include "core/api/Job.h"
#include "core/api/Baselines.h"
#include "core/api/Bench.h"
#include "core/api/Knowledge.h"
#include "core/model/Checkpoint.h"
#include "core/model/Inspect.h"
#include "core/store/RunStore.h"
#include "core/train/AdamW.h"
#include "core/train/Autocast.h"
#include "core/train/DataPipeline.h"
#include "core/train/DynamicsProbe.h"
#include "core/train/Objective.h"
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
            if (spec_.finetune.active()) store_.setParent(runId_, 0, spec_.finetune.checkpoint);
            prepareOutput();
            torch::manual_seed(spec_.train.seed);
            makeModel();
            objective_->initFresh();
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
        tok_ = spec_.distill.active()    ? std::unique_ptr<Tokenizer>(loadTokenizer(spec_.distill.teacher).release())
               : spec_.finetune.active() ? std::unique_ptr<Tokenizer>(loadTokenizer(spec_.finetune.checkpoint).release())
                                         : loadBundledTokenizer(spec_.tokenizer);
        if (tok_->vocabSize() != spec_.model.vocab_size && !spec_.finetune.active())
            throw Error("vocab_size " + std::to_string(spec_.model.vocab_size) + " differs from the tokenizer's " + std::to_string(tok_->vocabSize()),
                        "leave vocab_size at the preset's value");
        if (spec_.finetune.active()) return;  // a labelled task: the objective builds its own batches
        const Corpus corpus = spec_.corpus.empty() ? bundledCorpus() : readCorpus(spec_.corpus);
        if (spec_.model.isErnie()) loadEntities();
        data_ = std::make_unique<DataPipeline>(spec_, *tok_, corpus, entities_.get());
        if (spec_.train.start_seq_len > 0 && spec_.train.start_seq_len < spec_.train.seq_len && spec_.train.start_seq_share > 0) {
            // The short first phase: shorter sequences, as many tokens a step.
            JobSpec s = spec_;
            s.train.seq_len = spec_.train.start_seq_len;
            s.train.batch_size = std::max(1, spec_.train.batch_size * spec_.train.seq_len / spec_.train.start_seq_len);
            s.train.max_predictions = std::max(1, static_cast<int>(std::lround(spec_.train.max_predictions * static_cast<double>(s.train.seq_len) / spec_.train.seq_len)));
            startData_ = std::make_unique<DataPipeline>(s, *tok_, corpus, entities_.get());
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

    // ERNIE: the entity table its K-Encoder reads; the model's entity_count and
    // entity_size must be the table's (a preset leaves the count to the table).
    void loadEntities()
    {
        const std::string dir = spec_.train.knowledge.empty() ? shippedTransEDir() : spec_.train.knowledge;
        entities_ = std::make_unique<EntityTable>(loadEntityTable(dir));
        if (spec_.model.entity_size != entities_->dim())
            throw Error("entity_size " + std::to_string(spec_.model.entity_size) + " differs from the entity table's dimension " +
                            std::to_string(entities_->dim()) + " (" + dir + ")",
                        "set entity_size to " + std::to_string(entities_->dim()) + ", or give a TransE folder of that dimension with --set knowledge=DIR");
        if (spec_.model.entity_count == 0) spec_.model.entity_count = entities_->rows();
        if (spec_.model.entity_count != entities_->rows())
            throw Error("the model's entity table has " + std::to_string(spec_.model.entity_count) + " rows, " + dir + " has " +
                            std::to_string(entities_->rows()),
                        "resume with the TransE folder the run started with");
    }

    void prepareOutput()
    {
        std::error_code ec;
        fs::create_directories(outDir_, ec);
        if (ec)
            throw Error("cannot create the run folder " + outDir_.string() + ": " + ec.message(), "choose a writable --out");
        obs_.started(runId_, outDir_.string());
    }


    // The objective this job trains (core/train/Objective.h), and the model it trains.
    void makeModel()
    {
        ObjectiveContext ctx;
        ctx.spec = &spec_;
        ctx.tok = tok_.get();
        ctx.data = data_.get();
        ctx.entities = entities_.get();
        ctx.bf16 = bf16_;
        ctx.unigramEntropy = unigramEntropy_;
        ctx.evalUnigramLoss = evalUnigramLoss_;
        ctx.record = [this](const std::string& name, double value) { record(name, value); };
        ctx.snapshot = [this](const std::string& kind, const std::string& payload) { snapshot(kind, payload); };
        ctx.step = [this] { return step_; };
        ctx.outDir = outDir_;
        objective_ = makeObjective(ctx);
        model_ = objective_->model();
        // Estimated training FLOPs per token (the equal-compute x-axis).
        flopsPerToken_ = jobFlopsPerToken(spec_);
    }

    double flopsSeen() const { return static_cast<double>(tokensSeen_) * flopsPerToken_; }

    void setTraining(bool on) { objective_->setTraining(on); }

    void makeOptimizer()
    {
        AdamWOptions o;
        o.beta1 = spec_.train.beta1;
        o.beta2 = spec_.train.beta2;
        o.eps = spec_.train.eps;
        o.weightDecay = spec_.train.weight_decay;
        opt_ = std::make_unique<AdamW>(objective_->parameters(), o);
        opt_->setLrScales(objective_->lrScales());
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
        if (data_) {
            const UnigramCounts& train = data_->trainUnigram();
            const UnigramCounts& held = data_->heldOutUnigram();
            record(baseline::unigramEntropy, unigramEntropy_);
            record(baseline::evalUnigramLoss, evalUnigramLoss_);
            record(baseline::evalUnigramAccuracy, train.accuracyOfMostFrequent(held));
        }
        objective_->recordBaselines();
        flushMetrics();
    }

    void evaluate()
    {
        torch::NoGradGuard ng;
        setTraining(false);
        objective_->evaluate();
        if (dynamics_) {
            AutocastScope ac(bf16_);
            TransformerModel predictor = objective_->maskPredictor();
            snapshot("dynamics", dynamicsToJson(dynamics_->measure(model_, predictor, step_)));
        }
        setTraining(true);
        record("flops", flopsSeen());
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
        std::string text = objective_->probeText();
        if (spec_.model.family == Family::Gpt2) {
            for (std::size_t p; (p = text.find("[MASK]")) != std::string::npos;) text.erase(p, 6);
        }
        setTraining(false);
        InspectResult r = inspect(model_, *tok_, spec_.model, text, std::nullopt, 5);
        objective_->probeExtras(r);
        setTraining(true);
        snapshot("attention", inspectToJson(r));
        objective_->probeSnapshots();
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
                TransformerModel mlm = objective_->maskPredictor();
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
        objective_->saveModules(tmp, meta);
        // The unigram counts of the training data: the fill-mask table's "word frequency
        // alone" column and the baseline of anything measured with this checkpoint.
        if (data_) writeFileAtomic(tmp / "unigram.json", data_->trainUnigram().toJson());
        NamedTensors state = opt_->state();
        objective_->saveState(state);
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
        objective_->loadModules(dir);
        const json st = json::parse(readTextFile(dir / "trainer_state.json"), nullptr, false);
        if (st.is_discarded() || !st.contains("step"))
            throw Error((dir / "trainer_state.json").string() + " is damaged", "resume from an earlier checkpoint");
        const auto state = SafetensorsFile::open(dir / "trainer_state.safetensors");
        objective_->loadState(state);
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
            double lossValue = 0;
            std::int64_t tokens = 0;
            objective_->beginStep();
            for (int a = 0; a < t.grad_accum; ++a) {
                last = objective_->ownsData() ? objective_->trainBatch(step_ * t.grad_accum + a)
                       : step_ < startSteps_  ? startData_->trainBatch(step_ * t.grad_accum + a)
                                              : data_->trainBatch((step_ - startSteps_) * t.grad_accum + a);
                torch::Tensor total;
                {
                    AutocastScope ac(bf16_);
                    total = objective_->microBatch(last, 1.0 / t.grad_accum, a == t.grad_accum - 1);
                }
                (total / t.grad_accum).backward();
                lossValue += total.item<double>() / t.grad_accum;
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
                objective_->logStep();
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
            bool early = false;
            if (step_ % t.eval_every == 0 || step_ == total) {
                evaluate();
                evaluatedAtEnd = step_ == total;
                early = step_ < total && objective_->wantsStop();
            }
            if (step_ % t.probe_every == 0 || step_ == 1 || step_ == total) probe(last);
            if (step_ % t.checkpoint_every == 0 || step_ == total || early) {
                flushMetrics();
                writeCheckpoint();
                checkpointedAtEnd = step_ == total;
            }
            if (std::chrono::duration<double>(Clock::now() - lastFlush_).count() > 1.0) flushMetrics();
            if (early) {
                message = objective_->stopReason();
                break;
            }
        }
        if (status == "completed") {
            try {
                torch::NoGradGuard ng;
                setTraining(false);
                objective_->finish();
                setTraining(true);
            } catch (const std::exception& e) {
                status = "failed";
                message = std::string("the run trained but its final evaluation failed: ") + e.what();
            }
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
    std::unique_ptr<EntityTable> entities_;  // ERNIE's entity table
    std::unique_ptr<DataPipeline> data_;
    std::unique_ptr<DataPipeline> startData_;  // the short first phase (start_seq_len), when set
    std::int64_t startSteps_ = 0;
    std::unique_ptr<DynamicsProbe> dynamics_;
    std::unique_ptr<Objective> objective_;
    TransformerModel model_{nullptr};  // the objective's model (ELECTRA: the discriminator)
    double flopsPerToken_ = 0;
    double unigramEntropy_ = 0, evalUnigramLoss_ = 0;
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

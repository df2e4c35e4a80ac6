// The training loop: corpus -> tokenizer -> batch -> objective (model, loss) -> AdamW,
// with evaluation, probe snapshots, checkpoints (exact resume), pause and stop, and
// everything recorded in the run store so CLI and GUI runs leave the same record. What a
// batch costs, measures and evaluates, and which modules a checkpoint holds, is the
// objective's (core/train/Objective.h; one per file in core/objectives/).
#include "core/api/Job.h"
#include "core/api/Baselines.h"
#include "core/api/Bench.h"
#include "core/api/Knowledge.h"
#include "core/api/ParameterCount.h"
#include "core/dist/DistEnv.h"
#include "core/dist/GradReducer.h"
#include "core/dist/ProcessGroup.h"
#include "core/dist/Shard.h"
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
#include <cstdio>
#include <fstream>
#include <thread>
#include <unistd.h>
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
    Trainer(JobSpec spec, const std::string& storePath, JobObserver& obs, StopToken& stop, const DistEnv& env)
        : spec_(std::move(spec)), env_(env), obs_(obs), stop_(stop)
    {
        if (env_.rank == 0) store_ = std::make_unique<RunStore>(storePath);  // the other ranks never touch the store
    }

    RunOutcome start()
    {
        RunOutcome out;
        try {
            if (auto msg = spec_.validate(); !msg.empty())
                throw Error("invalid job: " + msg, "fix the field named above");
            connect();
            if (leader()) store_->requireWritable();  // before minutes of reading the corpus (the ranks hear of it)
            checkMemory();
            prepareData();  // a bad corpus fails here, before any run is recorded
            checkSameJob();
            if (leader()) {
                runId_ = store_->createRun(spec_.name.empty() ? spec_.preset : spec_.name, spec_.toJson().dump(), toString(spec_.model.family),
                                           spec_.objective());
                owns_ = true;
                outDir_ = spec_.out_dir.empty() ? store_->path().parent_path() / "runs" / (std::to_string(runId_) + "-" + safeName())
                                                : fs::path(spec_.out_dir);
                store_->setOutDir(runId_, outDir_.string());
                if (spec_.distill.active()) store_->setParent(runId_, spec_.distill.teacher_run, spec_.distill.teacher);
                if (spec_.finetune.active()) store_->setParent(runId_, 0, spec_.finetune.checkpoint);
                if (dist_) store_->addEvent(runId_, "data-parallel", dataParallelNote());
            }
            if (dist_) runId_ = std::stoll(dist_->broadcastString("run-id", std::to_string(runId_)));
            prepareOutput();
            torch::manual_seed(spec_.train.seed);
            makeModel();
            objective_->initFresh();
            makeOptimizer();
            syncFromLeader();
            t0_ = Clock::now();  // the baselines' wall time is the run's start
            recordBaselines();
            return loop();
        } catch (const PeerFailure& e) {
            return lost(e);
        } catch (const std::exception& e) {
            return fail(e);
        }
    }

    RunOutcome resume(std::int64_t runId)
    {
        try {
            runId_ = runId;
            connect();
            if (leader()) store_->requireWritable();
            std::string checkpoint;
            if (leader()) {
                const auto rec = store_->run(runId);
                if (!rec) throw Error("no run " + std::to_string(runId) + " in " + store_->path().string(), "see 'pretrainlab-cli runs list'");
                if (rec->status == "completed") throw Error("run " + std::to_string(runId) + " already completed", "start a new run instead");
                if (rec->status == "running")
                    throw Error("run " + std::to_string(runId) + " is still running in another process", "stop it first");
                spec_ = JobSpec::fromJson(json::parse(rec->configJson));
                const auto cks = store_->checkpoints(runId);
                if (cks.empty())
                    throw Error("run " + std::to_string(runId) + " has no checkpoint to resume from", "it stopped before its first checkpoint; start it again");
                outDir_ = rec->outDir;
                checkpoint = cks.back().path;
            }
            if (dist_) {
                // The other ranks take the run's configuration from rank 0 (they may not see its store).
                const json shared = json::parse(dist_->broadcastString(
                    "resume", leader() ? json{{"spec", spec_.toJson()}, {"out_dir", outDir_.string()}, {"checkpoint", checkpoint}}.dump() : std::string()));
                if (!leader()) {
                    spec_ = JobSpec::fromJson(shared.at("spec"));
                    outDir_ = shared.at("out_dir").get<std::string>();
                    checkpoint = shared.at("checkpoint").get<std::string>();
                }
            }
            prepareData();
            checkSameJob();
            if (leader()) {
                store_->claimRun(runId);
                owns_ = true;
                if (dist_) store_->addEvent(runId_, "data-parallel", dataParallelNote());
            }
            prepareOutput();
            makeModel();
            makeOptimizer();
            // Rank 0 reads the checkpoint; a rank that sees the same folder reads it too (the
            // objective's extra state with it); syncFromLeader makes every rank rank 0's.
            if (leader() || fs::exists(fs::path(checkpoint) / "trainer_state.json")) loadCheckpoint(checkpoint);
            syncFromLeader();
            if (leader()) {
                store_->deleteMetricsAfter(runId, step_);
                store_->addEvent(runId, "resumed", "resumed from step " + std::to_string(step_) + (dist_ ? " with " + std::to_string(dist_->world()) + " processes" : ""));
            }
            return loop();
        } catch (const PeerFailure& e) {
            return lost(e);
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
        int threads = spec_.train.threads;
        if (dist_ && threads <= 0)  // the cores shared among the ranks on this machine
            threads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / std::max(1, env_.localWorld));
        threads_ = initRuntime(threads);
        bf16_ = spec_.train.precision == Precision::Bf16 || (spec_.train.precision == Precision::Auto && cpuHasFastBf16());
        tok_ = spec_.distill.active()    ? std::unique_ptr<Tokenizer>(loadTokenizer(spec_.distill.teacher).release())
               : spec_.finetune.active() ? std::unique_ptr<Tokenizer>(loadTokenizer(spec_.finetune.checkpoint).release())
                                         : loadBundledTokenizer(spec_.tokenizer);
        if (tok_->vocabSize() != spec_.model.vocab_size && !spec_.finetune.active())
            throw Error("vocab_size " + std::to_string(spec_.model.vocab_size) + " differs from the tokenizer's " + std::to_string(tok_->vocabSize()),
                        "leave vocab_size at the preset's value");
        if (spec_.finetune.active()) return;  // a labelled task: the objective builds its own batches
        const Corpus corpus = spec_.corpus.empty() ? bundledCorpus() : readCorpus(spec_.corpus);
        std::optional<Corpus> extra;
        if (!spec_.extra_corpus.empty()) extra = readCorpus(spec_.extra_corpus);
        if (spec_.model.isErnie()) loadEntities();
        data_ = std::make_unique<DataPipeline>(spec_, *tok_, corpus, entities_.get(), extra ? &*extra : nullptr);
        if (spec_.train.start_seq_len > 0 && spec_.train.start_seq_len < spec_.train.seq_len && spec_.train.start_seq_share > 0) {
            // The short first phase: shorter sequences, as many tokens a step.
            JobSpec s = spec_;
            s.train.seq_len = spec_.train.start_seq_len;
            s.train.batch_size = std::max(1, spec_.train.batch_size * spec_.train.seq_len / spec_.train.start_seq_len);
            s.train.max_predictions = std::max(1, static_cast<int>(std::lround(spec_.train.max_predictions * static_cast<double>(s.train.seq_len) / spec_.train.seq_len)));
            startData_ = std::make_unique<DataPipeline>(s, *tok_, corpus, entities_.get(), extra ? &*extra : nullptr);
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

    // ---- data-parallel (core/dist/)
    bool leader() const { return env_.rank == 0; }

    // An absurd configuration (48 layers of 4,096, a batch of 4,096 x 8,192 tokens) would
    // otherwise be ended by the kernel's OOM killer mid-allocation, the window gone with it.
    void checkMemory() const
    {
        const int local = std::max(1, env_.localWorld);
        const int micro = std::max(1, spec_.train.batch_size / std::max(1, env_.world));
        const MemoryEstimate m = estimateTrainingMemory(spec_.model, micro, spec_.train.seq_len);
        const double need = m.total() * local, have = availableMemoryBytes();
        auto gb = [](double b) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.1f GB", b / 1e9);
            return std::string(buf);
        };
        if (have > 0 && need > 0.9 * have)
            throw Error("this job needs about " + gb(need) + " of memory (weights, gradients and Adam's state " + gb(m.state * local) +
                            ", a batch's activations " + gb(m.activations * local) + "), and the machine has " + gb(have) + " free",
                        "lower batch_size (grad_accum keeps the tokens a step), seq_len, or the model's size");
    }

    void connect()
    {
        if (!env_.active()) return;
        dist_ = std::make_unique<DistGroup>(env_, std::chrono::milliseconds(static_cast<std::int64_t>(spec_.train.dist_timeout * 1000)));
        const int units = spec_.train.batch_size;
        if (units % env_.world != 0)
            throw Error("batch_size " + std::to_string(units) + " does not split evenly among " + std::to_string(env_.world) + " processes",
                        "make batch_size a multiple of the number of processes");
    }

    std::string dataParallelNote() const
    {
        return std::to_string(dist_->world()) + " processes (" + (env_.launcher.empty() ? std::string("launcher") : env_.launcher) + "), " +
               std::to_string(spec_.train.batch_size / dist_->world()) + " of every " + std::to_string(spec_.train.batch_size) +
               " sequences each; rank 0: " + dist_->describe();
    }

    // What every rank must agree on: the program, the job (but for what names and places it)
    // and the data it read. A rank that differs is named, and every rank refuses to start.
    void checkSameJob()
    {
        if (!dist_) return;
        dist_->barrierThroughStore("data-read");
        json mine = spec_.toJson();
        for (const char* k : {"name", "out_dir", "corpus"}) mine.erase(k);
        for (const char* k : {"threads", "processes"}) mine["train"].erase(k);
        mine["binary"] = executableFingerprint();
        if (data_) {
            mine["data"] = {{"train_sequences", data_->trainInstances()}, {"held_out_documents", data_->heldOutDocuments()},
                            {"unigram_entropy", unigramEntropy_}};
        }
        const json theirs = json::parse(dist_->broadcastString("job", mine.dump()));
        std::string diff;
        if (!leader()) {
            const json patch = json::diff(theirs, mine);
            for (const auto& op : patch) {
                if (!diff.empty()) diff += "; ";
                const std::string path = op.value("path", std::string());
                diff += path + (op.contains("value") ? " = " + op["value"].dump() : std::string(" missing")) +
                        (theirs.contains(json::json_pointer(path)) ? " (rank 0: " + theirs[json::json_pointer(path)].dump() + ")" : "");
                if (diff.size() > 600) break;
            }
        }
        const auto bad = dist_->sum({diff.empty() ? 0.0 : 1.0});
        if (bad[0] > 0) {
            const std::string who = diff.empty() ? "another rank" : "rank " + std::to_string(dist_->rank());
            throw Error(who + "'s program, job or data differs from rank 0's" + (diff.empty() ? "" : ": " + diff),
                        "run the same binary with the same configuration and corpus on every rank");
        }
    }

    static std::string executableFingerprint()
    {
        std::ifstream in("/proc/self/exe", std::ios::binary);
        std::uint64_t h = 1469598103934665603ull, n = 0;
        std::vector<char> buf(1 << 20);
        while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
            for (std::streamsize i = 0; i < in.gcount(); ++i) h = (h ^ static_cast<unsigned char>(buf[static_cast<std::size_t>(i)])) * 1099511628211ull;
            n += static_cast<std::uint64_t>(in.gcount());
        }
        char out[64];
        std::snprintf(out, sizeof out, "%016llx/%llu", static_cast<unsigned long long>(h), static_cast<unsigned long long>(n));
        return out;
    }

    // Every rank takes rank 0's weights, optimizer state and position, and its gradient
    // buckets are made.
    void syncFromLeader()
    {
        if (!dist_) return;
        torch::NoGradGuard ng;
        for (auto& [name, p] : opt_->params()) {
            torch::Tensor t = p;
            dist_->broadcast(t);
        }
        NamedTensors st = opt_->state();
        for (auto& [name, t] : st) dist_->broadcast(t);
        auto pos = torch::tensor({static_cast<double>(step_), static_cast<double>(tokensSeen_), elapsedBefore_, static_cast<double>(lastGood_)}, torch::kFloat64);
        dist_->broadcast(pos);
        step_ = static_cast<std::int64_t>(pos[0].item<double>());
        tokensSeen_ = static_cast<std::int64_t>(pos[1].item<double>());
        elapsedBefore_ = pos[2].item<double>();
        lastGood_ = static_cast<std::int64_t>(pos[3].item<double>());
        const auto steps = static_cast<std::int64_t>(pos[0].item<double>());
        if (!leader() && opt_->steps() != steps) opt_->setSteps(steps);
        reducer_ = std::make_unique<GradReducer>(*dist_, opt_->params(), static_cast<std::size_t>(spec_.train.bucket_mb * 1024 * 1024));
    }

    // A collective failed: a rank died, hung past dist_timeout, or the network went.
    RunOutcome lost(const PeerFailure& e)
    {
        std::string who;
        try {
            who = dist_ ? dist_->whoFailed(progress_) : std::string("a rank");
        } catch (const std::exception&) {
            who = "a rank";
        }
        std::string message = "the data-parallel run lost " + who + ": " + e.what() +
                              (lastGood_ >= 0 ? "; resume it from step " + std::to_string(lastGood_) + " with 'pretrainlab-cli resume " + std::to_string(runId_) + "'"
                                              : std::string("; no checkpoint was written yet"));
        reducer_.reset();
        if (owns_) {
            try {
                flushMetricsQuietly();
                store_->setStatus(runId_, "interrupted", message);
                store_->addEvent(runId_, "interrupted", message);
            } catch (const std::exception& e2) {
                message += "\n(the run store could not record it either: " + std::string(e2.what()) + ")";
            }
        }
        if (!leader()) message = "rank " + std::to_string(env_.rank) + ": " + message;
        obs_.finished("interrupted", message);
        return {runId_, "interrupted", message, step_, outDir_.string()};
    }

    void prepareOutput()
    {
        if (!leader()) return;  // rank 0 writes the run's folder
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
        if (env_.active()) {
            ctx.evalRank = env_.rank;
            ctx.evalWorld = env_.world;
            ctx.reduce = [this](std::vector<double> v) { return dist_->sum(std::move(v)); };
        }
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


    void record(const std::string& name, double value)
    {
        if (collecting_) collected_.emplace_back(name, value);  // a step's metrics, averaged over the ranks
        else if (leader()) pending_.push_back({step_, name, value, elapsed()});
    }

    double elapsed() const { return elapsedBefore_ + std::chrono::duration<double>(Clock::now() - t0_).count(); }

    void flushMetrics()
    {
        if (pending_.empty() || !leader()) return;
        if (const std::string why = store_->whyGone(); !why.empty()) {
            pending_.clear();
            throw Error(why + "; this run's rows since then are lost",
                        "its checkpoints in " + outDir_.string() + " are intact: keep the store where it is, or start the run again");
        }
        std::vector<std::pair<std::string, double>> values;
        std::int64_t s = pending_.back().step;
        for (const auto& m : pending_) values.emplace_back(m.name, m.value);
        store_->appendMetrics(runId_, pending_);
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
        if (dynamics_ && leader()) {
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
        if (!leader()) return;
        store_->addSnapshot(runId_, step_, kind, payload, elapsed());
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
        if (!leader()) {  // rank 0 writes it; the others remember where it stands
            lastGood_ = step_;
            return;
        }
        const fs::path final = outDir_ / ("checkpoint-" + std::to_string(step_));
        const fs::path tmp = outDir_ / (".checkpoint-" + std::to_string(step_) + ".partial");
        std::error_code ec;
        fs::remove_all(tmp, ec);
        try {
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
        } catch (...) {
            fs::remove_all(tmp, ec);  // a failed write leaves no half-written folder behind
            throw;
        }
        fs::remove_all(final, ec);
        fs::rename(tmp, final, ec);
        if (ec) throw Error("cannot move checkpoint into place at " + final.string() + ": " + ec.message(), "is the disk full?");
        store_->addCheckpoint(runId_, step_, final.string());
        lastGood_ = step_;
        obs_.checkpointWritten(step_, final.string());
        if (spec_.train.keep_last > 0) {
            auto cks = store_->checkpoints(runId_);
            while (static_cast<int>(cks.size()) > spec_.train.keep_last) {
                // The row first: a crash between the two leaves a stray folder, never a
                // listed checkpoint without its files.
                store_->removeCheckpoint(runId_, cks.front().step);
                fs::remove_all(cks.front().path, ec);
                cks.erase(cks.begin());
            }
        }
    }

    void loadCheckpoint(const fs::path& dir)
    {
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
            if (dist_) {
                if (!syncControl()) {
                    status = "cancelled";
                    message = "stopped at step " + std::to_string(step_);
                    break;
                }
            } else if (stop_.paused() && !stop_.stopRequested()) {
                flushMetrics();
                store_->setStatus(runId_, "paused");
                const auto pausedAt = Clock::now();
                stop_.waitWhilePaused();
                elapsedBefore_ -= std::chrono::duration<double>(Clock::now() - pausedAt).count();  // paused time is not training time
                store_->setStatus(runId_, "running");
            }
            if (stop_.stopRequested()) {
                status = "cancelled";
                message = "stopped at step " + std::to_string(step_);
                break;
            }
            const auto stepStart = Clock::now();
            if (dist_) {
                progress_ = 2 * step_;
                dist_->beat(progress_);
                // Each rank's own dropout, the same after a resume: seeded by step and rank.
                torch::manual_seed(spec_.train.seed * 1000003ull + static_cast<std::uint64_t>(step_) * 4099ull + static_cast<std::uint64_t>(env_.rank) + 1);
                reducer_->zeroGrad();
            } else {
                opt_->zeroGrad();
            }
            double lossValue = 0;
            std::int64_t tokens = 0;
            objective_->beginStep();
            for (int a = 0; a < t.grad_accum; ++a) {
                last = objective_->ownsData() ? objective_->trainBatch(step_ * t.grad_accum + a)
                       : step_ < startSteps_  ? startData_->trainBatch(step_ * t.grad_accum + a)
                                              : data_->trainBatch((step_ - startSteps_) * t.grad_accum + a);
                if (dist_) {
                    last = shardBatch(last, env_.rank, env_.world);
                    if (a == t.grad_accum - 1) reducer_->arm();
                }
                torch::Tensor total;
                {
                    AutocastScope ac(bf16_);
                    total = objective_->microBatch(last, 1.0 / t.grad_accum, a == t.grad_accum - 1);
                }
                (total / t.grad_accum).backward();
                lossValue += total.item<double>() / t.grad_accum;
                tokens += last.tokens;
            }
            double gradDivisor = 1;  // data-parallel: the buckets hold the sum over ranks
            if (dist_) {
                progress_ = 2 * step_ + 1;
                dist_->beat(progress_);
                reducer_->finish();
                const auto v = dist_->sum({lossValue, static_cast<double>(tokens)});
                lossValue = v[0] / dist_->world();
                tokens = static_cast<std::int64_t>(v[1]);
                gradDivisor = dist_->world();
            }
            if (t.debug_nan_step > 0 && step_ + 1 == t.debug_nan_step) lossValue = std::nan("");
            const double gradNorm = opt_->gradNorm() / gradDivisor;
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
            opt_->step(lr, clipScale / gradDivisor);
            if (dist_ && !overlapNoted_ && leader()) {
                // Once: how the gradient exchange went (did it overlap backward?).
                char note[200];
                std::snprintf(note, sizeof note, "%d gradient buckets (%.1f MB in all, bucket_mb %.1f); %d started during backward, the rest after it",
                              reducer_->bucketCount(), static_cast<double>(reducer_->totalBytes()) / 1e6, spec_.train.bucket_mb,
                              reducer_->overlappedLastStep());
                store_->addEvent(runId_, "gradient-exchange", note);
                overlapNoted_ = true;
            }
            ++step_;
            tokensSeen_ += tokens;
            const double secs = std::chrono::duration<double>(Clock::now() - stepStart).count();
            emaStep = emaStep == 0 ? secs : 0.9 * emaStep + 0.1 * secs;
            const double tps = static_cast<double>(tokens) / std::max(1e-9, emaStep * (secs > 0 ? 1.0 : 1.0));
            if (step_ % t.log_every == 0 || step_ == total) {
                record("loss", lossValue);
                logObjectiveStep();
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
            if (leader()) obs_.progress(pi);
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
        reducer_.reset();
        if (leader()) {
            store_->setStatus(runId_, status, message);
            store_->addEvent(runId_, status, message);
        }
        if (leader() || status != "completed") obs_.finished(status, message);
        return {runId_, status, message, step_, outDir_.string()};
    }

    // The objective's step metrics; data-parallel: each the mean over the ranks' shares.
    void logObjectiveStep()
    {
        if (!dist_) {
            objective_->logStep();
            return;
        }
        collecting_ = true;
        collected_.clear();
        try {
            objective_->logStep();
        } catch (...) {
            collecting_ = false;
            throw;
        }
        collecting_ = false;
        std::vector<double> v;
        for (const auto& [name, value] : collected_) v.push_back(value);
        v = dist_->sum(std::move(v));
        for (std::size_t i = 0; i < v.size(); ++i) record(collected_[i].first, v[i] / dist_->world());
    }

    // Data-parallel: every rank learns at the same step whether to stop or pause (any
    // rank's request counts). False: stop.
    bool syncControl()
    {
        auto flags = [&] { return dist_->sum({stop_.stopRequested() ? 1.0 : 0.0, stop_.paused() ? 1.0 : 0.0}); };
        auto c = flags();
        if (c[0] > 0) return false;
        if (c[1] == 0) return true;
        flushMetrics();
        if (leader()) store_->setStatus(runId_, "paused");
        const auto pausedAt = Clock::now();
        while (c[0] == 0 && c[1] > 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the ranks keep in touch while paused
            c = flags();
        }
        elapsedBefore_ -= std::chrono::duration<double>(Clock::now() - pausedAt).count();
        if (leader()) store_->setStatus(runId_, "running");
        return c[0] == 0;
    }

    RunOutcome fail(const std::exception& e)
    {
        std::string message;
        if (const auto* pe = dynamic_cast<const Error*>(&e)) message = pe->full();
        else if (const auto* ce = dynamic_cast<const c10::Error*>(&e)) message = ce->what_without_backtrace();
        else message = e.what();
        if (dist_) dist_->reportFailure(message);
        if (!leader()) message = "rank " + std::to_string(env_.rank) + ": " + message;
        reducer_.reset();
        if (owns_) {  // a resume that never started leaves the run as it was (still resumable)
            try {
                flushMetricsQuietly();
                store_->setStatus(runId_, "failed", message);
                store_->addEvent(runId_, "failed", message);
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
    DistEnv env_;
    std::unique_ptr<RunStore> store_;  // rank 0's only
    std::unique_ptr<DistGroup> dist_;  // data-parallel: the other ranks
    std::unique_ptr<GradReducer> reducer_;
    std::int64_t progress_ = 0;        // what dist_->beat last said
    bool overlapNoted_ = false;
    bool collecting_ = false;
    std::vector<std::pair<std::string, double>> collected_;
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
    if (spec.train.processes > 1) {
        // Several processes are started by a launcher, never inside this one.
        const std::string m = "processes = " + std::to_string(spec.train.processes) +
                              " trains through 'pretrainlab-cli train --nproc N' (or torchrun / mpirun), not inside this process\n"
                              "HINT: run that command, or set processes to 1";
        observer.finished("failed", m);
        return {0, "failed", m, 0, {}};
    }
    return runJob(spec, storePath, observer, stop, DistEnv{});
}

RunOutcome resumeJob(std::int64_t runId, const std::string& storePath, JobObserver& observer, StopToken& stop)
{
    return resumeJob(runId, storePath, observer, stop, DistEnv{});
}

RunOutcome runJob(const JobSpec& spec, const std::string& storePath, JobObserver& observer, StopToken& stop, const DistEnv& env)
{
    try {
        Trainer t(spec, storePath, observer, stop, env);
        return t.start();
    } catch (const std::exception& e) {  // the store itself could not be opened
        observer.finished("failed", e.what());
        return {0, "failed", e.what(), 0, {}};
    }
}

RunOutcome resumeJob(std::int64_t runId, const std::string& storePath, JobObserver& observer, StopToken& stop, const DistEnv& env)
{
    try {
        Trainer t(JobSpec{}, storePath, observer, stop, env);
        return t.resume(runId);
    } catch (const std::exception& e) {
        observer.finished("failed", e.what());
        return {runId, "failed", e.what(), 0, {}};
    }
}

} // namespace ptl

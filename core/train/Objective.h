#pragma once
// What the training loop (core/train/Trainer.cpp) asks of an objective. The loop keeps the
// data, the stepping (gradient accumulation, clipping, the learning-rate schedule, AdamW),
// pause and stop, checkpoints and the run store; an objective says what a batch costs and
// measures, what it evaluates, which modules and extra state it saves and resumes, and
// what it adds to the views' snapshots. One objective per file (core/objectives/):
// pre-training (masked LM with NSP/SOP, causal LM), ELECTRA, distillation.
#include "core/api/JobSpec.h"
#include "core/model/Inspect.h"
#include "core/model/Safetensors.h"
#include "core/model/Transformer.h"
#include "core/train/DataPipeline.h"

#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ptl {

// What the loop lends an objective for its lifetime.
struct ObjectiveContext {
    const JobSpec* spec = nullptr;
    const Tokenizer* tok = nullptr;
    const DataPipeline* data = nullptr;  // the corpus's batches; null when the objective has its own (ownsData)
    const EntityTable* entities = nullptr;  // ERNIE's entity table (the model's entity_table is a copy)
    bool bf16 = false;              // autocast to bf16 (the loop opens the scope)
    double unigramEntropy = 0;      // of what the model predicts, over the training data (nats)
    double evalUnigramLoss = 0;     // the training unigram's cross-entropy on the held-out data
    std::function<void(const std::string& name, double value)> record;               // a metric at the current step
    std::function<void(const std::string& kind, const std::string& payload)> snapshot; // a view's snapshot at the current step
    std::function<std::int64_t()> step;                                               // updates done so far
    std::filesystem::path outDir;                                                     // the run's folder
    // Data-parallel training: this rank evaluates held-out batches evalRank, evalRank +
    // evalWorld, ... and reduce() sums a vector over the ranks (identity in one process).
    int evalRank = 0, evalWorld = 1;
    std::function<std::vector<double>(std::vector<double>)> reduce = [](std::vector<double> v) { return v; };
};

class Objective {
public:
    explicit Objective(ObjectiveContext ctx) : ctx_(std::move(ctx)) {}
    virtual ~Objective() = default;
    Objective(const Objective&) = delete;
    Objective& operator=(const Objective&) = delete;

    // ---- modules
    // The network being trained that the views inspect (ELECTRA: the discriminator).
    virtual TransformerModel model() const = 0;
    // The network that fills [MASK] in the views (ELECTRA: the generator).
    virtual TransformerModel maskPredictor() const { return model(); }
    // A fresh run only, after the seed is set: weights taken from elsewhere (a teacher).
    virtual void initFresh() {}
    // What the optimizer trains, with the names its state is saved under.
    virtual std::vector<std::pair<std::string, torch::Tensor>> parameters() = 0;
    // A learning-rate multiplier per parameter of parameters(), in order (empty: all 1).
    virtual std::vector<double> lrScales() const { return {}; }
    virtual void setTraining(bool on) { model()->train(on); }

    // ---- data: a labelled task brings its own batches instead of the corpus's
    virtual bool ownsData() const { return false; }
    // Micro-batch number index (a pure function of it and the seed, for exact resume).
    virtual Batch trainBatch(std::int64_t index) const;

    // ---- a training step
    // The metrics baselines of this objective, recorded at step 0 (the loop records the
    // unigram entropy, its held-out loss and the most-frequent-token accuracy).
    virtual void recordBaselines() {}
    virtual void beginStep() {}  // a new optimizer step: reset what the micro-batches accumulate
    // One micro-batch: the loss to differentiate. Its measurements are kept, weighted by
    // share (1 / gradient-accumulation steps), for logStep. keepForView: the last
    // micro-batch of a step, whose tensors the views may show.
    virtual torch::Tensor microBatch(const Batch& b, double share, bool keepForView) = 0;
    // The step's own metrics, on logging steps (recorded after "loss", before "lr").
    virtual void logStep() = 0;

    // ---- evaluation: the held-out batches, in eval mode without gradient; records eval_*.
    virtual void evaluate() = 0;

    // True after an evaluation when training should end early (fine-tuning's patience).
    virtual bool wantsStop() const { return false; }
    // A run that completed (or stopped early): the objective's last word, e.g. the best dev
    // checkpoint scored on the test split. Records metrics at the final step.
    virtual void finish() {}
    // One line on why it stopped early (wantsStop), for the run's status message.
    virtual std::string stopReason() const { return {}; }

    // ---- views
    // The text the attention probe runs on.
    virtual std::string probeText() const { return spec().train.probe_text; }
    virtual void probeExtras(InspectResult&) {}  // before the attention snapshot is sent
    virtual void probeSnapshots() {}             // snapshots of its own, after it

    // ---- checkpoints
    virtual void saveModules(const std::filesystem::path& dir, const std::map<std::string, std::string>& meta);
    virtual void loadModules(const std::filesystem::path& dir);
    virtual void saveState(NamedTensors&) const {}       // extra trained state, beside the optimizer's
    virtual void loadState(const SafetensorsFile&) {}

protected:
    const JobSpec& spec() const { return *ctx_.spec; }
    const Tokenizer& tok() const { return *ctx_.tok; }
    const DataPipeline& data() const { return *ctx_.data; }
    const std::filesystem::path& outDir() const { return ctx_.outDir; }
    void record(const std::string& name, double value) const { ctx_.record(name, value); }
    void snapshot(const std::string& kind, const std::string& payload) const { ctx_.snapshot(kind, payload); }
    std::int64_t step() const { return ctx_.step(); }
    static double ratio(double loss, double base) { return base > 0 ? loss / base : std::nan(""); }

    ObjectiveContext ctx_;
};

// The objective a job trains: fine-tuning when it names a task, distillation when it has
// a teacher, ELECTRA for that family, pre-training otherwise.
std::unique_ptr<Objective> makeObjective(const ObjectiveContext& ctx);

// Defined in core/objectives/*Objective.cpp.
std::unique_ptr<Objective> makePretrainObjective(const ObjectiveContext& ctx);
std::unique_ptr<Objective> makeElectraObjective(const ObjectiveContext& ctx);
std::unique_ptr<Objective> makeDistillObjective(const ObjectiveContext& ctx);
std::unique_ptr<Objective> makeFinetuneObjective(const ObjectiveContext& ctx);

} // namespace ptl

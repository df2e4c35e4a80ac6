// Fine-tuning in the training loop (GPT-1, Radford et al. 2018; BERT, Devlin et al. 2019):
// a pre-trained checkpoint without its pre-training heads, a new task head initialised
// N(0, 0.02), the body at body_lr_factor x the head's learning rate (and layer_decay per
// layer below the top), optional freezing, GPT-1's input transformation with three new
// learned tokens and its auxiliary LM loss, evaluation on the task's dev split with early
// stopping, the best dev checkpoint kept in best/ and scored on the test split at the end.
//
// Inputs, as the papers build them:
//   BERT family, one text:  [CLS] text [SEP]            -> the classifier reads [CLS]
//   BERT family, a pair:    [CLS] a [SEP] b [SEP], segments 0 / 1
//   GPT, one text:          [start] text [extract]      -> the classifier reads [extract]
//   GPT, a pair:            [start] a [delim] b [extract]
//   tagging: the label of a word sits on its first sub-token (GPT: its last, the first
//   position that has seen the whole word).
// Heads: BERT and ALBERT use their pre-trained pooler (tanh) and a new linear layer;
// ELECTRA a new dense + GELU + linear (ElectraClassificationHead); DistilBERT a new dense +
// ReLU + linear (pre_classifier, classifier); GPT one linear layer on the [extract] state.
#include "core/api/Finetune.h"
#include "core/api/Tasks.h"
#include "core/tasks/Squad.h"
#include "core/tasks/TaskEncoding.h"
#include "core/knowledge/EntityAlignment.h"
#include "core/model/Checkpoint.h"
#include "core/model/Safetensors.h"
#include "core/model/StateDict.h"
#include "core/train/Autocast.h"
#include "core/train/Objective.h"
#include "core/util/Error.h"
#include "core/util/Hash.h"
#include "core/util/Files.h"

#include <cstring>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace ptl {
namespace {

// A permutation of 0..n-1 for a seed (Fisher-Yates on splitmix: the same on every platform).
std::vector<int> permutation(int n, std::uint64_t seed)
{
    std::vector<int> p(static_cast<std::size_t>(n));
    std::iota(p.begin(), p.end(), 0);
    for (int i = n - 1; i > 0; --i) std::swap(p[static_cast<std::size_t>(i)], p[splitmix64(seed * 0x100000001b3ull + static_cast<std::uint64_t>(i)) % (i + 1)]);
    return p;
}

class TaskHeadImpl : public torch::nn::Module {
public:
    TaskHeadImpl(int hidden, int classes, bool dense)
    {
        if (dense) this->dense = register_module("dense", torch::nn::Linear(hidden, hidden));
        out = register_module("out", torch::nn::Linear(hidden, classes));
        torch::NoGradGuard ng;
        for (auto& p : parameters()) {
            if (p.dim() >= 2) p.normal_(0.0, 0.02);
            else p.zero_();
        }
    }
    torch::nn::Linear dense{nullptr}, out{nullptr};
};
TORCH_MODULE(TaskHead);

using Encoded = TaskInput;

// ERNIE: aligns task texts with the entity table of a checkpoint folder (its entities.tsv).
struct TaskEntities {
    EntityTable names;  // rows only; the vectors are in the model
    std::unique_ptr<EntityAligner> aligner;
    TaskEntities(const fs::path& checkpointDir, const Tokenizer& tok) : names(entityTableOf(readEntityNames(checkpointDir)))
    {
        aligner = std::make_unique<EntityAligner>(WordNet::installed(), names, tok);
    }
    std::function<std::vector<int>(const std::string&, const std::vector<int>&)> rowsOf() const
    {
        const EntityAligner* a = aligner.get();
        return [a](const std::string& text, const std::vector<int>& ids) { return a->align(text, ids); };
    }
};

// The task logits, (B, C) for classification or (B, T, C) for tagging, in fp32, and the
// body's last hidden states: one function for training, evaluation and `predict`.
std::pair<torch::Tensor, torch::Tensor> taskForward(TransformerModel& model, TaskHead& head, Family family, TaskKind kind, bool pooler,
                                                    const torch::Tensor& ids, const torch::Tensor& typeIds, const torch::Tensor& mask,
                                                    const torch::Tensor& readout, double p, bool training, const torch::Tensor& entityIds = {})
{
    ForwardOptions o;
    o.heads = false;
    o.entityIds = entityIds;  // ERNIE: the K-Encoder's entities (undefined: the token stream alone)
    const ModelOutput out = model->forward(ids, typeIds, mask, o);
    torch::Tensor logits;
    if (kind == TaskKind::Classification) {
        auto r = out.last_hidden.index({torch::arange(ids.size(0)), readout});  // (B, H)
        if (pooler) r = torch::tanh(model->pooler->forward(r));
        r = torch::dropout(r, p, training);
        if (head->dense) {
            r = head->dense->forward(r);
            r = family == Family::DistilBert ? torch::relu(r) : torch::gelu(r);
            r = torch::dropout(r, p, training);
        }
        logits = head->out->forward(r);
    } else {
        logits = head->out->forward(torch::dropout(out.last_hidden, p, training));
    }
    return {logits.to(torch::kFloat32), out.last_hidden};
}

// ---- reading comprehension
struct SpanRows {
    torch::Tensor ids, types, mask, lm, labels;
    std::int64_t tokens = 0;
};

SpanRows spanRows(const std::vector<const SpanWindow*>& rows, std::int64_t pad)
{
    const auto R = static_cast<std::int64_t>(rows.size());
    std::int64_t T = 0;
    for (const SpanWindow* w : rows) T = std::max<std::int64_t>(T, static_cast<std::int64_t>(w->ids.size()));
    SpanRows r;
    r.ids = torch::full({R, T}, pad, torch::kInt64);
    r.types = torch::zeros({R, T}, torch::kInt64);
    r.mask = torch::zeros({R, T}, torch::kInt64);
    r.lm = torch::full({R, T}, -100, torch::kInt64);
    r.labels = torch::zeros({R, 2}, torch::kInt64);
    auto pi = r.ids.accessor<std::int64_t, 2>(), pt = r.types.accessor<std::int64_t, 2>(), pm = r.mask.accessor<std::int64_t, 2>();
    auto pl = r.lm.accessor<std::int64_t, 2>(), pg = r.labels.accessor<std::int64_t, 2>();
    for (std::int64_t i = 0; i < R; ++i) {
        const SpanWindow& w = *rows[static_cast<std::size_t>(i)];
        const auto n = static_cast<std::int64_t>(w.ids.size());
        for (std::int64_t t = 0; t < n; ++t) {
            pi[i][t] = w.ids[static_cast<std::size_t>(t)];
            pt[i][t] = w.types[static_cast<std::size_t>(t)];
            pm[i][t] = 1;
            if (t + 1 < n) pl[i][t] = w.ids[static_cast<std::size_t>(t + 1)];
        }
        pg[i][0] = w.startLabel;
        pg[i][1] = w.endLabel;
        r.tokens += n;
    }
    return r;
}

// Padding can be neither a start nor an end.
torch::Tensor maskSpanLogits(const torch::Tensor& logits, const torch::Tensor& mask)
{
    return logits.masked_fill(mask.eq(0).unsqueeze(-1), -1e4);
}

// run_squad's loss: the mean of the start and the end position's cross-entropy.
torch::Tensor spanLoss(const torch::Tensor& logits, const torch::Tensor& labels)
{
    namespace F = torch::nn::functional;
    return 0.5 * (F::cross_entropy(logits.select(2, 0), labels.select(1, 0)) + F::cross_entropy(logits.select(2, 1), labels.select(1, 1)));
}

std::vector<squad::WindowScores> windowScores(const std::vector<const SpanWindow*>& rows, const torch::Tensor& logits)
{
    const auto l = logits.to(torch::kFloat32).contiguous();
    auto a = l.accessor<float, 3>();
    std::vector<squad::WindowScores> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const SpanWindow& w = *rows[i];
        squad::WindowScores s;
        const auto n = w.ids.size();
        s.start.resize(n);
        s.end.resize(n);
        for (std::size_t t = 0; t < n; ++t) {
            s.start[t] = a[static_cast<std::int64_t>(i)][static_cast<std::int64_t>(t)][0];
            s.end[t] = a[static_cast<std::int64_t>(i)][static_cast<std::int64_t>(t)][1];
        }
        s.tokenWord = w.tokenWord;
        s.maxContext = w.maxContext;
        s.nullPos = w.nullPos;
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<double> softmax(const std::vector<float>& v)
{
    std::vector<double> p(v.size());
    if (v.empty()) return p;
    const double m = *std::max_element(v.begin(), v.end());
    double z = 0;
    for (std::size_t i = 0; i < v.size(); ++i) z += p[i] = std::exp(static_cast<double>(v[i]) - m);
    for (auto& x : p) x /= z;
    return p;
}

// What the views show of one question: every passage word's start and end probability
// (summed over its sub-tokens, in the window where they have the most context), the best
// span and the no-answer decision.
void fillSpanView(TaskPrediction& p, const TaskExample& e, const std::vector<squad::WindowScores>& scores, const squad::SpanChoice& c,
                  double threshold)
{
    p.question = e.texts.empty() ? std::string() : e.texts.front();
    p.passage = e.texts.size() > 1 ? e.texts[1] : std::string();
    p.words = e.words;
    p.offsets = e.offsets;
    p.startProbs.assign(e.words.size(), 0.0);
    p.endProbs.assign(e.words.size(), 0.0);
    for (const auto& w : scores) {
        const auto ps = softmax(w.start), pe = softmax(w.end);
        for (std::size_t t = 0; t < w.tokenWord.size(); ++t) {
            const int word = w.tokenWord[t];
            if (word < 0 || t >= w.maxContext.size() || !w.maxContext[t] || static_cast<std::size_t>(word) >= e.words.size()) continue;
            p.startProbs[static_cast<std::size_t>(word)] += ps[t];
            p.endProbs[static_cast<std::size_t>(word)] += pe[t];
        }
    }
    p.spanFirst = c.firstWord;
    p.spanLast = c.lastWord;
    p.span = squad::spanText(p.passage, e.words, e.offsets, c.firstWord, c.lastWord);
    p.nullDiff = c.nullDiff();
    p.threshold = threshold;
    p.answered = !p.span.empty() && p.nullDiff <= threshold;
    p.answer = p.answered ? p.span : std::string();
    p.windows = static_cast<int>(scores.size());
}

json spanViewJson(const TaskPrediction& p)
{
    return {{"question", p.question}, {"passage", p.passage}, {"words", p.words}, {"offsets", p.offsets}, {"start_probs", p.startProbs},
            {"end_probs", p.endProbs}, {"span_words", {p.spanFirst, p.spanLast}}, {"span", p.span}, {"null_diff", p.nullDiff},
            {"threshold", p.threshold}, {"answered", p.answered}, {"answer", p.answer}, {"windows", p.windows}};
}

template <class Name>
json spanView(const TaskExample& e, const std::vector<SpanWindow>& wins, const std::vector<squad::WindowScores>& scores, const squad::SpanChoice& c,
              double threshold, Name tokenName)
{
    TaskPrediction p;
    fillSpanView(p, e, scores, c, threshold);
    json j = spanViewJson(p);
    j["answers"] = e.answers;
    j["gold_words"] = {e.answerFirst, e.answerLast};
    j["exact"] = squad::exactMatch(p.answer, e.answers);
    j["f1"] = squad::tokenF1(p.answer, e.answers);
    if (!wins.empty()) {
        json input = json::array();
        for (auto id : wins.front().ids) input.push_back(tokenName(id));
        j["input"] = input;  // the first window exactly as fed
    }
    return j;
}

struct SplitResult {
    double loss = 0;
    std::vector<int> predicted;  // aligned with goldLabels()
    std::vector<std::vector<float>> probs;  // classification: per example
};

// Keeps n examples of a split (0: all), a fixed random subset in the split's order.
void keepSubset(std::vector<TaskExample>& v, int n, std::uint64_t seed)
{
    if (n <= 0 || n >= static_cast<int>(v.size())) return;
    std::vector<int> idx = permutation(static_cast<int>(v.size()), seed);
    idx.resize(static_cast<std::size_t>(n));
    std::sort(idx.begin(), idx.end());
    std::vector<TaskExample> kept;
    kept.reserve(idx.size());
    for (int i : idx) kept.push_back(std::move(v[static_cast<std::size_t>(i)]));
    v = std::move(kept);
}

class FinetuneObjective final : public Objective {
public:
    explicit FinetuneObjective(const ObjectiveContext& ctx) : Objective(ctx)
    {
        const FinetuneConfig& f = spec().finetune;
        task_ = buildTask(f.task, f.task_seed);
        gpt_ = spec().model.family == Family::Gpt2;
        ModelConfig c = spec().model;
        if (gpt_) {
            // GPT-1's three new learned tokens, appended to the vocabulary.
            start_ = c.vocab_size;
            delim_ = c.vocab_size + 1;
            extract_ = c.vocab_size + 2;
            c.vocab_size += 3;
        }
        format_ = TaskInputFormat::forModel(tok(), gpt_, spec().model.vocab_size, spec().train.seq_len);
        if (c.isErnie()) {
            entities_ = std::make_unique<TaskEntities>(fs::path(f.checkpoint), tok());
            format_.entities = entities_->rowsOf();
        }
        model_ = TransformerModel(c);
        span_ = task_.kind == TaskKind::Span;
        const bool dense = !gpt_ && !model_->pooler && task_.kind != TaskKind::Tagging && !span_;
        // Multiple choice: one score per candidate sequence, a softmax over the candidates;
        // reading comprehension: a start and an end logit per token (BERT's run_squad).
        head_ = TaskHead(c.hidden_size, span_ ? 2 : task_.kind == TaskKind::MultipleChoice ? 1 : static_cast<int>(task_.labels.size()), dense);
        // All examples, or a fixed subset of each split, chosen by task_seed: the same for a
        // pre-trained and a from-scratch run (the transfer experiment compares them on it),
        // and the baselines are fitted and scored on the same subsets as the model.
        const std::uint64_t ts = f.task_seed;
        keepSubset(task_.train, f.max_train_examples, ts ^ 0x5eedull);
        keepSubset(task_.dev, f.max_eval_examples, ts ^ 0xde5ull);
        keepSubset(task_.test, f.max_eval_examples, ts ^ 0x7e57ull);
        if (span_) {
            // Every window of a training passage is a training row; dev and test are scored per question.
            for (const auto& e : task_.train) trainWin_.push_back(encodeSpan(e));
            for (const auto& e : task_.dev) devWin_.push_back(encodeSpan(e));
            for (const auto& e : task_.test) testWin_.push_back(encodeSpan(e));
            for (std::size_t i = 0; i < trainWin_.size(); ++i)
                for (const SpanWindow& w : trainWin_[i]) trainRows_.push_back(&w);
        } else {
            for (const auto& e : task_.train) train_.push_back(encode(e));
            for (const auto& e : task_.dev) dev_.push_back(encode(e));
            for (const auto& e : task_.test) test_.push_back(encode(e));
        }
        if (task_.kind == TaskKind::Tagging) {
            std::vector<std::int64_t> n(task_.labels.size(), 0);
            for (const auto& e : task_.train)
                for (int g : e.tags) ++n[static_cast<std::size_t>(g)];
            majorityTag_ = static_cast<int>(std::max_element(n.begin(), n.end()) - n.begin());
        }
        if (train_.empty() && trainRows_.empty()) throw Error("task " + task_.name + " has no training examples", "check max_train_examples");
    }

    TransformerModel model() const override { return model_; }

    void initFresh() override
    {
        const FinetuneConfig& f = spec().finetune;
        if (f.from_scratch && !model_->config().isErnie()) return;  // the control arm: the architecture alone, randomly initialised
        const LoadedModel pre = loadCheckpoint(f.checkpoint);
        torch::NoGradGuard ng;
        if (f.from_scratch) {  // ERNIE's control arm still reads its entity table: knowledge, not pre-training
            model_->entityTable.copy_(pre.model->entityTable);
            return;
        }
        auto src = pre.model->named_parameters(true);
        for (auto& item : pre.model->named_buffers(true)) src.insert(item.key(), item.value());
        auto copyInto = [&](const std::string& name, torch::Tensor dst) {
            const torch::Tensor* s = src.find(name);
            if (!s) throw Error(f.checkpoint + " has no tensor for " + name, "fine-tune a checkpoint of the model named in config.json");
            if (s->sizes() == dst.sizes()) {
                dst.copy_(*s);
            } else if (gpt_ && s->dim() >= 1 && dst.dim() == s->dim() && dst.size(0) == s->size(0) + 3 &&
                       dst.narrow(0, 0, s->size(0)).sizes() == s->sizes()) {
                dst.narrow(0, 0, s->size(0)).copy_(*s);  // the new tokens' rows keep their N(0, 0.02) init
                if (dst.dim() >= 2) dst.narrow(0, s->size(0), 3).normal_(0.0, 0.02);
                else dst.narrow(0, s->size(0), 3).zero_();
            } else {
                throw Error(f.checkpoint + ": " + name + " has shape " + shape(*s) + " but the model needs " + shape(dst),
                            "the job's model settings differ from the checkpoint's config.json; only dropout may be changed");
            }
        };
        for (auto& item : model_->named_parameters(true)) copyInto(item.key(), item.value());
        for (auto& item : model_->named_buffers(true)) copyInto(item.key(), item.value());
    }

    std::vector<std::pair<std::string, torch::Tensor>> parameters() override
    {
        params_.clear();
        scales_.clear();
        const FinetuneConfig& f = spec().finetune;
        const int L = spec().model.num_layers;
        const bool shared = spec().model.sharing != Sharing::None;
        for (auto& item : model_->named_parameters(true)) {
            const std::string& n = item.key();
            // The pre-training heads are dropped (GPT keeps its tied LM head for the
            // auxiliary loss: it is the word embedding itself).
            if (n.rfind("pair_classifier", 0) == 0 || n.rfind("mlm_", 0) == 0 || n.rfind("disc_", 0) == 0 || n.rfind("entity_", 0) == 0) {
                item.value().set_requires_grad(false);
                continue;
            }
            if (!usesPooler() && n.rfind("pooler", 0) == 0) {
                item.value().set_requires_grad(false);
                continue;
            }
            const int layer = layerOf(n);  // -1 embeddings, L top (pooler, final norm)
            const bool frozen = (layer == -1 && f.freeze_embeddings) || (layer >= 0 && layer < f.freeze_layers);
            item.value().set_requires_grad(!frozen);
            if (frozen) continue;
            const int below = shared && layer >= 0 ? 0 : std::max(0, L - 1 - layer);
            params_.emplace_back("body." + n, item.value());
            scales_.push_back(f.body_lr_factor * std::pow(f.layer_decay, layer >= L ? 0 : layer < 0 ? L : below));
        }
        for (auto& item : head_->named_parameters(true)) {
            params_.emplace_back("head." + item.key(), item.value());
            scales_.push_back(1.0);
        }
        return params_;
    }

    std::vector<double> lrScales() const override { return scales_; }

    void setTraining(bool on) override
    {
        model_->train(on);
        head_->train(on);
    }

    bool ownsData() const override { return true; }

    Batch trainBatch(std::int64_t index) const override
    {
        const int B = spec().train.batch_size;
        const auto n = static_cast<std::int64_t>(span_ ? trainRows_.size() : train_.size());
        std::vector<int> which;
        for (int j = 0; j < B; ++j) {
            const std::int64_t k = index * B + j;
            const std::uint64_t epoch = static_cast<std::uint64_t>(k / n);
            if (epoch != cachedEpoch_) {
                cachedOrder_ = permutation(static_cast<int>(n), spec().train.seed * 1000003ull + epoch);
                cachedEpoch_ = epoch;
            }
            which.push_back(cachedOrder_[static_cast<std::size_t>(k % n)]);
        }
        if (span_) {
            std::vector<const SpanWindow*> rows;
            for (int i : which) rows.push_back(trainRows_[static_cast<std::size_t>(i)]);
            return collateSpan(rows);
        }
        return collate(train_, which);
    }

    void recordBaselines() override
    {
        record("task_train_examples", static_cast<double>(train_.size()));
        record("task_dev_examples", static_cast<double>(dev_.size()));
        record("task_test_examples", static_cast<double>(test_.size()));
        if (span_) record("task_train_windows", static_cast<double>(trainRows_.size()));
        const TaskBaselines b = taskBaselines(task_);
        const std::string m = taskMetric(task_.kind);
        record("dev_majority_" + m, b.majorityDevScore());
        record("test_majority_" + m, b.majorityTestScore());
        record("dev_simple_" + m, b.simpleDevScore());
        record("test_simple_" + m, b.simpleTestScore());
        if (span_) {
            record("dev_simple_exact", b.spanSimpleDev.exact);
            record("test_simple_exact", b.spanSimpleTest.exact);
        } else {
            record("dev_simple_macro_f1", b.simpleDev.macroF1);
            record("test_simple_macro_f1", b.simpleTest.macroF1);
        }
        baselines_ = b;
    }

    void beginStep() override
    {
        taskLoss_ = lmLoss_ = accuracy_ = 0;
    }

    torch::Tensor microBatch(const Batch& b, double share, bool) override
    {
        auto [logits, hidden] = forward(b);
        torch::Tensor task = taskLoss(logits, b);
        torch::Tensor total = task;
        if (gpt_ && spec().finetune.lm_weight > 0) {
            auto lm = torch::nn::functional::cross_entropy(model_->tokenLogits(hidden).to(torch::kFloat32).flatten(0, 1), b.labels.flatten(),
                                                           torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100));
            total = task + spec().finetune.lm_weight * lm;
            lmLoss_ += share * lm.item<double>();
        }
        taskLoss_ += share * task.item<double>();
        torch::NoGradGuard ng;
        const auto pred = logits.argmax(-1);
        if (span_) {
            // The share of rows whose start and end are both right (argmax, as trained).
            const auto se = logits.argmax(1);  // (B, 2)
            accuracy_ += share * se.eq(b.spanLabels).all(1).to(torch::kFloat64).mean().item<double>();
        } else if (task_.kind != TaskKind::Tagging) {
            accuracy_ += share * pred.eq(b.classLabels).to(torch::kFloat64).mean().item<double>();
        } else {
            const auto m = b.tokenLabels.ne(-100);
            accuracy_ += share * (pred.eq(b.tokenLabels) & m).sum().item<double>() / std::max<double>(1, m.sum().item<double>());
        }
        return total;
    }

    void logStep() override
    {
        record("task_loss", taskLoss_);
        if (gpt_ && spec().finetune.lm_weight > 0) record("lm_loss", lmLoss_);
        record("train_accuracy", accuracy_);
    }

    void evaluate() override
    {
        if (span_) return evaluateSpan();
        const SplitResult r = run(dev_);
        const ClassificationScore s = scoreClassification(goldLabels(task_, task_.dev), r.predicted, static_cast<int>(task_.labels.size()));
        record("dev_loss", r.loss);
        record("dev_accuracy", s.accuracy);
        record("dev_macro_f1", s.macroF1);
        snapshot("finetune", report("dev", s, r, task_.dev, dev_).dump());
        if (s.accuracy > best_) {
            best_ = s.accuracy;
            bestStep_ = step();
            sinceBest_ = 0;
            saveBest();
        } else {
            ++sinceBest_;
        }
    }

    bool wantsStop() const override { return spec().finetune.patience > 0 && sinceBest_ >= spec().finetune.patience; }

    std::string stopReason() const override
    {
        return "stopped early at step " + std::to_string(step()) + ": the dev accuracy has not improved for " + std::to_string(sinceBest_) +
               " evaluations (best " + std::to_string(best_) + " at step " + std::to_string(bestStep_) + ")";
    }

    void finish() override
    {
        const fs::path best = outDir() / "best";
        if (fs::exists(best / "model.safetensors")) loadModules(best);
        if (span_) return finishSpan(best);
        const SplitResult r = run(test_);
        const ClassificationScore s = scoreClassification(goldLabels(task_, task_.test), r.predicted, static_cast<int>(task_.labels.size()));
        record("best_dev_accuracy", best_);
        record("best_step", static_cast<double>(bestStep_));
        record("test_loss", r.loss);
        record("test_accuracy", s.accuracy);
        record("test_macro_f1", s.macroF1);
        json rep = report("test", s, r, task_.test, test_);
        snapshot("finetune", rep.dump());
        writeResults(best, rep);
    }

    std::string probeText() const override
    {
        const TaskExample& e = task_.dev.front();
        std::string text;
        int n = 0;
        if (span_) {
            std::istringstream in(e.texts.back());
            for (std::string w; in >> w && n < 40; ++n) text += (text.empty() ? "" : " ") + w;
        } else if (task_.kind != TaskKind::Tagging) {
            std::istringstream in(e.texts.front());
            for (std::string w; in >> w && n < 40; ++n) text += (text.empty() ? "" : " ") + w;
        } else {
            for (const auto& w : e.words) {
                if (++n > 40) break;
                text += (text.empty() ? "" : " ") + w;
            }
        }
        return text;
    }

    void saveModules(const fs::path& dir, const std::map<std::string, std::string>& meta) override
    {
        // As saveCheckpoint, but GPT's vocabulary is the tokenizer's plus the three new tokens.
        fs::create_directories(dir);
        std::map<std::string, std::string> m = meta;
        m["format"] = "pt";
        m["task"] = task_.name;
        writeSafetensors(dir / "model.safetensors", exportStateDict(model_), m);
        tok().save(dir);
        writeFileAtomic(dir / "config.json", model_->config().toJson().dump(2) + "\n");
        if (entities_) saveEntityNames(dir, entities_->names.names, spec().finetune.checkpoint);
        NamedTensors head;
        for (auto& item : head_->named_parameters(true)) head.emplace_back(item.key(), item.value().detach().contiguous());
        writeSafetensors(dir / "head.safetensors", head, {{"format", "pt"}, {"task", task_.name}});
        json tj = {{"task", task_.name},
                   {"kind", toString(task_.kind)},
                   {"labels", task_.labels},
                   {"family", toString(spec().model.family)},
                   {"pretrained", spec().finetune.from_scratch ? std::string() : spec().finetune.checkpoint},
                   {"head", head_->dense ? "dense+out" : "out"},
                   {"readout", span_ ? "start and end logits of every passage token; no answer at " + std::string(gpt_ ? "<extract>" : "[CLS]")
                               : task_.kind == TaskKind::Tagging ? (gpt_ ? "last sub-token of each word" : "first sub-token of each word")
                               : gpt_                          ? "extract"
                               : usesPooler()                  ? "pooler"
                                                               : "cls"},
                   {"max_seq_len", spec().train.seq_len},
                   {"symmetric", task_.symmetric}};
        if (gpt_) tj["special_tokens"] = {{"start", start_}, {"delim", delim_}, {"extract", extract_}};
        if (span_) {
            const FinetuneConfig& f = spec().finetune;
            tj["no_answer"] = task_.noAnswer;
            // The no-answer threshold tuned on dev at this model's evaluation (v1.1: always answer).
            tj["null_threshold"] = task_.noAnswer ? threshold_ : 1e30;
            tj["doc_stride"] = f.doc_stride;
            tj["max_query_len"] = f.max_query_len;
            tj["max_answer_len"] = f.max_answer_len;
        }
        writeFileAtomic(dir / "task.json", tj.dump(2) + "\n");
    }

    void loadModules(const fs::path& dir) override
    {
        importStateDict(model_, SafetensorsFile::open(dir / "model.safetensors"));
        const auto head = SafetensorsFile::open(dir / "head.safetensors");
        torch::NoGradGuard ng;
        for (auto& item : head_->named_parameters(true)) {
            const torch::Tensor t = head.tensor(item.key());
            if (t.sizes() != item.value().sizes())
                throw Error((dir / "head.safetensors").string() + ": " + item.key() + " does not match the task's head", "it was written for another task");
            item.value().copy_(t);
        }
    }

    void saveState(NamedTensors& state) const override
    {
        // int64: the best dev score's bits (exact across resume), its step, evals since.
        std::int64_t bits = 0;
        std::memcpy(&bits, &best_, sizeof bits);
        std::int64_t thr = 0;
        std::memcpy(&thr, &bestThreshold_, sizeof thr);
        // and (reading comprehension) the best model's no-answer threshold's bits.
        state.emplace_back("finetune.best", torch::tensor(std::vector<std::int64_t>{bits, bestStep_, sinceBest_, thr}, torch::kInt64));
    }

    void loadState(const SafetensorsFile& state) override
    {
        const auto t = state.tensor("finetune.best").to(torch::kInt64);
        if (t.numel() != 3 && t.numel() != 4)
            throw Error("the checkpoint's finetune.best holds " + std::to_string(t.numel()) + " values, not 4", "it was not written by this version's fine-tuning job");
        const std::int64_t bits = t[0].item<std::int64_t>();
        std::memcpy(&best_, &bits, sizeof bits);
        bestStep_ = t[1].item<std::int64_t>();
        sinceBest_ = static_cast<int>(t[2].item<std::int64_t>());
        if (t.numel() == 4) {
            const std::int64_t thr = t[3].item<std::int64_t>();
            std::memcpy(&bestThreshold_, &thr, sizeof thr);
        }
    }

private:
    static std::string shape(const torch::Tensor& t)
    {
        std::string s = "(";
        for (int i = 0; i < t.dim(); ++i) s += (i ? ", " : "") + std::to_string(t.size(i));
        return s + ")";
    }

    bool usesPooler() const { return !gpt_ && model_->pooler && task_.kind != TaskKind::Tagging && !span_; }

    int layerOf(const std::string& n) const
    {
        const int L = spec().model.num_layers;
        if (n.rfind("embeddings", 0) == 0) return -1;
        for (const char* p : {"attention_", "ffn_"}) {
            const std::size_t k = std::string(p).size();
            if (n.rfind(p, 0) == 0) return std::stoi(n.substr(k, n.find('.', k) - k));
        }
        return L;
    }

    // ---- inputs
    Encoded encode(const TaskExample& e) const { return encodeTaskExample(tok(), format_, task_.kind, e, task_.symmetric); }
    std::vector<SpanWindow> encodeSpan(const TaskExample& e) const
    {
        const FinetuneConfig& f = spec().finetune;
        return encodeSpanExample(tok(), format_, e, f.max_query_len, f.doc_stride);
    }

    Batch collateSpan(const std::vector<const SpanWindow*>& rows) const
    {
        SpanRows r = spanRows(rows, tok().specials().pad >= 0 ? tok().specials().pad : 0);
        Batch b;
        b.ids = r.ids;
        if (spec().model.type_vocab_size > 0) b.typeIds = r.types;
        b.attentionMask = r.mask;
        b.labels = r.lm;
        b.spanLabels = r.labels;
        b.tokens = r.tokens;
        return b;
    }

    Batch collate(const std::vector<Encoded>& split, const std::vector<int>& which) const
    {
        // Rows: one per example, or one per candidate of each example (multiple choice).
        struct Row {
            const std::vector<std::int64_t>* ids;
            const std::vector<std::int64_t>* types;
            const std::vector<std::int64_t>* tags;
            int readout;
            const std::vector<std::int64_t>* entities = nullptr;
        };
        std::vector<Row> rows;
        for (int i : which) {
            const Encoded& e = split[static_cast<std::size_t>(i)];
            if (!e.choiceIds.empty())  // multiple choice, or both orders of a symmetric pair (GPT)
                for (std::size_t c = 0; c < e.choiceIds.size(); ++c) rows.push_back({&e.choiceIds[c], &e.choiceTypes[c], nullptr, e.choiceReadout[c]});
            else rows.push_back({&e.ids, &e.types, e.tokenLabels.empty() ? nullptr : &e.tokenLabels, e.readout, e.entities.empty() ? nullptr : &e.entities});
        }
        const auto B = static_cast<std::int64_t>(which.size()), R = static_cast<std::int64_t>(rows.size());
        std::int64_t T = 0;
        for (const Row& r : rows) T = std::max<std::int64_t>(T, static_cast<std::int64_t>(r.ids->size()));
        const std::int64_t pad = tok().specials().pad >= 0 ? tok().specials().pad : 0;
        auto ids = torch::full({R, T}, pad, torch::kInt64), types = torch::zeros({R, T}, torch::kInt64);
        auto mask = torch::zeros({R, T}, torch::kInt64), lm = torch::full({R, T}, -100, torch::kInt64);
        auto tags = torch::full({R, T}, -100, torch::kInt64), entities = torch::full({R, T}, -1, torch::kInt64);
        auto labels = torch::zeros({B}, torch::kInt64), readout = torch::zeros({R}, torch::kInt64);
        bool anyEntities = false;
        auto pi = ids.accessor<std::int64_t, 2>(), pt = types.accessor<std::int64_t, 2>(), pm = mask.accessor<std::int64_t, 2>();
        auto pl = lm.accessor<std::int64_t, 2>(), pg = tags.accessor<std::int64_t, 2>();
        Batch b;
        for (std::int64_t r = 0; r < R; ++r) {
            const Row& row = rows[static_cast<std::size_t>(r)];
            const auto n = static_cast<std::int64_t>(row.ids->size());
            for (std::int64_t t = 0; t < n; ++t) {
                pi[r][t] = (*row.ids)[static_cast<std::size_t>(t)];
                pt[r][t] = (*row.types)[static_cast<std::size_t>(t)];
                pm[r][t] = 1;
                if (t + 1 < n) pl[r][t] = (*row.ids)[static_cast<std::size_t>(t + 1)];
                if (row.tags) pg[r][t] = (*row.tags)[static_cast<std::size_t>(t)];
            }
            if (row.entities) {
                entities[r].narrow(0, 0, n).copy_(torch::tensor(*row.entities, torch::kInt64));
                anyEntities = true;
            }
            readout.data_ptr<std::int64_t>()[r] = row.readout;
            b.tokens += n;
        }
        for (std::int64_t r = 0; r < B; ++r) labels.data_ptr<std::int64_t>()[r] = split[static_cast<std::size_t>(which[static_cast<std::size_t>(r)])].label;
        b.ids = ids;
        if (spec().model.type_vocab_size > 0) b.typeIds = types;
        b.attentionMask = mask;
        b.labels = lm;
        if (task_.kind == TaskKind::Tagging) b.tokenLabels = tags;
        else b.classLabels = labels;
        b.readout = readout;
        b.examples = which;
        if (anyEntities) b.entityIds = entities;
        return b;
    }

    // ---- the model
    // Logits (B, C) or (B, T, C), in fp32, and the last hidden states.
    std::pair<torch::Tensor, torch::Tensor> forward(const Batch& b)
    {
        const bool choice = task_.kind == TaskKind::MultipleChoice;
        if (span_) {
            auto out = taskForward(model_, head_, spec().model.family, TaskKind::Tagging, false, b.ids, b.typeIds, b.attentionMask, b.readout,
                                   spec().finetune.head_dropout, head_->is_training());
            out.first = maskSpanLogits(out.first, b.attentionMask);
            return out;
        }
        auto out = taskForward(model_, head_, spec().model.family, choice ? TaskKind::Classification : task_.kind, usesPooler(), b.ids, b.typeIds,
                               b.attentionMask, b.readout, spec().finetune.head_dropout, head_->is_training(), b.entityIds);
        const auto B = b.classLabels.defined() ? b.classLabels.size(0) : 0;
        if (choice) out.first = out.first.view({B, -1});  // (B x C, 1) -> (B, C): a softmax over candidates
        else if (task_.kind == TaskKind::Classification && out.first.size(0) == 2 * B && B > 0)
            // GPT's symmetric pair: the two orders' scores summed. The head is linear, so this is
            // the head applied to the sum of the two <extract> states (its bias counted twice).
            out.first = out.first.view({B, 2, -1}).sum(1);
        return out;
    }

    torch::Tensor taskLoss(const torch::Tensor& logits, const Batch& b) const
    {
        namespace F = torch::nn::functional;
        if (span_) return spanLoss(logits, b.spanLabels);
        if (task_.kind != TaskKind::Tagging) return F::cross_entropy(logits, b.classLabels);
        return F::cross_entropy(logits.flatten(0, 1), b.tokenLabels.flatten(), F::CrossEntropyFuncOptions().ignore_index(-100));
    }

    // Predictions on a split, in goldLabels() order, and its mean loss.
    SplitResult run(const std::vector<Encoded>& split)
    {
        torch::NoGradGuard ng;
        const bool was = head_->is_training();
        setTraining(false);
        AutocastScope ac(ctx_.bf16);
        std::vector<int> order(split.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return split[static_cast<std::size_t>(a)].ids.size() < split[static_cast<std::size_t>(b)].ids.size(); });
        const bool cls = task_.kind != TaskKind::Tagging;
        std::vector<std::vector<int>> perExample(split.size());
        SplitResult r;
        if (cls) r.probs.resize(split.size());
        double lossSum = 0, weight = 0;
        constexpr std::size_t kBatch = 64;
        for (std::size_t s = 0; s < order.size(); s += kBatch) {
            const std::vector<int> which(order.begin() + static_cast<std::ptrdiff_t>(s), order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), s + kBatch)));
            const Batch b = collate(split, which);
            auto [logits, hidden] = forward(b);
            const double n = cls ? static_cast<double>(which.size()) : b.tokenLabels.ne(-100).sum().item<double>();
            lossSum += taskLoss(logits, b).item<double>() * n;
            weight += n;
            const auto pred = logits.argmax(-1).contiguous();
            if (cls) {
                const auto probs = torch::softmax(logits.to(torch::kFloat32), -1).contiguous();
                for (std::size_t k = 0; k < which.size(); ++k) {
                    const auto i = static_cast<std::size_t>(which[k]);
                    perExample[i] = {static_cast<int>(pred[static_cast<std::int64_t>(k)].item<std::int64_t>())};
                    const float* row = probs[static_cast<std::int64_t>(k)].data_ptr<float>();
                    r.probs[i].assign(row, row + probs.size(1));
                }
            } else {
                auto pa = pred.accessor<std::int64_t, 2>();
                for (std::size_t k = 0; k < which.size(); ++k) {
                    const auto i = static_cast<std::size_t>(which[k]);
                    for (int pos : split[i].wordPos)
                        perExample[i].push_back(pos < 0 ? fallbackTag() : static_cast<int>(pa[static_cast<std::int64_t>(k)][pos]));
                }
            }
        }
        for (const auto& p : perExample) r.predicted.insert(r.predicted.end(), p.begin(), p.end());
        r.loss = weight > 0 ? lossSum / weight : 0;
        setTraining(was);
        return r;
    }

    // A word cut off by the sequence length is scored as the training split's most frequent tag.
    int fallbackTag() const { return majorityTag_; }

    std::string tokenName(std::int64_t id) const { return taskTokenName(tok(), format_, id); }

    json report(const std::string& split, const ClassificationScore& s, const SplitResult& r, const std::vector<TaskExample>& examples,
                const std::vector<Encoded>& encoded) const
    {
        json j = {{"split", split}, {"task", task_.name}, {"kind", toString(task_.kind)}, {"labels", task_.labels},
                  {"accuracy", s.accuracy}, {"macro_f1", s.macroF1}, {"total", s.total}, {"confusion", s.confusion}, {"loss", r.loss}};
        json ex = json::array();
        // Eight examples spread over the split (its examples are in document order, so the
        // first eight would all be of one genre); tagging: the word offsets follow.
        std::vector<std::size_t> picked;
        const std::size_t shown = std::min<std::size_t>(8, examples.size());
        for (std::size_t k = 0; k < shown; ++k) picked.push_back(k * examples.size() / shown);
        std::vector<std::size_t> firstWord(examples.size() + 1, 0);
        for (std::size_t i = 0; i < examples.size(); ++i) firstWord[i + 1] = firstWord[i] + examples[i].words.size();
        for (std::size_t i : picked) {
            const Encoded& x = encoded[i];
            // The model's input exactly as it was fed (GPT-1's transformation, BERT's [CLS] ... [SEP]).
            json input = json::array(), types = json::array();
            for (std::size_t k = 0; k < x.ids.size(); ++k) {
                input.push_back(tokenName(x.ids[k]));
                types.push_back(x.types[k]);
            }
            json e = {{"input", input}, {"types", types}, {"readout", x.readout}};
            if (task_.kind == TaskKind::MultipleChoice) e["choices"] = examples[i].choices;
            if (task_.kind != TaskKind::Tagging) {
                e["text"] = examples[i].texts;
                e["gold"] = examples[i].label;
                e["predicted"] = r.predicted[i];
                e["probs"] = r.probs[i];
            } else {
                const std::size_t n = examples[i].words.size(), word = firstWord[i];
                e["words"] = examples[i].words;
                e["gold"] = examples[i].tags;
                e["predicted"] = std::vector<int>(r.predicted.begin() + static_cast<std::ptrdiff_t>(word),
                                                  r.predicted.begin() + static_cast<std::ptrdiff_t>(word + n));
                e["positions"] = x.wordPos;
            }
            ex.push_back(e);
        }
        j["examples"] = ex;
        return j;
    }

    // best/results.json: the test report, the best dev score and the baselines, named by the task's metric.
    void writeResults(const fs::path& best, json rep) const
    {
        if (!fs::exists(best)) return;
        const std::string m = taskMetric(task_.kind);
        rep["best_dev_" + m] = best_;
        rep["best_step"] = bestStep_;
        if (baselines_) {
            rep["baselines"] = {{"majority", baselines_->majorityName},
                                {"simple", baselines_->simpleName},
                                {"test_majority_" + m, baselines_->majorityTestScore()},
                                {"test_simple_" + m, baselines_->simpleTestScore()},
                                {"dev_majority_" + m, baselines_->majorityDevScore()},
                                {"dev_simple_" + m, baselines_->simpleDevScore()}};
            if (span_) rep["baselines"]["test_simple_exact"] = baselines_->spanSimpleTest.exact;
        }
        writeFileAtomic(best / "results.json", rep.dump(2) + "\n");
    }

    void saveBest()
    {
        const fs::path best = outDir() / "best", tmp = outDir() / ".best.partial";
        std::error_code ec;
        fs::remove_all(tmp, ec);
        saveModules(tmp, {{"step", std::to_string(step())}, {"dev_accuracy", std::to_string(best_)}});
        // The previous best stays whole until the new one is in place.
        const fs::path old = outDir() / ".best.old";
        fs::remove_all(old, ec);
        if (fs::exists(best)) fs::rename(best, old, ec);
        if (!ec) fs::rename(tmp, best, ec);
        if (ec) throw Error("cannot move the best checkpoint into place at " + best.string() + ": " + ec.message(), "is the disk full?");
        fs::remove_all(old, ec);
    }

    // ---- reading comprehension
    struct SpanRun {
        double loss = 0;
        std::vector<std::vector<squad::WindowScores>> scores;  // per question, per window
        std::vector<squad::SpanChoice> choice;
        std::vector<std::string> spans;                        // the best non-null span's text
        std::vector<double> nullDiff;
    };

    SpanRun runSpan(const std::vector<std::vector<SpanWindow>>& wins, const std::vector<TaskExample>& examples)
    {
        torch::NoGradGuard ng;
        const bool was = head_->is_training();
        setTraining(false);
        AutocastScope ac(ctx_.bf16);
        struct Ref {
            std::size_t example, window;
        };
        std::vector<Ref> refs;
        for (std::size_t i = 0; i < wins.size(); ++i)
            for (std::size_t w = 0; w < wins[i].size(); ++w) refs.push_back({i, w});
        std::stable_sort(refs.begin(), refs.end(), [&](const Ref& a, const Ref& b) { return wins[a.example][a.window].ids.size() < wins[b.example][b.window].ids.size(); });
        SpanRun r;
        r.scores.resize(wins.size());
        for (std::size_t i = 0; i < wins.size(); ++i) r.scores[i].resize(wins[i].size());
        double lossSum = 0;
        constexpr std::size_t kBatch = 64;
        for (std::size_t s = 0; s < refs.size(); s += kBatch) {
            std::vector<const SpanWindow*> rows;
            const std::size_t e = std::min(refs.size(), s + kBatch);
            for (std::size_t k = s; k < e; ++k) rows.push_back(&wins[refs[k].example][refs[k].window]);
            const Batch b = collateSpan(rows);
            auto [logits, hidden] = forward(b);
            lossSum += spanLoss(logits, b.spanLabels).item<double>() * static_cast<double>(rows.size());
            const auto ws = windowScores(rows, logits);
            for (std::size_t k = s; k < e; ++k) r.scores[refs[k].example][refs[k].window] = ws[k - s];
        }
        const int maxAnswer = spec().finetune.max_answer_len;
        for (std::size_t i = 0; i < wins.size(); ++i) {
            const auto c = squad::bestSpan(r.scores[i], maxAnswer);
            const TaskExample& x = examples[i];
            r.choice.push_back(c);
            r.spans.push_back(squad::spanText(x.texts.back(), x.words, x.offsets, c.firstWord, c.lastWord));
            r.nullDiff.push_back(c.nullDiff());
        }
        r.loss = refs.empty() ? 0 : lossSum / static_cast<double>(refs.size());
        setTraining(was);
        return r;
    }

    static std::vector<std::vector<std::string>> golds(const std::vector<TaskExample>& v)
    {
        std::vector<std::vector<std::string>> g;
        for (const auto& e : v) g.push_back(e.answers);
        return g;
    }

    void recordSpan(const std::string& split, const squad::Scores& s)
    {
        record(split + "_exact", s.exact);
        record(split + "_f1", s.f1);
        if (task_.noAnswer) {
            record(split + "_has_ans_exact", s.hasAnsExact);
            record(split + "_has_ans_f1", s.hasAnsF1);
            record(split + "_no_ans_f1", s.noAnsF1);
        }
    }

    void evaluateSpan()
    {
        const SpanRun r = runSpan(devWin_, task_.dev);
        const auto g = golds(task_.dev);
        // v2.0: the no-answer threshold that maximises dev F1 (find_best_thresh); v1.1 always answers.
        threshold_ = task_.noAnswer ? squad::bestThreshold(r.spans, r.nullDiff, g).f1Threshold : 1e30;
        const squad::Scores s = squad::evaluate(squad::applyThreshold(r.spans, r.nullDiff, threshold_), g);
        record("dev_loss", r.loss);
        recordSpan("dev", s);
        if (task_.noAnswer) record("dev_null_threshold", threshold_);
        snapshot("finetune", spanReport("dev", s, r, task_.dev, devWin_).dump());
        if (s.f1 > best_) {
            best_ = s.f1;
            bestStep_ = step();
            bestThreshold_ = threshold_;
            sinceBest_ = 0;
            saveBest();
        } else {
            ++sinceBest_;
        }
    }

    void finishSpan(const fs::path& best)
    {
        threshold_ = bestThreshold_;  // tuned on dev with the best model; applied to test unchanged
        const SpanRun r = runSpan(testWin_, task_.test);
        const squad::Scores s = squad::evaluate(squad::applyThreshold(r.spans, r.nullDiff, threshold_), golds(task_.test));
        record("best_dev_f1", best_);
        record("best_step", static_cast<double>(bestStep_));
        record("test_loss", r.loss);
        recordSpan("test", s);
        json rep = spanReport("test", s, r, task_.test, testWin_);
        snapshot("finetune", rep.dump());
        writeResults(best, rep);
    }

    json spanReport(const std::string& split, const squad::Scores& s, const SpanRun& r, const std::vector<TaskExample>& examples,
                    const std::vector<std::vector<SpanWindow>>& wins) const
    {
        json j = {{"split", split}, {"task", task_.name}, {"kind", toString(task_.kind)}, {"metric", "f1"}, {"exact", s.exact}, {"f1", s.f1},
                  {"total", s.total}, {"has_ans_exact", s.hasAnsExact}, {"has_ans_f1", s.hasAnsF1}, {"has_ans_total", s.hasAnsTotal},
                  {"no_ans_exact", s.noAnsExact}, {"no_ans_f1", s.noAnsF1}, {"no_ans_total", s.noAnsTotal}, {"loss", r.loss},
                  {"no_answer", task_.noAnswer}, {"null_threshold", task_.noAnswer ? threshold_ : 1e30}};
        json ex = json::array();
        const std::size_t shown = std::min<std::size_t>(8, examples.size());
        for (std::size_t k = 0; k < shown; ++k) {
            const std::size_t i = k * examples.size() / shown;
            ex.push_back(spanView(examples[i], wins[i], r.scores[i], r.choice[i], task_.noAnswer ? threshold_ : 1e30,
                                  [&](std::int64_t id) { return tokenName(id); }));
        }
        j["examples"] = ex;
        return j;
    }

    Task task_;
    bool gpt_ = false;
    bool span_ = false;
    std::vector<std::vector<SpanWindow>> trainWin_, devWin_, testWin_;
    std::vector<const SpanWindow*> trainRows_;
    double threshold_ = 0, bestThreshold_ = 0;
    int start_ = -1, delim_ = -1, extract_ = -1;
    TaskInputFormat format_;
    std::unique_ptr<TaskEntities> entities_;  // ERNIE
    TransformerModel model_{nullptr};
    TaskHead head_{nullptr};
    std::vector<Encoded> train_, dev_, test_;
    std::vector<std::pair<std::string, torch::Tensor>> params_;
    std::vector<double> scales_;
    mutable std::uint64_t cachedEpoch_ = ~0ull;
    mutable std::vector<int> cachedOrder_;
    std::optional<TaskBaselines> baselines_;
    double taskLoss_ = 0, lmLoss_ = 0, accuracy_ = 0;
    double best_ = -1;
    std::int64_t bestStep_ = 0;
    int sinceBest_ = 0;
    int majorityTag_ = 0;
};

} // namespace

std::unique_ptr<Objective> makeFinetuneObjective(const ObjectiveContext& ctx) { return std::make_unique<FinetuneObjective>(ctx); }

// ---------------------------------------------------------------- predict
std::vector<std::string> splitTaskWords(const std::string& text)
{
    // Whitespace, then punctuation at either end of a word as words of their own (Brown's
    // tokens: "fair." is "fair" "."; "Atlanta's" stays one word).
    static const std::string punct = ".,;:!?()[]\"`";
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) {
        std::vector<std::string> tail;
        while (w.size() > 1 && punct.find(w.front()) != std::string::npos) {
            out.push_back(std::string(1, w.front()));
            w.erase(0, 1);
        }
        while (w.size() > 1 && punct.find(w.back()) != std::string::npos) {
            tail.insert(tail.begin(), std::string(1, w.back()));
            w.pop_back();
        }
        out.push_back(w);
        out.insert(out.end(), tail.begin(), tail.end());
    }
    return out;
}

TaskPrediction predictTask(const std::string& checkpointDir, const std::vector<std::string>& texts)
{
    const fs::path dir(checkpointDir);
    const fs::path taskFile = dir / "task.json";
    if (!fs::exists(taskFile))
        throw Error(checkpointDir + " has no task.json: it is not a fine-tuned checkpoint",
                    "give the best/ folder of a fine-tuning run (pretrainlab-cli finetune --out DIR writes DIR/best)");
    const json tj = json::parse(readTextFile(taskFile), nullptr, false);
    if (tj.is_discarded() || !tj.contains("labels") || !tj.contains("kind")) throw Error(taskFile.string() + " is not a task description", "it was not written by a fine-tuning run");
    const json cj = json::parse(readTextFile(dir / "config.json"), nullptr, false);
    if (cj.is_discarded()) throw Error((dir / "config.json").string() + " is not valid JSON");
    ModelConfig c = ModelConfig::fromJson(cj);
    c.hidden_dropout = c.attention_dropout = c.embedding_dropout = 0;
    const auto tok = loadTokenizer(dir);
    TransformerModel model(c);
    importStateDict(model, SafetensorsFile::open(dir / "model.safetensors"));
    const auto labels = tj.at("labels").get<std::vector<std::string>>();
    const std::string kindName = tj.at("kind").get<std::string>();
    const TaskKind kind = kindName == "tagging"                 ? TaskKind::Tagging
                          : kindName == "multiple choice"       ? TaskKind::MultipleChoice
                          : kindName == "reading comprehension" ? TaskKind::Span
                                                                : TaskKind::Classification;
    const bool choice = kind == TaskKind::MultipleChoice;
    const bool span = kind == TaskKind::Span;
    if (span && (texts.size() != 2 || texts[1].empty()))
        throw Error("a reading-comprehension model needs a question and a passage", "predict --question Q --passage P");
    if (choice && texts.size() < 2) throw Error("a multiple-choice model needs a context and at least two candidates", "predict --text CONTEXT --choice A --choice B ...");
    const bool gpt = c.family == Family::Gpt2;
    const auto headFile = SafetensorsFile::open(dir / "head.safetensors");
    TaskHead head(c.hidden_size, span ? 2 : choice ? 1 : static_cast<int>(labels.size()), headFile.contains("dense.weight"));
    {
        torch::NoGradGuard ng;
        for (auto& item : head->named_parameters(true)) {
            if (!headFile.contains(item.key())) throw Error((dir / "head.safetensors").string() + " has no " + item.key(), "it was not written by a fine-tuning run");
            const torch::Tensor t = headFile.tensor(item.key()).to(torch::kFloat32);
            if (t.sizes() != item.value().sizes()) throw Error((dir / "head.safetensors").string() + ": " + item.key() + " does not match task.json's labels");
            item.value().copy_(t);
        }
    }
    model->eval();
    head->eval();
    const int tokVocab = tok->vocabSize();
    TaskInputFormat f = TaskInputFormat::forModel(*tok, gpt, gpt ? c.vocab_size - 3 : tokVocab, tj.value("max_seq_len", 128));
    std::unique_ptr<TaskEntities> entities;
    if (c.isErnie()) {
        entities = std::make_unique<TaskEntities>(dir, *tok);
        f.entities = entities->rowsOf();
    }
    if (gpt && c.vocab_size - 3 != tokVocab)
        throw Error(checkpointDir + ": the model has " + std::to_string(c.vocab_size) + " token rows, the tokenizer " + std::to_string(tokVocab),
                    "a fine-tuned GPT has the tokenizer's vocabulary plus its three new tokens");
    if (span) {
        TaskExample e;
        e.texts = texts;
        const squad::PassageWords pw = squad::splitPassage(texts[1]);
        e.words = pw.words;
        e.offsets = pw.offsets;
        const auto wins = encodeSpanExample(*tok, f, e, tj.value("max_query_len", 32), tj.value("doc_stride", 48));
        std::vector<const SpanWindow*> rows;
        for (const auto& w : wins) rows.push_back(&w);
        const SpanRows sr = spanRows(rows, tok->specials().pad >= 0 ? tok->specials().pad : 0);
        torch::NoGradGuard ng;
        auto [logits, hidden] = taskForward(model, head, c.family, TaskKind::Tagging, false, sr.ids, c.type_vocab_size > 0 ? sr.types : torch::Tensor(),
                                            sr.mask, torch::Tensor(), 0.0, false);
        logits = maskSpanLogits(logits, sr.mask);
        const auto scores = windowScores(rows, logits);
        TaskPrediction r;
        r.task = tj.value("task", std::string());
        r.kind = toString(kind);
        for (auto id : wins.front().ids) r.input.push_back(taskTokenName(*tok, f, id));
        fillSpanView(r, e, scores, squad::bestSpan(scores, tj.value("max_answer_len", 30)), tj.value("null_threshold", 1e30));
        return r;
    }
    TaskExample e;
    if (kind != TaskKind::Tagging) {
        e.texts = texts;
        e.label = 0;
    } else {
        std::string all;
        for (const auto& t : texts) all += (all.empty() ? "" : " ") + t;
        e.words = splitTaskWords(all);
        e.tags.assign(e.words.size(), 0);
    }
    if (choice) {
        e.texts = {texts.front()};
        e.choices.assign(texts.begin() + 1, texts.end());
        e.label = 0;
    }
    const TaskInput x = encodeTaskExample(*tok, f, kind, e, tj.value("symmetric", false));
    // Rows: the one sequence, or one per candidate (or order), padded to the longest.
    const bool rows = !x.choiceIds.empty();
    const std::vector<std::vector<std::int64_t>> rowIds = rows ? x.choiceIds : std::vector<std::vector<std::int64_t>>{x.ids};
    const std::vector<std::vector<std::int64_t>> rowTypes = rows ? x.choiceTypes : std::vector<std::vector<std::int64_t>>{x.types};
    const std::vector<int> rowReadout = rows ? x.choiceReadout : std::vector<int>{x.readout};
    const auto R = static_cast<std::int64_t>(rowIds.size());
    std::int64_t T = 0;
    for (const auto& r : rowIds) T = std::max<std::int64_t>(T, static_cast<std::int64_t>(r.size()));
    const std::int64_t pad = tok->specials().pad >= 0 ? tok->specials().pad : 0;
    auto ids = torch::full({R, T}, pad, torch::kInt64), types = torch::zeros({R, T}, torch::kInt64), mask = torch::zeros({R, T}, torch::kInt64);
    auto readout = torch::zeros({R}, torch::kInt64);
    torch::Tensor entityIds;
    if (!x.entities.empty() && R == 1) entityIds = torch::tensor(x.entities, torch::kInt64).unsqueeze(0);
    for (std::int64_t i = 0; i < R; ++i) {
        const auto n = static_cast<std::int64_t>(rowIds[static_cast<std::size_t>(i)].size());
        ids[i].narrow(0, 0, n).copy_(torch::tensor(rowIds[static_cast<std::size_t>(i)], torch::kInt64));
        types[i].narrow(0, 0, n).copy_(torch::tensor(rowTypes[static_cast<std::size_t>(i)], torch::kInt64));
        mask[i].narrow(0, 0, n).fill_(1);
        readout[i] = rowReadout[static_cast<std::size_t>(i)];
    }
    torch::NoGradGuard ng;
    const bool pooler = !gpt && model->pooler && kind != TaskKind::Tagging;
    auto [logits, hidden] = taskForward(model, head, c.family, choice ? TaskKind::Classification : kind, pooler, ids,
                                        c.type_vocab_size > 0 ? types : torch::Tensor(), mask, readout, 0.0, false, entityIds);
    if (choice) logits = logits.view({1, R});
    else if (rows && kind == TaskKind::Classification) logits = logits.sum(0, true);  // both orders of a symmetric pair
    TaskPrediction r;
    r.task = tj.value("task", std::string());
    r.kind = toString(kind);
    r.labels = labels;
    if (choice) r.labels.resize(static_cast<std::size_t>(R));
    for (std::int64_t i = 0; i < R; ++i) {
        if (choice && static_cast<std::size_t>(i) >= labels.size()) r.labels[static_cast<std::size_t>(i)] = "choice " + std::to_string(i + 1);
        if (i > 0) r.input.push_back("|");
        for (auto id : rowIds[static_cast<std::size_t>(i)]) r.input.push_back(taskTokenName(*tok, f, id));
    }
    const auto probs = torch::softmax(logits, -1).contiguous();
    if (kind != TaskKind::Tagging) {
        const float* row = probs[0].data_ptr<float>();
        r.probs.assign(row, row + probs.size(1));
        r.predicted = static_cast<int>(std::max_element(r.probs.begin(), r.probs.end()) - r.probs.begin());
    } else {
        r.words = e.words;
        for (int pos : x.wordPos) {
            if (pos < 0) {
                r.tags.push_back(-1);
                r.confidence.push_back(0);
                continue;
            }
            const auto p = probs[0][pos];
            const auto k = p.argmax().item<std::int64_t>();
            r.tags.push_back(static_cast<int>(k));
            r.confidence.push_back(p[k].item<double>());
        }
    }
    return r;
}

} // namespace ptl

// Fine-tuning: the tasks (deterministic, split by document), their scoring and baselines,
// discriminative learning rates and layer-wise decay measured on the weights a step moves,
// freezing, the pre-training heads left out, GPT-1's input transformation and auxiliary LM
// loss, the best dev checkpoint and the test score, early stopping, exact resume, and the
// CLI end to end.
#include "core/api/Baselines.h"
#include "core/api/Finetune.h"
#include "core/api/Job.h"
#include "core/api/Presets.h"
#include "core/api/Tasks.h"
#include "core/knowledge/WordNet.h"
#include "core/tasks/Squad.h"
#include "core/tasks/TaskEncoding.h"
#include "core/model/Checkpoint.h"
#include "tests/common/SmallModel.h"
#include "core/model/Safetensors.h"
#include "core/store/RunStore.h"
#include "core/util/Error.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using namespace ptl;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A small pre-trained-shaped checkpoint (random weights): BERT (2 layers) or GPT.
std::string makeModel(const QTemporaryDir& dir, const std::string& preset, const std::string& name)
{
    return test::saveSmallModel(dir.path().toStdString() + "/" + name, preset);
}

JobSpec job(const std::string& model, const std::string& task, int steps, const std::string& out)
{
    JobSpec s = JobSpec::forFinetuning(model, task);
    s.train.steps = steps;
    s.train.batch_size = 8;
    s.train.seq_len = 64;
    s.train.log_every = 1;
    s.train.eval_every = steps;
    s.train.probe_every = 1000;
    s.train.checkpoint_every = steps;
    s.train.keep_last = 0;
    s.train.warmup_steps = 0;
    s.train.threads = 2;
    s.train.precision = Precision::Fp32;
    s.finetune.max_train_examples = 64;
    s.finetune.max_eval_examples = 32;
    s.out_dir = out;
    return s;
}

struct Recorder : JobObserver {
    std::map<std::int64_t, double> losses;
    std::map<std::string, std::map<std::int64_t, double>> values;
    std::vector<std::string> finetuneSnapshots;
    std::function<void(const ProgressInfo&)> onProgress;
    std::string status, message;
    std::int64_t runId = 0;
    void started(std::int64_t id, const std::string&) override { runId = id; }
    void progress(const ProgressInfo& p) override
    {
        losses[p.step] = p.loss;
        if (onProgress) onProgress(p);
    }
    void metrics(std::int64_t step, const std::vector<std::pair<std::string, double>>& v) override
    {
        for (const auto& [k, x] : v) values[k][step] = x;
    }
    void snapshot(const SnapshotInfo& s) override
    {
        if (s.kind == "finetune") finetuneSnapshots.push_back(s.payloadJson);
    }
    void finished(const std::string& s, const std::string& m) override
    {
        status = s;
        message = m;
    }
};

std::map<std::string, torch::Tensor> tensorsOf(const fs::path& file)
{
    const auto f = SafetensorsFile::open(file);
    std::map<std::string, torch::Tensor> out;
    for (const auto& info : f.tensors()) out[info.name] = f.tensor(info.name).to(torch::kFloat32);
    return out;
}

RunOutcome run(const JobSpec& s, const std::string& store, Recorder& rec)
{
    StopToken stop;
    RunOutcome r = runJob(s, store, rec, stop);
    if (r.status != "completed") qWarning("%s: %s", r.status.c_str(), r.message.c_str());
    return r;
}

// Which part of the body a BERT tensor belongs to: "emb", "layer0", "layer1", "pooler", "heads".
std::string partOf(const std::string& n)
{
    if (n.find(".embeddings.") != std::string::npos) return "emb";
    if (n.find(".layer.0.") != std::string::npos) return "layer0";
    if (n.find(".layer.1.") != std::string::npos) return "layer1";
    if (n.find(".pooler.") != std::string::npos) return "pooler";
    return "heads";
}

} // namespace

class TestFinetune : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The official SQuAD metrics on hand-computed cases.
    void squadMetrics()
    {
        using namespace ptl::squad;
        QCOMPARE(QString::fromStdString(normalizeAnswer("The  Fulton County, Jury!")), QStringLiteral("fulton county jury"));
        QCOMPARE(exactMatch("the jury", "Jury."), 1.0);
        QCOMPARE(exactMatch("a jury", "the grand jury"), 0.0);
        // F1: pred {grand, jury, said}, gold {jury}: P 1/3, R 1 -> 0.5
        QVERIFY(std::abs(tokenF1("grand jury said", "the jury") - 0.5) < 1e-12);
        QCOMPARE(tokenF1("", ""), 1.0);                       // no answer, rightly
        QCOMPARE(tokenF1("the jury", ""), 0.0);               // answered a question with none
        QCOMPARE(exactMatch("", std::vector<std::string>{}), 1.0);
        QCOMPARE(tokenF1("jury", std::vector<std::string>{"the city", "a jury"}), 1.0);  // the best gold counts
        const Scores sc = evaluate({"jury", "", "city"}, {{"the jury"}, {}, {"town"}});
        QCOMPARE(sc.total, std::int64_t(3));
        QVERIFY(std::abs(sc.exact - 2.0 / 3) < 1e-12);
        QCOMPARE(sc.hasAnsTotal, std::int64_t(2));
        QCOMPARE(sc.noAnsF1, 1.0);
        QCOMPARE(sc.hasAnsExact, 0.5);
        // The threshold: answering q0 (diff 0.1) is right, q1 (diff 2.0, no answer) wrong.
        const Threshold t = bestThreshold({"jury", "city"}, {0.1, 2.0}, {{"jury"}, {}});
        QCOMPARE(t.bestF1, 1.0);
        QVERIFY(t.f1Threshold >= 0.1 && t.f1Threshold < 2.0);
        const auto applied = applyThreshold({"jury", "city"}, {0.1, 2.0}, t.f1Threshold);
        QCOMPARE(QString::fromStdString(applied[1]), QString());
        QCOMPARE(evaluate(applied, {{"jury"}, {}}).f1, t.bestF1);
    }

    // Span decoding never returns end < start, a span past the passage, or one longer than
    // the limit; window stitching puts a span at its passage offsets.
    void squadSpanDecoding()
    {
        using namespace ptl::squad;
        WindowScores w;
        w.tokenWord = {-1, -1, 0, 1, 2, 3, -1, -1};  // [CLS] q [SEP] w0 w1 w2 w3 [SEP] pad
        w.maxContext = {0, 0, 1, 1, 1, 1, 0, 0};
        w.start = {0, 9, 1, 2, 8, 0, 9, 9};  // the best starts are outside the passage
        w.end = {0, 9, 7, 1, 0.5, 1, 9, 9};  // the best in-passage end (w0) comes before the best start (w2)
        const SpanChoice c = bestSpan({w}, 30);
        QVERIFY(c.firstWord >= 0 && c.lastWord >= c.firstWord && c.lastWord <= 3);
        QVERIFY(c.endPos >= c.startPos);
        QCOMPARE(c.firstWord, 2);  // w2..w3: 8 + 1 = 9 beats w2..w2 (8.5) and w0..w0 (8)
        QCOMPARE(c.lastWord, 3);
        const SpanChoice one = bestSpan({w}, 1);  // at most one token: w2..w2
        QCOMPARE(one.firstWord, 2);
        QCOMPARE(one.lastWord, 2);
        QCOMPARE(c.nullScore, 0.0);
        // Windows over 10 tokens, 4 long, every 3: [0,4) [3,7) [6,10); token 4 is best read in window 1.
        const auto spans = windowSpans(10, 4, 3);
        QCOMPARE(int(spans.size()), 3);
        QCOMPARE(spans.back().first + spans.back().second, 10);
        QVERIFY(isMaxContext(spans, 1, 4) && !isMaxContext(spans, 0, 4));
        // Offsets: the span's text is the passage's own characters.
        const std::string passage = "He met \"John Miller\", the painter.";
        const PassageWords pw = splitPassage(passage);
        QCOMPARE(QString::fromStdString(pw.words[3]), QStringLiteral("John"));
        QCOMPARE(QString::fromStdString(spanText(passage, pw.words, pw.offsets, 3, 4)), QStringLiteral("John Miller"));
        QCOMPARE(QString::fromStdString(spanText(passage, pw.words, pw.offsets, 4, 3)), QString());
    }

    // The reading-comprehension tasks: deterministic, answer spans inside their passage,
    // v2.0's unanswerable third, no test document in train.
    void squadTasks()
    {
        const ptl::Task a = ptl::buildTask("squad2", 7), b = ptl::buildTask("squad2", 7);
        QCOMPARE(a.train.size(), b.train.size());
        QVERIFY(a.train.size() > 1000);
        QCOMPARE(QString::fromStdString(a.train[5].texts[0]), QString::fromStdString(b.train[5].texts[0]));
        std::size_t none = 0;
        for (const auto& e : a.train) {
            if (e.answers.empty()) {
                ++none;
                continue;
            }
            QVERIFY(e.answerFirst >= 0 && e.answerLast >= e.answerFirst && e.answerLast < int(e.words.size()));
            QCOMPARE(QString::fromStdString(ptl::squad::spanText(e.texts[1], e.words, e.offsets, e.answerFirst, e.answerLast)),
                     QString::fromStdString(e.answers[0]));
            QVERIFY(e.texts[0].back() == '?');
        }
        const double share = double(none) / double(a.train.size());
        QVERIFY2(share > 0.25 && share < 0.42, qPrintable(QString::number(share)));
        std::set<int> trainDocs, testDocs;
        for (const auto& e : a.train) trainDocs.insert(e.document);
        for (const auto& e : a.test) testDocs.insert(e.document);
        for (int d : testDocs) QVERIFY(!trainDocs.count(d));
        const ptl::TaskBaselines bl = ptl::taskBaselines(a);
        QVERIFY(bl.span && bl.spanMajorityTest.noAnsF1 == 1.0 && bl.spanMajorityTest.hasAnsF1 == 0.0);
        QVERIFY(bl.spanSimpleTest.f1 > bl.spanMajorityTest.f1);
    }

    // The input preview (the panel's "what the model is fed") reads a passage in windows,
    // [CLS] question [SEP] window [SEP]; the single-sequence encoder refuses a span example.
    void squadInputPreview()
    {
        QTemporaryDir dir;
        const std::string model = makeModel(dir, "bert-tiny", "bert");
        const auto previews = previewTaskInputs(model, "squad1", 2, 64);
        QVERIFY(previews.size() >= 2);
        for (const auto& p : previews) {
            QVERIFY(p.tokens.size() <= 64);
            QCOMPARE(QString::fromStdString(p.tokens.front()), QStringLiteral("[CLS]"));
            QVERIFY(QString::fromStdString(p.label).contains(QStringLiteral("window")));
        }
        const Task t = buildTask("squad1");
        const auto tok = loadTokenizer(model);
        const TaskInputFormat f = TaskInputFormat::forModel(*tok, false, tok->vocabSize(), 64);
        QVERIFY_THROWS_EXCEPTION(ptl::Error, encodeTaskExample(*tok, f, TaskKind::Span, t.train.front()));
    }

    void tasksAreDeterministicAndSplitByDocument()
    {
        QCOMPARE(taskList().size() >= 2, true);
        const Task a = buildTask("genre"), b = buildTask("genre");
        QCOMPARE(a.train.size(), b.train.size());
        QCOMPARE(a.test.size(), b.test.size());
        QVERIFY(a.train.size() > 5000 && a.dev.size() > 1000 && a.test.size() > 1000);
        for (std::size_t i : {std::size_t(0), a.train.size() / 2, a.train.size() - 1}) {
            QCOMPARE(a.train[i].texts, b.train[i].texts);
            QCOMPARE(a.train[i].label, b.train[i].label);
        }
        const TaskSplitDocs d = taskDocumentSplit();
        std::set<int> train(d.train.begin(), d.train.end());
        for (int doc : d.test) QVERIFY2(!train.count(doc), "a test document is also a training document");
        for (int doc : d.dev) QVERIFY2(!train.count(doc), "a dev document is also a training document");
        for (const auto& e : a.test) QVERIFY(!train.count(e.document));
        // Every genre is in every split (stratified).
        std::set<int> testLabels;
        for (const auto& e : a.test) testLabels.insert(e.label);
        QCOMPARE(testLabels.size(), a.labels.size());
        // No test passage's text is in training.
        std::set<std::string> trainTexts;
        for (const auto& e : a.train) trainTexts.insert(e.texts.front());
        int repeated = 0;
        for (const auto& e : a.test) repeated += trainTexts.count(e.texts.front()) && e.texts.front().size() > 80;
        QCOMPARE(repeated, 0);
        // POS: the same documents, one tag per word, every tag a label.
        const Task p = buildTask("pos");
        for (const auto& e : p.test) QVERIFY(!train.count(e.document));
        for (const auto& e : p.train) {
            QCOMPARE(e.words.size(), e.tags.size());
            for (int t : e.tags) QVERIFY(t >= 0 && t < static_cast<int>(p.labels.size()));
        }
        // Another seed, another split.
        const TaskSplitDocs other = taskDocumentSplit(99);
        QVERIFY(other.test != d.test);
        QVERIFY_THROWS_EXCEPTION(Error, buildTask("no-such-task"));
    }

    void scoringAgreesWithAHandComputation()
    {
        const ClassificationScore s = scoreClassification({0, 0, 1, 2}, {0, 1, 1, 1}, 3);
        QCOMPARE(s.total, std::int64_t(4));
        QCOMPARE(s.correct, std::int64_t(2));
        QCOMPARE(s.accuracy, 0.5);
        // F1: class 0 P 1 R 1/2 -> 2/3; class 1 P 1/3 R 1 -> 1/2; class 2 -> 0.
        QVERIFY(std::abs(s.macroF1 - (2.0 / 3 + 0.5 + 0) / 3) < 1e-12);
        QCOMPARE(s.confusion[0][1], std::int64_t(1));
        QCOMPARE(s.confusion[2][1], std::int64_t(1));
        QCOMPARE(s.confusion[1][1], std::int64_t(1));
    }

    void baselinesAreWhatIgnoringTheModelScores()
    {
        for (const char* name : {"genre", "pos"}) {
            const Task t = buildTask(name);
            const TaskBaselines b = taskBaselines(t);
            // Majority: the share of the training split's most frequent label in dev.
            std::vector<std::int64_t> n(t.labels.size(), 0), dev(t.labels.size(), 0);
            for (int g : goldLabels(t, t.train)) ++n[static_cast<std::size_t>(g)];
            for (int g : goldLabels(t, t.dev)) ++dev[static_cast<std::size_t>(g)];
            const auto top = static_cast<std::size_t>(std::max_element(n.begin(), n.end()) - n.begin());
            std::int64_t total = 0;
            for (auto x : dev) total += x;
            QVERIFY(std::abs(b.majorityDev.accuracy - static_cast<double>(dev[top]) / total) < 1e-12);
            QVERIFY2(b.simpleDev.accuracy > b.majorityDev.accuracy + 0.1, name);
            QVERIFY2(b.simpleTest.accuracy > b.majorityTest.accuracy + 0.1, name);
        }
        QCOMPARE(baselineOf("dev_accuracy"), std::string(baseline::devSimpleAccuracy));
        QVERIFY(isBaselineMetric(baseline::testMajorityAccuracy));
    }

    void bodyLearnsAtAFactorOfTheHeadsRate()
    {
        // One step from the same weights and batch: AdamW's first update is lr x scale x
        // (g / |g| + decay), so the body moves exactly body_lr_factor as far as it does at
        // factor 1, the head the same in both, the pre-training heads not at all.
        QTemporaryDir dir;
        const std::string bert = makeModel(dir, "bert-tiny", "bert");
        auto pre = tensorsOf(fs::path(bert) / "model.safetensors");
        std::map<std::string, std::map<std::string, torch::Tensor>> after, heads;
        for (const auto& [name, factor, decay] : std::vector<std::tuple<std::string, double, double>>{
                 {"f01", 0.1, 1.0}, {"f1", 1.0, 1.0}, {"decay", 1.0, 0.5}}) {
            JobSpec s = job(bert, "genre", 1, dir.path().toStdString() + "/" + name);
            s.finetune.body_lr_factor = factor;
            s.finetune.layer_decay = decay;
            Recorder rec;
            QCOMPARE(run(s, dir.path().toStdString() + "/" + name + ".sqlite", rec).status, std::string("completed"));
            after[name] = tensorsOf(fs::path(s.out_dir) / "checkpoint-1" / "model.safetensors");
            heads[name] = tensorsOf(fs::path(s.out_dir) / "checkpoint-1" / "head.safetensors");
        }
        // The head: the same in both runs, and it moved.
        for (const auto& [n, t] : heads["f1"]) QVERIFY2(torch::equal(t, heads["f01"].at(n)), n.c_str());
        const std::map<std::string, double> decayScale{{"emb", 0.25}, {"layer0", 0.5}, {"layer1", 1.0}, {"pooler", 1.0}};
        std::map<std::string, int> checked;
        for (const auto& [n, w0] : pre) {
            const torch::Tensor d01 = after["f01"].at(n) - w0, d1 = after["f1"].at(n) - w0, dd = after["decay"].at(n) - w0;
            const std::string part = partOf(n);
            if (part == "heads") {  // MLM and NSP heads: dropped, untouched
                QVERIFY2(d1.abs().max().item<double>() == 0.0, n.c_str());
                continue;
            }
            if (n.find("token_type") != std::string::npos) continue;  // type 1 never occurs in a one-text task
            // Elements that took a full step (|g| >> Adam's epsilon), where float rounding of
            // the weight is small against the step.
            const torch::Tensor moved = d1.abs() > 0.5 * 1e-3;
            if (moved.sum().item<std::int64_t>() == 0) continue;
            const double r01 = (d01.masked_select(moved) / d1.masked_select(moved)).sub(0.1).abs().max().item<double>();
            const double rd = (dd.masked_select(moved) / d1.masked_select(moved)).sub(decayScale.at(part)).abs().max().item<double>();
            QVERIFY2(r01 < 2e-3, qPrintable(QStringLiteral("%1: body/head step ratio off 0.1 by %2").arg(QString::fromStdString(n)).arg(r01)));
            QVERIFY2(rd < 2e-3 * decayScale.at(part) / 0.1,
                     qPrintable(QStringLiteral("%1: layer-decay ratio off %2 by %3").arg(QString::fromStdString(n)).arg(decayScale.at(part)).arg(rd)));
            ++checked[part];
        }
        for (const char* part : {"emb", "layer0", "layer1", "pooler"}) QVERIFY2(checked[part] > 0, part);
    }

    void freezingKeepsTheLowerLayers()
    {
        QTemporaryDir dir;
        const std::string bert = makeModel(dir, "bert-tiny", "bert");
        const auto pre = tensorsOf(fs::path(bert) / "model.safetensors");
        JobSpec s = job(bert, "pos", 2, dir.path().toStdString() + "/out");
        s.finetune.freeze_embeddings = true;
        s.finetune.freeze_layers = 1;
        Recorder rec;
        QCOMPARE(run(s, dir.path().toStdString() + "/r.sqlite", rec).status, std::string("completed"));
        const auto post = tensorsOf(fs::path(s.out_dir) / "checkpoint-2" / "model.safetensors");
        bool topMoved = false;
        for (const auto& [n, w0] : pre) {
            const double d = (post.at(n) - w0).abs().max().item<double>();
            const std::string part = partOf(n);
            if (part == "emb" || part == "layer0" || part == "heads" || part == "pooler") QVERIFY2(d == 0.0, n.c_str());  // tagging: no pooler
            if (part == "layer1") topMoved = topMoved || d > 0;
        }
        QVERIFY(topMoved);
        // Refused: freezing more layers than the model has.
        JobSpec bad = s;
        bad.finetune.freeze_layers = 3;
        QVERIFY(!bad.validate().empty());
        JobSpec unknown = s;
        unknown.finetune.task = "nli";
        QVERIFY(unknown.validate().find("genre") != std::string::npos);
    }

    void gptUsesGpt1sInputTransformationAndAuxiliaryLm()
    {
        QTemporaryDir dir;
        const std::string gpt = makeModel(dir, "gpt-tiny", "gpt");
        const int V = loadCheckpoint(gpt).config.vocab_size;
        JobSpec s = job(gpt, "genre", 2, dir.path().toStdString() + "/out");
        s.train.eval_every = 1;
        s.train.checkpoint_every = 1;
        Recorder rec;
        QCOMPARE(run(s, dir.path().toStdString() + "/r.sqlite", rec).status, std::string("completed"));
        QVERIFY(!rec.finetuneSnapshots.empty());
        const json snap = json::parse(rec.finetuneSnapshots.front());
        const json& input = snap.at("examples").at(0).at("input");
        QCOMPARE(input.front().get<std::string>(), std::string("<start>"));
        QCOMPARE(input.back().get<std::string>(), std::string("<extract>"));
        QCOMPARE(snap.at("examples").at(0).at("readout").get<int>(), static_cast<int>(input.size()) - 1);
        // L = L_task + 0.5 L_LM, both recorded.
        for (std::int64_t step : {1, 2}) {
            const double task = rec.values.at("task_loss").at(step), lm = rec.values.at("lm_loss").at(step);
            QVERIFY(std::abs(rec.values.at("loss").at(step) - (task + 0.5 * lm)) < 1e-4 * (task + lm));
        }
        // The three new tokens are learned rows of the embedding beyond the vocabulary.
        const auto c1 = tensorsOf(fs::path(s.out_dir) / "checkpoint-1" / "model.safetensors");
        const auto c2 = tensorsOf(fs::path(s.out_dir) / "checkpoint-2" / "model.safetensors");
        const std::string wte = "transformer.wte.weight";
        QVERIFY(c1.count(wte));
        QCOMPARE(c1.at(wte).size(0), std::int64_t(V + 3));
        const torch::Tensor rows1 = c1.at(wte).narrow(0, V, 3), rows2 = c2.at(wte).narrow(0, V, 3);
        QVERIFY(rows1.abs().max().item<double>() > 1e-3);           // initialised N(0, 0.02), not zero
        QVERIFY((rows2 - rows1).abs().max().item<double>() > 0);     // and trained
        const json task = json::parse(std::ifstream(fs::path(s.out_dir) / "best" / "task.json"));
        QCOMPARE(task.at("special_tokens").at("extract").get<int>(), V + 2);
        // lm_weight 0: no auxiliary loss.
        JobSpec noLm = job(gpt, "pos", 1, dir.path().toStdString() + "/out2");
        noLm.finetune.lm_weight = 0;
        Recorder r2;
        QCOMPARE(run(noLm, dir.path().toStdString() + "/r2.sqlite", r2).status, std::string("completed"));
        QVERIFY(!r2.values.count("lm_loss"));
        const json snap2 = json::parse(r2.finetuneSnapshots.front());
        QCOMPARE(snap2.at("examples").at(0).at("input").front().get<std::string>(), std::string("<start>"));
    }

    void bestDevCheckpointTestScoreAndEarlyStopping()
    {
        QTemporaryDir dir;
        const std::string bert = makeModel(dir, "bert-tiny", "bert");
        JobSpec s = job(bert, "genre", 20, dir.path().toStdString() + "/out");
        s.train.eval_every = 2;
        s.train.lr = 1e-12;  // nothing improves after the first evaluation
        s.finetune.patience = 2;
        Recorder rec;
        const RunOutcome r = run(s, dir.path().toStdString() + "/r.sqlite", rec);
        QCOMPARE(r.status, std::string("completed"));
        QCOMPARE(r.lastStep, std::int64_t(6));  // evals at 2 (best), 4 and 6 (no better): stop
        QVERIFY2(r.message.find("stopped early") != std::string::npos, r.message.c_str());
        QCOMPARE(rec.values.at("best_step").begin()->second, 2.0);
        QCOMPARE(rec.values.at("test_accuracy").size(), std::size_t(1));
        const json res = json::parse(std::ifstream(fs::path(s.out_dir) / "best" / "results.json"));
        QCOMPARE(res.at("accuracy").get<double>(), rec.values.at("test_accuracy").begin()->second);
        QCOMPARE(res.at("best_step").get<int>(), 2);
        QVERIFY(res.at("baselines").contains("test_simple_accuracy"));
        QVERIFY(fs::exists(fs::path(s.out_dir) / "best" / "head.safetensors"));
        // The baselines are in the store with the run.
        QVERIFY(rec.values.count("dev_simple_accuracy"));
        QVERIFY(rec.values.count("test_majority_accuracy"));
        // predict on best/ gives what the final test evaluation gave for the same text.
        const json last = json::parse(rec.finetuneSnapshots.back());
        QCOMPARE(last.at("split").get<std::string>(), std::string("test"));
        const json& ex = last.at("examples").at(0);
        const TaskPrediction p = predictTask((fs::path(s.out_dir) / "best").string(), ex.at("text").get<std::vector<std::string>>());
        QCOMPARE(p.task, std::string("genre"));
        QCOMPARE(p.predicted, ex.at("predicted").get<int>());
        const auto probs = ex.at("probs").get<std::vector<double>>();
        QCOMPARE(p.probs.size(), probs.size());
        for (std::size_t i = 0; i < probs.size(); ++i) QVERIFY(std::abs(p.probs[i] - probs[i]) < 1e-5);
        std::vector<std::string> input;
        for (const auto& t : ex.at("input")) input.push_back(t.get<std::string>());
        QCOMPARE(p.input, input);
        QVERIFY_THROWS_EXCEPTION(Error, predictTask(bert, {"no task.json here"}));
        QCOMPARE(splitTaskWords("\"He said (it) was fair.\""),
                 (std::vector<std::string>{"\"", "He", "said", "(", "it", ")", "was", "fair", ".", "\""}));
    }

    void resumeEqualsUninterruptedRun()
    {
        QTemporaryDir dir;
        const std::string bert = makeModel(dir, "bert-tiny", "bert");
        JobSpec s = job(bert, "pos", 8, dir.path().toStdString() + "/a");
        s.train.eval_every = 2;
        s.train.checkpoint_every = 2;
        s.train.warmup_steps = 2;
        Recorder full;
        QCOMPARE(run(s, dir.path().toStdString() + "/a.sqlite", full).status, std::string("completed"));
        JobSpec s2 = s;
        s2.out_dir = dir.path().toStdString() + "/b";
        Recorder part;
        StopToken stop;
        part.onProgress = [&](const ProgressInfo& p) {
            if (p.step == 4) stop.requestStop();
        };
        const std::string storeB = dir.path().toStdString() + "/b.sqlite";
        const RunOutcome b = runJob(s2, storeB, part, stop);
        QCOMPARE(b.status, std::string("cancelled"));
        Recorder rest;
        StopToken s3;
        const RunOutcome c = resumeJob(b.runId, storeB, rest, s3);
        QVERIFY2(c.status == "completed", c.message.c_str());
        for (std::int64_t step = 1; step <= 8; ++step) {
            const double expected = full.losses.at(step);
            const double got = step <= 4 ? part.losses.at(step) : rest.losses.at(step);
            QVERIFY2(expected == got, qPrintable(QStringLiteral("step %1: %2 vs %3").arg(step).arg(expected, 0, 'g', 17).arg(got, 0, 'g', 17)));
        }
        for (const char* m : {"dev_accuracy", "best_dev_accuracy", "test_accuracy", "test_loss"}) {
            const auto& a = full.values.at(m);
            const auto& r = rest.values.at(m);
            QVERIFY2(a.rbegin()->second == r.rbegin()->second, m);
        }
    }

    void multipleChoiceIsASoftmaxOverCandidateSequences()
    {
        // The task: the true next sentence of the same document among three of the same
        // genre and split; deterministic; the word-overlap baseline beats chance.
        const Task t = buildTask("nextsent"), again = buildTask("nextsent");
        QVERIFY(t.kind == TaskKind::MultipleChoice);
        QCOMPARE(t.train.size(), again.train.size());
        QVERIFY(t.train.size() > 5000 && t.test.size() > 1000);
        const TaskExample& e0 = t.train.front();
        QCOMPARE(e0.choices.size(), std::size_t(4));
        QCOMPARE(e0.choices, again.train.front().choices);
        std::vector<int> at(4, 0);
        for (const auto& e : t.train) ++at[static_cast<std::size_t>(e.label)];
        for (int n : at) QVERIFY(n > static_cast<int>(t.train.size()) / 5);  // the right answer's position is drawn
        const TaskBaselines b = taskBaselines(t);
        QVERIFY(b.simpleDev.accuracy > 0.35 && b.majorityDev.accuracy < 0.3);
        // BERT: [CLS] context [SEP] candidate [SEP], segments 0 then 1, one sequence per candidate.
        QTemporaryDir dir;
        const std::string bert = makeModel(dir, "bert-tiny", "bert"), gpt = makeModel(dir, "gpt-tiny", "gpt");
        const auto pb = previewTaskInputs(bert, "nextsent", 1);
        QCOMPARE(pb.size(), std::size_t(4));
        for (const auto& p : pb) {
            QCOMPARE(p.tokens.front(), std::string("[CLS]"));
            QCOMPARE(std::count(p.tokens.begin(), p.tokens.end(), std::string("[SEP]")), std::ptrdiff_t(2));
            QCOMPARE(p.types.front(), 0);
            QCOMPARE(p.types.back(), 1);
            QCOMPARE(p.readout, 0);
        }
        // GPT-1: <start> context <delim> candidate <extract>, read at <extract>.
        for (const auto& p : previewTaskInputs(gpt, "nextsent", 1)) {
            QCOMPARE(p.tokens.front(), std::string("<start>"));
            QCOMPARE(std::count(p.tokens.begin(), p.tokens.end(), std::string("<delim>")), std::ptrdiff_t(1));
            QCOMPARE(p.tokens.back(), std::string("<extract>"));
            QCOMPARE(p.readout, static_cast<int>(p.tokens.size()) - 1);
        }
        // A job: a softmax over the four candidates, and predict agrees with the final test.
        JobSpec s = job(bert, "nextsent", 2, dir.path().toStdString() + "/out");
        s.train.eval_every = 1;
        Recorder rec;
        QCOMPARE(run(s, dir.path().toStdString() + "/r.sqlite", rec).status, std::string("completed"));
        const json last = json::parse(rec.finetuneSnapshots.back());
        const json& ex = last.at("examples").at(0);
        const auto probs = ex.at("probs").get<std::vector<double>>();
        QCOMPARE(probs.size(), std::size_t(4));
        double sum = 0;
        for (double p : probs) sum += p;
        QVERIFY(std::abs(sum - 1) < 1e-5);
        std::vector<std::string> texts = ex.at("text").get<std::vector<std::string>>();
        for (const auto& c : ex.at("choices")) texts.push_back(c.get<std::string>());
        const TaskPrediction p = predictTask((fs::path(s.out_dir) / "best").string(), texts);
        QCOMPARE(p.kind, std::string("multiple choice"));
        QCOMPARE(p.probs.size(), std::size_t(4));
        for (std::size_t i = 0; i < 4; ++i) QVERIFY2(std::abs(p.probs[i] - probs[i]) < 1e-5, qPrintable(QString::number(p.probs[i] - probs[i])));
        QVERIFY_THROWS_EXCEPTION(Error, predictTask((fs::path(s.out_dir) / "best").string(), {"only a context"}));
    }

    void wordnetIsReadAsInstalled()
    {
        const WordNet& wn = WordNet::installed();  // scripts/install-deps.sh installs wordnet-base
        QVERIFY(wn.synsets().size() > 100000);
        const auto& dog = wn.senses("dog", WnPos::Noun);
        QVERIFY(!dog.empty());
        const auto& words = wn.synset(dog.front()).words;
        QVERIFY(std::find(words.begin(), words.end(), "dog") != words.end());
        bool canine = false;
        for (int h : wn.related(dog.front(), "@"))
            for (const auto& w : wn.synset(h).words) canine = canine || w == "canine";
        QVERIFY(canine);
        QCOMPARE(wn.lemmatise("children", WnPos::Noun), std::string("child"));  // noun.exc
        QCOMPARE(wn.lemmatise("dogs", WnPos::Noun), std::string("dog"));        // the suffix rules
        QCOMPARE(wn.lemmatise("xqzv", WnPos::Noun), std::string());
        bool bad = false;
        for (int g : wn.senses("good", WnPos::Adj))
            for (const WnPointer& p : wn.synset(g).pointers)
                if (p.symbol == "!")
                    for (const auto& w : wn.synset(p.target).words) bad = bad || w == "bad";
        QVERIFY(bad);
        QTemporaryDir empty;
        QVERIFY_THROWS_EXCEPTION(Error, WordNet(empty.path().toStdString()));
    }

    void wordnetPairTasksDifferByOneWord()
    {
        for (const char* name : {"entail", "paraphrase"}) {
            const Task t = buildTask(name), again = buildTask(name);
            QCOMPARE(t.train.size(), again.train.size());
            QVERIFY2(t.train.size() > 5000 && t.test.size() > 1000, name);
            std::vector<int> n(2, 0);
            int oneWord = 0;
            for (const auto& e : t.train) {
                QCOMPARE(e.texts.size(), std::size_t(2));
                ++n[static_cast<std::size_t>(e.label)];
                std::istringstream a(e.texts[0]), b(e.texts[1]);
                std::vector<std::string> wa, wb;
                for (std::string w; a >> w;) wa.push_back(w);
                for (std::string w; b >> w;) wb.push_back(w);
                if (wa.size() == wb.size()) {
                    int diff = 0;
                    for (std::size_t i = 0; i < wa.size(); ++i) diff += wa[i] != wb[i];
                    oneWord += diff == 1;
                }
            }
            for (int k : n) QVERIFY2(k > static_cast<int>(t.train.size()) / 3, name);  // both labels, roughly balanced
            if (std::string(name) == "entail") QCOMPARE(oneWord, static_cast<int>(t.train.size()));  // always one replaced word
            else QVERIFY(oneWord > static_cast<int>(t.train.size()) / 2);  // but for the unrelated sentences
        }
        QVERIFY(buildTask("paraphrase").symmetric);
        QVERIFY(!buildTask("entail").symmetric);
    }

    void gptSumsBothOrdersOfASymmetricPair()
    {
        QTemporaryDir dir;
        const std::string gpt = makeModel(dir, "gpt-tiny", "gpt");
        const auto rows = previewTaskInputs(gpt, "paraphrase", 1);
        QCOMPARE(rows.size(), std::size_t(2));  // (a, b) and (b, a)
        const auto at = [](const std::vector<std::string>& v, const char* t) { return std::find(v.begin(), v.end(), t) - v.begin(); };
        const std::vector<std::string> a1(rows[0].tokens.begin() + 1, rows[0].tokens.begin() + at(rows[0].tokens, "<delim>"));
        const std::vector<std::string> b2(rows[1].tokens.begin() + at(rows[1].tokens, "<delim>") + 1, rows[1].tokens.end() - 1);
        QVERIFY(!a1.empty());
        // The first text opens row 1 and closes row 2 (its leading space aside).
        QCOMPARE(a1.size(), b2.size());
        JobSpec s = job(gpt, "paraphrase", 2, dir.path().toStdString() + "/out");
        s.train.eval_every = 1;
        Recorder rec;
        QCOMPARE(run(s, dir.path().toStdString() + "/r.sqlite", rec).status, std::string("completed"));
        const json ex = json::parse(rec.finetuneSnapshots.back()).at("examples").at(0);
        const TaskPrediction p = predictTask((fs::path(s.out_dir) / "best").string(), ex.at("text").get<std::vector<std::string>>());
        const auto probs = ex.at("probs").get<std::vector<double>>();
        QCOMPARE(p.probs.size(), probs.size());
        for (std::size_t i = 0; i < probs.size(); ++i) QVERIFY(std::abs(p.probs[i] - probs[i]) < 1e-5);
        QCOMPARE(std::count(p.input.begin(), p.input.end(), std::string("<extract>")), std::ptrdiff_t(2));
    }

    void transferExperimentRunsBothArmsPerSize()
    {
        QTemporaryDir dir;
        const std::string bert = makeModel(dir, "bert-tiny", "bert");
        TransferOptions o;
        o.checkpoint = bert;
        o.task = "genre";
        o.sizes = {16, 40};
        o.minSteps = 2;
        o.maxSteps = 3;
        o.set = {"batch_size=8", "seq_len=64", "max_eval_examples=24", "threads=2", "precision=fp32"};
        o.outDir = dir.path().toStdString() + "/out";
        Recorder rec;
        StopToken stop;
        const std::string store = dir.path().toStdString() + "/r.sqlite";
        const TransferResult r = runTransferExperiment(o, store, rec, stop);
        QVERIFY2(r.status == "completed", r.message.c_str());
        QCOMPARE(r.arms.size(), std::size_t(4));
        RunStore st(store);
        for (const TransferArm& a : r.arms) {
            QCOMPARE(a.status, std::string("completed"));
            std::map<std::string, double> last;
            for (const auto& m : st.metrics(a.runId)) last[m.name] = m.value;
            QCOMPARE(static_cast<int>(last.at("task_train_examples")), a.examples);  // the subset, for model and baselines
            QCOMPARE(r.metric, std::string("accuracy"));
            QCOMPARE(a.testScore, last.at("test_accuracy"));
            const json cfg = json::parse(st.run(a.runId)->configJson);
            QCOMPARE(cfg.at("finetune").at("from_scratch").get<bool>(), a.fromScratch);
            QCOMPARE(a.steps, std::int64_t(3));  // 10 epochs of 16 / 8 = 20 steps, clamped to 2..3
        }
        QCOMPARE(r.arms[0].examples, 16);
        QVERIFY(!r.arms[0].fromScratch && r.arms[1].fromScratch);
        // The subsets are the same for both arms (chosen by task_seed): the same baselines.
        QCOMPARE(r.arms[0].testSimple, r.arms[1].testSimple);
    }

    void cliListsTasksAndFineTunes()
    {
        QTemporaryDir dir;
        const std::string bert = makeModel(dir, "bert-tiny", "bert");
        QProcess list;
        list.start(QStringLiteral(PTL_CLI_PATH), {QStringLiteral("tasks"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(list.waitForFinished(120000));
        QCOMPARE(list.exitCode(), 0);
        const json tasks = json::parse(list.readAllStandardOutput().toStdString());
        QCOMPARE(tasks.at("tasks").at(0).at("name").get<std::string>(), std::string("genre"));
        QProcess p;
        const QString out = dir.path() + QStringLiteral("/out");
        p.start(QStringLiteral(PTL_CLI_PATH),
                {QStringLiteral("finetune"), QStringLiteral("--checkpoint"), QString::fromStdString(bert), QStringLiteral("--task"),
                 QStringLiteral("pos"), QStringLiteral("--store"), dir.path() + QStringLiteral("/r.sqlite"), QStringLiteral("--out"), out,
                 QStringLiteral("--set"), QStringLiteral("steps=2"), QStringLiteral("--set"), QStringLiteral("batch_size=4"),
                 QStringLiteral("--set"), QStringLiteral("max_train_examples=16"), QStringLiteral("--set"),
                 QStringLiteral("max_eval_examples=16"), QStringLiteral("--set"), QStringLiteral("eval_every=1")});
        QVERIFY(p.waitForFinished(300000));
        const QString stdout_ = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, qPrintable(stdout_ + QString::fromUtf8(p.readAllStandardError())));
        QVERIFY2(stdout_.contains(QStringLiteral("most frequent tag per word")), qPrintable(stdout_));
        QVERIFY2(stdout_.contains(QStringLiteral("majority class")), qPrintable(stdout_));
        QVERIFY(fs::exists(fs::path(out.toStdString()) / "best" / "results.json"));
        // A task that does not exist: a message with the list, exit code non-zero.
        QProcess bad;
        bad.start(QStringLiteral(PTL_CLI_PATH), {QStringLiteral("finetune"), QStringLiteral("--checkpoint"), QString::fromStdString(bert),
                                                 QStringLiteral("--task"), QStringLiteral("squad9"), QStringLiteral("--store"),
                                                 dir.path() + QStringLiteral("/r.sqlite")});
        QVERIFY(bad.waitForFinished(60000));
        QVERIFY(bad.exitCode() != 0);
        QVERIFY(QString::fromUtf8(bad.readAllStandardError()).contains(QStringLiteral("genre")));
    }
};

QTEST_GUILESS_MAIN(TestFinetune)
#include "test_finetune.moc"

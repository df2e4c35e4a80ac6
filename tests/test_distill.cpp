// Distillation: the KD loss against a hand computation, TinyBERT's layer map, the
// attention-score loss ignoring padded keys, W_h learning, the student's initial weights,
// and a DistilBERT job end to end (its parent, its metrics, the comparison table).
#include "core/api/Distill.h"
#include "core/api/Job.h"
#include "core/api/ModelSession.h"
#include "core/api/Presets.h"
#include "core/model/Checkpoint.h"
#include "tests/common/SmallModel.h"
#include "core/store/RunStore.h"
#include "core/train/Distiller.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <filesystem>

using namespace ptl;
namespace fs = std::filesystem;

namespace {

// A small BERT teacher with sharp random weights, saved as a checkpoint folder.
std::string makeTeacher(const QTemporaryDir& dir, int layers = 4)
{
    return test::saveSmallModel(dir.path().toStdString() + "/teacher", "bert-tiny", layers, 3);
}

JobSpec job(const std::string& teacher, const std::string& method, int steps)
{
    JobSpec s = JobSpec::forDistillation(teacher, method);
    s.train.steps = steps;
    s.train.batch_size = 8;
    s.train.seq_len = 64;
    s.train.log_every = 1;
    s.train.eval_every = steps;
    s.train.eval_batches = 2;
    s.train.probe_every = 1000;
    s.train.checkpoint_every = steps;
    s.train.warmup_steps = 1;
    s.train.lr = 1e-3;
    s.train.threads = 2;
    s.train.precision = Precision::Fp32;
    return s;
}

struct Quiet : JobObserver {};

} // namespace

class TestDistill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kdLossEqualsAHandComputation()
    {
        // Two rows over three tokens, temperature 2.
        const std::vector<std::vector<double>> s{{1.0, 2.0, 0.5}, {0.0, -1.0, 3.0}}, t{{2.0, 0.0, 1.0}, {1.0, 1.0, 1.0}};
        const double T = 2.0;
        double kl = 0, sce = 0;
        for (int r = 0; r < 2; ++r) {
            double zs = 0, zt = 0;
            for (int i = 0; i < 3; ++i) {
                zs += std::exp(s[r][i] / T);
                zt += std::exp(t[r][i] / T);
            }
            for (int i = 0; i < 3; ++i) {
                const double p = std::exp(t[r][i] / T) / zt, logq = s[r][i] / T - std::log(zs);
                kl += p * (std::log(p) - logq);
                sce += -p * logq;
            }
        }
        kl = kl / 2 * T * T;  // batchmean, times T^2
        sce /= 2;
        auto st = torch::tensor({1.0f, 2.0f, 0.5f, 0.0f, -1.0f, 3.0f}).view({2, 3});
        auto tt = torch::tensor({2.0f, 0.0f, 1.0f, 1.0f, 1.0f, 1.0f}).view({2, 3});
        QVERIFY(std::abs(softTargetKl(st, tt, T).item<double>() - kl) < 1e-6);
        QVERIFY(std::abs(softCrossEntropy(st, tt, T).item<double>() - sce) < 1e-6);
        QVERIFY(std::abs(softTargetKl(tt, tt, T).item<double>()) < 1e-7);  // zero for identical logits
    }

    void tinyBertLayerMap()
    {
        DistillConfig d;
        QCOMPARE(d.mapping(2, 4), (std::vector<int>{2, 4}));
        QCOMPARE(d.mapping(4, 12), (std::vector<int>{3, 6, 9, 12}));  // TinyBERT-4 from BERT-base
        QCOMPARE(d.mapping(3, 4), (std::vector<int>{1, 2, 4}));       // g(m) = m N / M, rounded down
        d.layer_map = {1, 3};
        QCOMPARE(d.mapping(2, 4), (std::vector<int>{1, 3}));          // edited
        DistillConfig e;
        QCOMPARE(e.initLayers(2, 4), (std::vector<int>{0, 2}));       // every other layer
        QCOMPARE(e.initLayers(3, 4), (std::vector<int>{0, 2, 3}));
        JobSpec s = JobSpec::forDistillation(shippedModelDir(), "tinybert");
        s.distill.layer_map = {1, 2, 3};
        QVERIFY(s.validate().find("layer_map") != std::string::npos);  // one per student layer
    }

    void attentionScoreLossIgnoresPaddedKeys()
    {
        torch::manual_seed(1);
        auto s = torch::randn({2, 2, 4, 4}), t = torch::randn({2, 2, 4, 4});
        auto mask = torch::tensor({1, 1, 1, 1, 1, 1, 0, 0}).view({2, 4});
        const double base = attentionScoreLoss(s, t, mask).item<double>();
        auto s2 = s.clone();
        s2.index_put_({1, torch::indexing::Slice(), torch::indexing::Slice(), torch::indexing::Slice(2, 4)}, 1000.0);  // padded keys
        QCOMPARE(attentionScoreLoss(s2, t, mask).item<double>(), base);
        auto s3 = s.clone();
        s3[1][0][0][1] += 5.0;  // a real key
        QVERIFY(attentionScoreLoss(s3, t, mask).item<double>() > base);
        // The MSE is over every element, masked ones counting as 0 = 0.
        auto keep = mask.to(torch::kBool).unsqueeze(1).unsqueeze(2).expand({2, 2, 4, 4});
        const double byHand = ((s - t).pow(2) * keep.to(torch::kFloat32)).sum().item<double>() / s.numel();
        QVERIFY(std::abs(base - byHand) < 1e-6);
    }

    void studentStartsFromTheChosenTeacherLayers()
    {
        QTemporaryDir dir;
        LoadedModel t = loadCheckpoint(makeTeacher(dir));
        ModelConfig c = t.config;
        c.family = Family::DistilBert;
        c.type_vocab_size = 0;
        c.num_layers = 2;
        TransformerModel s(c);
        initStudentFromTeacher(s, t.model, {1, 3});
        QVERIFY(torch::equal(s->embeddings->word->weight, t.model->embeddings->word->weight));
        // Positions carry the teacher's type-0 embedding: single-segment inputs are unchanged.
        QVERIFY(torch::allclose(s->embeddings->position->weight, t.model->embeddings->position->weight + t.model->embeddings->type->weight[0]));
        for (int i = 0; i < 2; ++i) {
            const int tl = i == 0 ? 1 : 3;
            QVERIFY(torch::equal(s->attentionBlock(i)->attn->qkv->weight, t.model->attentionBlock(tl)->attn->qkv->weight));
            QVERIFY(torch::equal(s->ffnBlock(i)->ffn->down->bias, t.model->ffnBlock(tl)->ffn->down->bias));
            QVERIFY(torch::equal(s->ffnBlock(i)->norm->weight, t.model->ffnBlock(tl)->norm->weight));
        }
        QVERIFY(torch::equal(s->mlmBias, t.model->mlmBias));
        // So the student's output on one segment equals the teacher's when the layers are the teacher's first ones.
        ModelConfig same = t.config;
        same.family = Family::DistilBert;
        same.type_vocab_size = 0;
        TransformerModel full(same);
        initStudentFromTeacher(full, t.model, {0, 1, 2, 3});
        full->eval();
        torch::NoGradGuard ng;
        auto ids = torch::tensor({{2, 300, 400, 500, 3}}, torch::kLong);
        QVERIFY(torch::allclose(full->forward(ids).token_logits, t.model->forward(ids).token_logits, 1e-4, 1e-5));
    }

    void distilBertJobEndToEnd()
    {
        QTemporaryDir dir;
        const std::string teacher = makeTeacher(dir);
        const std::string store = dir.path().toStdString() + "/runs.sqlite";
        JobSpec s = job(teacher, "distilbert", 6);
        s.distill.teacher_run = 0;
        QCOMPARE(s.model.num_layers, 2);
        QVERIFY(s.model.family == Family::DistilBert);
        Quiet q;
        StopToken stop;
        const RunOutcome r = runJob(s, store, q, stop);
        QVERIFY2(r.status == "completed", r.message.c_str());
        RunStore st(store);
        const auto rec = st.run(r.runId);
        QCOMPARE(rec->parentPath, teacher);
        QCOMPARE(rec->objective, std::string("distil (kd+mlm+cos)"));
        std::set<std::string> names;
        for (const auto& m : st.metrics(r.runId)) names.insert(m.name);
        for (const char* n : {"kd_loss", "mlm_loss", "cos_loss", "eval_mlm_accuracy", "teacher_eval_mlm_accuracy"}) QVERIFY2(names.count(n), n);
        // The student's checkpoint is a DistilBertForMaskedLM.
        const auto cks = st.checkpoints(r.runId);
        const std::string cfg = readModelConfig(fs::path(cks.back().path) / "config.json").family == Family::DistilBert ? "ok" : "no";
        QCOMPARE(cfg, std::string("ok"));
        CompareOptions co;
        co.reps = 3;
        co.evalBatches = 1;
        co.evalBatchSize = 8;
        co.seqLen = 64;
        const DistillComparison c = compareTeacherStudent(teacher, cks.back().path, co);
        QVERIFY(c.student.parameters < c.teacher.parameters);
        QVERIFY(c.student.nonEmbeddingParameters < 0.6 * static_cast<double>(c.teacher.nonEmbeddingParameters));  // 2 of 4 layers, no pooler/NSP
        QVERIFY(c.teacher.latencyMs > 0 && c.student.latencyMs > 0);
        QVERIFY(c.evalPositions > 0);
        QVERIFY(c.student.mlmAccuracy >= 0 && c.student.mlmAccuracy <= 1);
    }

    void tinyBertProjectionLearns()
    {
        QTemporaryDir dir;
        const std::string teacher = makeTeacher(dir);
        JobSpec s = job(teacher, "tinybert", 30);
        QCOMPARE(s.model.hidden_size, 32);  // half the teacher's width
        QCOMPARE(s.model.num_heads, 2);     // the teacher's heads
        Quiet q;
        StopToken stop;
        const std::string store = dir.path().toStdString() + "/runs.sqlite";
        const RunOutcome r = runJob(s, store, q, stop);
        QVERIFY2(r.status == "completed", r.message.c_str());
        RunStore st(store);
        std::map<std::string, std::vector<double>> series;
        for (const auto& m : st.metrics(r.runId)) series[m.name].push_back(m.value);
        for (const char* n : {"att_loss", "hid_loss", "emb_loss", "pred_loss", "att_loss_1", "att_loss_2", "hid_loss_1", "hid_loss_2"})
            QVERIFY2(series.count(n), n);
        // W_h learns: the hidden-state and embedding losses fall.
        auto early = [](const std::vector<double>& v) { return (v[0] + v[1] + v[2]) / 3; };
        auto late = [](const std::vector<double>& v) { return (v[v.size() - 1] + v[v.size() - 2] + v[v.size() - 3]) / 3; };
        QVERIFY2(late(series["hid_loss"]) < 0.9 * early(series["hid_loss"]),
                 qPrintable(QStringLiteral("%1 -> %2").arg(early(series["hid_loss"])).arg(late(series["hid_loss"]))));
        QVERIFY(late(series["emb_loss"]) < early(series["emb_loss"]));
        // The checkpoint's trainer state holds W_h, so a resume continues it.
        const auto cks = st.checkpoints(r.runId);
        const auto state = SafetensorsFile::open(fs::path(cks.back().path) / "trainer_state.safetensors");
        QVERIFY(state.contains("aux.fit_dense_0.weight"));
        QCOMPARE(state.tensor("aux.fit_dense_0.weight").sizes(), (c10::IntArrayRef{64, 32}));
    }

    void attentionComparisonPairsTheMappedLayers()
    {
        QTemporaryDir dir;
        const std::string teacher = makeTeacher(dir);
        auto tok = loadBundledTokenizer(TokenizerKind::WordPiece);
        LoadedModel t = loadCheckpoint(teacher);
        ModelConfig c = t.config;
        c.family = Family::DistilBert;
        c.type_vocab_size = 0;
        c.num_layers = 2;
        TransformerModel s(c);
        initStudentFromTeacher(s, t.model, {1, 3});
        const std::string student = dir.path().toStdString() + "/student";
        saveCheckpoint(student, s, *tok);
        // Student layer 1 is teacher layer 2 (1-based), student 2 is teacher 4: identical maps
        // apart from the folded type embedding, so the per-head MSE is tiny there.
        const AttentionComparison a = compareAttention(teacher, student, "the jury said it was fair .", {2, 4});
        QCOMPARE(a.pairs.size(), std::size_t(2));
        QCOMPARE(a.pairs[0].teacherLayer, 2);
        QCOMPARE(a.pairs[1].studentLayer, 2);
        QCOMPARE(a.pairs[0].mse.size(), std::size_t(2));
        QVERIFY(a.pairs[1].mse[0] < 1e-3);
        const AttentionComparison b = compareAttention(teacher, student, "the jury said it was fair .", {1, 1});
        QVERIFY(b.pairs[1].mse[0] + b.pairs[1].mse[1] > a.pairs[1].mse[0] + a.pairs[1].mse[1]);
    }
};

QTEST_GUILESS_MAIN(TestDistill)
#include "test_distill.moc"

// bert-tiny learns on the bundled corpus: after a fixed number of steps the training loss
// is at least 30% below where it started. Behaviour, not speed: the same steps, and so the
// same check, on any CPU (CPUs without AVX-512 only take longer).
#include "core/api/Job.h"

#include <QTemporaryDir>
#include <QtTest>
#include <map>

using namespace ptl;

namespace {
struct Recorder : JobObserver {
    std::map<std::int64_t, double> losses;
    void progress(const ProgressInfo& p) override { losses[p.step] = p.loss; }
};
std::string storeIn(const QTemporaryDir& d) { return (d.path() + QStringLiteral("/runs.sqlite")).toStdString(); }
} // namespace

class TestLearning : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bertTinyLossFallsWithinFixedSteps()
    {
        // bert-tiny (L2 H128, the preset's model) on the bundled corpus, short sequences
        // (32 tokens, batch 128: 4,096 tokens a step, as 32 x 128), no dropout.
        QTemporaryDir dir;
        JobSpec s = JobSpec::fromPreset("bert-tiny");
        const int steps = 1000;
        s.train.steps = steps;
        s.train.seq_len = 32;
        s.train.batch_size = 128;
        s.train.lr = 2e-3;
        s.train.mask_prob = 0.15;  // BERT's rate: the preset's 40% makes the training loss itself harder
        s.train.max_predictions = 5;
        s.train.warmup_steps = 50;
        s.train.log_every = 1;
        s.train.eval_every = 100000;
        s.train.probe_every = 100000;
        s.train.checkpoint_every = 100000;
        s.train.dynamics = false;
        s.train.precision = Precision::Fp32;  // the same arithmetic on every CPU
        s.model.hidden_dropout = s.model.attention_dropout = s.model.embedding_dropout = 0.0;
        Recorder rec;
        StopToken stop;
        const RunOutcome r = runJob(s, storeIn(dir), rec, stop);
        QVERIFY2(r.status == "completed", r.message.c_str());
        QCOMPARE(r.lastStep, std::int64_t(steps));
        auto mean = [&](std::int64_t from, std::int64_t to) {
            double sum = 0;
            int n = 0;
            for (auto& [step, l] : rec.losses)
                if (step >= from && step <= to) { sum += l; ++n; }
            return sum / std::max(1, n);
        };
        const double first = mean(1, 5), end = mean(steps - 49, steps);
        qInfo("loss %.3f -> %.3f (%.1f%% lower) after %d steps", first, end, 100.0 * (1 - end / first), steps);
        QVERIFY2(end <= 0.7 * first, "the loss did not fall by 30% within the steps");
    }
};

QTEST_GUILESS_MAIN(TestLearning)
#include "test_learning.moc"

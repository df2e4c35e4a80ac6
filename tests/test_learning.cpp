// bert-tiny learns on the bundled corpus: the training loss falls by at least 30% within
// 60 s. Its own executable, run alone (RUN_SERIAL): it measures wall time.
#include "core/api/Job.h"

#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <map>

using namespace ptl;

namespace {
struct Recorder : JobObserver {
    std::map<std::int64_t, double> losses;
    std::function<void(const ProgressInfo&)> onProgress;
    void progress(const ProgressInfo& p) override
    {
        losses[p.step] = p.loss;
        if (onProgress) onProgress(p);
    }
};
std::string storeIn(const QTemporaryDir& d) { return (d.path() + QStringLiteral("/runs.sqlite")).toStdString(); }
} // namespace

class TestLearning : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bertTinyLossFallsWithinSixtySeconds()
    {
        // bert-tiny (L2 H128, the preset's model) on the bundled corpus. Short sequences
        // (32 tokens, batch 128: 4,096 tokens a step, as 32 x 128) and no dropout learn
        // fastest per second: measured here, loss -32% at 50 s versus -28% with 128-token
        // sequences, which sit longer on the unigram plateau.
        QTemporaryDir dir;
        JobSpec s = JobSpec::fromPreset("bert-tiny");
        s.train.steps = 1400;
        s.train.seq_len = 32;
        s.train.batch_size = 128;
        s.train.lr = 2e-3;
        s.train.warmup_steps = 50;
        s.train.log_every = 1;
        s.train.eval_every = 100000;
        s.train.probe_every = 100000;
        s.train.checkpoint_every = 100000;
        s.model.hidden_dropout = s.model.attention_dropout = s.model.embedding_dropout = 0.0;
        Recorder rec;
        StopToken stop;
        const auto t0 = std::chrono::steady_clock::now();
        rec.onProgress = [&](const ProgressInfo&) {
            if (std::chrono::steady_clock::now() - t0 > std::chrono::seconds(58)) stop.requestStop();
        };
        const RunOutcome r = runJob(s, storeIn(dir), rec, stop);
        QVERIFY2(r.status == "completed" || r.status == "cancelled", r.message.c_str());
        auto mean = [&](std::int64_t from, std::int64_t to) {
            double sum = 0;
            int n = 0;
            for (auto& [step, l] : rec.losses)
                if (step >= from && step <= to) { sum += l; ++n; }
            return sum / std::max(1, n);
        };
        const std::int64_t last = rec.losses.rbegin()->first;
        const double first = mean(1, 5), end = mean(last - 49, last);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        qInfo("loss %.3f -> %.3f (%.1f%% lower) after %lld steps in %.1f s", first, end, 100.0 * (1 - end / first),
              static_cast<long long>(last), seconds);
        QVERIFY(seconds < 62.0);
        QVERIFY2(end <= 0.7 * first, "the loss did not fall by 30% within 60 s");
    }

};

QTEST_GUILESS_MAIN(TestLearning)
#include "test_learning.moc"

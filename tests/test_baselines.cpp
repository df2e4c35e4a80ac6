// The unigram baseline: counts, entropy and cross-entropy by hand, and the baselines a
// run records (on a fixture corpus whose token counts are known).
#include "core/api/Baselines.h"
#include "core/api/Job.h"
#include "core/api/Runs.h"
#include "core/objectives/Unigram.h"
#include "core/text/Corpus.h"
#include "core/text/Tokenizer.h"
#include "core/train/DataPipeline.h"
#include "core/util/Error.h"

#include <QFile>
#include <nlohmann/json.hpp>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

using namespace ptl;

namespace {
struct Quiet : JobObserver {};

std::map<std::string, double> metricsAt(const std::string& store, std::int64_t runId, std::int64_t step)
{
    std::map<std::string, double> out;
    RunStoreClient c(store);
    for (const auto& m : c.metrics(runId))
        if (m.step == step) out[m.name] = m.value;
    return out;
}
} // namespace

class TestBaselines : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsByHand()
    {
        // 2 x a, 1 x b, 1 x c: p = 1/2, 1/4, 1/4.
        UnigramCounts u(5);
        u.add(1, 2);
        u.add(2);
        u.add(3);
        QCOMPARE(u.total(), std::int64_t(4));
        const double h = -(0.5 * std::log(0.5) + 2 * 0.25 * std::log(0.25));
        QVERIFY(std::abs(u.entropy() - h) < 1e-12);
        QCOMPARE(u.top(2).front().first, 1);
        QCOMPARE(u.top(2).back().first, 2);  // ties: the lower id first
        QCOMPARE(u.top(10).size(), std::size_t(3));  // unseen tokens are not listed
        // Held out: a, d. Smoothed with alpha 0.5 over 5 tokens: p(a) = 2.5/6.5, p(d) = 0.5/6.5.
        UnigramCounts held(5);
        held.add(1);
        held.add(4);
        const double ce = -(std::log(2.5 / 6.5) + std::log(0.5 / 6.5)) / 2;
        QVERIFY(std::abs(u.crossEntropy(held) - ce) < 1e-12);
        QCOMPARE(u.accuracyOfMostFrequent(held), 0.5);
        // JSON round trip; a damaged file names itself.
        const UnigramCounts back = UnigramCounts::fromJson(u.toJson(), "u.json");
        QCOMPARE(back.counts(), u.counts());
        QVERIFY_THROWS_EXCEPTION(Error, UnigramCounts::fromJson("{\"counts\": [1, -2]}", "u.json"));
        QVERIFY_THROWS_EXCEPTION(Error, UnigramCounts::fromJson("not json", "u.json"));
        QVERIFY_THROWS_EXCEPTION(Error, u.add(5));
        QCOMPARE(binaryEntropy(0.5), std::log(2.0));
        QCOMPARE(binaryEntropy(0.0), 0.0);
    }

    void runRecordsTheHandCountedBaseline()
    {
        // Every sentence is "the cat and the dog sat ." (7 tokens: the x 2, five others
        // once), so whichever documents are held out the maskable tokens are 2/7 "the" and
        // 1/7 each of the rest, as long as no pair is truncated mid-sentence: documents of
        // 42 tokens, pairs of at most two of them, 128-token sequences, no short targets.
        QTemporaryDir dir;
        const std::string corpus = (dir.path() + QStringLiteral("/c.txt")).toStdString();
        {
            std::ofstream f(corpus);
            for (int d = 0; d < 40; ++d) {
                for (int s = 0; s < 6; ++s) f << "the cat and the dog sat .\n";
                f << "\n";
            }
        }
        const auto tok = loadBundledTokenizer(TokenizerKind::WordPiece);
        QCOMPARE(tok->tokenize("the cat and the dog sat .").size(), std::size_t(7));
        JobSpec s = JobSpec::fromPreset("bert-tiny");
        s.corpus = corpus;
        s.train.steps = 1;
        s.train.batch_size = 4;
        s.train.seq_len = 128;
        s.train.short_seq_prob = 0.0;
        s.train.start_seq_len = 0;  // one sequence length: the hand count assumes whole documents
        s.train.eval_every = 1;
        s.train.threads = 1;
        s.train.precision = Precision::Fp32;
        Quiet q;
        StopToken stop;
        const std::string store = (dir.path() + QStringLiteral("/runs.sqlite")).toStdString();
        const RunOutcome r = runJob(s, store, q, stop);
        QVERIFY2(r.status == "completed", r.message.c_str());
        const auto m0 = metricsAt(store, r.runId, 0);
        const double h = -(2.0 / 7 * std::log(2.0 / 7) + 5.0 / 7 * std::log(1.0 / 7));
        QVERIFY(m0.count(baseline::unigramEntropy));
        qInfo("unigram entropy recorded %.12f, by hand %.12f", m0.at(baseline::unigramEntropy), h);
        QVERIFY(std::abs(m0.at(baseline::unigramEntropy) - h) < 1e-9);
        QVERIFY(std::abs(m0.at(baseline::loss) - (h + std::log(2.0))) < 1e-9);  // MLM + a coin for NSP
        QVERIFY(std::abs(m0.at(baseline::evalUnigramAccuracy) - 2.0 / 7) < 1e-9);
        // The eval ratio divides by it.
        const auto m1 = metricsAt(store, r.runId, 1);
        QVERIFY(std::abs(m1.at("eval_mlm_loss_ratio") - m1.at("eval_mlm_loss") / h) < 1e-9);
        // The checkpoint carries the counts (the fill-mask table's frequency column).
        std::ifstream in(r.outDir + "/checkpoint-1/unigram.json");
        QVERIFY(in.good());
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const UnigramCounts u = UnigramCounts::fromJson(text, "unigram.json");
        QCOMPARE(u.top(1).front().first, tok->id("the"));
    }

    void extraTextTrainsButKeepsTheCorpusBaseline()
    {
        // extra_corpus: its sequences join the training ones; the held-out documents and the
        // unigram baseline stay the corpus's (the hand count above), for both objectives.
        QTemporaryDir dir;
        const std::string corpus = (dir.path() + QStringLiteral("/c.txt")).toStdString();
        const std::string extra = (dir.path() + QStringLiteral("/extra")).toStdString();
        std::filesystem::create_directories(extra);
        {
            std::ofstream f(corpus);
            for (int d = 0; d < 40; ++d) {
                for (int s = 0; s < 6; ++s) f << "the cat and the dog sat .\n";
                f << "\n";
            }
            std::ofstream e(extra + "/birds.txt");
            for (int d = 0; d < 30; ++d) {
                for (int s = 0; s < 8; ++s) e << "a bird flew over my house today .\n";
                e << "\n";
            }
        }
        const Corpus c = readCorpus(corpus), x = readCorpus(extra);
        for (const char* preset : {"bert-tiny", "gpt-tiny"}) {
            JobSpec s = JobSpec::fromPreset(preset);
            s.train.batch_size = 4;
            s.train.seq_len = 32;
            s.train.short_seq_prob = 0.0;
            const auto tok = loadBundledTokenizer(s.tokenizer);
            const DataPipeline alone(s, *tok, c), with(s, *tok, c, nullptr, &x);
            QVERIFY2(with.trainInstances() > alone.trainInstances(), preset);
            QCOMPARE(with.trainUnigram().counts(), alone.trainUnigram().counts());
            QCOMPARE(with.heldOutUnigram().counts(), alone.heldOutUnigram().counts());
            QCOMPARE(with.heldOutDocuments(), alone.heldOutDocuments());
            for (int b = 0; b < alone.evalBatchCount(); ++b)
                QVERIFY(torch::equal(with.evalBatch(b).ids, alone.evalBatch(b).ids));
            // Some training batch holds the extra text.
            const int bird = tok->encode(s.model.family == Family::Gpt2 ? " bird" : "bird").front();
            bool seen = false;
            for (int b = 0; b < 40 && !seen; ++b) seen = with.trainBatch(b).ids.eq(bird).any().item<bool>();
            QVERIFY2(seen, preset);
        }
        // Through a run: the recorded baseline is the corpus's hand count; a missing folder
        // is refused naming it.
        JobSpec s = JobSpec::fromPreset("bert-tiny");
        s.corpus = corpus;
        s.extra_corpus = extra;
        s.train.steps = 1;
        s.train.batch_size = 4;
        s.train.seq_len = 128;
        s.train.short_seq_prob = 0.0;
        s.train.start_seq_len = 0;
        s.train.eval_every = 1;
        s.train.threads = 1;
        s.train.precision = Precision::Fp32;
        QCOMPARE(JobSpec::fromJson(s.toJson()).extra_corpus, extra);
        Quiet q;
        StopToken stop;
        const std::string store = (dir.path() + QStringLiteral("/runs.sqlite")).toStdString();
        const RunOutcome r = runJob(s, store, q, stop);
        QVERIFY2(r.status == "completed", r.message.c_str());
        const double h = -(2.0 / 7 * std::log(2.0 / 7) + 5.0 / 7 * std::log(1.0 / 7));
        QVERIFY(std::abs(metricsAt(store, r.runId, 0).at(baseline::unigramEntropy) - h) < 1e-9);
        s.extra_corpus = extra + "/missing";
        const RunOutcome bad = runJob(s, store, q, stop);
        QCOMPARE(bad.status, std::string("failed"));
        QVERIFY2(bad.message.find("missing") != std::string::npos, bad.message.c_str());
    }

    void presetDefaultsMatchTheReadme()
    {
        // README.md, "Preset defaults": | `name` | steps | lr | mask_prob | start_seq_len | start_seq_share | dropout | sinusoidal |
        QFile f(QStringLiteral(PTL_TEST_DATA "/../../README.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        int rows = 0;
        for (const QString& line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
            if (!line.startsWith(QStringLiteral("| `"))) continue;
            const QStringList c = line.split(QLatin1Char('|'));
            if (c.size() < 10) continue;
            const std::string name = c[1].trimmed().remove(QLatin1Char('`')).toStdString();
            const JobSpec s = JobSpec::fromPreset(name);
            qInfo("%s: %s", name.c_str(), qPrintable(line));
            QCOMPARE(c[2].trimmed().remove(QLatin1Char(',')).toInt(), s.train.steps);
            QCOMPARE(c[3].trimmed().toDouble(), s.train.lr);
            QCOMPARE(c[4].trimmed().toDouble(), s.train.mask_prob);
            QCOMPARE(c[5].trimmed().toInt(), s.train.start_seq_len);
            QCOMPARE(c[6].trimmed().toDouble(), s.train.start_seq_share);
            QCOMPARE(c[7].trimmed().toDouble(), s.model.hidden_dropout);
            QCOMPARE(c[8].trimmed() == QStringLiteral("yes"), s.model.sinusoidal_positions);
            ++rows;
        }
        QVERIFY2(rows >= 3, "the README's preset table was not found");
    }

    void baselineNames()
    {
        QCOMPARE(baselineOf("eval_mlm_loss"), std::string(baseline::evalUnigramLoss));
        QCOMPARE(baselineOf("lm_loss"), std::string(baseline::unigramEntropy));
        QCOMPARE(baselineOf("eval_disc_loss"), std::string(baseline::evalDiscLoss));
        QCOMPARE(baselineOf("lr"), std::string());
        QVERIFY(isBaselineMetric(baseline::unigramEntropy));
        QVERIFY(!isBaselineMetric("eval_mlm_loss"));
    }
};

QTEST_GUILESS_MAIN(TestBaselines)
#include "test_baselines.moc"

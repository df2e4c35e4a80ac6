// What a model learns first: POS groups of Brown's tags, the probe's labels and pairs on a
// tagged fixture, exact per-class counts for known guesses, head statistics of known
// attention, and the dynamics snapshots a run records.
#include "core/api/Dynamics.h"
#include "core/api/Job.h"
#include "core/api/Runs.h"
#include "core/text/Tokenizer.h"
#include "core/train/DynamicsProbe.h"
#include "core/util/Error.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace ptl;

namespace {
struct Quiet : JobObserver {};

// "The jury said the old man ran ." tagged as Brown tags it.
TaggedSentence jurySentence()
{
    return {{"The", "jury", "said", "the", "old", "man", "ran", "."}, {"at", "nn", "vbd", "at", "jj", "nn", "vbd", "."}};
}
} // namespace

class TestDynamics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void posGroupsOfBrownTags()
    {
        const std::vector<std::pair<const char*, const char*>> cases = {
            {"at", "determiner"}, {"dti", "determiner"}, {"ap", "determiner"}, {"in", "preposition"}, {"in-tl", "preposition"},
            {"pps", "pronoun"}, {"ppss+md", "pronoun"}, {"wdt", "pronoun"}, {"bedz", "auxiliary"}, {"hvd", "auxiliary"},
            {"md", "auxiliary"}, {"vbd", "verb"}, {"vbg", "verb"}, {"nn", "noun"}, {"nns$", "noun"}, {"nn-tl", "noun"},
            {"np", "proper noun"}, {"np$", "proper noun"}, {"np-tl", "proper noun"}, {"jj", "adjective"}, {"jjt", "adjective"},
            {".", "punctuation"}, {",", "punctuation"}, {"``", "punctuation"}, {"--", "punctuation"}, {"rb", "other"},
            {"cc", "other"}, {"cd", "other"}, {"fw-nn", "other"}};
        for (const auto& [tag, group] : cases) QCOMPARE(posGroupOfBrownTag(tag), std::string(group));
        QCOMPARE(frequencyBandOfRank(0), std::string("top 100"));
        QCOMPARE(frequencyBandOfRank(100), std::string("100-1,000"));
        QCOMPARE(frequencyBandOfRank(5000), std::string("1,000+"));
    }

    void exactCountsForKnownGuesses()
    {
        const auto tok = loadBundledTokenizer(TokenizerKind::WordPiece);
        const std::vector<std::string> words = jurySentence().words;
        for (const auto& w : words) QCOMPARE(tok->tokenize(w).size(), std::size_t(1));  // one piece each: positions = words + 1
        ModelConfig c = JobSpec::fromPreset("bert-tiny").model;
        UnigramCounts counts(tok->vocabSize());
        counts.add(tok->id("the"), 100);
        counts.add(tok->id("."), 50);
        Document d;
        d.source = "fixture.txt";
        d.sentences = {"The jury said the old man ran ."};
        // Everything masked, so every word is predicted once.
        DynamicsProbe probe(c, *tok, counts, {d}, {{jurySentence()}}, 32, 4, /*maskProb=*/1.0);
        QCOMPARE(probe.sequences().size(), std::size_t(1));
        const ProbeSequence& s = probe.sequences()[0];
        QCOMPARE(s.ids.size(), std::size_t(10));  // [CLS] 8 words [SEP]
        for (std::size_t t = 1; t <= 8; ++t) QCOMPARE(s.ids[t], tok->specials().mask);
        // The determiners and the adjective point at their nouns: The -> jury, the -> man, old -> man.
        QCOMPARE(s.syntactic.size(), std::size_t(3));
        QCOMPARE(s.syntactic[0].from, 1);
        QCOMPARE(s.syntactic[0].toBegin, 2);
        QCOMPARE(s.syntactic[1].from, 4);
        QCOMPARE(s.syntactic[1].toBegin, 6);
        QCOMPARE(s.syntactic[2].from, 5);
        QCOMPARE(s.syntactic[2].toBegin, 6);
        // Guess right on the determiners and the full stop, wrong elsewhere.
        std::vector<int> guesses(s.ids.size(), tok->id("[UNK]"));
        for (std::size_t t : {1, 4, 8}) guesses[t] = s.labels[t];
        DynamicsPoint p;
        probe.addPredictions(0, guesses, p);
        QCOMPARE(p.all.predicted, std::int64_t(8));
        QCOMPARE(p.all.correct, std::int64_t(3));
        QCOMPARE(p.posClasses.at("determiner").predicted, std::int64_t(2));
        QCOMPARE(p.posClasses.at("determiner").accuracy(), 1.0);
        QCOMPARE(p.posClasses.at("punctuation").accuracy(), 1.0);
        QCOMPARE(p.posClasses.at("noun").predicted, std::int64_t(2));
        QCOMPARE(p.posClasses.at("noun").correct, std::int64_t(0));
        QCOMPARE(p.posClasses.at("verb").predicted, std::int64_t(2));
        QCOMPARE(p.posClasses.at("adjective").predicted, std::int64_t(1));
        QVERIFY(!p.posClasses.count("pronoun"));
        // "the" (twice) and "." are the only counted tokens: ranks 0 and 1, the rest unseen.
        QCOMPARE(p.frequencyBands.at("top 100").predicted, std::int64_t(3));
        QCOMPARE(p.frequencyBands.at("top 100").correct, std::int64_t(3));
        QCOMPARE(p.frequencyBands.at("1,000+").predicted, std::int64_t(5));
        // A JSON round trip keeps every count.
        const DynamicsPoint back = dynamicsFromJson(dynamicsToJson(p));
        QCOMPARE(back.posClasses.at("noun").predicted, std::int64_t(2));
        QCOMPARE(back.all.correct, std::int64_t(3));
        QVERIFY_THROWS_EXCEPTION(Error, dynamicsFromJson("{\"step\": 1, \"all\": [1, 1], \"pos\": {\"noun\": [1, 2]}}"));  // 2 right of 1
        QVERIFY_THROWS_EXCEPTION(Error, dynamicsFromJson("[1]"));
    }

    void headStatisticsOfKnownAttention()
    {
        const auto tok = loadBundledTokenizer(TokenizerKind::WordPiece);
        ModelConfig c = JobSpec::fromPreset("bert-tiny").model;  // 2 layers x 2 heads
        UnigramCounts counts(tok->vocabSize());
        Document d;
        d.source = "fixture.txt";
        DynamicsProbe probe(c, *tok, counts, {d}, {{jurySentence()}}, 32, 4, 1.0);
        const int T = 10;
        // Head 0 of each layer: every query on the token before it (query 0 on itself);
        // head 1: uniform over all keys.
        auto a = torch::zeros({1, 2, T, T});
        for (int q = 0; q < T; ++q) a[0][0][q][std::max(0, q - 1)] = 1.0;
        a[0][1].fill_(1.0 / T);
        auto sums = probe.startHeads();
        probe.addAttention({a, a}, 0, 1, sums);
        DynamicsPoint p;
        DynamicsProbe::finishHeads(sums, p);
        QCOMPARE(p.heads.size(), std::size_t(4));
        QVERIFY(std::abs(p.heads[0].previous - 1.0) < 1e-9);
        QVERIFY(std::abs(p.heads[0].entropy) < 1e-9);
        // [CLS] (0) and [SEP] (9): head 0 puts all of query 0 and query 1 on [CLS].
        QVERIFY(std::abs(p.heads[0].special - 2.0 / T) < 1e-6);
        QVERIFY(std::abs(p.heads[1].entropy - std::log(double(T))) < 1e-5);
        QVERIFY(std::abs(p.heads[1].previous - 1.0 / T) < 1e-6);
        QVERIFY(std::abs(p.heads[1].special - 2.0 / T) < 1e-6);
        QVERIFY(std::abs(p.heads[1].syntactic - 1.0 / T) < 1e-6);  // one-piece nouns
        QCOMPARE(p.heads[1].syntacticPairs, std::int64_t(3));
        QVERIFY(std::abs(p.heads[0].syntactic) < 1e-9);  // a previous-token head never looks ahead to the noun
    }

    void runRecordsDynamicsSnapshots()
    {
        QTemporaryDir dir;
        JobSpec s = JobSpec::fromPreset("bert-tiny");
        s.train.steps = 2;
        s.train.batch_size = 4;
        s.train.seq_len = 64;
        s.train.eval_every = 1;
        s.train.eval_batches = 1;
        s.train.dynamics_sequences = 8;
        s.train.threads = 1;
        s.train.precision = Precision::Fp32;
        Quiet q;
        StopToken stop;
        const std::string store = (dir.path() + QStringLiteral("/runs.sqlite")).toStdString();
        const RunOutcome r = runJob(s, store, q, stop);
        QVERIFY2(r.status == "completed", r.message.c_str());
        RunStoreClient c(store);
        const auto snaps = c.snapshots(r.runId, "dynamics");
        QCOMPARE(snaps.size(), std::size_t(2));
        const DynamicsPoint p = dynamicsFromJson(snaps.back().payloadJson);
        QCOMPARE(p.step, std::int64_t(2));
        QVERIFY(p.all.predicted > 20);
        QVERIFY(!p.posClasses.empty());  // the bundled Brown is tagged
        std::int64_t sum = 0;
        for (const auto& [k, v] : p.posClasses) sum += v.predicted;
        QCOMPARE(sum, p.all.predicted);
        QCOMPARE(p.heads.size(), std::size_t(4));
        for (const auto& h : p.heads) {
            QVERIFY(h.entropy > 0 && h.entropy < std::log(64.0) + 1e-6);
            QVERIFY(h.previous >= 0 && h.previous <= 1);
            QVERIFY(h.syntacticPairs > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestDynamics)
#include "test_dynamics.moc"

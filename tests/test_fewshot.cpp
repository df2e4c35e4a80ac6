// In-context learning (issue 13 item 4): the task builders are deterministic and keep the
// demonstrations apart from the test items; the scrambles are what they say; a choice's
// log-likelihood equals a direct forward pass; prompts fit the context.
#include "common/SmallModel.h"
#include "core/api/FewShot.h"
#include "core/api/Scaling.h"
#include "core/api/ZeroShot.h"
#include "core/text/Corpus.h"
#include "core/model/Checkpoint.h"
#include "core/util/Error.h"

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <set>

using namespace ptl;

namespace {
std::string word(const FewShotItem& it) { return it.answer.substr(1); }
std::string scrambled(const FewShotItem& it) { return it.context.substr(0, it.context.size() - 2); }

// A zero-shot task run by an untrained gpt-tiny saved in a temporary folder.
ZeroShotResult zeroShotOnTinyGpt(const std::string& task, int items)
{
    QTemporaryDir dir;
    const std::string gpt = test::saveSmallModel((dir.path() + QStringLiteral("/gpt")).toStdString(), "gpt-tiny");
    ZeroShotOptions o;
    o.items = items;
    return runZeroShot(gpt, task, o);
}

} // namespace

class TestFewShot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void buildersAreDeterministicAndKeepTestItemsOut()
    {
        for (const auto& info : fewShotTaskList()) {
            const FewShotTask a = buildFewShotTask(info.name, 7), b = buildFewShotTask(info.name, 7);
            QVERIFY2(a.test.size() >= 50 && a.demos.size() >= 50, info.name.c_str());
            QCOMPARE(a.test.size(), b.test.size());
            for (std::size_t i = 0; i < a.test.size(); ++i) {
                QCOMPARE(a.test[i].context, b.test[i].context);
                QCOMPARE(a.test[i].answer, b.test[i].answer);
            }
            QCOMPARE(a.kind, info.kind);
            // No test item is in the demonstration pool, and drawn demonstrations never hold the item.
            std::set<std::string> pool;
            for (const auto& d : a.demos) pool.insert(d.context);
            for (std::size_t i = 0; i < std::min<std::size_t>(a.test.size(), 100); ++i) {
                const FewShotItem& it = a.test[i];
                QVERIFY2(!pool.count(it.context), (info.name + ": " + it.context).c_str());
                const auto d16 = drawDemonstrations(a, 16, 3, it), d4 = drawDemonstrations(a, 4, 3, it);
                QCOMPARE(d16.size(), std::size_t(16));
                QVERIFY(std::equal(d4.begin(), d4.end(), d16.begin()));  // K = 4's are K = 16's first four
                for (int d : d16) QVERIFY(a.demos[static_cast<std::size_t>(d)].context != it.context);
                QCOMPARE(std::set<int>(d16.begin(), d16.end()).size(), d16.size());
                if (a.kind == "choice") {
                    QVERIFY(it.label >= 0 && it.label < static_cast<int>(it.choices.size()));
                    QCOMPARE(it.choices[static_cast<std::size_t>(it.label)], it.answer);
                    QCOMPARE(std::set<std::string>(it.choices.begin(), it.choices.end()).size(), it.choices.size());
                }
            }
            // Another seed splits differently (the genre task keeps Brown's document split).
            if (info.name != "genre") {
                const FewShotTask c = buildFewShotTask(info.name, 8);
                QVERIFY2(c.test[0].context != a.test[0].context || c.test[1].context != a.test[1].context, info.name.c_str());
            }
        }
        // The genre task's test passages come from its test documents only.
        const FewShotTask g = buildFewShotTask("genre");
        std::set<std::string> demos;
        for (const auto& d : g.demos) demos.insert(d.context);
        for (const auto& t : g.test) QVERIFY(!demos.count(t.context));
    }

    void scramblesAreWhatTheySay()
    {
        for (const auto& it : buildFewShotTask("reversed").test) {
            std::string w = word(it), s = scrambled(it);
            QCOMPARE(std::string(s.rbegin(), s.rend()), w);
        }
        for (const auto& it : buildFewShotTask("cycled").test) {
            const std::string w = word(it), s = scrambled(it);
            QVERIFY(s != w && (s + s).find(w) != std::string::npos);  // a rotation
        }
        for (const char* name : {"anagram1", "anagram2"}) {
            const std::size_t keep = std::string(name) == "anagram1" ? 1 : 2;
            for (const auto& it : buildFewShotTask(name).test) {
                std::string w = word(it), s = scrambled(it);
                QVERIFY(s != w);
                QCOMPARE(s.substr(0, keep), w.substr(0, keep));
                QCOMPARE(s.substr(s.size() - keep), w.substr(w.size() - keep));
                std::sort(w.begin(), w.end());
                std::sort(s.begin(), s.end());
                QCOMPARE(s, w);
            }
        }
        for (const auto& it : buildFewShotTask("addition3").test) {
            int a = 0, b = 0;
            QCOMPARE(std::sscanf(it.context.c_str(), "Q: What is %d plus %d? A:", &a, &b), 2);
            QVERIFY(a >= 100 && a <= 999 && b >= 100 && b <= 999);
            QCOMPARE(it.answer, " " + std::to_string(a + b));
        }
        const FewShotTask t = buildFewShotTask("capitals");
        const std::string p = fewShotPrompt(t, {0, 1}, t.test[0], true);
        QCOMPARE(QString::fromStdString(p),
                 QString::fromStdString(t.description + "\n" + t.demos[0].context + t.demos[0].answer + "\n" + t.demos[1].context + t.demos[1].answer +
                                        "\n" + t.test[0].context));
        QVERIFY_THROWS_EXCEPTION(Error, buildFewShotTask("trivia"));
    }

    void choiceLikelihoodEqualsADirectForwardPass()
    {
        QTemporaryDir dir;
        const std::string gpt = test::saveSmallModel((dir.path() + QStringLiteral("/gpt")).toStdString(), "gpt-tiny");
        const std::string prompt = "The capital of France is";
        const std::vector<std::string> choices = {" Paris", " Buenos Aires", " Rome"};
        const ChoiceScores s = scoreChoices(gpt, prompt, choices, "The capital is");
        LoadedModel m = loadCheckpoint(gpt);
        torch::NoGradGuard ng;
        double worst = 0;
        for (std::size_t c = 0; c < choices.size(); ++c) {
            std::vector<int> p = m.tokenizer->encode(prompt), x = m.tokenizer->encode(choices[c]);
            std::vector<int64_t> ids(p.begin(), p.end());
            ids.insert(ids.end(), x.begin(), x.end());
            auto logp = torch::log_softmax(m.model->forward(torch::tensor(ids).unsqueeze(0)).token_logits[0], -1);
            double ll = 0;
            for (std::size_t j = 0; j < x.size(); ++j) ll += logp[static_cast<int64_t>(p.size() + j) - 1][x[j]].item<double>();
            worst = std::max(worst, std::abs(ll - s.logLikelihood[c]));
            QCOMPARE(s.tokens[c], static_cast<int>(x.size()));
            QVERIFY(std::abs(s.perToken[c] - ll / static_cast<double>(x.size())) < 1e-4);
        }
        qInfo("largest difference from a direct forward pass: %.2e", worst);
        QVERIFY(worst < 1e-4);
    }

    void runsEveryKWithinTheContext()
    {
        QTemporaryDir dir;
        const std::string gpt = test::saveSmallModel((dir.path() + QStringLiteral("/gpt")).toStdString(), "gpt-tiny");
        FewShotOptions o;
        o.ks = {0, 2, 16};
        o.items = 6;
        o.context = 48;
        for (const char* task : {"capitals-choice", "addition2"}) {
            const FewShotResult r = runFewShot(gpt, task, o);
            QCOMPARE(r.byK.size(), std::size_t(3));
            QCOMPARE(r.context, 48);
            QCOMPARE(r.byK[0].meanDemos, 0.0);
            QVERIFY(r.byK[1].meanDemos <= 2.0 && r.byK[2].meanDemos < 16.0);  // 16 demonstrations never fit 48 tokens
            for (const auto& k : r.byK) QVERIFY(k.accuracy >= 0 && k.accuracy <= 1);
            QCOMPARE(r.examples.size(), std::size_t(9));  // 3 items x 3 K
            if (std::string(task) == "capitals-choice") {
                QCOMPARE(r.chance, 0.25);
                for (const auto& e : r.examples) QCOMPARE(e.logLikelihood.size(), std::size_t(4));
            }
        }
        QVERIFY_THROWS_EXCEPTION(Error, runFewShot(test::saveSmallModel((dir.path() + QStringLiteral("/bert")).toStdString(), "bert-tiny"),
                                                   "capitals", o));
    }

    void zeroShotTasks()
    {
        QCOMPARE(firstWord("  house. And"), std::string("house"));
        QCOMPARE(firstWord("\nhouse"), std::string());
        QCOMPARE(firstWord(" \"Germans\")"), std::string("Germans"));
        const ZeroShotTask a = buildZeroShotTask("lastword"), b = buildZeroShotTask("lastword");
        QVERIFY(a.items.size() >= 100);
        QCOMPARE(a.items.size(), b.items.size());
        // Every passage comes from a held-out document: its text is in none of the training ones.
        const auto held = splitHeldOut(bundledCorpus(), 0.05, 1234).second;
        std::set<std::string> heldSentences;
        for (const auto& d : held.documents)
            for (const auto& s : d.sentences) heldSentences.insert(s);
        for (std::size_t i = 0; i < a.items.size(); ++i) {
            const ZeroShotItem& it = a.items[i];
            QCOMPARE(it.prompt, b.items[i].prompt);
            // The gold word is somewhere earlier in the passage, and the prompt stops before it.
            std::string low = it.prompt;
            std::transform(low.begin(), low.end(), low.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            QVERIFY2(low.find(it.answers[0]) != std::string::npos, it.prompt.c_str());
            QVERIFY(it.answers[0].size() >= 3);
            bool fromHeld = false;
            for (const auto& s : heldSentences)
                if (it.prompt.rfind(s.substr(0, std::min<std::size_t>(s.size(), 30)), 0) == 0) { fromHeld = true; break; }
            QVERIFY2(fromHeld, it.prompt.c_str());
        }
        const ZeroShotTask q = buildZeroShotTask("qa");
        QVERIFY(q.items.size() > 1000);
        QVERIFY(q.items[0].prompt.rfind("Q: ", 0) == 0 && q.items[0].prompt.size() > 6);
        QVERIFY(q.items[0].prompt.substr(q.items[0].prompt.size() - 3) == "\nA:");
        QVERIFY_THROWS_EXCEPTION(Error, buildZeroShotTask("nosuch"));

        const ZeroShotResult r = zeroShotOnTinyGpt("lastword", 4);
        QCOMPARE(r.items, 4);
        QCOMPARE(r.rows.size(), std::size_t(4));
        for (const auto& row : r.rows) QVERIFY(row.accuracy >= 0 && row.accuracy <= 1);
        const ZeroShotResult rq = zeroShotOnTinyGpt("qa", 4);
        QCOMPARE(rq.rows.size(), std::size_t(2));
        QVERIFY(rq.rows[0].f1 >= 0 && rq.rows[0].f1 <= 1);
    }

    void rougeByHand()
    {
        // Same length, one word changed: 5 of 6 unigrams, 3 of 5 bigrams, an LCS of 5.
        RougeScores a = rouge("the cat was on the mat", "The cat sat on the mat.");
        QCOMPARE(a.r1.f1, 5.0 / 6);
        QCOMPARE(a.r2.precision, 3.0 / 5);
        QCOMPARE(a.r2.f1, 3.0 / 5);
        QCOMPARE(a.rl.f1, 5.0 / 6);
        // Clipped counts: "the cat" twice in the candidate matches once. R1: P 2/4, R 2/3,
        // F 4/7; R2: P 1/3, R 1/2, F 2/5; LCS "the cat": 4/7.
        RougeScores b = rouge("The cat, the cat!", "the cat sat");
        QCOMPARE(b.r1.precision, 0.5);
        QCOMPARE(b.r1.recall, 2.0 / 3);
        QVERIFY(std::abs(b.r1.f1 - 4.0 / 7) < 1e-12);
        QVERIFY(std::abs(b.r2.f1 - 0.4) < 1e-12);
        QVERIFY(std::abs(b.rl.f1 - 4.0 / 7) < 1e-12);
        // Order matters for ROUGE-2 and -L, not for ROUGE-1: reversed, no bigram survives
        // and the longest common subsequence is "the sat the" (3 of 6).
        RougeScores c = rouge("mat the on sat cat the", "the cat sat on the mat");
        QCOMPARE(c.r1.f1, 1.0);
        QCOMPARE(c.r2.f1, 0.0);
        QCOMPARE(c.rl.f1, 0.5);
        QCOMPARE(rouge("", "the cat").r1.f1, 0.0);
        QCOMPARE(rouge("dog", "the cat").rl.f1, 0.0);
        QCOMPARE(rougeTokens("It's 1961, Mr. Jones."), (std::vector<std::string>{"it", "s", "1961", "mr", "jones"}));
    }

    void tldrTask()
    {
        const ZeroShotTask a = buildZeroShotTask("tldr", 0.05, 1234), b = buildZeroShotTask("tldr", 0.05, 1234);
        const ZeroShotTask other = buildZeroShotTask("tldr", 0.05, 99);
        QVERIFY2(a.items.size() >= 100, std::to_string(a.items.size()).c_str());
        QCOMPARE(a.items.size(), b.items.size());
        QCOMPARE(a.items.size(), other.items.size());
        bool randomDiffers = false;
        for (std::size_t i = 0; i < a.items.size(); ++i) {
            const ZeroShotItem& it = a.items[i];
            QCOMPARE(it.prompt, b.items[i].prompt);
            QCOMPARE(it.random3, b.items[i].random3);
            randomDiffers |= it.random3 != other.items[i].random3;
            // The reference is the lede: not in the article, not a dateline, a real sentence.
            QVERIFY(it.prompt.find(it.answers[0]) == std::string::npos);
            QVERIFY(it.answers[0].rfind("--", 0) == std::string::npos);
            QVERIFY(it.sentences.size() >= 5 && it.sentences.size() <= 10);
            QVERIFY(it.prompt.size() > 7 && it.prompt.substr(it.prompt.size() - 7) == " TL;DR:");
            QCOMPARE(it.random3.size(), std::size_t(3));
            QVERIFY(it.random3[0] < it.random3[1] && it.random3[1] < it.random3[2]);
            QVERIFY(it.random3[2] < static_cast<int>(it.sentences.size()));
            for (const auto& sentence : it.sentences) QVERIFY(sentence.rfind("-- ", 0) != 0);
        }
        QVERIFY(randomDiffers);  // the seed draws random-3

        const ZeroShotResult r = zeroShotOnTinyGpt("tldr", 3);
        QCOMPARE(r.items, 3);
        QCOMPARE(r.rows.size(), std::size_t(5));
        for (const auto& row : r.rows)
            for (double v : {row.rouge1, row.rouge2, row.rougeL}) QVERIFY(v >= 0 && v <= 1);
        // The extractive baselines are the ROUGE of the article's own sentences, averaged.
        double lead3 = 0;
        for (int i = 0; i < 3; ++i) {
            const ZeroShotItem& it = a.items[static_cast<std::size_t>(i)];
            lead3 += rouge(it.sentences[0] + " " + it.sentences[1] + " " + it.sentences[2], it.answers[0]).r1.f1;
        }
        QVERIFY(std::abs(r.rows[2].rouge1 - lead3 / 3) < 1e-12);
        QVERIFY(r.rows[2].rouge1 > 0);
        QCOMPARE(r.examples.size(), std::size_t(3));
        QVERIFY(r.examples[0].score >= 0);
    }

    void scalingLadder()
    {
        // The fit recovers a known power law exactly.
        std::vector<double> n{1e4, 1e5, 1e6, 1e7}, l;
        for (double x : n) l.push_back(std::pow(5e3 / x, 0.1) * 10);  // L = (nc / N)^0.1 with nc = 5e3 * 10^10
        const PowerLaw p = fitPowerLaw(n, l);
        QVERIFY(std::abs(p.alpha - 0.1) < 1e-9);
        QVERIFY(std::abs(std::log(p.nc) - std::log(5e3 * std::pow(10.0, 10))) < 1e-6);
        QVERIFY(std::abs(p.r2 - 1) < 1e-12);
        QVERIFY(std::abs(p.scale * std::pow(1e5, -p.alpha) - l[1]) < 1e-9);
        QVERIFY_THROWS_EXCEPTION(Error, fitPowerLaw({1e4}, {3.0}));
        QCOMPARE(parseLadder("2:64:2,4:256:4").size(), std::size_t(2));
        QVERIFY_THROWS_EXCEPTION(Error, parseLadder("2:64:3,4:256:4"));  // 64 not divisible by 3
        QVERIFY_THROWS_EXCEPTION(Error, parseLadder("2x64"));
        // A fourth field is the rung's own learning rate; without it the ladder's applies.
        const auto withLr = parseLadder("2:64:2,6:384:6:5e-4");
        QCOMPARE(withLr[0].lr, 0.0);
        QCOMPARE(withLr[1].lr, 5e-4);
        QCOMPARE(withLr[1].heads, 6);
        for (const char* bad : {"2:64:2,4:256:4:0", "2:64:2,4:256:4:x", "2:64:2,4:256:4:1e-3:7", "2:64:2,4:256:4;1e-3", "2:64:2,4:256:4:2"})
            QVERIFY_THROWS_EXCEPTION(Error, parseLadder(bad));
        // The default GPT ladder spans 0.1 M to 10 M non-embedding parameters (issue 13).
        const auto ladder = defaultLadder("gpt");
        QCOMPARE(ladder.size(), std::size_t(5));
        QCOMPARE(12LL * ladder.front().layers * ladder.front().hidden * ladder.front().hidden / 1000, 98LL);
        QVERIFY(12LL * ladder.back().layers * ladder.back().hidden * ladder.back().hidden >= 10'000'000);

        // Two tiny rungs train as ordinary runs; running the ladder again reuses them.
        QTemporaryDir dir;
        const std::string store = (dir.path() + QStringLiteral("/runs.sqlite")).toStdString();
        ScalingOptions o;
        o.rungs = parseLadder("1:32:1,2:64:2:3e-3");
        o.steps = 4;
        o.set = {"batch_size=4", "seq_len=32", "eval_every=4", "checkpoint_every=4", "eval_batches=1", "threads=1", "lr=1e-3"};
        o.tasks = false;
        ScalingObserver obs;
        StopToken stop;
        const ScalingResult a = runScaling(o, store, obs, stop);
        QCOMPARE(a.status, std::string("completed"));
        QCOMPARE(a.points.size(), std::size_t(2));
        QVERIFY(a.points[0].nonEmbedding < a.points[1].nonEmbedding);
        for (const auto& pt : a.points) {
            QVERIFY(!pt.reused);
            QVERIFY(std::isfinite(pt.evalLoss) && pt.evalLoss > 0);
            QVERIFY(pt.evalLossRatio > 0);
        }
        QCOMPARE(a.fit.points, 2);
        QCOMPARE(a.points[0].lr, 1e-3);  // the ladder's --set lr
        QCOMPARE(a.points[1].lr, 3e-3);  // the rung's own
        const ScalingResult b = runScaling(o, store, obs, stop);
        for (std::size_t i = 0; i < 2; ++i) {
            QVERIFY(b.points[i].reused);
            QCOMPARE(b.points[i].runId, a.points[i].runId);
            QCOMPARE(b.points[i].evalLoss, a.points[i].evalLoss);
        }
        // The store alone gives the same ladder and fit (what the panel draws).
        std::vector<ScalingLadder> ladders = scalingLaddersInStore(store);
        QCOMPARE(ladders.size(), std::size_t(1));
        QCOMPARE(ladders[0].family, std::string("gpt"));
        QCOMPARE(ladders[0].steps, 4);
        QCOMPARE(ladders[0].points.size(), std::size_t(2));
        for (std::size_t i = 0; i < 2; ++i) {
            QCOMPARE(ladders[0].points[i].runId, a.points[i].runId);
            QCOMPARE(ladders[0].points[i].nonEmbedding, a.points[i].nonEmbedding);
            QCOMPARE(ladders[0].points[i].evalLoss, a.points[i].evalLoss);
            QCOMPARE(ladders[0].points[i].lr, a.points[i].lr);
            QCOMPARE(ladders[0].points[i].lastWord, -1.0);  // tasks were off
        }
        QCOMPARE(ladders[0].fit.alpha, a.fit.alpha);
        QCOMPARE(ladders[0].summary, a.summary);
        // With the tasks on, the reused rungs are scored once and the scores kept with their runs.
        o.tasks = true;
        o.taskItems = 2;
        const ScalingResult c = runScaling(o, store, obs, stop);
        ladders = scalingLaddersInStore(store);
        for (std::size_t i = 0; i < 2; ++i) {
            QVERIFY(c.points[i].lastWord >= 0 && c.points[i].fewShot0 >= 0 && c.points[i].fewShot4 >= 0);
            QCOMPARE(ladders[0].points[i].lastWord, c.points[i].lastWord);
            QCOMPARE(ladders[0].points[i].fewShot4, c.points[i].fewShot4);
        }
    }
};

QTEST_GUILESS_MAIN(TestFewShot)
#include "test_fewshot.moc"

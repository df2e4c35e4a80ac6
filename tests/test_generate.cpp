// Decoding (issue 13): the key/value cache against full recomputation, greedy against beam
// search of width 1, beam search on a hand-written model with a known best sequence, the
// top-k / top-p sets on a hand-made distribution, seeded sampling, the penalties, stop
// strings, refusing BERT, and the CLI's generate / bench generate.
#include "common/SmallModel.h"
#include "core/api/Generate.h"
#include "core/generate/Decoder.h"
#include "core/text/Corpus.h"
#include "core/train/DataPipeline.h"
#include "core/util/Error.h"

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using namespace ptl;

namespace {

// A small GPT with random weights large enough to give a peaked, varied distribution.
TransformerModel smallGpt(std::uint64_t seed = 7)
{
    ModelConfig c = presetByName("gpt-tiny").model;
    c.num_layers = 2;
    c.hidden_size = 64;
    c.embedding_size = 64;
    c.num_heads = 4;
    c.intermediate_size = 128;
    c.max_position_embeddings = 96;
    torch::manual_seed(static_cast<int64_t>(seed));
    TransformerModel m(c);
    {
        torch::NoGradGuard ng;
        for (auto& p : m->parameters())
            if (p.dim() == 2) p.normal_(0.0, 0.3);
    }
    m->eval();
    return m;
}

const Tokenizer& bpe()
{
    static auto tok = loadBundledTokenizer(TokenizerKind::ByteLevelBpe);
    return *tok;
}

// A hand-written language model: the next token's distribution depends on the last token
// only (a table); anything not in the table ends the text.
class TableSource : public gen::LogitSource {
public:
    TableSource(int vocab, int eos) : V_(vocab), eos_(eos) {}
    std::map<int, std::map<int, double>> table;  // last token -> {next: probability}

    torch::Tensor start(const std::vector<int>& prompt) override
    {
        rows_ = {prompt.back()};
        length_ = static_cast<int64_t>(prompt.size());
        return logitsFor(rows_);
    }
    void reorder(const std::vector<int64_t>& index) override
    {
        std::vector<int> r;
        for (auto i : index) r.push_back(rows_.at(static_cast<std::size_t>(i)));
        rows_ = r;
    }
    torch::Tensor next(const std::vector<int>& tokens) override
    {
        rows_ = tokens;
        ++length_;
        return logitsFor(rows_);
    }
    int64_t length() const override { return length_; }
    int64_t contextSize() const override { return 64; }
    int64_t vocabSize() const override { return V_; }

private:
    torch::Tensor logitsFor(const std::vector<int>& last)
    {
        auto out = torch::full({static_cast<int64_t>(last.size()), V_}, -30.0f);
        for (std::size_t b = 0; b < last.size(); ++b) {
            auto it = table.find(last[b]);
            if (it == table.end()) {
                out[static_cast<int64_t>(b)][eos_] = 0.0f;
                continue;
            }
            for (auto [tok, p] : it->second) out[static_cast<int64_t>(b)][tok] = static_cast<float>(std::log(p));
        }
        return out;
    }
    int64_t V_;
    int eos_;
    std::vector<int> rows_;
    int64_t length_ = 0;
};

std::vector<int> prompt() { return bpe().encode("The jury said that the city"); }

struct Ran {
    int code = -1;
    QByteArray out, err;
};
Ran runCli(const std::vector<std::string>& args)
{
    QStringList a;
    for (const auto& x : args) a << QString::fromStdString(x);
    QProcess p;
    p.start(QStringLiteral(PTL_CLI_PATH), a);
    Ran r;
    if (!p.waitForFinished(180000)) return r;
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestGenerate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keyValueCacheGivesTheSameLogits()
    {
        TransformerModel m = smallGpt();
        gen::Stepper cached(m, true), full(m, false);
        auto a = cached.start(prompt());
        auto f = full.start(prompt());
        double worst = (a - f).abs().max().item<double>();
        for (int i = 0; i < 30; ++i) {
            const int next = static_cast<int>(a[0].argmax().item<int64_t>());
            a = cached.next({next});
            f = full.next({next});
            worst = std::max(worst, (a - f).abs().max().item<double>());
        }
        qInfo("largest logit difference, cache vs full recomputation, over 31 steps: %.3e", worst);
        QVERIFY(worst < 1e-4);
        QCOMPARE(cached.length(), full.length());

        // Beam search reorders the cache's rows: the same hypotheses and scores either way.
        GenerateOptions o;
        o.strategy = "beam";
        o.beams = 3;
        o.n_best = 3;
        o.max_new_tokens = 12;
        o.early_stopping = false;
        const GenerateResult rc = gen::generate(m, bpe(), prompt(), o);
        o.cache = false;
        const GenerateResult rf = gen::generate(m, bpe(), prompt(), o);
        QCOMPARE(rc.hypotheses.size(), rf.hypotheses.size());
        for (std::size_t i = 0; i < rc.hypotheses.size(); ++i) {
            QCOMPARE(rc.hypotheses[i].ids, rf.hypotheses[i].ids);
            QVERIFY(std::abs(rc.hypotheses[i].score - rf.hypotheses[i].score) < 1e-4);
        }
    }

    void cacheRefusedForBidirectionalModels()
    {
        ModelConfig c = presetByName("bert-tiny").model;
        c.num_layers = 1;
        TransformerModel m(c);
        KvCache cache;
        ForwardOptions opt;
        opt.cache = &cache;
        QVERIFY_THROWS_EXCEPTION(Error, m->forward(torch::tensor(std::vector<int64_t>{1, 2, 3}).unsqueeze(0), {}, {}, opt));
        QVERIFY_THROWS_EXCEPTION(Error, gen::generate(m, bpe(), prompt(), GenerateOptions{}));
    }

    void greedyEqualsBeamOfWidthOne()
    {
        TransformerModel m = smallGpt(11);
        GenerateOptions g;
        g.max_new_tokens = 25;
        const GenerateResult greedy = gen::generate(m, bpe(), prompt(), g);
        GenerateOptions b = g;
        b.strategy = "beam";
        b.beams = 1;
        const GenerateResult beam = gen::generate(m, bpe(), prompt(), b);
        QVERIFY(!greedy.ids.empty());
        QCOMPARE(beam.ids, greedy.ids);
        QCOMPARE(QString::fromStdString(beam.text), QString::fromStdString(greedy.text));
        // Greedy's every token is the model's most probable (no penalty set).
        for (const auto& s : greedy.steps) QCOMPARE(s.rank, 1);
    }

    void beamSearchFindsTheKnownBestSequence()
    {
        // From "P": A 0.5, B 0.4, C 0.1. After A every one of five tokens has 0.2; after B,
        // X has 0.9. Greedy takes A (best path through A: 0.5 x 0.2 = 0.10); the best
        // two-token sequence is B X (0.4 x 0.9 = 0.36), which a beam of 2 keeps.
        const Tokenizer& tok = bpe();
        const int P = tok.id("P"), A = tok.id("A"), B = tok.id("B"), C = tok.id("C"), X = tok.id("X");
        QVERIFY(P >= 0 && A >= 0 && B >= 0 && C >= 0 && X >= 0);
        TableSource src(tok.vocabSize(), tok.specials().eos);
        src.table[P] = {{A, 0.5}, {B, 0.4}, {C, 0.1}};
        src.table[A] = {{tok.id("a"), 0.2}, {tok.id("b"), 0.2}, {tok.id("c"), 0.2}, {tok.id("d"), 0.2}, {tok.id("e"), 0.2}};
        src.table[B] = {{X, 0.9}, {tok.id("Y"), 0.1}};
        GenerateOptions o;
        o.max_new_tokens = 2;
        const GenerateResult greedy = gen::generate(src, tok, {P}, o);
        QCOMPARE(greedy.ids.front(), A);
        o.strategy = "beam";
        o.beams = 2;
        o.length_penalty = 0;
        o.n_best = 2;
        const GenerateResult beam = gen::generate(src, tok, {P}, o);
        QCOMPARE(beam.ids, (std::vector<int>{B, X}));
        QVERIFY(std::abs(beam.hypotheses[0].logProb - std::log(0.36)) < 1e-4);
        QCOMPARE(beam.stopReason, std::string("max_new_tokens"));
        QCOMPARE(beam.hypotheses.size(), std::size_t(2));
        QVERIFY(beam.hypotheses[1].score <= beam.hypotheses[0].score);
        // The tree: step 0 holds the 4 best continuations considered (2 x width); the best
        // path is marked; C was pruned.
        int best = 0, pruned = 0;
        for (const auto& n : beam.tree) {
            best += n.best;
            if (n.step == 0 && n.token == C) QCOMPARE(n.state, std::string("pruned"));
            pruned += n.state == "pruned";
        }
        QCOMPARE(best, 2);
        QVERIFY(pruned > 0);

        // End of text: after X the table has nothing, so the text ends; with a third step
        // allowed, B X <end> (0.36) finishes and beats A's continuations (0.10).
        o.max_new_tokens = 5;
        o.n_best = 1;
        const GenerateResult ended = gen::generate(src, tok, {P}, o);
        QCOMPARE(ended.stopReason, std::string("end of text"));
        QCOMPARE(ended.ids, (std::vector<int>{B, X, tok.specials().eos}));
        QCOMPARE(QString::fromStdString(ended.text), QStringLiteral("BX"));

        // GNMT's length penalty: ((5 + |Y|) / 6)^alpha divides the log-probability.
        QVERIFY(std::abs(gen::lengthPenalty(7, 0.6) - std::pow(2.0, 0.6)) < 1e-12);
        QCOMPARE(gen::lengthPenalty(3, 0.0), 1.0);
    }

    void topKAndTopPKeepTheRightSets()
    {
        // ids:              0     1     2     3     4     5
        auto p = torch::tensor({0.10, 0.50, 0.05, 0.20, 0.15, 0.00});
        auto sorted = [](std::vector<int64_t> v) { return std::set<int64_t>(v.begin(), v.end()); };
        QCOMPARE(sorted(gen::keptSet(p, 0, 1.0)), (std::set<int64_t>{0, 1, 2, 3, 4}));  // zero-probability tokens never
        QCOMPARE(gen::keptSet(p, 2, 1.0), (std::vector<int64_t>{1, 3}));
        QCOMPARE(gen::keptSet(p, 0, 0.7), (std::vector<int64_t>{1, 3}));                // 0.5 + 0.2 reaches 0.7
        QCOMPARE(gen::keptSet(p, 0, 0.71), (std::vector<int64_t>{1, 3, 4}));            // needs 0.15 more
        QCOMPARE(gen::keptSet(p, 0, 0.3), (std::vector<int64_t>{1}));
        QCOMPARE(gen::keptSet(p, 0, 1e-9), (std::vector<int64_t>{1}));                  // never empty
        // top-p after top-k, over top-k's renormalised mass (0.85): 0.5/0.85 + 0.2/0.85 = 0.82 < 0.9.
        QCOMPARE(gen::keptSet(p, 3, 0.9), (std::vector<int64_t>{1, 3, 4}));
        QCOMPARE(gen::keptSet(p, 3, 0.8), (std::vector<int64_t>{1, 3}));
    }

    void samplingIsSeededAndDrawsFromTheKeptSet()
    {
        TransformerModel m = smallGpt(3);
        GenerateOptions o;
        o.strategy = "sample";
        o.max_new_tokens = 20;
        o.top_k = 10;
        o.top_p = 0.9;
        o.temperature = 0.8;
        o.seed = 42;
        const GenerateResult a = gen::generate(m, bpe(), prompt(), o);
        const GenerateResult b = gen::generate(m, bpe(), prompt(), o);
        QCOMPARE(a.ids, b.ids);
        o.seed = 43;
        const GenerateResult c = gen::generate(m, bpe(), prompt(), o);
        QVERIFY(c.ids != a.ids);
        for (const auto& s : a.steps) {
            QVERIFY(s.kept >= 1 && s.kept <= 10);
            double renorm = 0;
            bool chosenKept = false;
            int keptShown = 0;
            for (const auto& cand : s.candidates) {
                if (cand.kept) { renorm += cand.renormalised; ++keptShown; }
                if (cand.id == s.id) chosenKept = cand.kept;
            }
            QVERIFY(chosenKept);
            QCOMPARE(keptShown, s.kept);                 // 20 candidates shown cover the <= 10 kept
            QVERIFY(std::abs(renorm - 1.0) < 1e-4);      // renormalised over the kept set
        }
        // The draw follows the renormalised distribution: on a table where the kept set
        // is {A 0.6, B 0.4}, about 60% of many seeds pick A.
        const Tokenizer& tok = bpe();
        const int P = tok.id("P"), A = tok.id("A"), B = tok.id("B");
        TableSource src(tok.vocabSize(), tok.specials().eos);
        src.table[P] = {{A, 0.6}, {B, 0.4}};
        GenerateOptions s;
        s.strategy = "sample";
        s.max_new_tokens = 1;
        int pickedA = 0;
        for (int seed = 1; seed <= 400; ++seed) {
            s.seed = static_cast<std::uint64_t>(seed);
            pickedA += gen::generate(src, tok, {P}, s).ids[0] == A;
        }
        qInfo("A drawn %d times of 400 (expected 240)", pickedA);
        QVERIFY(pickedA > 200 && pickedA < 280);
    }

    void penalties()
    {
        auto logits = torch::tensor({2.0f, -1.0f, 0.5f, 3.0f});
        gen::applyPenalties(logits, {0, 1}, 2.0, 0);
        QCOMPARE(logits[0].item<float>(), 1.0f);   // positive: divided
        QCOMPARE(logits[1].item<float>(), -2.0f);  // negative: multiplied
        QCOMPARE(logits[2].item<float>(), 0.5f);
        auto l2 = torch::zeros({6});
        gen::applyPenalties(l2, {1, 2, 3, 1, 2}, 1.0, 3);  // "1 2 3" seen; the context ends in "1 2": 3 is banned
        QVERIFY(std::isinf(l2[3].item<float>()));
        QCOMPARE(l2[4].item<float>(), 0.0f);
        QCOMPARE(l2[1].item<float>(), 0.0f);

        // No bigram repeats in a long greedy text with the ban on.
        TransformerModel m = smallGpt(5);
        GenerateOptions o;
        o.max_new_tokens = 40;
        o.no_repeat_ngram = 2;
        const GenerateResult r = gen::generate(m, bpe(), prompt(), o);
        std::vector<int> all = prompt();
        all.insert(all.end(), r.ids.begin(), r.ids.end());
        std::set<std::pair<int, int>> bigrams;
        for (std::size_t i = 0; i + 1 < all.size(); ++i) QVERIFY(bigrams.insert({all[i], all[i + 1]}).second);
    }

    void stopStringsAndLimits()
    {
        TransformerModel m = smallGpt(9);
        GenerateOptions o;
        o.max_new_tokens = 12;
        const GenerateResult r = gen::generate(m, bpe(), prompt(), o);
        QCOMPARE(r.stopReason, std::string("max_new_tokens"));
        QCOMPARE(r.ids.size(), std::size_t(12));
        std::string streamed;
        for (const auto& s : r.steps) streamed += s.text;
        // Streamed pieces add up to the text (less a character still cut at its end).
        QVERIFY(r.text.rfind(streamed, 0) == 0 && r.text.size() - streamed.size() < 4);
        // Stop at the text of the 6th token: the result is what came before it.
        const std::string stop = r.steps[5].text;
        QVERIFY(!stop.empty());
        o.stop = {stop};
        const GenerateResult s = gen::generate(m, bpe(), prompt(), o);
        QCOMPARE(s.stopReason, std::string("stop string"));
        QCOMPARE(QString::fromStdString(s.text), QString::fromStdString(r.text.substr(0, r.text.find(stop))));
        QVERIFY(s.ids.size() <= 6);
        // The observer can stop it.
        int seen = 0;
        o.stop.clear();
        const GenerateResult c = gen::generate(m, bpe(), prompt(), o, [&](const GenStep&) { return ++seen < 3; });
        QCOMPARE(c.stopReason, std::string("cancelled"));
        QCOMPARE(c.ids.size(), std::size_t(3));
        // A long prompt is cut from its start to leave room for one token (96 positions here).
        std::vector<int> longPrompt;
        for (int i = 0; i < 120; ++i) longPrompt.push_back(prompt()[static_cast<std::size_t>(i) % prompt().size()]);
        const GenerateResult full = gen::generate(m, bpe(), longPrompt, o);
        QCOMPARE(full.promptTruncated, 120 - 95);
        QCOMPARE(full.stopReason, std::string("context full"));
        QCOMPARE(full.ids.size(), std::size_t(2));  // 95 prompt tokens + 1 fed back = 96 positions read
        // Bad settings are refused with the field's name.
        GenerateOptions bad;
        QVERIFY_THROWS_EXCEPTION(Error, bad.set("top_p", "1.5"));
        QVERIFY_THROWS_EXCEPTION(Error, bad.set("strategy", "nucleus"));
        QVERIFY_THROWS_EXCEPTION(Error, bad.set("beam_width", "3"));
        bad.set("stop", "\\n");
        QCOMPARE(bad.stop.back(), std::string("\n"));
    }

    void gptReadsSentencesAsRunningText()
    {
        // GPT presets join a document's sentences as running text: "... end. The ..." gives
        // the token " The" (with GPT-2's space), not "The" as if each sentence began a text.
        QVERIFY(JobSpec::fromPreset("gpt-tiny").train.space_sentences);
        QVERIFY(!JobSpec::fromPreset("bert-tiny").train.space_sentences);
        nlohmann::json legacy = JobSpec::fromPreset("gpt-tiny").toJson();
        legacy["train"].erase("space_sentences");
        QVERIFY(!JobSpec::fromJson(legacy).train.space_sentences);  // runs from before the option resume as they trained
        std::string text;
        for (int d = 0; d < 40; ++d) text += "The jury met. The city said yes. The end came.\n\n";
        const Corpus corpus = parseCorpus(text, "fixture");
        const Tokenizer& tok = bpe();
        const int spaced = tok.id("\u0120The"), bare = tok.id("The");
        QVERIFY(spaced >= 0 && bare >= 0);
        JobSpec spec = JobSpec::fromPreset("gpt-tiny");
        spec.train.seq_len = 16;
        spec.train.batch_size = 4;
        spec.train.held_out = 0.1;
        const DataPipeline withSpace(spec, tok, corpus);
        // Predicted tokens of the training windows: two of every three "The" carry the space.
        const auto withBare = withSpace.trainUnigram().count(bare), withSpaced = withSpace.trainUnigram().count(spaced);
        QVERIFY(withBare > 20 && std::abs(static_cast<double>(withSpaced) / static_cast<double>(withBare) - 2.0) < 0.2);
        spec.train.space_sentences = false;
        const DataPipeline without(spec, tok, corpus);
        QCOMPARE(without.trainUnigram().count(spaced), std::int64_t(0));
        QVERIFY(std::abs(static_cast<double>(without.trainUnigram().count(bare)) / static_cast<double>(withBare + withSpaced) - 1.0) < 0.1);
    }

    void commandLine()
    {
        QTemporaryDir dir;
        const std::string gpt = test::saveSmallModel(dir.filePath(QStringLiteral("gpt")).toStdString(), "gpt-tiny");
        const std::string bert = test::saveSmallModel(dir.filePath(QStringLiteral("bert")).toStdString(), "bert-tiny");
        const Ran g = runCli({"generate", "--checkpoint", gpt, "--prompt", "The jury said", "--set", "max_new_tokens=6", "--strategy", "sample",
                              "--set", "top_k=5", "--json", "--candidates"});
        QCOMPARE(g.code, 0);
        const QList<QByteArray> lines = g.out.trimmed().split('\n');
        QVERIFY(lines.size() >= 2);
        int tokens = 0;
        for (const auto& line : lines) {
            const auto j = nlohmann::json::parse(line.toStdString());
            if (j.contains("result")) {
                QCOMPARE(j["result"]["strategy"].get<std::string>(), std::string("sample"));
                QCOMPARE(static_cast<int>(j["result"]["ids"].size()), tokens);
                continue;
            }
            ++tokens;
            for (const char* k : {"id", "text", "prob", "rank", "kept"}) QVERIFY2(j.contains(k), k);
            QVERIFY(j["kept"].get<int>() <= 5);
            QVERIFY(j["candidates"].size() >= 5);
        }
        QVERIFY(tokens >= 1 && tokens <= 6);

        const Ran b = runCli({"bench", "generate", "--checkpoint", gpt, "--tokens", "16", "--json"});
        QCOMPARE(b.code, 0);
        const auto bj = nlohmann::json::parse(b.out.toStdString());
        QVERIFY(bj["cached_tokens_per_second"].get<double>() > 0);
        QVERIFY(bj["uncached_tokens_per_second"].get<double>() > 0);
        QVERIFY(bj["max_logit_difference"].get<double>() < 1e-3);

        const Ran e = runCli({"generate", "--checkpoint", bert, "--prompt", "The jury"});
        QVERIFY(e.code > 0);
        const QString err = QString::fromUtf8(e.err);
        QVERIFY2(err.contains(QStringLiteral("[MASK]")) && err.contains(QStringLiteral("HINT")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestGenerate)
#include "test_generate.moc"

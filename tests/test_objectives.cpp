// Pre-training objectives: MLM masking statistics (80/10/10, whole words, n-grams),
// NSP/SOP pairs, causal-LM windows.
#include "core/objectives/CausalLm.h"
#include "core/objectives/Collate.h"
#include "core/objectives/MlmMasker.h"
#include "core/objectives/PairBuilder.h"
#include "core/text/Corpus.h"
#include "core/text/Tokenizer.h"
#include "core/util/Error.h"

#include <QtTest>
#include <map>

using namespace ptl;

namespace {

struct Fixture {
    std::unique_ptr<Tokenizer> tok = loadBundledTokenizer(TokenizerKind::WordPiece);
    std::vector<std::vector<std::vector<int>>> docs;
    std::vector<int> stream;
    Fixture()
    {
        const Corpus c = bundledCorpus();
        for (std::size_t d = 0; d < c.documents.size(); d += 2) {  // half the corpus is plenty
            std::vector<std::vector<int>> doc;
            for (const auto& s : c.documents[d].sentences) {
                doc.push_back(tok->encode(s));
                stream.insert(stream.end(), doc.back().begin(), doc.back().end());
            }
            docs.push_back(std::move(doc));
        }
    }
    // [CLS] + (len - 2) corpus tokens + [SEP], consecutive windows of the corpus.
    std::vector<std::vector<int>> sequences(int count, int len) const
    {
        std::vector<std::vector<int>> out;
        for (int i = 0; i < count; ++i) {
            std::vector<int> s{tok->specials().cls};
            const auto start = stream.begin() + static_cast<std::ptrdiff_t>(i) * (len - 2);
            s.insert(s.end(), start, start + (len - 2));
            s.push_back(tok->specials().sep);
            out.push_back(std::move(s));
        }
        return out;
    }
};

Fixture& fx()
{
    static Fixture f;
    return f;
}

} // namespace

class TestObjectives : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void maskingStatistics()
    {
        const auto& f = fx();
        MaskingOptions opt;  // p = 0.15, 80/10/10
        MlmMasker masker(*f.tok, opt);
        std::mt19937_64 rng(123);
        long candidates = 0, tokens = 0, selected = 0;
        std::map<MaskKind, long> kinds;
        for (auto ids : f.sequences(1000, 128)) {
            const auto original = ids;
            tokens += static_cast<long>(ids.size());
            candidates += static_cast<long>(ids.size()) - 2;
            const auto ds = masker.mask(ids, rng);
            QCOMPARE(static_cast<int>(ds.size()), 19);  // min(20, max(1, round(128 * 0.15)))
            for (const auto& d : ds) {
                QVERIFY(!f.tok->isSpecial(d.original));                     // specials never selected
                QCOMPARE(d.original, original[static_cast<std::size_t>(d.position)]);
                QCOMPARE(ids[static_cast<std::size_t>(d.position)], d.input);
                if (d.kind == MaskKind::Mask) QCOMPARE(d.input, f.tok->specials().mask);
                if (d.kind == MaskKind::Keep) QCOMPARE(d.input, d.original);
                if (d.kind == MaskKind::Random) QVERIFY(!f.tok->isSpecial(d.input));
                ++kinds[d.kind];
                ++selected;
            }
            // Every unselected position is untouched.
            long changed = 0;
            for (std::size_t i = 0; i < ids.size(); ++i) changed += ids[i] != original[i];
            QVERIFY(changed <= static_cast<long>(ds.size()));
        }
        QVERIFY(candidates >= 100000);
        const double share = 100.0 * selected / tokens;
        const double mask = 100.0 * kinds[MaskKind::Mask] / selected, random = 100.0 * kinds[MaskKind::Random] / selected,
                     keep = 100.0 * kinds[MaskKind::Keep] / selected;
        qInfo("selected %.2f%% of %ld tokens (%ld candidates); split %.2f / %.2f / %.2f", share, tokens, candidates, mask, random, keep);
        QVERIFY(std::abs(share - 15.0) <= 0.5);
        QVERIFY(std::abs(mask - 80.0) <= 1.0);
        QVERIFY(std::abs(random - 10.0) <= 1.0);
        QVERIFY(std::abs(keep - 10.0) <= 1.0);
    }

    void configurableRatios()
    {
        const auto& f = fx();
        MaskingOptions opt;
        opt.maskProb = 0.3;
        opt.maxPredictions = 1000;
        opt.maskRatio = 0.5;
        opt.randomRatio = 0.5;
        MlmMasker masker(*f.tok, opt);
        std::mt19937_64 rng(5);
        long n = 0, keeps = 0, masks = 0;
        for (auto ids : f.sequences(300, 128))
            for (const auto& d : masker.mask(ids, rng)) {
                ++n;
                keeps += d.kind == MaskKind::Keep;
                masks += d.kind == MaskKind::Mask;
            }
        QCOMPARE(n, 300L * 38);  // round(128 * 0.3)
        QCOMPARE(keeps, 0L);
        QVERIFY(std::abs(100.0 * masks / n - 50.0) < 2.0);
        opt.maskRatio = 0.9;
        QVERIFY_THROWS_EXCEPTION(Error, MlmMasker(*f.tok, opt));
    }

    void wholeWordsMaskedTogether()
    {
        const auto& f = fx();
        MaskingOptions opt;
        opt.wholeWord = true;
        MlmMasker masker(*f.tok, opt);
        std::mt19937_64 rng(9);
        long multi = 0;
        for (auto ids : f.sequences(500, 128)) {
            const auto original = ids;
            const auto ds = masker.mask(ids, rng);
            std::set<int> sel;
            for (const auto& d : ds) sel.insert(d.position);
            for (int p : sel) {
                // The whole word around p: back to its first piece, on to its last.
                int a = p, b = p;
                while (a > 0 && f.tok->isContinuation(original[static_cast<std::size_t>(a)]) && !f.tok->isSpecial(original[static_cast<std::size_t>(a - 1)])) --a;
                while (b + 1 < static_cast<int>(original.size()) && f.tok->isContinuation(original[static_cast<std::size_t>(b + 1)])) ++b;
                for (int q = a; q <= b; ++q) QVERIFY2(sel.count(q), "a word was masked only in part");
                multi += b > a;
            }
        }
        QVERIFY(multi > 100);  // the test saw many multi-piece words
    }

    void ngramLengths()
    {
        const auto& f = fx();
        MaskingOptions opt;
        opt.maxNgram = 3;
        opt.maxPredictions = 1000;
        MlmMasker masker(*f.tok, opt);
        std::mt19937_64 rng(11);
        std::vector<int> draws;
        std::map<int, long> spanLengths;
        for (auto ids : f.sequences(400, 512)) {
            const auto ds = masker.mask(ids, rng, &draws);
            std::map<int, int> bySpan;
            for (const auto& d : ds) ++bySpan[d.span];
            for (const auto& [span, len] : bySpan) ++spanLengths[len];
            // Pieces of one span are contiguous.
            std::map<int, std::vector<int>> pos;
            for (const auto& d : ds) pos[d.span].push_back(d.position);
            for (const auto& [s, v] : pos) QCOMPARE(v.back() - v.front() + 1, static_cast<int>(v.size()));
        }
        std::map<int, long> n;
        for (int d : draws) ++n[d];
        const double total = static_cast<double>(draws.size());
        const double p1 = n[1] / total, p2 = n[2] / total, p3 = n[3] / total;
        qInfo("n-gram draws (%zu): %.4f %.4f %.4f; expected %.4f %.4f %.4f", draws.size(), p1, p2, p3, 6 / 11.0, 3 / 11.0, 2 / 11.0);
        QVERIFY(draws.size() > 20000);
        QVERIFY(std::abs(p1 - 6 / 11.0) < 0.01);
        QVERIFY(std::abs(p2 - 3 / 11.0) < 0.01);
        QVERIFY(std::abs(p3 - 2 / 11.0) < 0.01);
        // What ends up masked: the reference skips n-grams that overlap earlier ones and
        // shortens the last to fit the budget, so longer spans come out a little rarer.
        const double spans = static_cast<double>(spanLengths[1] + spanLengths[2] + spanLengths[3]);
        qInfo("masked span lengths: %.4f %.4f %.4f", spanLengths[1] / spans, spanLengths[2] / spans, spanLengths[3] / spans);
        QVERIFY(std::abs(spanLengths[1] / spans - 6 / 11.0) < 0.04);
        QVERIFY(std::abs(spanLengths[3] / spans - 2 / 11.0) < 0.04);
        QCOMPARE(spanLengths.rbegin()->first, 3);
    }

    void dynamicAndStaticSeeds()
    {
        const auto& f = fx();
        MaskingOptions dyn;
        MlmMasker d(*f.tok, dyn);
        QVERIFY(d.instanceSeed(1, 0, 5) != d.instanceSeed(1, 1, 5));
        QVERIFY(d.instanceSeed(1, 0, 5) != d.instanceSeed(1, 0, 6));
        MaskingOptions st;
        st.dynamic = false;
        MlmMasker s(*f.tok, st);
        QCOMPARE(s.instanceSeed(1, 0, 5), s.instanceSeed(1, 7, 5));
        // Same seed, same decisions.
        auto a = f.sequences(1, 128)[0], b = a;
        std::mt19937_64 r1(d.instanceSeed(3, 0, 0)), r2(d.instanceSeed(3, 0, 0));
        const auto da = d.mask(a, r1), db = d.mask(b, r2);
        QCOMPARE(a, b);
        QCOMPARE(da.size(), db.size());
    }

    void nspPairs()
    {
        const auto& f = fx();
        PairOptions opt;
        std::mt19937_64 rng(12345);
        const auto pairs = buildPairs(f.docs, *f.tok, opt, rng);
        QVERIFY(pairs.size() > 2000);
        long random = 0, shortOnes = 0;
        for (const auto& p : pairs) {
            QVERIFY(static_cast<int>(p.ids.size()) <= opt.maxSeqLen);
            QCOMPARE(p.ids.size(), p.typeIds.size());
            QCOMPARE(p.ids.front(), f.tok->specials().cls);
            QCOMPARE(p.ids.back(), f.tok->specials().sep);
            QCOMPARE(p.ids[static_cast<std::size_t>(p.lengthA + 1)], f.tok->specials().sep);
            QCOMPARE(static_cast<int>(p.ids.size()), p.lengthA + p.lengthB + 3);
            QVERIFY(p.lengthA >= 1 && p.lengthB >= 1);
            for (std::size_t i = 0; i < p.ids.size(); ++i) QCOMPARE(p.typeIds[i], i <= static_cast<std::size_t>(p.lengthA + 1) ? 0 : 1);
            random += p.label;
            shortOnes += static_cast<int>(p.ids.size()) < opt.maxSeqLen / 2;
        }
        const double share = static_cast<double>(random) / static_cast<double>(pairs.size());
        qInfo("%zu NSP pairs, %.3f random next, %ld short", pairs.size(), share, shortOnes);
        QVERIFY(std::abs(share - 0.5) < 0.03);
        QVERIFY(shortOnes > 0);
    }

    void sopPairs()
    {
        const auto& f = fx();
        PairOptions opt;
        opt.task = PairTask::Sop;
        std::mt19937_64 rng(7);
        const auto pairs = buildPairs(f.docs, *f.tok, opt, rng);
        long swapped = 0;
        for (const auto& p : pairs) {
            QVERIFY(static_cast<int>(p.ids.size()) <= opt.maxSeqLen);
            swapped += p.label;
        }
        const double share = static_cast<double>(swapped) / static_cast<double>(pairs.size());
        qInfo("%zu SOP pairs, %.3f swapped", pairs.size(), share);
        QVERIFY(std::abs(share - 0.5) < 0.05);
        // SOP segments come from one document: swapping a consecutive pair back restores order.
        std::mt19937_64 one(1);
        std::vector<std::vector<std::vector<int>>> docs = {{{10, 11}, {12, 13}, {14, 15}}, {{20, 21}, {22, 23}}};
        PairOptions tiny;
        tiny.task = PairTask::Sop;
        tiny.shortSeqProb = 0.0;
        for (int k = 0; k < 50; ++k) {
            for (const auto& p : buildPairs(docs, *f.tok, tiny, one)) {
                std::vector<int> a(p.ids.begin() + 1, p.ids.begin() + 1 + p.lengthA);
                std::vector<int> b(p.ids.begin() + 2 + p.lengthA, p.ids.end() - 1);
                if (p.label == 1) std::swap(a, b);
                QVERIFY2(a.back() + 1 == b.front(), "SOP segments are not consecutive");
            }
        }
    }

    void pairsNeedTwoDocuments()
    {
        std::mt19937_64 rng(1);
        QVERIFY_THROWS_EXCEPTION(Error, buildPairs({{{1, 2}}}, *fx().tok, PairOptions{}, rng));
    }

    void causalWindows()
    {
        std::vector<std::vector<std::vector<int>>> docs = {{{1, 2, 3}, {4}}, {{5, 6, 7, 8, 9}}};
        const auto w = packCausal(docs, 4, 0);  // stream: 1 2 3 4 0 5 6 7 8 9 0
        QCOMPARE(w.size(), std::size_t(2));
        QCOMPARE(w[0].input, (std::vector<int>{1, 2, 3, 4}));
        QCOMPARE(w[0].target, (std::vector<int>{2, 3, 4, 0}));
        QCOMPARE(w[1].input, (std::vector<int>{0, 5, 6, 7}));
        QCOMPARE(w[1].target, (std::vector<int>{5, 6, 7, 8}));
        QVERIFY_THROWS_EXCEPTION(Error, packCausal(docs, 40, 0));
        auto t = padToTensor({{1, 2, 3}, {4}}, 0);
        QCOMPARE(t.sizes().vec(), (std::vector<int64_t>{2, 3}));
        QCOMPARE(t[1][2].item<int64_t>(), int64_t(0));
        QCOMPARE(attentionMaskFor({{1, 2, 3}, {4}}).sum().item<int64_t>(), int64_t(4));
    }
};

QTEST_GUILESS_MAIN(TestObjectives)
#include "test_objectives.moc"

// The fused kernels of core/kernels against their plain LibTorch references, forward and
// backward, in fp32 and bf16, with and without masks, causal and dropout; each comparison
// prints its largest difference.
#include "core/kernels/Attention.h"
#include "core/kernels/Gemm.h"
#include "core/kernels/Switches.h"
#include "core/kernels/TensorCache.h"

#include <c10/core/CPUAllocator.h>
#include "core/kernels/RowMath.h"
#include "core/api/Presets.h"
#include "core/model/Transformer.h"

#include <QtTest>

#include <cmath>
#include <cstdio>

using namespace ptl;

namespace {

struct Case {
    const char* name;
    int64_t B, T, H, heads;
    bool mask, causal;
    double dropout;
    torch::ScalarType dtype;
};

// BERT's padding mask for sequences of different lengths: (B, 1, 1, T) with the dtype's
// lowest value at padding keys.
torch::Tensor paddingMask(int64_t B, int64_t T, torch::ScalarType dtype)
{
    auto keep = torch::ones({B, T}, torch::kFloat32);
    for (int64_t b = 0; b < B; ++b) {
        const int64_t len = std::max<int64_t>(1, T - 5 * b);
        keep[b].narrow(0, len, T - len).zero_();
    }
    return additivePaddingMask(keep, dtype);
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b)
{
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

double maxAbs(const torch::Tensor& a)
{
    return a.to(torch::kFloat64).abs().max().item<double>();
}

} // namespace

class TestKernels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::manual_seed(7); }

    void fastExpMatchesStd()
    {
        double worst = 0.0;
        for (float x = -87.0f; x <= 0.0f; x += 0.0137f) {
            const double rel = std::abs(kernels::fastExp(x) - std::exp(static_cast<double>(x))) / std::exp(static_cast<double>(x));
            worst = std::max(worst, rel);
        }
        std::printf("fastExp on [-87, 0]: largest relative error %.3g\n", worst);
        QVERIFY2(worst < 1e-6, qPrintable(QString::number(worst)));
        QCOMPARE(kernels::fastExp(0.0f), 1.0f);
        QVERIFY(kernels::fastExp(-1e30f) < 1e-37f);  // clamped, never NaN or negative
        QVERIFY(kernels::fastExp(-1e30f) >= 0.0f);
    }

    void rowMathOddLengths()
    {
        // Lengths around the 16-wide lanes: the tails must be handled.
        for (int n : {1, 5, 15, 16, 17, 33, 130}) {
            auto a = torch::randn({n}), b = torch::randn({n});
            QCOMPARE(kernels::maxRow(a.data_ptr<float>(), n), a.max().item<float>());
            QVERIFY(std::abs(kernels::dotRow(a.data_ptr<float>(), b.data_ptr<float>(), n) - (a * b).sum().item<float>()) < 1e-4);
            auto e = a.clone();
            const float sum = kernels::expShiftedRow(e.data_ptr<float>(), n, 0.5f);
            QVERIFY(maxDiff(e, (a - 0.5).exp()) < 1e-5);
            QVERIFY(std::abs(sum - (a - 0.5).exp().sum().item<float>()) < 1e-4 * n);
        }
    }

    void attentionMatchesReference_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < static_cast<int>(cases().size()); ++i) QTest::newRow(cases()[static_cast<std::size_t>(i)].name) << i;
    }

    void attentionMatchesReference()
    {
        QFETCH(int, index);
        const Case c = cases()[static_cast<std::size_t>(index)];
        auto qkv32 = torch::randn({c.B, c.T, 3 * c.H}) * 2.0;
        auto upstream = torch::randn({c.B, c.T, c.H});
        torch::Tensor mask = c.mask ? paddingMask(c.B, c.T, c.dtype) : torch::Tensor();
        kernels::AttentionOptions o;
        o.heads = c.heads;
        o.causal = c.causal;
        o.dropout = c.dropout;
        o.training = c.dropout > 0.0;
        o.seed = 12345;

        auto run = [&](bool fused) {
            auto qkv = qkv32.to(c.dtype).detach().requires_grad_(true);
            auto y = fused ? kernels::fusedAttention(qkv, mask, o) : kernels::referenceAttention(qkv, mask, o);
            (y.to(torch::kFloat32) * upstream).sum().backward();
            return std::pair{y.detach(), qkv.grad().detach()};
        };
        const auto [yf, gf] = run(true);
        // The reference in fp32 from the same (rounded) inputs: what the fused kernel computes.
        const auto [yr, gr] = [&] {
            auto qkv = qkv32.to(c.dtype).to(torch::kFloat32).detach().requires_grad_(true);
            auto y = kernels::referenceAttention(qkv, mask.defined() ? mask.to(torch::kFloat32) : mask, o);
            (y * upstream).sum().backward();
            return std::pair{y.detach(), qkv.grad().detach()};
        }();
        QCOMPARE(yf.scalar_type(), c.dtype);
        QCOMPARE(yf.sizes(), (std::vector<int64_t>{c.B, c.T, c.H}));
        QCOMPARE(gf.sizes(), qkv32.sizes());
        const double dy = maxDiff(yf, yr), dg = maxDiff(gf, gr);
        const double tolY = c.dtype == torch::kFloat32 ? 1e-5 * std::max(1.0, maxAbs(yr)) : 2e-2 * std::max(1.0, maxAbs(yr));
        const double tolG = c.dtype == torch::kFloat32 ? 1e-4 * std::max(1.0, maxAbs(gr)) : 3e-2 * std::max(1.0, maxAbs(gr));
        std::printf("%-36s forward max |fused - reference| %.3g (of max %.3g), backward %.3g (of max %.3g)\n", c.name, dy, maxAbs(yr), dg, maxAbs(gr));
        QVERIFY2(dy < tolY, qPrintable(QStringLiteral("forward differs by %1").arg(dy)));
        QVERIFY2(dg < tolG, qPrintable(QStringLiteral("backward differs by %1").arg(dg)));
        QVERIFY(!torch::isnan(gf).any().item<bool>());
        if (c.mask) {
            // Padding keys get no attention: a padded key's K and V receive no gradient.
            const int64_t last = c.B - 1, len = std::max<int64_t>(1, c.T - 5 * last);
            if (len < c.T) {
                auto padK = gf[last].narrow(0, len, c.T - len).narrow(1, c.H, 2 * c.H);
                QVERIFY2(maxAbs(padK) < 1e-6, qPrintable(QString::number(maxAbs(padK))));
            }
        }
    }

    void dropoutMaskIsSeededAndFair()
    {
        // The same seed gives the same mask; another seed another; the kept share is 1 - p.
        auto a = kernels::attentionKeepMask(99, 2, 3, 50, 0.9), b = kernels::attentionKeepMask(99, 2, 3, 50, 0.9);
        auto c = kernels::attentionKeepMask(100, 2, 3, 50, 0.9);
        QVERIFY(torch::equal(a, b));
        QVERIFY(!torch::equal(a, c));
        const double kept = a.mean().item<double>();
        QVERIFY2(std::abs(kept - 0.9) < 0.02, qPrintable(QString::number(kept)));
        // Fused forward with dropout on twice with one seed: identical; unseeded calls draw
        // from LibTorch's generator, so a manual_seed replays them.
        auto qkv = torch::randn({2, 20, 3 * 32});
        kernels::AttentionOptions o;
        o.heads = 2;
        o.dropout = 0.3;
        o.training = true;
        torch::manual_seed(5);
        auto y1 = kernels::fusedAttention(qkv, {}, o);
        torch::manual_seed(5);
        auto y2 = kernels::fusedAttention(qkv, {}, o);
        QVERIFY(torch::equal(y1, y2));
        o.training = false;  // evaluation: no dropout
        QVERIFY(maxDiff(kernels::fusedAttention(qkv, {}, o), kernels::referenceAttention(qkv, {}, o)) < 2e-5);
    }

    void everySwitchIsKnown()
    {
        // Each documented switch can be turned off and on, and the report names it.
        for (const char* name : {"attention", "dense", "sgemm", "malloc"}) {
            const bool was = kernels::kernelEnabled(name);
            kernels::setKernelEnabled(name, false);
            QVERIFY2(!kernels::kernelEnabled(name), name);
            QVERIFY(kernels::kernelSwitches().find(std::string("-") + name) != std::string::npos);
            kernels::setKernelEnabled(name, true);
            QVERIFY2(kernels::kernelEnabled(name), name);
            kernels::setKernelEnabled(name, was);
        }
        QVERIFY(!kernels::kernelEnabled("no-such-switch"));
    }

    void tensorCacheReusesLargeBuffers()
    {
        // A freed 20 MB buffer is handed out again (no new mapping, no page faults); small
        // tensors and LibTorch's raw allocations work through the same allocator.
        kernels::installTensorCache();
        const auto before = kernels::tensorCacheStats();
        void* first = nullptr;
        {
            auto t = torch::empty({5 << 20}, torch::kFloat32);
            t.fill_(1.0f);
            first = t.data_ptr();
            QCOMPARE(reinterpret_cast<std::uintptr_t>(first) % 64, std::uintptr_t(0));
        }
        QVERIFY(kernels::tensorCacheStats().idleBytes >= (std::size_t(20) << 20));
        {
            auto t = torch::empty({5 << 20}, torch::kFloat32);
            QCOMPARE(t.data_ptr(), first);
            t.fill_(2.0f);
            QCOMPARE(t.sum().item<double>(), 2.0 * (5 << 20));
        }
        QVERIFY(kernels::tensorCacheStats().hits >= before.hits + 1);
        auto small = torch::ones({10});
        QCOMPARE(small.sum().item<float>(), 10.0f);
        c10::Allocator* alloc = c10::GetCPUAllocator();
        void* raw = alloc->raw_allocate(std::size_t(8) << 20);
        static_cast<float*>(raw)[0] = 3.0f;
        alloc->raw_deallocate(raw);
        std::printf("tensor cache: %llu hits, %llu misses, %zu MB idle\n", static_cast<unsigned long long>(kernels::tensorCacheStats().hits),
                    static_cast<unsigned long long>(kernels::tensorCacheStats().misses), kernels::tensorCacheStats().idleBytes >> 20);
    }

    void gemmMatchesMatmul()
    {
        // Every transposition, strides wider than the matrices, beta 0 and 1, both engines
        // (oneDNN where the CPU has AVX-512, and the BLAS with "sgemm" switched off).
        for (bool onednn : {true, false}) {
            kernels::setKernelEnabled("sgemm", onednn);
            double worst = 0;
            for (bool ta : {false, true})
                for (bool tb : {false, true})
                    for (float beta : {0.0f, 1.0f}) {
                        const int64_t m = 37, n = 29, k = 45, pad = 3;
                        auto A = torch::randn({ta ? k : m, (ta ? m : k) + pad}), B = torch::randn({tb ? n : k, (tb ? k : n) + pad});
                        auto C = torch::randn({m, n + pad});
                        auto a = A.narrow(1, 0, ta ? m : k), b = B.narrow(1, 0, tb ? k : n);
                        auto want = 0.5 * torch::mm(ta ? a.t() : a, tb ? b.t() : b) + beta * C.narrow(1, 0, n);
                        const auto padBefore = C.narrow(1, n, pad).clone();  // beyond the n columns: untouched
                        kernels::gemm(ta, tb, m, n, k, 0.5f, A.data_ptr<float>(), A.size(1), B.data_ptr<float>(), B.size(1), beta,
                                      C.data_ptr<float>(), C.size(1));
                        worst = std::max(worst, maxDiff(C.narrow(1, 0, n), want));
                        QVERIFY(torch::equal(C.narrow(1, n, pad), padBefore));
                    }
            std::printf("gemm (%s): max difference from torch::mm over 8 cases %.3g\n",
                        onednn && kernels::onednnSgemm() ? "oneDNN" : "BLAS", worst);
            QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
        }
        kernels::setKernelEnabled("sgemm", true);
    }

    void linearMatchesAddmm()
    {
        // kernels::linear against addmm, forward and all three gradients, with and without a bias.
        for (int64_t rows : {70, 1, 3})
        for (bool withBias : {true, false}) {
            auto x = torch::randn({rows, 48}, torch::requires_grad());
            auto w = torch::randn({33, 48}, torch::requires_grad());
            auto b = withBias ? torch::randn({33}, torch::requires_grad()) : torch::Tensor();
            auto gy = torch::randn({rows, 33});
            auto y = kernels::linear(x, w, b);
            y.backward(gy);
            auto gx = x.grad().clone(), gw = w.grad().clone();
            auto gb = withBias ? b.grad().clone() : torch::Tensor();
            x.mutable_grad().reset();
            w.mutable_grad().reset();
            if (withBias) b.mutable_grad().reset();
            auto yr = withBias ? torch::addmm(b, x, w.t()) : torch::mm(x, w.t());
            yr.backward(gy);
            const double dy = maxDiff(y, yr), dx = maxDiff(gx, x.grad()), dw = maxDiff(gw, w.grad());
            const double db = withBias ? maxDiff(gb, b.grad()) : 0.0;
            std::printf("linear (%lld rows, %s bias): max difference from addmm: y %.3g, dX %.3g, dW %.3g, db %.3g\n", static_cast<long long>(rows), withBias ? "with" : "no", dy, dx, dw, db);
            QVERIFY(dy < 1e-4 && dx < 1e-4 && dw < 1e-4 && db < 1e-4);
        }
    }

    void modelUsesTheKernelTransparently_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::newRow("BERT, padding") << "bert-tiny";
        QTest::newRow("GPT, causal") << "gpt-tiny";
    }

    void modelUsesTheKernelTransparently()
    {
        // A whole model, forward and backward: the fused path and the reference path (the
        // one taken when the caller asks for the attention maps) agree.
        QFETCH(QString, preset);
        ModelConfig c = presetByName(preset.toStdString()).model;
        c.vocab_size = 50;
        c.hidden_size = c.embedding_size = 32;
        c.num_layers = 2;
        c.num_heads = 4;
        c.intermediate_size = 64;
        c.max_position_embeddings = 40;
        c.hidden_dropout = c.attention_dropout = c.embedding_dropout = 0.0;
        TransformerModel m(c);
        m->train();
        auto ids = torch::randint(0, 50, {3, 24});
        torch::Tensor am;
        if (!c.causal) {
            am = torch::ones({3, 24}, torch::kLong);
            am[2].narrow(0, 15, 9).zero_();
        }
        auto run = [&](bool maps) {
            ForwardOptions o;
            o.attentions = maps;
            m->zero_grad();
            auto logits = m->forward(ids, {}, am, o).token_logits;
            (logits * logits).sum().backward();
            return std::pair{logits.detach(), m->named_parameters()["attention_0.attn.qkv.weight"].grad().clone()};
        };
        const auto [la, ga] = run(false);
        const auto [lb, gb] = run(true);
        const double dl = maxDiff(la, lb), dg = maxDiff(ga, gb);
        std::printf("%s: fused against reference attention, max logit difference %.3g, max QKV weight-gradient difference %.3g (of %.3g)\n",
                    qPrintable(preset), dl, dg, maxAbs(gb));
        QVERIFY2(dl < 1e-4, qPrintable(QString::number(dl)));
        QVERIFY2(dg < 1e-4 * std::max(1.0, maxAbs(gb)), qPrintable(QString::number(dg)));
    }

private:
    static const std::vector<Case>& cases()
    {
        static const std::vector<Case> all = {
            {"fp32 plain", 2, 16, 64, 2, false, false, 0.0, torch::kFloat32},
            {"fp32 padding mask", 3, 33, 96, 3, true, false, 0.0, torch::kFloat32},
            {"fp32 causal", 2, 37, 64, 4, false, true, 0.0, torch::kFloat32},
            {"fp32 padding + dropout 0.1", 3, 32, 64, 2, true, false, 0.1, torch::kFloat32},
            {"fp32 causal + dropout 0.3, odd T", 2, 29, 48, 3, false, true, 0.3, torch::kFloat32},
            {"fp32 BERT-mini shape", 4, 128, 256, 4, true, false, 0.1, torch::kFloat32},
            {"bf16 padding mask", 3, 33, 96, 3, true, false, 0.0, torch::kBFloat16},
            {"bf16 causal + dropout", 2, 40, 64, 2, false, true, 0.1, torch::kBFloat16},
        };
        return all;
    }
};

QTEST_APPLESS_MAIN(TestKernels)
#include "test_kernels.moc"

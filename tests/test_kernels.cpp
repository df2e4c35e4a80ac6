// The fused kernels of core/kernels against their plain LibTorch references, forward and
// backward, in fp32 and bf16, with and without masks, causal and dropout; each comparison
// prints its largest difference.
#include "core/kernels/Attention.h"
#include "core/kernels/AddNorm.h"
#include "core/model/Dropout.h"
#include "core/kernels/Gemm.h"
#include "core/kernels/Switches.h"
#include "core/kernels/TensorCache.h"

#include <c10/core/CPUAllocator.h>
#include "core/kernels/RowMath.h"
#include "core/api/Presets.h"
#include "core/model/Transformer.h"
#include "core/train/Autocast.h"

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

// A preset's architecture at 2 layers of width 32 (4 heads), for whole-model checks.
ModelConfig smallModel(const std::string& preset, int64_t vocab)
{
    ModelConfig c = presetByName(preset).model;
    c.vocab_size = vocab;
    c.hidden_size = c.embedding_size = 32;
    c.num_layers = 2;
    c.num_heads = 4;
    c.intermediate_size = 64;
    c.max_position_embeddings = 40;
    return c;
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
        for (const char* name : {"attention", "dense", "sgemm", "malloc", "addnorm"}) {
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

    void tensorCacheReusesANearSize()
    {
        // A buffer a little smaller than an idle one (the MLM logits of a batch that masked
        // fewer tokens) gets that one; one much smaller or larger does not; the reused buffer
        // goes back under its own size.
        kernels::installTensorCache();
        void* big = nullptr;
        {
            auto t = torch::empty({(40 << 20) / 4}, torch::kFloat32);  // 40 MB
            big = t.data_ptr();
        }
        {
            auto t = torch::empty({(36 << 20) / 4}, torch::kFloat32);  // 36 MB: within a quarter
            QCOMPARE(t.data_ptr(), big);
            t.fill_(1.0f);
            QCOMPARE(t.sum().item<double>(), double((36 << 20) / 4));
        }
        {
            auto t = torch::empty({(20 << 20) / 4}, torch::kFloat32);  // 20 MB: too small to take 40
            QVERIFY(t.data_ptr() != big);
            auto u = torch::empty({(40 << 20) / 4}, torch::kFloat32);  // 40 MB again: the same buffer
            QCOMPARE(u.data_ptr(), big);
        }
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

    void linearBf16MatchesTheBf16Reference()
    {
        // fp32 logits from bf16 operands over an fp32 bias, forward and backward, against the
        // same arithmetic written with LibTorch ops (bf16 operands widened to fp32).
        for (const int64_t rows : {1, 37, 300}) {
            auto x0 = torch::randn({rows, 48}), w0 = 0.2 * torch::randn({70, 48}), b0 = torch::randn({70});
            auto up = torch::randn({rows, 70});
            auto x = x0.clone().requires_grad_(true), w = w0.clone().requires_grad_(true), b = b0.clone().requires_grad_(true);
            auto y = kernels::linearBf16(x, w, b);
            QCOMPARE(y.scalar_type(), torch::kFloat32);
            y.backward(up);
            auto xr = x0.clone().requires_grad_(true), wr = w0.clone().requires_grad_(true), br = b0.clone().requires_grad_(true);
            const auto round = [](const torch::Tensor& t) { return t.to(torch::kBFloat16).to(torch::kFloat32); };
            auto yr = torch::addmm(br, xr.to(torch::kBFloat16).to(torch::kFloat32), wr.to(torch::kBFloat16).to(torch::kFloat32).t());
            yr.backward(up);
            const auto upb = round(up);
            const auto dxr = upb.mm(round(w0)), dwr = upb.t().mm(round(x0));
            const double dy = maxDiff(y, yr), dx = maxDiff(x.grad(), dxr), dw = maxDiff(w.grad(), dwr), db = maxDiff(b.grad(), br.grad());
            std::printf("linearBf16 (%lld rows): max difference from the widened reference: y %.3g, dX %.3g, dW %.3g, db %.3g\n",
                        static_cast<long long>(rows), dy, dx, dw, db);
            QVERIFY(dy < 1e-4 && dx < 1e-3 && dw < 1e-3 * std::max(1.0, maxAbs(dwr)) && db < 1e-4);
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
        ModelConfig c = smallModel(preset.toStdString(), 50);
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

    void addNormMatchesReference_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("H");
        QTest::addColumn<bool>("pre");
        QTest::addColumn<double>("dropout");
        QTest::addColumn<bool>("bf16");
        QTest::addColumn<bool>("bothOutputs");
        QTest::newRow("post, fp32") << 24 << 64 << false << 0.0 << false << true;
        QTest::newRow("post, fp32, dropout 0.1, odd H") << 19 << 37 << false << 0.1 << false << true;
        QTest::newRow("post, bf16 sublayer, dropout 0.1") << 40 << 96 << false << 0.1 << true << true;
        QTest::newRow("post, bf16, only the fp32 output used") << 16 << 64 << false << 0.2 << true << false;
        QTest::newRow("pre, fp32, dropout 0.3") << 21 << 48 << true << 0.3 << false << true;
        QTest::newRow("pre, bf16, dropout 0.1") << 33 << 128 << true << 0.1 << true << true;
        QTest::newRow("post, BERT-mini shape, bf16") << 4096 << 256 << false << 0.1 << true << true;
    }

    void addNormMatchesReference()
    {
        // The fused residual add + dropout + LayerNorm against the plain computation with the
        // same dropout mask, forward and backward (x, y, weight, bias), through a loss that
        // reads both outputs with random weights.
        QFETCH(int, rows);
        QFETCH(int, H);
        QFETCH(bool, pre);
        QFETCH(double, dropout);
        QFETCH(bool, bf16);
        QFETCH(bool, bothOutputs);
        const auto low = bf16 ? torch::kBFloat16 : torch::kFloat32;
        kernels::AddNormOptions o;
        o.eps = 1e-12;
        o.dropout = dropout;
        o.training = true;
        o.pre = pre;
        o.lowType = low;
        o.seed = 1234567;
        auto x0 = torch::randn({rows, H}) * 2.0;
        auto y0 = torch::randn({rows, H}).to(low);
        auto w0 = 1.0 + 0.3 * torch::randn({H});
        auto b0 = 0.1 * torch::randn({H});
        auto r0 = torch::randn({rows, H}), r1 = torch::randn({rows, H});
        auto run = [&](bool fused) {
            auto x = x0.clone().requires_grad_(true), y = y0.clone().requires_grad_(true);
            auto w = w0.clone().requires_grad_(true), b = b0.clone().requires_grad_(true);
            auto outs = fused ? kernels::fusedAddNorm(x, y, w, b, o) : kernels::referenceAddNorm(x, y, w, b, o);
            auto loss = (outs[0] * r0).sum();
            const auto second = outs.size() > 1 ? outs[1] : outs[0];
            if (bothOutputs) loss = loss + (second.to(torch::kFloat32) * r1).sum();
            loss.backward();
            return std::vector<torch::Tensor>{outs[0].detach(), second.detach(), x.grad(), y.grad(), w.grad(), b.grad()};
        };
        const auto f = run(true), r = run(false);
        QCOMPARE(f[1].scalar_type(), pre || bf16 ? low : torch::kFloat32);
        QCOMPARE(f[3].scalar_type(), low);
        const char* names[] = {"out", "normed (compute dtype)", "dx", "dy", "dweight", "dbias"};
        std::printf("add + LayerNorm %dx%d %s%s dropout %.1f: max differences from the reference:", rows, H, pre ? "pre" : "post",
                    bf16 ? " bf16" : "", dropout);
        for (int i = 0; i < 6; ++i) {
            const double d = maxDiff(f[i], r[i]), scale = std::max(1.0, maxAbs(r[i]));
            // bf16 values differ by one rounding step (2^-8 relative) where the fp32 values
            // they were rounded from differ in the last bit.
            const bool lowValue = bf16 && (i == 1 || i == 3);
            std::printf(" %s %.3g", names[i], d);
            QVERIFY2(d < (lowValue ? 8e-3 : 2e-4) * scale, names[i]);
        }
        std::printf("\n");
    }

    void addNormDropoutIsSeededFromTheGenerator()
    {
        // Without a given seed the fused kernel draws one from LibTorch's generator, one
        // draw as ptl::dropout makes (so a checkpoint's saved generator replays either path
        // and the draws after it stay where they were); the same state gives the same mask;
        // about the asked share is dropped; evaluation drops nothing.
        auto x = torch::randn({10, 50}), y = torch::randn({10, 50});
        auto w = torch::ones({50}), b = torch::zeros({50});
        kernels::AddNormOptions o;
        o.dropout = 0.25;
        o.training = true;
        o.pre = true;
        torch::manual_seed(99);
        const auto first = kernels::fusedAddNorm(x, y, w, b, o)[0];
        const auto after = torch::rand({4});
        torch::manual_seed(99);
        const auto again = kernels::fusedAddNorm(x, y, w, b, o)[0];
        torch::manual_seed(99);
        (void)ptl::dropout(y, 0.25, true);
        const auto afterPlain = torch::rand({4});
        const auto other = kernels::fusedAddNorm(x, y, w, b, o)[0];
        const double dropped = (first == x).to(torch::kFloat32).mean().item<double>();
        std::printf("fused add + dropout: %.1f%% dropped (asked 25%%)\n", 100.0 * dropped);
        QVERIFY(torch::equal(first, again));
        QVERIFY(torch::equal(after, afterPlain));
        QVERIFY(!torch::equal(first, other));
        QVERIFY(dropped > 0.18 && dropped < 0.32);
        // Kept elements are scaled by 1 / (1 - p).
        const auto kept = first != x;
        QVERIFY(maxDiff(first.masked_select(kept), (x + y / 0.75).masked_select(kept)) < 1e-5);
        o.training = false;
        QVERIFY(maxDiff(kernels::fusedAddNorm(x, y, w, b, o)[0], x + y) < 1e-6);
    }

    void modelWithFusedAddNormMatchesThePlainPath_data()
    {
        QTest::addColumn<bool>("bf16");
        QTest::newRow("fp32") << false;
        QTest::newRow("bf16 autocast") << true;
    }

    void modelWithFusedAddNormMatchesThePlainPath()
    {
        // A post-LN model in training, attention dropout on: the fused add + LayerNorm (switch
        // addnorm) and the plain path give the same logits and gradients from the same
        // generator state. (The residual dropout is off here: the two paths hash their masks
        // differently; the kernel's own dropout is checked against its reference above.)
        QFETCH(bool, bf16);
        ModelConfig c = smallModel("bert-tiny", 60);
        c.attention_dropout = c.embedding_dropout = 0.1;
        c.hidden_dropout = 0.0;
        TransformerModel m(c);
        m->train();
        auto ids = torch::randint(0, 60, {3, 24});
        auto am = torch::ones({3, 24}, torch::kLong);
        am[1].narrow(0, 18, 6).zero_();
        auto run = [&](bool fused) {
            kernels::setKernelEnabled("addnorm", fused);
            torch::manual_seed(3);
            m->zero_grad();
            torch::Tensor logits;
            {
                AutocastScope ac(bf16);
                logits = m->forward(ids, {}, am, ForwardOptions{}).token_logits.to(torch::kFloat32);
            }
            (logits * logits).mean().backward();
            kernels::setKernelEnabled("addnorm", true);
            return std::pair{logits.detach(), m->named_parameters()["attention_0.attn.qkv.weight"].grad().clone()};
        };
        const auto [lf, gf] = run(true);
        const auto [lp, gp] = run(false);
        const double dl = maxDiff(lf, lp), dg = maxDiff(gf, gp);
        std::printf("model %s: fused against plain add + LayerNorm, max logit difference %.3g (of %.3g), QKV weight-gradient %.3g (of %.3g)\n",
                    bf16 ? "bf16" : "fp32", dl, maxAbs(lp), dg, maxAbs(gp));
        // bf16: the two paths round to bf16 at different points.
        const double tol = bf16 ? 0.05 : 1e-4;
        QVERIFY2(dl < tol * std::max(1.0, maxAbs(lp)), qPrintable(QString::number(dl)));
        QVERIFY2(dg < tol * std::max(1.0, maxAbs(gp)), qPrintable(QString::number(dg)));
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

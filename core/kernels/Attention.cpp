#include "core/kernels/Attention.h"
#include "core/kernels/Gemm.h"
#include "core/kernels/Random.h"
#include "core/kernels/RowMath.h"

#include <ATen/Parallel.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

namespace ptl::kernels {

namespace {

// One GEMM of a tile into fp32 (Gemm.h: oneDNN or the BLAS; on the calling thread).
template <typename T>
void tileGemm(bool transA, bool transB, int m, int n, int k, float alpha, const T* A, int lda, const T* B, int ldb, float* C, int ldc)
{
    gemm(transA, transB, m, n, k, alpha, A, lda, B, ldb, 0.0f, C, ldc);
}

// A (rows x cols) fp32 tile as an operand of type T: itself for fp32, rounded to bf16 in buf.
template <typename T>
const T* operand(const float* src, std::size_t count, std::vector<T>& buf)
{
    if constexpr (std::is_same_v<T, float>) {
        return src;
    } else {
        buf.resize(count);
        toBf16Row(src, reinterpret_cast<unsigned short*>(buf.data()), static_cast<int>(count));
        return buf.data();
    }
}

// Where a GEMM's fp32 result for a (rows x cols) block of dst (row stride ld) goes: in place
// for fp32, else a buffer that flush() rounds into dst.
template <typename T>
struct Sink {
    T* dst;
    int64_t ld;
    int rows, cols;
    std::vector<float>& buf;
    float* p()
    {
        if constexpr (std::is_same_v<T, float>) {
            return dst;
        } else {
            buf.resize(static_cast<std::size_t>(rows) * cols);
            return buf.data();
        }
    }
    int pld() const { return std::is_same_v<T, float> ? static_cast<int>(ld) : cols; }
    void flush()
    {
        if constexpr (!std::is_same_v<T, float>) {
            for (int r = 0; r < rows; ++r)
                toBf16Row(buf.data() + static_cast<std::size_t>(r) * cols, reinterpret_cast<unsigned short*>(dst + r * ld), cols);
        }
    }
};

struct Shape {
    int64_t B, T, H, nh, hs;
};

// The additive mask as fp32, broadcast to (B, nh, T, T) by strides (no copy for BERT's
// (B, 1, 1, T)).
struct MaskView {
    torch::Tensor held;
    const float* p = nullptr;
    int64_t sb = 0, sh = 0, si = 0, sj = 0;
    void row(int64_t b, int64_t h, int64_t i, int64_t T, float* out) const
    {
        if (!p) {
            std::fill(out, out + T, 0.0f);
            return;
        }
        const float* r = p + b * sb + h * sh + i * si;
        if (sj == 1)
            std::memcpy(out, r, sizeof(float) * static_cast<std::size_t>(T));
        else
            for (int64_t j = 0; j < T; ++j) out[j] = r[j * sj];
    }
};

MaskView viewMask(const torch::Tensor& mask, const Shape& s)
{
    MaskView v;
    if (!mask.defined() || mask.numel() == 0) return v;  // none (autograd needs a defined tensor)
    v.held = mask.to(torch::kFloat32).expand({s.B, s.nh, s.T, s.T});
    v.p = v.held.data_ptr<float>();
    v.sb = v.held.stride(0);
    v.sh = v.held.stride(1);
    v.si = v.held.stride(2);
    v.sj = v.held.stride(3);
    return v;
}

// Row i's dropout multipliers (0 or 1 / keep) into m.
void dropoutRow(std::uint64_t seed, std::uint64_t rowBase, int T, std::uint32_t threshold, float scale, float* m)
{
    dropoutMultipliers(seed, rowBase, T, threshold, scale, m);
}

struct Dropout {
    bool on = false;
    std::uint64_t seed = 0;
    std::uint32_t threshold = 0;
    float scale = 1.0f;
};

// Softmax probabilities of one head's score tile S (T x T, already scaled), row by row:
// mask added, future keys cut for causal, P = exp(s - lse). Forward (lse == nullptr on
// input... computed): fills lse; recompute (haveLse): reads it.
void probabilities(float* S, int T, const MaskView& mask, int64_t b, int64_t h, bool causal, float* lse, bool haveLse, float* maskRow)
{
    const float inf = std::numeric_limits<float>::infinity();
    for (int i = 0; i < T; ++i) {
        float* row = S + static_cast<std::size_t>(i) * T;
        const int lim = causal ? i + 1 : T;
        if (mask.p) {
            mask.row(b, h, i, T, maskRow);
            addRow(row, maskRow, lim);
        }
        std::fill(row + lim, row + T, 0.0f);
        if (haveLse) {
            if (lse[i] == inf) {
                std::fill(row, row + lim, 0.0f);
                continue;
            }
            expShiftedRow(row, lim, lse[i]);
            continue;
        }
        const float mx = maxRow(row, lim);
        if (mx == -inf) {  // every key masked out: no attention, no gradient
            std::fill(row, row + lim, 0.0f);
            lse[i] = inf;
            continue;
        }
        const float sum = expShiftedRow(row, lim, mx);
        scaleRow(row, lim, 1.0f / sum);
        lse[i] = mx + std::log(sum);
    }
}

template <typename T>
void forwardKernel(const Shape& s, const T* qkv, const MaskView& mask, bool causal, const Dropout& drop, T* out, float* lse)
{
    const int64_t rowQkv = 3 * s.H;
    const int ldq = static_cast<int>(rowQkv);
    const float scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(s.hs)));
    const int Tn = static_cast<int>(s.T), hs = static_cast<int>(s.hs);
    const std::size_t tile = static_cast<std::size_t>(Tn) * Tn;
    at::parallel_for(0, s.B * s.nh, 1, [&](int64_t begin, int64_t end) {
        std::vector<float> ob, S(tile), maskRow(Tn), dropRow(Tn);
        std::vector<T> pb;
        for (int64_t bh = begin; bh < end; ++bh) {
            const int64_t b = bh / s.nh, h = bh % s.nh;
            const T* Q = qkv + b * s.T * rowQkv + h * s.hs;  // read in place: rows T, stride 3H
            const T* K = Q + s.H;
            const T* V = Q + 2 * s.H;
            tileGemm(false, true, Tn, Tn, hs, scale, Q, ldq, K, ldq, S.data(), Tn);
            probabilities(S.data(), Tn, mask, b, h, causal, lse + bh * s.T, false, maskRow.data());
            if (drop.on) {
                for (int i = 0; i < Tn; ++i) {
                    dropoutRow(drop.seed, static_cast<std::uint64_t>((bh * s.T + i) * s.T), Tn, drop.threshold, drop.scale, dropRow.data());
                    mulRow(S.data() + static_cast<std::size_t>(i) * Tn, dropRow.data(), Tn);
                }
            }
            Sink<T> o{out + b * s.T * s.H + h * s.hs, s.H, Tn, hs, ob};
            tileGemm(false, false, Tn, hs, Tn, 1.0f, operand<T>(S.data(), tile, pb), Tn, V, ldq, o.p(), o.pld());
            o.flush();
        }
    });
}

template <typename T>
void backwardKernel(const Shape& s, const T* qkv, const T* gradOut, const MaskView& mask, bool causal, const Dropout& drop, const float* lseAll,
                    T* gradQkv)
{
    const int64_t rowQkv = 3 * s.H;
    const int ldq = static_cast<int>(rowQkv), ldo = static_cast<int>(s.H);
    const float scale = static_cast<float>(1.0 / std::sqrt(static_cast<double>(s.hs)));
    const int Tn = static_cast<int>(s.T), hs = static_cast<int>(s.hs);
    at::parallel_for(0, s.B * s.nh, 1, [&](int64_t begin, int64_t end) {
        const std::size_t tile = static_cast<std::size_t>(Tn) * Tn;
        std::vector<float> sb, P(tile), W(tile), maskRow(Tn), dropTile;
        std::vector<T> tb;
        std::vector<float> lse(static_cast<std::size_t>(Tn));
        if (drop.on) dropTile.resize(tile);
        for (int64_t bh = begin; bh < end; ++bh) {
            const int64_t b = bh / s.nh, h = bh % s.nh;
            const T* Q = qkv + b * s.T * rowQkv + h * s.hs;
            const T* K = Q + s.H;
            const T* V = Q + 2 * s.H;
            const T* dO = gradOut + b * s.T * s.H + h * s.hs;
            T* gbase = gradQkv + b * s.T * rowQkv + h * s.hs;
            // P, recomputed from the saved row log-sum-exp.
            tileGemm(false, true, Tn, Tn, hs, scale, Q, ldq, K, ldq, P.data(), Tn);
            std::memcpy(lse.data(), lseAll + bh * s.T, sizeof(float) * static_cast<std::size_t>(Tn));
            probabilities(P.data(), Tn, mask, b, h, causal, lse.data(), true, maskRow.data());
            // dV = P_drop^T dO, with P_drop = P * M.
            const float* Pd = P.data();
            if (drop.on) {
                for (int i = 0; i < Tn; ++i) {
                    float* m = dropTile.data() + static_cast<std::size_t>(i) * Tn;
                    dropoutRow(drop.seed, static_cast<std::uint64_t>((bh * s.T + i) * s.T), Tn, drop.threshold, drop.scale, m);
                    productRow(W.data() + static_cast<std::size_t>(i) * Tn, P.data() + static_cast<std::size_t>(i) * Tn, m, Tn);
                }
                Pd = W.data();
            }
            {
                Sink<T> dv{gbase + 2 * s.H, rowQkv, Tn, hs, sb};
                tileGemm(true, false, Tn, hs, Tn, 1.0f, operand<T>(Pd, tile, tb), Tn, dO, ldo, dv.p(), dv.pld());
                dv.flush();
            }
            // dP = (dO V^T) * M; dS = P * (dP - rowsum(P * dP)).
            tileGemm(false, true, Tn, Tn, hs, 1.0f, dO, ldo, V, ldq, W.data(), Tn);
            for (int i = 0; i < Tn; ++i) {
                float* w = W.data() + static_cast<std::size_t>(i) * Tn;
                const float* p = P.data() + static_cast<std::size_t>(i) * Tn;
                if (drop.on) mulRow(w, dropTile.data() + static_cast<std::size_t>(i) * Tn, Tn);
                const float d = dotRow(p, w, Tn);
                softmaxGradRow(w, p, d, Tn);
            }
            // dQ = scale dS K, dK = scale dS^T Q.
            const T* dS = operand<T>(W.data(), tile, tb);
            {
                Sink<T> dq{gbase, rowQkv, Tn, hs, sb};
                tileGemm(false, false, Tn, hs, Tn, scale, dS, Tn, K, ldq, dq.p(), dq.pld());
                dq.flush();
            }
            {
                Sink<T> dk{gbase + s.H, rowQkv, Tn, hs, sb};
                tileGemm(true, false, Tn, hs, Tn, scale, dS, Tn, Q, ldq, dk.p(), dk.pld());
                dk.flush();
            }
        }
    });
}

Shape shapeOf(const torch::Tensor& qkv, int64_t heads)
{
    TORCH_CHECK(qkv.dim() == 3 && qkv.size(2) % 3 == 0, "fusedAttention: qkv must be (B, T, 3H)");
    Shape s{qkv.size(0), qkv.size(1), qkv.size(2) / 3, heads, 0};
    TORCH_CHECK(heads > 0 && s.H % heads == 0, "fusedAttention: the heads must divide H");
    s.hs = s.H / heads;
    return s;
}

Dropout dropoutOf(const AttentionOptions& opt, std::uint64_t seed)
{
    Dropout d;
    d.on = opt.training && opt.dropout > 0.0;
    if (!d.on) return d;
    d.seed = seed;
    d.threshold = keepThreshold(1.0 - opt.dropout);
    d.scale = static_cast<float>(1.0 / (1.0 - opt.dropout));
    return d;
}

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

class FusedAttentionFunction : public torch::autograd::Function<FusedAttentionFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& qkvIn, const torch::Tensor& mask, int64_t heads, double dropout,
                                 bool training, bool causal, int64_t seedBits)
    {
        const torch::Tensor qkv = qkvIn.contiguous();
        const Shape s = shapeOf(qkv, heads);
        AttentionOptions opt;
        opt.heads = heads;
        opt.dropout = dropout;
        opt.training = training;
        const Dropout drop = dropoutOf(opt, static_cast<std::uint64_t>(seedBits));
        auto out = torch::empty({s.B, s.T, s.H}, qkv.options());
        auto lse = torch::empty({s.B, s.nh, s.T}, qkv.options().dtype(torch::kFloat32));
        const MaskView mv = viewMask(mask, s);
        if (qkv.scalar_type() == torch::kFloat32)
            forwardKernel<float>(s, qkv.data_ptr<float>(), mv, causal, drop, out.data_ptr<float>(), lse.data_ptr<float>());
        else if (qkv.scalar_type() == torch::kBFloat16)
            forwardKernel<at::BFloat16>(s, qkv.data_ptr<at::BFloat16>(), mv, causal, drop, out.data_ptr<at::BFloat16>(), lse.data_ptr<float>());
        else
            TORCH_CHECK(false, "fusedAttention: qkv must be fp32 or bf16");
        ctx->save_for_backward({qkv, lse});
        ctx->saved_data["mask"] = mask;
        ctx->saved_data["heads"] = heads;
        ctx->saved_data["dropout"] = dropout;
        ctx->saved_data["training"] = training;
        ctx->saved_data["causal"] = causal;
        ctx->saved_data["seed"] = seedBits;
        return out;
    }

    static tensor_list backward(AutogradContext* ctx, tensor_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor& qkv = saved[0];
        const torch::Tensor& lse = saved[1];
        const torch::Tensor mask = ctx->saved_data["mask"].toTensor();
        AttentionOptions opt;
        opt.heads = ctx->saved_data["heads"].toInt();
        opt.dropout = ctx->saved_data["dropout"].toDouble();
        opt.training = ctx->saved_data["training"].toBool();
        const bool causal = ctx->saved_data["causal"].toBool();
        const Dropout drop = dropoutOf(opt, static_cast<std::uint64_t>(ctx->saved_data["seed"].toInt()));
        const Shape s = shapeOf(qkv, opt.heads);
        const torch::Tensor g = grads[0].to(qkv.scalar_type()).contiguous();
        auto gradQkv = torch::empty_like(qkv);
        const MaskView mv = viewMask(mask, s);
        if (qkv.scalar_type() == torch::kFloat32)
            backwardKernel<float>(s, qkv.data_ptr<float>(), g.data_ptr<float>(), mv, causal, drop, lse.data_ptr<float>(), gradQkv.data_ptr<float>());
        else
            backwardKernel<at::BFloat16>(s, qkv.data_ptr<at::BFloat16>(), g.data_ptr<at::BFloat16>(), mv, causal, drop, lse.data_ptr<float>(),
                                         gradQkv.data_ptr<at::BFloat16>());
        return {gradQkv, torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor fusedAttention(const torch::Tensor& qkv, const torch::Tensor& additiveMask, const AttentionOptions& opt)
{
    const bool dropping = opt.training && opt.dropout > 0.0;
    const std::uint64_t seed = dropping ? (opt.seed ? *opt.seed : drawSeed()) : 0;
    return FusedAttentionFunction::apply(qkv, additiveMask.defined() ? additiveMask.detach() : torch::empty({0}), opt.heads, opt.dropout,
                                         opt.training, opt.causal, static_cast<int64_t>(seed));
}

torch::Tensor attentionKeepMask(std::uint64_t seed, int64_t B, int64_t heads, int64_t T, double keepProb)
{
    auto m = torch::empty({B, heads, T, T}, torch::kFloat32);
    float* p = m.data_ptr<float>();
    const std::uint32_t threshold = keepThreshold(keepProb);
    for (int64_t r = 0; r < B * heads * T; ++r)
        dropoutRow(seed, static_cast<std::uint64_t>(r * T), static_cast<int>(T), threshold, 1.0f, p + r * T);
    return m;
}

torch::Tensor referenceAttention(const torch::Tensor& qkv, const torch::Tensor& additiveMask, const AttentionOptions& opt)
{
    const auto B = qkv.size(0), T = qkv.size(1), H = qkv.size(2) / 3, hs = H / opt.heads;
    auto parts = qkv.view({B, T, 3, opt.heads, hs}).permute({2, 0, 3, 1, 4});  // (3, B, nh, T, hs)
    auto q = parts[0], k = parts[1], v = parts[2];
    auto scores = torch::matmul(q * (1.0 / std::sqrt(static_cast<double>(hs))), k.transpose(-2, -1));  // (B, nh, T, T)
    if (opt.causal) {
        auto future = torch::ones({T, T}, torch::TensorOptions().dtype(torch::kBool)).triu(1);
        scores = scores.masked_fill(future, -std::numeric_limits<float>::infinity());
    }
    if (additiveMask.defined()) scores = scores + additiveMask;
    auto probs = torch::softmax(scores, -1);
    if (opt.training && opt.dropout > 0.0) {
        TORCH_CHECK(opt.seed.has_value(), "referenceAttention: dropout needs opt.seed (the fused kernel's mask)");
        const auto keep = attentionKeepMask(*opt.seed, B, opt.heads, T, 1.0 - opt.dropout).to(probs.scalar_type());
        probs = probs * keep / (1.0 - opt.dropout);
    }
    auto y = torch::matmul(probs, v);                // (B, nh, T, hs)
    return y.transpose(1, 2).reshape({B, T, H});     // (B, T, H)
}

} // namespace ptl::kernels

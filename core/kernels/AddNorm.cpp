#include "core/kernels/AddNorm.h"
#include "core/kernels/Random.h"
#include "core/kernels/RowMath.h"
#include "core/kernels/Switches.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#define PTL_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

namespace ptl::kernels {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// ---- row loops (this file is built at -O3 so that they vectorize)

PTL_CLONES void bf16ToFloatRow(const unsigned short* in, float* out, int n)
{
    for (int j = 0; j < n; ++j) {
        const std::uint32_t bits = static_cast<std::uint32_t>(in[j]) << 16;
        std::memcpy(out + j, &bits, sizeof bits);
    }
}

// z = x + m * y (m == nullptr: no dropout)
PTL_CLONES void residualRow(const float* x, const float* y, const float* m, float* z, int n)
{
    if (m)
        for (int j = 0; j < n; ++j) z[j] = x[j] + m[j] * y[j];
    else
        for (int j = 0; j < n; ++j) z[j] = x[j] + y[j];
}

constexpr int kLanes = 16;  // independent partial sums, so that the reductions vectorize

// Sum of a[j] (sums of products: RowMath's dotRow).
PTL_CLONES float sumRow(const float* a, int n)
{
    float acc[kLanes] = {};
    int j = 0;
    for (; j + kLanes <= n; j += kLanes)
        for (int l = 0; l < kLanes; ++l) acc[l] += a[j + l];
    float s = 0.0f;
    for (int l = 0; l < kLanes; ++l) s += acc[l];
    for (; j < n; ++j) s += a[j];
    return s;
}

// Sum of (a[j] - mean)^2.
PTL_CLONES float squaredDeviationRow(const float* a, float mean, int n)
{
    float acc[kLanes] = {};
    int j = 0;
    for (; j + kLanes <= n; j += kLanes)
        for (int l = 0; l < kLanes; ++l) {
            const float d = a[j + l] - mean;
            acc[l] += d * d;
        }
    float s = 0.0f;
    for (int l = 0; l < kLanes; ++l) s += acc[l];
    for (; j < n; ++j) s += (a[j] - mean) * (a[j] - mean);
    return s;
}

// xhat = (z - mean) * rstd, out = xhat * w + b; returns rstd. Two passes for the variance
// (no cancellation), fp32 throughout.
PTL_CLONES float normRow(const float* z, const float* w, const float* b, float* xhat, float* out, int n, float eps)
{
    const float mean = sumRow(z, n) / static_cast<float>(n);
    const float rstd = 1.0f / std::sqrt(squaredDeviationRow(z, mean, n) / static_cast<float>(n) + eps);
    for (int j = 0; j < n; ++j) {
        const float h = (z[j] - mean) * rstd;
        xhat[j] = h;
        out[j] = h * w[j] + b[j];
    }
    return rstd;
}

// The LayerNorm backward of one row: gz = rstd (gn w - mean(gn w) - xhat mean(gn w xhat)),
// plus gn xhat and gn into the weight and bias gradients. gw is scratch of n floats.
PTL_CLONES void normBackwardRow(const float* gn, const float* xhat, const float* w, float rstd, float* gz, float* gw, float* dw, float* db, int n)
{
    for (int j = 0; j < n; ++j) gw[j] = gn[j] * w[j];
    const float a = sumRow(gw, n) / static_cast<float>(n);
    const float c = dotRow(gw, xhat, n) / static_cast<float>(n);
    for (int j = 0; j < n; ++j) {
        gz[j] = rstd * (gw[j] - a - xhat[j] * c);
        dw[j] += gn[j] * xhat[j];
        db[j] += gn[j];
    }
}

void loadRow(const torch::Tensor& t, int64_t row, int64_t H, float* out)
{
    if (t.scalar_type() == torch::kBFloat16)
        bf16ToFloatRow(reinterpret_cast<const unsigned short*>(t.data_ptr<at::BFloat16>()) + row * H, out, static_cast<int>(H));
    else
        std::memcpy(out, t.data_ptr<float>() + row * H, sizeof(float) * static_cast<std::size_t>(H));
}

void storeRow(torch::Tensor& t, int64_t row, int64_t H, const float* in)
{
    if (t.scalar_type() == torch::kBFloat16)
        toBf16Row(in, reinterpret_cast<unsigned short*>(t.data_ptr<at::BFloat16>()) + row * H, static_cast<int>(H));
    else
        std::memcpy(t.data_ptr<float>() + row * H, in, sizeof(float) * static_cast<std::size_t>(H));
}

class AddNormFunction : public torch::autograd::Function<AddNormFunction> {
public:
    static variable_list forward(AutogradContext* ctx, const torch::Tensor& xIn, const torch::Tensor& yIn, const torch::Tensor& weight,
                                 const torch::Tensor& bias, double eps, double p, bool drop, bool pre, int64_t lowType, int64_t seedBits)
    {
        const auto x = xIn.contiguous(), y = yIn.contiguous();
        const auto w = weight.contiguous(), b = bias.contiguous();
        const int64_t H = x.size(-1), rows = x.numel() / H;
        const auto low = static_cast<torch::ScalarType>(lowType);
        const std::uint64_t seed = static_cast<std::uint64_t>(seedBits);
        const float scale = drop ? static_cast<float>(1.0 / (1.0 - p)) : 1.0f;
        const std::uint32_t threshold = drop ? keepThreshold(1.0 - p) : 0;

        auto out0 = torch::empty_like(x);
        torch::Tensor out1;
        if (pre || low != torch::kFloat32) out1 = torch::empty(x.sizes(), x.options().dtype(low));
        auto xhat = torch::empty({rows, H}, x.options());
        auto rstd = torch::empty({rows}, x.options());
        const float* xp = x.data_ptr<float>();
        const float* wp = w.data_ptr<float>();
        const float* bp = b.data_ptr<float>();
        float* hp = xhat.data_ptr<float>();
        float* rp = rstd.data_ptr<float>();
        float* o0 = out0.data_ptr<float>();
        at::parallel_for(0, rows, 16, [&](int64_t begin, int64_t end) {
            std::vector<float> yrow(static_cast<std::size_t>(H)), mrow(drop ? static_cast<std::size_t>(H) : 0),
                z(static_cast<std::size_t>(H)), n(static_cast<std::size_t>(H));
            for (int64_t r = begin; r < end; ++r) {
                loadRow(y, r, H, yrow.data());
                if (drop) dropoutMultipliers(seed, static_cast<std::uint64_t>(r * H), static_cast<int>(H), threshold, scale, mrow.data());
                residualRow(xp + r * H, yrow.data(), drop ? mrow.data() : nullptr, pre ? o0 + r * H : z.data(), static_cast<int>(H));
                const float* zr = pre ? o0 + r * H : z.data();
                float* nr = pre ? n.data() : o0 + r * H;
                rp[r] = normRow(zr, wp, bp, hp + r * H, nr, static_cast<int>(H), static_cast<float>(eps));
                if (out1.defined()) storeRow(out1, r, H, nr);
            }
        });
        ctx->save_for_backward({xhat, rstd, w});
        ctx->saved_data["p"] = p;
        ctx->saved_data["drop"] = drop;
        ctx->saved_data["pre"] = pre;
        ctx->saved_data["seed"] = seedBits;
        ctx->saved_data["ytype"] = static_cast<int64_t>(y.scalar_type());
        ctx->saved_data["shape"] = x.sizes().vec();
        if (out1.defined()) return {out0, out1};
        return {out0};
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const auto& xhat = saved[0];
        const auto& rstd = saved[1];
        const auto& w = saved[2];
        const double p = ctx->saved_data["p"].toDouble();
        const bool drop = ctx->saved_data["drop"].toBool();
        const bool pre = ctx->saved_data["pre"].toBool();
        const auto seed = static_cast<std::uint64_t>(ctx->saved_data["seed"].toInt());
        const auto ytype = static_cast<torch::ScalarType>(ctx->saved_data["ytype"].toInt());
        const auto shape = ctx->saved_data["shape"].toIntVector();
        const int64_t rows = xhat.size(0), H = xhat.size(1);
        const float scale = drop ? static_cast<float>(1.0 / (1.0 - p)) : 1.0f;
        const std::uint32_t threshold = drop ? keepThreshold(1.0 - p) : 0;

        const torch::Tensor g0 = grads[0].defined() ? grads[0].contiguous() : torch::Tensor();
        const torch::Tensor g1 = grads.size() > 1 && grads[1].defined() ? grads[1].contiguous() : torch::Tensor();
        auto gx = torch::empty({rows, H}, xhat.options());
        auto gy = torch::empty({rows, H}, xhat.options().dtype(ytype));
        // The weight and bias gradients: one partial sum per chunk of rows, added at the end.
        const int64_t chunks = std::max<int64_t>(1, std::min<int64_t>(rows, 4 * at::get_num_threads()));
        auto partial = torch::zeros({chunks, 2, H}, xhat.options());
        const float* hp = xhat.data_ptr<float>();
        const float* rp = rstd.data_ptr<float>();
        const float* wp = w.data_ptr<float>();
        float* gxp = gx.data_ptr<float>();
        float* pp = partial.data_ptr<float>();
        at::parallel_for(0, chunks, 1, [&](int64_t cb, int64_t ce) {
            std::vector<float> gn(static_cast<std::size_t>(H)), tmp(static_cast<std::size_t>(H)), gz(static_cast<std::size_t>(H)),
                gw(static_cast<std::size_t>(H)), mrow(drop ? static_cast<std::size_t>(H) : 0);
            for (int64_t c = cb; c < ce; ++c) {
                const int64_t r0 = rows * c / chunks, r1 = rows * (c + 1) / chunks;
                float* dw = pp + c * 2 * H;
                float* db = dw + H;
                for (int64_t r = r0; r < r1; ++r) {
                    // The gradient reaching the LayerNorm's output: out1's, and out0's in post mode.
                    if (g1.defined()) loadRow(g1, r, H, gn.data());
                    else std::fill(gn.begin(), gn.end(), 0.0f);
                    if (!pre && g0.defined()) {
                        loadRow(g0, r, H, tmp.data());
                        addRow(gn.data(), tmp.data(), static_cast<int>(H));
                    }
                    normBackwardRow(gn.data(), hp + r * H, wp, rp[r], gz.data(), gw.data(), dw, db, static_cast<int>(H));
                    if (pre && g0.defined()) {  // the sum is an output too
                        loadRow(g0, r, H, tmp.data());
                        addRow(gz.data(), tmp.data(), static_cast<int>(H));
                    }
                    std::memcpy(gxp + r * H, gz.data(), sizeof(float) * static_cast<std::size_t>(H));
                    if (drop) {
                        dropoutMultipliers(seed, static_cast<std::uint64_t>(r * H), static_cast<int>(H), threshold, scale, mrow.data());
                        mulRow(gz.data(), mrow.data(), static_cast<int>(H));
                    }
                    storeRow(gy, r, H, gz.data());
                }
            }
        });
        const auto sums = partial.sum(0);  // (2, H)
        return {gx.view(shape), gy.view(shape), sums[0].clone(), sums[1].clone(), torch::Tensor(), torch::Tensor(),
                torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

// The (rows, H) multipliers the fused kernel draws for a seed, for the reference.
torch::Tensor multipliers(std::uint64_t seed, int64_t rows, int64_t H, double p)
{
    auto m = torch::empty({rows, H}, torch::kFloat32);
    const float scale = static_cast<float>(1.0 / (1.0 - p));
    for (int64_t r = 0; r < rows; ++r)
        dropoutMultipliers(seed, static_cast<std::uint64_t>(r * H), static_cast<int>(H), keepThreshold(1.0 - p), scale, m.data_ptr<float>() + r * H);
    return m;
}

} // namespace

bool addNormApplies(const torch::Tensor& x, const torch::Tensor& y, const torch::Tensor& weight, const torch::Tensor& bias)
{
    if (!kernelEnabled("addnorm")) return false;
    if (!x.defined() || !y.defined() || !weight.defined() || !bias.defined()) return false;
    if (!x.device().is_cpu() || x.scalar_type() != torch::kFloat32) return false;
    if (y.scalar_type() != torch::kFloat32 && y.scalar_type() != torch::kBFloat16) return false;
    if (weight.scalar_type() != torch::kFloat32 || bias.scalar_type() != torch::kFloat32) return false;
    if (x.sizes() != y.sizes() || x.dim() < 1 || weight.dim() != 1 || bias.dim() != 1) return false;
    const int64_t H = x.size(-1);
    return H > 0 && weight.size(0) == H && bias.size(0) == H && x.numel() > 0;
}

std::vector<torch::Tensor> fusedAddNorm(const torch::Tensor& x, const torch::Tensor& y, const torch::Tensor& weight,
                                        const torch::Tensor& bias, const AddNormOptions& opt)
{
    const bool drop = opt.training && opt.dropout > 0.0;
    if (drop && opt.dropout >= 1.0) throw std::invalid_argument("fusedAddNorm: dropout must be below 1");
    const std::uint64_t seed = drop ? (opt.seed ? *opt.seed : drawSeed()) : 0;
    return AddNormFunction::apply(x, y, weight, bias, opt.eps, opt.dropout, drop, opt.pre, static_cast<int64_t>(opt.lowType),
                                  static_cast<int64_t>(seed));
}

std::vector<torch::Tensor> referenceAddNorm(const torch::Tensor& x, const torch::Tensor& y, const torch::Tensor& weight,
                                            const torch::Tensor& bias, const AddNormOptions& opt)
{
    const bool drop = opt.training && opt.dropout > 0.0;
    const int64_t H = x.size(-1);
    auto yf = y.to(torch::kFloat32);
    if (drop) {
        const std::uint64_t seed = opt.seed ? *opt.seed : drawSeed();
        yf = yf * multipliers(seed, x.numel() / H, H, opt.dropout).view(x.sizes());
    }
    const auto z = x + yf;
    const auto n = torch::layer_norm(z, {H}, weight, bias, opt.eps);
    if (opt.pre) return {z, n.to(opt.lowType)};
    if (opt.lowType != torch::kFloat32) return {n, n.to(opt.lowType)};
    return {n};
}

} // namespace ptl::kernels

#include "core/kernels/Gemm.h"
#include "core/kernels/Switches.h"

#include <atomic>
#include <cstdlib>
#include <vector>

// The Fortran BLAS LibTorch links (Debian: OpenBLAS through libblas.so.3), and oneDNN's
// row-major GEMMs from libdnnl.so.2, the library LibTorch links (dnnl.h; Debian ships its
// headers only in libdnnl-dev). Both run on the calling thread inside an OpenMP parallel
// region.
extern "C" void sgemm_(const char* transa, const char* transb, const int* m, const int* n, const int* k, const float* alpha,
                       const float* a, const int* lda, const float* b, const int* ldb, const float* beta, float* c, const int* ldc);
extern "C" int dnnl_sgemm(char transa, char transb, std::int64_t M, std::int64_t N, std::int64_t K, float alpha, const float* A,
                          std::int64_t lda, const float* B, std::int64_t ldb, float beta, float* C, std::int64_t ldc);
extern "C" int dnnl_gemm_bf16bf16f32(char transa, char transb, std::int64_t M, std::int64_t N, std::int64_t K, float alpha, const void* A,
                                     std::int64_t lda, const void* B, std::int64_t ldb, float beta, float* C, std::int64_t ldc);
extern "C" int dnnl_get_effective_cpu_isa();

namespace ptl::kernels {

namespace {
// dnnl_cpu_isa_avx512_core (oneDNN 2.x): its bits are set for every AVX-512 ISA oneDNN
// uses on this CPU (avx512_core, _vnni, _bf16, _amx).
constexpr int kAvx512Core = 0x27;

bool cpuHasOnednnAvx512()
{
    static const bool has = (dnnl_get_effective_cpu_isa() & kAvx512Core) == kAvx512Core;
    return has;
}

std::atomic<bool> bf16GemmMissing{false};

void blasGemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha, const float* A, int64_t lda, const float* B,
              int64_t ldb, float beta, float* C, int64_t ldc)
{
    // Column-major view of a row-major matrix is its transpose: C^T = op(B)^T op(A)^T.
    const char ta = transB ? 'T' : 'N', tb = transA ? 'T' : 'N';
    const int mi = static_cast<int>(n), ni = static_cast<int>(m), ki = static_cast<int>(k);
    const int la = static_cast<int>(ldb), lb = static_cast<int>(lda), lc = static_cast<int>(ldc);
    sgemm_(&ta, &tb, &mi, &ni, &ki, &alpha, B, &la, A, &lb, &beta, C, &lc);
}

void widen(const at::BFloat16* src, int64_t rows, int64_t cols, int64_t ld, std::vector<float>& out)
{
    out.resize(static_cast<std::size_t>(rows * cols));
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t c = 0; c < cols; ++c) out[static_cast<std::size_t>(r * cols + c)] = static_cast<float>(src[r * ld + c]);
}
} // namespace

bool onednnSgemm()
{
    return cpuHasOnednnAvx512() && kernelEnabled("sgemm");
}

void gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha, const float* A, int64_t lda, const float* B, int64_t ldb,
          float beta, float* C, int64_t ldc)
{
    if (onednnSgemm() && dnnl_sgemm(transA ? 'T' : 'N', transB ? 'T' : 'N', m, n, k, alpha, A, lda, B, ldb, beta, C, ldc) == 0) return;
    blasGemm(transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
}

void gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha, const at::BFloat16* A, int64_t lda, const at::BFloat16* B,
          int64_t ldb, float beta, float* C, int64_t ldc)
{
    if (!bf16GemmMissing.load(std::memory_order_relaxed)) {
        if (dnnl_gemm_bf16bf16f32(transA ? 'T' : 'N', transB ? 'T' : 'N', m, n, k, alpha, A, lda, B, ldb, beta, C, ldc) == 0) return;
        bf16GemmMissing.store(true);
    }
    thread_local std::vector<float> a, b;
    widen(A, transA ? k : m, transA ? m : k, lda, a);
    widen(B, transB ? n : k, transB ? k : n, ldb, b);
    gemm(transA, transB, m, n, k, alpha, a.data(), transA ? m : k, b.data(), transB ? k : n, beta, C, ldc);
}

namespace {
using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

class LinearFunction : public torch::autograd::Function<LinearFunction> {
public:
    // bias: (out), or an empty tensor for none (autograd functions take no undefined inputs).
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& xIn, const torch::Tensor& wIn, const torch::Tensor& biasIn)
    {
        const torch::Tensor bias = biasIn.numel() > 0 ? biasIn : torch::Tensor();
        const torch::Tensor x = xIn.contiguous(), w = wIn.contiguous();
        const int64_t rows = x.size(0), in = x.size(1), out = w.size(0);
        // The bias in every row, then the GEMM adds onto it (beta 1): one pass over y.
        // (A fresh buffer: for one row, expand(...).contiguous() would be the bias itself.)
        auto y = torch::empty({rows, out}, x.options());
        if (bias.defined()) y.copy_(bias.unsqueeze(0).expand({rows, out}));
        gemm(false, true, rows, out, in, 1.0f, x.data_ptr<float>(), in, w.data_ptr<float>(), in, bias.defined() ? 1.0f : 0.0f,
             y.data_ptr<float>(), out);
        ctx->save_for_backward({x, w});
        ctx->saved_data["bias"] = bias.defined();
        return y;
    }

    static tensor_list backward(AutogradContext* ctx, tensor_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor& x = saved[0];
        const torch::Tensor& w = saved[1];
        const torch::Tensor dy = grads[0].contiguous();
        const int64_t rows = x.size(0), in = x.size(1), out = w.size(0);
        torch::Tensor dx, dw, db;
        if (ctx->needs_input_grad(0)) {
            dx = torch::empty({rows, in}, x.options());
            gemm(false, false, rows, in, out, 1.0f, dy.data_ptr<float>(), out, w.data_ptr<float>(), in, 0.0f, dx.data_ptr<float>(), in);
        }
        if (ctx->needs_input_grad(1)) {
            dw = torch::empty({out, in}, w.options());
            gemm(true, false, out, in, rows, 1.0f, dy.data_ptr<float>(), out, x.data_ptr<float>(), in, 0.0f, dw.data_ptr<float>(), in);
        }
        if (ctx->saved_data["bias"].toBool() && ctx->needs_input_grad(2)) db = dy.sum(0);
        return {dx, dw, db};
    }
};

// y (fp32) = bf16(x) bf16(W)^T + b through the bf16 GEMM into fp32 over the broadcast bias:
// no bf16 output to promote when the fp32 bias is added.
class LinearBf16Function : public torch::autograd::Function<LinearBf16Function> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& xIn, const torch::Tensor& w, const torch::Tensor& bias)
    {
        const torch::Tensor x = xIn.to(torch::kBFloat16).contiguous(), wb = w.to(torch::kBFloat16).contiguous();
        const int64_t rows = x.size(0), in = x.size(1), out = wb.size(0);
        auto y = torch::empty({rows, out}, bias.options());
        y.copy_(bias.unsqueeze(0).expand({rows, out}));
        gemm(false, true, rows, out, in, 1.0f, x.data_ptr<at::BFloat16>(), in, wb.data_ptr<at::BFloat16>(), in, 1.0f, y.data_ptr<float>(), out);
        ctx->save_for_backward({x, wb});
        ctx->saved_data["xtype"] = static_cast<int64_t>(xIn.scalar_type());
        return y;
    }

    static tensor_list backward(AutogradContext* ctx, tensor_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor& x = saved[0];
        const torch::Tensor& wb = saved[1];
        const torch::Tensor dy = grads[0].to(torch::kBFloat16).contiguous();
        const int64_t rows = x.size(0), in = x.size(1), out = wb.size(0);
        torch::Tensor dx, dw, db;
        if (ctx->needs_input_grad(0)) {
            dx = torch::empty({rows, in}, x.options().dtype(torch::kFloat32));
            gemm(false, false, rows, in, out, 1.0f, dy.data_ptr<at::BFloat16>(), out, wb.data_ptr<at::BFloat16>(), in, 0.0f, dx.data_ptr<float>(), in);
            dx = dx.to(static_cast<torch::ScalarType>(ctx->saved_data["xtype"].toInt()));
        }
        if (ctx->needs_input_grad(1)) {
            dw = torch::empty({out, in}, x.options().dtype(torch::kFloat32));
            gemm(true, false, out, in, rows, 1.0f, dy.data_ptr<at::BFloat16>(), out, x.data_ptr<at::BFloat16>(), in, 0.0f, dw.data_ptr<float>(), in);
        }
        if (ctx->needs_input_grad(2)) db = grads[0].sum(0);
        return {dx, dw, db};
    }
};
} // namespace

torch::Tensor linearBf16(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias)
{
    TORCH_CHECK(x.dim() == 2 && weight.dim() == 2 && x.size(1) == weight.size(1), "kernels::linearBf16: x (rows, in) and W (out, in)");
    TORCH_CHECK(weight.scalar_type() == torch::kFloat32 && bias.defined() && bias.scalar_type() == torch::kFloat32 && bias.dim() == 1 &&
                    bias.size(0) == weight.size(0),
                "kernels::linearBf16: fp32 W (out, in) and bias (out)");
    return LinearBf16Function::apply(x, weight, bias);
}

torch::Tensor linear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias)
{
    TORCH_CHECK(x.dim() == 2 && weight.dim() == 2 && x.size(1) == weight.size(1), "kernels::linear: x (rows, in) and W (out, in)");
    TORCH_CHECK(x.scalar_type() == torch::kFloat32 && weight.scalar_type() == torch::kFloat32, "kernels::linear: fp32 only");
    return LinearFunction::apply(x, weight, bias.defined() ? bias : torch::empty({0}));
}

} // namespace ptl::kernels

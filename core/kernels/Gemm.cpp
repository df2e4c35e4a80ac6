#include "core/kernels/Gemm.h"
#include "core/kernels/Switches.h"

#include <atomic>
#include <cstdlib>
#include <type_traits>
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

// y (fp32) = x W^T + b with the operands in T: fp32, or bf16 (x and W rounded to bf16,
// the bf16 GEMM writing fp32 over the broadcast bias, so no bf16 output is promoted when
// the fp32 bias is added). The bias goes in every row first and the GEMM adds onto it
// (beta 1): one pass over y. Backward: dX = dY W, dW = dY^T X through the same GEMM (dY
// rounded to T, as autocast's own backward does), db = column sums of dY in fp32.
template <typename T>
class LinearFunction : public torch::autograd::Function<LinearFunction<T>> {
    static constexpr torch::ScalarType kOperand = std::is_same_v<T, float> ? torch::kFloat32 : torch::kBFloat16;

public:
    // bias: (out), or an empty tensor for none (autograd functions take no undefined inputs).
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& xIn, const torch::Tensor& wIn, const torch::Tensor& biasIn)
    {
        const bool hasBias = biasIn.numel() > 0;
        const torch::Tensor x = xIn.to(kOperand).contiguous(), w = wIn.to(kOperand).contiguous();
        const int64_t rows = x.size(0), in = x.size(1), out = w.size(0);
        // (A fresh buffer: for one row, expand(...).contiguous() would be the bias itself.)
        auto y = torch::empty({rows, out}, x.options().dtype(torch::kFloat32));
        if (hasBias) y.copy_(biasIn.unsqueeze(0).expand({rows, out}));
        gemm(false, true, rows, out, in, 1.0f, x.template data_ptr<T>(), in, w.template data_ptr<T>(), in, hasBias ? 1.0f : 0.0f,
             y.data_ptr<float>(), out);
        ctx->save_for_backward({x, w});
        ctx->saved_data["bias"] = hasBias;
        ctx->saved_data["xtype"] = static_cast<int64_t>(xIn.scalar_type());
        return y;
    }

    static tensor_list backward(AutogradContext* ctx, tensor_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor& x = saved[0];
        const torch::Tensor& w = saved[1];
        const torch::Tensor dy = grads[0].to(kOperand).contiguous();
        const int64_t rows = x.size(0), in = x.size(1), out = w.size(0);
        const auto f32 = x.options().dtype(torch::kFloat32);
        torch::Tensor dx, dw, db;
        if (ctx->needs_input_grad(0)) {
            dx = torch::empty({rows, in}, f32);
            gemm(false, false, rows, in, out, 1.0f, dy.template data_ptr<T>(), out, w.template data_ptr<T>(), in, 0.0f, dx.data_ptr<float>(), in);
            dx = dx.to(static_cast<torch::ScalarType>(ctx->saved_data["xtype"].toInt()));
        }
        if (ctx->needs_input_grad(1)) {
            dw = torch::empty({out, in}, f32);
            gemm(true, false, out, in, rows, 1.0f, dy.template data_ptr<T>(), out, x.template data_ptr<T>(), in, 0.0f, dw.data_ptr<float>(), in);
        }
        if (ctx->saved_data["bias"].toBool() && ctx->needs_input_grad(2)) db = grads[0].sum(0);
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
    return LinearFunction<at::BFloat16>::apply(x, weight, bias);
}

torch::Tensor linear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias)
{
    TORCH_CHECK(x.dim() == 2 && weight.dim() == 2 && x.size(1) == weight.size(1), "kernels::linear: x (rows, in) and W (out, in)");
    TORCH_CHECK(x.scalar_type() == torch::kFloat32 && weight.scalar_type() == torch::kFloat32, "kernels::linear: fp32 only");
    return LinearFunction<float>::apply(x, weight, bias.defined() ? bias : torch::empty({0}));
}

} // namespace ptl::kernels

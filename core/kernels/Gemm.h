#pragma once
// The GEMMs of core/kernels, and the fp32 linear layer built on them.
//
// LibTorch 1.13 sends every fp32 matmul to the BLAS it links (Debian: OpenBLAS), and bf16
// ones to oneDNN. OpenBLAS 0.3.21 has no kernel for newer AVX-512 CPUs (on the 2-core
// AMD EPYC with AVX512-BF16 measured for the README it runs its AVX2 Zen kernel, about 190
// GFLOP/s), while oneDNN's AVX-512 sgemm, already loaded with LibTorch, runs the same shapes
// at 300-400 GFLOP/s there. So where oneDNN reports AVX-512 kernels
// (dnnl_get_effective_cpu_isa; DNNL_MAX_CPU_ISA=AVX2 caps it, as on a CPU without AVX-512)
// fp32 GEMMs go to oneDNN, elsewhere to the BLAS (switch: PTL_KERNELS=-sgemm).
#include <torch/torch.h>

#include <cstdint>

namespace ptl::kernels {

// Whether fp32 GEMMs go to oneDNN here (the CPU has AVX-512, and "sgemm" is switched on).
bool onednnSgemm();

// Row-major C (m x n) = alpha op(A) op(B) + beta C, fp32. Called from inside a parallel
// region, it runs on the calling thread; outside, on all of LibTorch's threads.
void gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha, const float* A, int64_t lda, const float* B, int64_t ldb,
          float beta, float* C, int64_t ldc);
// The same with bf16 operands into fp32 (oneDNN's bf16 GEMM, or both widened to fp32
// where the CPU has no bf16 kernel).
void gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, float alpha, const at::BFloat16* A, int64_t lda, const at::BFloat16* B,
          int64_t ldb, float beta, float* C, int64_t ldc);

// y = x W^T + b for fp32 x (rows, in), W (out, in), b (out) through gemm() above, forward
// and backward (dX = dY W, dW = dY^T X, db = column sums of dY). Differentiable in all three.
torch::Tensor linear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias);

// y = x W^T + b in fp32 from bf16 operands (x and the fp32 W rounded to bf16), for the
// tied output layer under bf16 autocast: the bf16 GEMM writes fp32 over the broadcast bias,
// where matmul + bias would write bf16 logits and then promote all of them to fp32 for the
// add (two passes over the largest activation of the step). Backward: dX and dW through
// the bf16 GEMM (dY rounded to bf16, as autocast's own backward does), db in fp32.
// x (rows, in) of any float dtype; W (out, in) and b (out) fp32.
torch::Tensor linearBf16(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias);

} // namespace ptl::kernels

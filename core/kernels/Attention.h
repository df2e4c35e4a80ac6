#pragma once
// Self-attention over the merged QKV projection as one fused kernel, and the plain LibTorch
// reference it is tested against (tests/test_kernels.cpp).
//
// The fused kernel works one (sequence, head) at a time, in parallel over all of them: the
// (T, T) score tile of that head stays in the thread's cache while it is scaled, masked,
// soft-maxed, dropped out and multiplied by V; only the row log-sum-exp (B, nh, T) is kept
// for backward, which recomputes the tile (as flash attention does) and writes dQ, dK and dV
// straight into the gradient of the merged projection. Q, K and V are read where the QKV
// linear wrote them (no permute copies); the context comes out as (B, T, H), ready for the
// output projection. All arithmetic is fp32 whatever the input dtype (bf16 under autocast
// is converted tile by tile); the small GEMMs go to the BLAS LibTorch itself links
// (Gemm.h: oneDNN where it has AVX-512 kernels, else OpenBLAS), bf16 ones to
// oneDNN, one thread each.
#include <torch/torch.h>

#include <cstdint>
#include <optional>

namespace ptl::kernels {

struct AttentionOptions {
    int64_t heads = 1;
    double dropout = 0.0;  // on the attention probabilities, applied only when training
    bool training = false;
    bool causal = false;   // query i sees keys 0..i
    // The dropout mask's seed. Unset: drawn from LibTorch's default CPU generator (so a
    // checkpoint's RNG state replays it). The mask of element (b, h, i, j) is a pure function
    // of (seed, its index): backward regenerates it instead of storing it.
    std::optional<std::uint64_t> seed;
};

// qkv: (B, T, 3H), q | k | v along the last dim, head h's columns at h*hs .. (h+1)*hs of
// each; additiveMask: undefined or any tensor broadcastable to (B, nh, T, T) (BERT's padding
// mask is (B, 1, 1, T)). Returns the context (B, T, H) in qkv's dtype. Differentiable in qkv.
torch::Tensor fusedAttention(const torch::Tensor& qkv, const torch::Tensor& additiveMask, const AttentionOptions& opt);

// The same computation written the plain way (matmul, masked softmax, dropout, matmul), with
// the fused kernel's dropout mask when opt.seed is set; autograd differentiates it.
torch::Tensor referenceAttention(const torch::Tensor& qkv, const torch::Tensor& additiveMask, const AttentionOptions& opt);

// The keep mask (B, nh, T, T) of 0 / 1 the fused kernel draws for a seed and keep
// probability (1 - dropout), for the reference and the tests.
torch::Tensor attentionKeepMask(std::uint64_t seed, int64_t B, int64_t heads, int64_t T, double keepProb);

// Whether the model uses the fused attention (default) or the reference path
// (core/kernels/Switches.h: PTL_KERNELS=reference or -attention).
bool fusedKernelsEnabled();
void setFusedKernelsEnabled(bool on);  // for `bench kernels` and the tests

} // namespace ptl::kernels

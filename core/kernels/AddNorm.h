#pragma once
// The residual add, its dropout and the LayerNorm after it as one fused pass, and the plain
// LibTorch reference it is tested against (tests/test_kernels.cpp).
//
// A post-LN block (BERT, ALBERT, ELECTRA) ends each sublayer with
//     x = LayerNorm(x + dropout(sublayer(x)))
// which, written the plain way under bf16 autocast, is six passes over the (B, T, H)
// activations forward and as many backward: the dropout mask, its multiply, the bf16
// sublayer output converted to fp32 for the add (LibTorch's type promotion copies it), the
// add, the LayerNorm, and the conversion of its fp32 output back to bf16 when the next
// linear layer reads it. Here each row is read once: the dropout multipliers are hashed
// from (seed, index) as the fused attention hashes its own (RowMath's vectorized 32-bit
// hash; regenerated in backward instead of stored), the statistics are fp32, and the normalised row is written
// both in fp32 (the residual stream) and, under autocast, in the compute dtype (what the
// next linear layer reads, so autocast has nothing to convert). Backward sums the gradients
// of both outputs and writes the gradients of x (fp32) and of the sublayer output (its
// dtype) in one pass, the LayerNorm weight and bias gradients reduced across threads.
//
// Pre-LN blocks (GPT-2) use the other mode: the sum itself is the residual stream and the
// LayerNorm is the next sublayer's input, z = x + dropout(y) and n = LayerNorm(z).
#include <torch/torch.h>

#include <cstdint>
#include <optional>

namespace ptl::kernels {

struct AddNormOptions {
    double eps = 1e-12;
    double dropout = 0.0;  // on y, applied only when training
    bool training = false;
    // Post: returns {LayerNorm(z) in fp32, and the same in lowType when lowType is not fp32}.
    // Pre: returns {z in fp32, LayerNorm(z) in lowType (fp32 included)}.
    bool pre = false;
    torch::ScalarType lowType = torch::kFloat32;
    // The dropout mask's seed; unset: drawn from LibTorch's default CPU generator, one per
    // call, as ptl::dropout draws its own (so a checkpoint's saved generator replays it).
    std::optional<std::uint64_t> seed;
};

// x: (..., H) fp32, the residual stream; y: x's shape, fp32 or bf16, the sublayer's output;
// weight, bias: (H) fp32. Differentiable in x, y, weight and bias.
std::vector<torch::Tensor> fusedAddNorm(const torch::Tensor& x, const torch::Tensor& y, const torch::Tensor& weight,
                                        const torch::Tensor& bias, const AddNormOptions& opt);

// The same computation written the plain way (the fused kernel's mask for the seed as a
// tensor, add, layer_norm, conversion); autograd differentiates it.
std::vector<torch::Tensor> referenceAddNorm(const torch::Tensor& x, const torch::Tensor& y, const torch::Tensor& weight,
                                            const torch::Tensor& bias, const AddNormOptions& opt);

// Whether fusedAddNorm takes these inputs (fp32 x, weight and bias; y fp32 or bf16 of x's
// shape; a CPU tensor; the switch `addnorm` on).
bool addNormApplies(const torch::Tensor& x, const torch::Tensor& y, const torch::Tensor& weight, const torch::Tensor& bias);

} // namespace ptl::kernels

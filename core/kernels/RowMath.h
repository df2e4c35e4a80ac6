#pragma once
// Row operations of the fused kernels, vectorized: each is compiled for AVX-512, AVX2 and
// plain x86-64 (GCC's target_clones) and picked for the CPU at load time.
#include <cstdint>

namespace ptl::kernels {

void addRow(float* row, const float* x, int n);                 // row += x
void mulRow(float* row, const float* x, int n);                 // row *= x
void scaleRow(float* row, int n, float a);                      // row *= a
void productRow(float* out, const float* a, const float* b, int n);  // out = a * b
float maxRow(const float* row, int n);
float dotRow(const float* a, const float* b, int n);
// row = exp(row - shift), returns the sum. exp to about 3e-7 relative (Cody-Waite reduction,
// a degree-6 polynomial on [-ln 2 / 2, ln 2 / 2]); arguments below -87 give exp(-87).
float expShiftedRow(float* row, int n, float shift);
// The softmax gradient in place: w = p * (w - d).
void softmaxGradRow(float* w, const float* p, float d, int n);
// out = round-to-nearest-even bf16 of x (bit patterns; NaN is not expected here).
void toBf16Row(const float* x, unsigned short* out, int n);
// The attention dropout's multipliers for elements first .. first + n - 1 of a (B, nh, T, T)
// block: scale where kept, 0 where dropped. Element idx is kept when the top 16 bits of a
// 32-bit hash of (idx, seed) fall below threshold (= keep probability x 65536).
void dropoutMultipliers(std::uint64_t seed, std::uint64_t first, int n, std::uint32_t threshold, float scale, float* out);
// exp of one value the way expShiftedRow computes it (for the tests).
float fastExp(float x);

} // namespace ptl::kernels

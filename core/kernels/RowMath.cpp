#include "core/kernels/RowMath.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

#define PTL_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

namespace ptl::kernels {

namespace {
inline float expApprox(float x)
{
    x = x < -87.0f ? -87.0f : x;
    const float t = x * 1.44269504088896341f;            // x / ln 2
    const float n = (t + 12582912.0f) - 12582912.0f;     // round to nearest (|t| < 2^22)
    // r = x - n ln 2 in two steps (Cody and Waite), |r| <= ln 2 / 2: exact enough that the
    // error is the polynomial's alone.
    float r = x - n * 0.693145751953125f;
    r = r - n * 1.428606765330187e-06f;
    float p = 1.0f / 720.0f;                             // e^r = sum r^k / k!, k <= 6
    p = p * r + 1.0f / 120.0f;
    p = p * r + 1.0f / 24.0f;
    p = p * r + 1.0f / 6.0f;
    p = p * r + 0.5f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    const std::int32_t bits = (static_cast<std::int32_t>(n) + 127) << 23;  // 2^n
    float s;
    std::memcpy(&s, &bits, sizeof s);
    return p * s;
}
constexpr int kLanes = 16;
} // namespace

float fastExp(float x)
{
    return expApprox(x);
}

PTL_CLONES void addRow(float* row, const float* x, int n)
{
    for (int j = 0; j < n; ++j) row[j] += x[j];
}

PTL_CLONES void mulRow(float* row, const float* x, int n)
{
    for (int j = 0; j < n; ++j) row[j] *= x[j];
}

PTL_CLONES void scaleRow(float* row, int n, float a)
{
    for (int j = 0; j < n; ++j) row[j] *= a;
}

PTL_CLONES void productRow(float* out, const float* a, const float* b, int n)
{
    for (int j = 0; j < n; ++j) out[j] = a[j] * b[j];
}

PTL_CLONES float maxRow(const float* row, int n)
{
    float acc[kLanes];
    std::fill(acc, acc + kLanes, -std::numeric_limits<float>::infinity());
    int j = 0;
    for (; j + kLanes <= n; j += kLanes)
        for (int l = 0; l < kLanes; ++l) acc[l] = row[j + l] > acc[l] ? row[j + l] : acc[l];
    float m = -std::numeric_limits<float>::infinity();
    for (int l = 0; l < kLanes; ++l) m = acc[l] > m ? acc[l] : m;
    for (; j < n; ++j) m = row[j] > m ? row[j] : m;
    return m;
}

PTL_CLONES float dotRow(const float* a, const float* b, int n)
{
    float acc[kLanes] = {};
    int j = 0;
    for (; j + kLanes <= n; j += kLanes)
        for (int l = 0; l < kLanes; ++l) acc[l] += a[j + l] * b[j + l];
    float s = 0.0f;
    for (int l = 0; l < kLanes; ++l) s += acc[l];
    for (; j < n; ++j) s += a[j] * b[j];
    return s;
}

PTL_CLONES float expShiftedRow(float* row, int n, float shift)
{
    float acc[kLanes] = {};
    int j = 0;
    for (; j + kLanes <= n; j += kLanes)
        for (int l = 0; l < kLanes; ++l) {
            const float e = expApprox(row[j + l] - shift);
            row[j + l] = e;
            acc[l] += e;
        }
    float s = 0.0f;
    for (int l = 0; l < kLanes; ++l) s += acc[l];
    for (; j < n; ++j) {
        row[j] = expApprox(row[j] - shift);
        s += row[j];
    }
    return s;
}

PTL_CLONES void softmaxGradRow(float* w, const float* p, float d, int n)
{
    for (int j = 0; j < n; ++j) w[j] = p[j] * (w[j] - d);
}

PTL_CLONES void toBf16Row(const float* x, unsigned short* out, int n)
{
    for (int j = 0; j < n; ++j) {
        std::uint32_t bits;
        std::memcpy(&bits, x + j, sizeof bits);
        bits += 0x7fffu + ((bits >> 16) & 1u);
        out[j] = static_cast<unsigned short>(bits >> 16);
    }
}

namespace {
// A 32-bit integer hash with good avalanche (the "lowbias32" constants), in 32-bit
// multiplies that vectorize on AVX2.
inline std::uint32_t hash32(std::uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352du;
    x ^= x >> 15;
    x *= 0x846ca68bu;
    x ^= x >> 16;
    return x;
}
} // namespace

PTL_CLONES void dropoutMultipliers(std::uint64_t seed, std::uint64_t first, int n, std::uint32_t threshold, float scale, float* out)
{
    const auto lo = static_cast<std::uint32_t>(seed), hi = static_cast<std::uint32_t>(seed >> 32);
    const auto base = static_cast<std::uint32_t>(first), upper = static_cast<std::uint32_t>(first >> 32);
    // (first's upper 32 bits go into the key: a row that crossed a multiple of 2^32
    // elements would repeat masks, which takes a (B, nh, T, T) block of over 4e9 elements.)
    const std::uint32_t key = hash32(hi ^ hash32(upper + 0x9e3779b9u));
    for (int j = 0; j < n; ++j) {
        const std::uint32_t h = hash32(hash32((base + static_cast<std::uint32_t>(j)) ^ lo) + key);
        out[j] = (h >> 16) < threshold ? scale : 0.0f;
    }
}

} // namespace ptl::kernels

#pragma once
// Counter-based randomness for dropout: one 64-bit seed drawn from LibTorch's default CPU
// generator per call (so a checkpoint's saved generator state replays it), then each
// element's 16-bit uniform hashed from (seed, index), in any order and on any thread, and
// again in backward without storing a mask (ptl::dropout: splitmix64, four uniforms a
// hash; the fused attention: RowMath's dropoutMultipliers).
#include <ATen/CPUGeneratorImpl.h>

#include <cstdint>
#include <mutex>

namespace ptl::kernels {

inline std::uint64_t splitmix64(std::uint64_t z)
{
    z += 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

inline std::uint64_t drawSeed()
{
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    return gen.get<at::CPUGeneratorImpl>()->random64();
}

// Element idx is kept when its uniform is below threshold = keepProb * 65536.
inline std::uint32_t keepThreshold(double keepProb)
{
    return static_cast<std::uint32_t>(keepProb * 65536.0 + 0.5);
}

} // namespace ptl::kernels

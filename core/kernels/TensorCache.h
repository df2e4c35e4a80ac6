#pragma once
// A cache of LibTorch's large CPU tensor buffers (switch "malloc", core/kernels/Switches.h).
//
// glibc serves every allocation above 32 MB (its largest mmap threshold) with a fresh mmap
// and returns it with munmap, so a step whose activations exceed that (bert-tiny's MLM
// logits at 40% masking: 1,638 x 8,192 floats, 54 MB, and their gradients) page-faults
// them in again every step: measured 100,000 faults a step, most of the step's time. This
// allocator, installed as LibTorch's CPU allocator, keeps freed buffers of 4 MB and more
// (sizes rounded up to 1 MB) and hands them out again; smaller ones go to LibTorch's own
// allocation. At most 1 GiB is kept idle; beyond that freed buffers go back to the system.
#include <cstddef>
#include <cstdint>

namespace ptl::kernels {

// Installs the cache as LibTorch's CPU allocator (once; later calls do nothing).
void installTensorCache();

struct TensorCacheStats {
    std::uint64_t hits = 0;      // large allocations served from the cache
    std::uint64_t misses = 0;    // large allocations that went to the system
    std::size_t idleBytes = 0;   // bytes held for reuse now
};
TensorCacheStats tensorCacheStats();

} // namespace ptl::kernels

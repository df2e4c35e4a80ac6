#include "core/kernels/TensorCache.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>

#include <map>
#include <mutex>
#include <vector>

namespace ptl::kernels {

namespace {

constexpr std::size_t kLarge = std::size_t(4) << 20;      // cached from this size up
constexpr std::size_t kGranule = std::size_t(1) << 20;    // sizes rounded up to this
constexpr std::size_t kIdleCap = std::size_t(1) << 30;    // at most this much kept idle

// Every buffer carries a 64-byte header (keeping LibTorch's 64-byte alignment) with its
// rounded size, or 0 for a small one, so that one plain deleter (LibTorch's raw_deleter
// contract: the context is the data pointer) knows where it goes.
constexpr std::size_t kHeader = 64;

struct Cache {
    std::mutex mutex;
    std::map<std::size_t, std::vector<void*>> idle;  // rounded size -> free buffers (their bases), never empty
    std::size_t idleBytes = 0;
    std::uint64_t hits = 0, misses = 0;
};

Cache& cache()
{
    static Cache* c = new Cache;  // never destroyed: tensors may be freed during exit
    return *c;
}

void release(void* data)
{
    if (!data) return;
    void* base = static_cast<char*>(data) - kHeader;
    const std::size_t size = *static_cast<std::size_t*>(base);
    if (size > 0) {
        Cache& c = cache();
        std::lock_guard<std::mutex> lock(c.mutex);
        if (c.idleBytes + size <= kIdleCap) {
            c.idle[size].push_back(base);
            c.idleBytes += size;
            return;
        }
    }
    c10::free_cpu(base);
}

class CachingCpuAllocator final : public c10::Allocator {
public:
    c10::DataPtr allocate(std::size_t n) const override
    {
        void* base = nullptr;
        std::size_t size = 0;
        if (n + kHeader < kLarge) {
            base = c10::alloc_cpu(n + kHeader);
        } else {
            size = (n + kHeader + kGranule - 1) / kGranule * kGranule;
            Cache& c = cache();
            {
                std::lock_guard<std::mutex> lock(c.mutex);
                // The smallest idle buffer that fits and wastes at most a quarter: training
                // allocates many sizes that change a little from step to step (the MLM
                // logits of however many tokens this batch masked), which an exact match
                // would miss every time, mapping and page-faulting a fresh buffer.
                auto it = c.idle.lower_bound(size);
                if (it != c.idle.end() && it->first <= size + size / 4) {
                    base = it->second.back();
                    it->second.pop_back();
                    size = it->first;  // the header keeps the buffer's own size
                    c.idleBytes -= size;
                    if (it->second.empty()) c.idle.erase(it);
                    ++c.hits;
                } else {
                    ++c.misses;
                }
            }
            if (!base) base = c10::alloc_cpu(size);
        }
        *static_cast<std::size_t*>(base) = size;
        void* data = static_cast<char*>(base) + kHeader;
        return {data, data, &release, c10::Device(c10::DeviceType::CPU)};
    }
    c10::DeleterFnPtr raw_deleter() const override { return &release; }
};

} // namespace

void installTensorCache()
{
    static CachingCpuAllocator* allocator = [] {
        auto* a = new CachingCpuAllocator;
        c10::SetCPUAllocator(a, /*priority=*/1);
        return a;
    }();
    (void)allocator;
}

TensorCacheStats tensorCacheStats()
{
    Cache& c = cache();
    std::lock_guard<std::mutex> lock(c.mutex);
    return {c.hits, c.misses, c.idleBytes};
}

} // namespace ptl::kernels

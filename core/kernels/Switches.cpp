#include "core/kernels/Switches.h"
#include "core/kernels/TensorCache.h"
#include "core/kernels/Attention.h"

#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <sstream>
#include <vector>

namespace ptl::kernels {

namespace {
struct Switch {
    const char* name;
    std::atomic<bool> on{true};
};

constexpr int kSwitches = 5;

Switch* switches()
{
    static Switch all[] = {{"attention"}, {"dense"}, {"sgemm"}, {"malloc"}, {"addnorm"}};
    static_assert(sizeof(all) / sizeof(all[0]) == kSwitches, "kSwitches counts the switches");
    static std::once_flag once;
    std::call_once(once, [] {
        const char* v = std::getenv("PTL_KERNELS");
        if (!v) return;
        const std::string spec = v;
        if (spec == "reference") {
            for (auto& s : all) s.on = false;
            return;
        }
        std::istringstream in(spec);
        std::string item;
        while (std::getline(in, item, ',')) {
            if (item.size() < 2 || item[0] != '-') continue;
            for (auto& s : all)
                if (item.substr(1) == s.name) s.on = false;
        }
    });
    return all;
}
Switch* find(const std::string& name)
{
    Switch* all = switches();
    for (int i = 0; i < kSwitches; ++i)
        if (name == all[i].name) return &all[i];
    return nullptr;
}
} // namespace

bool kernelEnabled(const std::string& name)
{
    const Switch* s = find(name);
    return s && s->on.load(std::memory_order_relaxed);
}

void setKernelEnabled(const std::string& name, bool on)
{
    if (Switch* s = find(name)) s->on = on;
}

std::string kernelSwitches()
{
    std::string out;
    Switch* all = switches();
    for (int i = 0; i < kSwitches; ++i) {
        if (!out.empty()) out += ' ';
        out += std::string(all[i].on ? "" : "-") + all[i].name;
    }
    return out;
}

void applyProcessSettings()
{
    if (!kernelEnabled("malloc")) return;
    // Activations of a training step are allocated and freed every step; glibc serves the
    // large ones with mmap and returns them with munmap, so every step page-faults its
    // working set back in. Keep blocks up to 32 MB (glibc's ceiling) in the heap and never
    // trim it: the next step reuses the same pages.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
    // Larger ones: LibTorch's CPU buffers of 4 MB and more from a cache (TensorCache.h).
    installTensorCache();
}

bool fusedKernelsEnabled()
{
    return kernelEnabled("attention");
}

void setFusedKernelsEnabled(bool on)
{
    setKernelEnabled("attention", on);
}

} // namespace ptl::kernels

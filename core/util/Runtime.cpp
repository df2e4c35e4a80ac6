#include "core/util/Runtime.h"
#include "core/kernels/Switches.h"

#include <cstdlib>
#include <thread>
#include <torch/torch.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ptl {

int initRuntime(int threads)
{
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    kernels::applyProcessSettings();
    return threads;
}

fs::path resourceDir()
{
    if (const char* env = std::getenv("PRETRAINLAB_RESOURCES"); env && *env)
        return fs::path(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const fs::path& candidate : {exe.parent_path().parent_path().parent_path() / "resources",
                                          exe.parent_path().parent_path() / "share" / "pretrainlab"}) {
            if (fs::exists(candidate / "corpus", ec))
                return candidate;
        }
    }
    return fs::path(PTL_SOURCE_DIR) / "resources";
}

fs::path userCacheDir()
{
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return fs::path(x) / "pretrainlab";
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".cache" / "pretrainlab";
    return fs::temp_directory_path() / "pretrainlab-cache";
}

} // namespace ptl

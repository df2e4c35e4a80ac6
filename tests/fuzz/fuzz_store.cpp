// A run store opened from a damaged SQLite file: its runs, their metrics, checkpoints and
// snapshots listed.
#include "FuzzCommon.h"
#include "core/store/RunStore.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = ptl::fuzz::writeScratch("runs.sqlite", data, size);
    std::error_code ec;
    std::filesystem::remove(path.string() + "-wal", ec);
    std::filesystem::remove(path.string() + "-shm", ec);
    ptl::fuzz::refusedOrRead([&] {
        ptl::RunStore s(path);
        for (const auto& r : s.listRuns()) {
            (void)s.metrics(r.id);
            (void)s.checkpoints(r.id);
            (void)s.snapshots(r.id);
            (void)s.exportCsv(r.id);
        }
    });
    return 0;
}

#include "core/api/Runs.h"
#include "core/store/RunStore.h"

namespace ptl {

std::string defaultStorePath() { return RunStore::defaultPath().string(); }

std::vector<RunSummary> listRuns(const std::string& storePath)
{
    RunStore store(storePath);
    std::vector<RunSummary> out;
    for (const RunRecord& r : store.listRuns())
        out.push_back({r.id, r.name, r.family, r.objective, r.status, r.lastStep, r.createdAt, r.finishedAt});
    return out;
}

} // namespace ptl

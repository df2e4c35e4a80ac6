#include "core/api/Runs.h"
#include "core/store/RunStore.h"

#include <cmath>

namespace ptl {

double lastMetricValue(const std::vector<MetricPoint>& m, const std::string& name)
{
    double v = std::nan("");
    std::int64_t step = -1;
    for (const auto& p : m)
        if (p.name == name && p.step >= step) {
            v = p.value;
            step = p.step;
        }
    return v;
}

namespace {
RunSummary summaryOf(const RunRecord& r)
{
    return {r.id, r.name, r.family, r.objective, r.status, r.lastStep, r.createdAt, r.finishedAt, r.lastEvalLoss, r.bestEvalLoss, r.wallSeconds, r.parentRunId, r.parentPath};
}
} // namespace

std::string defaultStorePath() { return RunStore::defaultPath().string(); }

std::vector<RunSummary> listRuns(const std::string& storePath)
{
    RunStore store(storePath);
    std::vector<RunSummary> out;
    for (const RunRecord& r : store.listRuns()) out.push_back(summaryOf(r));
    return out;
}

} // namespace ptl

namespace ptl {

struct RunStoreClient::Impl {
    explicit Impl(const std::string& p) : store(p) {}
    RunStore store;
};

RunStoreClient::RunStoreClient(const std::string& storePath) : impl_(new Impl(storePath)), path_(storePath) {}
RunStoreClient::~RunStoreClient() { delete impl_; }

std::vector<RunSummary> RunStoreClient::runs() const
{
    std::vector<RunSummary> out;
    for (const RunRecord& r : impl_->store.listRuns()) out.push_back(summaryOf(r));
    return out;
}

std::optional<RunSummary> RunStoreClient::run(std::int64_t runId) const
{
    const auto r = impl_->store.run(runId);
    if (!r) return std::nullopt;
    return summaryOf(*r);
}

std::vector<MetricPoint> RunStoreClient::metrics(std::int64_t runId, std::int64_t afterStep) const
{
    std::vector<MetricPoint> out;
    for (const MetricRow& m : impl_->store.metrics(runId, afterStep)) out.push_back({m.step, m.name, m.value, m.wallTime});
    return out;
}

std::vector<MetricPoint> RunStoreClient::metricsNamed(std::int64_t runId, const std::vector<std::string>& names) const
{
    std::vector<MetricPoint> out;
    for (const MetricRow& m : impl_->store.metricsNamed(runId, names)) out.push_back({m.step, m.name, m.value, m.wallTime});
    return out;
}

std::string RunStoreClient::configJson(std::int64_t runId) const
{
    const auto r = impl_->store.run(runId);
    return r ? r->configJson : std::string();
}

std::string RunStoreClient::message(std::int64_t runId) const
{
    const auto r = impl_->store.run(runId);
    return r ? r->message : std::string();
}

std::string RunStoreClient::csv(std::int64_t runId) const { return impl_->store.exportCsv(runId); }

std::vector<SnapshotPoint> RunStoreClient::snapshots(std::int64_t runId, const std::string& kind, std::int64_t afterStep) const
{
    std::vector<SnapshotPoint> out;
    for (const auto& s : impl_->store.snapshots(runId, kind, afterStep)) out.push_back({s.step, s.payload});
    return out;
}

std::string RunStoreClient::lastCheckpoint(std::int64_t runId) const
{
    const auto cks = impl_->store.checkpoints(runId);
    return cks.empty() ? std::string() : cks.back().path;
}

void RunStoreClient::rename(std::int64_t runId, const std::string& name) { impl_->store.renameRun(runId, name); }

void RunStoreClient::remove(std::int64_t runId) { impl_->store.deleteRun(runId); }

} // namespace ptl

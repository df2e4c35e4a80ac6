#pragma once
// The run store as the GUI sees it: plain values, no SQLite or torch types.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace ptl {

struct RunSummary {
    std::int64_t id = 0;
    std::string name;
    std::string family;
    std::string objective;
    std::string status;
    std::int64_t lastStep = 0;
    std::string createdAt;
    std::string finishedAt;
    double lastEvalLoss = std::numeric_limits<double>::quiet_NaN();
    double bestEvalLoss = std::numeric_limits<double>::quiet_NaN();
    double wallSeconds = 0.0;
    std::int64_t parentRunId = 0;  // a distilled student's teacher run (0: none)
    std::string parentPath;        // or the teacher's checkpoint folder
};

struct MetricPoint {
    std::int64_t step = 0;
    std::string name;
    double value = 0.0;
    double wallTime = 0.0;
};

struct SnapshotPoint {
    std::int64_t step = 0;
    std::string payloadJson;
};

// The value of name at its last step in m (NaN when absent).
double lastMetricValue(const std::vector<MetricPoint>& m, const std::string& name);

std::string defaultStorePath();
// Opens (creating if needed) the store and lists its runs. Throws ptl::Error.
std::vector<RunSummary> listRuns(const std::string& storePath);

// A connection to the run store for the GUI: plain values in and out. Throws ptl::Error.
class RunStoreClient {
public:
    explicit RunStoreClient(const std::string& storePath);
    ~RunStoreClient();
    RunStoreClient(const RunStoreClient&) = delete;
    RunStoreClient& operator=(const RunStoreClient&) = delete;

    std::vector<RunSummary> runs() const;
    std::optional<RunSummary> run(std::int64_t runId) const;  // one run, without listing them all
    std::vector<MetricPoint> metrics(std::int64_t runId, std::int64_t afterStep = -1) const;
    std::vector<MetricPoint> metricsNamed(std::int64_t runId, const std::vector<std::string>& names) const;  // by step
    std::string configJson(std::int64_t runId) const;
    std::string message(std::int64_t runId) const;
    std::string csv(std::int64_t runId) const;
    std::string lastCheckpoint(std::int64_t runId) const;  // empty when none
    std::vector<SnapshotPoint> snapshots(std::int64_t runId, const std::string& kind, std::int64_t afterStep = -1) const;
    void rename(std::int64_t runId, const std::string& name);
    // Deletes the run's rows and its checkpoint folders. Refuses a running run.
    void remove(std::int64_t runId);
    const std::string& path() const { return path_; }

private:
    struct Impl;
    Impl* impl_;
    std::string path_;
};

} // namespace ptl

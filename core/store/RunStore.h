#pragma once
// The run store: one SQLite file in WAL mode, with the fixed schema of DESIGN.md
// (runs, metrics, schema_version) and migrations that upgrade older files in place.
// Opening a store turns runs left `running` by a process that no longer lives into
// `interrupted`.
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace ptl {

struct RunRecord {
    std::int64_t id = 0;
    std::string name;
    std::string status;  // running, paused, completed, cancelled, interrupted, diverged, failed
    std::string configJson;
    std::string createdAt;
    std::string finishedAt;
    std::string family;
    std::string objective;
    std::string message;
    std::int64_t lastStep = 0;
    std::string outDir;
    // Distillation: the teacher, as a run of this store (0: none) and/or a checkpoint folder.
    std::int64_t parentRunId = 0;
    std::string parentPath;
    double lastEvalLoss = std::numeric_limits<double>::quiet_NaN();
    double bestEvalLoss = std::numeric_limits<double>::quiet_NaN();
    double wallSeconds = 0.0;  // last recorded wall time (training time, pauses excluded)
};

struct CheckpointRow {
    std::int64_t step = 0;
    std::string path;
    std::string createdAt;
};

struct SnapshotRow {
    std::int64_t id = 0;
    std::int64_t step = 0;
    std::string kind;     // attention, masking, ...
    std::string payload;  // JSON
    double wallTime = 0.0;
};

struct MetricRow {
    std::int64_t step = 0;
    std::string name;
    double value = 0.0;
    double wallTime = 0.0;
};

class RunStore {
public:
    static constexpr int kSchemaVersion = 4;

    // Opens (creating it and its folder if needed) and migrates. Throws ptl::Error.
    explicit RunStore(const std::filesystem::path& path);
    ~RunStore();
    RunStore(const RunStore&) = delete;
    RunStore& operator=(const RunStore&) = delete;

    static std::filesystem::path defaultPath();  // $XDG_DATA_HOME/pretrainlab/runs.sqlite

    std::int64_t createRun(const std::string& name, const std::string& configJson, const std::string& family,
                           const std::string& objective);
    void setStatus(std::int64_t runId, const std::string& status, const std::string& message = {});
    void appendMetrics(std::int64_t runId, const std::vector<MetricRow>& rows);  // one transaction
    // Makes this process the run's owner and sets it running (resume).
    void claimRun(std::int64_t runId);
    void setOutDir(std::int64_t runId, const std::string& dir);
    void setParent(std::int64_t runId, std::int64_t parentRunId, const std::string& parentPath);
    void renameRun(std::int64_t runId, const std::string& name);
    // Deletes the run, its rows and its checkpoint folders; refuses a run still running.
    void deleteRun(std::int64_t runId);
    void deleteMetricsAfter(std::int64_t runId, std::int64_t step);
    void addCheckpoint(std::int64_t runId, std::int64_t step, const std::string& path);
    void removeCheckpoint(std::int64_t runId, std::int64_t step);
    std::vector<CheckpointRow> checkpoints(std::int64_t runId) const;
    void addSnapshot(std::int64_t runId, std::int64_t step, const std::string& kind, const std::string& payload, double wallTime);
    // afterStep: only the newer ones (a live view's poll reads what it has not shown).
    std::vector<SnapshotRow> snapshots(std::int64_t runId, const std::string& kind = {}, std::int64_t afterStep = -1) const;
    void addEvent(std::int64_t runId, const std::string& kind, const std::string& message);
    // metrics as CSV: run_id,step,name,value,wall_time (one row per stored metric, in order).
    std::string exportCsv(std::int64_t runId) const;
    std::vector<RunRecord> listRuns() const;
    std::optional<RunRecord> run(std::int64_t runId) const;
    // Throws (with the hint) when this store cannot be written: a read-only file or medium.
    void requireWritable() const;
    std::vector<MetricRow> metrics(std::int64_t runId, std::int64_t afterStep = -1) const;
    // Only these metrics (by the index on run and name: a few rows of a 100,000-row run).
    std::vector<MetricRow> metricsNamed(std::int64_t runId, const std::vector<std::string>& names) const;
    int schemaVersion() const;
    // Empty while the file opened is still at its path; else what happened to it (deleted,
    // replaced): rows written since would be lost with the unlinked file.
    std::string whyGone() const;
    const std::filesystem::path& path() const { return path_; }

private:
    void exec(const std::string& sql) const;
    void migrate();
    void markOrphansInterrupted();

    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
    std::uint64_t device_ = 0, inode_ = 0;  // of the file opened
};

std::string nowIso8601();

} // namespace ptl

#pragma once
// Running a training job: the entry point the CLI and the GUI's worker thread call, the
// observer it reports to (on the calling thread), and the token that pauses or stops it.
// Torch-free: plain values only.
#include "core/api/JobSpec.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace ptl {

struct ProgressInfo {
    std::int64_t step = 0;
    std::int64_t totalSteps = 0;
    double loss = 0.0;
    double lr = 0.0;
    double tokensPerSecond = 0.0;
    double etaSeconds = 0.0;
    double elapsedSeconds = 0.0;
    std::int64_t tokensSeen = 0;
    std::string precision;  // what actually ran: fp32 or bf16
    int threads = 0;
};

struct SnapshotInfo {
    std::int64_t step = 0;
    std::string kind;         // "attention" (probe sentence) or "masking" (current batch)
    std::string payloadJson;
};

class JobObserver {
public:
    virtual ~JobObserver() = default;
    virtual void started(std::int64_t runId, const std::string& outDir) {}
    virtual void progress(const ProgressInfo& p) {}
    virtual void metrics(std::int64_t step, const std::vector<std::pair<std::string, double>>& values) {}
    virtual void snapshot(const SnapshotInfo& s) {}
    virtual void checkpointWritten(std::int64_t step, const std::string& path) {}
    virtual void finished(const std::string& status, const std::string& message) {}
};

// Shared between the job and whoever controls it; every call is thread-safe.
class StopToken {
public:
    void requestStop();
    void pause();
    void resume();
    bool stopRequested() const { return stop_.load(); }
    bool paused() const { return pause_.load(); }
    // Blocks while paused (returns at once when not); wakes on resume or stop.
    void waitWhilePaused();

private:
    std::atomic<bool> stop_{false};
    std::atomic<bool> pause_{false};
    std::mutex mutex_;
    std::condition_variable cv_;
};

struct RunOutcome {
    std::int64_t runId = 0;
    std::string status;   // completed, cancelled, diverged, failed, interrupted (data-parallel: a rank was lost)
    std::string message;
    std::int64_t lastStep = 0;
    std::string outDir;
};

// Trains from scratch, recording everything in the store at storePath. Never throws for
// a failure of the job itself: the outcome (and observer.finished) says what happened.
RunOutcome runJob(const JobSpec& spec, const std::string& storePath, JobObserver& observer, StopToken& stop);
// Continues a run from its last checkpoint, exactly where the uninterrupted run would be.
RunOutcome resumeJob(std::int64_t runId, const std::string& storePath, JobObserver& observer, StopToken& stop);

// Data-parallel (core/dist/): this process is rank env.rank of env.world, met through
// c10d. Rank 0 alone writes the store, checkpoints and snapshots and reports progress; the
// others report only their failure. A lost rank ends the run as "interrupted" on every
// rank; it resumes with the same or another number of ranks. env.world == 1: as above.
struct DistEnv;
RunOutcome runJob(const JobSpec& spec, const std::string& storePath, JobObserver& observer, StopToken& stop, const DistEnv& env);
RunOutcome resumeJob(std::int64_t runId, const std::string& storePath, JobObserver& observer, StopToken& stop, const DistEnv& env);

// For experiments made of ordinary runs (the scaling ladder, lessons): reuses the newest
// run of the store with spec's name and the same model and training settings when it
// completed (reused = true), resumes it when it was stopped (cancelled, interrupted,
// paused), and otherwise trains anew. phase, when set, is told which of the three it does
// before it does it.
RunOutcome runOrReuseJob(const JobSpec& spec, const std::string& storePath, JobObserver& observer, StopToken& stop, bool& reused,
                         const std::function<void(const std::string&)>& phase = {});
// True when storedJson (a run's config_json) holds spec's model and training settings
// (the name and the output folder aside).
bool sameJobSettings(const JobSpec& spec, const std::string& storedJson);

// True where the CPU has AVX512-BF16 or AMX (what precision "auto" turns into bf16 for).
bool cpuHasFastBf16();

} // namespace ptl

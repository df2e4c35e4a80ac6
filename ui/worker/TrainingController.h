#pragma once
// Runs training jobs on a worker thread. The GUI thread never runs a training step: it
// calls start/pause/resume/stop here and receives queued signals with plain values.
#include "core/api/Experiment.h"
#include "core/api/Job.h"
#include "core/api/Lessons.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <functional>
#include <memory>

namespace ptl {
namespace ui {

class TrainingWorker;

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QString storePath, QObject* parent = nullptr);
    ~TrainingController() override;  // stops a running job and waits for its final checkpoint

    bool isRunning() const { return running_; }
    bool isPaused() const { return running_ && token_ && token_->paused(); }
    qint64 activeRunId() const { return runId_; }
    const ProgressInfo& lastProgress() const { return last_; }

    void start(const JobSpec& spec);
    void resumeRun(qint64 runId);
    // ELECTRA vs BERT at equal compute: both runs in turn, then the genre probes. Each run
    // reports like a normal one (runStarted, progress, ...); runFinished comes once, at the end.
    void startExperiment(const EqualComputeOptions& options);
    bool isExperiment() const { return running_ && experiment_; }
    // A lesson's runs in turn (a completed one reused), then its measures. Each run reports
    // like a normal one; runFinished comes once, at the end, then lessonFinished.
    // extraSet: key=value for every run of the lesson (the student's changes).
    void startLesson(const Lesson& lesson, const std::vector<std::string>& extraSet = {});
    void pause();
    void resume();
    void stop();
    // Blocks until the job has ended (after stop()); for closing the window.
    void waitUntilFinished();

Q_SIGNALS:
    void runStarted(qint64 runId, const QString& outDir);
    void progressed(const ptl::ProgressInfo& progress);
    void metricsArrived(qint64 runId, qint64 step);
    void snapshotArrived(qint64 runId, qint64 step, const QString& kind, const QString& payloadJson);
    void checkpointWritten(qint64 runId, qint64 step, const QString& path);
    void runFinished(qint64 runId, const QString& status, const QString& message);
    void stateChanged();
    void experimentPhase(const QString& what);
    void experimentArmStarted(int arm, qint64 runId);
    void experimentProbed(int arm, qint64 step, double flops, double accuracy, double docAccuracy);
    void experimentFinished(const QString& resultJson);
    void lessonFinished(const QString& lessonId, const QString& status, const QString& message);
    void lessonMeasured(const ptl::LessonResult& result);  // before lessonFinished, with every figure

private:
    void launch(std::function<void(TrainingWorker*, std::shared_ptr<StopToken>)> work);

    QString storePath_;
    QThread thread_;
    TrainingWorker* worker_ = nullptr;
    std::shared_ptr<StopToken> token_;
    bool running_ = false;
    bool experiment_ = false;
    qint64 runId_ = 0;
    ProgressInfo last_;
};

// Lives on the worker thread; its observer callbacks become queued signals.
class TrainingWorker : public QObject, public ExperimentObserver {
    Q_OBJECT
public:
    explicit TrainingWorker(QString storePath) : storePath_(std::move(storePath)) {}
    void runJob(const JobSpec& spec, std::shared_ptr<StopToken> token);
    void resumeJob(qint64 runId, std::shared_ptr<StopToken> token);
    void runExperiment(const EqualComputeOptions& options, std::shared_ptr<StopToken> token);
    void runLesson(const Lesson& lesson, const std::vector<std::string>& extraSet, std::shared_ptr<StopToken> token);
    void phase(const std::string& what) override;
    void armStarted(int arm, std::int64_t runId) override;
    void probed(int arm, const ProbePoint& p) override;

    void started(std::int64_t runId, const std::string& outDir) override;
    void progress(const ProgressInfo& p) override;
    void metrics(std::int64_t step, const std::vector<std::pair<std::string, double>>& values) override;
    void snapshot(const SnapshotInfo& s) override;
    void checkpointWritten(std::int64_t step, const std::string& path) override;
    void finished(const std::string& status, const std::string& message) override;

private:
    void runProcesses(const JobSpec& spec, const std::shared_ptr<StopToken>& token);

Q_SIGNALS:
    void sigStarted(qint64 runId, const QString& outDir);
    void sigProgress(const ptl::ProgressInfo& p);
    void sigMetrics(qint64 runId, qint64 step);
    void sigSnapshot(qint64 runId, qint64 step, const QString& kind, const QString& payload);
    void sigCheckpoint(qint64 runId, qint64 step, const QString& path);
    void sigFinished(qint64 runId, const QString& status, const QString& message);
    void sigPhase(const QString& what);
    void sigArmStarted(int arm, qint64 runId);
    void sigProbed(int arm, qint64 step, double flops, double accuracy, double docAccuracy);
    void sigExperimentFinished(const QString& resultJson);
    void sigLessonFinished(const QString& lessonId, const QString& status, const QString& message);
    void sigLessonMeasured(const ptl::LessonResult& result);

private:
    QString storePath_;
    qint64 runId_ = 0;
};

} // namespace ui
} // namespace ptl

Q_DECLARE_METATYPE(ptl::ProgressInfo)
Q_DECLARE_METATYPE(ptl::LessonResult)

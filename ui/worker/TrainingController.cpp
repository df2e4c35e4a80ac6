#include "ui/worker/TrainingController.h"

#include "core/api/Runs.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QProcess>
#include <QTemporaryFile>
#include <csignal>
#include <map>
#include <nlohmann/json.hpp>

namespace ptl {
namespace ui {

// ---------------------------------------------------------------- worker
void TrainingWorker::runJob(const JobSpec& spec, std::shared_ptr<StopToken> token)
{
    runId_ = 0;
    if (spec.train.processes > 1) {
        runProcesses(spec, token);
        return;
    }
    try {
        ptl::runJob(spec, storePath_.toStdString(), *this, *token);
    } catch (const std::exception& e) {  // runJob reports failures itself; this is the last guard
        Q_EMIT sigFinished(runId_, QStringLiteral("failed"), QString::fromStdString(e.what()));
    }
}

// Several processes: pretrainlab-cli (beside this program) starts them (train --nproc N)
// and reports as JSON lines; the views' snapshots are read from the store rank 0 writes.
// Stop, pause and resume reach the ranks as SIGTERM, SIGUSR1 and SIGUSR2.
void TrainingWorker::runProcesses(const JobSpec& spec, const std::shared_ptr<StopToken>& token)
{
    auto fail = [&](const QString& message) { Q_EMIT sigFinished(runId_, QStringLiteral("failed"), message); };
    QTemporaryFile specFile(QDir::tempPath() + QStringLiteral("/pretrainlab-job-XXXXXX.json"));
    if (!specFile.open()) {
        fail(tr("Cannot write the job for the processes to %1.").arg(QDir::tempPath()));
        return;
    }
    specFile.write(QByteArray::fromStdString(spec.toJson().dump()));
    specFile.flush();
    const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/pretrainlab-cli");
    QProcess p;
    p.start(cli, {QStringLiteral("train"), QStringLiteral("--config"), specFile.fileName(), QStringLiteral("--store"), storePath_, QStringLiteral("--json")});
    if (!p.waitForStarted(10000)) {
        fail(tr("Cannot start %1 for %2 processes: %3. It is built beside the workbench (make build).").arg(cli).arg(spec.train.processes).arg(p.errorString()));
        return;
    }
    QByteArray buffer;
    QString status, message;
    bool stopSent = false, pausedSent = false;
    std::map<std::string, std::int64_t> shown;  // the newest snapshot step shown, per kind
    QElapsedTimer sincePoll;
    sincePoll.start();
    auto pollSnapshots = [&] {
        if (runId_ <= 0) return;
        try {
            const RunStoreClient store(storePath_.toStdString());
            for (const char* kind : {"attention", "masking", "dynamics", "replaced", "finetune"}) {
                auto& last = shown.try_emplace(kind, -1).first->second;
                for (const SnapshotPoint& sp : store.snapshots(runId_, kind, last)) {  // only those not shown yet
                    last = sp.step;
                    Q_EMIT sigSnapshot(runId_, sp.step, QString::fromLatin1(kind), QString::fromStdString(sp.payloadJson));
                }
            }
        } catch (const std::exception&) {
            // the store is busy or not there yet: the next poll reads it
        }
    };
    auto handle = [&](const QByteArray& line) {
        const auto j = nlohmann::json::parse(line.toStdString(), nullptr, false);
        if (j.is_discarded() || !j.is_object()) return;
        const std::string event = j.value("event", std::string());
        if (event == "started") {
            started(j.value("run_id", std::int64_t(0)), j.value("out_dir", std::string()));
        } else if (event == "progress") {
            ProgressInfo pi;
            pi.step = j.value("step", std::int64_t(0));
            pi.totalSteps = j.value("total_steps", std::int64_t(0));
            pi.loss = j.value("loss", 0.0);
            pi.lr = j.value("lr", 0.0);
            pi.tokensPerSecond = j.value("tokens_per_second", 0.0);
            pi.etaSeconds = j.value("eta_seconds", 0.0);
            pi.tokensSeen = j.value("tokens_seen", std::int64_t(0));
            pi.precision = j.value("precision", std::string());
            pi.threads = j.value("threads", 0);
            pi.elapsedSeconds = 0;
            Q_EMIT sigProgress(pi);
        } else if (event == "metrics") {
            Q_EMIT sigMetrics(runId_, j.value("step", std::int64_t(0)));
        } else if (event == "checkpoint") {
            Q_EMIT sigCheckpoint(runId_, j.value("step", std::int64_t(0)), QString::fromStdString(j.value("path", std::string())));
        } else if (event == "finished") {
            status = QString::fromStdString(j.value("status", std::string()));
            message = QString::fromStdString(j.value("message", std::string()));
        }
    };
    const auto pid = static_cast<pid_t>(p.processId());
    for (;;) {
        const bool running = p.state() != QProcess::NotRunning;
        if (running) p.waitForReadyRead(200);
        buffer += p.readAllStandardOutput();
        for (qsizetype nl; (nl = buffer.indexOf('\n')) >= 0;) {
            handle(buffer.left(nl));
            buffer.remove(0, nl + 1);
        }
        if (running && token->stopRequested() && !stopSent) {
            ::kill(pid, SIGTERM);  // every rank stops at the same step; rank 0 writes the checkpoint
            stopSent = true;
        }
        if (running && token->paused() != pausedSent) {
            pausedSent = token->paused();
            ::kill(pid, pausedSent ? SIGUSR1 : SIGUSR2);
        }
        if (sincePoll.elapsed() > 2000) {
            pollSnapshots();
            sincePoll.restart();
        }
        if (!running) break;
    }
    pollSnapshots();
    if (status.isEmpty()) {
        status = QStringLiteral("failed");
        message = QString::fromUtf8(p.readAllStandardError()).trimmed().right(2000);
        if (message.isEmpty()) message = tr("pretrainlab-cli ended with status %1 before the run was recorded.").arg(p.exitCode());
    }
    Q_EMIT sigFinished(runId_, status, message);
}

void TrainingWorker::resumeJob(qint64 runId, std::shared_ptr<StopToken> token)
{
    runId_ = runId;
    try {
        ptl::resumeJob(runId, storePath_.toStdString(), *this, *token);
    } catch (const std::exception& e) {
        Q_EMIT sigFinished(runId_, QStringLiteral("failed"), QString::fromStdString(e.what()));
    }
}

void TrainingWorker::runExperiment(const EqualComputeOptions& options, std::shared_ptr<StopToken> token)
{
    runId_ = 0;
    EqualComputeResult r;
    try {
        r = runEqualCompute(options, storePath_.toStdString(), *this, *token);
    } catch (const std::exception& e) {
        r.status = "failed";
        r.message = e.what();
        Q_EMIT sigFinished(runId_, QStringLiteral("failed"), QString::fromStdString(e.what()));
    }
    Q_EMIT sigExperimentFinished(QString::fromStdString(equalComputeToJson(r)));
}

void TrainingWorker::runLesson(const Lesson& lesson, const std::vector<std::string>& extraSet, std::shared_ptr<StopToken> token)
{
    runId_ = 0;
    // Every run reports as usual, except that the lesson finishes once, at the end.
    struct Relay : LessonObserver {
        TrainingWorker* w;
        explicit Relay(TrainingWorker* worker) : w(worker) {}
        void started(std::int64_t id, const std::string& out) override { w->started(id, out); }
        void progress(const ProgressInfo& p) override { w->progress(p); }
        void metrics(std::int64_t step, const std::vector<std::pair<std::string, double>>& v) override { w->metrics(step, v); }
        void snapshot(const SnapshotInfo& s) override { w->snapshot(s); }
        void checkpointWritten(std::int64_t step, const std::string& path) override { w->checkpointWritten(step, path); }
        void phase(const std::string& what) override { w->phase(what); }
    } relay(this);
    QString status, message;
    try {
        const LessonResult r = ptl::runLesson(lesson, storePath_.toStdString(), relay, *token, extraSet);
        status = QString::fromStdString(r.status);
        message = QString::fromStdString(r.message);
        Q_EMIT sigLessonMeasured(r);
    } catch (const std::exception& e) {
        status = QStringLiteral("failed");
        message = QString::fromStdString(e.what());
    }
    Q_EMIT sigFinished(runId_, status, message);
    Q_EMIT sigLessonFinished(QString::fromStdString(lesson.id), status, message);
}

void TrainingWorker::phase(const std::string& what) { Q_EMIT sigPhase(QString::fromStdString(what)); }

void TrainingWorker::armStarted(int arm, std::int64_t runId) { Q_EMIT sigArmStarted(arm, runId); }

void TrainingWorker::probed(int arm, const ProbePoint& p) { Q_EMIT sigProbed(arm, p.step, p.flops, p.accuracy, p.docAccuracy); }

void TrainingWorker::started(std::int64_t runId, const std::string& outDir)
{
    runId_ = runId;
    Q_EMIT sigStarted(runId, QString::fromStdString(outDir));
}

void TrainingWorker::progress(const ProgressInfo& p) { Q_EMIT sigProgress(p); }

void TrainingWorker::metrics(std::int64_t step, const std::vector<std::pair<std::string, double>>&) { Q_EMIT sigMetrics(runId_, step); }

void TrainingWorker::snapshot(const SnapshotInfo& s)
{
    Q_EMIT sigSnapshot(runId_, s.step, QString::fromStdString(s.kind), QString::fromStdString(s.payloadJson));
}

void TrainingWorker::checkpointWritten(std::int64_t step, const std::string& path)
{
    Q_EMIT sigCheckpoint(runId_, step, QString::fromStdString(path));
}

void TrainingWorker::finished(const std::string& status, const std::string& message)
{
    Q_EMIT sigFinished(runId_, QString::fromStdString(status), QString::fromStdString(message));
}

// ---------------------------------------------------------------- controller
TrainingController::TrainingController(QString storePath, QObject* parent) : QObject(parent), storePath_(std::move(storePath))
{
    qRegisterMetaType<ptl::ProgressInfo>();
    qRegisterMetaType<ptl::LessonResult>();
    worker_ = new TrainingWorker(storePath_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &TrainingWorker::sigStarted, this, [this](qint64 id, const QString& dir) {
        runId_ = id;
        Q_EMIT runStarted(id, dir);
        Q_EMIT stateChanged();
    });
    connect(worker_, &TrainingWorker::sigProgress, this, [this](const ProgressInfo& p) {
        last_ = p;
        Q_EMIT progressed(p);
    });
    connect(worker_, &TrainingWorker::sigMetrics, this, &TrainingController::metricsArrived);
    connect(worker_, &TrainingWorker::sigSnapshot, this, &TrainingController::snapshotArrived);
    connect(worker_, &TrainingWorker::sigCheckpoint, this, &TrainingController::checkpointWritten);
    connect(worker_, &TrainingWorker::sigPhase, this, &TrainingController::experimentPhase);
    connect(worker_, &TrainingWorker::sigArmStarted, this, &TrainingController::experimentArmStarted);
    connect(worker_, &TrainingWorker::sigProbed, this, &TrainingController::experimentProbed);
    connect(worker_, &TrainingWorker::sigExperimentFinished, this, &TrainingController::experimentFinished);
    connect(worker_, &TrainingWorker::sigLessonFinished, this, &TrainingController::lessonFinished);
    connect(worker_, &TrainingWorker::sigLessonMeasured, this, &TrainingController::lessonMeasured);
    connect(worker_, &TrainingWorker::sigFinished, this, [this](qint64 id, const QString& status, const QString& message) {
        running_ = false;
        experiment_ = false;
        Q_EMIT runFinished(id, status, message);
        Q_EMIT stateChanged();
    });
    thread_.setObjectName(QStringLiteral("training"));
    thread_.start();
}

TrainingController::~TrainingController()
{
    if (token_) token_->requestStop();
    thread_.quit();
    thread_.wait();  // the job notices the stop within a step and writes its final checkpoint
}

void TrainingController::launch(std::function<void(TrainingWorker*, std::shared_ptr<StopToken>)> work)
{
    if (running_) return;
    running_ = true;
    runId_ = 0;
    last_ = {};
    token_ = std::make_shared<StopToken>();
    QMetaObject::invokeMethod(worker_, [w = worker_, work, token = token_] { work(w, token); }, Qt::QueuedConnection);
    Q_EMIT stateChanged();
}

void TrainingController::start(const JobSpec& spec)
{
    launch([spec](TrainingWorker* w, std::shared_ptr<StopToken> t) { w->runJob(spec, std::move(t)); });
}

void TrainingController::startExperiment(const EqualComputeOptions& options)
{
    if (running_) return;
    experiment_ = true;
    launch([options](TrainingWorker* w, std::shared_ptr<StopToken> t) { w->runExperiment(options, std::move(t)); });
}

void TrainingController::startLesson(const Lesson& lesson, const std::vector<std::string>& extraSet)
{
    launch([lesson, extraSet](TrainingWorker* w, std::shared_ptr<StopToken> t) { w->runLesson(lesson, extraSet, std::move(t)); });
}

void TrainingController::resumeRun(qint64 runId)
{
    launch([runId](TrainingWorker* w, std::shared_ptr<StopToken> t) { w->resumeJob(runId, std::move(t)); });
}

void TrainingController::pause()
{
    if (token_ && running_) {
        token_->pause();
        Q_EMIT stateChanged();
    }
}

void TrainingController::resume()
{
    if (token_) {
        token_->resume();
        Q_EMIT stateChanged();
    }
}

void TrainingController::stop()
{
    if (token_) token_->requestStop();
}

void TrainingController::waitUntilFinished()
{
    while (running_) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
}

} // namespace ui
} // namespace ptl

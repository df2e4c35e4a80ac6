// Training jobs: learning, exact resume, kill -9, stopping at a step boundary, divergence, pause,
// store migration and CSV export.
#include "core/api/Job.h"
#include "core/model/Checkpoint.h"
#include "core/store/RunStore.h"
#include "core/util/Error.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sqlite3.h>
#include <thread>

using namespace ptl;
namespace fs = std::filesystem;

namespace {

struct Recorder : JobObserver {
    std::map<std::int64_t, double> losses;
    std::vector<std::string> snapshotKinds;
    std::function<void(const ProgressInfo&)> onProgress;
    std::string status, message;
    std::int64_t runId = 0;
    void started(std::int64_t id, const std::string&) override { runId = id; }
    void progress(const ProgressInfo& p) override
    {
        losses[p.step] = p.loss;
        if (onProgress) onProgress(p);
    }
    void snapshot(const SnapshotInfo& s) override { snapshotKinds.push_back(s.kind); }
    void finished(const std::string& s, const std::string& m) override
    {
        status = s;
        message = m;
    }
};

JobSpec tinySpec(int steps)
{
    JobSpec s = JobSpec::fromPreset("bert-tiny");
    s.train.steps = steps;
    s.train.batch_size = 8;
    s.train.seq_len = 64;
    s.train.log_every = 1;
    s.train.eval_every = 1000;
    s.train.probe_every = 1000;
    s.train.checkpoint_every = 1000;
    s.train.warmup_steps = 2;
    s.train.precision = Precision::Fp32;
    s.train.threads = 2;
    return s;
}

std::string storeIn(const QTemporaryDir& d, const char* name = "runs.sqlite") { return (d.path() + QLatin1Char('/') + QLatin1String(name)).toStdString(); }

} // namespace

class TestTrain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resumeEqualsUninterruptedRun()
    {
        QTemporaryDir dir;
        JobSpec s = tinySpec(12);
        s.train.checkpoint_every = 4;
        // Uninterrupted.
        Recorder full;
        StopToken s1;
        const RunOutcome a = runJob(s, storeIn(dir, "a.sqlite"), full, s1);
        QCOMPARE(a.status, std::string("completed"));
        // Stopped after step 6 (a final checkpoint is written), then resumed.
        Recorder part;
        StopToken s2;
        part.onProgress = [&](const ProgressInfo& p) {
            if (p.step == 6) s2.requestStop();
        };
        const RunOutcome b = runJob(s, storeIn(dir, "b.sqlite"), part, s2);
        QCOMPARE(b.status, std::string("cancelled"));
        QCOMPARE(b.lastStep, std::int64_t(6));
        Recorder rest;
        StopToken s3;
        const RunOutcome c = resumeJob(b.runId, storeIn(dir, "b.sqlite"), rest, s3);
        QVERIFY2(c.status == "completed", c.message.c_str());
        QCOMPARE(rest.losses.begin()->first, std::int64_t(7));
        for (std::int64_t step = 1; step <= 12; ++step) {
            const double expected = full.losses.at(step);
            const double got = step <= 6 ? part.losses.at(step) : rest.losses.at(step);
            QVERIFY2(expected == got, qPrintable(QStringLiteral("step %1: %2 vs %3").arg(step).arg(expected, 0, 'g', 17).arg(got, 0, 'g', 17)));
        }
        // The store holds one row per step for the resumed run, as for the uninterrupted one.
        RunStore sb(storeIn(dir, "b.sqlite"));
        std::int64_t lossRows = 0;
        for (const auto& m : sb.metrics(b.runId)) lossRows += m.name == "loss";
        QCOMPARE(lossRows, std::int64_t(12));
    }

    void killDashNineLeavesAResumableRun()
    {
        QTemporaryDir dir;
        const QString store = QString::fromStdString(storeIn(dir));
        QProcess p;
        p.start(QStringLiteral(PTL_CLI_PATH),
                {QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("bert-tiny"), QStringLiteral("--store"), store,
                 QStringLiteral("--set"), QStringLiteral("steps=400"), QStringLiteral("--set"), QStringLiteral("batch_size=8"),
                 QStringLiteral("--set"), QStringLiteral("seq_len=64"), QStringLiteral("--set"), QStringLiteral("checkpoint_every=5"),
                 QStringLiteral("--set"), QStringLiteral("log_every=1"), QStringLiteral("--json")});
        QVERIFY(p.waitForStarted());
        // Wait for the second checkpoint, then kill without warning.
        bool ready = false;
        for (int i = 0; i < 600 && !ready; ++i) {
            p.waitForReadyRead(100);
            p.readAllStandardOutput();
            ready = fs::exists(dir.path().toStdString() + "/runs/1-bert-tiny/checkpoint-10");
        }
        QVERIFY(ready);
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        p.waitForFinished();
        // integrity_check passes.
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(store.toUtf8().constData(), &db), SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))), QStringLiteral("ok"));
        sqlite3_finalize(st);
        sqlite3_close(db);
        // Reopened, the run reads interrupted; its last checkpoint loads and resumes.
        RunStore s(store.toStdString());
        QCOMPARE(s.run(1)->status, std::string("interrupted"));
        const auto cks = s.checkpoints(1);
        QVERIFY(!cks.empty());
        LoadedModel m = loadCheckpoint(cks.back().path);
        QCOMPARE(m.config.num_layers, 2);
        Recorder rec;
        StopToken stop;
        rec.onProgress = [&](const ProgressInfo& pi) {
            if (pi.step >= cks.back().step + 3) stop.requestStop();
        };
        const RunOutcome r = resumeJob(1, store.toStdString(), rec, stop);
        QCOMPARE(r.status, std::string("cancelled"));
        QCOMPARE(rec.losses.begin()->first, cks.back().step + 1);
    }

    void stopEndsTheRunAtTheNextStepBoundary()
    {
        // Behaviour, not wall time: a stop asked for during step 3 ends the run after step 3,
        // with a final checkpoint there (resumable) and no step after it in the store.
        QTemporaryDir dir;
        JobSpec s = tinySpec(100000);
        StopToken stop;
        Recorder rec;
        rec.onProgress = [&](const ProgressInfo& p) {
            if (p.step == 3) stop.requestStop();
        };
        RunOutcome out;
        std::thread t([&] { out = runJob(s, storeIn(dir), rec, stop); });
        t.join();
        QCOMPARE(out.status, std::string("cancelled"));
        QCOMPARE(out.lastStep, std::int64_t(3));
        QCOMPARE(rec.losses.rbegin()->first, std::int64_t(3));
        RunStore st(storeIn(dir));
        QCOMPARE(st.checkpoints(out.runId).back().step, std::int64_t(3));  // resumable
        for (const auto& m : st.metrics(out.runId)) QVERIFY(m.step <= 3);
    }

    void nanLossEndsAsDiverged()
    {
        QTemporaryDir dir;
        JobSpec s = tinySpec(20);
        s.train.checkpoint_every = 3;
        s.train.debug_nan_step = 5;
        Recorder rec;
        StopToken stop;
        const RunOutcome r = runJob(s, storeIn(dir), rec, stop);
        QCOMPARE(r.status, std::string("diverged"));
        QVERIFY2(r.message.find("NaN at step 5") != std::string::npos, r.message.c_str());
        QVERIFY2(r.message.find("last good checkpoint is step 3") != std::string::npos, r.message.c_str());
        RunStore st(storeIn(dir));
        QCOMPARE(st.run(r.runId)->status, std::string("diverged"));
        QCOMPARE(st.checkpoints(r.runId).back().step, std::int64_t(3));
        loadCheckpoint(st.checkpoints(r.runId).back().path);  // the last good checkpoint loads
    }

    void pauseAndResume()
    {
        QTemporaryDir dir;
        JobSpec s = tinySpec(30);
        StopToken stop;
        Recorder rec;
        std::atomic<std::int64_t> step{0};
        rec.onProgress = [&](const ProgressInfo& p) {
            step = p.step;
            if (p.step == 5) stop.pause();
        };
        RunOutcome out;
        std::thread t([&] { out = runJob(s, storeIn(dir), rec, stop); });
        while (step < 5) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        QCOMPARE(step.load(), std::int64_t(5));  // held within one step
        {
            RunStore st(storeIn(dir));
            QCOMPARE(st.listRuns().back().status, std::string("paused"));
        }
        stop.resume();
        t.join();
        QCOMPARE(out.status, std::string("completed"));
        QCOMPARE(out.lastStep, std::int64_t(30));
    }

    void snapshotsAndMetricsAreStored()
    {
        QTemporaryDir dir;
        JobSpec s = tinySpec(10);
        s.train.eval_every = 5;
        s.train.probe_every = 5;
        s.train.eval_batches = 2;
        Recorder rec;
        StopToken stop;
        const RunOutcome r = runJob(s, storeIn(dir), rec, stop);
        QCOMPARE(r.status, std::string("completed"));
        RunStore st(storeIn(dir));
        const auto snaps = st.snapshots(r.runId, "attention");
        QVERIFY(!snaps.empty());
        QVERIFY(snaps.front().payload.find("\"attentions\"") != std::string::npos);
        const auto masking = st.snapshots(r.runId, "masking");
        QVERIFY(!masking.empty());
        // The batch's decisions come with the trained model's top-k and loss at each position.
        const auto mj = nlohmann::json::parse(masking.back().payload);
        QVERIFY(!mj.at("decisions").empty());
        for (const auto& d : mj.at("decisions")) {
            QCOMPARE(d.at("candidates").size(), std::size_t(5));
            QVERIFY(d.at("loss").get<double>() > 0);
        }
        std::set<std::string> names;
        for (const auto& m : st.metrics(r.runId)) names.insert(m.name);
        for (const char* n : {"loss", "mlm_loss", "nsp_loss", "lr", "eval_mlm_loss", "eval_mlm_accuracy", "eval_nsp_accuracy", "tokens_seen"})
            QVERIFY2(names.count(n), n);
    }

    void keepsTheLastCheckpointsAndReadsWhileWriting()
    {
        QTemporaryDir dir;
        JobSpec s = tinySpec(12);
        s.train.checkpoint_every = 2;
        s.train.keep_last = 2;
        Recorder rec;
        StopToken stop;
        // A second connection reads the store while the job writes (WAL).
        std::int64_t seenByReader = 0;
        rec.onProgress = [&](const ProgressInfo& p) {
            if (p.step % 4 != 0) return;
            RunStore reader(storeIn(dir));
            seenByReader = std::max<std::int64_t>(seenByReader, static_cast<std::int64_t>(reader.metrics(rec.runId).size()));
        };
        const RunOutcome r = runJob(s, storeIn(dir), rec, stop);
        QCOMPARE(r.status, std::string("completed"));
        QVERIFY(seenByReader > 0);
        RunStore st(storeIn(dir));
        const auto cks = st.checkpoints(r.runId);
        QCOMPARE(cks.size(), std::size_t(2));
        QCOMPARE(cks[0].step, std::int64_t(10));
        QCOMPARE(cks[1].step, std::int64_t(12));
        QVERIFY(!fs::exists(fs::path(r.outDir) / "checkpoint-8"));
        QVERIFY(fs::exists(fs::path(r.outDir) / "checkpoint-12" / "trainer_state.safetensors"));
        // No half-written checkpoint folder is left behind.
        for (const auto& e : fs::directory_iterator(r.outDir)) QVERIFY(e.path().filename().string().rfind(".checkpoint", 0) != 0);
    }

    void csvExportEqualsStoredRows()
    {
        QTemporaryDir dir;
        Recorder rec;
        StopToken stop;
        const RunOutcome r = runJob(tinySpec(6), storeIn(dir), rec, stop);
        RunStore st(storeIn(dir));
        const auto rows = st.metrics(r.runId);
        const QStringList lines = QString::fromStdString(st.exportCsv(r.runId)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), static_cast<int>(rows.size()) + 1);
        QCOMPARE(lines[0], QStringLiteral("run_id,step,name,value,wall_time"));
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const QStringList f = lines[static_cast<int>(i) + 1].split(QLatin1Char(','));
            QCOMPARE(f[1].toLongLong(), rows[i].step);
            QCOMPARE(f[2].toStdString(), rows[i].name);
            QCOMPARE(f[3].toDouble(), rows[i].value);  // %.17g round-trips exactly
            QCOMPARE(f[4].toDouble(), rows[i].wallTime);
        }
        // The CLI prints the same bytes.
        QProcess p;
        p.start(QStringLiteral(PTL_CLI_PATH), {QStringLiteral("runs"), QStringLiteral("export-csv"), QString::number(r.runId),
                                               QStringLiteral("--store"), QString::fromStdString(storeIn(dir))});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.readAllStandardOutput().toStdString(), st.exportCsv(r.runId));
    }

    void migratesAVersionOneStore()
    {
        QTemporaryDir dir;
        const std::string path = storeIn(dir, "v1.sqlite");
        fs::copy_file(PTL_TEST_DATA "/store-v1.sqlite", path);
        RunStore st(path);
        QCOMPARE(st.schemaVersion(), RunStore::kSchemaVersion);
        const auto runs = st.listRuns();
        QCOMPARE(runs.size(), std::size_t(2));
        QCOMPARE(runs[0].name, std::string("bert-tiny v1"));
        QCOMPARE(runs[1].status, std::string("failed"));
        QCOMPARE(st.metrics(1).size(), std::size_t(3));
        st.addCheckpoint(1, 20, "/nowhere/checkpoint-20");  // the new tables work
        QCOMPARE(st.checkpoints(1).size(), std::size_t(1));
    }

    void unwritableOutputFailsClearly()
    {
        QTemporaryDir dir;
        JobSpec s = tinySpec(5);
        s.out_dir = "/proc/pretrainlab-cannot-write-here";
        Recorder rec;
        StopToken stop;
        const RunOutcome r = runJob(s, storeIn(dir), rec, stop);
        QCOMPARE(r.status, std::string("failed"));
        QVERIFY(!r.message.empty());
        RunStore st(storeIn(dir));
        QCOMPARE(st.run(r.runId)->status, std::string("failed"));
        QCOMPARE(st.run(r.runId)->message, r.message);
    }

    void invalidJobsAreRejected()
    {
        QTemporaryDir dir;
        JobSpec s = tinySpec(5);
        s.train.seq_len = 1024;  // beyond max_position_embeddings 512
        Recorder rec;
        StopToken stop;
        const RunOutcome r = runJob(s, storeIn(dir), rec, stop);
        QCOMPARE(r.status, std::string("failed"));
        QVERIFY2(r.message.find("seq_len") != std::string::npos, r.message.c_str());
        QVERIFY_THROWS_EXCEPTION(Error, s.set("no_such_field", "1"));
        QVERIFY_THROWS_EXCEPTION(Error, s.set("precision", "fp8"));
        // A job spec survives its JSON round trip.
        const JobSpec back = JobSpec::fromJson(s.toJson());
        QCOMPARE(back.toJson().dump(), s.toJson().dump());
    }
};

QTEST_GUILESS_MAIN(TestTrain)
#include "test_train.moc"

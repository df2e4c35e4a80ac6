// Crash consistency (issue 18): pretrainlab-cli train killed with SIGKILL at 20 seeded
// random moments (starting up and loading data, in a step, writing a checkpoint, flushing
// metrics). After each kill: the store passes PRAGMA integrity_check; the completed run is
// still completed with every metric row; the killed run reads "interrupted"; every
// checkpoint the store lists is a whole folder that loads (never a half-written one); and
// the killed run resumes to the uninterrupted run's losses, bit for bit (fp32, 1 thread).
#include "core/model/Checkpoint.h"
#include "core/model/Safetensors.h"
#include "core/store/RunStore.h"
#include "ReadOnly.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <fstream>
#include <sqlite3.h>
#include <sys/resource.h>

using namespace ptl;
namespace fs = std::filesystem;

namespace {

constexpr int kSteps = 40;

QStringList trainArgs(const QString& store)
{
    QStringList a{QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("bert-tiny"), QStringLiteral("--store"), store, QStringLiteral("--json")};
    for (const QString& kv : QStringList{QStringLiteral("steps=%1").arg(kSteps), QStringLiteral("batch_size=8"), QStringLiteral("seq_len=64"),
                                         QStringLiteral("start_seq_len=0"), QStringLiteral("log_every=1"), QStringLiteral("eval_every=10"),
                                         QStringLiteral("eval_batches=2"), QStringLiteral("probe_every=5"), QStringLiteral("checkpoint_every=4"),
                                         QStringLiteral("keep_last=2"), QStringLiteral("warmup_steps=4"), QStringLiteral("precision=fp32"),
                                         QStringLiteral("threads=1"), QStringLiteral("dynamics=false"), QStringLiteral("seed=7")})
        a << QStringLiteral("--set") << kv;
    return a;
}

std::map<std::int64_t, double> losses(const RunStore& s, std::int64_t run)
{
    std::map<std::int64_t, double> out;
    for (const auto& m : s.metrics(run))
        if (m.name == "loss") out[m.step] = m.value;
    return out;
}

QString integrity(const QString& path)
{
    sqlite3* db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
    QString out = sqlite3_step(st) == SQLITE_ROW ? QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) : QStringLiteral("no answer");
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

// The message of the run's "finished" event (--json), and anything on stderr.
QString finishedMessage(const QByteArray& out, const QByteArray& err)
{
    QString m;
    for (const QByteArray& line : out.split('\n')) {
        const auto j = nlohmann::json::parse(line.toStdString(), nullptr, false);
        if (j.is_object() && j.value("event", std::string()) == "finished") m = QString::fromStdString(j.value("message", std::string()));
    }
    return m + QString::fromUtf8(err);
}

// Reads p's output until `file` exists (at most 120 s); what it printed is kept in out.
bool waitForFile(QProcess& p, const std::string& file, QByteArray& out)
{
    for (int i = 0; i < 1200; ++i) {
        p.waitForReadyRead(100);
        out += p.readAllStandardOutput();
        if (fs::exists(file)) return true;
    }
    return false;
}

} // namespace

class TestCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killedAtRandomMomentsLosesNothing()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("runs.sqlite"));
        // The uninterrupted run, timed to spread the kills over it.
        QElapsedTimer t;
        t.start();
        {
            QProcess p;
            p.start(QStringLiteral(PTL_CLI_PATH), trainArgs(store));
            QVERIFY(p.waitForFinished(600000));
            QCOMPARE(p.exitCode(), 0);
        }
        const qint64 fullMs = t.elapsed();
        std::map<std::int64_t, double> reference;
        std::size_t referenceRows = 0;
        {
            RunStore s(store.toStdString());
            reference = losses(s, 1);
            referenceRows = s.metrics(1).size();
        }
        QCOMPARE(reference.size(), std::size_t(kSteps));

        std::mt19937 rng(20261207);
        std::uniform_int_distribution<qint64> when(0, fullMs);
        std::map<std::string, int> phases;  // what the run had last said when it was killed
        int resumed = 0, refusedNoCheckpoint = 0, finishedFirst = 0;
        for (int trial = 0; trial < 20; ++trial) {
            const qint64 delay = when(rng);
            QProcess p;
            p.start(QStringLiteral(PTL_CLI_PATH), trainArgs(store));
            QVERIFY(p.waitForStarted());
            QElapsedTimer since;
            since.start();
            std::string last = "starting (before any event)";
            QByteArray out;
            while (since.elapsed() < delay && p.state() != QProcess::NotRunning) {
                p.waitForReadyRead(5);
                out += p.readAllStandardOutput();
                for (qsizetype nl; (nl = out.indexOf('\n')) >= 0;) {
                    const auto j = nlohmann::json::parse(out.left(nl).toStdString(), nullptr, false);
                    out.remove(0, nl + 1);
                    if (j.is_object()) last = j.value("event", std::string("?"));
                }
            }
            if (p.state() == QProcess::NotRunning) {
                ++finishedFirst;
            } else {
                ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
                p.waitForFinished();
                ++phases[last];
            }
            // The file is whole, the completed run untouched.
            QCOMPARE(integrity(store), QStringLiteral("ok"));
            RunStore s(store.toStdString());
            QCOMPARE(s.run(1)->status, std::string("completed"));
            QCOMPARE(s.metrics(1).size(), referenceRows);
            const auto runs = s.listRuns();
            const std::int64_t id = runs.size() > 1 ? std::max_element(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.id < b.id; })->id : 0;
            if (id == 0 || id == 1) continue;  // killed before the run was recorded
            const auto rec = s.run(id);
            if (rec->status == "completed") {
                QCOMPARE(losses(s, id), reference);
                continue;
            }
            QCOMPARE(rec->status, std::string("interrupted"));
            // Every listed checkpoint is a whole folder that loads.
            const auto cks = s.checkpoints(id);
            for (const auto& ck : cks) {
                for (const char* f : {"model.safetensors", "config.json", "trainer_state.json", "trainer_state.safetensors"})
                    QVERIFY2(fs::exists(fs::path(ck.path) / f), (ck.path + " lacks " + f).c_str());
                SafetensorsFile::open(fs::path(ck.path) / "trainer_state.safetensors");
                loadCheckpoint(ck.path);
            }
            QProcess r;
            r.start(QStringLiteral(PTL_CLI_PATH), {QStringLiteral("resume"), QString::number(id), QStringLiteral("--store"), store});
            QVERIFY(r.waitForFinished(600000));
            const QString err = QString::fromUtf8(r.readAllStandardError());
            if (cks.empty()) {
                // Killed before its first checkpoint: refused with the reason, the run as it was.
                QCOMPARE(r.exitCode(), 1);
                QVERIFY2(err.contains(QStringLiteral("no checkpoint to resume from")), qPrintable(err));
                ++refusedNoCheckpoint;
                continue;
            }
            QVERIFY2(r.exitCode() == 0, qPrintable(err));
            const auto got = losses(RunStore(store.toStdString()), id);
            QCOMPARE(got.size(), reference.size());
            for (const auto& [step, loss] : reference)
                QVERIFY2(got.at(step) == loss, qPrintable(QStringLiteral("run %1 step %2: %3 vs %4").arg(id).arg(step).arg(got.at(step), 0, 'g', 17).arg(loss, 0, 'g', 17)));
            ++resumed;
        }
        QString where;
        for (const auto& [phase, n] : phases) where += QStringLiteral("%1 after '%2'; ").arg(n).arg(QString::fromStdString(phase));
        qInfo("20 kills over a %.1f s run: %s%d resumed to the same losses, %d refused (no checkpoint yet), %d finished before the kill",
              fullMs / 1000.0, qPrintable(where), resumed, refusedNoCheckpoint, finishedFirst);
        QVERIFY(resumed >= 5);
    }

    // A full disk (RLIMIT_FSIZE, so that writes fail with EFBIG as they would with ENOSPC):
    // the run ends failed with a message that says so, the store stays whole and no
    // half-written checkpoint folder is left.
    void aFullDiskEndsTheRunWithAMessage()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("runs.sqlite"));
        QProcess p;
        p.setChildProcessModifier([] {
            ::signal(SIGXFSZ, SIG_IGN);  // the write fails instead of the process dying
            rlimit lim{3000000, 3000000};  // room for the store, not for a checkpoint
            ::setrlimit(RLIMIT_FSIZE, &lim);
        });
        QStringList args = trainArgs(store);
        args << QStringLiteral("--out") << dir.filePath(QStringLiteral("out"));
        p.start(QStringLiteral(PTL_CLI_PATH), args);
        QVERIFY(p.waitForFinished(600000));
        const QString err = finishedMessage(p.readAllStandardOutput(), p.readAllStandardError());
        qInfo("full disk: %s", qPrintable(err.trimmed()));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("File too large")) && err.contains(QStringLiteral("is the disk full?")), qPrintable(err));
        QCOMPARE(integrity(store), QStringLiteral("ok"));
        RunStore s(store.toStdString());
        QCOMPARE(s.run(1)->status, std::string("failed"));
        QVERIFY(s.run(1)->message.find("is the disk full?") != std::string::npos);
        QCOMPARE(losses(s, 1).size(), std::size_t(4));  // the steps before the first checkpoint, all kept
        for (const auto& e : fs::directory_iterator(dir.filePath(QStringLiteral("out")).toStdString()))
            QVERIFY2(e.path().filename().string().find(".partial") == std::string::npos, e.path().c_str());
    }

    // The store deleted under a running job: it stops with a message instead of writing
    // into a file nobody will see again; its checkpoints stay.
    void aDeletedStoreEndsTheRun()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("store/runs.sqlite"));
        QStringList args = trainArgs(store);
        args << QStringLiteral("--out") << dir.filePath(QStringLiteral("out")) << QStringLiteral("--set") << QStringLiteral("steps=2000");
        QProcess p;
        p.start(QStringLiteral(PTL_CLI_PATH), args);
        QByteArray stdoutText;
        QVERIFY(waitForFile(p, dir.filePath(QStringLiteral("out/checkpoint-8")).toStdString(), stdoutText));
        fs::remove_all(dir.filePath(QStringLiteral("store")).toStdString());
        QVERIFY2(p.waitForFinished(60000), "the run went on with its store deleted");
        const QString err = finishedMessage(stdoutText + p.readAllStandardOutput(), p.readAllStandardError());
        qInfo("store deleted: %s", qPrintable(err.trimmed()));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("was deleted while it was open")) && err.contains(QStringLiteral("checkpoints in")), qPrintable(err));
        QVERIFY(fs::exists(dir.filePath(QStringLiteral("out/checkpoint-8/model.safetensors")).toStdString()));
    }

    // A read-only store (permissions, read-only media): training into it is refused with a
    // message that says so, before anything is written; the runs in it still read, whole.
    void aReadOnlyStoreRefusesNewRunsAndStillReads()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("runs.sqlite"));
        {
            RunStore s(store.toStdString());
            const auto id = s.createRun("kept", "{}", "bert", "mlm");
            s.appendMetrics(id, {{1, "loss", 9.0, 0.1}, {2, "loss", 8.0, 0.2}});
            s.setStatus(id, "completed");
        }
        if (!testing::makeReadOnly(store.toStdString()))
            QSKIP("cannot make a file read-only here (root without chattr +i on this filesystem)");
        auto undo = qScopeGuard([&] { testing::undoReadOnly(store.toStdString()); });
        QProcess p;
        p.start(QStringLiteral(PTL_CLI_PATH), trainArgs(store) << QStringLiteral("--out") << dir.filePath(QStringLiteral("out")));
        QVERIFY(p.waitForFinished(120000));
        const QString err = finishedMessage(p.readAllStandardOutput(), p.readAllStandardError());
        qInfo("read-only store: %s", qPrintable(err.trimmed()));
        QVERIFY(p.exitCode() != 0);
        QVERIFY2(err.contains(QStringLiteral("read-only")) && err.contains(store), qPrintable(err));
        QVERIFY(!fs::exists(dir.filePath(QStringLiteral("out")).toStdString()) ||
                fs::is_empty(dir.filePath(QStringLiteral("out")).toStdString()));
        QCOMPARE(integrity(store), QStringLiteral("ok"));
        RunStore s(store.toStdString());
        QCOMPARE(s.listRuns().size(), std::size_t(1));
        QCOMPARE(s.run(1)->status, std::string("completed"));
        QCOMPARE(losses(s, 1).size(), std::size_t(2));
        QProcess list;
        list.start(QStringLiteral(PTL_CLI_PATH), {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--store"), store});
        QVERIFY(list.waitForFinished(60000));
        QCOMPARE(list.exitCode(), 0);
        QVERIFY(list.readAllStandardOutput().contains("kept"));
    }

    // The checkpoint folder taken away (a file where the folder was): the run ends failed
    // with the path in its message, the store records it and stays whole.
    void anUnwritableCheckpointFolderEndsTheRun()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("runs.sqlite"));
        const std::string out = dir.filePath(QStringLiteral("out")).toStdString();
        QStringList args = trainArgs(store);
        args << QStringLiteral("--out") << QString::fromStdString(out) << QStringLiteral("--set") << QStringLiteral("steps=2000");
        QProcess p;
        p.start(QStringLiteral(PTL_CLI_PATH), args);
        QByteArray stdoutText;
        QVERIFY(waitForFile(p, out + "/checkpoint-4/trainer_state.json", stdoutText));
        fs::rename(out, out + ".moved");
        { std::ofstream(out) << "not a folder\n"; }
        QVERIFY2(p.waitForFinished(120000), "the run went on without its checkpoint folder");
        const QString err = finishedMessage(stdoutText + p.readAllStandardOutput(), p.readAllStandardError());
        qInfo("checkpoint folder gone: %s", qPrintable(err.trimmed()));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QString::fromStdString(out)), qPrintable(err));
        QCOMPARE(integrity(store), QStringLiteral("ok"));
        RunStore s(store.toStdString());
        QCOMPARE(s.run(1)->status, std::string("failed"));
        QVERIFY(!s.metrics(1).empty());
        QVERIFY(fs::exists(out + ".moved/checkpoint-4/model.safetensors"));
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "test_crash.moc"

// The run store: schema, WAL, metrics, interrupted runs, bad files.
#include "core/store/RunStore.h"
#include "core/util/Error.h"

#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ptl;

class TestStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsSchemaAndListsRuns()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/sub/runs.sqlite")).toStdString();
        RunStore s(path);
        QCOMPARE(s.schemaVersion(), RunStore::kSchemaVersion);
        const auto id = s.createRun("first", "{}", "bert", "mlm+nsp");
        s.appendMetrics(id, {{1, "loss", 2.5, 0.1}, {2, "loss", 2.0, 0.2}, {2, "lr", 1e-4, 0.2}});
        const auto runs = s.listRuns();
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].status, std::string("running"));
        QCOMPARE(runs[0].lastStep, std::int64_t(2));
        QCOMPARE(s.metrics(id).size(), std::size_t(3));
        QCOMPARE(s.metrics(id, 1).size(), std::size_t(2));
        s.setStatus(id, "completed");
        QVERIFY(!s.run(id)->finishedAt.empty());
        QVERIFY_THROWS_EXCEPTION(Error, s.setStatus(id, "bogus"));  // CHECK constraint
        // WAL mode.
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
        sqlite3_step(st);
        QCOMPARE(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))), QStringLiteral("wal"));
        sqlite3_finalize(st);
        sqlite3_close(db);
    }

    void deadOwnerBecomesInterrupted()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/runs.sqlite")).toStdString();
        const pid_t child = fork();
        if (child == 0) {
            {
                RunStore s(path);
                s.createRun("orphan", "{}", "bert", "mlm");
            }
            _exit(0);
        }
        int status = 0;
        waitpid(child, &status, 0);
        RunStore s(path);
        const auto runs = s.listRuns();
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].status, std::string("interrupted"));
        // A run owned by this live process stays running.
        const auto mine = s.createRun("mine", "{}", "bert", "mlm");
        RunStore again(path);
        QCOMPARE(again.run(mine)->status, std::string("running"));
    }

    void refusesNonStoreFiles()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/junk.sqlite")).toStdString();
        std::ofstream(path) << "this is not a database, just text that is long enough to look like a header........";
        QVERIFY_THROWS_EXCEPTION(Error, RunStore{path});
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"

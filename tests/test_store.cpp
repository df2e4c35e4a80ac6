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

    void longRunsAreListedThroughIndexes()
    {
        // A store of many long runs: the list's per-run figures come from the index on
        // (run_id, step) and (run_id, name, step), not from a scan of every row (a store of
        // 200 runs x 100,000 rows listed in 20 s before; tests/bench/gui_bench measures it).
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/runs.sqlite")).toStdString();
        {
            RunStore s(path);
            for (int r = 0; r < 3; ++r) {
                const auto id = s.createRun("run " + std::to_string(r), "{}", "bert", "mlm");
                std::vector<MetricRow> rows;
                for (int step = 1; step <= 2000; ++step) {
                    rows.push_back({step, "loss", 9.0 - step * 0.001, step * 0.5});
                    rows.push_back({step, "lr", 1e-3, step * 0.5});
                    if (step % 100 == 0) rows.push_back({step, "eval_loss", 5.0 + (step == 1500 ? -1.0 : 1000.0 / step), step * 0.5 + 0.25});
                }
                s.appendMetrics(id, rows);
            }
            const auto runs = s.listRuns();
            QCOMPARE(runs.size(), std::size_t(3));
            for (const auto& r : runs) {
                QCOMPARE(r.lastStep, std::int64_t(2000));
                QCOMPARE(r.wallSeconds, 1000.25);  // the last step's latest row
                QCOMPARE(r.lastEvalLoss, 5.5);
                QCOMPARE(r.bestEvalLoss, 4.0);
            }
            const auto evals = s.metricsNamed(1, {"eval_loss", "nothing"});
            QCOMPARE(evals.size(), std::size_t(20));
            QCOMPARE(evals.front().step, std::int64_t(100));
            QCOMPARE(evals.back().step, std::int64_t(2000));
            QCOMPARE(s.metrics(2, 1990).size(), std::size_t(10 * 2 + 1));
        }
        auto plan = [&](const char* sql) {
            sqlite3* db = nullptr;
            sqlite3_open(path.c_str(), &db);
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(db, (std::string("EXPLAIN QUERY PLAN ") + sql).c_str(), -1, &st, nullptr);
            QString out;
            while (sqlite3_step(st) == SQLITE_ROW) out += QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 3))) + QLatin1Char('\n');
            sqlite3_finalize(st);
            sqlite3_close(db);
            return out;
        };
        for (const char* sql : {"SELECT max(step) FROM metrics WHERE run_id = 1",
                                "SELECT step, name, value FROM metrics WHERE run_id = 1 AND step > 1990 ORDER BY step, rowid",
                                "SELECT min(value) FROM metrics WHERE run_id = 1 AND name = 'eval_loss'"}) {
            const QString p = plan(sql);
            QVERIFY2(p.contains(QLatin1String("USING")) && p.contains(QLatin1String("INDEX")) && !p.contains(QLatin1String("SCAN metrics")),
                     qPrintable(QString::fromUtf8(sql) + QStringLiteral(": ") + p));
        }
        // A store of the previous version gains the index when opened.
        {
            sqlite3* db = nullptr;
            sqlite3_open(path.c_str(), &db);
            sqlite3_exec(db, "DROP INDEX metrics_by_step; DELETE FROM schema_version; INSERT INTO schema_version VALUES (3);", nullptr, nullptr, nullptr);
            sqlite3_close(db);
        }
        QVERIFY(plan("SELECT max(step) FROM metrics WHERE run_id = 1").indexOf(QLatin1String("metrics_by_step")) < 0);
        RunStore again(path);
        QCOMPARE(again.schemaVersion(), 4);
        QVERIFY(plan("SELECT max(step) FROM metrics WHERE run_id = 1").contains(QLatin1String("metrics_by_step")));
        QCOMPARE(again.listRuns().size(), std::size_t(3));
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

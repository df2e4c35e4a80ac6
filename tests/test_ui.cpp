// The workbench shell opens offscreen and lists the runs of a store.
#include "core/api/Runs.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/runs/RunsModel.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QtTest>
#include <algorithm>
#include <sqlite3.h>

class TestUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsRunsOfTheStore()
    {
        QTemporaryDir dir;
        const QString store = dir.path() + QStringLiteral("/runs.sqlite");
        QVERIFY(ptl::listRuns(store.toStdString()).empty());  // creates the schema
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(store.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                              "INSERT INTO runs(name, status, config_json, created_at, family, objective) VALUES "
                              "('alpha', 'completed', '{}', '2026-01-01T00:00:00Z', 'bert', 'mlm+nsp'),"
                              "('beta', 'failed', '{}', '2026-01-02T00:00:00Z', 'gpt2', 'clm');",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        ptl::ui::MainWindow w(store);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* model = w.runsModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->data(model->index(0, ptl::ui::RunsModel::Name), Qt::DisplayRole).toString(), QStringLiteral("alpha"));
        QCOMPARE(model->data(model->index(1, ptl::ui::RunsModel::Status), Qt::DisplayRole).toString(), QStringLiteral("failed"));
    }

    void koreanTranslationHasNoUnfinishedEntry()
    {
        QFile f(QStringLiteral(PTL_SOURCE_DIR "/translations/pretrainlab_ko.ts"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString ts = QString::fromUtf8(f.readAll());
        QVERIFY(ts.contains(QStringLiteral("language=\"ko_KR\"")));
        QCOMPARE(ts.count(QStringLiteral("type=\"unfinished\"")), 0);
        QCOMPARE(ts.count(QStringLiteral("<translation></translation>")), 0);
        // Real Korean: most translations hold Hangul.
        const QRegularExpression tr(QStringLiteral("<translation>([^<]*)</translation>"));
        int total = 0, hangul = 0;
        for (auto it = tr.globalMatch(ts); it.hasNext();) {
            const QString t = it.next().captured(1);
            ++total;
            hangul += std::any_of(t.begin(), t.end(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; });
        }
        QVERIFY(total > 20);
        QVERIFY2(hangul * 10 >= total * 8, qPrintable(QStringLiteral("%1 of %2 translations hold Hangul").arg(hangul).arg(total)));
    }

    void badStoreShowsMessageNotCrash()
    {
        QTemporaryDir dir;
        QFile junk(dir.path() + QStringLiteral("/junk.sqlite"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(200, 'x'));
        junk.close();
        ptl::ui::RunsModel model;
        const QString error = model.reload(junk.fileName());
        QVERIFY(!error.isEmpty());
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestUi)
#include "test_ui.moc"

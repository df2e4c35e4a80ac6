// The workbench (offscreen): runs table, training through the controller on its worker
// thread, live curves, pause/resume/stop, the configuration editor's counts, compare,
// export, and the Korean translation.
#include "core/api/ParameterCount.h"
#include "core/api/Runs.h"
#include "core/model/Electra.h"
#include "core/model/Transformer.h"
#include "ui/compare/CompareDialog.h"
#include "ui/config/ConfigEditor.h"
#include "ui/curves/CurvesPanel.h"
#include "ui/dynamics/DynamicsPanel.h"
#include "core/api/Baselines.h"
#include "core/api/Job.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/lessons/LessonsPanel.h"
#include "ui/runs/RunsModel.h"
#include "ui/runs/RunsPanel.h"
#include "core/store/RunStore.h"
#include "ui/worker/TrainingController.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QScopeGuard>
#include <QSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTableWidget>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include "ReadOnly.h"

using namespace ptl;

namespace {
JobSpec quickSpec(int steps)
{
    JobSpec s = JobSpec::fromPreset("bert-tiny");
    s.train.steps = steps;
    s.train.batch_size = 8;
    s.train.seq_len = 64;
    s.train.log_every = 1;
    s.train.eval_every = 10;
    s.train.checkpoint_every = 1000;
    return s;
}
QString storeIn(const QTemporaryDir& d) { return d.path() + QStringLiteral("/runs.sqlite"); }
} // namespace

class TestUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PretrainLab-tests"));
        QSettings().clear();
    }

    void listsRunsOfTheStore()
    {
        QTemporaryDir dir;
        const QString store = storeIn(dir);
        QVERIFY(listRuns(store.toStdString()).empty());  // creates the schema
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(store.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                              "INSERT INTO runs(name, status, config_json, created_at, family, objective) VALUES "
                              "('alpha', 'completed', '{}', '2026-01-01T00:00:00Z', 'bert', 'mlm+nsp'),"
                              "('beta', 'failed', '{}', '2026-01-02T00:00:00Z', 'gpt2', 'clm');"
                              "INSERT INTO metrics(run_id, step, name, value, wall_time) VALUES (1, 10, 'eval_loss', 3.0, 5), (1, 20, 'eval_loss', 2.5, 10), (1, 30, 'eval_loss', 2.7, 15);",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        ui::MainWindow w(store);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* model = w.runsModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->data(model->index(0, ui::RunsModel::Name), Qt::DisplayRole).toString(), QStringLiteral("alpha"));
        QCOMPARE(model->data(model->index(1, ui::RunsModel::Status), Qt::DisplayRole).toString(), QStringLiteral("failed"));
        QCOMPARE(model->data(model->index(0, ui::RunsModel::LastEval), Qt::DisplayRole).toString(), QStringLiteral("2.7000"));
        QCOMPARE(model->data(model->index(0, ui::RunsModel::BestEval), Qt::DisplayRole).toString(), QStringLiteral("2.5000"));
    }

    void baselineLineAndWhatItLearnsFirst()
    {
        // A short run records its baselines and dynamics; the curves draw the baseline of
        // the chosen metric, the dynamics view its points.
        QTemporaryDir dir;
        const QString store = storeIn(dir);
        JobSpec s = quickSpec(4);
        s.train.eval_every = 2;
        s.train.eval_batches = 1;
        s.train.dynamics_sequences = 8;
        s.train.threads = 1;
        struct Quiet : JobObserver {} q;
        StopToken stop;
        const RunOutcome r = runJob(s, store.toStdString(), q, stop);
        QVERIFY2(r.status == "completed", r.message.c_str());
        double heldUnigram = 0;
        std::vector<double> ratios;
        for (const auto& m : RunStoreClient(store.toStdString()).metrics(r.runId)) {
            if (m.name == baseline::evalUnigramLoss) heldUnigram = m.value;
            if (m.name == "eval_mlm_loss_ratio") ratios.push_back(m.value);
        }
        QVERIFY(heldUnigram > 5.0);
        ui::CurvesPanel curves(store);
        curves.setRuns({r.runId});
        QVERIFY(curves.loading());  // the rows are read off the GUI thread ...
        curves.setMetric(QStringLiteral("eval_mlm_loss"));  // ... and the metric asked for meanwhile is shown when they come
        QTRY_VERIFY(!curves.loading());
        QCOMPARE(curves.metric(), QStringLiteral("eval_mlm_loss"));
        auto lines = curves.shownBaselines();
        QCOMPARE(lines.size(), std::size_t(1));
        QCOMPARE(lines[0].y.front(), heldUnigram);
        QCOMPARE(lines[0].x.front(), 2.0);  // across the run's eval steps
        QCOMPARE(lines[0].x.back(), 4.0);
        curves.setMetric(QStringLiteral("lr"));
        QVERIFY(curves.shownBaselines().empty());  // no baseline for the learning rate
        curves.setMetric(QStringLiteral("mlm_loss"));
        curves.setShowBaselines(false);
        QVERIFY(curves.shownBaselines().empty());
        ui::DynamicsPanel dyn(store);
        dyn.setRun(r.runId);
        QCOMPARE(dyn.points().size(), std::size_t(2));
        const auto classes = dyn.classLines();
        QVERIFY(std::any_of(classes.begin(), classes.end(), [](const auto& l) { return l.name == QStringLiteral("nouns"); }));
        QCOMPARE(classes.back().name, QStringLiteral("all masked tokens"));
        QCOMPARE(classes.back().y.back(), dyn.points().back().all.accuracy());
        QCOMPARE(dyn.headLines().size(), std::size_t(4));  // bert-tiny: 2 layers x 2 heads
        dyn.setHeadMeasure(1);
        QCOMPARE(dyn.headLines()[0].y.back(), dyn.points().back().heads[0].previous);
        const auto ratio = dyn.ratioLines();
        QCOMPARE(ratio.size(), std::size_t(1));
        QCOMPARE(ratio[0].y, ratios);
        dyn.setClassMode(1);
        QCOMPARE(dyn.classLines().size(), std::size_t(4));  // three frequency bands and all
    }

    void lessonsOpenFirstRunAndExport()
    {
        QTemporaryDir dir;
        QSettings().remove(QStringLiteral("lessons/seen"));  // a fresh profile
        {
            ui::MainWindow w(storeIn(dir));
            auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("centralTabs"));
            QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(w.lessonsPanel()));
            // The shipped lessons, in the story's order, in the chosen language.
            ui::LessonsPanel* p = w.lessonsPanel();
            QVERIFY(p->list()->count() >= 7);
            p->setLanguage(QStringLiteral("en"));
            p->list()->setCurrentRow(0);
            QVERIFY(p->text()->toPlainText().contains(QStringLiteral("GPT-1")));
            QVERIFY(!p->text()->toPlainText().contains(QString::fromStdString(p->current()->answer.en)));
            p->answerButton()->click();
            QVERIFY(p->text()->toPlainText().contains(QString::fromStdString(p->current()->answer.en)));
            p->setLanguage(QStringLiteral("ko"));
            QVERIFY(p->text()->toPlainText().contains(QString::fromStdString(p->current()->title.ko)));
            QCOMPARE(p->measuresTable()->item(0, 1)->text(), QStringLiteral("–"));  // not run: nothing to show
        }
        ui::MainWindow w(storeIn(dir));
        auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("centralTabs"));
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(w.curves()));  // seen once: the curves again
        // A tiny lesson run from the panel: trained on the worker, measured, the verdict shown.
        ui::LessonsPanel* p = w.lessonsPanel();
        QVERIFY(p->loadFrom(QStringLiteral(PTL_TEST_DATA "/lessons")));
        p->setLanguage(QStringLiteral("en"));
        p->selectLesson(QStringLiteral("tiny"));
        QSignalSpy done(w.controller(), &ui::TrainingController::lessonFinished);
        p->runButton()->click();
        QVERIFY(!p->runButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 120000);
        QCOMPARE(done.at(0).at(1).toString(), QStringLiteral("completed"));
        QTRY_VERIFY(p->runButton()->isEnabled());
        QCOMPARE(p->result().verdict, 1);
        QVERIFY(p->verdictLabel()->text().contains(QStringLiteral("REPRODUCED")));
        QCOMPARE(p->measuresTable()->item(2, 1)->text(), QString::fromStdString(p->result().measured[2].text));
        QVERIFY(p->runsTable()->item(0, 2)->text().contains(QString::number(p->result().runIds.at("a"))));
        // The student's changes: checked as fields, and a run with them is a new run whose
        // figures replace the old ones.
        QString error;
        p->changesEdit()->setText(QStringLiteral("nope=1"));
        QVERIFY(p->changes(&error).empty() && error.contains(QStringLiteral("nope")));
        p->changesEdit()->setText(QStringLiteral("steps=2 eval_every=1"));
        error.clear();
        QCOMPARE(p->changes(&error).size(), std::size_t(2));
        QVERIFY(error.isEmpty());
        const qint64 before = p->result().runIds.at("a");
        p->runButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 120000);
        QTRY_VERIFY(p->runButton()->isEnabled());
        QVERIFY(p->result().runIds.at("a") > before);
        QCOMPARE(RunStoreClient(storeIn(dir).toStdString()).runs().back().lastStep, std::int64_t(2));
        p->changesEdit()->clear();
        // Open the view: the curves of both runs with the lesson's metric.
        p->openButton()->click();
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(w.curves()));
        QTRY_COMPARE(w.curves()->metric(), QStringLiteral("eval_mlm_loss"));
        // Export for a class: core's folder plus the view and the curves as images.
        const QString out = dir.path() + QStringLiteral("/class");
        error.clear();
        QVERIFY2(w.exportLesson(*p->current(), out, &error), qPrintable(error));
        for (const char* f : {"lesson.md", "result.json", "a.csv", "b.csv", "curves.svg", "runs.sqlite", "view.png", "curves.png", "curves.pdf"})
            QVERIFY2(QFileInfo(out + QLatin1Char('/') + QLatin1String(f)).size() > 0, f);
        // A lesson folder with a bad file: the panel says so instead of failing.
        QTemporaryDir bad;
        QFile f(bad.path() + QStringLiteral("/01-bad.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"id\": \"bad\"");
        f.close();
        QVERIFY(!p->loadFrom(bad.path()));
        QCOMPARE(p->list()->count(), 0);
    }

    void trainingThroughTheControllerReachesTheCurves()
    {
        QTemporaryDir dir;
        ui::MainWindow w(storeIn(dir));
        w.show();
        ui::TrainingController* c = w.controller();
        QSignalSpy finished(c, &ui::TrainingController::runFinished);
        QSignalSpy progressed(c, &ui::TrainingController::progressed);
        const QThread* guiThread = QThread::currentThread();
        bool stepOnGuiThread = false;
        connect(c, &ui::TrainingController::progressed, this, [&] { stepOnGuiThread |= QThread::currentThread() != guiThread; });
        c->start(quickSpec(5000));  // long enough never to end by itself before the test stops it
        QTRY_VERIFY_WITH_TIMEOUT(c->activeRunId() > 0, 30000);
        const qint64 id = c->activeRunId();
        QTRY_VERIFY_WITH_TIMEOUT(c->lastProgress().step >= 12, 60000);
        QVERIFY(!stepOnGuiThread);  // signals arrive queued on the GUI thread
        // Points reach the curve, read incrementally from the store.
        w.curves()->setRuns({id});
        w.curves()->setMetric(QStringLiteral("loss"));
        QTRY_VERIFY_WITH_TIMEOUT(!w.curves()->shownLines().empty() && w.curves()->shownLines()[0].x.size() >= 10, 20000);
        // The runs table follows the status: running, paused, running, cancelled.
        w.refreshRuns();
        auto status = [&] {
            w.refreshRuns();
            const int row = w.runsModel()->rowOf(id);
            return row < 0 ? QString() : w.runsModel()->data(w.runsModel()->index(row, ui::RunsModel::Status), ui::RunsModel::StatusRole).toString();
        };
        QCOMPARE(status(), QStringLiteral("running"));
        c->pause();
        QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("paused"), 10000);
        QTest::qWait(300);  // progress of the step finished just before the pause may still be queued
        const qint64 heldAt = c->lastProgress().step;
        QTest::qWait(500);
        QCOMPARE(c->lastProgress().step, heldAt);
        c->resume();
        QTRY_VERIFY_WITH_TIMEOUT(c->lastProgress().step > heldAt, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("running"), 10000);
        c->stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("cancelled"));
        QCOMPARE(status(), QStringLiteral("cancelled"));
        QVERIFY(!c->isRunning());
        // CSV export of the curve equals the stored rows of that metric.
        w.curves()->refreshNow();
        w.curves()->setSmoothing(0.0);
        const QString csv = dir.path() + QStringLiteral("/loss.csv");
        QVERIFY(w.curves()->exportTo(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        std::vector<MetricPoint> stored;
        for (const auto& m : RunStoreClient(storeIn(dir).toStdString()).metrics(id))
            if (m.name == "loss") stored.push_back(m);
        QCOMPARE(lines.size(), static_cast<int>(stored.size()) + 1);
        for (std::size_t i = 0; i < stored.size(); ++i) {
            const QStringList cells = lines[static_cast<int>(i) + 1].split(QLatin1Char(','));
            QCOMPARE(cells[4].toDouble(), static_cast<double>(stored[i].step));
            QCOMPARE(cells[5].toDouble(), stored[i].value);
            QCOMPARE(cells[6].toDouble(), stored[i].value);  // smoothing 0
        }
        for (const char* ext : {"png", "pdf", "svg"}) {
            const QString p = dir.path() + QStringLiteral("/curves.") + QLatin1String(ext);
            QVERIFY2(w.curves()->exportTo(p), ext);
            QVERIFY(QFileInfo(p).size() > 1000);
        }
    }

    void failuresShowTheCoreMessage()
    {
        QTemporaryDir dir;
        ui::TrainingController c(storeIn(dir));
        QSignalSpy finished(&c, &ui::TrainingController::runFinished);
        JobSpec s = quickSpec(5);
        s.corpus = "/nonexistent/corpus.txt";
        c.start(s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("failed"));
        QVERIFY(finished.at(0).at(2).toString().contains(QStringLiteral("corpus not found")));
        // A read-only store: the message says so (the window goes on; the store is untouched).
        {
            RunStore(storeIn(dir).toStdString());  // created, then made read-only
            if (testing::makeReadOnly(storeIn(dir).toStdString())) {
                auto undo = qScopeGuard([&] { testing::undoReadOnly(storeIn(dir).toStdString()); });
                ui::TrainingController ro(storeIn(dir));
                QSignalSpy done(&ro, &ui::TrainingController::runFinished);
                ro.start(quickSpec(5));
                QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
                QCOMPARE(done.at(0).at(1).toString(), QStringLiteral("failed"));
                QVERIFY2(done.at(0).at(2).toString().contains(QStringLiteral("read-only")), qPrintable(done.at(0).at(2).toString()));
            } else {
                qInfo("read-only store not tried: this user cannot make a file read-only here");
            }
        }
    }

    void editorCountsEqualCore()
    {
        ui::ConfigEditor editor;
        auto* sharing = editor.findChildren<QComboBox*>().at(1);  // preset, then sharing
        QVERIFY(sharing->count() == 4);
        for (const Preset& p : presets()) {
            editor.setPreset(QString::fromStdString(p.name));
            for (int s = 0; s < sharing->count(); ++s) {
                sharing->setCurrentIndex(s);
                if (p.model.isErnie() && s > 0) {
                    // ERNIE's K-Encoder layers are not shared: the editor says so at the field.
                    QVERIFY2(editor.validationMessage().contains(QStringLiteral("sharing")), qPrintable(editor.validationMessage()));
                    continue;
                }
                const JobSpec spec = editor.spec();
                QVERIFY2(editor.validationMessage().isEmpty(), qPrintable(editor.validationMessage()));
                std::int64_t n = 0;  // what LibTorch allocates, each shared tensor once
                if (spec.model.family == Family::Electra) {
                    for (const auto& [name, t] : electraParameters(makeElectra(spec.model))) n += t.numel();
                } else {
                    TransformerModel m(spec.model);
                    for (const auto& t : m->parameters()) n += t.numel();
                    QCOMPARE(editor.shownTotalParameters(), countParameters(spec.model).total);
                }
                QCOMPARE(editor.shownTotalParameters(), n);
            }
        }
    }

    // Processes on this machine: the editor shows the global batch and each process's
    // share; the controller trains through pretrainlab-cli --nproc and reports as usual.
    void severalProcessesFromTheWorkbench()
    {
        ui::ConfigEditor editor;
        editor.setPreset(QStringLiteral("bert-tiny"));
        JobSpec s = editor.spec();
        s.train.batch_size = 16;
        s.train.processes = 2;
        editor.setSpec(s);
        auto* label = editor.findChild<QLabel*>(QStringLiteral("globalBatch"));
        QVERIFY(label);
        QVERIFY2(label->text().contains(QStringLiteral("Each of the 2 processes takes 8 sequences.")), qPrintable(label->text()));
        QCOMPARE(editor.spec().train.processes, 2);
        s.train.processes = 3;
        editor.setSpec(s);
        QVERIFY(editor.validationMessage().startsWith(QStringLiteral("batch_size")));  // 16 does not split in 3

        QTemporaryDir dir;
        ui::TrainingController c(storeIn(dir));
        QSignalSpy finished(&c, &ui::TrainingController::runFinished);
        QSignalSpy started(&c, &ui::TrainingController::runStarted);
        QSignalSpy progressed(&c, &ui::TrainingController::progressed);
        QSignalSpy snapshots(&c, &ui::TrainingController::snapshotArrived);
        JobSpec q = quickSpec(12);
        q.train.processes = 2;
        q.train.threads = 1;
        q.train.probe_every = 5;
        q.train.dynamics = false;
        c.start(q);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 240000);
        QVERIFY2(finished.at(0).at(1).toString() == QStringLiteral("completed"), qPrintable(finished.at(0).at(2).toString()));
        QCOMPARE(started.count(), 1);
        QVERIFY(started.at(0).at(0).toLongLong() > 0);
        QVERIFY(progressed.count() >= 1);
        QVERIFY(snapshots.count() >= 1);  // the views' snapshots, read from the store rank 0 writes
        RunStore store(storeIn(dir).toStdString());
        QCOMPARE(store.run(1)->status, std::string("completed"));
        std::int64_t losses = 0;
        for (const auto& m : store.metrics(1)) losses += m.name == "loss";
        QCOMPARE(losses, std::int64_t(12));
    }

    void editorValidatesOnTheField()
    {
        ui::ConfigEditor editor;
        editor.setPreset(QStringLiteral("bert-mini"));
        JobSpec s = editor.spec();
        s.model.num_heads = 3;  // 256 % 3 != 0
        editor.setSpec(s);
        QVERIFY(editor.validationMessage().startsWith(QStringLiteral("num_attention_heads")));
        bool outlined = false;
        for (QWidget* w : editor.findChildren<QWidget*>()) outlined |= w->styleSheet().contains(QStringLiteral("border")) && w->toolTip().contains(QStringLiteral("num_attention_heads"));
        QVERIFY(outlined);
        s.model.num_heads = 4;
        editor.setSpec(s);
        QVERIFY(editor.validationMessage().isEmpty());
    }

    // Every field of the editor at its extremes, typed garbage and absurd text: the editor
    // says what is wrong or offers Start, its JobSpec round-trips, nothing crashes; a job of
    // absurd size is refused by core with a message (the memory check) instead of being
    // killed mid-allocation; corpora of 1 byte, of 1 GB on one line and of text the
    // vocabulary cannot read end with a message.
    void absurdValuesGetAMessageNotACrash()
    {
        ui::ConfigEditor editor;
        editor.show();
        QPushButton* start = nullptr;
        for (QPushButton* b : editor.findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("Start training")) start = b;
        QVERIFY(start);
        auto consistent = [&](const QString& what) {
            QCoreApplication::processEvents();
            const JobSpec s = editor.spec();
            const QString core = QString::fromStdString(s.validate());
            QVERIFY2(core == editor.validationMessage(), qPrintable(what + QStringLiteral(": ") + core));
            QCOMPARE(start->isEnabled(), core.isEmpty());
            if (core.isEmpty()) {  // a valid job reads back as itself (an invalid one may be refused on reading: ptl::Error)
                const JobSpec back = JobSpec::fromJson(s.toJson());
                QCOMPARE(back.toJson().dump(), s.toJson().dump());
            }
        };
        int tried = 0;
        for (const QString& preset : {QStringLiteral("bert-mini"), QStringLiteral("gpt-mini"), QStringLiteral("electra-mini"), QStringLiteral("albert-mini")}) {
            editor.setPreset(preset);
            for (QSpinBox* f : editor.findChildren<QSpinBox*>()) {
                const int keep = f->value();
                for (int v : {f->minimum(), f->maximum()}) {
                    f->setValue(v);
                    consistent(preset + QLatin1Char(' ') + f->objectName() + QStringLiteral(" = ") + QString::number(v));
                    ++tried;
                }
                f->clear();
                QTest::keyClicks(f, QStringLiteral("-1e999x"));
                QTest::keyClick(f, Qt::Key_Return);
                QVERIFY(f->value() >= f->minimum() && f->value() <= f->maximum());
                consistent(preset + QLatin1Char(' ') + f->objectName() + QStringLiteral(" typed garbage"));
                f->setValue(keep);
            }
            for (QDoubleSpinBox* f : editor.findChildren<QDoubleSpinBox*>()) {
                const double keep = f->value();
                for (double v : {f->minimum(), f->maximum()}) {
                    f->setValue(v);
                    consistent(preset + QLatin1Char(' ') + f->objectName() + QStringLiteral(" = ") + QString::number(v));
                    ++tried;
                }
                f->setValue(keep);
            }
            for (QLineEdit* f : editor.findChildren<QLineEdit*>()) {
                if (qobject_cast<QAbstractSpinBox*>(f->parentWidget())) continue;
                const QString keep = f->text();
                for (const QString& v : {QString(), QString(100000, QLatin1Char('x')), QStringLiteral("[UNK] [MASK] [SEP]"),
                                         QStringLiteral("\u00e9\u2603\U0001F600 \"quoted\" \\ back"), QStringLiteral("../../no/such/file")}) {
                    f->setText(v);
                    consistent(preset + QStringLiteral(" text field ") + f->objectName());
                    ++tried;
                }
                f->setText(keep);
            }
        }
        // Every spin box at its maximum at once: the editor still answers.
        for (QSpinBox* f : editor.findChildren<QSpinBox*>()) f->setValue(f->maximum());
        consistent(QStringLiteral("all at maximum"));
        qInfo("%d field values tried", tried);

        // Core refuses what would not fit in memory, with a message, before allocating.
        QTemporaryDir dir;
        ui::TrainingController c(storeIn(dir));
        QSignalSpy finished(&c, &ui::TrainingController::runFinished);
        JobSpec huge = JobSpec::fromPreset("bert-mini");
        huge.model.num_layers = 16;
        huge.model.hidden_size = 4096;
        huge.model.num_heads = 64;
        huge.model.intermediate_size = 16384;
        huge.model.max_position_embeddings = 8192;
        huge.train.batch_size = 4096;
        huge.train.seq_len = 8192;
        QVERIFY2(huge.validate().empty(), huge.validate().c_str());
        c.start(huge);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("failed"));
        QVERIFY2(finished.at(0).at(2).toString().contains(QStringLiteral("of memory")), qPrintable(finished.at(0).at(2).toString()));

        // Absurd corpora.
        auto runOn = [&](const QString& file) {
            finished.clear();
            JobSpec s = quickSpec(3);
            s.corpus = file.toStdString();
            c.start(s);
            [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 300000); }();
            return finished.isEmpty() ? QString() : finished.at(0).at(1).toString() + QStringLiteral(": ") + finished.at(0).at(2).toString();
        };
        const QString one = dir.filePath(QStringLiteral("one-byte.txt"));
        { QFile f(one); QVERIFY(f.open(QIODevice::WriteOnly)); f.write("a"); }
        QString r = runOn(one);
        qInfo("1 byte: %s", qPrintable(r));
        QVERIFY2(r.startsWith(QStringLiteral("failed")) && r.contains(QStringLiteral("at least 2")), qPrintable(r));
        const QString unk = dir.filePath(QStringLiteral("unknown.txt"));
        {
            QFile f(unk);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int d = 0; d < 60; ++d) f.write(QStringLiteral("\u2603\u2603 \u2603\u2603\u2603 \u2603\n\u2603 \u2603\u2603\n\n").toUtf8());
        }
        r = runOn(unk);
        qInfo("only [UNK]: %s", qPrintable(r));
        QVERIFY2(r.startsWith(QStringLiteral("failed")) && r.contains(QStringLiteral("[UNK]")), qPrintable(r));
        const QString huge1 = dir.filePath(QStringLiteral("one-line.txt"));
        {
            QFile f(huge1);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray chunk;
            while (chunk.size() < (1 << 20)) chunk += "the jury said it did find that ";
            chunk.truncate(1 << 20);
            for (int i = 0; i < 1024; ++i)
                if (f.write(chunk) != chunk.size()) QSKIP("no room for a 1 GB file here");
        }
        r = runOn(huge1);
        QFile::remove(huge1);
        qInfo("1 GB on one line: %s", qPrintable(r.left(300)));
        QVERIFY2(r.startsWith(QStringLiteral("failed")) && r.contains(QStringLiteral("bytes long")), qPrintable(r.left(300)));
    }

    void compareHighlightsDifferingKeys()
    {
        QTemporaryDir dir;
        ui::TrainingController c(storeIn(dir));
        QSignalSpy finished(&c, &ui::TrainingController::runFinished);
        JobSpec a = quickSpec(3), b = quickSpec(3);
        b.train.lr = 1e-3;
        c.start(a);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        c.start(b);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        ui::CompareDialog dlg(storeIn(dir), {1, 2});
        QVERIFY(dlg.differingKeys().contains(QStringLiteral("train.lr")));
        QVERIFY(!dlg.differingKeys().contains(QStringLiteral("train.steps")));
        QVERIFY(dlg.metricsTable()->rowCount() > 5);
    }

    void badStoreShowsMessageNotCrash()
    {
        QTemporaryDir dir;
        QFile junk(dir.path() + QStringLiteral("/junk.sqlite"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(200, 'x'));
        junk.close();
        ui::RunsModel model;
        const QString error = model.reload(junk.fileName());
        QVERIFY(!error.isEmpty());
        QCOMPARE(model.rowCount(), 0);
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
        QVERIFY(total > 100);
        QVERIFY2(hangul * 10 >= total * 8, qPrintable(QStringLiteral("%1 of %2 translations hold Hangul").arg(hangul).arg(total)));
    }
};

QTEST_MAIN(TestUi)
#include "test_ui.moc"

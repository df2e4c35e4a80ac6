// ELECTRA views (offscreen): the replaced-token view draws what the snapshot says, walks
// a run's snapshots, scores typed text; the equal-compute dialog runs both arms through
// the training controller and shows what it measured.
#include "core/api/Job.h"
#include "core/api/Runs.h"
#include "ui/common/QCustomPlot.h"
#include "ui/electra/ExperimentDialog.h"
#include "ui/electra/ReplacedPanel.h"
#include "ui/worker/TrainingController.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ptl;

namespace {
ReplacedView fixture()
{
    ReplacedView v;
    v.tokens = {{"[CLS]", "[CLS]", false, false, 0.05f}, {"jury", "court", true, true, 0.9f},   // replaced, caught: right
                {"said", "said", true, false, 0.7f},                                            // sampled back, called replaced: wrong
                {"the", "the", false, false, 0.1f},                                             // right
                {"vote", "poll", true, true, 0.2f}};                                            // missed: wrong
    v.histOriginal.assign(20, 0);
    v.histReplaced.assign(20, 0);
    v.histOriginal[1] = 1;
    v.histOriginal[2] = 1;
    v.histOriginal[14] = 1;
    v.histReplaced[18] = 1;
    v.histReplaced[4] = 1;
    v.batchTokens = 5;
    v.replacedCount = 2;
    v.accuracy = 0.6;
    v.precision = 0.5;
    v.recall = 0.5;
    v.f1 = 0.5;
    v.auc = 0.5;
    return v;
}

struct Done : JobObserver {};
} // namespace

class TestElectraUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tokensAreFilledAndOutlinedByTheCall()
    {
        ui::ReplacedTokensView view;
        view.resize(600, 200);
        view.setView(fixture());
        QCOMPARE(view.outlineOf(0), QStringLiteral("right"));
        QCOMPARE(view.outlineOf(1), QStringLiteral("right"));
        QCOMPARE(view.outlineOf(2), QStringLiteral("wrong"));
        QCOMPARE(view.outlineOf(3), QStringLiteral("right"));
        QCOMPARE(view.outlineOf(4), QStringLiteral("wrong"));
        // Fill: white at 0, darker red as P(replaced) grows.
        QCOMPARE(ui::ReplacedTokensView::probabilityColor(0.0), QColor(Qt::white));
        QVERIFY(ui::ReplacedTokensView::probabilityColor(0.9).green() < ui::ReplacedTokensView::probabilityColor(0.2).green());
        // The drawn box of the caught replacement is redder than the [CLS] box.
        const QImage img = view.grab().toImage();
        QVERIFY(!img.isNull());
        ReplacedView unlabelled = fixture();
        unlabelled.labelled = false;
        view.setView(unlabelled);
        QCOMPARE(view.outlineOf(1), QStringLiteral("none"));
    }

    void panelWalksTheRunsSnapshotsAndScoresTypedText()
    {
        QTemporaryDir dir;
        const QString store = dir.path() + QStringLiteral("/runs.sqlite");
        JobSpec s = JobSpec::fromPreset("electra-tiny");
        s.train.steps = 6;
        s.train.batch_size = 8;
        s.train.seq_len = 64;
        s.train.probe_every = 2;
        s.train.eval_every = 6;
        s.train.threads = 2;
        Done obs;
        StopToken stop;
        const RunOutcome r = runJob(s, store.toStdString(), obs, stop);
        QVERIFY2(r.status == "completed", r.message.c_str());
        ui::ReplacedPanel panel(store);
        panel.resize(1200, 800);
        panel.show();
        QSignalSpy shown(&panel, &ui::ReplacedPanel::viewShown);
        panel.setRun(r.runId);
        const auto snaps = RunStoreClient(store.toStdString()).snapshots(r.runId, "replaced");
        QVERIFY(!snaps.empty());
        QCOMPARE(panel.historySize(), static_cast<int>(snaps.size()));
        panel.setHistoryIndex(0);
        const ReplacedView first = replacedFromJson(snaps.front().payloadJson);
        QCOMPARE(panel.tokensView()->view().tokens.size(), first.tokens.size());
        QCOMPARE(panel.histogram()->plottableCount(), 2);  // original and replaced
        // The bars are each class's share: they sum to 1 when the class has tokens.
        auto* bars = qobject_cast<QCPBars*>(panel.histogram()->plottable(1));
        QVERIFY(bars);
        double sum = 0;
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) sum += it->value;
        QVERIFY(first.replacedCount == 0 || std::abs(sum - 1.0) < 1e-9);
        // Typed text on the run's last checkpoint, corrupted by its generator.
        panel.openModel(QString::fromStdString(RunStoreClient(store.toStdString()).lastCheckpoint(r.runId)));
        shown.clear();
        panel.showTyped(QStringLiteral("the jury said the election was fair and the city was pleased ."), true, 5);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1 && panel.tokensView()->view().labelled, 30000);
        int masked = 0;
        for (const auto& t : panel.tokensView()->view().tokens) masked += t.masked;
        QVERIFY(masked >= 1);
        shown.clear();
        panel.showTyped(QStringLiteral("the jury ate the election ."), false, 5);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1 && !panel.tokensView()->view().labelled, 30000);
        QCOMPARE(panel.histogram()->plottableCount(), 1);
    }

    void experimentDialogRunsBothArmsAndShowsTheMeasurement()
    {
        QTemporaryDir dir;
        QCoreApplication::setOrganizationName(QStringLiteral("PretrainLab-test"));
        QSettings().remove(QStringLiteral("experiments/equalComputeReport"));
        ui::TrainingController controller(dir.path() + QStringLiteral("/runs.sqlite"));
        ui::ExperimentDialog dlg(&controller);
        dlg.show();
        dlg.setElectraSteps(4);
        dlg.setProbePoints(1);
        dlg.setBatch(8, 64);
        QSignalSpy done(&dlg, &ui::ExperimentDialog::experimentDone);
        dlg.start();
        QVERIFY(controller.isExperiment());
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 240000);
        QVERIFY(done.at(0).at(0).toBool());
        QVERIFY(dlg.bertRun() > 0 && dlg.electraRun() > 0 && dlg.bertRun() != dlg.electraRun());
        // Each arm: the initial model and the final checkpoint, chunks and documents.
        for (int g = 0; g < 4; ++g) QCOMPARE(dlg.plot()->graph(g)->dataCount(), 2);
        QVERIFY(dlg.headline().contains(QStringLiteral("ELECTRA")));
        // Reopening shows the same result.
        ui::ExperimentDialog again(&controller);
        QCOMPARE(again.bertRun(), dlg.bertRun());
        QCOMPARE(again.headline(), dlg.headline());
        QSettings().remove(QStringLiteral("experiments/equalComputeReport"));
    }
};

QTEST_MAIN(TestElectraUi)
#include "test_electra_ui.moc"

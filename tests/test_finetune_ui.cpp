// The fine-tuning panel (offscreen): the form builds the job, the preview shows the exact
// input sequence, a run goes through the training controller, and the views show its
// curves against the baselines, the dev confusion matrix, its examples and the results row.
#include "core/api/Presets.h"
#include "core/model/Checkpoint.h"
#include "tests/common/SmallModel.h"
#include "core/text/Tokenizer.h"
#include "ui/common/QCustomPlot.h"
#include "ui/finetune/FinetunePanel.h"
#include "ui/worker/TrainingController.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>
#include <functional>

using namespace ptl;

namespace {
QString makeModel(const QTemporaryDir& dir, const std::string& preset)
{
    return QString::fromStdString(test::saveSmallModel(dir.path().toStdString() + "/" + preset, preset));
}

QPushButton* button(QWidget& w, const QString& text)
{
    for (auto* b : w.findChildren<QPushButton*>())
        if (b->text() == text) return b;
    return nullptr;
}

// Starts the panel's job on a training controller, shrunk by `shrink`, and waits for it.
struct PanelRun {
    qint64 id = -1;
    QString status;
    int predictions = 0;
};
PanelRun runFromPanel(ui::FinetunePanel& panel, const QString& store, const QString& out, const std::function<void(JobSpec&)>& shrink)
{
    ui::TrainingController controller(store);
    QSignalSpy finished(&controller, &ui::TrainingController::runFinished);
    QObject::connect(&controller, &ui::TrainingController::snapshotArrived, &panel, &ui::FinetunePanel::appendSnapshot);
    QObject::connect(&panel, &ui::FinetunePanel::startRequested, &controller, [&](const JobSpec& spec) {
        JobSpec j = spec;
        shrink(j);
        j.out_dir = out.toStdString();
        controller.start(j);
    });
    QSignalSpy predicted(&panel, &ui::FinetunePanel::predictionsShown);
    PanelRun r;
    QPushButton* start = button(panel, QStringLiteral("Start fine-tuning"));
    if (!start || !start->isEnabled()) return r;
    start->click();
    for (int i = 0; i < 3000 && finished.count() == 0; ++i) QTest::qWait(100);
    if (finished.count() == 0) return r;
    r.id = finished.at(0).at(0).toLongLong();
    r.status = finished.at(0).at(1).toString();
    r.predictions = static_cast<int>(predicted.count());
    return r;
}
} // namespace

class TestFinetuneUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formBuildsTheJobAndPreviewsTheInput()
    {
        QTemporaryDir dir;
        ui::FinetunePanel panel(dir.path() + QStringLiteral("/runs.sqlite"));
        panel.resize(1400, 900);
        panel.show();
        QSignalSpy ready(&panel, &ui::FinetunePanel::previewReady);
        panel.setModel(makeModel(dir, "bert-tiny"));
        panel.setTask(QStringLiteral("genre"));
        QVERIFY2(panel.validationMessage().isEmpty(), qPrintable(panel.validationMessage()));
        JobSpec s = panel.spec();
        QCOMPARE(s.finetune.task, std::string("genre"));
        QCOMPARE(s.finetune.body_lr_factor, 0.1);
        QCOMPARE(s.objective(), std::string("finetune:genre"));
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(panel.inputView()->toPlainText().startsWith(QStringLiteral("[CLS]")), 60000);
        QVERIFY(panel.taskInfo()->text().contains(QStringLiteral("bag-of-words")));
        // GPT: GPT-1's transformation, and the auxiliary LM row.
        panel.setModel(makeModel(dir, "gpt-tiny"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.inputView()->toPlainText().startsWith(QStringLiteral("<start>")), 60000);
        QVERIFY(panel.inputView()->toPlainText().contains(QStringLiteral("<extract>")));
        QCOMPARE(panel.spec().finetune.lm_weight, 0.5);
        // A folder that is not a model: a message, no start.
        panel.setModel(dir.path() + QStringLiteral("/nothing-here"));
        QVERIFY(panel.validationMessage().contains(QStringLiteral("config.json")));
        QVERIFY(!button(panel, QStringLiteral("Start fine-tuning"))->isEnabled());
    }

    void aRunShowsCurvesPredictionsAndResults()
    {
        QTemporaryDir dir;
        const QString store = dir.path() + QStringLiteral("/runs.sqlite");
        ui::FinetunePanel panel(store);
        panel.resize(1400, 900);
        panel.show();
        panel.setModel(makeModel(dir, "bert-tiny"));
        panel.setTask(QStringLiteral("pos"));
        const PanelRun run = runFromPanel(panel, store, dir.path() + QStringLiteral("/out"), [](JobSpec& j) {
            j.train.steps = 4;
            j.train.batch_size = 8;
            j.train.seq_len = 64;
            j.train.eval_every = 2;
            j.train.threads = 2;
            j.finetune.max_train_examples = 32;
            j.finetune.max_eval_examples = 24;
        });
        QCOMPARE(run.status, QStringLiteral("completed"));
        QVERIFY(run.predictions >= 2);  // two dev evaluations and the test score
        panel.setRun(run.id);
        // Curves: train and dev accuracy, and the two baselines as lines.
        QCOMPARE(panel.accuracyPlot()->graphCount(), 4);
        // The confusion matrix: the 12 universal tags, counts adding up to the words scored.
        QCOMPARE(panel.confusion()->rowCount(), 12);
        qint64 total = 0;
        for (int r = 0; r < 12; ++r)
            for (int c = 0; c < 12; ++c) total += panel.confusion()->item(r, c)->text().remove(QLatin1Char(',')).toLongLong();
        QVERIFY(total > 100);
        QVERIFY(!panel.examples()->toPlainText().isEmpty());
        // The results table: one row with its test score and baselines.
        QCOMPARE(panel.results()->rowCount(), 1);
        QVERIFY(panel.results()->item(0, 7)->text().endsWith(QLatin1Char('%')));
        QVERIFY(panel.results()->item(0, 10)->text().endsWith(QLatin1Char('%')));
        // The transfer chart: one pre-trained point for pos at its 32 examples.
        QCOMPARE(panel.transferPlot()->graphCount() >= 1, true);
        QCOMPARE(panel.transferPlot()->graph(0)->dataCount(), 1);
        QCOMPARE(panel.transferPlot()->graph(0)->data()->begin()->key, 32.0);
    }

    void aReadingRunShowsPassagesWithSpanProbabilities()
    {
        // squad2 on a tiny random model: the Predictions tab draws each question over its
        // passage, the words shaded by start and end probability, the gold answer and the
        // prediction named, the no-answer score against the threshold; no confusion matrix.
        QTemporaryDir dir;
        const QString store = dir.path() + QStringLiteral("/runs.sqlite");
        ui::FinetunePanel panel(store);
        panel.resize(1400, 900);
        panel.show();
        panel.setModel(makeModel(dir, "bert-tiny"));
        panel.setTask(QStringLiteral("squad2"));
        const PanelRun run = runFromPanel(panel, store, dir.path() + QStringLiteral("/out"), [](JobSpec& j) {
            j.train.steps = 3;
            j.train.batch_size = 8;
            j.train.eval_every = 3;
            j.train.threads = 2;
            j.finetune.max_train_examples = 24;
            j.finetune.max_eval_examples = 16;
        });
        QCOMPARE(run.status, QStringLiteral("completed"));
        QVERIFY(run.predictions >= 1);
        panel.setRun(run.id);
        panel.showTab(1);
        const QString html = panel.examples()->toHtml(), text = panel.examples()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("predicted:")) && text.contains(QStringLiteral("gold:")), qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("no-answer score")));
        QVERIFY(html.contains(QStringLiteral("background")));  // words shaded by their probabilities
        QVERIFY(!panel.confusion()->isVisible());
    }
};

QTEST_MAIN(TestFinetuneUi)
#include "test_finetune_ui.moc"

// The generation view (offscreen): a streamed greedy run fills the text with one link per
// step and the step table with its candidates; sampling marks the kept set; beam search
// fills the tree with the best path marked; three ways side by side; a BERT checkpoint is
// refused with its message, and the panel stays usable.
#include "core/model/Checkpoint.h"
#include "tests/common/SmallModel.h"
#include "core/api/Scaling.h"
#include "ui/common/QCustomPlot.h"
#include "ui/fewshot/FewShotPanel.h"
#include "ui/fewshot/ScalingView.h"
#include "ui/generate/GeneratePanel.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

using namespace ptl;

namespace {
QString makeModel(const QTemporaryDir& dir, const std::string& preset)
{
    return QString::fromStdString(test::saveSmallModel(dir.path().toStdString() + "/" + preset, preset));
}

bool runAndWait(ui::GeneratePanel& p, bool compare = false)
{
    QSignalSpy done(&p, &ui::GeneratePanel::generated);
    if (compare) p.compareNow();
    else p.generateNow();
    return done.wait(120000);
}

int countRows(QTableWidget* t, int column, const QString& text)
{
    int n = 0;
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, column) && t->item(r, column)->text() == text) ++n;
    return n;
}
} // namespace

class TestGenerateUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void greedySampleBeamAndSideBySide()
    {
        QTemporaryDir dir;
        ui::GeneratePanel p;
        p.resize(1400, 900);
        p.show();
        p.setCheckpoint(makeModel(dir, "gpt-tiny"));
        p.setPrompt(QStringLiteral("The jury said"));

        // Greedy: every step arrives, each is a link in the text, the table shows the step.
        p.setStrategy(QStringLiteral("greedy"));
        QVERIFY(runAndWait(p));
        const GenerateResult& g = p.result();
        QCOMPARE(g.strategy, std::string("greedy"));
        QCOMPARE(static_cast<int>(g.steps.size()), 40);  // the field's default
        QVERIFY(p.textView()->toHtml().contains(QStringLiteral("step:39")));
        p.selectStep(2);
        QCOMPARE(p.selectedStep(), 2);
        QVERIFY(p.candidatesTable()->rowCount() >= 20);
        QCOMPARE(countRows(p.candidatesTable(), 0, QStringLiteral("▶")), 1);
        QCOMPARE(countRows(p.candidatesTable(), 4, QStringLiteral("kept")), 1);  // greedy keeps the best only
        QVERIFY(p.statusLabel()->text().contains(QStringLiteral("40")));

        // Sampling: the kept set is marked and matches the step's size.
        p.setStrategy(QStringLiteral("sample"));
        QVERIFY(runAndWait(p));
        QCOMPARE(p.result().strategy, std::string("sample"));
        p.selectStep(0);
        const GenStep& s0 = p.result().steps[0];
        QCOMPARE(countRows(p.candidatesTable(), 4, QStringLiteral("kept")), std::min(s0.kept, p.candidatesTable()->rowCount()));
        QVERIFY(s0.kept <= 40);  // top-k 40 by default

        // Beam search: the tree holds every node, the best path marked.
        p.setStrategy(QStringLiteral("beam"));
        QVERIFY(runAndWait(p));
        const GenerateResult& b = p.result();
        QVERIFY(!b.tree.empty());
        QVERIFY(!b.hypotheses.empty());
        int items = 0;
        std::function<void(QTreeWidgetItem*)> count = [&](QTreeWidgetItem* it) {
            ++items;
            for (int i = 0; i < it->childCount(); ++i) count(it->child(i));
        };
        for (int i = 0; i < p.beamTree()->topLevelItemCount(); ++i) count(p.beamTree()->topLevelItem(i));
        QCOMPARE(items, static_cast<int>(b.tree.size()));
        int best = 0;
        for (const auto& n : b.tree) best += n.best;
        QCOMPARE(best, static_cast<int>(b.steps.size()));

        // Three ways.
        QVERIFY(runAndWait(p, true));
        QCOMPARE(p.comparison().size(), std::size_t(3));
        QCOMPARE(p.comparison()[0].strategy, std::string("greedy"));
        QCOMPARE(p.comparison()[1].strategy, std::string("beam"));
        QCOMPARE(p.comparison()[2].strategy, std::string("sample"));
        QCOMPARE(p.tabs()->currentIndex(), 2);
    }

    void bertIsRefusedAndThePanelStaysUsable()
    {
        QTemporaryDir dir;
        ui::GeneratePanel p;
        p.setCheckpoint(makeModel(dir, "bert-tiny"));
        QVERIFY(runAndWait(p));
        QVERIFY2(p.statusLabel()->text().contains(QStringLiteral("[MASK]")), qPrintable(p.statusLabel()->text()));
        p.setCheckpoint(makeModel(dir, "gpt-tiny"));
        QVERIFY(runAndWait(p));
        QCOMPARE(static_cast<int>(p.result().steps.size()), 40);
    }

    void fewShotRunsAndBuildsPrompts()
    {
        QTemporaryDir dir;
        ui::FewShotPanel p;
        p.resize(1300, 850);
        p.show();
        p.setCheckpoint(makeModel(dir, "gpt-tiny"));
        {
            QSignalSpy ready(&p, &ui::FewShotPanel::taskReady);
            p.setTask(QStringLiteral("capitals-choice"));
            QVERIFY(ready.wait(60000));
        }
        QCOMPARE(p.task().name, std::string("capitals-choice"));
        p.setKs(QStringLiteral("0,2"));
        p.setItems(5);
        {
            QSignalSpy done(&p, &ui::FewShotPanel::finished);
            p.runNow();
            QVERIFY(done.wait(120000));
        }
        QCOMPARE(p.result().byK.size(), std::size_t(2));
        QCOMPARE(p.byKTable()->rowCount(), 2);
        QCOMPARE(p.result().chance, 0.25);

        // The prompt builder: K demonstrations, editable and in order, then each choice scored.
        p.selectItem(3);
        p.drawDemonstrations(3);
        QCOMPARE(p.demonstrations()->count(), 3);
        const FewShotItem& item = p.task().test[3];
        const QString prompt = p.assembledPrompt();
        QVERIFY(prompt.startsWith(QString::fromStdString(p.task().description)));
        QVERIFY(prompt.endsWith(QString::fromStdString(item.context)));
        p.demonstrations()->item(0)->setText(QStringLiteral("The capital of Narnia is Cair Paravel"));
        QVERIFY(p.assembledPrompt().contains(QStringLiteral("Cair Paravel")));
        {
            QSignalSpy scored(&p, &ui::FewShotPanel::scored);
            p.scoreNow();
            QVERIFY(scored.wait(60000));
        }
        QCOMPARE(p.scores().logLikelihood.size(), item.choices.size());
        QCOMPARE(p.choiceTable()->rowCount(), static_cast<int>(item.choices.size()));
        // Direct: the same prompt scored by core gives the same numbers.
        const ChoiceScores direct = scoreChoices(dir.path().toStdString() + "/gpt-tiny",
                                                 p.assembledPrompt().toStdString(), item.choices, p.task().answerContext);
        for (std::size_t c = 0; c < item.choices.size(); ++c) QVERIFY(std::abs(direct.logLikelihood[c] - p.scores().logLikelihood[c]) < 1e-6);

        // A free-form task answers by greedy decoding.
        {
            QSignalSpy ready(&p, &ui::FewShotPanel::taskReady);
            p.setTask(QStringLiteral("addition2"));
            QVERIFY(ready.wait(60000));
        }
        QSignalSpy scored(&p, &ui::FewShotPanel::scored);
        p.scoreNow();
        QVERIFY(scored.wait(60000));
        QCOMPARE(p.choiceTable()->rowCount(), 0);

        // Zero-shot: the model's row and the baselines'.
        QSignalSpy zero(&p, &ui::FewShotPanel::zeroShotDone);
        p.runZeroShotNow(QStringLiteral("lastword"), 3);
        QVERIFY(zero.wait(120000));
        QCOMPARE(p.zeroShotResult().items, 3);
        QCOMPARE(p.zeroShotTable()->rowCount(), 4);
        QCOMPARE(p.zeroShotTable()->columnCount(), 3);
        QCOMPARE(p.tabs()->currentIndex(), 2);

        // TL;DR: ROUGE-1/2/L columns for the model, its no-hint ablation and three extractive baselines.
        p.runZeroShotNow(QStringLiteral("tldr"), 2);
        QVERIFY(zero.wait(120000));
        QCOMPARE(p.zeroShotResult().task, std::string("tldr"));
        QCOMPARE(p.zeroShotTable()->rowCount(), 5);
        QCOMPARE(p.zeroShotTable()->columnCount(), 4);
        QCOMPARE(p.zeroShotTable()->item(2, 1)->text(), QStringLiteral("%1%").arg(100 * p.zeroShotResult().rows[2].rouge1, 0, 'f', 1));
    }

    void scalingTabDrawsTheLaddersOfTheStore()
    {
        QTemporaryDir dir;
        const QString store = dir.path() + QStringLiteral("/runs.sqlite");
        ui::FewShotPanel p;
        p.setStorePath(store);
        // An empty store says how to make a ladder.
        QCOMPARE(p.scalingView()->ladderCombo()->count(), 0);
        QVERIFY(p.scalingView()->summaryLabel()->text().contains(QStringLiteral("experiment scaling")));

        ScalingOptions o;
        o.rungs = parseLadder("1:32:1,2:64:2");
        o.steps = 4;
        o.set = {"batch_size=4", "seq_len=32", "eval_every=4", "checkpoint_every=4", "eval_batches=1", "threads=1"};
        o.taskItems = 2;
        ScalingObserver obs;
        StopToken stop;
        const ScalingResult r = runScaling(o, store.toStdString(), obs, stop);
        QCOMPARE(r.status, std::string("completed"));

        p.tabs()->setCurrentWidget(p.scalingView());  // showing the tab reads the store again
        ui::ScalingView* v = p.scalingView();
        QCOMPARE(v->ladderCombo()->count(), 1);
        QCOMPARE(v->table()->rowCount(), 2);
        QCOMPARE(v->table()->item(1, 2)->text(), QString::number(r.points[1].lr, 'g', 3));  // the learning rate each size trained with
        QCOMPARE(v->table()->item(1, 3)->text(), QString::number(r.points[1].evalLoss, 'f', 3));
        // The sizes, the fitted law and Kaplan's slope; the task lines and chance.
        QCOMPARE(v->lossPlot()->graphCount(), 3);
        QCOMPARE(v->lossPlot()->graph(0)->dataCount(), 2);
        QVERIFY(v->lossPlot()->graph(1)->name().contains(QString::number(r.fit.alpha, 'f', 3)));
        QCOMPARE(v->taskPlot()->graphCount(), 4);
        QCOMPARE(v->taskPlot()->graph(2)->dataCount(), 2);
        QVERIFY(v->summaryLabel()->text().contains(QString::number(r.fit.alpha, 'f', 3)));
    }
};

QTEST_MAIN(TestGenerateUi)
#include "test_generate_ui.moc"

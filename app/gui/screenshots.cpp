// pretrainlab-screenshots: drives the real workbench through a short real training run
// and saves what a user sees (QWidget::grab) for docs/screenshots. Run under Xvfb by
// scripts/screenshots.sh.
#include "core/api/Runs.h"
#include "core/util/Runtime.h"
#include "ui/attention/InspectPanel.h"
#include "ui/compare/CompareDialog.h"
#include "ui/worker/Inspector.h"
#include "ui/config/ConfigEditor.h"
#include "ui/distill/DistillPanel.h"
#include "ui/dynamics/DynamicsPanel.h"
#include "ui/electra/ExperimentDialog.h"
#include "ui/electra/ReplacedPanel.h"
#include "ui/curves/CurvesPanel.h"
#include "ui/finetune/FinetunePanel.h"
#include "ui/generate/GeneratePanel.h"
#include "ui/fewshot/FewShotPanel.h"
#include "ui/fewshot/ScalingView.h"
#include "ui/knowledge/FusionView.h"
#include "ui/knowledge/KnowledgePanel.h"
#include "ui/lessons/LessonsPanel.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/runs/RunsPanel.h"
#include "ui/worker/TrainingController.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QGroupBox>
#include <QMouseEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

static void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

static void save(QWidget* w, const QString& path)
{
    if (!w->grab().save(path)) std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
    else std::printf("wrote %s\n", qPrintable(path));
}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PretrainLab"));
    QApplication::setApplicationName(QStringLiteral("PretrainLab-screenshots"));
    QCommandLineParser parser;
    QCommandLineOption store(QStringLiteral("store"), QStringLiteral("run store"), QStringLiteral("DB"));
    QCommandLineOption out(QStringLiteral("out"), QStringLiteral("folder for the PNG files"), QStringLiteral("DIR"));
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("interface language"), QStringLiteral("LANG"), QStringLiteral("en"));
    QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("steps of the live run"), QStringLiteral("N"), QStringLiteral("150"));
    QCommandLineOption experimentSteps(QStringLiteral("experiment-steps"), QStringLiteral("ELECTRA steps of the equal-compute experiment (0: skip)"),
                                       QStringLiteral("N"), QStringLiteral("300"));
    QCommandLineOption distillSteps(QStringLiteral("distill-steps"), QStringLiteral("steps of the distillation run (0: skip)"), QStringLiteral("N"),
                                    QStringLiteral("60"));
    QCommandLineOption only(QStringLiteral("only"), QStringLiteral("only this part: distill, dynamics, electra-config, processes, finetune, transfer, generate, fewshot, zeroshot, scaling, knowledge, lessons"), QStringLiteral("PART"));
    QCommandLineOption finetuneRun(QStringLiteral("finetune-run"), QStringLiteral("the fine-tuning run shown (with --only finetune)"),
                                   QStringLiteral("ID"), QStringLiteral("1"));
    QCommandLineOption dynamicsRun(QStringLiteral("dynamics-run"), QStringLiteral("the run shown in the dynamics view and the baseline curve (default: the first)"),
                                   QStringLiteral("ID"), QStringLiteral("1"));
    QCommandLineOption lesson(QStringLiteral("lesson"), QStringLiteral("the lesson shown (with --only lessons; its runs in --store)"),
                              QStringLiteral("ID"), QStringLiteral("bert-mlm"));
    parser.addOptions({store, out, lang, steps, experimentSteps, distillSteps, only, dynamicsRun, finetuneRun, lesson});
    parser.addHelpOption();
    parser.process(app);
    QTranslator translator;
    if (translator.load(QLocale(parser.value(lang)), QStringLiteral("pretrainlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    ptl::initRuntime(0);
    const QString dir = parser.value(out);
    QDir().mkpath(dir);
    const QString suffix = parser.value(lang) == QLatin1String("en") ? QString() : QLatin1Char('-') + parser.value(lang);

    ptl::ui::MainWindow w(parser.value(store));
    w.resize(1560, 940);
    w.show();
    wait(500);
    auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("centralTabs"));
    bool finished = false;
    QObject::connect(w.controller(), &ptl::ui::TrainingController::runFinished, [&] { finished = true; });
    // What a run learned first, and its held-out loss against the unigram baseline.
    auto dynamicsShots = [&] {
        const qint64 id = parser.value(dynamicsRun).toLongLong();
        w.refreshRuns();
        w.runsPanel()->selectRun(id);
        wait(500);
        if (tabs) tabs->setCurrentWidget(w.dynamicsPanel());
        w.dynamicsPanel()->setRun(id);
        wait(500);
        save(&w, dir + QStringLiteral("/dynamics%1.png").arg(suffix));
        w.dynamicsPanel()->setHeadMeasure(1);
        wait(300);
        save(w.dynamicsPanel(), dir + QStringLiteral("/dynamics-previous-token%1.png").arg(suffix));
        w.curves()->setRuns({id});
        w.curves()->refreshNow();
        w.curves()->setMetric(QStringLiteral("eval_mlm_loss"));
        w.curves()->setXAxis(ptl::ui::CurvesPanel::Step);
        if (tabs) tabs->setCurrentWidget(w.curves());
        wait(400);
        save(w.curves(), dir + QStringLiteral("/curves-baseline%1.png").arg(suffix));
    };
    if (parser.value(only) == QLatin1String("lessons")) {
        // A lesson whose runs are in the store: its text, figures and verdict, then its view.
        ptl::ui::LessonsPanel* panel = w.lessonsPanel();
        panel->setLanguage(parser.value(lang) == QLatin1String("ko") ? QStringLiteral("ko") : QStringLiteral("en"));
        panel->selectLesson(parser.value(lesson));
        if (tabs) tabs->setCurrentWidget(panel);
        wait(500);
        save(&w, dir + QStringLiteral("/lesson-%1%2.png").arg(parser.value(lesson), suffix));
        if (panel->current()) w.openLessonView(*panel->current());
        wait(1500);
        save(&w, dir + QStringLiteral("/lesson-%1-view%2.png").arg(parser.value(lesson), suffix));
        return 0;
    }
    if (parser.value(only) == QLatin1String("finetune")) {
        // A fine-tuning run: the set-up with the model's input, its curves against the
        // baselines, the dev confusion matrix, and the results table.
        const qint64 id = parser.value(finetuneRun).toLongLong();
        auto* panel = w.finetunePanel();
        if (tabs) tabs->setCurrentWidget(panel);
        w.refreshRuns();
        w.runsPanel()->selectRun(id);
        panel->setRun(id);
        wait(6000);  // the task's baselines and the input preview come from the worker
        panel->showTab(0);
        wait(300);
        save(&w, dir + QStringLiteral("/finetune-curves%1.png").arg(suffix));
        panel->showTab(1);
        wait(300);
        save(panel, dir + QStringLiteral("/finetune-predictions%1.png").arg(suffix));
        panel->showTab(2);
        wait(300);
        save(panel, dir + QStringLiteral("/finetune-results%1.png").arg(suffix));
        return 0;
    }
    if (parser.value(only) == QLatin1String("transfer")) {
        // experiment transfer's runs in --store: pre-trained against random initialisation
        // by the number of labelled examples, one chart per task.
        auto* panel = w.finetunePanel();
        if (tabs) tabs->setCurrentWidget(panel);
        for (const QString task : {QStringLiteral("genre"), QStringLiteral("entail"), QStringLiteral("paraphrase")}) {
            panel->showTransfer(task);
            wait(400);
            save(panel, dir + QStringLiteral("/transfer-%1%2.png").arg(task, suffix));
        }
        return 0;
    }
    if (parser.value(only) == QLatin1String("generate")) {
        // The shipped GPT: a sampled continuation with one step's distribution, the beam
        // search tree, and greedy / beam / sampled side by side.
        auto* panel = w.generatePanel();
        if (tabs) tabs->setCurrentWidget(panel);
        auto run = [&](auto start) {
            bool done = false;
            auto c = QObject::connect(panel, &ptl::ui::GeneratePanel::generated, [&] { done = true; });
            start();
            for (int i = 0; i < 600 && !done; ++i) wait(50);
            QObject::disconnect(c);
        };
        panel->setPrompt(QStringLiteral("The jury said that the city"));
        panel->setStrategy(QStringLiteral("sample"));
        run([&] { panel->generateNow(); });
        panel->selectStep(3);
        wait(300);
        save(&w, dir + QStringLiteral("/generate-sample%1.png").arg(suffix));
        panel->setStrategy(QStringLiteral("beam"));
        run([&] { panel->generateNow(); });
        panel->tabs()->setCurrentIndex(1);
        wait(300);
        save(panel, dir + QStringLiteral("/generate-beam%1.png").arg(suffix));
        run([&] { panel->compareNow(); });
        wait(300);
        save(panel, dir + QStringLiteral("/generate-side-by-side%1.png").arg(suffix));
        return 0;
    }
    if (parser.value(only) == QLatin1String("knowledge")) {
        // WordNet: a word's senses and relations; a sentence's entity alignment; TransE's
        // link prediction (the shipped embeddings) and one query.
        auto* panel = w.knowledgePanel();
        if (tabs) tabs->setCurrentWidget(panel);
        auto run = [&](auto signal, auto start) {
            bool done = false;
            auto c = QObject::connect(panel, signal, [&] { done = true; });
            start();
            for (int i = 0; i < 2400 && !done; ++i) wait(50);
            QObject::disconnect(c);
        };
        panel->tabs()->setCurrentIndex(0);
        run(&ptl::ui::KnowledgePanel::lookedUp, [&] { panel->lookUp(QStringLiteral("car")); });
        wait(300);
        save(&w, dir + QStringLiteral("/knowledge-wordnet%1.png").arg(suffix));
        panel->tabs()->setCurrentIndex(1);
        run(&ptl::ui::KnowledgePanel::grounded,
            [&] { panel->ground(QStringLiteral("The farmer dug the ground with a spade to plant flowers near New York.")); });
        wait(300);
        save(panel, dir + QStringLiteral("/knowledge-alignment%1.png").arg(suffix));
        panel->tabs()->setCurrentIndex(2);
        wait(2000);  // the shipped embeddings' report
        run(&ptl::ui::KnowledgePanel::predicted, [&] { panel->predict(QStringLiteral("dog.n.01"), QStringLiteral("hypernym"), true); });
        wait(300);
        save(panel, dir + QStringLiteral("/knowledge-transe%1.png").arg(suffix));
        // ERNIE: the shipped ernie-mini-brown on a sentence with a [MASK].
        panel->tabs()->setCurrentIndex(3);
        run(&ptl::ui::KnowledgePanel::ernieInspected, [&] {
            panel->inspectErnie(QString::fromStdString(ptl::shippedErnieDir()),
                                QStringLiteral("The farmer dug the [MASK] with a spade to plant roses near the house."));
        });
        {
            auto* view = panel->fusionView();
            const QPointF at = view->entityRect(1).center();
            QMouseEvent hover(QEvent::MouseMove, at, view->mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
            QApplication::sendEvent(view, &hover);
        }
        wait(300);
        save(panel, dir + QStringLiteral("/knowledge-ernie%1.png").arg(suffix));
        // KagNET: the shipped model on a question its graph answers in three hops (window has
        // part pane, is a plate glass, made of glass).
        panel->tabs()->setCurrentIndex(4);
        run(&ptl::ui::KnowledgePanel::kagnetAnswered, [&] {
            panel->askKagNet(QString::fromStdString(ptl::shippedKagNetDir()), QStringLiteral("What is a window made of?"),
                             {QStringLiteral("glass"), QStringLiteral("water"), QStringLiteral("milk"), QStringLiteral("bread"), QStringLiteral("air")});
        });
        wait(300);
        save(panel, dir + QStringLiteral("/knowledge-kagnet%1.png").arg(suffix));
        return 0;
    }
    if (parser.value(only) == QLatin1String("scaling")) {
        // The model-size ladders of --store (experiment scaling's runs).
        auto* panel = w.fewShotPanel();
        if (tabs) tabs->setCurrentWidget(panel);
        panel->tabs()->setCurrentWidget(panel->scalingView());
        wait(500);
        save(panel, dir + QStringLiteral("/scaling%1.png").arg(suffix));
        return 0;
    }
    auto* fewShot = w.fewShotPanel();
    auto waitFor = [&](auto signal, auto start) {
        bool done = false;
        auto c = QObject::connect(fewShot, signal, [&] { done = true; });
        start();
        for (int i = 0; i < 2400 && !done; ++i) wait(50);
        QObject::disconnect(c);
    };
    if (parser.value(only) == QLatin1String("zeroshot")) {
        // GPT-2's zero-shot tasks on the shipped GPT: last words, then TL;DR summaries.
        auto* panel = fewShot;
        if (tabs) tabs->setCurrentWidget(panel);
        waitFor(&ptl::ui::FewShotPanel::zeroShotDone, [&] { panel->runZeroShotNow(QStringLiteral("lastword"), 207); });
        wait(300);
        save(panel, dir + QStringLiteral("/zeroshot-lastword%1.png").arg(suffix));
        waitFor(&ptl::ui::FewShotPanel::zeroShotDone, [&] { panel->runZeroShotNow(QStringLiteral("tldr"), 121); });
        wait(300);
        save(panel, dir + QStringLiteral("/zeroshot-tldr%1.png").arg(suffix));
        return 0;
    }
    if (parser.value(only) == QLatin1String("fewshot")) {
        // The shipped GPT on four-choice capitals at K = 0..8, then one prompt built by hand.
        auto* panel = fewShot;
        if (tabs) tabs->setCurrentWidget(panel);
        waitFor(&ptl::ui::FewShotPanel::taskReady, [&] { panel->setTask(QStringLiteral("capitals-choice")); });
        panel->setKs(QStringLiteral("0,1,2,4,8"));
        panel->setItems(100);
        waitFor(&ptl::ui::FewShotPanel::finished, [&] { panel->runNow(); });
        wait(300);
        save(&w, dir + QStringLiteral("/fewshot-by-k%1.png").arg(suffix));
        panel->tabs()->setCurrentIndex(1);
        panel->selectItem(1);
        panel->drawDemonstrations(3);
        waitFor(&ptl::ui::FewShotPanel::scored, [&] { panel->scoreNow(); });
        wait(300);
        save(panel, dir + QStringLiteral("/fewshot-prompt%1.png").arg(suffix));
        return 0;
    }
    if (parser.value(only) == QLatin1String("dynamics")) {
        dynamicsShots();
        return 0;
    }
    // Scrolls the configuration editor so that a field shows, its left edge in view.
    auto showInEditor = [&](QWidget* target, int margin) {
        auto* scroll = w.configEditor()->findChild<QScrollArea*>();
        if (!scroll || !target) return;
        scroll->ensureWidgetVisible(target, 0, margin);
        scroll->horizontalScrollBar()->setValue(0);
    };
    if (parser.value(only) == QLatin1String("processes")) {
        // Data-parallel: processes on this machine, the global batch and each one's share.
        w.configEditor()->setPreset(QStringLiteral("bert-mini"));
        ptl::JobSpec spec = w.configEditor()->spec();
        spec.train.processes = 2;
        w.configEditor()->setSpec(spec);
        wait(300);
        showInEditor(w.configEditor()->findChild<QLabel*>(QStringLiteral("globalBatch")), 250);
        wait(300);
        save(&w, dir + QStringLiteral("/processes%1.png").arg(suffix));
        return 0;
    }
    if (parser.value(only) == QLatin1String("extra-text")) {
        // Training-only text beside the corpus (README, Training), and the memory estimate.
        w.configEditor()->setPreset(QStringLiteral("gpt-mini"));
        ptl::JobSpec spec = w.configEditor()->spec();
        spec.extra_corpus = "/home/student/extra (scripts/extra_corpus.py)";
        w.configEditor()->setSpec(spec);
        wait(300);
        auto* field = w.configEditor()->findChild<QLineEdit*>(QStringLiteral("extra_corpus"));
        showInEditor(field, 250);
        if (field) field->setToolTip(QString());
        wait(300);
        save(&w, dir + QStringLiteral("/extra-text%1.png").arg(suffix));
        return 0;
    }
    if (parser.value(only) == QLatin1String("electra-config")) {
        // ELECTRA's settings, with the experiments on its collapse (README, ELECTRA).
        w.configEditor()->setPreset(QStringLiteral("electra-tiny"));
        if (auto* more = w.configEditor()->findChild<QGroupBox*>(QStringLiteral("more"))) more->setChecked(true);
        wait(300);
        showInEditor(w.configEditor()->findChild<QComboBox*>(QStringLiteral("replacements")), 200);
        wait(300);
        save(&w, dir + QStringLiteral("/electra-config%1.png").arg(suffix));
        return 0;
    }
    if (parser.value(only) == QLatin1String("distill")) goto distill;
    {

    // A live run from the configuration editor, as a user would start it.
    ptl::JobSpec spec = w.configEditor()->spec();
    spec.name = "bert-tiny live";
    spec.train.steps = parser.value(steps).toInt();
    spec.train.eval_every = 50;
    spec.train.checkpoint_every = 1000;
    w.configEditor()->setSpec(spec);
    finished = false;
    w.controller()->start(w.configEditor()->spec());
    while (w.controller()->lastProgress().step < spec.train.steps / 2 && !finished) wait(100);
    wait(300);
    save(&w, dir + QStringLiteral("/training%1.png").arg(suffix));
    while (!finished) wait(100);
    wait(500);

    // Every run overlaid, then compared.
    QList<qint64> all;
    for (const auto& r : ptl::listRuns(parser.value(store).toStdString())) all << r.id;
    w.curves()->setRuns(all);
    w.curves()->refreshNow();
    w.curves()->setMetric(QStringLiteral("loss"));
    wait(300);
    save(&w, dir + QStringLiteral("/curves%1.png").arg(suffix));
    w.curves()->setMetric(QStringLiteral("eval_mlm_accuracy"));
    w.curves()->setXAxis(ptl::ui::CurvesPanel::TokensSeen);
    wait(300);
    save(w.curves(), dir + QStringLiteral("/accuracy-by-tokens%1.png").arg(suffix));
    ptl::ui::CompareDialog compare(parser.value(store), all, &w);
    compare.resize(900, 640);
    compare.show();
    wait(300);
    save(&compare, dir + QStringLiteral("/compare%1.png").arg(suffix));
    compare.close();

    // Inside the model, on the shipped BERT-mini when it is there.
    if (tabs && w.inspectPanel()->inspector()->hasModel()) {
        tabs->setCurrentIndex(1);
        bool shown = false;
        QObject::connect(w.inspectPanel(), &ptl::ui::InspectPanel::resultShown, [&] { shown = true; });
        w.inspectPanel()->setText(QStringLiteral("The jury said the [MASK] was conducted in a fair manner ."),
                                  QStringLiteral("Nobody objected to the result ."));
        for (int i = 0; i < 100 && !shown; ++i) wait(100);
        wait(400);
        save(&w, dir + QStringLiteral("/inside-head-view%1.png").arg(suffix));
        if (auto* inner = w.inspectPanel()->findChild<QTabWidget*>()) {
            inner->setCurrentIndex(1);
            wait(300);
            save(&w, dir + QStringLiteral("/inside-model-view%1.png").arg(suffix));
        }
        tabs->setCurrentIndex(2);
        wait(2500);
        save(&w, dir + QStringLiteral("/masking%1.png").arg(suffix));
    }

    // ELECTRA: a live run, its replaced-token view on the training batch, then typed text.
    if (tabs) {
        ptl::JobSpec e = ptl::JobSpec::fromPreset("electra-tiny");
        e.name = "electra-tiny live";
        e.train.steps = 2 * parser.value(steps).toInt();
        e.train.eval_every = 100;
        e.train.probe_every = 20;
        e.train.checkpoint_every = 1000;
        w.configEditor()->setSpec(e);
        finished = false;
        tabs->setCurrentWidget(w.replacedPanel());
        w.controller()->start(w.configEditor()->spec());
        while (!finished) wait(100);
        wait(800);
        save(&w, dir + QStringLiteral("/electra-replaced%1.png").arg(suffix));
        bool shown = false;
        QObject::connect(w.replacedPanel(), &ptl::ui::ReplacedPanel::viewShown, [&] { shown = true; });
        w.replacedPanel()->showTyped(QStringLiteral("The jury said the election was conducted in a fair manner and praised the city officials ."), true, 3);
        for (int i = 0; i < 100 && !shown; ++i) wait(100);
        wait(400);
        save(&w, dir + QStringLiteral("/electra-typed%1.png").arg(suffix));
    }

    // The equal-compute experiment, started from its dialog.
    if (const int n = parser.value(experimentSteps).toInt(); n > 0) {
        ptl::ui::ExperimentDialog* dlg = w.showExperiment();
        dlg->setElectraSteps(n);
        dlg->setProbePoints(3);
        bool done = false;
        QObject::connect(dlg, &ptl::ui::ExperimentDialog::experimentDone, [&] { done = true; });
        dlg->start();
        while (!done) wait(200);
        wait(500);
        save(dlg, dir + QStringLiteral("/electra-vs-bert%1.png").arg(suffix));
        dlg->close();
    }
    }
distill:
    // Distillation: a DistilBERT student of the shipped BERT-mini, started from its panel.
    if (const int n = parser.value(distillSteps).toInt(); n > 0 && tabs) {
        ptl::ui::DistillPanel* d = w.distillPanel();
        tabs->setCurrentWidget(d);
        wait(300);
        ptl::JobSpec s = d->spec();
        if (d->validationMessage().isEmpty()) {
            finished = false;
            qint64 runId = 0;
            QObject::connect(w.controller(), &ptl::ui::TrainingController::runStarted, [&](qint64 id, const QString&) { runId = id; });
            s.train.steps = n;
            s.train.eval_every = std::max(1, n / 4);
            s.name = "distilbert of bert-mini-brown";
            Q_EMIT d->startRequested(s);
            while (!finished) wait(200);
            wait(500);
            w.refreshRuns();
            w.runsPanel()->selectRun(runId);
            wait(500);
            bool shown = false, measured = false;
            QObject::connect(d, &ptl::ui::DistillPanel::attentionShown, [&] { shown = true; });
            QObject::connect(d, &ptl::ui::DistillPanel::measured, [&] { measured = true; });
            d->compareAttention(QStringLiteral("The jury said the election was conducted in a fair manner ."));
            for (int i = 0; i < 300 && !shown; ++i) wait(100);
            wait(300);
            save(&w, dir + QStringLiteral("/distill-attention%1.png").arg(suffix));
            if (auto* inner = d->findChild<QTabWidget*>()) {
                inner->setCurrentIndex(1);
                wait(300);
                save(&w, dir + QStringLiteral("/distill-losses%1.png").arg(suffix));
                inner->setCurrentIndex(2);
                d->measure();
                for (int i = 0; i < 1200 && !measured; ++i) wait(100);
                wait(300);
                save(&w, dir + QStringLiteral("/distill-table%1.png").arg(suffix));
            }
        }
    }
    return 0;
}

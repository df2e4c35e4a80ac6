#include "ui/mainwindow/MainWindow.h"
#include "core/api/Runs.h"
#include "core/api/ModelSession.h"
#include "ui/attention/InspectPanel.h"
#include "ui/compare/CompareDialog.h"
#include "ui/masking/MaskingPanel.h"
#include "ui/distill/DistillPanel.h"
#include "ui/finetune/FinetunePanel.h"
#include "ui/generate/GeneratePanel.h"
#include "ui/fewshot/FewShotPanel.h"
#include "ui/knowledge/KnowledgePanel.h"
#include "ui/dynamics/DynamicsPanel.h"
#include "ui/electra/ExperimentDialog.h"
#include "ui/electra/ReplacedPanel.h"
#include "ui/config/ConfigEditor.h"
#include "ui/curves/CurvesPanel.h"
#include "ui/log/LogPanel.h"
#include "ui/lessons/LessonsPanel.h"
#include "core/api/Lessons.h"
#include "core/util/Error.h"
#include "ui/runs/RunsModel.h"
#include "ui/runs/RunsPanel.h"
#include "ui/worker/TrainingController.h"

#include <QAction>
#include <QActionGroup>
#include <QFileDialog>
#include <QLocale>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QStatusBar>
#include <QStyle>
#include <QFileInfo>
#include <QTabWidget>
#include <QToolBar>

namespace ptl {
namespace ui {

MainWindow::MainWindow(QString storePath, QWidget* parent) : QMainWindow(parent), storePath_(std::move(storePath))
{
    setWindowTitle(tr("PretrainLab"));
    resize(1500, 920);
    setDockNestingEnabled(true);

    controller_ = new TrainingController(storePath_, this);
    curves_ = new CurvesPanel(storePath_, this);
    inspect_ = new InspectPanel(this);
    auto* centre = new QTabWidget(this);
    centre->setObjectName(QStringLiteral("centralTabs"));
    centre->setDocumentMode(true);
    centre->addTab(curves_, tr("Training curves"));
    centre->addTab(inspect_, tr("Inside the model"));
    auto* masking = masking_ = new MaskingPanel(inspect_->inspector(), this);
    centre->addTab(masking, tr("Masking inspector"));
    replaced_ = new ReplacedPanel(storePath_, this);
    centre->addTab(replaced_, tr("Replaced tokens (ELECTRA)"));
    distill_ = new DistillPanel(storePath_, this);
    centre->addTab(distill_, tr("Distillation"));
    finetune_ = new FinetunePanel(storePath_, this);
    centre->addTab(finetune_, tr("Fine-tuning"));
    generate_ = new GeneratePanel(this);
    centre->addTab(generate_, tr("Generation"));
    fewShot_ = new FewShotPanel(this);
    fewShot_->setStorePath(storePath_);
    centre->addTab(fewShot_, tr("Zero- and few-shot"));
    dynamics_ = new DynamicsPanel(storePath_, this);
    centre->addTab(dynamics_, tr("What it learns first"));
    knowledge_ = new KnowledgePanel(this);
    centre->addTab(knowledge_, tr("Knowledge"));
    // The lessons come first: a fresh profile opens on them (a student starts there).
    lessons_ = new LessonsPanel(storePath_, this);
    centre->insertTab(0, lessons_, tr("Lessons"));
    const bool fresh = !QSettings().value(QStringLiteral("lessons/seen")).toBool();
    centre->setCurrentWidget(fresh ? static_cast<QWidget*>(lessons_) : curves_);
    QSettings().setValue(QStringLiteral("lessons/seen"), true);
    setCentralWidget(centre);
    // Every view shows a trained model without waiting: the shipped BERT-mini.
    if (QFileInfo::exists(QString::fromStdString(shippedModelDir()) + QStringLiteral("/model.safetensors")))
        inspect_->openModel(QString::fromStdString(shippedModelDir()));
    runs_ = new RunsPanel(storePath_, this);
    config_ = new ConfigEditor(this);
    log_ = new LogPanel(this);
    QDockWidget* runsDock = dock(tr("Runs"), QStringLiteral("runs"), runs_, Qt::LeftDockWidgetArea);
    QDockWidget* configDock = dock(tr("Configuration"), QStringLiteral("configuration"), config_, Qt::RightDockWidgetArea);
    QDockWidget* logDock = dock(tr("Log"), QStringLiteral("log"), log_, Qt::BottomDockWidgetArea);
    // Sizes for a first start (a saved layout replaces them below); the dock layout takes
    // them only once the window has its size, hence after the first show.
    QTimer::singleShot(0, this, [this, runsDock, configDock, logDock] {
        if (!QSettings().contains(QStringLiteral("window/state"))) {
            resizeDocks({runsDock, configDock}, {380, 420}, Qt::Horizontal);
            resizeDocks({logDock}, {130}, Qt::Vertical);
        }
    });

    statusStep_ = new QLabel(this);
    statusSpeed_ = new QLabel(this);
    statusEta_ = new QLabel(this);
    statusPrecision_ = new QLabel(this);
    for (QLabel* l : {statusStep_, statusSpeed_, statusEta_, statusPrecision_}) statusBar()->addPermanentWidget(l);
    statusBar()->showMessage(tr("Run store: %1").arg(storePath_));

    buildActions();
    buildMenus();

    connect(config_, &ConfigEditor::startRequested, this, [this](const JobSpec& spec) {
        log_->append(tr("Starting %1 (%2, %3 steps)…").arg(QString::fromStdString(spec.name), QString::fromStdString(spec.objective())).arg(spec.train.steps));
        controller_->start(spec);
    });
    connect(distill_, &DistillPanel::startRequested, this, [this](const JobSpec& spec) {
        log_->append(tr("Starting %1 (%2, %3 steps) from the teacher %4…")
                         .arg(QString::fromStdString(spec.name), QString::fromStdString(spec.objective()))
                         .arg(spec.train.steps)
                         .arg(QString::fromStdString(spec.distill.teacher)));
        controller_->start(spec);
    });
    connect(finetune_, &FinetunePanel::startRequested, this, [this](const JobSpec& spec) {
        log_->append(tr("Starting %1 (%2, %3 steps) from %4…")
                         .arg(QString::fromStdString(spec.name), QString::fromStdString(spec.objective()))
                         .arg(spec.train.steps)
                         .arg(QString::fromStdString(spec.finetune.from_scratch ? tr("random weights").toStdString() : spec.finetune.checkpoint)));
        controller_->start(spec);
    });
    connect(controller_, &TrainingController::stateChanged, this, &MainWindow::updateActions);
    connect(lessons_, &LessonsPanel::editRunRequested, this, [this](const QString& json) {
        QString error;
        if (!config_->setFromConfigJson(json, &error)) QMessageBox::warning(this, tr("Copy the run"), error);
        else log_->append(tr("The lesson's run is in the configuration editor; change it and press Start."));
    });
    connect(lessons_, &LessonsPanel::runRequested, this, [this](const Lesson& l, const std::vector<std::string>& extra) {
        if (controller_->isRunning()) return;
        log_->append(tr("Lesson %1: training its %2 runs (a run already completed in the store is reused)…")
                         .arg(QString::fromStdString(l.id))
                         .arg(l.runs.size()));
        lessonRunning_ = QString::fromStdString(l.id);
        controller_->startLesson(l, extra);
        lessons_->setRunning(true, lessonRunning_);
    });
    connect(lessons_, &LessonsPanel::stopRequested, this, [this] {
        log_->append(tr("Stopping the lesson after the current step…"));
        controller_->stop();
    });
    connect(controller_, &TrainingController::experimentPhase, this, [this](const QString& what) {
        if (!lessonRunning_.isEmpty()) log_->append(tr("Lesson %1: %2").arg(lessonRunning_, what));
    });
    connect(controller_, &TrainingController::lessonFinished, this, [this](const QString& id, const QString& status, const QString& message) {
        lessonRunning_.clear();
        lessons_->setRunning(false);
        if (status == QLatin1String("completed")) log_->append(tr("Lesson %1 finished: its figures and verdict are in the Lessons tab.").arg(id));
        else log_->appendError(tr("Lesson %1 %2%3").arg(id, status, message.isEmpty() ? QString() : QStringLiteral(": ") + message));
    });
    connect(controller_, &TrainingController::lessonMeasured, lessons_, &LessonsPanel::setMeasured);
    connect(lessons_, &LessonsPanel::openViewRequested, this, &MainWindow::openLessonView);
    connect(lessons_, &LessonsPanel::exportRequested, this, [this](const Lesson& l) {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the lesson into a folder"));
        if (dir.isEmpty()) return;
        QString error;
        const QString sub = dir + QLatin1Char('/') + QString::fromStdString(l.id);
        if (!exportLesson(l, sub, &error)) QMessageBox::warning(this, tr("Export the lesson"), error);
        else log_->append(tr("Lesson %1 exported to %2").arg(QString::fromStdString(l.id), sub));
    });
    connect(controller_, &TrainingController::runStarted, this, [this](qint64 id, const QString& dir) {
        log_->append(tr("Run %1 started; checkpoints in %2").arg(id).arg(dir));
        runs_->refresh();
        runs_->selectRun(id);
        showCurvesFor(runs_->selectedRunIds());
        finetune_->setRun(id);
    });
    connect(controller_, &TrainingController::progressed, this, &MainWindow::onProgress);
    connect(controller_, &TrainingController::metricsArrived, this, [this](qint64 id, qint64) {
        curves_->notifyNewPoints(id);
        if (distill_->isVisible()) distill_->showLossesOf(id);
        if (finetune_->isVisible()) finetune_->showMetricsOf(id);
    });
    connect(controller_, &TrainingController::checkpointWritten, this, [this](qint64, qint64 step, const QString& path) {
        log_->append(tr("Checkpoint at step %1: %2").arg(step).arg(path));
    });
    connect(controller_, &TrainingController::runFinished, this, [this](qint64 id, const QString& status, const QString& message) {
        const QString line = tr("Run %1 %2%3").arg(id).arg(RunsModel::statusText(status.toStdString()), message.isEmpty() ? QString() : QStringLiteral(": ") + message);
        if (status == QLatin1String("completed") || status == QLatin1String("cancelled")) log_->append(line);
        else log_->appendError(line);
        runs_->refresh();
        curves_->refreshNow();
        if (selected_.size() <= 1 && id > 0) distill_->setRun(id);  // a finished distillation: its student is ready to compare
        if (id > 0) finetune_->setRun(id);                          // a fine-tuning run: its test score and results
        statusBar()->showMessage(line, 10000);
        if (status == QLatin1String("failed") || status == QLatin1String("diverged"))
            QMessageBox::warning(this, tr("Training %1").arg(RunsModel::statusText(status.toStdString())), message);
    });
    connect(runs_, &RunsPanel::selectionChanged, this, &MainWindow::showCurvesFor);
    connect(runs_, &RunsPanel::duplicateRequested, this, [this](const QString& json) {
        QString error;
        if (!config_->setFromConfigJson(json, &error)) QMessageBox::warning(this, tr("Duplicate"), error);
        else log_->append(tr("Configuration copied into the editor; change it and press Start."));
    });
    connect(runs_, &RunsPanel::resumeRequested, this, [this](qint64 id) {
        log_->append(tr("Resuming run %1 from its last checkpoint…").arg(id));
        controller_->resumeRun(id);
    });
    connect(runs_, &RunsPanel::compareRequested, this, &MainWindow::compare);
    connect(runs_, &RunsPanel::historyRequested, this, [this, centre](qint64 id) {
        inspect_->showHistory(storePath_, id);
        centre->setCurrentWidget(inspect_);
    });
    connect(controller_, &TrainingController::snapshotArrived, inspect_, &InspectPanel::appendSnapshot);
    connect(controller_, &TrainingController::snapshotArrived, masking, &MaskingPanel::showTrainingBatch);
    connect(controller_, &TrainingController::snapshotArrived, replaced_, &ReplacedPanel::appendSnapshot);
    connect(controller_, &TrainingController::snapshotArrived, dynamics_, &DynamicsPanel::appendSnapshot);
    connect(controller_, &TrainingController::snapshotArrived, finetune_, &FinetunePanel::appendSnapshot);
    connect(runs_, &RunsPanel::inspectRequested, this, [this, centre](const QString& dir) {
        inspect_->openModel(dir);
        centre->setCurrentWidget(inspect_);
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateActions();
    // Open on something to look at: the newest run's curves.
    if (const RunSummary* newest = runs_->model()->run(runs_->model()->rowCount() - 1)) runs_->selectRun(newest->id);
}

MainWindow::~MainWindow() = default;

RunsModel* MainWindow::runsModel() const { return runs_->model(); }

void MainWindow::refreshRuns() { runs_->refresh(); }

QDockWidget* MainWindow::dock(const QString& title, const QString& objectName, QWidget* w, Qt::DockWidgetArea area)
{
    auto* d = new QDockWidget(title, this);
    d->setObjectName(objectName);  // saveState needs names
    d->setWidget(w);
    addDockWidget(area, d);
    return d;
}

void MainWindow::buildActions()
{
    QStyle* st = style();
    start_ = new QAction(st->standardIcon(QStyle::SP_MediaPlay), tr("&Start training"), this);
    start_->setShortcut(QKeySequence(Qt::Key_F5));
    start_->setToolTip(tr("Start a run with the configuration on the right (F5)"));
    pause_ = new QAction(st->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this);
    pause_->setShortcut(QKeySequence(Qt::Key_F6));
    resume_ = new QAction(st->standardIcon(QStyle::SP_MediaSeekForward), tr("&Resume"), this);
    resume_->setShortcut(QKeySequence(Qt::Key_F7));
    stop_ = new QAction(st->standardIcon(QStyle::SP_MediaStop), tr("S&top"), this);
    stop_->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    stop_->setToolTip(tr("Stop within a step, with a final checkpoint: the run can be resumed (Shift+F5)"));
    connect(start_, &QAction::triggered, this, [this] {
        if (!config_->validationMessage().isEmpty()) {
            QMessageBox::information(this, tr("Cannot start"), config_->validationMessage());
            return;
        }
        Q_EMIT config_->startRequested(config_->spec());
    });
    connect(pause_, &QAction::triggered, controller_, &TrainingController::pause);
    connect(resume_, &QAction::triggered, controller_, &TrainingController::resume);
    connect(stop_, &QAction::triggered, this, [this] {
        log_->append(tr("Stopping after the current step…"));
        controller_->stop();
    });
    auto* bar = addToolBar(tr("Training"));
    bar->setObjectName(QStringLiteral("training-toolbar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({start_, pause_, resume_, stop_});
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* refresh = file->addAction(tr("&Refresh runs"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, &MainWindow::refreshRuns);
    QAction* exportCurves = file->addAction(tr("&Export curves…"));
    exportCurves->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(exportCurves, &QAction::triggered, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Export curves"), QStringLiteral("curves.png"),
                                                       tr("PNG image (*.png);;PDF (*.pdf);;SVG (*.svg);;CSV of what is shown (*.csv)"));
        QString error;
        if (!f.isEmpty() && !curves_->exportTo(f, &error)) QMessageBox::warning(this, tr("Export curves"), error);
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* training = menuBar()->addMenu(tr("&Training"));
    training->addActions({start_, pause_, resume_, stop_});

    QMenu* experiments = menuBar()->addMenu(tr("E&xperiments"));
    QAction* equal = experiments->addAction(tr("&ELECTRA vs BERT at equal compute…"));
    equal->setToolTip(tr("Train BERT-tiny (MLM) and ELECTRA-tiny with the same FLOPs and compare their encoders"));
    connect(equal, &QAction::triggered, this, &MainWindow::showExperiment);

    QMenu* lessonsMenu = menuBar()->addMenu(tr("&Lessons"));
    for (const Lesson& l : lessons_->lessons()) {
        QAction* a = lessonsMenu->addAction(tr("%1. %2").arg(l.chapter).arg(QString::fromStdString(l.title.in(lessons_->language().toStdString()))));
        connect(a, &QAction::triggered, this, [this, id = QString::fromStdString(l.id)] {
            lessons_->selectLesson(id);
            if (auto* tabs = findChild<QTabWidget*>(QStringLiteral("centralTabs"))) tabs->setCurrentWidget(lessons_);
        });
    }

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* d : findChildren<QDockWidget*>()) view->addAction(d->toggleViewAction());
    view->addSeparator();
    QMenu* language = view->addMenu(tr("&Language"));
    auto* group = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    for (const auto& [code, label] : {std::pair{QStringLiteral(""), tr("System default")}, std::pair{QStringLiteral("en"), QStringLiteral("English")},
                                      std::pair{QStringLiteral("ko"), QStringLiteral("한국어")}}) {
        QAction* a = language->addAction(label);
        a->setCheckable(true);
        a->setChecked(current == code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("language"), code);
            QMessageBox::information(this, tr("Language"), tr("The language changes when PretrainLab starts next time."));
        });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About PretrainLab"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::updateActions()
{
    const bool running = controller_->isRunning(), paused = controller_->isPaused();
    start_->setEnabled(!running);
    pause_->setEnabled(running && !paused);
    resume_->setEnabled(running && paused);
    stop_->setEnabled(running);
    config_->setStartEnabled(!running);
    distill_->setStartEnabled(!running);
    finetune_->setStartEnabled(!running);
    lessons_->setRunning(running, lessonRunning_);
    if (!running) {
        statusStep_->clear();
        statusSpeed_->clear();
        statusEta_->clear();
        statusPrecision_->clear();
    } else if (paused) {
        statusEta_->setText(tr("paused"));
    }
}

void MainWindow::onProgress(const ProgressInfo& p)
{
    statusStep_->setText(tr("run %1 · step %2/%3 · loss %4").arg(controller_->activeRunId()).arg(p.step).arg(p.totalSteps).arg(p.loss, 0, 'f', 4));
    statusSpeed_->setText(tr("%1 tokens/s").arg(QLocale().toString(p.tokensPerSecond, 'f', 0)));
    const auto eta = static_cast<long long>(p.etaSeconds + 0.5);
    statusEta_->setText(tr("ETA %1:%2").arg(eta / 60).arg(eta % 60, 2, 10, QLatin1Char('0')));
    statusPrecision_->setText(tr("%1 · %2 threads").arg(QString::fromStdString(p.precision)).arg(p.threads));
}

void MainWindow::showCurvesFor(const QList<qint64>& selected)
{
    selected_ = selected;
    if (selected.size() == 1) {
        replaced_->setRun(selected.front());
        distill_->setRun(selected.front());
        dynamics_->setRun(selected.front());
        finetune_->setRun(selected.front());
    }
    QList<qint64> ids = selected;
    if (controller_->isRunning() && controller_->activeRunId() > 0 && !ids.contains(controller_->activeRunId()) && ids.isEmpty())
        ids << controller_->activeRunId();
    curves_->setRuns(ids);
}

ExperimentDialog* MainWindow::showExperiment()
{
    if (!experiment_) {
        experiment_ = new ExperimentDialog(controller_, this);
        connect(experiment_, &ExperimentDialog::showRunsRequested, this, [this](qint64 b, qint64 e) {
            curves_->setRuns({b, e});
            curves_->setXAxis(CurvesPanel::Flops);
            curves_->setMetric(QStringLiteral("genre_probe_accuracy"));
            if (auto* tabs = findChild<QTabWidget*>(QStringLiteral("centralTabs"))) tabs->setCurrentWidget(curves_);
        });
        connect(experiment_, &ExperimentDialog::experimentDone, this, [this](bool ok) {
            if (ok) log_->append(tr("Equal-compute experiment finished. %1").arg(experiment_->headline()));
            else log_->appendError(tr("The equal-compute experiment did not complete."));
        });
    }
    experiment_->show();
    experiment_->raise();
    experiment_->activateWindow();
    return experiment_;
}

void MainWindow::openLessonView(const Lesson& l)
{
    auto* tabs = findChild<QTabWidget*>(QStringLiteral("centralTabs"));
    if (lessons_->current() && lessons_->current()->id == l.id) lessons_->refreshResult();
    const LessonResult& r = lessons_->result();
    QList<qint64> ids;
    for (const LessonRun& run : l.runs)
        if (const auto it = r.runIds.find(run.id); it != r.runIds.end()) ids << it->second;
    const QString metric = QString::fromStdString(l.focus.metric);
    const QString text = QString::fromStdString(l.focus.text);
    if (!ids.isEmpty()) {
        curves_->setRuns(ids);
        if (!metric.isEmpty()) curves_->setMetric(metric);
    } else {
        statusBar()->showMessage(tr("The lesson has not run yet: press Run the lesson to fill this view with its runs."), 10000);
    }
    // The model the view opens: the lesson's focus, else its last run's checkpoint.
    QString model;
    try {
        if (!l.focus.model.empty()) model = QString::fromStdString(lessonModelDir(l.focus.model, r.runIds, storePath_.toStdString()));
        else if (!l.runs.empty() && r.runIds.count(l.runs.back().id))
            model = QString::fromStdString(lessonModelDir("run:" + l.runs.back().id, r.runIds, storePath_.toStdString()));
    } catch (const Error&) {
        model.clear();  // not run yet: the view keeps the model it has
    }
    QWidget* view = curves_;
    const std::string& v = l.view;
    if (v == "inspect") {
        if (!model.isEmpty()) inspect_->openModel(model);
        if (!text.isEmpty()) inspect_->setText(text);
        view = inspect_;
    } else if (v == "masking") {
        if (!text.isEmpty()) masking_->setText(text);
        view = masking_;
    } else if (v == "replaced") {
        if (!l.focus.model.empty() && !model.isEmpty()) {
            replaced_->openModel(model);
            if (!text.isEmpty()) replaced_->showTyped(text, true, 1);
        } else if (!ids.isEmpty()) {
            replaced_->setRun(ids.front());
        }
        view = replaced_;
    } else if (v == "distill") {
        if (!ids.isEmpty()) distill_->setRun(ids.front());
        view = distill_;
    } else if (v == "finetune") {
        if (!ids.isEmpty()) finetune_->setRun(ids.front());
        view = finetune_;
    } else if (v == "dynamics") {
        if (!ids.isEmpty()) dynamics_->setRun(ids.front());
        view = dynamics_;
    } else if (v == "generate") {
        if (!model.isEmpty()) generate_->setCheckpoint(model);
        if (!text.isEmpty()) generate_->setPrompt(text);
        view = generate_;
    } else if (v == "fewshot") {
        if (!model.isEmpty()) fewShot_->setCheckpoint(model);
        if (!l.focus.task.empty()) fewShot_->setTask(QString::fromStdString(l.focus.task));
        view = fewShot_;
    } else if (v == "knowledge") {
        view = knowledge_;
    }
    if (tabs) tabs->setCurrentWidget(view);
}

bool MainWindow::exportLesson(const Lesson& l, const QString& dir, QString* error)
{
    lessons_->selectLesson(QString::fromStdString(l.id));
    lessons_->refreshResult();
    if (!lessons_->exportTo(dir, error)) return false;
    // The lesson's view and the curves of its runs, as the student sees them.
    auto* tabs = findChild<QTabWidget*>(QStringLiteral("centralTabs"));
    QWidget* before = tabs ? tabs->currentWidget() : nullptr;
    openLessonView(l);
    if (tabs && tabs->currentWidget()) {
        QWidget* view = tabs->currentWidget();
        view->resize(tabs->size());
        if (!view->grab().save(dir + QStringLiteral("/view.png"))) {
            if (error) *error = tr("Could not write %1").arg(dir + QStringLiteral("/view.png"));
            return false;
        }
    }
    if (!l.focus.metric.empty() && !lessons_->result().runIds.empty()) {
        curves_->setMetric(QString::fromStdString(l.focus.metric));
        for (const char* f : {"/curves.png", "/curves.pdf"})
            if (!curves_->exportTo(dir + QLatin1String(f), error)) return false;
    }
    if (tabs && before) tabs->setCurrentWidget(before);
    return true;
}

void MainWindow::compare(const QList<qint64>& ids)
{
    curves_->setRuns(ids);
    auto* dlg = new CompareDialog(storePath_, ids, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->show();
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    if (controller_->isRunning()) {
        const auto answer = QMessageBox::question(this, tr("Training is running"),
                                                  tr("Stop the run and close? It stops after the current step with a final checkpoint, "
                                                     "and can be resumed later from the Runs panel."),
                                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) {
            e->ignore();
            return;
        }
        controller_->stop();
        statusBar()->showMessage(tr("Stopping the run…"));
        controller_->waitUntilFinished();
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    e->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About PretrainLab"),
                       tr("<h3>PretrainLab %1</h3><p>A workbench for seeing inside transformer pre-training: "
                          "BERT, GPT, ALBERT and ELECTRA on an ordinary CPU.</p>")
                           .arg(QStringLiteral(PTL_VERSION)));
}

} // namespace ui
} // namespace ptl

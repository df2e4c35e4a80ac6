#include "ui/electra/ExperimentDialog.h"
#include "core/api/Bench.h"
#include "core/api/Experiment.h"
#include "ui/common/QCustomPlot.h"
#include "ui/worker/TrainingController.h"

#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>
#include <nlohmann/json.hpp>

namespace ptl {
namespace ui {

namespace {
const QColor kArm[2] = {QColor(0x42, 0x85, 0xf4), QColor(0xd3, 0x2f, 0x2f)};

QString flopsText(double f) { return QString::number(f, 'e', 2); }
} // namespace

ExperimentDialog::ExperimentDialog(TrainingController* controller, QWidget* parent) : QDialog(parent), controller_(controller)
{
    setWindowTitle(tr("ELECTRA vs BERT at equal compute"));
    resize(940, 860);
    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    intro->setText(tr("<p>ELECTRA's claim (Clark et al. 2020, Table 1): at the same pre-training compute, replaced-token detection gives a "
                      "better encoder than masked-LM — GLUE 79.9 for ELECTRA-Small against 75.1 for BERT-Small. This trains "
                      "<b>BERT-tiny with the masked LM only</b> and <b>ELECTRA-tiny</b> for the same estimated training FLOPs on the "
                      "bundled corpus, then reads both encoders the same way: a linear probe that tells the Brown corpus's 15 genres "
                      "apart from mean-pooled hidden states (every 5th document of each genre held out). Whatever it measures is "
                      "shown as measured.</p>"));
    steps_ = new QSpinBox(this);
    steps_->setRange(10, 1000000);
    steps_->setValue(1500);
    steps_->setSingleStep(100);
    points_ = new QSpinBox(this);
    points_->setRange(1, 20);
    points_->setValue(4);
    batch_ = new QSpinBox(this);
    batch_->setRange(1, 4096);
    batch_->setValue(32);
    seq_ = new QSpinBox(this);
    seq_->setRange(16, 512);
    seq_->setValue(128);
    seed_ = new QSpinBox(this);
    seed_->setRange(0, 1000000);
    seed_->setValue(42);
    budget_ = new QLabel(this);
    budget_->setWordWrap(true);
    for (QSpinBox* s : {steps_, points_, batch_, seq_, seed_}) s->setMaximumWidth(160);
    auto* form = new QFormLayout;
    form->addRow(tr("ELECTRA steps (set the budget)"), steps_);
    form->addRow(tr("Probes along each run"), points_);
    form->addRow(tr("Batch size"), batch_);
    form->addRow(tr("Sequence length"), seq_);
    form->addRow(tr("Seed"), seed_);
    electraSet_ = new QLineEdit(this);
    electraSet_->setPlaceholderText(tr("none: the paper's setting (e.g. gen_temperature_start=3)"));
    electraSet_->setToolTip(tr("Settings for the ELECTRA model only, key=value separated by spaces: gen_temperature_start, "
                               "gen_temperature_steps, generator_ratio, disc_weight, … (README, ELECTRA: what keeps the "
                               "discriminator learning)"));
    form->addRow(tr("ELECTRA settings"), electraSet_);
    form->addRow(tr("Budget"), budget_);
    start_ = new QPushButton(tr("Start the experiment"), this);
    stop_ = new QPushButton(tr("Stop"), this);
    show_ = new QPushButton(tr("Show both runs in the curves"), this);
    show_->setToolTip(tr("Plot genre_probe_accuracy of both runs against training FLOPs in the Training curves tab"));
    phase_ = new QLabel(this);
    phase_->setStyleSheet(QStringLiteral("color: #555;"));
    result_ = new QLabel(this);
    result_->setWordWrap(true);
    result_->setTextFormat(Qt::RichText);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    plot_ = new QCustomPlot(this);
    plot_->setMinimumHeight(300);
    plot_->xAxis->setLabel(tr("training FLOPs (estimated)"));
    plot_->yAxis->setLabel(tr("held-out genre accuracy"));
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    const QString names[2] = {tr("BERT-tiny (MLM)"), tr("ELECTRA-tiny")};
    for (int a = 0; a < 2; ++a) {
        chunk_[a] = plot_->addGraph();
        chunk_[a]->setName(tr("%1, sequences").arg(names[a]));
        chunk_[a]->setPen(QPen(kArm[a], 2));
        chunk_[a]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
        doc_[a] = plot_->addGraph();
        doc_[a]->setName(tr("%1, documents").arg(names[a]));
        doc_[a]->setPen(QPen(kArm[a], 1.5, Qt::DashLine));
        doc_[a]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    }
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(start_);
    buttons->addWidget(stop_);
    buttons->addStretch(1);
    buttons->addWidget(show_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(phase_);
    layout->addWidget(plot_, 1);
    layout->addWidget(result_);

    for (QSpinBox* s : {steps_, batch_, seq_}) connect(s, &QSpinBox::valueChanged, this, &ExperimentDialog::updateBudget);
    connect(start_, &QPushButton::clicked, this, &ExperimentDialog::start);
    connect(stop_, &QPushButton::clicked, this, [this] {
        phase_->setText(tr("Stopping after the current step…"));
        controller_->stop();
    });
    connect(show_, &QPushButton::clicked, this, [this] {
        if (runs_[0] > 0 && runs_[1] > 0) Q_EMIT showRunsRequested(runs_[0], runs_[1]);
    });
    connect(controller_, &TrainingController::stateChanged, this, &ExperimentDialog::updateButtons);
    connect(controller_, &TrainingController::experimentPhase, this, [this](const QString& what) {
        if (mine_) phase_->setText(QString::fromStdString(what.toStdString()));
    });
    connect(controller_, &TrainingController::experimentArmStarted, this, [this](int arm, qint64 id) {
        if (mine_ && arm >= 0 && arm < 2) runs_[arm] = id;
    });
    connect(controller_, &TrainingController::progressed, this, [this](const ProgressInfo& p) {
        if (mine_) phase_->setText(tr("Training run %1: step %2 of %3").arg(controller_->activeRunId()).arg(p.step).arg(p.totalSteps));
    });
    connect(controller_, &TrainingController::experimentProbed, this,
            [this](int arm, qint64, double flops, double acc, double doc) {
                if (mine_) addPoint(arm, flops, acc, doc);
            });
    connect(controller_, &TrainingController::experimentFinished, this, [this](const QString& json) {
        if (!mine_) return;
        mine_ = false;
        const bool ok = showReport(json);
        updateButtons();
        Q_EMIT experimentDone(ok);
    });
    updateBudget();
    updateButtons();
    // The last result, as it was.
    const QString last = QSettings().value(QStringLiteral("experiments/equalComputeReport")).toString();
    if (!last.isEmpty()) {
        QFile f(last);
        if (f.open(QIODevice::ReadOnly)) showReport(QString::fromUtf8(f.readAll()));
    }
}

void ExperimentDialog::setElectraSteps(int steps) { steps_->setValue(steps); }
void ExperimentDialog::setProbePoints(int n) { points_->setValue(n); }

void ExperimentDialog::setBatch(int batchSize, int seqLen)
{
    batch_->setValue(batchSize);
    seq_->setValue(seqLen);
}

QString ExperimentDialog::summary() const { return result_->text(); }

void ExperimentDialog::updateBudget()
{
    JobSpec b = JobSpec::fromPreset("bert-tiny"), e = JobSpec::fromPreset("electra-tiny");
    b.train.pair_loss = false;
    for (JobSpec* s : {&b, &e}) {
        s->train.batch_size = batch_->value();
        s->train.seq_len = seq_->value();
    }
    const double positions = static_cast<double>(batch_->value()) * seq_->value();
    const double fe = jobFlopsPerToken(e), fb = jobFlopsPerToken(b);
    const double budget = steps_->value() * fe * positions;
    budget_->setText(tr("%1 training FLOPs per model: ELECTRA-tiny %2 steps at %3 FLOPs a token, BERT-tiny %4 steps at %5")
                         .arg(flopsText(budget))
                         .arg(steps_->value())
                         .arg(flopsText(fe))
                         .arg(std::lround(budget / (fb * positions)))
                         .arg(flopsText(fb)));
}

void ExperimentDialog::updateButtons()
{
    const bool running = controller_->isRunning();
    start_->setEnabled(!running);
    stop_->setEnabled(running && mine_);
    show_->setEnabled(runs_[0] > 0 && runs_[1] > 0);
    for (QSpinBox* s : {steps_, points_, batch_, seq_, seed_}) s->setEnabled(!running);
    electraSet_->setEnabled(!running);
    if (running && !mine_) phase_->setText(tr("Another run is training; start the experiment when it has finished."));
}

void ExperimentDialog::clearPlot()
{
    for (int a = 0; a < 2; ++a) {
        chunk_[a]->data()->clear();
        doc_[a]->data()->clear();
    }
    plot_->clearItems();
    plot_->replot();
}

void ExperimentDialog::addPoint(int arm, double flops, double accuracy, double docAccuracy)
{
    if (arm < 0 || arm > 1) return;
    chunk_[arm]->addData(flops, accuracy);
    doc_[arm]->addData(flops, docAccuracy);
    plot_->rescaleAxes();
    plot_->yAxis->setRange(0, std::max(0.5, plot_->yAxis->range().upper * 1.1));
    plot_->replot();
}

void ExperimentDialog::start()
{
    if (controller_->isRunning()) return;
    EqualComputeOptions o;
    o.electraSteps = steps_->value();
    o.probePoints = points_->value();
    o.set = {"batch_size=" + std::to_string(batch_->value()), "seq_len=" + std::to_string(seq_->value()), "seed=" + std::to_string(seed_->value())};
    for (const QString& kv : electraSet_->text().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!kv.contains(QLatin1Char('='))) {
            phase_->setText(tr("ELECTRA settings: “%1” is not key=value").arg(kv));
            return;
        }
        o.electraSet.push_back(kv.toStdString());
    }
    runs_[0] = runs_[1] = 0;
    clearPlot();
    result_->clear();
    mine_ = true;
    phase_->setText(tr("Starting…"));
    controller_->startExperiment(o);
    updateButtons();
}

bool ExperimentDialog::showReport(const QString& text)
{
    const auto j = nlohmann::json::parse(text.toStdString(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        result_->setText(tr("The experiment's report could not be read."));
        return false;
    }
    const std::string status = j.value("status", std::string());
    if (status != "completed") {
        phase_->setText(tr("The experiment ended: %1. %2").arg(QString::fromStdString(status), QString::fromStdString(j.value("message", std::string()))));
        return false;
    }
    clearPlot();
    const char* keys[2] = {"bert", "electra"};
    for (int a = 0; a < 2; ++a) {
        const auto& arm = j[keys[a]];
        runs_[a] = arm.value("run_id", 0);
        for (const auto& p : arm.value("probes", nlohmann::json::array()))
            addPoint(a, p.value("flops", 0.0), p.value("accuracy", 0.0), p.value("doc_accuracy", 0.0));
    }
    auto* majority = new QCPItemStraightLine(plot_);
    majority->point1->setCoords(0, j.value("majority", 0.0));
    majority->point2->setCoords(1, j.value("majority", 0.0));
    majority->setPen(QPen(QColor(0x75, 0x75, 0x75), 1.5, Qt::DashDotLine));
    auto* label = new QCPItemText(plot_);
    label->position->setType(QCPItemPosition::ptPlotCoords);
    label->position->setCoords(plot_->xAxis->range().lower + plot_->xAxis->range().size() * 0.02, j.value("majority", 0.0));
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    label->setText(tr("majority class"));
    label->setColor(Qt::gray);
    plot_->replot();
    const auto& b = j["bert"];
    const auto& e = j["electra"];
    auto last = [](const nlohmann::json& arm, const char* k) {
        const auto& p = arm["probes"];
        return p.empty() ? 0.0 : p.back().value(k, 0.0);
    };
    // The verdict as core judged it (against one standard error of the difference).
    const double eb = last(e, "accuracy"), bb = last(b, "accuracy");
    const double se = j.value("standard_error", 0.0);
    const std::string v = j.value("verdict", std::string("none"));
    const QString verdict = v == "electra" ? tr("ELECTRA ahead") : v == "bert" ? tr("BERT ahead") : tr("no clear difference");
    const QString headline = tr("At %1 training FLOPs each: ELECTRA %2%, BERT (MLM) %3% held-out genre accuracy — %4 "
                                "(difference %5 points, one standard error %6).")
                                 .arg(flopsText(j.value("budget_flops", 0.0)))
                                 .arg(100 * eb, 0, 'f', 1)
                                 .arg(100 * bb, 0, 'f', 1)
                                 .arg(verdict)
                                 .arg(QString::asprintf("%+.1f", 100 * (eb - bb)))
                                 .arg(100 * se, 0, 'f', 1);
    headline_ = headline;
    if (const std::string path = j.value("report_path", std::string()); !path.empty())
        QSettings().setValue(QStringLiteral("experiments/equalComputeReport"), QString::fromStdString(path));
    result_->setText(tr("<p><b>%1</b></p><table cellspacing='4'><tr><th></th><th>run</th><th>steps</th><th>FLOPs</th><th>seconds</th>"
                        "<th>sequences</th><th>documents</th></tr>"
                        "<tr><td>BERT-tiny (MLM)</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6%</td><td>%7%</td></tr>"
                        "<tr><td>ELECTRA-tiny</td><td>%8</td><td>%9</td><td>%10</td><td>%11</td><td>%12%</td><td>%13%</td></tr></table>"
                        "<p style='color:#555'>%14 held-out sequences from %15 documents; chance %16%, majority class %17%.</p>")
                         .arg(headline)
                         .arg(b.value("run_id", 0))
                         .arg(b.value("steps", 0))
                         .arg(flopsText(b.value("flops", 0.0)))
                         .arg(b.value("seconds", 0.0), 0, 'f', 0)
                         .arg(100 * last(b, "accuracy"), 0, 'f', 1)
                         .arg(100 * last(b, "doc_accuracy"), 0, 'f', 1)
                         .arg(e.value("run_id", 0))
                         .arg(e.value("steps", 0))
                         .arg(flopsText(e.value("flops", 0.0)))
                         .arg(e.value("seconds", 0.0), 0, 'f', 0)
                         .arg(100 * last(e, "accuracy"), 0, 'f', 1)
                         .arg(100 * last(e, "doc_accuracy"), 0, 'f', 1)
                         .arg(j.value("test_examples", 0))
                         .arg(j.value("test_documents", 0))
                         .arg(100 * j.value("chance", 0.0), 0, 'f', 1)
                         .arg(100 * j.value("majority", 0.0), 0, 'f', 1));
    phase_->setText(tr("Finished."));
    updateButtons();
    return true;
}

} // namespace ui
} // namespace ptl

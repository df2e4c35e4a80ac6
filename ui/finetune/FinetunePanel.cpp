#include "ui/finetune/FinetunePanel.h"
#include "core/api/ModelSession.h"
#include "core/api/ParameterCount.h"
#include "core/api/Runs.h"
#include "ui/common/QCustomPlot.h"
#include "ui/common/Spin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <nlohmann/json.hpp>

namespace ptl {
namespace ui {

namespace {

QString pct(double v) { return std::isnan(v) ? QStringLiteral("–") : QStringLiteral("%1%").arg(100.0 * v, 0, 'f', 1); }

// The segment colours of the input view: text a, text b.
const char* const kSegment[] = {"#e3f2fd", "#fff3e0"};

QString tokenChip(const QString& token, const char* bg, bool emphasised, const QString& below = QString())
{
    QString t = token.toHtmlEscaped();
    if (emphasised) t = QStringLiteral("<b>%1</b>").arg(t);
    // QTextBrowser draws no borders on spans: the read-out token is bold on red.
    QString cell = QStringLiteral("<span style='background:%1;%2'>%3</span>")
                       .arg(emphasised ? QStringLiteral("#ef9a9a") : QLatin1String(bg), emphasised ? QStringLiteral(" color:#000;") : QString(), t);
    if (!below.isEmpty()) cell += QStringLiteral("<sub style='color:#555'>%1</sub>").arg(below.toHtmlEscaped());
    return cell + QLatin1Char(' ');
}

// Reading comprehension: each question over its passage, every word shaded by the model's
// start (blue) and end (orange) probability, the gold answer outlined in green, the
// predicted span in bold, and the no-answer score against the threshold tuned on dev.
void showSpanPredictions(const nlohmann::json& j, QLabel* statusLabel, QTextBrowser* examples)
{
    const bool noAnswer = j.value("no_answer", false);
    QString status = FinetunePanel::tr("%1 split: exact match <b>%2</b>, F1 <b>%3</b> over %4 questions (SQuAD's official metrics).")
                         .arg(QString::fromStdString(j.value("split", std::string())))
                         .arg(pct(j.value("exact", 0.0)))
                         .arg(pct(j.value("f1", 0.0)))
                         .arg(QLocale().toString(static_cast<qlonglong>(j.value("total", 0))));
    if (noAnswer)
        status += FinetunePanel::tr(" With an answer: F1 %1 (%2); without: %3 (%4). The model says \"no answer\" when its no-answer score minus the best span's exceeds %5 (tuned on dev).")
                      .arg(pct(j.value("has_ans_f1", 0.0)))
                      .arg(QLocale().toString(static_cast<qlonglong>(j.value("has_ans_total", 0))))
                      .arg(pct(j.value("no_ans_f1", 0.0)))
                      .arg(QLocale().toString(static_cast<qlonglong>(j.value("no_ans_total", 0))))
                      .arg(j.value("null_threshold", 0.0), 0, 'f', 3);
    statusLabel->setText(status + FinetunePanel::tr(" Words: blue = start probability, orange = end probability; gold answer outlined in green; predicted span in bold."));
    QString html;
    for (const auto& e : j.value("examples", nlohmann::json::array())) {
        const auto words = e.value("words", std::vector<std::string>{});
        const auto ps = e.value("start_probs", std::vector<double>{}), pe = e.value("end_probs", std::vector<double>{});
        const auto gold = e.value("gold_words", std::vector<int>{-1, -1}), span = e.value("span_words", std::vector<int>{-1, -1});
        const auto answers = e.value("answers", std::vector<std::string>{});
        const bool answered = e.value("answered", false);
        const double f1 = e.value("f1", 0.0);
        QString passage;
        for (std::size_t w = 0; w < words.size(); ++w) {
            const int k = static_cast<int>(w);
            const double s = w < ps.size() ? ps[w] : 0, en = w < pe.size() ? pe[w] : 0;
            // Blue for start, orange for end, mixed where both; white where neither.
            auto mix = [&](double start, double end) { return std::clamp(1.0 - s * (1.0 - start) - en * (1.0 - end), 0.0, 1.0); };
            const QColor c = QColor::fromRgbF(mix(0.25, 1.0), mix(0.55, 0.65), mix(0.95, 0.2));
            const bool inGold = gold.size() == 2 && k >= gold[0] && k <= gold[1] && gold[0] >= 0;
            const bool inSpan = answered && span.size() == 2 && k >= span[0] && k <= span[1] && span[0] >= 0;
            QString word = QString::fromStdString(words[w]).toHtmlEscaped();
            if (inSpan) word = QStringLiteral("<b>%1</b>").arg(word);
            passage += QStringLiteral("<span style='background:%1;%2' title='%3'>%4</span> ")
                           .arg(c.name(), inGold ? QStringLiteral("border:1px solid #2e7d32;text-decoration:underline;color:#1b5e20") : QString(),
                                FinetunePanel::tr("start %1 · end %2").arg(pct(s), pct(en)), word);
        }
        const QString goldText = answers.empty() ? FinetunePanel::tr("(no answer)") : QString::fromStdString(answers.front()).toHtmlEscaped();
        const QString predText = answered ? QString::fromStdString(e.value("answer", std::string())).toHtmlEscaped() : FinetunePanel::tr("(no answer)");
        html += QStringLiteral("<p><b>%1</b><br><span style='background:%2'>%3</span> <span style='color:#555'>%4</span><br>%5</p>")
                    .arg(QString::fromStdString(e.value("question", std::string())).toHtmlEscaped())
                    .arg(f1 >= 0.999 ? QStringLiteral("#e8f5e9") : f1 > 0 ? QStringLiteral("#fff3e0") : QStringLiteral("#ffcdd2"))
                    .arg(FinetunePanel::tr("predicted: %1 · gold: %2 · F1 %3").arg(predText, goldText, pct(f1)))
                    .arg(noAnswer ? FinetunePanel::tr("no-answer score − best span: %1 (threshold %2)")
                                        .arg(e.value("null_diff", 0.0), 0, 'f', 2)
                                        .arg(e.value("threshold", 0.0), 0, 'f', 2)
                                  : QString())
                    .arg(passage);
    }
    examples->setHtml(html);
}

} // namespace

FinetunePanel::FinetunePanel(QString storePath, QWidget* parent) : QWidget(parent), storePath_(std::move(storePath))
{
    worker_ = new QObject;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.setObjectName(QStringLiteral("finetune"));
    thread_.start();

    // ---- set-up
    model_ = new QComboBox(this);
    model_->setEditable(true);
    model_->setInsertPolicy(QComboBox::NoInsert);
    model_->setToolTip(tr("The pre-trained model: a shipped model or any checkpoint folder (BERT, ALBERT, ELECTRA's discriminator, "
                          "DistilBERT, GPT)"));
    auto* browse = new QPushButton(tr("…"), this);
    browse->setToolTip(tr("Choose a checkpoint folder"));
    browse->setMaximumWidth(36);
    modelInfo_ = new QLabel(this);
    modelInfo_->setWordWrap(true);
    task_ = new QComboBox(this);
    for (const auto& t : taskList())
        task_->addItem(QStringLiteral("%1 — %2").arg(QString::fromStdString(t.name), QString::fromStdString(t.title)), QString::fromStdString(t.name));
    task_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    task_->setMinimumContentsLength(24);
    taskInfo_ = new QLabel(this);
    taskInfo_->setWordWrap(true);
    taskInfo_->setTextFormat(Qt::RichText);
    init_ = new QComboBox(this);
    init_->addItem(tr("pre-trained weights (transfer)"), false);
    init_->addItem(tr("random initialisation (the control: no pre-training)"), true);
    init_->setToolTip(tr("Fine-tune the same architecture from random weights to see what pre-training brings"));
    steps_ = intSpin(this, 1, 1000000, 600);
    evalEvery_ = intSpin(this, 1, 100000, 50);
    lr_ = realSpin(this, 1e-7, 1.0, 6, 1e-3, 1e-4);
    lr_->setToolTip(tr("The new head's learning rate; the body learns at this times the factor below"));
    bodyFactor_ = realSpin(this, 0.001, 10.0, 3, 0.1, 0.05);
    bodyFactor_->setToolTip(tr("Discriminative fine-tuning: the pre-trained body's learning rate as a share of the head's"));
    layerDecay_ = realSpin(this, 0.05, 1.0, 2, 1.0, 0.05);
    layerDecay_->setToolTip(tr("Layer-wise decay: each layer below the top learns at this times the rate of the one above (1: off)"));
    freezeEmbeddings_ = new QCheckBox(tr("keep the embeddings fixed"), this);
    freezeLayers_ = intSpin(this, 0, 48, 0);
    freezeLayers_->setToolTip(tr("Keep the lowest k layers fixed"));
    lmWeight_ = realSpin(this, 0.0, 10.0, 2, 0.5, 0.1);
    lmWeight_->setToolTip(tr("GPT-1's auxiliary objective: L = L_task + λ·L_LM on the task's own text"));
    patience_ = intSpin(this, 0, 1000, 0);
    patience_->setSpecialValueText(tr("off"));
    patience_->setToolTip(tr("Early stopping: stop after this many evaluations without a better dev accuracy"));
    examplesLimit_ = intSpin(this, 0, 10000000, 0);
    examplesLimit_->setSpecialValueText(tr("all"));
    examplesLimit_->setToolTip(tr("Train on a fixed random subset of the labelled examples (the baselines are fitted on the same subset)"));
    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(model_, 1);
    modelRow->addWidget(browse);
    form_ = new QFormLayout;
    form_->addRow(tr("Pre-trained model"), modelRow);
    form_->addRow(modelInfo_);
    form_->addRow(tr("Task"), task_);
    form_->addRow(taskInfo_);
    form_->addRow(tr("Start from"), init_);
    form_->addRow(tr("Labelled examples"), examplesLimit_);
    form_->addRow(tr("Steps"), steps_);
    form_->addRow(tr("Evaluate dev every"), evalEvery_);
    form_->addRow(tr("Head learning rate"), lr_);
    form_->addRow(tr("Body learning-rate factor"), bodyFactor_);
    form_->addRow(tr("Layer-wise decay"), layerDecay_);
    form_->addRow(tr("Freeze"), freezeEmbeddings_);
    form_->addRow(tr("Freeze the lowest layers"), freezeLayers_);
    form_->addRow(tr("λ auxiliary LM (GPT)"), lmWeight_);
    form_->addRow(tr("Early stopping patience"), patience_);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::RichText);
    // Wrapping labels: a small minimum, so the set-up column can be narrow (a rich-text
    // label's own minimum is near its unwrapped width).
    for (QLabel* l : {modelInfo_, taskInfo_, summary_}) l->setMinimumWidth(120);
    for (QComboBox* c : {task_, init_}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(16);
    }
    input_ = new QTextBrowser(this);
    input_->setMinimumHeight(150);
    input_->setToolTip(tr("The exact token sequence the model is fed for the first training examples"));
    start_ = new QPushButton(tr("Start fine-tuning"), this);
    auto* setupBox = new QGroupBox(tr("Model, task and transfer"), this);
    auto* setup = new QVBoxLayout(setupBox);
    setup->addLayout(form_);
    setup->addWidget(summary_);
    setup->addWidget(new QLabel(tr("What the model is fed (the first training examples):"), this));
    setup->addWidget(input_, 1);
    setup->addWidget(start_);

    // ---- views
    accuracy_ = new QCustomPlot(this);
    accuracy_->xAxis->setLabel(tr("step"));
    accuracy_->yAxis->setLabel(tr("accuracy"));
    accuracy_->legend->setVisible(true);
    accuracy_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignTop);
    loss_ = new QCustomPlot(this);
    loss_->xAxis->setLabel(tr("step"));
    loss_->yAxis->setLabel(tr("loss"));
    loss_->legend->setVisible(true);
    curvesStatus_ = new QLabel(tr("Start a run, or pick a fine-tuning run in the Runs panel."), this);
    curvesStatus_->setWordWrap(true);
    curvesStatus_->setTextFormat(Qt::RichText);
    auto* curvesTab = new QWidget(this);
    auto* ct = new QVBoxLayout(curvesTab);
    ct->addWidget(curvesStatus_);
    auto* plots = new QSplitter(Qt::Vertical, this);
    plots->addWidget(accuracy_);
    plots->addWidget(loss_);
    plots->setSizes({400, 260});
    ct->addWidget(plots, 1);

    confusion_ = new QTableWidget(this);
    confusion_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    confusion_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    confusion_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    confusion_->setToolTip(tr("Rows: the gold label; columns: what the model predicted. Shade: the share of the row."));
    examples_ = new QTextBrowser(this);
    predictionStatus_ = new QLabel(this);
    predictionStatus_->setWordWrap(true);
    predictionStatus_->setTextFormat(Qt::RichText);
    auto* predTab = new QWidget(this);
    auto* pt = new QVBoxLayout(predTab);
    pt->addWidget(predictionStatus_);
    auto* predSplit = new QSplitter(Qt::Vertical, this);
    predSplit->addWidget(confusion_);
    predSplit->addWidget(examples_);
    predSplit->setSizes({380, 300});
    pt->addWidget(predSplit, 1);

    results_ = new QTableWidget(this);
    results_->setColumnCount(11);
    results_->setHorizontalHeaderLabels({tr("run"), tr("task"), tr("model"), tr("start"), tr("labelled"), tr("steps"), tr("best dev"),
                                         tr("test score"), tr("test macro-F1"), tr("majority (test)"), tr("simple model (test)")});
    results_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    results_->verticalHeader()->setVisible(false);
    results_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    results_->setSortingEnabled(true);
    auto* refresh = new QPushButton(tr("Refresh"), this);
    auto* resultsTab = new QWidget(this);
    auto* rt = new QVBoxLayout(resultsTab);
    auto* note = new QLabel(tr("Every fine-tuning run in the store, its test score (measured once, with the best dev checkpoint) "
                               "against always answering the most frequent label and a simple non-neural model fitted on the same "
                               "training examples."),
                            this);
    note->setWordWrap(true);
    rt->addWidget(note);
    rt->addWidget(results_, 1);
    rt->addWidget(refresh, 0, Qt::AlignLeft);
    // Does pre-training help? Test accuracy against the number of labelled examples, the
    // pre-trained and the randomly initialised model (experiment transfer, or runs made here).
    transfer_ = new QCustomPlot(this);
    transfer_->setMinimumHeight(260);
    transfer_->xAxis->setLabel(tr("labelled training examples (log scale)"));
    transfer_->yAxis->setLabel(tr("test accuracy"));
    transfer_->xAxis->setScaleType(QCPAxis::stLogarithmic);
    transfer_->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    transfer_->legend->setVisible(true);
    // The legend below the chart, two columns: inside it would hide points near 50-60%.
    transfer_->axisRect()->insetLayout()->take(transfer_->legend);
    transfer_->plotLayout()->addElement(1, 0, transfer_->legend);
    transfer_->legend->setFillOrder(QCPLegend::foColumnsFirst);
    transfer_->legend->setWrap(2);
    transfer_->legend->setBorderPen(Qt::NoPen);
    transfer_->plotLayout()->setRowStretchFactor(1, 0.001);
    transferTask_ = new QComboBox(this);
    transferStatus_ = new QLabel(this);
    transferStatus_->setWordWrap(true);
    auto* tr1 = new QHBoxLayout;
    tr1->addWidget(new QLabel(tr("Does pre-training help? Task:"), this));
    tr1->addWidget(transferTask_);
    tr1->addStretch(1);
    rt->addLayout(tr1);
    rt->addWidget(transferStatus_);
    rt->addWidget(transfer_, 1);
    connect(transferTask_, &QComboBox::currentIndexChanged, this, &FinetunePanel::drawTransfer);

    tabs_ = new QTabWidget(this);
    tabs_->addTab(curvesTab, tr("Curves"));
    tabs_->addTab(predTab, tr("Predictions"));
    tabs_->addTab(resultsTab, tr("Results per task"));

    auto* split = new QSplitter(this);
    auto* setupScroll = new QScrollArea(this);
    setupScroll->setWidget(setupBox);
    setupScroll->setWidgetResizable(true);
    setupScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setupScroll->setMinimumWidth(440);
    split->addWidget(setupScroll);
    split->addWidget(tabs_);
    split->setStretchFactor(1, 1);
    split->setSizes({460, 820});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("The pre-trained model's checkpoint folder"));
        if (!d.isEmpty()) setModel(d);
    });
    connect(model_, &QComboBox::activated, this, [this] { rebuild(); });
    connect(model_->lineEdit(), &QLineEdit::editingFinished, this, [this] { rebuild(); });
    connect(task_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    for (QDoubleSpinBox* s : {lr_, bodyFactor_, layerDecay_, lmWeight_}) connect(s, &QDoubleSpinBox::valueChanged, this, &FinetunePanel::updateSummary);
    for (QSpinBox* s : {steps_, evalEvery_, freezeLayers_, patience_, examplesLimit_}) connect(s, &QSpinBox::valueChanged, this, &FinetunePanel::updateSummary);
    connect(freezeEmbeddings_, &QCheckBox::toggled, this, &FinetunePanel::updateSummary);
    connect(init_, &QComboBox::currentIndexChanged, this, &FinetunePanel::updateSummary);
    connect(start_, &QPushButton::clicked, this, [this] {
        if (validationMessage().isEmpty()) Q_EMIT startRequested(spec());
    });
    connect(refresh, &QPushButton::clicked, this, &FinetunePanel::refreshResults);
    fillShippedModels();
    rebuild();
    refreshResults();
}

FinetunePanel::~FinetunePanel()
{
    for (QObject* child : findChildren<QObject*>()) child->disconnect(this);
    thread_.quit();
    thread_.wait();
}

void FinetunePanel::runInWorker(std::function<void()> work) { QMetaObject::invokeMethod(worker_, std::move(work), Qt::QueuedConnection); }

void FinetunePanel::showTab(int index) { tabs_->setCurrentIndex(index); }

void FinetunePanel::fillShippedModels()
{
    const QString shipped = QString::fromStdString(shippedModelDir());
    QDir models = QFileInfo(shipped).dir();
    for (const QString& name : models.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString dir = models.filePath(name);
        if (QFileInfo::exists(dir + QStringLiteral("/config.json"))) model_->addItem(name, dir);
    }
    const int i = model_->findData(shipped);
    if (i >= 0) model_->setCurrentIndex(i);
}

QString FinetunePanel::model() const
{
    const int i = model_->findText(model_->currentText());
    if (i >= 0 && model_->itemData(i).isValid()) return model_->itemData(i).toString();
    return model_->currentText();
}

QString FinetunePanel::task() const { return task_->currentData().toString(); }

void FinetunePanel::setModel(const QString& dir)
{
    const int i = model_->findData(dir);
    if (i >= 0) model_->setCurrentIndex(i);
    else model_->setEditText(dir);
    rebuild();
}

void FinetunePanel::setTask(const QString& name)
{
    const int i = task_->findData(name);
    if (i >= 0) task_->setCurrentIndex(i);
}

void FinetunePanel::setStartEnabled(bool on)
{
    startAllowed_ = on;
    start_->setEnabled(on && error_.isEmpty());
}

void FinetunePanel::rebuild()
{
    modelOk_ = false;
    error_.clear();
    const QString dir = model();
    QFile f(dir + QStringLiteral("/config.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        error_ = tr("%1 has no config.json: choose a checkpoint folder (a shipped model, or a run's checkpoint-N).").arg(dir);
    } else {
        try {
            const auto j = nlohmann::json::parse(f.readAll().toStdString());
            modelConfig_ = ModelConfig::fromJson(j);
            modelOk_ = true;
        } catch (const std::exception& e) {
            error_ = tr("%1/config.json cannot be read: %2").arg(dir, QString::fromStdString(e.what()));
        }
    }
    if (modelOk_) {
        const ModelConfig& c = modelConfig_;
        const bool gpt = c.family == Family::Gpt2;
        modelInfo_->setText(tr("%1 · %2 layers · hidden %3 · %4 parameters%5")
                                .arg(QString::fromStdString(toString(c.family)))
                                .arg(c.num_layers)
                                .arg(c.hidden_size)
                                .arg(QLocale().toString(static_cast<qlonglong>(countParameters(c).total)))
                                .arg(gpt ? tr(" · three new tokens <start> <delim> <extract> are added") : QString()));
        freezeLayers_->setMaximum(c.sharing == Sharing::None ? c.num_layers : 0);
        freezeLayers_->setEnabled(c.sharing == Sharing::None);
        form_->setRowVisible(lmWeight_, gpt);
    } else {
        modelInfo_->setText(QStringLiteral("<span style='color:#c62828'>%1</span>").arg(error_.toHtmlEscaped()));
    }
    updateSummary();
    // The task's counts and baselines and the model-input preview come from the worker
    // (building a task and fitting its baselines takes a few seconds).
    const int generation = ++previewGeneration_;
    const std::string m = dir.toStdString(), t = task().toStdString();
    const bool ok = modelOk_;
    taskInfo_->setText(tr("Building the task and its baselines…"));
    input_->setHtml(QString());
    runInWorker([this, generation, m, t, ok] {
        QString info, html, construction;
        try {
            const Task task = buildTask(t);
            const TaskBaselines b = taskBaselines(task);
            info = tr("<b>%1</b> train · <b>%2</b> dev · <b>%3</b> test %4 · %5 labels<br>"
                      "dev: majority %6 · %7 %8")
                       .arg(QLocale().toString(static_cast<qlonglong>(task.train.size())))
                       .arg(QLocale().toString(static_cast<qlonglong>(task.dev.size())))
                       .arg(QLocale().toString(static_cast<qlonglong>(task.test.size())))
                       .arg(task.kind == TaskKind::Tagging ? tr("sentences") : tr("examples"))
                       .arg(task.labels.size())
                       .arg(pct(b.majorityDev.accuracy))
                       .arg(QString::fromStdString(b.simpleName))
                       .arg(pct(b.simpleDev.accuracy));
            construction = QString::fromStdString(task.construction);
            info += tr("<br><span style='color:#555'>How it is built: hover here, or 'pretrainlab-cli tasks show %1'.</span>").arg(QString::fromStdString(t));
            if (ok) {
                for (const TaskInputPreview& p : previewTaskInputs(m, t, 2)) {
                    QString line;
                    std::size_t word = 0;
                    for (std::size_t k = 0; k < p.tokens.size(); ++k) {
                        const int type = std::clamp(p.types[k], 0, 1);
                        const bool readout = static_cast<int>(k) == p.readout;
                        QString tag;
                        if (!p.labelled.empty() && word < p.labelled.size()) {
                            while (word < p.labelled.size() && p.labelled[word] < 0) ++word;
                            if (word < p.labelled.size() && p.labelled[word] == static_cast<int>(k)) tag = QString::fromStdString(p.tags[word++]);
                        }
                        line += tokenChip(QString::fromStdString(p.tokens[k]), kSegment[type], readout, tag);
                    }
                    if (!p.label.empty()) line += tr("&nbsp;→ <i>%1</i>").arg(QString::fromStdString(p.label).toHtmlEscaped());
                    html += QStringLiteral("<p>%1</p>").arg(line);
                }
                html += tr("<p style='color:#555'>Bold on red: the position the classification head reads. Tagging: the tag under "
                           "each labelled sub-token. Shade: segment A, segment B.</p>");
            }
        } catch (const std::exception& e) {
            info = QStringLiteral("<span style='color:#c62828'>%1</span>").arg(QString::fromStdString(e.what()).toHtmlEscaped());
        }
        QMetaObject::invokeMethod(
            this,
            [this, generation, info, html, construction] {
                if (generation != previewGeneration_) return;  // a newer choice is on its way
                taskInfo_->setText(info);
                taskInfo_->setToolTip(construction);  // how the task is built
                task_->setToolTip(construction);
                input_->setHtml(html);
                Q_EMIT previewReady();
            },
            Qt::QueuedConnection);
    });
}

void FinetunePanel::updateSummary()
{
    const QString msg = validationMessage();
    start_->setEnabled(startAllowed_ && msg.isEmpty());
    if (!msg.isEmpty()) {
        summary_->setText(QStringLiteral("<span style='color:#c62828'>%1</span>").arg(msg.toHtmlEscaped()));
        return;
    }
    const ModelConfig& c = modelConfig_;
    const double head = lr_->value(), body = head * bodyFactor_->value();
    const int L = c.num_layers;
    const double bottom = body * std::pow(layerDecay_->value(), c.sharing == Sharing::None ? L - 1 : 0);
    const double emb = freezeEmbeddings_->isChecked() ? 0.0 : body * std::pow(layerDecay_->value(), L);
    QString s = tr("Peak learning rates: head %1 · top layer %2 · lowest trained layer %3 · embeddings %4 (10% warmup, then linear decay).")
                    .arg(head, 0, 'g', 3)
                    .arg(body, 0, 'g', 3)
                    .arg(freezeLayers_->value() >= L ? 0.0 : bottom, 0, 'g', 3)
                    .arg(emb, 0, 'g', 3);
    if (init_->currentData().toBool())
        s += tr("<br><b>Random initialisation</b>: the same architecture without its pre-trained weights, the control arm of the transfer experiment.");
    summary_->setText(s);
}

QString FinetunePanel::validationMessage() const
{
    if (!error_.isEmpty()) return error_;
    return QString::fromStdString(spec().validate());
}

JobSpec FinetunePanel::spec() const
{
    JobSpec s;
    if (!modelOk_) {
        s.finetune.task = task().toStdString();
        return s;
    }
    try {
        s = JobSpec::forFinetuning(model().toStdString(), task().toStdString());
    } catch (const std::exception&) {
        return s;
    }
    s.train.steps = steps_->value();
    s.train.eval_every = evalEvery_->value();
    s.train.checkpoint_every = std::max(evalEvery_->value(), std::min(100, steps_->value()));
    s.train.warmup_steps = std::max(0, steps_->value() / 10);
    s.train.lr = lr_->value();
    s.finetune.body_lr_factor = bodyFactor_->value();
    s.finetune.layer_decay = layerDecay_->value();
    s.finetune.freeze_embeddings = freezeEmbeddings_->isChecked();
    s.finetune.freeze_layers = freezeLayers_->value();
    s.finetune.lm_weight = lmWeight_->value();
    s.finetune.patience = patience_->value();
    s.finetune.max_train_examples = examplesLimit_->value();
    s.finetune.from_scratch = init_->currentData().toBool();
    const QString base = QFileInfo(model()).fileName();
    s.name = (task() + (s.finetune.from_scratch ? QStringLiteral(" from random init (") + base + QLatin1Char(')')
                                                 : QStringLiteral(" from ") + base))
                 .toStdString();
    if (s.finetune.max_train_examples > 0) s.name += ", " + std::to_string(s.finetune.max_train_examples) + " examples";
    return s;
}

// ---------------------------------------------------------------- a run's views
void FinetunePanel::setRun(qint64 runId)
{
    try {
        RunStoreClient store(storePath_.toStdString());
        const auto j = nlohmann::json::parse(store.configJson(runId), nullptr, false);
        if (!j.is_object() || !j.contains("finetune") || j["finetune"].value("task", std::string()).empty()) return;
        runId_ = runId;
        // The set-up shows the run's model and task (the other fields stay as the user left them).
        const auto& f = j["finetune"];
        const QString task = QString::fromStdString(f.value("task", std::string()));
        const QString model = QString::fromStdString(f.value("checkpoint", std::string()));
        if (task != this->task() || (!model.isEmpty() && QFileInfo(model).canonicalFilePath() != QFileInfo(this->model()).canonicalFilePath())) {
            const QSignalBlocker block(task_);
            setTask(task);
            setModel(model);  // rebuilds the preview
        }
        const auto snaps = store.snapshots(runId, "finetune");
        if (!snaps.empty()) showPrediction(QString::fromStdString(snaps.back().payloadJson));
    } catch (const std::exception& e) {
        curvesStatus_->setText(QString::fromStdString(e.what()).toHtmlEscaped());
        return;
    }
    metricsRead_.invalidate();
    showMetricsOf(runId);
    refreshResults();
}

void FinetunePanel::showMetricsOf(qint64 runId)
{
    if (runId != runId_) return;
    if (metricsRead_.isValid() && metricsRead_.elapsed() < 2000) return;
    metricsRead_.start();
    std::map<std::string, QVector<double>> xs, ys;
    std::map<std::string, double> constants;
    try {
        for (const auto& m : RunStoreClient(storePath_.toStdString()).metrics(runId)) {
            xs[m.name] << static_cast<double>(m.step);
            ys[m.name] << m.value;
            constants[m.name] = m.value;
        }
    } catch (const std::exception&) {
        return;
    }
    auto draw = [&](QCustomPlot* plot, const std::vector<std::pair<std::string, QString>>& series) {
        plot->clearGraphs();
        const QColor colors[] = {QColor(0x15, 0x65, 0xc0), QColor(0xef, 0x6c, 0x00), QColor(0x2e, 0x7d, 0x32), QColor(0x6a, 0x1b, 0x9a)};
        int i = 0;
        double maxStep = 1;
        for (const auto& [name, label] : series) {
            auto it = xs.find(name);
            if (it == xs.end()) continue;
            QCPGraph* g = plot->addGraph();
            g->setName(label);
            g->setPen(QPen(colors[i++ % 4], 2));
            g->setData(it->second, ys[name]);
            if (name.rfind("dev_", 0) == 0) g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
            maxStep = std::max(maxStep, it->second.back());
        }
        return maxStep;
    };
    // Reading comprehension is judged by SQuAD's F1 (train: rows with start and end both right).
    const double maxStep = draw(accuracy_, {{"train_accuracy", tr("train (batch)")}, {"dev_accuracy", tr("dev")}, {"dev_f1", tr("dev F1 (SQuAD)")}});
    for (const auto& [name, label, color] : std::vector<std::tuple<std::string, QString, QColor>>{
             {"dev_simple_accuracy", tr("simple non-neural model, dev (%1)"), QColor(0x55, 0x55, 0x55)},
             {"dev_majority_accuracy", tr("majority class, dev (%1)"), QColor(0xaa, 0xaa, 0xaa)},
             {"dev_simple_f1", tr("sliding-window word overlap, dev F1 (%1)"), QColor(0x55, 0x55, 0x55)},
             {"dev_majority_f1", tr("always \"no answer\", dev F1 (%1)"), QColor(0xaa, 0xaa, 0xaa)}}) {
        auto it = constants.find(name);
        if (it == constants.end()) continue;
        QCPGraph* g = accuracy_->addGraph();
        g->setName(label.arg(pct(it->second)));
        g->setPen(QPen(color, 1.5, Qt::DashLine));
        g->setData(QVector<double>{0, maxStep}, QVector<double>{it->second, it->second});
    }
    accuracy_->rescaleAxes();
    accuracy_->yAxis->setRange(0, 1.02);
    accuracy_->replot();
    draw(loss_, {{"task_loss", tr("task loss (train)")}, {"dev_loss", tr("dev loss")}, {"lm_loss", tr("auxiliary LM loss (train)")}});
    loss_->rescaleAxes();
    loss_->replot();
    QString status = tr("Run %1").arg(runId);
    if (constants.count("dev_accuracy"))
        status += tr(" · dev accuracy %1 (simple model %2, majority %3)")
                      .arg(pct(constants["dev_accuracy"]))
                      .arg(pct(constants.count("dev_simple_accuracy") ? constants["dev_simple_accuracy"] : NAN))
                      .arg(pct(constants.count("dev_majority_accuracy") ? constants["dev_majority_accuracy"] : NAN));
    if (constants.count("test_accuracy"))
        status += tr("<br><b>Test accuracy %1</b> with the best dev checkpoint (step %2), against %3 for the simple model and %4 for the majority class.")
                      .arg(pct(constants["test_accuracy"]))
                      .arg(static_cast<qlonglong>(constants["best_step"]))
                      .arg(pct(constants.count("test_simple_accuracy") ? constants["test_simple_accuracy"] : NAN))
                      .arg(pct(constants.count("test_majority_accuracy") ? constants["test_majority_accuracy"] : NAN));
    if (constants.count("dev_f1"))
        status += tr(" · dev F1 %1 (sliding window %2, always \"no answer\" %3)")
                      .arg(pct(constants["dev_f1"]))
                      .arg(pct(constants.count("dev_simple_f1") ? constants["dev_simple_f1"] : NAN))
                      .arg(pct(constants.count("dev_majority_f1") ? constants["dev_majority_f1"] : NAN));
    if (constants.count("test_f1"))
        status += tr("<br><b>Test F1 %1</b> (exact match %2) with the best dev checkpoint, against %3 for the sliding window and %4 for always \"no answer\".")
                      .arg(pct(constants["test_f1"]))
                      .arg(pct(constants.count("test_exact") ? constants["test_exact"] : NAN))
                      .arg(pct(constants.count("test_simple_f1") ? constants["test_simple_f1"] : NAN))
                      .arg(pct(constants.count("test_majority_f1") ? constants["test_majority_f1"] : NAN));
    curvesStatus_->setText(status);
}

void FinetunePanel::appendSnapshot(qint64 runId, qint64, const QString& kind, const QString& payloadJson)
{
    if (kind != QLatin1String("finetune")) return;
    runId_ = runId;
    showPrediction(payloadJson);
}

void FinetunePanel::showPrediction(const QString& payloadJson)
{
    const auto j = nlohmann::json::parse(payloadJson.toStdString(), nullptr, false);
    if (j.is_object() && j.value("kind", std::string()) == "reading comprehension") {
        confusion_->clear();
        confusion_->setRowCount(0);
        confusion_->setColumnCount(0);
        confusion_->hide();  // no classes: the passages take the room
        showSpanPredictions(j, predictionStatus_, examples_);
        Q_EMIT predictionsShown();
        return;
    }
    if (!j.is_object() || !j.contains("labels")) return;
    confusion_->show();
    std::vector<std::string> labels = j["labels"].get<std::vector<std::string>>();
    const auto& conf = j["confusion"];
    const int n = static_cast<int>(labels.size());
    confusion_->clear();
    confusion_->setRowCount(n);
    confusion_->setColumnCount(n);
    // Rows carry the names, columns their numbers (fifteen genre names do not fit across).
    QStringList names, rows, cols;
    for (const auto& l : labels) {
        names << QString::fromStdString(l);
        rows << QStringLiteral("%1  %2").arg(names.size()).arg(names.back());
        cols << QString::number(names.size());
    }
    confusion_->setHorizontalHeaderLabels(cols);
    confusion_->setVerticalHeaderLabels(rows);
    for (int i = 0; i < n; ++i) confusion_->horizontalHeaderItem(i)->setToolTip(tr("predicted: %1").arg(names[i]));
    for (int g = 0; g < n; ++g) {
        double row = 0;
        for (int p = 0; p < n; ++p) row += conf[g][p].get<double>();
        for (int p = 0; p < n; ++p) {
            const double v = conf[g][p].get<double>();
            auto* item = new QTableWidgetItem(QLocale().toString(static_cast<qlonglong>(v)));
            const double share = row > 0 ? v / row : 0;
            const QColor base = g == p ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
            item->setBackground(QColor::fromRgbF(1 - share * (1 - base.redF()), 1 - share * (1 - base.greenF()), 1 - share * (1 - base.blueF())));
            item->setForeground(share > 0.55 ? Qt::white : Qt::black);
            item->setTextAlignment(Qt::AlignCenter);
            item->setToolTip(tr("gold %1, predicted %2: %3 (%4 of the row)").arg(names[g], names[p]).arg(v).arg(pct(share)));
            confusion_->setItem(g, p, item);
        }
    }
    const bool tagging = j.value("kind", std::string()) == "tagging";
    predictionStatus_->setText(tr("%1 split: accuracy <b>%2</b>, macro-F1 %3 over %4 %5. Rows: gold; columns: predicted (numbered as the rows).")
                                   .arg(QString::fromStdString(j.value("split", std::string())))
                                   .arg(pct(j.value("accuracy", 0.0)))
                                   .arg(j.value("macro_f1", 0.0), 0, 'f', 3)
                                   .arg(QLocale().toString(static_cast<qlonglong>(j.value("total", 0))))
                                   .arg(tagging ? tr("words") : tr("examples")));
    QString html;
    for (const auto& e : j.value("examples", nlohmann::json::array())) {
        if (tagging) {
            const auto words = e.value("words", std::vector<std::string>{});
            const auto gold = e.value("gold", std::vector<int>{}), pred = e.value("predicted", std::vector<int>{});
            QString line;
            for (std::size_t w = 0; w < words.size() && w < pred.size(); ++w) {
                const bool ok = w < gold.size() && gold[w] == pred[w];
                QString tip = QString::fromStdString(labels[static_cast<std::size_t>(pred[w])]);
                if (!ok && w < gold.size()) tip += QStringLiteral(" ≠ ") + QString::fromStdString(labels[static_cast<std::size_t>(gold[w])]);
                line += QStringLiteral("<span style='background:%1'>%2<sub>%3</sub></span> ")
                            .arg(ok ? QStringLiteral("#e8f5e9") : QStringLiteral("#ffcdd2"), QString::fromStdString(words[w]).toHtmlEscaped(), tip.toHtmlEscaped());
            }
            html += QStringLiteral("<p>%1</p>").arg(line);
        } else if (e.contains("choices")) {
            // Multiple choice: the context, then each candidate with its probability.
            const int gold = e.value("gold", -1), pred = e.value("predicted", -1);
            const auto probs = e.value("probs", std::vector<double>{});
            const auto choices = e.value("choices", std::vector<std::string>{});
            const auto texts = e.value("text", std::vector<std::string>{});
            QString block = QStringLiteral("<p><b>%1</b>").arg(QString::fromStdString(texts.empty() ? std::string() : texts.front()).toHtmlEscaped());
            for (std::size_t k = 0; k < choices.size() && k < probs.size(); ++k) {
                const bool isGold = static_cast<int>(k) == gold, isPred = static_cast<int>(k) == pred;
                const int bar = static_cast<int>(std::lround(probs[k] * 20));
                block += QStringLiteral("<br><span style='font-family:monospace'>%1 %2</span> <span style='background:%3'>%4%5</span>")
                             .arg(QString(bar, QChar(0x2588)) + QString(20 - bar, QChar(0x2591)), pct(probs[k]))
                             .arg(isGold ? QStringLiteral("#e8f5e9") : isPred ? QStringLiteral("#ffcdd2") : QStringLiteral("transparent"))
                             .arg(isGold ? tr("✓ the true next sentence: ") : isPred ? tr("✗ the model's choice: ") : QString())
                             .arg(QString::fromStdString(choices[k]).toHtmlEscaped());
            }
            html += block + QStringLiteral("</p>");
        } else {
            const int gold = e.value("gold", -1), pred = e.value("predicted", -1);
            const auto probs = e.value("probs", std::vector<double>{});
            std::vector<int> order(probs.size());
            std::iota(order.begin(), order.end(), 0);
            std::sort(order.begin(), order.end(), [&](int a, int b) { return probs[a] > probs[b]; });
            QString top;
            for (std::size_t k = 0; k < std::min<std::size_t>(3, order.size()); ++k)
                top += QStringLiteral("%1 %2%3").arg(k ? QStringLiteral(" · ") : QString(), QString::fromStdString(labels[order[k]]).toHtmlEscaped(), QStringLiteral(" ") + pct(probs[order[k]]));
            const auto texts = e.value("text", std::vector<std::string>{});
            QString text;
            for (const auto& t : texts) text += (text.isEmpty() ? QString() : QStringLiteral(" ‖ ")) + QString::fromStdString(t);
            if (text.size() > 260) text = text.left(260) + QStringLiteral("…");
            html += QStringLiteral("<p><span style='background:%1'><b>%2</b></span> %3<br><span style='color:#555'>%4</span></p>")
                        .arg(gold == pred ? QStringLiteral("#e8f5e9") : QStringLiteral("#ffcdd2"))
                        .arg(gold == pred ? tr("right: %1").arg(QString::fromStdString(labels[gold]).toHtmlEscaped())
                                          : tr("predicted %1, gold %2").arg(QString::fromStdString(labels[pred]).toHtmlEscaped(),
                                                                            QString::fromStdString(labels[gold]).toHtmlEscaped()))
                        .arg(text.toHtmlEscaped())
                        .arg(tr("top: %1").arg(top));
        }
    }
    examples_->setHtml(html);
    Q_EMIT predictionsShown();
}

void FinetunePanel::refreshResults()
{
    results_->setSortingEnabled(false);
    results_->setRowCount(0);
    transferPoints_.clear();
    transferBaselines_.clear();
    transferF1_.clear();
    try {
        RunStoreClient store(storePath_.toStdString());
        for (const RunSummary& r : store.runs()) {
            if (r.objective.rfind("finetune:", 0) != 0) continue;
            const auto j = nlohmann::json::parse(store.configJson(r.id), nullptr, false);
            if (!j.is_object() || !j.contains("finetune")) continue;
            const auto& f = j["finetune"];
            std::map<std::string, double> last;
            for (const auto& m : store.metrics(r.id)) last[m.name] = m.value;
            auto get = [&](const std::string& k) { return last.count(k) ? last[k] : NAN; };
            // The task's metric: accuracy, or SQuAD's F1 for reading comprehension.
            const bool f1 = last.count("best_dev_f1") || last.count("test_f1") || last.count("dev_f1");
            const std::string m = f1 ? "f1" : "accuracy";
            auto score = [&](double v) { return f1 && !std::isnan(v) ? tr("F1 %1").arg(pct(v)) : pct(v); };
            const int row = results_->rowCount();
            results_->insertRow(row);
            auto set = [&](int col, const QString& text, double sortKey) {
                auto* item = new QTableWidgetItem(text);
                item->setData(Qt::UserRole, sortKey);
                results_->setItem(row, col, item);
            };
            const int limit = f.value("max_train_examples", 0);
            set(0, QString::number(r.id), static_cast<double>(r.id));
            set(1, QString::fromStdString(f.value("task", std::string())), 0);
            set(2, QFileInfo(QString::fromStdString(f.value("checkpoint", std::string()))).fileName(), 0);
            set(3, f.value("from_scratch", false) ? tr("random") : tr("pre-trained"), 0);
            set(4, limit > 0 ? QLocale().toString(limit) : tr("all (%1)").arg(QLocale().toString(static_cast<qlonglong>(get("task_train_examples")))), limit);
            set(5, QString::number(r.lastStep), static_cast<double>(r.lastStep));
            const double test = get("test_" + m), majority = get("test_majority_" + m), simple = get("test_simple_" + m);
            set(6, score(get("best_dev_" + m)), get("best_dev_" + m));
            set(7, r.status == "completed" ? score(test) : QString::fromStdString(r.status), test);
            set(8, std::isnan(get("test_macro_f1")) ? QStringLiteral("–") : QString::number(get("test_macro_f1"), 'f', 3), get("test_macro_f1"));
            set(9, score(majority), majority);
            set(10, score(simple), simple);
            if (r.status == "completed" && !std::isnan(test)) {
                const QString taskName = QString::fromStdString(f.value("task", std::string()));
                const int examples = limit > 0 ? limit : static_cast<int>(get("task_train_examples"));
                double& best = transferPoints_[taskName][!f.value("from_scratch", false)][examples];
                best = std::max(best, test);
                transferF1_[taskName] = f1;
                if (limit == 0) transferBaselines_[taskName] = {majority, simple};
            }
            if (!std::isnan(test) && !std::isnan(simple))
                results_->item(row, 7)->setBackground(test > simple ? QColor(0xe8, 0xf5, 0xe9) : QColor(0xff, 0xf3, 0xe0));
        }
    } catch (const std::exception&) {
    }
    results_->setSortingEnabled(true);
    const QString keep = transferTask_->currentText();
    {
        const QSignalBlocker block(transferTask_);
        transferTask_->clear();
        for (const auto& [task, arms] : transferPoints_) transferTask_->addItem(task);
        if (const int i = transferTask_->findText(keep); i >= 0) transferTask_->setCurrentIndex(i);
    }
    drawTransfer();
}

void FinetunePanel::showTransfer(const QString& task)
{
    refreshResults();
    if (const int i = transferTask_->findText(task); i >= 0) transferTask_->setCurrentIndex(i);
    showTab(2);
}

void FinetunePanel::drawTransfer()
{
    transfer_->clearGraphs();
    const QString task = transferTask_->currentText();
    auto it = transferPoints_.find(task);
    if (it == transferPoints_.end()) {
        transferStatus_->setText(tr("No completed fine-tuning runs yet. 'pretrainlab-cli experiment transfer --checkpoint DIR --task NAME' "
                                    "fine-tunes from the pre-trained model and from random initialisation on 100, 300, 1,000 and all examples."));
        transfer_->replot();
        return;
    }
    double lo = 1e18, hi = 1;
    for (const auto& [pretrained, points] : it->second) {
        QVector<double> x, y;
        for (const auto& [n, acc] : points) {
            x << n;
            y << acc;
            lo = std::min<double>(lo, n);
            hi = std::max<double>(hi, n);
        }
        QCPGraph* g = transfer_->addGraph();
        g->setName(pretrained ? tr("pre-trained") : tr("random initialisation"));
        g->setPen(QPen(pretrained ? QColor(0x15, 0x65, 0xc0) : QColor(0xef, 0x6c, 0x00), 2));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
        g->setData(x, y);
    }
    if (auto b = transferBaselines_.find(task); b != transferBaselines_.end()) {
        for (const auto& [value, label, color] : std::vector<std::tuple<double, QString, QColor>>{
                 {b->second.second, tr("simple non-neural model, all examples (%1)"), QColor(0x55, 0x55, 0x55)},
                 {b->second.first, tr("majority class (%1)"), QColor(0xaa, 0xaa, 0xaa)}}) {
            if (std::isnan(value)) continue;
            QCPGraph* g = transfer_->addGraph();
            g->setName(label.arg(pct(value)));
            g->setPen(QPen(color, 1.5, Qt::DashLine));
            g->setData(QVector<double>{lo * 0.8, hi * 1.25}, QVector<double>{value, value});
        }
    }
    const bool f1 = transferF1_.count(task) && transferF1_.at(task);
    transfer_->yAxis->setLabel(f1 ? tr("test F1 (SQuAD's token overlap)") : tr("test accuracy"));
    transfer_->rescaleAxes();
    transfer_->xAxis->setRange(lo * 0.7, hi * 1.4);
    transfer_->yAxis->setRange(0, 1.02);
    transfer_->replot();
    transferStatus_->setText((f1 ? tr("Each point: one completed run's test F1 (the best of several runs at one size).")
                                 : tr("Each point: one completed run's test accuracy (the best of several runs at one size).")) +
                             QLatin1Char(' ') +
                             tr("A gap between the lines is what pre-training brought; where they meet, the labelled data alone is enough."));
}

} // namespace ui
} // namespace ptl

#include "ui/fewshot/FewShotPanel.h"
#include "ui/common/QCustomPlot.h"
#include "ui/common/TableCell.h"
#include "ui/fewshot/ScalingView.h"
#include "ui/generate/Generator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace ptl {
namespace ui {

namespace {
QString pct(double v) { return QStringLiteral("%1%").arg(100.0 * v, 0, 'f', 1); }

int argmax(const std::vector<double>& v) { return v.empty() ? -1 : static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin()); }
} // namespace

FewShotPanel::FewShotPanel(QWidget* parent) : QWidget(parent)
{
    worker_ = new Generator(this);

    checkpoint_ = new QLineEdit(QString::fromStdString(shippedGptDir()), this);
    checkpoint_->setToolTip(tr("A GPT checkpoint folder (causal language model)"));
    auto* shipped = new QPushButton(tr("Shipped GPT"), this);
    taskCombo_ = new QComboBox(this);
    for (const auto& t : fewShotTaskList())
        taskCombo_->addItem(QStringLiteral("%1 — %2").arg(QString::fromStdString(t.name), QString::fromStdString(t.title)), QString::fromStdString(t.name));
    construction_ = new QLabel(this);
    construction_->setWordWrap(true);
    construction_->setStyleSheet(QStringLiteral("color: #555;"));
    ks_ = new QLineEdit(QStringLiteral("0,1,2,4,8,16"), this);
    ks_->setToolTip(tr("How many demonstrations the prompt shows before the test item, one run per value"));
    items_ = new QSpinBox(this);
    items_->setRange(1, 5000);
    items_->setValue(100);
    seed_ = new QSpinBox(this);
    seed_->setRange(0, 1000000);
    seed_->setValue(1);
    seed_->setToolTip(tr("Draws the demonstrations"));
    description_ = new QCheckBox(tr("begin with the task description"), this);
    description_->setChecked(true);
    run_ = new QPushButton(tr("Run"), this);
    stop_ = new QPushButton(tr("Stop"), this);
    stop_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setTextVisible(true);

    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(checkpoint_, 1);
    modelRow->addWidget(shipped);
    auto* form = new QFormLayout;
    form->addRow(tr("K (demonstrations)"), ks_);
    form->addRow(tr("Test items"), items_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(QString(), description_);
    auto* left = new QWidget(this);
    auto* lv = new QVBoxLayout(left);
    lv->addWidget(new QLabel(tr("Model"), this));
    lv->addLayout(modelRow);
    lv->addWidget(new QLabel(tr("Task"), this));
    lv->addWidget(taskCombo_);
    lv->addWidget(construction_);
    lv->addLayout(form);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run_);
    buttons->addWidget(stop_);
    lv->addLayout(buttons);
    lv->addWidget(progress_);
    lv->addStretch(1);
    left->setMaximumWidth(420);

    // ---- accuracy by K
    plot_ = new QCustomPlot(this);
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    // The legend in its own row under the plot, so it never covers a point.
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->plotLayout()->addElement(1, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(1, 0.001);
    plot_->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot_->legend->setWrap(2);
    plot_->xAxis->setLabel(tr("K: demonstrations in the prompt"));
    plot_->yAxis->setLabel(tr("test accuracy (%)"));
    plot_->setMinimumHeight(220);
    table_ = new QTableWidget(this);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::RichText);
    auto* kTab = new QWidget(this);
    auto* kv = new QVBoxLayout(kTab);
    kv->addWidget(plot_, 3);
    kv->addWidget(summary_);
    kv->addWidget(table_, 2);

    // ---- the prompt builder
    item_ = new QSpinBox(this);
    item_->setRange(0, 0);
    item_->setToolTip(tr("Which test item"));
    itemLabel_ = new QLabel(this);
    itemLabel_->setWordWrap(true);
    itemLabel_->setTextFormat(Qt::RichText);
    descriptionText_ = new QLineEdit(this);
    drawK_ = new QSpinBox(this);
    drawK_->setRange(0, 64);
    drawK_->setValue(2);
    auto* draw = new QPushButton(tr("Draw K from the pool"), this);
    auto* remove = new QPushButton(tr("Remove selected"), this);
    demos_ = new QListWidget(this);
    demos_->setDragDropMode(QAbstractItemView::InternalMove);
    demos_->setToolTip(tr("The demonstrations, in order: drag to reorder, double-click to edit"));
    prompt_ = new QPlainTextEdit(this);
    prompt_->setReadOnly(true);
    prompt_->setMaximumHeight(140);
    score_ = new QPushButton(tr("Score this prompt"), this);
    choices_ = new QTableWidget(this);
    choices_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    choices_->verticalHeader()->setVisible(false);
    choices_->setColumnCount(6);
    choices_->setHorizontalHeaderLabels({tr("Choice"), tr("Gold"), tr("log P (total)"), tr("per token"), tr("answer-only log P"), tr("relative")});
    choices_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    scoreLabel_ = new QLabel(this);
    scoreLabel_->setWordWrap(true);
    scoreLabel_->setTextFormat(Qt::RichText);
    auto* pTab = new QWidget(this);
    auto* pv = new QVBoxLayout(pTab);
    auto* itemRow = new QHBoxLayout;
    itemRow->addWidget(new QLabel(tr("Test item"), this));
    itemRow->addWidget(item_);
    itemRow->addWidget(itemLabel_, 1);
    pv->addLayout(itemRow);
    auto* descRow = new QHBoxLayout;
    descRow->addWidget(new QLabel(tr("Description"), this));
    descRow->addWidget(descriptionText_, 1);
    pv->addLayout(descRow);
    auto* demoRow = new QHBoxLayout;
    demoRow->addWidget(new QLabel(tr("Demonstrations"), this));
    demoRow->addStretch(1);
    demoRow->addWidget(new QLabel(tr("K"), this));
    demoRow->addWidget(drawK_);
    demoRow->addWidget(draw);
    demoRow->addWidget(remove);
    pv->addLayout(demoRow);
    pv->addWidget(demos_, 2);
    pv->addWidget(new QLabel(tr("The prompt the model reads"), this));
    pv->addWidget(prompt_);
    pv->addWidget(score_);
    pv->addWidget(scoreLabel_);
    pv->addWidget(choices_, 2);

    // ---- zero-shot (GPT-2)
    zeroTask_ = new QComboBox(this);
    for (const auto& t : zeroShotTaskList())
        zeroTask_->addItem(QStringLiteral("%1 — %2").arg(QString::fromStdString(t.name), QString::fromStdString(t.title)), QString::fromStdString(t.name));
    zeroItems_ = new QSpinBox(this);
    zeroItems_->setRange(1, 5000);
    zeroItems_->setValue(200);
    zeroRun_ = new QPushButton(tr("Run zero-shot"), this);
    zeroConstruction_ = new QLabel(this);
    zeroConstruction_->setWordWrap(true);
    zeroConstruction_->setStyleSheet(QStringLiteral("color: #555;"));
    zeroTable_ = new QTableWidget(this);
    zeroTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    zeroTable_->verticalHeader()->setVisible(false);
    zeroTable_->setColumnCount(3);
    zeroTable_->setHorizontalHeaderLabels({tr("Who answers"), tr("Accuracy (exact match)"), tr("F1")});
    zeroTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    zeroExamples_ = new QTableWidget(this);
    zeroExamples_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    zeroExamples_->verticalHeader()->setVisible(false);
    zeroExamples_->setColumnCount(4);
    zeroExamples_->setHorizontalHeaderLabels({tr("End of the prompt"), tr("Model"), tr("Gold"), QString()});
    zeroExamples_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    zeroExamples_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto* zTab = new QWidget(this);
    auto* zv = new QVBoxLayout(zTab);
    auto* zRow = new QHBoxLayout;
    zRow->addWidget(new QLabel(tr("Task"), this));
    zRow->addWidget(zeroTask_, 1);
    zRow->addWidget(new QLabel(tr("Items"), this));
    zRow->addWidget(zeroItems_);
    zRow->addWidget(zeroRun_);
    zv->addLayout(zRow);
    zv->addWidget(new QLabel(tr("GPT-2's zero-shot setting: the task is only in the prompt; no demonstration, nothing trained."), this));
    zv->addWidget(zeroTable_);
    zv->addWidget(zeroConstruction_);
    zv->addWidget(zeroExamples_, 2);

    tabs_ = new QTabWidget(this);
    tabs_->addTab(kTab, tr("Accuracy by K"));
    tabs_->addTab(pTab, tr("Build a prompt"));
    tabs_->addTab(zTab, tr("Zero-shot (GPT-2)"));
    scaling_ = new ScalingView(this);
    tabs_->addTab(scaling_, tr("Bigger is better"));
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int i) {
        if (tabs_->widget(i) == scaling_) scaling_->refresh();
    });
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    auto* right = new QWidget(this);
    auto* rv = new QVBoxLayout(right);
    rv->setContentsMargins(0, 0, 0, 0);
    rv->addWidget(tabs_, 1);
    rv->addWidget(status_);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({360, 900});
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    outer->addWidget(split);

    connect(shipped, &QPushButton::clicked, this, [this] { checkpoint_->setText(QString::fromStdString(shippedGptDir())); });
    connect(taskCombo_, &QComboBox::currentIndexChanged, this, &FewShotPanel::requestTask);
    connect(run_, &QPushButton::clicked, this, &FewShotPanel::runNow);
    connect(stop_, &QPushButton::clicked, worker_, &Generator::stop);
    connect(item_, &QSpinBox::valueChanged, this, &FewShotPanel::selectItem);
    connect(draw, &QPushButton::clicked, this, [this] { drawDemonstrations(drawK_->value()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        for (auto* it : demos_->selectedItems()) delete it;
        updatePrompt();
    });
    connect(demos_, &QListWidget::itemChanged, this, &FewShotPanel::updatePrompt);
    connect(demos_->model(), &QAbstractItemModel::rowsMoved, this, &FewShotPanel::updatePrompt);
    connect(descriptionText_, &QLineEdit::textChanged, this, &FewShotPanel::updatePrompt);
    connect(score_, &QPushButton::clicked, this, &FewShotPanel::scoreNow);
    connect(zeroRun_, &QPushButton::clicked, this, [this] { runZeroShotNow(zeroTask_->currentData().toString(), zeroItems_->value()); });
    connect(worker_, &Generator::zeroShotFinished, this, [this](int id, const ZeroShotResult& r) {
        if (id != zeroRequest_) return;
        zeroResult_ = r;
        zeroRun_->setEnabled(true);
        run_->setEnabled(true);
        stop_->setEnabled(false);
        zeroConstruction_->setText(QString::fromStdString(r.construction));
        const bool rougeTask = !r.rows.empty() && r.rows[0].rouge1 >= 0;
        if (rougeTask) {
            zeroTable_->setColumnCount(4);
            zeroTable_->setHorizontalHeaderLabels({tr("Who summarises"), tr("ROUGE-1 F1"), tr("ROUGE-2 F1"), tr("ROUGE-L F1")});
            zeroExamples_->setHorizontalHeaderLabels({tr("End of the article"), tr("Model's summary"), tr("Reference (the lede)"), tr("ROUGE-L")});
        } else {
            zeroTable_->setColumnCount(3);
            zeroTable_->setHorizontalHeaderLabels({tr("Who answers"), tr("Accuracy (exact match)"), tr("F1")});
            zeroExamples_->setHorizontalHeaderLabels({tr("End of the prompt"), tr("Model"), tr("Gold"), QString()});
        }
        zeroTable_->setRowCount(static_cast<int>(r.rows.size()));
        for (int i = 0; i < static_cast<int>(r.rows.size()); ++i) {
            const ZeroShotRow& row = r.rows[static_cast<std::size_t>(i)];
            const QString detail = QString::fromStdString(row.detail);
            const QString name = row.kind == "model"     ? (rougeTask ? tr("the model, after \"TL;DR:\" (top-k 2 sampling, first 3 sentences)") : tr("the model (greedy)"))
                                 : row.kind == "unigram" ? tr("always the most frequent content word (\"%1\")").arg(detail)
                                 : row.kind == "trigram" ? tr("a trigram model of the training documents")
                                 : row.kind == "copy"    ? tr("copy the passage's most frequent content word")
                                 : row.kind == "common"  ? tr("always the most common answer (\"%1\")").arg(detail)
                                 : row.kind == "nohint"  ? tr("the model without \"TL;DR:\" (it just continues the article)")
                                 : row.kind == "lead3"   ? tr("lead-3: the article's first 3 sentences")
                                 : row.kind == "random3" ? tr("random-3: 3 sentences of the article at random")
                                 : row.kind == "lead1"   ? tr("lead-1: the article's first sentence")
                                                         : QString::fromStdString(row.name);
            zeroTable_->setItem(i, 0, cell(name, i == 0));
            if (rougeTask) {
                zeroTable_->setItem(i, 1, cell(pct(row.rouge1), i == 0));
                zeroTable_->setItem(i, 2, cell(pct(row.rouge2), i == 0));
                zeroTable_->setItem(i, 3, cell(pct(row.rougeL), i == 0));
            } else {
                zeroTable_->setItem(i, 1, cell(pct(row.accuracy), i == 0));
                zeroTable_->setItem(i, 2, cell(row.f1 >= 0 ? pct(row.f1) : QStringLiteral("–"), i == 0));
            }
        }
        zeroExamples_->setRowCount(static_cast<int>(r.examples.size()));
        for (int i = 0; i < static_cast<int>(r.examples.size()); ++i) {
            const ZeroShotExample& e = r.examples[static_cast<std::size_t>(i)];
            QString tail = QString::fromStdString(e.prompt).replace(QLatin1Char('\n'), QLatin1Char(' '));
            if (tail.size() > 90) tail = QStringLiteral("…") + tail.right(90);
            const int width = rougeTask ? 200 : 60;
            auto* out = cell(QString::fromStdString(e.output).left(width));
            auto* gold = cell(QString::fromStdString(e.gold).left(width));
            out->setToolTip(QString::fromStdString(e.output));
            gold->setToolTip(QString::fromStdString(e.gold));
            zeroExamples_->setItem(i, 0, cell(tail));
            zeroExamples_->setItem(i, 1, out);
            zeroExamples_->setItem(i, 2, gold);
            zeroExamples_->setItem(i, 3, cell(e.score >= 0 ? pct(e.score) : e.correct ? QStringLiteral("✓") : QStringLiteral("✗")));
        }
        // Summaries are sentences: the article, the summary and the reference share the width and wrap.
        auto* h = zeroExamples_->horizontalHeader();
        for (int c = 0; c < 4; ++c)
            h->setSectionResizeMode(c, c == 0 || (rougeTask && c < 3) ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
        zeroExamples_->resizeRowsToContents();
        // Every row of the results in sight, without a scroll bar.
        int height = zeroTable_->horizontalHeader()->height() + 2 * zeroTable_->frameWidth();
        for (int i = 0; i < zeroTable_->rowCount(); ++i) height += zeroTable_->rowHeight(i);
        zeroTable_->setFixedHeight(height + 2);
        status_->setText(tr("Zero-shot %1: %2 items.").arg(QString::fromStdString(r.task)).arg(r.items));
        Q_EMIT zeroShotDone();
    });

    connect(worker_, &Generator::taskBuilt, this, [this](int id, const FewShotTask& t) {
        if (id != taskRequest_) return;
        task_ = t;
        construction_->setText(QString::fromStdString(t.construction));
        descriptionText_->setText(QString::fromStdString(t.description));
        item_->setRange(0, std::max(0, static_cast<int>(t.test.size()) - 1));
        selectItem(item_->value());
        drawDemonstrations(drawK_->value());
        status_->setText(tr("%1: %2 demonstrations in the pool, %3 test items").arg(QString::fromStdString(t.name)).arg(t.demos.size()).arg(t.test.size()));
        Q_EMIT taskReady();
    });
    connect(worker_, &Generator::fewShotProgress, this, [this](int id, int done, int total) {
        if (id != runRequest_ && id != zeroRequest_) return;
        progress_->setMaximum(total);
        progress_->setValue(done);
    });
    connect(worker_, &Generator::fewShotFinished, this, [this](int id, const FewShotResult& r) {
        if (id != runRequest_) return;
        result_ = r;
        run_->setEnabled(true);
        stop_->setEnabled(false);
        showResult();
        Q_EMIT finished();
    });
    connect(worker_, &Generator::choicesScored, this, [this](int id, const ChoiceScores& s) {
        if (id != scoreRequest_) return;
        scores_ = s;
        score_->setEnabled(true);
        showScores();
        Q_EMIT scored();
    });
    connect(worker_, &Generator::finished, this, [this](int id, const GenerateResult& r) {
        if (id != scoreRequest_) return;
        freeAnswer_ = QString::fromStdString(r.text);
        score_->setEnabled(true);
        const int i = item_->value();
        if (i < static_cast<int>(task_.test.size())) {
            const QString gold = QString::fromStdString(task_.test[static_cast<std::size_t>(i)].answer).trimmed();
            const bool right = freeAnswer_.trimmed().compare(gold, Qt::CaseInsensitive) == 0;
            scoreLabel_->setText(tr("The model's greedy answer: <b>%1</b>; gold: <b>%2</b> — %3")
                                     .arg(freeAnswer_.trimmed().toHtmlEscaped(), gold.toHtmlEscaped(),
                                          right ? tr("<span style='color:#1b7f2a'>exact match</span>") : tr("<span style='color:#b00020'>wrong</span>")));
        }
        choices_->setRowCount(0);
        Q_EMIT scored();
    });
    connect(worker_, &Generator::failed, this, [this](int id, const QString& m) {
        if (id == runRequest_ || id == scoreRequest_ || id == taskRequest_ || id == zeroRequest_) fail(m);
    });
    requestTask();
}

void FewShotPanel::setCheckpoint(const QString& dir) { checkpoint_->setText(dir); }
void FewShotPanel::setKs(const QString& ks) { ks_->setText(ks); }
void FewShotPanel::setItems(int n) { items_->setValue(n); }

void FewShotPanel::setTask(const QString& name)
{
    const int i = taskCombo_->findData(name);
    if (i >= 0 && i != taskCombo_->currentIndex()) taskCombo_->setCurrentIndex(i);
    else if (i >= 0) requestTask();
}

void FewShotPanel::requestTask()
{
    construction_->setText(tr("Building the task…"));
    taskRequest_ = worker_->buildTask(taskCombo_->currentData().toString());
}

void FewShotPanel::runNow()
{
    FewShotOptions o;
    o.ks.clear();
    for (const QString& k : ks_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = k.trimmed().toInt(&ok);
        if (!ok || v < 0 || v > 64) {
            fail(tr("K must be whole numbers from 0 to 64 separated by commas (got '%1')").arg(k));
            return;
        }
        o.ks.push_back(v);
    }
    if (o.ks.empty()) {
        fail(tr("Give at least one K"));
        return;
    }
    o.items = items_->value();
    o.seed = static_cast<std::uint64_t>(seed_->value());
    o.description = description_->isChecked();
    run_->setEnabled(false);
    stop_->setEnabled(true);
    progress_->setValue(0);
    tabs_->setCurrentIndex(0);
    status_->setText(tr("Running %1 at K = %2…").arg(taskCombo_->currentData().toString(), ks_->text()));
    runRequest_ = worker_->fewShot(checkpoint_->text(), taskCombo_->currentData().toString(), o);
}

void FewShotPanel::setStorePath(const QString& path) { scaling_->setStorePath(path); }

void FewShotPanel::runZeroShotNow(const QString& task, int items)
{
    const int i = zeroTask_->findData(task);
    if (i >= 0) zeroTask_->setCurrentIndex(i);
    zeroItems_->setValue(items);
    ZeroShotOptions o;
    o.items = items;
    zeroRun_->setEnabled(false);
    run_->setEnabled(false);
    stop_->setEnabled(true);
    progress_->setValue(0);
    tabs_->setCurrentIndex(2);
    status_->setText(tr("Running zero-shot %1…").arg(task));
    zeroRequest_ = worker_->zeroShot(checkpoint_->text(), task, o);
}

void FewShotPanel::showResult()
{
    const FewShotResult& r = result_;
    const bool choice = r.kind == "choice";
    plot_->clearGraphs();
    plot_->clearItems();
    QVector<double> x;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (std::size_t i = 0; i < r.byK.size(); ++i) {
        x << static_cast<double>(i);
        ticker->addTick(static_cast<double>(i), QString::number(r.byK[i].k));
    }
    plot_->xAxis->setTicker(ticker);
    auto line = [&](const QString& name, const QColor& c, auto value, Qt::PenStyle style = Qt::SolidLine) {
        QVector<double> y;
        for (const auto& k : r.byK) y << 100.0 * value(k);
        QCPGraph* g = plot_->addGraph();
        g->setName(name);
        g->setPen(QPen(c, 2, style));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
        g->setData(x, y);
    };
    if (choice) {
        line(tr("by total log P"), QColor(0x15, 0x65, 0xc0), [](const FewShotKResult& k) { return k.accuracy; });
        line(tr("by log P per token"), QColor(0x2e, 0x7d, 0x32), [](const FewShotKResult& k) { return k.accuracyPerToken; });
        line(tr("by log P relative to answer-only"), QColor(0x8e, 0x24, 0xaa), [](const FewShotKResult& k) { return k.accuracyRelative; });
    } else {
        line(tr("exact match (greedy)"), QColor(0x15, 0x65, 0xc0), [](const FewShotKResult& k) { return k.accuracy; });
    }
    auto flat = [&](const QString& name, double v, const QColor& c) {
        QCPGraph* g = plot_->addGraph();
        g->setName(name);
        g->setPen(QPen(c, 1.5, Qt::DashLine));
        const double right = std::max<double>(1.0, static_cast<double>(r.byK.size()) - 1.0);
        g->setData(QVector<double>{-0.2, right + 0.2}, QVector<double>{100 * v, 100 * v});
    };
    flat(choice ? tr("chance") : tr("most common answer"), r.chance, QColor(0x75, 0x75, 0x75));
    if (choice) flat(tr("answer-only (no question)"), r.answerOnly, QColor(0xef, 0x6c, 0x00));
    plot_->xAxis->setRange(-0.3, std::max<double>(1.0, static_cast<double>(r.byK.size()) - 0.7));
    double top = 100 * std::max(r.chance, r.answerOnly);
    for (const auto& k : r.byK) top = std::max({top, 100 * k.accuracy, 100 * k.accuracyPerToken, 100 * k.accuracyRelative});
    plot_->yAxis->setRange(0, std::min(100.0, std::max(10.0, top * 1.2)));
    plot_->replot();

    table_->clear();
    QStringList head = {tr("K"), tr("demonstrations that fit")};
    if (choice) head << tr("total log P") << tr("per token") << tr("relative");
    else head << tr("exact match");
    table_->setColumnCount(head.size());
    table_->setHorizontalHeaderLabels(head);
    table_->setRowCount(static_cast<int>(r.byK.size()));
    for (int i = 0; i < static_cast<int>(r.byK.size()); ++i) {
        const FewShotKResult& k = r.byK[static_cast<std::size_t>(i)];
        table_->setItem(i, 0, cell(QString::number(k.k)));
        table_->setItem(i, 1, cell(QString::number(k.meanDemos, 'f', 1)));
        table_->setItem(i, 2, cell(pct(k.accuracy)));
        if (choice) {
            table_->setItem(i, 3, cell(pct(k.accuracyPerToken)));
            table_->setItem(i, 4, cell(pct(k.accuracyRelative)));
        }
    }
    // What the numbers say, computed.
    const FewShotKResult* best = nullptr;
    for (const auto& k : r.byK)
        if (!best || k.accuracy > best->accuracy) best = &k;
    QString s = tr("%1 test items, prompts of at most %2 tokens (what the model was trained on). ").arg(r.byK.empty() ? 0 : r.byK[0].items).arg(r.context);
    if (best) {
        const double se = std::sqrt(std::max(1e-9, r.chance * (1 - r.chance) / std::max(1, best->items)));
        s += tr("Best: K = %1 with %2 against %3 for %4").arg(best->k).arg(pct(best->accuracy), pct(r.chance), choice ? tr("chance (1 / choices)") : tr("always the demonstrations' most common answer"));
        s += best->accuracy > r.chance + 2 * se ? tr(" — above it by more than two standard errors.") : tr(" — within two standard errors of it: no evidence of learning from the prompt.");
    }
    if (!r.byK.empty() && r.byK.back().meanDemos + 0.5 < r.byK.back().k)
        s += tr(" Only %1 of K = %2 demonstrations fit the context on average.").arg(r.byK.back().meanDemos, 0, 'f', 1).arg(r.byK.back().k);
    summary_->setText(s);
    status_->setText(tr("Done."));
}

void FewShotPanel::selectItem(int index)
{
    if (index < 0 || index >= static_cast<int>(task_.test.size())) return;
    if (item_->value() != index) item_->setValue(index);
    const FewShotItem& it = task_.test[static_cast<std::size_t>(index)];
    itemLabel_->setText(tr("<b>%1</b> → gold: <b>%2</b>").arg(QString::fromStdString(it.context).toHtmlEscaped(),
                                                                 QString::fromStdString(it.answer).trimmed().toHtmlEscaped()));
    updatePrompt();
}

void FewShotPanel::drawDemonstrations(int k)
{
    const int index = item_->value();
    if (index < 0 || index >= static_cast<int>(task_.test.size())) return;
    if (drawK_->value() != k) drawK_->setValue(k);
    demos_->clear();
    for (int d : ptl::drawDemonstrations(task_, k, static_cast<std::uint64_t>(seed_->value()), task_.test[static_cast<std::size_t>(index)])) {
        const FewShotItem& x = task_.demos[static_cast<std::size_t>(d)];
        auto* it = new QListWidgetItem(QString::fromStdString(x.context + x.answer), demos_);
        it->setFlags(it->flags() | Qt::ItemIsEditable);
    }
    updatePrompt();
}

QString FewShotPanel::assembledPrompt() const
{
    const int index = item_->value();
    if (index < 0 || index >= static_cast<int>(task_.test.size())) return {};
    QString p;
    if (!descriptionText_->text().trimmed().isEmpty()) p += descriptionText_->text() + QLatin1Char('\n');
    for (int i = 0; i < demos_->count(); ++i) p += demos_->item(i)->text() + QLatin1Char('\n');
    return p + QString::fromStdString(task_.test[static_cast<std::size_t>(index)].context);
}

void FewShotPanel::updatePrompt() { prompt_->setPlainText(assembledPrompt()); }

void FewShotPanel::scoreNow()
{
    const int index = item_->value();
    if (index < 0 || index >= static_cast<int>(task_.test.size())) return;
    const FewShotItem& it = task_.test[static_cast<std::size_t>(index)];
    score_->setEnabled(false);
    scoreLabel_->setText(tr("Scoring…"));
    if (task_.kind == "choice") {
        scoreRequest_ = worker_->scoreChoices(checkpoint_->text(), assembledPrompt(), it.choices, QString::fromStdString(task_.answerContext));
    } else {
        GenerateOptions g;
        g.max_new_tokens = 12;
        g.stop = {"\n"};
        scoreRequest_ = worker_->generate(checkpoint_->text(), assembledPrompt(), g);
    }
}

void FewShotPanel::showScores()
{
    const int index = item_->value();
    if (index < 0 || index >= static_cast<int>(task_.test.size())) return;
    const FewShotItem& it = task_.test[static_cast<std::size_t>(index)];
    const ChoiceScores& s = scores_;
    std::vector<double> rel(s.logLikelihood.size());
    for (std::size_t c = 0; c < rel.size(); ++c) rel[c] = s.logLikelihood[c] - s.answerOnly[c];
    const int byTotal = argmax(s.logLikelihood), byToken = argmax(s.perToken), byRel = argmax(rel);
    choices_->setRowCount(static_cast<int>(it.choices.size()));
    for (int c = 0; c < static_cast<int>(it.choices.size()); ++c) {
        const auto u = static_cast<std::size_t>(c);
        const bool gold = c == it.label;
        choices_->setItem(c, 0, cell(QString::fromStdString(it.choices[u]).trimmed(), gold));
        choices_->setItem(c, 1, cell(gold ? QStringLiteral("✓") : QString(), gold));
        choices_->setItem(c, 2, cell(QString::number(s.logLikelihood[u], 'f', 2) + (c == byTotal ? QStringLiteral("  ▶") : QString()), c == byTotal));
        choices_->setItem(c, 3, cell(QString::number(s.perToken[u], 'f', 2) + (c == byToken ? QStringLiteral("  ▶") : QString()), c == byToken));
        choices_->setItem(c, 4, cell(QString::number(s.answerOnly[u], 'f', 2)));
        choices_->setItem(c, 5, cell(QString::number(rel[u], 'f', 2) + (c == byRel ? QStringLiteral("  ▶") : QString()), c == byRel));
    }
    auto verdict = [&](int pick) { return pick == it.label ? tr("right") : tr("wrong"); };
    scoreLabel_->setText(tr("▶ marks each rule's pick. By total log-likelihood: %1; per token: %2; relative to the answer-only context (\"%3\"): %4.")
                             .arg(verdict(byTotal), verdict(byToken), QString::fromStdString(task_.answerContext).toHtmlEscaped(), verdict(byRel)));
}

void FewShotPanel::fail(const QString& message)
{
    run_->setEnabled(true);
    zeroRun_->setEnabled(true);
    stop_->setEnabled(false);
    score_->setEnabled(true);
    status_->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(message.toHtmlEscaped().replace(QStringLiteral("\n"), QStringLiteral("<br>"))));
    Q_EMIT finished();
}

} // namespace ui
} // namespace ptl

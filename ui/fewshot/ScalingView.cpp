#include "ui/fewshot/ScalingView.h"
#include "ui/common/QCustomPlot.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace ptl {
namespace ui {

namespace {

QString millions(double n) { return QStringLiteral("%1 M").arg(n / 1e6, 0, 'g', 3); }

QString pctOrDash(double v) { return v < 0 ? QStringLiteral("–") : QStringLiteral("%1%").arg(100.0 * v, 0, 'f', 1); }

void logAxis(QCPAxis* axis)
{
    axis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    ticker->setSubTickCount(8);
    axis->setTicker(ticker);
    axis->setNumberFormat(QStringLiteral("gb"));
}

} // namespace

ScalingView::ScalingView(QWidget* parent) : QWidget(parent)
{
    ladder_ = new QComboBox(this);
    auto* reload = new QPushButton(tr("Read the store again"), this);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::RichText);

    loss_ = new QCustomPlot(this);
    loss_->setMinimumHeight(240);
    logAxis(loss_->xAxis);
    logAxis(loss_->yAxis);
    loss_->xAxis->setLabel(tr("non-embedding parameters N (log scale)"));
    loss_->yAxis->setLabel(tr("held-out loss, nats (log scale)"));
    loss_->legend->setVisible(true);
    loss_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignRight | Qt::AlignTop);

    tasks_ = new QCustomPlot(this);
    tasks_->setMinimumHeight(200);
    logAxis(tasks_->xAxis);
    tasks_->xAxis->setLabel(tr("non-embedding parameters N (log scale)"));
    tasks_->yAxis->setLabel(tr("accuracy"));
    tasks_->legend->setVisible(true);
    tasks_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignTop);

    table_ = new QTableWidget(this);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(false);
    table_->setColumnCount(10);
    table_->setHorizontalHeaderLabels({tr("Size (layers × hidden, heads)"), tr("Non-embedding N"), tr("Learning rate"), tr("Held-out loss"), tr("÷ unigram"),
                                       tr("Zero-shot last word"), tr("Capitals K=0"), tr("Capitals K=4"), tr("Minutes"), tr("Run")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Ladder"), this));
    top->addWidget(ladder_, 1);
    top->addWidget(reload);
    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(loss_);
    charts->addWidget(tasks_);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addLayout(top);
    v->addWidget(summary_);
    v->addWidget(charts, 3);
    v->addWidget(table_, 2);

    connect(reload, &QPushButton::clicked, this, &ScalingView::refresh);
    connect(ladder_, &QComboBox::currentIndexChanged, this, &ScalingView::draw);
}

void ScalingView::setStorePath(const QString& path)
{
    storePath_ = path;
    refresh();
}

void ScalingView::refresh()
{
    ladders_.clear();
    QString error;
    if (!storePath_.isEmpty()) {
        try {
            ladders_ = scalingLaddersInStore(storePath_.toStdString());
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
    }
    const QString keep = ladder_->currentText();
    {
        const QSignalBlocker block(ladder_);
        ladder_->clear();
        for (const auto& l : ladders_)
            ladder_->addItem(tr("%1, %2 steps a size (%3 sizes)")
                                 .arg(l.family == "gpt" ? QStringLiteral("GPT") : QStringLiteral("BERT"))
                                 .arg(l.steps)
                                 .arg(l.points.size()));
        if (const int i = ladder_->findText(keep); i >= 0) ladder_->setCurrentIndex(i);
    }
    draw();
    if (!error.isEmpty()) summary_->setText(tr("The run store could not be read: %1").arg(error.toHtmlEscaped()));
}

void ScalingView::draw()
{
    loss_->clearGraphs();
    loss_->clearItems();
    tasks_->clearGraphs();
    table_->setRowCount(0);
    const int index = ladder_->currentIndex();
    if (index < 0 || index >= static_cast<int>(ladders_.size())) {
        summary_->setText(tr("No model-size ladder in the run store yet. <code>pretrainlab-cli experiment scaling --family gpt --steps 2000</code> "
                             "trains five sizes (0.1 M to 10.6 M non-embedding parameters) on the same tokens, one ordinary run each "
                             "(about three hours on two cores; a stopped ladder resumes); they appear here as they finish."));
        loss_->replot();
        tasks_->replot();
        return;
    }
    const ScalingLadder& l = ladders_[static_cast<std::size_t>(index)];
    const bool gpt = l.family == "gpt";

    QVector<double> n, loss, lw, k0, k4, nTask;
    for (const auto& p : l.points) {
        if (p.status != "completed" || !std::isfinite(p.evalLoss)) continue;
        n.push_back(static_cast<double>(p.nonEmbedding));
        loss.push_back(p.evalLoss);
        if (p.lastWord >= 0) {
            nTask.push_back(static_cast<double>(p.nonEmbedding));
            lw.push_back(p.lastWord);
            k0.push_back(p.fewShot0);
            k4.push_back(p.fewShot4);
        }
    }
    auto* points = loss_->addGraph();
    points->setName(gpt ? tr("held-out next-token loss of each size") : tr("held-out MLM loss of each size"));
    points->setLineStyle(QCPGraph::lsNone);
    points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(0x1f, 0x77, 0xb4), 9));
    points->setData(n, loss);
    if (l.fit.points >= 2 && !n.isEmpty()) {
        const double lo = *std::min_element(n.begin(), n.end()) / 1.5, hi = *std::max_element(n.begin(), n.end()) * 1.5;
        QVector<double> xs, fit, kaplan;
        // Kaplan et al.'s slope drawn through the fit's value at the geometric middle of the sizes.
        auto law = [&](double x) { return l.fit.scale * std::pow(x, -l.fit.alpha); };
        const double mid = std::sqrt(lo * hi), atMid = law(mid);
        for (int i = 0; i <= 40; ++i) {
            const double x = lo * std::pow(hi / lo, i / 40.0);
            xs.push_back(x);
            fit.push_back(law(x));
            kaplan.push_back(atMid * std::pow(mid / x, 0.076));
        }
        auto* g = loss_->addGraph();
        g->setName(tr("fitted power law L = (N_c / N)^α, α = %1 (R² %2)").arg(l.fit.alpha, 0, 'f', 3).arg(l.fit.r2, 0, 'f', 2));
        g->setPen(QPen(QColor(0xd6, 0x27, 0x28), 2));
        g->setData(xs, fit);
        auto* k = loss_->addGraph();
        k->setName(tr("Kaplan et al. (2020)'s slope, α = 0.076"));
        k->setPen(QPen(QColor(0x7f, 0x7f, 0x7f), 1.5, Qt::DashLine));
        k->setData(xs, kaplan);
    }
    if (!n.isEmpty()) {
        // Ranges set by hand: a log axis around a narrow band of losses needs its margins as factors.
        double ylo = *std::min_element(loss.begin(), loss.end()), yhi = *std::max_element(loss.begin(), loss.end());
        for (int g = 1; g < loss_->graphCount(); ++g)
            for (auto it = loss_->graph(g)->data()->begin(); it != loss_->graph(g)->data()->end(); ++it) {
                ylo = std::min(ylo, it->value);
                yhi = std::max(yhi, it->value);
            }
        loss_->xAxis->setRange(*std::min_element(n.begin(), n.end()) / 2, *std::max_element(n.begin(), n.end()) * 2);
        loss_->yAxis->setRange(ylo / 1.08, yhi * 1.08);
    }
    loss_->replot();

    tasks_->setVisible(gpt);
    if (gpt) {
        const std::pair<QString, QVector<double>*> lines[] = {{tr("zero-shot last word (LAMBADA-style)"), &lw},
                                                               {tr("capitals, 4 choices, K = 0"), &k0},
                                                               {tr("capitals, 4 choices, K = 4"), &k4}};
        const QColor colours[] = {QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd), QColor(0xff, 0x7f, 0x0e)};
        for (int i = 0; i < 3; ++i) {
            auto* g = tasks_->addGraph();
            g->setName(lines[i].first);
            g->setPen(QPen(colours[i], 2));
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colours[i], 7));
            g->setData(nTask, *lines[i].second);
        }
        if (!nTask.isEmpty()) {
            auto* chance = tasks_->addGraph();
            chance->setName(tr("chance on capitals (25%)"));
            chance->setPen(QPen(Qt::gray, 1, Qt::DashLine));
            chance->setData({nTask.front() / 2, nTask.back() * 2}, {0.25, 0.25});
        }
        double top = 0.5;
        for (const auto* line : {&lw, &k0, &k4})
            for (double a : *line) top = std::max(top, a * 1.15);
        tasks_->yAxis->setRange(0, std::min(1.0, top));
        if (!nTask.isEmpty()) tasks_->xAxis->setRange(nTask.front() / 2, nTask.back() * 2);
        tasks_->replot();
    }

    table_->setRowCount(static_cast<int>(l.points.size()));
    for (int r = 0; r < static_cast<int>(l.points.size()); ++r) {
        const ScalingPoint& p = l.points[static_cast<std::size_t>(r)];
        const bool done = p.status == "completed";
        const QStringList cells = {
            tr("%1 × %2, %3 heads").arg(p.rung.layers).arg(p.rung.hidden).arg(p.rung.heads),
            millions(static_cast<double>(p.nonEmbedding)),
            p.lr > 0 ? QString::number(p.lr, 'g', 3) : QStringLiteral("–"),
            std::isfinite(p.evalLoss) ? QString::number(p.evalLoss, 'f', 3) : QStringLiteral("–"),
            std::isfinite(p.evalLossRatio) ? QString::number(p.evalLossRatio, 'f', 3) : QStringLiteral("–"),
            pctOrDash(p.lastWord),
            pctOrDash(p.fewShot0),
            pctOrDash(p.fewShot4),
            QString::number(p.seconds / 60, 'f', 1),
            done ? QString::number(p.runId) : tr("%1 (%2)").arg(p.runId).arg(QString::fromStdString(p.status)),
        };
        for (int c = 0; c < cells.size(); ++c) table_->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    QString text = QString::fromStdString(l.summary).toHtmlEscaped();
    if (l.fit.points >= 2)
        text = tr("<b>α = %1</b> over %2 sizes. %3").arg(l.fit.alpha, 0, 'f', 3).arg(l.fit.points).arg(text);
    summary_->setText(text + tr(" Every size trained for the same %1 steps on the same tokens; the loss is each run's last held-out "
                                "evaluation.").arg(l.steps));
}

} // namespace ui
} // namespace ptl

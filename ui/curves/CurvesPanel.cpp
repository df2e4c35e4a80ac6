#include "ui/curves/CurvesPanel.h"
#include "core/api/Baselines.h"
#include "core/api/Series.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPointer>
#include <QThreadPool>
#include <QPushButton>
#include <QSlider>
#include <QSvgGenerator>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <memory>
#include "ui/common/QCustomPlot.h"

namespace ptl {
namespace ui {

namespace {
QColor runColor(int i)
{
    static const QColor palette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c), QColor(0xff, 0x7f, 0x0e),
                                     QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf)};
    return palette[i % 8];
}
} // namespace

CurvesPanel::CurvesPanel(QString storePath, QWidget* parent) : QWidget(parent), storePath_(std::move(storePath))
{
    metric_ = new QComboBox(this);
    metric_->setMinimumContentsLength(18);
    metric_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    xAxis_ = new QComboBox(this);
    xAxis_->addItem(tr("step"), Step);
    xAxis_->addItem(tr("tokens seen"), TokensSeen);
    xAxis_->addItem(tr("training FLOPs (estimated)"), Flops);
    xAxis_->addItem(tr("wall time (s)"), WallTime);
    xAxis_->addItem(tr("relative time (s)"), RelativeTime);
    xAxis_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);  // leaves room for the docks
    xAxis_->setMinimumContentsLength(12);
    smoothing_ = new QSlider(Qt::Horizontal, this);
    smoothing_->setRange(0, 99);
    smoothing_->setValue(60);
    smoothing_->setMinimumWidth(110);
    smoothing_->setMaximumWidth(160);
    smoothing_->setToolTip(tr("Exponential moving average, debiased (as TensorBoard); the raw curve stays faint behind"));
    smoothingLabel_ = new QLabel(this);
    logY_ = new QCheckBox(tr("log y"), this);
    baselines_ = new QCheckBox(tr("baseline"), this);
    baselines_->setChecked(true);
    baselines_->setToolTip(tr("Dashed: what a model that ignores context scores on the same data (the unigram entropy of the "
                              "predicted tokens; for ELECTRA's discriminator the entropy of the replaced share). A curve "
                              "below it means the model uses context."));
    auto* reset = new QPushButton(tr("Reset view"), this);
    auto* exportButton = new QPushButton(tr("Export…"), this);

    plot_ = new QCustomPlot(this);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot_->setNoAntialiasingOnDrag(true);
    plot_->setPlottingHints(QCP::phFastPolylines | QCP::phCacheLabels);
    plot_->setMouseTracking(true);
    empty_ = new QLabel(tr("Select runs in the Runs panel (Ctrl-click for several) to see their curves."), plot_);
    empty_->setStyleSheet(QStringLiteral("color: #666; background: transparent;"));
    empty_->move(60, 40);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Metric"), this));
    bar->addWidget(metric_);
    bar->addWidget(new QLabel(tr("x-axis"), this));
    bar->addWidget(xAxis_);
    bar->addWidget(new QLabel(tr("Smoothing"), this));
    bar->addWidget(smoothing_);
    bar->addWidget(smoothingLabel_);
    bar->addWidget(logY_);
    bar->addWidget(baselines_);
    bar->addStretch(1);
    bar->addWidget(reset);
    bar->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(plot_, 1);

    redrawTimer_ = new QTimer(this);
    redrawTimer_->setSingleShot(true);
    redrawTimer_->setInterval(40);  // at most 25 redraws a second, whatever arrives
    connect(redrawTimer_, &QTimer::timeout, this, &CurvesPanel::refreshInBackground);
    connect(metric_, &QComboBox::currentIndexChanged, this, [this] {
        wanted_ = metric_->currentText();
        redraw();
        plot_->rescaleAxes();
        plot_->replot();
    });
    connect(xAxis_, &QComboBox::currentIndexChanged, this, [this] {
        redraw();
        plot_->rescaleAxes();
        plot_->replot();
    });
    connect(smoothing_, &QSlider::valueChanged, this, [this] { redraw(); });
    connect(baselines_, &QCheckBox::toggled, this, [this] { redraw(); });
    connect(logY_, &QCheckBox::toggled, this, [this](bool on) {
        plot_->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        plot_->yAxis->setTicker(on ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog) : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        redraw();
    });
    connect(reset, &QPushButton::clicked, this, [this] {
        followData_ = true;
        plot_->rescaleAxes();
        plot_->replot();
    });
    connect(plot_, &QCustomPlot::mousePress, this, [this] { followData_ = false; });
    connect(plot_, &QCustomPlot::mouseWheel, this, [this] { followData_ = false; });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Export curves"), QStringLiteral("curves.png"),
                                                       tr("PNG image (*.png);;PDF (*.pdf);;SVG (*.svg);;CSV of what is shown (*.csv)"));
        QString error;
        if (!f.isEmpty() && !exportTo(f, &error)) QMessageBox::warning(this, tr("Export curves"), error);
    });
    connect(plot_, &QCustomPlot::mouseMove, this, &CurvesPanel::showTooltip);
    smoothingLabel_->setText(QString::number(smoothing_->value() / 100.0, 'f', 2));
    connect(smoothing_, &QSlider::valueChanged, this, [this](int v) { smoothingLabel_->setText(QString::number(v / 100.0, 'f', 2)); });

    auto* poll = new QTimer(this);  // picks up runs trained elsewhere (the CLI) too
    connect(poll, &QTimer::timeout, this, [this] { redrawTimer_->start(); });
    poll->start(2000);
}

void CurvesPanel::setRuns(const QList<qint64>& runIds)
{
    runs_ = runIds;
    for (auto it = data_.begin(); it != data_.end();)
        it = runIds.contains(it->first) ? std::next(it) : data_.erase(it);
    for (qint64 id : runIds) data_[id];  // a run not read yet: drawn when its rows arrive
    followData_ = true;
    rebuildMetricList();
    redraw();
    refreshInBackground();
}

void CurvesPanel::setMetric(const QString& name)
{
    wanted_ = name;  // kept for runs whose rows are still being read
    const int i = metric_->findText(name);
    if (i >= 0) metric_->setCurrentIndex(i);
}

QString CurvesPanel::metric() const { return metric_->currentText(); }

void CurvesPanel::setXAxis(XAxis axis) { xAxis_->setCurrentIndex(xAxis_->findData(axis)); }
void CurvesPanel::setSmoothing(double weight) { smoothing_->setValue(static_cast<int>(weight * 100 + 0.5)); }
void CurvesPanel::setLogY(bool on) { logY_->setChecked(on); }
void CurvesPanel::setShowBaselines(bool on) { baselines_->setChecked(on); }

void CurvesPanel::notifyNewPoints(qint64 runId)
{
    if (runs_.contains(runId) && !redrawTimer_->isActive()) redrawTimer_->start();
}

CurvesPanel::Loaded CurvesPanel::read(const RunStoreClient& store, qint64 runId, std::int64_t after)
{
    Loaded l;
    l.runId = runId;
    l.after = after;
    if (const auto r = store.run(runId)) l.name = QString::fromStdString(r->name);
    l.points = store.metrics(runId, after);
    return l;
}

bool CurvesPanel::merge(Loaded&& l)
{
    auto it = data_.find(l.runId);
    if (it == data_.end() || !runs_.contains(l.runId)) return false;  // no longer shown
    RunData& d = it->second;
    if (l.after > d.lastStep) return false;  // read for an earlier selection of this run: rows up to `after` would be missing
    bool changed = !l.name.isEmpty() && l.name != d.name;
    if (changed) d.name = l.name;
    const std::int64_t before = d.lastStep;
    for (MetricPoint& p : l.points) {
        if (p.step <= before) continue;  // read meanwhile by refreshNow
        d.lastStep = std::max(d.lastStep, p.step);
        d.series[p.name].push_back(std::move(p));
        changed = true;
    }
    return changed;
}

void CurvesPanel::refreshNow()
{
    try {
        RunStoreClient store(storePath_.toStdString());
        for (qint64 id : runs_) merge(read(store, id, data_[id].lastStep));
    } catch (const std::exception&) {
        // The store may be briefly busy or gone; the next refresh tries again.
    }
    rebuildMetricList();
    redraw();
}

void CurvesPanel::refreshInBackground()
{
    if (loading_) {
        loadAgain_ = true;
        return;
    }
    if (runs_.isEmpty()) return;
    loading_ = true;
    std::vector<std::pair<qint64, std::int64_t>> wanted;
    for (qint64 id : runs_) wanted.emplace_back(id, data_[id].lastStep);
    QPointer<CurvesPanel> self(this);
    QThreadPool::globalInstance()->start([self, path = storePath_.toStdString(), wanted] {
        auto loaded = std::make_shared<std::vector<Loaded>>();
        try {
            RunStoreClient store(path);
            for (const auto& [id, after] : wanted) loaded->push_back(read(store, id, after));
        } catch (const std::exception&) {
            // Busy or gone: the next poll tries again.
        }
        QMetaObject::invokeMethod(qApp, [self, loaded] {
            if (!self) return;
            bool changed = false;
            for (Loaded& l : *loaded) changed = self->merge(std::move(l)) || changed;
            self->loading_ = false;
            if (changed) {
                self->rebuildMetricList();
                self->redraw();
            }
            if (self->loadAgain_) {
                self->loadAgain_ = false;
                self->refreshInBackground();
            }
        }, Qt::QueuedConnection);
    });
}

void CurvesPanel::rebuildMetricList()
{
    QStringList names;
    for (const auto& [id, d] : data_)
        for (const auto& [name, pts] : d.series)
            if (name != "tokens_seen" && name != "flops" && !isBaselineMetric(name) && !names.contains(QString::fromStdString(name)))
                names << QString::fromStdString(name);
    names.sort();
    // Losses first: what most people look at.
    std::stable_sort(names.begin(), names.end(), [](const QString& a, const QString& b) {
        return (a == QLatin1String("loss")) > (b == QLatin1String("loss"));
    });
    QStringList current;
    for (int i = 0; i < metric_->count(); ++i) current << metric_->itemText(i);
    if (current == names) return;
    const QString keep = names.contains(wanted_) ? wanted_ : metric_->currentText();
    QSignalBlocker block(metric_);
    metric_->clear();
    metric_->addItems(names);
    const int i = metric_->findText(keep.isEmpty() ? QStringLiteral("loss") : keep);
    metric_->setCurrentIndex(std::max(0, i));
}

std::vector<double> CurvesPanel::xValues(const RunData& d, const std::vector<MetricPoint>& points, std::vector<double>* y) const
{
    const auto axis = static_cast<XAxis>(xAxis_->currentData().toInt());
    // Tokens and FLOPs are logged with the training metrics: the first at or after a step.
    std::map<std::int64_t, double> tokens;
    if (auto t = d.series.find(axis == Flops ? "flops" : "tokens_seen"); t != d.series.end())
        for (const auto& p : t->second) tokens[p.step] = p.value;
    const double t0 = points.empty() ? 0 : points.front().wallTime;
    std::vector<double> xs;
    for (const MetricPoint& p : points) {
        double x = static_cast<double>(p.step);
        if (axis == TokensSeen || axis == Flops) {
            auto k = tokens.lower_bound(p.step);
            if (k == tokens.end()) continue;
            x = k->second;
        } else if (axis == WallTime) {
            x = p.wallTime;
        } else if (axis == RelativeTime) {
            x = p.wallTime - t0;
        }
        xs.push_back(x);
        if (y) y->push_back(p.value);
    }
    return xs;
}

std::vector<CurvesPanel::Line> CurvesPanel::shownLines() const
{
    std::vector<Line> lines;
    const std::string name = metric_->currentText().toStdString();
    const double w = smoothing_->value() / 100.0;
    for (qint64 id : runs_) {
        auto it = data_.find(id);
        if (it == data_.end()) continue;
        const RunData& d = it->second;
        auto s = d.series.find(name);
        if (s == d.series.end()) continue;
        Line line{id, d.name, {}, {}, {}};
        line.x = xValues(d, s->second, &line.y);
        line.smoothed = smoothDebiasedEma(line.y, w);
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<CurvesPanel::BaselineLine> CurvesPanel::shownBaselines() const
{
    std::vector<BaselineLine> out;
    if (!baselines_->isChecked()) return out;
    const std::string base = baselineOf(metric_->currentText().toStdString());
    if (base.empty()) return out;
    for (const Line& l : shownLines()) {
        const RunData& d = data_.at(l.runId);
        auto b = d.series.find(base);
        if (b == d.series.end() || b->second.empty() || l.x.empty()) continue;
        BaselineLine line{l.runId, QString::fromStdString(base), {}, {}};
        if (b->second.size() == 1) {  // a constant: across the run's range
            const auto [lo, hi] = std::minmax_element(l.x.begin(), l.x.end());
            line.x = {*lo, *hi};
            line.y = {b->second.front().value, b->second.front().value};
        } else {
            line.x = xValues(d, b->second, &line.y);
        }
        out.push_back(std::move(line));
    }
    return out;
}

void CurvesPanel::redraw()
{
    plot_->clearGraphs();
    baselineGraphs_.clear();
    const auto lines = shownLines();
    int i = 0;
    for (const Line& l : lines) {
        const QColor c = runColor(static_cast<int>(std::find(runs_.begin(), runs_.end(), l.runId) - runs_.begin()));
        QVector<double> x(l.x.begin(), l.x.end()), y(l.y.begin(), l.y.end()), s(l.smoothed.begin(), l.smoothed.end());
        QCPGraph* raw = plot_->addGraph();
        QColor faint = c;
        faint.setAlpha(60);
        raw->setPen(QPen(faint, 1));
        raw->setData(x, y, true);
        raw->removeFromLegend();
        raw->setAdaptiveSampling(true);
        raw->setAntialiased(false);  // the faint raw curve: speed over smoothness
        QCPGraph* smooth = plot_->addGraph();
        smooth->setPen(QPen(c, 2));
        smooth->setData(x, s, true);
        smooth->setName(tr("#%1 %2").arg(l.runId).arg(l.runName));
        smooth->setAdaptiveSampling(true);
        ++i;
    }
    for (const BaselineLine& b : shownBaselines()) {
        const int index = static_cast<int>(std::find(runs_.begin(), runs_.end(), b.runId) - runs_.begin());
        QCPGraph* g = plot_->addGraph();
        QPen pen(lines.size() == 1 ? QColor(0x55, 0x55, 0x55) : runColor(index), 1.5, Qt::DashLine);
        g->setPen(pen);
        g->setData(QVector<double>(b.x.begin(), b.x.end()), QVector<double>(b.y.begin(), b.y.end()), true);
        // Fine-tuning metrics are drawn against the task's simple model, pre-training
        // metrics against the context-blind (unigram) model.
        const bool task = b.metric.contains(QLatin1String("_simple_"));
        if (task)
            g->setName(lines.size() == 1 ? tr("a simple non-neural model (%1)").arg(b.y.back(), 0, 'f', 3)
                                         : tr("#%1 a simple non-neural model (%2)").arg(b.runId).arg(b.y.back(), 0, 'f', 3));
        else
            g->setName(lines.size() == 1 ? tr("a model that ignores context (%1)").arg(b.y.back(), 0, 'f', 3)
                                         : tr("#%1 a model that ignores context (%2)").arg(b.runId).arg(b.y.back(), 0, 'f', 3));
        baselineGraphs_.insert(g);
    }
    plot_->xAxis->setLabel(xAxis_->currentText());
    plot_->yAxis->setLabel(metric_->currentText());
    empty_->setVisible(lines.empty());
    plot_->legend->setVisible(!lines.empty());
    if (i > 0 && (followData_ || plot_->xAxis->range().size() <= 1.0)) {
        plot_->rescaleAxes();
        // A little room above and below, so a baseline at the edge stays visible.
        if (!logY_->isChecked()) plot_->yAxis->scaleRange(1.08, plot_->yAxis->range().center());
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
    ++replots_;
}

void CurvesPanel::showTooltip(QMouseEvent* e)
{
    double best = 1e18;
    QString text;
    for (int g = 0; g < plot_->graphCount(); ++g) {
        QCPGraph* graph = plot_->graph(g);
        if (graph->name().isEmpty()) continue;  // raw curves: the smoothed one carries the tooltip
        const bool isBaseline = baselineGraphs_.contains(graph);
        const double key = plot_->xAxis->pixelToCoord(e->pos().x());
        auto it = graph->data()->findBegin(key, true);
        if (it == graph->data()->constEnd()) continue;
        const double px = plot_->xAxis->coordToPixel(it->key), py = plot_->yAxis->coordToPixel(it->value);
        const double d = std::hypot(px - e->pos().x(), py - e->pos().y());
        if (d < best && d < 30) {
            best = d;
            if (isBaseline) {
                text = graph->name().contains(tr("a simple non-neural model"))
                           ? tr("%1\nthe task's simple baseline, fitted on its training split: bag-of-words logistic regression "
                                "(classification) or each word's most frequent tag (tagging)")
                                 .arg(graph->name())
                           : tr("%1\nthe unigram baseline: a model that ignores context and predicts by word frequency alone")
                                 .arg(graph->name());
                continue;
            }
            // The raw value at that x sits in the graph just before (same index).
            const QCPGraph* raw = plot_->graph(g - 1);
            auto r = raw->data()->findBegin(it->key, true);
            text = tr("%1\nx = %2\nsmoothed %3\nraw %4").arg(graph->name()).arg(it->key, 0, 'g', 8).arg(it->value, 0, 'g', 6).arg(r->value, 0, 'g', 6);
        }
    }
    if (text.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(e->globalPosition().toPoint(), text, plot_);
}

bool CurvesPanel::exportTo(const QString& path, QString* error)
{
    if (loading_) refreshNow();  // what the store holds now, not what was read so far
    const QString ext = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (ext == QLatin1String("png")) {
        ok = plot_->savePng(path, 0, 0, 2.0);
    } else if (ext == QLatin1String("pdf")) {
        ok = plot_->savePdf(path);
    } else if (ext == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(plot_->size());
        svg.setViewBox(QRect(QPoint(0, 0), plot_->size()));
        svg.setTitle(tr("PretrainLab curves"));
        QCPPainter painter;
        ok = painter.begin(&svg);
        if (ok) {
            plot_->toPainter(&painter, plot_->width(), plot_->height());
            painter.end();
        }
    } else if (ext == QLatin1String("csv")) {
        QFile f(path);
        ok = f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        if (ok) {
            QString out = QStringLiteral("run_id,run_name,metric,x_axis,x,value,smoothed\n");
            for (const Line& l : shownLines())
                for (std::size_t i = 0; i < l.x.size(); ++i)
                    out += QStringLiteral("%1,\"%2\",%3,%4,%5,%6,%7\n")
                               .arg(l.runId)
                               .arg(QString(l.runName).replace(QLatin1Char('"'), QStringLiteral("\"\"")))
                               .arg(metric_->currentText(), xAxis_->currentText())
                               .arg(l.x[i], 0, 'g', 17)
                               .arg(l.y[i], 0, 'g', 17)
                               .arg(l.smoothed[i], 0, 'g', 17);
            ok = f.write(out.toUtf8()) >= 0 && f.flush();
        }
    } else {
        if (error) *error = tr("Unknown file type '%1': use .png, .pdf, .svg or .csv").arg(ext);
        return false;
    }
    if (!ok && error) *error = tr("Could not write %1").arg(path);
    return ok;
}

} // namespace ui
} // namespace ptl

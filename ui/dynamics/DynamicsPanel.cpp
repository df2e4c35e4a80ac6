#include "ui/dynamics/DynamicsPanel.h"
#include "core/api/Baselines.h"
#include "core/api/Runs.h"
#include "ui/common/QCustomPlot.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

namespace ptl {
namespace ui {

namespace {
QColor lineColor(int i)
{
    static const QColor palette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c), QColor(0xff, 0x7f, 0x0e),
                                     QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
                                     QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};
    return palette[i % 10];
}

QCustomPlot* makePlot(QWidget* parent, const QString& yLabel)
{
    auto* p = new QCustomPlot(parent);
    p->legend->setVisible(true);
    p->legend->setFont(parent->font());
    // The legend in its own column to the right of the plot, so it never covers a line.
    p->axisRect()->insetLayout()->take(p->legend);
    p->plotLayout()->addElement(0, 1, p->legend);
    p->plotLayout()->setColumnStretchFactor(0, 5);
    p->plotLayout()->setColumnStretchFactor(1, 1);
    p->legend->setMargins(QMargins(4, 2, 4, 2));
    p->plotLayout()->setMargins(QMargins(0, 0, 4, 0));
    p->yAxis->setLabel(yLabel);
    p->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    p->axisRect()->setRangeZoom(Qt::Horizontal);
    p->axisRect()->setRangeDrag(Qt::Horizontal);
    p->setMinimumHeight(150);
    return p;
}
} // namespace

// The POS group and band names, for translation (core keeps them in English).
static QString className(const std::string& name)
{
    static const std::map<std::string, const char*> names = {
        {"punctuation", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "punctuation")},
        {"determiner", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "determiners")},
        {"preposition", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "prepositions")},
        {"pronoun", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "pronouns")},
        {"auxiliary", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "auxiliaries")},
        {"verb", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "verbs")},
        {"noun", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "nouns")},
        {"adjective", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "adjectives")},
        {"proper noun", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "proper nouns")},
        {"other", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "other")},
        {"top 100", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "100 most frequent tokens")},
        {"100-1,000", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "frequency rank 100-1,000")},
        {"1,000+", QT_TRANSLATE_NOOP("ptl::ui::DynamicsPanel", "rarer than rank 1,000")},
    };
    auto it = names.find(name);
    return it == names.end() ? QString::fromStdString(name) : QCoreApplication::translate("ptl::ui::DynamicsPanel", it->second);
}

DynamicsPanel::DynamicsPanel(QString storePath, QWidget* parent) : QWidget(parent), storePath_(std::move(storePath))
{
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    message_ = new QLabel(tr("Select a run in the Runs panel. Every run records, at each evaluation, how well the model guesses "
                             "held-out masked words of each kind and what its attention heads look at."),
                          this);
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #666;"));
    classMode_ = new QComboBox(this);
    classMode_->addItem(tr("by part of speech (Brown's tags)"));
    classMode_->addItem(tr("by word frequency"));
    headMeasure_ = new QComboBox(this);
    headMeasure_->addItem(tr("entropy of attention (low = focused)"));
    headMeasure_->addItem(tr("attention on the previous token"));
    headMeasure_->addItem(tr("attention on [CLS] / [SEP]"));
    headMeasure_->addItem(tr("determiner / adjective → its noun"));
    ratioPlot_ = makePlot(this, tr("loss ÷ unigram"));
    classPlot_ = makePlot(this, tr("held-out accuracy"));
    headPlot_ = makePlot(this, tr("per head"));
    // One step axis: panning or zooming one plot moves the others.
    for (QCustomPlot* p : {ratioPlot_, classPlot_, headPlot_})
        connect(p->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this, p](const QCPRange& r) {
            for (QCustomPlot* q : {ratioPlot_, classPlot_, headPlot_})
                if (q != p && q->xAxis->range() != r) {
                    q->xAxis->setRange(r);
                    q->replot(QCustomPlot::rpQueuedReplot);
                }
        });
    auto* top = new QHBoxLayout;
    top->addWidget(title_, 1);
    auto* classBar = new QHBoxLayout;
    classBar->addWidget(new QLabel(tr("<b>Which words it gets right</b> (masked held-out tokens)"), this));
    classBar->addStretch(1);
    classBar->addWidget(classMode_);
    auto* headBar = new QHBoxLayout;
    headBar->addWidget(new QLabel(tr("<b>What its heads look at</b>"), this));
    headBar->addStretch(1);
    headBar->addWidget(headMeasure_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(message_);
    layout->addWidget(new QLabel(tr("<b>Past the plateau?</b> Below 1.0 the model beats a model that ignores context"), this));
    layout->addWidget(ratioPlot_, 2);
    layout->addLayout(classBar);
    layout->addWidget(classPlot_, 3);
    layout->addLayout(headBar);
    layout->addWidget(headPlot_, 3);
    connect(classMode_, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(headMeasure_, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    redraw();
}

void DynamicsPanel::setClassMode(int index) { classMode_->setCurrentIndex(index); }
void DynamicsPanel::setHeadMeasure(int index) { headMeasure_->setCurrentIndex(index); }

void DynamicsPanel::setRun(qint64 runId)
{
    runId_ = runId;
    reload();
}

void DynamicsPanel::reload()
{
    points_.clear();
    ratio_.clear();
    ratioMetric_.clear();
    QString name;
    if (runId_ > 0) {
        try {
            RunStoreClient store(storePath_.toStdString());
            if (const auto r = store.run(runId_)) name = QString::fromStdString(r->name);
            for (const SnapshotPoint& s : store.snapshots(runId_, "dynamics")) {
                try {
                    points_.push_back(dynamicsFromJson(s.payloadJson));
                } catch (const std::exception&) {
                    // A damaged snapshot is skipped; the others still draw.
                }
            }
            std::map<std::string, std::vector<std::pair<double, double>>> ratios;
            for (const MetricPoint& m : store.metricsNamed(runId_, {"eval_mlm_loss_ratio", "eval_loss_ratio", "eval_gen_mlm_loss_ratio"}))
                ratios[m.name].emplace_back(static_cast<double>(m.step), m.value);
            for (const char* k : {"eval_mlm_loss_ratio", "eval_gen_mlm_loss_ratio", "eval_loss_ratio"})
                if (ratios.count(k)) {
                    ratio_ = ratios[k];
                    ratioMetric_ = QString::fromLatin1(k);
                    break;
                }
        } catch (const std::exception& e) {
            message_->setText(tr("Could not read the run store: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    title_->setText(runId_ > 0 ? tr("<b>What run #%1 %2 learns first</b> — %3 evaluations").arg(runId_).arg(name.toHtmlEscaped()).arg(points_.size())
                               : tr("<b>What a model learns first</b>"));
    redraw();
}

void DynamicsPanel::appendSnapshot(qint64 runId, qint64 step, const QString& kind, const QString& payloadJson)
{
    if (runId != runId_ || kind != QLatin1String("dynamics")) return;
    (void)step;
    reload();  // the ratio metric of the same eval is in the store by now
}

std::vector<DynamicsPanel::Drawn> DynamicsPanel::ratioLines() const
{
    Drawn d{ratioMetric_, {}, {}};
    for (const auto& [x, y] : ratio_) {
        d.x.push_back(x);
        d.y.push_back(y);
    }
    if (d.x.empty()) return {};
    return {d};
}

std::vector<DynamicsPanel::Drawn> DynamicsPanel::classLines() const
{
    std::vector<Drawn> out;
    const bool pos = classMode_->currentIndex() == 0;
    const auto& names = pos ? posGroups() : frequencyBands();
    for (const std::string& n : names) {
        Drawn d{className(n), {}, {}};
        for (const DynamicsPoint& p : points_) {
            const auto& m = pos ? p.posClasses : p.frequencyBands;
            auto it = m.find(n);
            if (it == m.end() || it->second.predicted == 0) continue;
            d.x.push_back(static_cast<double>(p.step));
            d.y.push_back(it->second.accuracy());
        }
        if (!d.x.empty()) out.push_back(std::move(d));
    }
    Drawn all{tr("all masked tokens"), {}, {}};
    for (const DynamicsPoint& p : points_)
        if (p.all.predicted > 0) {
            all.x.push_back(static_cast<double>(p.step));
            all.y.push_back(p.all.accuracy());
        }
    if (!all.x.empty()) out.push_back(std::move(all));
    return out;
}

std::vector<DynamicsPanel::Drawn> DynamicsPanel::headLines() const
{
    std::vector<Drawn> out;
    if (points_.empty()) return out;
    const int measure = headMeasure_->currentIndex();
    const std::size_t heads = points_.back().heads.size();
    for (std::size_t h = 0; h < heads; ++h) {
        const HeadStructure& last = points_.back().heads[h];
        Drawn d{tr("layer %1 head %2").arg(last.layer + 1).arg(last.head + 1), {}, {}};
        for (const DynamicsPoint& p : points_) {
            if (h >= p.heads.size()) continue;
            const HeadStructure& s = p.heads[h];
            if (measure == 3 && s.syntacticPairs == 0) continue;
            d.x.push_back(static_cast<double>(p.step));
            d.y.push_back(measure == 0 ? s.entropy : measure == 1 ? s.previous : measure == 2 ? s.special : s.syntactic);
        }
        if (!d.x.empty()) out.push_back(std::move(d));
    }
    return out;
}

void DynamicsPanel::redraw()
{
    const bool any = !points_.empty();
    message_->setVisible(!any);
    if (runId_ > 0 && !any)
        message_->setText(tr("Run #%1 has no dynamics snapshots yet: they are recorded at each evaluation (runs trained before this "
                             "view existed, or with dynamics=false, have none).")
                              .arg(runId_));
    if (any && classMode_->currentIndex() == 0 && points_.back().posClasses.empty()) {
        // No tags (a corpus other than the bundled Brown): frequency bands only.
        QSignalBlocker block(classMode_);
        classMode_->setCurrentIndex(1);
    }
    auto fill = [](QCustomPlot* plot, const std::vector<Drawn>& lines, bool thinMany) {
        plot->clearGraphs();
        plot->clearItems();
        int i = 0;
        for (const Drawn& d : lines) {
            QCPGraph* g = plot->addGraph();
            g->setPen(QPen(lineColor(i), thinMany ? 1.5 : 2));
            g->setData(QVector<double>(d.x.begin(), d.x.end()), QVector<double>(d.y.begin(), d.y.end()), true);
            g->setName(d.name);
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
            ++i;
        }
        plot->legend->setVisible(!lines.empty());
        plot->rescaleAxes();
        plot->xAxis->setLabel(QCoreApplication::translate("ptl::ui::DynamicsPanel", "step"));
    };
    const auto ratio = ratioLines();
    fill(ratioPlot_, ratio, false);
    if (!ratio.empty()) {
        ratioPlot_->graph(0)->setName(tr("held-out loss ÷ unigram baseline"));
        ratioPlot_->graph(0)->setPen(QPen(QColor(0x20, 0x20, 0x20), 2));
        auto* one = new QCPItemStraightLine(ratioPlot_);
        one->point1->setCoords(0, 1.0);
        one->point2->setCoords(1, 1.0);
        one->setPen(QPen(QColor(0x88, 0x88, 0x88), 1.5, Qt::DashLine));
        auto* label = new QCPItemText(ratioPlot_);
        label->position->setType(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(0.99, 0.05);
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        label->setText(tr("1.0 = a model that ignores context (unigram)"));
        label->setColor(QColor(0x66, 0x66, 0x66));
        const auto [lo, hi] = std::minmax_element(ratio[0].y.begin(), ratio[0].y.end());
        ratioPlot_->yAxis->setRange(std::min(*lo, 0.95) - 0.02, std::max(*hi, 1.02) + 0.02);
    }
    const auto classes = classLines();
    fill(classPlot_, classes, false);
    if (!classes.empty()) {
        QCPGraph* all = classPlot_->graph(classPlot_->graphCount() - 1);
        all->setPen(QPen(QColor(0x20, 0x20, 0x20), 2.5, Qt::DashLine));
        classPlot_->yAxis->setRange(0, std::min(1.0, classPlot_->yAxis->range().upper + 0.05));
    }
    const auto heads = headLines();
    fill(headPlot_, heads, heads.size() > 8);
    if (headMeasure_->currentIndex() != 0 && !heads.empty()) headPlot_->yAxis->setRange(0, std::min(1.0, headPlot_->yAxis->range().upper + 0.05));
    // The same step range everywhere.
    double lo = 0, hi = 1;
    for (const auto* v : {&ratio, &classes, &heads})
        for (const Drawn& d : *v)
            if (!d.x.empty()) {
                hi = std::max(hi, d.x.back());
                lo = std::min(lo, d.x.front());
            }
    for (QCustomPlot* p : {ratioPlot_, classPlot_, headPlot_}) {
        p->xAxis->setRange(lo, hi);
        p->replot(QCustomPlot::rpQueuedReplot);
    }
}

} // namespace ui
} // namespace ptl

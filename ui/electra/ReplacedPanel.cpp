#include "ui/electra/ReplacedPanel.h"
#include "core/api/Runs.h"
#include "ui/common/QCustomPlot.h"
#include "ui/worker/Inspector.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QToolTip>
#include <QVBoxLayout>
#include <cmath>

namespace ptl {
namespace ui {

namespace {
constexpr int kPad = 6, kGap = 6, kGauge = 5;
const QColor kRight(0x2e, 0x7d, 0x32);
const QColor kWrong(0xc6, 0x28, 0x28);
const QColor kGenerator(0x15, 0x65, 0xc0);
} // namespace

// ---------------------------------------------------------------- token strip
ReplacedTokensView::ReplacedTokensView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    QSizePolicy sp(QSizePolicy::Expanding, QSizePolicy::Preferred);
    sp.setHeightForWidth(true);
    setSizePolicy(sp);
}

QColor ReplacedTokensView::probabilityColor(double p)
{
    p = std::clamp(p, 0.0, 1.0);
    // White (0) to a strong red (1), linear in each channel.
    return QColor::fromRgbF(1.0 - 0.2 * p, 1.0 - 0.78 * p, 1.0 - 0.78 * p);
}

void ReplacedTokensView::setView(const ReplacedView& v)
{
    view_ = v;
    boxes_.clear();
    updateGeometry();
    update();
}

std::vector<QRect> ReplacedTokensView::layoutBoxes(int width) const
{
    std::vector<QRect> out;
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.8);
    const QFontMetrics fm(font()), sm(small);
    const int h = kPad + fm.height() + sm.height() + kGauge + kPad;
    int x = 0, y = 0;
    for (const ReplacedToken& t : view_.tokens) {
        const QString top = QString::fromStdString(t.shown);
        const QString bottom = t.masked ? (t.shown != t.original ? tr("was %1").arg(QString::fromStdString(t.original)) : tr("same")) : QString();
        const int w = std::max({fm.horizontalAdvance(top), sm.horizontalAdvance(bottom), 24}) + 2 * kPad;
        if (x > 0 && x + w > width) {
            x = 0;
            y += h + kGap;
        }
        out.emplace_back(x, y, w, h);
        x += w + kGap;
    }
    return out;
}

int ReplacedTokensView::heightForWidth(int w) const
{
    const auto b = layoutBoxes(std::max(100, w));
    return b.empty() ? 40 : b.back().bottom() + 4;
}

QSize ReplacedTokensView::sizeHint() const { return {800, heightForWidth(800)}; }

QString ReplacedTokensView::outlineOf(int i) const
{
    if (i < 0 || i >= static_cast<int>(view_.tokens.size()) || !view_.labelled) return QStringLiteral("none");
    const ReplacedToken& t = view_.tokens[static_cast<std::size_t>(i)];
    return ((t.pReplaced > view_.threshold) == t.replaced) ? QStringLiteral("right") : QStringLiteral("wrong");
}

void ReplacedTokensView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    boxes_ = layoutBoxes(width());
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.8);
    const QFontMetrics fm(font()), sm(small);
    for (std::size_t i = 0; i < view_.tokens.size(); ++i) {
        const ReplacedToken& t = view_.tokens[i];
        const QRect r = boxes_[i];
        p.setPen(Qt::NoPen);
        p.setBrush(probabilityColor(t.pReplaced));
        p.drawRoundedRect(r, 4, 4);
        // Outline: the call against the truth.
        QPen pen(QColor(0x9e, 0x9e, 0x9e), 1);
        const QString outline = outlineOf(static_cast<int>(i));
        if (outline == QLatin1String("right")) pen = QPen(kRight, 1.5);
        else if (outline == QLatin1String("wrong")) pen = QPen(kWrong, 2.5, Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(r).adjusted(0.75, 0.75, -0.75, -0.75), 4, 4);
        // What the discriminator read; in blue where the generator wrote it.
        QFont f = font();
        f.setBold(t.replaced);
        p.setFont(f);
        p.setPen(t.masked ? kGenerator : palette().color(QPalette::WindowText));
        p.drawText(QRect(r.x(), r.y() + kPad, r.width(), fm.height()), Qt::AlignHCenter, QString::fromStdString(t.shown));
        if (t.masked) {
            p.setFont(small);
            p.setPen(QColor(0x55, 0x55, 0x55));
            const QString bottom = t.shown != t.original ? tr("was %1").arg(QString::fromStdString(t.original)) : tr("same");
            p.drawText(QRect(r.x(), r.y() + kPad + fm.height(), r.width(), sm.height()), Qt::AlignHCenter, bottom);
        }
        // The gauge: P(replaced) as a bar, the threshold as a tick.
        const int gy = r.bottom() - kPad - kGauge + 2, gx = r.x() + kPad, gw = r.width() - 2 * kPad;
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 30));
        p.drawRect(gx, gy, gw, kGauge);
        p.setBrush(QColor(0x8e, 0x1b, 0x1b));
        p.drawRect(gx, gy, static_cast<int>(std::lround(gw * std::clamp(static_cast<double>(t.pReplaced), 0.0, 1.0))), kGauge);
        p.setPen(QPen(Qt::black, 1.5));
        const int tx = gx + static_cast<int>(std::lround(gw * view_.threshold));
        p.drawLine(tx, gy - 2, tx, gy + kGauge + 1);
    }
    if (view_.tokens.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Nothing to show yet: train an ELECTRA run, pick one in the Runs panel, or type a text."));
    }
}

bool ReplacedTokensView::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(e);
        for (std::size_t i = 0; i < boxes_.size() && i < view_.tokens.size(); ++i) {
            if (!boxes_[i].contains(he->pos())) continue;
            const ReplacedToken& t = view_.tokens[i];
            QString s = tr("Original: %1").arg(QString::fromStdString(t.original));
            if (t.masked) s += QLatin1Char('\n') + tr("Generator wrote: %1").arg(QString::fromStdString(t.shown));
            s += QLatin1Char('\n') + tr("P(replaced) = %1 (threshold %2)").arg(t.pReplaced, 0, 'f', 3).arg(view_.threshold, 0, 'f', 2);
            if (view_.labelled) {
                const bool call = t.pReplaced > view_.threshold;
                s += QLatin1Char('\n') + tr("Truth: %1 · call: %2 · %3")
                                             .arg(t.replaced ? tr("replaced") : tr("original"), call ? tr("replaced") : tr("original"),
                                                  call == t.replaced ? tr("right") : tr("wrong"));
            }
            QToolTip::showText(he->globalPos(), s, this);
            return true;
        }
        QToolTip::hideText();
        e->ignore();
        return true;
    }
    return QWidget::event(e);
}

// ---------------------------------------------------------------- panel
ReplacedPanel::ReplacedPanel(QString storePath, QWidget* parent)
    : QWidget(parent), storePath_(std::move(storePath)), inspector_(new Inspector(this))
{
    fromRun_ = new QRadioButton(tr("Training batch"), this);
    fromRun_->setToolTip(tr("What the discriminator saw in the first sequence of a training batch, from the run's stored snapshots"));
    fromText_ = new QRadioButton(tr("Typed text"), this);
    auto* group = new QButtonGroup(this);
    group->addButton(fromRun_);
    group->addButton(fromText_);
    fromRun_->setChecked(true);
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setRange(0, 0);
    slider_->setToolTip(tr("Scrub through the run's snapshots: how the discriminator's view changed while it trained"));
    sliderLabel_ = new QLabel(tr("Pick an ELECTRA run in the Runs panel"), this);
    followLive_ = new QCheckBox(tr("follow live"), this);
    followLive_->setChecked(true);
    text_ = new QLineEdit(QStringLiteral("The jury said the election was conducted in a fair manner and praised the city officials."), this);
    mode_ = new QComboBox(this);
    mode_->addItem(tr("corrupt with the generator"), true);
    mode_->addItem(tr("score as typed"), false);
    mode_->setToolTip(tr("Corrupt: mask 15% as in training and let the generator fill them in. "
                         "As typed: no masking; swap a word yourself and see whether the discriminator notices."));
    seed_ = new QSpinBox(this);
    seed_->setRange(0, 1000000);
    seed_->setValue(1);
    seed_->setPrefix(tr("seed "));
    reroll_ = new QPushButton(tr("Re-roll"), this);
    open_ = new QPushButton(tr("Open ELECTRA checkpoint…"), this);
    model_ = new QLabel(tr("no model open"), this);
    model_->setStyleSheet(QStringLiteral("color: #666;"));
    source_ = new QLabel(this);
    source_->setWordWrap(true);
    auto* legend = new QLabel(this);
    legend->setTextFormat(Qt::RichText);
    legend->setWordWrap(true);
    legend->setText(tr("<b>Fill</b>: the discriminator's P(replaced), white 0 → red 1; the bar under each token is the same number, "
                       "the black tick the decision threshold. <b style='color:#1565c0'>Blue text</b>: the generator wrote this token "
                       "(\"was …\" gives the original; \"same\" means it sampled the original back, which counts as original). "
                       "<b>Outline</b>: <span style='color:#2e7d32'>solid green</span> a right call, "
                       "<span style='color:#c62828'>dashed red</span> a wrong one. Hover a token for its numbers."));
    tokens_ = new ReplacedTokensView(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(tokens_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    histogram_ = new QCustomPlot(this);
    histogram_->setMinimumHeight(200);
    histogram_->xAxis->setLabel(tr("P(replaced)"));
    histogram_->yAxis->setLabel(tr("share of the class's tokens"));
    histogram_->xAxis->setRange(0, 1);
    histogram_->legend->setVisible(true);
    histogram_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
    scores_ = new QLabel(this);
    scores_->setWordWrap(true);
    scores_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* grid = new QGridLayout;
    grid->addWidget(fromRun_, 0, 0);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(slider_, 1);
    runRow->addWidget(sliderLabel_);
    runRow->addWidget(followLive_);
    grid->addLayout(runRow, 0, 1);
    grid->addWidget(fromText_, 1, 0);
    auto* textRow = new QHBoxLayout;
    textRow->addWidget(text_, 1);
    textRow->addWidget(mode_);
    textRow->addWidget(seed_);
    textRow->addWidget(reroll_);
    textRow->addWidget(open_);
    textRow->addWidget(model_);
    grid->addLayout(textRow, 1, 1);
    grid->setColumnStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(source_);
    layout->addWidget(legend);
    layout->addWidget(scroll, 3);
    layout->addWidget(histogram_, 2);
    layout->addWidget(scores_);

    connect(fromRun_, &QRadioButton::toggled, this, [this] { updateMode(); });
    connect(slider_, &QSlider::valueChanged, this, &ReplacedPanel::setHistoryIndex);
    connect(text_, &QLineEdit::returnPressed, this, [this] {
        fromText_->setChecked(true);
        requestTyped();
    });
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] { requestTyped(); });
    connect(seed_, &QSpinBox::valueChanged, this, [this] { requestTyped(); });
    connect(reroll_, &QPushButton::clicked, this, [this] { seed_->setValue(seed_->value() + 1); });
    connect(open_, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open an ELECTRA checkpoint folder"));
        if (!dir.isEmpty()) openModel(dir);
    });
    connect(inspector_, &Inspector::modelOpened, this, [this](const QString& path, const QString& d) {
        model_->setText(d);
        model_->setToolTip(path);
        if (fromText_->isChecked()) requestTyped();
    });
    connect(inspector_, &Inspector::modelFailed, this, [this](const QString&, const QString& msg) {
        model_->setText(tr("no model open"));
        source_->setText(tr("Could not open the checkpoint: %1").arg(msg));
    });
    connect(inspector_, &Inspector::replacedReady, this, [this](int id, const ReplacedView& v) {
        if (id != pending_ || !fromText_->isChecked()) return;
        display(v, v.labelled ? tr("Typed text, corrupted by the generator (seed %1)").arg(seed_->value())
                              : tr("Typed text, scored as typed: no ground truth, so no right/wrong outlines"));
    });
    connect(inspector_, &Inspector::failed, this, [this](int id, const QString& msg) {
        if (id == pending_) source_->setText(msg);
    });
    updateMode();
}

void ReplacedPanel::updateMode()
{
    const bool run = fromRun_->isChecked();
    slider_->setEnabled(run);
    followLive_->setEnabled(run);
    for (QWidget* w : std::initializer_list<QWidget*>{text_, mode_, seed_, reroll_}) w->setEnabled(!run);
    if (run) {
        if (!history_.empty()) setHistoryIndex(slider_->value());
        else display({}, runId_ > 0 ? tr("Run %1 has no replaced-token snapshots (it is not an ELECTRA run, or it has not probed yet)").arg(runId_)
                                    : tr("Pick an ELECTRA run in the Runs panel, or start one (presets electra-tiny, electra-mini)."));
    } else {
        requestTyped();
    }
}

void ReplacedPanel::setRun(qint64 runId)
{
    if (runId == runId_ && !dirty_) return;
    runId_ = runId;
    dirty_ = true;
    if (isVisible()) loadHistory();
}

void ReplacedPanel::showEvent(QShowEvent* e)
{
    QWidget::showEvent(e);
    if (dirty_) loadHistory();
}

void ReplacedPanel::loadHistory()
{
    dirty_ = false;
    history_.clear();
    if (runId_ > 0) {
        try {
            for (const auto& sp : RunStoreClient(storePath_.toStdString()).snapshots(runId_, "replaced"))
                history_.emplace_back(sp.step, QString::fromStdString(sp.payloadJson));
            // Typed text needs a model: the run's last checkpoint, unless the user opened one.
            if (!history_.empty() && !inspector_->hasModel()) {
                if (const std::string ck = RunStoreClient(storePath_.toStdString()).lastCheckpoint(runId_); !ck.empty())
                    openModel(QString::fromStdString(ck));
            }
        } catch (const std::exception& e) {
            source_->setText(QString::fromStdString(e.what()));
        }
    }
    QSignalBlocker block(slider_);
    slider_->setRange(0, std::max(0, historySize() - 1));
    slider_->setValue(slider_->maximum());
    if (history_.empty()) sliderLabel_->setText(runId_ > 0 ? tr("Run %1: no snapshots").arg(runId_) : tr("Pick an ELECTRA run in the Runs panel"));
    updateMode();
}

void ReplacedPanel::appendSnapshot(qint64 runId, qint64 step, const QString& kind, const QString& payloadJson)
{
    if (kind != QLatin1String("replaced")) return;
    if (runId != runId_) {
        // A new ELECTRA run started: follow it.
        runId_ = runId;
        history_.clear();
        dirty_ = false;
    }
    const bool atEnd = slider_->value() == slider_->maximum();
    history_.emplace_back(step, payloadJson);
    QSignalBlocker block(slider_);
    slider_->setRange(0, historySize() - 1);
    if (followLive_->isChecked() && (atEnd || historySize() == 1)) {
        slider_->setValue(historySize() - 1);
        if (fromRun_->isChecked()) setHistoryIndex(historySize() - 1);
    } else {
        sliderLabel_->setText(tr("snapshot %1 of %2").arg(slider_->value() + 1).arg(historySize()));
    }
}

void ReplacedPanel::setHistoryIndex(int i)
{
    if (i < 0 || i >= historySize()) return;
    if (slider_->value() != i) {
        QSignalBlocker block(slider_);
        slider_->setValue(i);
    }
    const auto& [step, payload] = history_[static_cast<std::size_t>(i)];
    sliderLabel_->setText(tr("snapshot %1 of %2 · step %3").arg(i + 1).arg(historySize()).arg(step));
    try {
        display(replacedFromJson(payload.toStdString()), tr("Run %1, step %2: the first sequence of the training batch; the histogram and scores cover the whole batch").arg(runId_).arg(step));
    } catch (const std::exception& e) {
        source_->setText(QString::fromStdString(e.what()));
    }
}

void ReplacedPanel::openModel(const QString& dir)
{
    model_->setText(tr("opening…"));
    inspector_->openModel(dir);
}

void ReplacedPanel::showTyped(const QString& text, bool corrupt, int seed)
{
    text_->setText(text);
    {
        QSignalBlocker b1(mode_), b2(seed_);
        mode_->setCurrentIndex(corrupt ? 0 : 1);
        seed_->setValue(seed);
    }
    fromText_->setChecked(true);
    requestTyped();
}

void ReplacedPanel::requestTyped()
{
    if (!fromText_->isChecked()) return;
    if (!inspector_->hasModel()) {
        // The run's last checkpoint, when it has one; the text is scored once it is open.
        if (runId_ > 0) {
            try {
                if (const std::string ck = RunStoreClient(storePath_.toStdString()).lastCheckpoint(runId_); !ck.empty()) {
                    openModel(QString::fromStdString(ck));
                    return;
                }
            } catch (const std::exception&) {
            }
        }
        source_->setText(tr("Open an ELECTRA checkpoint (or pick an ELECTRA run that has one) to score typed text."));
        return;
    }
    ReplacedOptions o;
    o.corrupt = mode_->currentData().toBool();
    o.seed = static_cast<std::uint64_t>(seed_->value());
    pending_ = inspector_->replaced(text_->text(), o);
}

void ReplacedPanel::display(const ReplacedView& v, const QString& source)
{
    source_->setText(source);
    tokens_->setView(v);
    // Histogram: each class normalised to its own total, so the rare replaced tokens show.
    histogram_->clearPlottables();
    histogram_->clearItems();
    const int bins = std::max(1, v.bins);
    const double w = 1.0 / bins;
    auto addBars = [&](const std::vector<std::int64_t>& h, const QString& name, const QColor& c, double offset) {
        if (h.empty()) return;
        double total = 0;
        for (auto x : h) total += static_cast<double>(x);
        auto* bars = new QCPBars(histogram_->xAxis, histogram_->yAxis);
        bars->setName(QStringLiteral("%1 (%2)").arg(name).arg(static_cast<qint64>(total)));
        bars->setWidth(w * 0.45);
        bars->setPen(Qt::NoPen);
        bars->setBrush(c);
        QVector<double> x, y;
        for (int i = 0; i < static_cast<int>(h.size()); ++i) {
            x << (i + 0.5) * w + offset;
            y << (total > 0 ? static_cast<double>(h[static_cast<std::size_t>(i)]) / total : 0.0);
        }
        bars->setData(x, y);
    };
    addBars(v.histOriginal, v.labelled ? tr("original tokens") : tr("tokens"), QColor(0x42, 0x85, 0xf4), -w * 0.225);
    if (v.labelled) addBars(v.histReplaced, tr("replaced tokens"), QColor(0xd3, 0x2f, 0x2f), w * 0.225);
    auto* line = new QCPItemStraightLine(histogram_);
    line->point1->setCoords(v.threshold, 0);
    line->point2->setCoords(v.threshold, 1);
    line->setPen(QPen(Qt::black, 1.5, Qt::DashLine));
    histogram_->rescaleAxes();
    histogram_->xAxis->setRange(0, 1);
    histogram_->yAxis->setRangeLower(0);
    histogram_->replot();
    if (v.tokens.empty()) {
        scores_->clear();
    } else if (v.labelled) {
        auto pct = [](double x) { return std::isfinite(x) ? QString::number(100 * x, 'f', 1) + QLatin1Char('%') : QStringLiteral("–"); };
        scores_->setText(tr("Over %1 tokens (%2 replaced, %3): accuracy %4 · precision %5 · recall %6 · F1 %7 · AUC %8. "
                            "Answering \"original\" everywhere would score %9.")
                             .arg(v.batchTokens)
                             .arg(v.replacedCount)
                             .arg(pct(v.batchTokens ? static_cast<double>(v.replacedCount) / static_cast<double>(v.batchTokens) : 0.0))
                             .arg(pct(v.accuracy), pct(v.precision), pct(v.recall), pct(v.f1),
                                  std::isfinite(v.auc) ? QString::number(v.auc, 'f', 3) : QStringLiteral("–"))
                             .arg(pct(v.batchTokens ? 1.0 - static_cast<double>(v.replacedCount) / static_cast<double>(v.batchTokens) : 0.0)));
    } else {
        scores_->setText(tr("%1 tokens scored as typed; P(replaced) above the threshold marks what the discriminator finds out of place.").arg(v.tokens.size()));
    }
    Q_EMIT viewShown();
}

} // namespace ui
} // namespace ptl

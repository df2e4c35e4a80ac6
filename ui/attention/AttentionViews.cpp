#include "ui/attention/AttentionViews.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace ptl {
namespace ui {

QColor headColor(int head)
{
    static const QColor palette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                     QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
                                     QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf), QColor(0x39, 0x3b, 0x79), QColor(0x63, 0x79, 0x39)};
    return palette[head % 12];
}

static QColor heat(float v)  // white -> deep blue
{
    const float t = std::clamp(v, 0.0f, 1.0f);
    return QColor::fromRgbF(1.0f - 0.85f * t, 1.0f - 0.65f * t, 1.0f - 0.25f * t);
}

// ---------------------------------------------------------------- heatmap
HeatmapView::HeatmapView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(300, 300);
}

void HeatmapView::setData(const QStringList& tokens, const Matrix& m, const QString& title)
{
    tokens_ = tokens;
    m_ = m;
    title_ = title;
    update();
}

QRect HeatmapView::cellRect(int q, int k) const
{
    const int n = std::max(1, static_cast<int>(m_.size()));
    const int side = std::max(1, std::min(width() - margin_ - 10, height() - margin_ - 30) / n);
    return {margin_ + k * side, 30 + q * side, side, side};
}

void HeatmapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setPen(palette().text().color());
    p.drawText(QRect(0, 4, width(), 22), Qt::AlignCenter, title_);
    const int n = static_cast<int>(m_.size());
    if (n == 0) return;
    for (int q = 0; q < n; ++q)
        for (int k = 0; k < n; ++k) p.fillRect(cellRect(q, k), heat(m_[q][k]));
    QFont f = font();
    const int side = cellRect(0, 0).width();
    f.setPointSizeF(std::clamp(side * 0.6, 5.0, 10.0));
    p.setFont(f);
    if (side >= 6) {
        for (int i = 0; i < n && i < tokens_.size(); ++i) {
            const QRect r = cellRect(i, 0);
            p.drawText(QRect(0, r.top(), margin_ - 4, side), Qt::AlignRight | Qt::AlignVCenter, tokens_[i]);  // queries
            p.save();
            const QRect c = cellRect(n - 1, i);
            p.translate(c.center().x(), c.bottom() + 4);
            p.rotate(90);
            p.drawText(QRect(0, -side / 2, margin_ - 4, side), Qt::AlignLeft | Qt::AlignVCenter, tokens_[i]);  // keys
            p.restore();
        }
    }
}

void HeatmapView::mouseMoveEvent(QMouseEvent* e)
{
    const int n = static_cast<int>(m_.size());
    for (int q = 0; q < n; ++q)
        for (int k = 0; k < n; ++k)
            if (cellRect(q, k).contains(e->pos())) {
                QToolTip::showText(e->globalPosition().toPoint(),
                                   tr("%1 → %2\n%3").arg(q < tokens_.size() ? tokens_[q] : QString(), k < tokens_.size() ? tokens_[k] : QString())
                                       .arg(static_cast<double>(m_[q][k]), 0, 'f', 4),
                                   this);
                return;
            }
    QToolTip::hideText();
}

// ---------------------------------------------------------------- head view
HeadView::HeadView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(280, 200);
}

void HeadView::setData(const QStringList& tokens, const std::vector<Matrix>& maps, const std::vector<int>& heads)
{
    tokens_ = tokens;
    maps_ = maps;
    heads_ = heads;
    if (focus_ >= tokens_.size()) focus_ = -1;
    update();
}

std::vector<std::vector<float>> HeadView::lineWeights(int query) const
{
    std::vector<std::vector<float>> out;
    for (const Matrix& m : maps_)
        if (query >= 0 && query < static_cast<int>(m.size())) out.push_back(m[static_cast<std::size_t>(query)]);
    return out;
}

int HeadView::rowAt(int y) const
{
    const int n = tokens_.size();
    if (n == 0) return -1;
    const double h = std::max(12.0, (height() - 20.0) / n);
    const int r = static_cast<int>((y - 10) / h);
    return r >= 0 && r < n ? r : -1;
}

void HeadView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const int n = tokens_.size();
    if (n == 0) return;
    p.setRenderHint(QPainter::Antialiasing);
    const double h = std::max(12.0, (height() - 20.0) / n);
    const int colW = std::min(150, width() / 3);
    const double xl = colW, xr = width() - colW;
    auto y = [&](int i) { return 10 + (i + 0.5) * h; };
    for (std::size_t hi = 0; hi < maps_.size(); ++hi) {
        const Matrix& m = maps_[hi];
        QColor c = headColor(heads_[hi]);
        for (int q = 0; q < n && q < static_cast<int>(m.size()); ++q) {
            if (focus_ >= 0 && q != focus_) continue;
            for (int k = 0; k < n && k < static_cast<int>(m[q].size()); ++k) {
                const float w = m[q][k];
                if (w < 0.01f) continue;
                c.setAlphaF(std::min(1.0, 0.15 + 0.85 * w) * (focus_ >= 0 ? 1.0 : std::min(1.0, 2.5 * w)));
                p.setPen(QPen(c, 1.0 + 3.0 * w));
                p.drawLine(QPointF(xl + 4, y(q)), QPointF(xr - 4, y(k)));
            }
        }
    }
    QFont f = font();
    f.setPointSizeF(std::clamp(h * 0.55, 6.0, 11.0));
    p.setFont(f);
    for (int i = 0; i < n; ++i) {
        p.setPen(i == focus_ ? palette().highlight().color() : palette().text().color());
        p.drawText(QRectF(0, y(i) - h / 2, xl - 6, h), Qt::AlignRight | Qt::AlignVCenter, tokens_[i]);
        p.setPen(palette().text().color());
        p.drawText(QRectF(xr + 6, y(i) - h / 2, colW - 6, h), Qt::AlignLeft | Qt::AlignVCenter, tokens_[i]);
    }
}

void HeadView::mouseMoveEvent(QMouseEvent* e)
{
    const int colW = std::min(150, width() / 3);
    const int r = e->pos().x() < colW ? rowAt(e->pos().y()) : -1;
    if (r != focus_) {
        focus_ = r;
        update();
    }
}

void HeadView::leaveEvent(QEvent*)
{
    focus_ = -1;
    update();
}

// ---------------------------------------------------------------- model view
ModelView::ModelView(QWidget* parent) : QWidget(parent) { setMinimumSize(300, 300); }

void ModelView::setData(const AttentionMaps& maps)
{
    maps_ = maps;
    rebuild();
    update();
}

void ModelView::rebuild()
{
    thumbs_.clear();
    for (const auto& layer : maps_)
        for (const Matrix& m : layer) {
            const int n = static_cast<int>(m.size());
            QImage img(std::max(1, n), std::max(1, n), QImage::Format_RGB32);
            for (int q = 0; q < n; ++q) {
                auto* line = reinterpret_cast<QRgb*>(img.scanLine(q));
                for (int k = 0; k < n; ++k) {
                    // sqrt lifts small weights so patterns (diagonals, [SEP] columns) show.
                    line[k] = heat(std::sqrt(m[q][k])).rgb();
                }
            }
            thumbs_.push_back(std::move(img));
        }
}

void ModelView::resizeEvent(QResizeEvent*) { update(); }

QRect ModelView::cell(int layer, int head) const
{
    const int L = static_cast<int>(maps_.size()), H = maps_.empty() ? 1 : static_cast<int>(maps_[0].size());
    const int side = std::max(8, std::min((width() - 40) / std::max(1, H), (height() - 20) / std::max(1, L)) - 4);
    return {36 + head * (side + 4), 16 + layer * (side + 4), side, side};
}

void ModelView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const int L = static_cast<int>(maps_.size());
    if (L == 0) return;
    const int H = static_cast<int>(maps_[0].size());
    p.setPen(palette().text().color());
    for (int l = 0; l < L; ++l) {
        p.drawText(QRect(0, cell(l, 0).top(), 32, cell(l, 0).height()), Qt::AlignRight | Qt::AlignVCenter, tr("L%1").arg(l));
        for (int h = 0; h < H; ++h) {
            const QRect r = cell(l, h);
            p.drawImage(r, thumbs_[static_cast<std::size_t>(l * H + h)]);
            if (l == 0) p.drawText(QRect(r.left(), 0, r.width(), 14), Qt::AlignCenter, tr("H%1").arg(h));
        }
    }
}

void ModelView::mousePressEvent(QMouseEvent* e)
{
    const int L = static_cast<int>(maps_.size());
    const int H = L ? static_cast<int>(maps_[0].size()) : 0;
    for (int l = 0; l < L; ++l)
        for (int h = 0; h < H; ++h)
            if (cell(l, h).contains(e->pos())) Q_EMIT headClicked(l, h);
}

} // namespace ui
} // namespace ptl

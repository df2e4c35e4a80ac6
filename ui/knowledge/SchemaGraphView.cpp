#include "ui/knowledge/SchemaGraphView.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <map>

namespace ptl {
namespace ui {

namespace {
constexpr int kPad = 12, kBoxH = 26, kRowGap = 18, kTop = 30;
const QColor kQuestion(0x2e, 0x6d, 0xb4), kAnswer(0x2a, 0x8c, 0x4a), kPath(0x80, 0x80, 0x80), kHot(0xd3, 0x7a, 0x1f);
} // namespace

SchemaGraphView::SchemaGraphView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void SchemaGraphView::setData(const std::vector<SchemaNode>& nodes, const std::vector<SchemaPathDraw>& paths, int maxPaths, int highlight)
{
    nodes_ = nodes;
    column_.assign(nodes.size(), -1);
    edges_.clear();
    totalPaths_ = static_cast<int>(paths.size());
    shownPaths_ = std::min(totalPaths_, std::max(0, maxPaths));
    // Concepts always; other nodes when a drawn path passes them, in the column of their
    // first hop from the question.
    int longest = 1;
    for (int p = 0; p < shownPaths_; ++p) longest = std::max(longest, static_cast<int>(paths[static_cast<std::size_t>(p)].nodes.size()) - 1);
    columns_ = longest + 1;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].role == 0) column_[i] = 0;
        else if (nodes[i].role == 1) column_[i] = columns_ - 1;
    std::map<std::tuple<int, int, QString>, std::size_t> edgeIndex;
    for (int p = 0; p < shownPaths_; ++p) {
        const SchemaPathDraw& path = paths[static_cast<std::size_t>(p)];
        for (std::size_t k = 0; k < path.nodes.size(); ++k) {
            const int n = path.nodes[k];
            if (n < 0 || n >= static_cast<int>(nodes.size())) continue;
            auto& c = column_[static_cast<std::size_t>(n)];
            if (c < 0 || (nodes[static_cast<std::size_t>(n)].role == 2 && static_cast<int>(k) < c)) c = std::clamp(static_cast<int>(k), 1, std::max(1, columns_ - 2));
            if (k + 1 < path.nodes.size()) {
                const QString rel = k < static_cast<std::size_t>(path.relations.size()) ? path.relations[static_cast<int>(k)] : QString();
                const auto key = std::make_tuple(path.nodes[k], path.nodes[k + 1], rel);
                auto it = edgeIndex.find(key);
                if (it == edgeIndex.end()) {
                    it = edgeIndex.emplace(key, edges_.size()).first;
                    edges_.push_back({path.nodes[k], path.nodes[k + 1], rel, 0, false});
                }
                Edge& e = edges_[it->second];
                e.weight = std::max(e.weight, path.weight);
                e.highlighted = e.highlighted || p < highlight;
            }
        }
    }
    layoutAll();
    updateGeometry();
    update();
}

int SchemaGraphView::drawnNodes() const
{
    return static_cast<int>(std::count_if(column_.begin(), column_.end(), [](int c) { return c >= 0; }));
}

QRect SchemaGraphView::nodeRect(int node) const
{
    return node >= 0 && node < static_cast<int>(rects_.size()) ? rects_[static_cast<std::size_t>(node)] : QRect();
}

QSize SchemaGraphView::sizeHint() const { return {760, height_}; }

void SchemaGraphView::resizeEvent(QResizeEvent*)
{
    const int before = height_;
    layoutAll();
    if (height_ != before) updateGeometry();
}

void SchemaGraphView::layoutAll()
{
    const QFontMetrics fm(font());
    rects_.assign(nodes_.size(), QRect());
    std::vector<int> perColumn(static_cast<std::size_t>(columns_), 0);
    for (int c : column_)
        if (c >= 0) ++perColumn[static_cast<std::size_t>(c)];
    const int rows = perColumn.empty() ? 0 : *std::max_element(perColumn.begin(), perColumn.end());
    height_ = kTop + kPad + std::max(1, rows) * (kBoxH + kRowGap) + kPad + 24;  // room for the footnote
    const int usable = std::max(200, width() - 2 * kPad);
    const int colW = usable / std::max(1, columns_);
    std::vector<int> placed(static_cast<std::size_t>(columns_), 0);
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const int c = column_[i];
        if (c < 0) continue;
        const int n = perColumn[static_cast<std::size_t>(c)];
        const int r = placed[static_cast<std::size_t>(c)]++;
        const int w = std::min(colW - 16, fm.horizontalAdvance(nodes_[i].name) + 16);
        const int totalH = n * (kBoxH + kRowGap) - kRowGap;
        const int top = kTop + kPad + (std::max(1, rows) * (kBoxH + kRowGap) - kRowGap - totalH) / 2 + r * (kBoxH + kRowGap);
        const int cx = kPad + c * colW + colW / 2;
        rects_[i] = QRect(cx - w / 2, top, w, kBoxH);
    }
}

void SchemaGraphView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm(font());
    // Column headings.
    const int colW = std::max(200, width() - 2 * kPad) / std::max(1, columns_);
    p.setPen(palette().color(QPalette::PlaceholderText));
    for (int c = 0; c < columns_; ++c) {
        const QString head = c == 0 ? tr("question concepts") : c == columns_ - 1 ? tr("choice concepts") : tr("hop %1").arg(c);
        p.drawText(QRect(kPad + c * colW, 4, colW, kTop - 8), Qt::AlignCenter, head);
    }
    if (drawnNodes() == 0) {
        p.drawText(rect(), Qt::AlignCenter, tr("No concept to draw."));
        return;
    }
    // Edges: grey thin, the most weighted paths thick orange; the relation at the middle.
    auto anchor = [&](int n, bool out) {
        const QRect r = nodeRect(n);
        return out ? QPointF(r.right(), r.center().y()) : QPointF(r.left(), r.center().y());
    };
    for (int pass = 0; pass < 2; ++pass)
        for (const Edge& e : edges_) {
            if (e.highlighted != (pass == 1)) continue;
            const QRect a = nodeRect(e.from), b = nodeRect(e.to);
            if (a.isNull() || b.isNull()) continue;
            const bool forward = a.center().x() <= b.center().x();
            const QPointF s = forward ? anchor(e.from, true) : anchor(e.from, false);
            const QPointF t = forward ? anchor(e.to, false) : anchor(e.to, true);
            QPainterPath path(s);
            const double dx = std::max(30.0, std::abs(t.x() - s.x()) / 2);
            const double bend = std::abs(a.center().x() - b.center().x()) < 4 ? 40 : 0;  // same column: bow out
            path.cubicTo(s + QPointF(forward ? dx : -dx - bend, 0), t + QPointF(forward ? -dx : dx + bend, 0), t);
            QColor col = e.highlighted ? kHot : kPath;
            if (!e.highlighted) col.setAlpha(150);
            p.setPen(QPen(col, e.highlighted ? 1.5 + 4.0 * std::clamp(e.weight, 0.0, 1.0) : 1.0));
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
            const QPointF mid = path.pointAtPercent(0.5);
            const QString label = e.relation;
            const int w = fm.horizontalAdvance(label) + 6;
            const QRectF lr(mid.x() - w / 2.0, mid.y() - fm.height() / 2.0 - 1, w, fm.height() + 2);
            QColor bg = palette().color(QPalette::Base);
            bg.setAlpha(220);
            p.fillRect(lr, bg);
            p.setPen(e.highlighted ? kHot.darker(130) : palette().color(QPalette::PlaceholderText));
            p.drawText(lr, Qt::AlignCenter, label);
        }
    // Nodes.
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        if (column_[i] < 0) continue;
        const QRect r = rects_[i];
        const QColor c = nodes_[i].role == 0 ? kQuestion : nodes_[i].role == 1 ? kAnswer : kPath;
        p.setPen(QPen(c, 1.5));
        QColor fill = c;
        fill.setAlpha(nodes_[i].role == 2 ? 30 : 45);
        p.setBrush(fill);
        p.drawRoundedRect(r, 6, 6);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(r, Qt::AlignCenter, fm.elidedText(nodes_[i].name, Qt::ElideMiddle, r.width() - 6));
    }
    if (edges_.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(kPad, height() - 22, width() - 2 * kPad, 18), Qt::AlignCenter,
                   tr("No path of at most 3 hops joins these concepts: KagNET scores this choice from the statement and the concept vectors alone."));
    }
    if (shownPaths_ < totalPaths_) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(kPad, height() - 18, width() - 2 * kPad, 16), Qt::AlignRight,
                   tr("the %1 paths with the most attention of %2").arg(shownPaths_).arg(totalPaths_));
    }
}

bool SchemaGraphView::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* h = static_cast<QHelpEvent*>(e);
        for (std::size_t i = 0; i < nodes_.size(); ++i)
            if (column_[i] >= 0 && rects_[i].contains(h->pos())) {
                const QString role = nodes_[i].role == 0 ? tr("question concept") : nodes_[i].role == 1 ? tr("choice concept") : tr("on a path");
                QToolTip::showText(h->globalPos(), QStringLiteral("<b>%1</b> (%2)<br>%3").arg(nodes_[i].name.toHtmlEscaped(), role, nodes_[i].definition.toHtmlEscaped()),
                                   this);
                return true;
            }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

} // namespace ui
} // namespace ptl

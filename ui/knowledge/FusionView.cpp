#include "ui/knowledge/FusionView.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace ptl {
namespace ui {

namespace {
constexpr int kPad = 8, kGap = 8, kBox = 22, kBar = 10, kRowGap = 14, kArcDip = 40;
const QColor kEntity(0x2e, 0x6d, 0xb4), kChange(0xd3, 0x7a, 0x1f);
} // namespace

FusionView::FusionView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void FusionView::setData(const QStringList& tokens, const std::vector<FusionEntity>& entities, const std::vector<double>& change,
                         const std::vector<std::vector<double>>& attention)
{
    tokens_ = tokens;
    entities_ = entities;
    change_ = change;
    attention_ = attention;
    hover_ = -1;
    layoutAll();
    updateGeometry();
    update();
}

QSize FusionView::sizeHint() const { return {700, height_}; }

QRect FusionView::tokenRect(int t) const { return t >= 0 && t < static_cast<int>(tokenRects_.size()) ? tokenRects_[static_cast<std::size_t>(t)] : QRect(); }

QRect FusionView::entityRect(int e) const { return e >= 0 && e < static_cast<int>(entityRects_.size()) ? entityRects_[static_cast<std::size_t>(e)] : QRect(); }

void FusionView::resizeEvent(QResizeEvent*)
{
    const int before = height_;
    layoutAll();
    if (height_ != before) updateGeometry();
}

// Tokens flow left to right and wrap; a line holds the tokens, their change bars and the
// entity boxes under the aligned ones. The attention matrix follows the lines.
void FusionView::layoutAll()
{
    const QFontMetrics fm(font());
    std::vector<int> entityOf(static_cast<std::size_t>(tokens_.size()), -1);
    for (std::size_t e = 0; e < entities_.size(); ++e)
        if (entities_[e].token >= 0 && entities_[e].token < tokens_.size()) entityOf[static_cast<std::size_t>(entities_[e].token)] = static_cast<int>(e);
    tokenRects_.assign(static_cast<std::size_t>(tokens_.size()), QRect());
    entityRects_.assign(entities_.size(), QRect());
    const int lineHeight = kBox + kBar + 4 + kBox + kRowGap;
    int x = kPad, y = kPad;
    const int width = std::max(200, this->width());
    for (int t = 0; t < tokens_.size(); ++t) {
        const int e = entityOf[static_cast<std::size_t>(t)];
        int w = fm.horizontalAdvance(tokens_[t]) + 12;
        if (e >= 0) w = std::max(w, fm.horizontalAdvance(entities_[static_cast<std::size_t>(e)].synset) + 12);
        if (x + w > width - kPad && x > kPad) {
            x = kPad;
            y += lineHeight;
        }
        tokenRects_[static_cast<std::size_t>(t)] = QRect(x, y, w, kBox);
        if (e >= 0) entityRects_[static_cast<std::size_t>(e)] = QRect(x, y + kBox + kBar + 4, w, kBox);
        x += w + kGap;
    }
    y += lineHeight + kArcDip;  // room for the arcs under the last line
    labelWidth_ = 40;
    for (const auto& e : entities_) labelWidth_ = std::max(labelWidth_, fm.horizontalAdvance(e.synset) + 28);
    cell_ = std::max(24, fm.horizontalAdvance(QStringLiteral("100")) + 12);
    const int n = static_cast<int>(attention_.size());
    matrix_ = n > 0 ? QRect(kPad + labelWidth_, y + 2 * fm.height() + 8, n * cell_, n * cell_) : QRect();
    height_ = n > 0 ? matrix_.bottom() + kPad : y;
}

int FusionView::entityAt(const QPoint& p) const
{
    for (std::size_t e = 0; e < entityRects_.size(); ++e)
        if (entityRects_[e].contains(p)) return static_cast<int>(e);
    if (matrix_.contains(p) && cell_ > 0) return (p.y() - matrix_.top()) / cell_;  // a row of the matrix
    return -1;
}

void FusionView::mouseMoveEvent(QMouseEvent* e)
{
    const int h = entityAt(e->position().toPoint());
    if (h != hover_) {
        hover_ = h;
        update();
    }
}

void FusionView::leaveEvent(QEvent*)
{
    hover_ = -1;
    update();
}

bool FusionView::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(e);
        for (std::size_t i = 0; i < entityRects_.size(); ++i)
            if (entityRects_[i].contains(he->pos())) {
                QToolTip::showText(he->globalPos(), QStringLiteral("<b>%1</b><br>%2").arg(entities_[i].synset.toHtmlEscaped(), entities_[i].definition.toHtmlEscaped()), this);
                return true;
            }
        for (int t = 0; t < static_cast<int>(tokenRects_.size()); ++t)
            if (tokenRects_[static_cast<std::size_t>(t)].contains(he->pos()) && t < static_cast<int>(change_.size())) {
                QToolTip::showText(he->globalPos(), tr("%1: the entities moved its final representation by %2% of its length")
                                                        .arg(tokens_[t])
                                                        .arg(100.0 * change_[static_cast<std::size_t>(t)], 0, 'f', 1), this);
                return true;
            }
        QToolTip::hideText();
        e->ignore();
        return true;
    }
    return QWidget::event(e);
}

void FusionView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const double maxChange = change_.empty() ? 0.0 : *std::max_element(change_.begin(), change_.end());
    for (int t = 0; t < static_cast<int>(tokenRects_.size()); ++t) {
        const QRect r = tokenRects_[static_cast<std::size_t>(t)];
        p.setPen(palette().text().color());
        p.drawText(r, Qt::AlignCenter, tokens_[t]);
        if (t < static_cast<int>(change_.size()) && maxChange > 0) {
            const double c = change_[static_cast<std::size_t>(t)] / maxChange;
            const int w = static_cast<int>(std::lround(c * (r.width() - 4)));
            p.fillRect(QRect(r.left() + 2, r.bottom() + 2, std::max(w, 1), kBar - 2), QColor(kChange.red(), kChange.green(), kChange.blue(), 60 + static_cast<int>(150 * c)));
        }
    }
    // Arcs from the entity under the mouse to every entity it attends to.
    const int n = static_cast<int>(attention_.size());
    if (hover_ >= 0 && hover_ < n && hover_ < static_cast<int>(entityRects_.size())) {
        const QRect from = entityRects_[static_cast<std::size_t>(hover_)];
        for (int j = 0; j < n && j < static_cast<int>(entityRects_.size()); ++j) {
            const double a = attention_[static_cast<std::size_t>(hover_)][static_cast<std::size_t>(j)];
            if (a < 0.02) continue;
            const QRect to = entityRects_[static_cast<std::size_t>(j)];
            QPainterPath path(QPointF(from.center().x(), from.bottom()));
            const double dip = std::min<double>(kArcDip + kRowGap - 4, 14 + 0.05 * std::abs(to.center().x() - from.center().x()));
            path.cubicTo(from.center().x(), from.bottom() + dip, to.center().x(), to.bottom() + dip, to.center().x(), to.bottom());
            p.setPen(QPen(QColor(kEntity.red(), kEntity.green(), kEntity.blue(), 80 + static_cast<int>(175 * a)), 1.0 + 6.0 * a));
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
        }
    }
    for (std::size_t e = 0; e < entityRects_.size(); ++e) {
        const QRect r = entityRects_[e];
        if (r.isEmpty()) continue;
        const bool hot = static_cast<int>(e) == hover_;
        p.setPen(QPen(kEntity, hot ? 2 : 1));
        p.setBrush(QColor(kEntity.red(), kEntity.green(), kEntity.blue(), hot ? 70 : 30));
        p.drawRoundedRect(r, 4, 4);
        p.setPen(kEntity.darker(140));
        p.drawText(r, Qt::AlignCenter, entities_[e].synset);
        // The entity's token, joined to its box.
        const QRect t = tokenRects_[static_cast<std::size_t>(entities_[e].token)];
        p.setPen(QPen(kEntity, 1, Qt::DotLine));
        p.drawLine(QPoint(t.center().x(), t.bottom() + kBar + 1), QPoint(r.center().x(), r.top()));
    }
    if (n == 0) return;
    const QFontMetrics fm(font());
    p.setPen(palette().text().color());
    p.drawText(QRect(kPad, matrix_.top() - 2 * fm.height() - 6, std::max(width(), labelWidth_ + n * cell_), fm.height()), Qt::AlignLeft,
               tr("entity self-attention, % (row: from, column: to)"));
    for (int j = 0; j < n; ++j)
        p.drawText(QRect(matrix_.left() + j * cell_, matrix_.top() - fm.height() - 2, cell_, fm.height()), Qt::AlignCenter, QString::number(j + 1));
    for (int i = 0; i < n; ++i) {
        p.setPen(palette().text().color());
        p.drawText(QRect(kPad, matrix_.top() + i * cell_, labelWidth_ - 6, cell_), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("%1  %2").arg(i < static_cast<int>(entities_.size()) ? entities_[static_cast<std::size_t>(i)].synset : QString()).arg(i + 1));
        for (int j = 0; j < n; ++j) {
            const double a = attention_[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
            const QRect c(matrix_.left() + j * cell_, matrix_.top() + i * cell_, cell_, cell_);
            p.fillRect(c, QColor(kEntity.red(), kEntity.green(), kEntity.blue(), static_cast<int>(std::lround(255 * std::clamp(a, 0.0, 1.0)))));
            p.setPen(a > 0.5 ? Qt::white : palette().text().color());
            p.drawText(c, Qt::AlignCenter, QStringLiteral("%1").arg(std::lround(100 * a)));
        }
        if (i == hover_) {
            p.setPen(QPen(kChange, 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRect(matrix_.left(), matrix_.top() + i * cell_, n * cell_, cell_));
        }
    }
    p.setPen(palette().mid().color());
    p.setBrush(Qt::NoBrush);
    p.drawRect(matrix_);
}

} // namespace ui
} // namespace ptl

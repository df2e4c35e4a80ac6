#include "ui/knowledge/AlignmentView.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace ptl {
namespace ui {

namespace {
constexpr int kPad = 8, kGap = 10, kBoxHeight = 22;

QColor colourOf(const AlignedMention& m)
{
    if (m.proper) return QColor(0x8e, 0x44, 0xad);
    if (m.pos == QStringLiteral("noun")) return QColor(0x2e, 0x6d, 0xb4);
    if (m.pos == QStringLiteral("verb")) return QColor(0x2e, 0x8b, 0x57);
    if (m.pos == QStringLiteral("adjective")) return QColor(0xd3, 0x7a, 0x1f);
    return QColor(0x7f, 0x8c, 0x8d);
}
} // namespace

AlignmentView::AlignmentView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void AlignmentView::setSentence(const QStringList& words, const QStringList& tags, const std::vector<AlignedMention>& mentions)
{
    words_ = words;
    tags_ = tags;
    mentions_ = mentions;
    layoutWords();
    updateGeometry();
    update();
}

QSize AlignmentView::sizeHint() const { return {600, height_}; }

QRect AlignmentView::mentionRect(int i) const
{
    return i >= 0 && i < static_cast<int>(mentionRects_.size()) ? mentionRects_[static_cast<std::size_t>(i)] : QRect();
}

void AlignmentView::resizeEvent(QResizeEvent*)
{
    const int before = height_;
    layoutWords();
    if (height_ != before) updateGeometry();
}

// Words flow left to right and wrap; each line holds the words, their tags, and the
// mention boxes of that line (a mention never spans two lines: its words move together).
void AlignmentView::layoutWords()
{
    wordRects_.assign(static_cast<std::size_t>(words_.size()), QRect());
    mentionRects_.assign(mentions_.size(), QRect());
    QFont bold = font();
    bold.setPointSizeF(font().pointSizeF() * 1.25);
    const QFontMetrics fm(bold), small(font());
    const int wordH = fm.height(), tagH = small.height();
    const int lineH = wordH + tagH + kBoxHeight + 3 * 4 + kGap;
    // Group words into units: a mention's words stay together.
    std::vector<int> unitEnd(static_cast<std::size_t>(words_.size()));
    for (int i = 0; i < words_.size(); ++i) unitEnd[static_cast<std::size_t>(i)] = i + 1;
    for (const auto& m : mentions_)
        if (m.begin >= 0 && m.end <= words_.size() && m.begin < m.end) unitEnd[static_cast<std::size_t>(m.begin)] = m.end;
    int x = kPad, y = kPad;
    const int width = std::max(200, this->width());
    for (int i = 0; i < words_.size();) {
        const int end = unitEnd[static_cast<std::size_t>(i)];
        int unitW = 0;
        std::vector<int> ws;
        for (int k = i; k < end; ++k) {
            const int w = std::max(fm.horizontalAdvance(words_[k]), tags_.size() > k ? small.horizontalAdvance(tags_[k]) : 0) + 6;
            ws.push_back(w);
            unitW += w + (k > i ? 4 : 0);
        }
        for (const auto& m : mentions_)
            if (m.begin == i) unitW = std::max(unitW, small.horizontalAdvance(m.synset) + 12);
        if (x > kPad && x + unitW > width - kPad) {
            x = kPad;
            y += lineH;
        }
        int wx = x;
        for (int k = i; k < end; ++k) {
            wordRects_[static_cast<std::size_t>(k)] = QRect(wx, y, ws[static_cast<std::size_t>(k - i)], wordH + tagH + 4);
            wx += ws[static_cast<std::size_t>(k - i)] + 4;
        }
        for (std::size_t m = 0; m < mentions_.size(); ++m)
            if (mentions_[m].begin == i) mentionRects_[m] = QRect(x, y + wordH + tagH + 8, unitW, kBoxHeight);
        x += unitW + kGap;
        i = end;
    }
    height_ = words_.isEmpty() ? 80 : y + lineH + kPad;
}

void AlignmentView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    if (words_.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Type a sentence and press Ground: each word that names a WordNet synset gets a box under it."));
        return;
    }
    QFont bold = font();
    bold.setPointSizeF(font().pointSizeF() * 1.25);
    const QFontMetrics fm(bold);
    for (int i = 0; i < words_.size(); ++i) {
        const QRect r = wordRects_[static_cast<std::size_t>(i)];
        p.setFont(bold);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(r.x(), r.y(), r.width(), fm.height()), Qt::AlignHCenter | Qt::AlignTop, words_[i]);
        if (i < tags_.size()) {
            p.setFont(font());
            p.setPen(QColor(0x88, 0x88, 0x88));
            p.drawText(QRect(r.x(), r.y() + fm.height(), r.width(), r.height() - fm.height()), Qt::AlignHCenter | Qt::AlignTop, tags_[i]);
        }
    }
    p.setFont(font());
    for (std::size_t m = 0; m < mentions_.size(); ++m) {
        const QRect r = mentionRects_[m];
        if (r.isEmpty()) continue;
        const QColor c = colourOf(mentions_[m]);
        // A bracket from the words down to the box.
        p.setPen(QPen(c, 1.5));
        p.drawLine(r.left() + 2, r.top() - 4, r.right() - 2, r.top() - 4);
        QColor fill = c;
        fill.setAlpha(40);
        p.setBrush(fill);
        p.drawRoundedRect(r, 4, 4);
        p.setPen(c.darker(130));
        p.drawText(r, Qt::AlignCenter, mentions_[m].synset);
    }
}

int AlignmentView::mentionAt(const QPoint& pos) const
{
    for (std::size_t m = 0; m < mentionRects_.size(); ++m)
        if (mentionRects_[m].contains(pos)) return static_cast<int>(m);
    // Hovering the words of a mention counts too.
    for (std::size_t m = 0; m < mentions_.size(); ++m)
        for (int k = mentions_[m].begin; k < mentions_[m].end && k < static_cast<int>(wordRects_.size()); ++k)
            if (wordRects_[static_cast<std::size_t>(k)].contains(pos)) return static_cast<int>(m);
    return -1;
}

bool AlignmentView::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const int m = mentionAt(help->pos());
        if (m >= 0) {
            const AlignedMention& x = mentions_[static_cast<std::size_t>(m)];
            QString tip = QStringLiteral("<b>%1</b> (%2%3)<br>%4").arg(x.synset.toHtmlEscaped(), x.pos, x.proper ? tr(", a name") : QString(), x.definition.toHtmlEscaped());
            if (!x.hypernym.isEmpty()) tip += QStringLiteral("<br><i>%1</i> %2").arg(tr("is a"), x.hypernym.toHtmlEscaped());
            QToolTip::showText(help->globalPos(), tip, this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(e);
}

void AlignmentView::mousePressEvent(QMouseEvent* e)
{
    const int m = mentionAt(e->pos());
    if (m >= 0) Q_EMIT mentionClicked(mentions_[static_cast<std::size_t>(m)].synset);
}

} // namespace ui
} // namespace ptl

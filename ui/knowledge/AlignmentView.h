#pragma once
// ERNIE's entity alignment drawn under a sentence: each word with its part-of-speech tag,
// and under the words a mention covers, a box naming the WordNet synset it grounds to
// (coloured by part of speech, names darker). Hovering a box shows the synset's gloss and
// hypernym; clicking it asks for the synset to be looked up.
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

namespace ptl {
namespace ui {

struct AlignedMention {
    int begin = 0, end = 0;  // words [begin, end)
    QString synset, pos, definition, hypernym;
    bool proper = false;
};

class AlignmentView : public QWidget {
    Q_OBJECT
public:
    explicit AlignmentView(QWidget* parent = nullptr);
    void setSentence(const QStringList& words, const QStringList& tags, const std::vector<AlignedMention>& mentions);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return {200, 80}; }
    // The box of mention i in widget coordinates (empty when not laid out).
    QRect mentionRect(int i) const;
    int mentionCount() const { return static_cast<int>(mentions_.size()); }

Q_SIGNALS:
    void mentionClicked(const QString& synset);

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    bool event(QEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;

private:
    void layoutWords();
    int mentionAt(const QPoint& p) const;

    QStringList words_, tags_;
    std::vector<AlignedMention> mentions_;
    std::vector<QRect> wordRects_, mentionRects_;
    int height_ = 80;
};

} // namespace ui
} // namespace ptl

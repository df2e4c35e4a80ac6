#pragma once
// ERNIE's K-Encoder drawn for one sentence: the tokens in a row, under each token the
// entity aligned with it (the WordNet synset whose TransE vector enters the entity stream),
// a bar under every token for how far the fusion moved its final representation (the same
// model run without entities as the reference), and, for one K-Encoder layer and head,
// the entity self-attention: who attends to whom among the aligned entities, as a matrix
// and as arcs from the entity under the mouse.
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

namespace ptl {
namespace ui {

struct FusionEntity {
    QString synset, definition;
    int token = 0;
};

class FusionView : public QWidget {
    Q_OBJECT
public:
    explicit FusionView(QWidget* parent = nullptr);
    // attention: [from][to] over the entities, for the chosen layer and head (empty: none).
    void setData(const QStringList& tokens, const std::vector<FusionEntity>& entities, const std::vector<double>& change,
                 const std::vector<std::vector<double>>& attention);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return {300, 160}; }
    // Layout, for tests: the box of token t and of entity e (empty when not laid out).
    QRect tokenRect(int t) const;
    QRect entityRect(int e) const;
    int hovered() const { return hover_; }

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void leaveEvent(QEvent*) override;
    bool event(QEvent* e) override;

private:
    void layoutAll();
    int entityAt(const QPoint& p) const;

    QStringList tokens_;
    std::vector<FusionEntity> entities_;
    std::vector<double> change_;
    std::vector<std::vector<double>> attention_;
    std::vector<QRect> tokenRects_, entityRects_;
    QRect matrix_;
    int cell_ = 24, labelWidth_ = 120, height_ = 200, hover_ = -1;
};

} // namespace ui
} // namespace ptl

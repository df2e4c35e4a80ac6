#pragma once
// KagNET's schema graph for one (question, choice): the question's concepts in the left
// column, the choice's concepts in the right one, the concepts the paths pass through in
// between (by how many hops from the question they first appear), and the relations on the
// edges. The paths KagNET's attention weighs most are drawn thick in orange, the rest thin;
// only the most weighted paths are drawn, so a busy graph stays readable. A node's gloss
// shows on hover.
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

namespace ptl {
namespace ui {

struct SchemaNode {
    QString name, definition;  // "car.n.01"
    int role = 2;              // 0 question concept, 1 answer concept, 2 on a path
};
struct SchemaPathDraw {
    std::vector<int> nodes;    // indices into the nodes
    QStringList relations;
    double weight = 0;         // KagNET's attention (alpha x beta)
};

class SchemaGraphView : public QWidget {
    Q_OBJECT
public:
    explicit SchemaGraphView(QWidget* parent = nullptr);
    // paths: highest weight first; the first maxPaths are drawn, the first `highlight` in orange.
    void setData(const std::vector<SchemaNode>& nodes, const std::vector<SchemaPathDraw>& paths, int maxPaths = 15, int highlight = 3);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return {320, 200}; }
    // For tests: how many nodes and edges are drawn, and where a node is.
    int drawnNodes() const;
    int drawnEdges() const { return static_cast<int>(edges_.size()); }
    QRect nodeRect(int node) const;

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    bool event(QEvent* e) override;

private:
    void layoutAll();

    struct Edge {
        int from = 0, to = 0;
        QString relation;
        double weight = 0;   // the largest weight of a drawn path using it
        bool highlighted = false;
    };
    std::vector<SchemaNode> nodes_;
    std::vector<int> column_;  // -1: not drawn
    std::vector<QRect> rects_;
    std::vector<Edge> edges_;
    int columns_ = 2, height_ = 200, shownPaths_ = 0, totalPaths_ = 0;
};

} // namespace ui
} // namespace ptl

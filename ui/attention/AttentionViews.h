#pragma once
// The attention views, painted directly (fast at 12 x 12 heads x 128 tokens):
//  - HeatmapView: one map as a matrix with token labels, exact value on hover;
//  - HeadView: bertviz's head view, tokens in two columns and lines weighted by
//    attention, one colour per head; hovering a token isolates its lines;
//  - ModelView: layers x heads thumbnails; clicking one selects it.
#include "core/api/AttentionMath.h"

#include <QStringList>
#include <QWidget>

namespace ptl {
namespace ui {

QColor headColor(int head);

class HeatmapView : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapView(QWidget* parent = nullptr);
    void setData(const QStringList& tokens, const Matrix& m, const QString& title);
    const Matrix& matrix() const { return m_; }
    QSize sizeHint() const override { return {600, 600}; }

protected:
    void paintEvent(QPaintEvent*) override;
    void mouseMoveEvent(QMouseEvent* e) override;

private:
    QRect cellRect(int q, int k) const;
    QStringList tokens_;
    Matrix m_;
    QString title_;
    int margin_ = 90;
};

class HeadView : public QWidget {
    Q_OBJECT
public:
    explicit HeadView(QWidget* parent = nullptr);
    // maps: the selected heads of one layer, each [query][key]; heads: their indices.
    void setData(const QStringList& tokens, const std::vector<Matrix>& maps, const std::vector<int>& heads);
    // The line weights drawn from query q: per head, one weight per key (the attention row).
    std::vector<std::vector<float>> lineWeights(int query) const;
    void setFocus(int query) { focus_ = query; update(); }
    QSize sizeHint() const override { return {420, 600}; }

protected:
    void paintEvent(QPaintEvent*) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void leaveEvent(QEvent*) override;

private:
    int rowAt(int y) const;
    QStringList tokens_;
    std::vector<Matrix> maps_;
    std::vector<int> heads_;
    int focus_ = -1;
};

class ModelView : public QWidget {
    Q_OBJECT
public:
    explicit ModelView(QWidget* parent = nullptr);
    void setData(const AttentionMaps& maps);
    QSize sizeHint() const override { return {600, 600}; }

Q_SIGNALS:
    void headClicked(int layer, int head);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;
    void resizeEvent(QResizeEvent*) override;

private:
    void rebuild();
    QRect cell(int layer, int head) const;
    AttentionMaps maps_;
    std::vector<QImage> thumbs_;  // one small image per (layer, head), painted once per data
};

} // namespace ui
} // namespace ptl

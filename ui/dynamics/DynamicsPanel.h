#pragma once
// "What the model learns first": for the selected run, three plots on one step axis:
// the held-out loss as a share of the unigram baseline (1.0 = a model that ignores
// context), the held-out accuracy at masked tokens by word class (Brown's POS groups, or
// frequency bands), and the structure of the attention heads (entropy, attention on the
// previous token, on [CLS]/[SEP], between a determiner or adjective and its noun). The
// points are the run's "dynamics" snapshots (one per eval); a running run's arrive live.
#include "core/api/Dynamics.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;

namespace ptl {
namespace ui {

class DynamicsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DynamicsPanel(QString storePath, QWidget* parent = nullptr);

    void setRun(qint64 runId);
    qint64 run() const { return runId_; }
    const std::vector<DynamicsPoint>& points() const { return points_; }
    // For tests: the lines drawn in the class plot and the head plot (name -> y per point).
    struct Drawn {
        QString name;
        std::vector<double> x, y;
    };
    std::vector<Drawn> classLines() const;
    std::vector<Drawn> headLines() const;
    std::vector<Drawn> ratioLines() const;
    void setClassMode(int index);  // 0: parts of speech, 1: frequency bands
    void setHeadMeasure(int index);  // 0: entropy, 1: previous token, 2: [CLS]/[SEP], 3: determiner/adjective -> noun
    QCustomPlot* classPlot() const { return classPlot_; }

public Q_SLOTS:
    void appendSnapshot(qint64 runId, qint64 step, const QString& kind, const QString& payloadJson);
    void reload();

private:
    void redraw();

    QString storePath_;
    qint64 runId_ = 0;
    std::vector<DynamicsPoint> points_;
    std::vector<std::pair<double, double>> ratio_;  // (step, held-out loss / unigram baseline)
    QString ratioMetric_;
    QComboBox* classMode_ = nullptr;
    QComboBox* headMeasure_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* message_ = nullptr;
    QCustomPlot* ratioPlot_ = nullptr;
    QCustomPlot* classPlot_ = nullptr;
    QCustomPlot* headPlot_ = nullptr;
};

} // namespace ui
} // namespace ptl

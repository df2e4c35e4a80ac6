#pragma once
// Training curves: any metric of any selected runs overlaid, one colour per run, with
// debiased-EMA smoothing (raw curve faint), x-axis by step, tokens seen, wall time or
// relative time, log y, hover values, zoom and pan, export. Points are read from the run
// store incrementally, off the GUI thread (a run of 100,000 rows takes longer to read than
// a frame); redraws are batched (at most one per 40 ms) and happen only when rows arrived.
#include "core/api/Runs.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QWidget>
#include <map>
#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QCPGraph;
class QLabel;
class QSlider;
class QTimer;

namespace ptl {
namespace ui {

class CurvesPanel : public QWidget {
    Q_OBJECT
public:
    enum XAxis { Step, TokensSeen, WallTime, RelativeTime, Flops };

    explicit CurvesPanel(QString storePath, QWidget* parent = nullptr);

    // Shows these runs; their rows are read in the background (loading() until they are in).
    void setRuns(const QList<qint64>& runIds);
    bool loading() const { return loading_; }
    void setMetric(const QString& name);
    QString metric() const;
    void setXAxis(XAxis axis);
    void setSmoothing(double weight);
    void setLogY(bool on);
    // New points may be in the store for this run: schedule a batched refresh.
    void notifyNewPoints(qint64 runId);
    void refreshNow();  // reads the store on this thread and redraws at once (export, tests)

    // What is drawn, for tests and CSV export: per run, x and raw y of the chosen metric.
    struct Line {
        qint64 runId;
        QString runName;
        std::vector<double> x, y, smoothed;
    };
    std::vector<Line> shownLines() const;
    // The "a model that ignores context" line of each shown run, when the metric has one
    // (core/api/Baselines.h): x and y as drawn (one value over the run's x range, or a
    // series where the baseline moves, as ELECTRA's replaced share does).
    struct BaselineLine {
        qint64 runId;
        QString metric;
        std::vector<double> x, y;
    };
    std::vector<BaselineLine> shownBaselines() const;
    void setShowBaselines(bool on);
    QCustomPlot* plot() const { return plot_; }
    bool exportTo(const QString& path, QString* error = nullptr);  // .png .pdf .svg .csv
    int replotCount() const { return replots_; }

private:
    struct RunData {
        QString name;
        std::int64_t lastStep = -1;
        std::map<std::string, std::vector<MetricPoint>> series;
    };
    // What one background read brought for a run: its name and the rows after `after`.
    struct Loaded {
        qint64 runId = 0;
        std::int64_t after = -1;
        QString name;
        std::vector<MetricPoint> points;
    };
    static Loaded read(const class RunStoreClient& store, qint64 runId, std::int64_t after);
    bool merge(Loaded&& l);  // true when it brought rows or a new name
    void refreshInBackground();
    void rebuildMetricList();
    void redraw();
    void showTooltip(QMouseEvent* e);
    std::vector<double> xValues(const RunData& d, const std::vector<MetricPoint>& points, std::vector<double>* y) const;

    QString storePath_;
    QList<qint64> runs_;
    std::map<qint64, RunData> data_;
    QCustomPlot* plot_ = nullptr;
    QComboBox* metric_ = nullptr;
    QComboBox* xAxis_ = nullptr;
    QSlider* smoothing_ = nullptr;
    QLabel* smoothingLabel_ = nullptr;
    QCheckBox* logY_ = nullptr;
    QCheckBox* baselines_ = nullptr;
    QLabel* empty_ = nullptr;
    QTimer* redrawTimer_ = nullptr;
    QSet<QCPGraph*> baselineGraphs_;
    int replots_ = 0;
    bool followData_ = true;  // rescale to the data until the user zooms or pans
    QString wanted_;            // the metric asked for (shown as soon as a run has it)
    bool loading_ = false;      // a background read is under way
    bool loadAgain_ = false;    // ... and another was asked for meanwhile
};

} // namespace ui
} // namespace ptl

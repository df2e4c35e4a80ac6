#pragma once
// Inside the model: type a sentence (or a pair) and see its tokens, every layer's and
// head's attention (head view, model view, matrix, neuron view; hide [CLS]/[SEP],
// average heads, rollout) and the top-k predictions at each [MASK], all computed on the
// inspector's worker thread as you type (debounced).
#include "core/api/Inspect.h"
#include "core/api/ModelSession.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace ptl {
namespace ui {

class HeadView;
class HeatmapView;
class Inspector;
class ModelView;

class InspectPanel : public QWidget {
    Q_OBJECT
public:
    explicit InspectPanel(QWidget* parent = nullptr);

    void openModel(const QString& dir);
    void setText(const QString& a, const QString& b = {});
    Inspector* inspector() const { return inspector_; }
    const InspectResult& result() const { return result_; }
    HeadView* headView() const { return head_; }
    HeatmapView* heatmap() const { return heatmap_; }
    ModelView* modelView() const { return model_; }
    QTableWidget* predictions() const { return predictions_; }
    bool exportView(const QString& path, QString* error = nullptr);  // .png or .svg of the current tab

    // Training history: the run's stored probe snapshots under a slider; the views follow
    // it. During a live run the newest snapshot is appended as it arrives.
    void showHistory(const QString& storePath, qint64 runId);
    void appendSnapshot(qint64 runId, qint64 step, const QString& kind, const QString& payloadJson);
    void leaveHistory();
    bool inHistory() const { return historyRun_ > 0; }
    int historySize() const { return static_cast<int>(history_.size()); }
    void setHistoryIndex(int i);
    qint64 shownHistoryStep() const;

Q_SIGNALS:
    void resultShown();

private:
    void request();
    void display(const InspectResult& r);
    void redrawViews();
    void requestNeuron();
    std::vector<int> keptTokens() const;

    Inspector* inspector_ = nullptr;
    QLabel* modelLabel_ = nullptr;
    QLineEdit* textA_ = nullptr;
    QLineEdit* textB_ = nullptr;
    QLabel* tokens_ = nullptr;
    QSpinBox* layer_ = nullptr;
    QComboBox* headSel_ = nullptr;
    QCheckBox* hideSpecial_ = nullptr;
    QCheckBox* average_ = nullptr;
    QCheckBox* rollout_ = nullptr;
    QSpinBox* neuronQuery_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    HeadView* head_ = nullptr;
    ModelView* model_ = nullptr;
    HeatmapView* heatmap_ = nullptr;
    QTableWidget* neuron_ = nullptr;
    QTableWidget* predictions_ = nullptr;
    QLabel* status_ = nullptr;
    QTimer* debounce_ = nullptr;
    InspectResult result_;
    int pending_ = 0;
    QWidget* historyBar_ = nullptr;
    QLabel* historyLabel_ = nullptr;
    QSlider* historySlider_ = nullptr;
    QCheckBox* followLive_ = nullptr;
    qint64 historyRun_ = 0;
    std::vector<std::pair<qint64, QString>> history_;  // (step, payload)
};

} // namespace ui
} // namespace ptl

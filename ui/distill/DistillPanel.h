#pragma once
// Distillation: set up a DistilBERT or TinyBERT student of a BERT teacher (the layer
// mapping drawn and editable: click a student layer, then the teacher layer it should
// learn from), start it on the training worker, and see what the student copies: teacher
// and student attention side by side for each mapped layer pair with the per-head MSE,
// the per-layer losses of the run, and a table teacher versus student measured on the
// same inputs (parameters, file size, inference latency, held-out MLM accuracy, % of teacher).
#include "core/api/Distill.h"
#include "core/api/JobSpec.h"

#include <QElapsedTimer>
#include <QThread>
#include <QWidget>
#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QVBoxLayout;
class QCustomPlot;

namespace ptl {
namespace ui {

// Teacher layers on the left, student layers on the right, a line for each student
// layer to the teacher layer it learns from (1-based).
class LayerMapView : public QWidget {
    Q_OBJECT
public:
    explicit LayerMapView(QWidget* parent = nullptr);
    void setLayers(int teacherLayers, const std::vector<int>& mapping, const QString& caption);
    const std::vector<int>& mapping() const { return map_; }
    // What a click on student layer m (1-based) then teacher layer t does, for tests.
    void assign(int studentLayer, int teacherLayer);
    QSize sizeHint() const override { return {320, 220}; }

Q_SIGNALS:
    void mappingChanged(const std::vector<int>& mapping);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;

private:
    QRect teacherBox(int layer) const;  // 1-based
    QRect studentBox(int layer) const;
    int teachers_ = 0;
    std::vector<int> map_;
    int selected_ = 0;  // student layer picked, waiting for a teacher layer
    QString caption_;
};

class DistillPanel : public QWidget {
    Q_OBJECT
public:
    explicit DistillPanel(QString storePath, QWidget* parent = nullptr);
    ~DistillPanel() override;

    void setTeacher(const QString& dir);
    // The job as set up here (student derived from the teacher, the mapping, the weights).
    JobSpec spec() const;
    QString validationMessage() const;
    // A distillation run: its teacher and its last checkpoint as the student; its losses.
    void setRun(qint64 runId);
    void refreshLosses();
    // The per-layer losses of a run as it trains (the set-up stays as the user left it);
    // at most every 2 s, since each refresh reads the run's metrics from the store.
    void showLossesOf(qint64 runId);
    void compareAttention(const QString& text);
    void measure();
    LayerMapView* mapView() const { return map_; }
    QTableWidget* table() const { return table_; }
    QCustomPlot* lossPlot() const { return losses_; }
    int attentionPairsShown() const { return pairsShown_; }
    void setStartEnabled(bool on);

Q_SIGNALS:
    void startRequested(const ptl::JobSpec& spec);
    void attentionShown();
    void measured();

private:
    void rebuildStudent();
    void updateMethodRows();
    void showAttention(const AttentionComparison& a);
    void showComparison(const DistillComparison& c);
    void runInWorker(std::function<void()> work);
    void fillStudentFromRun();

    QString storePath_;
    qint64 checkedRun_ = 0;         // the run whose configuration was last read for ...
    bool checkedIsDistill_ = false; // ... whether it is a distillation (others have no losses to draw)
    QThread thread_;
    QObject* worker_ = nullptr;
    QLineEdit* teacher_ = nullptr;
    QComboBox* method_ = nullptr;
    QSpinBox *layers_ = nullptr, *hidden_ = nullptr, *steps_ = nullptr;
    QDoubleSpinBox *lr_ = nullptr, *temperature_ = nullptr;
    QDoubleSpinBox *alphaCe_ = nullptr, *alphaMlm_ = nullptr, *alphaCos_ = nullptr;
    QDoubleSpinBox *alphaAtt_ = nullptr, *alphaHid_ = nullptr, *alphaEmb_ = nullptr, *alphaPred_ = nullptr;
    QFormLayout* form_ = nullptr;
    LayerMapView* map_ = nullptr;
    QLabel* summary_ = nullptr;
    QPushButton* start_ = nullptr;
    QLineEdit* student_ = nullptr;
    QLineEdit* text_ = nullptr;
    QSpinBox* head_ = nullptr;
    QWidget* pairs_ = nullptr;
    QVBoxLayout* pairsLayout_ = nullptr;
    QLabel* attentionStatus_ = nullptr;
    QCustomPlot* losses_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* tableStatus_ = nullptr;
    JobSpec base_;
    QString error_;
    qint64 runId_ = 0;
    int pairsShown_ = 0;
    AttentionComparison lastAttention_;
    bool startAllowed_ = true;
    QElapsedTimer lossesRead_;
};

} // namespace ui
} // namespace ptl

Q_DECLARE_METATYPE(ptl::AttentionComparison)
Q_DECLARE_METATYPE(ptl::DistillComparison)

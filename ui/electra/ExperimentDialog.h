#pragma once
// One click for the ELECTRA paper's central claim: BERT (masked LM only) and ELECTRA
// trained with the same estimated FLOPs, both encoders read by the same linear probe on
// the Brown corpus's 15 genres. Shows the budget before it starts, the probe accuracy of
// both against FLOPs while it runs, and what was measured at the end, whichever way it went.
// The last result is reloaded when the dialog opens again.
#include <QDialog>
#include <QVector>

class QLabel;
class QPushButton;
class QLineEdit;
class QSpinBox;
class QCustomPlot;
class QCPGraph;

namespace ptl {
namespace ui {

class TrainingController;

class ExperimentDialog : public QDialog {
    Q_OBJECT
public:
    ExperimentDialog(TrainingController* controller, QWidget* parent = nullptr);

    void setElectraSteps(int steps);
    void setProbePoints(int n);
    void setBatch(int batchSize, int seqLen);
    void start();
    // Shows a finished experiment's report (the JSON equalComputeToJson writes).
    bool showReport(const QString& json);
    QString summary() const;
    QString headline() const { return headline_; }  // the measured verdict, one sentence
    QCustomPlot* plot() const { return plot_; }
    qint64 bertRun() const { return runs_[0]; }
    qint64 electraRun() const { return runs_[1]; }

Q_SIGNALS:
    // Asks the main window to plot both runs' probe accuracy against FLOPs.
    void showRunsRequested(qint64 bertRun, qint64 electraRun);
    void experimentDone(bool completed);

private:
    void updateBudget();
    void updateButtons();
    void addPoint(int arm, double flops, double accuracy, double docAccuracy);
    void clearPlot();

    TrainingController* controller_;
    QSpinBox *steps_ = nullptr, *points_ = nullptr, *batch_ = nullptr, *seq_ = nullptr, *seed_ = nullptr;
    QLineEdit* electraSet_ = nullptr;  // key=value settings for the ELECTRA model only
    QLabel *budget_ = nullptr, *phase_ = nullptr, *result_ = nullptr;
    QPushButton *start_ = nullptr, *stop_ = nullptr, *show_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    QCPGraph *chunk_[2] = {nullptr, nullptr}, *doc_[2] = {nullptr, nullptr};
    qint64 runs_[2] = {0, 0};
    bool mine_ = false;
    QString headline_;  // the controller's current job was started here
};

} // namespace ui
} // namespace ptl

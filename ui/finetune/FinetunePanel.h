#pragma once
// Fine-tuning: pick a pre-trained model and a labelled task, set the fields of the transfer
// (the head's learning rate, the body's factor and layer-wise decay, freezing, GPT-1's
// auxiliary LM weight, early stopping, how many labelled examples, pre-trained or random
// initialisation), see the exact token sequence the model will be fed, start it on the
// training worker, and read what it learnt: train and dev curves against the task's
// majority and simple baselines, the dev confusion matrix and examples with the model's
// predictions, and a table of every fine-tuning run per task with its test score.
#include "core/api/JobSpec.h"
#include "core/api/Tasks.h"

#include <QElapsedTimer>
#include <QThread>
#include <QWidget>
#include <functional>
#include <map>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QCustomPlot;

namespace ptl {
namespace ui {

class FinetunePanel : public QWidget {
    Q_OBJECT
public:
    explicit FinetunePanel(QString storePath, QWidget* parent = nullptr);
    ~FinetunePanel() override;

    void setModel(const QString& dir);
    void setTask(const QString& name);
    QString model() const;
    QString task() const;
    // The job as set up here.
    JobSpec spec() const;
    QString validationMessage() const;
    void setStartEnabled(bool on);

    // A fine-tuning run (the Runs panel's selection, or the one training): its curves,
    // its latest predictions and the results table. Other runs are ignored.
    void setRun(qint64 runId);
    void showMetricsOf(qint64 runId);  // at most every 2 s while a run trains
    void appendSnapshot(qint64 runId, qint64 step, const QString& kind, const QString& payloadJson);
    void refreshResults();

    // For tests and screenshots.
    QCustomPlot* accuracyPlot() const { return accuracy_; }
    QTableWidget* confusion() const { return confusion_; }
    QTableWidget* results() const { return results_; }
    QCustomPlot* transferPlot() const { return transfer_; }
    QTextBrowser* examples() const { return examples_; }
    QTextBrowser* inputView() const { return input_; }
    QLabel* taskInfo() const { return taskInfo_; }
    void showTab(int index);
    // The results tab with the transfer chart of one task (as its combo would pick it).
    void showTransfer(const QString& task);

Q_SIGNALS:
    void startRequested(const ptl::JobSpec& spec);
    void previewReady();    // the model-input preview and the task's counts are shown
    void predictionsShown();

private:
    void rebuild();          // model or task changed: form limits, preview, task info
    void updateSummary();
    void showPrediction(const QString& payloadJson);
    void runInWorker(std::function<void()> work);
    void fillShippedModels();

    QString storePath_;
    QThread thread_;
    QObject* worker_ = nullptr;
    QComboBox* model_ = nullptr;
    QComboBox* task_ = nullptr;
    QComboBox* init_ = nullptr;
    QSpinBox *steps_ = nullptr, *evalEvery_ = nullptr, *freezeLayers_ = nullptr, *patience_ = nullptr, *examplesLimit_ = nullptr;
    QDoubleSpinBox *lr_ = nullptr, *bodyFactor_ = nullptr, *layerDecay_ = nullptr, *lmWeight_ = nullptr;
    QCheckBox* freezeEmbeddings_ = nullptr;
    QFormLayout* form_ = nullptr;
    QLabel* modelInfo_ = nullptr;
    QLabel* taskInfo_ = nullptr;
    QLabel* summary_ = nullptr;
    QTextBrowser* input_ = nullptr;
    QPushButton* start_ = nullptr;
    QCustomPlot* accuracy_ = nullptr;
    QCustomPlot* loss_ = nullptr;
    QLabel* curvesStatus_ = nullptr;
    QTableWidget* confusion_ = nullptr;
    QTextBrowser* examples_ = nullptr;
    QLabel* predictionStatus_ = nullptr;
    QTableWidget* results_ = nullptr;
    QCustomPlot* transfer_ = nullptr;
    QComboBox* transferTask_ = nullptr;
    QLabel* transferStatus_ = nullptr;
    // Test accuracy by labelled examples, pre-trained (true) and random (false), per task.
    std::map<QString, std::map<bool, std::map<int, double>>> transferPoints_;
    std::map<QString, std::pair<double, double>> transferBaselines_;
    std::map<QString, bool> transferF1_;  // task -> its metric is F1 (reading comprehension), not accuracy  // task -> (majority, simple) on all examples
    void drawTransfer();
    QTabWidget* tabs_ = nullptr;
    ModelConfig modelConfig_;
    bool modelOk_ = false;
    QString error_;
    bool startAllowed_ = true;
    qint64 runId_ = 0;
    QElapsedTimer metricsRead_;
    int previewGeneration_ = 0;
};

} // namespace ui
} // namespace ptl

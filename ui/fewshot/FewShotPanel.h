#pragma once
// In-context learning (GPT-3): pick a task and the K values, run the model on the test
// items at every K, and see accuracy against K with the baselines (chance, and the
// model's answer-only likelihood, which ignores the question). The prompt builder lets
// the user pick, order and edit the demonstrations of one test item and see the
// log-likelihood of each choice (total, per token, relative to the answer-only context),
// or the greedy answer of a free-form task.
#include "core/api/FewShot.h"
#include "core/api/ZeroShot.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace ptl {
namespace ui {

class Generator;
class ScalingView;

class FewShotPanel : public QWidget {
    Q_OBJECT
public:
    explicit FewShotPanel(QWidget* parent = nullptr);

    void setCheckpoint(const QString& dir);
    void setTask(const QString& name);
    void setKs(const QString& ks);
    void setItems(int n);
    void runNow();
    // The prompt builder: the test item, K demonstrations drawn with the seed, then Score.
    void selectItem(int index);
    void drawDemonstrations(int k);
    void scoreNow();
    QString assembledPrompt() const;
    // Zero-shot (GPT-2): run a task from the prompt alone against its baselines.
    void runZeroShotNow(const QString& task, int items);
    const ZeroShotResult& zeroShotResult() const { return zeroResult_; }
    QTableWidget* zeroShotTable() const { return zeroTable_; }
    // "Bigger is better": the model-size ladders of this run store.
    void setStorePath(const QString& path);
    ScalingView* scalingView() const { return scaling_; }

    const FewShotResult& result() const { return result_; }
    const FewShotTask& task() const { return task_; }
    const ChoiceScores& scores() const { return scores_; }
    QString freeAnswer() const { return freeAnswer_; }
    QTableWidget* byKTable() const { return table_; }
    QTableWidget* choiceTable() const { return choices_; }
    QListWidget* demonstrations() const { return demos_; }
    QTabWidget* tabs() const { return tabs_; }
    QLabel* statusLabel() const { return status_; }

Q_SIGNALS:
    void taskReady();
    void finished();  // a run finished or failed
    void scored();    // the prompt builder's choices (or answer) are back
    void zeroShotDone();

private:
    void requestTask();
    void showResult();
    void showScores();
    void updatePrompt();
    void fail(const QString& message);

    Generator* worker_ = nullptr;
    QLineEdit* checkpoint_ = nullptr;
    QComboBox* taskCombo_ = nullptr;
    QLabel* construction_ = nullptr;
    QLineEdit* ks_ = nullptr;
    QSpinBox *items_ = nullptr, *seed_ = nullptr, *item_ = nullptr, *drawK_ = nullptr;
    QCheckBox* description_ = nullptr;
    QPushButton *run_ = nullptr, *stop_ = nullptr, *score_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* itemLabel_ = nullptr;
    QLineEdit* descriptionText_ = nullptr;
    QListWidget* demos_ = nullptr;
    QPlainTextEdit* prompt_ = nullptr;
    QTableWidget* choices_ = nullptr;
    QLabel* scoreLabel_ = nullptr;
    QLabel* status_ = nullptr;
    QComboBox* zeroTask_ = nullptr;
    QSpinBox* zeroItems_ = nullptr;
    QPushButton* zeroRun_ = nullptr;
    QLabel* zeroConstruction_ = nullptr;
    QTableWidget *zeroTable_ = nullptr, *zeroExamples_ = nullptr;
    int zeroRequest_ = 0;
    ScalingView* scaling_ = nullptr;
    ZeroShotResult zeroResult_;

    int taskRequest_ = 0, runRequest_ = 0, scoreRequest_ = 0;
    FewShotTask task_;
    FewShotResult result_;
    ChoiceScores scores_;
    QString freeAnswer_;
};

} // namespace ui
} // namespace ptl

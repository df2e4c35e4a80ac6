#pragma once
// "Bigger is better", measured: every ladder of model sizes in the run store (trained by
// `experiment scaling`), its held-out loss against non-embedding parameters on log-log
// axes with the fitted power law beside Kaplan et al.'s slope, and for GPT each size's
// zero-shot and few-shot accuracy (GPT-3's Figures 1.2 and 1.3, for our models).
#include "core/api/Scaling.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QTableWidget;

namespace ptl {
namespace ui {

class ScalingView : public QWidget {
    Q_OBJECT
public:
    explicit ScalingView(QWidget* parent = nullptr);

    void setStorePath(const QString& path);
    // Reads the store again (ladders grow as `experiment scaling` finishes rungs).
    void refresh();

    const std::vector<ScalingLadder>& ladders() const { return ladders_; }
    QComboBox* ladderCombo() const { return ladder_; }
    QTableWidget* table() const { return table_; }
    QCustomPlot* lossPlot() const { return loss_; }
    QCustomPlot* taskPlot() const { return tasks_; }
    QLabel* summaryLabel() const { return summary_; }

private:
    void draw();

    QString storePath_;
    std::vector<ScalingLadder> ladders_;
    QComboBox* ladder_ = nullptr;
    QLabel* summary_ = nullptr;
    QCustomPlot *loss_ = nullptr, *tasks_ = nullptr;
    QTableWidget* table_ = nullptr;
};

} // namespace ui
} // namespace ptl

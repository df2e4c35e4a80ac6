#pragma once
// The Runs panel: every run of the store, filtered by text and status, with rename,
// delete (with its checkpoints), duplicate-as-new-configuration and resume.
#include "core/api/Runs.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QLabel;

namespace ptl {
namespace ui {

class RunsModel;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(QString storePath, QWidget* parent = nullptr);

    RunsModel* model() const { return model_; }
    QList<qint64> selectedRunIds() const;
    void selectRun(qint64 runId);

    void refresh();  // reads the store on this thread (after a change made here)
    // Reads it on a pool thread and shows the result when it comes (the 1 s poll: a store of
    // many large runs must not stall the window).
    void refreshInBackground();

Q_SIGNALS:
    void selectionChanged(const QList<qint64>& runIds);
    void duplicateRequested(const QString& configJson);
    void resumeRequested(qint64 runId);
    void compareRequested(const QList<qint64>& runIds);
    void inspectRequested(const QString& checkpointDir);
    void historyRequested(qint64 runId);

private:
    void showMenu(const QPoint& pos);
    void renameSelected();
    void deleteSelected();
    void applyFilter();
    void showRead(std::vector<RunSummary> runs, const QString& error);

    QString storePath_;
    RunsModel* model_ = nullptr;
    QSortFilterProxyModel* proxy_ = nullptr;
    QTableView* view_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QComboBox* status_ = nullptr;
    QLabel* hint_ = nullptr;
    bool reading_ = false;
};

} // namespace ui
} // namespace ptl

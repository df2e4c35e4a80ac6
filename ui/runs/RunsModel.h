#pragma once
// The runs of a store as a Qt table model (one row per run).
#include "core/api/Runs.h"

#include <QAbstractTableModel>
#include <QString>
#include <vector>

namespace ptl {
namespace ui {

class RunsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Name, Model, Status, Steps, LastEval, BestEval, Created, Duration, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1, StatusRole };

    explicit RunsModel(QObject* parent = nullptr);

    // Re-reads the store. Returns an empty string, or the error message to show.
    QString reload(const QString& storePath);
    // The two halves of reload: read (any thread) and show (the model's thread).
    static std::vector<RunSummary> read(const QString& storePath, QString* error);
    void show(std::vector<RunSummary> runs);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString statusText(const std::string& status);
    static QString durationText(double seconds);
    const RunSummary* run(int row) const;
    int rowOf(qint64 runId) const;

private:
    std::vector<RunSummary> runs_;
};

} // namespace ui
} // namespace ptl

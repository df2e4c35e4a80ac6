#include "ui/runs/RunsModel.h"

#include <QBrush>
#include <QColor>

namespace ptl {
namespace ui {

RunsModel::RunsModel(QObject* parent) : QAbstractTableModel(parent) {}

QString RunsModel::reload(const QString& storePath)
{
    QString error;
    std::vector<RunSummary> runs;
    try {
        runs = listRuns(storePath.toStdString());
    } catch (const std::exception& e) {  // ptl::Error's what() holds message and hint
        error = QString::fromStdString(e.what());
    }
    beginResetModel();
    runs_ = std::move(runs);
    endResetModel();
    return error;
}

int RunsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(runs_.size()); }
int RunsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString RunsModel::statusText(const std::string& s)
{
    if (s == "running") return tr("running");
    if (s == "paused") return tr("paused");
    if (s == "completed") return tr("completed");
    if (s == "cancelled") return tr("cancelled");
    if (s == "interrupted") return tr("interrupted");
    if (s == "diverged") return tr("diverged");
    if (s == "failed") return tr("failed");
    return QString::fromStdString(s);
}

QVariant RunsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const RunSummary& r = runs_[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id: return QVariant::fromValue<qlonglong>(r.id);
        case Name: return QString::fromStdString(r.name);
        case Family: return QString::fromStdString(r.family);
        case Objective: return QString::fromStdString(r.objective);
        case Status: return statusText(r.status);
        case Steps: return QVariant::fromValue<qlonglong>(r.lastStep);
        case Created: return QString::fromStdString(r.createdAt);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (r.status == "failed" || r.status == "diverged") return QBrush(QColor(0xc0, 0x20, 0x20));
        if (r.status == "completed") return QBrush(QColor(0x20, 0x80, 0x30));
        if (r.status == "running") return QBrush(QColor(0x20, 0x50, 0xc0));
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Id || index.column() == Steps))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Id: return tr("ID");
    case Name: return tr("Name");
    case Family: return tr("Family");
    case Objective: return tr("Objective");
    case Status: return tr("Status");
    case Steps: return tr("Steps");
    case Created: return tr("Created");
    }
    return {};
}

} // namespace ui
} // namespace ptl

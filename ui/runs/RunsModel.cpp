#include "ui/runs/RunsModel.h"

#include <QApplication>
#include <QBrush>
#include <QIcon>
#include <QStyle>
#include <cmath>
#include <QColor>

namespace ptl {
namespace ui {

RunsModel::RunsModel(QObject* parent) : QAbstractTableModel(parent) {}

QString RunsModel::reload(const QString& storePath)
{
    QString error;
    show(read(storePath, &error));
    return error;
}

std::vector<RunSummary> RunsModel::read(const QString& storePath, QString* error)
{
    try {
        return listRuns(storePath.toStdString());
    } catch (const std::exception& e) {  // ptl::Error's what() holds message and hint
        if (error) *error = QString::fromStdString(e.what());
    }
    return {};
}

void RunsModel::show(std::vector<RunSummary> runs)
{
    // Same runs in the same order: update in place, so selections and scroll stay put.
    bool sameRows = runs.size() == runs_.size();
    for (std::size_t i = 0; sameRows && i < runs.size(); ++i) sameRows = runs[i].id == runs_[i].id;
    if (sameRows) {
        runs_ = std::move(runs);
        if (!runs_.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        runs_ = std::move(runs);
        endResetModel();
    }
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

const RunSummary* RunsModel::run(int row) const
{
    return row >= 0 && row < rowCount() ? &runs_[static_cast<std::size_t>(row)] : nullptr;
}

int RunsModel::rowOf(qint64 runId) const
{
    for (std::size_t i = 0; i < runs_.size(); ++i)
        if (runs_[i].id == runId) return static_cast<int>(i);
    return -1;
}

QString RunsModel::durationText(double seconds)
{
    const auto s = static_cast<long long>(seconds + 0.5);
    if (s < 60) return tr("%1 s").arg(s);
    if (s < 3600) return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

static QIcon statusIcon(const std::string& s)
{
    QStyle* st = QApplication::style();
    if (s == "running") return st->standardIcon(QStyle::SP_MediaPlay);
    if (s == "paused") return st->standardIcon(QStyle::SP_MediaPause);
    if (s == "completed") return st->standardIcon(QStyle::SP_DialogApplyButton);
    if (s == "cancelled") return st->standardIcon(QStyle::SP_MediaStop);
    if (s == "interrupted") return st->standardIcon(QStyle::SP_MessageBoxWarning);
    return st->standardIcon(QStyle::SP_MessageBoxCritical);  // failed, diverged
}

QVariant RunsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const RunSummary& r = runs_[static_cast<std::size_t>(index.row())];
    if (role == RunIdRole) return QVariant::fromValue<qlonglong>(r.id);
    if (role == StatusRole) return QString::fromStdString(r.status);
    auto loss = [](double v) { return std::isnan(v) ? QVariant() : QVariant(QString::number(v, 'f', 4)); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id: return QVariant::fromValue<qlonglong>(r.id);
        case Name: return QString::fromStdString(r.name);
        case Model: return QStringLiteral("%1 · %2").arg(QString::fromStdString(r.family), QString::fromStdString(r.objective));
        case Status: return statusText(r.status);
        case Steps: return QVariant::fromValue<qlonglong>(r.lastStep);
        case LastEval: return loss(r.lastEvalLoss);
        case BestEval: return loss(r.bestEvalLoss);
        case Created: return QString::fromStdString(r.createdAt).replace(QLatin1Char('T'), QLatin1Char(' ')).remove(QLatin1Char('Z'));
        case Duration: return durationText(r.wallSeconds);
        }
    }
    if (role == Qt::EditRole && index.column() == Name) return QString::fromStdString(r.name);
    if (role == Qt::DecorationRole && index.column() == Status) return statusIcon(r.status);
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (r.status == "failed" || r.status == "diverged") return QBrush(QColor(0xc0, 0x20, 0x20));
        if (r.status == "completed") return QBrush(QColor(0x20, 0x80, 0x30));
        if (r.status == "running") return QBrush(QColor(0x20, 0x50, 0xc0));
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Id || index.column() == Steps || index.column() == LastEval ||
                                          index.column() == BestEval || index.column() == Duration))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Status && !r.status.empty())
        return statusText(r.status);
    if (role == Qt::ToolTipRole && (index.column() == Name || index.column() == Model) && (r.parentRunId > 0 || !r.parentPath.empty()))
        return r.parentRunId > 0 ? tr("Distilled from run %1 (%2)").arg(r.parentRunId).arg(QString::fromStdString(r.parentPath))
                                 : tr("Distilled from %1").arg(QString::fromStdString(r.parentPath));
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Id: return tr("ID");
    case Name: return tr("Name");
    case Model: return tr("Model · objective");
    case Status: return tr("Status");
    case Steps: return tr("Steps");
    case LastEval: return tr("Last eval loss");
    case BestEval: return tr("Best eval loss");
    case Created: return tr("Created (UTC)");
    case Duration: return tr("Training time");
    }
    return {};
}

} // namespace ui
} // namespace ptl

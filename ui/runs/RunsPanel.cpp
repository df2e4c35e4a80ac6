#include "ui/runs/RunsPanel.h"
#include "core/api/Runs.h"
#include "ui/runs/RunsModel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>
#include <memory>

namespace ptl {
namespace ui {

namespace {
// Text filter over every column, plus a status filter.
class RunsFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString status;
    void setStatus(const QString& s)
    {
        status = s;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QModelIndex first = sourceModel()->index(row, 0, parent);
        if (!status.isEmpty() && sourceModel()->data(first, RunsModel::StatusRole).toString() != status) return false;
        const auto re = filterRegularExpression();
        if (re.pattern().isEmpty()) return true;
        for (int c = 0; c < sourceModel()->columnCount(parent); ++c)
            if (sourceModel()->data(sourceModel()->index(row, c, parent)).toString().contains(re)) return true;
        return false;
    }
};
} // namespace

RunsPanel::RunsPanel(QString storePath, QWidget* parent) : QWidget(parent), storePath_(std::move(storePath))
{
    model_ = new RunsModel(this);
    auto* filter = new RunsFilter(this);
    proxy_ = filter;
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(Qt::DisplayRole);

    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Filter runs…"));
    filter_->setClearButtonEnabled(true);
    status_ = new QComboBox(this);
    status_->addItem(tr("All statuses"), QString());
    for (const char* s : {"running", "paused", "completed", "cancelled", "interrupted", "diverged", "failed"})
        status_->addItem(RunsModel::statusText(s), QString::fromLatin1(s));

    view_ = new QTableView(this);
    view_->setModel(proxy_);
    view_->setSortingEnabled(true);
    view_->sortByColumn(RunsModel::Id, Qt::DescendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setAlternatingRowColors(true);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(QStringLiteral("color: #666;"));

    auto* top = new QHBoxLayout;
    top->addWidget(filter_, 1);
    top->addWidget(status_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(view_, 1);
    layout->addWidget(hint_);

    connect(filter_, &QLineEdit::textChanged, this, &RunsPanel::applyFilter);
    connect(status_, &QComboBox::currentIndexChanged, this, &RunsPanel::applyFilter);
    connect(view_, &QWidget::customContextMenuRequested, this, &RunsPanel::showMenu);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { Q_EMIT selectionChanged(selectedRunIds()); });

    auto* del = new QAction(tr("Delete"), this);
    del->setShortcut(QKeySequence::Delete);
    del->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(del, &QAction::triggered, this, &RunsPanel::deleteSelected);
    addAction(del);
    auto* ren = new QAction(tr("Rename"), this);
    ren->setShortcut(QKeySequence(Qt::Key_F2));
    ren->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(ren, &QAction::triggered, this, &RunsPanel::renameSelected);
    addAction(ren);

    // Status changes appear live: re-read the store every second (one query, on a pool
    // thread: tens of milliseconds for 200 runs of 100,000 rows).
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &RunsPanel::refreshInBackground);
    timer->start(1000);
    refresh();
}

void RunsPanel::applyFilter()
{
    proxy_->setFilterRegularExpression(QRegularExpression(QRegularExpression::escape(filter_->text()), QRegularExpression::CaseInsensitiveOption));
    static_cast<RunsFilter*>(proxy_)->setStatus(status_->currentData().toString());
}

void RunsPanel::refresh()
{
    QString error;
    auto runs = RunsModel::read(storePath_, &error);
    showRead(std::move(runs), error);
}

void RunsPanel::refreshInBackground()
{
    if (reading_) return;  // the last read has not come back yet
    reading_ = true;
    QPointer<RunsPanel> self(this);
    QThreadPool::globalInstance()->start([self, path = storePath_] {
        auto error = std::make_shared<QString>();
        auto runs = std::make_shared<std::vector<RunSummary>>(RunsModel::read(path, error.get()));
        QMetaObject::invokeMethod(qApp, [self, runs, error] {
            if (!self) return;
            self->reading_ = false;
            self->showRead(std::move(*runs), *error);
        }, Qt::QueuedConnection);
    });
}

void RunsPanel::showRead(std::vector<RunSummary> runs, const QString& error)
{
    model_->show(std::move(runs));
    if (!error.isEmpty())
        hint_->setText(tr("Cannot read the run store: %1").arg(error));
    else if (model_->rowCount() == 0)
        hint_->setText(tr("No runs yet. Pick a preset in Configuration and press Start."));
    else
        hint_->setText(tr("Runs in the store: %1").arg(model_->rowCount()));
    if (view_->horizontalHeader()->sectionSize(0) < 10 || model_->rowCount() < 30) view_->resizeColumnsToContents();
}

QList<qint64> RunsPanel::selectedRunIds() const
{
    QList<qint64> ids;
    for (const QModelIndex& i : view_->selectionModel()->selectedRows()) ids << proxy_->data(i, RunsModel::RunIdRole).toLongLong();
    return ids;
}

void RunsPanel::selectRun(qint64 runId)
{
    const int row = model_->rowOf(runId);
    if (row < 0) return;
    const QModelIndex i = proxy_->mapFromSource(model_->index(row, 0));
    view_->selectionModel()->select(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view_->scrollTo(i);
}

void RunsPanel::showMenu(const QPoint& pos)
{
    const QList<qint64> ids = selectedRunIds();
    if (ids.isEmpty()) return;
    QMenu menu(this);
    const RunSummary* r = model_->run(model_->rowOf(ids.first()));
    if (ids.size() == 1) {
        menu.addAction(tr("Rename…"), this, &RunsPanel::renameSelected);
        menu.addAction(tr("Duplicate as new configuration"), this, [this, id = ids.first()] {
            try {
                RunStoreClient store(storePath_.toStdString());
                Q_EMIT duplicateRequested(QString::fromStdString(store.configJson(id)));
            } catch (const std::exception& e) {
                QMessageBox::warning(this, tr("Duplicate"), QString::fromStdString(e.what()));
            }
        });
        menu.addAction(tr("Watch its attention history"), this, [this, id = ids.first()] { Q_EMIT historyRequested(id); });
        menu.addAction(tr("Inspect the last checkpoint"), this, [this, id = ids.first()] {
            try {
                const std::string ck = RunStoreClient(storePath_.toStdString()).lastCheckpoint(id);
                if (ck.empty()) QMessageBox::information(this, tr("Inspect"), tr("This run has no checkpoint yet."));
                else Q_EMIT inspectRequested(QString::fromStdString(ck));
            } catch (const std::exception& e) {
                QMessageBox::warning(this, tr("Inspect"), QString::fromStdString(e.what()));
            }
        });
        if (r && (r->status == "interrupted" || r->status == "cancelled" || r->status == "failed" || r->status == "diverged"))
            menu.addAction(tr("Resume from the last checkpoint"), this, [this, id = ids.first()] { Q_EMIT resumeRequested(id); });
    }
    if (ids.size() >= 2) menu.addAction(tr("Compare %1 runs").arg(ids.size()), this, [this, ids] { Q_EMIT compareRequested(ids); });
    menu.addSeparator();
    menu.addAction(tr("Delete with checkpoints…"), this, &RunsPanel::deleteSelected);
    menu.exec(view_->viewport()->mapToGlobal(pos));
}

void RunsPanel::renameSelected()
{
    const QList<qint64> ids = selectedRunIds();
    if (ids.size() != 1) return;
    const RunSummary* r = model_->run(model_->rowOf(ids.first()));
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename run"), tr("New name:"), QLineEdit::Normal,
                                               r ? QString::fromStdString(r->name) : QString(), &ok).trimmed();
    if (!ok || name.isEmpty()) return;
    try {
        RunStoreClient(storePath_.toStdString()).rename(ids.first(), name.toStdString());
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Rename run"), QString::fromStdString(e.what()));
    }
    refresh();
}

void RunsPanel::deleteSelected()
{
    const QList<qint64> ids = selectedRunIds();
    if (ids.isEmpty()) return;
    if (QMessageBox::question(this, tr("Delete runs"),
                              tr("Delete %1 run(s) with their metrics, snapshots and checkpoint folders? This cannot be undone.").arg(ids.size()))
        != QMessageBox::Yes)
        return;
    QStringList errors;
    for (qint64 id : ids) {
        try {
            RunStoreClient(storePath_.toStdString()).remove(id);
        } catch (const std::exception& e) {
            errors << QString::fromStdString(e.what());
        }
    }
    if (!errors.isEmpty()) QMessageBox::warning(this, tr("Delete runs"), errors.join(QLatin1Char('\n')));
    refresh();
}

} // namespace ui
} // namespace ptl

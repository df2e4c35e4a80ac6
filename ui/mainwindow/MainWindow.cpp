#include "ui/mainwindow/MainWindow.h"
#include "ui/runs/RunsModel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace ptl {
namespace ui {

MainWindow::MainWindow(QString storePath, QWidget* parent) : QMainWindow(parent), storePath_(std::move(storePath))
{
    setWindowTitle(tr("PretrainLab"));
    resize(1200, 760);

    runsModel_ = new RunsModel(this);
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    auto* title = new QLabel(tr("<b>Runs</b> — every training run recorded in the run store"), panel);
    runsView_ = new QTableView(panel);
    runsView_->setModel(runsModel_);
    runsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    runsView_->setAlternatingRowColors(true);
    runsView_->verticalHeader()->hide();
    runsView_->horizontalHeader()->setStretchLastSection(true);
    emptyHint_ = new QLabel(panel);
    emptyHint_->setWordWrap(true);
    emptyHint_->setStyleSheet(QStringLiteral("color: #666;"));
    layout->addWidget(title);
    layout->addWidget(runsView_, 1);
    layout->addWidget(emptyHint_);
    setCentralWidget(panel);

    buildMenus();
    statusBar()->showMessage(tr("Run store: %1").arg(storePath_));
    refreshRuns();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* refresh = file->addAction(tr("&Refresh runs"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, &MainWindow::refreshRuns);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About PretrainLab"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::refreshRuns()
{
    const QString error = runsModel_->reload(storePath_);
    if (!error.isEmpty()) {
        emptyHint_->setText(tr("Cannot read the run store: %1").arg(error));
        return;
    }
    emptyHint_->setText(runsModel_->rowCount() == 0
                            ? tr("No runs yet. Start one from the command line: pretrainlab-cli train --preset bert-tiny")
                            : tr("Runs in the store: %1").arg(runsModel_->rowCount()));
    runsView_->resizeColumnsToContents();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About PretrainLab"),
                       tr("<h3>PretrainLab %1</h3><p>A workbench for seeing inside transformer pre-training: "
                          "BERT, GPT, ALBERT and ELECTRA on an ordinary CPU.</p>")
                           .arg(QStringLiteral(PTL_VERSION)));
}

} // namespace ui
} // namespace ptl

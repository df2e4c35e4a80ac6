#pragma once
// The workbench window. It only assembles panels; each panel is its own class.
#include <QMainWindow>

class QLabel;
class QTableView;

namespace ptl {
namespace ui {

class RunsModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QString storePath, QWidget* parent = nullptr);

    RunsModel* runsModel() const { return runsModel_; }
    void refreshRuns();

private:
    void buildMenus();
    void showAbout();

    QString storePath_;
    RunsModel* runsModel_ = nullptr;
    QTableView* runsView_ = nullptr;
    QLabel* emptyHint_ = nullptr;
};

} // namespace ui
} // namespace ptl

#pragma once
// The workbench window. It only assembles the panels (each its own class), the
// training controller, menus, toolbar and status bar.
#include <QMainWindow>

class QLabel;
class QAction;
class QDockWidget;

namespace ptl {
struct ProgressInfo;
struct Lesson;
namespace ui {

class ConfigEditor;
class CurvesPanel;
class InspectPanel;
class ReplacedPanel;
class ExperimentDialog;
class DistillPanel;
class GeneratePanel;
class FewShotPanel;
class FinetunePanel;
class DynamicsPanel;
class KnowledgePanel;
class LogPanel;
class LessonsPanel;
class MaskingPanel;
class RunsModel;
class RunsPanel;
class TrainingController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QString storePath, QWidget* parent = nullptr);
    ~MainWindow() override;

    RunsModel* runsModel() const;
    RunsPanel* runsPanel() const { return runs_; }
    CurvesPanel* curves() const { return curves_; }
    InspectPanel* inspectPanel() const { return inspect_; }
    ReplacedPanel* replacedPanel() const { return replaced_; }
    DistillPanel* distillPanel() const { return distill_; }
    GeneratePanel* generatePanel() const { return generate_; }
    FewShotPanel* fewShotPanel() const { return fewShot_; }
    DynamicsPanel* dynamicsPanel() const { return dynamics_; }
    KnowledgePanel* knowledgePanel() const { return knowledge_; }
    FinetunePanel* finetunePanel() const { return finetune_; }
    LessonsPanel* lessonsPanel() const { return lessons_; }
    // Shows the view a lesson looks at, set up on its runs (what "Open the view" does).
    void openLessonView(const Lesson& lesson);
    // The lesson's folder for a class: core's export, plus the view and the curves as images.
    bool exportLesson(const Lesson& lesson, const QString& dir, QString* error);
    // Opens (once) and shows the equal-compute experiment dialog.
    ExperimentDialog* showExperiment();
    ConfigEditor* configEditor() const { return config_; }
    TrainingController* controller() const { return controller_; }
    void refreshRuns();

protected:
    void closeEvent(QCloseEvent* e) override;

private:
    void buildActions();
    void buildMenus();
    void updateActions();
    void onProgress(const ProgressInfo& p);
    void showCurvesFor(const QList<qint64>& selected);
    void compare(const QList<qint64>& ids);
    void showAbout();
    QDockWidget* dock(const QString& title, const QString& objectName, QWidget* w, Qt::DockWidgetArea area);

    QString storePath_;
    TrainingController* controller_ = nullptr;
    RunsPanel* runs_ = nullptr;
    CurvesPanel* curves_ = nullptr;
    InspectPanel* inspect_ = nullptr;
    ReplacedPanel* replaced_ = nullptr;
    ExperimentDialog* experiment_ = nullptr;
    DistillPanel* distill_ = nullptr;
    GeneratePanel* generate_ = nullptr;
    FewShotPanel* fewShot_ = nullptr;
    FinetunePanel* finetune_ = nullptr;
    DynamicsPanel* dynamics_ = nullptr;
    KnowledgePanel* knowledge_ = nullptr;
    ConfigEditor* config_ = nullptr;
    LogPanel* log_ = nullptr;
    LessonsPanel* lessons_ = nullptr;
    MaskingPanel* masking_ = nullptr;
    QString lessonRunning_;
    QAction *start_ = nullptr, *pause_ = nullptr, *resume_ = nullptr, *stop_ = nullptr;
    QLabel *statusStep_ = nullptr, *statusSpeed_ = nullptr, *statusEta_ = nullptr, *statusPrecision_ = nullptr;
    QList<qint64> selected_;
};

} // namespace ui
} // namespace ptl

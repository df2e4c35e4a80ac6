#pragma once
// Lessons: one guided lesson per chapter of the pre-training story (resources/lessons).
// The list of chapters, the lesson's text in the application's language (the other one a
// click away), its runs and what the store holds of them, the figures it measures and the
// verdict on the paper's claim, and the buttons that run it, open its view and export it
// for a class. The main window carries out "open the view" (it owns the views).
#include "core/api/Lessons.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace ptl {
namespace ui {

class LessonsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonsPanel(QString storePath, QWidget* parent = nullptr);

    // Reads the lessons again from dir (empty: the shipped ones; null: where they were read
    // last). Returns false and says why in the panel when a lesson file is bad.
    bool loadFrom(const QString& dir = QString());
    void selectLesson(const QString& id);
    const std::vector<Lesson>& lessons() const { return lessons_; }
    const Lesson* current() const;
    QString language() const;              // ko or en: the text shown
    void setLanguage(const QString& lang);
    // Reads the current lesson's runs and figures from the store again (the store only:
    // a model's figures come from the lesson's last run, setMeasured, never computed here
    // on the GUI thread).
    void refreshResult();
    // The figures a lesson run computed (every measure, models' included).
    void setMeasured(const LessonResult& r);
    const LessonResult& result() const { return result_; }
    void setRunning(bool running, const QString& lessonId = {});
    // The lesson's folder for a class (core's export); false with the reason on failure.
    bool exportTo(const QString& dir, QString* error);

    QListWidget* list() const { return list_; }
    QTextBrowser* text() const { return text_; }
    QTableWidget* runsTable() const { return runs_; }
    QTableWidget* measuresTable() const { return measures_; }
    QLabel* verdictLabel() const { return verdict_; }
    QPushButton* runButton() const { return run_; }
    QPushButton* openButton() const { return open_; }
    QPushButton* exportButton() const { return export_; }
    QPushButton* answerButton() const { return answer_; }
    QLineEdit* changesEdit() const { return changes_; }
    // The changes field as key=value assignments; empty with *error set when one is not a
    // field a run accepts.
    std::vector<std::string> changes(QString* error = nullptr) const;

Q_SIGNALS:
    // extraSet: the student's changes, key=value for every run of the lesson.
    void runRequested(const ptl::Lesson& lesson, const std::vector<std::string>& extraSet);
    // A run of the lesson as a job spec (config JSON), for the configuration editor.
    void editRunRequested(const QString& configJson);
    void stopRequested();
    void openViewRequested(const ptl::Lesson& lesson);
    void exportRequested(const ptl::Lesson& lesson);

private:
    void showLesson();

    QString storePath_;
    QString dir_;                          // where the lessons are read from (empty: the shipped ones)
    std::vector<Lesson> lessons_;
    LessonResult result_;
    std::map<std::string, LessonResult> measured_;  // lesson id -> what its last run computed
    bool running_ = false;
    bool answerShown_ = false;
    QString runningLesson_;
    QListWidget* list_ = nullptr;
    QComboBox* lang_ = nullptr;
    QTextBrowser* text_ = nullptr;
    QTableWidget* runs_ = nullptr;
    QTableWidget* measures_ = nullptr;
    QLabel* verdict_ = nullptr;
    QLabel* problem_ = nullptr;
    QLineEdit* changes_ = nullptr;
    QPushButton *run_ = nullptr, *stop_ = nullptr, *open_ = nullptr, *export_ = nullptr, *answer_ = nullptr;
};

} // namespace ui
} // namespace ptl

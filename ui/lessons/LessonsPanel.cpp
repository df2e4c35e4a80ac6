#include "ui/lessons/LessonsPanel.h"
#include "core/util/Error.h"

#include <nlohmann/json.hpp>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ptl {
namespace ui {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// The text of a lesson in one language.
QString in(const LessonText& t, const QString& lang) { return q(t.in(lang.toStdString())); }

// What a lesson run trains, as the CLI would be told.
QString runCommand(const LessonRun& r)
{
    QString what = !r.preset.empty() ? QStringLiteral("train --preset %1").arg(q(r.preset))
                   : !r.finetune_task.empty() ? QStringLiteral("finetune %1 --task %2").arg(q(r.from), q(r.finetune_task))
                                              : QStringLiteral("distill --method %1 --teacher %2").arg(q(r.distill_method), q(r.teacher));
    for (const std::string& kv : r.set) what += QStringLiteral(" --set ") + q(kv);
    return what;
}

} // namespace

LessonsPanel::LessonsPanel(QString storePath, QWidget* parent) : QWidget(parent), storePath_(std::move(storePath))
{
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("lessonList"));
    list_->setMinimumWidth(260);
    list_->setWordWrap(true);
    lang_ = new QComboBox(this);
    lang_->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    lang_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    lang_->setToolTip(tr("The language of the lessons (every lesson is written in Korean and English)"));
    lang_->setCurrentIndex(QLocale().language() == QLocale::Korean ? 0 : 1);

    text_ = new QTextBrowser(this);
    text_->setOpenExternalLinks(false);
    answer_ = new QPushButton(tr("Show the answer"), this);
    answer_->setCheckable(true);

    runs_ = new QTableWidget(0, 3, this);
    runs_->setHorizontalHeaderLabels({tr("Run"), tr("What it trains"), tr("In the store")});
    runs_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    runs_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    runs_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    runs_->verticalHeader()->setVisible(false);
    runs_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    measures_ = new QTableWidget(0, 2, this);
    measures_->setHorizontalHeaderLabels({tr("Measured by your runs"), tr("Value")});
    measures_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    measures_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    measures_->verticalHeader()->setVisible(false);
    measures_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Room for the runs and at least four figures without scrolling.
    runs_->setMinimumHeight(runs_->horizontalHeader()->sizeHint().height() + 2 * 2 * runs_->fontMetrics().height() + 8);
    measures_->setMinimumHeight(measures_->horizontalHeader()->sizeHint().height() + 5 * (measures_->fontMetrics().height() + 10));
    verdict_ = new QLabel(this);
    verdict_->setWordWrap(true);
    verdict_->setTextFormat(Qt::RichText);
    problem_ = new QLabel(this);
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b00020"));
    problem_->hide();

    changes_ = new QLineEdit(this);
    changes_->setPlaceholderText(tr("your changes for every run, e.g. steps=1500 lr=1e-3 (empty: the lesson's own)"));
    changes_->setToolTip(tr("Fields as in the configuration editor, key=value separated by spaces. Runs with changed settings are "
                            "trained anew; the figures always come from the newest run of each."));
    runs_->setToolTip(tr("Double-click a run to copy it into the configuration editor"));
    run_ = new QPushButton(tr("Run the lesson"), this);
    run_->setToolTip(tr("Train the lesson's runs (a run already completed in the store is reused), then measure the claim"));
    stop_ = new QPushButton(tr("Stop"), this);
    stop_->setEnabled(false);
    open_ = new QPushButton(tr("Open the view"), this);
    open_->setToolTip(tr("Show the view this lesson looks at, set up on its runs"));
    export_ = new QPushButton(tr("Export for a class…"), this);
    export_->setToolTip(tr("A folder with the lesson's text, figures, curves (CSV and SVG), the view as PNG and a store of its runs"));

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {run_, stop_, open_, export_}) buttons->addWidget(b);
    buttons->addStretch(1);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* langRow = new QHBoxLayout;
    langRow->addWidget(new QLabel(tr("Language"), left));
    langRow->addWidget(lang_, 1);
    leftLayout->addLayout(langRow);
    leftLayout->addWidget(list_, 1);
    leftLayout->addWidget(problem_);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(text_, 2);
    auto* answerRow = new QHBoxLayout;
    answerRow->addWidget(answer_);
    answerRow->addStretch(1);
    rightLayout->addLayout(answerRow);
    auto* changesRow = new QHBoxLayout;
    changesRow->addWidget(new QLabel(tr("Change"), right));
    changesRow->addWidget(changes_, 1);
    rightLayout->addLayout(changesRow);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(runs_, 1);
    rightLayout->addWidget(measures_, 1);
    rightLayout->addWidget(verdict_);

    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(list_, &QListWidget::currentRowChanged, this, [this] {
        answerShown_ = false;
        answer_->setChecked(false);
        refreshResult();
    });
    connect(lang_, &QComboBox::currentIndexChanged, this, [this] {
        const int row = list_->currentRow();
        loadFrom(dir_);
        list_->setCurrentRow(row);
        showLesson();
    });
    connect(answer_, &QPushButton::toggled, this, [this](bool on) {
        answerShown_ = on;
        showLesson();
    });
    connect(run_, &QPushButton::clicked, this, [this] {
        const Lesson* l = current();
        if (!l) return;
        QString error;
        const std::vector<std::string> extra = changes(&error);
        if (!error.isEmpty()) {
            QMessageBox::information(this, tr("Cannot run the lesson"), error);
            return;
        }
        Q_EMIT runRequested(*l, extra);
    });
    connect(runs_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        const Lesson* l = current();
        if (!l || row < 0 || row >= static_cast<int>(l->runs.size())) return;
        try {
            QString error;
            const std::vector<std::string> extra = changes(&error);
            JobSpec spec = lessonJobSpec(*l, l->runs[static_cast<std::size_t>(row)], result_.runIds, storePath_.toStdString(), extra);
            Q_EMIT editRunRequested(q(spec.toJson().dump()));
        } catch (const Error& e) {
            QMessageBox::information(this, tr("Cannot copy the run"), q(e.full()));
        }
    });
    connect(stop_, &QPushButton::clicked, this, &LessonsPanel::stopRequested);
    connect(open_, &QPushButton::clicked, this, [this] {
        if (const Lesson* l = current()) Q_EMIT openViewRequested(*l);
    });
    connect(export_, &QPushButton::clicked, this, [this] {
        if (const Lesson* l = current()) Q_EMIT exportRequested(*l);
    });
    loadFrom();
    if (list_->count() > 0) list_->setCurrentRow(0);
}

bool LessonsPanel::loadFrom(const QString& dir)
{
    if (!dir.isNull()) dir_ = dir;
    const QSignalBlocker block(list_);
    list_->clear();
    lessons_.clear();
    try {
        lessons_ = loadLessons(dir_.toStdString());
        problem_->hide();
    } catch (const Error& e) {
        problem_->setText(tr("The lessons could not be read: %1").arg(q(e.full())));
        problem_->show();
        showLesson();
        return false;
    }
    for (const Lesson& l : lessons_)
        list_->addItem(tr("%1. %2").arg(l.chapter).arg(in(l.title, language())));
    return true;
}

void LessonsPanel::selectLesson(const QString& id)
{
    for (std::size_t i = 0; i < lessons_.size(); ++i)
        if (q(lessons_[i].id) == id) list_->setCurrentRow(static_cast<int>(i));
}

const Lesson* LessonsPanel::current() const
{
    const int row = list_->currentRow();
    return row >= 0 && row < static_cast<int>(lessons_.size()) ? &lessons_[static_cast<std::size_t>(row)] : nullptr;
}

QString LessonsPanel::language() const { return lang_->currentData().toString(); }

void LessonsPanel::setLanguage(const QString& lang) { lang_->setCurrentIndex(lang == QLatin1String("ko") ? 0 : 1); }

void LessonsPanel::refreshResult()
{
    result_ = {};
    if (const Lesson* l = current()) {
        try {
            result_ = lessonResultFromStore(*l, storePath_.toStdString(), false);
            // The last run's full figures, while the store still holds the same runs.
            if (const auto it = measured_.find(l->id); it != measured_.end() && it->second.runIds == result_.runIds)
                result_ = it->second;
        } catch (const Error& e) {
            result_.status = "failed";
            result_.message = e.full();
        }
    }
    showLesson();
}

void LessonsPanel::setMeasured(const LessonResult& r)
{
    measured_[r.lesson] = r;
    refreshResult();
}

void LessonsPanel::setRunning(bool running, const QString& lessonId)
{
    running_ = running;
    runningLesson_ = running ? lessonId : QString();
    run_->setEnabled(!running && current() && validateLesson(*current()).empty());
    stop_->setEnabled(running && !runningLesson_.isEmpty());
    if (!running) refreshResult();
}

void LessonsPanel::showLesson()
{
    const Lesson* l = current();
    // A lesson file that names something this installation lacks says what, and cannot run.
    const QString problems = l ? q(validateLesson(*l)) : QString();
    if (!problems.isEmpty()) {
        problem_->setText(tr("This lesson cannot run: %1").arg(problems));
        problem_->show();
    } else if (l) {
        problem_->hide();
    }
    run_->setEnabled(l && !running_ && problems.isEmpty());
    open_->setEnabled(l);
    export_->setEnabled(l);
    answer_->setEnabled(l);
    if (!l) {
        text_->setHtml(tr("<p>No lesson to show.</p>"));
        runs_->setRowCount(0);
        measures_->setRowCount(0);
        verdict_->clear();
        return;
    }
    const QString g = language();
    const bool ko = g == QLatin1String("ko");
    QString html = QStringLiteral("<h2>%1</h2><p><i>%2</i> · %3</p><p>%4</p>")
                       .arg(in(l->title, g).toHtmlEscaped(), q(l->paper).toHtmlEscaped(),
                            (ko ? QStringLiteral("2코어 CPU에서 약 %1분") : QStringLiteral("about %1 min on a 2-core CPU")).arg(l->minutes),
                            in(l->idea, g).toHtmlEscaped());
    html += QStringLiteral("<p style='background:#eef4fb; padding:6px'><b>%1</b> %2</p>")
                .arg(ko ? QStringLiteral("논문의 주장:") : QStringLiteral("The paper's claim:"), in(l->claim, g).toHtmlEscaped());
    html += QStringLiteral("<h3>%1</h3><ol>").arg(ko ? QStringLiteral("무엇을 볼까") : QStringLiteral("What to look at"));
    for (const LessonText& t : l->look) html += QStringLiteral("<li>%1</li>").arg(in(t, g).toHtmlEscaped());
    html += QStringLiteral("</ol><h3>%1</h3><p>%2</p>").arg(ko ? QStringLiteral("질문") : QStringLiteral("Question"), in(l->question, g).toHtmlEscaped());
    if (answerShown_) html += QStringLiteral("<p style='color:#205020'><b>%1</b> %2</p>").arg(ko ? QStringLiteral("답:") : QStringLiteral("Answer:"), in(l->answer, g).toHtmlEscaped());
    text_->setHtml(html);
    answer_->setText(answerShown_ ? tr("Hide the answer") : tr("Show the answer"));

    runs_->setRowCount(static_cast<int>(l->runs.size()));
    for (int i = 0; i < static_cast<int>(l->runs.size()); ++i) {
        const LessonRun& r = l->runs[static_cast<std::size_t>(i)];
        const auto it = result_.runIds.find(r.id);
        QString state = it == result_.runIds.end() ? tr("not run yet") : tr("run %1").arg(it->second);
        if (running_ && runningLesson_ == q(l->id)) state = it == result_.runIds.end() ? tr("waiting or training…") : state;
        runs_->setItem(i, 0, new QTableWidgetItem(in(r.label, g)));
        runs_->setItem(i, 1, new QTableWidgetItem(runCommand(r)));
        runs_->setItem(i, 2, new QTableWidgetItem(state));
    }
    measures_->setRowCount(static_cast<int>(l->measures.size()));
    for (int i = 0; i < static_cast<int>(l->measures.size()); ++i) {
        const LessonMeasure& m = l->measures[static_cast<std::size_t>(i)];
        const QString value = i < static_cast<int>(result_.measured.size()) ? q(result_.measured[static_cast<std::size_t>(i)].text) : QStringLiteral("–");
        measures_->setItem(i, 0, new QTableWidgetItem(in(m.label, g)));
        measures_->setItem(i, 1, new QTableWidgetItem(value));
    }
    if (result_.verdict == 1)
        verdict_->setText(QStringLiteral("<span style='color:#1b7f2a'>✔ %1</span>").arg(in(l->reproduced, g).toHtmlEscaped()));
    else if (result_.verdict == 0)
        verdict_->setText(QStringLiteral("<span style='color:#b00020'>✘ %1</span>").arg(in(l->not_reproduced, g).toHtmlEscaped()));
    else
        verdict_->setText(tr("Run the lesson: the verdict on the claim comes from the figures your runs measure, nothing is written in "
                             "advance."));
}

std::vector<std::string> LessonsPanel::changes(QString* error) const
{
    std::vector<std::string> out;
    JobSpec probe = JobSpec::fromPreset("bert-tiny");
    for (const QString& kv : changes_->text().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!kv.contains(QLatin1Char('='))) {
            if (error) *error = tr("'%1' is not key=value (for example steps=1500)").arg(kv);
            return {};
        }
        try {
            probe.setAll({kv.toStdString()});
        } catch (const Error& e) {
            if (error) *error = q(e.full());
            return {};
        }
        out.push_back(kv.toStdString());
    }
    return out;
}

bool LessonsPanel::exportTo(const QString& dir, QString* error)
{
    const Lesson* l = current();
    if (!l) return false;
    try {
        exportLesson(*l, result_, storePath_.toStdString(), dir.toStdString(), language().toStdString());
        return true;
    } catch (const Error& e) {
        if (error) *error = q(e.full());
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
    }
    return false;
}

} // namespace ui
} // namespace ptl

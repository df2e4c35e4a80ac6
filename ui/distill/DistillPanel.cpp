#include "ui/distill/DistillPanel.h"
#include "core/api/ModelSession.h"
#include "core/api/ParameterCount.h"
#include "core/api/Runs.h"
#include "ui/attention/AttentionViews.h"
#include "ui/common/QCustomPlot.h"
#include "ui/common/Spin.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

namespace ptl {
namespace ui {

// ---------------------------------------------------------------- the mapping
LayerMapView::LayerMapView(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(160);
    setToolTip(tr("Click a student layer, then the teacher layer it should learn from"));
}

void LayerMapView::setLayers(int teacherLayers, const std::vector<int>& mapping, const QString& caption)
{
    teachers_ = teacherLayers;
    map_ = mapping;
    caption_ = caption;
    selected_ = 0;
    update();
}

void LayerMapView::assign(int studentLayer, int teacherLayer)
{
    if (studentLayer < 1 || studentLayer > static_cast<int>(map_.size()) || teacherLayer < 1 || teacherLayer > teachers_) return;
    map_[static_cast<std::size_t>(studentLayer - 1)] = teacherLayer;
    selected_ = 0;
    update();
    Q_EMIT mappingChanged(map_);
}

QRect LayerMapView::teacherBox(int layer) const
{
    const int h = std::max(16, std::min(30, (height() - 40) / std::max(1, teachers_) - 4));
    const int y = height() - 10 - layer * (h + 4);
    return {20, y, width() / 3, h};
}

QRect LayerMapView::studentBox(int layer) const
{
    const int m = static_cast<int>(map_.size());
    const int span = teacherBox(1).bottom() - teacherBox(teachers_).top();
    const int h = teacherBox(1).height();
    const int step = m > 1 ? (span - h) / (m - 1) : 0;
    const int y = teacherBox(1).top() - (layer - 1) * step;
    return {width() - 20 - width() / 3, y, width() / 3, h};
}

void LayerMapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(0, 0, width(), 18), Qt::AlignHCenter, caption_);
    if (teachers_ == 0) return;
    p.drawText(QRect(teacherBox(1).left(), teacherBox(1).bottom() + 1, teacherBox(1).width(), 14), Qt::AlignHCenter, tr("teacher"));
    p.drawText(QRect(studentBox(1).left(), studentBox(1).bottom() + 1, studentBox(1).width(), 14), Qt::AlignHCenter, tr("student"));
    for (std::size_t m = 0; m < map_.size(); ++m) {
        const QRect s = studentBox(static_cast<int>(m) + 1), t = teacherBox(map_[m]);
        p.setPen(QPen(QColor(0x15, 0x65, 0xc0), 2));
        p.drawLine(QPoint(s.left(), s.center().y()), QPoint(t.right(), t.center().y()));
    }
    for (int l = 1; l <= teachers_; ++l) {
        const QRect r = teacherBox(l);
        const bool used = std::find(map_.begin(), map_.end(), l) != map_.end();
        p.setPen(QPen(QColor(0x60, 0x60, 0x60), 1));
        p.setBrush(used ? QColor(0xbb, 0xde, 0xfb) : QColor(0xf1, 0xf1, 0xf1));
        p.drawRoundedRect(r, 4, 4);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(r, Qt::AlignCenter, tr("layer %1").arg(l));
    }
    for (int m = 1; m <= static_cast<int>(map_.size()); ++m) {
        const QRect r = studentBox(m);
        p.setPen(QPen(m == selected_ ? QColor(0xe6, 0x51, 0x00) : QColor(0x60, 0x60, 0x60), m == selected_ ? 2.5 : 1));
        p.setBrush(QColor(0xff, 0xe0, 0xb2));
        p.drawRoundedRect(r, 4, 4);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(r, Qt::AlignCenter, tr("layer %1").arg(m));
    }
}

void LayerMapView::mousePressEvent(QMouseEvent* e)
{
    for (int m = 1; m <= static_cast<int>(map_.size()); ++m)
        if (studentBox(m).contains(e->pos())) {
            selected_ = m;
            update();
            return;
        }
    for (int l = 1; l <= teachers_; ++l)
        if (teacherBox(l).contains(e->pos()) && selected_ > 0) {
            assign(selected_, l);
            return;
        }
}

// ---------------------------------------------------------------- the panel
namespace {
QString count(qint64 n) { return QLocale().toString(n); }
} // namespace

DistillPanel::DistillPanel(QString storePath, QWidget* parent) : QWidget(parent), storePath_(std::move(storePath))
{
    qRegisterMetaType<ptl::AttentionComparison>();
    qRegisterMetaType<ptl::DistillComparison>();
    worker_ = new QObject;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.setObjectName(QStringLiteral("distill"));
    thread_.start();

    // Set-up.
    teacher_ = new QLineEdit(this);
    auto* browse = new QPushButton(tr("Choose folder…"), this);
    auto* shipped = new QPushButton(tr("Shipped BERT-mini"), this);
    method_ = new QComboBox(this);
    method_->addItem(tr("DistilBERT: same width, fewer layers"), QStringLiteral("distilbert"));
    method_->addItem(tr("TinyBERT: narrower, layer-to-layer"), QStringLiteral("tinybert"));
    layers_ = new QSpinBox(this);
    layers_->setRange(1, 48);
    layers_->setValue(2);
    hidden_ = new QSpinBox(this);
    hidden_->setRange(8, 4096);
    hidden_->setValue(128);
    steps_ = new QSpinBox(this);
    steps_->setRange(1, 10000000);
    steps_->setValue(1000);
    lr_ = realSpin(this, 1e-6, 1.0, 6, 5e-4, 1e-4);
    temperature_ = realSpin(this, 0.1, 100, 2, 2.0, 0.5);
    alphaCe_ = realSpin(this, 0, 100, 2, 5.0, 0.5);
    alphaMlm_ = realSpin(this, 0, 100, 2, 2.0, 0.5);
    alphaCos_ = realSpin(this, 0, 100, 2, 1.0, 0.5);
    alphaAtt_ = realSpin(this, 0, 100, 2, 1.0, 0.5);
    alphaHid_ = realSpin(this, 0, 100, 2, 1.0, 0.5);
    alphaEmb_ = realSpin(this, 0, 100, 2, 1.0, 0.5);
    alphaPred_ = realSpin(this, 0, 100, 2, 1.0, 0.5);
    auto* teacherRow = new QHBoxLayout;
    teacherRow->addWidget(browse);
    teacherRow->addWidget(shipped);
    teacherRow->addStretch(1);
    form_ = new QFormLayout;
    form_->addRow(tr("Teacher"), teacher_);
    form_->addRow(QString(), teacherRow);
    form_->addRow(tr("Method"), method_);
    form_->addRow(tr("Student layers"), layers_);
    form_->addRow(tr("Student hidden size"), hidden_);
    form_->addRow(tr("Steps"), steps_);
    form_->addRow(tr("Learning rate"), lr_);
    form_->addRow(tr("Temperature T"), temperature_);
    form_->addRow(tr("α soft targets (KL·T²)"), alphaCe_);
    form_->addRow(tr("α MLM"), alphaMlm_);
    form_->addRow(tr("α cosine of hidden states"), alphaCos_);
    form_->addRow(tr("α attention scores"), alphaAtt_);
    form_->addRow(tr("α hidden states (W_h)"), alphaHid_);
    form_->addRow(tr("α embeddings"), alphaEmb_);
    form_->addRow(tr("α predictions"), alphaPred_);
    map_ = new LayerMapView(this);
    map_->setMaximumHeight(230);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::RichText);
    start_ = new QPushButton(tr("Start distillation"), this);
    auto* setupBox = new QGroupBox(tr("Student and training"), this);
    auto* setup = new QVBoxLayout(setupBox);
    setup->addLayout(form_);
    setup->addWidget(map_);
    setup->addWidget(summary_);
    setup->addWidget(start_);
    setup->addStretch(1);

    // Views.
    student_ = new QLineEdit(this);
    student_->setPlaceholderText(tr("the student's checkpoint folder (pick a distillation run in the Runs panel)"));
    auto* browseStudent = new QPushButton(tr("…"), this);
    text_ = new QLineEdit(QStringLiteral("The jury said the election was conducted in a fair manner ."), this);
    head_ = new QSpinBox(this);
    head_->setRange(1, 64);
    head_->setPrefix(tr("head "));
    auto* compare = new QPushButton(tr("Compare attention"), this);
    attentionStatus_ = new QLabel(this);
    attentionStatus_->setWordWrap(true);
    pairs_ = new QWidget(this);
    pairsLayout_ = new QVBoxLayout(pairs_);
    auto* pairsScroll = new QScrollArea(this);
    pairsScroll->setWidget(pairs_);
    pairsScroll->setWidgetResizable(true);
    auto* attentionTab = new QWidget(this);
    auto* at = new QVBoxLayout(attentionTab);
    auto* studentRow = new QHBoxLayout;
    studentRow->addWidget(new QLabel(tr("Student"), this));
    studentRow->addWidget(student_, 1);
    studentRow->addWidget(browseStudent);
    at->addLayout(studentRow);
    auto* textRow = new QHBoxLayout;
    textRow->addWidget(text_, 1);
    textRow->addWidget(head_);
    textRow->addWidget(compare);
    at->addLayout(textRow);
    at->addWidget(attentionStatus_);
    at->addWidget(pairsScroll, 1);

    losses_ = new QCustomPlot(this);
    losses_->xAxis->setLabel(tr("step"));
    losses_->yAxis->setLabel(tr("loss"));
    losses_->legend->setVisible(true);

    table_ = new QTableWidget(this);
    table_->setColumnCount(4);
    table_->setHorizontalHeaderLabels({tr("measure"), tr("teacher"), tr("student"), tr("% of teacher")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);  // the long labels wrap
    table_->verticalHeader()->setVisible(false);
    table_->setWordWrap(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* measureButton = new QPushButton(tr("Measure teacher and student"), this);
    tableStatus_ = new QLabel(this);
    tableStatus_->setWordWrap(true);
    auto* tableTab = new QWidget(this);
    auto* tt = new QVBoxLayout(tableTab);
    tt->addWidget(measureButton);
    tt->addWidget(table_, 1);
    tt->addWidget(tableStatus_);

    auto* tabs = new QTabWidget(this);
    tabs->addTab(attentionTab, tr("Attention: teacher vs student"));
    tabs->addTab(losses_, tr("Per-layer losses"));
    tabs->addTab(tableTab, tr("Teacher vs student"));

    auto* split = new QSplitter(this);
    auto* setupScroll = new QScrollArea(this);
    setupScroll->setWidget(setupBox);
    setupScroll->setWidgetResizable(true);
    split->addWidget(setupScroll);
    split->addWidget(tabs);
    split->setStretchFactor(1, 1);
    split->setSizes({340, 940});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("The teacher's checkpoint folder"));
        if (!d.isEmpty()) setTeacher(d);
    });
    connect(browseStudent, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("The student's checkpoint folder"));
        if (!d.isEmpty()) student_->setText(d);
    });
    connect(shipped, &QPushButton::clicked, this, [this] { setTeacher(QString::fromStdString(shippedModelDir())); });
    connect(method_, &QComboBox::currentIndexChanged, this, [this] {
        updateMethodRows();
        rebuildStudent();
    });
    connect(layers_, &QSpinBox::valueChanged, this, &DistillPanel::rebuildStudent);
    connect(hidden_, &QSpinBox::valueChanged, this, &DistillPanel::rebuildStudent);
    connect(teacher_, &QLineEdit::editingFinished, this, &DistillPanel::rebuildStudent);
    connect(start_, &QPushButton::clicked, this, [this] {
        if (validationMessage().isEmpty()) Q_EMIT startRequested(spec());
    });
    connect(compare, &QPushButton::clicked, this, [this] { compareAttention(text_->text()); });
    connect(text_, &QLineEdit::returnPressed, this, [this] { compareAttention(text_->text()); });
    connect(head_, &QSpinBox::valueChanged, this, [this] {
        if (!lastAttention_.pairs.empty()) showAttention(lastAttention_);
    });
    connect(measureButton, &QPushButton::clicked, this, &DistillPanel::measure);
    updateMethodRows();
    setTeacher(QString::fromStdString(shippedModelDir()));
}

DistillPanel::~DistillPanel()
{
    // Closing the window moves focus: no editingFinished may reach a half-destroyed panel.
    for (QObject* child : findChildren<QObject*>()) child->disconnect(this);
    thread_.quit();
    thread_.wait();
}

void DistillPanel::setStartEnabled(bool on)
{
    startAllowed_ = on;
    start_->setEnabled(on && error_.isEmpty());
}

void DistillPanel::setTeacher(const QString& dir)
{
    teacher_->setText(dir);
    rebuildStudent();
}

void DistillPanel::updateMethodRows()
{
    const bool tiny = method_->currentData().toString() == QLatin1String("tinybert");
    for (QWidget* w : std::initializer_list<QWidget*>{alphaCe_, alphaMlm_, alphaCos_}) form_->setRowVisible(w, !tiny);
    for (QWidget* w : std::initializer_list<QWidget*>{alphaAtt_, alphaHid_, alphaEmb_, alphaPred_, hidden_}) form_->setRowVisible(w, tiny);
}

void DistillPanel::rebuildStudent()
{
    const bool tiny = method_->currentData().toString() == QLatin1String("tinybert");
    error_.clear();
    try {
        base_ = JobSpec::forDistillation(teacher_->text().toStdString(), method_->currentData().toString().toStdString(), layers_->value(),
                                         tiny ? hidden_->value() : 0);
    } catch (const std::exception& e) {
        error_ = QString::fromStdString(e.what());
        summary_->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(error_.toHtmlEscaped()));
        map_->setLayers(0, {}, {});
        start_->setEnabled(false);
        return;
    }
    // The teacher's size, for the summary and the map.
    ModelConfig teacher;
    QFile f(teacher_->text() + QStringLiteral("/config.json"));
    if (f.open(QIODevice::ReadOnly)) teacher = ModelConfig::fromJson(nlohmann::json::parse(f.readAll().toStdString(), nullptr, false));
    const int N = teacher.num_layers, M = base_.model.num_layers;
    std::vector<int> mapping = tiny ? base_.distill.mapping(M, N) : base_.distill.initLayers(M, N);
    if (!tiny)
        for (int& l : mapping) l += 1;  // drawn 1-based
    map_->setLayers(N, mapping, tiny ? tr("TinyBERT: each student layer learns one teacher layer (g(m) = m·N/M)")
                                     : tr("DistilBERT: each student layer starts as a copy of one teacher layer"));
    const auto sp = countParameters(base_.model), tp = countParameters(teacher);
    auto nonEmb = [](const ParameterBreakdown& b) { return b.total - b.embeddings; };
    summary_->setText(tr("Student: %1, %2 layers, hidden %3, %4 heads · %5 parameters, %6 non-embedding = %7% of the teacher's %8.")
                          .arg(QString::fromStdString(toString(base_.model.family)))
                          .arg(M)
                          .arg(base_.model.hidden_size)
                          .arg(base_.model.num_heads)
                          .arg(count(sp.total), count(nonEmb(sp)))
                          .arg(100.0 * static_cast<double>(nonEmb(sp)) / static_cast<double>(std::max<std::int64_t>(1, nonEmb(tp))), 0, 'f', 1)
                          .arg(count(nonEmb(tp))));
    error_ = QString::fromStdString(spec().validate());
    if (!error_.isEmpty()) summary_->setText(summary_->text() + QStringLiteral("<br><span style='color:#b00020'>%1</span>").arg(error_.toHtmlEscaped()));
    start_->setEnabled(startAllowed_ && error_.isEmpty());
}

JobSpec DistillPanel::spec() const
{
    JobSpec s = base_;
    s.train.steps = steps_->value();
    s.train.lr = lr_->value();
    s.distill.temperature = temperature_->value();
    s.distill.alpha_ce = alphaCe_->value();
    s.distill.alpha_mlm = alphaMlm_->value();
    s.distill.alpha_cos = alphaCos_->value();
    s.distill.alpha_att = alphaAtt_->value();
    s.distill.alpha_hid = alphaHid_->value();
    s.distill.alpha_emb = alphaEmb_->value();
    s.distill.alpha_pred = alphaPred_->value();
    std::vector<int> m = map_->mapping();
    if (s.distill.method == "tinybert") {
        s.distill.layer_map = m;
    } else {
        for (int& l : m) l -= 1;
        s.distill.init_layers = m;
    }
    return s;
}

QString DistillPanel::validationMessage() const { return error_; }

void DistillPanel::fillStudentFromRun()
{
    if (!student_->text().isEmpty() || runId_ <= 0) return;
    try {
        student_->setText(QString::fromStdString(RunStoreClient(storePath_.toStdString()).lastCheckpoint(runId_)));
    } catch (const std::exception&) {
    }
}

void DistillPanel::runInWorker(std::function<void()> work)
{
    QMetaObject::invokeMethod(worker_, std::move(work), Qt::QueuedConnection);
}

void DistillPanel::setRun(qint64 runId)
{
    runId_ = runId;
    try {
        RunStoreClient store(storePath_.toStdString());
        const auto j = nlohmann::json::parse(store.configJson(runId), nullptr, false);
        if (j.is_object() && j.contains("distill") && !j["distill"].value("method", std::string()).empty()) {
            const auto& d = j["distill"];
            teacher_->setText(QString::fromStdString(d.value("teacher", std::string())));
            student_->setText(QString::fromStdString(store.lastCheckpoint(runId)));
            std::vector<int> m = d.value("method", std::string()) == "tinybert" ? d.value("layer_map", std::vector<int>{})
                                                                                : d.value("init_layers", std::vector<int>{});
            if (d.value("method", std::string()) != "tinybert")
                for (int& l : m) l += 1;
            rebuildStudent();
            if (!m.empty()) {
                // The run's own mapping, on the teacher's layer count.
                ModelConfig teacher;
                QFile f(teacher_->text() + QStringLiteral("/config.json"));
                if (f.open(QIODevice::ReadOnly)) teacher = ModelConfig::fromJson(nlohmann::json::parse(f.readAll().toStdString(), nullptr, false));
                map_->setLayers(teacher.num_layers, m, d.value("method", std::string()) == "tinybert" ? tr("TinyBERT: the run's layer map")
                                                                                                     : tr("DistilBERT: the layers the run's student started from"));
            }
        }
    } catch (const std::exception& e) {
        attentionStatus_->setText(QString::fromStdString(e.what()));
    }
    refreshLosses();
}

void DistillPanel::showLossesOf(qint64 runId)
{
    if (runId == runId_ && lossesRead_.isValid() && lossesRead_.elapsed() < 2000) return;
    runId_ = runId;
    refreshLosses();
}

void DistillPanel::refreshLosses()
{
    lossesRead_.start();
    losses_->clearGraphs();
    if (runId_ <= 0) {
        losses_->replot();
        return;
    }
    std::map<std::string, QVector<double>> xs, ys;
    try {
        RunStoreClient store(storePath_.toStdString());
        if (checkedRun_ != runId_) {  // reading every row of a long run that is no distillation would stall the window
            const auto j = nlohmann::json::parse(store.configJson(runId_), nullptr, false);
            checkedIsDistill_ = j.is_object() && j.contains("distill") && j["distill"].is_object() &&
                                !j["distill"].value("method", std::string()).empty();
            checkedRun_ = runId_;
        }
        if (!checkedIsDistill_) {
            losses_->replot();
            return;
        }
        for (const auto& m : store.metrics(runId_)) {
            const bool perLayer = m.name.rfind("att_loss_", 0) == 0 || m.name.rfind("hid_loss_", 0) == 0;
            const bool distil = m.name == "kd_loss" || m.name == "cos_loss" || m.name == "emb_loss" || m.name == "pred_loss";
            if (!perLayer && !distil) continue;
            xs[m.name] << static_cast<double>(m.step);
            ys[m.name] << m.value;
        }
    } catch (const std::exception&) {
        return;
    }
    const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                             QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f)};
    int i = 0;
    for (const auto& [name, x] : xs) {
        QCPGraph* g = losses_->addGraph();
        g->setName(QString::fromStdString(name));
        g->setPen(QPen(colors[i++ % 8], name.rfind("hid_", 0) == 0 ? 2.0 : 1.5, name.rfind("hid_", 0) == 0 ? Qt::DashLine : Qt::SolidLine));
        g->setData(x, ys[name]);
    }
    losses_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    losses_->rescaleAxes();
    losses_->replot();
}

void DistillPanel::compareAttention(const QString& text)
{
    fillStudentFromRun();
    if (student_->text().isEmpty()) {
        attentionStatus_->setText(tr("Pick a distillation run in the Runs panel, or give the student's checkpoint folder."));
        return;
    }
    attentionStatus_->setText(tr("Comparing…"));
    const std::string t = teacher_->text().toStdString(), s = student_->text().toStdString(), x = text.toStdString();
    const std::vector<int> m = map_->mapping();
    runInWorker([this, t, s, x, m] {
        try {
            AttentionComparison a = ptl::compareAttention(t, s, x, m);
            QMetaObject::invokeMethod(this, [this, a] { showAttention(a); }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString msg = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, msg] { attentionStatus_->setText(msg); }, Qt::QueuedConnection);
        }
    });
}

void DistillPanel::showAttention(const AttentionComparison& a)
{
    lastAttention_ = a;
    while (QLayoutItem* item = pairsLayout_->takeAt(0)) {
        if (item->widget()) item->widget()->deleteLater();
        delete item;
    }
    QStringList tokens;
    for (const auto& t : a.tokens) tokens << QString::fromStdString(t);
    pairsShown_ = 0;
    double total = 0;
    for (const AttentionPair& p : a.pairs) {
        const int heads = static_cast<int>(std::min(p.teacher.size(), p.student.size()));
        head_->setMaximum(std::max(1, heads));
        const int h = std::min(head_->value(), heads) - 1;
        if (h < 0) continue;
        auto* row = new QWidget(pairs_);
        auto* rl = new QVBoxLayout(row);
        QString mse;
        for (int i = 0; i < static_cast<int>(p.mse.size()); ++i) {
            const QString v = QString::number(p.mse[static_cast<std::size_t>(i)], 'e', 2);
            mse += (i ? QStringLiteral(" · ") : QString()) + (i == h ? QStringLiteral("<b>%1: %2</b>").arg(i + 1).arg(v) : QStringLiteral("%1: %2").arg(i + 1).arg(v));
            total += p.mse[static_cast<std::size_t>(i)];
        }
        auto* title = new QLabel(tr("Student layer %1 ↔ teacher layer %2 — MSE per head: %3").arg(p.studentLayer).arg(p.teacherLayer).arg(mse), row);
        title->setTextFormat(Qt::RichText);
        rl->addWidget(title);
        auto* maps = new QHBoxLayout;
        auto* tv = new HeatmapView(row);
        tv->setData(tokens, p.teacher[static_cast<std::size_t>(h)], tr("teacher layer %1, head %2").arg(p.teacherLayer).arg(h + 1));
        auto* sv = new HeatmapView(row);
        sv->setData(tokens, p.student[static_cast<std::size_t>(h)], tr("student layer %1, head %2").arg(p.studentLayer).arg(h + 1));
        for (HeatmapView* v : {tv, sv}) {
            v->setMinimumSize(280, 280);
            maps->addWidget(v);
        }
        rl->addLayout(maps);
        pairsLayout_->addWidget(row);
        ++pairsShown_;
    }
    pairsLayout_->addStretch(1);
    attentionStatus_->setText(tr("%1 layer pairs on %2 tokens; mean MSE per head %3. Attention probabilities, 0 to 1: the smaller the MSE, "
                                 "the closer the student's map to its teacher layer's.")
                                  .arg(a.pairs.size())
                                  .arg(a.tokens.size())
                                  .arg(QString::number(total / std::max<double>(1.0, static_cast<double>(a.pairs.size() * std::max<std::size_t>(1, a.pairs.front().mse.size()))), 'e', 2)));
    Q_EMIT attentionShown();
}

void DistillPanel::measure()
{
    fillStudentFromRun();
    if (student_->text().isEmpty()) {
        tableStatus_->setText(tr("Pick a distillation run in the Runs panel, or give the student's checkpoint folder."));
        return;
    }
    tableStatus_->setText(tr("Measuring (latency, then held-out MLM accuracy on the bundled corpus)…"));
    const std::string t = teacher_->text().toStdString(), s = student_->text().toStdString();
    runInWorker([this, t, s] {
        try {
            DistillComparison c = compareTeacherStudent(t, s);
            QMetaObject::invokeMethod(this, [this, c] { showComparison(c); }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString msg = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, msg] { tableStatus_->setText(msg); }, Qt::QueuedConnection);
        }
    });
}

void DistillPanel::showComparison(const DistillComparison& c)
{
    struct Row {
        QString label;
        QString teacher, student;
        double t, s;
        bool percent = true;
    };
    auto mb = [](std::int64_t b) { return QStringLiteral("%1 MB").arg(static_cast<double>(b) / 1e6, 0, 'f', 2); };
    auto bytesPer = [](const ModelFacts& f) { return f.parameters ? static_cast<double>(f.fileBytes) / static_cast<double>(f.parameters) : 0.0; };
    const std::vector<Row> rows = {
        {tr("Model"), QStringLiteral("%1 L%2 H%3").arg(QString::fromStdString(c.teacher.family)).arg(c.teacher.layers).arg(c.teacher.hidden),
         QStringLiteral("%1 L%2 H%3").arg(QString::fromStdString(c.student.family)).arg(c.student.layers).arg(c.student.hidden), 0, 0, false},
        {tr("Parameters"), count(c.teacher.parameters), count(c.student.parameters), static_cast<double>(c.teacher.parameters),
         static_cast<double>(c.student.parameters)},
        {tr("Non-embedding parameters"), count(c.teacher.nonEmbeddingParameters), count(c.student.nonEmbeddingParameters),
         static_cast<double>(c.teacher.nonEmbeddingParameters), static_cast<double>(c.student.nonEmbeddingParameters)},
        {tr("File size (model.safetensors)"), tr("%1 (%2 bytes/param)").arg(mb(c.teacher.fileBytes)).arg(bytesPer(c.teacher), 0, 'f', 1),
         tr("%1 (%2 bytes/param)").arg(mb(c.student.fileBytes)).arg(bytesPer(c.student), 0, 'f', 1), static_cast<double>(c.teacher.fileBytes),
         static_cast<double>(c.student.fileBytes)},
        {tr("Inference latency (batch %1 × %2 tokens, %3 threads)").arg(c.options.batch).arg(c.options.tokens).arg(c.threads),
         tr("%1 ms").arg(c.teacher.latencyMs, 0, 'f', 2), tr("%1 ms (%2× faster)").arg(c.student.latencyMs, 0, 'f', 2).arg(c.teacher.latencyMs / std::max(1e-9, c.student.latencyMs), 0, 'f', 2),
         c.teacher.latencyMs, c.student.latencyMs},
        {tr("Held-out MLM loss"), QString::number(c.teacher.mlmLoss, 'f', 4), QString::number(c.student.mlmLoss, 'f', 4), c.teacher.mlmLoss, c.student.mlmLoss},
        {tr("Held-out MLM accuracy (%1 masked positions)").arg(c.evalPositions), QStringLiteral("%1%").arg(100 * c.teacher.mlmAccuracy, 0, 'f', 2),
         QStringLiteral("%1%").arg(100 * c.student.mlmAccuracy, 0, 'f', 2), c.teacher.mlmAccuracy, c.student.mlmAccuracy},
    };
    table_->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const Row& r = rows[static_cast<std::size_t>(i)];
        table_->setItem(i, 0, new QTableWidgetItem(r.label));
        table_->setItem(i, 1, new QTableWidgetItem(r.teacher));
        table_->setItem(i, 2, new QTableWidgetItem(r.student));
        table_->setItem(i, 3, new QTableWidgetItem(r.percent && r.t != 0 ? QStringLiteral("%1%").arg(100.0 * r.s / r.t, 0, 'f', 1) : QString()));
    }
    table_->resizeRowsToContents();
    tableStatus_->setText(tr("Teacher: %1\nStudent: %2\nMeasured now on this machine: the same input for the latency (encoder, fp32, median of %3), "
                             "the same masked held-out batches for the accuracy.")
                              .arg(QString::fromStdString(c.teacher.path), QString::fromStdString(c.student.path))
                              .arg(c.options.reps));
    Q_EMIT measured();
}

} // namespace ui
} // namespace ptl

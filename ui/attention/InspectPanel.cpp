#include "ui/attention/InspectPanel.h"
#include "core/api/AttentionMath.h"
#include "core/api/Runs.h"
#include "ui/attention/AttentionViews.h"
#include "ui/worker/Inspector.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <set>

namespace ptl {
namespace ui {

InspectPanel::InspectPanel(QWidget* parent) : QWidget(parent)
{
    inspector_ = new Inspector(this);
    modelLabel_ = new QLabel(tr("No model open."), this);
    auto* open = new QPushButton(tr("Open model…"), this);
    textA_ = new QLineEdit(this);
    textA_->setPlaceholderText(tr("Sentence A — write [MASK] where the model should guess"));
    textB_ = new QLineEdit(this);
    textB_->setPlaceholderText(tr("Sentence B (optional: a pair, segment B)"));
    tokens_ = new QLabel(this);
    tokens_->setTextFormat(Qt::RichText);
    tokens_->setWordWrap(true);
    tokens_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    layer_ = new QSpinBox(this);
    headSel_ = new QComboBox(this);
    hideSpecial_ = new QCheckBox(tr("hide [CLS]/[SEP]"), this);
    average_ = new QCheckBox(tr("average heads"), this);
    rollout_ = new QCheckBox(tr("rollout"), this);
    rollout_->setToolTip(tr("Attention rollout (Abnar & Zuidema 2020): attention propagated through the layers up to this one"));
    neuronQuery_ = new QSpinBox(this);
    auto* exportButton = new QPushButton(tr("Export view…"), this);

    tabs_ = new QTabWidget(this);
    head_ = new HeadView(this);
    model_ = new ModelView(this);
    heatmap_ = new HeatmapView(this);
    neuron_ = new QTableWidget(this);
    tabs_->addTab(head_, tr("Head view"));
    tabs_->addTab(model_, tr("Model view"));
    tabs_->addTab(heatmap_, tr("Matrix"));
    tabs_->addTab(neuron_, tr("Neuron view"));

    predictions_ = new QTableWidget(this);
    predictions_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    predictions_->horizontalHeader()->setStretchLastSection(true);
    status_ = new QLabel(this);
    status_->setStyleSheet(QStringLiteral("color: #666;"));

    auto* top = new QHBoxLayout;
    top->addWidget(modelLabel_, 1);
    top->addWidget(open);
    auto* form = new QFormLayout;
    form->addRow(tr("Text"), textA_);
    form->addRow(tr("Pair"), textB_);
    form->addRow(tr("Tokens"), tokens_);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Layer"), this));
    controls->addWidget(layer_);
    controls->addWidget(new QLabel(tr("Heads"), this));
    controls->addWidget(headSel_);
    controls->addWidget(hideSpecial_);
    controls->addWidget(average_);
    controls->addWidget(rollout_);
    controls->addWidget(new QLabel(tr("Neuron query"), this));
    controls->addWidget(neuronQuery_);
    controls->addStretch(1);
    controls->addWidget(exportButton);
    historyBar_ = new QWidget(this);
    auto* hb = new QHBoxLayout(historyBar_);
    hb->setContentsMargins(0, 0, 0, 0);
    historyLabel_ = new QLabel(historyBar_);
    historySlider_ = new QSlider(Qt::Horizontal, historyBar_);
    followLive_ = new QCheckBox(tr("follow the newest"), historyBar_);
    followLive_->setChecked(true);
    auto* back = new QPushButton(tr("Back to typed text"), historyBar_);
    hb->addWidget(historyLabel_);
    hb->addWidget(historySlider_, 1);
    hb->addWidget(followLive_);
    hb->addWidget(back);
    historyBar_->setVisible(false);
    connect(historySlider_, &QSlider::valueChanged, this, &InspectPanel::setHistoryIndex);
    connect(back, &QPushButton::clicked, this, &InspectPanel::leaveHistory);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(tabs_);
    auto* predBox = new QWidget(this);
    auto* pv = new QVBoxLayout(predBox);
    pv->setContentsMargins(0, 0, 0, 0);
    pv->addWidget(new QLabel(tr("<b>Fill-mask</b> — top predictions at each [MASK]; the last row is what word frequency "
                                "alone would guess (bold: a guess that needs the context)"), this));
    pv->addWidget(predictions_);
    split->addWidget(predBox);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addLayout(form);
    layout->addLayout(controls);
    layout->addWidget(historyBar_);
    layout->addWidget(split, 1);
    layout->addWidget(status_);

    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(250);
    connect(debounce_, &QTimer::timeout, this, &InspectPanel::request);
    connect(textA_, &QLineEdit::textChanged, debounce_, qOverload<>(&QTimer::start));
    connect(textB_, &QLineEdit::textChanged, debounce_, qOverload<>(&QTimer::start));
    for (QCheckBox* c : {hideSpecial_, average_, rollout_}) connect(c, &QCheckBox::toggled, this, &InspectPanel::redrawViews);
    connect(layer_, &QSpinBox::valueChanged, this, [this] {
        redrawViews();
        requestNeuron();
    });
    connect(headSel_, &QComboBox::currentIndexChanged, this, [this] {
        redrawViews();
        requestNeuron();
    });
    connect(neuronQuery_, &QSpinBox::valueChanged, this, &InspectPanel::requestNeuron);
    connect(model_, &ModelView::headClicked, this, [this](int l, int h) {
        layer_->setValue(l);
        headSel_->setCurrentIndex(h + 1);
        tabs_->setCurrentWidget(heatmap_);
    });
    connect(open, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a checkpoint folder (config.json + model.safetensors)"));
        if (!dir.isEmpty()) openModel(dir);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Export view"), QStringLiteral("attention.png"), tr("PNG image (*.png);;SVG (*.svg)"));
        QString error;
        if (!f.isEmpty() && !exportView(f, &error)) QMessageBox::warning(this, tr("Export view"), error);
    });
    connect(inspector_, &Inspector::modelOpened, this, [this](const QString& path, const QString& desc) {
        modelLabel_->setText(tr("<b>Model</b>: %1 (%2)").arg(desc, path));
        request();
    });
    connect(inspector_, &Inspector::modelFailed, this, [this](const QString& path, const QString& msg) {
        modelLabel_->setText(tr("<span style='color:#b00020'>Cannot open %1: %2</span>").arg(path, msg.toHtmlEscaped()));
    });
    connect(inspector_, &Inspector::inspected, this, [this](int id, const InspectResult& r) {
        if (id == pending_) display(r);
    });
    connect(inspector_, &Inspector::failed, this, [this](int, const QString& msg) { status_->setText(msg); });
    connect(inspector_, &Inspector::neuronReady, this, [this](int, const NeuronView& v) {
        const int T = static_cast<int>(v.scores.size());
        neuron_->clear();
        neuron_->setColumnCount(4);
        neuron_->setHorizontalHeaderLabels({tr("key token"), tr("q · k (sum of products)"), tr("score / √d"), tr("softmax")});
        neuron_->setRowCount(T);
        for (int t = 0; t < T; ++t) {
            double dot = 0;
            for (float x : v.products[static_cast<std::size_t>(t)]) dot += x;
            neuron_->setItem(t, 0, new QTableWidgetItem(t < static_cast<int>(result_.tokens.size()) ? QString::fromStdString(result_.tokens[static_cast<std::size_t>(t)]) : QString()));
            neuron_->setItem(t, 1, new QTableWidgetItem(QString::number(dot, 'f', 4)));
            neuron_->setItem(t, 2, new QTableWidgetItem(QString::number(v.scores[static_cast<std::size_t>(t)], 'f', 4)));
            auto* p = new QTableWidgetItem(QString::number(v.probs[static_cast<std::size_t>(t)], 'f', 4));
            p->setBackground(QColor::fromRgbF(1.0 - 0.6 * v.probs[static_cast<std::size_t>(t)], 1.0 - 0.4 * v.probs[static_cast<std::size_t>(t)], 1.0));
            neuron_->setItem(t, 3, p);
        }
        neuron_->resizeColumnsToContents();
    });

    textA_->setText(QStringLiteral("The jury said the [MASK] was conducted in a fair manner ."));
    textB_->setText(QStringLiteral("Nobody objected to the result ."));
}

void InspectPanel::openModel(const QString& dir)
{
    modelLabel_->setText(tr("Opening %1…").arg(dir));
    inspector_->openModel(dir);
}

void InspectPanel::setText(const QString& a, const QString& b)
{
    textA_->setText(a);
    textB_->setText(b);
    request();
}

void InspectPanel::request()
{
    debounce_->stop();
    if (!inspector_->hasModel() || textA_->text().trimmed().isEmpty()) return;
    pending_ = inspector_->inspect(textA_->text(), textB_->text(), 5);
}

std::vector<int> InspectPanel::keptTokens() const
{
    std::vector<int> keep;
    for (int i = 0; i < static_cast<int>(result_.tokens.size()); ++i) {
        const std::string& t = result_.tokens[static_cast<std::size_t>(i)];
        if (hideSpecial_->isChecked() && (t == "[CLS]" || t == "[SEP]")) continue;
        keep.push_back(i);
    }
    return keep;
}

void InspectPanel::display(const InspectResult& r)
{
    result_ = r;
    const int L = static_cast<int>(r.attentions.size());
    const int H = L ? static_cast<int>(r.attentions[0].size()) : 0;
    {
        QSignalBlocker b1(layer_), b2(headSel_), b3(neuronQuery_);
        layer_->setRange(0, std::max(0, L - 1));
        if (headSel_->count() != H + 1) {
            headSel_->clear();
            headSel_->addItem(tr("all"), -1);
            for (int h = 0; h < H; ++h) headSel_->addItem(tr("head %1").arg(h), h);
        }
        neuronQuery_->setRange(0, std::max(0, static_cast<int>(r.tokens.size()) - 1));
    }
    // Tokens, with unknown pieces highlighted and segment B underlined.
    QString html;
    for (std::size_t i = 0; i < r.tokens.size(); ++i) {
        const QString t = QString::fromStdString(r.tokens[i]).toHtmlEscaped();
        const bool unk = r.tokens[i] == "[UNK]";
        html += QStringLiteral("<span style='%1%2'>%3<sub style='color:#888'>%4</sub></span> ")
                    .arg(unk ? QStringLiteral("background:#ffd0d0;") : QString(), r.typeIds[i] ? QStringLiteral("text-decoration:underline;") : QString(), t)
                    .arg(r.ids[i]);
    }
    tokens_->setText(html);
    // Fill-mask.
    predictions_->clear();
    predictions_->setColumnCount(6);
    QStringList headers{tr("position")};
    for (int k = 1; k <= 5; ++k) headers << tr("#%1").arg(k);
    predictions_->setHorizontalHeaderLabels(headers);
    const auto& preds = r.maskPredictions;
    const bool next = preds.empty() && !r.nextToken.empty();
    const int modelRows = static_cast<int>(next ? 1 : preds.size());
    const bool frequencyRow = modelRows > 0 && !r.frequencyGuess.empty();
    predictions_->setRowCount(modelRows + (frequencyRow ? 1 : 0));
    // A model guess that word frequency alone would not make (not in its top-5) is bold:
    // there the model is using the context.
    std::set<int> frequent;
    for (const auto& c : r.frequencyGuess) frequent.insert(c.id);
    auto fillRow = [&](int row, const QString& label, const std::vector<TokenCandidate>& cands, bool baseline) {
        auto* head = new QTableWidgetItem(label);
        if (baseline) head->setToolTip(tr("A model that ignores context guesses the most frequent tokens of its training data, "
                                          "the same at every position. Model guesses outside these are shown in bold."));
        predictions_->setItem(row, 0, head);
        for (std::size_t k = 0; k < cands.size() && k < 5; ++k) {
            auto* item = new QTableWidgetItem(QStringLiteral("%1  %2%").arg(QString::fromStdString(cands[k].token)).arg(100.0 * cands[k].prob, 0, 'f', 1));
            QFont f = item->font();
            if (baseline) {
                f.setItalic(true);
                item->setForeground(QColor(0x66, 0x66, 0x66));
            } else if (!frequent.empty() && !frequent.count(cands[k].id)) {
                f.setBold(true);
            }
            item->setFont(f);
            predictions_->setItem(row, static_cast<int>(k) + 1, item);
        }
    };
    for (std::size_t i = 0; i < preds.size(); ++i) fillRow(static_cast<int>(i), tr("[MASK] at %1").arg(preds[i].position), preds[i].candidates, false);
    if (next) fillRow(0, tr("next token"), r.nextToken, false);
    if (frequencyRow) fillRow(modelRows, tr("word frequency alone"), r.frequencyGuess, true);
    status_->setText(tr("%1 tokens, %2 layers × %3 heads").arg(r.tokens.size()).arg(L).arg(H));
    redrawViews();
    requestNeuron();
    Q_EMIT resultShown();
}

void InspectPanel::redrawViews()
{
    const auto& att = result_.attentions;
    if (att.empty()) return;
    const int layer = std::clamp(layer_->value(), 0, static_cast<int>(att.size()) - 1);
    const std::vector<int> keep = keptTokens();
    QStringList toks;
    for (int i : keep) toks << QString::fromStdString(result_.tokens[static_cast<std::size_t>(i)]);
    const int headSel = headSel_->currentData().toInt();
    std::vector<Matrix> maps;
    std::vector<int> heads;
    QString title;
    if (rollout_->isChecked()) {
        maps.push_back(select(rollout(att, layer), keep));
        heads.push_back(0);
        title = tr("Rollout through layer %1").arg(layer);
    } else if (average_->isChecked() || headSel < 0) {
        if (average_->isChecked()) {
            maps.push_back(select(averageHeads(att[static_cast<std::size_t>(layer)]), keep));
            heads.push_back(0);
            title = tr("Layer %1, average of heads").arg(layer);
        } else {
            for (std::size_t h = 0; h < att[static_cast<std::size_t>(layer)].size(); ++h) {
                maps.push_back(select(att[static_cast<std::size_t>(layer)][h], keep));
                heads.push_back(static_cast<int>(h));
            }
            title = tr("Layer %1, all heads (matrix: their average)").arg(layer);
        }
    } else {
        maps.push_back(select(att[static_cast<std::size_t>(layer)][static_cast<std::size_t>(headSel)], keep));
        heads.push_back(headSel);
        title = tr("Layer %1, head %2").arg(layer).arg(headSel);
    }
    headSel_->setToolTip(title);
    head_->setData(toks, maps, heads);
    heatmap_->setData(toks, maps.size() == 1 ? maps[0] : averageHeads(maps), title);
    AttentionMaps shown;
    for (const auto& l : att) {
        std::vector<Matrix> hs;
        for (const auto& m : l) hs.push_back(select(m, keep));
        shown.push_back(std::move(hs));
    }
    model_->setData(shown);
}

void InspectPanel::requestNeuron()
{
    if (result_.attentions.empty() || !inspector_->hasModel() || inHistory()) return;
    const int h = std::max(0, headSel_->currentData().toInt());
    inspector_->neuron(textA_->text(), textB_->text(), layer_->value(), h, neuronQuery_->value());
}

void InspectPanel::showHistory(const QString& storePath, qint64 runId)
{
    history_.clear();
    try {
        for (const auto& sp : RunStoreClient(storePath.toStdString()).snapshots(runId, "attention"))
            history_.emplace_back(sp.step, QString::fromStdString(sp.payloadJson));
    } catch (const std::exception& e) {
        status_->setText(QString::fromStdString(e.what()));
        return;
    }
    historyRun_ = runId;
    textA_->setEnabled(false);
    textB_->setEnabled(false);
    historyBar_->setVisible(true);
    QSignalBlocker block(historySlider_);
    historySlider_->setRange(0, std::max(0, historySize() - 1));
    historySlider_->setValue(historySlider_->maximum());
    if (history_.empty()) {
        historyLabel_->setText(tr("Run %1 has no probe snapshots yet").arg(runId));
        return;
    }
    setHistoryIndex(historySlider_->value());
}

void InspectPanel::appendSnapshot(qint64 runId, qint64 step, const QString& kind, const QString& payloadJson)
{
    if (runId != historyRun_ || kind != QLatin1String("attention")) return;
    const bool atEnd = historySlider_->value() == historySlider_->maximum();
    history_.emplace_back(step, payloadJson);
    QSignalBlocker block(historySlider_);
    historySlider_->setRange(0, historySize() - 1);
    if (followLive_->isChecked() && atEnd) {
        historySlider_->setValue(historySize() - 1);
        setHistoryIndex(historySize() - 1);
    } else {
        historyLabel_->setText(tr("Run %1 · snapshot %2 of %3 · step %4").arg(historyRun_).arg(historySlider_->value() + 1).arg(historySize()).arg(shownHistoryStep()));
    }
}

void InspectPanel::setHistoryIndex(int i)
{
    if (i < 0 || i >= historySize()) return;
    if (historySlider_->value() != i) {
        QSignalBlocker block(historySlider_);
        historySlider_->setValue(i);
    }
    try {
        const InspectResult r = inspectFromJson(history_[static_cast<std::size_t>(i)].second.toStdString());
        historyLabel_->setText(tr("Run %1 · snapshot %2 of %3 · step %4").arg(historyRun_).arg(i + 1).arg(historySize()).arg(history_[static_cast<std::size_t>(i)].first));
        display(r);
    } catch (const std::exception& e) {
        status_->setText(QString::fromStdString(e.what()));
    }
}

qint64 InspectPanel::shownHistoryStep() const
{
    const int i = historySlider_->value();
    return i >= 0 && i < historySize() ? history_[static_cast<std::size_t>(i)].first : -1;
}

void InspectPanel::leaveHistory()
{
    historyRun_ = 0;
    history_.clear();
    historyBar_->setVisible(false);
    textA_->setEnabled(true);
    textB_->setEnabled(true);
    request();
}

bool InspectPanel::exportView(const QString& path, QString* error)
{
    QWidget* w = tabs_->currentWidget();
    const QString ext = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (ext == QLatin1String("png")) {
        ok = w->grab().save(path);
    } else if (ext == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(w->size());
        svg.setViewBox(QRect(QPoint(0, 0), w->size()));
        QPainter p;
        ok = p.begin(&svg);
        if (ok) {
            w->render(&p);
            p.end();
        }
    } else {
        if (error) *error = tr("Unknown file type '%1': use .png or .svg").arg(ext);
        return false;
    }
    if (!ok && error) *error = tr("Could not write %1").arg(path);
    return ok;
}

} // namespace ui
} // namespace ptl

#include "ui/masking/MaskingPanel.h"
#include "ui/worker/Inspector.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

namespace ptl {
namespace ui {

QColor MaskingPanel::kindColor(const std::string& kind)
{
    if (kind == "mask") return QColor(0x9e, 0xc5, 0xfe);    // blue: replaced by [MASK]
    if (kind == "random") return QColor(0xff, 0xc0, 0x7a);  // orange: a random token
    if (kind == "keep") return QColor(0xa8, 0xe6, 0xa1);    // green: selected, kept
    return QColor(Qt::transparent);
}

MaskingPanel::MaskingPanel(Inspector* inspector, QWidget* parent) : QWidget(parent), inspector_(inspector)
{
    text_ = new QPlainTextEdit(this);
    text_->setMaximumHeight(70);
    text_->setPlainText(QStringLiteral("The Fulton County Grand Jury said Friday an investigation of Atlanta's recent primary election produced no evidence that any irregularities took place."));
    rate_ = new QDoubleSpinBox(this);
    rate_->setRange(0.01, 0.9);
    rate_->setSingleStep(0.05);
    rate_->setValue(0.15);
    maskRatio_ = new QDoubleSpinBox(this);
    maskRatio_->setRange(0, 1);
    maskRatio_->setSingleStep(0.05);
    maskRatio_->setValue(0.8);
    randomRatio_ = new QDoubleSpinBox(this);
    randomRatio_->setRange(0, 1);
    randomRatio_->setSingleStep(0.05);
    randomRatio_->setValue(0.1);
    wholeWord_ = new QCheckBox(tr("whole words"), this);
    ngram_ = new QSpinBox(this);
    ngram_->setRange(1, 3);
    ngram_->setToolTip(tr("ALBERT's n-gram masking: spans of up to n words, p(n) ∝ 1/n"));
    seed_ = new QSpinBox(this);
    seed_->setRange(0, 1000000);
    seed_->setValue(1);
    auto* reroll = new QPushButton(tr("Re-roll"), this);
    follow_ = new QCheckBox(tr("follow the training batch"), this);
    follow_->setToolTip(tr("Show the masking decisions of the running job's current batch instead of the text above"));
    source_ = new QLabel(this);
    source_->setStyleSheet(QStringLiteral("color: #666;"));
    tokens_ = new QLabel(this);
    tokens_->setTextFormat(Qt::RichText);
    tokens_->setWordWrap(true);
    counts_ = new QLabel(this);
    counts_->setTextFormat(Qt::RichText);
    table_ = new QTableWidget(this);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setStretchLastSection(true);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Mask rate"), this));
    controls->addWidget(rate_);
    controls->addWidget(new QLabel(tr("[MASK]"), this));
    controls->addWidget(maskRatio_);
    controls->addWidget(new QLabel(tr("random"), this));
    controls->addWidget(randomRatio_);
    controls->addWidget(wholeWord_);
    controls->addWidget(new QLabel(tr("n-gram ≤"), this));
    controls->addWidget(ngram_);
    controls->addWidget(new QLabel(tr("Seed"), this));
    controls->addWidget(seed_);
    controls->addWidget(reroll);
    controls->addWidget(follow_);
    controls->addStretch(1);
    auto* legend = new QLabel(tr("<span style='background:#9ec5fe'>&nbsp;→ [MASK]&nbsp;</span> "
                                 "<span style='background:#ffc07a'>&nbsp;→ random token&nbsp;</span> "
                                 "<span style='background:#a8e6a1'>&nbsp;kept&nbsp;</span> not selected"),
                              this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(text_);
    layout->addLayout(controls);
    layout->addWidget(legend);
    layout->addWidget(source_);
    layout->addWidget(tokens_);
    layout->addWidget(counts_);
    layout->addWidget(table_, 1);

    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(250);
    connect(debounce_, &QTimer::timeout, this, &MaskingPanel::request);
    connect(text_, &QPlainTextEdit::textChanged, debounce_, qOverload<>(&QTimer::start));
    for (QDoubleSpinBox* d : {rate_, maskRatio_, randomRatio_}) connect(d, &QDoubleSpinBox::valueChanged, debounce_, qOverload<>(&QTimer::start));
    for (QSpinBox* s : {ngram_, seed_}) connect(s, &QSpinBox::valueChanged, debounce_, qOverload<>(&QTimer::start));
    connect(wholeWord_, &QCheckBox::toggled, debounce_, qOverload<>(&QTimer::start));
    connect(reroll, &QPushButton::clicked, this, [this] { seed_->setValue(static_cast<int>(QRandomGenerator::global()->bounded(1000000))); });
    connect(inspector_, &Inspector::modelOpened, this, &MaskingPanel::request);
    connect(inspector_, &Inspector::maskPreviewReady, this, [this](int id, const MaskPreview& p) {
        if (id == pending_) display(p);
    });
    connect(inspector_, &Inspector::failed, this, [this](int id, const QString& msg) {
        if (id == pending_) counts_->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(msg.toHtmlEscaped()));
    });
}

bool MaskingPanel::followsTraining() const { return follow_->isChecked(); }
void MaskingPanel::setFollowTraining(bool on) { follow_->setChecked(on); }

void MaskingPanel::showTrainingBatch(qint64 runId, qint64 step, const QString& kind, const QString& payloadJson)
{
    if (!follow_->isChecked() || kind != QLatin1String("masking")) return;
    const nlohmann::json j = nlohmann::json::parse(payloadJson.toStdString(), nullptr, false);
    if (j.is_discarded() || !j.contains("tokens") || !j.contains("decisions")) return;
    MaskPreview p;
    try {
        p.tokens = j.at("tokens").get<std::vector<std::string>>();
        p.inputTokens = p.tokens;
        for (const auto& d : j.at("decisions")) {
            MaskedPosition m;
            m.position = d.at("position").get<int>();
            m.original = d.at("original").get<std::string>();
            m.input = d.at("input").get<std::string>();
            m.kind = d.at("kind").get<std::string>();
            m.loss = d.value("loss", 0.0);
            for (const auto& c : d.value("candidates", nlohmann::json::array()))
                m.candidates.push_back({c.at("token").get<std::string>(), c.at("id").get<int>(), c.at("prob").get<double>()});
            if (m.position < 0 || m.position >= static_cast<int>(p.tokens.size())) return;
            p.tokens[static_cast<std::size_t>(m.position)] = m.original;  // the batch stores what the model saw
            p.countMask += m.kind == "mask";
            p.countRandom += m.kind == "random";
            p.countKeep += m.kind == "keep";
            p.selected.push_back(std::move(m));
        }
    } catch (const nlohmann::json::exception&) {
        return;
    }
    int specials = 0;
    for (const auto& t : p.tokens) specials += t == "[CLS]" || t == "[SEP]";
    p.candidates = static_cast<int>(p.tokens.size()) - specials;
    double lossSum = 0;
    for (const auto& m : p.selected) lossSum += m.loss;
    p.meanLoss = p.selected.empty() ? 0 : lossSum / static_cast<double>(p.selected.size());
    p.expectedSelected = static_cast<double>(p.selected.size());
    p.expectedMask = 0.8 * p.expectedSelected;
    p.expectedRandom = 0.1 * p.expectedSelected;
    p.expectedKeep = 0.1 * p.expectedSelected;
    source_->setText(tr("Training batch of run %1 at step %2 (its first sequence), with the predictions of the model being trained.").arg(runId).arg(step));
    display(p);
}

void MaskingPanel::setText(const QString& text)
{
    text_->setPlainText(text);
    request();
}

void MaskingPanel::request()
{
    debounce_->stop();
    if (!inspector_->hasModel() || follow_->isChecked()) return;
    source_->setText(tr("Your text, masked with the seed above; predictions from the opened model."));
    MaskPreviewOptions o;
    o.maskProb = rate_->value();
    o.maskRatio = maskRatio_->value();
    o.randomRatio = randomRatio_->value();
    o.wholeWord = wholeWord_->isChecked();
    o.maxNgram = ngram_->value();
    o.seed = static_cast<std::uint64_t>(seed_->value());
    pending_ = inspector_->maskPreview(text_->toPlainText(), o);
}

void MaskingPanel::display(const MaskPreview& p)
{
    preview_ = p;
    std::vector<const MaskedPosition*> at(p.tokens.size(), nullptr);
    for (const auto& s : p.selected) at[static_cast<std::size_t>(s.position)] = &s;
    QString html;
    for (std::size_t i = 0; i < p.tokens.size(); ++i) {
        const QString orig = QString::fromStdString(p.tokens[i]).toHtmlEscaped();
        if (!at[i]) {
            html += orig + QLatin1Char(' ');
            continue;
        }
        const MaskedPosition& s = *at[i];
        const QString bg = kindColor(s.kind).name();
        if (s.kind == "mask")
            html += QStringLiteral("<span style='background:%1'>&nbsp;[MASK]<sub>%2</sub>&nbsp;</span> ").arg(bg, orig);
        else if (s.kind == "random")
            html += QStringLiteral("<span style='background:%1'>&nbsp;%2→%3&nbsp;</span> ").arg(bg, orig, QString::fromStdString(s.input).toHtmlEscaped());
        else
            html += QStringLiteral("<span style='background:%1'>&nbsp;%2&nbsp;</span> ").arg(bg, orig);
    }
    tokens_->setText(html);
    counts_->setText(tr("Selected %1 of %2 candidates (expected %3): [MASK] %4 (expected %5), random %6 (expected %7), kept %8 (expected %9); "
                        "mean loss at the selected positions %10")
                         .arg(p.selected.size())
                         .arg(p.candidates)
                         .arg(p.expectedSelected, 0, 'f', 1)
                         .arg(p.countMask)
                         .arg(p.expectedMask, 0, 'f', 1)
                         .arg(p.countRandom)
                         .arg(p.expectedRandom, 0, 'f', 1)
                         .arg(p.countKeep)
                         .arg(p.expectedKeep, 0, 'f', 1)
                         .arg(p.meanLoss, 0, 'f', 3));
    table_->clear();
    table_->setColumnCount(6);
    table_->setHorizontalHeaderLabels({tr("position"), tr("original"), tr("model sees"), tr("decision"), tr("loss"), tr("model's top-5")});
    table_->setRowCount(static_cast<int>(p.selected.size()));
    for (int r = 0; r < static_cast<int>(p.selected.size()); ++r) {
        const MaskedPosition& s = p.selected[static_cast<std::size_t>(r)];
        QStringList top;
        for (const auto& c : s.candidates) top << QStringLiteral("%1 %2%").arg(QString::fromStdString(c.token)).arg(100 * c.prob, 0, 'f', 1);
        const QString kind = s.kind == "mask" ? tr("→ [MASK]") : s.kind == "random" ? tr("→ random") : tr("kept");
        const QStringList cells{QString::number(s.position), QString::fromStdString(s.original), QString::fromStdString(s.input), kind,
                                QString::number(s.loss, 'f', 3), top.join(QStringLiteral(", "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c == 3) item->setBackground(kindColor(s.kind));
            table_->setItem(r, c, item);
        }
    }
    table_->resizeColumnsToContents();
    Q_EMIT previewShown();
}

} // namespace ui
} // namespace ptl

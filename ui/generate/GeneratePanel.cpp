#include "ui/generate/GeneratePanel.h"
#include "ui/generate/Generator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>
#include <set>

namespace ptl {
namespace ui {

namespace {

QString pct(double p) { return QStringLiteral("%1%").arg(100.0 * p, 0, 'f', p < 0.001 ? 3 : 1); }

// Token text for HTML: spaces kept visible between tokens, newlines as line breaks.
QString htmlText(const std::string& s)
{
    QString t = QString::fromStdString(s).toHtmlEscaped();
    t.replace(QStringLiteral("\n"), QStringLiteral("<br>"));
    t.replace(QStringLiteral("  "), QStringLiteral("&nbsp; "));
    return t;
}

// Share of distinct bigrams among the generated tokens (1 = no bigram repeats).
double distinctBigrams(const std::vector<int>& ids)
{
    if (ids.size() < 2) return 1.0;
    std::set<std::pair<int, int>> seen;
    for (std::size_t i = 0; i + 1 < ids.size(); ++i) seen.insert({ids[i], ids[i + 1]});
    return static_cast<double>(seen.size()) / static_cast<double>(ids.size() - 1);
}

} // namespace

QString GeneratePanel::stopReasonText(const std::string& reason)
{
    if (reason == "max_new_tokens") return tr("the token limit");
    if (reason == "end of text") return tr("the end-of-text token");
    if (reason == "stop string") return tr("a stop string");
    if (reason == "context full") return tr("a full context (the model's positions)");
    if (reason == "cancelled") return tr("your Stop");
    return QString::fromStdString(reason);
}

QColor GeneratePanel::rankColor(int rank)
{
    if (rank <= 10) return QColor(0xb7, 0xe4, 0xa8);    // green: among the model's 10 likeliest
    if (rank <= 100) return QColor(0xfd, 0xe6, 0x8a);   // yellow: top 100
    if (rank <= 1000) return QColor(0xfc, 0xa5, 0xa5);  // red: top 1000
    return QColor(0xd8, 0xb4, 0xfe);                    // purple: beyond
}

GeneratePanel::GeneratePanel(QWidget* parent) : QWidget(parent)
{
    generator_ = new Generator(this);

    // ---- left: the model, the prompt, the decoding fields
    checkpoint_ = new QLineEdit(this);
    checkpoint_->setText(QString::fromStdString(shippedGptDir()));
    checkpoint_->setToolTip(tr("A GPT checkpoint folder (causal language model)"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* shipped = new QPushButton(tr("Shipped GPT"), this);
    shipped->setToolTip(tr("resources/models/gpt-mini-brown: GPT-2 style, 4 layers, trained on the Brown corpus"));
    prompt_ = new QPlainTextEdit(this);
    prompt_->setPlainText(QStringLiteral("The jury said that the city"));
    prompt_->setMaximumHeight(90);
    strategy_ = new QComboBox(this);
    strategy_->addItem(tr("Greedy: always the most probable token"), QStringLiteral("greedy"));
    strategy_->addItem(tr("Beam search: the most probable sequence"), QStringLiteral("beam"));
    strategy_->addItem(tr("Sampling: draw from the distribution"), QStringLiteral("sample"));
    strategyHelp_ = new QLabel(this);
    strategyHelp_->setWordWrap(true);
    strategyHelp_->setStyleSheet(QStringLiteral("color: #555;"));
    maxNew_ = new QSpinBox(this);
    maxNew_->setRange(1, 1024);
    maxNew_->setValue(40);
    temperature_ = new QDoubleSpinBox(this);
    temperature_->setRange(0.05, 5.0);
    temperature_->setSingleStep(0.1);
    temperature_->setValue(1.0);
    temperature_->setToolTip(tr("Logits are divided by it: below 1 sharpens the distribution, above 1 flattens it"));
    topK_ = new QSpinBox(this);
    topK_->setRange(0, 8192);
    topK_->setValue(40);
    topK_->setSpecialValueText(tr("off"));
    topK_->setToolTip(tr("Keep only the k most probable tokens (Fan et al. 2018); 0: off"));
    topP_ = new QDoubleSpinBox(this);
    topP_->setRange(0.01, 1.0);
    topP_->setSingleStep(0.05);
    topP_->setValue(0.9);
    topP_->setToolTip(tr("Nucleus sampling (Holtzman et al. 2020): keep the fewest tokens whose probability adds up to p; 1: off"));
    repetition_ = new QDoubleSpinBox(this);
    repetition_->setRange(1.0, 5.0);
    repetition_->setSingleStep(0.1);
    repetition_->setValue(1.0);
    repetition_->setToolTip(tr("CTRL's penalty (Keskar et al. 2019): every token already in the text has its logit divided by it (multiplied when negative); 1: off"));
    noRepeat_ = new QSpinBox(this);
    noRepeat_->setRange(0, 8);
    noRepeat_->setSpecialValueText(tr("off"));
    noRepeat_->setToolTip(tr("Never produce an n-gram that is already in the text"));
    stop_ = new QLineEdit(this);
    stop_->setPlaceholderText(tr("e.g. \\n  (separate several with |)"));
    stop_->setToolTip(tr("Generation ends at the first of these strings; it is not kept"));
    seed_ = new QSpinBox(this);
    seed_->setRange(0, 1000000);
    seed_->setValue(1);
    seed_->setToolTip(tr("The same seed draws the same text"));
    beams_ = new QSpinBox(this);
    beams_->setRange(1, 16);
    beams_->setValue(4);
    lengthPenalty_ = new QDoubleSpinBox(this);
    lengthPenalty_->setRange(0.0, 2.0);
    lengthPenalty_->setSingleStep(0.1);
    lengthPenalty_->setValue(0.6);
    lengthPenalty_->setToolTip(tr("GNMT's α: a hypothesis scores log P / ((5 + length) / 6)^α, so longer ones are not always beaten (GPT-3 used 4 beams and α = 0.6)"));
    earlyStopping_ = new QCheckBox(tr("stop when the beams have finished"), this);
    earlyStopping_->setChecked(true);
    nBest_ = new QSpinBox(this);
    nBest_->setRange(1, 16);
    nBest_->setValue(3);
    cache_ = new QCheckBox(tr("key/value cache"), this);
    cache_->setChecked(true);
    cache_->setToolTip(tr("Keep every layer's keys and values, so each new token runs one position of the model instead of the whole text again"));

    generate_ = new QPushButton(tr("Generate"), this);
    generate_->setDefault(true);
    generate_->setToolTip(tr("Ctrl+Return"));
    stopButton_ = new QPushButton(tr("Stop"), this);
    stopButton_->setEnabled(false);
    compare_ = new QPushButton(tr("Three ways side by side"), this);
    compare_->setToolTip(tr("Continue the prompt greedily, by beam search and by sampling, with the settings above"));

    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(checkpoint_, 1);
    modelRow->addWidget(browse);
    modelRow->addWidget(shipped);
    auto* strategyForm = new QFormLayout;
    strategyForm->addRow(tr("Strategy"), strategy_);
    auto* form = new QFormLayout;
    form->addRow(tr("Max new tokens"), maxNew_);
    form->addRow(tr("Temperature"), temperature_);
    form->addRow(tr("Top-k"), topK_);
    form->addRow(tr("Top-p"), topP_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Beams"), beams_);
    form->addRow(tr("Length penalty α"), lengthPenalty_);
    form->addRow(tr("Hypotheses shown"), nBest_);
    form->addRow(QString(), earlyStopping_);
    form->addRow(tr("Repetition penalty"), repetition_);
    form->addRow(tr("No-repeat n-gram"), noRepeat_);
    form->addRow(tr("Stop at"), stop_);
    form->addRow(QString(), cache_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(generate_);
    buttons->addWidget(stopButton_);
    auto* left = new QWidget(this);
    auto* lv = new QVBoxLayout(left);
    lv->addWidget(new QLabel(tr("Model"), this));
    lv->addLayout(modelRow);
    lv->addWidget(new QLabel(tr("Prompt"), this));
    lv->addWidget(prompt_);
    auto* box = new QGroupBox(tr("Decoding"), this);
    auto* bv = new QVBoxLayout(box);
    bv->addLayout(strategyForm);
    bv->addWidget(strategyHelp_);  // outside the form: a form row would clip its wrapped lines
    bv->addLayout(form);
    lv->addWidget(box);
    lv->addLayout(buttons);
    lv->addWidget(compare_);
    lv->addStretch(1);

    // ---- right: the text, the step, the beam tree, the comparison
    text_ = new QTextBrowser(this);
    text_->setOpenLinks(false);
    text_->setOpenExternalLinks(false);
    text_->setMinimumHeight(140);
    auto* legend = new QLabel(this);
    legend->setTextFormat(Qt::RichText);
    legend->setText(tr("Each generated token is coloured by the model's rank of it (GLTR): "
                       "<span style='background:%1'>&nbsp;top 10&nbsp;</span> <span style='background:%2'>&nbsp;top 100&nbsp;</span> "
                       "<span style='background:%3'>&nbsp;top 1,000&nbsp;</span> <span style='background:%4'>&nbsp;beyond&nbsp;</span>. "
                       "Click a token to see the distribution it was chosen from.")
                        .arg(rankColor(1).name(), rankColor(50).name(), rankColor(500).name(), rankColor(5000).name()));
    legend->setWordWrap(true);
    stepLabel_ = new QLabel(this);
    stepLabel_->setWordWrap(true);
    stepLabel_->setTextFormat(Qt::RichText);
    table_ = new QTableWidget(this);
    table_->setColumnCount(6);
    table_->setHorizontalHeaderLabels({QString(), tr("Token"), tr("Model p"), tr("Adjusted p"), tr("Kept"), tr("Renormalised p")});
    table_->horizontalHeaderItem(3)->setToolTip(tr("After the repetition penalty, the n-gram ban and the temperature"));
    table_->horizontalHeaderItem(4)->setToolTip(tr("In the set the rule chooses from: the top-k / top-p set when sampling, the best token for greedy"));
    table_->horizontalHeaderItem(5)->setToolTip(tr("The adjusted probability divided by the kept set's mass: what sampling draws from"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    auto* textTab = new QWidget(this);
    auto* tv = new QVBoxLayout(textTab);
    auto* split = new QSplitter(Qt::Vertical, textTab);
    auto* upper = new QWidget(split);
    auto* uv = new QVBoxLayout(upper);
    uv->setContentsMargins(0, 0, 0, 0);
    uv->addWidget(text_, 1);
    uv->addWidget(legend);
    auto* lower = new QWidget(split);
    auto* lowv = new QVBoxLayout(lower);
    lowv->setContentsMargins(0, 0, 0, 0);
    lowv->addWidget(stepLabel_);
    lowv->addWidget(table_, 1);
    split->addWidget(upper);
    split->addWidget(lower);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    tv->addWidget(split);

    hypotheses_ = new QLabel(this);
    hypotheses_->setWordWrap(true);
    hypotheses_->setTextFormat(Qt::RichText);
    tree_ = new QTreeWidget(this);
    tree_->setColumnCount(4);
    tree_->setHeaderLabels({tr("Token"), tr("log P"), tr("Score (length-penalised)"), tr("State")});
    tree_->setIndentation(12);
    tree_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);  // the token column grows with the path; scroll sideways
    tree_->header()->moveSection(0, 3);  // the numbers first, the indented tokens last: deep paths stay readable
    auto* treeTab = new QWidget(this);
    auto* trv = new QVBoxLayout(treeTab);
    auto* treeHelp = new QLabel(tr("Every continuation beam search considered: at each step it scores all continuations of the live hypotheses, keeps "
                                   "the best (width) alive, closes those that end, and prunes the rest. Yellow: the path of the best hypothesis."),
                                this);
    treeHelp->setWordWrap(true);
    treeHelp->setStyleSheet(QStringLiteral("color: #555;"));
    trv->addWidget(treeHelp);
    trv->addWidget(hypotheses_);
    trv->addWidget(tree_, 1);

    auto* sideTab = new QWidget(this);
    auto* sh = new QHBoxLayout(sideTab);
    for (int i = 0; i < 3; ++i) {
        auto* col = new QVBoxLayout;
        auto* title = new QLabel(this);
        title->setTextFormat(Qt::RichText);
        title->setWordWrap(true);
        auto* browser = new QTextBrowser(this);
        auto* stats = new QLabel(this);
        stats->setWordWrap(true);
        stats->setTextFormat(Qt::RichText);
        col->addWidget(title);
        col->addWidget(browser, 1);
        col->addWidget(stats);
        sh->addLayout(col, 1);
        browser->setMinimumWidth(120);
        sideTitle_.push_back(title);
        sideText_.push_back(browser);
        sideStats_.push_back(stats);
    }

    tabs_ = new QTabWidget(this);
    tabs_->addTab(textTab, tr("Text and each step"));
    tabs_->addTab(treeTab, tr("Beam search tree"));
    tabs_->addTab(sideTab, tr("Greedy, beam, sampled"));
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    auto* right = new QWidget(this);
    auto* rv = new QVBoxLayout(right);
    rv->setContentsMargins(0, 0, 0, 0);
    rv->addWidget(tabs_, 1);
    rv->addWidget(status_);

    auto* main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(left);
    main->addWidget(right);
    main->setStretchFactor(0, 0);
    main->setStretchFactor(1, 1);
    main->setSizes({380, 900});
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    outer->addWidget(main);

    redrawTimer_ = new QTimer(this);
    redrawTimer_->setSingleShot(true);
    redrawTimer_->setInterval(40);
    connect(redrawTimer_, &QTimer::timeout, this, &GeneratePanel::redraw);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("A GPT checkpoint folder"), checkpoint_->text());
        if (!d.isEmpty()) checkpoint_->setText(d);
    });
    connect(shipped, &QPushButton::clicked, this, [this] { checkpoint_->setText(QString::fromStdString(shippedGptDir())); });
    connect(strategy_, &QComboBox::currentIndexChanged, this, &GeneratePanel::updateFields);
    connect(beams_, &QSpinBox::valueChanged, this, [this](int b) { nBest_->setMaximum(b); });
    connect(generate_, &QPushButton::clicked, this, &GeneratePanel::generateNow);
    connect(compare_, &QPushButton::clicked, this, &GeneratePanel::compareNow);
    connect(stopButton_, &QPushButton::clicked, generator_, &Generator::stop);
    auto* run = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(run, &QShortcut::activated, this, &GeneratePanel::generateNow);
    connect(text_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        bool ok = false;
        const int i = url.path().toInt(&ok);
        if (url.scheme() == QStringLiteral("step") && ok) {
            followLatest_ = false;
            selectStep(i);
        }
    });
    connect(generator_, &Generator::stepArrived, this, [this](int request, const GenStep& s) {
        if (request != request_ || result_.strategy == "beam") return;
        steps_.push_back(s);
        if (!redrawTimer_->isActive()) redrawTimer_->start();
    });
    connect(generator_, &Generator::finished, this, [this](int request, const GenerateResult& r) {
        if (request == request_) finish(r);
    });
    connect(generator_, &Generator::compared, this, [this](int request, const std::vector<GenerateResult>& r) {
        if (request != request_) return;
        comparison_ = r;
        generate_->setEnabled(true);
        compare_->setEnabled(true);
        stopButton_->setEnabled(false);
        showComparison();
        status_->setText(tr("Three continuations of the same prompt: greedy and beam search pick what is probable and tend to repeat "
                            "themselves; sampling is more varied and less probable."));
        Q_EMIT generated();
    });
    connect(generator_, &Generator::failed, this, [this](int request, const QString& m) {
        if (request == request_) fail(m);
    });
    updateFields();
}

void GeneratePanel::setCheckpoint(const QString& dir) { checkpoint_->setText(dir); }
QString GeneratePanel::checkpoint() const { return checkpoint_->text(); }
void GeneratePanel::setPrompt(const QString& text) { prompt_->setPlainText(text); }

void GeneratePanel::setStrategy(const QString& strategy)
{
    const int i = strategy_->findData(strategy);
    if (i >= 0) strategy_->setCurrentIndex(i);
}

void GeneratePanel::updateFields()
{
    const QString s = strategy_->currentData().toString();
    const bool sample = s == QStringLiteral("sample"), beam = s == QStringLiteral("beam");
    for (QWidget* w : std::initializer_list<QWidget*>{temperature_, topK_, topP_, seed_}) w->setEnabled(sample);
    for (QWidget* w : std::initializer_list<QWidget*>{beams_, lengthPenalty_, nBest_, earlyStopping_}) w->setEnabled(beam);
    if (sample)
        strategyHelp_->setText(tr("Each token is drawn at random from the distribution after the temperature, cut to the top-k and top-p set "
                                  "and renormalised (GPT-2's samples used top-k 40)."));
    else if (beam)
        strategyHelp_->setText(tr("Keeps the best few partial sequences at every step and returns the most probable whole continuations, "
                                  "length-penalised."));
    else
        strategyHelp_->setText(tr("Takes the model's most probable token at every step: deterministic, and prone to loops."));
}

GenerateOptions GeneratePanel::options() const
{
    GenerateOptions o;
    o.strategy = strategy_->currentData().toString().toStdString();
    o.max_new_tokens = maxNew_->value();
    o.temperature = temperature_->value();
    o.top_k = topK_->value();
    o.top_p = topP_->value();
    o.repetition_penalty = repetition_->value();
    o.no_repeat_ngram = noRepeat_->value();
    o.seed = static_cast<std::uint64_t>(seed_->value());
    o.beams = beams_->value();
    o.length_penalty = lengthPenalty_->value();
    o.early_stopping = earlyStopping_->isChecked();
    o.n_best = std::min(nBest_->value(), beams_->value());
    o.cache = cache_->isChecked();
    for (const QString& s : stop_->text().split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        QString t = s;
        t.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
        o.stop.push_back(t.toStdString());
    }
    return o;
}

void GeneratePanel::generateNow()
{
    if (generator_->busy()) return;
    const GenerateOptions o = options();
    steps_.clear();
    result_ = GenerateResult{};
    result_.strategy = o.strategy;
    selected_ = -1;
    followLatest_ = true;
    promptShown_ = prompt_->toPlainText();
    table_->setRowCount(0);
    stepLabel_->clear();
    tree_->clear();
    hypotheses_->clear();
    if (tabs_->currentIndex() == 2) tabs_->setCurrentIndex(o.strategy == "beam" ? 1 : 0);
    generate_->setEnabled(false);
    compare_->setEnabled(false);
    stopButton_->setEnabled(true);
    status_->setText(tr("Generating…"));
    request_ = generator_->generate(checkpoint_->text(), promptShown_, o);
    redraw();
}

void GeneratePanel::compareNow()
{
    if (generator_->busy()) return;
    GenerateOptions base = options();
    std::vector<GenerateOptions> all;
    for (const char* s : {"greedy", "beam", "sample"}) {
        GenerateOptions o = base;
        o.strategy = s;
        o.n_best = 1;
        all.push_back(o);
    }
    comparison_.clear();
    promptShown_ = prompt_->toPlainText();
    tabs_->setCurrentIndex(2);
    generate_->setEnabled(false);
    compare_->setEnabled(false);
    stopButton_->setEnabled(true);
    status_->setText(tr("Generating three continuations…"));
    for (auto* b : sideText_) b->clear();
    request_ = generator_->compare(checkpoint_->text(), promptShown_, all);
}

QString GeneratePanel::coloured(const std::vector<GenStep>& steps, int selected) const
{
    QString html = QStringLiteral("<div style='font-size:13pt; line-height:150%;'><span style='color:#777;'>%1</span>").arg(htmlText(promptShown_.toStdString()));
    for (const GenStep& s : steps) {
        std::string shown = s.text.empty() ? (s.token.rfind("<|", 0) == 0 ? s.token : std::string()) : s.text;
        if (shown.empty()) shown = "\u25AB";  // a piece of a character, or a cut stop string
        const QString style = QStringLiteral("background-color:%1; color:black; text-decoration:none;%2")
                                  .arg(rankColor(s.rank).name(), s.index == selected ? QStringLiteral(" font-weight:bold; text-decoration:underline;") : QString());
        html += QStringLiteral("<a href='step:%1' style='%2'>%3</a>").arg(s.index).arg(style, htmlText(shown));
    }
    return html + QStringLiteral("</div>");
}

void GeneratePanel::redraw()
{
    const int shownStep = followLatest_ && !steps_.empty() ? steps_.back().index : selected_;
    text_->setHtml(coloured(steps_, shownStep));
    if (followLatest_ && !steps_.empty()) showStep(static_cast<int>(steps_.size()) - 1);
}

void GeneratePanel::selectStep(int index)
{
    if (index < 0 || index >= static_cast<int>(steps_.size())) return;
    showStep(index);
    text_->setHtml(coloured(steps_, index));
}

void GeneratePanel::showStep(int index)
{
    selected_ = index;
    const GenStep& s = steps_[static_cast<std::size_t>(index)];
    const GenerateOptions o = options();
    QString rule;
    if (result_.strategy == "sample")
        rule = tr("Sampling kept %n token(s), holding %1 of the probability after the penalties and the temperature; this one was drawn with "
                  "probability %2 after renormalising.", nullptr, s.kept)
                   .arg(pct(s.keptMass), pct(s.drawnProb));
    else if (result_.strategy == "beam")
        rule = tr("On the best hypothesis's path: beam search chose it for the whole sequence's probability, not this step's alone.");
    else
        rule = tr("Greedy took the most probable token after the penalties.");
    stepLabel_->setText(tr("<b>Step %1 of %2: “%3”</b>: the model gave it %4, rank %5. %6")
                            .arg(index + 1)
                            .arg(steps_.size())
                            .arg(QString::fromStdString(s.token).toHtmlEscaped(), pct(s.prob))
                            .arg(s.rank)
                            .arg(rule));
    table_->setRowCount(static_cast<int>(s.candidates.size()));
    for (int r = 0; r < static_cast<int>(s.candidates.size()); ++r) {
        const GenCandidate& c = s.candidates[static_cast<std::size_t>(r)];
        const bool chosen = c.id == s.id;
        auto item = [&](const QString& t) {
            auto* it = new QTableWidgetItem(t);
            if (chosen) {
                QFont f = it->font();
                f.setBold(true);
                it->setFont(f);
            }
            return it;
        };
        table_->setItem(r, 0, item(chosen ? QStringLiteral("▶") : QString()));
        table_->setItem(r, 1, item(QString::fromStdString(c.token)));
        table_->setItem(r, 2, item(pct(c.prob)));
        table_->setItem(r, 3, item(pct(c.adjusted)));
        auto* kept = item(c.kept ? tr("kept") : QStringLiteral("–"));
        if (c.kept) kept->setBackground(QColor(0xd9, 0xf2, 0xd0));
        table_->setItem(r, 4, kept);
        table_->setItem(r, 5, item(c.kept && result_.strategy == "sample" ? pct(c.renormalised) : QStringLiteral("–")));
    }
    table_->setColumnHidden(5, result_.strategy != "sample");
    Q_EMIT stepShown(index);
}

void GeneratePanel::showTree()
{
    tree_->clear();
    std::vector<QTreeWidgetItem*> items(result_.tree.size(), nullptr);
    for (const BeamNode& n : result_.tree) {
        auto* it = new QTreeWidgetItem;
        it->setText(0, QString::fromStdString(n.tokenText));
        it->setText(1, QString::number(n.logProb, 'f', 3));
        it->setText(2, QString::number(n.score, 'f', 3));
        QString state = n.state == "kept" ? tr("kept") : n.state == "finished" ? tr("finished") : tr("pruned");
        it->setText(3, state);
        if (n.state == "pruned")
            for (int c = 0; c < 4; ++c) it->setForeground(c, QColor(0x99, 0x99, 0x99));
        if (n.state == "finished") {
            QFont f = it->font(0);
            f.setBold(true);
            for (int c = 0; c < 4; ++c) it->setFont(c, f);
            it->setForeground(3, QColor(0x1b, 0x7f, 0x2a));
        }
        if (n.best)
            for (int c = 0; c < 4; ++c) it->setBackground(c, QColor(0xfd, 0xf3, 0xb0));
        items[static_cast<std::size_t>(n.id)] = it;
        if (n.parent < 0) tree_->addTopLevelItem(it);
        else items[static_cast<std::size_t>(n.parent)]->addChild(it);
    }
    for (const BeamNode& n : result_.tree)
        if (n.best) items[static_cast<std::size_t>(n.id)]->setExpanded(true);
    QString h = tr("<b>The %n best finished hypotheses</b> (score = log P / ((5 + length) / 6)^α):", nullptr,
                   static_cast<int>(result_.hypotheses.size()));
    h += QStringLiteral("<ol style='margin:2px'>");
    for (const BeamHypothesis& b : result_.hypotheses)
        h += QStringLiteral("<li>%1 <span style='color:#666'>(log P %2, score %3, %4)</span></li>")
                 .arg(QString::fromStdString(b.text).toHtmlEscaped())
                 .arg(b.logProb, 0, 'f', 2)
                 .arg(b.score, 0, 'f', 3)
                 .arg(tr("%n token(s)", nullptr, static_cast<int>(b.ids.size())));
    hypotheses_->setText(h + QStringLiteral("</ol>"));
}

void GeneratePanel::showComparison()
{
    const QStringList titles = {tr("Greedy"), tr("Beam search"), tr("Sampling")};
    const GenerateOptions o = options();
    const QStringList settings = {tr("the most probable token each step"), tr("width %1, α %2").arg(o.beams).arg(o.length_penalty),
                                  tr("temperature %1, top-k %2, top-p %3, seed %4").arg(o.temperature).arg(o.top_k).arg(o.top_p).arg(o.seed)};
    for (std::size_t i = 0; i < sideText_.size(); ++i) {
        sideTitle_[i]->setText(QStringLiteral("<b>%1</b> <span style='color:#666'>(%2)</span>").arg(titles[static_cast<int>(i)], settings[static_cast<int>(i)]));
        if (i >= comparison_.size()) {
            sideText_[i]->clear();
            sideStats_[i]->clear();
            continue;
        }
        const GenerateResult& r = comparison_[i];
        sideText_[i]->setHtml(coloured(r.steps, -1));
        double logp = 0;
        for (const GenStep& s : r.steps) logp += std::log(std::max(s.prob, 1e-30));
        const double mean = r.steps.empty() ? 0 : logp / static_cast<double>(r.steps.size());
        sideStats_[i]->setText(tr("%n token(s); mean log-probability per token %1 (perplexity %2); distinct bigrams %3; ended by %4", nullptr,
                                  static_cast<int>(r.ids.size()))
                                   .arg(mean, 0, 'f', 2)
                                   .arg(std::exp(-mean), 0, 'f', 1)
                                   .arg(pct(distinctBigrams(r.ids)))
                                   .arg(stopReasonText(r.stopReason)));
    }
}

void GeneratePanel::finish(const GenerateResult& r)
{
    result_ = r;
    steps_ = r.steps;
    generate_->setEnabled(true);
    compare_->setEnabled(true);
    stopButton_->setEnabled(false);
    redrawTimer_->stop();
    if (r.strategy == "beam") {
        showTree();
        followLatest_ = false;
    }
    const int pick = followLatest_ || selected_ < 0 ? static_cast<int>(steps_.size()) - 1 : selected_;
    text_->setHtml(coloured(steps_, pick));
    if (pick >= 0) showStep(pick);
    QString status = tr("%n token(s) in %1 s (%2 tokens/s%3); ended by %4", nullptr, static_cast<int>(r.ids.size()))
                         .arg(r.seconds, 0, 'f', 2)
                         .arg(r.tokensPerSecond, 0, 'f', 0)
                         .arg(r.cached ? tr(", key/value cache") : tr(", no cache: every step reruns the whole text"))
                         .arg(stopReasonText(r.stopReason));
    if (r.promptTruncated > 0) status += tr("; the prompt's first %n token(s) were cut to fit the context", nullptr, r.promptTruncated);
    status_->setText(status);
    Q_EMIT generated();
}

void GeneratePanel::fail(const QString& message)
{
    generate_->setEnabled(true);
    compare_->setEnabled(true);
    stopButton_->setEnabled(false);
    status_->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(message.toHtmlEscaped().replace(QStringLiteral("\n"), QStringLiteral("<br>"))));
    Q_EMIT generated();
}

} // namespace ui
} // namespace ptl

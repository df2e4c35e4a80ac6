#include "ui/knowledge/KnowledgePanel.h"
#include "ui/common/QCustomPlot.h"
#include "ui/common/TableCell.h"
#include "ui/knowledge/AlignmentView.h"
#include "ui/knowledge/FusionView.h"
#include "ui/knowledge/SchemaGraphView.h"
#include "core/api/Tasks.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMetaObject>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <map>

namespace ptl {
namespace ui {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QTableWidget* makeTable(QWidget* parent, const QStringList& headers)
{
    auto* t = new QTableWidget(parent);
    t->setColumnCount(static_cast<int>(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

// A KagNET path step's phrase (core/knowledge/KagNetGraph.h) in the interface language.
QString stepLabel(const std::string& phrase)
{
    static const std::map<std::string, const char*> known = {
        {"is a", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "is a")},
        {"has kind", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "has kind")},
        {"instance of", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "instance of")},
        {"has instance", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "has instance")},
        {"member of", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "member of")},
        {"has member", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "has member")},
        {"part of", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "part of")},
        {"has part", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "has part")},
        {"substance of", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "substance of")},
        {"made of", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "made of")},
        {"opposite of", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "opposite of")},
        {"similar to", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "similar to")},
        {"related form", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "related form")},
        {"attribute", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "attribute")},
        {"attribute of", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "attribute of")},
        {"see also", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "see also")},
        {"verb group", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "verb group")},
        {"entails", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "entails")},
        {"entailed by", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "entailed by")},
        {"causes", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "causes")},
        {"caused by", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "caused by")},
        {"pertains to", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "pertains to")},
        {"pertained to by", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "pertained to by")},
        {"topic", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "topic")},
        {"topic of", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "topic of")},
        {"region", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "region")},
        {"region of", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "region of")},
        {"usage", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "usage")},
        {"usage of", QT_TRANSLATE_NOOP("ptl::ui::KnowledgePanel", "usage of")},
    };
    const auto it = known.find(phrase);
    return it == known.end() ? q(phrase) : KnowledgePanel::tr(it->second);
}

QString posLabel(const QString& pos)
{
    if (pos == QStringLiteral("noun")) return KnowledgePanel::tr("noun");
    if (pos == QStringLiteral("verb")) return KnowledgePanel::tr("verb");
    if (pos == QStringLiteral("adjective")) return KnowledgePanel::tr("adjective");
    if (pos == QStringLiteral("adverb")) return KnowledgePanel::tr("adverb");
    return pos;
}

struct Grounded {
    QStringList words, tags;
    std::vector<AlignedMention> mentions;
};

} // namespace

KnowledgePanel::KnowledgePanel(QWidget* parent) : QWidget(parent), stop_(std::make_shared<std::atomic<bool>>(false))
{
    worker_ = new QObject;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.setObjectName(QStringLiteral("knowledge"));
    thread_.start();

    tabs_ = new QTabWidget(this);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs_, 1);
    layout->addWidget(status_);

    // ---- WordNet
    auto* wnTab = new QWidget(this);
    word_ = new QLineEdit(QStringLiteral("dog"), wnTab);
    word_->setPlaceholderText(tr("a word, an expression (ice cream) or a synset (dog.n.01)"));
    auto* lookupButton = new QPushButton(tr("Look up"), wnTab);
    auto* intro = new QLabel(tr("WordNet 3.0 is the knowledge graph here, as ConceptNet and Wikidata are in the papers: "
                                "about 118,000 synsets (sets of synonyms, one per sense), linked by typed relations "
                                "(hypernym: is a kind of; meronym: is a part of; antonym; ...). Senses are listed most "
                                "frequent first; double-click a related synset to open it."),
                             wnTab);
    intro->setWordWrap(true);
    senses_ = new QListWidget(wnTab);
    gloss_ = new QTextBrowser(wnTab);
    gloss_->setMaximumHeight(130);
    relations_ = new QTreeWidget(wnTab);
    relations_->setHeaderLabels({tr("Relation"), tr("Synset"), tr("Gloss")});
    relations_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    relations_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Word"), wnTab));
    row->addWidget(word_, 1);
    row->addWidget(lookupButton);
    auto* right = new QWidget(wnTab);
    auto* rv = new QVBoxLayout(right);
    rv->setContentsMargins(0, 0, 0, 0);
    rv->addWidget(gloss_);
    rv->addWidget(relations_, 1);
    auto* split = new QSplitter(wnTab);
    split->addWidget(senses_);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* wv = new QVBoxLayout(wnTab);
    wv->addWidget(intro);
    wv->addLayout(row);
    wv->addWidget(split, 1);
    tabs_->addTab(wnTab, tr("WordNet"));
    connect(lookupButton, &QPushButton::clicked, this, [this] { lookUp(word_->text()); });
    connect(word_, &QLineEdit::returnPressed, this, [this] { lookUp(word_->text()); });
    connect(senses_, &QListWidget::currentRowChanged, this, &KnowledgePanel::showSense);
    connect(relations_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* it, int) {
        const QString name = it->text(1);
        if (!name.isEmpty()) lookUp(name);
    });

    // ---- Entity alignment
    auto* alTab = new QWidget(this);
    sentence_ = new QLineEdit(QStringLiteral("The farmer dug the ground with a spade to plant flowers near New York."), alTab);
    auto* groundButton = new QPushButton(tr("Ground"), alTab);
    auto* alIntro = new QLabel(tr("ERNIE's first step: align the words of a sentence with entities of the knowledge graph. Each "
                                  "word is tagged (a tagger learnt from Brown's tags), expressions WordNet lists (\"New York\", "
                                  "\"ice cream\") win over their words, and each mention takes its most frequent sense; names "
                                  "go to instance synsets. Hover a box for its gloss, click it to open it in the WordNet tab."),
                               alTab);
    alIntro->setWordWrap(true);
    alignment_ = new AlignmentView(alTab);
    auto* scroll = new QScrollArea(alTab);
    scroll->setWidget(alignment_);
    scroll->setWidgetResizable(true);
    scroll->setMinimumHeight(120);
    scroll->setMaximumHeight(240);
    mentions_ = makeTable(alTab, {tr("Words"), tr("Synset"), tr("Part of speech"), tr("Is a"), tr("Gloss")});
    auto* legend = new QLabel(tr("<span style='color:#2e6db4'>■</span> noun &nbsp; <span style='color:#2e8b57'>■</span> verb &nbsp; "
                                 "<span style='color:#d37a1f'>■</span> adjective &nbsp; <span style='color:#7f8c8d'>■</span> adverb "
                                 "&nbsp; <span style='color:#8e44ad'>■</span> a name (instance)"),
                              alTab);
    auto* arow = new QHBoxLayout;
    arow->addWidget(new QLabel(tr("Sentence"), alTab));
    arow->addWidget(sentence_, 1);
    arow->addWidget(groundButton);
    auto* av = new QVBoxLayout(alTab);
    av->addWidget(alIntro);
    av->addLayout(arow);
    av->addWidget(scroll, 1);
    av->addWidget(legend);
    av->addWidget(mentions_, 1);
    tabs_->addTab(alTab, tr("Entity alignment"));
    connect(groundButton, &QPushButton::clicked, this, [this] { ground(sentence_->text()); });
    connect(sentence_, &QLineEdit::returnPressed, this, [this] { ground(sentence_->text()); });
    connect(alignment_, &AlignmentView::mentionClicked, this, [this](const QString& synset) {
        tabs_->setCurrentIndex(0);
        word_->setText(synset);
        lookUp(synset);
    });

    // ---- TransE
    auto* teTab = new QWidget(this);
    const QString shipped = q(shippedTransEDir());
    folder_ = new QLineEdit(QFileInfo::exists(shipped + QStringLiteral("/transe.json")) ? shipped : q(userTransEDir()), teTab);
    folder_->setToolTip(tr("The folder of the embeddings: transe.safetensors, entities.tsv, relations.tsv, transe.json"));
    load_ = new QPushButton(tr("Load"), teTab);
    auto* mine = new QPushButton(tr("My folder"), teTab);
    mine->setToolTip(tr("Train into your own data folder, leaving the shipped embeddings as they are"));
    dim_ = new QSpinBox(teTab);
    dim_->setRange(4, 400);
    dim_->setValue(100);
    epochs_ = new QSpinBox(teTab);
    epochs_->setRange(1, 5000);
    epochs_->setValue(1000);
    lr_ = new QDoubleSpinBox(teTab);
    lr_->setDecimals(4);
    lr_->setRange(0.0001, 1.0);
    lr_->setSingleStep(0.005);
    lr_->setValue(0.01);
    margin_ = new QDoubleSpinBox(teTab);
    margin_->setRange(0.1, 20);
    margin_->setValue(1.0);
    norm_ = new QComboBox(teTab);
    norm_->addItem(tr("L2 (best here)"), 2);
    norm_->addItem(tr("L1 (the paper's choice on WordNet)"), 1);
    train_ = new QPushButton(tr("Train"), teTab);
    stopButton_ = new QPushButton(tr("Stop"), teTab);
    stopButton_->setEnabled(false);
    progress_ = new QProgressBar(teTab);
    auto* teIntro = new QLabel(tr("TransE (Bordes et al. 2013) gives every entity and relation a vector so that head + relation "
                                  "≈ tail. ERNIE uses such vectors as its entity inputs. Trained here on the WordNet links "
                                  "between the synsets the Brown text grounds (and their hypernyms); judged by link prediction "
                                  "on held-out links: where the true head or tail ranks among all entities (filtered: other "
                                  "true answers do not count against it), against ranking by popularity in the relation and "
                                  "at random."),
                               teTab);
    teIntro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Dimension"), dim_);
    form->addRow(tr("Epochs"), epochs_);
    form->addRow(tr("Learning rate (SGD)"), lr_);
    form->addRow(tr("Margin"), margin_);
    form->addRow(tr("Distance"), norm_);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(load_);
    folderRow->addWidget(mine);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(train_);
    buttons->addWidget(stopButton_);
    graphLabel_ = new QLabel(teTab);
    graphLabel_->setWordWrap(true);
    auto* left = new QWidget(teTab);
    auto* lv = new QVBoxLayout(left);
    lv->addWidget(teIntro);
    lv->addWidget(new QLabel(tr("Folder"), teTab));
    lv->addLayout(folderRow);
    lv->addLayout(form);
    lv->addLayout(buttons);
    lv->addWidget(progress_);
    lv->addWidget(graphLabel_);
    lv->addStretch(1);
    left->setMaximumWidth(430);
    lossPlot_ = new QCustomPlot(teTab);
    lossPlot_->xAxis->setLabel(tr("epoch"));
    lossPlot_->yAxis->setLabel(tr("margin ranking loss"));
    lossPlot_->addGraph();
    lossPlot_->graph(0)->setPen(QPen(QColor(0x2e, 0x6d, 0xb4), 2));
    lossPlot_->setMinimumHeight(170);
    linkTable_ = makeTable(teTab, {tr("Ranking"), tr("Mean rank"), tr("MRR"), tr("Hits@1"), tr("Hits@10")});
    byRelation_ = makeTable(teTab, {tr("Relation"), tr("Test links"), tr("Mean rank"), tr("MRR"), tr("Hits@10")});
    linkTable_->setMinimumHeight(linkTable_->horizontalHeader()->sizeHint().height() + 3 * linkTable_->verticalHeader()->defaultSectionSize() + 6);
    for (QTableWidget* t : {linkTable_, byRelation_}) {
        t->horizontalHeader()->setStretchLastSection(false);
        t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    }
    entity_ = new QLineEdit(QStringLiteral("dog.n.01"), teTab);
    relation_ = new QComboBox(teTab);
    direction_ = new QComboBox(teTab);
    direction_->addItem(tr("(entity, relation, ?)"), true);
    direction_->addItem(tr("(?, relation, entity)"), false);
    auto* ask = new QPushButton(tr("Rank"), teTab);
    predictions_ = makeTable(teTab, {tr("Rank"), tr("Entity"), tr("Distance"), tr("In the graph"), tr("Gloss")});
    auto* askRow = new QHBoxLayout;
    askRow->addWidget(entity_, 1);
    askRow->addWidget(relation_);
    askRow->addWidget(direction_);
    askRow->addWidget(ask);
    auto* rightTe = new QWidget(teTab);
    auto* rtv = new QVBoxLayout(rightTe);
    rtv->setContentsMargins(0, 0, 0, 0);
    rtv->addWidget(lossPlot_, 2);
    rtv->addWidget(new QLabel(tr("Link prediction on the held-out test links"), teTab));
    rtv->addWidget(linkTable_, 1);
    rtv->addWidget(byRelation_, 2);
    rtv->addWidget(new QLabel(tr("Ask the embeddings: which entities complete the triple?"), teTab));
    rtv->addLayout(askRow);
    rtv->addWidget(predictions_, 2);
    auto* th = new QHBoxLayout(teTab);
    th->addWidget(left);
    th->addWidget(rightTe, 1);
    tabs_->addTab(teTab, tr("TransE"));
    connect(load_, &QPushButton::clicked, this, &KnowledgePanel::loadTransE);
    connect(mine, &QPushButton::clicked, this, [this] { folder_->setText(q(userTransEDir())); });
    connect(train_, &QPushButton::clicked, this, [this] { trainTransE(epochs_->value()); });
    connect(stopButton_, &QPushButton::clicked, this, &KnowledgePanel::stopTransE);
    connect(ask, &QPushButton::clicked, this, [this] { predict(entity_->text(), relation_->currentText(), direction_->currentData().toBool()); });
    connect(entity_, &QLineEdit::returnPressed, this, [this] { predict(entity_->text(), relation_->currentText(), direction_->currentData().toBool()); });
    if (QFileInfo::exists(folder_->text() + QStringLiteral("/transe.json"))) loadTransE();
    buildErnieTab();
    buildKagNetTab();
}

// ---- ERNIE: what the K-Encoder does with the entities of a sentence
void KnowledgePanel::buildErnieTab()
{
    auto* tab = new QWidget(this);
    const QString shipped = q(shippedErnieDir());
    ernieFolder_ = new QLineEdit(QFileInfo::exists(shipped + QStringLiteral("/config.json")) ? shipped : QString(), tab);
    ernieFolder_->setPlaceholderText(tr("an ERNIE checkpoint folder (train --preset ernie-mini)"));
    auto* browse = new QPushButton(tr("Browse…"), tab);
    ernieText_ = new QLineEdit(QStringLiteral("The farmer dug the [MASK] with a spade to plant roses near the house."), tab);
    auto* run = new QPushButton(tr("Run"), tab);
    auto* intro = new QLabel(tr("ERNIE (Zhang et al. 2019) reads a sentence twice over: as tokens, and as the knowledge-graph "
                                "entities its words name, each a TransE vector put on the first token of its mention. In the "
                                "K-Encoder layers the entities attend to each other, then an information fusion layer mixes "
                                "both streams at every aligned token: h = GELU(W_t w + W_e e + b). Below: each token with its "
                                "entity, the orange bar for how far the entities moved the token's final representation "
                                "(against the same model run without entities), the entity attention of one layer and head "
                                "(hover an entity for its arcs, its gloss), and at each [MASK] the model's guesses with and "
                                "without its knowledge."),
                             tab);
    intro->setWordWrap(true);
    layerBox_ = new QComboBox(tab);
    headBox_ = new QComboBox(tab);
    fusion_ = new FusionView(tab);
    auto* scroll = new QScrollArea(tab);
    scroll->setWidget(fusion_);
    scroll->setWidgetResizable(true);
    scroll->setMinimumHeight(220);
    guesses_ = makeTable(tab, {tr("[MASK] at"), tr("With entities"), tr("Without entities")});
    guesses_->setMaximumHeight(110);
    ernieSummary_ = new QLabel(tab);
    ernieSummary_->setWordWrap(true);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(new QLabel(tr("Checkpoint"), tab));
    folderRow->addWidget(ernieFolder_, 1);
    folderRow->addWidget(browse);
    auto* textRow = new QHBoxLayout;
    textRow->addWidget(new QLabel(tr("Sentence"), tab));
    textRow->addWidget(ernieText_, 1);
    textRow->addWidget(run);
    auto* pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("K-Encoder layer"), tab));
    pick->addWidget(layerBox_);
    pick->addWidget(new QLabel(tr("Entity head"), tab));
    pick->addWidget(headBox_);
    pick->addStretch(1);
    auto* v = new QVBoxLayout(tab);
    v->addWidget(intro);
    v->addLayout(folderRow);
    v->addLayout(textRow);
    v->addWidget(ernieSummary_);
    v->addLayout(pick);
    v->addWidget(scroll, 3);
    v->addWidget(guesses_, 1);
    tabs_->addTab(tab, tr("ERNIE"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("ERNIE checkpoint folder"));
        if (!d.isEmpty()) ernieFolder_->setText(d);
    });
    connect(run, &QPushButton::clicked, this, [this] { inspectErnie(ernieFolder_->text(), ernieText_->text()); });
    connect(ernieText_, &QLineEdit::returnPressed, this, [this] { inspectErnie(ernieFolder_->text(), ernieText_->text()); });
    connect(layerBox_, &QComboBox::currentIndexChanged, this, [this] { showErnieAttention(); });
    connect(headBox_, &QComboBox::currentIndexChanged, this, [this] { showErnieAttention(); });
}

void KnowledgePanel::inspectErnie(const QString& folder, const QString& text)
{
    if (folder.trimmed().isEmpty()) {
        fail(tr("Choose an ERNIE checkpoint folder first (a run of the ernie-mini preset writes one)."));
        return;
    }
    status_->setText(tr("Running the sentence through the model…"));
    const std::string dir = folder.trimmed().toStdString(), t = text.toStdString();
    post([dir, t] { return ptl::inspectErnie(dir, t); },
         [this](const ErnieInspection& r) {
             ernie_ = r;
             const QSignalBlocker b1(layerBox_), b2(headBox_);
             layerBox_->clear();
             headBox_->clear();
             for (std::size_t l = 0; l < r.tokenAttention.size(); ++l)
                 layerBox_->addItem(tr("layer %1").arg(r.firstKnowledgeLayer + static_cast<int>(l) + 1));
             const int heads = r.entityAttention.empty() || r.entityAttention[0].empty() ? 0 : static_cast<int>(r.entityAttention[0].size());
             for (int h = 0; h < heads; ++h) headBox_->addItem(tr("head %1").arg(h + 1));
             layerBox_->setCurrentIndex(std::max(0, layerBox_->count() - 1));
             showErnieAttention();
             guesses_->setRowCount(static_cast<int>(r.guesses.size()));
             auto list = [](const std::vector<std::pair<std::string, double>>& g) {
                 QStringList parts;
                 for (const auto& [token, p] : g) parts << QStringLiteral("%1 %2%").arg(q(token)).arg(100.0 * p, 0, 'f', 1);
                 return parts.join(QStringLiteral(", "));
             };
             for (int i = 0; i < static_cast<int>(r.guesses.size()); ++i) {
                 const ErnieGuess& g = r.guesses[static_cast<std::size_t>(i)];
                 guesses_->setItem(i, 0, cell(QString::number(g.position)));
                 guesses_->setItem(i, 1, cell(list(g.withEntities)));
                 guesses_->setItem(i, 2, cell(list(g.withoutEntities)));
             }
             double most = 0;
             int where = -1;
             for (std::size_t t = 0; t < r.fusionChange.size(); ++t)
                 if (r.fusionChange[t] > most) {
                     most = r.fusionChange[t];
                     where = static_cast<int>(t);
                 }
             ernieSummary_->setText(
                 r.entities.empty()
                     ? tr("No word of this sentence grounds to an entity of the model's table: the K-Encoder runs the token stream alone.")
                     : tr("%1 of %2 tokens carry an entity. The entities moved the final representation most at \"%3\" (%4% of its length).")
                           .arg(r.entities.size())
                           .arg(r.tokens.size())
                           .arg(where >= 0 ? q(r.tokens[static_cast<std::size_t>(where)]) : QString())
                           .arg(100.0 * most, 0, 'f', 1));
             status_->clear();
             Q_EMIT ernieInspected();
         });
}

void KnowledgePanel::showErnieAttention()
{
    QStringList tokens;
    for (const auto& t : ernie_.tokens) tokens << q(t);
    std::vector<FusionEntity> entities;
    for (const auto& e : ernie_.entities) entities.push_back({q(e.synset), q(e.definition), e.token});
    std::vector<std::vector<double>> attention;
    const int l = layerBox_->currentIndex(), h = headBox_->currentIndex();
    if (l >= 0 && l < static_cast<int>(ernie_.entityAttention.size()) && h >= 0 &&
        h < static_cast<int>(ernie_.entityAttention[static_cast<std::size_t>(l)].size()))
        attention = ernie_.entityAttention[static_cast<std::size_t>(l)][static_cast<std::size_t>(h)];
    fusion_->setData(tokens, entities, ernie_.fusionChange, attention);
}

// ---- KagNET: a commonsense question answered through paths in the graph
void KnowledgePanel::buildKagNetTab()
{
    auto* tab = new QWidget(this);
    const QString shipped = q(shippedKagNetDir());
    kagFolder_ = new QLineEdit(QFileInfo::exists(shipped + QStringLiteral("/kagnet.json")) ? shipped : QString(), tab);
    kagFolder_->setPlaceholderText(tr("a KagNET model folder (pretrainlab-cli kagnet train --out DIR)"));
    auto* browse = new QPushButton(tr("Browse…"), tab);
    auto* intro = new QLabel(tr("KagNET (Lin et al. 2019) answers a multiple-choice question by looking for paths in the knowledge "
                                "graph between the concepts of the question and those of each choice (at most 3 hops; paths "
                                "whose links TransE finds implausible are pruned). A graph network refines the concepts, an LSTM "
                                "reads each path, and attention guided by the statement vector (our BERT reading question + "
                                "choice) weighs the paths of each concept pair and the pairs. Below: each choice's score beside "
                                "the BERT-only scorer's, and for the selected choice its schema graph, with the paths the "
                                "attention weighs most in orange."),
                             tab);
    intro->setWordWrap(true);
    kagModel_ = new QLabel(tab);
    kagModel_->setWordWrap(true);
    kagQuestion_ = new QLineEdit(QStringLiteral("Which of these is a part of a car?"), tab);
    const QStringList defaults = {QStringLiteral("accelerator"), QStringLiteral("nose"), QStringLiteral("keyhole"), QStringLiteral("brim"),
                                  QStringLiteral("petal")};
    auto* choicesRow = new QHBoxLayout;
    choicesRow->addWidget(new QLabel(tr("Choices"), tab));
    for (const QString& d : defaults) {
        auto* e = new QLineEdit(d, tab);
        kagChoiceEdits_.push_back(e);
        choicesRow->addWidget(e, 1);
    }
    auto* ask = new QPushButton(tr("Ask"), tab);
    auto* sample = new QPushButton(tr("A test question"), tab);
    sample->setToolTip(tr("The next question of the commonsense task's test split (questions the model was not trained on)"));
    choicesRow->addWidget(ask);
    kagSummary_ = new QLabel(tab);
    kagSummary_->setWordWrap(true);
    kagChoices_ = makeTable(tab, {tr("Choice"), tr("KagNET"), tr("BERT-only"), tr("Paths found / kept")});
    kagChoices_->setSelectionMode(QAbstractItemView::SingleSelection);
    schema_ = new SchemaGraphView(tab);
    auto* scroll = new QScrollArea(tab);
    scroll->setWidget(schema_);
    scroll->setWidgetResizable(true);
    kagPaths_ = makeTable(tab, {tr("Weight"), tr("Within pair"), tr("TransE distance"), tr("Path")});
    auto* split = new QSplitter(Qt::Horizontal, tab);
    split->addWidget(kagChoices_);
    split->addWidget(scroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({400, 1000});
    auto* vsplit = new QSplitter(Qt::Vertical, tab);
    vsplit->addWidget(split);
    vsplit->addWidget(kagPaths_);
    vsplit->setStretchFactor(0, 3);
    vsplit->setStretchFactor(1, 1);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(new QLabel(tr("Model"), tab));
    folderRow->addWidget(kagFolder_, 1);
    folderRow->addWidget(browse);
    auto* questionRow = new QHBoxLayout;
    questionRow->addWidget(new QLabel(tr("Question"), tab));
    questionRow->addWidget(kagQuestion_, 1);
    questionRow->addWidget(sample);
    auto* v = new QVBoxLayout(tab);
    v->addWidget(intro);
    v->addLayout(folderRow);
    v->addWidget(kagModel_);
    v->addLayout(questionRow);
    v->addLayout(choicesRow);
    v->addWidget(kagSummary_);
    v->addWidget(vsplit, 1);
    tabs_->addTab(tab, tr("KagNET"));
    auto run = [this] {
        QStringList choices;
        for (auto* e : kagChoiceEdits_)
            if (!e->text().trimmed().isEmpty()) choices << e->text().trimmed();
        askKagNet(kagFolder_->text(), kagQuestion_->text(), choices);
    };
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("KagNET model folder"));
        if (!d.isEmpty()) {
            kagFolder_->setText(d);
            showKagNetModel();
        }
    });
    connect(kagFolder_, &QLineEdit::editingFinished, this, [this] { showKagNetModel(); });
    connect(ask, &QPushButton::clicked, this, run);
    connect(kagQuestion_, &QLineEdit::returnPressed, this, run);
    connect(sample, &QPushButton::clicked, this, [this] { sampleQuestion(); });
    connect(kagChoices_, &QTableWidget::currentCellChanged, this, [this](int row) { showKagNetChoice(row); });
    showKagNetModel();
}

void KnowledgePanel::showKagNetModel()
{
    const std::string dir = kagFolder_->text().trimmed().toStdString();
    if (dir.empty()) {
        kagModel_->setText(tr("No KagNET model chosen: train one with 'pretrainlab-cli kagnet train --out DIR'."));
        return;
    }
    try {
        const KagNetReport r = readKagNetReport(dir);
        kagModel_->setText(tr("Test accuracy on %1 commonsense questions (five choices, chance %2%): BERT-only %3%; KagNET %4% with "
                              "the asked fact in the graph (path-length heuristic %5%), %6% with it hidden (heuristic %7%).")
                               .arg(r.testQuestions)
                               .arg(100 * r.chance, 0, 'f', 0)
                               .arg(100 * r.statement.test, 0, 'f', 1)
                               .arg(100 * r.kagnet.test, 0, 'f', 1)
                               .arg(100 * r.pathHeuristic.test, 0, 'f', 1)
                               .arg(100 * r.kagnetHidden.test, 0, 'f', 1)
                               .arg(100 * r.pathHeuristicHidden.test, 0, 'f', 1));
    } catch (const std::exception& e) {
        kagModel_->setText(QStringLiteral("<span style='color:#b00'>%1</span>").arg(q(e.what()).toHtmlEscaped()));
    }
}

void KnowledgePanel::sampleQuestion()
{
    auto fill = [this] {
        if (!samples_ || samples_->empty()) return;
        const auto& [stem, choices] = (*samples_)[static_cast<std::size_t>(nextSample_ % static_cast<int>(samples_->size()))];
        ++nextSample_;
        kagQuestion_->setText(q(stem));
        for (std::size_t i = 0; i < kagChoiceEdits_.size(); ++i) kagChoiceEdits_[i]->setText(i < choices.size() ? q(choices[i]) : QString());
        status_->clear();
        Q_EMIT questionSampled();
    };
    if (samples_) {
        fill();
        return;
    }
    status_->setText(tr("Building the commonsense questions…"));
    int seed = 1234;
    try {
        if (!kagFolder_->text().trimmed().isEmpty()) seed = static_cast<int>(readKagNetReport(kagFolder_->text().trimmed().toStdString()).options.taskSeed);
    } catch (const std::exception&) {
    }
    post(
        [seed] {
            const Task t = buildTask("commonsense", static_cast<std::uint64_t>(seed));
            std::vector<std::pair<std::string, std::vector<std::string>>> out;
            for (const auto& e : t.test) out.push_back({e.texts.front(), e.choices});
            return out;
        },
        [this, fill](const std::vector<std::pair<std::string, std::vector<std::string>>>& r) {
            samples_ = std::make_shared<const std::vector<std::pair<std::string, std::vector<std::string>>>>(r);
            fill();
        });
}

void KnowledgePanel::askKagNet(const QString& folder, const QString& question, const QStringList& choices)
{
    if (folder.trimmed().isEmpty()) {
        fail(tr("Choose a KagNET model folder first ('pretrainlab-cli kagnet train --out DIR' writes one)."));
        return;
    }
    if (question.trimmed().isEmpty() || choices.size() < 2) {
        fail(tr("Write a question and at least two choices."));
        return;
    }
    // The fields show what is asked (also when a caller asks).
    if (kagFolder_->text() != folder) {
        kagFolder_->setText(folder);
        showKagNetModel();
    }
    kagQuestion_->setText(question);
    for (std::size_t i = 0; i < kagChoiceEdits_.size(); ++i)
        kagChoiceEdits_[i]->setText(static_cast<int>(i) < choices.size() ? choices[static_cast<int>(i)] : QString());
    status_->setText(tr("Finding paths and scoring the choices…"));
    const std::string dir = folder.trimmed().toStdString(), text = question.trimmed().toStdString();
    std::vector<std::string> cs;
    for (const auto& c : choices) cs.push_back(c.toStdString());
    post([dir, text, cs] { return ptl::askKagNet(dir, text, cs); },
         [this](const KagNetAnswer& a) {
             kagnet_ = a;
             const QSignalBlocker block(kagChoices_);
             kagChoices_->setRowCount(static_cast<int>(a.choices.size()));
             for (int i = 0; i < static_cast<int>(a.choices.size()); ++i) {
                 const KagNetChoiceView& c = a.choices[static_cast<std::size_t>(i)];
                 kagChoices_->setItem(i, 0, cell(q(c.text), i == a.predicted));
                 kagChoices_->setItem(i, 1, cell(QStringLiteral("%1%").arg(100 * c.probability, 0, 'f', 1), i == a.predicted));
                 kagChoices_->setItem(i, 2, cell(QStringLiteral("%1%").arg(100 * c.statementProbability, 0, 'f', 1), i == a.statementPredicted));
                 kagChoices_->setItem(i, 3, cell(QStringLiteral("%1 / %2").arg(c.found).arg(c.paths.size())));
             }
             QStringList concepts;
             for (const auto& c : a.questionConcepts) concepts << q(c);
             kagSummary_->setText(
                 a.questionConcepts.empty()
                     ? tr("No word of the question grounds to a concept of the graph: no path can start, KagNET scores on the statement alone.")
                     : tr("Question concepts: %1. KagNET picks \"%2\", the BERT-only scorer \"%3\". Select a choice to see its schema graph.")
                           .arg(concepts.join(QStringLiteral(", ")))
                           .arg(a.predicted >= 0 ? q(a.choices[static_cast<std::size_t>(a.predicted)].text) : QString())
                           .arg(a.statementPredicted >= 0 ? q(a.choices[static_cast<std::size_t>(a.statementPredicted)].text) : QString()));
             kagChoices_->setCurrentCell(std::max(0, a.predicted), 0);
             showKagNetChoice(std::max(0, a.predicted));
             status_->clear();
             Q_EMIT kagnetAnswered();
         });
}

void KnowledgePanel::showKagNetChoice(int row)
{
    if (row < 0 || row >= static_cast<int>(kagnet_.choices.size())) return;
    const KagNetChoiceView& c = kagnet_.choices[static_cast<std::size_t>(row)];
    std::vector<SchemaNode> nodes;
    for (std::size_t i = 0; i < c.nodes.size(); ++i)
        nodes.push_back({q(c.nodes[i]), i < c.definitions.size() ? q(c.definitions[i]) : QString(), c.roles[i]});
    std::vector<SchemaPathDraw> paths;
    for (const auto& p : c.paths) {
        SchemaPathDraw d;
        for (const auto& n : p.nodes) d.nodes.push_back(static_cast<int>(std::find(c.nodes.begin(), c.nodes.end(), n) - c.nodes.begin()));
        for (const auto& r : p.relations) d.relations << stepLabel(r);
        d.weight = p.weight;
        paths.push_back(std::move(d));
    }
    schema_->setData(nodes, paths);
    kagPaths_->setRowCount(static_cast<int>(c.paths.size()));
    for (int i = 0; i < static_cast<int>(c.paths.size()); ++i) {
        const KagNetPathView& p = c.paths[static_cast<std::size_t>(i)];
        QString text = q(p.nodes.front());
        for (std::size_t k = 0; k < p.relations.size(); ++k) text += QStringLiteral("  —%1→  %2").arg(stepLabel(p.relations[k]), q(p.nodes[k + 1]));
        kagPaths_->setItem(i, 0, cell(QStringLiteral("%1%").arg(100 * p.weight, 0, 'f', 1), i < 3));
        kagPaths_->setItem(i, 1, cell(QStringLiteral("%1%").arg(100 * p.attention, 0, 'f', 1)));
        kagPaths_->setItem(i, 2, cell(QString::number(p.distance, 'f', 3)));
        kagPaths_->setItem(i, 3, cell(text));
    }
}

KnowledgePanel::~KnowledgePanel()
{
    stop_->store(true);
    thread_.quit();
    thread_.wait();
}

template <typename Work, typename Deliver>
void KnowledgePanel::post(Work work, Deliver deliver)
{
    QMetaObject::invokeMethod(worker_, [this, work, deliver] {
        try {
            auto r = work();
            QMetaObject::invokeMethod(this, [this, deliver, r] { deliver(r); }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString msg = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, msg] { fail(msg); }, Qt::QueuedConnection);
        }
    }, Qt::QueuedConnection);
}

void KnowledgePanel::fail(const QString& message)
{
    status_->setText(QStringLiteral("<span style='color:#b00'>%1</span>").arg(message.toHtmlEscaped()));
    train_->setEnabled(true);
    stopButton_->setEnabled(false);
    Q_EMIT lookedUp();
    Q_EMIT grounded();
    Q_EMIT transEFinished();
    Q_EMIT transETrained();
    Q_EMIT predicted();
    Q_EMIT ernieInspected();
    Q_EMIT kagnetAnswered();
    Q_EMIT questionSampled();
}

void KnowledgePanel::lookUp(const QString& text)
{
    if (word_->text() != text) word_->setText(text);
    status_->setText(tr("Reading WordNet..."));
    post(
        [w = text.trimmed().toStdString()] {
            std::vector<SenseInfo> out;
            for (const SynsetView& v : lookUpWord(w)) {
                SenseInfo info;
                info.name = q(v.name);
                info.pos = q(v.pos);
                QStringList lemmas;
                for (const auto& l : v.lemmas) lemmas << q(l).replace(QLatin1Char('_'), QLatin1Char(' '));
                info.lemmas = lemmas.join(QStringLiteral(", "));
                info.definition = q(v.definition);
                for (const auto& e : v.examples) info.examples << q(e);
                for (const auto& [rel, targets] : v.relations) {
                    QStringList t;
                    for (const auto& x : targets) t << q(x);
                    info.relations.push_back({q(rel), t});
                }
                out.push_back(std::move(info));
            }
            return out;
        },
        [this, text](const std::vector<SenseInfo>& senses) {
            senseData_ = senses;
            senses_->clear();
            for (const auto& s : senseData_) senses_->addItem(QStringLiteral("%1  —  %2").arg(s.name, s.definition));
            if (senseData_.empty()) {
                gloss_->setHtml(tr("<i>'%1' is not in WordNet under any part of speech, even after lemmatisation.</i>").arg(text.toHtmlEscaped()));
                relations_->clear();
                status_->setText(tr("No sense found."));
            } else {
                senses_->setCurrentRow(0);
                status_->setText(tr("%n sense(s) of '%1'.", nullptr, static_cast<int>(senseData_.size())).arg(text));
            }
            Q_EMIT lookedUp();
        });
}

void KnowledgePanel::showSense(int row)
{
    relations_->clear();
    if (row < 0 || row >= static_cast<int>(senseData_.size())) return;
    const SenseInfo& s = senseData_[static_cast<std::size_t>(row)];
    QString html = QStringLiteral("<h3>%1 <small>(%2)</small></h3><p><b>%3</b></p><p>%4</p>")
                       .arg(s.name.toHtmlEscaped(), posLabel(s.pos), s.lemmas.toHtmlEscaped(), s.definition.toHtmlEscaped());
    for (const auto& e : s.examples) html += QStringLiteral("<p><i>“%1”</i></p>").arg(e.toHtmlEscaped());
    gloss_->setHtml(html);
    // Glosses of the related synsets, read on this thread (WordNet is loaded by now).
    for (const auto& [rel, targets] : s.relations) {
        auto* group = new QTreeWidgetItem(relations_, {QStringLiteral("%1 (%2)").arg(rel).arg(targets.size())});
        for (const auto& t : targets) new QTreeWidgetItem(group, {QString(), t, q(synsetDefinition(t.toStdString()))});
        group->setExpanded(targets.size() <= 12);
    }
}

void KnowledgePanel::ground(const QString& text)
{
    if (sentence_->text() != text) sentence_->setText(text);
    status_->setText(tr("Grounding..."));
    post(
        [t = text.toStdString()] {
            const GroundedText x = groundText(t);
            Grounded g;
            for (const auto& w : x.words) g.words << q(w);
            for (const auto& tag : x.tags) g.tags << q(tag);
            for (const GroundedMention& m : x.mentions)
                g.mentions.push_back({m.begin, m.end, q(m.synset), q(m.pos), q(m.definition), q(m.hypernym), m.proper});
            return g;
        },
        [this](const Grounded& g) {
            alignment_->setSentence(g.words, g.tags, g.mentions);
            mentions_->setRowCount(static_cast<int>(g.mentions.size()));
            int covered = 0;
            for (int i = 0; i < static_cast<int>(g.mentions.size()); ++i) {
                const auto& m = g.mentions[static_cast<std::size_t>(i)];
                QStringList w;
                for (int k = m.begin; k < m.end; ++k) w << g.words[k];
                covered += m.end - m.begin;
                mentions_->setItem(i, 0, cell(w.join(QLatin1Char(' ')), true));
                mentions_->setItem(i, 1, cell(m.synset));
                mentions_->setItem(i, 2, cell(m.proper ? tr("%1 (a name)").arg(posLabel(m.pos)) : posLabel(m.pos)));
                mentions_->setItem(i, 3, cell(m.hypernym));
                mentions_->setItem(i, 4, cell(m.definition));
            }
            status_->setText(tr("%1 of %2 words grounded in %3 mentions (first-listed senses).").arg(covered).arg(g.words.size()).arg(g.mentions.size()));
            Q_EMIT grounded();
        });
}

void KnowledgePanel::setTransEFolder(const QString& dir) { folder_->setText(dir); }

void KnowledgePanel::showReport(const TransEReport& r, const QString& source)
{
    report_ = r;
    if (!r.lossByEpoch.empty()) {
        QVector<double> x, y;
        for (std::size_t e = 0; e < r.lossByEpoch.size(); ++e) {
            x << static_cast<double>(e + 1);
            y << r.lossByEpoch[e];
        }
        lossPlot_->graph(0)->setData(x, y);
        lossPlot_->rescaleAxes();
        lossPlot_->yAxis->setRangeLower(0);
        lossPlot_->replot();
    }
    struct Row {
        QString name;
        const LinkPrediction* p;
    };
    const Row rows[] = {{tr("TransE"), &r.test}, {tr("popularity in the relation"), &r.popularity}, {tr("random"), &r.random}};
    linkTable_->setRowCount(3);
    for (int i = 0; i < 3; ++i) {
        const LinkPrediction& p = *rows[i].p;
        linkTable_->setItem(i, 0, cell(rows[i].name, i == 0));
        linkTable_->setItem(i, 1, cell(QString::number(p.meanRank, 'f', 1), i == 0));
        linkTable_->setItem(i, 2, cell(QString::number(p.mrr, 'f', 3), i == 0));
        linkTable_->setItem(i, 3, cell(QStringLiteral("%1%").arg(100 * p.hits1, 0, 'f', 1), i == 0));
        linkTable_->setItem(i, 4, cell(QStringLiteral("%1%").arg(100 * p.hits10, 0, 'f', 1), i == 0));
    }
    byRelation_->setRowCount(static_cast<int>(r.byRelation.size()));
    for (int i = 0; i < static_cast<int>(r.byRelation.size()); ++i) {
        const auto& [name, p] = r.byRelation[static_cast<std::size_t>(i)];
        byRelation_->setItem(i, 0, cell(q(name)));
        byRelation_->setItem(i, 1, cell(QString::number(p.triples)));
        byRelation_->setItem(i, 2, cell(QString::number(p.meanRank, 'f', 1)));
        byRelation_->setItem(i, 3, cell(QString::number(p.mrr, 'f', 3)));
        byRelation_->setItem(i, 4, cell(QStringLiteral("%1%").arg(100 * p.hits10, 0, 'f', 1)));
    }
    graphLabel_->setText(tr("Graph: %1 synsets grounded in Brown, %2 entities with their hypernyms, %3 relations; links: %4 train, "
                            "%5 valid, %6 test (%7).")
                             .arg(r.groundedSynsets)
                             .arg(r.entities)
                             .arg(r.relations)
                             .arg(r.trainTriples)
                             .arg(r.validTriples)
                             .arg(r.testTriples)
                             .arg(source));
    const QString dir = folder_->text();
    post([d = dir.toStdString()] { return transERelations(d); },
         [this](const std::vector<std::string>& rels) {
             const QString keep = relation_->currentText();
             relation_->clear();
             for (const auto& x : rels) relation_->addItem(q(x));
             const int at = relation_->findText(keep.isEmpty() ? QStringLiteral("hypernym") : keep);
             if (at >= 0) relation_->setCurrentIndex(at);
         });
}

void KnowledgePanel::loadTransE()
{
    const QString dir = folder_->text();
    post([d = dir.toStdString()] { return readTransEReport(d); },
         [this, dir](const TransEReport& r) {
             showReport(r, tr("loaded from %1").arg(dir));
             status_->setText(tr("Loaded the embeddings in %1.").arg(dir));
             Q_EMIT transEFinished();
         });
}

void KnowledgePanel::trainTransE(int epochs)
{
    epochs_->setValue(epochs);
    TransEOptions o;
    o.dim = dim_->value();
    o.epochs = epochs;
    o.lr = lr_->value();
    o.margin = margin_->value();
    o.norm = norm_->currentData().toInt();
    const QString dir = folder_->text();
    if (dir == q(shippedTransEDir())) folder_->setText(q(userTransEDir()));
    train_->setEnabled(false);
    stopButton_->setEnabled(true);
    progress_->setRange(0, epochs);
    progress_->setValue(0);
    lossPlot_->graph(0)->data()->clear();
    status_->setText(tr("Grounding the Brown text and building the graph, then training..."));
    stop_->store(false);
    post(
        [this, o, d = folder_->text().toStdString(), stop = stop_] {
            return runTransE(o, KgBuildOptions{}, d, [this, stop](int e, double loss) {
                QMetaObject::invokeMethod(this, [this, e, loss] {
                    progress_->setValue(e);
                    lossPlot_->graph(0)->addData(e, loss);
                    lossPlot_->rescaleAxes();
                    lossPlot_->replot(QCustomPlot::rpQueuedReplot);
                    status_->setText(tr("Epoch %1: loss %2").arg(e).arg(loss, 0, 'f', 4));
                }, Qt::QueuedConnection);
                return !stop->load();
            });
        },
        [this](const TransEReport& r) {
            train_->setEnabled(true);
            stopButton_->setEnabled(false);
            showReport(r, tr("trained now"));
            status_->setText(tr("Trained in %1 s and saved to %2.").arg(r.seconds, 0, 'f', 0).arg(folder_->text()));
            Q_EMIT transEFinished();
            Q_EMIT transETrained();
        });
}

void KnowledgePanel::stopTransE() { stop_->store(true); }

void KnowledgePanel::predict(const QString& entity, const QString& relation, bool tails)
{
    entity_->setText(entity);
    if (relation_->findText(relation) < 0) relation_->addItem(relation);
    relation_->setCurrentIndex(relation_->findText(relation));
    direction_->setCurrentIndex(tails ? 0 : 1);
    status_->setText(tr("Ranking every entity..."));
    post(
        [d = folder_->text().toStdString(), e = entity.trimmed().toStdString(), rel = relation.toStdString(), tails] {
            std::vector<std::pair<TransEPrediction, std::string>> out;
            for (auto& p : predictTransE(d, e, rel, tails, 10)) out.push_back({p, synsetDefinition(p.entity)});
            return out;
        },
        [this](const std::vector<std::pair<TransEPrediction, std::string>>& best) {
            predictions_->setRowCount(static_cast<int>(best.size()));
            for (int i = 0; i < static_cast<int>(best.size()); ++i) {
                const auto& [p, gloss] = best[static_cast<std::size_t>(i)];
                predictions_->setItem(i, 0, cell(QString::number(i + 1)));
                predictions_->setItem(i, 1, cell(q(p.entity), p.known));
                predictions_->setItem(i, 2, cell(QString::number(p.distance, 'f', 3)));
                predictions_->setItem(i, 3, cell(p.known ? tr("yes") : QString()));
                predictions_->setItem(i, 4, cell(q(gloss)));
            }
            status_->setText(tr("Ranked by distance ||h + r − t||; bold rows are links of the graph (train or held out)."));
            Q_EMIT predicted();
        });
}

} // namespace ui
} // namespace ptl

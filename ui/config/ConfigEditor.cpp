#include "ui/config/ConfigEditor.h"
#include "core/api/ParameterCount.h"
#include "core/api/Presets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

namespace ptl {
namespace ui {

namespace {
QString count(qint64 n) { return QLocale().toString(n); }
QString bytes(double b)
{
    if (b >= 1024.0 * 1024 * 1024) return QStringLiteral("%1 GiB").arg(b / (1024.0 * 1024 * 1024), 0, 'f', 2);
    return QStringLiteral("%1 MiB").arg(b / (1024.0 * 1024), 0, 'f', 1);
}
} // namespace

ConfigEditor::ConfigEditor(QWidget* parent) : QWidget(parent)
{
    qRegisterMetaType<ptl::JobSpec>();
    build();
    setPreset(QStringLiteral("bert-tiny"));
}

QSpinBox* ConfigEditor::intField(const QString& key, int min, int max, int step)
{
    auto* w = new QSpinBox(this);
    w->setRange(min, max);
    w->setSingleStep(step);
    w->setGroupSeparatorShown(true);
    fields_[key] = w;
    connect(w, &QSpinBox::valueChanged, this, &ConfigEditor::revalidate);
    return w;
}

QDoubleSpinBox* ConfigEditor::realField(const QString& key, double min, double max, int decimals, double step)
{
    auto* w = new QDoubleSpinBox(this);
    w->setRange(min, max);
    w->setDecimals(decimals);
    w->setSingleStep(step);
    fields_[key] = w;
    connect(w, &QDoubleSpinBox::valueChanged, this, &ConfigEditor::revalidate);
    return w;
}

void ConfigEditor::build()
{
    preset_ = new QComboBox(this);
    for (const Preset& p : presets()) preset_->addItem(QString::fromStdString(p.name), QString::fromStdString(p.name));
    for (int i = 0; i < preset_->count(); ++i)
        preset_->setItemData(i, QString::fromStdString(presets()[static_cast<std::size_t>(i)].description), Qt::ToolTipRole);
    name_ = new QLineEdit(this);
    name_->setPlaceholderText(tr("run name (default: the preset)"));
    family_ = new QLabel(this);

    auto* top = new QFormLayout;
    top->addRow(tr("Preset"), preset_);
    top->addRow(tr("Name"), name_);
    top->addRow(tr("Family"), family_);

    auto* modelBox = new QGroupBox(tr("Model"), this);
    modelForm_ = new QFormLayout(modelBox);
    modelForm_->addRow(tr("Layers"), intField(QStringLiteral("num_hidden_layers"), 1, 48));
    modelForm_->addRow(tr("Hidden size"), intField(QStringLiteral("hidden_size"), 8, 4096, 32));
    modelForm_->addRow(tr("Attention heads"), intField(QStringLiteral("num_attention_heads"), 1, 64));
    modelForm_->addRow(tr("Feed-forward size"), intField(QStringLiteral("intermediate_size"), 8, 16384, 64));
    modelForm_->addRow(tr("Embedding size E"), intField(QStringLiteral("embedding_size"), 8, 4096, 16));
    sharing_ = new QComboBox(this);
    sharing_->addItem(tr("none"), QStringLiteral("none"));
    sharing_->addItem(tr("attention"), QStringLiteral("attention"));
    sharing_->addItem(tr("feed-forward"), QStringLiteral("ffn"));
    sharing_->addItem(tr("all (ALBERT)"), QStringLiteral("all"));
    fields_[QStringLiteral("sharing")] = sharing_;
    modelForm_->addRow(tr("Cross-layer sharing"), sharing_);
    layerNorm_ = new QComboBox(this);
    layerNorm_->addItem(tr("post (BERT)"), QStringLiteral("post"));
    layerNorm_->addItem(tr("pre + final (GPT-2)"), QStringLiteral("pre"));
    fields_[QStringLiteral("layer_norm")] = layerNorm_;
    modelForm_->addRow(tr("LayerNorm"), layerNorm_);
    activation_ = new QComboBox(this);
    activation_->addItem(tr("GELU (erf)"), QStringLiteral("gelu"));
    activation_->addItem(tr("GELU (tanh)"), QStringLiteral("gelu_new"));
    fields_[QStringLiteral("hidden_act")] = activation_;
    modelForm_->addRow(tr("Activation"), activation_);
    modelForm_->addRow(tr("Hidden dropout"), realField(QStringLiteral("hidden_dropout_prob"), 0, 0.9, 2, 0.05));
    modelForm_->addRow(tr("Attention dropout"), realField(QStringLiteral("attention_probs_dropout_prob"), 0, 0.9, 2, 0.05));
    modelForm_->addRow(tr("Max positions"), intField(QStringLiteral("max_position_embeddings"), 8, 8192, 64));
    auto* knowledge = intField(QStringLiteral("knowledge_layers"), 0, 48);
    knowledge->setToolTip(tr("ERNIE: how many of the last layers are the K-Encoder, which fuses the entities aligned with the "
                             "tokens (WordNet synsets, TransE vectors) into the token stream. 0: a plain BERT."));
    modelForm_->addRow(tr("K-Encoder layers (ERNIE)"), knowledge);
    modelForm_->addRow(tr("Entity attention heads"), intField(QStringLiteral("entity_heads"), 1, 64));

    auto* trainBox = new QGroupBox(tr("Training"), this);
    trainForm_ = new QFormLayout(trainBox);
    trainForm_->addRow(tr("Steps"), intField(QStringLiteral("steps"), 1, 10000000, 100));
    trainForm_->addRow(tr("Batch size"), intField(QStringLiteral("batch_size"), 1, 4096));
    trainForm_->addRow(tr("Sequence length"), intField(QStringLiteral("seq_len"), 8, 8192, 32));
    trainForm_->addRow(tr("Learning rate"), realField(QStringLiteral("lr"), 1e-6, 0.9, 6, 1e-4));
    trainForm_->addRow(tr("Warmup steps"), intField(QStringLiteral("warmup_steps"), 0, 1000000, 10));
    schedule_ = new QComboBox(this);
    schedule_->addItem(tr("linear decay"), QStringLiteral("linear"));
    schedule_->addItem(tr("cosine decay"), QStringLiteral("cosine"));
    fields_[QStringLiteral("schedule")] = schedule_;
    trainForm_->addRow(tr("Schedule"), schedule_);
    precision_ = new QComboBox(this);
    precision_->addItem(tr("auto"), QStringLiteral("auto"));
    precision_->addItem(tr("bf16 (autocast)"), QStringLiteral("bf16"));
    precision_->addItem(tr("fp32"), QStringLiteral("fp32"));
    fields_[QStringLiteral("precision")] = precision_;
    trainForm_->addRow(tr("Precision"), precision_);
    auto* threads = intField(QStringLiteral("threads"), 0, 256);
    threads->setSpecialValueText(tr("all cores"));
    trainForm_->addRow(tr("Threads"), threads);
    auto* processes = intField(QStringLiteral("processes"), 1, 64);
    processes->setToolTip(tr("Data-parallel training: this many processes on this machine, each taking an equal share of every batch; "
                             "their gradients are summed after each step (PyTorch's c10d with Gloo). For several machines use torchrun "
                             "or mpirun (README)."));
    trainForm_->addRow(tr("Processes on this machine"), processes);
    globalBatch_ = new QLabel(this);
    globalBatch_->setObjectName(QStringLiteral("globalBatch"));
    globalBatch_->setWordWrap(true);
    globalBatch_->setStyleSheet(QStringLiteral("color: #444;"));
    trainForm_->addRow(globalBatch_);  // the whole row: a wrapped sentence
    trainForm_->addRow(tr("Seed"), intField(QStringLiteral("seed"), 0, 2147483647));
    trainForm_->addRow(tr("Evaluate every"), intField(QStringLiteral("eval_every"), 1, 1000000, 10));
    trainForm_->addRow(tr("Checkpoint every"), intField(QStringLiteral("checkpoint_every"), 1, 1000000, 50));
    trainForm_->addRow(tr("Mask probability"), realField(QStringLiteral("mask_prob"), 0.01, 0.9, 3, 0.01));
    probe_ = new QLineEdit(this);
    trainForm_->addRow(tr("Probe sentence"), probe_);
    corpus_ = new QLineEdit(this);
    corpus_->setPlaceholderText(tr("bundled Brown corpus"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* corpusRow = new QHBoxLayout;
    corpusRow->addWidget(corpus_, 1);
    corpusRow->addWidget(browse);
    trainForm_->addRow(tr("Corpus"), corpusRow);
    extraCorpus_ = new QLineEdit(this);
    extraCorpus_->setObjectName(QStringLiteral("extra_corpus"));
    extraCorpus_->setPlaceholderText(tr("none"));
    extraCorpus_->setToolTip(tr("More text that only trains (a file or a folder of .txt files, e.g. the one "
                                "scripts/extra_corpus.py writes from WordNet and the King James Bible): the held-out "
                                "documents and the unigram baseline stay the corpus's, so the run is measured as one on the "
                                "corpus alone."));
    auto* browseExtra = new QPushButton(tr("Folder…"), this);
    auto* extraRow = new QHBoxLayout;
    extraRow->addWidget(extraCorpus_, 1);
    extraRow->addWidget(browseExtra);
    trainForm_->addRow(tr("Extra training text"), extraRow);

    auto* moreBox = new QGroupBox(tr("More (optimizer, objectives, bookkeeping)"), this);
    moreBox->setObjectName(QStringLiteral("more"));
    moreBox->setCheckable(true);
    moreBox->setChecked(false);  // folded until asked for
    auto* more = new QWidget(moreBox);
    auto* moreForm = new QFormLayout(more);
    auto* moreLayout = new QVBoxLayout(moreBox);
    moreLayout->addWidget(more);
    more->setVisible(false);
    connect(moreBox, &QGroupBox::toggled, more, &QWidget::setVisible);
    moreForm->addRow(tr("Weight decay"), realField(QStringLiteral("weight_decay"), 0, 1, 4, 0.01));
    moreForm->addRow(tr("Adam β1"), realField(QStringLiteral("beta1"), 0, 0.9999, 4, 0.01));
    moreForm->addRow(tr("Adam β2"), realField(QStringLiteral("beta2"), 0, 0.9999, 4, 0.001));
    moreForm->addRow(tr("Adam ε"), realField(QStringLiteral("eps"), 1e-12, 1e-2, 10, 1e-7));
    moreForm->addRow(tr("Gradient clipping (0: off)"), realField(QStringLiteral("clip_norm"), 0, 100, 2, 0.1));
    moreForm->addRow(tr("Gradient accumulation"), intField(QStringLiteral("grad_accum"), 1, 1024));
    moreForm->addRow(tr("Embedding dropout"), realField(QStringLiteral("embedding_dropout"), 0, 0.9, 2, 0.05));
    moreForm->addRow(tr("LayerNorm ε"), realField(QStringLiteral("layer_norm_eps"), 1e-12, 1e-2, 12, 1e-6));
    moreForm->addRow(tr("Init std"), realField(QStringLiteral("initializer_range"), 1e-4, 0.5, 4, 0.005));
    moreForm->addRow(tr("[MASK] share of selected"), realField(QStringLiteral("mask_ratio"), 0, 1, 2, 0.05));
    moreForm->addRow(tr("Random-token share"), realField(QStringLiteral("random_ratio"), 0, 1, 2, 0.05));
    moreForm->addRow(tr("Max predictions per sequence"), intField(QStringLiteral("max_predictions"), 1, 8192));
    wholeWord_ = new QCheckBox(tr("mask whole words"), this);
    fields_[QStringLiteral("whole_word")] = wholeWord_;
    moreForm->addRow(tr("Whole-word masking"), wholeWord_);
    moreForm->addRow(tr("n-gram masking up to n"), intField(QStringLiteral("max_ngram"), 1, 10));
    dynamic_ = new QCheckBox(tr("fresh masks every epoch"), this);
    fields_[QStringLiteral("dynamic_masking")] = dynamic_;
    moreForm->addRow(tr("Dynamic masking"), dynamic_);
    moreForm->addRow(tr("Short-sequence probability"), realField(QStringLiteral("short_seq_prob"), 0, 1, 2, 0.05));
    auto* startLen = intField(QStringLiteral("start_seq_len"), 0, 4096);
    startLen->setToolTip(tr("BERT's schedule: train the first steps on shorter sequences (as many tokens a step), then on the full "
                            "length. 0: off."));
    moreForm->addRow(tr("Start on sequences of (0: off)"), startLen);
    moreForm->addRow(tr("… for this share of the steps"), realField(QStringLiteral("start_seq_share"), 0, 1, 2, 0.05));
    sinusoidal_ = new QCheckBox(tr("start the position embeddings as sinusoids"), this);
    sinusoidal_->setToolTip(tr("Vaswani et al.'s sin/cos table as the initial value of the learned position embeddings (an init "
                               "only; the checkpoint layout stays Hugging Face's)"));
    fields_[QStringLiteral("sinusoidal_positions")] = sinusoidal_;
    moreForm->addRow(tr("Position init"), sinusoidal_);
    dynamics_ = new QCheckBox(tr("record what the model learns first"), this);
    dynamics_->setToolTip(tr("At each evaluation: held-out accuracy by word class and the structure of every attention head "
                             "(the 'What it learns first' tab)"));
    fields_[QStringLiteral("dynamics")] = dynamics_;
    moreForm->addRow(tr("Training dynamics"), dynamics_);
    moreForm->addRow(tr("Held-out share"), realField(QStringLiteral("held_out"), 0.01, 0.49, 2, 0.01));
    moreForm->addRow(tr("Eval batches"), intField(QStringLiteral("eval_batches"), 1, 10000));
    moreForm->addRow(tr("Log every"), intField(QStringLiteral("log_every"), 1, 100000));
    moreForm->addRow(tr("Probe every"), intField(QStringLiteral("probe_every"), 1, 100000));
    moreForm->addRow(tr("Keep last checkpoints (0: all)"), intField(QStringLiteral("keep_last"), 0, 1000));
    pairLoss_ = new QCheckBox(tr("train NSP / SOP too"), this);
    pairLoss_->setToolTip(tr("BERT and ALBERT: off trains the masked LM alone (the paper's BERT baseline in ELECTRA's comparison)"));
    fields_[QStringLiteral("pair_loss")] = pairLoss_;
    moreForm->addRow(tr("Sentence-pair loss"), pairLoss_);
    moreForm->addRow(tr("ELECTRA generator size (× hidden)"), realField(QStringLiteral("generator_ratio"), 0.05, 1, 3, 0.05));
    moreForm->addRow(tr("ELECTRA λ (discriminator weight)"), realField(QStringLiteral("disc_weight"), 0, 1000, 1, 5));
    moreForm->addRow(tr("ELECTRA sampling temperature"), realField(QStringLiteral("gen_temperature"), 0.01, 10000, 2, 0.1));
    auto* tempStart = realField(QStringLiteral("gen_temperature_start"), 0, 10000, 2, 0.5);
    tempStart->setToolTip(tr("A curriculum: the generator samples at this temperature first and moves linearly to the sampling "
                             "temperature (a higher one gives easier, less plausible replacements). 0: off."));
    moreForm->addRow(tr("ELECTRA temperature at the start (0: off)"), tempStart);
    moreForm->addRow(tr("… reached after steps (0: the whole run)"), intField(QStringLiteral("gen_temperature_steps"), 0, 10000000));
    replacements_ = new QComboBox(this);
    replacements_->setObjectName(QStringLiteral("replacements"));
    replacements_->addItem(tr("the generator's samples (ELECTRA)"), QStringLiteral("generator"));
    replacements_->addItem(tr("random words by corpus frequency (a test of context)"), QStringLiteral("unigram"));
    replacements_->setToolTip(tr("With random words drawn by frequency, a discriminator that ignores context can do no better "
                                 "than AUC 0.5; one that reads the sentence climbs above it."));
    fields_[QStringLiteral("replacements")] = replacements_;
    moreForm->addRow(tr("ELECTRA replacements"), replacements_);
    generatorFrom_ = new QLineEdit(this);
    generatorFrom_->setPlaceholderText(tr("a new generator"));
    generatorFrom_->setToolTip(tr("An ELECTRA checkpoint folder: the generator starts from its generator/"));
    auto* browseGen = new QPushButton(tr("Browse…"), this);
    auto* genRow = new QHBoxLayout;
    genRow->addWidget(generatorFrom_, 1);
    genRow->addWidget(browseGen);
    moreForm->addRow(tr("ELECTRA generator from"), genRow);
    freezeGenerator_ = new QCheckBox(tr("keep that generator fixed"), this);
    freezeGenerator_->setToolTip(tr("A fresh discriminator learns against a generator that no longer changes"));
    fields_[QStringLiteral("freeze_generator")] = freezeGenerator_;
    moreForm->addRow(tr("Freeze the generator"), freezeGenerator_);
    discriminatorFrom_ = new QLineEdit(this);
    discriminatorFrom_->setPlaceholderText(tr("a new discriminator"));
    discriminatorFrom_->setToolTip(tr("A BERT or ELECTRA checkpoint folder of the same shape: the discriminator's embeddings and layers "
                                      "start from its encoder, so it reads context from the first step"));
    auto* browseDisc = new QPushButton(tr("Browse…"), this);
    auto* discRow = new QHBoxLayout;
    discRow->addWidget(discriminatorFrom_, 1);
    discRow->addWidget(browseDisc);
    moreForm->addRow(tr("ELECTRA discriminator from"), discRow);
    connect(browseDisc, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("BERT or ELECTRA checkpoint folder"));
        if (!d.isEmpty()) discriminatorFrom_->setText(d);
    });
    connect(discriminatorFrom_, &QLineEdit::textChanged, this, &ConfigEditor::revalidate);
    knowledgeDir_ = new QLineEdit(this);
    knowledgeDir_->setPlaceholderText(tr("the shipped WordNet TransE embeddings"));
    knowledgeDir_->setToolTip(tr("ERNIE: a TransE folder (pretrainlab-cli transe train) whose entity vectors feed the K-Encoder"));
    auto* browseKnowledge = new QPushButton(tr("Browse…"), this);
    auto* knowledgeRow = new QHBoxLayout;
    knowledgeRow->addWidget(knowledgeDir_, 1);
    knowledgeRow->addWidget(browseKnowledge);
    moreForm->addRow(tr("ERNIE entity table"), knowledgeRow);
    connect(browseKnowledge, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("TransE folder"));
        if (!d.isEmpty()) knowledgeDir_->setText(d);
    });
    auto* entityMask = realField(QStringLiteral("entity_mask_prob"), 0, 1, 2, 0.05);
    entityMask->setToolTip(tr("ERNIE's denoising entity auto-encoder: the share of aligned entities hidden from the entity stream "
                              "(the model must still name them)"));
    moreForm->addRow(tr("ERNIE: entities hidden"), entityMask);
    moreForm->addRow(tr("ERNIE: entities swapped for random ones"), realField(QStringLiteral("entity_random_prob"), 0, 1, 2, 0.05));
    moreForm->addRow(tr("ERNIE: dEA loss weight"), realField(QStringLiteral("dea_weight"), 0, 100, 2, 0.1));
    connect(browseGen, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("ELECTRA checkpoint with a generator/ folder"));
        if (!d.isEmpty()) generatorFrom_->setText(d);
    });
    connect(replacements_, &QComboBox::currentIndexChanged, this, &ConfigEditor::revalidate);
    connect(generatorFrom_, &QLineEdit::textChanged, this, &ConfigEditor::revalidate);
    for (QCheckBox* c : {wholeWord_, dynamic_, pairLoss_, sinusoidal_, dynamics_, freezeGenerator_}) connect(c, &QCheckBox::toggled, this, &ConfigEditor::revalidate);

    breakdown_ = new QLabel(this);
    breakdown_->setTextFormat(Qt::RichText);
    breakdown_->setWordWrap(true);
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    start_ = new QPushButton(tr("Start training"), this);
    start_->setDefault(true);

    auto* inner = new QWidget(this);
    auto* v = new QVBoxLayout(inner);
    v->addLayout(top);
    v->addWidget(modelBox);
    v->addWidget(trainBox);
    v->addWidget(moreBox);
    v->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Every field visible without scrolling sideways: a label too long to sit beside its
    // field goes above it, long item texts do not widen the form, and the dock is at least
    // as wide as what is left.
    for (QFormLayout* f : {modelForm_, trainForm_, moreForm}) f->setRowWrapPolicy(QFormLayout::WrapLongRows);
    for (QComboBox* c : inner->findChildren<QComboBox*>()) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(10);
    }
    more->setVisible(true);  // measured unfolded
    scroll->setMinimumWidth(inner->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 16);
    more->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(scroll, 1);
    layout->addWidget(breakdown_);
    layout->addWidget(error_);
    layout->addWidget(start_);

    connect(preset_, &QComboBox::currentIndexChanged, this, &ConfigEditor::onPresetChanged);
    for (QComboBox* c : {sharing_, layerNorm_, activation_, schedule_, precision_})
        connect(c, &QComboBox::currentIndexChanged, this, &ConfigEditor::revalidate);
    for (QLineEdit* e : {name_, corpus_, extraCorpus_, probe_}) connect(e, &QLineEdit::textChanged, this, &ConfigEditor::revalidate);
    connect(browseExtra, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Folder of extra training text"));
        if (!d.isEmpty()) extraCorpus_->setText(d);
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Corpus text file"), QString(), tr("Text files (*.txt);;All files (*)"));
        if (!f.isEmpty()) corpus_->setText(f);
    });
    connect(start_, &QPushButton::clicked, this, [this] {
        if (message_.isEmpty()) Q_EMIT startRequested(spec());
    });
}

void ConfigEditor::setPreset(const QString& name)
{
    const int i = preset_->findData(name);
    if (i >= 0 && i != preset_->currentIndex()) preset_->setCurrentIndex(i);
    else onPresetChanged();
}

void ConfigEditor::onPresetChanged()
{
    if (updating_) return;
    setSpec(JobSpec::fromPreset(preset_->currentData().toString().toStdString()));
}

static void setCombo(QComboBox* c, const std::string& v)
{
    const int i = c->findData(QString::fromStdString(v));
    if (i >= 0) c->setCurrentIndex(i);
}

void ConfigEditor::setSpec(const JobSpec& s)
{
    updating_ = true;
    base_ = s;
    if (!s.preset.empty()) {
        const int i = preset_->findData(QString::fromStdString(s.preset));
        if (i >= 0) preset_->setCurrentIndex(i);
    }
    const ModelConfig& m = s.model;
    const TrainConfig& t = s.train;
    auto setInt = [&](const char* k, long long v) { static_cast<QSpinBox*>(fields_[QLatin1String(k)])->setValue(static_cast<int>(v)); };
    auto setReal = [&](const char* k, double v) { static_cast<QDoubleSpinBox*>(fields_[QLatin1String(k)])->setValue(v); };
    setInt("num_hidden_layers", m.num_layers);
    setInt("hidden_size", m.hidden_size);
    setInt("num_attention_heads", m.num_heads);
    setInt("intermediate_size", m.intermediate_size);
    setInt("embedding_size", m.embedding_size);
    setInt("max_position_embeddings", m.max_position_embeddings);
    setReal("hidden_dropout_prob", m.hidden_dropout);
    setReal("attention_probs_dropout_prob", m.attention_dropout);
    setCombo(sharing_, toString(m.sharing));
    setCombo(layerNorm_, toString(m.layer_norm));
    setCombo(activation_, toString(m.activation));
    setInt("steps", t.steps);
    setInt("batch_size", t.batch_size);
    setInt("seq_len", t.seq_len);
    setReal("lr", t.lr);
    setInt("warmup_steps", t.warmup_steps);
    setCombo(schedule_, t.schedule);
    setCombo(precision_, toString(t.precision));
    setInt("threads", t.threads);
    setInt("processes", t.processes);
    setInt("seed", static_cast<long long>(t.seed));
    setInt("eval_every", t.eval_every);
    setInt("checkpoint_every", t.checkpoint_every);
    setReal("mask_prob", t.mask_prob);
    setReal("weight_decay", t.weight_decay);
    setReal("beta1", t.beta1);
    setReal("beta2", t.beta2);
    setReal("eps", t.eps);
    setReal("clip_norm", t.clip_norm);
    setInt("grad_accum", t.grad_accum);
    setReal("embedding_dropout", m.embedding_dropout);
    setReal("layer_norm_eps", m.layer_norm_eps);
    setReal("initializer_range", m.initializer_range);
    setReal("mask_ratio", t.mask_ratio);
    setReal("random_ratio", t.random_ratio);
    setInt("max_predictions", t.max_predictions);
    wholeWord_->setChecked(t.whole_word);
    setInt("max_ngram", t.max_ngram);
    dynamic_->setChecked(t.dynamic_masking);
    pairLoss_->setChecked(t.pair_loss);
    setReal("generator_ratio", m.generator_ratio);
    setInt("knowledge_layers", m.knowledge_layers);
    setInt("entity_heads", m.entity_heads);
    knowledgeDir_->setText(QString::fromStdString(t.knowledge));
    setReal("entity_mask_prob", t.entity_mask_prob);
    setReal("entity_random_prob", t.entity_random_prob);
    setReal("dea_weight", t.dea_weight);
    setReal("disc_weight", t.disc_weight);
    setReal("gen_temperature", t.gen_temperature);
    setReal("gen_temperature_start", t.gen_temperature_start);
    setInt("gen_temperature_steps", t.gen_temperature_steps);
    setCombo(replacements_, t.replacements);
    generatorFrom_->setText(QString::fromStdString(t.generator_from));
    freezeGenerator_->setChecked(t.freeze_generator);
    discriminatorFrom_->setText(QString::fromStdString(t.discriminator_from));
    setReal("short_seq_prob", t.short_seq_prob);
    setInt("start_seq_len", t.start_seq_len);
    setReal("start_seq_share", t.start_seq_share);
    sinusoidal_->setChecked(m.sinusoidal_positions);
    dynamics_->setChecked(t.dynamics);
    setReal("held_out", t.held_out);
    setInt("eval_batches", t.eval_batches);
    setInt("log_every", t.log_every);
    setInt("probe_every", t.probe_every);
    setInt("keep_last", t.keep_last);
    probe_->setText(QString::fromStdString(t.probe_text));
    corpus_->setText(QString::fromStdString(s.corpus));
    extraCorpus_->setText(QString::fromStdString(s.extra_corpus));
    for (QLineEdit* e : {corpus_, extraCorpus_}) e->setCursorPosition(0);  // a long path shows its start in a narrow dock
    name_->setText(s.name == s.preset ? QString() : QString::fromStdString(s.name));
    family_->setText(QStringLiteral("%1 · %2").arg(QString::fromStdString(toString(m.family)), QString::fromStdString(s.objective())));
    updating_ = false;
    revalidate();
}

bool ConfigEditor::setFromConfigJson(const QString& json, QString* error)
{
    try {
        JobSpec s = JobSpec::fromJson(nlohmann::json::parse(json.toStdString()));
        s.name = s.name.empty() ? s.preset : s.name + " (copy)";
        setSpec(s);
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
}

JobSpec ConfigEditor::spec() const
{
    JobSpec s = base_;
    ModelConfig& m = s.model;
    TrainConfig& t = s.train;
    auto i = [&](const char* k) { return static_cast<QSpinBox*>(fields_[QLatin1String(k)])->value(); };
    auto r = [&](const char* k) { return static_cast<QDoubleSpinBox*>(fields_[QLatin1String(k)])->value(); };
    m.num_layers = i("num_hidden_layers");
    m.hidden_size = i("hidden_size");
    m.num_heads = i("num_attention_heads");
    m.intermediate_size = i("intermediate_size");
    m.embedding_size = i("embedding_size");
    m.max_position_embeddings = i("max_position_embeddings");
    m.hidden_dropout = r("hidden_dropout_prob");
    m.embedding_dropout = r("embedding_dropout");
    m.layer_norm_eps = r("layer_norm_eps");
    m.initializer_range = r("initializer_range");
    m.attention_dropout = r("attention_probs_dropout_prob");
    m.sharing = sharingFromString(sharing_->currentData().toString().toStdString());
    m.layer_norm = layerNorm_->currentData().toString() == QLatin1String("pre") ? LayerNormPlacement::Pre : LayerNormPlacement::Post;
    m.activation = activation_->currentData().toString() == QLatin1String("gelu") ? Activation::Gelu : Activation::GeluNew;
    t.steps = i("steps");
    t.batch_size = i("batch_size");
    t.seq_len = i("seq_len");
    t.lr = r("lr");
    t.warmup_steps = i("warmup_steps");
    t.schedule = schedule_->currentData().toString().toStdString();
    s.set("precision", precision_->currentData().toString().toStdString());
    t.threads = i("threads");
    t.processes = i("processes");
    t.seed = static_cast<std::uint64_t>(i("seed"));
    t.eval_every = i("eval_every");
    t.checkpoint_every = i("checkpoint_every");
    t.mask_prob = r("mask_prob");
    t.weight_decay = r("weight_decay");
    t.beta1 = r("beta1");
    t.beta2 = r("beta2");
    t.eps = r("eps");
    t.clip_norm = r("clip_norm");
    t.grad_accum = i("grad_accum");
    t.mask_ratio = r("mask_ratio");
    t.random_ratio = r("random_ratio");
    t.max_predictions = i("max_predictions");
    t.whole_word = wholeWord_->isChecked();
    t.max_ngram = i("max_ngram");
    t.dynamic_masking = dynamic_->isChecked();
    t.pair_loss = pairLoss_->isChecked();
    m.generator_ratio = r("generator_ratio");
    m.knowledge_layers = i("knowledge_layers");
    m.entity_heads = i("entity_heads");
    t.knowledge = knowledgeDir_->text().trimmed().toStdString();
    t.entity_mask_prob = r("entity_mask_prob");
    t.entity_random_prob = r("entity_random_prob");
    t.dea_weight = r("dea_weight");
    t.disc_weight = r("disc_weight");
    t.gen_temperature = r("gen_temperature");
    t.gen_temperature_start = r("gen_temperature_start");
    t.gen_temperature_steps = i("gen_temperature_steps");
    t.replacements = replacements_->currentData().toString().toStdString();
    t.generator_from = generatorFrom_->text().trimmed().toStdString();
    t.freeze_generator = freezeGenerator_->isChecked();
    t.discriminator_from = discriminatorFrom_->text().trimmed().toStdString();
    t.short_seq_prob = r("short_seq_prob");
    t.start_seq_len = i("start_seq_len");
    t.start_seq_share = r("start_seq_share");
    m.sinusoidal_positions = sinusoidal_->isChecked();
    t.dynamics = dynamics_->isChecked();
    t.held_out = r("held_out");
    t.eval_batches = i("eval_batches");
    t.log_every = i("log_every");
    t.probe_every = i("probe_every");
    t.keep_last = i("keep_last");
    t.probe_text = probe_->text().toStdString();
    s.corpus = corpus_->text().trimmed().toStdString();
    s.extra_corpus = extraCorpus_->text().trimmed().toStdString();
    s.name = name_->text().trimmed().isEmpty() ? s.preset : name_->text().trimmed().toStdString();
    return s;
}

void ConfigEditor::revalidate()
{
    if (updating_) return;
    const JobSpec s = spec();
    message_ = QString::fromStdString(s.validate());
    // The field named by the message is outlined, with the rule as its tooltip.
    const QString field = message_.section(QLatin1Char(':'), 0, 0).trimmed();
    for (auto it = fields_.begin(); it != fields_.end(); ++it) {
        const bool bad = !message_.isEmpty() && (it.key() == field || (field == QLatin1String("seq_len") && it.key() == QLatin1String("seq_len")));
        it.value()->setStyleSheet(bad ? QStringLiteral("border: 2px solid #b00020;") : QString());
        it.value()->setToolTip(bad ? message_ : QString());
    }
    error_->setText(message_.isEmpty() ? QString() : tr("Cannot start: %1").arg(message_));
    // The effective global batch, and each process's share of it.
    {
        const auto& t = s.train;
        const qint64 tokens = static_cast<qint64>(t.batch_size) * t.seq_len * t.grad_accum;
        QString text = tr("Global batch: %1 × %2 tokens%3 = %4 tokens a step.")
                           .arg(t.batch_size)
                           .arg(t.seq_len)
                           .arg(t.grad_accum > 1 ? tr(" × %1 accumulated").arg(t.grad_accum) : QString())
                           .arg(count(tokens));
        if (t.processes > 1) {
            text += QLatin1Char(' ') + (t.batch_size % t.processes == 0
                                            ? tr("Each of the %1 processes takes %2 sequences.").arg(t.processes).arg(t.batch_size / t.processes)
                                            : tr("It does not split evenly among %1 processes.").arg(t.processes));
        }
        globalBatch_->setText(text);
    }
    start_->setEnabled(message_.isEmpty() && startAllowed_);
    if (!s.model.validate().empty()) {
        breakdown_->setText(tr("<i>Fix the model fields to see its parameter count.</i>"));
        shownTotal_ = 0;
        return;
    }
    const ParameterBreakdown b = countParameters(s.model);
    shownTotal_ = b.total;
    QString html = QStringLiteral("<table cellspacing='2'>");
    auto row = [&](const QString& label, qint64 v, const QString& note = {}) {
        html += QStringLiteral("<tr><td>%1</td><td align='right' style='white-space:nowrap'>%2</td><td style='color:#666'>&nbsp;%3</td></tr>").arg(label, count(v), note);
    };
    const auto& m = s.model;
    row(tr("Embeddings"), b.embeddings,
        m.hasEmbeddingProjection() ? tr("V×E + E×H = %1×%2 + %2×%3").arg(m.vocab_size).arg(m.embedding_size).arg(m.hidden_size)
                                   : tr("V×H = %1×%2").arg(m.vocab_size).arg(m.hidden_size));
    const bool sa = m.sharing == Sharing::Attention || m.sharing == Sharing::All;
    const bool sf = m.sharing == Sharing::Ffn || m.sharing == Sharing::All;
    row(tr("Attention"), b.attention, sa ? tr("1 shared block") : tr("%1 layers").arg(m.num_layers));
    row(tr("Feed-forward"), b.ffn, sf ? tr("1 shared block") : tr("%1 layers").arg(m.num_layers));
    if (b.final_norm) row(tr("Final LayerNorm"), b.final_norm);
    row(tr("Heads"), b.heads,
        m.family == Family::Gpt2      ? tr("LM head tied to the embeddings")
        : m.family == Family::Electra ? tr("dense + dense(1)")
                                      : tr("pooler, NSP/SOP, MLM transform"));
    if (b.knowledge)
        row(tr("Knowledge (ERNIE)"), b.knowledge,
            tr("%1 K-Encoder layers: entity attention, fusion; dEA head (entity table frozen)").arg(m.knowledge_layers));
    qint64 total = b.total;
    if (m.family == Family::Electra) {
        // The generator shares the token/position/type embeddings and their LayerNorm.
        const ModelConfig g = m.generatorConfig();
        const qint64 shared = static_cast<qint64>(g.vocab_size + g.max_position_embeddings + g.type_vocab_size) * g.embedding_size + 2 * g.embedding_size;
        const qint64 own = countParameters(g).total - shared;
        row(tr("Generator"), own, tr("H%1, embeddings shared").arg(g.hidden_size));
        total += own;
    }
    shownTotal_ = total;
    html += QStringLiteral("<tr><td><b>%1</b></td><td align='right' style='white-space:nowrap'><b>%2</b></td><td></td></tr>").arg(tr("Total"), count(total));
    html += QStringLiteral("</table>");
    if (b.saved() > 0) html += tr("<br>%1 parameters saved versus unshared (%2).").arg(count(b.saved()), count(b.unshared_total));
    // Memory: core's estimate (the one a job is refused by), against what this machine has free.
    const MemoryEstimate mem = estimateTrainingMemory(m, std::max(1, s.train.batch_size / std::max(1, s.train.processes)), s.train.seq_len);
    const double need = mem.total() * std::max(1, s.train.processes), have = availableMemoryBytes();
    html += tr("<br>Memory: weights + gradients + Adam %1; activations for %2 × %3 about %4.")
                .arg(bytes(mem.state))
                .arg(s.train.batch_size)
                .arg(s.train.seq_len)
                .arg(bytes(mem.activations));
    if (have > 0 && need > 0.9 * have)
        html += tr("<br><span style='color:#b00020'>More than this machine has free (%1): the run would be refused. Lower the "
                   "batch size, the sequence length or the model's size.</span>").arg(bytes(have));
    breakdown_->setText(html);
}

void ConfigEditor::setStartEnabled(bool enabled)
{
    startAllowed_ = enabled;
    start_->setEnabled(enabled && message_.isEmpty());
    start_->setText(enabled ? tr("Start training") : tr("A run is training…"));
}

} // namespace ui
} // namespace ptl

#pragma once
// Knowledge (ERNIE, KagNET): WordNet 3.0 as the knowledge graph. Four tabs:
//  - WordNet: a word's senses (most frequent first) with gloss, examples and every
//    relation; a related synset opens with a double click.
//  - Entity alignment: a sentence grounded in WordNet, each mention's synset drawn
//    under its words (AlignmentView) and listed with its gloss and hypernym.
//  - TransE: train entity embeddings over the graph the corpus grounds, watch the loss,
//    read link prediction against the popularity and random baselines, and ask which
//    entities complete (h, r, ?) or (?, r, t).
//  - ERNIE: a sentence through an ERNIE checkpoint: the entity on each token, how far the
//    fusion moved each token, the K-Encoder's entity attention, and [MASK] guesses with
//    and without the entities (FusionView).
//  - KagNET: a commonsense question and its choices through a KagNET model: each choice's
//    score beside the BERT-only scorer's, its schema graph (SchemaGraphView) with the paths
//    the attention weighs most, and the ranked paths; test questions of the task on a click.
// WordNet is read on a worker thread the first time a tab needs it.
#include "core/api/Knowledge.h"

#include <QStringList>
#include <QThread>
#include <QWidget>
#include <atomic>
#include <memory>
#include <utility>
#include <vector>

class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;

namespace ptl {
namespace ui {

class AlignmentView;
class FusionView;
class SchemaGraphView;

class KnowledgePanel : public QWidget {
    Q_OBJECT
public:
    explicit KnowledgePanel(QWidget* parent = nullptr);
    ~KnowledgePanel() override;

    void lookUp(const QString& word);
    void ground(const QString& text);
    void setTransEFolder(const QString& dir);
    void trainTransE(int epochs);
    void stopTransE();
    void predict(const QString& entity, const QString& relation, bool tails);
    void inspectErnie(const QString& folder, const QString& text);
    void askKagNet(const QString& folder, const QString& question, const QStringList& choices);
    void sampleQuestion();  // the next test question of the commonsense task into the fields

    QTableWidget* kagnetChoices() const { return kagChoices_; }
    QTableWidget* kagnetPaths() const { return kagPaths_; }
    SchemaGraphView* schemaView() const { return schema_; }
    QLabel* kagnetSummary() const { return kagSummary_; }
    const KagNetAnswer& kagnet() const { return kagnet_; }
    QLineEdit* kagnetQuestion() const { return kagQuestion_; }

    QTabWidget* tabs() const { return tabs_; }
    QListWidget* senses() const { return senses_; }
    QTreeWidget* relations() const { return relations_; }
    AlignmentView* alignment() const { return alignment_; }
    QTableWidget* mentionTable() const { return mentions_; }
    QTableWidget* linkTable() const { return linkTable_; }
    QTableWidget* predictions() const { return predictions_; }
    QLabel* statusLabel() const { return status_; }
    const TransEReport& report() const { return report_; }
    FusionView* fusionView() const { return fusion_; }
    QTableWidget* ernieGuesses() const { return guesses_; }
    QLabel* ernieSummary() const { return ernieSummary_; }
    const ErnieInspection& ernie() const { return ernie_; }

Q_SIGNALS:
    void lookedUp();
    void grounded();
    void transEFinished();  // loaded or trained (report() holds the figures), or failed
    void transETrained();   // a training started by trainTransE() finished (or failed)
    void predicted();
    void ernieInspected();  // or failed
    void kagnetAnswered();  // or failed
    void questionSampled();

private:
    template <typename Work, typename Deliver>
    void post(Work work, Deliver deliver);
    void showSense(int row);
    void showReport(const TransEReport& r, const QString& source);
    void loadTransE();
    void fail(const QString& message);
    void buildErnieTab();
    void showErnieAttention();
    void buildKagNetTab();
    void showKagNetChoice(int row);
    void showKagNetModel();

    QThread thread_;
    QObject* worker_ = nullptr;
    std::shared_ptr<std::atomic<bool>> stop_;
    QTabWidget* tabs_ = nullptr;
    QLabel* status_ = nullptr;
    // WordNet
    QLineEdit* word_ = nullptr;
    QListWidget* senses_ = nullptr;
    QTextBrowser* gloss_ = nullptr;
    QTreeWidget* relations_ = nullptr;
    struct SenseInfo {
        QString name, pos, lemmas, definition;
        QStringList examples;
        std::vector<std::pair<QString, QStringList>> relations;  // relation name -> synset names
    };
    std::vector<SenseInfo> senseData_;
    // Entity alignment
    QLineEdit* sentence_ = nullptr;
    AlignmentView* alignment_ = nullptr;
    QTableWidget* mentions_ = nullptr;
    // TransE
    QLineEdit* folder_ = nullptr;
    QSpinBox *dim_ = nullptr, *epochs_ = nullptr;
    QDoubleSpinBox *lr_ = nullptr, *margin_ = nullptr;
    QComboBox* norm_ = nullptr;
    QPushButton *train_ = nullptr, *stopButton_ = nullptr, *load_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QCustomPlot* lossPlot_ = nullptr;
    QTableWidget* linkTable_ = nullptr;
    QTableWidget* byRelation_ = nullptr;
    QLabel* graphLabel_ = nullptr;
    QLineEdit* entity_ = nullptr;
    QComboBox* relation_ = nullptr;
    QComboBox* direction_ = nullptr;
    QTableWidget* predictions_ = nullptr;
    TransEReport report_;
    // ERNIE
    QLineEdit *ernieFolder_ = nullptr, *ernieText_ = nullptr;
    QComboBox *layerBox_ = nullptr, *headBox_ = nullptr;
    FusionView* fusion_ = nullptr;
    QTableWidget* guesses_ = nullptr;
    QLabel* ernieSummary_ = nullptr;
    ErnieInspection ernie_;
    // KagNET
    QLineEdit *kagFolder_ = nullptr, *kagQuestion_ = nullptr;
    std::vector<QLineEdit*> kagChoiceEdits_;
    QLabel *kagModel_ = nullptr, *kagSummary_ = nullptr;
    QTableWidget *kagChoices_ = nullptr, *kagPaths_ = nullptr;
    SchemaGraphView* schema_ = nullptr;
    KagNetAnswer kagnet_;
    std::shared_ptr<const std::vector<std::pair<std::string, std::vector<std::string>>>> samples_;  // test questions (stem, choices)
    std::vector<int> sampleAnswers_;
    int nextSample_ = 0;
};

} // namespace ui
} // namespace ptl

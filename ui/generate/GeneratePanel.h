#pragma once
// The generation view (issue 13): a prompt, the decoding fields, the text streaming in with
// each token coloured by the model's rank of it (GLTR: top 10, 100, 1000, beyond). Click a
// token to see that step's candidate distribution: the top 20 with the model's
// probability, the probability after the penalties and the temperature, which of them the
// rule kept (top-k / top-p) and the renormalised probability it drew from. Beam search
// adds the tree of hypotheses with their scores, pruned and finished ones marked; "three
// ways" continues the prompt greedily, by beam search and by sampling side by side.
#include "core/api/Generate.h"

#include <QWidget>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTimer;
class QTreeWidget;

namespace ptl {
namespace ui {

class Generator;

class GeneratePanel : public QWidget {
    Q_OBJECT
public:
    explicit GeneratePanel(QWidget* parent = nullptr);

    void setCheckpoint(const QString& dir);
    QString checkpoint() const;
    void setPrompt(const QString& text);
    void setStrategy(const QString& strategy);  // greedy | beam | sample
    GenerateOptions options() const;
    void generateNow();
    void compareNow();  // greedy, beam and sampling side by side

    // The GLTR colour of a rank.
    static QColor rankColor(int rank);
    // Why a generation ended, for a reader ("max_new_tokens" -> "the token limit").
    static QString stopReasonText(const std::string& reason);

    // For tests and screenshots.
    const GenerateResult& result() const { return result_; }
    const std::vector<GenerateResult>& comparison() const { return comparison_; }
    int selectedStep() const { return selected_; }
    void selectStep(int index);
    QTextBrowser* textView() const { return text_; }
    QTableWidget* candidatesTable() const { return table_; }
    QTreeWidget* beamTree() const { return tree_; }
    QTabWidget* tabs() const { return tabs_; }
    QLabel* statusLabel() const { return status_; }

Q_SIGNALS:
    void generated();  // a generation (or the side-by-side set) finished or failed
    void stepShown(int index);

private:
    void updateFields();
    void redraw();
    void showStep(int index);
    void showTree();
    void showComparison();
    QString coloured(const std::vector<GenStep>& steps, int selected) const;
    void finish(const GenerateResult& r);
    void fail(const QString& message);

    Generator* generator_ = nullptr;
    QLineEdit* checkpoint_ = nullptr;
    QPlainTextEdit* prompt_ = nullptr;
    QComboBox* strategy_ = nullptr;
    QSpinBox *maxNew_ = nullptr, *topK_ = nullptr, *noRepeat_ = nullptr, *seed_ = nullptr, *beams_ = nullptr, *nBest_ = nullptr;
    QDoubleSpinBox *temperature_ = nullptr, *topP_ = nullptr, *repetition_ = nullptr, *lengthPenalty_ = nullptr;
    QCheckBox *earlyStopping_ = nullptr, *cache_ = nullptr;
    QLineEdit* stop_ = nullptr;
    QLabel* strategyHelp_ = nullptr;
    QPushButton *generate_ = nullptr, *stopButton_ = nullptr, *compare_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QTextBrowser* text_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* hypotheses_ = nullptr;
    QTreeWidget* tree_ = nullptr;
    std::vector<QTextBrowser*> sideText_;
    std::vector<QLabel*> sideTitle_, sideStats_;
    QLabel* status_ = nullptr;
    QTimer* redrawTimer_ = nullptr;

    int request_ = 0;
    QString promptShown_;
    std::vector<GenStep> steps_;
    GenerateResult result_;
    std::vector<GenerateResult> comparison_;
    int selected_ = -1;
    bool followLatest_ = true;
};

} // namespace ui
} // namespace ptl

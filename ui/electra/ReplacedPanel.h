#pragma once
// ELECTRA's replaced-token view. For a training batch (the "replaced" snapshots a run
// stores, with a scrubber over them) or a typed text (corrupted by the generator as in
// training, or scored exactly as typed), every token shows the original, what the
// generator put there, and the discriminator's P(replaced) as colour intensity, with the
// decision threshold marked on each token's gauge; right and wrong calls are outlined
// differently. Below: a histogram of P(replaced) for original versus replaced tokens and
// the batch's accuracy, precision, recall, F1 and AUC.
#include "core/api/Replaced.h"

#include <QWidget>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSlider;
class QSpinBox;
class QCustomPlot;

namespace ptl {
namespace ui {

class Inspector;

// The token strip: wrapped boxes, one per token.
class ReplacedTokensView : public QWidget {
    Q_OBJECT
public:
    explicit ReplacedTokensView(QWidget* parent = nullptr);
    void setView(const ReplacedView& v);
    const ReplacedView& view() const { return view_; }
    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int w) const override;
    // For tests: the outline style of token i ("right", "wrong" or "none").
    QString outlineOf(int i) const;
    // The fill colour for a probability: white to red.
    static QColor probabilityColor(double p);

protected:
    void paintEvent(QPaintEvent*) override;
    bool event(QEvent* e) override;

private:
    std::vector<QRect> layoutBoxes(int width) const;
    ReplacedView view_;
    mutable std::vector<QRect> boxes_;
};

class ReplacedPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReplacedPanel(QString storePath, QWidget* parent = nullptr);

    // The run whose snapshots the scrubber walks (loaded now when visible, else when shown).
    void setRun(qint64 runId);
    // A snapshot from the running job (any kind; only "replaced" is kept).
    void appendSnapshot(qint64 runId, qint64 step, const QString& kind, const QString& payloadJson);
    void openModel(const QString& checkpointDir);
    void showTyped(const QString& text, bool corrupt, int seed);

    ReplacedTokensView* tokensView() const { return tokens_; }
    QCustomPlot* histogram() const { return histogram_; }
    int historySize() const { return static_cast<int>(history_.size()); }
    void setHistoryIndex(int i);
    Inspector* inspector() const { return inspector_; }

Q_SIGNALS:
    void viewShown();

protected:
    void showEvent(QShowEvent* e) override;

private:
    void loadHistory();
    void display(const ReplacedView& v, const QString& source);
    void requestTyped();
    void updateMode();

    QString storePath_;
    Inspector* inspector_;
    qint64 runId_ = 0;
    bool dirty_ = false;
    std::vector<std::pair<qint64, QString>> history_;
    QRadioButton *fromRun_ = nullptr, *fromText_ = nullptr;
    QSlider* slider_ = nullptr;
    QLabel* sliderLabel_ = nullptr;
    QCheckBox* followLive_ = nullptr;
    QLineEdit* text_ = nullptr;
    QComboBox* mode_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QPushButton *reroll_ = nullptr, *open_ = nullptr;
    QLabel* model_ = nullptr;
    QLabel* source_ = nullptr;
    QLabel* scores_ = nullptr;
    ReplacedTokensView* tokens_ = nullptr;
    QCustomPlot* histogram_ = nullptr;
    int pending_ = 0;
};

} // namespace ui
} // namespace ptl

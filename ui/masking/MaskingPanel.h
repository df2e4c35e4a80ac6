#pragma once
// The masking inspector: BERT's masker on typed text. Every token is coloured by its
// decision (-> [MASK], -> a random token with the replacement shown, kept, not selected);
// at each selected position, the model's top-k and the per-position loss; the counts of
// each kind against their expected values. Mask rate, the 80/10/10 split, whole-word,
// n-gram and the seed (re-roll) are controls.
#include "core/api/ModelSession.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace ptl {
namespace ui {

class Inspector;

class MaskingPanel : public QWidget {
    Q_OBJECT
public:
    explicit MaskingPanel(Inspector* inspector, QWidget* parent = nullptr);
    void setText(const QString& text);
    const MaskPreview& preview() const { return preview_; }
    QLabel* tokenView() const { return tokens_; }
    // The colour a decision is drawn with ("mask", "random", "keep", or "" for not selected).
    static QColor kindColor(const std::string& kind);
    // A "masking" snapshot from a training run (the decisions on its current batch); shown
    // when "follow the training batch" is on.
    void showTrainingBatch(qint64 runId, qint64 step, const QString& kind, const QString& payloadJson);
    bool followsTraining() const;
    void setFollowTraining(bool on);

Q_SIGNALS:
    void previewShown();

private:
    void request();
    void display(const MaskPreview& p);

    Inspector* inspector_;
    QPlainTextEdit* text_ = nullptr;
    QDoubleSpinBox *rate_ = nullptr, *maskRatio_ = nullptr, *randomRatio_ = nullptr;
    QCheckBox* wholeWord_ = nullptr;
    QSpinBox *ngram_ = nullptr, *seed_ = nullptr;
    QLabel* tokens_ = nullptr;
    QLabel* counts_ = nullptr;
    QTableWidget* table_ = nullptr;
    QTimer* debounce_ = nullptr;
    QCheckBox* follow_ = nullptr;
    QLabel* source_ = nullptr;
    MaskPreview preview_;
    int pending_ = 0;
};

} // namespace ui
} // namespace ptl

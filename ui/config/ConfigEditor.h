#pragma once
// The configuration editor for new runs: a preset plus every model and training field,
// validation on the field itself, and a live parameter and memory breakdown whose
// numbers are core's own (countParameters).
#include "core/api/JobSpec.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ptl {
namespace ui {

class ConfigEditor : public QWidget {
    Q_OBJECT
public:
    explicit ConfigEditor(QWidget* parent = nullptr);

    JobSpec spec() const;             // what the fields say now
    void setSpec(const JobSpec& spec);
    bool setFromConfigJson(const QString& json, QString* error = nullptr);
    void setPreset(const QString& name);
    QString validationMessage() const { return message_; }
    // The breakdown as shown, for tests.
    qint64 shownTotalParameters() const { return shownTotal_; }
    void setStartEnabled(bool enabled);

Q_SIGNALS:
    void startRequested(const ptl::JobSpec& spec);

private:
    void build();
    void onPresetChanged();
    void revalidate();
    QSpinBox* intField(const QString& key, int min, int max, int step = 1);
    QDoubleSpinBox* realField(const QString& key, double min, double max, int decimals, double step);

    JobSpec base_;  // the preset (or duplicated run) the fields start from
    QComboBox* preset_ = nullptr;
    QLineEdit* name_ = nullptr;
    QLineEdit* corpus_ = nullptr;
    QLineEdit* extraCorpus_ = nullptr;
    QLineEdit* probe_ = nullptr;
    QComboBox *sharing_ = nullptr, *layerNorm_ = nullptr, *activation_ = nullptr, *schedule_ = nullptr, *precision_ = nullptr;
    QMap<QString, QWidget*> fields_;  // JSON key -> widget
    QFormLayout* modelForm_ = nullptr;
    QFormLayout* trainForm_ = nullptr;
    QCheckBox* wholeWord_ = nullptr;
    QCheckBox* dynamic_ = nullptr;
    QCheckBox* pairLoss_ = nullptr;
    QCheckBox* sinusoidal_ = nullptr;
    QCheckBox* dynamics_ = nullptr;
    QComboBox* replacements_ = nullptr;
    QLineEdit* generatorFrom_ = nullptr;
    QCheckBox* freezeGenerator_ = nullptr;
    QLineEdit* discriminatorFrom_ = nullptr;
    QLineEdit* knowledgeDir_ = nullptr;
    QLabel* family_ = nullptr;
    QLabel* breakdown_ = nullptr;
    QLabel* globalBatch_ = nullptr;  // the effective global batch and each process's share
    QLabel* error_ = nullptr;
    QPushButton* start_ = nullptr;
    QString message_;
    qint64 shownTotal_ = 0;
    bool updating_ = false;
    bool startAllowed_ = true;
};

} // namespace ui
} // namespace ptl

Q_DECLARE_METATYPE(ptl::JobSpec)

#pragma once
// Compare two or more runs: their configurations side by side with the differing keys
// highlighted (or only those shown), and their final metrics. The curves panel overlays
// their curves at the same time.
#include <QDialog>
#include <QList>

class QCheckBox;
class QTableWidget;

namespace ptl {
namespace ui {

class CompareDialog : public QDialog {
    Q_OBJECT
public:
    CompareDialog(const QString& storePath, const QList<qint64>& runIds, QWidget* parent = nullptr);

    QTableWidget* configTable() const { return config_; }
    QTableWidget* metricsTable() const { return metrics_; }
    QStringList differingKeys() const { return differing_; }

private:
    void fill(const QString& storePath, const QList<qint64>& runIds);
    void applyFilter();

    QTableWidget* config_ = nullptr;
    QTableWidget* metrics_ = nullptr;
    QCheckBox* onlyDiffering_ = nullptr;
    QStringList differing_;
};

} // namespace ui
} // namespace ptl

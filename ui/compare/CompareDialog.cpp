#include "ui/compare/CompareDialog.h"
#include "core/api/Runs.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QTableWidget>
#include <QVBoxLayout>
#include <map>
#include <nlohmann/json.hpp>

namespace ptl {
namespace ui {

namespace {
// "train.lr" -> "0.0005": every leaf of a job spec, flattened.
void flatten(const nlohmann::json& j, const std::string& prefix, std::map<std::string, std::string>& out)
{
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) flatten(it.value(), prefix.empty() ? it.key() : prefix + "." + it.key(), out);
    } else {
        out[prefix] = j.is_string() ? j.get<std::string>() : j.dump();
    }
}
} // namespace

CompareDialog::CompareDialog(const QString& storePath, const QList<qint64>& runIds, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Compare runs"));
    resize(900, 700);
    onlyDiffering_ = new QCheckBox(tr("Show only the keys that differ"), this);
    onlyDiffering_->setChecked(true);
    config_ = new QTableWidget(this);
    metrics_ = new QTableWidget(this);
    for (QTableWidget* t : {config_, metrics_}) {
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->horizontalHeader()->setStretchLastSection(true);
        t->setAlternatingRowColors(true);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Configuration</b> — differing keys are highlighted; the curves of these runs are overlaid in the main window."), this));
    layout->addWidget(onlyDiffering_);
    layout->addWidget(config_, 3);
    layout->addWidget(new QLabel(tr("<b>Final metrics</b> — the last value each run logged"), this));
    layout->addWidget(metrics_, 2);
    layout->addWidget(buttons);
    connect(onlyDiffering_, &QCheckBox::toggled, this, &CompareDialog::applyFilter);
    fill(storePath, runIds);
}

void CompareDialog::fill(const QString& storePath, const QList<qint64>& runIds)
{
    std::vector<std::map<std::string, std::string>> configs;
    std::vector<std::map<std::string, std::pair<std::int64_t, double>>> finals;
    QStringList headers;
    try {
        RunStoreClient store(storePath.toStdString());
        std::map<std::int64_t, std::string> names;
        for (const auto& r : store.runs()) names[r.id] = r.name;
        for (qint64 id : runIds) {
            std::map<std::string, std::string> flat;
            const auto j = nlohmann::json::parse(store.configJson(id), nullptr, false);
            if (!j.is_discarded()) flatten(j, "", flat);
            configs.push_back(std::move(flat));
            std::map<std::string, std::pair<std::int64_t, double>> last;
            for (const auto& m : store.metrics(id)) last[m.name] = {m.step, m.value};
            finals.push_back(std::move(last));
            headers << tr("#%1 %2").arg(id).arg(QString::fromStdString(names[id]));
        }
    } catch (const std::exception& e) {
        headers.clear();
        config_->setRowCount(1);
        config_->setColumnCount(1);
        config_->setItem(0, 0, new QTableWidgetItem(tr("Cannot read the run store: %1").arg(QString::fromStdString(e.what()))));
        return;
    }
    std::map<std::string, int> keys;
    for (const auto& c : configs)
        for (const auto& [k, v] : c) keys[k] = 0;
    config_->setColumnCount(static_cast<int>(configs.size()));
    config_->setHorizontalHeaderLabels(headers);
    config_->setRowCount(static_cast<int>(keys.size()));
    QStringList rowNames;
    int row = 0;
    differing_.clear();
    for (const auto& [k, unused] : keys) {
        rowNames << QString::fromStdString(k);
        bool differs = false;
        for (std::size_t c = 0; c < configs.size(); ++c) {
            auto it = configs[c].find(k);
            const std::string v = it == configs[c].end() ? "—" : it->second;
            differs = differs || (c > 0 && v != (configs[0].count(k) ? configs[0].at(k) : "—"));
            config_->setItem(row, static_cast<int>(c), new QTableWidgetItem(QString::fromStdString(v)));
        }
        if (differs) {
            differing_ << QString::fromStdString(k);
            for (int c = 0; c < config_->columnCount(); ++c) {
                QTableWidgetItem* item = config_->item(row, c);
                item->setBackground(QColor(0xff, 0xf3, 0xb0));
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
        }
        ++row;
    }
    config_->setVerticalHeaderLabels(rowNames);

    std::map<std::string, int> metricNames;
    for (const auto& f : finals)
        for (const auto& [k, v] : f) metricNames[k] = 0;
    metrics_->setColumnCount(static_cast<int>(finals.size()));
    metrics_->setHorizontalHeaderLabels(headers);
    metrics_->setRowCount(static_cast<int>(metricNames.size()));
    QStringList metricRows;
    row = 0;
    for (const auto& [name, unused] : metricNames) {
        metricRows << QString::fromStdString(name);
        for (std::size_t c = 0; c < finals.size(); ++c) {
            auto it = finals[c].find(name);
            metrics_->setItem(row, static_cast<int>(c),
                              new QTableWidgetItem(it == finals[c].end() ? QStringLiteral("—")
                                                                         : tr("%1 (step %2)").arg(it->second.second, 0, 'g', 6).arg(it->second.first)));
        }
        ++row;
    }
    metrics_->setVerticalHeaderLabels(metricRows);
    applyFilter();
    config_->resizeColumnsToContents();
    metrics_->resizeColumnsToContents();
}

void CompareDialog::applyFilter()
{
    for (int r = 0; r < config_->rowCount(); ++r) {
        const QTableWidgetItem* h = config_->verticalHeaderItem(r);
        config_->setRowHidden(r, onlyDiffering_->isChecked() && h && !differing_.contains(h->text()));
    }
}

} // namespace ui
} // namespace ptl

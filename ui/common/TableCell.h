#pragma once
// A read-only table cell, optionally bold: the tables of the panels fill rows with these.
#include <QFont>
#include <QTableWidgetItem>

namespace ptl {
namespace ui {

inline QTableWidgetItem* cell(const QString& text, bool bold = false)
{
    auto* it = new QTableWidgetItem(text);
    if (bold) {
        QFont f = it->font();
        f.setBold(true);
        it->setFont(f);
    }
    return it;
}

} // namespace ui
} // namespace ptl

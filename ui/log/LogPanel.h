#pragma once
// The Log panel: what the running job reports, one line per event, with a time stamp.
#include <QPlainTextEdit>

namespace ptl {
namespace ui {

class LogPanel : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit LogPanel(QWidget* parent = nullptr);
    void append(const QString& line);
    void appendError(const QString& line);
};

} // namespace ui
} // namespace ptl

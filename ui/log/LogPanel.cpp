#include "ui/log/LogPanel.h"

#include <QFontDatabase>
#include <QTime>

namespace ptl {
namespace ui {

LogPanel::LogPanel(QWidget* parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setMaximumBlockCount(5000);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void LogPanel::append(const QString& line)
{
    appendPlainText(QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void LogPanel::appendError(const QString& line)
{
    appendHtml(QStringLiteral("<span style='color:#b00020'>%1  %2</span>")
                   .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
}

} // namespace ui
} // namespace ptl

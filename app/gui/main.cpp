// The PretrainLab workbench: QApplication + MainWindow, nothing else.
#include "core/api/Runs.h"
#include "core/util/Runtime.h"
#include "ui/mainwindow/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PretrainLab"));
    QApplication::setOrganizationName(QStringLiteral("PretrainLab"));
    QApplication::setApplicationVersion(QStringLiteral(PTL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PretrainLab workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption store(QStringLiteral("store"), QStringLiteral("Run store file (SQLite)."), QStringLiteral("DB"));
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language (en, ko); default: the system's."), QStringLiteral("LANG"));
    parser.addOption(store);
    parser.addOption(lang);
    parser.process(app);

    QTranslator translator;
    // --lang wins, then the language chosen in View > Language, then the system's.
    const QString saved = QSettings().value(QStringLiteral("language")).toString();
    const QLocale locale = parser.isSet(lang) ? QLocale(parser.value(lang)) : saved.isEmpty() ? QLocale::system() : QLocale(saved);
    QLocale::setDefault(locale);  // the panels that pick a language (the lessons) follow it
    if (translator.load(locale, QStringLiteral("pretrainlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    ptl::initRuntime(0);
    const QString storePath = parser.isSet(store) ? parser.value(store) : QString::fromStdString(ptl::defaultStorePath());
    ptl::ui::MainWindow window(storePath);
    window.show();
    return QApplication::exec();
}

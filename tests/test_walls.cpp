// The two walls of DESIGN.md: core/ never includes Qt, ui/ never includes torch.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

// Patterns live outside the test class: moc does not parse raw strings that hold '#'.
static QString qtInclude() { return QStringLiteral("^\\s*#\\s*include\\s*[<\"](Q[A-Z]\\w*|Qt\\w*/)[^>\"]*[>\"]"); }
static QString torchInclude() { return QStringLiteral("^\\s*#\\s*include\\s*[<\"](torch|ATen|c10|caffe2)/"); }
static QString deepCoreInclude() { return QStringLiteral("^\\s*#\\s*include\\s*\"core/(model|text|objectives|train|store|knowledge|tasks|generate)/"); }

class TestWalls : public QObject {
    Q_OBJECT

    static QStringList offenders(const QString& folder, const QRegularExpression& forbidden)
    {
        QStringList hits;
        QDirIterator it(QStringLiteral(PTL_SOURCE_DIR) + QLatin1Char('/') + folder, {QStringLiteral("*.h"), QStringLiteral("*.hpp"), QStringLiteral("*.cpp")},
                        QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly)) {
                hits << QStringLiteral("cannot read ") + f.fileName();
                continue;
            }
            ++files;
            int line = 0;
            for (const QByteArray& l : f.readAll().split('\n')) {
                ++line;
                if (forbidden.match(QString::fromUtf8(l)).hasMatch())
                    hits << QStringLiteral("%1:%2: %3").arg(f.fileName()).arg(line).arg(QString::fromUtf8(l.trimmed()));
            }
        }
        if (files == 0) hits << QStringLiteral("no source files found under ") + folder;
        return hits;
    }

private Q_SLOTS:
    void coreIncludesNoQt()
    {
        const QRegularExpression qt(qtInclude());
        const QStringList hits = offenders(QStringLiteral("core"), qt);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }

    void uiIncludesNoTorch()
    {
        const QRegularExpression torch(torchInclude());
        const QStringList hits = offenders(QStringLiteral("ui"), torch);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
        // ui/ may reach into core only through core/api (and core/util's plain helpers).
        const QRegularExpression deep(deepCoreInclude());
        const QStringList deepHits = offenders(QStringLiteral("ui"), deep);
        QVERIFY2(deepHits.isEmpty(), qPrintable(deepHits.join(QLatin1Char('\n'))));
    }

    void coreApiIncludesNoTorch()
    {
        const QRegularExpression torch(torchInclude());
        const QStringList hits = offenders(QStringLiteral("core/api"), torch);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }

    void theCheckCanFail()
    {
        // The pattern itself catches a Qt include, so a pass above means something.
        const QRegularExpression qt(qtInclude());
        QVERIFY(qt.match(QStringLiteral("#include <QString>")).hasMatch());
        QVERIFY(qt.match(QStringLiteral("  #  include <QtCore/QObject>")).hasMatch());
        QVERIFY(!qt.match(QStringLiteral("#include <queue>")).hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestWalls)
#include "test_walls.moc"

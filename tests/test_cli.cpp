// pretrainlab-cli end to end: init, inspect, mask, tokenize, runs; bad input gives a
// clear message and a non-zero exit code.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Result {
    int code = -1;
    QByteArray out, err;
};

Result cli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(PTL_CLI_PATH), args);
    p.waitForFinished(600000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

QJsonObject json(const Result& r)
{
    QJsonParseError e;
    const auto doc = QJsonDocument::fromJson(r.out, &e);
    if (e.error != QJsonParseError::NoError) qWarning("not JSON: %s\nstderr: %s", r.out.left(300).constData(), r.err.constData());
    return doc.object();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.path() + QLatin1Char('/') + name; }

private Q_SLOTS:
    void initWritesCheckpoints()
    {
        for (const QString preset : {QStringLiteral("bert-tiny"), QStringLiteral("gpt-tiny"), QStringLiteral("albert-tiny")}) {
            const Result r = cli({QStringLiteral("init"), QStringLiteral("--preset"), preset, QStringLiteral("--out"), path(preset), QStringLiteral("--json")});
            QVERIFY2(r.code == 0, r.err.constData());
            QVERIFY(json(r)[QStringLiteral("parameters")].toInteger() > 100000);
            QVERIFY(QFile::exists(path(preset) + QStringLiteral("/config.json")));
            QVERIFY(QFile::exists(path(preset) + QStringLiteral("/model.safetensors")));
        }
        QVERIFY(QFile::exists(path(QStringLiteral("bert-tiny/vocab.txt"))));
        QVERIFY(QFile::exists(path(QStringLiteral("gpt-tiny/merges.txt"))));
        // Never overwrites a model without --force.
        const Result again = cli({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("bert-tiny"), QStringLiteral("--out"), path(QStringLiteral("bert-tiny"))});
        QVERIFY(again.code != 0);
        QVERIFY(again.err.contains("already holds a model"));
        QVERIFY(again.err.contains("HINT:"));
    }

    void inspectBert()
    {
        const Result r = cli({QStringLiteral("inspect"), QStringLiteral("--checkpoint"), path(QStringLiteral("bert-tiny")), QStringLiteral("--text"),
                              QStringLiteral("the jury said [MASK] ."), QStringLiteral("--text-b"), QStringLiteral("it was fair ."), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = json(r);
        const QJsonArray tokens = o[QStringLiteral("tokens")].toArray();
        QCOMPARE(tokens.first().toString(), QStringLiteral("[CLS]"));
        QCOMPARE(tokens.last().toString(), QStringLiteral("[SEP]"));
        const QJsonArray att = o[QStringLiteral("attentions")].toArray();
        QCOMPARE(att.size(), 2);                               // layers
        QCOMPARE(att[0].toArray().size(), 2);                  // heads
        const QJsonArray rows = att[1].toArray()[1].toArray();  // [query][key]
        QCOMPARE(rows.size(), tokens.size());
        for (const auto& row : rows) {
            double sum = 0;
            for (const auto& v : row.toArray()) sum += v.toDouble();
            QVERIFY(std::abs(sum - 1.0) < 1e-4);
        }
        const QJsonArray top = o[QStringLiteral("mlm_top_k")].toArray();
        QCOMPARE(top.size(), 1);
        QCOMPARE(top[0].toObject()[QStringLiteral("position")].toInt(), 4);
        QCOMPARE(top[0].toObject()[QStringLiteral("candidates")].toArray().size(), 5);
        const QJsonArray types = o[QStringLiteral("type_ids")].toArray();
        QCOMPARE(types.last().toInt(), 1);
    }

    void inspectGptIsCausal()
    {
        const Result r = cli({QStringLiteral("inspect"), QStringLiteral("--checkpoint"), path(QStringLiteral("gpt-tiny")), QStringLiteral("--text"),
                              QStringLiteral("The jury said it was fair."), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray rows = json(r)[QStringLiteral("attentions")].toArray()[0].toArray()[0].toArray();
        for (int q = 0; q < rows.size(); ++q)
            for (int k = q + 1; k < rows.size(); ++k) QCOMPARE(rows[q].toArray()[k].toDouble(), 0.0);
    }

    void maskJson()
    {
        QFile f(path(QStringLiteral("text.txt")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("The Fulton County Grand Jury said Friday an investigation produced no evidence.\n"
                "The jury further said the election was conducted well.\n\nA second document here.\n");
        f.close();
        const Result r = cli({QStringLiteral("mask"), QStringLiteral("--text-file"), path(QStringLiteral("text.txt")), QStringLiteral("--seed"),
                              QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray seqs = json(r)[QStringLiteral("sequences")].toArray();
        QCOMPARE(seqs.size(), 2);
        const QJsonObject s0 = seqs[0].toObject();
        const QJsonArray decisions = s0[QStringLiteral("decisions")].toArray();
        QVERIFY(!decisions.isEmpty());
        for (const auto& d : decisions) {
            const QJsonObject o = d.toObject();
            const QString kind = o[QStringLiteral("kind")].toString();
            QVERIFY(kind == QStringLiteral("mask") || kind == QStringLiteral("random") || kind == QStringLiteral("keep"));
            QCOMPARE(s0[QStringLiteral("tokens")].toArray()[o[QStringLiteral("position")].toInt()].toString(), o[QStringLiteral("input")].toString());
        }
        // Same seed, same decisions.
        const Result again = cli({QStringLiteral("mask"), QStringLiteral("--text-file"), path(QStringLiteral("text.txt")), QStringLiteral("--seed"),
                                  QStringLiteral("3"), QStringLiteral("--json")});
        QCOMPARE(again.out, r.out);
    }

    void tokenizeJson()
    {
        const Result r = cli({QStringLiteral("tokenize"), QStringLiteral("--text"), QStringLiteral("unaffable \u00e9t\u00e9"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray t = json(r)[QStringLiteral("tokens")].toArray();
        QCOMPARE(t[0].toString(), QStringLiteral("un"));
        QCOMPARE(t[1].toString(), QStringLiteral("##aff"));
    }

    void badInputGivesClearErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("needle");
        QTest::newRow("unknown preset") << QStringList{QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("nope"), QStringLiteral("--out"), QStringLiteral("/tmp/x")} << "unknown preset";
        QTest::newRow("missing checkpoint") << QStringList{QStringLiteral("inspect"), QStringLiteral("--checkpoint"), QStringLiteral("/nonexistent"), QStringLiteral("--text"), QStringLiteral("a")} << "not found";
        QTest::newRow("missing corpus") << QStringList{QStringLiteral("mask"), QStringLiteral("--text-file"), QStringLiteral("/nonexistent.txt"), QStringLiteral("--seed"), QStringLiteral("1")} << "corpus not found";
        QTest::newRow("bad set") << QStringList{QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("bert-tiny"), QStringLiteral("--out"), QStringLiteral("/tmp/y"), QStringLiteral("--set"), QStringLiteral("num_attention_heads=3")} << "num_attention_heads";
    }

    void badInputGivesClearErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, needle);
        const Result r = cli(args);
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(needle.toUtf8()), r.err.constData());
        QVERIFY(r.err.startsWith("error: "));
    }

    void corruptOrPickleCheckpoints()
    {
        // Truncated weights.
        QVERIFY(QDir().mkpath(path(QStringLiteral("broken"))));
        for (const QString f : {QStringLiteral("config.json"), QStringLiteral("vocab.txt"), QStringLiteral("tokenizer_config.json")})
            QVERIFY(QFile::copy(path(QStringLiteral("bert-tiny/")) + f, path(QStringLiteral("broken/")) + f));
        QFile src(path(QStringLiteral("bert-tiny/model.safetensors")));
        QVERIFY(src.open(QIODevice::ReadOnly));
        QFile dst(path(QStringLiteral("broken/model.safetensors")));
        QVERIFY(dst.open(QIODevice::WriteOnly));
        dst.write(src.read(src.size() / 2));
        dst.close();
        Result r = cli({QStringLiteral("inspect"), QStringLiteral("--checkpoint"), path(QStringLiteral("broken")), QStringLiteral("--text"), QStringLiteral("a")});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains("model.safetensors"), r.err.constData());
        // Pickle only.
        QVERIFY(QDir().mkpath(path(QStringLiteral("pickle"))));
        QFile p(path(QStringLiteral("pickle/pytorch_model.bin")));
        QVERIFY(p.open(QIODevice::WriteOnly));
        p.write("\x80\x02}q\x00.");
        p.close();
        r = cli({QStringLiteral("inspect"), QStringLiteral("--checkpoint"), path(QStringLiteral("pickle")), QStringLiteral("--text"), QStringLiteral("a")});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains("pickle") && r.err.contains("HINT:"), r.err.constData());
    }

    void runsListOnEmptyStore()
    {
        const Result r = cli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--store"), path(QStringLiteral("runs.sqlite")), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(json(r)[QStringLiteral("runs")].toArray().size(), 0);
        const Result show = cli({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("42"), QStringLiteral("--store"), path(QStringLiteral("runs.sqlite"))});
        QVERIFY(show.code != 0);
        QVERIFY(show.err.contains("no run 42"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"

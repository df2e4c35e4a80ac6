// Corpus reading: documents, sentence splitting, and clear errors for bad input.
#include "core/text/Corpus.h"
#include "core/util/Error.h"

#include <QTemporaryDir>
#include <QtTest>
#include <set>
#include <fstream>

using namespace ptl;

namespace {
void expectError(const std::function<void()>& f, const std::string& needle)
{
    try {
        f();
        QFAIL(("no error; expected: " + needle).c_str());
    } catch (const Error& e) {
        QVERIFY2(e.message().find(needle) != std::string::npos, e.message().c_str());
    }
}
} // namespace

class TestCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void documentsAndSentences()
    {
        const Corpus c = parseCorpus("First one. Second one!\nThird line?\n\n\n  Next doc.  \n", "mem");
        QCOMPARE(c.documents.size(), std::size_t(2));
        QCOMPARE(c.documents[0].sentences, (std::vector<std::string>{"First one.", "Second one!", "Third line?"}));
        QCOMPARE(c.documents[1].sentences, (std::vector<std::string>{"Next doc."}));
        QCOMPARE(c.documents[1].firstLine, 5);
        QCOMPARE(c.sentenceCount(), std::size_t(4));
    }

    void sentenceSplitter()
    {
        using V = std::vector<std::string>;
        QCOMPARE(splitSentences("Mr. Smith went to Washington. He arrived at 5 p.m. on Monday."),
                 (V{"Mr. Smith went to Washington.", "He arrived at 5 p.m. on Monday."}));
        QCOMPARE(splitSentences("\"Stop!\" she said. \"Why?\" He ran."), (V{"\"Stop!\" she said.", "\"Why?\"", "He ran."}));
        QCOMPARE(splitSentences("J. F. Kennedy spoke. Then 3 people left."), (V{"J. F. Kennedy spoke.", "Then 3 people left."}));
        QCOMPARE(splitSentences("version 3.5 is out"), (V{"version 3.5 is out"}));
        QCOMPARE(splitSentences("你好。世界。"), (V{"你好。", "世界。"}));
    }

    void emptyBinaryAndNonUtf8AreRefused()
    {
        expectError([] { parseCorpus("", "empty.txt"); }, "empty.txt holds no text");
        expectError([] { parseCorpus("\n  \n\t\n", "blank.txt"); }, "holds no text");
        expectError([] { parseCorpus(std::string("abc\0def", 7), "bin.dat"); }, "looks binary: NUL byte at offset 3");
        expectError([] { parseCorpus("ok line\ncaf\xe9\n", "latin1.txt"); }, "invalid byte 0xe9 at offset 11 (line 2)");
        expectError([] { readCorpus("/nonexistent/corpus.txt"); }, "corpus not found");
    }

    void foldersReadTxtFilesInOrder()
    {
        QTemporaryDir dir;
        const std::filesystem::path d = dir.path().toStdString();
        expectError([&] { readCorpus(d); }, "has no .txt files");
        std::ofstream(d / "b.txt") << "Second file.\n";
        std::ofstream(d / "a.txt") << "First file.\n\nAnother doc.\n";
        std::ofstream(d / "skip.bin") << "ignored";
        const Corpus c = readCorpus(d);
        QCOMPARE(c.documents.size(), std::size_t(3));
        QCOMPARE(c.documents[0].sentences[0], std::string("First file."));
        QCOMPARE(c.documents[2].sentences[0], std::string("Second file."));
    }

    void bundledBrownCorpus()
    {
        const Corpus c = bundledCorpus();
        QCOMPARE(c.documents.size(), std::size_t(500));
        QVERIFY(c.sentenceCount() > 50000);
        QVERIFY(c.documents[0].sentences[0].rfind("The Fulton County Grand Jury said Friday", 0) == 0);
        // The genre side file lists every document with its genre.
        std::ifstream docs(bundledCorpusPath().parent_path() / "brown-docs.tsv");
        std::string line;
        int rows = 0;
        std::set<std::string> genres;
        std::getline(docs, line);
        while (std::getline(docs, line)) {
            ++rows;
            genres.insert(line.substr(5, 1));
        }
        QCOMPARE(rows, 500);
        QCOMPARE(genres.size(), std::size_t(15));
    }

    void heldOutSplitIsDeterministic()
    {
        const Corpus c = bundledCorpus();
        auto [train, held] = splitHeldOut(c, 0.05, 42);
        QCOMPARE(train.documents.size() + held.documents.size(), c.documents.size());
        QCOMPARE(held.documents.size(), std::size_t(25));
        auto [train2, held2] = splitHeldOut(c, 0.05, 42);
        QCOMPARE(held2.documents[3].sentences, held.documents[3].sentences);
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "test_corpus.moc"

// The Knowledge panel (offscreen): a WordNet lookup lists the senses and relations; a
// sentence's alignment draws one box per mention, under its words; TransE trains into a
// folder, fills the link-prediction table against the baselines and answers a query; an
// unknown word and an unknown entity give messages and leave the panel usable.
#include "ui/knowledge/AlignmentView.h"
#include "ui/knowledge/KnowledgePanel.h"

#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace ptl;

class TestKnowledgeUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lookUpAndAlign()
    {
        ui::KnowledgePanel p;
        p.resize(1200, 800);
        p.show();
        QSignalSpy looked(&p, &ui::KnowledgePanel::lookedUp);
        p.lookUp(QStringLiteral("mice"));
        QVERIFY(looked.wait(120000));
        QVERIFY(p.senses()->count() >= 2);
        QVERIFY(p.senses()->item(0)->text().startsWith(QStringLiteral("mouse.n.01")));
        bool hypernym = false;
        for (int i = 0; i < p.relations()->topLevelItemCount(); ++i)
            hypernym |= p.relations()->topLevelItem(i)->text(0).startsWith(QStringLiteral("hypernym"));
        QVERIFY(hypernym);
        p.lookUp(QStringLiteral("qwxzzy"));
        QVERIFY(looked.wait(60000));
        QCOMPARE(p.senses()->count(), 0);

        QSignalSpy grounded(&p, &ui::KnowledgePanel::grounded);
        p.tabs()->setCurrentIndex(1);
        p.ground(QStringLiteral("The dogs dug the ground in New York."));
        QVERIFY(grounded.wait(120000));
        QApplication::processEvents();
        auto* view = p.alignment();
        QVERIFY(view->mentionCount() >= 3);
        QCOMPARE(p.mentionTable()->rowCount(), view->mentionCount());
        QCOMPARE(p.mentionTable()->item(0, 1)->text(), QStringLiteral("dog.n.01"));
        for (int i = 0; i < view->mentionCount(); ++i) {
            const QRect r = view->mentionRect(i);
            QVERIFY(!r.isEmpty());
            QVERIFY(r.right() <= view->width() && r.bottom() <= view->height() + 1);
        }
        // Clicking a box opens its synset in the WordNet tab.
        QTest::mouseClick(view, Qt::LeftButton, {}, view->mentionRect(0).center());
        QVERIFY(looked.wait(60000));
        QCOMPARE(p.tabs()->currentIndex(), 0);
        QVERIFY(p.senses()->item(0)->text().startsWith(QStringLiteral("dog.n.01")));
    }

    void transeTrainsAndAnswers()
    {
        QTemporaryDir tmp;
        ui::KnowledgePanel p;
        p.show();
        QSignalSpy done(&p, &ui::KnowledgePanel::transETrained);
        p.tabs()->setCurrentIndex(2);
        p.setTransEFolder(tmp.path() + QStringLiteral("/te"));
        p.trainTransE(20);
        QVERIFY(done.wait(600000));
        QVERIFY2(p.report().test.triples > 100, qPrintable(p.statusLabel()->text()));
        QCOMPARE(p.linkTable()->rowCount(), 3);
        // Twenty epochs already rank the held-out links better than chance (1,000 do far better).
        QVERIFY(p.report().test.meanRank < 0.9 * p.report().random.meanRank);
        QVERIFY(p.report().test.hits10 > 0.02);
        QVERIFY(QFileInfo::exists(tmp.path() + QStringLiteral("/te/transe.safetensors")));
        QSignalSpy predicted(&p, &ui::KnowledgePanel::predicted);
        p.predict(QStringLiteral("dog.n.01"), QStringLiteral("hypernym"), true);
        QVERIFY(predicted.wait(120000));
        QCOMPARE(p.predictions()->rowCount(), 10);
        p.predict(QStringLiteral("qwxzzy.n.01"), QStringLiteral("hypernym"), true);
        QVERIFY(predicted.wait(60000));
        QVERIFY2(p.statusLabel()->text().contains(QStringLiteral("not an entity")), qPrintable(p.statusLabel()->text()));
    }
};

QTEST_MAIN(TestKnowledgeUi)
#include "test_knowledge_ui.moc"

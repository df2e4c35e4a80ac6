// The Knowledge panel (offscreen): a WordNet lookup lists the senses and relations; a
// sentence's alignment draws one box per mention, under its words; TransE trains into a
// folder, fills the link-prediction table against the baselines and answers a query; an
// unknown word and an unknown entity give messages and leave the panel usable; the ERNIE
// tab draws a sentence's entities, the fusion's effect and the entity attention, and guesses
// each [MASK] with and without the entities; the KagNET tab scores a question's choices and
// draws the schema graph of the selected one.
#include "core/api/Knowledge.h"
#include "core/api/ModelSession.h"
#include "core/knowledge/EntityAlignment.h"
#include "core/model/Checkpoint.h"
#include "core/text/Tokenizer.h"
#include "ui/knowledge/AlignmentView.h"
#include "ui/knowledge/FusionView.h"
#include "ui/knowledge/KnowledgePanel.h"
#include "ui/knowledge/SchemaGraphView.h"

#include <QLineEdit>

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

    void ernieTabShowsTheFusion()
    {
        // A small ERNIE over the shipped entity table, random weights: what the view shows
        // is the model's own computation whatever it learnt.
        QTemporaryDir tmp;
        const std::string dir = (tmp.path() + QStringLiteral("/ernie")).toStdString();
        {
            const EntityTable table = loadEntityTable(shippedTransEDir());
            ModelConfig c;
            c.hidden_size = c.embedding_size = 32;
            c.num_layers = 2;
            c.num_heads = 2;
            c.intermediate_size = 64;
            c.knowledge_layers = 1;
            c.entity_size = table.dim();
            c.entity_heads = 4;
            c.entity_count = table.rows();
            torch::manual_seed(3);
            TransformerModel m(c);
            {
                torch::NoGradGuard g;
                m->entityTable.copy_(table.vectors);
            }
            auto tok = loadBundledTokenizer(TokenizerKind::WordPiece);
            saveCheckpoint(dir, m, *tok);
            saveEntityNames(dir, table.names, shippedTransEDir());
        }
        ui::KnowledgePanel p;
        p.resize(1300, 900);
        p.show();
        p.tabs()->setCurrentIndex(3);
        QSignalSpy done(&p, &ui::KnowledgePanel::ernieInspected);
        p.inspectErnie(QString::fromStdString(dir), QStringLiteral("The farmer dug the [MASK] with a spade near New York."));
        QVERIFY(done.wait(120000));
        QApplication::processEvents();
        const ErnieInspection& r = p.ernie();
        QVERIFY2(r.entities.size() >= 3, qPrintable(p.statusLabel()->text()));
        QCOMPARE(r.entities[0].synset, std::string("farmer.n.01"));
        QCOMPARE(r.entityAttention.size(), std::size_t(1));
        QCOMPARE(r.entityAttention[0].size(), std::size_t(4));
        QCOMPARE(r.entityAttention[0][0].size(), r.entities.size());
        // Every entity's attention row sums to 1 over the entities.
        for (const auto& row : r.entityAttention[0][0]) {
            double sum = 0;
            for (double a : row) sum += a;
            QVERIFY(std::abs(sum - 1.0) < 1e-4);
        }
        // The fusion moves the aligned tokens, and tokens with no entity before the K-Encoder
        // only through attention; [CLS] sees them too.
        QVERIFY(r.fusionChange[static_cast<std::size_t>(r.entities[0].token)] > 0);
        QCOMPARE(p.ernieGuesses()->rowCount(), 1);
        QVERIFY(!p.ernieGuesses()->item(0, 1)->text().isEmpty());
        auto* view = p.fusionView();
        for (int e = 0; e < static_cast<int>(r.entities.size()); ++e) {
            const QRect box = view->entityRect(e), token = view->tokenRect(r.entities[static_cast<std::size_t>(e)].token);
            QVERIFY(!box.isEmpty());
            QCOMPARE(box.left(), token.left());  // under its token
            QVERIFY(box.top() > token.bottom());
        }
        QTest::mouseMove(view, view->entityRect(1).center());
        QCOMPARE(view->hovered(), 1);
        // A plain BERT folder is refused with a message, and the panel stays usable.
        p.inspectErnie(QString::fromStdString(shippedModelDir()), QStringLiteral("A dog."));
        QVERIFY(done.wait(120000));
        QVERIFY2(p.statusLabel()->text().contains(QStringLiteral("not an ERNIE")), qPrintable(p.statusLabel()->text()));
    }

    void kagnetTabDrawsTheSchemaGraph()
    {
        ui::KnowledgePanel p;
        p.resize(1300, 900);
        p.show();
        p.tabs()->setCurrentIndex(4);
        QCOMPARE(p.tabs()->tabText(4), QStringLiteral("KagNET"));
        QSignalSpy done(&p, &ui::KnowledgePanel::kagnetAnswered);
        p.askKagNet(QString::fromStdString(shippedKagNetDir()), QStringLiteral("Which of these is a part of a car?"),
                    {QStringLiteral("accelerator"), QStringLiteral("nose"), QStringLiteral("keyhole"), QStringLiteral("brim"), QStringLiteral("petal")});
        QVERIFY(done.wait(180000));
        QApplication::processEvents();
        const KagNetAnswer& a = p.kagnet();
        QCOMPARE(a.choices.size(), std::size_t(5));
        QCOMPARE(p.kagnetChoices()->rowCount(), 5);
        QCOMPARE(a.questionConcepts, (std::vector<std::string>{"car.n.01"}));
        // The choice shown is KagNET's pick; show the accelerator's graph, which has paths.
        p.kagnetChoices()->setCurrentCell(0, 0);
        QApplication::processEvents();
        auto* view = p.schemaView();
        QVERIFY(view->drawnNodes() >= 2);
        QVERIFY(view->drawnEdges() >= 1);
        QCOMPARE(p.kagnetPaths()->rowCount(), static_cast<int>(a.choices[0].paths.size()));
        // The question concept on the left, the choice's on the right.
        const auto& c = a.choices[0];
        const int qi = static_cast<int>(std::find(c.roles.begin(), c.roles.end(), 0) - c.roles.begin());
        const int ai = static_cast<int>(std::find(c.roles.begin(), c.roles.end(), 1) - c.roles.begin());
        QVERIFY(view->nodeRect(qi).right() < view->nodeRect(ai).left());
        // A test question of the task fills the fields.
        QSignalSpy sampled(&p, &ui::KnowledgePanel::questionSampled);
        p.sampleQuestion();
        QVERIFY(sampled.wait(120000));
        QVERIFY(p.kagnetQuestion()->text() != QStringLiteral("Which of these is a part of a car?"));
        // A folder that is not a KagNET model gives a message and the panel stays usable.
        p.askKagNet(QString::fromStdString(shippedTransEDir()), QStringLiteral("What is a car made of?"), {QStringLiteral("steel"), QStringLiteral("glass")});
        QVERIFY(done.wait(60000));
        QVERIFY2(p.statusLabel()->text().contains(QStringLiteral("not a KagNET model")), qPrintable(p.statusLabel()->text()));
    }
};

QTEST_MAIN(TestKnowledgeUi)
#include "test_knowledge_ui.moc"

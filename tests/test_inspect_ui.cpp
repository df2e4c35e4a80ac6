// Inside-the-model views (offscreen): they draw what the data says.
#include "core/api/ModelSession.h"
#include "core/api/Presets.h"
#include "core/model/Checkpoint.h"
#include "core/store/RunStore.h"
#include "core/text/Tokenizer.h"
#include "core/util/Error.h"
#include "ui/attention/AttentionViews.h"
#include "ui/attention/InspectPanel.h"
#include "ui/masking/MaskingPanel.h"
#include "ui/worker/Inspector.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <QLabel>
#include <algorithm>

using namespace ptl;

namespace {
QString makeCheckpoint(const QTemporaryDir& dir, const char* preset)
{
    const Preset& p = presetByName(preset);
    auto tok = loadBundledTokenizer(p.tokenizer);
    ModelConfig c = p.model;
    c.vocab_size = tok->vocabSize();
    torch::manual_seed(7);
    TransformerModel m(c);
    {
        torch::NoGradGuard ng;  // sharper than the init so attention is far from uniform
        for (auto& t : m->parameters())
            if (t.dim() == 2) t.mul_(20.0);
    }
    const QString path = dir.path() + QLatin1Char('/') + QLatin1String(preset);
    saveCheckpoint(path.toStdString(), m, *tok);
    return path;
}
} // namespace

class TestInspectUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void viewsDrawTheData()
    {
        QTemporaryDir dir;
        ui::InspectPanel panel;
        panel.resize(1200, 800);
        panel.show();
        QSignalSpy shown(&panel, &ui::InspectPanel::resultShown);
        panel.openModel(makeCheckpoint(dir, "bert-tiny"));
        panel.setText(QStringLiteral("the jury said the [MASK] was fair ."), QStringLiteral("nobody objected ."));
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 30000);
        const InspectResult& r = panel.result();
        QCOMPARE(static_cast<int>(r.attentions.size()), 2);
        // Head view, one head: the drawn line weights of each query sum to its attention row.
        panel.headView()->setData({}, {}, {});
        QStringList toks;
        for (const auto& t : r.tokens) toks << QString::fromStdString(t);
        panel.headView()->setData(toks, {r.attentions[1][0]}, {0});
        for (int q = 0; q < toks.size(); ++q) {
            const auto w = panel.headView()->lineWeights(q);
            QCOMPARE(static_cast<int>(w.size()), 1);
            double drawn = 0, row = 0;
            for (std::size_t k = 0; k < w[0].size(); ++k) {
                drawn += w[0][k];
                row += r.attentions[1][0][static_cast<std::size_t>(q)][k];
                QCOMPARE(w[0][k], r.attentions[1][0][static_cast<std::size_t>(q)][k]);
            }
            QVERIFY(std::abs(drawn - row) < 1e-6 && std::abs(row - 1.0) < 1e-4);
        }
        // Fill-mask: the table shows core's own top-k.
        auto session = ModelSession::open(panel.inspector()->modelPath().toStdString());
        const InspectResult direct = session->inspect("the jury said the [MASK] was fair .", std::string("nobody objected ."), 5);
        QCOMPARE(direct.maskPredictions.size(), std::size_t(1));
        QCOMPARE(panel.predictions()->rowCount(), 2);  // the [MASK], then what word frequency alone guesses
        QCOMPARE(panel.predictions()->item(1, 0)->text(), QStringLiteral("word frequency alone"));
        QVERIFY(!direct.frequencyGuess.empty());
        QVERIFY(panel.predictions()->item(1, 1)->text().startsWith(QString::fromStdString(direct.frequencyGuess[0].token) + QStringLiteral("  ")));
        for (int k = 0; k < 5; ++k) {
            const QString cell = panel.predictions()->item(0, k + 1)->text();
            QVERIFY2(cell.startsWith(QString::fromStdString(direct.maskPredictions[0].candidates[static_cast<std::size_t>(k)].token) + QStringLiteral("  ")),
                     qPrintable(cell));
        }
        // The views export.
        for (const char* ext : {"png", "svg"}) {
            const QString p = dir.path() + QStringLiteral("/view.") + QLatin1String(ext);
            QVERIFY(panel.exportView(p));
            QVERIFY(QFileInfo(p).size() > 500);
        }
    }

    void causalHeatmapIsEmptyAboveTheDiagonal()
    {
        QTemporaryDir dir;
        ui::InspectPanel panel;
        panel.show();
        QSignalSpy shown(&panel, &ui::InspectPanel::resultShown);
        panel.openModel(makeCheckpoint(dir, "gpt-tiny"));
        panel.setText(QStringLiteral("The jury said the election was fair."));
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 30000);
        const Matrix& m = panel.heatmap()->matrix();
        QVERIFY(m.size() > 5);
        double below = 0;
        for (std::size_t q = 0; q < m.size(); ++q)
            for (std::size_t k = 0; k < m.size(); ++k) {
                if (k > q) QCOMPARE(m[q][k], 0.0f);
                else below += m[q][k];
            }
        QVERIFY(below > 1.0);
        QVERIFY(panel.predictions()->rowCount() == 2);  // next-token predictions for GPT, and word frequency alone
    }

    void maskingColoursMatchTheDecisions()
    {
        QTemporaryDir dir;
        ui::Inspector inspector;
        ui::MaskingPanel panel(&inspector);
        panel.show();
        QSignalSpy shown(&panel, &ui::MaskingPanel::previewShown);
        inspector.openModel(makeCheckpoint(dir, "bert-tiny"));
        const QString text = QStringLiteral("The Fulton County Grand Jury said Friday an investigation of Atlanta's recent primary election produced "
                                            "no evidence that any irregularities took place, and the jury praised the city.");
        panel.setText(text);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 30000);
        const MaskPreview& p = panel.preview();
        QVERIFY(!p.selected.empty());
        // Same seed and options through core directly: the same decisions.
        auto session = ModelSession::open(inspector.modelPath().toStdString());
        const MaskPreview direct = session->maskPreview(text.toStdString(), MaskPreviewOptions{}, 5);
        QCOMPARE(direct.selected.size(), p.selected.size());
        for (std::size_t i = 0; i < p.selected.size(); ++i) {
            QCOMPARE(p.selected[i].position, direct.selected[i].position);
            QCOMPARE(p.selected[i].kind, direct.selected[i].kind);
        }
        // The token strip paints each decision in its colour, as many times as it occurs.
        const QString html = panel.tokenView()->text();
        for (const char* kind : {"mask", "random", "keep"}) {
            const int expected = static_cast<int>(std::count_if(p.selected.begin(), p.selected.end(), [&](const MaskedPosition& m) { return m.kind == kind; }));
            QCOMPARE(html.count(QStringLiteral("background:") + ui::MaskingPanel::kindColor(kind).name()), expected);
        }
        QCOMPARE(p.countMask + p.countRandom + p.countKeep, static_cast<int>(p.selected.size()));
        QCOMPARE(static_cast<double>(p.selected.size()), p.expectedSelected);
    }

    void scrubberShowsTheSnapshotOfTheChosenStep()
    {
        QTemporaryDir dir;
        const std::string store = (dir.path() + QStringLiteral("/runs.sqlite")).toStdString();
        std::int64_t runId = 0;
        {
            RunStore s(store);
            runId = s.createRun("history", "{}", "bert", "mlm+nsp");
            for (int step : {10, 20, 30}) {
                InspectResult r;
                r.tokens = {"[CLS]", "a", "[SEP]"};
                r.ids = {2, 50, 3};
                r.typeIds = {0, 0, 0};
                const float w = step / 100.0f;  // each snapshot has its own weights
                r.attentions = {{{{1 - 2 * w, w, w}, {w, 1 - 2 * w, w}, {w, w, 1 - 2 * w}}}};
                s.addSnapshot(runId, step, "attention", inspectToJson(r), step);
            }
            s.setStatus(runId, "completed");
        }
        ui::InspectPanel panel;
        panel.show();
        panel.showHistory(QString::fromStdString(store), runId);
        QCOMPARE(panel.historySize(), 3);
        QCOMPARE(panel.shownHistoryStep(), qint64(30));  // opens on the newest
        panel.setHistoryIndex(0);
        QCOMPARE(panel.shownHistoryStep(), qint64(10));
        QCOMPARE(panel.result().attentions[0][0][0][1], 0.1f);
        QCOMPARE(panel.heatmap()->matrix()[0][1], 0.1f);
        panel.setHistoryIndex(1);
        QCOMPARE(panel.result().attentions[0][0][0][1], 0.2f);
        // A live snapshot appends and, at the end, is shown.
        panel.setHistoryIndex(2);
        InspectResult r = panel.result();
        r.attentions[0][0][0] = {0.5f, 0.25f, 0.25f};
        panel.appendSnapshot(runId, 40, QStringLiteral("attention"), QString::fromStdString(inspectToJson(r)));
        QCOMPARE(panel.historySize(), 4);
        QCOMPARE(panel.shownHistoryStep(), qint64(40));
        QCOMPARE(panel.result().attentions[0][0][0][1], 0.25f);
        panel.appendSnapshot(runId + 1, 50, QStringLiteral("attention"), QString::fromStdString(inspectToJson(r)));  // another run: ignored
        QCOMPARE(panel.historySize(), 4);
        QVERIFY_THROWS_EXCEPTION(Error, inspectFromJson("{\"tokens\": [\"a\"], \"ids\": [1], \"attentions\": [[[[0.5, 0.5]]]]}"));
    }

    void maskingFollowsTheTrainingBatch()
    {
        ui::Inspector inspector;
        ui::MaskingPanel panel(&inspector);
        panel.setFollowTraining(true);
        const QString payload = QStringLiteral(
            "{\"tokens\": [\"[CLS]\", \"the\", \"[MASK]\", \"sat\", \"zebra\", \"[SEP]\"],"
            " \"decisions\": [{\"position\": 2, \"original\": \"cat\", \"input\": \"[MASK]\", \"kind\": \"mask\"},"
            " {\"position\": 4, \"original\": \"down\", \"input\": \"zebra\", \"kind\": \"random\"},"
            " {\"position\": 3, \"original\": \"sat\", \"input\": \"sat\", \"kind\": \"keep\"}]}");
        panel.showTrainingBatch(7, 120, QStringLiteral("attention"), payload);  // not a masking snapshot: ignored
        QVERIFY(panel.preview().selected.empty());
        panel.showTrainingBatch(7, 120, QStringLiteral("masking"), payload);
        const MaskPreview& p = panel.preview();
        QCOMPARE(p.selected.size(), std::size_t(3));
        QCOMPARE(p.tokens[2], std::string("cat"));  // the original, with the model's input beside it
        QCOMPARE(p.countMask, 1);
        QCOMPARE(p.countRandom, 1);
        QCOMPARE(p.countKeep, 1);
        const QString html = panel.tokenView()->text();
        QVERIFY(html.contains(QStringLiteral("down→zebra")));
        for (const char* kind : {"mask", "random", "keep"})
            QCOMPARE(html.count(QStringLiteral("background:") + ui::MaskingPanel::kindColor(kind).name()), 1);
        panel.showTrainingBatch(7, 121, QStringLiteral("masking"), QStringLiteral("{not json"));  // kept as it was
        QCOMPARE(panel.preview().selected.size(), std::size_t(3));
    }

    void modelViewHasAThumbnailPerHead()
    {
        AttentionMaps maps(3, std::vector<Matrix>(4, Matrix(5, std::vector<float>(5, 0.2f))));
        ui::ModelView v;
        v.resize(400, 300);
        v.setData(maps);
        QSignalSpy clicked(&v, &ui::ModelView::headClicked);
        v.show();
        QTest::mouseClick(&v, Qt::LeftButton, {}, QPoint(36 + 2, 16 + 2));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 0);
        QCOMPARE(clicked.at(0).at(1).toInt(), 0);
    }

    void rolloutAndHiddenSpecialsStayDistributions()
    {
        AttentionMaps maps(2, std::vector<Matrix>(2, Matrix(4, std::vector<float>(4, 0.25f))));
        maps[0][0][1] = {0.7f, 0.1f, 0.1f, 0.1f};
        const Matrix r = rollout(maps, 1);
        for (const auto& row : r) {
            double s = 0;
            for (float v : row) s += v;
            QVERIFY(std::abs(s - 1.0) < 1e-5);
        }
        const Matrix kept = select(maps[0][0], {1, 2});
        QCOMPARE(kept.size(), std::size_t(2));
        QVERIFY(std::abs(kept[0][0] - 0.5f) < 1e-6);  // 0.1 / (0.1 + 0.1)
    }
};

QTEST_MAIN(TestInspectUi)
#include "test_inspect_ui.moc"

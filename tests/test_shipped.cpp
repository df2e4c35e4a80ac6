// The shipped models (resources/models/*/card.json): each loads, and its card's held-out
// metrics are measured again on the same held-out batches (evaluate, the card's options)
// and must match within tolerance; each has learnt more than word frequencies.
#include "core/api/Evaluate.h"
#include "core/model/Checkpoint.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Runtime.h"

#include <QtTest>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace ptl;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<fs::path> shippedModels()
{
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(resourceDir() / "models"))
        if (e.is_directory() && fs::exists(e.path() / "card.json")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

json card(const fs::path& dir) { return json::parse(readTextFile(dir / "card.json")); }

HeldOutOptions optionsOf(const json& c)
{
    const json& o = c.at("held_out").at("options");
    HeldOutOptions h;
    h.seed = o.at("seed").get<std::uint64_t>();
    h.heldOut = o.at("held_out").get<double>();
    h.maskProb = o.at("mask_prob").get<double>();
    h.maxPredictions = o.at("max_predictions").get<int>();
    h.batches = o.at("batches").get<int>();
    h.batchSize = o.at("batch_size").get<int>();
    h.seqLen = o.at("seq_len").get<int>();
    h.spaceSentences = o.value("space_sentences", false);  // cards before the option: sentences joined without a space
    return h;
}

} // namespace

class TestShipped : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyFamilyHasACard()
    {
        // The workbench opens on bert-mini-brown; every shipped model has a card.
        QVERIFY(fs::exists(resourceDir() / "models" / "bert-mini-brown" / "card.json"));
        for (const auto& e : fs::directory_iterator(resourceDir() / "models"))
            if (e.is_directory()) QVERIFY2(fs::exists(e.path() / "card.json"), e.path().string().c_str());
    }

    void cardsAreReproduced()
    {
        const auto dirs = shippedModels();
        QVERIFY(!dirs.empty());
        for (const auto& dir : dirs) {
            const json c = card(dir);
            const LoadedModel m = loadCheckpoint(dir);
            QCOMPARE(toString(m.config.family), c.at("family").get<std::string>());
            for (const char* k : {"command", "corpus", "evaluate"}) QVERIFY(!c.at(k).get<std::string>().empty());
            QVERIFY(c.at("training").at("training_seconds").get<double>() > 0);
            const HeldOutResult r = evaluateHeldOut(dir.string(), optionsOf(c));
            const json& want = c.at("held_out").at("metrics");
            QCOMPARE(r.predicted, c.at("held_out").at("predicted").get<std::int64_t>());
            for (const auto& [name, value] : want.items()) {
                QVERIFY2(r.metrics.count(name), (dir.filename().string() + ": " + name).c_str());
                const double got = r.metrics.at(name), expected = value.get<double>();
                // Accuracies may flip a near-tie argmax on another CPU's kernels: 0.5 points;
                // losses 0.5%.
                const double tol = name.find("accuracy") != std::string::npos || name.find("auc") != std::string::npos ? 0.005 : 0.005 * std::abs(expected) + 1e-4;
                QVERIFY2(std::abs(got - expected) <= tol,
                         (dir.filename().string() + ": " + name + " " + std::to_string(got) + " vs card " + std::to_string(expected)).c_str());
            }
            // More than word frequencies: below the context-blind line.
            for (const char* ratio : {"eval_mlm_loss_ratio", "eval_loss_ratio", "eval_gen_mlm_loss_ratio"})
                if (r.metrics.count(ratio)) QVERIFY2(r.metrics.at(ratio) < 0.9, (dir.filename().string() + ": " + ratio).c_str());
            if (r.metrics.count("eval_disc_auc")) QVERIFY(r.metrics.at("eval_disc_auc") > 0.6);
        }
    }

    void evaluateRefusesBadInput()
    {
        QVERIFY_THROWS_EXCEPTION(Error, evaluateHeldOut("/nonexistent/model"));
        HeldOutOptions o;
        o.maskProb = 1.5;
        QVERIFY_THROWS_EXCEPTION(Error, evaluateHeldOut((resourceDir() / "models" / "bert-mini-brown").string(), o));
        o = {};
        o.batches = 0;
        QVERIFY_THROWS_EXCEPTION(Error, evaluateHeldOut((resourceDir() / "models" / "bert-mini-brown").string(), o));
    }
};

QTEST_GUILESS_MAIN(TestShipped)
#include "test_shipped.moc"

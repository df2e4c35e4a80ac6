// KagNET (issue 14 item 4): path finding on a fixture graph (exactly the expected paths, none
// longer than the cut-off, the cap, hidden facts), the schema graph and its TransE pruning, the
// commonsense questions (no answer in its stem, five distinct choices, no fact in two splits,
// other seeds), and a short KagNET run end to end with a question asked of the saved model.
#include "core/api/Knowledge.h"
#include "core/api/Tasks.h"
#include "core/knowledge/KagNetGraph.h"
#include "core/tasks/CommonsenseTask.h"
#include "core/util/Error.h"

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>

using namespace ptl;
namespace fs = std::filesystem;

namespace {

// 0 -a-> 1 -a-> 2 -b-> 3 -a-> 4 -a-> 5, and 0 -b-> 3; 6 and 7 antonyms listed both ways (c).
PathGraph fixture()
{
    const std::vector<KgTriple> triples = {{0, 0, 1}, {1, 0, 2}, {2, 1, 3}, {0, 1, 3}, {3, 0, 4}, {4, 0, 5}, {6, 2, 7}, {7, 2, 6}};
    return PathGraph(8, 3, triples);
}

std::string show(const KgPath& p)
{
    std::ostringstream s;
    s << p.nodes.front();
    for (std::size_t k = 0; k < p.relations.size(); ++k) s << " -" << p.relations[k] << "-> " << p.nodes[k + 1];
    return s.str();
}

std::vector<std::string> shown(const std::vector<KgPath>& ps)
{
    std::vector<std::string> out;
    for (const auto& p : ps) out.push_back(show(p));
    return out;
}

std::vector<std::string> words(const std::string& text)
{
    std::vector<std::string> out;
    std::string w;
    for (char c : text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'') w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!w.empty()) {
            out.push_back(w);
            w.clear();
        }
    }
    return out;
}

// The concept a stem asks about: the template's words stripped, the article too.
std::string conceptOf(const std::string& stem)
{
    const std::string name = commonsenseTemplateOf(stem);
    for (const auto& t : commonsenseTemplates()) {
        if (t.name != name) continue;
        const auto open = t.text.find('{'), close = t.text.find('}');
        std::string c = stem.substr(open, stem.size() - open - (t.text.size() - close - 1));
        for (const char* a : {"a ", "an ", "A ", "An "})
            if (t.text.substr(open, close - open + 1) != "{q}" && c.rfind(a, 0) == 0) {
                c = c.substr(std::string(a).size());
                break;
            }
        for (auto& ch : c) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return c;
    }
    return "";
}

} // namespace

class TestKagNet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pathsOnAFixtureGraph()
    {
        const PathGraph g = fixture();
        // 0 to 3: the direct edge, then the 3-hop walk; no 2-hop path exists.
        QCOMPARE(shown(findPaths(g, 0, 3, 3, 100)), (std::vector<std::string>{"0 -1-> 3", "0 -0-> 1 -0-> 2 -1-> 3"}));
        QCOMPARE(shown(findPaths(g, 0, 3, 2, 100)), (std::vector<std::string>{"0 -1-> 3"}));
        QCOMPARE(shown(findPaths(g, 0, 3, 3, 1)), (std::vector<std::string>{"0 -1-> 3"}));
        // Backwards: 3 to 0 walks the inverses (relation + 3).
        QCOMPARE(shown(findPaths(g, 3, 0, 3, 100)), (std::vector<std::string>{"3 -4-> 0", "3 -4-> 2 -3-> 1 -3-> 0"}));
        // 0 to 5: only through 3 within 3 hops (the 5-hop walk through 1 and 2 is cut off).
        QCOMPARE(shown(findPaths(g, 0, 5, 3, 100)), (std::vector<std::string>{"0 -1-> 3 -0-> 4 -0-> 5"}));
        QVERIFY(findPaths(g, 0, 5, 2, 100).empty());
        QVERIFY(findPaths(g, 1, 5, 3, 100).empty());  // 4 hops at least
        for (int a = 0; a < 8; ++a)
            for (int b = 0; b < 8; ++b)
                for (const auto& p : findPaths(g, a, b, 3, 100)) {
                    QVERIFY(p.relations.size() >= 1 && p.relations.size() <= 3);
                    QCOMPARE(p.nodes.size(), p.relations.size() + 1);
                    QCOMPARE(std::set<int>(p.nodes.begin(), p.nodes.end()).size(), p.nodes.size());  // simple
                    QCOMPARE(p.nodes.front(), a);
                    QCOMPARE(p.nodes.back(), b);
                }
        QVERIFY(findPaths(g, 2, 2, 3, 100).empty());
        // A fact listed both ways is walked forward both ways, never as an inverse.
        QCOMPARE(shown(findPaths(g, 6, 7, 3, 100)), (std::vector<std::string>{"6 -2-> 7"}));
        QCOMPARE(shown(findPaths(g, 7, 6, 3, 100)), (std::vector<std::string>{"7 -2-> 6"}));
        // A hidden fact is walked neither way.
        QCOMPARE(shown(findPaths(g, 0, 3, 3, 100, {{0, 1, 3}})), (std::vector<std::string>{"0 -0-> 1 -0-> 2 -1-> 3"}));
        QCOMPARE(shown(findPaths(g, 3, 0, 3, 100, {{0, 1, 3}})), (std::vector<std::string>{"3 -4-> 2 -3-> 1 -3-> 0"}));
        QVERIFY(findPaths(g, 0, 5, 3, 100, {{0, 1, 3}}).empty());
    }

    void schemaGraphAndPruning()
    {
        const PathGraph g = fixture();
        // TransE says the triple (1, a, 2) is implausible: the path through it is pruned.
        auto distance = [](int h, int r, int t) { return h == 1 && r == 0 && t == 2 ? 5.0 : 0.5; };
        SchemaOptions o;
        o.pruneDistance = 1.0;
        const SchemaGraph s = buildSchemaGraph(g, {0}, {3, 5}, o, distance);
        QCOMPARE(s.pairs.size(), std::size_t(2));
        QCOMPARE(s.pairs[0].found, 2);
        QCOMPARE(s.pairs[1].found, 1);
        QCOMPARE(s.found, 3);
        QCOMPARE(s.pruned, 1);
        QCOMPARE(s.paths.size(), std::size_t(2));
        QCOMPARE(show(s.paths[0].path), std::string("0 -1-> 3"));
        QCOMPARE(s.paths[0].pair, 0);
        QCOMPARE(show(s.paths[1].path), std::string("0 -1-> 3 -0-> 4 -0-> 5"));
        QCOMPARE(s.paths[1].pair, 1);
        QVERIFY(std::abs(s.paths[1].distance - 0.5) < 1e-12);
        // Nodes: the concepts first, then the paths' own; edges as walked, each once.
        QCOMPARE(s.nodes, (std::vector<int>{0, 3, 5, 4}));
        QCOMPARE(s.edges.size(), std::size_t(3));
        // Without pruning every path stays.
        QCOMPARE(buildSchemaGraph(g, {0}, {3, 5}, SchemaOptions{}, distance).paths.size(), std::size_t(3));
    }

    void commonsenseQuestions()
    {
        for (std::uint64_t seed : {1234ull, 7ull}) {
            const Task t = buildTask("commonsense", seed);
            QVERIFY(t.kind == TaskKind::MultipleChoice);
            QVERIFY2(t.train.size() > 2000 && t.dev.size() > 200 && t.test.size() > 200, std::to_string(t.train.size()).c_str());
            std::set<std::pair<std::string, std::string>> trainFacts;
            std::map<std::string, int> templates;
            for (const auto* split : {&t.train, &t.dev, &t.test})
                for (const TaskExample& e : *split) {
                    QCOMPARE(e.choices.size(), std::size_t(5));
                    QVERIFY(e.label >= 0 && e.label < 5);
                    QCOMPARE(std::set<std::string>(e.choices.begin(), e.choices.end()).size(), std::size_t(5));
                    const std::string name = commonsenseTemplateOf(e.texts.front());
                    QVERIFY2(!name.empty(), e.texts.front().c_str());
                    ++templates[name];
                    // No word of the answer in the stem (nor of any choice).
                    const auto stem = words(e.texts.front());
                    for (const auto& c : e.choices)
                        for (const auto& w : words(c))
                            QVERIFY2(std::find(stem.begin(), stem.end(), w) == stem.end(), (e.texts.front() + " / " + c).c_str());
                    const std::string q = conceptOf(e.texts.front()), a = e.choices[static_cast<std::size_t>(e.label)];
                    QVERIFY2(!q.empty(), e.texts.front().c_str());
                    const auto fact = std::make_pair(std::min(q, a), std::max(q, a));
                    if (split == &t.train) trainFacts.insert(fact);
                    else QVERIFY2(!trainFacts.count(fact), (q + " / " + a + ": a training fact asked again in dev or test").c_str());
                }
            QCOMPARE(templates.size(), commonsenseTemplates().size());  // every kind of question is asked
            // The right answer is not always in one place.
            std::set<int> positions;
            for (const auto& e : t.test) positions.insert(e.label);
            QCOMPARE(positions.size(), std::size_t(5));
        }
        // Seeds give other splits and other distractors.
        const Task a = buildTask("commonsense", 1234), b = buildTask("commonsense", 7);
        QVERIFY(a.test.front().texts != b.test.front().texts || a.test.front().choices != b.test.front().choices);
    }

    void trainsAndAnswers()
    {
        QTemporaryDir tmp;
        const std::string out = (fs::path(tmp.path().toStdString()) / "kagnet").string();
        KagNetOptions o;
        o.maxTrain = 160;
        o.maxEval = 60;
        o.epochs = 3;
        o.hidden = 32;
        int epochs = 0;
        const KagNetReport r = runKagNet(o, out, [&](const std::string& stage, int, double loss, double) {
            if (stage == "train") {
                ++epochs;
                if (!std::isfinite(loss)) return false;
            }
            return true;
        });
        QCOMPARE(epochs, 3);
        QCOMPARE(r.trainQuestions, 160);
        QCOMPARE(r.devQuestions, 60);
        QCOMPARE(r.lossByEpoch.size(), std::size_t(3));
        for (double l : r.lossByEpoch) QVERIFY(std::isfinite(l) && l >= 0);
        // The graph holds every asked fact: the right choice has a one-hop path, the
        // distractors at best three hops, so the path-length heuristic is far above chance.
        QVERIFY2(r.pathHeuristic.test > 0.6, std::to_string(r.pathHeuristic.test).c_str());
        QVERIFY(r.pathsFound >= r.pathsKept && r.pathsKept > 0);
        QVERIFY(r.pathsKeptHidden < r.pathsKept);  // hiding the asked fact removes its paths
        for (double x : {r.kagnet.dev, r.kagnet.test, r.kagnetHidden.test, r.statement.test, r.pathHeuristicHidden.test}) QVERIFY(x >= 0 && x <= 1);
        QVERIFY(fs::exists(fs::path(out) / "kagnet.safetensors"));
        QVERIFY(!fs::exists(fs::path(out) / "statement"));  // the bundled reader is named, not copied
        const KagNetReport back = readKagNetReport(out);
        QCOMPARE(back.testQuestions, r.testQuestions);
        QCOMPARE(back.kagnet.test, r.kagnet.test);
        QCOMPARE(back.options.hidden, 32);
        // Scored again from the saved weights: the same figures.
        const KagNetReport again = evaluateKagNet(out);
        QCOMPARE(again.testQuestions, r.testQuestions);
        for (const auto& [x, y] : {std::pair{again.kagnet.test, r.kagnet.test}, std::pair{again.kagnetHidden.test, r.kagnetHidden.test},
                                   std::pair{again.statement.test, r.statement.test}, std::pair{again.pathHeuristic.dev, r.pathHeuristic.dev}})
            QVERIFY2(std::abs(x - y) <= 1.0 / r.testQuestions + 1e-9, (std::to_string(x) + " vs " + std::to_string(y)).c_str());

        const KagNetAnswer a = askKagNet(out, "Which of these is a part of a car?", {"accelerator", "nose", "keyhole", "brim", "petal"});
        QCOMPARE(a.questionConcepts, (std::vector<std::string>{"car.n.01"}));
        QCOMPARE(a.choices.size(), std::size_t(5));
        double total = 0;
        for (const auto& c : a.choices) {
            total += c.probability;
            QCOMPARE(c.nodes.size(), c.roles.size());
            for (const auto& p : c.paths) {
                QCOMPARE(p.nodes.front(), std::string("car.n.01"));
                QVERIFY(p.relations.size() <= 3 && p.weight >= 0 && p.weight <= 1 + 1e-9);
            }
            for (std::size_t k = 1; k < c.paths.size(); ++k) QVERIFY(c.paths[k - 1].weight >= c.paths[k].weight);
        }
        QVERIFY(std::abs(total - 1) < 1e-5);
        // accelerator.n.01 is a part of car.n.01 in WordNet: its graph has the one-hop path.
        bool direct = false;
        for (const auto& p : a.choices[0].paths)
            direct = direct || (p.relations.size() == 1 && p.nodes.back() == "accelerator.n.01" && p.relations[0] == "has part");
        QVERIFY(direct);

        QVERIFY_THROWS_EXCEPTION(Error, askKagNet(out, "Which?", {"one"}));
        QVERIFY_THROWS_EXCEPTION(Error, readKagNetReport(tmp.path().toStdString()));
        KagNetOptions bad;
        bad.maxHops = 4;
        QVERIFY_THROWS_EXCEPTION(Error, runKagNet(bad, out));
    }

    void shippedModelScoresWhatItsReportSays()
    {
        // The shipped model's report, re-measured from its weights (as every shipped card is).
        const KagNetReport saved = readKagNetReport(shippedKagNetDir());
        const KagNetReport r = evaluateKagNet(shippedKagNetDir());
        QCOMPARE(r.testQuestions, saved.testQuestions);
        const double q = 1.0 / saved.testQuestions;  // a question either way (threads round differently)
        for (const auto& [x, y] : {std::pair{r.kagnet.test, saved.kagnet.test}, std::pair{r.kagnetHidden.test, saved.kagnetHidden.test},
                                   std::pair{r.statement.test, saved.statement.test}, std::pair{r.pathHeuristic.test, saved.pathHeuristic.test},
                                   std::pair{r.pathHeuristicHidden.test, saved.pathHeuristicHidden.test}})
            QVERIFY2(std::abs(x - y) <= q + 1e-9, (std::to_string(x) + " vs " + std::to_string(y)).c_str());
        // And it has learnt: far above the BERT-only scorer and the heuristic with the fact hidden.
        QVERIFY(r.kagnet.test > r.statement.test + 0.3);
        QVERIFY(r.kagnetHidden.test > r.pathHeuristicHidden.test + 0.2);
    }
};

QTEST_GUILESS_MAIN(TestKagNet)
#include "test_kagnet.moc"

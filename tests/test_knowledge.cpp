// Knowledge (issue 14 items 1-2): the WordNet reader against known facts and damaged files,
// grounding of text, the knowledge graph's split, TransE's loss, renormalisation and link
// prediction, and the CLI's wordnet / ground / transe commands.
#include "core/api/Knowledge.h"
#include "core/knowledge/Grounding.h"
#include "core/knowledge/TransE.h"
#include "core/knowledge/WordNet.h"
#include "core/util/Error.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

using namespace ptl;
namespace fs = std::filesystem;

namespace {

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// A copy of the installed WordNet in dir, to damage.
void copyWordNet(const fs::path& dir)
{
    for (const auto& e : fs::directory_iterator(WordNet::defaultDir())) fs::copy_file(e.path(), dir / e.path().filename());
}

std::string errorOf(const fs::path& dir)
{
    try {
        WordNet w(dir);
    } catch (const Error& e) {
        return e.full();
    }
    return {};
}

const Mention* mentionOf(const std::vector<Mention>& ms, const std::vector<std::string>& words, const std::string& text)
{
    for (const Mention& m : ms) {
        std::string t;
        for (int i = m.begin; i < m.end; ++i) t += (t.empty() ? "" : " ") + words[static_cast<std::size_t>(i)];
        if (t == text) return &m;
    }
    return nullptr;
}

// A fixture graph: 10 groups of 8 members; "member of" links each member to its group's
// hub, "sibling" links each member to the next of its group (in a cycle), "next" links hub
// g to hub g+1. A held-out member link is implied by the member's siblings.
KnowledgeGraph fixtureGraph()
{
    KnowledgeGraph g;
    g.relations = {"member", "next", "sibling"};
    const int groups = 10, members = 8;
    for (int h = 0; h < groups; ++h) {
        g.entityNames.push_back("hub" + std::to_string(h));
        g.entitySynsets.push_back(-1);
    }
    for (int h = 0; h < groups; ++h) {
        const int first = static_cast<int>(g.entityNames.size());
        for (int m = 0; m < members; ++m) {
            g.entityNames.push_back("m" + std::to_string(h) + "_" + std::to_string(m));
            g.entitySynsets.push_back(-1);
            g.train.push_back({first + m, 0, h});
            g.train.push_back({first + m, 2, first + (m + 1) % members});
        }
    }
    for (int h = 0; h < groups; ++h) g.train.push_back({h, 1, (h + 1) % groups});
    return g;
}

std::string runCli(const std::vector<std::string>& argv, int* code = nullptr)
{
    QStringList args;
    for (const auto& a : argv) args << QString::fromStdString(a);
    QProcess p;
    p.start(QStringLiteral(PTL_CLI_PATH), args);
    if (!p.waitForFinished(600000)) return "(timeout)";
    if (code) *code = p.exitCode();
    return (p.readAllStandardOutput() + p.readAllStandardError()).toStdString();
}

} // namespace

class TestKnowledge : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wordnetKnownFacts()
    {
        const WordNet& wn = WordNet::installed();
        QVERIFY(wn.synsets().size() > 117000);
        const int dog = wn.byName("dog.n.01"), canine = wn.byName("canine.n.02"), car = wn.byName("car.n.01");
        QVERIFY(dog >= 0 && canine >= 0 && car >= 0);
        QCOMPARE(wn.name(dog), std::string("dog.n.01"));
        QVERIFY(contains(wn.related(dog, "@"), canine));
        QVERIFY(contains(wn.related(canine, "~"), dog));  // the inverse pointer is there too
        QCOMPARE(wnInverse("@"), std::string("~"));
        QCOMPARE(wnInverse("%p"), std::string("#p"));
        QCOMPARE(wnRelationName("%p"), std::string("part meronym"));
        // Every hypernym pointer has its hyponym pointer back (WordNet's own consistency).
        int checked = 0;
        for (int s = 0; s < static_cast<int>(wn.synsets().size()); s += 97)
            for (int t : wn.related(s, "@")) {
                QVERIFY2(contains(wn.related(t, "~"), s), wn.name(s).c_str());
                ++checked;
            }
        QVERIFY(checked > 500);
        // car.n.01's part meronyms include the accelerator.
        std::set<std::string> parts;
        for (int p : wn.related(car, "%p")) parts.insert(wn.name(p));
        QVERIFY(parts.count("accelerator.n.01"));
        QVERIFY(parts.size() > 20);
        QCOMPARE(wn.lemmatise("mice", WnPos::Noun), std::string("mouse"));
        QCOMPARE(wn.lemmatise("dogs", WnPos::Noun), std::string("dog"));
        QCOMPARE(wn.lemmatise("dug", WnPos::Verb), std::string("dig"));
        QCOMPARE(wn.lemmatise("flowers", WnPos::Noun), std::string("flower"));
        QCOMPARE(wn.synset(dog).definition().rfind("a member of the genus Canis", 0), std::size_t(0));
        QCOMPARE(wn.synset(dog).examples(), std::vector<std::string>{"the dog barked all night"});
        // lookup: inflected and multi-word forms.
        const auto mice = wn.lookup("Mice");
        QVERIFY(!mice.empty());
        QCOMPARE(mice[0].lemma, std::string("mouse"));
        const auto ice = wn.lookup("ice creams");
        QVERIFY(!ice.empty());
        QCOMPARE(ice[0].lemma, std::string("ice_cream"));
        QVERIFY(wn.isInstance(wn.byName("texas.n.01")));
        QVERIFY(!wn.isInstance(dog));
        QCOMPARE(wn.byName("dog.n.99"), -1);
        QCOMPARE(wn.byName("nonsense"), -1);
    }

    void wordnetDamagedFiles()
    {
        {  // a data file cut in the middle of a line
            QTemporaryDir tmp;
            const fs::path dir = tmp.path().toStdString();
            copyWordNet(dir);
            fs::resize_file(dir / "data.adv", fs::file_size(dir / "data.adv") / 2);
            const std::string e = errorOf(dir);
            qInfo("cut data.adv: %s", e.c_str());
            QVERIFY(e.find("data.adv") != std::string::npos || e.find("index.adv") != std::string::npos);
            QVERIFY(e.find("HINT") != std::string::npos);
        }
        {  // an index file cut short
            QTemporaryDir tmp;
            const fs::path dir = tmp.path().toStdString();
            copyWordNet(dir);
            fs::resize_file(dir / "index.verb", fs::file_size(dir / "index.verb") / 3);
            const std::string e = errorOf(dir);
            qInfo("cut index.verb: %s", e.c_str());
            QVERIFY(e.find("index.verb") != std::string::npos);
        }
        {  // a line shifted by one byte: its offset no longer matches
            QTemporaryDir tmp;
            const fs::path dir = tmp.path().toStdString();
            copyWordNet(dir);
            std::string text;
            {
                std::ifstream in(dir / "data.adj", std::ios::binary);
                text.assign(std::istreambuf_iterator<char>(in), {});
            }
            text.insert(text.size() / 2, "x");
            std::ofstream(dir / "data.adj", std::ios::binary) << text;
            const std::string e = errorOf(dir);
            qInfo("edited data.adj: %s", e.c_str());
            QVERIFY(e.find("data.adj") != std::string::npos);
        }
        {  // a missing file
            QTemporaryDir tmp;
            const fs::path dir = tmp.path().toStdString();
            copyWordNet(dir);
            fs::remove(dir / "index.noun");
            const std::string e = errorOf(dir);
            QVERIFY(e.find("index.noun is missing") != std::string::npos);
            QVERIFY(e.find("wordnet-base") != std::string::npos);
        }
    }

    void groundingOfText()
    {
        const WordNet& wn = WordNet::installed();
        const auto words = splitWords("The dogs dug the ground in New York to plant flowers and ate ice cream.");
        QCOMPARE(words.back(), std::string("."));
        const auto tags = tagWords(words);
        QCOMPARE(tags.size(), words.size());
        const auto ms = groundWords(wn, words, tags);
        const Mention* dogs = mentionOf(ms, words, "dogs");
        QVERIFY(dogs);
        QCOMPARE(wn.name(dogs->synset), std::string("dog.n.01"));
        const Mention* dug = mentionOf(ms, words, "dug");
        QVERIFY(dug);
        QCOMPARE(dug->pos, WnPos::Verb);
        QCOMPARE(dug->lemma, std::string("dig"));
        const Mention* ny = mentionOf(ms, words, "New York");  // a multi-word name, to its instance synset
        QVERIFY(ny);
        QVERIFY(ny->proper);
        QVERIFY(wn.isInstance(ny->synset));
        const Mention* ice = mentionOf(ms, words, "ice cream");
        QVERIFY(ice);
        QCOMPARE(wn.name(ice->synset), std::string("ice_cream.n.01"));
        // The tagger reads the context: "plant" after "want to" is a verb.
        const std::vector<std::string> want = {"They", "want", "to", "plant", "trees", "."};
        const auto wantMentions = groundWords(wn, want);
        const Mention* plant = mentionOf(wantMentions, want, "plant");
        QVERIFY(plant);
        QCOMPARE(plant->pos, WnPos::Verb);
        QVERIFY(!mentionOf(ms, words, "The") && !mentionOf(ms, words, "the") && !mentionOf(ms, words, "to"));
        // Mentions never overlap and come in order.
        for (std::size_t i = 1; i < ms.size(); ++i) QVERIFY(ms[i].begin >= ms[i - 1].end);
        // Given Brown tags, they are used as they are.
        const auto tagged = groundWords(wn, {"The", "Fulton", "County", "Grand", "Jury", "said"}, {"at", "np-tl", "nn-tl", "jj-tl", "nn-tl", "vbd"});
        QVERIFY(mentionOf(tagged, {"The", "Fulton", "County", "Grand", "Jury", "said"}, "Grand Jury"));
        QVERIFY(mentionOf(tagged, {"The", "Fulton", "County", "Grand", "Jury", "said"}, "said"));
        QCOMPARE(brownBaseTag("nn-tl"), std::string("nn"));
        QCOMPARE(brownBaseTag("nn+bez"), std::string("nn"));
    }

    void taggerBeatsMostFrequentTagOnHeldOutBrown()
    {
        const TaggerAccuracy a = evaluateBrownTagger(10);
        qInfo("tagger on %d held-out documents (%lld tokens): HMM %.2f%%, most frequent tag %.2f%%", a.documents, a.tokens, 100 * a.hmm,
              100 * a.mostFrequent);
        QCOMPARE(a.documents, 50);
        QVERIFY(a.tokens > 100000);
        QVERIFY(a.hmm > a.mostFrequent + 0.02);
        QVERIFY(a.hmm > 0.93);
        const auto tags = tagWords({"They", "want", "to", "plant", "trees", "."});
        QCOMPARE(tags[3], std::string("vb"));
    }

    void transeLossAndRenormalisation()
    {
        TransEOptions o;
        o.dim = 2;
        o.margin = 1.0;
        o.norm = 1;
        TransE m(3, 1, o);
        QVERIFY(torch::allclose(m.entities.pow(2).sum(1).sqrt(), torch::ones({3}), 1e-5, 1e-5));
        {
            torch::NoGradGuard g;
            m.entities.copy_(torch::tensor({{0.f, 0.f}, {1.f, 0.f}, {0.f, 3.f}}));
            m.relations.copy_(torch::tensor({{1.f, 0.f}}));
        }
        const auto h = torch::tensor({0L}), r = torch::tensor({0L}), t = torch::tensor({1L}), nt = torch::tensor({2L});
        // L1: d(0 + r, 1) = 0, d(0 + r, 2) = |1 - 0| + |0 - 3| = 4; loss = max(0, 1 + 0 - 4) = 0.
        QCOMPARE(m.distance(h, r, t).item<double>(), 0.0);
        QCOMPARE(m.distance(h, r, nt).item<double>(), 4.0);
        QCOMPARE(m.loss(h, r, t, h, nt).item<double>(), 0.0);
        // The corruption closer than the truth: loss = 1 + 4 - 0 = 5.
        QCOMPARE(m.loss(h, r, nt, h, t).item<double>(), 5.0);
        m.options.norm = 2;
        QVERIFY(std::abs(m.distance(h, r, nt).item<double>() - std::sqrt(10.0)) < 1e-5);
        {
            torch::NoGradGuard g;
            m.entities.mul_(3).add_(0.5);
        }
        m.renormalise();
        QVERIFY(torch::allclose(m.entities.pow(2).sum(1).sqrt(), torch::ones({3}), 1e-5, 1e-5));
    }

    void transeStepIsSgdOnTheSummedLoss()
    {
        for (int norm : {1, 2}) {
            TransEOptions o;
            o.dim = 8;
            o.norm = norm;
            o.lr = 0.03;
            o.margin = 2.0;  // most triples active
            TransE m(12, 3, o);
            const auto h = torch::tensor({0L, 1L, 2L, 0L, 5L}), r = torch::tensor({0L, 1L, 2L, 0L, 1L}), t = torch::tensor({3L, 4L, 5L, 6L, 7L});
            const auto nh = torch::tensor({0L, 8L, 2L, 9L, 5L}), nt = torch::tensor({10L, 4L, 11L, 6L, 1L});
            // The reference: autograd through the summed loss, one plain SGD step.
            TransE ref(12, 3, o);
            ref.entities = m.entities.clone().requires_grad_(true);
            ref.relations = m.relations.clone().requires_grad_(true);
            ref.loss(h, r, t, nh, nt).mul(5).backward();  // mean * B = the sum
            const torch::Tensor wantE = (ref.entities - o.lr * ref.entities.grad()).detach();
            const torch::Tensor wantR = (ref.relations - o.lr * ref.relations.grad()).detach();
            m.step(h, r, t, nh, nt);
            const double dE = (m.entities - wantE).abs().max().item<double>(), dR = (m.relations - wantR).abs().max().item<double>();
            qInfo("L%d: max |step - autograd SGD| entities %.2e, relations %.2e", norm, dE, dR);
            QVERIFY(dE < 1e-5 && dR < 1e-5);
            QVERIFY((m.entities - ref.entities.detach()).abs().max().item<double>() > 1e-3);  // it did move
        }
    }

    void splitKeepsPairsTogetherAndEntitiesSeen()
    {
        KnowledgeGraph g = fixtureGraph();
        // Symmetric triples: both directions (the fixture's siblings made symmetric).
        const std::size_t n = g.train.size();
        for (std::size_t i = 0; i < n; ++i)
            if (g.train[i].relation == 2) g.train.push_back({g.train[i].tail, 2, g.train[i].head});
        const std::size_t total = g.train.size();
        splitTriples(g, 3, 0.15);
        QCOMPARE(g.train.size() + g.valid.size() + g.test.size(), total);
        QVERIFY(!g.test.empty() && !g.valid.empty());
        std::set<int> seen;
        for (const auto& x : g.train) {
            seen.insert(x.head);
            seen.insert(x.tail);
        }
        for (const auto* s : {&g.valid, &g.test})
            for (const auto& x : *s) {
                QVERIFY(seen.count(x.head) && seen.count(x.tail));
                if (x.relation == 2) {  // its reverse is in the same split
                    const KgTriple rev{x.tail, 2, x.head};
                    QVERIFY(std::find(s->begin(), s->end(), rev) != s->end());
                }
            }
        KnowledgeGraph again = fixtureGraph();
        for (std::size_t i = 0; i < n; ++i)
            if (again.train[i].relation == 2) again.train.push_back({again.train[i].tail, 2, again.train[i].head});
        splitTriples(again, 3, 0.15);
        QVERIFY(again.test == g.test);
    }

    void transeLearnsTheFixture()
    {
        KnowledgeGraph g = fixtureGraph();
        splitTriples(g, 1, 0.1);
        TransEOptions o;
        o.dim = 16;
        o.epochs = 300;
        o.batch = 16;
        o.lr = 0.01;
        TransE m(static_cast<int>(g.numEntities()), static_cast<int>(g.relations.size()), o);
        const LinkPrediction before = linkPrediction(m, g, g.train);
        const TransEReport r = trainTransE(m, g, {});
        const LinkPrediction trained = linkPrediction(m, g, g.train), random = randomBaseline(g, g.train);
        qInfo("fixture (%zu entities): train MR %.2f -> %.2f, hits@10 %.2f (random MR %.2f, hits@10 %.2f); test MR %.2f (random %.2f, popularity %.2f)",
              g.numEntities(), before.meanRank, trained.meanRank, trained.hits10, random.meanRank, random.hits10, r.test.meanRank, r.random.meanRank,
              r.popularity.meanRank);
        for (const auto& [name, p] : r.byRelation) qInfo("  test %s: %d triples, MR %.2f, hits@10 %.2f", name.c_str(), p.triples, p.meanRank, p.hits10);
        QVERIFY(trained.meanRank < random.meanRank / 4);
        QVERIFY(trained.hits10 > 2 * random.hits10);
        // Held out, a member's link to its hub follows from its siblings' links: TransE infers it. (A held-out
        // sibling or next link breaks a cycle and cannot be inferred.)
        std::vector<KgTriple> members;
        for (const auto& x : g.test)
            if (x.relation == 0) members.push_back(x);
        QVERIFY(members.size() >= 3);
        const LinkPrediction inferred = linkPrediction(m, g, members), chance = randomBaseline(g, members);
        QVERIFY(inferred.meanRank < chance.meanRank / 3);
        QVERIFY(inferred.hits10 > 3 * chance.hits10);
        // Unit length, up to the F16 rounding of the stored vectors.
        QVERIFY(torch::allclose(m.entities.pow(2).sum(1).sqrt(), torch::ones({static_cast<std::int64_t>(g.numEntities())}), 2e-3, 2e-3));
        // Random: the exact expectation over the entities left after filtering.
        // (m0_0, member, hub0): hub0 is its only tail (n candidates), and has 8 member heads (n - 7 candidates).
        const double n = static_cast<double>(g.numEntities());
        QCOMPARE(randomBaseline(g, {{10, 0, 0}}).meanRank, ((n + 1) / 2 + (n - 7 + 1) / 2) / 2);
    }

    void filteredRankIgnoresOtherTrueAnswers()
    {
        // Entity 1 is the truth of (0, r, ?) but entity 2, also true, sits exactly at h + r: filtered, 1 still ranks first.
        KnowledgeGraph g;
        g.entityNames = {"a", "b", "c", "d"};
        g.entitySynsets = {-1, -1, -1, -1};
        g.relations = {"r"};
        g.train = {{0, 0, 2}};
        g.test = {{0, 0, 1}};
        TransEOptions o;
        o.dim = 2;
        TransE m(4, 1, o);
        {
            torch::NoGradGuard guard;
            m.entities.copy_(torch::tensor({{0.f, 0.f}, {1.1f, 0.f}, {1.f, 0.f}, {5.f, 5.f}}));
            m.relations.copy_(torch::tensor({{1.f, 0.f}}));
        }
        const LinkPrediction p = linkPrediction(m, g, {{0, 0, 1}});
        // Tail: 1 ranks first once 2 is filtered out. Head (?, r, 1): 0 is closest to 1 - r = (0.1, 0).
        QCOMPARE(p.meanRank, 1.0);
        QCOMPARE(p.hits1, 1.0);
        // Popularity: 2 is the only tail seen in train, but it is filtered; 1 ties with 0 and 3 (rank 2); head 0 is
        // the only head seen: rank 1.
        QCOMPARE(popularityBaseline(g, {{0, 0, 1}}).meanRank, 1.5);
    }

    void shippedEmbeddingsReproduceTheirFigures()
    {
        // resources/knowledge/transe-wordnet: its transe.json against the figures recomputed from its files.
        const std::string dir = shippedTransEDir();
        const TransEReport stored = readTransEReport(dir), now = evaluateTransE(dir);
        qInfo("shipped TransE: test MR %.1f (stored %.1f), hits@10 %.4f (%.4f); popularity MR %.1f, random %.1f", now.test.meanRank,
              stored.test.meanRank, now.test.hits10, stored.test.hits10, now.popularity.meanRank, now.random.meanRank);
        QCOMPARE(now.entities, stored.entities);
        QCOMPARE(now.testTriples, stored.testTriples);
        QVERIFY(std::abs(now.test.meanRank - stored.test.meanRank) < 1e-3 * stored.test.meanRank);
        QVERIFY(std::abs(now.test.hits10 - stored.test.hits10) < 1e-3);
        QVERIFY(std::abs(now.popularity.meanRank - stored.popularity.meanRank) < 1e-6 * stored.popularity.meanRank);
        // And it has learned: far ahead of both baselines.
        QVERIFY(now.test.meanRank < now.popularity.meanRank / 2);
        QVERIFY(now.test.hits10 > 3 * now.popularity.hits10);
        const auto best = predictTransE(dir, "dog.n.01", "hypernym", true, 10);
        QCOMPARE(best.size(), std::size_t(10));
        bool canine = false;
        for (const auto& p : best) canine |= p.entity == "canine.n.02" || p.entity == "domestic_animal.n.01";
        QVERIFY(canine);
        QVERIFY_THROWS_EXCEPTION(Error, predictTransE(dir, "dog.n.01", "no such relation", true, 10));
    }

    void cli()
    {
        int code = -1;
        std::string out = runCli({"wordnet", "lookup", "mice", "--json"}, &code);
        QCOMPARE(code, 0);
        const auto j = nlohmann::json::parse(out);
        QCOMPARE(j.at("entries").at(0).at("lemma").get<std::string>(), std::string("mouse"));
        QCOMPARE(j.at("entries").at(0).at("senses").at(0).at("name").get<std::string>(), std::string("mouse.n.01"));
        out = runCli({"wordnet", "lookup", "qwxzzy"}, &code);
        QCOMPARE(code, 1);
        QVERIFY(out.find("not in WordNet") != std::string::npos);
        out = runCli({"ground", "--text", "The dogs dug the ground.", "--json"}, &code);
        QCOMPARE(code, 0);
        const auto g = nlohmann::json::parse(out);
        QCOMPARE(g.at("mentions").at(0).at("synset").get<std::string>(), std::string("dog.n.01"));
        out = runCli({"transe", "eval", "--dir", "/nonexistent"}, &code);
        QCOMPARE(code, 1);
        QVERIFY(out.find("transe train") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestKnowledge)
#include "test_knowledge.moc"

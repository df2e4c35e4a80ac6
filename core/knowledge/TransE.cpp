#include "core/knowledge/TransE.h"
#include "core/knowledge/Grounding.h"
#include "core/model/Safetensors.h"
#include "core/text/Corpus.h"
#include "core/train/DynamicsProbe.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Hash.h"

#include <ATen/CPUGeneratorImpl.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace ptl {

namespace {

// One direction of every inverse pair; symmetric relations as WordNet lists them.
bool forward(const std::string& symbol)
{
    static const std::set<std::string> kept = {"@", "@i", "#m", "#p", "#s", "!", "&", "+", "=", "^", "$", "*", ">", "<", "\\", ";c", ";r", ";u"};
    return kept.count(symbol) != 0;
}

std::uint64_t tripleKey(std::uint64_t h, std::uint64_t r, std::uint64_t t) { return (h * 64 + r) * 4194304ull + t; }
std::uint64_t pairKey(std::uint64_t e, std::uint64_t r) { return e * 64 + r; }

struct Known {
    std::unordered_map<std::uint64_t, std::vector<int>> tailsOf, headsOf;  // (h, r) -> tails, (t, r) -> heads
};

Known knownTriples(const KnowledgeGraph& g)
{
    Known k;
    for (const auto* split : {&g.train, &g.valid, &g.test})
        for (const KgTriple& x : *split) {
            k.tailsOf[pairKey(static_cast<std::uint64_t>(x.head), static_cast<std::uint64_t>(x.relation))].push_back(x.tail);
            k.headsOf[pairKey(static_cast<std::uint64_t>(x.tail), static_cast<std::uint64_t>(x.relation))].push_back(x.head);
        }
    return k;
}

// Accumulates ranks (1 = best, ties shared) into a LinkPrediction.
struct RankSum {
    double rank = 0, rr = 0, h1 = 0, h10 = 0;
    int n = 0;
    void add(double r)
    {
        rank += r;
        rr += 1.0 / r;
        h1 += r <= 1.0 ? 1 : 0;
        h10 += r <= 10.0 ? 1 : 0;
        ++n;
    }
    LinkPrediction done(int triples) const
    {
        LinkPrediction p;
        p.triples = triples;
        if (n == 0) return p;
        p.meanRank = rank / n;
        p.mrr = rr / n;
        p.hits1 = h1 / n;
        p.hits10 = h10 / n;
        return p;
    }
};

// The filtered rank of `target` when lower scores are better: 1 + the others strictly better
// + half the ties, the other true answers left out.
double filteredRank(const float* score, int n, int target, const std::vector<int>& trueOnes)
{
    const float s = score[target];
    int less = 0, equal = 0;
    for (int j = 0; j < n; ++j) {
        less += score[j] < s;
        equal += score[j] == s;
    }
    for (int j : trueOnes) {
        if (j == target) continue;
        less -= score[j] < s;
        equal -= score[j] == s;
    }
    return 1.0 + less + 0.5 * (equal - 1);
}

const std::vector<int>& lookupOr(const std::unordered_map<std::uint64_t, std::vector<int>>& m, std::uint64_t key)
{
    static const std::vector<int> none;
    auto it = m.find(key);
    return it == m.end() ? none : it->second;
}

nlohmann::json toJson(const LinkPrediction& p)
{
    return {{"triples", p.triples}, {"mean_rank", p.meanRank}, {"mrr", p.mrr}, {"hits_at_1", p.hits1}, {"hits_at_10", p.hits10}};
}

} // namespace

void splitTriples(KnowledgeGraph& g, std::uint64_t seed, double heldOut)
{
    std::vector<KgTriple> all;
    for (auto* split : {&g.train, &g.valid, &g.test}) {
        all.insert(all.end(), split->begin(), split->end());
        split->clear();
    }
    std::vector<KgTriple> held[2];
    for (const KgTriple& x : all) {
        const auto a = static_cast<std::uint64_t>(std::min(x.head, x.tail)), b = static_cast<std::uint64_t>(std::max(x.head, x.tail));
        const std::uint64_t h = splitmix64(seed * 0x9e3779b97f4a7c15ull ^ tripleKey(a, static_cast<std::uint64_t>(x.relation), b));
        const double u = static_cast<double>(h >> 11) / 9007199254740992.0;
        if (u < heldOut) held[1].push_back(x);
        else if (u < 2 * heldOut) held[0].push_back(x);
        else g.train.push_back(x);
    }
    std::unordered_set<int> seen;
    for (const KgTriple& x : g.train) {
        seen.insert(x.head);
        seen.insert(x.tail);
    }
    for (int s = 0; s < 2; ++s)
        for (const KgTriple& x : held[s]) {
            if (seen.count(x.head) && seen.count(x.tail)) (s == 0 ? g.valid : g.test).push_back(x);
            else g.train.push_back(x);
        }
}

KnowledgeGraph buildGraph(const WordNet& wn, const std::vector<int>& synsets, const KgBuildOptions& options)
{
    std::set<int> nodes(synsets.begin(), synsets.end());
    KnowledgeGraph g;
    g.groundedSynsets = static_cast<int>(nodes.size());
    if (options.ancestors) {
        std::vector<int> todo(nodes.begin(), nodes.end());
        while (!todo.empty()) {
            const int s = todo.back();
            todo.pop_back();
            for (const WnPointer& p : wn.synset(s).pointers)
                if ((p.symbol == "@" || p.symbol == "@i") && nodes.insert(p.target).second) todo.push_back(p.target);
        }
    }
    std::map<std::string, int> relIndex;
    for (const auto& t : wnRelationTypes())
        if (forward(t.symbol)) relIndex.emplace(t.symbol, 0);
    std::set<std::tuple<int, std::string, int>> triples;
    for (int s : nodes)
        for (const WnPointer& p : wn.synset(s).pointers)
            if (p.target != s && forward(p.symbol) && nodes.count(p.target)) triples.insert({s, p.symbol, p.target});
    // Entities in synset order, relations in wninput's order, both only where a triple uses them.
    std::set<int> used;
    std::set<std::string> usedRel;
    for (const auto& [h, r, t] : triples) {
        used.insert(h);
        used.insert(t);
        usedRel.insert(r);
    }
    std::unordered_map<int, int> entityOf;
    for (int s : used) {
        entityOf[s] = static_cast<int>(g.entitySynsets.size());
        g.entitySynsets.push_back(s);
        g.entityNames.push_back(wn.name(s));
    }
    for (const auto& t : wnRelationTypes())
        if (usedRel.count(t.symbol)) {
            relIndex[t.symbol] = static_cast<int>(g.relations.size());
            g.relations.push_back(t.symbol);
        }
    for (const auto& [h, r, t] : triples) g.train.push_back({entityOf[h], relIndex[r], entityOf[t]});
    splitTriples(g, options.seed, options.heldOut);
    return g;
}

KnowledgeGraph buildBrownGraph(const WordNet& wn, const KgBuildOptions& options)
{
    std::set<int> grounded;
    for (const auto& doc : brownTagsFor(bundledCorpus().documents))
        for (const TaggedSentence& s : doc)
            for (const Mention& m : groundWords(wn, s.words, s.tags)) grounded.insert(m.synset);
    return buildGraph(wn, std::vector<int>(grounded.begin(), grounded.end()), options);
}

const KnowledgeGraph& cachedBrownGraph(const WordNet& wn, const KgBuildOptions& b)
{
    static std::mutex mu;
    static std::map<std::tuple<std::uint64_t, double, bool>, std::unique_ptr<KnowledgeGraph>> cache;
    std::lock_guard<std::mutex> lock(mu);
    auto& slot = cache[{b.seed, b.heldOut, b.ancestors}];
    if (!slot) slot = std::make_unique<KnowledgeGraph>(buildBrownGraph(wn, b));
    return *slot;
}

const KnowledgeGraph& transEGraph(const LoadedTransE& t, const std::string& dir)
{
    const KnowledgeGraph& g = cachedBrownGraph(WordNet::installed(), t.build);
    if (g.entityNames != t.entityNames || g.relations != t.relations)
        throw Error(dir + ": its entities differ from the graph rebuilt from this WordNet and corpus (" + std::to_string(t.entityNames.size()) +
                        " saved, " + std::to_string(g.numEntities()) + " rebuilt)",
                    "train it again here: pretrainlab-cli transe train --out " + dir);
    return g;
}

void validateTransEOptions(const TransEOptions& o)
{
    auto bad = [](const std::string& what) { throw Error("TransE: " + what, "defaults: --dim 100 --norm 2 --margin 1 --lr 0.01 --epochs 1000 --batch 1024"); };
    if (o.dim < 1) bad("--dim must be at least 1 (got " + std::to_string(o.dim) + ")");
    if (o.norm != 1 && o.norm != 2) bad("--norm must be 1 (L1) or 2 (L2) (got " + std::to_string(o.norm) + ")");
    if (!(o.margin > 0)) bad("--margin must be positive");
    if (!(o.lr > 0)) bad("--lr must be positive");
    if (o.batch < 1) bad("--batch must be at least 1");
    if (o.epochs < 1) bad("--epochs must be at least 1");
}

TransE::TransE(int numEntities, int numRelations, const TransEOptions& o) : options(o)
{
    require(numEntities > 1 && numRelations > 0, "TransE needs at least two entities and one relation");
    validateTransEOptions(o);
    torch::manual_seed(o.seed);
    const double bound = 6.0 / std::sqrt(static_cast<double>(o.dim));
    entities = torch::empty({numEntities, o.dim}).uniform_(-bound, bound);
    relations = torch::empty({numRelations, o.dim}).uniform_(-bound, bound);
    relations = relations / relations.norm(2, 1, true);
    renormalise();
}

torch::Tensor TransE::norm(const torch::Tensor& d) const
{
    return options.norm == 1 ? d.abs().sum(-1) : d.pow(2).sum(-1).clamp_min(1e-12).sqrt();
}

torch::Tensor TransE::distance(const torch::Tensor& h, const torch::Tensor& r, const torch::Tensor& t) const
{
    const torch::Tensor d = entities.index_select(0, h.flatten()) + relations.index_select(0, r.flatten()) - entities.index_select(0, t.flatten());
    return norm(d).view(h.sizes());
}

torch::Tensor TransE::loss(const torch::Tensor& h, const torch::Tensor& r, const torch::Tensor& t, const torch::Tensor& nh,
                           const torch::Tensor& nt) const
{
    return torch::relu(options.margin + distance(h, r, t) - distance(nh, r, nt)).mean();
}

void TransE::renormalise()
{
    torch::NoGradGuard g;
    entities.div_(entities.norm(2, 1, true).clamp_min(1e-12));
}

std::vector<double> bernoulliHeadProbability(const std::vector<KgTriple>& triples, int numRelations)
{
    std::vector<std::map<int, int>> tailsPerHead(static_cast<std::size_t>(numRelations)), headsPerTail(static_cast<std::size_t>(numRelations));
    for (const KgTriple& x : triples) {
        ++tailsPerHead[static_cast<std::size_t>(x.relation)][x.head];
        ++headsPerTail[static_cast<std::size_t>(x.relation)][x.tail];
    }
    std::vector<double> p(static_cast<std::size_t>(numRelations), 0.5);
    for (std::size_t r = 0; r < p.size(); ++r) {
        if (tailsPerHead[r].empty()) continue;
        double tph = 0, hpt = 0;
        for (const auto& [e, c] : tailsPerHead[r]) tph += c;
        for (const auto& [e, c] : headsPerTail[r]) hpt += c;
        tph /= static_cast<double>(tailsPerHead[r].size());
        hpt /= static_cast<double>(headsPerTail[r].size());
        p[r] = tph / (tph + hpt);
    }
    return p;
}

double TransE::step(const torch::Tensor& h, const torch::Tensor& r, const torch::Tensor& t, const torch::Tensor& nh, const torch::Tensor& nt)
{
    // SGD on the summed loss, as the paper (every triple moves its entities by lr, whatever the
    // batch size), with the gradient written out so that only the rows a batch touches change.
    torch::NoGradGuard guard;
    const torch::Tensor rv = relations.index_select(0, r);
    const torch::Tensor pos = entities.index_select(0, h) + rv - entities.index_select(0, t);
    const torch::Tensor neg = entities.index_select(0, nh) + rv - entities.index_select(0, nt);
    const torch::Tensor dp = norm(pos), dn = norm(neg);
    const torch::Tensor per = torch::relu(options.margin + dp - dn);
    const torch::Tensor active = (per > 0).to(torch::kFloat).unsqueeze(1) * options.lr;
    const torch::Tensor gp = active * (options.norm == 1 ? pos.sign() : pos / dp.unsqueeze(1));
    const torch::Tensor gn = active * (options.norm == 1 ? neg.sign() : neg / dn.unsqueeze(1));
    entities.index_add_(0, h, -gp);
    entities.index_add_(0, t, gp);
    entities.index_add_(0, nh, gn);
    entities.index_add_(0, nt, -gn);
    relations.index_add_(0, r, gn - gp);
    return per.mean().item<double>();
}

double TransE::epoch(const std::vector<KgTriple>& triples, const std::vector<double>& headProbability, at::Generator& gen)
{
    const auto n = static_cast<std::int64_t>(triples.size());
    require(n > 0, "TransE: no training triples");
    std::vector<std::int64_t> hv(static_cast<std::size_t>(n)), rv(hv.size()), tv(hv.size());
    std::vector<float> pv(hv.size());
    for (std::size_t i = 0; i < hv.size(); ++i) {
        hv[i] = triples[i].head;
        rv[i] = triples[i].relation;
        tv[i] = triples[i].tail;
        pv[i] = static_cast<float>(headProbability[static_cast<std::size_t>(triples[i].relation)]);
    }
    const torch::Tensor H = torch::tensor(hv), R = torch::tensor(rv), T = torch::tensor(tv), P = torch::tensor(pv);
    const torch::Tensor order = torch::randperm(n, gen, torch::kLong);
    const std::int64_t E = entities.size(0);
    double total = 0;
    int batches = 0;
    for (std::int64_t at = 0; at < n; at += options.batch) {
        const torch::Tensor idx = order.slice(0, at, std::min(n, at + options.batch));
        const torch::Tensor h = H.index_select(0, idx), r = R.index_select(0, idx), t = T.index_select(0, idx);
        const torch::Tensor random = torch::randint(E, {idx.size(0)}, gen, torch::kLong);
        const torch::Tensor corruptHead = torch::rand({idx.size(0)}, gen) < P.index_select(0, idx);
        const torch::Tensor nh = torch::where(corruptHead, random, h), nt = torch::where(corruptHead, t, random);
        renormalise();
        total += step(h, r, t, nh, nt);
        ++batches;
    }
    renormalise();
    return total / batches;
}

namespace {

// The filtered (tail rank + head rank) / 2 of every triple of eval, in order.
std::vector<std::pair<double, double>> rankTriples(const TransE& model, const Known& known, const std::vector<KgTriple>& eval)
{
    torch::NoGradGuard guard;
    const torch::Tensor E = model.entities.detach(), R = model.relations.detach();
    const int n = static_cast<int>(E.size(0));
    std::vector<std::pair<double, double>> ranks;
    const std::size_t chunk = 64;
    for (std::size_t at = 0; at < eval.size(); at += chunk) {
        const std::size_t end = std::min(eval.size(), at + chunk);
        std::vector<std::int64_t> h, r, t;
        for (std::size_t i = at; i < end; ++i) {
            h.push_back(eval[i].head);
            r.push_back(eval[i].relation);
            t.push_back(eval[i].tail);
        }
        const torch::Tensor Ht = torch::tensor(h), Rt = torch::tensor(r), Tt = torch::tensor(t);
        // Tails: || (h + r) - e ||; heads: || e - (t - r) ||.
        const torch::Tensor tailQ = E.index_select(0, Ht) + R.index_select(0, Rt), headQ = E.index_select(0, Tt) - R.index_select(0, Rt);
        const double p = model.options.norm;
        const torch::Tensor tailScores = torch::cdist(tailQ, E, p).contiguous(), headScores = torch::cdist(headQ, E, p).contiguous();
        for (std::size_t i = at; i < end; ++i) {
            const KgTriple& x = eval[i];
            const auto row = static_cast<std::int64_t>(i - at);
            ranks.emplace_back(filteredRank(tailScores[row].data_ptr<float>(), n, x.tail,
                                            lookupOr(known.tailsOf, pairKey(static_cast<std::uint64_t>(x.head), static_cast<std::uint64_t>(x.relation)))),
                               filteredRank(headScores[row].data_ptr<float>(), n, x.head,
                                            lookupOr(known.headsOf, pairKey(static_cast<std::uint64_t>(x.tail), static_cast<std::uint64_t>(x.relation)))));
        }
    }
    return ranks;
}

LinkPrediction summarise(const std::vector<std::pair<double, double>>& ranks)
{
    RankSum sum;
    for (const auto& [tail, head] : ranks) {
        sum.add(tail);
        sum.add(head);
    }
    return sum.done(static_cast<int>(ranks.size()));
}

} // namespace

LinkPrediction linkPrediction(const TransE& model, const KnowledgeGraph& graph, const std::vector<KgTriple>& eval)
{
    return summarise(rankTriples(model, knownTriples(graph), eval));
}

void evaluateTransEInto(TransEReport& rep, const TransE& model, const KnowledgeGraph& graph)
{
    rep.entities = static_cast<int>(graph.numEntities());
    rep.relations = static_cast<int>(graph.relations.size());
    rep.trainTriples = static_cast<int>(graph.train.size());
    rep.validTriples = static_cast<int>(graph.valid.size());
    rep.testTriples = static_cast<int>(graph.test.size());
    rep.groundedSynsets = graph.groundedSynsets;
    const Known known = knownTriples(graph);
    rep.valid = summarise(rankTriples(model, known, graph.valid));
    // The test triples are ranked once; the per-relation figures are the same ranks grouped.
    const auto ranks = rankTriples(model, known, graph.test);
    rep.test = summarise(ranks);
    rep.random = randomBaseline(graph, graph.test);
    rep.popularity = popularityBaseline(graph, graph.test);
    rep.byRelation.clear();
    for (std::size_t r = 0; r < graph.relations.size(); ++r) {
        std::vector<std::pair<double, double>> sub;
        for (std::size_t i = 0; i < graph.test.size(); ++i)
            if (graph.test[i].relation == static_cast<int>(r)) sub.push_back(ranks[i]);
        if (!sub.empty()) rep.byRelation.emplace_back(wnRelationName(graph.relations[r]), summarise(sub));
    }
}

LinkPrediction popularityBaseline(const KnowledgeGraph& graph, const std::vector<KgTriple>& eval)
{
    const Known known = knownTriples(graph);
    const int n = static_cast<int>(graph.numEntities());
    const std::size_t R = graph.relations.size();
    // Lower is better: minus how often an entity is the tail (head) of the relation in train.
    std::vector<std::vector<float>> asTail(R, std::vector<float>(static_cast<std::size_t>(n), 0.f)), asHead = asTail;
    for (const KgTriple& x : graph.train) {
        asTail[static_cast<std::size_t>(x.relation)][static_cast<std::size_t>(x.tail)] -= 1;
        asHead[static_cast<std::size_t>(x.relation)][static_cast<std::size_t>(x.head)] -= 1;
    }
    RankSum sum;
    for (const KgTriple& x : eval) {
        sum.add(filteredRank(asTail[static_cast<std::size_t>(x.relation)].data(), n, x.tail,
                             lookupOr(known.tailsOf, pairKey(static_cast<std::uint64_t>(x.head), static_cast<std::uint64_t>(x.relation)))));
        sum.add(filteredRank(asHead[static_cast<std::size_t>(x.relation)].data(), n, x.head,
                             lookupOr(known.headsOf, pairKey(static_cast<std::uint64_t>(x.tail), static_cast<std::uint64_t>(x.relation)))));
    }
    return sum.done(static_cast<int>(eval.size()));
}

LinkPrediction randomBaseline(const KnowledgeGraph& graph, const std::vector<KgTriple>& eval)
{
    // The expectation over a uniformly random order of the m candidates left after filtering.
    const Known known = knownTriples(graph);
    const double n = static_cast<double>(graph.numEntities());
    double rank = 0, rr = 0, h1 = 0, h10 = 0;
    int count = 0;
    auto add = [&](std::size_t trueOnes) {
        const double m = n - static_cast<double>(trueOnes) + 1;
        double harmonic = 0;
        for (int k = 1; k <= static_cast<int>(m); ++k) harmonic += 1.0 / k;
        rank += (m + 1) / 2;
        rr += harmonic / m;
        h1 += 1 / m;
        h10 += std::min(10.0, m) / m;
        ++count;
    };
    for (const KgTriple& x : eval) {
        add(lookupOr(known.tailsOf, pairKey(static_cast<std::uint64_t>(x.head), static_cast<std::uint64_t>(x.relation))).size());
        add(lookupOr(known.headsOf, pairKey(static_cast<std::uint64_t>(x.tail), static_cast<std::uint64_t>(x.relation))).size());
    }
    LinkPrediction p;
    p.triples = static_cast<int>(eval.size());
    if (count) {
        p.meanRank = rank / count;
        p.mrr = rr / count;
        p.hits1 = h1 / count;
        p.hits10 = h10 / count;
    }
    return p;
}

TransEReport trainTransE(TransE& model, const KnowledgeGraph& graph, const std::function<void(int, double)>& progress,
                         const std::function<bool()>& stop)
{
    const auto start = std::chrono::steady_clock::now();
    require(model.entities.size(0) == static_cast<std::int64_t>(graph.numEntities()) &&
                model.relations.size(0) == static_cast<std::int64_t>(graph.relations.size()),
            "TransE: the model's tables do not match the graph");
    TransEReport rep;
    const std::vector<double> headP = bernoulliHeadProbability(graph.train, static_cast<int>(graph.relations.size()));
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(model.options.seed);
    for (int e = 1; e <= model.options.epochs; ++e) {
        if (stop && stop()) break;
        rep.finalLoss = model.epoch(graph.train, headP, gen);
        rep.lossByEpoch.push_back(rep.finalLoss);
        if (progress) progress(e, rep.finalLoss);
    }
    // The figures are those of the stored (F16) vectors.
    {
        torch::NoGradGuard g;
        model.entities.copy_(model.entities.to(torch::kHalf).to(torch::kFloat));
        model.relations.copy_(model.relations.to(torch::kHalf).to(torch::kFloat));
    }
    evaluateTransEInto(rep, model, graph);
    rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return rep;
}

void saveTransE(const std::filesystem::path& dir, const TransE& model, const KnowledgeGraph& graph, const TransEReport& rep,
                const KgBuildOptions& build)
{
    std::filesystem::create_directories(dir);
    std::string entities = "index\tname\tsynset\n", relations = "index\tsymbol\tname\n";
    for (std::size_t i = 0; i < graph.numEntities(); ++i) entities += std::to_string(i) + '\t' + graph.entityNames[i] + '\t' + std::to_string(graph.entitySynsets[i]) + '\n';
    for (std::size_t i = 0; i < graph.relations.size(); ++i)
        relations += std::to_string(i) + '\t' + graph.relations[i] + '\t' + wnRelationName(graph.relations[i]) + '\n';
    writeFileAtomic(dir / "entities.tsv", entities);
    writeFileAtomic(dir / "relations.tsv", relations);
    writeSafetensors(dir / "transe.safetensors",
                     {{"entity_embeddings", model.entities.detach().to(torch::kHalf).contiguous()},
                      {"relation_embeddings", model.relations.detach().to(torch::kHalf).contiguous()}},
                     {{"format", "pretrainlab-transe-1"}, {"entities", std::to_string(graph.numEntities())}, {"relations", std::to_string(graph.relations.size())}});
    nlohmann::json byRel = nlohmann::json::object();
    for (const auto& [name, p] : rep.byRelation) byRel[name] = toJson(p);
    const nlohmann::json j = {
        {"format", "pretrainlab-transe-1"},
        {"options", {{"dim", model.options.dim}, {"margin", model.options.margin}, {"lr", model.options.lr}, {"epochs", model.options.epochs},
                     {"batch", model.options.batch}, {"norm", model.options.norm}, {"seed", model.options.seed}}},
        {"graph", {{"seed", build.seed}, {"held_out", build.heldOut}, {"ancestors", build.ancestors}, {"grounded_synsets", rep.groundedSynsets},
                   {"entities", rep.entities}, {"relations", rep.relations}, {"train", rep.trainTriples}, {"valid", rep.validTriples},
                   {"test", rep.testTriples}}},
        {"final_loss", rep.finalLoss},
        {"loss_by_epoch", rep.lossByEpoch},
        {"seconds", rep.seconds},
        {"test", toJson(rep.test)},
        {"valid", toJson(rep.valid)},
        {"baselines", {{"random", toJson(rep.random)}, {"popularity", toJson(rep.popularity)}}},
        {"test_by_relation", byRel}};
    writeFileAtomic(dir / "transe.json", j.dump(2) + "\n");
}

LoadedTransE loadTransE(const std::filesystem::path& dir)
{
    const std::string hint = "train one with: pretrainlab-cli transe train --out " + dir.string();
    for (const char* f : {"transe.json", "transe.safetensors", "entities.tsv", "relations.tsv"})
        if (!std::filesystem::exists(dir / f)) throw Error((dir / f).string() + " is missing", hint);
    LoadedTransE out;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(readTextFile(dir / "transe.json"));
        if (j.value("format", "") != "pretrainlab-transe-1") throw Error((dir / "transe.json").string() + ": not a PretrainLab TransE file", hint);
        const auto& o = j.at("options");
        out.options.dim = o.at("dim");
        out.options.margin = o.at("margin");
        out.options.lr = o.at("lr");
        out.options.epochs = o.at("epochs");
        out.options.batch = o.at("batch");
        out.options.norm = o.at("norm");
        out.options.seed = o.at("seed");
        const auto& g = j.at("graph");
        out.build.seed = g.at("seed");
        out.build.heldOut = g.at("held_out");
        out.build.ancestors = g.at("ancestors");
    } catch (const nlohmann::json::exception& e) {
        throw Error((dir / "transe.json").string() + ": " + e.what(), hint);
    }
    auto rows = [&](const char* file, int column) {
        std::vector<std::string> v;
        std::istringstream in(readTextFile(dir / file));
        std::string line;
        std::getline(in, line);
        int lineNo = 1;
        while (std::getline(in, line)) {
            ++lineNo;
            if (line.empty()) continue;
            std::vector<std::string> f;
            std::stringstream ls(line);
            for (std::string x; std::getline(ls, x, '\t');) f.push_back(x);
            if (static_cast<int>(f.size()) <= column || f[0] != std::to_string(v.size()))
                throw Error((dir / file).string() + ", line " + std::to_string(lineNo) + ": expected index " + std::to_string(v.size()) + " and a name", hint);
            v.push_back(f[static_cast<std::size_t>(column)]);
        }
        return v;
    };
    out.entityNames = rows("entities.tsv", 1);
    out.relations = rows("relations.tsv", 1);
    const SafetensorsFile st = SafetensorsFile::open(dir / "transe.safetensors");
    for (const char* name : {"entity_embeddings", "relation_embeddings"})
        if (!st.contains(name)) throw Error((dir / "transe.safetensors").string() + " has no tensor " + name, hint);
    out.entities = st.tensor("entity_embeddings").to(torch::kFloat);
    out.relationVectors = st.tensor("relation_embeddings").to(torch::kFloat);
    auto check = [&](const torch::Tensor& t, std::size_t rowsWanted, const std::string& what) {
        if (t.dim() != 2 || t.size(0) != static_cast<std::int64_t>(rowsWanted) || t.size(1) != out.options.dim)
            throw Error((dir / "transe.safetensors").string() + ": " + what + " is not " + std::to_string(rowsWanted) + " x " +
                            std::to_string(out.options.dim) + " as entities.tsv / relations.tsv and transe.json say",
                        "the files come from different runs; " + hint);
    };
    check(out.entities, out.entityNames.size(), "entity_embeddings");
    check(out.relationVectors, out.relations.size(), "relation_embeddings");
    return out;
}

} // namespace ptl

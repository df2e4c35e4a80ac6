// KagNET (Lin et al. 2019, §3.3-3.4): for each (question, choice), the schema graph's concepts
// are refined by a 2-layer GCN over the graph (initialised with TransE's entity vectors), each
// path is read by an LSTM over its (concept, relation) steps, and hierarchical attention
// conditioned on the statement vector s (our BERT's [CLS] over "question [SEP] choice") weighs
// the paths within a concept pair (alpha) and the pairs (beta); the score is an MLP of
// [s; sum beta (sum alpha R ; T)] with T = MLP([question concept; answer concept]). Trained by a
// margin ranking loss between the right choice and each wrong one. Beside it, the BERT-only
// statement scorer: the same s, the same MLP and loss, no graph.
#include "core/api/Knowledge.h"
#include "core/api/Tasks.h"
#include "core/knowledge/KagNetGraph.h"
#include "core/knowledge/TransE.h"
#include "core/model/Checkpoint.h"
#include "core/model/Safetensors.h"
#include "core/tasks/CommonsenseTask.h"
#include "core/tasks/TaskEncoding.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Hash.h"
#include "core/util/Runtime.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <mutex>
#include <numeric>
#include <random>
#include <set>
#include <tuple>
#include <unordered_map>

namespace ptl {

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

constexpr int kSteps = 4;  // path nodes at most (3 hops)

// A batch of schema graphs as index tensors (graph g's nodes, pairs and paths offset into one set).
struct GraphBatch {
    torch::Tensor nodeEntity, edgeSrc, edgeDst, degree;
    torch::Tensor pairQ, pairA, pairGraph;
    torch::Tensor pathNodes, pathRel, pathLast, pathPair;
    torch::Tensor statements;
    std::int64_t graphs = 0, pairs = 0, paths = 0;
};

GraphBatch makeBatch(const std::vector<const SchemaGraph*>& graphs, const torch::Tensor& statements, int padRelation)
{
    std::vector<std::int64_t> nodeEntity, src, dst, pq, pa, pg, pn, pr, pl, pp;
    std::vector<float> deg;
    std::int64_t pairBase = 0;
    for (std::size_t gi = 0; gi < graphs.size(); ++gi) {
        const SchemaGraph& s = *graphs[gi];
        const auto base = static_cast<std::int64_t>(nodeEntity.size());
        for (int e : s.nodes) nodeEntity.push_back(e);
        deg.resize(nodeEntity.size(), 0.f);
        for (const auto& e : s.edges) {
            for (const auto& [a, b] : {std::pair<int, int>{e.from, e.to}, std::pair<int, int>{e.to, e.from}}) {
                src.push_back(base + a);
                dst.push_back(base + b);
                deg[static_cast<std::size_t>(base + b)] += 1.f;
            }
        }
        for (const auto& p : s.pairs) {
            pq.push_back(base + s.nodeIndex(p.question));
            pa.push_back(base + s.nodeIndex(p.answer));
            pg.push_back(static_cast<std::int64_t>(gi));
        }
        for (const auto& sp : s.paths) {
            const auto n = sp.path.nodes.size();
            for (std::size_t k = 0; k < kSteps; ++k) {
                pn.push_back(k < n ? base + s.nodeIndex(sp.path.nodes[k]) : base);
                pr.push_back(k + 1 < n ? sp.path.relations[k] : padRelation);
            }
            pl.push_back(static_cast<std::int64_t>(n) - 1);
            pp.push_back(pairBase + sp.pair);
        }
        pairBase += static_cast<std::int64_t>(s.pairs.size());
    }
    auto t = [](const std::vector<std::int64_t>& v) { return torch::tensor(v, torch::kInt64); };
    GraphBatch b;
    b.nodeEntity = t(nodeEntity);
    b.edgeSrc = t(src);
    b.edgeDst = t(dst);
    b.degree = torch::tensor(deg).clamp_min(1.f).unsqueeze(1);
    b.pairQ = t(pq);
    b.pairA = t(pa);
    b.pairGraph = t(pg);
    b.pathNodes = t(pn).view({-1, kSteps});
    b.pathRel = t(pr).view({-1, kSteps});
    b.pathLast = t(pl);
    b.pathPair = t(pp);
    b.statements = statements;
    b.graphs = static_cast<std::int64_t>(graphs.size());
    b.pairs = pairBase;
    b.paths = static_cast<std::int64_t>(pl.size());
    return b;
}

// Softmax of logits within each segment (seg: segment per logit, n segments).
torch::Tensor segmentSoftmax(const torch::Tensor& logits, const torch::Tensor& seg, std::int64_t n)
{
    const auto m = torch::full({n}, -1e30, logits.options()).scatter_reduce(0, seg, logits.detach(), "amax", true);
    const auto e = (logits - m.index_select(0, seg)).exp();
    const auto z = torch::zeros({n}, logits.options()).index_add(0, seg, e);
    return e / z.index_select(0, seg);
}

struct KagNetOut {
    torch::Tensor scores, alpha, beta;  // [G], [paths], [pairs]
};

class KagNetImpl : public torch::nn::Module {
public:
    KagNetImpl(const torch::Tensor& entities, const torch::Tensor& relations, int statementDim, int hidden, double dropout)
        : concepts(entities), dropout_(dropout)
    {
        const auto d = entities.size(1);
        const auto R = relations.size(0);
        relation = register_module("relation", torch::nn::Embedding(torch::nn::EmbeddingOptions(2 * R + 1, d).padding_idx(2 * R)));
        {
            torch::NoGradGuard ng;
            relation->weight.narrow(0, 0, R).copy_(relations);
            relation->weight.narrow(0, R, R).copy_(-relations);
            relation->weight[2 * R].zero_();
        }
        for (int l = 0; l < 2; ++l) {
            self.push_back(register_module("gcn" + std::to_string(l) + "_self", torch::nn::Linear(d, d)));
            neighbour.push_back(register_module("gcn" + std::to_string(l) + "_neighbour", torch::nn::Linear(torch::nn::LinearOptions(d, d).bias(false))));
        }
        lstm = register_module("path_lstm", torch::nn::LSTM(torch::nn::LSTMOptions(3 * d, hidden).batch_first(true)));
        pair = register_module("pair", torch::nn::Linear(4 * d, hidden));
        pathAttention = register_module("path_attention", torch::nn::Linear(torch::nn::LinearOptions(statementDim, hidden).bias(false)));
        pairAttention = register_module("pair_attention", torch::nn::Linear(torch::nn::LinearOptions(statementDim, hidden).bias(false)));
        out1 = register_module("out1", torch::nn::Linear(statementDim + 2 * hidden, hidden));
        out2 = register_module("out2", torch::nn::Linear(hidden, 1));
        hidden_ = hidden;
    }

    KagNetOut forward(const GraphBatch& b)
    {
        const auto c0 = concepts.index_select(0, b.nodeEntity);
        auto h = c0;
        for (std::size_t l = 0; l < self.size(); ++l) {
            auto agg = torch::zeros_like(h);
            if (b.edgeSrc.numel() > 0) agg = agg.index_add(0, b.edgeDst, neighbour[l]->forward(h).index_select(0, b.edgeSrc)) / b.degree;
            h = torch::dropout(torch::relu(self[l]->forward(h) + agg), dropout_, is_training());
        }
        const auto c = torch::cat({c0, h}, 1);  // [N, 2d]
        KagNetOut o;
        auto rbar = torch::zeros({b.pairs, hidden_});
        if (b.paths > 0) {
            const auto x = torch::cat({c.index_select(0, b.pathNodes.flatten()).view({b.paths, kSteps, -1}), relation->forward(b.pathRel)}, 2);
            const auto out = std::get<0>(lstm->forward(x));                             // [K, steps, hidden]
            const auto r = out.index({torch::arange(b.paths), b.pathLast});             // the last step of each path
            const auto sPath = b.statements.index_select(0, b.pairGraph.index_select(0, b.pathPair));
            o.alpha = segmentSoftmax((pathAttention->forward(sPath) * r).sum(1), b.pathPair, b.pairs);
            rbar = rbar.index_add(0, b.pathPair, o.alpha.unsqueeze(1) * r);
        } else {
            o.alpha = torch::zeros({0});
        }
        auto g = torch::zeros({b.graphs, 2 * hidden_});
        if (b.pairs > 0) {
            const auto t = torch::relu(pair->forward(torch::cat({c.index_select(0, b.pairQ), c.index_select(0, b.pairA)}, 1)));
            const auto sPair = b.statements.index_select(0, b.pairGraph);
            o.beta = segmentSoftmax((pairAttention->forward(sPair) * t).sum(1), b.pairGraph, b.graphs);
            g = g.index_add(0, b.pairGraph, o.beta.unsqueeze(1) * torch::cat({rbar, t}, 1));
        } else {
            o.beta = torch::zeros({0});
        }
        const auto z = torch::dropout(torch::relu(out1->forward(torch::cat({b.statements, g}, 1))), dropout_, is_training());
        o.scores = out2->forward(z).squeeze(1);
        return o;
    }

    torch::Tensor concepts;  // frozen TransE entity vectors (not a parameter: they stay TransE's)
    torch::nn::Embedding relation{nullptr};
    std::vector<torch::nn::Linear> self, neighbour;
    torch::nn::LSTM lstm{nullptr};
    torch::nn::Linear pair{nullptr}, pathAttention{nullptr}, pairAttention{nullptr}, out1{nullptr}, out2{nullptr};

private:
    double dropout_ = 0;
    std::int64_t hidden_ = 0;
};
TORCH_MODULE(KagNet);

// The BERT-only statement scorer: the same MLP on s alone.
class StatementScorerImpl : public torch::nn::Module {
public:
    StatementScorerImpl(int statementDim, int hidden, double dropout) : dropout_(dropout)
    {
        out1 = register_module("out1", torch::nn::Linear(statementDim, hidden));
        out2 = register_module("out2", torch::nn::Linear(hidden, 1));
    }
    torch::Tensor forward(const torch::Tensor& s)
    {
        return out2->forward(torch::dropout(torch::relu(out1->forward(s)), dropout_, is_training())).squeeze(1);
    }
    torch::nn::Linear out1{nullptr}, out2{nullptr};

private:
    double dropout_ = 0;
};
TORCH_MODULE(StatementScorer);

torch::Tensor rankingLoss(const torch::Tensor& scores, const torch::Tensor& labels, int choices, double margin)
{
    const auto s = scores.view({-1, choices});
    const auto pos = s.gather(1, labels.unsqueeze(1));
    const auto wrong = torch::ones_like(s).scatter_(1, labels.unsqueeze(1), 0.0);
    return (torch::relu(margin - pos + s) * wrong).sum() / wrong.sum();
}

// ---- the statement reader: our BERT's pooled [CLS] over "question [SEP] choice"
class StatementReader {
public:
    explicit StatementReader(const fs::path& dir) : m_(loadCheckpoint(dir))
    {
        if (m_.config.causal || m_.config.family == Family::Gpt2)
            throw Error(dir.string() + " is a causal model; KagNET reads statements with a BERT-family encoder",
                        "give a BERT, ALBERT, DistilBERT, ELECTRA or ERNIE checkpoint (the paper: BERT fine-tuned on the questions, "
                        "'pretrainlab-cli finetune --task commonsense')");
        f_ = TaskInputFormat::forModel(*m_.tokenizer, false, m_.tokenizer->vocabSize(), 64);
        m_.model->eval();
    }
    int dim() const { return m_.config.hidden_size; }
    // [n, H] for (question, choice) pairs, in batches.
    torch::Tensor read(const std::vector<std::pair<std::string, std::string>>& statements)
    {
        torch::NoGradGuard ng;
        std::vector<torch::Tensor> out;
        const std::int64_t pad = m_.tokenizer->specials().pad >= 0 ? m_.tokenizer->specials().pad : 0;
        for (std::size_t i = 0; i < statements.size(); i += 64) {
            const std::size_t n = std::min<std::size_t>(64, statements.size() - i);
            std::vector<TaskInput> xs;
            std::int64_t T = 0;
            for (std::size_t k = 0; k < n; ++k) {
                TaskExample e;
                e.texts = {statements[i + k].first, statements[i + k].second};
                e.label = 0;
                xs.push_back(encodeTaskExample(*m_.tokenizer, f_, TaskKind::Classification, e));
                T = std::max<std::int64_t>(T, static_cast<std::int64_t>(xs.back().ids.size()));
            }
            auto ids = torch::full({static_cast<std::int64_t>(n), T}, pad, torch::kInt64), types = torch::zeros_like(ids), mask = torch::zeros_like(ids);
            auto readout = torch::zeros({static_cast<std::int64_t>(n)}, torch::kInt64);
            for (std::size_t k = 0; k < n; ++k) {
                const auto L = static_cast<std::int64_t>(xs[k].ids.size());
                const auto r = static_cast<std::int64_t>(k);
                ids[r].narrow(0, 0, L).copy_(torch::tensor(xs[k].ids, torch::kInt64));
                types[r].narrow(0, 0, L).copy_(torch::tensor(xs[k].types, torch::kInt64));
                mask[r].narrow(0, 0, L).fill_(1);
                readout[r] = xs[k].readout;
            }
            ForwardOptions o;
            o.heads = false;
            const auto y = m_.model->forward(ids, m_.config.type_vocab_size > 0 ? types : torch::Tensor(), mask, o);
            auto s = y.last_hidden.index({torch::arange(static_cast<std::int64_t>(n)), readout}).to(torch::kFloat32);
            if (m_.model->pooler) s = torch::tanh(m_.model->pooler->forward(s.to(y.last_hidden.scalar_type()))).to(torch::kFloat32);
            out.push_back(s);
        }
        return out.empty() ? torch::zeros({0, dim()}) : torch::cat(out, 0);
    }

private:
    LoadedModel m_;
    TaskInputFormat f_;
};

// ---- the graph and its TransE vectors
struct KnowledgeBase {
    LoadedTransE transe;
    const KnowledgeGraph* graph = nullptr;
    std::unique_ptr<PathGraph> paths;
    std::unordered_map<int, int> entityOf;  // synset -> entity
    std::set<std::tuple<int, int, int>> trainTriples;  // what TransE was trained on
    double distance(int h, int r, int t) const
    {
        const float* E = transe.entities.data_ptr<float>();
        const float* Rv = transe.relationVectors.data_ptr<float>();
        const auto d = transe.entities.size(1);
        double s = 0;
        for (std::int64_t k = 0; k < d; ++k) {
            const double x = E[h * d + k] + Rv[r * d + k] - E[t * d + k];
            s += transe.options.norm == 1 ? std::abs(x) : x * x;
        }
        return transe.options.norm == 1 ? s : std::sqrt(s);
    }
};

const KnowledgeBase& knowledgeBase(const std::string& transeDir)
{
    static std::mutex mu;
    static std::map<std::string, std::unique_ptr<KnowledgeBase>> cache;
    std::lock_guard<std::mutex> lock(mu);
    auto& slot = cache[transeDir];
    if (!slot) {
        auto kb = std::make_unique<KnowledgeBase>();
        kb->transe = loadTransE(transeDir);
        kb->transe.entities = kb->transe.entities.to(torch::kFloat32).contiguous();
        kb->transe.relationVectors = kb->transe.relationVectors.to(torch::kFloat32).contiguous();
        kb->graph = &transEGraph(kb->transe, transeDir);
        kb->paths = std::make_unique<PathGraph>(*kb->graph);
        for (const KgTriple& t : kb->graph->train) kb->trainTriples.insert({t.head, t.relation, t.tail});
        for (std::size_t i = 0; i < kb->graph->entitySynsets.size(); ++i) kb->entityOf[kb->graph->entitySynsets[i]] = static_cast<int>(i);
        slot = std::move(kb);
    }
    return *slot;
}

double pruneDistanceOf(const KnowledgeBase& kb, double quantile)
{
    if (quantile >= 1) return 1e30;
    std::vector<double> d;
    for (const auto* split : {&kb.graph->train, &kb.graph->valid, &kb.graph->test})
        for (const KgTriple& t : *split) d.push_back(kb.distance(t.head, t.relation, t.tail));
    if (d.empty()) return 1e30;
    const auto k = static_cast<std::size_t>(std::clamp(quantile, 0.0, 1.0) * static_cast<double>(d.size() - 1));
    std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(k), d.end());
    return d[k];
}

// One question with its choices' schema graphs and statement rows.
struct Prepared {
    const TaskExample* example = nullptr;
    std::vector<SchemaGraph> graphs;        // the graph as it is
    std::vector<SchemaGraph> hiddenGraphs;  // the asked fact left out
    bool trainHidden = false;               // a training question seen with its fact hidden
    bool unseen = false;                    // TransE never trained on the asked fact
    std::int64_t firstStatement = 0;
    const std::vector<SchemaGraph>& of(bool hidden) const { return hidden ? hiddenGraphs : graphs; }
};

// The fact a question asks, as graph triples: its template's relation between each question
// concept and each concept of the right choice, both ways round.
std::vector<KgTriple> askedFacts(const KnowledgeGraph& g, const std::string& stem, const std::vector<int>& qc, const std::vector<int>& ac)
{
    std::vector<KgTriple> out;
    const std::string name = commonsenseTemplateOf(stem);
    for (const auto& t : commonsenseTemplates()) {
        if (t.name != name) continue;
        const auto it = std::find(g.relations.begin(), g.relations.end(), t.symbol);
        if (it == g.relations.end()) break;
        const int r = static_cast<int>(it - g.relations.begin());
        for (int q : qc)
            for (int a : ac) {
                out.push_back({q, r, a});
                out.push_back({a, r, q});
            }
    }
    return out;
}

std::vector<Prepared> prepare(const KnowledgeBase& kb, const std::vector<TaskExample>& split, std::size_t limit, const SchemaOptions& so,
                              std::vector<std::pair<std::string, std::string>>& statements, double hideFraction, std::uint64_t seed)
{
    const WordNet& wn = WordNet::installed();
    std::vector<Prepared> out;
    const std::size_t n = limit > 0 ? std::min(limit, split.size()) : split.size();
    auto dist = [&](int h, int r, int t) { return kb.distance(h, r, t); };
    for (std::size_t i = 0; i < n; ++i) {
        Prepared p;
        p.example = &split[i];
        p.firstStatement = static_cast<std::int64_t>(statements.size());
        const std::string& stem = split[i].texts.front();
        const auto qc = questionConcepts(wn, kb.entityOf, stem);
        std::vector<std::vector<int>> ac;
        for (const auto& choice : split[i].choices) ac.push_back(answerConcepts(wn, kb.entityOf, choice));
        SchemaOptions hide = so;
        if (split[i].label >= 0 && split[i].label < static_cast<int>(ac.size()))
            hide.hidden = askedFacts(*kb.graph, stem, qc, ac[static_cast<std::size_t>(split[i].label)]);
        p.unseen = !hide.hidden.empty();
        for (const KgTriple& f : hide.hidden)
            if (kb.trainTriples.count({f.head, f.relation, f.tail})) p.unseen = false;
        for (std::size_t c = 0; c < ac.size(); ++c) {
            p.graphs.push_back(buildSchemaGraph(*kb.paths, qc, ac[c], so, dist));
            p.hiddenGraphs.push_back(buildSchemaGraph(*kb.paths, qc, ac[c], hide, dist));
            statements.push_back({stem, split[i].choices[c]});
        }
        p.trainHidden = static_cast<double>(splitmix64(seed * 0x2545f491ull + i) % 1000000) < hideFraction * 1e6;
        out.push_back(std::move(p));
    }
    return out;
}

// The path-length heuristic: the choice with the shortest kept path to a question concept
// (more paths of that length break ties, then the first).
int pathHeuristic(const std::vector<SchemaGraph>& graphs)
{
    int best = 0;
    std::pair<int, int> bestKey{1000, 0};
    for (std::size_t c = 0; c < graphs.size(); ++c) {
        int shortest = 1000, count = 0;
        for (const auto& sp : graphs[c].paths) {
            const int len = static_cast<int>(sp.path.relations.size());
            if (len < shortest) {
                shortest = len;
                count = 0;
            }
            if (len == shortest) ++count;
        }
        if (std::make_pair(shortest, -count) < std::make_pair(bestKey.first, -bestKey.second)) {
            bestKey = {shortest, count};
            best = static_cast<int>(c);
        }
    }
    return best;
}

// hidden: 0 the graphs as they are, 1 the asked facts hidden, 2 as each training question was drawn.
GraphBatch batchOf(const std::vector<const Prepared*>& qs, const torch::Tensor& statements, int padRelation, int hidden)
{
    std::vector<const SchemaGraph*> graphs;
    std::vector<std::int64_t> rows;
    for (const Prepared* p : qs)
        for (std::size_t c = 0; c < p->graphs.size(); ++c) {
            graphs.push_back(&p->of(hidden == 2 ? p->trainHidden : hidden == 1)[c]);
            rows.push_back(p->firstStatement + static_cast<std::int64_t>(c));
        }
    return makeBatch(graphs, statements.index_select(0, torch::tensor(rows, torch::kInt64)), padRelation);
}

torch::Tensor labelsOf(const std::vector<const Prepared*>& qs)
{
    std::vector<std::int64_t> l;
    for (const Prepared* p : qs) l.push_back(p->example->label);
    return torch::tensor(l, torch::kInt64);
}

struct Accuracies {
    double kagnet = 0, statement = 0, paths = 0;
    std::vector<int> kagnetRight, statementRight, pathsRight;
};

Accuracies evaluate(KagNet& model, StatementScorer& scorer, const std::vector<Prepared>& qs, const torch::Tensor& statements, int padRelation, bool hidden)
{
    torch::NoGradGuard ng;
    model->eval();
    scorer->eval();
    Accuracies a;
    for (std::size_t i = 0; i < qs.size(); i += 32) {
        std::vector<const Prepared*> part;
        for (std::size_t k = i; k < std::min(qs.size(), i + 32); ++k) part.push_back(&qs[k]);
        const auto b = batchOf(part, statements, padRelation, hidden ? 1 : 0);
        const int C = static_cast<int>(part.front()->graphs.size());
        const auto pk = model->forward(b).scores.view({-1, C}).argmax(1);
        const auto ps = scorer->forward(b.statements).view({-1, C}).argmax(1);
        for (std::size_t k = 0; k < part.size(); ++k) {
            const int gold = part[k]->example->label;
            a.kagnetRight.push_back(pk[static_cast<std::int64_t>(k)].item<std::int64_t>() == gold);
            a.statementRight.push_back(ps[static_cast<std::int64_t>(k)].item<std::int64_t>() == gold);
            a.pathsRight.push_back(pathHeuristic(part[k]->of(hidden)) == gold);
        }
    }
    auto mean = [](const std::vector<int>& v) { return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()); };
    a.kagnet = mean(a.kagnetRight);
    a.statement = mean(a.statementRight);
    a.paths = mean(a.pathsRight);
    model->train();
    scorer->train();
    return a;
}

// Dev and test accuracies of a trained model into its report: both ways (the asked fact in
// the graph and hidden), the questions TransE never saw, the test split by template.
void scoreInto(KagNetReport& r, KagNet& model, StatementScorer& scorer, const std::vector<Prepared>& dev, const std::vector<Prepared>& test,
               const torch::Tensor& S, int padRelation, int C)
{
    const Accuracies d = evaluate(model, scorer, dev, S, padRelation, false);
    const Accuracies t = evaluate(model, scorer, test, S, padRelation, false);
    const Accuracies dh = evaluate(model, scorer, dev, S, padRelation, true);
    const Accuracies th = evaluate(model, scorer, test, S, padRelation, true);
    r.kagnet = {d.kagnet, t.kagnet};
    r.kagnetHidden = {dh.kagnet, th.kagnet};
    r.statement = {d.statement, t.statement};
    r.pathHeuristic = {d.paths, t.paths};
    r.pathHeuristicHidden = {dh.paths, th.paths};
    // The questions whose fact TransE never saw, scored with it hidden.
    auto unseen = [](const std::vector<Prepared>& qs, const Accuracies& a, int& n) {
        double k = 0, st = 0, pa = 0;
        n = 0;
        for (std::size_t i = 0; i < qs.size(); ++i)
            if (qs[i].unseen) {
                ++n;
                k += a.kagnetRight[i];
                st += a.statementRight[i];
                pa += a.pathsRight[i];
            }
        const double d = std::max(1, n);
        return std::array<double, 3>{k / d, st / d, pa / d};
    };
    const auto ud = unseen(dev, dh, r.unseenDev), ut = unseen(test, th, r.unseenTest);
    r.kagnetUnseen = {ud[0], ut[0]};
    r.statementUnseen = {ud[1], ut[1]};
    r.pathHeuristicUnseen = {ud[2], ut[2]};
    r.chance = 1.0 / C;
    std::map<std::string, KagNetTemplateScore> by;
    for (std::size_t i = 0; i < test.size(); ++i) {
        auto& s = by[commonsenseTemplateOf(test[i].example->texts.front())];
        ++s.questions;
        s.kagnet += t.kagnetRight[i];
        s.statement += t.statementRight[i];
        s.paths += t.pathsRight[i];
        s.kagnetHidden += th.kagnetRight[i];
        s.pathsHidden += th.pathsRight[i];
    }
    for (const auto& tp : commonsenseTemplates()) {
        auto it = by.find(tp.name);
        if (it == by.end()) continue;
        KagNetTemplateScore s = it->second;
        s.name = tp.name;
        s.kagnet /= s.questions;
        s.statement /= s.questions;
        s.paths /= s.questions;
        s.kagnetHidden /= s.questions;
        s.pathsHidden /= s.questions;
        r.byTemplate.push_back(s);
    }
}

std::vector<torch::Tensor> snapshot(torch::nn::Module& m)
{
    std::vector<torch::Tensor> out;
    for (const auto& p : m.parameters()) out.push_back(p.detach().clone());
    return out;
}

void restore(torch::nn::Module& m, const std::vector<torch::Tensor>& s)
{
    torch::NoGradGuard ng;
    auto ps = m.parameters();
    for (std::size_t i = 0; i < ps.size(); ++i) ps[i].copy_(s[i]);
}

json optionsJson(const KagNetOptions& o)
{
    return {{"task_seed", o.taskSeed}, {"max_hops", o.maxHops}, {"max_paths", o.maxPaths}, {"prune_quantile", o.pruneQuantile},
            {"hidden", o.hidden},      {"epochs", o.epochs},     {"batch", o.batch},         {"lr", o.lr},
            {"margin", o.margin},      {"dropout", o.dropout},   {"seed", o.seed},           {"max_train", o.maxTrain},
            {"max_eval", o.maxEval},    {"hide_fraction", o.hideFraction}};
}

KagNetOptions optionsFrom(const json& j)
{
    KagNetOptions o;
    o.taskSeed = j.value("task_seed", o.taskSeed);
    o.maxHops = j.value("max_hops", o.maxHops);
    o.maxPaths = j.value("max_paths", o.maxPaths);
    o.pruneQuantile = j.value("prune_quantile", o.pruneQuantile);
    o.hidden = j.value("hidden", o.hidden);
    o.epochs = j.value("epochs", o.epochs);
    o.batch = j.value("batch", o.batch);
    o.lr = j.value("lr", o.lr);
    o.margin = j.value("margin", o.margin);
    o.dropout = j.value("dropout", o.dropout);
    o.seed = j.value("seed", o.seed);
    o.maxTrain = j.value("max_train", o.maxTrain);
    o.maxEval = j.value("max_eval", o.maxEval);
    o.hideFraction = j.value("hide_fraction", o.hideFraction);
    return o;
}

json accJson(const KagNetAccuracy& a) { return {{"dev", a.dev}, {"test", a.test}}; }
KagNetAccuracy accFrom(const json& j) { return {j.value("dev", 0.0), j.value("test", 0.0)}; }

json reportJson(const KagNetReport& r)
{
    json by = json::array();
    for (const auto& t : r.byTemplate)
        by.push_back({{"template", t.name}, {"questions", t.questions}, {"kagnet", t.kagnet}, {"statement", t.statement}, {"paths", t.paths},
                      {"kagnet_hidden", t.kagnetHidden}, {"paths_hidden", t.pathsHidden}});
    return {{"train_questions", r.trainQuestions},
            {"dev_questions", r.devQuestions},
            {"test_questions", r.testQuestions},
            {"question_concepts", r.questionConcepts},
            {"answer_concepts", r.answerConcepts},
            {"paths_found", r.pathsFound},
            {"paths_kept", r.pathsKept},
            {"no_path_choices", r.noPathChoices},
            {"paths_kept_hidden", r.pathsKeptHidden},
            {"no_path_choices_hidden", r.noPathChoicesHidden},
            {"kagnet_hidden", accJson(r.kagnetHidden)},
            {"path_heuristic_hidden", accJson(r.pathHeuristicHidden)},
            {"dev_hidden_by_epoch", r.devHiddenByEpoch},
            {"unseen_dev", r.unseenDev},
            {"unseen_test", r.unseenTest},
            {"kagnet_unseen", accJson(r.kagnetUnseen)},
            {"statement_unseen", accJson(r.statementUnseen)},
            {"path_heuristic_unseen", accJson(r.pathHeuristicUnseen)},
            {"prune_distance", r.pruneDistance},
            {"kagnet", accJson(r.kagnet)},
            {"statement_only", accJson(r.statement)},
            {"path_heuristic", accJson(r.pathHeuristic)},
            {"chance", r.chance},
            {"best_epoch", r.bestEpoch},
            {"loss_by_epoch", r.lossByEpoch},
            {"dev_by_epoch", r.devByEpoch},
            {"statement_dev_by_epoch", r.statementDevByEpoch},
            {"test_by_template", by},
            {"seconds", r.seconds},
            {"statement_checkpoint", r.statementCheckpoint},
            {"transe", r.transeDir}};
}

KagNetReport reportFrom(const json& j)
{
    KagNetReport r;
    r.trainQuestions = j.value("train_questions", 0);
    r.devQuestions = j.value("dev_questions", 0);
    r.testQuestions = j.value("test_questions", 0);
    r.questionConcepts = j.value("question_concepts", 0.0);
    r.answerConcepts = j.value("answer_concepts", 0.0);
    r.pathsFound = j.value("paths_found", 0.0);
    r.pathsKept = j.value("paths_kept", 0.0);
    r.noPathChoices = j.value("no_path_choices", 0.0);
    r.pathsKeptHidden = j.value("paths_kept_hidden", 0.0);
    r.noPathChoicesHidden = j.value("no_path_choices_hidden", 0.0);
    if (j.contains("kagnet_hidden")) r.kagnetHidden = accFrom(j["kagnet_hidden"]);
    if (j.contains("path_heuristic_hidden")) r.pathHeuristicHidden = accFrom(j["path_heuristic_hidden"]);
    r.devHiddenByEpoch = j.value("dev_hidden_by_epoch", std::vector<double>());
    r.unseenDev = j.value("unseen_dev", 0);
    r.unseenTest = j.value("unseen_test", 0);
    if (j.contains("kagnet_unseen")) r.kagnetUnseen = accFrom(j["kagnet_unseen"]);
    if (j.contains("statement_unseen")) r.statementUnseen = accFrom(j["statement_unseen"]);
    if (j.contains("path_heuristic_unseen")) r.pathHeuristicUnseen = accFrom(j["path_heuristic_unseen"]);
    r.pruneDistance = j.value("prune_distance", 0.0);
    if (j.contains("kagnet")) r.kagnet = accFrom(j["kagnet"]);
    if (j.contains("statement_only")) r.statement = accFrom(j["statement_only"]);
    if (j.contains("path_heuristic")) r.pathHeuristic = accFrom(j["path_heuristic"]);
    r.chance = j.value("chance", 0.2);
    r.bestEpoch = j.value("best_epoch", 0);
    r.lossByEpoch = j.value("loss_by_epoch", std::vector<double>());
    r.devByEpoch = j.value("dev_by_epoch", std::vector<double>());
    r.statementDevByEpoch = j.value("statement_dev_by_epoch", std::vector<double>());
    if (j.contains("test_by_template"))
        for (const auto& t : j["test_by_template"])
            r.byTemplate.push_back({t.value("template", std::string()), t.value("questions", 0), t.value("kagnet", 0.0), t.value("statement", 0.0),
                                    t.value("paths", 0.0), t.value("kagnet_hidden", 0.0), t.value("paths_hidden", 0.0)});
    r.seconds = j.value("seconds", 0.0);
    r.statementCheckpoint = j.value("statement_checkpoint", std::string());
    r.transeDir = j.value("transe", std::string());
    return r;
}

// The TransE folder as kagnet.json names it: relative to the resources when it is the shipped one.
std::string portable(const std::string& dir)
{
    std::error_code ec;
    const auto res = fs::weakly_canonical(resourceDir(), ec).string();
    const auto d = fs::weakly_canonical(dir, ec).string();
    if (!res.empty() && d.rfind(res + "/", 0) == 0) return "resources:" + d.substr(res.size() + 1);
    return d;
}

std::string resolved(const std::string& dir)
{
    if (dir.rfind("resources:", 0) == 0) return (resourceDir() / dir.substr(10)).string();
    return dir;
}

NamedTensors named(torch::nn::Module& m, const std::string& prefix)
{
    NamedTensors out;
    for (const auto& p : m.named_parameters(true)) out.push_back({prefix + p.key(), p.value().detach().contiguous()});
    return out;
}

void load(torch::nn::Module& m, const std::string& prefix, const SafetensorsFile& f)
{
    torch::NoGradGuard ng;
    for (auto& p : m.named_parameters(true)) {
        const std::string key = prefix + p.key();
        if (!f.contains(key)) throw Error(f.label() + " has no " + key, "it was not written by 'pretrainlab-cli kagnet train'");
        const auto t = f.tensor(key).to(torch::kFloat32);
        if (t.sizes() != p.value().sizes()) throw Error(f.label() + ": " + key + " does not match kagnet.json's sizes", "train the model again");
        p.value().copy_(t);
    }
}

// A saved model with everything it reads: the graph, its TransE vectors, the statement reader.
struct LoadedKagNet {
    KagNetReport saved;
    const KnowledgeBase* kb = nullptr;
    std::unique_ptr<StatementReader> reader;
    KagNet model{nullptr};
    StatementScorer scorer{nullptr};
};

LoadedKagNet loadKagNet(const std::string& dir)
{
    LoadedKagNet m;
    m.saved = readKagNetReport(dir);
    const json j = json::parse(readTextFile(fs::path(dir) / "kagnet.json"));
    m.kb = &knowledgeBase(m.saved.transeDir);
    // The statement reader: the folder's own copy, or a bundled model it names.
    const std::string stmtDir = j.value("statement", std::string("statement"));
    m.reader = std::make_unique<StatementReader>(stmtDir.rfind("resources:", 0) == 0 ? fs::path(resolved(stmtDir)) : fs::path(dir) / stmtDir);
    if (m.reader->dim() != j.value("statement_dim", 0))
        throw Error(dir + ": the statement reader's hidden size differs from kagnet.json's statement_dim", "train the model again");
    const KagNetOptions& o = m.saved.options;
    m.model = KagNet(m.kb->transe.entities, m.kb->transe.relationVectors, m.reader->dim(), o.hidden, 0.0);
    m.scorer = StatementScorer(m.reader->dim(), o.hidden, 0.0);
    const auto f = SafetensorsFile::open(fs::path(dir) / "kagnet.safetensors");
    load(*m.model, "kagnet.", f);
    load(*m.scorer, "statement_scorer.", f);
    m.model->eval();
    m.scorer->eval();
    return m;
}

} // namespace

std::string shippedKagNetDir() { return (resourceDir() / "knowledge" / "kagnet-wordnet").string(); }

KagNetReport runKagNet(const KagNetOptions& o, const std::string& outDir, const std::function<bool(const std::string&, int, double, double)>& progress)
{
    const auto start = std::chrono::steady_clock::now();
    auto bad = [](const std::string& what) { throw Error("KagNET: " + what, "defaults: --epochs 15 --batch 16 --lr 0.001 --hidden 128 --max-paths 100 --max-hops 3"); };
    if (o.maxHops < 1 || o.maxHops > 3) bad("--max-hops must be 1, 2 or 3");
    if (o.maxPaths < 1) bad("--max-paths must be at least 1");
    if (o.epochs < 1) bad("--epochs must be at least 1");
    if (o.batch < 1) bad("--batch must be at least 1");
    if (o.hidden < 1) bad("--hidden must be at least 1");
    if (!(o.lr > 0)) bad("--lr must be positive");
    if (!(o.pruneQuantile > 0 && o.pruneQuantile <= 1)) bad("--prune-quantile must be in (0, 1]");
    if (!(o.hideFraction >= 0 && o.hideFraction <= 1)) bad("--hide-fraction must be in [0, 1]");
    if (outDir.empty()) bad("give an output folder (--out DIR)");
    auto say = [&](const std::string& stage, int epoch, double loss, double dev) { return !progress || progress(stage, epoch, loss, dev); };

    const std::string transeDir = o.transeDir.empty() ? shippedTransEDir() : o.transeDir;
    const std::string stmtDir = o.statementCheckpoint.empty() ? (resourceDir() / "models" / "bert-mini-brown").string() : o.statementCheckpoint;
    const KnowledgeBase& kb = knowledgeBase(transeDir);
    StatementReader reader{fs::path(stmtDir)};

    say("task", 0, 0, 0);
    const Task task = buildTask("commonsense", o.taskSeed);
    SchemaOptions so;
    so.maxHops = o.maxHops;
    so.maxPaths = o.maxPaths;
    so.pruneDistance = pruneDistanceOf(kb, o.pruneQuantile);
    say("paths", 0, 0, 0);
    std::vector<std::pair<std::string, std::string>> statements;
    const auto train = prepare(kb, task.train, static_cast<std::size_t>(std::max(0, o.maxTrain)), so, statements, o.hideFraction, o.seed);
    const auto dev = prepare(kb, task.dev, static_cast<std::size_t>(std::max(0, o.maxEval)), so, statements, 0, o.seed);
    const auto test = prepare(kb, task.test, static_cast<std::size_t>(std::max(0, o.maxEval)), so, statements, 0, o.seed);
    if (train.empty() || dev.empty() || test.empty()) throw Error("KagNET: the commonsense task has an empty split", "check WordNet and the bundled corpus");
    say("statements", 0, 0, 0);
    const torch::Tensor S = reader.read(statements);

    KagNetReport r;
    r.options = o;
    r.trainQuestions = static_cast<int>(train.size());
    r.devQuestions = static_cast<int>(dev.size());
    r.testQuestions = static_cast<int>(test.size());
    r.pruneDistance = so.pruneDistance;
    r.statementCheckpoint = portable(stmtDir);
    r.transeDir = transeDir;
    {
        double qc = 0, ac = 0, found = 0, kept = 0, none = 0, choices = 0, keptH = 0, noneH = 0;
        for (const auto* split : {&train, &dev, &test})
            for (const Prepared& p : *split) {
                qc += static_cast<double>(p.graphs.front().questionConcepts.size());
                for (const auto& g : p.graphs) {
                    ac += static_cast<double>(g.answerConcepts.size());
                    found += g.found;
                    kept += static_cast<double>(g.paths.size());
                    none += g.paths.empty();
                    choices += 1;
                }
                for (const auto& g : p.hiddenGraphs) {
                    keptH += static_cast<double>(g.paths.size());
                    noneH += g.paths.empty();
                }
            }
        r.pathsKeptHidden = keptH / choices;
        r.noPathChoicesHidden = noneH / choices;
        const double questions = static_cast<double>(train.size() + dev.size() + test.size());
        r.questionConcepts = qc / questions;
        r.answerConcepts = ac / choices;
        r.pathsFound = found / choices;
        r.pathsKept = kept / choices;
        r.noPathChoices = none / choices;
    }

    torch::manual_seed(o.seed);
    const int padRelation = 2 * static_cast<int>(kb.transe.relationVectors.size(0));
    KagNet model(kb.transe.entities, kb.transe.relationVectors, reader.dim(), o.hidden, o.dropout);
    StatementScorer scorer(reader.dim(), o.hidden, o.dropout);
    torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(o.lr));
    torch::optim::Adam optS(scorer->parameters(), torch::optim::AdamOptions(o.lr));
    const int C = static_cast<int>(task.labels.size());
    double bestDev = -1, bestStmtDev = -1;
    auto bestState = snapshot(*model), bestStmt = snapshot(*scorer);
    std::vector<std::size_t> order(train.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(o.seed);
    for (int epoch = 1; epoch <= o.epochs; ++epoch) {
        std::shuffle(order.begin(), order.end(), rng);
        double lossSum = 0;
        int steps = 0;
        model->train();
        scorer->train();
        for (std::size_t i = 0; i < order.size(); i += static_cast<std::size_t>(o.batch)) {
            std::vector<const Prepared*> part;
            for (std::size_t k = i; k < std::min(order.size(), i + static_cast<std::size_t>(o.batch)); ++k) part.push_back(&train[order[k]]);
            const auto b = batchOf(part, S, padRelation, 2);
            const auto labels = labelsOf(part);
            const auto loss = rankingLoss(model->forward(b).scores, labels, C, o.margin);
            opt.zero_grad();
            loss.backward();
            opt.step();
            const auto lossS = rankingLoss(scorer->forward(b.statements), labels, C, o.margin);
            optS.zero_grad();
            lossS.backward();
            optS.step();
            lossSum += loss.item<double>();
            ++steps;
        }
        const Accuracies a = evaluate(model, scorer, dev, S, padRelation, false);
        const Accuracies ah = evaluate(model, scorer, dev, S, padRelation, true);
        r.lossByEpoch.push_back(lossSum / std::max(1, steps));
        r.devByEpoch.push_back(a.kagnet);
        r.devHiddenByEpoch.push_back(ah.kagnet);
        r.statementDevByEpoch.push_back(a.statement);
        if ((a.kagnet + ah.kagnet) / 2 > bestDev) {  // the mean of both ways
            bestDev = (a.kagnet + ah.kagnet) / 2;
            bestState = snapshot(*model);
            r.bestEpoch = epoch;
        }
        if (a.statement > bestStmtDev) {
            bestStmtDev = a.statement;
            bestStmt = snapshot(*scorer);
        }
        if (!say("train", epoch, r.lossByEpoch.back(), (a.kagnet + ah.kagnet) / 2)) break;
    }
    restore(*model, bestState);
    restore(*scorer, bestStmt);
    scoreInto(r, model, scorer, dev, test, S, padRelation, C);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    // The folder: weights, description and report, the statement reader's checkpoint.
    const fs::path out(outDir);
    // A reader among the bundled models is named, not copied; any other is copied in.
    const std::string stmtRef = portable(stmtDir);
    const bool bundled = stmtRef.rfind("resources:", 0) == 0;
    fs::create_directories(out);
    if (!bundled) {
        fs::create_directories(out / "statement");
        for (const auto& e : fs::directory_iterator(stmtDir))
            if (e.is_regular_file()) writeFileAtomic(out / "statement" / e.path().filename(), readTextFile(e.path()));
    }
    NamedTensors tensors = named(*model, "kagnet.");
    for (auto& x : named(*scorer, "statement_scorer.")) tensors.push_back(std::move(x));
    writeSafetensors(out / "kagnet.safetensors", tensors, {{"format", "pt"}});
    json j = {{"format", "pretrainlab-kagnet-1"},
              {"options", optionsJson(o)},
              {"statement_dim", reader.dim()},
              {"transe", portable(transeDir)},
              {"statement", bundled ? stmtRef : std::string("statement")},
              {"statement_source", stmtRef},
              {"report", reportJson(r)}};
    writeFileAtomic(out / "kagnet.json", j.dump(2) + "\n");
    say("done", r.bestEpoch, 0, r.kagnet.dev);
    return r;
}

KagNetReport readKagNetReport(const std::string& dir)
{
    const fs::path f = fs::path(dir) / "kagnet.json";
    if (!fs::exists(f)) throw Error(dir + " has no kagnet.json: it is not a KagNET model", "train one: pretrainlab-cli kagnet train --out DIR");
    const json j = json::parse(readTextFile(f), nullptr, false);
    if (j.is_discarded() || j.value("format", std::string()) != "pretrainlab-kagnet-1")
        throw Error(f.string() + " is not a KagNET description", "it was not written by 'pretrainlab-cli kagnet train'");
    KagNetReport r = reportFrom(j.value("report", json::object()));
    r.options = optionsFrom(j.value("options", json::object()));
    r.transeDir = resolved(j.value("transe", std::string()));
    return r;
}

KagNetReport evaluateKagNet(const std::string& dir)
{
    const auto start = std::chrono::steady_clock::now();
    LoadedKagNet m = loadKagNet(dir);
    KagNetReport r = m.saved;
    const KagNetOptions& o = r.options;
    const Task task = buildTask("commonsense", o.taskSeed);
    SchemaOptions so;
    so.maxHops = o.maxHops;
    so.maxPaths = o.maxPaths;
    so.pruneDistance = r.pruneDistance > 0 ? r.pruneDistance : 1e30;
    std::vector<std::pair<std::string, std::string>> statements;
    const auto dev = prepare(*m.kb, task.dev, static_cast<std::size_t>(std::max(0, o.maxEval)), so, statements, 0, o.seed);
    const auto test = prepare(*m.kb, task.test, static_cast<std::size_t>(std::max(0, o.maxEval)), so, statements, 0, o.seed);
    if (dev.empty() || test.empty()) throw Error("KagNET: the commonsense task has an empty split", "check WordNet and the bundled corpus");
    const torch::Tensor S = m.reader->read(statements);
    r.devQuestions = static_cast<int>(dev.size());
    r.testQuestions = static_cast<int>(test.size());
    r.byTemplate.clear();
    scoreInto(r, m.model, m.scorer, dev, test, S, 2 * static_cast<int>(m.kb->transe.relationVectors.size(0)), static_cast<int>(task.labels.size()));
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

KagNetAnswer askKagNet(const std::string& dir, const std::string& question, const std::vector<std::string>& choices)
{
    if (choices.size() < 2) throw Error("KagNET needs at least two choices", "kagnet ask --question Q --choice A --choice B ...");
    LoadedKagNet m = loadKagNet(dir);
    const KnowledgeBase& kb = *m.kb;
    const KagNetReport& saved = m.saved;
    const KagNetOptions& o = saved.options;
    StatementReader& reader = *m.reader;
    KagNet& model = m.model;
    StatementScorer& scorer = m.scorer;
    const WordNet& wn = WordNet::installed();
    SchemaOptions so;
    so.maxHops = o.maxHops;
    so.maxPaths = o.maxPaths;
    so.pruneDistance = saved.pruneDistance > 0 ? saved.pruneDistance : 1e30;
    Prepared p;
    const auto qc = questionConcepts(wn, kb.entityOf, question);
    std::vector<std::pair<std::string, std::string>> statements;
    auto dist = [&](int h, int r, int t) { return kb.distance(h, r, t); };
    for (const auto& c : choices) {
        p.graphs.push_back(buildSchemaGraph(*kb.paths, qc, answerConcepts(wn, kb.entityOf, c), so, dist));
        statements.push_back({question, c});
    }
    TaskExample e;
    e.texts = {question};
    e.choices = choices;
    e.label = 0;
    p.example = &e;
    const torch::Tensor S = reader.read(statements);
    const int padRelation = 2 * static_cast<int>(kb.transe.relationVectors.size(0));
    const auto b = batchOf({&p}, S, padRelation, 0);
    torch::NoGradGuard ng;
    const KagNetOut out = model->forward(b);
    const auto stmt = scorer->forward(b.statements);
    const auto prob = torch::softmax(out.scores, 0), stmtProb = torch::softmax(stmt, 0);

    KagNetAnswer a;
    a.question = question;
    const KnowledgeGraph& g = *kb.graph;
    for (int q : qc) a.questionConcepts.push_back(g.entityNames[static_cast<std::size_t>(q)]);
    std::int64_t pairBase = 0, pathBase = 0;
    for (std::size_t c = 0; c < choices.size(); ++c) {
        const SchemaGraph& s = p.graphs[c];
        KagNetChoiceView v;
        v.text = choices[c];
        v.score = out.scores[static_cast<std::int64_t>(c)].item<double>();
        v.probability = prob[static_cast<std::int64_t>(c)].item<double>();
        v.statementScore = stmt[static_cast<std::int64_t>(c)].item<double>();
        v.statementProbability = stmtProb[static_cast<std::int64_t>(c)].item<double>();
        v.found = s.found;
        v.pruned = s.pruned;
        for (int n : s.nodes) {
            v.nodes.push_back(g.entityNames[static_cast<std::size_t>(n)]);
            v.definitions.push_back(wn.synset(g.entitySynsets[static_cast<std::size_t>(n)]).definition());
            const bool isQ = std::find(s.questionConcepts.begin(), s.questionConcepts.end(), n) != s.questionConcepts.end();
            const bool isA = std::find(s.answerConcepts.begin(), s.answerConcepts.end(), n) != s.answerConcepts.end();
            v.roles.push_back(isQ ? 0 : isA ? 1 : 2);
        }
        for (const auto& e2 : s.edges) v.edges.push_back({e2.from, e2.to, pathRelationName(g, e2.relation)});
        std::vector<int> kept(s.pairs.size(), 0);
        for (const auto& sp : s.paths) ++kept[static_cast<std::size_t>(sp.pair)];
        for (std::size_t k = 0; k < s.pairs.size(); ++k) {
            KagNetPairView pv;
            pv.question = g.entityNames[static_cast<std::size_t>(s.pairs[k].question)];
            pv.answer = g.entityNames[static_cast<std::size_t>(s.pairs[k].answer)];
            pv.attention = out.beta[pairBase + static_cast<std::int64_t>(k)].item<double>();
            pv.found = s.pairs[k].found;
            pv.kept = kept[k];
            v.pairs.push_back(pv);
        }
        for (std::size_t k = 0; k < s.paths.size(); ++k) {
            const SchemaPath& sp = s.paths[k];
            KagNetPathView pv;
            for (int n : sp.path.nodes) pv.nodes.push_back(g.entityNames[static_cast<std::size_t>(n)]);
            for (int rel : sp.path.relations) pv.relations.push_back(pathRelationName(g, rel));
            pv.attention = out.alpha[pathBase + static_cast<std::int64_t>(k)].item<double>();
            pv.weight = pv.attention * v.pairs[static_cast<std::size_t>(sp.pair)].attention;
            pv.distance = sp.distance;
            v.paths.push_back(std::move(pv));
        }
        std::stable_sort(v.paths.begin(), v.paths.end(), [](const KagNetPathView& x, const KagNetPathView& y) { return x.weight > y.weight; });
        pairBase += static_cast<std::int64_t>(s.pairs.size());
        pathBase += static_cast<std::int64_t>(s.paths.size());
        a.choices.push_back(std::move(v));
    }
    a.predicted = static_cast<int>(out.scores.argmax().item<std::int64_t>());
    a.statementPredicted = static_cast<int>(stmt.argmax().item<std::int64_t>());
    return a;
}

} // namespace ptl

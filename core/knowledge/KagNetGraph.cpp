#include "core/knowledge/KagNetGraph.h"

#include "core/knowledge/Grounding.h"
#include "core/tasks/CommonsenseTask.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace ptl {

PathGraph::PathGraph(int entities, int relations, const std::vector<KgTriple>& triples)
    : adj_(static_cast<std::size_t>(std::max(0, entities))), relations_(relations)
{
    std::set<std::tuple<int, int, int>> known;
    for (const KgTriple& t : triples) known.insert({t.head, t.relation, t.tail});
    for (const KgTriple& t : triples) {
        if (t.head == t.tail) continue;
        adj_[static_cast<std::size_t>(t.head)].push_back({t.tail, t.relation});
        // Listed both ways (antonym, similar to): the reverse is a forward edge of its own.
        if (!known.count({t.tail, t.relation, t.head})) adj_[static_cast<std::size_t>(t.tail)].push_back({t.head, t.relation + relations});
    }
    for (auto& a : adj_) {
        std::sort(a.begin(), a.end(), [](const Edge& x, const Edge& y) { return std::tie(x.to, x.relation) < std::tie(y.to, y.relation); });
        a.erase(std::unique(a.begin(), a.end(), [](const Edge& x, const Edge& y) { return x.to == y.to && x.relation == y.relation; }), a.end());
    }
}

namespace {
std::vector<KgTriple> allTriples(const KnowledgeGraph& g)
{
    std::vector<KgTriple> all = g.train;
    all.insert(all.end(), g.valid.begin(), g.valid.end());
    all.insert(all.end(), g.test.begin(), g.test.end());
    return all;
}
} // namespace

PathGraph::PathGraph(const KnowledgeGraph& g)
    : PathGraph(static_cast<int>(g.numEntities()), static_cast<int>(g.relations.size()), allTriples(g))
{
}

std::vector<KgPath> findPaths(const PathGraph& g, int from, int to, int maxHops, int maxPaths, const std::vector<KgTriple>& hidden)
{
    std::vector<KgPath> out;
    const int R = g.relations();
    // Is the step a -rel-> b a hidden fact (walked forward or backwards)?
    auto walks = [&](int a, int rel, int b) {
        for (const KgTriple& h : hidden)
            if ((rel < R && h.head == a && h.relation == rel && h.tail == b) || (rel >= R && h.head == b && h.relation == rel - R && h.tail == a)) return true;
        return false;
    };
    if (from == to || from < 0 || to < 0 || from >= g.entities() || to >= g.entities() || maxPaths <= 0) return out;
    auto full = [&] { return static_cast<int>(out.size()) >= maxPaths; };
    // The edges into `to`, by their source: the reverse of to's own edges.
    std::map<int, std::vector<int>> into;
    for (const auto& e : g.edges(to))
        if (!walks(e.to, g.inverse(e.relation), to)) into[e.to].push_back(g.inverse(e.relation));
    for (auto& [n, rels] : into) std::sort(rels.begin(), rels.end());
    auto intoTo = [&](int n) -> const std::vector<int>* {
        const auto it = into.find(n);
        return it == into.end() ? nullptr : &it->second;
    };
    if (maxHops >= 1)
        for (const auto& e : g.edges(from)) {
            if (full()) return out;
            if (e.to == to && !walks(from, e.relation, to)) out.push_back({{from, to}, {e.relation}});
        }
    if (maxHops >= 2)
        for (const auto& e1 : g.edges(from)) {
            if (e1.to == to || e1.to == from || walks(from, e1.relation, e1.to)) continue;
            if (const auto* rels = intoTo(e1.to))
                for (int r2 : *rels) {
                    if (full()) return out;
                    out.push_back({{from, e1.to, to}, {e1.relation, r2}});
                }
        }
    if (maxHops >= 3)
        for (const auto& e1 : g.edges(from)) {
            if (e1.to == to || e1.to == from || walks(from, e1.relation, e1.to)) continue;
            for (const auto& e2 : g.edges(e1.to)) {
                if (e2.to == to || e2.to == from || e2.to == e1.to || walks(e1.to, e2.relation, e2.to)) continue;
                if (const auto* rels = intoTo(e2.to))
                    for (int r3 : *rels) {
                        if (full()) return out;
                        out.push_back({{from, e1.to, e2.to, to}, {e1.relation, e2.relation, r3}});
                    }
            }
        }
    return out;
}

std::string pathRelationName(const KnowledgeGraph& g, int relation)
{
    const int R = static_cast<int>(g.relations.size());
    if (relation < 0 || relation >= 2 * R) return "?";
    // A step read as a phrase, from the node it leaves: "car has part accelerator".
    static const std::map<std::string, std::pair<const char*, const char*>> phrases = {
        {"@", {"is a", "has kind"}},
        {"@i", {"instance of", "has instance"}},
        {"#m", {"member of", "has member"}},
        {"#p", {"part of", "has part"}},
        {"#s", {"substance of", "made of"}},
        {"!", {"opposite of", "opposite of"}},
        {"&", {"similar to", "similar to"}},
        {"+", {"related form", "related form"}},
        {"=", {"attribute", "attribute of"}},
        {"^", {"see also", "see also"}},
        {"$", {"verb group", "verb group"}},
        {"*", {"entails", "entailed by"}},
        {">", {"causes", "caused by"}},
        {"\\", {"pertains to", "pertained to by"}},
        {";c", {"topic", "topic of"}},
        {";r", {"region", "region of"}},
        {";u", {"usage", "usage of"}},
    };
    const std::string& symbol = g.relations[static_cast<std::size_t>(relation % R)];
    const auto it = phrases.find(symbol);
    if (it != phrases.end()) return relation < R ? it->second.first : it->second.second;
    const std::string name = wnRelationName(symbol);
    return relation < R ? name : name + " (inverse)";
}

namespace {
bool templateWordsOnly(const std::vector<std::string>& words, const Mention& m)
{
    const auto& stop = commonsenseTemplateWords();
    for (int i = m.begin; i < m.end; ++i) {
        std::string w = words[static_cast<std::size_t>(i)];
        for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!stop.count(w)) return false;
    }
    return true;
}

void addUnique(std::vector<int>& v, int x)
{
    if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}
} // namespace

std::vector<int> questionConcepts(const WordNet& wn, const std::unordered_map<int, int>& entityOf, const std::string& question)
{
    const auto words = splitWords(question);
    std::vector<int> out;
    for (const Mention& m : groundWords(wn, words)) {
        if (templateWordsOnly(words, m)) continue;
        const auto it = entityOf.find(m.synset);
        if (it != entityOf.end()) addUnique(out, it->second);
    }
    return out;
}

std::vector<int> answerConcepts(const WordNet& wn, const std::unordered_map<int, int>& entityOf, const std::string& choice)
{
    std::vector<int> out;
    for (const auto& l : wn.lookup(choice)) {
        if (l.synsets.empty()) continue;
        const auto it = entityOf.find(l.synsets.front());
        if (it != entityOf.end()) addUnique(out, it->second);
    }
    if (!out.empty()) return out;
    for (const Mention& m : groundWords(wn, splitWords(choice))) {
        const auto it = entityOf.find(m.synset);
        if (it != entityOf.end()) addUnique(out, it->second);
    }
    return out;
}

int SchemaGraph::nodeIndex(int entity) const
{
    const auto it = std::find(nodes.begin(), nodes.end(), entity);
    return it == nodes.end() ? -1 : static_cast<int>(it - nodes.begin());
}

SchemaGraph buildSchemaGraph(const PathGraph& g, const std::vector<int>& qc, const std::vector<int>& ac, const SchemaOptions& o,
                             const std::function<double(int, int, int)>& distance)
{
    SchemaGraph s;
    s.questionConcepts = qc;
    s.answerConcepts = ac;
    const int R = g.relations();
    for (int q : qc)
        for (int a : ac) {
            SchemaPair pair{q, a, 0};
            if (q != a)
                for (KgPath& p : findPaths(g, q, a, o.maxHops, o.maxPaths, o.hidden)) {
                    ++pair.found;
                    double sum = 0, worst = 0;
                    for (std::size_t k = 0; k < p.relations.size(); ++k) {
                        const int r = p.relations[k];
                        const int h = p.nodes[k], t = p.nodes[k + 1];
                        const double d = r < R ? distance(h, r, t) : distance(t, r - R, h);
                        sum += d;
                        worst = std::max(worst, d);
                    }
                    if (worst > o.pruneDistance) {
                        ++s.pruned;
                        continue;
                    }
                    const double mean = sum / static_cast<double>(p.relations.size());
                    s.paths.push_back({std::move(p), static_cast<int>(s.pairs.size()), mean});
                }
            s.found += pair.found;
            s.pairs.push_back(pair);
        }
    for (int q : qc) addUnique(s.nodes, q);
    for (int a : ac) addUnique(s.nodes, a);
    std::set<std::tuple<int, int, int>> edges;
    for (const auto& sp : s.paths) {
        for (int n : sp.path.nodes) addUnique(s.nodes, n);
        for (std::size_t k = 0; k < sp.path.relations.size(); ++k) {
            const int a = s.nodeIndex(sp.path.nodes[k]), b = s.nodeIndex(sp.path.nodes[k + 1]);
            if (edges.insert({a, b, sp.path.relations[k]}).second) s.edges.push_back({a, b, sp.path.relations[k]});
        }
    }
    return s;
}

} // namespace ptl

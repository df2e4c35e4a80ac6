#pragma once
// KagNET's graph side (Lin et al. 2019, "KagNet: Knowledge-Aware Graph Networks for
// Commonsense Reasoning", §3.1-3.2), torch-free: the concepts a question and a choice name
// (grounded in WordNet), the paths between every question concept and every answer concept
// through the knowledge graph (at most 3 hops, at most 100 a pair, shortest first), pruned by
// how plausible TransE finds their triples, and the schema graph they span.
//
// The graph is TransE's (core/knowledge/TransE.h): WordNet's pointers between the synsets the
// Brown text grounds, one direction of each inverse pair. A path may walk an edge either way:
// relation r forward, or R + r backwards ("has part" for a "part of" edge read from the whole).
#include "core/api/Knowledge.h"
#include "core/knowledge/WordNet.h"

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ptl {

class PathGraph {
public:
    struct Edge {
        int to = 0, relation = 0;  // relation: r forward, R + r backwards
    };
    // Every triple of the graph (train, valid and test). A symmetric fact listed both ways
    // (a antonym b, b antonym a) is walked forward both ways, never as an inverse.
    PathGraph(int entities, int relations, const std::vector<KgTriple>& triples);
    explicit PathGraph(const KnowledgeGraph& g);
    const std::vector<Edge>& edges(int entity) const { return adj_[static_cast<std::size_t>(entity)]; }
    int entities() const { return static_cast<int>(adj_.size()); }
    int relations() const { return relations_; }  // forward relations; paths use 2x as many
    int inverse(int relation) const { return relation < relations_ ? relation + relations_ : relation - relations_; }

private:
    std::vector<std::vector<Edge>> adj_;  // sorted by (to, relation)
    int relations_ = 0;
};

struct KgPath {
    std::vector<int> nodes;      // entities, the question concept first, the answer concept last
    std::vector<int> relations;  // nodes.size() - 1 steps, PathGraph's numbering
};

// Every simple path (no entity twice) of 1..maxHops edges from `from` to `to`, shortest
// first, then in adjacency order; at most maxPaths of them. Facts in `hidden` (forward
// triples) are not walked, either way.
std::vector<KgPath> findPaths(const PathGraph& g, int from, int to, int maxHops = 3, int maxPaths = 100,
                              const std::vector<KgTriple>& hidden = {});

// A path relation as a phrase read from the node the step leaves: a part holonym edge is
// "part of" forward and "has part" backwards, a hypernym "is a" and "has kind".
std::string pathRelationName(const KnowledgeGraph& g, int relation);

// Grounding for KagNET: a question's concepts are the WordNet mentions of its words
// (Grounding.h: HMM tags, expressions first, first-listed senses) that are graph entities,
// leaving out the templates' own words ("part", "kind", "opposite", ...); a choice's are the
// first-listed sense of the whole choice in every part of speech WordNet has it in, else the
// mentions of its words. entityOf maps a synset to its graph entity.
std::vector<int> questionConcepts(const WordNet& wn, const std::unordered_map<int, int>& entityOf, const std::string& question);
std::vector<int> answerConcepts(const WordNet& wn, const std::unordered_map<int, int>& entityOf, const std::string& choice);

struct SchemaPath {
    KgPath path;
    int pair = 0;          // index into SchemaGraph::pairs
    double distance = 0;   // the mean TransE distance ||h + r - t|| of its triples
};
struct SchemaPair {
    int question = 0, answer = 0;  // entities
    int found = 0;                 // paths found before pruning
};
// The sub-graph of one (question, choice): its concepts, every pair, the paths kept.
struct SchemaGraph {
    std::vector<int> questionConcepts, answerConcepts;  // entities
    std::vector<SchemaPair> pairs;                      // every (question concept, answer concept)
    std::vector<SchemaPath> paths;                      // kept paths, grouped by pair
    int found = 0, pruned = 0;
    // The nodes (entities: the concepts first, then the paths' intermediate ones) and the
    // distinct edges the paths walk (node indices and relation, as walked).
    std::vector<int> nodes;
    struct Edge {
        int from = 0, to = 0, relation = 0;
    };
    std::vector<Edge> edges;
    int nodeIndex(int entity) const;  // -1 when absent
};

struct SchemaOptions {
    int maxHops = 3;
    int maxPaths = 100;           // a pair
    double pruneDistance = 1e30;  // a path with a triple farther than this is dropped
    std::vector<KgTriple> hidden; // facts left out of the graph (the fact a question asks, to test reasoning without it)
};
// distance(h, r, t): TransE's ||h + r - t|| for a forward triple (inverse steps are scored
// as the forward triple they walk).
SchemaGraph buildSchemaGraph(const PathGraph& g, const std::vector<int>& questionConcepts, const std::vector<int>& answerConcepts,
                             const SchemaOptions& options, const std::function<double(int, int, int)>& distance);

} // namespace ptl

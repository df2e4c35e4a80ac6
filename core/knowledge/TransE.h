#pragma once
// The knowledge graph over what the corpus grounds, and TransE (Bordes et al. 2013) on it.
//
// Graph: every synset that a word or expression of the bundled Brown text grounds to
// (Grounding.h, Brown's own tags), with its hypernym ancestors so that every concept hangs
// under the noun hierarchy; the triples are WordNet's pointers between two such synsets,
// in one direction of each inverse pair (hypernym, not hyponym; part holonym, not part
// meronym; the symmetric ones, antonym or similar-to, come in both directions as WordNet
// lists them). Triples are split into train/valid/test by a hash of the unordered pair
// and the relation (so "a antonym b" and "b antonym a" fall together), and held-out
// triples whose entities train never sees move to train.
//
// TransE: an entity and a relation are vectors; a triple (h, r, t) is plausible when
// ||h + r - t|| is small. Margin ranking against a corrupted head or tail (chosen per
// relation as Wang et al. 2014's "bern"), entity vectors renormalised to unit length
// before every batch. Link prediction ranks the true tail (head) among every entity,
// filtered: other true triples do not count against it.
#include "core/api/Knowledge.h"
#include "core/knowledge/WordNet.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <torch/torch.h>
#include <vector>

namespace ptl {

// From the bundled Brown corpus and its tags (a few seconds).
KnowledgeGraph buildBrownGraph(const WordNet& wn, const KgBuildOptions& options = {});
// buildBrownGraph, built once per options and kept for the process (thread-safe).
const KnowledgeGraph& cachedBrownGraph(const WordNet& wn, const KgBuildOptions& options = {});
// From a list of synsets (and, with ancestors, their hypernyms).
KnowledgeGraph buildGraph(const WordNet& wn, const std::vector<int>& synsets, const KgBuildOptions& options);
// Splits the triples (all in graph.train) into train/valid/test as above.
void splitTriples(KnowledgeGraph& graph, std::uint64_t seed, double heldOut);

// ptl::Error naming the bad option (checked before any work starts).
void validateTransEOptions(const TransEOptions& options);

class TransE {
public:
    TransE(int entities, int relations, const TransEOptions& options);
    // ||d|| over the last dimension, L1 or L2 as the options say.
    torch::Tensor norm(const torch::Tensor& d) const;
    // ||h + r - t|| for index tensors of one shape.
    torch::Tensor distance(const torch::Tensor& h, const torch::Tensor& r, const torch::Tensor& t) const;
    // The margin ranking loss of positive triples against their corruptions ([B] each).
    torch::Tensor loss(const torch::Tensor& h, const torch::Tensor& r, const torch::Tensor& t, const torch::Tensor& nh,
                       const torch::Tensor& nt) const;
    void renormalise();
    // One SGD step on the summed loss of these triples against their corruptions ([B] each);
    // returns the mean loss before the step.
    double step(const torch::Tensor& h, const torch::Tensor& r, const torch::Tensor& t, const torch::Tensor& nh, const torch::Tensor& nt);
    // One epoch of SGD over the triples; returns the mean loss.
    double epoch(const std::vector<KgTriple>& triples, const std::vector<double>& headProbability, at::Generator& gen);

    torch::Tensor entities, relations;  // [E, d], [R, d]
    TransEOptions options;
};

// Per relation, the probability of corrupting the head (tails per head / (tails per head + heads per tail)).
std::vector<double> bernoulliHeadProbability(const std::vector<KgTriple>& triples, int relations);

// Filtered link prediction of `eval` (both directions) against every known triple.
LinkPrediction linkPrediction(const TransE& model, const KnowledgeGraph& graph, const std::vector<KgTriple>& eval);
// Every figure of the report from the model and its graph: counts, valid and test link
// prediction (test ranked once, grouped by relation), the baselines.
void evaluateTransEInto(TransEReport& report, const TransE& model, const KnowledgeGraph& graph);
LinkPrediction popularityBaseline(const KnowledgeGraph& graph, const std::vector<KgTriple>& eval);
LinkPrediction randomBaseline(const KnowledgeGraph& graph, const std::vector<KgTriple>& eval);

// Trains on graph.train, reports valid/test and the baselines. progress(epoch, loss) may be empty.
TransEReport trainTransE(TransE& model, const KnowledgeGraph& graph, const std::function<void(int, double)>& progress,
                         const std::function<bool()>& stop = {});

// dir/transe.safetensors (entity_embeddings, relation_embeddings), dir/entities.tsv,
// dir/relations.tsv, dir/transe.json (options, graph, report).
void saveTransE(const std::filesystem::path& dir, const TransE& model, const KnowledgeGraph& graph, const TransEReport& report,
                const KgBuildOptions& build);
struct LoadedTransE {
    TransEOptions options;
    KgBuildOptions build;
    std::vector<std::string> entityNames, relations;
    torch::Tensor entities, relationVectors;
};
// Checks every file against the others (ptl::Error naming the file when not).
LoadedTransE loadTransE(const std::filesystem::path& dir);
// The graph a loaded folder was trained on, rebuilt (cached) and checked entity by entity
// against the folder (ptl::Error with a hint when this WordNet or corpus gives another).
const KnowledgeGraph& transEGraph(const LoadedTransE& loaded, const std::string& dir);

} // namespace ptl

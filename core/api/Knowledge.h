#pragma once
// The knowledge chapter's interface for the CLI and the workbench (no torch types): the
// WordNet graph the corpus grounds, TransE's options and link-prediction report, and the
// calls that train, evaluate and query saved embeddings. core/knowledge/ holds the rest.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ptl {

struct KgTriple {
    int head = 0, relation = 0, tail = 0;
    bool operator==(const KgTriple& o) const { return head == o.head && relation == o.relation && tail == o.tail; }
};

struct KnowledgeGraph {
    std::vector<std::string> entityNames;  // "dog.n.01" (or fixture names)
    std::vector<int> entitySynsets;        // WordNet synset per entity (-1 in fixtures)
    std::vector<std::string> relations;    // pointer symbols ("@", "#p", ...)
    std::vector<KgTriple> train, valid, test;
    int groundedSynsets = 0;               // before ancestors were added
    std::size_t numEntities() const { return entityNames.size(); }
};

struct KgBuildOptions {
    std::uint64_t seed = 1;
    double heldOut = 0.05;  // valid and test each
    bool ancestors = true;
};

struct TransEOptions {
    int dim = 100;
    double margin = 1.0;
    double lr = 0.01;
    int epochs = 1000;
    int batch = 1024;
    int norm = 2;  // 2: L2 distance; 1: L1 (the paper's choice on WordNet, far worse on this graph: see README)
    std::uint64_t seed = 1;
};

struct LinkPrediction {
    int triples = 0;
    double meanRank = 0, mrr = 0, hits1 = 0, hits10 = 0;  // hits as fractions
};

struct TransEReport {
    int entities = 0, relations = 0, trainTriples = 0, validTriples = 0, testTriples = 0, groundedSynsets = 0;
    double finalLoss = 0, seconds = 0;
    LinkPrediction test, valid;
    LinkPrediction random;      // expected ranks when entities are ranked at random
    LinkPrediction popularity;  // rank by how often an entity is a head (tail) of the relation in train
    std::vector<std::pair<std::string, LinkPrediction>> byRelation;  // test, per relation name
    std::vector<double> lossByEpoch;  // the mean margin loss of every epoch
};

// WordNet as the panels see it: a synset's name ("dog.n.01"), part of speech, lemmas,
// definition, examples and relations (relation name -> synset names, WordNet's order).
struct SynsetView {
    std::string name, pos, definition;
    std::string lemma;                // the lemma the word was looked up as ("mouse" for "mice")
    std::vector<std::string> lemmas;  // the synset's words, as WordNet spells them ("domestic_dog")
    std::vector<std::string> examples;
    std::vector<std::pair<std::string, std::vector<std::string>>> relations;
    int lexicographerFile = 0;
    bool instance = false;
};
// Every sense of a word or expression (lemmatised), or the one synset a name gives; empty
// when WordNet has none. Reads WordNet once (ptl::Error when it is missing).
std::vector<SynsetView> lookUpWord(const std::string& word);
// The definition of a named synset ("" when there is none).
std::string synsetDefinition(const std::string& name);

struct GroundedMention {
    int begin = 0, end = 0;  // words [begin, end)
    std::string synset, pos, definition, hypernym;
    bool proper = false;
};
struct GroundedText {
    std::vector<std::string> words, tags;
    std::vector<GroundedMention> mentions;
};
// A sentence split into words, tagged (HMM tagger learnt on Brown) and grounded in WordNet.
GroundedText groundText(const std::string& text, bool multiword = true);

// Builds the Brown graph, trains TransE on it, evaluates link prediction against the
// baselines and saves the folder (DESIGN.md). progress(epoch, loss) returns false to stop
// early (the embeddings so far are still evaluated and saved).
TransEReport runTransE(const TransEOptions& options, const KgBuildOptions& build, const std::string& dir,
                       const std::function<bool(int, double)>& progress = {});
// Link prediction of a saved folder on its graph, rebuilt and checked entity by entity.
TransEReport evaluateTransE(const std::string& dir);

struct TransEPrediction {
    std::string entity;  // "canine.n.02"
    double distance = 0;  // ||h + r - t||
    bool known = false;   // the triple is in the graph (train, valid or test)
};
// The entities TransE ranks first as the tail (tails = true) or head of (entity, relation, ?);
// relation: a name ("hypernym") or a pointer symbol ("@"). ptl::Error for unknown names.
std::vector<TransEPrediction> predictTransE(const std::string& dir, const std::string& entity, const std::string& relation, bool tails, int top);
// The figures a saved folder's transe.json holds (no recomputation).
TransEReport readTransEReport(const std::string& dir);
// resources/knowledge/transe-wordnet, and $XDG_DATA_HOME/pretrainlab/transe-wordnet for the user's own.
std::string shippedTransEDir();
std::string userTransEDir();
// The relation names of a saved folder, in its order.
std::vector<std::string> transERelations(const std::string& dir);

// ---- ERNIE: one text through an ERNIE checkpoint, with its entities and without them.
struct ErnieEntity {
    std::string synset, definition;  // "spade.n.01"
    int token = 0;                   // the token the entity sits on (the mention's first)
};
struct ErnieGuess {
    int position = 0;                // a [MASK] token
    std::vector<std::pair<std::string, double>> withEntities, withoutEntities;  // top-5 (token, probability)
};
struct ErnieInspection {
    std::vector<std::string> tokens;
    std::vector<int> entityAt;        // per token: index into entities, -1 for none
    std::vector<ErnieEntity> entities;
    int firstKnowledgeLayer = 0;      // 0-based index of the first K-Encoder layer
    // Per K-Encoder layer and entity head: attention among the aligned entities [layer][head][from][to].
    std::vector<std::vector<std::vector<std::vector<double>>>> entityAttention;
    // Per K-Encoder layer and token head: the token self-attention beside it [layer][head][from][to].
    std::vector<std::vector<std::vector<std::vector<double>>>> tokenAttention;
    // Per token: how far the entities moved its last hidden state, ||h - h0|| / ||h0||
    // (h0: the same model with no entity, the token stream alone).
    std::vector<double> fusionChange;
    std::vector<ErnieGuess> guesses;  // at every [MASK]
};
// The ERNIE model shipped with PretrainLab (resources/models/ernie-mini-brown).
std::string shippedErnieDir();
// Throws ptl::Error when the folder is not an ERNIE checkpoint (with a hint).
ErnieInspection inspectErnie(const std::string& checkpointDir, const std::string& text);

} // namespace ptl

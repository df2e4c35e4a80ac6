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

// ---- KagNET (Lin et al. 2019): commonsense questions answered through paths in the graph.
struct KagNetOptions {
    // The model that reads each statement (question + choice) into the vector s; the paper
    // uses BERT fine-tuned on the questions ('finetune --task commonsense' writes one), any
    // checkpoint of ours works (empty: the shipped bert-mini-brown). Copied into the model's
    // folder (a bundled model is named instead), so the folder answers questions on its own.
    std::string statementCheckpoint;
    std::string transeDir;            // the graph and its embeddings (empty: the shipped TransE)
    std::uint64_t taskSeed = 1234;    // the commonsense task's seed (its split and distractors)
    int maxHops = 3;
    int maxPaths = 100;               // per (question concept, answer concept) pair, shortest first
    double pruneQuantile = 0.9;       // a path with a triple TransE scores farther than this quantile of the graph's triples is dropped
    int hidden = 128;                 // GCN, LSTM and pair vectors
    int epochs = 15;
    int batch = 16;                   // questions per step
    double lr = 1e-3;
    double margin = 1.0;              // the ranking margin between the right choice and each wrong one
    double dropout = 0.1;
    std::uint64_t seed = 1;
    int maxTrain = 0, maxEval = 0;    // 0: every question of the split (tests use a few)
    // The fact a question asks is in the graph, one hop from the question concept: finding
    // it is lookup, not reasoning. This share of the training questions has it taken out of
    // their graph, and dev and test are scored both ways (fact in the graph, fact hidden).
    double hideFraction = 0.5;
};

struct KagNetAccuracy {
    double dev = 0, test = 0;
};
struct KagNetTemplateScore {
    std::string name;                 // "has-part"
    int questions = 0;                // in test
    double kagnet = 0, statement = 0, paths = 0;  // the fact in the graph
    double kagnetHidden = 0, pathsHidden = 0;     // the fact hidden
};
struct KagNetReport {
    int trainQuestions = 0, devQuestions = 0, testQuestions = 0;
    double questionConcepts = 0, answerConcepts = 0;  // mean per question / choice
    double pathsFound = 0, pathsKept = 0;             // mean per choice
    double noPathChoices = 0;                         // fraction of choices with no path kept
    double pathsKeptHidden = 0, noPathChoicesHidden = 0;  // the same with the asked fact hidden
    double pruneDistance = 0;                         // the TransE distance above which a triple prunes its path
    KagNetAccuracy kagnet, statement, pathHeuristic;  // accuracies in [0, 1], the asked fact in the graph
    KagNetAccuracy kagnetHidden, pathHeuristicHidden; // the asked fact hidden from the graph
    // KagNET's concept vectors are TransE's, trained on the graph's training triples: a hidden
    // fact may still be in them. The questions whose fact TransE held out (its valid and test
    // triples) test reasoning without it anywhere: scored with the fact hidden.
    int unseenDev = 0, unseenTest = 0;
    KagNetAccuracy kagnetUnseen, statementUnseen, pathHeuristicUnseen;
    double chance = 0.2;
    int bestEpoch = 0;
    std::vector<double> lossByEpoch, devByEpoch, devHiddenByEpoch, statementDevByEpoch;
    std::vector<KagNetTemplateScore> byTemplate;
    double seconds = 0;
    std::string statementCheckpoint, transeDir;
    KagNetOptions options;
};
// Builds the task, grounds and finds paths for every question, reads every statement with
// the checkpoint, trains KagNET and the statement-only scorer (the same ranking loss, the
// graph left out) and writes outDir (kagnet.safetensors, kagnet.json, and statement/ unless
// the reader is a bundled model, which kagnet.json names).
// progress(stage, epoch, loss, dev accuracy) returns false to stop (the best so far is saved).
KagNetReport runKagNet(const KagNetOptions& options, const std::string& outDir,
                       const std::function<bool(const std::string&, int, double, double)>& progress = {});
KagNetReport readKagNetReport(const std::string& dir);
// The saved model scored again on the dev and test questions of its task seed (the figures
// of its report, recomputed from its weights; the training curves are the saved ones).
KagNetReport evaluateKagNet(const std::string& dir);
std::string shippedKagNetDir();  // resources/knowledge/kagnet-wordnet

struct KagNetPathView {
    std::vector<std::string> nodes;      // synset names, question concept first
    std::vector<std::string> relations;  // "part holonym (inverse)"
    double attention = 0;                // within its pair (alpha)
    double weight = 0;                   // alpha x the pair's attention (beta)
    double distance = 0;                 // mean TransE distance of its triples
};
struct KagNetPairView {
    std::string question, answer;
    double attention = 0;                // beta
    int found = 0, kept = 0;
};
struct KagNetChoiceView {
    std::string text;
    double score = 0, probability = 0;                    // KagNET (softmax over the choices)
    double statementScore = 0, statementProbability = 0;  // the statement-only scorer
    std::vector<std::string> nodes;                       // the schema graph: synset names
    std::vector<int> roles;                               // 0 question concept, 1 answer concept, 2 on a path
    std::vector<std::string> definitions;                 // each node's gloss
    struct Edge {
        int from = 0, to = 0;
        std::string relation;
    };
    std::vector<Edge> edges;
    std::vector<KagNetPairView> pairs;
    std::vector<KagNetPathView> paths;                    // by weight, highest first
    int found = 0, pruned = 0;
};
struct KagNetAnswer {
    std::string question;
    std::vector<std::string> questionConcepts;
    std::vector<KagNetChoiceView> choices;
    int predicted = -1, statementPredicted = -1;
};
// ptl::Error for a folder that is not a KagNET model, or fewer than two choices.
KagNetAnswer askKagNet(const std::string& dir, const std::string& question, const std::vector<std::string>& choices);

} // namespace ptl

#pragma once
// What a model learns first: at every evaluation the trainer measures, on a fixed probe
// set of held-out sentences, the accuracy of the masked-LM (or next-token) predictions by
// token class (Brown's POS groups where the corpus is the bundled Brown, and frequency
// bands always) and the structure of every attention head (entropy, attention on the
// previous token, on [CLS]/[SEP], and between a determiner or adjective and its noun).
// Stored as a snapshot of kind "dynamics" per eval; the Dynamics view and
// `runs show ID --dynamics` read them. Torch-free.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ptl {

struct ClassCount {
    std::int64_t predicted = 0, correct = 0;
    double accuracy() const { return predicted > 0 ? static_cast<double>(correct) / static_cast<double>(predicted) : 0.0; }
};

struct HeadStructure {
    int layer = 0, head = 0;
    double entropy = 0;    // mean over queries of -sum_k a log a (nats)
    double previous = 0;   // mean attention on the token just before the query
    double special = 0;    // mean attention on [CLS] and [SEP] (GPT: the first token)
    double syntactic = 0;  // mean attention from a determiner or adjective to its noun (GPT: noun to its determiner)
    std::int64_t syntacticPairs = 0;
};

struct DynamicsPoint {
    std::int64_t step = 0;
    std::map<std::string, ClassCount> posClasses;   // POS group -> counts (empty without tags)
    std::map<std::string, ClassCount> frequencyBands;
    ClassCount all;
    std::vector<HeadStructure> heads;               // layer-major
};

// The POS groups in the order the view lists them, and the frequency bands.
const std::vector<std::string>& posGroups();
const std::vector<std::string>& frequencyBands();
// Brown tag -> POS group: punctuation, determiner, preposition, pronoun, auxiliary, verb,
// noun, adjective, proper noun, or "other" (adverbs, conjunctions, numbers, foreign words...).
// Title/headline suffixes (-tl, -hl, -nc) are ignored; a contraction (ppss+md) counts as
// its first part.
std::string posGroupOfBrownTag(const std::string& tag);
// The frequency band of a token of rank r (0 = most frequent) in the training data.
std::string frequencyBandOfRank(int rank);

std::string dynamicsToJson(const DynamicsPoint& p);
// Throws ptl::Error naming what is wrong.
DynamicsPoint dynamicsFromJson(const std::string& json);

} // namespace ptl

#pragma once
// Sentence-pair instances for BERT's next-sentence prediction and ALBERT's sentence-order
// prediction, exact to create_instances_from_document in google-research/bert and
// google-research/albert: target length max_seq - 3 (with short_seq_prob a shorter random
// target), segments packed from one document, truncation of the longer side from a
// random end.
#include <random>
#include <vector>

namespace ptl {

class Tokenizer;

// InOrder: consecutive segments, never swapped (ELECTRA's pre-training data, which has no
// sentence-level task; a one-segment chunk still takes B from another document).
enum class PairTask { Nsp, Sop, InOrder };

struct PairOptions {
    PairTask task = PairTask::Nsp;
    int maxSeqLen = 128;
    double shortSeqProb = 0.1;
    int dupeFactor = 1;  // passes over the corpus (BERT used 10 with static masking)
};

struct PairInstance {
    std::vector<int> ids;      // [CLS] A [SEP] B [SEP]
    std::vector<int> typeIds;  // 0 for [CLS] A [SEP], 1 for B [SEP]
    int label = 0;             // NSP: 1 = B is a random next; SOP: 1 = A and B swapped
    int lengthA = 0, lengthB = 0;
};

// documents: each a list of tokenized sentences (ids without specials).
std::vector<PairInstance> buildPairs(const std::vector<std::vector<std::vector<int>>>& documents, const Tokenizer& tokenizer,
                                     const PairOptions& options, std::mt19937_64& rng);

} // namespace ptl

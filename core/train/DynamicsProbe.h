#pragma once
// The probe behind "what a model learns first" (core/api/Dynamics.h): a fixed set of
// held-out sequences, masked once (15% of the tokens, all to [MASK]; for causal LM every
// next token), each position labelled with its POS group (from Brown's tags when the
// corpus is the bundled Brown, matched by document) and its frequency band in the training
// data, and the determiner/adjective -> noun pairs of each sentence.
#include "core/api/Dynamics.h"
#include "core/api/JobSpec.h"
#include "core/model/Transformer.h"
#include "core/objectives/Unigram.h"
#include "core/text/Corpus.h"
#include "core/text/Tokenizer.h"

#include <torch/torch.h>

namespace ptl {

// A sentence as Brown tags it: tokens and their tags.
struct TaggedSentence {
    std::vector<std::string> words, tags;
};

// The tagged sentences of the bundled Brown documents among `documents` (matched by their
// first line in brown.txt), one vector per document; a document it cannot match gets an
// empty vector. Throws ptl::Error when the bundled tag files are missing or malformed.
std::vector<std::vector<TaggedSentence>> brownTagsFor(const std::vector<Document>& documents);

struct ProbeSequence {
    std::vector<int> ids;       // what the model sees ([MASK] at the masked positions)
    std::vector<int> labels;    // the id to predict at each position, -100 where none
    std::vector<int> group;     // POS group index (posGroups()) of the predicted token, -1 when unknown
    std::vector<bool> special;  // [CLS]/[SEP] (GPT: position 0)
    struct Pair {
        int from, toBegin, toEnd;  // attention from position `from` onto positions [toBegin, toEnd)
    };
    std::vector<Pair> syntactic;
};

class DynamicsProbe {
public:
    // documents: the held-out documents; tags: brownTagsFor(documents) or empty (no POS).
    // maskProb: the share of tokens masked (masked LM), fixed once by a fixed seed.
    DynamicsProbe(const ModelConfig& config, const Tokenizer& tokenizer, const UnigramCounts& trainCounts,
                  const std::vector<Document>& documents, const std::vector<std::vector<TaggedSentence>>& tags, int seqLen,
                  int maxSequences, double maskProb = 0.15);

    // attention: the model whose heads are measured; predictor: the one whose MLM /
    // next-token predictions are scored (the same model, or ELECTRA's generator).
    DynamicsPoint measure(TransformerModel& attention, TransformerModel& predictor, std::int64_t step) const;

    const std::vector<ProbeSequence>& sequences() const { return seqs_; }
    bool hasPos() const { return hasPos_; }

    // The pieces of measure(), public for tests. Counts the guesses (one id per position)
    // of probe sequence `seq` into out's classes.
    void addPredictions(std::size_t seq, const std::vector<int>& guesses, DynamicsPoint& out) const;
    // Sums the head statistics of a batch of probe sequences [first, first + count) from
    // its attention probabilities (per layer, (count, nh, T, T)); finishHeads() turns the
    // sums into the means of out.heads.
    struct HeadSums {
        std::vector<HeadStructure> heads;
        double queries = 0, previousQueries = 0;
    };
    HeadSums startHeads() const;
    void addAttention(const std::vector<torch::Tensor>& attentions, std::size_t first, std::size_t count, HeadSums& sums) const;
    static void finishHeads(const HeadSums& sums, DynamicsPoint& out);

private:
    ModelConfig config_;
    std::vector<ProbeSequence> seqs_;
    std::vector<int> rank_;  // rank of each token id in the training counts
    bool causal_ = false, hasPos_ = false;
    int pad_ = 0;
};

} // namespace ptl

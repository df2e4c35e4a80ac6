#pragma once
// The stream of training batches: corpus -> tokenizer -> objective -> tensors.
// A batch is a pure function of its index (and the seed), so the data position in a
// checkpoint is one number and a resumed run sees exactly the batches it would have.
#include "core/api/JobSpec.h"
#include "core/objectives/CausalLm.h"
#include "core/objectives/MlmMasker.h"
#include "core/objectives/PairBuilder.h"
#include "core/objectives/Unigram.h"
#include "core/knowledge/EntityAlignment.h"
#include "core/text/Corpus.h"
#include "core/text/Tokenizer.h"

#include <memory>
#include <torch/torch.h>

namespace ptl {

struct Batch {
    torch::Tensor ids;          // (B, T) int64
    torch::Tensor typeIds;      // (B, T) or undefined
    torch::Tensor attentionMask;  // (B, T) 1/0
    torch::Tensor labels;       // (B, T): MLM original ids or next tokens; -100 where ignored
    torch::Tensor pairLabels;   // (B) NSP/SOP labels, or undefined
    std::vector<std::vector<MaskDecision>> decisions;  // MLM decisions per sequence
    // Fine-tuning (core/objectives/FinetuneObjective.cpp):
    torch::Tensor classLabels;  // (B): the class of each sequence, or undefined
    torch::Tensor tokenLabels;  // (B, T): the tag at each word's labelled sub-token, -100 elsewhere
    torch::Tensor readout;      // (B): the position whose hidden state the classifier reads
    torch::Tensor spanLabels;   // (B, 2): reading comprehension, the gold start and end positions
    // ERNIE: the entity each token carries into the K-Encoder (a row of the entity table,
    // -1: none) after the dEA corruption, and the entity it is aligned with (-1: none), which
    // the dEA predicts. (B, T) int64.
    torch::Tensor entityIds, entityLabels;
    std::vector<int> examples;  // the task examples in the batch
    std::int64_t tokens = 0;    // real (non-padding) tokens
    // Data-parallel (core/dist/Shard.h): this shard's predicted tokens (labels other than
    // -100) over the global batch's, times the ranks; 1 in one process.
    double tokenShare = 1.0;
};

class DataPipeline {
public:
    // entities: ERNIE's entity table, whose mentions are aligned with the tokens (null: none).
    // extra: text that only trains (JobSpec::extra_corpus): its sequences join the training
    // ones, while the held-out documents and the unigram baseline stay the corpus's alone.
    DataPipeline(const JobSpec& spec, const Tokenizer& tokenizer, const Corpus& corpus, const EntityTable* entities = nullptr,
                 const Corpus* extra = nullptr);

    Batch trainBatch(std::int64_t index) const;  // index: global micro-batch number
    Batch evalBatch(int index) const;
    int evalBatchCount() const { return evalBatches_; }
    std::size_t trainInstances() const;
    std::size_t heldOutDocuments() const { return heldOutDocs_; }
    // What the objective predicts, counted over the training sequences and the held-out
    // ones: masked LM the maskable (non-special) tokens, causal LM the next tokens. The
    // training counts are the corpus's own sequences' (not the extra text's), so the
    // baseline is the one a run on the corpus alone is measured against.
    const UnigramCounts& trainUnigram() const { return trainUnigram_; }
    const UnigramCounts& heldOutUnigram() const { return heldUnigram_; }
    // ERNIE: how the corpus's mentions were aligned (training and held-out text).
    const AlignmentStats& alignment() const { return alignment_; }

private:
    Batch collate(const std::vector<std::size_t>& which, bool eval, std::uint64_t epoch) const;
    std::vector<std::size_t> order(std::uint64_t epoch) const;
    void countUnigrams();

    const JobSpec spec_;
    const Tokenizer& tok_;
    std::unique_ptr<MlmMasker> masker_;
    std::vector<PairInstance> pairs_, evalPairs_;
    std::vector<std::vector<int>> pairEntities_, evalPairEntities_;  // ERNIE: per token, the aligned entity or -1
    const EntityTable* entities_ = nullptr;
    AlignmentStats alignment_;
    std::vector<CausalWindow> windows_, evalWindows_;
    UnigramCounts trainUnigram_, heldUnigram_;
    int evalBatches_ = 0;
    std::size_t heldOutDocs_ = 0;
    std::size_t corpusInstances_ = 0;  // training sequences from the corpus; the extra text's follow
    mutable std::uint64_t cachedEpoch_ = ~0ull;
    mutable std::vector<std::size_t> cachedOrder_;
};

} // namespace ptl

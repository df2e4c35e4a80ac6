#pragma once
// Held-out metrics of a checkpoint, measured the way the trainer's evaluation measures
// them, on demand: the shipped models' cards are written from these and the test suite
// reproduces them. The held-out documents are the ones a training run with the same
// seed and held_out share kept out (splitHeldOut), so give the run's seed. Masked-LM
// models are scored at BERT's masking (15% of tokens, 80% [MASK] / 10% random / 10% kept;
// ELECTRA 85% / 0 / 15%, as it trains), single tokens, whatever rate they trained at, so
// models trained with different masking compare. Torch-free.
#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace ptl {

struct HeldOutOptions {
    std::uint64_t seed = 42;   // the training run's seed: it picks the held-out documents and the masks
    double heldOut = 0.05;     // share of documents held out (the run's held_out)
    double maskProb = 0.15;
    int maxPredictions = 20;   // per 128-token sequence
    int batches = 8, batchSize = 32, seqLen = 128;
    std::string corpus;        // text file or folder; empty: the bundled Brown corpus
    bool spaceSentences = false;  // BPE: sentences joined as running text (the run's space_sentences)
};

struct HeldOutResult {
    std::string family, objective;  // e.g. "bert", "mlm+nsp"
    // Named as the trainer's eval metrics: eval_mlm_loss, eval_mlm_accuracy,
    // eval_mlm_loss_ratio, eval_nsp_accuracy / eval_sop_accuracy, pair_baseline_accuracy
    // (BERT, ALBERT, DistilBERT); eval_loss, eval_loss_ratio, eval_accuracy,
    // eval_perplexity (GPT); eval_gen_mlm_loss, eval_gen_mlm_accuracy,
    // eval_gen_mlm_loss_ratio, eval_disc_loss, eval_disc_auc, eval_disc_accuracy,
    // eval_replaced_share, eval_disc_baseline_loss (ELECTRA); and for all the baselines
    // unigram_entropy (what a context-blind model scores), eval_unigram_loss,
    // eval_unigram_accuracy.
    std::map<std::string, double> metrics;
    std::int64_t predicted = 0;  // positions scored (masked tokens or next tokens)
    std::int64_t sequences = 0;
    std::size_t heldOutDocuments = 0;
    HeldOutOptions options;
};

// Throws ptl::Error (what, where, a hint) for a missing or damaged checkpoint, or a
// model without a head to score (an ELECTRA discriminator without its generator/).
HeldOutResult evaluateHeldOut(const std::string& checkpointDir, const HeldOutOptions& options = {});

nlohmann::json toJson(const HeldOutResult& r);

} // namespace ptl

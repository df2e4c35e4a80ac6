#pragma once
// Which stored metric is the "a model that ignores context" line of another metric. The
// trainer records these baselines with every run (computed from the same data); the
// curves draw them, the CLI prints them, and ratio metrics (eval_*_ratio) divide by them.
// Torch-free: the GUI uses it.
#include <string>

namespace ptl {

// Metric names of the baselines, as the trainer records them.
namespace baseline {
inline const char* const unigramEntropy = "unigram_entropy";            // entropy of the predicted tokens (training data), nats
inline const char* const evalUnigramLoss = "eval_unigram_loss";         // that unigram model's loss on the held-out data
inline const char* const evalUnigramAccuracy = "eval_unigram_accuracy"; // always guessing the most frequent token, held out
inline const char* const loss = "baseline_loss";                        // the total training loss of a context-blind model
inline const char* const evalLoss = "eval_baseline_loss";               // the same on the held-out data
inline const char* const discLoss = "disc_baseline_loss";               // ELECTRA: entropy of the replaced share (training batch)
inline const char* const evalDiscLoss = "eval_disc_baseline_loss";      // the same on the held-out batches
inline const char* const pairAccuracy = "pair_baseline_accuracy";       // NSP/SOP: the majority class's share (held out)
// Fine-tuning: always the training split's most frequent label, and a simple non-neural
// model fitted on the training split (bag-of-words logistic regression, or each word's
// most frequent tag), scored on dev and test.
inline const char* const devMajorityAccuracy = "dev_majority_accuracy";
inline const char* const testMajorityAccuracy = "test_majority_accuracy";
inline const char* const devSimpleAccuracy = "dev_simple_accuracy";
inline const char* const testSimpleAccuracy = "test_simple_accuracy";
inline const char* const devSimpleMacroF1 = "dev_simple_macro_f1";
inline const char* const testSimpleMacroF1 = "test_simple_macro_f1";
// Reading comprehension (SQuAD's F1): always "no answer", and the sliding-window overlap.
inline const char* const devMajorityF1 = "dev_majority_f1";
inline const char* const testMajorityF1 = "test_majority_f1";
inline const char* const devSimpleF1 = "dev_simple_f1";
inline const char* const testSimpleF1 = "test_simple_f1";
inline const char* const devSimpleExact = "dev_simple_exact";
inline const char* const testSimpleExact = "test_simple_exact";
} // namespace baseline

// The baseline drawn beside `metric`, or "" when it has none.
inline std::string baselineOf(const std::string& metric)
{
    if (metric == "mlm_loss" || metric == "lm_loss" || metric == "gen_mlm_loss") return baseline::unigramEntropy;
    if (metric == "eval_mlm_loss" || metric == "eval_gen_mlm_loss") return baseline::evalUnigramLoss;
    if (metric == "eval_mlm_accuracy" || metric == "eval_gen_mlm_accuracy" || metric == "eval_accuracy") return baseline::evalUnigramAccuracy;
    if (metric == "loss") return baseline::loss;
    if (metric == "eval_loss") return baseline::evalLoss;
    if (metric == "disc_loss") return baseline::discLoss;
    if (metric == "eval_disc_loss") return baseline::evalDiscLoss;
    if (metric == "eval_nsp_accuracy" || metric == "eval_sop_accuracy") return baseline::pairAccuracy;
    if (metric == "dev_accuracy" || metric == "best_dev_accuracy") return baseline::devSimpleAccuracy;
    if (metric == "test_accuracy") return baseline::testSimpleAccuracy;
    if (metric == "dev_macro_f1") return baseline::devSimpleMacroF1;
    if (metric == "test_macro_f1") return baseline::testSimpleMacroF1;
    if (metric == "dev_f1" || metric == "best_dev_f1") return baseline::devSimpleF1;
    if (metric == "test_f1") return baseline::testSimpleF1;
    if (metric == "dev_exact") return baseline::devSimpleExact;
    if (metric == "test_exact") return baseline::testSimpleExact;
    return {};
}

// True for the metrics that are baselines themselves (listed apart from the curves).
inline bool isBaselineMetric(const std::string& metric)
{
    for (const char* b : {baseline::unigramEntropy, baseline::evalUnigramLoss, baseline::evalUnigramAccuracy, baseline::loss,
                          baseline::evalLoss, baseline::discLoss, baseline::evalDiscLoss, baseline::pairAccuracy,
                          baseline::devMajorityAccuracy, baseline::testMajorityAccuracy, baseline::devSimpleAccuracy,
                          baseline::testSimpleAccuracy, baseline::devSimpleMacroF1, baseline::testSimpleMacroF1, baseline::devMajorityF1,
                          baseline::testMajorityF1, baseline::devSimpleF1, baseline::testSimpleF1, baseline::devSimpleExact,
                          baseline::testSimpleExact})
        if (metric == b) return true;
    return false;
}

} // namespace ptl

#pragma once
// ELECTRA against BERT at equal compute (Clark et al. 2020, Table 1 / Figure 1): BERT
// (masked LM only) and ELECTRA are trained for the same estimated training FLOPs, and
// both encoders are read by the same downstream check: a linear probe that tells the 15
// genres of the bundled Brown corpus apart from mean-pooled final hidden states.
// Torch-free: the GUI's worker calls it like runJob.
#include "core/api/Job.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ptl {

// A linear probe (softmax regression on frozen, mean-pooled, standardised features) on
// Brown genre classification. Documents are split by genre: every 5th document of a genre
// is held out. Each document gives up to `chunks` sequences of seq_len tokens; a document
// is classified by averaging its chunks' logits. The same features, split, steps and
// learning rate for every encoder: the same budget.
struct GenreProbeOptions {
    int chunks = 8;
    int seqLen = 128;
    int steps = 300;       // full-batch Adam steps
    double lr = 0.05;
    double weightDecay = 1e-3;
    std::uint64_t seed = 7;
};

struct GenreProbeResult {
    double accuracy = 0;         // held-out chunks
    double docAccuracy = 0;      // held-out documents (mean logits over their chunks)
    double majority = 0;         // accuracy of always answering the commonest genre (test chunks)
    int classes = 0;
    int trainExamples = 0, testExamples = 0, testDocuments = 0;
    double seconds = 0;
};

// Probes the encoder of a checkpoint folder (BERT, ALBERT, ELECTRA discriminator, GPT-2).
GenreProbeResult genreProbe(const std::string& checkpointDir, const GenreProbeOptions& options = {});

struct EqualComputeOptions {
    std::string bertPreset = "bert-tiny";        // trained with MLM only (pair_loss=false), as the paper's BERT baseline
    std::string electraPreset = "electra-tiny";
    double flops = 0;             // training-FLOPs budget per arm; 0: electraSteps of ELECTRA decide it
    int electraSteps = 1500;
    int probePoints = 4;          // probes along each run, plus the initial model
    std::vector<std::string> set; // key=value for both arms (batch_size, seq_len, lr, seed, threads, ...)
    std::vector<std::string> electraSet;  // key=value for the ELECTRA arm only, after `set` (gen_temperature_start, ...)
    std::string outDir;           // empty: next to the store
    GenreProbeOptions probe;
};

struct ProbePoint {
    std::int64_t step = 0;
    double flops = 0;
    double accuracy = 0, docAccuracy = 0;
};

struct EqualComputeArm {
    std::string label;            // "BERT (MLM)" / "ELECTRA"
    std::string preset;
    std::int64_t runId = 0;
    std::string status;
    std::int64_t steps = 0;
    double flopsPerToken = 0;     // estimated, see jobFlopsPerToken
    double flops = 0;             // recorded at the end of the run (real tokens x flopsPerToken)
    double seconds = 0;           // training wall time
    std::vector<ProbePoint> probes;
    std::vector<std::string> settings;  // the key=value settings this arm ran with, beyond its preset
    double discAuc = -1;          // ELECTRA: the discriminator's last held-out AUC (-1: none), and
    double genAccuracy = -1;      // its generator's last held-out MLM accuracy
};

struct EqualComputeResult {
    EqualComputeArm bert, electra;
    double budgetFlops = 0;
    double majority = 0, chance = 0;
    int classes = 0, testExamples = 0, testDocuments = 0;
    std::string status;           // completed, cancelled, failed
    std::string message;
    // The verdict at the budget: "electra", "bert", or "none" when the two final accuracies
    // differ by less than one standard error of their difference (n held-out chunks each).
    std::string verdict;
    double standardError = 0;
    std::string summary;          // one sentence: who won, by how much
    std::string reportPath;       // JSON report written next to the runs
};

class ExperimentObserver : public JobObserver {
public:
    virtual void phase(const std::string& what) {}                          // "training BERT", "probing ELECTRA step 300", ...
    virtual void armStarted(int arm, std::int64_t runId) {}                  // 0: BERT, 1: ELECTRA
    virtual void probed(int arm, const ProbePoint& p) {}
};

// Runs both arms in turn (BERT first), each a normal run in the store; probes every
// checkpoint and records "genre_probe_accuracy" (and "genre_probe_doc_accuracy") in its
// run at that step, so the curves panel plots it against "flops".
EqualComputeResult runEqualCompute(const EqualComputeOptions& options, const std::string& storePath, ExperimentObserver& observer,
                                   StopToken& stop);

std::string equalComputeToJson(const EqualComputeResult& r);

} // namespace ptl

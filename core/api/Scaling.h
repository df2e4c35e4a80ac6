#pragma once
// "Bigger is better", measured (Kaplan et al. 2020; GPT-3's Figures 1.2 and 1.3; BERT's
// model-size ablation): a ladder of sizes of one family trained on the same data for the
// same number of tokens, each an ordinary run of the store, then the held-out loss against
// non-embedding parameters with a fitted power law L = (N_c / N)^alpha, and for GPT the
// zero-shot and few-shot accuracy of every size. Torch-free: the GUI's worker calls it.
#include "core/api/Job.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ptl {

struct ScalingRung {
    int layers = 2, hidden = 128, heads = 2;
    double lr = 0;                       // this rung's peak learning rate; 0: the ladder's (--set lr, or the preset's)
};

// GPT: about 0.1 M to 10.6 M non-embedding parameters in five rungs; BERT the same shapes.
std::vector<ScalingRung> defaultLadder(const std::string& family);
// "2:64:2,3:192:3" -> rungs; a fourth field is the rung's own learning rate
// ("6:384:6:5e-4": the larger the model, the smaller the rate that trains it). Throws
// ptl::Error naming the bad part.
std::vector<ScalingRung> parseLadder(const std::string& text);

struct ScalingOptions {
    std::string family = "gpt";          // gpt | bert (the gpt-mini / bert-mini presets with the rung's shape)
    std::vector<ScalingRung> rungs;      // empty: defaultLadder(family)
    int steps = 2000;                    // the same steps (and so tokens) for every rung
    std::vector<std::string> set;        // key=value for every rung (batch_size, seq_len, lr, threads, ...)
    bool tasks = true;                   // GPT: zero-shot lastword and few-shot capitals-choice at K = 0 and 4
    int taskItems = 100;
};

struct ScalingPoint {
    ScalingRung rung;
    std::string name;                    // the run's name in the store
    std::int64_t runId = 0;
    std::string status;                  // completed, cancelled, failed, ...
    bool reused = false;                 // a completed run of the same name and settings was found in the store
    std::int64_t nonEmbedding = 0, total = 0;
    double lr = 0;                       // the peak learning rate the run trained with
    double evalLoss = 0, evalLossRatio = 0;  // the run's last held-out loss (GPT: next token; BERT: MLM) and / unigram
    double seconds = 0;
    double lastWord = -1;                // zero-shot lastword accuracy (-1: not measured)
    double fewShot0 = -1, fewShot4 = -1; // capitals-choice accuracy at K = 0 and 4
};

struct PowerLaw {
    double alpha = 0;                    // L = (nc / N)^alpha
    double nc = 0;
    double scale = 0;                    // the same law as L = scale x N^-alpha (finite where nc over- or underflows)
    double r2 = 0;                       // of the fit in log-log space
    int points = 0;
};
// Least squares of log L on log N (at least two points).
PowerLaw fitPowerLaw(const std::vector<double>& n, const std::vector<double>& loss);

struct ScalingResult {
    std::vector<ScalingPoint> points;
    PowerLaw fit;
    std::string status;                  // completed, cancelled, failed
    std::string message;
    std::string summary;                 // one sentence with the exponent, against Kaplan et al.'s 0.076
};

class ScalingObserver : public JobObserver {
public:
    virtual void phase(const std::string& what) {}
    virtual void rungDone(const ScalingPoint& p) {}
};

// Trains (or reuses, or resumes) every rung in turn, smallest first. For GPT the zero- and
// few-shot accuracies are stored with each rung's run (metrics zeroshot_lastword,
// fewshot_capitals_k0, fewshot_capitals_k4 at its last step) and reused with the run.
ScalingResult runScaling(const ScalingOptions& options, const std::string& storePath, ScalingObserver& observer, StopToken& stop);

// A ladder as the store holds it: the runs named "scaling FAMILY L.. H.. A.. (N steps)".
struct ScalingLadder {
    std::string family;                  // gpt | bert
    int steps = 0;
    std::vector<ScalingPoint> points;    // one per shape (its latest run), by non-embedding parameters
    PowerLaw fit;                        // over the completed points; points == 0 when fewer than two
    std::string summary;
};
// Every ladder in the store, grouped by family and steps, read without training or
// evaluating anything (for the panel and `experiment scaling --show`). Throws ptl::Error
// when the store can't be opened.
std::vector<ScalingLadder> scalingLaddersInStore(const std::string& storePath);

} // namespace ptl

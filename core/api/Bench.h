#pragma once
// Speed, read against the hardware: training tokens/s, the FLOPs they stand for, and the
// machine's own measured GEMM peak (fp32 and bf16).
#include "core/api/JobSpec.h"

#include <string>
#include <vector>

namespace ptl {

struct GemmPeak {
    double fp32Gflops = 0;
    double bf16Gflops = 0;
    int size = 0;  // square matrices n x n x n
};

struct TrainBenchResult {
    std::string preset;
    double tokensPerSecond = 0;     // real tokens (padding excluded)
    double positionsPerSecond = 0;  // batch x sequence positions computed, padding included
    double stepSeconds = 0;
    double flopsPerToken = 0;     // training (forward + backward), see trainingFlopsPerToken
    double achievedGflops = 0;    // executed: positions/s x flopsPerToken
    std::string precision;
    int threads = 0;
    int steps = 0;
    std::string blasCore;         // OpenBLAS kernel name, or what BLAS reports
    std::string message;          // non-empty when the run failed
};

// Training FLOPs per token = 3 x forward FLOPs (backward costs twice the forward), with
// forward = 2 x (every multiply-add of the layers' matmuls: L (4H^2 + 2HI)) + 4 L T H
// (attention scores and weighted sum over T keys) + the LM head: 2 (H E + V E) per
// predicted token, times the share of tokens predicted (MLM: ~p; causal LM: 1).
double trainingFlopsPerToken(const ModelConfig& c, int seqLen, double predictedShare);

// The estimated training FLOPs per real token of a job, as the trainer's "flops" metric
// counts them: MLM at the masked share; causal LM everywhere; ELECTRA = its generator (MLM
// at the masked share) + its discriminator (no LM head, a dense H x H + H x 1 head on
// every token). The NSP/SOP heads are negligible and left out.
double jobFlopsPerToken(const JobSpec& spec);

GemmPeak measureGemmPeak(int size = 1024, double seconds = 1.0);
std::string blasCoreName();
TrainBenchResult benchTrain(const JobSpec& spec, int warmupSteps, int steps);
// Data-parallel: this process is one rank of env (core/dist/DistEnv.h); rank 0's result
// holds the run's global tokens/s.
struct DistEnv;
TrainBenchResult benchTrain(const JobSpec& spec, int warmupSteps, int steps, const DistEnv& env);

struct InspectBenchResult {
    int tokens = 0;
    double medianMs = 0, minMs = 0;
    int reps = 0;
    int threads = 0;
};
// Times one inspect (tokenize + forward with attentions + top-k, values copied out) on a
// randomly initialised model of the spec's configuration, on a bundled-corpus text of
// `tokens` tokens.
InspectBenchResult benchInspect(const JobSpec& spec, int tokens, int reps);

// One custom kernel of core/kernels against its plain LibTorch reference, forward +
// backward on the spec's shapes (batch x seq_len, the model's widths, its dropout, training
// mode), in one precision: median milliseconds of each over `reps` passes.
struct KernelBenchRow {
    std::string kernel;     // e.g. "attention"
    std::string precision;  // fp32 | bf16
    std::string shape;      // e.g. "B 32, T 128, H 256, 4 heads, dropout 0.1"
    double referenceMs = 0, fusedMs = 0;
};
std::vector<KernelBenchRow> benchKernels(const JobSpec& spec, int reps, const std::vector<std::string>& precisions);

} // namespace ptl

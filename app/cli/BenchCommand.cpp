// bench train: tokens/s, achieved GFLOP/s and the machine's measured GEMM peaks.
#include "app/cli/Commands.h"
#include "app/cli/Launch.h"
#include "core/api/Bench.h"
#include "core/dist/DistEnv.h"
#include "core/util/Files.h"
#include "core/kernels/Switches.h"
#include "core/util/Error.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>
#include <iostream>
#include <nlohmann/json.hpp>

namespace ptl::cli {

void addBenchInspect(CLI::App* bench);
void addBenchKernels(CLI::App* bench);

void addBench(CLI::App& app)
{
    struct Opts {
        std::string preset = "bert-mini";
        std::vector<std::string> sets;
        int steps = 20, warmup = 5;
        bool json = false;
        int nproc = 0;
    };
    auto o = std::make_shared<Opts>();
    auto* bench = app.add_subcommand("bench", "benchmarks read against this machine's own GEMM peak");
    bench->require_subcommand(1);
    addBenchInspect(bench);
    addBenchGenerate(bench);
    addBenchKernels(bench);
    auto* c = bench->add_subcommand("train", "training speed of a preset (batch 32, sequence 128 by default)");
    c->add_option("--preset", o->preset, "preset to time");
    c->add_option("--steps", o->steps, "timed steps");
    c->add_option("--warmup", o->warmup, "untimed steps first");
    c->add_option("--set", o->sets, "override a field, key=value");
    c->add_flag("--json", o->json, "one JSON object");
    c->add_option("--nproc", o->nproc,
                  "data-parallel: time N processes on this machine (threads each: the cores over N, or --set threads), then 1 process "
                  "with all those threads, and report both")
        ->check(CLI::Range(1, 256));
    c->callback([o] {
        JobSpec spec = JobSpec::fromPreset(o->preset);
        spec.setAll(o->sets);
        const DistEnv env = distEnvFromEnvironment();
        if (!env.active() && o->nproc > 1) {
            // The ranks (this command again, N times), then one process with all their threads.
            const auto file = std::filesystem::temp_directory_path() / ("pretrainlab-bench-dp-" + std::to_string(::getpid()) + ".json");
            ::setenv("PTL_BENCH_RESULT", file.c_str(), 1);
            const int rc = launchLocalRanks(o->nproc, spec.train.dist_timeout + 30);
            ::unsetenv("PTL_BENCH_RESULT");
            if (rc != 0) throw Error("the data-parallel benchmark failed (exit status " + std::to_string(rc) + ")");
            const nlohmann::json dp = nlohmann::json::parse(readTextFile(file));
            std::filesystem::remove(file);
            const int rankThreads = dp.value("threads", 1);
            spec.train.processes = 1;
            spec.train.threads = rankThreads * o->nproc;
            const TrainBenchResult one = benchTrain(spec, o->warmup, o->steps);
            if (!one.message.empty()) throw Error("the single-process benchmark failed: " + one.message);
            const double ratio = dp.value("tokens_per_second", 0.0) / one.tokensPerSecond;
            if (o->json) {
                std::cout << nlohmann::json{{"data_parallel", dp},
                                            {"single", {{"tokens_per_second", one.tokensPerSecond}, {"step_seconds", one.stepSeconds}, {"threads", one.threads},
                                                        {"precision", one.precision}}},
                                            {"ratio", ratio}}
                                 .dump()
                          << "\n";
                return;
            }
            std::printf("%d processes x %d thread%s: %.0f tokens/s (%.3f s/step)\n1 process x %d threads:  %.0f tokens/s (%.3f s/step)\n"
                        "data-parallel / single process: %.2fx (%s, batch %d x %d, %d timed steps)\n",
                        o->nproc, rankThreads, rankThreads == 1 ? "" : "s", dp.value("tokens_per_second", 0.0), dp.value("step_seconds", 0.0),
                        one.threads, one.tokensPerSecond, one.stepSeconds, ratio, one.precision.c_str(), spec.train.batch_size, spec.train.seq_len, o->steps);
            return;
        }
        if (env.active()) spec.train.processes = env.world;
        const GemmPeak peak = env.active() ? GemmPeak{} : measureGemmPeak();
        const TrainBenchResult r = benchTrain(spec, o->warmup, o->steps, env);
        if (!r.message.empty()) throw Error("the benchmark run failed: " + r.message);
        if (env.active()) {
            // Rank 0 speaks for the run; under bench --nproc it hands its result to the launcher.
            if (!env.leader()) return;
            const nlohmann::json j = {{"tokens_per_second", r.tokensPerSecond}, {"step_seconds", r.stepSeconds}, {"threads", r.threads},
                                      {"processes", env.world}, {"precision", r.precision}, {"preset", r.preset}};
            if (const char* out = std::getenv("PTL_BENCH_RESULT"); out && *out) writeFileAtomic(out, j.dump());
            else std::cout << j.dump() << "\n";
            return;
        }
        const double ofPeak = (r.precision == "bf16" ? peak.bf16Gflops : peak.fp32Gflops);
        nlohmann::json j = {{"impl", "pretrainlab"}, {"preset", r.preset}, {"tokens_per_second", r.tokensPerSecond}, {"positions_per_second", r.positionsPerSecond},
                            {"step_seconds", r.stepSeconds}, {"flops_per_token", r.flopsPerToken}, {"achieved_gflops", r.achievedGflops},
                            {"gemm_peak_fp32_gflops", peak.fp32Gflops}, {"gemm_peak_bf16_gflops", peak.bf16Gflops},
                            {"share_of_peak", r.achievedGflops / ofPeak}, {"precision", r.precision}, {"threads", r.threads},
                            {"blas", r.blasCore}, {"kernels", kernels::kernelSwitches()}, {"batch", spec.train.batch_size}, {"seq_len", spec.train.seq_len}, {"steps", r.steps},
                            {"flop_formula", "3 x (2 L (4H^2 + 2HI) + 4 L T H + 2 (HE + VE) x predicted share) per token"}};
        if (o->json) {
            std::cout << j.dump() << "\n";
            return;
        }
        std::printf("%s: %.0f tokens/s (%.0f positions/s with padding; %.3f s/step, batch %d x %d), %.1f GFLOP/s = %.0f%% of this machine's %s GEMM peak\n",
                    r.preset.c_str(), r.tokensPerSecond, r.positionsPerSecond, r.stepSeconds, spec.train.batch_size, spec.train.seq_len, r.achievedGflops,
                    100.0 * r.achievedGflops / ofPeak, r.precision.c_str());
        std::printf("GEMM peak (%dx%d): fp32 %.1f GFLOP/s, bf16 %.1f GFLOP/s; %s, %d threads; kernels: %s\n", peak.size, peak.size, peak.fp32Gflops,
                    peak.bf16Gflops, r.blasCore.c_str(), r.threads, kernels::kernelSwitches().c_str());
    });
}

void addBenchKernels(CLI::App* bench)
{
    struct Opts {
        std::string preset = "bert-mini";
        std::vector<std::string> sets;
        std::vector<std::string> precisions{"fp32", "bf16"};
        int reps = 10;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = bench->add_subcommand("kernels", "each fused kernel of core/kernels against its plain LibTorch reference, forward + backward on a preset's shapes");
    c->add_option("--preset", o->preset, "preset whose shapes to use");
    c->add_option("--set", o->sets, "override a field, key=value (batch_size, seq_len, hidden_size, ...)");
    c->add_option("--precision", o->precisions, "fp32 and/or bf16")->check(CLI::IsMember({"fp32", "bf16"}));
    c->add_option("--reps", o->reps, "timed passes (the median is reported)")->check(CLI::PositiveNumber);
    c->add_flag("--json", o->json, "one JSON array");
    c->callback([o] {
        JobSpec spec = JobSpec::fromPreset(o->preset);
        spec.setAll(o->sets);
        const auto rows = benchKernels(spec, o->reps, o->precisions);
        nlohmann::json j = nlohmann::json::array();
        for (const auto& r : rows) {
            j.push_back({{"kernel", r.kernel}, {"precision", r.precision}, {"shape", r.shape}, {"reference_ms", r.referenceMs}, {"fused_ms", r.fusedMs},
                         {"speedup", r.referenceMs / r.fusedMs}});
            if (!o->json)
                std::printf("%-10s %-5s %-60s reference %8.2f ms  fused %8.2f ms  %.2fx\n", r.kernel.c_str(), r.precision.c_str(), r.shape.c_str(),
                            r.referenceMs, r.fusedMs, r.referenceMs / r.fusedMs);
        }
        if (o->json) std::cout << j.dump() << "\n";
    });
}

void addBenchInspect(CLI::App* bench)
{
    struct Opts {
        std::string preset = "bert-mini";
        std::vector<std::string> sets;
        int tokens = 128, reps = 10;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = bench->add_subcommand("inspect", "time one inspect (attention + top-k) of a text of N tokens");
    c->add_option("--preset", o->preset, "preset whose configuration to time (random weights)");
    c->add_option("--tokens", o->tokens, "input length in tokens");
    c->add_option("--reps", o->reps, "timed repetitions");
    c->add_option("--set", o->sets, "override a model field, key=value (e.g. BERT-base: hidden_size=768 num_hidden_layers=12 ...)");
    c->add_flag("--json", o->json, "one JSON object");
    c->callback([o] {
        JobSpec spec = JobSpec::fromPreset(o->preset);
        spec.setAll(o->sets);
        spec.model.check();
        const InspectBenchResult r = benchInspect(spec, o->tokens, o->reps);
        const auto& m = spec.model;
        if (o->json) {
            std::cout << nlohmann::json{{"preset", o->preset}, {"layers", m.num_layers}, {"hidden", m.hidden_size}, {"heads", m.num_heads},
                                        {"tokens", r.tokens}, {"median_ms", r.medianMs}, {"min_ms", r.minMs}, {"reps", r.reps}, {"threads", r.threads}}
                             .dump()
                      << "\n";
            return;
        }
        std::printf("inspect of %d tokens on L%d H%d A%d: median %.1f ms, best %.1f ms (%d reps, %d threads)\n", r.tokens, m.num_layers,
                    m.hidden_size, m.num_heads, r.medianMs, r.minMs, r.reps, r.threads);
    });
}

} // namespace ptl::cli

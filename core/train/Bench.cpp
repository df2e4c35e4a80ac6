#include "core/api/Bench.h"
#include "core/dist/DistEnv.h"
#include "core/kernels/Gemm.h"
#include "core/api/Job.h"
#include "core/kernels/Attention.h"
#include "core/kernels/AddNorm.h"
#include "core/model/Dropout.h"
#include "core/model/Transformer.h"
#include "core/train/Autocast.h"
#include "core/model/Inspect.h"
#include "core/text/Corpus.h"
#include "core/text/Tokenizer.h"
#include "core/util/Runtime.h"

#include <chrono>
#include <cstdlib>
#include <dlfcn.h>
#include <filesystem>
#include <torch/csrc/autograd/profiler_legacy.h>
#include <sstream>
#include <torch/torch.h>

namespace fs = std::filesystem;

namespace ptl {

double trainingFlopsPerToken(const ModelConfig& c, int seqLen, double predictedShare)
{
    const double H = c.hidden_size, I = c.intermediate_size, L = c.num_layers, E = c.embedding_size, V = c.vocab_size, T = seqLen;
    double forward = 2.0 * L * (4 * H * H + 2 * H * I) + 4.0 * L * T * H;
    if (c.hasEmbeddingProjection()) forward += 2.0 * E * H;
    forward += 2.0 * (H * E + V * E) * predictedShare;
    if (c.isErnie()) {
        // The entity stream runs densely over every position: its attention, W_e and the back-projection.
        const double D = c.entity_size;
        forward += 2.0 * c.knowledge_layers * (4 * D * D + 2 * D * I) + 4.0 * c.knowledge_layers * T * D;
    }
    return 3.0 * forward;
}

double jobFlopsPerToken(const JobSpec& spec)
{
    const ModelConfig& c = spec.model;
    const int T = spec.train.seq_len;
    if (spec.finetune.active())  // the body (and GPT's auxiliary LM head at every position); the task head is negligible
        return trainingFlopsPerToken(c, T, c.family == Family::Gpt2 && spec.finetune.lm_weight > 0 ? 1.0 : 0.0);
    if (c.family == Family::Gpt2) return trainingFlopsPerToken(c, T, 1.0);
    const double share = std::min(spec.train.mask_prob, spec.train.max_predictions / double(T));
    if (c.family != Family::Electra) return trainingFlopsPerToken(c, T, share);
    const double H = c.hidden_size;
    return trainingFlopsPerToken(c.generatorConfig(), T, share) + trainingFlopsPerToken(c, T, 0.0) + 3.0 * 2.0 * (H * H + H);
}

GemmPeak measureGemmPeak(int size, double seconds)
{
    // The best of square sizes size and 2 x size (larger ones often run closer to peak),
    // each timed repeatedly for `seconds`: a peak, so the share of it is a strict figure.
    // fp32 is the better of LibTorch's own matmul (the BLAS) and core/kernels' GEMM (oneDNN
    // where the CPU has AVX-512): the peak of what this machine offers, not of one library.
    torch::NoGradGuard ng;
    GemmPeak g;
    g.size = size;
    auto time = [&](torch::ScalarType type, bool viaKernels) {
        double best = 0;
        int bestSize = size;
        for (int n : {size, 2 * size}) {
            auto a = torch::randn({n, n}).to(type), b = torch::randn({n, n}).to(type);
            auto c = torch::empty({n, n});
            auto once = [&] {
                if (viaKernels)
                    kernels::gemm(false, false, n, n, n, 1.0f, a.data_ptr<float>(), n, b.data_ptr<float>(), n, 0.0f, c.data_ptr<float>(), n);
                else
                    c = torch::mm(a, b);
            };
            once();  // warm up
            const auto start = std::chrono::steady_clock::now();
            do {
                const auto t0 = std::chrono::steady_clock::now();
                once();
                const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                if (2.0 * n * n * static_cast<double>(n) / dt / 1e9 > best) {
                    best = 2.0 * n * n * static_cast<double>(n) / dt / 1e9;
                    bestSize = n;
                }
            } while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds);
        }
        return std::make_pair(best, bestSize);
    };
    auto [blas, blasSize] = time(torch::kFloat32, false);
    g.fp32Gflops = blas;
    g.size = blasSize;
    if (kernels::onednnSgemm()) {
        auto [onednn, onednnSize] = time(torch::kFloat32, true);
        if (onednn > g.fp32Gflops) {
            g.fp32Gflops = onednn;
            g.size = onednnSize;
        }
    }
    try {
        g.bf16Gflops = time(torch::kBFloat16, false).first;
    } catch (const std::exception&) {
        g.bf16Gflops = 0;  // no bf16 GEMM here (e.g. oneDNN capped below AVX-512 by DNNL_MAX_CPU_ISA)
    }
    return g;
}

std::string blasCoreName()
{
    using Fn = char* (*)();
    if (auto fn = reinterpret_cast<Fn>(dlsym(RTLD_DEFAULT, "openblas_get_corename"))) {
        std::string name = std::string("OpenBLAS ") + fn();
        if (const char* env = std::getenv("OPENBLAS_CORETYPE")) name += std::string(" (OPENBLAS_CORETYPE=") + env + ")";
        return name;
    }
    return "unknown BLAS (not OpenBLAS)";
}

namespace {
class TimingObserver : public JobObserver {
public:
    TimingObserver(int warmup, int total) : warmup_(warmup), total_(total) {}
    void progress(const ProgressInfo& p) override
    {
        const auto now = std::chrono::steady_clock::now();
        if (p.step == warmup_) { start_ = now; startTokens_ = p.tokensSeen; }
        if (p.step == total_) { end_ = now; endTokens_ = p.tokensSeen; }
        precision = p.precision;
        threads = p.threads;
    }
    double seconds() const { return std::chrono::duration<double>(end_ - start_).count(); }
    std::int64_t tokens() const { return endTokens_ - startTokens_; }
    std::string precision;
    int threads = 0;

private:
    int warmup_, total_;
    std::chrono::steady_clock::time_point start_, end_;
    std::int64_t startTokens_ = 0, endTokens_ = 0;
};
} // namespace

TrainBenchResult benchTrain(const JobSpec& spec, int warmupSteps, int steps) { return benchTrain(spec, warmupSteps, steps, DistEnv{}); }

TrainBenchResult benchTrain(const JobSpec& specIn, int warmupSteps, int steps, const DistEnv& env)
{
    JobSpec spec = specIn;
    const int total = warmupSteps + steps;
    spec.train.steps = total;
    spec.train.eval_every = spec.train.checkpoint_every = spec.train.probe_every = total;  // only after the timed steps
    spec.train.log_every = total;
    spec.train.warmup_steps = std::min(spec.train.warmup_steps, total);
    const fs::path dir = fs::temp_directory_path() / ("pretrainlab-bench-" + std::to_string(::getpid()));
    spec.out_dir = (dir / "out").string();
    TimingObserver obs(warmupSteps, total);
    StopToken stop;
    RunOutcome r;
    if (const char* trace = std::getenv("PTL_PROFILE_TRACE"); trace && *trace) {
        // Developers: a Chrome trace of every LibTorch op of the run (chrome://tracing).
        torch::autograd::profiler::RecordProfile profile(trace);
        r = runJob(spec, (dir / "bench.sqlite").string(), obs, stop, env);
    } else {
        r = runJob(spec, (dir / "bench.sqlite").string(), obs, stop, env);
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    TrainBenchResult b;
    b.preset = spec.preset;
    b.steps = steps;
    b.blasCore = blasCoreName();
    b.precision = obs.precision;
    b.threads = obs.threads;
    if (r.status != "completed") {
        b.message = r.message;
        return b;
    }
    b.tokensPerSecond = static_cast<double>(obs.tokens()) / obs.seconds();
    b.stepSeconds = obs.seconds() / steps;
    const double share = spec.model.family == Family::Gpt2 ? 1.0 : std::min(spec.train.mask_prob, spec.train.max_predictions / double(spec.train.seq_len));
    b.flopsPerToken = trainingFlopsPerToken(spec.model, spec.train.seq_len, share);
    b.positionsPerSecond = static_cast<double>(steps) * spec.train.grad_accum * spec.train.batch_size * spec.train.seq_len / obs.seconds();
    b.achievedGflops = b.positionsPerSecond * b.flopsPerToken / 1e9;
    return b;
}

} // namespace ptl

namespace ptl {

InspectBenchResult benchInspect(const JobSpec& spec, int tokens, int reps)
{
    InspectBenchResult r;
    r.threads = torch::get_num_threads();
    auto tok = loadBundledTokenizer(spec.tokenizer);
    ModelConfig c = spec.model;
    c.vocab_size = tok->vocabSize();
    torch::manual_seed(1);
    TransformerModel model(c);
    model->eval();
    // A text of exactly `tokens` tokens, [CLS]/[SEP] included for BERT-style models.
    const Corpus corpus = bundledCorpus();
    std::vector<std::string> words;
    std::string text;
    const int target = c.family == Family::Gpt2 ? tokens : tokens - 2;
    for (const auto& d : corpus.documents) {
        for (const auto& sentence : d.sentences) {
            const std::string candidate = text.empty() ? sentence : text + " " + sentence;
            if (static_cast<int>(tok->encode(candidate).size()) > target) {
                // Trim word by word to the exact length.
                std::string t = text;
                std::istringstream in(sentence);
                std::string w;
                while (in >> w) {
                    const std::string next = t.empty() ? w : t + " " + w;
                    if (static_cast<int>(tok->encode(next).size()) > target) break;
                    t = next;
                }
                text = t;
                goto done;
            }
            text = candidate;
        }
    }
done:
    std::vector<double> ms;
    for (int i = 0; i < reps + 2; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        const InspectResult res = inspect(model, *tok, c, text, std::nullopt, 5);
        const double dt = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        r.tokens = static_cast<int>(res.ids.size());
        if (i >= 2) ms.push_back(dt);  // two warm-up passes
    }
    std::sort(ms.begin(), ms.end());
    r.reps = reps;
    r.medianMs = ms[ms.size() / 2];
    r.minMs = ms.front();
    return r;
}

namespace {
// Median milliseconds of fn over reps passes, after two untimed ones.
template <typename Fn>
double medianMs(int reps, Fn&& fn)
{
    std::vector<double> ms;
    for (int i = 0; i < reps + 2; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        fn();
        const double dt = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (i >= 2) ms.push_back(dt);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}
} // namespace

std::vector<KernelBenchRow> benchKernels(const JobSpec& spec, int reps, const std::vector<std::string>& precisions)
{
    const ModelConfig& c = spec.model;
    const int64_t B = spec.train.batch_size, T = spec.train.seq_len, H = c.hidden_size;
    std::vector<KernelBenchRow> rows;
    for (const std::string& prec : precisions) {
        const auto dtype = prec == "bf16" ? torch::kBFloat16 : torch::kFloat32;
        torch::manual_seed(3);
        auto qkv = torch::randn({B, T, 3 * H}).to(dtype);
        auto upstream = torch::randn({B, T, H}).to(dtype);
        // BERT's padding mask with a few short sequences.
        auto keep = torch::ones({B, T}, torch::kFloat32);
        for (int64_t b = 0; b < B; b += 4) keep[b].narrow(0, T / 2, T - T / 2).zero_();
        torch::Tensor mask;
        if (!c.causal) mask = ((1.0 - keep) * -1e30).unsqueeze(1).unsqueeze(2).to(dtype);
        kernels::AttentionOptions o;
        o.heads = c.num_heads;
        o.dropout = c.attention_dropout;
        o.training = true;
        o.causal = c.causal;
        o.seed = 11;
        auto pass = [&](bool fused) {
            auto x = qkv.detach().requires_grad_(true);
            auto y = fused ? kernels::fusedAttention(x, mask, o) : kernels::referenceAttention(x, mask, o);
            y.backward(upstream);
        };
        KernelBenchRow r;
        r.kernel = "attention";
        r.precision = prec;
        std::ostringstream shape;
        shape << "B " << B << ", T " << T << ", H " << H << ", " << c.num_heads << " heads" << (c.causal ? ", causal" : ", padding mask")
              << ", dropout " << c.attention_dropout;
        r.shape = shape.str();
        r.referenceMs = medianMs(reps, [&] { pass(false); });
        r.fusedMs = medianMs(reps, [&] { pass(true); });
        rows.push_back(r);

        // The model's whole self-attention (QKV projection, attention, output projection,
        // dropouts) as training runs it, under autocast for bf16: the eager path the model
        // takes when the kernels are off against the fused one.
        SelfAttention block(c);
        block->train();
        auto x = torch::randn({B, T, H});
        auto blockPass = [&](bool fused) {
            kernels::setFusedKernelsEnabled(fused);
            AutocastScope ac(dtype == torch::kBFloat16);
            auto xi = x.detach().requires_grad_(true);
            auto y = block->forward(xi, mask, nullptr, nullptr);
            y.backward(upstream.to(y.scalar_type()));
        };
        const bool was = kernels::fusedKernelsEnabled();
        KernelBenchRow rb = r;
        rb.kernel = "attention block";
        rb.referenceMs = medianMs(reps, [&] { blockPass(false); });
        rb.fusedMs = medianMs(reps, [&] { blockPass(true); });
        kernels::setFusedKernelsEnabled(was);
        rows.push_back(rb);

        // A post-LN sublayer's end, x = LayerNorm(x + dropout(y)), as the model runs it: the
        // plain path (dropout, add with promotion to fp32, LayerNorm, and the conversion to
        // the compute dtype the next linear layer makes under autocast) against the fused one.
        auto resid = torch::randn({B, T, H});
        auto sub = torch::randn({B, T, H}).to(dtype);
        auto lnW = torch::ones({H}), lnB = torch::zeros({H});
        kernels::AddNormOptions an;
        an.eps = c.layer_norm_eps;
        an.dropout = c.hidden_dropout;
        an.training = true;
        an.lowType = dtype;
        auto up0 = torch::randn({B, T, H}), up1 = torch::randn({B, T, H}).to(dtype);
        auto addNormPass = [&](bool fused) {
            auto xi = resid.detach().requires_grad_(true), yi = sub.detach().requires_grad_(true);
            auto w = lnW.detach().requires_grad_(true), b = lnB.detach().requires_grad_(true);
            torch::Tensor n, low;
            if (fused) {
                auto outs = kernels::fusedAddNorm(xi, yi, w, b, an);
                n = outs[0];
                low = outs.size() > 1 ? outs[1] : outs[0];
            } else {
                n = torch::layer_norm(xi + ptl::dropout(yi, an.dropout, true), {H}, w, b, an.eps);
                low = n.to(dtype);
            }
            torch::autograd::backward({n, low}, {up0, up1.to(low.scalar_type())});
        };
        KernelBenchRow ra;
        ra.kernel = "add + LayerNorm";
        ra.precision = prec;
        std::ostringstream ashape;
        ashape << "B " << B << ", T " << T << ", H " << H << ", dropout " << c.hidden_dropout;
        ra.shape = ashape.str();
        ra.referenceMs = medianMs(reps, [&] { addNormPass(false); });
        ra.fusedMs = medianMs(reps, [&] { addNormPass(true); });
        rows.push_back(ra);
    }
    return rows;
}

} // namespace ptl

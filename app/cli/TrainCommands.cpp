// train, resume: drive core's training job with a progress bar or JSON lines.
#include "app/cli/Commands.h"
#include "app/cli/Launch.h"
#include "core/dist/DistEnv.h"
#include "core/api/Distill.h"
#include "core/api/Experiment.h"
#include "core/api/Scaling.h"
#include "core/api/Finetune.h"
#include "core/api/Job.h"
#include "core/api/Lessons.h"
#include "core/store/RunStore.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Parse.h"

#include <csignal>
#include <thread>
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace ptl::cli {

namespace {

StopToken* gStop = nullptr;

extern "C" void onSignal(int)
{
    if (gStop) gStop->requestStop();  // atomic store + notify; the job writes a final checkpoint
}

class CliObserver : public ExperimentObserver {
public:
    explicit CliObserver(bool json) : json_(json), tty_(!json && ::isatty(STDERR_FILENO)) {}

    void started(std::int64_t runId, const std::string& outDir) override
    {
        runId_ = runId;
        started_ = true;
        if (json_) emit({{"event", "started"}, {"run_id", runId}, {"out_dir", outDir}});
        else std::cerr << "run " << runId << ": checkpoints in " << outDir << "\n";
    }
    void progress(const ProgressInfo& p) override
    {
        if (json_) {
            emit({{"event", "progress"}, {"step", p.step}, {"total_steps", p.totalSteps}, {"loss", p.loss}, {"lr", p.lr},
                  {"tokens_per_second", p.tokensPerSecond}, {"eta_seconds", p.etaSeconds}, {"tokens_seen", p.tokensSeen},
                  {"precision", p.precision}, {"threads", p.threads}});
            return;
        }
        if (!tty_ && p.step % 50 != 0 && p.step != p.totalSteps) return;
        const int width = 30;
        const int filled = static_cast<int>(width * p.step / std::max<std::int64_t>(1, p.totalSteps));
        char line[256];
        std::snprintf(line, sizeof line, "%s[%s%s] %lld/%lld loss %.4f  %.0f tok/s  ETA %s  %s x%d",
                      tty_ ? "\r" : "", std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
                      static_cast<long long>(p.step), static_cast<long long>(p.totalSteps), p.loss, p.tokensPerSecond,
                      eta(p.etaSeconds).c_str(), p.precision.c_str(), p.threads);
        std::cerr << line << (tty_ ? "" : "\n") << std::flush;
    }
    void metrics(std::int64_t step, const std::vector<std::pair<std::string, double>>& values) override
    {
        if (!json_) return;
        json m = json::object();
        for (const auto& [k, v] : values) m[k] = v;
        emit({{"event", "metrics"}, {"step", step}, {"values", m}});
    }
    void checkpointWritten(std::int64_t step, const std::string& path) override
    {
        if (json_) emit({{"event", "checkpoint"}, {"step", step}, {"path", path}});
    }
    void phase(const std::string& what) override
    {
        if (json_) emit({{"event", "phase"}, {"what", what}});
        else std::cerr << (tty_ && started_ ? "\n" : "") << what << "\n";
    }
    void probed(int arm, const ProbePoint& p) override
    {
        if (json_) {
            emit({{"event", "probe"}, {"arm", arm == 0 ? "bert" : "electra"}, {"step", p.step}, {"flops", p.flops},
                  {"accuracy", p.accuracy}, {"doc_accuracy", p.docAccuracy}});
            return;
        }
        char line[160];
        std::snprintf(line, sizeof line, "  %s step %lld (%.2e FLOPs): genre accuracy %.1f%% (documents %.1f%%)",
                      arm == 0 ? "BERT" : "ELECTRA", static_cast<long long>(p.step), p.flops, 100 * p.accuracy, 100 * p.docAccuracy);
        std::cerr << line << "\n";
    }
    // The experiment reports its end once; its arms' own ends are not forwarded.
    bool experiment = false;
    void finished(const std::string& status, const std::string& message) override
    {
        if (json_) {
            emit({{"event", "finished"}, {"run_id", runId_}, {"status", status}, {"message", message}});
            return;
        }
        if (tty_ && started_) std::cerr << "\n";
        if (experiment) {
            if (status != "completed") std::cerr << "experiment " << status << ": " << message << "\n";
            return;
        }
        if (!started_) std::cerr << "error: " << message << "\n";  // nothing ran; no run was recorded (or resumed)
        else std::cerr << "run " << runId_ << " " << status << (message.empty() ? "" : ": " + message) << "\n";
    }

private:
    static std::string eta(double s)
    {
        char b[32];
        const long t = static_cast<long>(s + 0.5);
        std::snprintf(b, sizeof b, "%ld:%02ld", t / 60, t % 60);
        return b;
    }
    void emit(const json& j) { std::cout << j.dump() << "\n" << std::flush; }

    bool json_, tty_;
    bool started_ = false;
    std::int64_t runId_ = 0;
};

int exitCodeFor(const RunOutcome& o)
{
    if (o.status == "completed") return 0;
    if (o.status == "cancelled") return 130;
    return 1;
}

// An experiment's observer on the command line: each run's progress as train prints it,
// and its phases ("training ...", "reusing run ...") as lines (JSON events with --json).
template <class Base>
struct PhaseRelay : Base {
    CliObserver inner;
    bool json;
    explicit PhaseRelay(bool j) : inner(j), json(j) {}
    void started(std::int64_t id, const std::string& out) override { inner.started(id, out); }
    void progress(const ProgressInfo& p) override { inner.progress(p); }
    void metrics(std::int64_t step, const std::vector<std::pair<std::string, double>>& v) override { inner.metrics(step, v); }
    void checkpointWritten(std::int64_t step, const std::string& path) override { inner.checkpointWritten(step, path); }
    void finished(const std::string& status, const std::string& message) override { inner.finished(status, message); }
    void phase(const std::string& what) override
    {
        if (json) std::cout << nlohmann::json::object({{"event", "phase"}, {"what", what}}).dump() << "\n" << std::flush;
        else std::cerr << what << "\n";
    }
};

std::string storeOrDefault(const std::string& s) { return s.empty() ? RunStore::defaultPath().string() : s; }

// Data-parallel: under a launcher (torchrun, mpirun, --nproc) this process is one rank;
// asked for N processes without one, it starts them here and exits with rank 0's status.
DistEnv rankOrLaunch(int processes, double timeoutSeconds)
{
    DistEnv env = distEnvFromEnvironment();
    if (!env.active() && processes > 1) std::exit(launchLocalRanks(processes, timeoutSeconds + 30));
    return env;
}

void installSignals(StopToken& stop)
{
    gStop = &stop;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    // SIGUSR1 pauses, SIGUSR2 resumes (main() blocked both for this thread's sigwait).
    std::thread([&stop] {
        sigset_t usr;
        sigemptyset(&usr);
        sigaddset(&usr, SIGUSR1);
        sigaddset(&usr, SIGUSR2);
        for (int sig = 0;;) {
            if (sigwait(&usr, &sig) != 0) return;
            if (sig == SIGUSR1) stop.pause();
            else stop.resume();
        }
    }).detach();
}

} // namespace

void addTrain(CLI::App& app)
{
    struct Opts {
        std::string preset, config, store, out, name, corpus;
        std::vector<std::string> sets;
        bool json = false;
        int nproc = 0;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("train", "pre-train a model; exits 0 only when the run completed");
    auto* p = c->add_option("--preset", o->preset, "bert-tiny, bert-mini, gpt-tiny, gpt-mini, albert-tiny, albert-mini, electra-tiny, electra-mini");
    auto* f = c->add_option("--config", o->config, "a job spec JSON file (as 'runs show ID --json' prints under \"config\")");
    p->excludes(f);
    c->add_option("--set", o->sets, "override a field, key=value (repeatable): steps, batch_size, seq_len, lr, seed, threads, precision, ...");
    c->add_option("--store", o->store, "run store (default: $XDG_DATA_HOME/pretrainlab/runs.sqlite)");
    c->add_option("--out", o->out, "folder for this run's checkpoints");
    c->add_option("--name", o->name, "run name");
    c->add_option("--corpus", o->corpus, "text file or folder (default: the bundled Brown corpus)");
    c->add_flag("--json", o->json, "JSON lines on stdout: started, progress, metrics, checkpoint, finished");
    c->add_option("--nproc", o->nproc, "data-parallel: start this many processes on this machine (each takes batch_size / N of every batch)")
        ->check(CLI::Range(1, 256));
    c->callback([o] {
        if (o->preset.empty() && o->config.empty())
            throw Error("train needs --preset NAME or --config FILE", "e.g. pretrainlab-cli train --preset bert-tiny --set steps=300");
        JobSpec spec;
        if (!o->config.empty()) {
            const json j = json::parse(readTextFile(o->config), nullptr, false);
            if (j.is_discarded()) throw Error(o->config + " is not valid JSON");
            spec = JobSpec::fromJson(j.contains("config") ? j["config"] : j);
        } else {
            spec = JobSpec::fromPreset(o->preset);
        }
        spec.setAll(o->sets);
        if (!o->out.empty()) spec.out_dir = fs::absolute(o->out).string();
        if (!o->name.empty()) spec.name = o->name;
        if (!o->corpus.empty()) spec.corpus = fs::absolute(o->corpus).string();
        if (!spec.extra_corpus.empty()) spec.extra_corpus = fs::absolute(spec.extra_corpus).string();  // resumable from anywhere
        if (o->nproc > 0) spec.train.processes = o->nproc;
        if (auto msg = spec.validate(); !msg.empty()) throw Error("invalid job: " + msg, "fix it with --set");
        const DistEnv env = rankOrLaunch(spec.train.processes, spec.train.dist_timeout);
        StopToken stop;
        installSignals(stop);
        CliObserver obs(o->json && env.leader());
        const RunOutcome r = runJob(spec, storeOrDefault(o->store), obs, stop, env);
        std::exit(exitCodeFor(r));
    });
}

void addExperiment(CLI::App& app)
{
    struct Opts {
        EqualComputeOptions e;
        std::string store, out;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("experiment", "controlled experiments that compare pre-training methods");
    c->require_subcommand(1);
    auto* ec = c->add_subcommand("electra-vs-bert",
                                 "BERT (MLM only) and ELECTRA trained for the same estimated FLOPs, both read by a Brown genre linear probe");
    ec->add_option("--flops", o->e.flops, "training-FLOPs budget per model (default: what --electra-steps of ELECTRA cost)");
    ec->add_option("--electra-steps", o->e.electraSteps, "ELECTRA steps that set the budget when --flops is not given")->check(CLI::PositiveNumber);
    ec->add_option("--bert", o->e.bertPreset, "BERT preset (default bert-tiny)");
    ec->add_option("--electra", o->e.electraPreset, "ELECTRA preset (default electra-tiny)");
    ec->add_option("--probe-points", o->e.probePoints, "genre probes along each run, besides the initial model")->check(CLI::Range(1, 50));
    ec->add_option("--set", o->e.set, "a setting for both models, key=value (repeatable): batch_size, seq_len, lr, seed, threads, ...");
    ec->add_option("--electra-set", o->e.electraSet,
                   "a setting for the ELECTRA model only, after --set (repeatable): gen_temperature_start, generator_ratio, disc_weight, ...");
    ec->add_option("--store", o->store, "run store (default: $XDG_DATA_HOME/pretrainlab/runs.sqlite)");
    ec->add_option("--out", o->out, "folder for both runs' checkpoints and the JSON report");
    ec->add_flag("--json", o->json, "JSON lines on stdout (as train), then the report as one JSON object");
    ec->callback([o] {
        if (!o->out.empty()) o->e.outDir = fs::absolute(o->out).string();
        StopToken stop;
        installSignals(stop);
        CliObserver obs(o->json);
        obs.experiment = true;
        const EqualComputeResult r = runEqualCompute(o->e, storeOrDefault(o->store), obs, stop);
        if (o->json) {
            std::cout << equalComputeToJson(r) << "\n";
        } else if (r.status == "completed") {
            std::cout << r.summary << "\n\n";
            std::printf("%-12s %6s %10s %12s %12s %10s %10s\n", "model", "run", "steps", "FLOPs/token", "FLOPs", "train s", "genre acc");
            for (const auto* a : {&r.bert, &r.electra})
                std::printf("%-12s %6lld %10lld %12.3e %12.3e %10.1f %9.1f%%\n", a->label.c_str(), static_cast<long long>(a->runId),
                            static_cast<long long>(a->steps), a->flopsPerToken, a->flops, a->seconds, 100 * a->probes.back().accuracy);
            std::printf("\nchance %.1f%%, majority class %.1f%%; %d held-out chunks of %d documents. Report: %s\n", 100 * r.chance,
                        100 * r.majority, r.testExamples, r.testDocuments, r.reportPath.c_str());
        }
        std::exit(r.status == "completed" ? 0 : r.status == "cancelled" ? 130 : 1);
    });

    struct TransferOpts {
        TransferOptions t;
        std::string sizes = "100,300,1000,all", store, out;
        bool json = false;
    };
    auto to = std::make_shared<TransferOpts>();
    auto* tc = c->add_subcommand("transfer",
                                 "does pre-training help? fine-tune from the pre-trained model and from random initialisation on 100, 300, "
                                 "1,000 and all labelled examples; test accuracy against the baselines");
    tc->add_option("--checkpoint", to->t.checkpoint, "the pre-trained model (e.g. resources/models/bert-mini-brown)")->required();
    tc->add_option("--task", to->t.task, "the task ('tasks list')")->required();
    tc->add_option("--sizes", to->sizes, "labelled training examples per arm, comma-separated; 'all' for the whole split");
    tc->add_option("--max-steps", to->t.maxSteps, "steps of an arm at most (default 600)")->check(CLI::PositiveNumber);
    tc->add_option("--min-steps", to->t.minSteps, "steps of an arm at least (default 100)")->check(CLI::PositiveNumber);
    tc->add_option("--epochs", to->t.epochs, "an arm trains about this many passes over its examples, within the step bounds");
    tc->add_option("--set", to->t.set, "a setting for every arm, key=value (repeatable): lr, body_lr_factor, threads, max_eval_examples, ...");
    tc->add_option("--store", to->store, "run store (default: $XDG_DATA_HOME/pretrainlab/runs.sqlite)");
    tc->add_option("--out", to->out, "folder for the arms' checkpoints");
    tc->add_flag("--json", to->json, "JSON lines on stdout (as train), then the table as one JSON object");
    tc->callback([to] {
        to->t.sizes.clear();
        std::string item;
        std::istringstream in(to->sizes);
        while (std::getline(in, item, ',')) {
            if (item == "all") to->t.sizes.push_back(0);
            else {
                const long long n = parseInteger("--sizes", item);
                if (n <= 0) throw Error("--sizes: " + item + " is not a positive number of examples", "e.g. --sizes 100,300,1000,all");
                to->t.sizes.push_back(static_cast<int>(n));
            }
        }
        if (!to->out.empty()) to->t.outDir = fs::absolute(to->out).string();
        StopToken stop;
        installSignals(stop);
        CliObserver obs(to->json);
        const TransferResult r = runTransferExperiment(to->t, storeOrDefault(to->store), obs, stop);
        std::map<int, const TransferArm*> pre, scratch;
        for (const auto& a : r.arms) (a.fromScratch ? scratch : pre)[a.examples] = &a;
        if (to->json) {
            json arms = json::array();
            for (const auto& a : r.arms)
                arms.push_back({{"examples", a.examples}, {"from_scratch", a.fromScratch}, {"run_id", a.runId}, {"status", a.status},
                                {"steps", a.steps}, {"best_dev_" + r.metric, a.bestDev}, {"test_" + r.metric, a.testScore},
                                {"test_macro_f1", a.testMacroF1}, {"test_majority_" + r.metric, a.testMajority}, {"test_simple_" + r.metric, a.testSimple}});
            std::cout << json{{"event", "transfer"}, {"task", r.task}, {"checkpoint", r.checkpoint}, {"simple", r.simpleName}, {"metric", r.metric},
                              {"status", r.status}, {"arms", arms}}
                             .dump()
                      << "\n";
        } else {
            std::printf("\n%s, test %s (each arm scored once with its best dev checkpoint)\n\n", r.task.c_str(),
                        r.metric == "f1" ? "F1 (SQuAD's token overlap)" : "accuracy");
            std::printf("%10s %12s %12s %10s %10s   %s\n", "examples", "pre-trained", "random init", "gain", "majority", r.simpleName.c_str());
            for (const auto& [n, a] : pre) {
                const TransferArm* b = scratch.count(n) ? scratch[n] : nullptr;
                if (b)
                    std::printf("%10d %11.2f%% %11.2f%% %+9.2f %9.2f%%   %.2f%%\n", n, 100 * a->testScore, 100 * b->testScore,
                                100 * (a->testScore - b->testScore), 100 * a->testMajority, 100 * a->testSimple);
                else
                    std::printf("%10d %11.2f%% %12s %10s %9.2f%%   %.2f%%\n", n, 100 * a->testScore, "-", "-", 100 * a->testMajority, 100 * a->testSimple);
            }
            if (!r.message.empty()) std::printf("\n%s\n", r.message.c_str());
        }
        std::exit(r.status == "completed" ? 0 : r.status == "cancelled" ? 130 : 1);
    });

    struct ScalingOpts {
        ScalingOptions s;
        std::string ladder, store;
        bool json = false, noTasks = false, show = false;
    };
    auto so = std::make_shared<ScalingOpts>();
    auto* sc = c->add_subcommand("scaling",
                                 "bigger is better, measured: a ladder of model sizes trained on the same tokens, held-out loss against "
                                 "non-embedding parameters with a fitted power law, and (GPT) zero- and few-shot accuracy of every size");
    sc->add_option("--family", so->s.family, "gpt (default) or bert");
    sc->add_option("--ladder", so->ladder, "rungs LAYERS:HIDDEN:HEADS[:LR], comma-separated, LR a rung's own learning rate (default 2:64:2,2:128:2,3:192:3,4:256:4,6:384:6)");
    sc->add_option("--steps", so->s.steps, "training steps of every rung (the same tokens for all)")->check(CLI::PositiveNumber);
    sc->add_option("--set", so->s.set, "a setting for every rung, key=value (repeatable): batch_size, seq_len, lr, threads, ...");
    sc->add_option("--task-items", so->s.taskItems, "items of each zero- and few-shot task per rung")->check(CLI::PositiveNumber);
    sc->add_flag("--no-tasks", so->noTasks, "skip the zero- and few-shot tasks");
    sc->add_option("--store", so->store, "run store (default: $XDG_DATA_HOME/pretrainlab/runs.sqlite); completed rungs in it are reused");
    sc->add_flag("--json", so->json, "JSON lines on stdout (as train), then the result as one JSON object");
    sc->add_flag("--show", so->show, "print every ladder the store holds, with its fit, and train nothing");
    sc->callback([so] {
        auto pc = [](double v) {
            if (v < 0) return std::string("-");
            char b[32];
            std::snprintf(b, sizeof b, "%.1f%%", 100 * v);
            return std::string(b);
        };
        auto table = [&](const std::vector<ScalingPoint>& points) {
            std::printf("%-34s %12s %8s %10s %10s %10s %13s %9s\n", "rung", "non-emb. N", "lr", "loss", "/ unigram", "lastword", "capitals K0/4",
                        "minutes");
            for (const auto& p : points)
                std::printf("%-34s %12lld %8.2g %10.3f %10.3f %10s %13s %9.1f%s\n", p.name.c_str(), static_cast<long long>(p.nonEmbedding), p.lr,
                            p.evalLoss,
                            p.evalLossRatio, pc(p.lastWord).c_str(), (pc(p.fewShot0) + "/" + pc(p.fewShot4)).c_str(), p.seconds / 60,
                            p.status == "completed" ? "" : ("  (" + p.status + ")").c_str());
        };
        if (so->show) {
            const auto ladders = scalingLaddersInStore(storeOrDefault(so->store));
            if (ladders.empty()) std::printf("No scaling runs in the store. 'experiment scaling --steps N' trains a ladder.\n");
            for (const auto& l : ladders) {
                std::printf("\n%s ladder, %d steps a rung\n", l.family.c_str(), l.steps);
                table(l.points);
                std::printf("%s\n", l.summary.c_str());
            }
            return;
        }
        if (!so->ladder.empty()) so->s.rungs = parseLadder(so->ladder);
        so->s.tasks = !so->noTasks;
        StopToken stop;
        installSignals(stop);
        // Training progress as train prints it; a line per rung.
        struct Obs : PhaseRelay<ScalingObserver> {
            using PhaseRelay::PhaseRelay;
            void rungDone(const ScalingPoint& p) override
            {
                if (!json)
                    std::cerr << p.name << ": " << p.status << ", held-out loss " << p.evalLoss << " (" << p.nonEmbedding
                              << " non-embedding parameters)\n";
            }
        } obs(so->json);
        const ScalingResult r = runScaling(so->s, storeOrDefault(so->store), obs, stop);
        if (so->json) {
            json pts = json::array();
            for (const auto& p : r.points)
                pts.push_back({{"name", p.name}, {"layers", p.rung.layers}, {"hidden", p.rung.hidden}, {"heads", p.rung.heads}, {"lr", p.lr}, {"run_id", p.runId},
                               {"status", p.status}, {"reused", p.reused}, {"non_embedding_parameters", p.nonEmbedding}, {"parameters", p.total},
                               {"eval_loss", p.evalLoss}, {"eval_loss_ratio", p.evalLossRatio}, {"seconds", p.seconds},
                               {"zeroshot_lastword", p.lastWord}, {"fewshot_capitals_k0", p.fewShot0}, {"fewshot_capitals_k4", p.fewShot4}});
            std::cout << json{{"event", "scaling"}, {"family", so->s.family}, {"steps", so->s.steps}, {"status", r.status}, {"points", pts},
                              {"alpha", r.fit.alpha}, {"nc", r.fit.nc}, {"r2", r.fit.r2}, {"summary", r.summary}, {"message", r.message}}
                             .dump()
                      << "\n";
        } else {
            std::printf("\n");
            table(r.points);
            std::printf("\n%s\n", r.summary.c_str());
            if (!r.message.empty()) std::printf("%s\n", r.message.c_str());
        }
        std::exit(r.status == "completed" ? 0 : r.status == "cancelled" ? 130 : 1);
    });
}

void printComparison(const DistillComparison& c, bool asJson)
{
    auto facts = [](const ModelFacts& f) {
        return json{{"path", f.path}, {"family", f.family}, {"layers", f.layers}, {"hidden", f.hidden}, {"heads", f.heads},
                    {"parameters", f.parameters}, {"non_embedding_parameters", f.nonEmbeddingParameters}, {"file_bytes", f.fileBytes},
                    {"latency_ms", f.latencyMs}, {"mlm_loss", f.mlmLoss}, {"mlm_accuracy", f.mlmAccuracy}};
    };
    if (asJson) {
        std::cout << json{{"event", "comparison"}, {"teacher", facts(c.teacher)}, {"student", facts(c.student)},
                          {"latency_input", {{"batch", c.options.batch}, {"tokens", c.options.tokens}, {"threads", c.threads}}},
                          {"eval_positions", c.evalPositions}}
                         .dump()
                  << "\n";
        return;
    }
    auto pct = [](double s, double t) { return t != 0 ? 100.0 * s / t : 0.0; };
    std::printf("\n%-26s %14s %14s %10s\n", "", "teacher", "student", "% of teacher");
    std::printf("%-26s %14s %14s\n", "model", (c.teacher.family + " L" + std::to_string(c.teacher.layers) + " H" + std::to_string(c.teacher.hidden)).c_str(),
                (c.student.family + " L" + std::to_string(c.student.layers) + " H" + std::to_string(c.student.hidden)).c_str());
    std::printf("%-26s %14lld %14lld %9.1f%%\n", "parameters", static_cast<long long>(c.teacher.parameters), static_cast<long long>(c.student.parameters),
                pct(static_cast<double>(c.student.parameters), static_cast<double>(c.teacher.parameters)));
    std::printf("%-26s %14lld %14lld %9.1f%%\n", "non-embedding parameters", static_cast<long long>(c.teacher.nonEmbeddingParameters),
                static_cast<long long>(c.student.nonEmbeddingParameters),
                pct(static_cast<double>(c.student.nonEmbeddingParameters), static_cast<double>(c.teacher.nonEmbeddingParameters)));
    auto perParam = [](const ModelFacts& f) { return f.parameters ? static_cast<double>(f.fileBytes) / static_cast<double>(f.parameters) : 0.0; };
    std::printf("%-26s %14lld %14lld %9.1f%%   (%.1f and %.1f bytes a parameter: 'convert --dtype' changes it)\n", "model.safetensors bytes",
                static_cast<long long>(c.teacher.fileBytes), static_cast<long long>(c.student.fileBytes),
                pct(static_cast<double>(c.student.fileBytes), static_cast<double>(c.teacher.fileBytes)), perParam(c.teacher), perParam(c.student));
    std::printf("%-26s %14.2f %14.2f %9.1f%%   (%.2fx faster; batch %d x %d tokens, %d threads, fp32)\n", "encoder latency (ms)",
                c.teacher.latencyMs, c.student.latencyMs, pct(c.student.latencyMs, c.teacher.latencyMs),
                c.teacher.latencyMs / std::max(1e-9, c.student.latencyMs), c.options.batch, c.options.tokens, c.threads);
    std::printf("%-26s %14.4f %14.4f\n", "held-out MLM loss", c.teacher.mlmLoss, c.student.mlmLoss);
    std::printf("%-26s %13.2f%% %13.2f%% %9.1f%%   (%d masked positions)\n", "held-out MLM accuracy", 100 * c.teacher.mlmAccuracy,
                100 * c.student.mlmAccuracy, pct(c.student.mlmAccuracy, c.teacher.mlmAccuracy), c.evalPositions);
}

void addDistill(CLI::App& app)
{
    struct Opts {
        std::string teacher, method = "distilbert", store, out, name;
        std::int64_t teacherRun = 0;
        int layers = 0, hidden = 0;
        std::vector<std::string> sets;
        bool json = false;
        int nproc = 0;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("distill", "distil a student (DistilBERT or TinyBERT) from a BERT teacher, then compare them");
    c->add_option("--nproc", o->nproc, "data-parallel: start this many processes on this machine")->check(CLI::Range(1, 256));
    auto* t = c->add_option("--teacher", o->teacher, "the teacher's checkpoint folder (e.g. resources/models/bert-mini-brown)");
    auto* tr = c->add_option("--teacher-run", o->teacherRun, "or a run of the store: its last checkpoint is the teacher");
    t->excludes(tr);
    c->add_option("--method", o->method, "distilbert (same width, fewer layers, initialised from the teacher) or tinybert")
        ->check(CLI::IsMember({"distilbert", "tinybert"}));
    c->add_option("--layers", o->layers, "student layers (default: half the teacher's)");
    c->add_option("--hidden", o->hidden, "tinybert: student hidden size (default: half the teacher's)");
    c->add_option("--set", o->sets, "override a field, key=value (repeatable): steps, lr, temperature, alpha_ce, init_layers=0,2, layer_map=2,4, ...");
    c->add_option("--store", o->store, "run store (default: $XDG_DATA_HOME/pretrainlab/runs.sqlite)");
    c->add_option("--out", o->out, "folder for the student's checkpoints");
    c->add_option("--name", o->name, "run name");
    c->add_flag("--json", o->json, "JSON lines on stdout (as train), then the comparison");
    c->callback([o] {
        const std::string storePath = storeOrDefault(o->store);
        std::string teacher = o->teacher;
        if (o->teacherRun > 0) {
            RunStore st(storePath);
            const auto cks = st.checkpoints(o->teacherRun);
            if (cks.empty()) throw Error("run " + std::to_string(o->teacherRun) + " has no checkpoint to distil from", "train it first, or give --teacher DIR");
            teacher = cks.back().path;
        }
        if (teacher.empty()) throw Error("distill needs --teacher DIR or --teacher-run ID", "e.g. --teacher resources/models/bert-mini-brown");
        JobSpec spec = JobSpec::forDistillation(fs::absolute(teacher).string(), o->method, o->layers, o->hidden);
        spec.distill.teacher_run = o->teacherRun;
        spec.setAll(o->sets);
        if (o->nproc > 0) spec.train.processes = o->nproc;
        if (!o->out.empty()) spec.out_dir = fs::absolute(o->out).string();
        if (!o->name.empty()) spec.name = o->name;
        if (auto msg = spec.validate(); !msg.empty()) throw Error("invalid distillation: " + msg, "fix it with --set");
        StopToken stop;
        const DistEnv env = rankOrLaunch(spec.train.processes, spec.train.dist_timeout);
        installSignals(stop);
        CliObserver obs(o->json && env.leader());
        const RunOutcome r = runJob(spec, storePath, obs, stop, env);
        if (r.status == "completed") {
            RunStore st(storePath);
            const auto cks = st.checkpoints(r.runId);
            if (!cks.empty()) printComparison(compareTeacherStudent(spec.distill.teacher, cks.back().path), o->json);
        }
        std::exit(exitCodeFor(r));
    });
}

// ------------------------------------------------------------------ finetune
void addFinetune(CLI::App& app)
{
    struct Opts {
        std::string checkpoint, task, store, out, name;
        std::vector<std::string> sets;
        bool json = false;
        int nproc = 0;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("finetune", "fine-tune a pre-trained checkpoint on a labelled task (new head, discriminative learning rates)");
    c->add_option("--checkpoint", o->checkpoint, "the pre-trained model's folder (e.g. resources/models/bert-mini-brown)")->required();
    c->add_option("--task", o->task, "the task ('tasks list'): genre, pos, ...")->required();
    c->add_option("--nproc", o->nproc, "data-parallel: start this many processes on this machine")->check(CLI::Range(1, 256));
    c->add_option("--set", o->sets,
                  "override a field, key=value (repeatable): steps, lr (the head's), body_lr_factor, layer_decay, freeze_embeddings, "
                  "freeze_layers, lm_weight (GPT), patience, max_train_examples, max_eval_examples, from_scratch, hidden_dropout, "
                  "reading comprehension: doc_stride, max_query_len, max_answer_len, ...");
    c->add_option("--store", o->store, "run store (default: $XDG_DATA_HOME/pretrainlab/runs.sqlite)");
    c->add_option("--out", o->out, "folder for the run's checkpoints (the best dev checkpoint goes to best/)");
    c->add_option("--name", o->name, "run name");
    c->add_flag("--json", o->json, "JSON lines on stdout (as train), then the results");
    c->callback([o] {
        const std::string storePath = storeOrDefault(o->store);
        JobSpec spec = JobSpec::forFinetuning(fs::absolute(o->checkpoint).string(), o->task);
        spec.setAll(o->sets);
        if (o->nproc > 0) spec.train.processes = o->nproc;
        if (!o->out.empty()) spec.out_dir = fs::absolute(o->out).string();
        if (!o->name.empty()) spec.name = o->name;
        if (auto msg = spec.validate(); !msg.empty()) throw Error("invalid fine-tuning job: " + msg, "fix it with --set (see 'tasks list')");
        StopToken stop;
        const DistEnv env = rankOrLaunch(spec.train.processes, spec.train.dist_timeout);
        installSignals(stop);
        CliObserver obs(o->json && env.leader());
        const RunOutcome r = runJob(spec, storePath, obs, stop, env);
        if (r.status == "completed") {
            const fs::path results = fs::path(r.outDir) / "best" / "results.json";
            if (fs::exists(results)) {
                const json res = json::parse(readTextFile(results));
                if (o->json) {
                    std::cout << json{{"event", "results"}, {"results", res}}.dump() << "\n";
                } else if (res.value("metric", std::string()) == "f1") {
                    // Reading comprehension: SQuAD's metrics.
                    const json& b = res.value("baselines", json::object());
                    std::printf("\n%-36s %10s %10s %10s\n", "", "dev F1", "test F1", "test EM");
                    std::printf("%-36s %9.2f%% %9.2f%% %9.2f%%   (best dev at step %lld; test scored once, with it)\n", "this model",
                                100 * res.value("best_dev_f1", 0.0), 100 * res.value("f1", 0.0), 100 * res.value("exact", 0.0),
                                static_cast<long long>(res.value("best_step", 0)));
                    if (!b.empty()) {
                        std::printf("%-36s %9.2f%% %9.2f%%\n", b.value("majority", std::string()).c_str(), 100 * b.value("dev_majority_f1", 0.0),
                                    100 * b.value("test_majority_f1", 0.0));
                        std::printf("%-36s %9.2f%% %9.2f%% %9.2f%%\n", b.value("simple", std::string()).c_str(), 100 * b.value("dev_simple_f1", 0.0),
                                    100 * b.value("test_simple_f1", 0.0), 100 * b.value("test_simple_exact", 0.0));
                    }
                    if (res.value("no_answer", false))
                        std::printf("test HasAns F1 %.2f%% (%lld), NoAns F1 %.2f%% (%lld); no-answer threshold %.3f (tuned on dev)\n",
                                    100 * res.value("has_ans_f1", 0.0), static_cast<long long>(res.value("has_ans_total", 0)),
                                    100 * res.value("no_ans_f1", 0.0), static_cast<long long>(res.value("no_ans_total", 0)),
                                    res.value("null_threshold", 0.0));
                    std::printf("the best checkpoint: %s\n", (fs::path(r.outDir) / "best").c_str());
                } else {
                    const json& b = res.value("baselines", json::object());
                    std::printf("\n%-36s %10s %10s\n", "", "dev", "test");
                    std::printf("%-36s %9.2f%% %9.2f%%   (best dev at step %lld; test scored once, with it)\n", "this model (accuracy)",
                                100 * res.value("best_dev_accuracy", 0.0), 100 * res.value("accuracy", 0.0),
                                static_cast<long long>(res.value("best_step", 0)));
                    if (!b.empty()) {
                        std::printf("%-36s %9.2f%% %9.2f%%\n", "majority class", 100 * b.value("dev_majority_accuracy", 0.0),
                                    100 * b.value("test_majority_accuracy", 0.0));
                        std::printf("%-36s %9.2f%% %9.2f%%\n", b.value("simple", std::string()).c_str(), 100 * b.value("dev_simple_accuracy", 0.0),
                                    100 * b.value("test_simple_accuracy", 0.0));
                    }
                    std::printf("test macro-F1 %.4f; the best checkpoint: %s\n", res.value("macro_f1", 0.0), (fs::path(r.outDir) / "best").c_str());
                }
            }
        }
        std::exit(exitCodeFor(r));
    });
}

void addCompare(CLI::App& app)
{
    struct Opts {
        std::string teacher, student;
        CompareOptions c;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("compare", "teacher versus student on the same inputs: parameters, file size, latency, held-out MLM");
    c->add_option("--teacher", o->teacher, "the teacher's checkpoint folder")->required();
    c->add_option("--student", o->student, "the student's checkpoint folder")->required();
    c->add_option("--batch", o->c.batch, "latency input: sequences");
    c->add_option("--tokens", o->c.tokens, "latency input: tokens a sequence");
    c->add_option("--reps", o->c.reps, "latency repetitions (the median is reported)");
    c->add_flag("--json", o->json, "print the comparison as JSON");
    c->callback([o] { printComparison(compareTeacherStudent(o->teacher, o->student, o->c), o->json); });
}

void addResume(CLI::App& app)
{
    struct Opts {
        std::int64_t id = 0;
        std::string store;
        bool json = false;
        int nproc = 0;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("resume", "continue a run from its last checkpoint, exactly as if it had not stopped");
    c->add_option("RUN_ID", o->id, "run id (see 'runs list')")->required();
    c->add_option("--store", o->store, "run store");
    c->add_flag("--json", o->json, "JSON lines on stdout");
    c->add_option("--nproc", o->nproc, "data-parallel: continue with this many processes on this machine (default: as the run started)")
        ->check(CLI::Range(1, 256));
    c->callback([o] {
        DistEnv env = distEnvFromEnvironment();
        if (!env.active()) {
            // The number of processes: --nproc, or the run's own.
            int n = o->nproc;
            double timeout = 60;
            if (n == 0 || n > 1) {
                RunStore store(storeOrDefault(o->store));
                if (const auto rec = store.run(o->id)) {
                    const JobSpec spec = JobSpec::fromJson(json::parse(rec->configJson));
                    if (n == 0) n = spec.train.processes;
                    timeout = spec.train.dist_timeout;
                }
            }
            env = rankOrLaunch(n, timeout);
        }
        StopToken stop;
        installSignals(stop);
        CliObserver obs(o->json && env.leader());
        const RunOutcome r = resumeJob(o->id, storeOrDefault(o->store), obs, stop, env);
        std::exit(exitCodeFor(r));
    });
}

void addLesson(CLI::App& app)
{
    struct Opts {
        std::string id, out, store, lang = "ko";
        std::vector<std::string> sets;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("lesson", "guided lessons, one per chapter of the pre-training story (Korean and English): list, show, run");
    c->require_subcommand(1);
    auto* list = c->add_subcommand("list", "the lessons in the order of the story");
    list->add_option("--lang", o->lang, "ko (default) or en")->check(CLI::IsMember({"ko", "en"}));
    list->add_flag("--json", o->json, "as JSON");
    list->callback([o] {
        const auto lessons = loadLessons();
        if (o->json) {
            json a = json::array();
            for (const Lesson& l : lessons)
                a.push_back({{"id", l.id}, {"chapter", l.chapter}, {"title", {{"ko", l.title.ko}, {"en", l.title.en}}}, {"paper", l.paper},
                             {"view", l.view}, {"runs", l.runs.size()}, {"minutes", l.minutes}});
            std::cout << a.dump(2) << "\n";
            return;
        }
        for (const Lesson& l : lessons)
            std::printf("%2d  %-16s %s  (%s; %d min)\n", l.chapter, l.id.c_str(), l.title.in(o->lang).c_str(), l.paper.c_str(), l.minutes);
    });
    auto* show = c->add_subcommand("show", "a lesson's text, runs and measures, and what the store already holds of them");
    show->add_option("lesson", o->id, "the lesson's id (lesson list)")->required();
    show->add_option("--lang", o->lang, "ko (default) or en")->check(CLI::IsMember({"ko", "en"}));
    show->add_option("--store", o->store, "run store (default: $XDG_DATA_HOME/pretrainlab/runs.sqlite)");
    show->callback([o] {
        const Lesson l = lessonById(o->id);
        const std::string& g = o->lang;
        const bool ko = g == "ko";
        std::printf("%s\n%s\n\n%s\n\n%s: %s\n\n", l.title.in(g).c_str(), l.paper.c_str(), l.idea.in(g).c_str(), ko ? "논문의 주장" : "Claim",
                    l.claim.in(g).c_str());
        for (const LessonRun& r : l.runs) {
            std::string what = !r.preset.empty() ? "train --preset " + r.preset
                               : !r.finetune_task.empty() ? "finetune " + r.from + " on " + r.finetune_task
                                                          : "distill (" + r.distill_method + ") from " + r.teacher;
            for (const auto& kv : r.set) what += " --set " + kv;
            std::printf("%s %s: %s\n", ko ? "실행" : "run", r.label.in(g).c_str(), what.c_str());
        }
        std::printf("\n");
        for (std::size_t i = 0; i < l.look.size(); ++i) std::printf("%zu. %s\n", i + 1, l.look[i].in(g).c_str());
        std::printf("\n%s: %s\n", ko ? "질문" : "Question", l.question.in(g).c_str());
        const LessonResult r = lessonResultFromStore(l, storeOrDefault(o->store));
        std::printf("\n");
        for (std::size_t i = 0; i < l.measures.size(); ++i)
            std::printf("%-48s %s\n", l.measures[i].label.in(g).c_str(), r.measured[i].text.c_str());
        std::printf("%s\n", r.verdict == 1 ? l.reproduced.in(g).c_str()
                            : r.verdict == 0 ? l.not_reproduced.in(g).c_str()
                                             : (ko ? "아직 실행하지 않았습니다: lesson run " + l.id : "Not run yet: lesson run " + l.id).c_str());
    });
    auto* run = c->add_subcommand("run", "train (or reuse) a lesson's runs, compute its measures and export the folder a teacher hands out");
    run->add_option("lesson", o->id, "the lesson's id (lesson list)")->required();
    run->add_option("--out", o->out, "folder for lesson.md, result.json, curves.svg, a CSV per run and runs.sqlite")->required();
    run->add_option("--store", o->store, "run store (default: $XDG_DATA_HOME/pretrainlab/runs.sqlite); completed lesson runs in it are reused");
    run->add_option("--set", o->sets, "a setting for every run of the lesson, key=value (repeatable): threads, steps, ...");
    run->add_option("--lang", o->lang, "the language of lesson.md first: ko (default) or en")->check(CLI::IsMember({"ko", "en"}));
    run->add_flag("--json", o->json, "JSON lines on stdout (as train), then the result as one JSON object");
    run->callback([o] {
        const Lesson l = lessonById(o->id);
        if (const std::string problems = validateLesson(l); !problems.empty())
            throw Error("lesson " + l.id + " (" + l.file + ") is not valid:\n" + problems);
        StopToken stop;
        installSignals(stop);
        PhaseRelay<LessonObserver> obs(o->json);
        const std::string store = storeOrDefault(o->store);
        const LessonResult r = runLesson(l, store, obs, stop, o->sets);
        const auto files = exportLesson(l, r, store, o->out, o->lang);
        const std::string verdict = r.verdict == 1 ? "reproduced" : r.verdict == 0 ? "not reproduced" : "not measured";
        if (o->json) {
            json m = json::array();
            for (const auto& x : r.measured) m.push_back({{"id", x.id}, {"value", x.known ? json(x.value) : json()}, {"text", x.text}});
            std::cout << json{{"event", "lesson"}, {"lesson", l.id}, {"status", r.status}, {"message", r.message}, {"measures", m},
                              {"verdict", verdict}, {"seconds", r.seconds}, {"files", files}}
                             .dump()
                      << "\n";
        } else {
            const std::string& g = o->lang;
            std::printf("\n%s\n", l.title.in(g).c_str());
            for (std::size_t i = 0; i < l.measures.size(); ++i)
                std::printf("  %-48s %s\n", l.measures[i].label.in(g).c_str(), r.measured[i].text.c_str());
            std::printf("%s\n", r.verdict == 1 ? l.reproduced.in(g).c_str() : r.verdict == 0 ? l.not_reproduced.in(g).c_str() : verdict.c_str());
            if (!r.message.empty()) std::printf("%s\n", r.message.c_str());
            std::printf("%.1f minutes; exported to %s\n", r.seconds / 60, o->out.c_str());
        }
        std::exit(r.status == "completed" ? 0 : r.status == "cancelled" ? 130 : 1);
    });
}

} // namespace ptl::cli

// The equal-compute experiment (ELECTRA vs BERT) and the Brown genre linear probe that
// reads both encoders the same way.
#include "core/api/Bench.h"
#include "core/api/Experiment.h"
#include "core/model/Checkpoint.h"
#include "core/model/Electra.h"
#include "core/store/RunStore.h"
#include "core/text/Corpus.h"
#include "core/train/Autocast.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Runtime.h"

#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <iomanip>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace ptl {

namespace {

using Clock = std::chrono::steady_clock;

struct ProbeData {
    std::vector<std::vector<int>> sequences;
    std::vector<int> label;     // class index per sequence
    std::vector<int> document;  // document index per sequence
    std::vector<bool> test;     // held-out document
    int classes = 0;
};

// Genre letter per document of the bundled corpus, from brown-docs.tsv (matched by the
// document's first line in brown.txt).
std::vector<std::string> brownGenres(const Corpus& corpus)
{
    const fs::path tsv = resourceDir() / "corpus" / "brown-docs.tsv";
    std::ifstream in(tsv);
    if (!in) throw Error("cannot read " + tsv.string(), "the genre labels ship with the bundled corpus; reinstall the resources");
    std::map<int, std::string> byLine;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::istringstream f(line);
        std::string id, genre, label, first;
        std::getline(f, id, '\t');
        std::getline(f, genre, '\t');
        std::getline(f, label, '\t');
        std::getline(f, first, '\t');
        if (!first.empty()) byLine[std::stoi(first)] = genre;
    }
    std::vector<std::string> out;
    for (const auto& d : corpus.documents) {
        auto it = byLine.find(d.firstLine);
        if (it == byLine.end())
            throw Error("brown-docs.tsv has no document starting at line " + std::to_string(d.firstLine) + " of brown.txt",
                        "the corpus and its genre table are out of step; run scripts/convert_brown.py again");
        out.push_back(it->second);
    }
    return out;
}

ProbeData buildProbeData(const Tokenizer& tok, bool bertStyle, const GenreProbeOptions& o);

// The probe's sequences depend only on the tokenizer and the options: built once per
// process (an experiment probes a dozen checkpoints with the same vocabulary).
const ProbeData& probeData(const Tokenizer& tok, bool bertStyle, const GenreProbeOptions& o)
{
    static std::mutex mutex;
    static std::map<std::string, ProbeData> cache;
    std::string key = std::to_string(tok.vocabSize()) + "|" + std::to_string(bertStyle) + "|" + std::to_string(o.chunks) + "|" + std::to_string(o.seqLen);
    for (int id = 0; id < std::min(tok.vocabSize(), 2000); id += 97) key += "|" + tok.token(id);
    std::lock_guard lock(mutex);
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(key, buildProbeData(tok, bertStyle, o)).first;
    return it->second;
}

ProbeData buildProbeData(const Tokenizer& tok, bool bertStyle, const GenreProbeOptions& o)
{
    const Corpus corpus = bundledCorpus();
    const auto genres = brownGenres(corpus);
    std::map<std::string, int> classOf;
    for (const auto& g : genres) classOf.emplace(g, 0);
    int k = 0;
    for (auto& [g, c] : classOf) c = k++;
    ProbeData d;
    d.classes = k;
    std::map<int, int> seenInClass;
    const std::size_t room = static_cast<std::size_t>(o.seqLen - (bertStyle ? 2 : 0));
    for (std::size_t di = 0; di < corpus.documents.size(); ++di) {
        const int cls = classOf[genres[di]];
        const bool test = (seenInClass[cls]++ % 5) == 4;  // every 5th document of a genre
        std::vector<int> body;
        int made = 0;
        auto emit = [&] {
            std::vector<int> ids;
            if (bertStyle) ids.push_back(tok.specials().cls);
            ids.insert(ids.end(), body.begin(), body.end());
            if (bertStyle) ids.push_back(tok.specials().sep);
            d.sequences.push_back(std::move(ids));
            d.label.push_back(cls);
            d.document.push_back(static_cast<int>(di));
            d.test.push_back(test);
            body.clear();
            ++made;
        };
        for (const auto& s : corpus.documents[di].sentences) {
            for (int id : tok.encode(s)) {
                body.push_back(id);
                if (body.size() == room) emit();
                if (made >= o.chunks) break;
            }
            if (made >= o.chunks) break;
        }
        if (made < o.chunks && body.size() >= 16) emit();
    }
    return d;
}

torch::Tensor features(TransformerModel& model, const ProbeData& d, int pad)
{
    torch::NoGradGuard ng;
    model->eval();
    std::vector<torch::Tensor> out;
    const std::size_t B = 64;
    for (std::size_t s = 0; s < d.sequences.size(); s += B) {
        const std::size_t e = std::min(d.sequences.size(), s + B);
        std::size_t T = 0;
        for (std::size_t i = s; i < e; ++i) T = std::max(T, d.sequences[i].size());
        auto ids = torch::full({static_cast<int64_t>(e - s), static_cast<int64_t>(T)}, pad, torch::kLong);
        auto mask = torch::zeros_like(ids);
        for (std::size_t i = s; i < e; ++i) {
            const auto& q = d.sequences[i];
            std::vector<int64_t> v(q.begin(), q.end());
            ids[static_cast<int64_t>(i - s)].narrow(0, 0, static_cast<int64_t>(q.size())).copy_(torch::tensor(v, torch::kLong));
            mask[static_cast<int64_t>(i - s)].narrow(0, 0, static_cast<int64_t>(q.size())).fill_(1);
        }
        ForwardOptions fo;
        fo.heads = false;
        torch::Tensor h;
        {
            AutocastScope ac(cpuHasFastBf16());  // as training runs: bf16 where the CPU has it
            h = model->forward(ids, {}, mask, fo).last_hidden.to(torch::kFloat32);  // (B, T, H)
        }
        auto m = mask.unsqueeze(-1).to(torch::kFloat32);
        out.push_back((h * m).sum(1) / m.sum(1).clamp_min(1.0));  // mean over real tokens
    }
    return torch::cat(out, 0);  // (N, H)
}

GenreProbeResult fitProbe(const torch::Tensor& x, const ProbeData& d, const GenreProbeOptions& o)
{
    GenreProbeResult r;
    r.classes = d.classes;
    std::vector<int64_t> trainIdx, testIdx;
    for (std::size_t i = 0; i < d.test.size(); ++i) (d.test[i] ? testIdx : trainIdx).push_back(static_cast<int64_t>(i));
    auto trI = torch::tensor(trainIdx, torch::kLong), teI = torch::tensor(testIdx, torch::kLong);
    auto labels = torch::tensor(std::vector<int64_t>(d.label.begin(), d.label.end()), torch::kLong);
    auto xtr = x.index_select(0, trI), xte = x.index_select(0, teI);
    auto ytr = labels.index_select(0, trI), yte = labels.index_select(0, teI);
    auto mean = xtr.mean(0, true), std = xtr.std(0, true, true).clamp_min(1e-6);
    xtr = (xtr - mean) / std;
    xte = (xte - mean) / std;
    const int64_t H = x.size(1), C = d.classes;
    auto W = torch::zeros({H, C}, torch::requires_grad());
    auto b = torch::zeros({C}, torch::requires_grad());
    torch::optim::Adam opt({W, b}, torch::optim::AdamOptions(o.lr).weight_decay(o.weightDecay));
    for (int s = 0; s < o.steps; ++s) {
        opt.zero_grad();
        auto loss = torch::nn::functional::cross_entropy(torch::matmul(xtr, W) + b, ytr);
        loss.backward();
        opt.step();
    }
    torch::NoGradGuard ng;
    auto logits = torch::matmul(xte, W) + b;  // (Nte, C)
    r.accuracy = (logits.argmax(1) == yte).to(torch::kFloat64).mean().item<double>();
    // Documents: mean logits over their chunks.
    std::map<int, std::pair<torch::Tensor, int64_t>> docs;
    for (std::size_t i = 0; i < testIdx.size(); ++i) {
        const int doc = d.document[static_cast<std::size_t>(testIdx[i])];
        auto& slot = docs[doc];
        slot.first = slot.first.defined() ? slot.first + logits[static_cast<int64_t>(i)] : logits[static_cast<int64_t>(i)].clone();
        slot.second = yte[static_cast<int64_t>(i)].item<int64_t>();
    }
    int right = 0;
    for (const auto& [doc, v] : docs) right += v.first.argmax().item<int64_t>() == v.second;
    r.docAccuracy = docs.empty() ? 0 : static_cast<double>(right) / static_cast<double>(docs.size());
    auto counts = torch::bincount(ytr, {}, C);
    const int64_t common = counts.argmax().item<int64_t>();
    r.majority = (yte == common).to(torch::kFloat64).mean().item<double>();
    r.trainExamples = static_cast<int>(trainIdx.size());
    r.testExamples = static_cast<int>(testIdx.size());
    r.testDocuments = static_cast<int>(docs.size());
    return r;
}

GenreProbeResult probeModel(TransformerModel& model, const Tokenizer& tok, const GenreProbeOptions& o)
{
    const auto t0 = Clock::now();
    torch::manual_seed(o.seed);
    const bool bertStyle = model->config().family != Family::Gpt2;
    const ProbeData& d = probeData(tok, bertStyle, o);
    if (d.sequences.empty()) throw Error("the genre probe found no text in the bundled corpus");
    const auto x = features(model, d, std::max(0, tok.specials().pad));
    GenreProbeResult r = fitProbe(x, d, o);
    r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return r;
}

// Forwards the trainer's reports and adds nothing: the experiment's observer sees each
// arm as a normal run.
class Forward : public JobObserver {
public:
    Forward(ExperimentObserver& o, int arm) : o_(o), arm_(arm) {}
    void started(std::int64_t runId, const std::string& outDir) override
    {
        o_.armStarted(arm_, runId);
        o_.started(runId, outDir);
    }
    void progress(const ProgressInfo& p) override { o_.progress(p); }
    void metrics(std::int64_t step, const std::vector<std::pair<std::string, double>>& v) override { o_.metrics(step, v); }
    void snapshot(const SnapshotInfo& s) override { o_.snapshot(s); }
    void checkpointWritten(std::int64_t step, const std::string& path) override { o_.checkpointWritten(step, path); }
    void finished(const std::string&, const std::string&) override {}  // the experiment finishes once, at the end

private:
    ExperimentObserver& o_;
    int arm_;
};

std::string sci(double x)
{
    std::ostringstream s;
    s.precision(2);
    s << std::scientific << x;
    return s.str();
}

} // namespace

GenreProbeResult genreProbe(const std::string& checkpointDir, const GenreProbeOptions& options)
{
    LoadedModel m = loadCheckpoint(checkpointDir);
    return probeModel(m.model, *m.tokenizer, options);
}

EqualComputeResult runEqualCompute(const EqualComputeOptions& o, const std::string& storePath, ExperimentObserver& obs, StopToken& stop)
{
    EqualComputeResult res;
    res.status = "failed";
    try {
        JobSpec specs[2] = {JobSpec::fromPreset(o.bertPreset), JobSpec::fromPreset(o.electraPreset)};
        if (specs[0].model.family != Family::Bert && specs[0].model.family != Family::Albert)
            throw Error("the BERT arm needs a masked-LM preset (bert-*), got " + o.bertPreset);
        if (specs[1].model.family != Family::Electra) throw Error("the ELECTRA arm needs an electra-* preset, got " + o.electraPreset);
        specs[0].train.pair_loss = false;  // the paper's BERT baseline at equal compute is MLM only
        // ... with BERT's own masking and one sequence length (the bert-tiny preset's short-run
        // recipe, 40% masking and 32-token sequences first, is not the paper's baseline).
        specs[0].train.mask_prob = 0.15;
        specs[0].train.max_predictions = 20;
        specs[0].train.start_seq_len = 0;
        for (auto& s : specs) s.setAll(o.set);
        specs[1].setAll(o.electraSet);
        for (auto& s : specs)
            if (auto msg = s.validate(); !msg.empty()) throw Error("invalid experiment setting: " + msg);
        double perToken[2], perStep[2];
        for (int a = 0; a < 2; ++a) {
            perToken[a] = jobFlopsPerToken(specs[a]);
            perStep[a] = perToken[a] * specs[a].train.batch_size * specs[a].train.grad_accum * specs[a].train.seq_len;
        }
        res.budgetFlops = o.flops > 0 ? o.flops : o.electraSteps * perStep[1];
        EqualComputeArm* arms[2] = {&res.bert, &res.electra};
        const char* labels[2] = {"BERT (MLM)", "ELECTRA"};
        RunStore store(storePath);
        for (int a = 0; a < 2; ++a) {
            JobSpec& s = specs[a];
            EqualComputeArm& arm = *arms[a];
            arm.label = labels[a];
            arm.preset = s.preset;
            arm.flopsPerToken = perToken[a];
            s.train.steps = std::max(1, static_cast<int>(std::lround(res.budgetFlops / perStep[a])));
            const int points = std::max(1, o.probePoints);
            s.train.checkpoint_every = std::max(1, (s.train.steps + points - 1) / points);  // the last checkpoint is the final step
            s.train.keep_last = 0;
            s.train.eval_every = std::max(1, std::min(s.train.eval_every, std::max(s.train.checkpoint_every / 2, s.train.steps / 10)));
            s.train.warmup_steps = std::min(s.train.warmup_steps, std::max(1, s.train.steps / 10));
            s.name = "equal-compute " + s.preset + (a == 0 ? " (MLM)" : "");
            if (!o.outDir.empty()) s.out_dir = (fs::path(o.outDir) / (a == 0 ? "bert" : "electra")).string();
            arm.steps = s.train.steps;
            obs.phase("training " + arm.label + ": " + std::to_string(s.train.steps) + " steps");
            Forward fwd(obs, a);
            const auto t0 = Clock::now();
            const RunOutcome out = runJob(s, storePath, fwd, stop);
            arm.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
            arm.runId = out.runId;
            arm.status = out.status;
            arm.settings = o.set;
            if (a == 1) {
                arm.settings.insert(arm.settings.end(), o.electraSet.begin(), o.electraSet.end());
                for (const auto& m : store.metrics(out.runId)) {  // in step order: the last eval wins
                    if (m.name == "eval_disc_auc") arm.discAuc = m.value;
                    if (m.name == "eval_gen_mlm_accuracy") arm.genAccuracy = m.value;
                }
            }
            if (out.status != "completed") {
                res.status = out.status == "cancelled" ? "cancelled" : "failed";
                res.message = arm.label + " run " + out.status + (out.message.empty() ? "" : ": " + out.message);
                obs.finished(res.status, res.message);
                return res;
            }
            // The probe at step 0: the initial model, built as the trainer builds it.
            auto tok = loadBundledTokenizer(s.tokenizer);
            {
                obs.phase("probing " + arm.label + " at step 0");
                torch::manual_seed(s.train.seed);
                TransformerModel init{nullptr};
                if (s.model.family == Family::Electra) init = makeElectra(s.model).discriminator;
                else init = TransformerModel(s.model);
                const GenreProbeResult g = probeModel(init, *tok, o.probe);
                ProbePoint p{0, 0.0, g.accuracy, g.docAccuracy};
                arm.probes.push_back(p);
                store.appendMetrics(arm.runId, {{0, "flops", 0.0, 0.0}, {0, "genre_probe_accuracy", g.accuracy, 0.0},
                                                {0, "genre_probe_doc_accuracy", g.docAccuracy, 0.0}});
                obs.probed(a, p);
            }
            for (const auto& ck : store.checkpoints(arm.runId)) {
                if (stop.stopRequested()) {
                    res.status = "cancelled";
                    res.message = "stopped while probing " + arm.label;
                    obs.finished(res.status, res.message);
                    return res;
                }
                obs.phase("probing " + arm.label + " at step " + std::to_string(ck.step));
                const json st = json::parse(readTextFile(fs::path(ck.path) / "trainer_state.json"), nullptr, false);
                const double tokens = st.is_object() ? st.value("tokens_seen", 0.0) : 0.0;
                const double wall = st.is_object() ? st.value("elapsed_seconds", 0.0) : 0.0;
                const GenreProbeResult g = genreProbe(ck.path, o.probe);
                ProbePoint p{ck.step, tokens * perToken[a], g.accuracy, g.docAccuracy};
                arm.probes.push_back(p);
                store.appendMetrics(arm.runId, {{ck.step, "genre_probe_accuracy", g.accuracy, wall},
                                                {ck.step, "genre_probe_doc_accuracy", g.docAccuracy, wall}});
                arm.flops = p.flops;
                res.majority = g.majority;
                res.classes = g.classes;
                res.testExamples = g.testExamples;
                res.testDocuments = g.testDocuments;
                obs.probed(a, p);
            }
        }
        res.chance = res.classes > 0 ? 1.0 / res.classes : 0;
        const double eb = res.electra.probes.back().accuracy, bb = res.bert.probes.back().accuracy;
        // One standard error of the difference of two accuracies on n test chunks each.
        const double n = std::max(1, res.testExamples);
        const double se = std::sqrt(eb * (1 - eb) / n + bb * (1 - bb) / n);
        res.standardError = se;
        res.verdict = std::abs(eb - bb) < se ? "none" : eb > bb ? "electra" : "bert";
        std::ostringstream s;
        s.setf(std::ios::fixed);
        s.precision(1);
        s << "At " << sci(res.budgetFlops) << " training FLOPs each, held-out Brown genre accuracy (linear probe, " << res.classes
          << " genres): ELECTRA " << 100 * eb << "%, BERT (MLM) " << 100 * bb << "% — "
          << (res.verdict == "none" ? "no clear difference" : res.verdict == "electra" ? "ELECTRA ahead" : "BERT ahead") << " (difference "
          << (eb >= bb ? "+" : "") << 100 * (eb - bb) << " points, one standard error " << 100 * se << "; majority class "
          << 100 * res.majority << "%).";
        if (res.electra.discAuc >= 0)
            s << " ELECTRA's discriminator ended at held-out AUC " << std::setprecision(3) << res.electra.discAuc << std::setprecision(1)
              << " with its generator at " << 100 * res.electra.genAccuracy << "% accuracy.";
        res.summary = s.str();
        res.status = "completed";
        // The report, next to the runs, and an event in each run pointing at the other.
        const fs::path dir = o.outDir.empty() ? fs::path(storePath).parent_path() / "runs" : fs::path(o.outDir);
        std::error_code ec;
        fs::create_directories(dir, ec);
        const fs::path report = dir / ("equal-compute-" + std::to_string(res.bert.runId) + "-" + std::to_string(res.electra.runId) + ".json");
        writeFileAtomic(report, json::parse(equalComputeToJson(res)).dump(2) + "\n");
        res.reportPath = report.string();
        for (auto* arm : arms)
            store.addEvent(arm->runId, "experiment",
                           "equal compute: BERT run " + std::to_string(res.bert.runId) + " vs ELECTRA run " + std::to_string(res.electra.runId) +
                               ". " + res.summary);
        obs.finished("completed", res.summary);
    } catch (const std::exception& e) {
        res.status = "failed";
        res.message = e.what();
        if (const auto* pe = dynamic_cast<const Error*>(&e)) res.message = pe->full();
        obs.finished("failed", res.message);
    }
    return res;
}

std::string equalComputeToJson(const EqualComputeResult& r)
{
    auto arm = [](const EqualComputeArm& a) {
        json probes = json::array();
        for (const auto& p : a.probes)
            probes.push_back({{"step", p.step}, {"flops", p.flops}, {"accuracy", p.accuracy}, {"doc_accuracy", p.docAccuracy}});
        json j{{"label", a.label}, {"preset", a.preset}, {"run_id", a.runId}, {"status", a.status}, {"steps", a.steps},
                    {"flops_per_token", a.flopsPerToken}, {"flops", a.flops}, {"seconds", a.seconds}, {"probes", probes},
                    {"settings", a.settings}};
        if (a.discAuc >= 0) {
            j["disc_auc"] = a.discAuc;
            j["gen_accuracy"] = a.genAccuracy;
        }
        return j;
    };
    return json{{"budget_flops", r.budgetFlops}, {"status", r.status}, {"report_path", r.reportPath}, {"message", r.message}, {"summary", r.summary},
                {"verdict", r.verdict}, {"standard_error", r.standardError},
                {"classes", r.classes}, {"chance", r.chance}, {"majority", r.majority}, {"test_examples", r.testExamples},
                {"test_documents", r.testDocuments}, {"bert", arm(r.bert)}, {"electra", arm(r.electra)}}
        .dump();
}

} // namespace ptl

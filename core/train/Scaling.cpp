// experiment scaling: a ladder of model sizes on the same tokens, and the power law.
#include "core/api/Scaling.h"
#include "core/api/FewShot.h"
#include "core/api/ParameterCount.h"
#include "core/api/Runs.h"
#include "core/api/ZeroShot.h"
#include "core/store/RunStore.h"
#include "core/util/Error.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ptl {

std::vector<ScalingRung> defaultLadder(const std::string& family)
{
    (void)family;  // the same shapes for both families: 12 L H^2 = 0.10, 0.39, 1.33, 3.15, 10.6 M
    return {{2, 64, 2}, {2, 128, 2}, {3, 192, 3}, {4, 256, 4}, {6, 384, 6}};
}

std::vector<ScalingRung> parseLadder(const std::string& text)
{
    std::vector<ScalingRung> out;
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) {
        ScalingRung r;
        char a = 0, b = 0, c = 0;
        std::istringstream in(part);
        bool ok = (in >> r.layers >> a >> r.hidden >> b >> r.heads) && a == ':' && b == ':' && r.layers >= 1 && r.hidden >= 1 && r.heads >= 1 &&
                  r.hidden % r.heads == 0;
        if (ok && (in >> c)) ok = c == ':' && (in >> r.lr) && r.lr > 0 && r.lr < 1;
        if (ok) ok = (in >> std::ws).eof();
        if (!ok)
            throw Error("bad rung '" + part + "' in the ladder",
                        "write LAYERS:HIDDEN:HEADS[:LR], hidden divisible by heads, 0 < LR < 1, e.g. 2:64:2,4:256:4,6:384:6:5e-4");
        out.push_back(r);
    }
    if (out.size() < 2) throw Error("a ladder needs at least two rungs (got " + std::to_string(out.size()) + ")", "e.g. 2:64:2,4:256:4");
    return out;
}

PowerLaw fitPowerLaw(const std::vector<double>& n, const std::vector<double>& loss)
{
    require(n.size() == loss.size() && n.size() >= 2, "a power law needs at least two (size, loss) points");
    const double k = static_cast<double>(n.size());
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < n.size(); ++i) {
        require(n[i] > 0 && loss[i] > 0, "sizes and losses must be positive for a power law");
        const double x = std::log(n[i]), y = std::log(loss[i]);
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double denom = k * sxx - sx * sx;
    require(denom > 0, "a power law needs at least two different sizes");
    const double slope = (k * sxy - sx * sy) / denom, intercept = (sy - slope * sx) / k;
    PowerLaw p;
    p.points = static_cast<int>(n.size());
    p.alpha = -slope;
    // log L = alpha log nc - alpha log N  ->  log nc = intercept / alpha
    p.nc = p.alpha != 0 ? std::exp(intercept / p.alpha) : 0;
    p.scale = std::exp(intercept);
    double ssRes = 0, ssTot = 0;
    const double mean = sy / k;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const double y = std::log(loss[i]), fit = intercept + slope * std::log(n[i]);
        ssRes += (y - fit) * (y - fit);
        ssTot += (y - mean) * (y - mean);
    }
    p.r2 = ssTot > 0 ? 1 - ssRes / ssTot : 1;
    return p;
}

namespace {

std::string rungName(const std::string& family, const ScalingRung& r, int steps)
{
    return "scaling " + family + " L" + std::to_string(r.layers) + " H" + std::to_string(r.hidden) + " A" + std::to_string(r.heads) + " (" +
           std::to_string(steps) + " steps)";
}

// The run's held-out loss, time and (GPT) stored task accuracies, into p (run: its summary).
void readPoint(ScalingPoint& p, const RunStoreClient& store, const RunSummary& run, bool gpt)
{
    const auto metrics = store.metrics(p.runId);
    p.evalLoss = lastMetricValue(metrics, gpt ? "eval_loss" : "eval_mlm_loss");
    p.evalLossRatio = lastMetricValue(metrics, gpt ? "eval_loss_ratio" : "eval_mlm_loss_ratio");
    p.seconds = run.wallSeconds;
    auto stored = [&](const char* name) {
        const double v = lastMetricValue(metrics, name);
        return std::isfinite(v) ? v : -1.0;
    };
    p.lastWord = stored("zeroshot_lastword");
    p.fewShot0 = stored("fewshot_capitals_k0");
    p.fewShot4 = stored("fewshot_capitals_k4");
}

// The power law over the completed points, and the sentence that reports it.
void fitPoints(const std::vector<ScalingPoint>& points, PowerLaw& fit, std::string& summary)
{
    std::vector<double> n, l;
    for (const auto& p : points)
        if (p.status == "completed" && std::isfinite(p.evalLoss) && p.evalLoss > 0) {
            n.push_back(static_cast<double>(p.nonEmbedding));
            l.push_back(p.evalLoss);
        }
    bool distinct = false;
    for (double x : n) distinct |= x != n.front();
    if (n.size() >= 2 && distinct) {
        fit = fitPowerLaw(n, l);
        char buf[400];
        const double lo = *std::min_element(n.begin(), n.end()) / 1e6, hi = *std::max_element(n.begin(), n.end()) / 1e6;
        if (fit.alpha <= 0)
            std::snprintf(buf, sizeof buf,
                          "Held-out loss does not fall with size here (alpha = %.3f, R^2 %.2f, %d sizes from %.3g M to %.3g M non-embedding "
                          "parameters): too few steps for size to matter; Kaplan et al. (2020) measured 0.076 at convergence.",
                          fit.alpha, fit.r2, fit.points, lo, hi);
        else
            std::snprintf(buf, sizeof buf,
                          "Held-out loss falls as N^-%.3f (R^2 %.2f) over %d sizes from %.3g M to %.3g M non-embedding parameters; Kaplan et "
                          "al. (2020) measured an exponent of 0.076 for models of 10^3 to 10^9 parameters trained to convergence.",
                          fit.alpha, fit.r2, fit.points, lo, hi);
        summary = buf;
    } else {
        fit = {};
        summary = "Fewer than two sizes finished: no power law to fit.";
    }
}

} // namespace

ScalingResult runScaling(const ScalingOptions& o, const std::string& storePath, ScalingObserver& observer, StopToken& stop)
{
    if (o.family != "gpt" && o.family != "bert") throw Error("unknown family '" + o.family + "' for the ladder", "gpt or bert");
    if (o.steps < 1) throw Error("steps must be at least 1");
    const std::vector<ScalingRung> rungs = o.rungs.empty() ? defaultLadder(o.family) : o.rungs;
    const bool gpt = o.family == "gpt";
    ScalingResult result;
    result.status = "completed";
    for (const ScalingRung& r : rungs) {
        if (stop.stopRequested()) {
            result.status = "cancelled";
            break;
        }
        JobSpec spec = JobSpec::fromPreset(gpt ? "gpt-mini" : "bert-mini");
        spec.model.num_layers = r.layers;
        spec.model.hidden_size = r.hidden;
        spec.model.embedding_size = r.hidden;
        spec.model.num_heads = r.heads;
        spec.model.intermediate_size = 4 * r.hidden;
        spec.setAll(o.set);
        if (r.lr > 0) spec.train.lr = r.lr;
        spec.train.steps = o.steps;
        spec.name = rungName(o.family, r, o.steps);
        const std::string problem = spec.validate();
        if (!problem.empty()) throw Error("rung " + spec.name + ": " + problem);
        ScalingPoint p;
        p.rung = r;
        p.name = spec.name;
        p.lr = spec.train.lr;
        const ParameterBreakdown count = countParameters(spec.model);
        p.nonEmbedding = count.attention + count.ffn + count.final_norm;
        p.total = count.total;
        const RunOutcome out = runOrReuseJob(spec, storePath, observer, stop, p.reused, [&](const std::string& what) { observer.phase(what); });
        p.runId = out.runId;
        p.status = out.status;
        std::string ckpt;
        std::int64_t lastStep = 0;
        {
            RunStoreClient store(storePath);
            RunSummary run;
            for (const RunSummary& s : store.runs())
                if (s.id == out.runId) run = s;
            readPoint(p, store, run, gpt);
            ckpt = store.lastCheckpoint(out.runId);
            lastStep = run.lastStep;
        }
        const bool measured = p.lastWord >= 0 && p.fewShot0 >= 0 && p.fewShot4 >= 0;
        if (gpt && o.tasks && !measured && out.status == "completed" && !ckpt.empty() && !stop.stopRequested()) {
            observer.phase("zero- and few-shot tasks of " + spec.name);
            ZeroShotOptions z;
            z.items = o.taskItems;
            z.heldOut = spec.train.held_out;
            z.seed = static_cast<std::uint64_t>(spec.train.seed);
            p.lastWord = runZeroShot(ckpt, "lastword", z).rows.at(0).accuracy;
            FewShotOptions f;
            f.ks = {0, 4};
            f.items = o.taskItems;
            const FewShotResult fr = runFewShot(ckpt, "capitals-choice", f);
            p.fewShot0 = fr.byK.at(0).accuracy;
            p.fewShot4 = fr.byK.at(1).accuracy;
            RunStore(storePath).appendMetrics(out.runId, {{lastStep, "zeroshot_lastword", p.lastWord, 0.0},
                                                          {lastStep, "fewshot_capitals_k0", p.fewShot0, 0.0},
                                                          {lastStep, "fewshot_capitals_k4", p.fewShot4, 0.0}});
        }
        observer.rungDone(p);
        result.points.push_back(p);
        if (out.status != "completed") {
            result.status = out.status == "cancelled" ? "cancelled" : "failed";
            result.message = spec.name + ": " + out.status + (out.message.empty() ? "" : " (" + out.message + ")");
            break;
        }
    }
    fitPoints(result.points, result.fit, result.summary);
    return result;
}

std::vector<ScalingLadder> scalingLaddersInStore(const std::string& storePath)
{
    RunStoreClient store(storePath);
    // (family, steps) -> shape -> the latest run of that name
    std::map<std::pair<std::string, int>, std::map<std::tuple<int, int, int>, RunSummary>> groups;
    for (const RunSummary& s : store.runs()) {
        char family[16] = {0};
        int layers = 0, hidden = 0, heads = 0, steps = 0;
        char close = 0;
        if (std::sscanf(s.name.c_str(), "scaling %15s L%d H%d A%d (%d steps%c", family, &layers, &hidden, &heads, &steps, &close) != 6 ||
            close != ')' || (std::string(family) != "gpt" && std::string(family) != "bert"))
            continue;
        if (s.name != rungName(family, {layers, hidden, heads}, steps)) continue;
        RunSummary& slot = groups[{family, steps}][{layers, hidden, heads}];
        if (s.id > slot.id) slot = s;
    }
    std::vector<ScalingLadder> out;
    for (const auto& [key, shapes] : groups) {
        ScalingLadder ladder;
        ladder.family = key.first;
        ladder.steps = key.second;
        for (const auto& [shape, run] : shapes) {
            ScalingPoint p;
            p.rung = {std::get<0>(shape), std::get<1>(shape), std::get<2>(shape)};
            p.name = run.name;
            p.runId = run.id;
            p.status = run.status;
            p.reused = true;
            try {
                const JobSpec spec = JobSpec::fromJson(nlohmann::json::parse(store.configJson(run.id)));
                const ParameterBreakdown count = countParameters(spec.model);
                p.nonEmbedding = count.attention + count.ffn + count.final_norm;
                p.total = count.total;
                p.lr = spec.train.lr;
            } catch (const std::exception&) {
                continue;  // a run whose configuration can't be read has no size to plot
            }
            readPoint(p, store, run, ladder.family == "gpt");
            ladder.points.push_back(p);
        }
        std::sort(ladder.points.begin(), ladder.points.end(), [](const ScalingPoint& a, const ScalingPoint& b) { return a.nonEmbedding < b.nonEmbedding; });
        fitPoints(ladder.points, ladder.fit, ladder.summary);
        out.push_back(std::move(ladder));
    }
    return out;
}

} // namespace ptl

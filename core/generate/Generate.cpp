// Decoding from causal language models: greedy, beam search, sampling (temperature, top-k,
// top-p), CTRL's repetition penalty, the no-repeat n-gram ban, stop strings, and the
// key/value cache that makes each new token cost one position of the model.
#include "core/api/Generate.h"
#include "core/generate/Decoder.h"
#include "core/model/Checkpoint.h"
#include "core/util/Error.h"
#include "core/util/Parse.h"
#include "core/util/Runtime.h"
#include "core/util/Files.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <unordered_set>

namespace ptl {

// ------------------------------------------------------------------ options
std::string GenerateOptions::validate() const
{
    if (strategy != "greedy" && strategy != "beam" && strategy != "sample") return "strategy: must be greedy, beam or sample (got '" + strategy + "')";
    if (max_new_tokens < 1 || max_new_tokens > 4096) return "max_new_tokens: must be between 1 and 4096";
    if (!(temperature > 0.0) || temperature > 100.0) return "temperature: must be above 0 and at most 100";
    if (top_k < 0) return "top_k: must be 0 (off) or a positive count";
    if (!(top_p > 0.0) || top_p > 1.0) return "top_p: must be above 0 and at most 1 (1: off)";
    if (!(repetition_penalty > 0.0) || repetition_penalty > 10.0) return "repetition_penalty: must be above 0 and at most 10 (1: off)";
    if (no_repeat_ngram < 0 || no_repeat_ngram > 16) return "no_repeat_ngram: must be between 0 (off) and 16";
    if (beams < 1 || beams > 32) return "beams: must be between 1 and 32";
    if (!(length_penalty >= 0.0) || length_penalty > 5.0) return "length_penalty: must be between 0 (off) and 5";
    if (n_best < 1 || n_best > beams) return "n_best: must be between 1 and beams (" + std::to_string(beams) + ")";
    if (candidates < 1 || candidates > 200) return "candidates: must be between 1 and 200";
    for (const auto& s : stop)
        if (s.empty()) return "stop: a stop string cannot be empty";
    return {};
}

std::vector<std::string> GenerateOptions::keys()
{
    return {"strategy", "max_new_tokens", "temperature", "top_k", "top_p", "repetition_penalty", "no_repeat_ngram", "stop",
            "seed", "beams", "length_penalty", "early_stopping", "n_best", "cache", "candidates"};
}

namespace {
// "\n" and "\t" typed on a command line or in a field stand for the characters.
std::string unescape(const std::string& v)
{
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) {
            const char c = v[i + 1];
            if (c == 'n') { out += '\n'; ++i; continue; }
            if (c == 't') { out += '\t'; ++i; continue; }
            if (c == '\\') { out += '\\'; ++i; continue; }
        }
        out += v[i];
    }
    return out;
}
} // namespace

void GenerateOptions::set(const std::string& key, const std::string& value)
{
    const GenerateOptions before = *this;  // a refused value leaves the settings as they were
    auto toInt = [&](int& f) { f = static_cast<int>(parseInteger(key, value)); };
    auto toDouble = [&](double& f) { f = parseNumber(key, value); };
    if (key == "strategy") strategy = value;
    else if (key == "max_new_tokens") toInt(max_new_tokens);
    else if (key == "temperature") toDouble(temperature);
    else if (key == "top_k") toInt(top_k);
    else if (key == "top_p") toDouble(top_p);
    else if (key == "repetition_penalty") toDouble(repetition_penalty);
    else if (key == "no_repeat_ngram") toInt(no_repeat_ngram);
    else if (key == "stop") stop.push_back(unescape(value));
    else if (key == "seed") seed = static_cast<std::uint64_t>(parseInteger(key, value));
    else if (key == "beams") toInt(beams);
    else if (key == "length_penalty") toDouble(length_penalty);
    else if (key == "early_stopping") early_stopping = parseBool(key, value);
    else if (key == "n_best") toInt(n_best);
    else if (key == "cache") cache = parseBool(key, value);
    else if (key == "candidates") toInt(candidates);
    else {
        std::string all;
        for (const auto& k : keys()) all += (all.empty() ? "" : ", ") + k;
        throw Error("unknown generation setting '" + key + "'", "settings: " + all);
    }
    const std::string problem = validate();
    if (!problem.empty()) {
        *this = before;
        throw Error("bad value for " + key + ": " + problem, "see generate --help");
    }
}

namespace gen {

// ------------------------------------------------------------------ the model, step by step
torch::Tensor Stepper::start(const std::vector<int>& prompt)
{
    torch::NoGradGuard ng;
    cache_.clear();
    rows_.assign(1, std::vector<int64_t>(prompt.begin(), prompt.end()));
    auto ids = torch::tensor(rows_[0], torch::kLong).unsqueeze(0);  // (1, T)
    ForwardOptions opt;
    opt.heads = false;
    opt.cache = cached_ ? &cache_ : nullptr;
    ModelOutput out = model_->forward(ids, {}, {}, opt);
    length_ = static_cast<int64_t>(prompt.size());
    return model_->tokenLogits(out.last_hidden.select(1, -1)).to(torch::kFloat32);  // (1, V)
}

void Stepper::reorder(const std::vector<int64_t>& index)
{
    if (cached_) {
        cache_.reorder(torch::tensor(index, torch::kLong));
        return;
    }
    std::vector<std::vector<int64_t>> rows;
    for (int64_t i : index) rows.push_back(rows_.at(static_cast<std::size_t>(i)));
    rows_ = std::move(rows);
}

torch::Tensor Stepper::next(const std::vector<int>& tokens)
{
    torch::NoGradGuard ng;
    ForwardOptions opt;
    opt.heads = false;
    torch::Tensor ids;
    if (cached_) {
        std::vector<int64_t> t(tokens.begin(), tokens.end());
        ids = torch::tensor(t, torch::kLong).unsqueeze(1);  // (B, 1)
        opt.cache = &cache_;
    } else {
        require(tokens.size() == rows_.size(), "internal: one token per row expected");
        std::vector<int64_t> flat;
        for (std::size_t b = 0; b < rows_.size(); ++b) {
            rows_[b].push_back(tokens[b]);
            flat.insert(flat.end(), rows_[b].begin(), rows_[b].end());
        }
        ids = torch::tensor(flat, torch::kLong).view({static_cast<int64_t>(rows_.size()), -1});  // (B, T)
    }
    ModelOutput out = model_->forward(ids, {}, {}, opt);
    ++length_;
    return model_->tokenLogits(out.last_hidden.select(1, -1)).to(torch::kFloat32);  // (B, V)
}

// ------------------------------------------------------------------ rules
void applyPenalties(torch::Tensor& logits, const std::vector<int>& context, double repetitionPenalty, int noRepeatNgram)
{
    const int64_t V = logits.size(0);
    if (repetitionPenalty != 1.0 && !context.empty()) {
        std::set<int64_t> seen;
        for (int id : context)
            if (id >= 0 && id < V) seen.insert(id);
        auto idx = torch::tensor(std::vector<int64_t>(seen.begin(), seen.end()), torch::kLong);
        auto sel = logits.index_select(0, idx);
        sel = torch::where(sel > 0, sel / repetitionPenalty, sel * repetitionPenalty);
        logits.index_copy_(0, idx, sel);
    }
    const auto n = static_cast<std::size_t>(noRepeatNgram);
    if (n > 0 && context.size() + 1 >= n) {
        // Every earlier n-gram whose first n-1 tokens equal the last n-1 tokens of the context.
        const std::size_t L = context.size();
        auto* p = logits.data_ptr<float>();
        for (std::size_t i = 0; i + n <= L; ++i) {
            bool match = true;
            for (std::size_t j = 0; j + 1 < n && match; ++j) match = context[i + j] == context[L - (n - 1) + j];
            const int banned = context[i + n - 1];
            if (match && banned >= 0 && banned < V) p[banned] = -std::numeric_limits<float>::infinity();
        }
    }
}

std::vector<int64_t> keptSet(const torch::Tensor& probs, int topK, double topP)
{
    auto [values, indices] = probs.to(torch::kFloat64).sort(0, /*descending=*/true);
    const auto* v = values.data_ptr<double>();
    const auto* ix = indices.data_ptr<int64_t>();
    int64_t n = 0;
    while (n < values.size(0) && v[n] > 0) ++n;
    n = std::max<int64_t>(n, 1);
    if (topK > 0) n = std::min<int64_t>(n, topK);
    if (topP < 1.0) {
        // Of what top-k kept, renormalised (the order Hugging Face applies them in).
        double mass = 0;
        for (int64_t i = 0; i < n; ++i) mass += v[i];
        double cum = 0;
        int64_t m = 0;
        while (m < n) {
            cum += v[m++];
            if (cum >= topP * mass - 1e-6) break;  // float probabilities: 0.5 + 0.2 reaches 0.7
        }
        n = std::max<int64_t>(m, 1);
    }
    return std::vector<int64_t>(ix, ix + n);
}

double lengthPenalty(int length, double alpha) { return alpha == 0.0 ? 1.0 : std::pow((5.0 + length) / 6.0, alpha); }

namespace {

// A token as a reader should see it: BPE's spaces as "␣", newlines as "⏎"; a piece of a
// multi-byte character in its vocabulary form.
bool validUtf8(const std::string& s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += len;
    }
    return true;
}

// Length of s without a multi-byte character cut off at its end (it comes with the next token).
std::size_t completePrefix(const std::string& s)
{
    const std::size_t n = s.size();
    for (std::size_t back = 1; back <= 4 && back <= n; ++back) {
        const auto c = static_cast<unsigned char>(s[n - back]);
        if ((c >> 6) == 0x2) continue;  // a continuation byte: look further back
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        return len > back ? n - back : n;
    }
    return n;
}

std::string display(const Tokenizer& tok, int id)
{
    if (id < 0 || id >= tok.vocabSize()) return "<" + std::to_string(id) + ">";
    if (tok.isSpecial(id)) return tok.token(id);
    const std::string s = tok.decode({id});
    if (!validUtf8(s) || s.empty()) return tok.token(id);
    std::string out;
    for (char c : s) {
        if (c == ' ') out += "\u2423";
        else if (c == '\n') out += "\u23CE";
        else if (c == '\t') out += "\u21E5";
        else out += c;
    }
    return out;
}

// The earliest stop string in text: its position, or npos.
std::size_t findStop(const std::string& text, const std::vector<std::string>& stops)
{
    std::size_t best = std::string::npos;
    for (const auto& s : stops) best = std::min(best, text.find(s));
    return best;
}

// 1 + the number of tokens the model finds more probable than `id`.
int rankOf(const torch::Tensor& logits, int id)
{
    const float* p = logits.data_ptr<float>();
    const float x = p[id];
    int better = 0;
    for (int64_t i = 0; i < logits.size(0); ++i) better += p[i] > x;
    return better + 1;
}

// The top `count` of the adjusted distribution (and `chosen` if it is not among them).
std::vector<GenCandidate> candidatesOf(const Tokenizer& tok, const torch::Tensor& probs, const torch::Tensor& adjusted,
                                       const std::unordered_set<int64_t>& kept, double keptMass, int count, int chosen)
{
    const int64_t k = std::min<int64_t>(count, adjusted.size(0));
    auto top = std::get<1>(adjusted.topk(k));
    std::vector<int64_t> ids(top.data_ptr<int64_t>(), top.data_ptr<int64_t>() + k);
    if (chosen >= 0 && std::find(ids.begin(), ids.end(), chosen) == ids.end()) ids.push_back(chosen);
    const float* pp = probs.data_ptr<float>();
    const float* pa = adjusted.data_ptr<float>();
    std::vector<GenCandidate> out;
    for (int64_t id : ids) {
        GenCandidate c;
        c.id = static_cast<int>(id);
        c.token = display(tok, c.id);
        c.prob = pp[id];
        c.adjusted = pa[id];
        c.kept = kept.count(id) > 0;
        c.renormalised = c.kept && keptMass > 0 ? pa[id] / keptMass : 0.0;
        out.push_back(std::move(c));
    }
    return out;
}

double uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

struct Clock {
    std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now();
    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); }
};

// Greedy and sampling: one row, one token at a time, streamed.
void decodeOne(LogitSource& st, torch::Tensor logits, const Tokenizer& tok, const std::vector<int>& prompt, int V, int context,
               const GenerateOptions& o, const GenerateObserver& observer, GenerateResult& r)
{
    const bool greedy = o.strategy == "greedy";
    const int eos = tok.specials().eos;
    std::mt19937_64 rng(o.seed);
    std::vector<int> ctx = prompt;
    std::string emitted;
    std::size_t stopAt = std::string::npos;
    while (true) {
        torch::Tensor raw = logits[0].slice(0, 0, V).contiguous();  // (V) fp32
        torch::Tensor probs = torch::softmax(raw, 0);
        torch::Tensor adj = raw.clone();
        applyPenalties(adj, ctx, o.repetition_penalty, o.no_repeat_ngram);
        if (!greedy) adj = adj / o.temperature;
        torch::Tensor aprobs = torch::softmax(adj, 0).contiguous();
        const float* pa = aprobs.data_ptr<float>();
        std::vector<int64_t> kept = greedy ? std::vector<int64_t>{adj.argmax().item<int64_t>()} : keptSet(aprobs, o.top_k, o.top_p);
        double keptMass = 0;
        for (int64_t id : kept) keptMass += pa[id];
        int chosen = static_cast<int>(kept[0]);
        if (!greedy) {
            const double u = uniform01(rng) * keptMass;
            double cum = 0;
            for (int64_t id : kept) {
                cum += pa[id];
                chosen = static_cast<int>(id);
                if (cum > u) break;
            }
        }
        GenStep s;
        s.index = static_cast<int>(r.ids.size());
        s.id = chosen;
        s.token = display(tok, chosen);
        s.prob = probs.data_ptr<float>()[chosen];
        s.drawnProb = keptMass > 0 ? pa[chosen] / keptMass : 0;
        s.rank = rankOf(raw, chosen);
        s.kept = static_cast<int>(kept.size());
        s.keptMass = keptMass;
        const std::unordered_set<int64_t> keptIds(kept.begin(), kept.end());
        s.candidates = candidatesOf(tok, probs, aprobs, keptIds, keptMass, o.candidates, chosen);
        r.ids.push_back(chosen);
        ctx.push_back(chosen);
        if (chosen == eos) {
            r.steps.push_back(s);
            r.stopReason = "end of text";
            if (observer) observer(s);
            break;
        }
        std::vector<int> generated(r.ids.begin(), r.ids.end());
        const std::string full = tok.decode(generated);
        stopAt = o.stop.empty() ? std::string::npos : findStop(full, o.stop);
        const std::size_t upTo = stopAt != std::string::npos ? std::min(stopAt, completePrefix(full)) : completePrefix(full);
        s.text = upTo > emitted.size() ? full.substr(emitted.size(), upTo - emitted.size()) : std::string();
        emitted = full.substr(0, std::max(upTo, emitted.size()));
        r.steps.push_back(s);
        if (stopAt != std::string::npos) {
            r.stopReason = "stop string";
            if (observer) observer(s);
            break;
        }
        if (observer && !observer(s)) {
            r.stopReason = "cancelled";
            break;
        }
        if (static_cast<int>(r.ids.size()) >= o.max_new_tokens) {
            r.stopReason = "max_new_tokens";
            break;
        }
        if (st.length() >= context) {
            r.stopReason = "context full";
            break;
        }
        logits = st.next({chosen});
    }
    const std::string full = tok.decode(std::vector<int>(r.ids.begin(), r.ids.end()));
    r.text = stopAt != std::string::npos ? full.substr(0, stopAt) : full;
}

// Beam search (Hugging Face's BeamSearchScorer with GNMT's length penalty): each step
// scores every continuation of every live hypothesis, takes the 2 x width best, closes
// those that end (end of text within the first `width`, or a stop string) and keeps the
// first `width` others alive.
void beamSearch(LogitSource& st, torch::Tensor logits, const Tokenizer& tok, const std::vector<int>& prompt, int V, int context,
                const GenerateOptions& o, GenerateResult& r)
{
    struct Live {
        std::vector<int> ids;
        double logProb = 0;
        int node = -1;
    };
    struct Done {
        std::vector<int> ids;
        double logProb = 0, score = 0;
        int node = -1;
        std::string reason;
    };
    const int B = o.beams;
    const int eos = tok.specials().eos;
    std::vector<Live> live{Live{}};
    std::vector<Done> done;
    std::vector<GenStep> nodeStep;  // per tree node: the token as a step of its hypothesis
    auto decodeText = [&](const std::vector<int>& ids) { return tok.decode(ids); };
    auto finish = [&](const Live& h, const std::string& reason) {
        Done d{h.ids, h.logProb, h.logProb / lengthPenalty(static_cast<int>(h.ids.size()), o.length_penalty), h.node, reason};
        if (h.node >= 0) r.tree[static_cast<std::size_t>(h.node)].state = "finished";
        done.push_back(std::move(d));
    };
    int step = 0;
    std::string endReason;
    while (true) {
        const auto R = static_cast<int64_t>(live.size());
        torch::Tensor raw = logits.slice(1, 0, V).contiguous();  // (R, V)
        torch::Tensor probs = torch::softmax(raw, 1);
        torch::Tensor adj = raw.clone();
        for (int64_t b = 0; b < R; ++b) {
            std::vector<int> ctx = prompt;
            ctx.insert(ctx.end(), live[static_cast<std::size_t>(b)].ids.begin(), live[static_cast<std::size_t>(b)].ids.end());
            torch::Tensor row = adj[b];
            applyPenalties(row, ctx, o.repetition_penalty, o.no_repeat_ngram);
        }
        torch::Tensor logp = torch::log_softmax(adj, 1);  // (R, V)
        std::vector<double> base;
        for (const auto& h : live) base.push_back(h.logProb);
        torch::Tensor total = logp + torch::tensor(base, torch::kFloat64).to(torch::kFloat32).unsqueeze(1);
        const int64_t K = std::min<int64_t>(2 * B, R * V);
        auto [topv, topi] = total.view(-1).topk(K);
        std::vector<Live> next;
        std::vector<int64_t> from;
        std::vector<int> tokens;
        std::vector<std::vector<GenCandidate>> rowCandidates(static_cast<std::size_t>(R));
        torch::Tensor aprobs = logp.exp();
        for (int64_t j = 0; j < K; ++j) {
            const double lp = topv[j].item<double>();
            if (!std::isfinite(lp)) break;
            const int64_t flat = topi[j].item<int64_t>();
            const int64_t row = flat / V;
            const int token = static_cast<int>(flat % V);
            const Live& parent = live[static_cast<std::size_t>(row)];
            Live h{parent.ids, lp, static_cast<int>(r.tree.size())};
            h.ids.push_back(token);
            BeamNode node;
            node.id = h.node;
            node.parent = parent.node;
            node.step = step;
            node.token = token;
            node.tokenText = display(tok, token);
            node.logProb = lp;
            node.score = lp / lengthPenalty(static_cast<int>(h.ids.size()), o.length_penalty);
            GenStep s;
            s.index = step;
            s.id = token;
            s.token = node.tokenText;
            s.prob = probs[row][token].item<double>();
            s.drawnProb = aprobs[row][token].item<double>();
            s.rank = rankOf(raw[row], token);
            s.kept = B;
            auto& cands = rowCandidates[static_cast<std::size_t>(row)];
            if (cands.empty()) cands = candidatesOf(tok, probs[row].contiguous(), aprobs[row].contiguous(), {}, 0, o.candidates, -1);
            s.candidates = cands;
            r.tree.push_back(node);
            nodeStep.push_back(std::move(s));
            const bool isEos = token == eos;
            const bool hitStop = !isEos && !o.stop.empty() && findStop(decodeText(h.ids), o.stop) != std::string::npos;
            if (isEos || hitStop) {
                if (j < B) {
                    r.tree.back().state = "finished";
                    done.push_back({h.ids, lp, node.score, h.node, isEos ? "end of text" : "stop string"});
                } else {
                    r.tree.back().state = "pruned";
                }
                continue;
            }
            if (static_cast<int>(next.size()) < B) {
                r.tree.back().state = "kept";
                from.push_back(row);
                tokens.push_back(token);
                next.push_back(std::move(h));
            } else {
                r.tree.back().state = "pruned";
            }
        }
        ++step;
        std::stable_sort(done.begin(), done.end(), [](const Done& a, const Done& b) { return a.score > b.score; });
        bool stop = next.empty();
        if (!stop && static_cast<int>(done.size()) >= B) {
            if (o.early_stopping) {
                stop = true;
            } else {
                // No live hypothesis can still beat the worst kept one (at today's length).
                const double bestLive = next[0].logProb / lengthPenalty(static_cast<int>(next[0].ids.size()), o.length_penalty);
                stop = bestLive <= done[static_cast<std::size_t>(B - 1)].score;
            }
        }
        if (!stop && step >= o.max_new_tokens) endReason = "max_new_tokens";
        if (!stop && endReason.empty() && st.length() >= context) endReason = "context full";
        if (!endReason.empty()) {
            for (const auto& h : next) finish(h, endReason);
            stop = true;
        }
        if (stop) break;
        st.reorder(from);
        logits = st.next(tokens);
        live = std::move(next);
    }
    std::stable_sort(done.begin(), done.end(), [](const Done& a, const Done& b) { return a.score > b.score; });
    require(!done.empty(), "beam search ended without a hypothesis", "lower no_repeat_ngram: it may ban every token");
    for (std::size_t i = 0; i < done.size() && static_cast<int>(i) < o.n_best; ++i) {
        const Done& d = done[i];
        BeamHypothesis h;
        h.ids = d.ids;
        std::string text = tok.decode(d.ids);
        const std::size_t cut = o.stop.empty() ? std::string::npos : findStop(text, o.stop);
        h.text = cut == std::string::npos ? text : text.substr(0, cut);
        h.logProb = d.logProb;
        h.score = d.score;
        for (int n = d.node; n >= 0; n = r.tree[static_cast<std::size_t>(n)].parent) {
            h.probs.insert(h.probs.begin(), nodeStep[static_cast<std::size_t>(n)].prob);
            h.ranks.insert(h.ranks.begin(), nodeStep[static_cast<std::size_t>(n)].rank);
        }
        r.hypotheses.push_back(std::move(h));
    }
    const Done& best = done[0];
    std::vector<int> path;
    for (int n = best.node; n >= 0; n = r.tree[static_cast<std::size_t>(n)].parent) path.insert(path.begin(), n);
    std::string emitted;
    std::vector<int> prefix;
    for (int n : path) {
        r.tree[static_cast<std::size_t>(n)].best = true;
        GenStep s = nodeStep[static_cast<std::size_t>(n)];
        prefix.push_back(s.id);
        const std::string full = tok.decode(prefix);
        const std::size_t upTo = std::min(completePrefix(full), r.hypotheses[0].text.size());
        s.text = upTo > emitted.size() ? full.substr(emitted.size(), upTo - emitted.size()) : std::string();
        emitted = full.substr(0, std::max(upTo, emitted.size()));
        r.steps.push_back(std::move(s));
    }
    r.ids = best.ids;
    r.text = r.hypotheses[0].text;
    r.stopReason = best.reason;
}

} // namespace

GenerateResult generate(LogitSource& st, const Tokenizer& tok, std::vector<int> prompt, const GenerateOptions& o,
                        const GenerateObserver& observer)
{
    const std::string problem = o.validate();
    if (!problem.empty()) throw Error("generation settings: " + problem, "see generate --help");
    require(!prompt.empty(), "the prompt gives no tokens", "type a prompt");
    torch::NoGradGuard ng;
    GenerateResult r;
    r.strategy = o.strategy;
    r.cached = o.cache;
    const int context = static_cast<int>(st.contextSize());
    if (static_cast<int>(prompt.size()) > context - 1) {
        r.promptTruncated = static_cast<int>(prompt.size()) - (context - 1);
        prompt.erase(prompt.begin(), prompt.begin() + r.promptTruncated);
    }
    for (int id : prompt) r.promptTokens.push_back(display(tok, id));
    // Rows past the tokenizer's vocabulary (never trained to be produced) are never drawn.
    const int V = static_cast<int>(std::min<int64_t>(tok.vocabSize(), st.vocabSize()));
    Clock clock;
    torch::Tensor logits = st.start(prompt);
    if (o.strategy == "beam") {
        beamSearch(st, logits, tok, prompt, V, context, o, r);
        if (observer)
            for (const auto& s : r.steps)
                if (!observer(s)) break;
    } else {
        decodeOne(st, logits, tok, prompt, V, context, o, observer, r);
    }
    r.seconds = clock.seconds();
    r.tokensPerSecond = r.seconds > 0 ? static_cast<double>(r.ids.size()) / r.seconds : 0;
    return r;
}

GenerateResult generate(TransformerModel model, const Tokenizer& tok, std::vector<int> prompt, const GenerateOptions& o,
                        const GenerateObserver& observer)
{
    const ModelConfig& c = model->config();
    if (!c.causal)
        throw Error("a " + toString(c.family) + " model fills in [MASK]; it does not continue text",
                    "generate from a GPT checkpoint (resources/models/gpt-mini-brown)");
    model->eval();
    Stepper st(model, o.cache);
    return generate(st, tok, std::move(prompt), o, observer);
}

// The sequence length the model was trained on, where its folder says (card.json or
// trainer_state.json hold "seq_len"): positions past it never learned anything.
int trainedContext(const std::filesystem::path& dir, int positions)
{
    std::function<int(const nlohmann::json&)> find = [&](const nlohmann::json& j) -> int {
        if (j.is_object()) {
            auto it = j.find("seq_len");
            if (it != j.end() && it->is_number_integer()) return it->get<int>();
            for (const auto& [k, v] : j.items())
                if (int r = find(v); r > 0) return r;
        }
        return 0;
    };
    for (const char* name : {"card.json", "trainer_state.json"}) {
        try {
            if (!std::filesystem::exists(dir / name)) continue;
            const int n = find(nlohmann::json::parse(readTextFile(dir / name)));
            if (n > 0) return std::min(n, positions);
        } catch (const std::exception&) {
        }
    }
    return positions;
}

} // namespace gen

// ------------------------------------------------------------------ the facade
namespace {
std::vector<int> promptIds(const Tokenizer& tok, const std::string& prompt)
{
    std::vector<int> ids = tok.encode(prompt);
    if (ids.empty()) {
        // GPT-2 starts unconditional text after <|endoftext|>.
        if (tok.specials().eos >= 0) ids.push_back(tok.specials().eos);
        else throw Error("the prompt gives no tokens", "type a prompt");
    }
    return ids;
}

LoadedModel openCausal(const std::string& dir)
{
    LoadedModel m = loadCheckpoint(dir);
    if (!m.config.causal)
        throw Error(dir + " holds a " + toString(m.config.family) + " model, which fills in [MASK] rather than continuing text",
                    "generate from a GPT checkpoint (resources/models/gpt-mini-brown); see a BERT-family model's guesses with inspect");
    return m;
}
} // namespace

GenerateResult generateText(const std::string& checkpointDir, const std::string& prompt, const GenerateOptions& options,
                            const GenerateObserver& observer)
{
    const std::string problem = options.validate();
    if (!problem.empty()) throw Error("generation settings: " + problem, "see generate --help");
    LoadedModel m = openCausal(checkpointDir);
    return gen::generate(m.model, *m.tokenizer, promptIds(*m.tokenizer, prompt), options, observer);
}

std::string shippedGptDir() { return (resourceDir() / "models" / "gpt-mini-brown").string(); }

GenerateBench benchGenerate(const std::string& checkpointDir, const std::string& prompt, int newTokens)
{
    require(newTokens >= 1, "bench generate: --tokens must be at least 1");
    LoadedModel m = openCausal(checkpointDir);
    m.model->eval();
    torch::NoGradGuard ng;
    std::vector<int> ids = promptIds(*m.tokenizer, prompt);
    const int context = m.config.max_position_embeddings;
    if (static_cast<int>(ids.size()) + newTokens > context)
        throw Error("the prompt (" + std::to_string(ids.size()) + " tokens) and " + std::to_string(newTokens) +
                        " new tokens do not fit the model's " + std::to_string(context) + " positions",
                    "use a shorter prompt or fewer tokens");
    GenerateBench b;
    b.checkpoint = checkpointDir;
    b.promptTokens = static_cast<int>(ids.size());
    b.newTokens = newTokens;
    b.threads = torch::get_num_threads();
    // Both in lockstep on the same greedy tokens (the cached run's), each forward timed alone.
    gen::Stepper cached(m.model, true), full(m.model, false);
    double tCached = 0, tFull = 0;
    gen::Clock c0;
    torch::Tensor a = cached.start(ids);
    tCached += c0.seconds();
    gen::Clock c1;
    torch::Tensor f = full.start(ids);
    tFull += c1.seconds();
    for (int i = 0; i < newTokens; ++i) {
        b.maxLogitDifference = std::max(b.maxLogitDifference, (a - f).abs().max().item<double>());
        if (i + 1 == newTokens) break;
        const int next = static_cast<int>(a[0].argmax().item<int64_t>());
        gen::Clock ca;
        a = cached.next({next});
        tCached += ca.seconds();
        gen::Clock cf;
        f = full.next({next});
        tFull += cf.seconds();
    }
    b.cachedTokensPerSecond = newTokens / tCached;
    b.uncachedTokensPerSecond = newTokens / tFull;
    return b;
}

} // namespace ptl

#include "core/tasks/Squad.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <sstream>

namespace ptl::squad {

namespace {
bool isPunct(unsigned char c) { return c < 128 && std::ispunct(c); }

std::vector<std::string> normalizedTokens(const std::string& s)
{
    std::vector<std::string> out;
    std::istringstream in(normalizeAnswer(s));
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}
} // namespace

std::string normalizeAnswer(const std::string& s)
{
    // lower -> remove_punc (string.punctuation: ASCII) -> remove_articles (\b(a|an|the)\b) -> white_space_fix
    std::string t;
    t.reserve(s.size());
    for (unsigned char c : s)
        if (!isPunct(c)) t.push_back(static_cast<char>(c < 128 ? std::tolower(c) : c));
    std::string out;
    std::istringstream in(t);
    for (std::string w; in >> w;) {
        if (w == "a" || w == "an" || w == "the") continue;
        out += (out.empty() ? "" : " ") + w;
    }
    return out;
}

double exactMatch(const std::string& prediction, const std::string& gold) { return normalizeAnswer(prediction) == normalizeAnswer(gold) ? 1.0 : 0.0; }

double tokenF1(const std::string& prediction, const std::string& gold)
{
    const auto p = normalizedTokens(prediction), g = normalizedTokens(gold);
    if (p.empty() || g.empty()) return p == g ? 1.0 : 0.0;
    std::map<std::string, int> count;
    for (const auto& w : g) ++count[w];
    int same = 0;
    for (const auto& w : p)
        if (auto it = count.find(w); it != count.end() && it->second > 0) {
            --it->second;
            ++same;
        }
    if (same == 0) return 0.0;
    const double precision = static_cast<double>(same) / static_cast<double>(p.size());
    const double recall = static_cast<double>(same) / static_cast<double>(g.size());
    return 2 * precision * recall / (precision + recall);
}

double exactMatch(const std::string& prediction, const std::vector<std::string>& golds)
{
    if (golds.empty()) return exactMatch(prediction, std::string());
    double best = 0;
    for (const auto& g : golds) best = std::max(best, exactMatch(prediction, g));
    return best;
}

double tokenF1(const std::string& prediction, const std::vector<std::string>& golds)
{
    if (golds.empty()) return tokenF1(prediction, std::string());
    double best = 0;
    for (const auto& g : golds) best = std::max(best, tokenF1(prediction, g));
    return best;
}

Scores evaluate(const std::vector<std::string>& predictions, const std::vector<std::vector<std::string>>& golds)
{
    Scores s;
    const std::size_t n = std::min(predictions.size(), golds.size());
    for (std::size_t i = 0; i < n; ++i) {
        const double em = exactMatch(predictions[i], golds[i]), f1 = tokenF1(predictions[i], golds[i]);
        s.exact += em;
        s.f1 += f1;
        if (golds[i].empty()) {
            s.noAnsExact += em;
            s.noAnsF1 += f1;
            ++s.noAnsTotal;
        } else {
            s.hasAnsExact += em;
            s.hasAnsF1 += f1;
            ++s.hasAnsTotal;
        }
    }
    s.total = static_cast<std::int64_t>(n);
    auto mean = [](double& v, std::int64_t k) { v = k > 0 ? v / static_cast<double>(k) : 0.0; };
    mean(s.exact, s.total);
    mean(s.f1, s.total);
    mean(s.hasAnsExact, s.hasAnsTotal);
    mean(s.hasAnsF1, s.hasAnsTotal);
    mean(s.noAnsExact, s.noAnsTotal);
    mean(s.noAnsF1, s.noAnsTotal);
    return s;
}

Threshold bestThreshold(const std::vector<std::string>& spans, const std::vector<double>& nullDiff, const std::vector<std::vector<std::string>>& golds)
{
    // find_best_thresh: start from "no answer" everywhere, then answer the questions in
    // order of their no-answer score, keeping the best running total. The official script
    // starts its threshold at 0.0 even when answering nothing is best; here it starts
    // below every score, so applying the threshold gives the score reported.
    Threshold t;
    const std::size_t n = std::min({spans.size(), nullDiff.size(), golds.size()});
    if (n == 0) return t;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return nullDiff[a] < nullDiff[b]; });
    double noAns = 0;
    for (std::size_t i = 0; i < n; ++i) noAns += golds[i].empty() ? 1 : 0;
    const double below = nullDiff[order.front()] - 1.0;
    for (int metric = 0; metric < 2; ++metric) {
        double cur = noAns, best = cur, thresh = below;
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t i = order[k];
            double diff;
            if (!golds[i].empty()) diff = metric == 0 ? tokenF1(spans[i], golds[i]) : exactMatch(spans[i], golds[i]);
            else diff = spans[i].empty() ? 0.0 : -1.0;
            cur += diff;
            // Equal scores answer together: a threshold cannot separate them.
            if (k + 1 < n && nullDiff[order[k + 1]] == nullDiff[i]) continue;
            if (cur > best) {
                best = cur;
                thresh = nullDiff[i];
            }
        }
        if (metric == 0) {
            t.bestF1 = best / static_cast<double>(n);
            t.f1Threshold = thresh;
        } else {
            t.bestExact = best / static_cast<double>(n);
            t.exactThreshold = thresh;
        }
    }
    return t;
}

std::vector<std::string> applyThreshold(const std::vector<std::string>& spans, const std::vector<double>& nullDiff, double threshold)
{
    std::vector<std::string> out(spans.size());
    for (std::size_t i = 0; i < spans.size(); ++i) out[i] = i < nullDiff.size() && nullDiff[i] > threshold ? std::string() : spans[i];
    return out;
}

SpanChoice bestSpan(const std::vector<WindowScores>& windows, int maxAnswerTokens, int nBest)
{
    SpanChoice best;
    auto topK = [&](const std::vector<float>& v) {
        std::vector<int> idx(v.size());
        std::iota(idx.begin(), idx.end(), 0);
        const auto k = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, nBest)), idx.size());
        std::partial_sort(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k), idx.end(), [&](int a, int b) {
            return v[static_cast<std::size_t>(a)] != v[static_cast<std::size_t>(b)] ? v[static_cast<std::size_t>(a)] > v[static_cast<std::size_t>(b)] : a < b;
        });
        idx.resize(k);
        return idx;
    };
    for (std::size_t w = 0; w < windows.size(); ++w) {
        const WindowScores& x = windows[w];
        const int T = static_cast<int>(std::min({x.start.size(), x.end.size(), x.tokenWord.size()}));
        if (x.nullPos >= 0 && x.nullPos < T) best.nullScore = std::min(best.nullScore, static_cast<double>(x.start[static_cast<std::size_t>(x.nullPos)]) + x.end[static_cast<std::size_t>(x.nullPos)]);
        for (int s : topK(x.start)) {
            if (s >= T || x.tokenWord[static_cast<std::size_t>(s)] < 0) continue;
            if (static_cast<std::size_t>(s) < x.maxContext.size() && !x.maxContext[static_cast<std::size_t>(s)]) continue;
            for (int e : topK(x.end)) {
                if (e >= T || e < s || e - s + 1 > maxAnswerTokens || x.tokenWord[static_cast<std::size_t>(e)] < 0) continue;
                const double score = static_cast<double>(x.start[static_cast<std::size_t>(s)]) + x.end[static_cast<std::size_t>(e)];
                if (score > best.score) {
                    best.score = score;
                    best.window = static_cast<int>(w);
                    best.startPos = s;
                    best.endPos = e;
                    best.firstWord = x.tokenWord[static_cast<std::size_t>(s)];
                    best.lastWord = x.tokenWord[static_cast<std::size_t>(e)];
                }
            }
        }
    }
    if (best.window < 0) best.score = best.nullScore < 1e29 ? best.nullScore - 1e6 : -1e30;  // no valid span: "no answer" wins any threshold
    return best;
}

PassageWords splitPassage(const std::string& passage)
{
    static const std::string punct = ".,;:!?()[]\"`";
    PassageWords out;
    std::size_t i = 0;
    const std::size_t n = passage.size();
    while (i < n) {
        while (i < n && std::isspace(static_cast<unsigned char>(passage[i]))) ++i;
        if (i >= n) break;
        std::size_t j = i;
        while (j < n && !std::isspace(static_cast<unsigned char>(passage[j]))) ++j;
        std::size_t a = i, b = j;  // [a, b) the word; punctuation peeled off either end
        std::vector<std::pair<std::size_t, std::size_t>> tail;
        while (b - a > 1 && punct.find(passage[a]) != std::string::npos) {
            out.words.push_back(passage.substr(a, 1));
            out.offsets.push_back(static_cast<int>(a));
            ++a;
        }
        while (b - a > 1 && punct.find(passage[b - 1]) != std::string::npos) {
            tail.insert(tail.begin(), {b - 1, 1});
            --b;
        }
        out.words.push_back(passage.substr(a, b - a));
        out.offsets.push_back(static_cast<int>(a));
        for (auto [at, len] : tail) {
            out.words.push_back(passage.substr(at, len));
            out.offsets.push_back(static_cast<int>(at));
        }
        i = j;
    }
    return out;
}

std::string spanText(const std::string& passage, const std::vector<std::string>& words, const std::vector<int>& offsets, int first, int last)
{
    const int n = static_cast<int>(std::min(words.size(), offsets.size()));
    if (first < 0 || last < first || last >= n) return {};
    const auto a = static_cast<std::size_t>(offsets[static_cast<std::size_t>(first)]);
    const auto b = static_cast<std::size_t>(offsets[static_cast<std::size_t>(last)]) + words[static_cast<std::size_t>(last)].size();
    if (b > passage.size() || a >= b) return {};
    return passage.substr(a, b - a);
}

std::vector<std::pair<int, int>> windowSpans(int n, int length, int stride)
{
    std::vector<std::pair<int, int>> out;
    length = std::max(1, length);
    stride = std::max(1, stride);
    for (int start = 0;; start += std::min(length, stride)) {
        const int len = std::min(length, n - start);
        out.emplace_back(start, std::max(0, len));
        if (start + len >= n) break;
    }
    return out;
}

bool isMaxContext(const std::vector<std::pair<int, int>>& windows, int w, int p)
{
    double bestScore = -1;
    int bestWindow = -1;
    for (int k = 0; k < static_cast<int>(windows.size()); ++k) {
        const auto [start, len] = windows[static_cast<std::size_t>(k)];
        const int end = start + len - 1;
        if (p < start || p > end) continue;
        const double score = std::min(p - start, end - p) + 0.01 * len;
        if (bestWindow < 0 || score > bestScore) {
            bestScore = score;
            bestWindow = k;
        }
    }
    return bestWindow == w;
}

} // namespace ptl::squad

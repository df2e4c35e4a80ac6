// ROUGE (Lin 2004) as Google's rouge_score computes it without stemming.
#include "core/api/ZeroShot.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace ptl {

namespace {

Rouge fromCounts(double overlap, double candidate, double reference)
{
    Rouge r;
    if (candidate <= 0 || reference <= 0) return r;
    r.precision = overlap / candidate;
    r.recall = overlap / reference;
    r.f1 = overlap > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
    return r;
}

Rouge ngramOverlap(const std::vector<std::string>& cand, const std::vector<std::string>& ref, std::size_t n)
{
    auto grams = [n](const std::vector<std::string>& t) {
        std::map<std::vector<std::string>, int> m;
        for (std::size_t i = 0; i + n <= t.size(); ++i) ++m[std::vector<std::string>(t.begin() + i, t.begin() + i + n)];
        return m;
    };
    const auto c = grams(cand), r = grams(ref);
    double overlap = 0, nc = 0, nr = 0;
    for (const auto& [g, k] : c) {
        nc += k;
        if (auto it = r.find(g); it != r.end()) overlap += std::min(k, it->second);  // clipped counts
    }
    for (const auto& [g, k] : r) nr += k;
    return fromCounts(overlap, nc, nr);
}

} // namespace

std::vector<std::string> rougeTokens(const std::string& text)
{
    std::vector<std::string> out;
    std::string w;
    for (unsigned char ch : text) {
        if (std::isalnum(ch)) w += static_cast<char>(std::tolower(ch));
        else if (!w.empty()) { out.push_back(w); w.clear(); }
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

RougeScores rouge(const std::string& candidate, const std::string& reference)
{
    const auto c = rougeTokens(candidate), r = rougeTokens(reference);
    RougeScores s;
    s.r1 = ngramOverlap(c, r, 1);
    s.r2 = ngramOverlap(c, r, 2);
    // Longest common subsequence by dynamic programming, one row at a time.
    std::vector<int> prev(r.size() + 1, 0), cur(r.size() + 1, 0);
    for (std::size_t i = 1; i <= c.size(); ++i) {
        for (std::size_t j = 1; j <= r.size(); ++j)
            cur[j] = c[i - 1] == r[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    s.rl = fromCounts(prev[r.size()], static_cast<double>(c.size()), static_cast<double>(r.size()));
    return s;
}

} // namespace ptl

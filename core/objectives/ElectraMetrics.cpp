#include "core/objectives/ElectraMetrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ptl {

void BinaryCounts::add(bool predicted, bool actual)
{
    if (predicted && actual) ++tp;
    else if (predicted) ++fp;
    else if (actual) ++fn;
    else ++tn;
}

BinaryCounts& BinaryCounts::operator+=(const BinaryCounts& o)
{
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    tn += o.tn;
    return *this;
}

static double ratio(std::int64_t a, std::int64_t b) { return b > 0 ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }

double BinaryCounts::accuracy() const { return ratio(tp + tn, total()); }
double BinaryCounts::precision() const { return ratio(tp, tp + fp); }
double BinaryCounts::recall() const { return ratio(tp, tp + fn); }
double BinaryCounts::positiveShare() const { return ratio(tp + fn, total()); }

double BinaryCounts::f1() const
{
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double rocAuc(const std::vector<float>& scores, const std::vector<std::uint8_t>& replaced)
{
    const std::size_t n = std::min(scores.size(), replaced.size());
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    // Rank-sum of the positives with average ranks for ties.
    double rankSum = 0;
    std::int64_t positives = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) ++j;
        const double avgRank = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
        for (std::size_t k = i; k <= j; ++k)
            if (replaced[order[k]]) {
                rankSum += avgRank;
                ++positives;
            }
        i = j + 1;
    }
    const auto negatives = static_cast<std::int64_t>(n) - positives;
    if (positives == 0 || negatives == 0) return std::nan("");
    const double p = static_cast<double>(positives);
    return (rankSum - p * (p + 1) / 2.0) / (p * static_cast<double>(negatives));
}

} // namespace ptl

#pragma once
// The discriminator's scores, as plain numbers: confusion counts at a threshold,
// precision / recall / F1 on the "replaced" class, and ROC AUC (Mann-Whitney, ties
// counted half). Torch-free so tests compute them by hand and the GUI could reuse them.
#include <cstdint>
#include <vector>

namespace ptl {

struct BinaryCounts {
    std::int64_t tp = 0, fp = 0, fn = 0, tn = 0;  // positive = replaced

    void add(bool predictedReplaced, bool replaced);
    BinaryCounts& operator+=(const BinaryCounts& o);
    std::int64_t total() const { return tp + fp + fn + tn; }
    double accuracy() const;
    double precision() const;  // 0 when nothing was called replaced
    double recall() const;     // 0 when nothing was replaced
    double f1() const;
    double positiveShare() const;  // share of replaced tokens
};

// P(score of a replaced token > score of an original one), ties half. NaN when one class
// is empty.
double rocAuc(const std::vector<float>& scores, const std::vector<std::uint8_t>& replaced);

} // namespace ptl

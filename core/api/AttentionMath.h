#pragma once
// Plain math on attention maps [layer][head][query][key] for the views: head averages,
// attention rollout (Abnar & Zuidema 2020) and dropping [CLS]/[SEP] rows and columns
// (renormalised so each shown row still sums to 1).
#include <vector>

namespace ptl {

using Matrix = std::vector<std::vector<float>>;
using AttentionMaps = std::vector<std::vector<Matrix>>;  // [layer][head][query][key]

Matrix averageHeads(const std::vector<Matrix>& heads);
// Rollout up to and including `layer`: R = prod_l (0.5 A_l + 0.5 I), rows renormalised,
// with A_l the head average of layer l.
Matrix rollout(const AttentionMaps& maps, int layer);
// Keeps the rows and columns in `keep`, renormalising each row over the kept columns.
Matrix select(const Matrix& m, const std::vector<int>& keep);

} // namespace ptl

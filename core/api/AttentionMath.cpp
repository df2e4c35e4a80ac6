#include "core/api/AttentionMath.h"

#include <cstddef>

namespace ptl {

Matrix averageHeads(const std::vector<Matrix>& heads)
{
    if (heads.empty()) return {};
    Matrix out(heads[0].size(), std::vector<float>(heads[0].empty() ? 0 : heads[0][0].size(), 0.0f));
    for (const Matrix& h : heads)
        for (std::size_t q = 0; q < h.size(); ++q)
            for (std::size_t k = 0; k < h[q].size(); ++k) out[q][k] += h[q][k] / static_cast<float>(heads.size());
    return out;
}

Matrix rollout(const AttentionMaps& maps, int layer)
{
    Matrix r;
    for (int l = 0; l <= layer && l < static_cast<int>(maps.size()); ++l) {
        Matrix a = averageHeads(maps[static_cast<std::size_t>(l)]);
        const std::size_t T = a.size();
        for (std::size_t q = 0; q < T; ++q) {
            float sum = 0;
            for (std::size_t k = 0; k < T; ++k) {
                a[q][k] = 0.5f * a[q][k] + (q == k ? 0.5f : 0.0f);
                sum += a[q][k];
            }
            for (auto& v : a[q]) v /= sum;
        }
        if (r.empty()) {
            r = a;
            continue;
        }
        Matrix next(T, std::vector<float>(T, 0.0f));  // next = a x r
        for (std::size_t q = 0; q < T; ++q)
            for (std::size_t m = 0; m < T; ++m)
                for (std::size_t k = 0; k < T; ++k) next[q][k] += a[q][m] * r[m][k];
        r = std::move(next);
    }
    return r;
}

Matrix select(const Matrix& m, const std::vector<int>& keep)
{
    Matrix out;
    for (int q : keep) {
        std::vector<float> row;
        float sum = 0;
        for (int k : keep) {
            row.push_back(m[static_cast<std::size_t>(q)][static_cast<std::size_t>(k)]);
            sum += row.back();
        }
        if (sum > 0)
            for (auto& v : row) v /= sum;
        out.push_back(std::move(row));
    }
    return out;
}

} // namespace ptl

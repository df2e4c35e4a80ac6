#include "core/objectives/Collate.h"

namespace ptl {

static std::size_t maxLength(const std::vector<std::vector<int>>& rows)
{
    std::size_t T = 0;
    for (const auto& r : rows) T = std::max(T, r.size());
    return T;
}

torch::Tensor padToTensor(const std::vector<std::vector<int>>& rows, int padValue)
{
    const std::size_t T = maxLength(rows);
    auto t = torch::full({static_cast<int64_t>(rows.size()), static_cast<int64_t>(T)}, padValue, torch::kLong);
    auto a = t.accessor<int64_t, 2>();
    for (std::size_t b = 0; b < rows.size(); ++b)
        for (std::size_t i = 0; i < rows[b].size(); ++i) a[static_cast<int64_t>(b)][static_cast<int64_t>(i)] = rows[b][i];
    return t;
}

torch::Tensor attentionMaskFor(const std::vector<std::vector<int>>& rows)
{
    const std::size_t T = maxLength(rows);
    auto t = torch::zeros({static_cast<int64_t>(rows.size()), static_cast<int64_t>(T)}, torch::kLong);
    for (std::size_t b = 0; b < rows.size(); ++b)
        t[static_cast<int64_t>(b)].narrow(0, 0, static_cast<int64_t>(rows[b].size())).fill_(1);
    return t;
}

} // namespace ptl

#include "core/dist/Shard.h"
#include "core/util/Error.h"

namespace ptl {

std::int64_t batchUnits(const Batch& b)
{
    const std::int64_t rows = b.ids.size(0);
    if (b.classLabels.defined() && b.classLabels.size(0) > 0 && b.classLabels.size(0) < rows) return b.classLabels.size(0);
    return rows;
}

Batch shardBatch(const Batch& b, int rank, int world)
{
    if (world <= 1) return b;
    const std::int64_t rows = b.ids.size(0), units = batchUnits(b);
    if (units % world != 0)
        throw Error("a batch of " + std::to_string(units) + " cannot be split evenly among " + std::to_string(world) + " processes",
                    "make batch_size a multiple of the number of processes");
    const std::int64_t per = rows / units;  // rows per unit
    const std::int64_t u0 = units * rank / world, u1 = units * (rank + 1) / world;
    const std::int64_t r0 = u0 * per, r1 = u1 * per;
    auto byRow = [&](const torch::Tensor& t) {
        if (!t.defined()) return t;
        if (t.dim() > 0 && t.size(0) == rows) return t.slice(0, r0, r1).contiguous();
        if (t.dim() > 0 && t.size(0) == units) return t.slice(0, u0, u1).contiguous();
        return t;
    };
    Batch s;
    s.ids = byRow(b.ids);
    s.typeIds = byRow(b.typeIds);
    s.attentionMask = byRow(b.attentionMask);
    s.labels = byRow(b.labels);
    s.pairLabels = byRow(b.pairLabels);
    // Labels per unit before labels per row: a batch of one row per unit has both equal.
    s.classLabels = b.classLabels.defined() ? b.classLabels.slice(0, u0, u1).contiguous() : b.classLabels;
    s.tokenLabels = byRow(b.tokenLabels);
    s.readout = byRow(b.readout);
    s.spanLabels = byRow(b.spanLabels);
    s.entityIds = byRow(b.entityIds);
    s.entityLabels = byRow(b.entityLabels);
    if (!b.decisions.empty())
        s.decisions.assign(b.decisions.begin() + static_cast<std::ptrdiff_t>(r0), b.decisions.begin() + static_cast<std::ptrdiff_t>(std::min<std::int64_t>(r1, static_cast<std::int64_t>(b.decisions.size()))));
    if (static_cast<std::int64_t>(b.examples.size()) == units)
        s.examples.assign(b.examples.begin() + static_cast<std::ptrdiff_t>(u0), b.examples.begin() + static_cast<std::ptrdiff_t>(u1));
    if (b.labels.defined() && b.labels.dim() == 2 && b.labels.size(0) == rows) {
        const auto all = b.labels.ne(-100).sum().item<std::int64_t>(), mine = s.labels.ne(-100).sum().item<std::int64_t>();
        s.tokenShare = all > 0 ? static_cast<double>(mine) * world / static_cast<double>(all) : 1.0;
    }
    s.tokens = s.attentionMask.defined() ? s.attentionMask.sum().item<std::int64_t>() : s.ids.numel();
    return s;
}

} // namespace ptl

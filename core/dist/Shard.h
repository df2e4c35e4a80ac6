#pragma once
// A rank's share of a global micro-batch. Every rank builds the same global batch (a pure
// function of its index and the seed) and keeps rows [r U / N, (r + 1) U / N) of its U
// units, so N ranks together consume exactly the batches one process would. A unit is a
// sequence, or, where a batch holds several rows per example (multiple choice, similarity
// in both orders), an example with all its rows.
#include "core/train/DataPipeline.h"

namespace ptl {

// The units of a batch (sequences, or examples when classLabels has fewer rows than ids).
std::int64_t batchUnits(const Batch& b);

// Rank `rank` of `world`'s share; the batch's units must divide by world (the trainer
// checks batch_size at start). world == 1 returns the batch itself. Sets tokenShare, with
// which a token-averaged loss weights this shard so the ranks' mean is the batch's mean.
Batch shardBatch(const Batch& b, int rank, int world);

} // namespace ptl

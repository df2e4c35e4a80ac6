#pragma once
// Turning instances into padded (B, T) tensors.
#include <torch/torch.h>
#include <vector>

namespace ptl {

// (B, maxLen) int64, rows padded on the right with padValue.
torch::Tensor padToTensor(const std::vector<std::vector<int>>& rows, int padValue);
// (B, maxLen) int64 with 1 for real tokens, 0 for padding.
torch::Tensor attentionMaskFor(const std::vector<std::vector<int>>& rows);

} // namespace ptl

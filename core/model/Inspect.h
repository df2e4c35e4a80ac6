#pragma once
#include "core/api/Inspect.h"
#include "core/model/Checkpoint.h"

#include <optional>

namespace ptl {

// Tokenizes text (and textB as segment B) the way the model was trained ([CLS] A [SEP]
// B [SEP] for BERT/ALBERT, plain for GPT-2), runs one forward pass under inference mode
// and returns tokens, attention probabilities and top-k predictions at each [MASK].
InspectResult inspect(LoadedModel& model, const std::string& text, const std::optional<std::string>& textB = std::nullopt,
                      int topK = 5);
InspectResult inspect(TransformerModel& model, const Tokenizer& tokenizer, const ModelConfig& config, const std::string& text,
                      const std::optional<std::string>& textB, int topK);

// Fills r.maskPredictions from an MLM model (ELECTRA's generator) on r.ids / r.typeIds.
void addMaskPredictions(TransformerModel& mlm, const Tokenizer& tokenizer, InspectResult& r, int topK);

} // namespace ptl

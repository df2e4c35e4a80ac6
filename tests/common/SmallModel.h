#pragma once
// A small model of a preset's family with random weights (seeded), saved as a checkpoint
// folder with its bundled tokenizer: the pre-trained model, teacher or body the tests start from.
#include "core/api/Presets.h"
#include "core/model/Checkpoint.h"
#include "core/text/Tokenizer.h"

#include <string>

namespace ptl::test {

inline std::string saveSmallModel(const std::string& folder, const std::string& preset, int layers = 2, std::uint64_t seed = 5)
{
    const bool gpt = preset.rfind("gpt", 0) == 0;
    auto tok = loadBundledTokenizer(gpt ? TokenizerKind::ByteLevelBpe : TokenizerKind::WordPiece);
    ModelConfig c = presetByName(preset).model;
    c.num_layers = layers;
    c.hidden_size = 64;
    c.embedding_size = 64;
    c.num_heads = 2;
    c.intermediate_size = 128;
    c.max_position_embeddings = 128;
    torch::manual_seed(seed);
    TransformerModel m(c);
    saveCheckpoint(folder, m, *tok);
    return folder;
}

} // namespace ptl::test

#pragma once
// Named starting points for new runs: a model configuration and the tokenizer it uses.
#include "core/api/ModelConfig.h"

#include <string>
#include <vector>

namespace ptl {

enum class TokenizerKind { WordPiece, ByteLevelBpe };

struct Preset {
    std::string name;
    std::string description;
    ModelConfig model;
    TokenizerKind tokenizer = TokenizerKind::WordPiece;
    int seq_len = 128;
};

const std::vector<Preset>& presets();
// Throws ptl::Error listing the known names when name is unknown.
const Preset& presetByName(const std::string& name);

// The folder (under resourceDir()/vocab) holding a bundled vocabulary of this kind.
std::string bundledVocabFolder(TokenizerKind kind);
std::string toString(TokenizerKind kind);

} // namespace ptl

#pragma once
// Checkpoint folders in the Hugging Face layout: config.json, model.safetensors and the
// tokenizer files. Pickle files (pytorch_model.bin, *.pt, *.ckpt) are refused: loading
// a model must never run code.
#include "core/api/ModelConfig.h"
#include "core/model/Transformer.h"
#include "core/objectives/Unigram.h"
#include "core/text/Tokenizer.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ptl {

struct LoadedModel {
    std::filesystem::path dir;
    ModelConfig config;
    TransformerModel model{nullptr};
    // ELECTRA: the generator from "generator/" beside a discriminator, sharing its
    // embeddings; undefined otherwise.
    TransformerModel generator{nullptr};
    std::shared_ptr<Tokenizer> tokenizer;
    // ERNIE: the name of each row of the model's entity table (entities.tsv), e.g. "dog.n.01".
    std::vector<std::string> entityNames;
};

// Writes config.json, model.safetensors and the tokenizer files into dir (created if
// needed), each atomically.
void saveCheckpoint(const std::filesystem::path& dir, TransformerModel& model, const Tokenizer& tokenizer,
                    const std::map<std::string, std::string>& metadata = {});

// ERNIE: dir/entities.tsv, the synset name of each row of the entity table (and the TransE
// folder the table came from), written atomically; read back with ptl::Error on a damaged file.
void saveEntityNames(const std::filesystem::path& dir, const std::vector<std::string>& names, const std::string& source);
std::vector<std::string> readEntityNames(const std::filesystem::path& dir);

// Opens a checkpoint folder (ours or one published by HF). The model is in eval mode.
LoadedModel loadCheckpoint(const std::filesystem::path& dir);

// Reads and validates config.json alone.
ModelConfig readModelConfig(const std::filesystem::path& configJson);

// The unigram counts of what the model was trained to predict: the unigram.json the
// trainer writes into each checkpoint, else (a bundled vocabulary) the bundled corpus's,
// computed once and cached; nullopt when neither applies. Throws on a damaged file.
std::optional<UnigramCounts> unigramFor(const LoadedModel& model);

// Throws ptl::Error when path is (or dir holds only) a pickle checkpoint.
void refusePickle(const std::filesystem::path& path);

} // namespace ptl

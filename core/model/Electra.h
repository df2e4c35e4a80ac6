#pragma once
// ELECTRA's two networks (Clark et al. 2020; google-research/electra): a small MLM
// generator and the discriminator, sharing the token, position and type embeddings and
// their LayerNorm (the generator's input and output embeddings are tied, as in BERT).
// On disk the discriminator is the checkpoint folder itself (ElectraForPreTraining) and
// the generator sits in its "generator/" subfolder (ElectraForMaskedLM), so each loads
// in transformers as published.
#include "core/model/Transformer.h"
#include "core/text/Tokenizer.h"

#include <filesystem>
#include <map>

namespace ptl {

struct ElectraModels {
    TransformerModel generator{nullptr};
    TransformerModel discriminator{nullptr};
};

// Builds both from the discriminator's config (family electra): the discriminator first,
// then the generator (config.generatorConfig()), then ties the embeddings.
ElectraModels makeElectra(const ModelConfig& discriminator);

// Makes the generator use the discriminator's embedding modules (word, position, type,
// LayerNorm). The generator keeps its own E->H projection when its hidden size differs.
void shareEmbeddings(TransformerModel& generator, TransformerModel& discriminator);

// Both models' parameters, each tensor once: "discriminator.<name>", then the generator's
// own ones as "generator.<name>" (the shared embeddings appear under the discriminator).
std::vector<std::pair<std::string, torch::Tensor>> electraParameters(const ElectraModels& m);

// The generator's own parameters (not the shared embeddings).
std::vector<torch::Tensor> generatorOwnParameters(const ElectraModels& m);

void saveElectraCheckpoint(const std::filesystem::path& dir, ElectraModels& m, const Tokenizer& tokenizer,
                           const std::map<std::string, std::string>& metadata = {});

} // namespace ptl

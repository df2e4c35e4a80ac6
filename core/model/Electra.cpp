#include "core/model/Electra.h"
#include "core/model/Checkpoint.h"
#include "core/util/Error.h"

#include <set>

namespace ptl {

ElectraModels makeElectra(const ModelConfig& c)
{
    if (c.family != Family::Electra || c.electra_generator)
        throw Error("makeElectra needs a discriminator config (family electra)");
    ElectraModels m;
    m.discriminator = TransformerModel(c);
    m.generator = TransformerModel(c.generatorConfig());
    shareEmbeddings(m.generator, m.discriminator);
    return m;
}

void shareEmbeddings(TransformerModel& generator, TransformerModel& discriminator)
{
    auto& g = generator->embeddings;
    auto& d = discriminator->embeddings;
    if (g->word->weight.sizes() != d->word->weight.sizes() || g->position->weight.sizes() != d->position->weight.sizes())
        throw Error("the generator and the discriminator need the same vocabulary, positions and embedding_size to share embeddings");
    g->replace_module("word", d->word);
    g->word = d->word;
    g->replace_module("position", d->position);
    g->position = d->position;
    if (d->type) {
        g->replace_module("type", d->type);
        g->type = d->type;
    }
    g->replace_module("norm", d->norm);
    g->norm = d->norm;
}

std::vector<std::pair<std::string, torch::Tensor>> electraParameters(const ElectraModels& m)
{
    std::vector<std::pair<std::string, torch::Tensor>> out;
    std::set<const void*> seen;
    for (auto& p : m.discriminator->named_parameters()) {
        seen.insert(p.value().unsafeGetTensorImpl());
        out.emplace_back("discriminator." + p.key(), p.value());
    }
    for (auto& p : m.generator->named_parameters())
        if (!seen.count(p.value().unsafeGetTensorImpl())) out.emplace_back("generator." + p.key(), p.value());
    return out;
}

std::vector<torch::Tensor> generatorOwnParameters(const ElectraModels& m)
{
    std::vector<torch::Tensor> out;
    for (auto& [name, t] : electraParameters(m))
        if (name.rfind("generator.", 0) == 0) out.push_back(t);
    return out;
}

void saveElectraCheckpoint(const std::filesystem::path& dir, ElectraModels& m, const Tokenizer& tokenizer,
                           const std::map<std::string, std::string>& metadata)
{
    saveCheckpoint(dir, m.discriminator, tokenizer, metadata);
    saveCheckpoint(dir / "generator", m.generator, tokenizer, metadata);
}

} // namespace ptl

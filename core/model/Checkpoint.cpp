#include "core/model/Checkpoint.h"
#include "core/model/Electra.h"
#include "core/model/Safetensors.h"
#include "core/model/StateDict.h"
#include "core/util/Error.h"
#include "core/util/Files.h"

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace ptl {

static const char* kConvertHint =
    "convert it to safetensors where PyTorch is trusted, e.g.: python3 -c \"from transformers import AutoModel; "
    "AutoModel.from_pretrained('DIR').save_pretrained('OUT', safe_serialization=True)\"";

static bool isPickleName(const fs::path& p)
{
    const std::string ext = p.extension().string();
    return ext == ".bin" || ext == ".pt" || ext == ".pth" || ext == ".ckpt" || ext == ".pkl" || ext == ".pickle";
}

void refusePickle(const fs::path& path)
{
    std::error_code ec;
    if (fs::is_regular_file(path, ec) && isPickleName(path))
        throw Error(path.string() + " is a pickle file; PretrainLab refuses pickle because loading it can run arbitrary code", kConvertHint);
    if (fs::is_directory(path, ec) && !fs::exists(path / "model.safetensors", ec)) {
        for (const auto& e : fs::directory_iterator(path, ec)) {
            if (e.is_regular_file() && isPickleName(e.path()))
                throw Error(path.string() + " holds only a pickle checkpoint (" + e.path().filename().string() +
                                "); PretrainLab refuses pickle because loading it can run arbitrary code",
                            kConvertHint);
        }
    }
}

ModelConfig readModelConfig(const fs::path& configJson)
{
    const std::string text = readTextFile(configJson);
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded())
        throw Error(configJson.string() + " is not valid JSON", "compare with a config.json written by 'pretrainlab-cli init'");
    try {
        return ModelConfig::fromJson(j);
    } catch (const Error& e) {
        throw Error(configJson.string() + ": " + e.message(), e.hint());
    }
}

void saveCheckpoint(const fs::path& dir, TransformerModel& model, const Tokenizer& tokenizer,
                    const std::map<std::string, std::string>& metadata)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw Error("cannot create checkpoint folder " + dir.string() + ": " + ec.message(), "check the path and permissions");
    if (tokenizer.vocabSize() != model->config().vocab_size)
        throw Error("tokenizer has " + std::to_string(tokenizer.vocabSize()) + " tokens but the model's vocab_size is " +
                    std::to_string(model->config().vocab_size));
    std::map<std::string, std::string> meta = metadata;
    meta["format"] = "pt";
    meta["producer"] = std::string("pretrainlab ") + PTL_VERSION;
    writeSafetensors(dir / "model.safetensors", exportStateDict(model), meta);
    tokenizer.save(dir);
    writeFileAtomic(dir / "config.json", model->config().toJson().dump(2) + "\n");
}

void saveEntityNames(const fs::path& dir, const std::vector<std::string>& names, const std::string& source)
{
    std::string text = "# entity table rows of model.safetensors' bert.entity_embeddings, from " + source + "\nrow\tname\n";
    for (std::size_t i = 0; i < names.size(); ++i) text += std::to_string(i) + "\t" + names[i] + "\n";
    writeFileAtomic(dir / "entities.tsv", text);
}

std::vector<std::string> readEntityNames(const fs::path& dir)
{
    const fs::path file = dir / "entities.tsv";
    if (!fs::exists(file)) throw Error(dir.string() + " has no entities.tsv", "an ERNIE checkpoint names its entity table's rows in entities.tsv");
    const std::string text = readTextFile(file);
    std::vector<std::string> names;
    std::size_t pos = 0;
    int line = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        const std::string row = text.substr(pos, end - pos);
        pos = end + 1;
        ++line;
        if (row.empty() || row[0] == '#' || row == "row\tname") continue;
        const auto tab = row.find('\t');
        if (tab == std::string::npos || row.substr(0, tab) != std::to_string(names.size()))
            throw Error(file.string() + ":" + std::to_string(line) + ": expected row " + std::to_string(names.size()) + ", a tab and a name",
                        "the file was edited or cut; copy the checkpoint again");
        names.push_back(row.substr(tab + 1));
    }
    return names;
}

LoadedModel loadCheckpoint(const fs::path& dir)
{
    refusePickle(dir);
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw Error("checkpoint folder not found: " + dir.string(), "give a folder holding config.json and model.safetensors");
    if (!fs::exists(dir / "config.json"))
        throw Error(dir.string() + " has no config.json", "a checkpoint folder holds config.json, model.safetensors and tokenizer files");
    if (!fs::exists(dir / "model.safetensors"))
        throw Error(dir.string() + " has no model.safetensors", "PretrainLab reads weights from model.safetensors only");
    LoadedModel m;
    m.dir = dir;
    m.config = readModelConfig(dir / "config.json");
    m.tokenizer = loadTokenizer(dir);
    if (m.tokenizer->vocabSize() > m.config.vocab_size)
        throw Error(dir.string() + ": the tokenizer has " + std::to_string(m.tokenizer->vocabSize()) +
                        " tokens but config.json says vocab_size " + std::to_string(m.config.vocab_size),
                    "the tokenizer files and config.json come from different models");
    m.model = TransformerModel(m.config);
    importStateDict(m.model, SafetensorsFile::open(dir / "model.safetensors"));
    m.model->eval();
    if (m.config.isErnie()) {
        m.entityNames = readEntityNames(dir);
        if (static_cast<int>(m.entityNames.size()) != m.config.entity_count)
            throw Error((dir / "entities.tsv").string() + " names " + std::to_string(m.entityNames.size()) + " entities, config.json says entity_count " +
                            std::to_string(m.config.entity_count),
                        "the files come from different models");
    }
    if (m.config.hasDiscriminatorHead() && fs::exists(dir / "generator" / "config.json") && fs::exists(dir / "generator" / "model.safetensors")) {
        const ModelConfig g = readModelConfig(dir / "generator" / "config.json");
        if (!g.hasMlmHead())
            throw Error((dir / "generator" / "config.json").string() + " is not a masked-LM generator", "it should name ElectraForMaskedLM");
        m.generator = TransformerModel(g);
        importStateDict(m.generator, SafetensorsFile::open(dir / "generator" / "model.safetensors"));
        // Trained together, the two share their embeddings (the saved copies are equal);
        // a generator that was frozen while a fresh discriminator learnt
        // (freeze_generator) keeps its own.
        const auto& gw = m.generator->embeddings->word->weight;
        const auto& dw = m.model->embeddings->word->weight;
        if (gw.sizes() == dw.sizes() && torch::equal(gw, dw)) shareEmbeddings(m.generator, m.model);
        m.generator->eval();
    }
    return m;
}

} // namespace ptl

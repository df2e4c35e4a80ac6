#include "core/api/ModelConfig.h"
#include "core/util/Error.h"
#include "core/util/JsonNumbers.h"
#include "core/util/Parse.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <tuple>

namespace ptl {

using nlohmann::json;

std::string toString(Family f)
{
    switch (f) {
    case Family::Bert: return "bert";
    case Family::Gpt2: return "gpt2";
    case Family::Albert: return "albert";
    case Family::Electra: return "electra";
    case Family::DistilBert: return "distilbert";
    }
    return "?";
}

std::string toString(Sharing s)
{
    switch (s) {
    case Sharing::None: return "none";
    case Sharing::Attention: return "attention";
    case Sharing::Ffn: return "ffn";
    case Sharing::All: return "all";
    }
    return "?";
}

std::string toString(LayerNormPlacement p) { return p == LayerNormPlacement::Post ? "post" : "pre"; }
std::string toString(Activation a) { return a == Activation::Gelu ? "gelu" : "gelu_new"; }

Family familyFromString(const std::string& s)
{
    if (s == "bert") return Family::Bert;
    if (s == "gpt2" || s == "gpt") return Family::Gpt2;
    if (s == "albert") return Family::Albert;
    if (s == "electra") return Family::Electra;
    if (s == "distilbert") return Family::DistilBert;
    throw Error("family: unknown model family '" + s + "'", "use one of bert, gpt2, albert, electra, distilbert");
}

Sharing sharingFromString(const std::string& s)
{
    if (s == "none") return Sharing::None;
    if (s == "attention") return Sharing::Attention;
    if (s == "ffn") return Sharing::Ffn;
    if (s == "all") return Sharing::All;
    throw Error("sharing: unknown cross-layer sharing '" + s + "'", "use one of none, attention, ffn, all");
}

static Activation activationFromString(const std::string& s)
{
    if (s == "gelu") return Activation::Gelu;
    if (s == "gelu_new" || s == "gelu_pytorch_tanh" || s == "gelu_fast") return Activation::GeluNew;
    throw Error("hidden_act: unsupported activation '" + s + "'", "PretrainLab supports gelu (erf) and gelu_new (tanh)");
}

static LayerNormPlacement placementFromString(const std::string& s)
{
    if (s == "post") return LayerNormPlacement::Post;
    if (s == "pre") return LayerNormPlacement::Pre;
    throw Error("layer_norm: unknown placement '" + s + "'", "use post (BERT) or pre (GPT-2)");
}

std::string ModelConfig::validate() const
{
    auto bad = [](const std::string& field, const std::string& rule, auto got) {
        std::string g;
        if constexpr (std::is_same_v<decltype(got), std::string>) g = got; else g = std::to_string(got);
        return field + ": " + rule + " (got " + g + ")";
    };
    if (vocab_size < 8) return bad("vocab_size", "must be at least 8", vocab_size);
    if (hidden_size < 1) return bad("hidden_size", "must be positive", hidden_size);
    if (num_layers < 1) return bad("num_hidden_layers", "must be at least 1", num_layers);
    if (num_heads < 1) return bad("num_attention_heads", "must be at least 1", num_heads);
    if (hidden_size % num_heads != 0)
        return bad("num_attention_heads", "must divide hidden_size " + std::to_string(hidden_size), num_heads);
    if (intermediate_size < 1) return bad("intermediate_size", "must be positive", intermediate_size);
    // Sizes beyond anything trainable here are a damaged or hostile file: refused before a
    // tensor is allocated (a config.json alone must not be able to exhaust memory).
    for (auto [name, v, most] : {std::tuple{"vocab_size", vocab_size, 4 << 20}, std::tuple{"hidden_size", hidden_size, 1 << 16},
                                 std::tuple{"num_hidden_layers", num_layers, 1024}, std::tuple{"num_attention_heads", num_heads, 4096},
                                 std::tuple{"intermediate_size", intermediate_size, 1 << 18}, std::tuple{"max_position_embeddings", max_position_embeddings, 1 << 20},
                                 std::tuple{"embedding_size", embedding_size, 1 << 16}, std::tuple{"type_vocab_size", type_vocab_size, 1 << 16},
                                 std::tuple{"entity_size", entity_size, 1 << 16}, std::tuple{"entity_count", entity_count, 1 << 24}}) {
        if (v > most) return bad(name, "must be at most " + std::to_string(most), v);
    }
    {
        const double h = hidden_size, e = embedding_size;
        const double params = static_cast<double>(vocab_size) * e + static_cast<double>(max_position_embeddings) * e + e * h +
                              static_cast<double>(num_layers) * (4.0 * h * h + 2.0 * h * intermediate_size);
        if (params > 4e9)
            return "the model would have about " + std::to_string(static_cast<long long>(params / 1e6)) +
                   " million parameters, more than 4,000 million (16 GB of fp32 weights): a config.json this large is refused";
    }
    if (max_position_embeddings < 2) return bad("max_position_embeddings", "must be at least 2", max_position_embeddings);
    if (type_vocab_size < 0) return bad("type_vocab_size", "must be 0 or more", type_vocab_size);
    if (family == Family::Gpt2 && type_vocab_size != 0)
        return bad("type_vocab_size", "must be 0 for gpt2, which has no token-type embedding", type_vocab_size);
    if (family == Family::DistilBert && type_vocab_size != 0)
        return bad("type_vocab_size", "must be 0 for distilbert, which has no token-type embedding", type_vocab_size);
    if (family != Family::Gpt2 && family != Family::DistilBert && type_vocab_size < 2)
        return bad("type_vocab_size", "must be at least 2 for bert, albert and electra (two segments)", type_vocab_size);
    if (embedding_size < 1) return bad("embedding_size", "must be positive", embedding_size);
    if ((family == Family::Gpt2 || family == Family::DistilBert) && embedding_size != hidden_size)
        return bad("embedding_size", "must equal hidden_size for gpt2: its output layer is tied to the token embeddings", embedding_size);
    for (auto [name, p] : {std::pair{"hidden_dropout_prob", hidden_dropout}, std::pair{"attention_probs_dropout_prob", attention_dropout},
                           std::pair{"embedding_dropout", embedding_dropout}}) {
        if (!(p >= 0.0 && p < 1.0)) return std::string(name) + ": must be in [0, 1) (got " + std::to_string(p) + ")";
    }
    if (!(initializer_range > 0.0 && initializer_range < 1.0))
        return "initializer_range: must be in (0, 1) (got " + std::to_string(initializer_range) + ")";
    if (!(layer_norm_eps > 0.0 && layer_norm_eps < 1.0))
        return "layer_norm_eps: must be in (0, 1) (got " + std::to_string(layer_norm_eps) + ")";
    if (pad_token_id < 0 || pad_token_id >= vocab_size)
        return bad("pad_token_id", "must be a valid id below vocab_size " + std::to_string(vocab_size), pad_token_id);
    if (family == Family::Gpt2 && !causal) return bad("causal", "must be true for gpt2", std::string("false"));
    if (family != Family::Gpt2 && causal)
        return bad("causal", "must be false for bidirectional families (bert, albert, electra, distilbert)", std::string("true"));
    if (family == Family::Electra && !(generator_ratio > 0.0 && generator_ratio <= 1.0))
        return "generator_ratio: must be in (0, 1] (got " + std::to_string(generator_ratio) + ")";
    if (knowledge_layers < 0 || knowledge_layers > num_layers)
        return bad("knowledge_layers", "must be in [0, num_hidden_layers " + std::to_string(num_layers) + "]", knowledge_layers);
    if (knowledge_layers > 0) {
        if (family != Family::Bert) return bad("knowledge_layers", "ERNIE's K-Encoder is built on bert (family " + toString(family) + ")", knowledge_layers);
        if (layer_norm != LayerNormPlacement::Post) return bad("layer_norm", "ERNIE's K-Encoder is post-LN, as BERT", std::string("pre"));
        if (sharing != Sharing::None) return bad("sharing", "ERNIE's K-Encoder layers are not shared", toString(sharing));
        if (entity_size < 1) return bad("entity_size", "must be positive", entity_size);
        if (entity_heads < 1 || entity_size % entity_heads != 0)
            return bad("entity_heads", "must divide entity_size " + std::to_string(entity_size), entity_heads);
        if (entity_count < 0) return bad("entity_count", "must be 0 (taken from the entity table when the job starts) or the table's rows", entity_count);
    }
    return {};
}

ModelConfig ModelConfig::generatorConfig() const
{
    ModelConfig g = *this;
    g.electra_generator = true;
    g.hidden_size = std::max(1, static_cast<int>(std::lround(hidden_size * generator_ratio)));
    g.intermediate_size = 4 * g.hidden_size;
    g.num_heads = std::max(1, g.hidden_size / 64);
    return g;
}

void ModelConfig::check() const
{
    const std::string msg = validate();
    if (!msg.empty())
        throw Error("invalid model configuration: " + msg, "fix the field named above in config.json or with --set");
}

json ModelConfig::toJson() const
{
    json j;
    const char* act = activation == Activation::Gelu ? "gelu" : "gelu_new";
    // BertConfig's keys, which ALBERT and ELECTRA configs share.
    auto bertKeys = [&] {
        j["vocab_size"] = vocab_size;
        j["hidden_size"] = hidden_size;
        j["num_hidden_layers"] = num_layers;
        j["num_attention_heads"] = num_heads;
        j["intermediate_size"] = intermediate_size;
        j["hidden_act"] = act;
        j["hidden_dropout_prob"] = hidden_dropout;
        j["attention_probs_dropout_prob"] = attention_dropout;
        j["max_position_embeddings"] = max_position_embeddings;
        j["type_vocab_size"] = type_vocab_size;
        j["initializer_range"] = initializer_range;
        j["layer_norm_eps"] = layer_norm_eps;
        j["pad_token_id"] = pad_token_id;
        j["position_embedding_type"] = "absolute";
    };
    switch (family) {
    case Family::Bert:
        j["architectures"] = {"BertForPreTraining"};
        j["model_type"] = "bert";
        bertKeys();
        break;
    case Family::Gpt2:
        j["architectures"] = {"GPT2LMHeadModel"};
        j["model_type"] = "gpt2";
        j["vocab_size"] = vocab_size;
        j["n_embd"] = hidden_size;
        j["n_layer"] = num_layers;
        j["n_head"] = num_heads;
        j["n_inner"] = intermediate_size;
        j["n_positions"] = max_position_embeddings;
        j["n_ctx"] = max_position_embeddings;
        j["activation_function"] = act;
        j["resid_pdrop"] = hidden_dropout;
        j["attn_pdrop"] = attention_dropout;
        j["embd_pdrop"] = embedding_dropout;
        j["initializer_range"] = initializer_range;
        j["layer_norm_epsilon"] = layer_norm_eps;
        j["scale_attn_weights"] = true;
        break;
    case Family::Albert:
        j["architectures"] = {"AlbertForPreTraining"};
        j["model_type"] = "albert";
        bertKeys();
        j["embedding_size"] = embedding_size;
        // All-shared is HF's one group; the partial modes are written unshared (each
        // layer a group holding a copy of the shared tensors), see StateDict.cpp.
        j["num_hidden_groups"] = sharing == Sharing::All ? 1 : num_layers;
        j["inner_group_num"] = 1;
        j["classifier_dropout_prob"] = 0.1;
        break;
    case Family::DistilBert:
        j["architectures"] = {"DistilBertForMaskedLM"};
        j["model_type"] = "distilbert";
        j["vocab_size"] = vocab_size;
        j["dim"] = hidden_size;
        j["n_layers"] = num_layers;
        j["n_heads"] = num_heads;
        j["hidden_dim"] = intermediate_size;
        j["activation"] = act;
        j["dropout"] = hidden_dropout;
        j["attention_dropout"] = attention_dropout;
        j["max_position_embeddings"] = max_position_embeddings;
        j["initializer_range"] = initializer_range;
        j["sinusoidal_pos_embds"] = false;
        j["tie_weights_"] = true;
        j["qa_dropout"] = 0.1;
        j["seq_classif_dropout"] = 0.2;
        j["pad_token_id"] = pad_token_id;
        break;
    case Family::Electra:
        j["architectures"] = {electra_generator ? "ElectraForMaskedLM" : "ElectraForPreTraining"};
        j["model_type"] = "electra";
        bertKeys();
        j["embedding_size"] = embedding_size;
        j["summary_type"] = "first";
        break;
    }
    j["pretrainlab"] = {
        {"family", toString(family)},
        {"sharing", toString(sharing)},
        {"layer_norm", toString(layer_norm)},
        {"causal", causal},
        {"embedding_size", embedding_size},
        {"embedding_dropout", embedding_dropout},
        {"scale_residual_init", scale_residual_init},
        {"sinusoidal_positions", sinusoidal_positions},
    };
    if (knowledge_layers > 0) {
        j["pretrainlab"]["knowledge_layers"] = knowledge_layers;
        j["pretrainlab"]["entity_size"] = entity_size;
        j["pretrainlab"]["entity_heads"] = entity_heads;
        j["pretrainlab"]["entity_count"] = entity_count;
    }
    if (family == Family::Electra) {
        j["pretrainlab"]["generator_ratio"] = generator_ratio;
        j["pretrainlab"]["electra_generator"] = electra_generator;
    }
    return j;
}

template <typename T>
static void readKey(const json& j, const char* key, T& out)
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return;
    try {
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
            out = jsonInteger<T>(*it, (std::string("config.json: key '") + key + "'").c_str());  // never a cast of 1e300
        } else if constexpr (std::is_floating_point_v<T>) {
            requireFloatRange(*it, std::string("config.json: key '") + key + "'");
            out = it->get<T>();
        } else {
            out = it->get<T>();
        }
    } catch (const json::exception&) {
        throw Error(std::string("config.json: key '") + key + "' has the wrong type (" + it->dump() + ")",
                    "compare with a config.json written by 'pretrainlab-cli init'");
    }
}

ModelConfig ModelConfig::fromJson(const json& j)
{
    if (!j.is_object())
        throw Error("config.json: expected a JSON object at the top level");
    ModelConfig c;
    std::string type;
    readKey(j, "model_type", type);
    if (auto p = j.find("pretrainlab"); p != j.end() && p->is_object()) readKey(*p, "family", type);
    if (type.empty())
        throw Error("config.json: no model_type", "set \"model_type\" to bert, gpt2, albert or electra");
    c.family = familyFromString(type);
    std::string act;
    switch (c.family) {
    case Family::Bert:
    case Family::Albert:
    case Family::Electra: {
        readKey(j, "vocab_size", c.vocab_size);
        readKey(j, "hidden_size", c.hidden_size);
        readKey(j, "num_hidden_layers", c.num_layers);
        readKey(j, "num_attention_heads", c.num_heads);
        readKey(j, "intermediate_size", c.intermediate_size);
        readKey(j, "max_position_embeddings", c.max_position_embeddings);
        readKey(j, "type_vocab_size", c.type_vocab_size);
        readKey(j, "hidden_dropout_prob", c.hidden_dropout);
        readKey(j, "attention_probs_dropout_prob", c.attention_dropout);
        c.embedding_dropout = c.hidden_dropout;
        readKey(j, "initializer_range", c.initializer_range);
        readKey(j, "layer_norm_eps", c.layer_norm_eps);
        readKey(j, "pad_token_id", c.pad_token_id);
        act = c.family == Family::Albert ? "gelu_new" : "gelu";
        readKey(j, "hidden_act", act);
        c.embedding_size = c.hidden_size;
        if (c.family == Family::Electra) {
            readKey(j, "embedding_size", c.embedding_size);
            if (auto a = j.find("architectures"); a != j.end() && a->is_array())
                for (const auto& name : *a)
                    if (name.is_string() && (name == "ElectraForMaskedLM" || name == "ElectraGenerator")) c.electra_generator = true;
        }
        if (c.family == Family::Albert) {
            readKey(j, "embedding_size", c.embedding_size);
            int groups = 1, inner = 1;
            readKey(j, "num_hidden_groups", groups);
            readKey(j, "inner_group_num", inner);
            if (inner != 1)
                throw Error("config.json: inner_group_num " + std::to_string(inner) + " is not supported",
                            "PretrainLab reads ALBERT checkpoints with inner_group_num 1");
            if (groups == 1)
                c.sharing = Sharing::All;
            else if (groups == c.num_layers)
                c.sharing = Sharing::None;
            else
                throw Error("config.json: num_hidden_groups " + std::to_string(groups) + " is not supported",
                            "use 1 (all layers shared) or num_hidden_layers (none shared)");
        }
        std::string pet = "absolute";
        readKey(j, "position_embedding_type", pet);
        if (pet != "absolute")
            throw Error("config.json: position_embedding_type '" + pet + "' is not supported", "PretrainLab uses absolute positions");
        break;
    }
    case Family::DistilBert: {
        readKey(j, "vocab_size", c.vocab_size);
        readKey(j, "dim", c.hidden_size);
        readKey(j, "n_layers", c.num_layers);
        readKey(j, "n_heads", c.num_heads);
        c.intermediate_size = 4 * c.hidden_size;
        readKey(j, "hidden_dim", c.intermediate_size);
        readKey(j, "max_position_embeddings", c.max_position_embeddings);
        readKey(j, "dropout", c.hidden_dropout);
        c.embedding_dropout = c.hidden_dropout;
        readKey(j, "attention_dropout", c.attention_dropout);
        readKey(j, "initializer_range", c.initializer_range);
        readKey(j, "pad_token_id", c.pad_token_id);
        act = "gelu";
        readKey(j, "activation", act);
        bool sinusoidal = false;
        readKey(j, "sinusoidal_pos_embds", sinusoidal);
        if (sinusoidal)
            throw Error("config.json: sinusoidal_pos_embds is not supported", "PretrainLab reads DistilBERT checkpoints with learned positions");
        c.type_vocab_size = 0;
        c.embedding_size = c.hidden_size;
        c.layer_norm_eps = 1e-12;
        break;
    }
    case Family::Gpt2: {
        readKey(j, "vocab_size", c.vocab_size);
        readKey(j, "n_embd", c.hidden_size);
        readKey(j, "n_layer", c.num_layers);
        readKey(j, "n_head", c.num_heads);
        // GPT-2's default inner size; a hidden size too large for it is refused by validate().
        c.intermediate_size = static_cast<int>(std::clamp<std::int64_t>(4 * static_cast<std::int64_t>(c.hidden_size), 0, 1 << 30));
        readKey(j, "n_inner", c.intermediate_size);
        readKey(j, "n_positions", c.max_position_embeddings);
        readKey(j, "resid_pdrop", c.hidden_dropout);
        readKey(j, "attn_pdrop", c.attention_dropout);
        readKey(j, "embd_pdrop", c.embedding_dropout);
        readKey(j, "initializer_range", c.initializer_range);
        c.layer_norm_eps = 1e-5;
        readKey(j, "layer_norm_epsilon", c.layer_norm_eps);
        act = "gelu_new";
        readKey(j, "activation_function", act);
        c.type_vocab_size = 0;
        c.embedding_size = c.hidden_size;
        c.layer_norm = LayerNormPlacement::Pre;
        c.causal = true;
        c.scale_residual_init = true;
        c.pad_token_id = 0;
        break;
    }
    }
    c.activation = activationFromString(act);
    if (auto it = j.find("pretrainlab"); it != j.end() && it->is_object()) {
        const json& p = *it;
        std::string sharing, placement;
        readKey(p, "sharing", sharing);
        readKey(p, "layer_norm", placement);
        if (!sharing.empty()) c.sharing = sharingFromString(sharing);
        if (!placement.empty()) c.layer_norm = placementFromString(placement);
        readKey(p, "causal", c.causal);
        readKey(p, "embedding_size", c.embedding_size);
        readKey(p, "embedding_dropout", c.embedding_dropout);
        readKey(p, "scale_residual_init", c.scale_residual_init);
        readKey(p, "sinusoidal_positions", c.sinusoidal_positions);
        readKey(p, "generator_ratio", c.generator_ratio);
        readKey(p, "electra_generator", c.electra_generator);
        readKey(p, "knowledge_layers", c.knowledge_layers);
        readKey(p, "entity_size", c.entity_size);
        readKey(p, "entity_heads", c.entity_heads);
        readKey(p, "entity_count", c.entity_count);
    }
    c.check();
    return c;
}

void ModelConfig::set(const std::string& key, const std::string& value)
{
    auto toInt = [&](int& out) { out = static_cast<int>(parseInteger(key, value)); };
    auto toDouble = [&](double& out) { out = parseNumber(key, value); };
    auto toBool = [&](bool& out) { out = parseBool(key, value); };
    if (key == "vocab_size") toInt(vocab_size);
    else if (key == "hidden_size") toInt(hidden_size);
    else if (key == "num_hidden_layers" || key == "num_layers") toInt(num_layers);
    else if (key == "num_attention_heads" || key == "num_heads") toInt(num_heads);
    else if (key == "intermediate_size") toInt(intermediate_size);
    else if (key == "max_position_embeddings") toInt(max_position_embeddings);
    else if (key == "type_vocab_size") toInt(type_vocab_size);
    else if (key == "embedding_size") toInt(embedding_size);
    else if (key == "sharing") sharing = sharingFromString(value);
    else if (key == "layer_norm") layer_norm = placementFromString(value);
    else if (key == "hidden_act" || key == "activation") activation = activationFromString(value);
    else if (key == "hidden_dropout_prob" || key == "hidden_dropout") toDouble(hidden_dropout);
    else if (key == "attention_probs_dropout_prob" || key == "attention_dropout") toDouble(attention_dropout);
    else if (key == "embedding_dropout") toDouble(embedding_dropout);
    else if (key == "initializer_range") toDouble(initializer_range);
    else if (key == "layer_norm_eps") toDouble(layer_norm_eps);
    else if (key == "causal") toBool(causal);
    else if (key == "scale_residual_init") toBool(scale_residual_init);
    else if (key == "sinusoidal_positions") toBool(sinusoidal_positions);
    else if (key == "pad_token_id") toInt(pad_token_id);
    else if (key == "generator_ratio") toDouble(generator_ratio);
    else if (key == "knowledge_layers") toInt(knowledge_layers);
    else if (key == "entity_size") toInt(entity_size);
    else if (key == "entity_heads") toInt(entity_heads);
    else
        throw Error("unknown model field '" + key + "'",
                    "fields: vocab_size, hidden_size, num_hidden_layers, num_attention_heads, intermediate_size, "
                    "max_position_embeddings, type_vocab_size, embedding_size, sharing, layer_norm, hidden_act, "
                    "hidden_dropout, attention_dropout, embedding_dropout, initializer_range, layer_norm_eps, causal, scale_residual_init, sinusoidal_positions, generator_ratio, knowledge_layers, entity_size, entity_heads");
}

} // namespace ptl

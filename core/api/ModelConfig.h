#pragma once
// The configuration of PretrainLab's one transformer, as plain values.
// Reads and writes Hugging Face config.json files (BertConfig, GPT2Config, AlbertConfig
// keys); what HF has no key for sits under a "pretrainlab" object.
// Torch-free: the GUI's configuration editor uses it directly.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

namespace ptl {

enum class Family { Bert, Gpt2, Albert, Electra, DistilBert };
enum class Sharing { None, Attention, Ffn, All };  // ALBERT, Table 4
enum class LayerNormPlacement { Post, Pre };        // BERT: post; GPT-2: pre + final LN
enum class Activation { Gelu, GeluNew };            // erf GELU; tanh approximation

struct ModelConfig {
    Family family = Family::Bert;
    int vocab_size = 8192;
    int hidden_size = 128;
    int num_layers = 2;
    int num_heads = 2;
    int intermediate_size = 512;
    int max_position_embeddings = 512;
    int type_vocab_size = 2;        // 0: no token-type embedding (GPT-2)
    int embedding_size = 128;       // E; E != hidden_size adds ALBERT's E->H projection
    Sharing sharing = Sharing::None;
    LayerNormPlacement layer_norm = LayerNormPlacement::Post;
    Activation activation = Activation::Gelu;
    double hidden_dropout = 0.1;
    double attention_dropout = 0.1;
    double embedding_dropout = 0.1;
    bool causal = false;
    double initializer_range = 0.02;
    bool scale_residual_init = false;  // GPT-2: residual projections at std/sqrt(2 * layers)
    // Initialise the learned position embeddings as Vaswani et al.'s sinusoids (scaled to
    // an RMS of initializer_range) instead of noise: an init only, the layout is HF's. Nearby
    // positions start similar, so attention to neighbours can be learned at once.
    bool sinusoidal_positions = false;
    double layer_norm_eps = 1e-12;
    int pad_token_id = 0;
    // ELECTRA. A config of family electra describes the discriminator (ElectraForPreTraining)
    // unless electra_generator is set (ElectraForMaskedLM). The discriminator's config
    // carries the generator's size as a ratio of its hidden size (the paper's 1/4).
    double generator_ratio = 0.25;
    bool electra_generator = false;
    // ERNIE (Zhang et al. 2019; thunlp/ERNIE): a BERT whose last knowledge_layers layers are
    // the K-Encoder. Each runs token self-attention and, beside it, self-attention over the
    // entities aligned with the tokens (vectors of entity_size, the TransE dimension, in
    // entity_heads heads), and fuses both streams in its feed-forward layer:
    // h = GELU(W_t w + W_e e + b) at tokens aligned with an entity. The model carries the
    // (frozen) entity table of entity_count rows (0 in a preset: the job fills it in from the
    // table it reads). knowledge_layers 0: a plain BERT.
    int knowledge_layers = 0;
    int entity_size = 100;
    int entity_heads = 4;
    int entity_count = 0;

    int headDim() const { return hidden_size / num_heads; }
    bool isErnie() const { return knowledge_layers > 0; }
    // Layer i is a K-Encoder layer.
    bool isKnowledgeLayer(int i) const { return i >= num_layers - knowledge_layers; }
    bool factorized() const { return embedding_size != hidden_size; }
    // ALBERT always maps E->H (HF's embedding_hidden_mapping_in exists even when E == H).
    bool hasEmbeddingProjection() const { return family == Family::Albert || factorized(); }
    bool hasPairHead() const { return family == Family::Bert || family == Family::Albert; }  // NSP / SOP
    // BERT/ALBERT's MLM head, also ELECTRA's generator head (same layout).
    bool hasMlmHead() const { return hasPairHead() || family == Family::DistilBert || (family == Family::Electra && electra_generator); }
    // ELECTRA's discriminator head: dense-gelu-dense(1) per token.
    bool hasDiscriminatorHead() const { return family == Family::Electra && !electra_generator; }
    // The generator that trains with this discriminator (google-research/electra,
    // get_generator_config): hidden = round(ratio x H), same depth, intermediate 4 x hidden,
    // heads = hidden / 64 (at least 1); embeddings shared, so the same embedding_size.
    ModelConfig generatorConfig() const;

    // Empty when valid, else "field: rule (got value)" for the first broken rule.
    std::string validate() const;
    // Throws ptl::Error with validate()'s message.
    void check() const;

    // Hugging Face config.json (with the "pretrainlab" extension object).
    nlohmann::json toJson() const;
    // Reads BERT, GPT-2 and ALBERT config.json files; the "pretrainlab" object wins where set.
    static ModelConfig fromJson(const nlohmann::json& j);

    // Sets one field by its JSON key name (as in toJson's "pretrainlab" view, e.g.
    // "hidden_size", "sharing", "layer_norm"). Throws ptl::Error naming the key.
    void set(const std::string& key, const std::string& value);
};

std::string toString(Family f);
std::string toString(Sharing s);
std::string toString(LayerNormPlacement p);
std::string toString(Activation a);
Family familyFromString(const std::string& s);
Sharing sharingFromString(const std::string& s);

} // namespace ptl

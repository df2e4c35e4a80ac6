#include "core/api/Presets.h"
#include "core/util/Error.h"

namespace ptl {

static ModelConfig bert(int layers, int hidden, int heads)
{
    ModelConfig c;
    c.family = Family::Bert;
    c.vocab_size = 8192;
    c.num_layers = layers;
    c.hidden_size = hidden;
    c.embedding_size = hidden;
    c.num_heads = heads;
    c.intermediate_size = 4 * hidden;
    c.max_position_embeddings = 512;
    c.type_vocab_size = 2;
    return c;
}

// The plateau study's winner for short runs (README, "Past the unigram plateau"): no
// dropout, and the learned position embeddings started as sinusoids.
static ModelConfig fastBert(int layers, int hidden, int heads)
{
    ModelConfig c = bert(layers, hidden, heads);
    c.hidden_dropout = c.attention_dropout = c.embedding_dropout = 0.0;
    c.sinusoidal_positions = true;
    return c;
}

// ERNIE (Zhang et al. 2019) at bert-tiny's recipe: the last `knowledge` of `layers` are the
// K-Encoder, over the shipped TransE entity table (dimension 100, 4 entity heads as
// thunlp/ERNIE). The same preset with knowledge_layers=0 is the plain BERT of equal size.
static ModelConfig ernie(int layers, int hidden, int heads, int knowledge)
{
    ModelConfig c = fastBert(layers, hidden, heads);
    c.knowledge_layers = knowledge;
    c.entity_size = 100;
    c.entity_heads = 4;
    return c;
}

static ModelConfig gpt(int layers, int hidden, int heads)
{
    ModelConfig c = bert(layers, hidden, heads);
    c.family = Family::Gpt2;
    c.type_vocab_size = 0;
    c.max_position_embeddings = 512;
    c.layer_norm = LayerNormPlacement::Pre;
    c.activation = Activation::GeluNew;
    c.causal = true;
    c.scale_residual_init = true;
    c.layer_norm_eps = 1e-5;
    return c;
}

// The plateau study's winner for a short GPT run: no dropout.
static ModelConfig fastGpt(int layers, int hidden, int heads)
{
    ModelConfig c = gpt(layers, hidden, heads);
    c.hidden_dropout = c.attention_dropout = c.embedding_dropout = 0.0;
    return c;
}

static ModelConfig albert(int layers, int hidden, int heads, int embedding)
{
    ModelConfig c = bert(layers, hidden, heads);
    c.family = Family::Albert;
    c.embedding_size = embedding;
    c.sharing = Sharing::All;
    c.activation = Activation::GeluNew;
    c.hidden_dropout = 0.0;   // ALBERT v2 trains without dropout
    c.attention_dropout = 0.0;
    c.embedding_dropout = 0.0;
    return c;
}

// The shipped albert-mini-brown's model settings: bert-mini-brown's recipe (sinusoidal
// starting positions) on ALBERT's factorised, shared body.
static ModelConfig fastAlbert(int layers, int hidden, int heads, int embedding)
{
    ModelConfig c = albert(layers, hidden, heads, embedding);
    c.sinusoidal_positions = true;
    return c;
}

static ModelConfig electra(int layers, int hidden, int heads, int embedding)
{
    ModelConfig c = bert(layers, hidden, heads);
    c.family = Family::Electra;
    c.embedding_size = embedding;
    c.generator_ratio = 0.25;  // the paper's generator: 1/4 of the discriminator's hidden size
    return c;
}

static ModelConfig distilbert(int layers, int hidden, int heads)
{
    ModelConfig c = bert(layers, hidden, heads);
    c.family = Family::DistilBert;
    c.type_vocab_size = 0;
    return c;
}

const std::vector<Preset>& presets()
{
    static const std::vector<Preset> all = {
        {"bert-tiny", "BERT, 2 layers, hidden 128, 2 heads (MLM + NSP)", fastBert(2, 128, 2), TokenizerKind::WordPiece, 128},
        {"bert-mini", "BERT, 4 layers, hidden 256, 4 heads (MLM + NSP)", bert(4, 256, 4), TokenizerKind::WordPiece, 128},
        {"gpt-tiny", "GPT-2, 2 layers, hidden 128, 2 heads (causal LM)", fastGpt(2, 128, 2), TokenizerKind::ByteLevelBpe, 128},
        {"gpt-mini", "GPT-2, 4 layers, hidden 256, 4 heads (causal LM)", gpt(4, 256, 4), TokenizerKind::ByteLevelBpe, 128},
        {"albert-tiny", "ALBERT, 4 layers, hidden 256, 4 heads, E=64, all layers shared (n-gram MLM + SOP)",
         albert(4, 256, 4, 64), TokenizerKind::WordPiece, 128},
        {"albert-mini", "ALBERT, 4 layers, hidden 256, 4 heads, E=128, all layers shared (n-gram MLM + SOP)",
         fastAlbert(4, 256, 4, 128), TokenizerKind::WordPiece, 128},
        {"electra-tiny", "ELECTRA, discriminator 2 layers, hidden 128, 2 heads; generator hidden 32 (replaced-token detection)",
         electra(2, 128, 2, 128), TokenizerKind::WordPiece, 128},
        {"electra-mini", "ELECTRA, discriminator 4 layers, hidden 256, 4 heads, E=128; generator hidden 64 (replaced-token detection)",
         electra(4, 256, 4, 128), TokenizerKind::WordPiece, 128},
        {"ernie-mini", "ERNIE, 4 layers (2 T-Encoder + 2 K-Encoder), hidden 256, 4 heads; entities from the shipped TransE (MLM + NSP + dEA)",
         ernie(4, 256, 4, 2), TokenizerKind::WordPiece, 128},
        {"distilbert-mini", "DistilBERT, 2 layers, hidden 256, 4 heads (MLM; distil it from a BERT-mini teacher with 'distill')",
         distilbert(2, 256, 4), TokenizerKind::WordPiece, 128},
    };
    return all;
}

const Preset& presetByName(const std::string& name)
{
    std::string names;
    for (const Preset& p : presets()) {
        if (p.name == name)
            return p;
        names += (names.empty() ? "" : ", ") + p.name;
    }
    throw Error("unknown preset '" + name + "'", "presets: " + names);
}

std::string bundledVocabFolder(TokenizerKind kind)
{
    return kind == TokenizerKind::WordPiece ? "wordpiece-8192" : "bpe-8192";
}

std::string toString(TokenizerKind kind) { return kind == TokenizerKind::WordPiece ? "wordpiece" : "bpe"; }

} // namespace ptl

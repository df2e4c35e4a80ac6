#pragma once
// PretrainLab's one configurable transformer: BERT, GPT-2 and ALBERT are settings of it
// (ModelConfig). Reads top to bottom like nanoGPT: attention, feed-forward, the two
// sub-blocks with their LayerNorm, embeddings, the stack with cross-layer sharing, heads.
#include "core/api/ModelConfig.h"

#include <torch/torch.h>
#include <vector>

namespace ptl {

// Incremental decoding for causal models: every layer's keys and values of the tokens
// already seen, so the next forward() runs only the new tokens (generating token t costs
// O(t), not O(t^2)). Empty at first; forward() appends to it.
struct KvCache {
    std::vector<torch::Tensor> keys, values;  // per layer (B, nh, T_past, hs)
    int64_t length() const { return keys.empty() || !keys[0].defined() ? 0 : keys[0].size(2); }
    // Beam search: row b of the batch continues row index[b] (int64 (B')).
    void reorder(const torch::Tensor& index);
    void clear() { keys.clear(); values.clear(); }
};

// What forward() returns beyond the outputs. Each costs nothing when not asked for.
struct ForwardOptions {
    bool hidden_states = false;  // embeddings output + every layer's output
    bool attentions = false;     // softmax probabilities, per layer (B, nh, T, T)
    bool scores = false;         // pre-softmax scores q.k/sqrt(d), before masking, per layer
    bool heads = true;           // run the MLM/LM and NSP/SOP heads
    KvCache* cache = nullptr;    // causal models: ids are the tokens after cache->length() seen ones
    // ERNIE: the entity aligned with each token, a row of the model's entity table, or -1
    // (B, T) int64; undefined or all -1: the K-Encoder runs the token stream alone.
    torch::Tensor entityIds;
};

struct ModelOutput {
    torch::Tensor last_hidden;   // (B, T, H)
    torch::Tensor token_logits;  // (B, T, V): MLM (BERT/ALBERT) or next-token (GPT-2)
    torch::Tensor pair_logits;   // (B, 2): NSP (BERT) or SOP (ALBERT); undefined for GPT-2
    torch::Tensor replaced_logits;  // (B, T): ELECTRA discriminator, logit of "replaced"
    std::vector<torch::Tensor> hidden_states;
    std::vector<torch::Tensor> attentions;
    std::vector<torch::Tensor> scores;
    // ERNIE, with entities and attentions: the entity self-attention of each K-Encoder
    // layer (B, entity heads, T, T); rows and columns of unaligned tokens are zero.
    std::vector<torch::Tensor> entity_attentions;
    torch::Tensor last_entity;   // (B, T, entity_size), zero at unaligned tokens
};

class SelfAttentionImpl : public torch::nn::Module {
public:
    explicit SelfAttentionImpl(const ModelConfig& c);
    // x (B, T, H); additiveMask broadcastable to (B, nh, T, T) or undefined.
    // With pastK/pastV (B, nh, T_past, hs; undefined when empty) the keys and values of
    // the tokens before x: they are read and extended in place (causal models).
    // residualDropout false: the output before its dropout, for a caller that applies it
    // fused with the residual add (core/kernels/AddNorm.h).
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& additiveMask, torch::Tensor* probsOut,
                          torch::Tensor* scoresOut, torch::Tensor* pastK = nullptr, torch::Tensor* pastV = nullptr,
                          bool residualDropout = true);

    torch::nn::Linear qkv{nullptr};  // fused query, key, value: weight (3H, H)
    torch::nn::Linear out{nullptr};  // (H, H)

private:
    int heads_, headDim_;
    double attnDropout_, residDropout_;
    bool causal_;
};
TORCH_MODULE(SelfAttention);

class FeedForwardImpl : public torch::nn::Module {
public:
    explicit FeedForwardImpl(const ModelConfig& c);
    torch::Tensor forward(const torch::Tensor& x, bool residualDropout = true);

    torch::nn::Linear up{nullptr};    // (I, H)
    torch::nn::Linear down{nullptr};  // (H, I)

private:
    bool tanhGelu_;
    double dropout_;
};
TORCH_MODULE(FeedForward);

// A sub-layer with its LayerNorm: the unit of ALBERT's cross-layer sharing.
class AttentionBlockImpl : public torch::nn::Module {
public:
    explicit AttentionBlockImpl(const ModelConfig& c);
    SelfAttention attn{nullptr};
    torch::nn::LayerNorm norm{nullptr};
};
TORCH_MODULE(AttentionBlock);

class FfnBlockImpl : public torch::nn::Module {
public:
    explicit FfnBlockImpl(const ModelConfig& c);
    FeedForward ffn{nullptr};
    torch::nn::LayerNorm norm{nullptr};
};
TORCH_MODULE(FfnBlock);

class EmbeddingsImpl : public torch::nn::Module {
public:
    explicit EmbeddingsImpl(const ModelConfig& c);
    // (B, T) -> (B, T, H); the first token at position `offset`.
    torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& typeIds, int64_t offset = 0);

    torch::nn::Embedding word{nullptr};      // (V, E)
    torch::nn::Embedding position{nullptr};  // (P, E)
    torch::nn::Embedding type{nullptr};      // (T, E), absent when type_vocab_size == 0
    torch::nn::LayerNorm norm{nullptr};      // over E, absent for GPT-2
    torch::nn::Linear projection{nullptr};   // E -> H, ALBERT's factorization

private:
    double dropout_;
};
TORCH_MODULE(Embeddings);

// What a K-Encoder layer (ERNIE) adds to a plain layer: the entity stream's self-attention
// and its LayerNorm, W_e into the fused intermediate layer, and the back-projection to the
// entity stream with its LayerNorm. The token side is the layer's own attention and FFN
// (W_t = ffn.up, its back-projection ffn.down).
class KnowledgeFusionImpl : public torch::nn::Module {
public:
    explicit KnowledgeFusionImpl(const ModelConfig& c);
    SelfAttention attn{nullptr};          // over entity_size, entity_heads
    torch::nn::LayerNorm attnNorm{nullptr};
    torch::nn::Linear up{nullptr};        // W_e: (I, entity_size), no bias (the fused layer's b is the tokens')
    torch::nn::Linear down{nullptr};      // (entity_size, I)
    torch::nn::LayerNorm norm{nullptr};
};
TORCH_MODULE(KnowledgeFusion);

class TransformerModelImpl : public torch::nn::Module {
public:
    explicit TransformerModelImpl(const ModelConfig& c);

    // ids (B, T) int64; typeIds (B, T) or undefined (all zeros); attentionMask (B, T)
    // with 1 for real tokens and 0 for padding, or undefined (all real).
    ModelOutput forward(const torch::Tensor& ids, const torch::Tensor& typeIds = {},
                        const torch::Tensor& attentionMask = {}, const ForwardOptions& opt = {});

    // The heads on hidden states (..., H), so training can run the MLM head on the
    // masked positions only.
    torch::Tensor tokenLogits(const torch::Tensor& hidden);  // (..., V): MLM or next-token
    torch::Tensor pairLogits(const torch::Tensor& hidden);   // hidden (B, T, H) -> (B, 2) over [CLS]
    torch::Tensor replacedLogits(const torch::Tensor& hidden);  // (..., H) -> (...): ELECTRA discriminator
    // ERNIE's dEA: scores of hidden states (N, H) against candidate entities (C) -> (N, C).
    torch::Tensor entityLogits(const torch::Tensor& hidden, const torch::Tensor& candidates);

    const ModelConfig& config() const { return config_; }
    // The attention / FFN block used by layer i (the same object for shared layers).
    AttentionBlock attentionBlock(int layer) const;
    FfnBlock ffnBlock(int layer) const;
    bool attentionShared() const;
    bool ffnShared() const;

    // Re-initialises every parameter as the family's reference does: N(0, range) for
    // weights, zero biases, unit LayerNorms, a zero padding row (BERT/ALBERT), and
    // GPT-2's residual projections at range / sqrt(2 * layers).
    void initWeights();

    Embeddings embeddings{nullptr};
    std::vector<AttentionBlock> attentionBlocks;  // 1 when shared, else one per layer
    std::vector<FfnBlock> ffnBlocks;
    torch::nn::LayerNorm finalNorm{nullptr};      // pre-LN only
    torch::nn::Linear pooler{nullptr};            // tanh pooler over [CLS]
    torch::nn::Linear pairClassifier{nullptr};    // NSP / SOP: (2, H)
    torch::nn::Linear mlmTransform{nullptr};      // H -> E
    torch::nn::LayerNorm mlmNorm{nullptr};        // over E
    torch::Tensor mlmBias;                        // (V)
    torch::nn::Linear discDense{nullptr};         // ELECTRA discriminator: H -> H, gelu
    torch::nn::Linear discOut{nullptr};           // H -> 1
    // ERNIE: one fusion per K-Encoder layer (knowledgeFusion(i)), the frozen entity table
    // (entity_count, entity_size; a buffer), the dEA head (dense H -> entity_size, GELU, LayerNorm).
    std::vector<KnowledgeFusion> fusions;
    torch::Tensor entityTable;
    torch::nn::Linear entityTransform{nullptr};
    torch::nn::LayerNorm entityNorm{nullptr};
    KnowledgeFusion knowledgeFusion(int layer) const;  // null for a plain layer

private:
    ModelConfig config_;
};
TORCH_MODULE(TransformerModel);

// Additive attention mask (B, 1, 1, T) from a (B, T) 0/1 mask, in dtype.
torch::Tensor additivePaddingMask(const torch::Tensor& attentionMask, torch::ScalarType dtype);
// Vaswani et al.'s sinusoidal position table (positions, dim), entries scaled to RMS `rms`.
torch::Tensor sinusoidalPositions(int positions, int dim, double rms);

} // namespace ptl

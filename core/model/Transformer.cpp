#include "core/model/Transformer.h"
#include "core/model/Dropout.h"
#include "core/kernels/Attention.h"
#include "core/kernels/AddNorm.h"
#include "core/kernels/Gemm.h"
#include "core/kernels/Switches.h"

#include <ATen/autocast_mode.h>
#include "core/util/Error.h"

#include <cmath>

namespace F = torch::nn::functional;

namespace ptl {

namespace {
torch::nn::LayerNorm layerNorm(int64_t dim, double eps)
{
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(eps));
}

// LayerNorm in the weights' precision (fp32): under bf16 autocast LibTorch 1.13 does not
// cast layer_norm's inputs on CPU, and normalising in fp32 is what mixed precision wants.
torch::Tensor norm(torch::nn::LayerNorm& ln, const torch::Tensor& x)
{
    return ln->forward(x.scalar_type() == ln->weight.scalar_type() ? x : x.to(ln->weight.scalar_type()));
}
// fp32 outside autocast, where oneDNN has AVX-512 kernels: linear layers go to Gemm.h's
// linear (oneDNN's sgemm runs about twice OpenBLAS's speed there; switch: -sgemm).
bool onednnLinear(const torch::Tensor& x, const torch::Tensor& w)
{
    return x.scalar_type() == torch::kFloat32 && w.scalar_type() == torch::kFloat32 && !at::autocast::is_cpu_enabled() && kernels::onednnSgemm();
}
// x W^T + b as one addmm over the flattened rows: LibTorch 1.13's linear() runs a 3-D input
// as a matmul and then a separate bias add, one more pass over the output each way
// (switch: PTL_KERNELS=-dense, core/kernels/Switches.h).
torch::Tensor dense(torch::nn::Linear& l, const torch::Tensor& x)
{
    if (!l->bias.defined() || x.dim() < 3 || !kernels::kernelEnabled("dense")) return l->forward(x);
    auto sizes = x.sizes().vec();
    const auto in = sizes.back();
    sizes.back() = l->weight.size(0);
    const auto rows = x.reshape({-1, in});
    if (onednnLinear(x, l->weight)) return kernels::linear(rows, l->weight, l->bias).view(sizes);
    return torch::addmm(l->bias, rows, l->weight.t()).view(sizes);
}
// x = LayerNorm(x + dropout(y)) as one fused pass where the kernel applies, returning the
// fp32 result and its copy in the compute dtype (the same tensor outside autocast).
std::pair<torch::Tensor, torch::Tensor> addNorm(torch::nn::LayerNorm& ln, const torch::Tensor& x, const torch::Tensor& y, double p, bool training)
{
    if (!kernels::addNormApplies(x, y, ln->weight, ln->bias)) {
        auto n = norm(ln, x + ptl::dropout(y, p, training));
        return {n, n};
    }
    kernels::AddNormOptions o;
    o.eps = ln->options.eps();
    o.dropout = p;
    o.training = training;
    o.lowType = at::autocast::is_cpu_enabled() ? at::autocast::get_autocast_cpu_dtype() : torch::kFloat32;
    auto outs = kernels::fusedAddNorm(x, y, ln->weight, ln->bias, o);
    return {outs[0], outs.size() > 1 ? outs[1] : outs[0]};
}
// x W^T (+ b) for the tied output layers, x of any rank (..., E): matmul, or Gemm.h's linear
// where onednnLinear says so, or under bf16 autocast with a bias its linearBf16 (switch dense).
torch::Tensor project(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b)
{
    if (b.defined() && at::autocast::is_cpu_enabled() && at::autocast::get_autocast_cpu_dtype() == at::kBFloat16 &&
        w.scalar_type() == torch::kFloat32 && b.scalar_type() == torch::kFloat32 && kernels::kernelEnabled("dense")) {
        // fp32 logits straight from the bf16 GEMM over the bias (Gemm.h: linearBf16).
        auto sizes = x.sizes().vec();
        sizes.back() = w.size(0);
        return kernels::linearBf16(x.reshape({-1, x.size(-1)}), w, b).view(sizes);
    }
    if (!onednnLinear(x, w)) return b.defined() ? torch::matmul(x, w.t()) + b : torch::matmul(x, w.t());
    auto sizes = x.sizes().vec();
    sizes.back() = w.size(0);
    return kernels::linear(x.reshape({-1, x.size(-1)}), w, b).view(sizes);
}
} // namespace

// ---------------------------------------------------------------- attention
SelfAttentionImpl::SelfAttentionImpl(const ModelConfig& c)
    : qkv(register_module("qkv", torch::nn::Linear(c.hidden_size, 3 * c.hidden_size))),
      out(register_module("out", torch::nn::Linear(c.hidden_size, c.hidden_size))),
      heads_(c.num_heads), headDim_(c.headDim()), attnDropout_(c.attention_dropout),
      residDropout_(c.hidden_dropout), causal_(c.causal)
{
}

torch::Tensor SelfAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& additiveMask,
                                         torch::Tensor* probsOut, torch::Tensor* scoresOut, torch::Tensor* pastK, torch::Tensor* pastV,
                                         bool residualDropout)
{
    const double residDropout = residualDropout ? residDropout_ : 0.0;
    const auto B = x.size(0), T = x.size(1), H = x.size(2);
    auto qkvOut = dense(qkv, x);                                        // (B, T, 3H)
    if (!probsOut && !scoresOut && !pastK && kernels::fusedKernelsEnabled()) {
        // Training and plain forwards: one fused pass per (sequence, head), Q, K and V read
        // where the projection wrote them (core/kernels/Attention.h).
        kernels::AttentionOptions o;
        o.heads = heads_;
        o.dropout = attnDropout_;
        o.training = is_training();
        o.causal = causal_;
        return ptl::dropout(dense(out, kernels::fusedAttention(qkvOut, additiveMask, o)), residDropout, is_training());
    }
    auto parts = qkvOut.view({B, T, 3, heads_, headDim_}).permute({2, 0, 3, 1, 4});  // (3, B, nh, T, hs)
    auto q = parts[0], k = parts[1], v = parts[2];                        // (B, nh, T, hs)
    int64_t past = 0;
    if (pastK) {
        if (pastK->defined()) {
            past = pastK->size(2);
            k = torch::cat({*pastK, k}, 2);                               // (B, nh, T_past + T, hs)
            v = torch::cat({*pastV, v}, 2);
        }
        *pastK = k;
        *pastV = v;
    }
    // Scale q (B, nh, T, hs) rather than the scores (B, nh, T, T): half the elements.
    auto scores = torch::matmul(q * (1.0 / std::sqrt(double(headDim_))), k.transpose(-2, -1));  // (B, nh, T, T)
    if (scoresOut)
        *scoresOut = scores;
    auto masked = scores;
    if (causal_) {
        // Query i (at position past + i) sees keys 0 .. past + i.
        auto future = torch::ones({T, past + T}, torch::TensorOptions().dtype(torch::kBool).device(x.device())).triu(1 + past);
        masked = masked.masked_fill(future, -std::numeric_limits<float>::infinity());
    }
    if (additiveMask.defined())
        masked = masked + additiveMask;
    auto probs = torch::softmax(masked, -1);                              // (B, nh, T, T)
    if (probsOut)
        *probsOut = probs;
    auto y = torch::matmul(ptl::dropout(probs, attnDropout_, is_training()), v);  // (B, nh, T, hs)
    y = y.transpose(1, 2).reshape({B, T, H});                             // (B, T, H)
    return ptl::dropout(dense(out, y), residDropout, is_training());
}

// ---------------------------------------------------------------- feed-forward
FeedForwardImpl::FeedForwardImpl(const ModelConfig& c)
    : up(register_module("up", torch::nn::Linear(c.hidden_size, c.intermediate_size))),
      down(register_module("down", torch::nn::Linear(c.intermediate_size, c.hidden_size))),
      tanhGelu_(c.activation == Activation::GeluNew), dropout_(c.hidden_dropout)
{
}

torch::Tensor FeedForwardImpl::forward(const torch::Tensor& x, bool residualDropout)
{
    auto h = dense(up, x);                                         // (B, T, I)
    h = tanhGelu_ ? torch::gelu(h, "tanh") : torch::gelu(h);
    return ptl::dropout(dense(down, h), residualDropout ? dropout_ : 0.0, is_training());  // (B, T, H)
}

AttentionBlockImpl::AttentionBlockImpl(const ModelConfig& c)
    : attn(register_module("attn", SelfAttention(c))),
      norm(register_module("norm", layerNorm(c.hidden_size, c.layer_norm_eps)))
{
}

FfnBlockImpl::FfnBlockImpl(const ModelConfig& c)
    : ffn(register_module("ffn", FeedForward(c))),
      norm(register_module("norm", layerNorm(c.hidden_size, c.layer_norm_eps)))
{
}

namespace {
ModelConfig entityStreamConfig(const ModelConfig& c)
{
    ModelConfig e = c;
    e.hidden_size = c.entity_size;
    e.num_heads = c.entity_heads;
    e.causal = false;
    return e;
}
} // namespace

KnowledgeFusionImpl::KnowledgeFusionImpl(const ModelConfig& c)
    : attn(register_module("attn", SelfAttention(entityStreamConfig(c)))),
      attnNorm(register_module("attn_norm", layerNorm(c.entity_size, c.layer_norm_eps))),
      up(register_module("up", torch::nn::Linear(torch::nn::LinearOptions(c.entity_size, c.intermediate_size).bias(false)))),
      down(register_module("down", torch::nn::Linear(c.intermediate_size, c.entity_size))),
      norm(register_module("norm", layerNorm(c.entity_size, c.layer_norm_eps)))
{
}

// ---------------------------------------------------------------- embeddings
EmbeddingsImpl::EmbeddingsImpl(const ModelConfig& c)
    : word(register_module("word", torch::nn::Embedding(c.vocab_size, c.embedding_size))),
      position(register_module("position", torch::nn::Embedding(c.max_position_embeddings, c.embedding_size))),
      dropout_(c.embedding_dropout)
{
    if (c.type_vocab_size > 0)
        type = register_module("type", torch::nn::Embedding(c.type_vocab_size, c.embedding_size));
    if (c.family != Family::Gpt2)
        norm = register_module("norm", layerNorm(c.embedding_size, c.layer_norm_eps));
    if (c.hasEmbeddingProjection())
        projection = register_module("projection", torch::nn::Linear(c.embedding_size, c.hidden_size));
}

torch::Tensor EmbeddingsImpl::forward(const torch::Tensor& ids, const torch::Tensor& typeIds, int64_t offset)
{
    const auto T = ids.size(1);
    auto pos = torch::arange(offset, offset + T, torch::TensorOptions().dtype(torch::kLong).device(ids.device()));
    auto e = word->forward(ids) + position->forward(pos).unsqueeze(0);  // (B, T, E)
    if (type)
        e = e + type->forward(typeIds.defined() ? typeIds : torch::zeros_like(ids));
    if (norm)
        e = ptl::norm(norm, e);
    e = ptl::dropout(e, dropout_, is_training());
    if (projection)
        e = dense(projection, e);                                      // (B, T, H)
    return e;
}

// ---------------------------------------------------------------- the model
TransformerModelImpl::TransformerModelImpl(const ModelConfig& c) : config_(c)
{
    c.check();
    embeddings = register_module("embeddings", Embeddings(c));
    const int nAttn = attentionShared() ? 1 : c.num_layers;
    const int nFfn = ffnShared() ? 1 : c.num_layers;
    for (int i = 0; i < nAttn; ++i)
        attentionBlocks.push_back(register_module("attention_" + std::to_string(i), AttentionBlock(c)));
    for (int i = 0; i < nFfn; ++i)
        ffnBlocks.push_back(register_module("ffn_" + std::to_string(i), FfnBlock(c)));
    if (c.layer_norm == LayerNormPlacement::Pre)
        finalNorm = register_module("final_norm", layerNorm(c.hidden_size, c.layer_norm_eps));
    if (c.hasPairHead()) {
        pooler = register_module("pooler", torch::nn::Linear(c.hidden_size, c.hidden_size));
        pairClassifier = register_module("pair_classifier", torch::nn::Linear(c.hidden_size, 2));
    }
    if (c.hasMlmHead()) {
        mlmTransform = register_module("mlm_transform", torch::nn::Linear(c.hidden_size, c.embedding_size));
        mlmNorm = register_module("mlm_norm", layerNorm(c.embedding_size, c.layer_norm_eps));
        mlmBias = register_parameter("mlm_bias", torch::zeros({c.vocab_size}));
    }
    if (c.hasDiscriminatorHead()) {
        discDense = register_module("disc_dense", torch::nn::Linear(c.hidden_size, c.hidden_size));
        discOut = register_module("disc_out", torch::nn::Linear(c.hidden_size, 1));
    }
    if (c.isErnie()) {
        for (int i = 0; i < c.knowledge_layers; ++i)
            fusions.push_back(register_module("fusion_" + std::to_string(i), KnowledgeFusion(c)));
        entityTable = register_buffer("entity_table", torch::zeros({c.entity_count, c.entity_size}));
        entityTransform = register_module("entity_transform", torch::nn::Linear(c.hidden_size, c.entity_size));
        entityNorm = register_module("entity_norm", layerNorm(c.entity_size, c.layer_norm_eps));
    }
    initWeights();
}

bool TransformerModelImpl::attentionShared() const
{
    return config_.sharing == Sharing::Attention || config_.sharing == Sharing::All;
}

bool TransformerModelImpl::ffnShared() const
{
    return config_.sharing == Sharing::Ffn || config_.sharing == Sharing::All;
}

AttentionBlock TransformerModelImpl::attentionBlock(int layer) const
{
    return attentionBlocks[attentionShared() ? 0 : static_cast<std::size_t>(layer)];
}

KnowledgeFusion TransformerModelImpl::knowledgeFusion(int layer) const
{
    if (!config_.isErnie() || !config_.isKnowledgeLayer(layer)) return nullptr;
    return fusions[static_cast<std::size_t>(layer - (config_.num_layers - config_.knowledge_layers))];
}

FfnBlock TransformerModelImpl::ffnBlock(int layer) const
{
    return ffnBlocks[ffnShared() ? 0 : static_cast<std::size_t>(layer)];
}

torch::Tensor sinusoidalPositions(int positions, int dim, double rms)
{
    // PE(p, 2i) = sin(p / 10000^(2i/d)), PE(p, 2i+1) = cos(...) (Vaswani et al. 2017, 3.5);
    // each entry has RMS 1/sqrt(2), scaled here to `rms`.
    auto pos = torch::arange(positions, torch::kFloat64).unsqueeze(1);                       // (P, 1)
    auto i = torch::arange(0, dim, 2, torch::kFloat64);                                       // (ceil(d/2))
    auto angle = pos / torch::pow(10000.0, i / static_cast<double>(dim)).unsqueeze(0);       // (P, ceil(d/2))
    auto pe = torch::zeros({positions, dim}, torch::kFloat64);
    pe.index_put_({torch::indexing::Slice(), torch::indexing::Slice(0, torch::indexing::None, 2)}, angle.sin());
    const auto odd = dim / 2;
    pe.index_put_({torch::indexing::Slice(), torch::indexing::Slice(1, torch::indexing::None, 2)}, angle.narrow(1, 0, odd).cos());
    return (pe * (rms * std::sqrt(2.0))).to(torch::kFloat32);
}

void TransformerModelImpl::initWeights()
{
    torch::NoGradGuard noGrad;
    const double std = config_.initializer_range;
    for (auto& m : modules(/*include_self=*/false)) {
        if (auto* lin = m->as<torch::nn::LinearImpl>()) {
            lin->weight.normal_(0.0, std);
            if (lin->bias.defined()) lin->bias.zero_();
        } else if (auto* emb = m->as<torch::nn::EmbeddingImpl>()) {
            emb->weight.normal_(0.0, std);
        } else if (auto* ln = m->as<torch::nn::LayerNormImpl>()) {
            ln->weight.fill_(1.0);
            ln->bias.zero_();
        }
    }
    if (config_.sinusoidal_positions) embeddings->position->weight.copy_(sinusoidalPositions(config_.max_position_embeddings, config_.embedding_size, std));
    if (config_.family != Family::Gpt2)
        embeddings->word->weight[config_.pad_token_id].zero_();
    if (config_.scale_residual_init) {
        const double scaled = std / std::sqrt(2.0 * config_.num_layers);
        for (auto& b : attentionBlocks) b->attn->out->weight.normal_(0.0, scaled);
        for (auto& b : ffnBlocks) b->ffn->down->weight.normal_(0.0, scaled);
    }
    if (mlmBias.defined()) mlmBias.zero_();
}

void KvCache::reorder(const torch::Tensor& index)
{
    for (auto& k : keys) if (k.defined()) k = k.index_select(0, index);
    for (auto& v : values) if (v.defined()) v = v.index_select(0, index);
}

torch::Tensor additivePaddingMask(const torch::Tensor& attentionMask, torch::ScalarType dtype)
{
    auto m = attentionMask.to(dtype).unsqueeze(1).unsqueeze(2);  // (B, 1, 1, T)
    const double minValue = dtype == torch::kBFloat16 ? -3.38e38 : std::numeric_limits<float>::lowest();
    return (1.0 - m) * minValue;
}

torch::Tensor TransformerModelImpl::tokenLogits(const torch::Tensor& x)
{
    if (config_.family == Family::Gpt2)
        return project(x, embeddings->word->weight, torch::Tensor());          // (..., V), tied
    auto h = dense(mlmTransform, x);                                          // (..., E)
    h = config_.activation == Activation::GeluNew ? torch::gelu(h, "tanh") : torch::gelu(h);
    h = norm(mlmNorm, h);
    return project(h, embeddings->word->weight, mlmBias);                     // (..., V), tied decoder
}

torch::Tensor TransformerModelImpl::replacedLogits(const torch::Tensor& x)
{
    auto h = dense(discDense, x);                                             // (..., H)
    h = config_.activation == Activation::GeluNew ? torch::gelu(h, "tanh") : torch::gelu(h);
    return discOut->forward(h).squeeze(-1);                                     // (...)
}

torch::Tensor TransformerModelImpl::entityLogits(const torch::Tensor& x, const torch::Tensor& candidates)
{
    auto h = torch::gelu(entityTransform->forward(x));                          // (N, D)
    h = norm(entityNorm, h);
    return torch::matmul(h, entityTable.index_select(0, candidates).t().to(h.scalar_type()));  // (N, C)
}

torch::Tensor TransformerModelImpl::pairLogits(const torch::Tensor& x)
{
    auto pooled = torch::tanh(pooler->forward(x.select(1, 0)));                // (B, H) over [CLS]
    return pairClassifier->forward(pooled);                                     // (B, 2)
}

ModelOutput TransformerModelImpl::forward(const torch::Tensor& ids, const torch::Tensor& typeIds,
                                          const torch::Tensor& attentionMask, const ForwardOptions& opt)
{
    const auto& c = config_;
    if (ids.dim() != 2)
        throw Error("model input must be (batch, sequence), got " + std::to_string(ids.dim()) + " dimensions");
    KvCache* cache = opt.cache;
    if (cache && !c.causal)
        throw Error("a key/value cache needs a causal model (GPT)", "bidirectional models see every token at once: run the whole sequence");
    const int64_t past = cache ? cache->length() : 0;
    const auto T = ids.size(1);
    if (past + T > c.max_position_embeddings)
        throw Error("cannot forward a sequence of length " + std::to_string(past + T) + ": max_position_embeddings is only " +
                        std::to_string(c.max_position_embeddings),
                    "shorten the text or the sequence length");
    if (cache) {
        cache->keys.resize(static_cast<std::size_t>(c.num_layers));
        cache->values.resize(static_cast<std::size_t>(c.num_layers));
        if (past > 0 && attentionMask.defined())
            throw Error("an attention mask with a key/value cache is not supported", "decode without padding");
    }

    ModelOutput out;
    auto x = embeddings->forward(ids, typeIds, past);  // (B, T, H)
    if (opt.hidden_states) out.hidden_states.push_back(x);
    torch::Tensor mask;
    if (attentionMask.defined()) {
        // In the dtype the attention scores will have: bf16 under autocast. A fp32 mask
        // would promote every (B, nh, T, T) score tensor, and its softmax, to fp32.
        const auto scoreType = at::autocast::is_cpu_enabled() ? at::autocast::get_autocast_cpu_dtype() : x.scalar_type();
        mask = additivePaddingMask(attentionMask, scoreType);
    }
    const bool pre = c.layer_norm == LayerNormPlacement::Pre;
    // ERNIE's entity stream: the aligned entities' vectors at their tokens, zero elsewhere;
    // entities attend to aligned entities only.
    torch::Tensor ent, entKeep, entMask;
    if (c.isErnie() && opt.entityIds.defined() && (opt.entityIds >= 0).any().item<bool>()) {
        if (opt.entityIds.sizes() != ids.sizes())
            throw Error("entity ids must have the shape of the token ids");
        if (opt.entityIds.max().item<int64_t>() >= c.entity_count)
            throw Error("an entity id is beyond the model's entity table of " + std::to_string(c.entity_count) + " rows");
        auto aligned = opt.entityIds >= 0;                                             // (B, T)
        entKeep = aligned.unsqueeze(-1).to(x.scalar_type());                           // (B, T, 1)
        ent = entityTable.index_select(0, opt.entityIds.clamp_min(0).reshape({-1})).view({ids.size(0), T, c.entity_size}) * entKeep;
        // -10000 as BERT's reference: a sequence with no aligned entity stays finite.
        entMask = ((1.0 - aligned.to(torch::kFloat32)) * -10000.0).unsqueeze(1).unsqueeze(2);  // (B, 1, 1, T)
        if (mask.defined()) entMask = entMask.to(mask.scalar_type());
    }
    const bool tanhGelu = c.activation == Activation::GeluNew;
    // Post-LN blocks with the fused add + LayerNorm: fp32 weights and residual stream
    // (checked per call: the kernel falls back to the plain path for anything else).
    const bool fuseAddNorm = !pre && !ent.defined() && x.scalar_type() == torch::kFloat32 && kernels::kernelEnabled("addnorm");
    torch::Tensor xin = x;
    for (int i = 0; i < c.num_layers; ++i) {
        AttentionBlock ab = attentionBlock(i);
        FfnBlock fb = ffnBlock(i);
        torch::Tensor probs, scores;
        torch::Tensor* probsOut = opt.attentions ? &probs : nullptr;
        torch::Tensor* scoresOut = opt.scores ? &scores : nullptr;
        torch::Tensor* pk = cache ? &cache->keys[static_cast<std::size_t>(i)] : nullptr;
        torch::Tensor* pv = cache ? &cache->values[static_cast<std::size_t>(i)] : nullptr;
        KnowledgeFusion kf = knowledgeFusion(i);
        if (kf && ent.defined()) {
            // K-Encoder layer (post-LN): both self-attentions, then the information fusion
            // h = GELU(W_t w + W_e e + b), projected back into each stream.
            x = norm(ab->norm, x + ab->attn->forward(x, mask, probsOut, scoresOut));
            torch::Tensor entProbs;
            ent = norm(kf->attnNorm, ent + kf->attn->forward(ent, entMask, opt.attentions ? &entProbs : nullptr, nullptr)) * entKeep;
            auto h = dense(fb->ffn->up, x) + kf->up->forward(ent) * entKeep;                      // (B, T, I)
            h = tanhGelu ? torch::gelu(h, "tanh") : torch::gelu(h);
            x = norm(fb->norm, x + ptl::dropout(dense(fb->ffn->down, h), c.hidden_dropout, is_training()));
            ent = norm(kf->norm, ent + ptl::dropout(dense(kf->down, h), c.hidden_dropout, is_training())) * entKeep;
            if (opt.attentions) out.entity_attentions.push_back(entProbs * entKeep.unsqueeze(1) * entKeep.squeeze(-1).unsqueeze(1).unsqueeze(2));
        } else if (pre) {
            x = x + ab->attn->forward(norm(ab->norm, x), mask, probsOut, scoresOut, pk, pv);
            x = x + fb->ffn->forward(norm(fb->norm, x));
        } else if (fuseAddNorm) {
            // x is the fp32 residual stream, xin its copy in the compute dtype that the next
            // linear layers read; each sublayer's dropout, residual add and LayerNorm are one
            // pass (core/kernels/AddNorm.h).
            auto a = ab->attn->forward(xin, mask, probsOut, scoresOut, pk, pv, /*residualDropout=*/false);
            std::tie(x, xin) = addNorm(ab->norm, x, a, c.hidden_dropout, is_training());
            auto f = fb->ffn->forward(xin, /*residualDropout=*/false);
            std::tie(x, xin) = addNorm(fb->norm, x, f, c.hidden_dropout, is_training());
        } else {
            x = norm(ab->norm, x + ab->attn->forward(x, mask, probsOut, scoresOut, pk, pv));
            x = norm(fb->norm, x + fb->ffn->forward(x));
        }
        if (opt.attentions) out.attentions.push_back(probs);
        if (opt.scores) out.scores.push_back(scores);
        if (opt.hidden_states) out.hidden_states.push_back(x);
    }
    if (finalNorm)
        x = norm(finalNorm, x);
    out.last_hidden = x;
    if (ent.defined()) out.last_entity = ent;
    if (!opt.heads)
        return out;
    if (c.hasMlmHead() || c.family == Family::Gpt2)
        out.token_logits = tokenLogits(x);
    if (c.hasPairHead())
        out.pair_logits = pairLogits(x);
    if (c.hasDiscriminatorHead())
        out.replaced_logits = replacedLogits(x);
    return out;
}

} // namespace ptl

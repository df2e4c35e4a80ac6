#include "core/api/ParameterCount.h"

#include <fstream>
#include <string>

namespace ptl {

ParameterBreakdown countParameters(const ModelConfig& c)
{
    using i64 = std::int64_t;
    const i64 V = c.vocab_size, E = c.embedding_size, H = c.hidden_size, P = c.max_position_embeddings,
              T = c.type_vocab_size, I = c.intermediate_size, L = c.num_layers;
    ParameterBreakdown b;
    b.embeddings = V * E + P * E + T * E;
    // BERT/ALBERT normalise the summed embeddings; GPT-2 does not.
    if (c.family != Family::Gpt2)
        b.embeddings += 2 * E;
    if (c.hasEmbeddingProjection())
        b.embeddings += E * H + H;

    const i64 attentionLayer = 4 * H * H + 4 * H + 2 * H;  // q, k, v, output; LayerNorm
    const i64 ffnLayer = H * I + I + I * H + H + 2 * H;    // up, down; LayerNorm
    const bool sharedAttention = c.sharing == Sharing::Attention || c.sharing == Sharing::All;
    const bool sharedFfn = c.sharing == Sharing::Ffn || c.sharing == Sharing::All;
    b.attention = attentionLayer * (sharedAttention ? 1 : L);
    b.ffn = ffnLayer * (sharedFfn ? 1 : L);
    b.final_norm = c.layer_norm == LayerNormPlacement::Pre ? 2 * H : 0;

    if (c.hasPairHead()) {
        b.heads += H * H + H;            // tanh pooler over [CLS]
        b.heads += 2 * H + 2;            // NSP / SOP classifier
    }
    if (c.hasMlmHead())
        b.heads += H * E + E + 2 * E + V;  // MLM transform (H->E), LayerNorm(E), output bias; decoder tied
    if (c.hasDiscriminatorHead())
        b.heads += H * H + H + H + 1;    // ELECTRA: dense H->H, dense_prediction H->1
    // GPT-2's LM head is tied to the token embeddings and has no bias.
    if (c.isErnie()) {
        const i64 D = c.entity_size, K = c.knowledge_layers;
        const i64 entityAttention = 4 * D * D + 4 * D + 2 * D;  // q, k, v, output over entities; LayerNorm
        const i64 fusion = D * I + I * D + D + 2 * D;          // W_e (no bias: the tokens' b), back-projection, LayerNorm
        b.knowledge = K * (entityAttention + fusion) + H * D + D + 2 * D;  // + dEA head: dense H->D, LayerNorm
    }

    b.total = b.embeddings + b.attention + b.ffn + b.final_norm + b.heads + b.knowledge;
    b.unshared_total = b.embeddings + attentionLayer * L + ffnLayer * L + b.final_norm + b.heads + b.knowledge;
    return b;
}

MemoryEstimate estimateTrainingMemory(const ModelConfig& c, int microBatch, int seqLen)
{
    MemoryEstimate m;
    const double params = static_cast<double>(countParameters(c).total);
    const double generator = c.family == Family::Electra ? c.generator_ratio : 0.0;  // ELECTRA's generator, about its width share
    m.state = 16.0 * params * (1.0 + generator);
    const double B = microBatch, T = seqLen, H = c.hidden_size, L = c.num_layers, A = c.num_heads;
    // Korthikanti et al. (2022): b s h (34 + 5 a s / h) bytes a layer at 16 bits; twice that in fp32.
    m.activations = L * (1.0 + generator) * 2.0 * B * T * H * (34.0 + 5.0 * A * T / H) + 12.0 * B * T * c.vocab_size;
    return m;
}

double availableMemoryBytes()
{
    std::ifstream in("/proc/meminfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("MemAvailable:", 0) == 0) return std::stod(line.substr(13)) * 1024.0;  // "MemAvailable:  123 kB"
    return 0;
}

} // namespace ptl

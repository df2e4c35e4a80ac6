#include "core/model/StateDict.h"
#include "core/util/Error.h"

namespace ptl {

namespace {

enum class Layout { Whole, Transposed, RowSlice };

struct Entry {
    std::string name;
    torch::Tensor param;
    Layout layout = Layout::Whole;
    int64_t start = 0, length = 0;  // RowSlice
    bool load = true;               // false for the copies of a shared tensor

    torch::Tensor view() const
    {
        switch (layout) {
        case Layout::Whole: return param;
        case Layout::Transposed: return param.t();
        case Layout::RowSlice: return param.narrow(0, start, length);
        }
        return param;
    }
};

struct Builder {
    std::vector<Entry> entries;
    void add(std::string name, torch::Tensor p, Layout l = Layout::Whole, bool load = true)
    {
        entries.push_back({std::move(name), std::move(p), l, 0, 0, load});
    }
    void slice(std::string name, torch::Tensor p, int64_t start, int64_t len, bool load)
    {
        entries.push_back({std::move(name), std::move(p), Layout::RowSlice, start, len, load});
    }
    void linear(const std::string& base, torch::nn::Linear& l, bool load = true, bool conv1d = false)
    {
        add(base + ".weight", l->weight, conv1d ? Layout::Transposed : Layout::Whole, load);
        add(base + ".bias", l->bias, Layout::Whole, load);
    }
    void norm(const std::string& base, torch::nn::LayerNorm& n, bool load = true)
    {
        add(base + ".weight", n->weight, Layout::Whole, load);
        add(base + ".bias", n->bias, Layout::Whole, load);
    }
    // BERT/ALBERT: separate query, key, value = row slices of the fused projection.
    void qkv(const std::string& q, const std::string& k, const std::string& v, torch::nn::Linear& l, int64_t H, bool load)
    {
        const std::string* names[] = {&q, &k, &v};
        for (int i = 0; i < 3; ++i) {
            slice(*names[i] + ".weight", l->weight, i * H, H, load);
            slice(*names[i] + ".bias", l->bias, i * H, H, load);
        }
    }
};

std::string prefixOf(Family f)
{
    switch (f) {
    case Family::Bert: return "bert.";
    case Family::Gpt2: return "transformer.";
    case Family::Albert: return "albert.";
    case Family::Electra: return "electra.";
    case Family::DistilBert: return "distilbert.";
    }
    return "";
}

std::vector<Entry> entriesFor(TransformerModel& m)
{
    const ModelConfig& c = m->config();
    const int64_t H = c.hidden_size;
    Builder b;
    auto& emb = m->embeddings;
    const bool attnShared = m->attentionShared(), ffnShared = m->ffnShared();
    // One transformer layer's tensor names, relative to its prefix.
    struct LayerNames {
        const char *q, *k, *v, *out, *attnNorm, *up, *down, *ffnNorm;
    };
    // The layers under prefix + "<i>.", shared blocks written once per layer and read from the first.
    auto layers = [&](const std::string& prefix, const LayerNames& n) {
        for (int i = 0; i < c.num_layers; ++i) {
            const std::string p = prefix + std::to_string(i) + ".";
            auto ab = m->attentionBlock(i);
            auto fb = m->ffnBlock(i);
            const bool la = !attnShared || i == 0, lf = !ffnShared || i == 0;
            b.qkv(p + n.q, p + n.k, p + n.v, ab->attn->qkv, H, la);
            b.linear(p + n.out, ab->attn->out, la);
            b.norm(p + n.attnNorm, ab->norm, la);
            b.linear(p + n.up, fb->ffn->up, lf);
            b.linear(p + n.down, fb->ffn->down, lf);
            b.norm(p + n.ffnNorm, fb->norm, lf);
        }
    };
    // BERT's encoder layout, also ELECTRA's.
    auto bertEncoder = [&](const std::string& prefix) {
        layers(prefix + "encoder.layer.", {"attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
                                           "attention.output.LayerNorm", "intermediate.dense", "output.dense", "output.LayerNorm"});
    };
    switch (c.family) {
    case Family::Bert: {
        b.add("bert.embeddings.word_embeddings.weight", emb->word->weight);
        b.add("bert.embeddings.position_embeddings.weight", emb->position->weight);
        b.add("bert.embeddings.token_type_embeddings.weight", emb->type->weight);
        b.norm("bert.embeddings.LayerNorm", emb->norm);
        if (emb->projection)  // PretrainLab extension: BERT with factorized embeddings
            b.linear("bert.embeddings.embedding_hidden_mapping_in", emb->projection);
        bertEncoder("bert.");
        if (m->finalNorm)  // PretrainLab extension: pre-LN BERT
            b.norm("bert.encoder.LayerNorm", m->finalNorm);
        b.linear("bert.pooler.dense", m->pooler);
        b.linear("cls.predictions.transform.dense", m->mlmTransform);
        b.norm("cls.predictions.transform.LayerNorm", m->mlmNorm);
        b.add("cls.predictions.bias", m->mlmBias);
        b.linear("cls.seq_relationship", m->pairClassifier);
        if (c.isErnie()) {
            // thunlp/ERNIE's names for the K-Encoder's entity side and the dEA head; the
            // entity table travels with the weights.
            const int64_t D = c.entity_size;
            for (int i = 0; i < c.num_layers; ++i) {
                auto kf = m->knowledgeFusion(i);
                if (!kf) continue;
                const std::string p = "bert.encoder.layer." + std::to_string(i) + ".";
                b.qkv(p + "attention_ent.self.query", p + "attention_ent.self.key", p + "attention_ent.self.value", kf->attn->qkv, D, true);
                b.linear(p + "attention_ent.output.dense", kf->attn->out);
                b.norm(p + "attention_ent.output.LayerNorm", kf->attnNorm);
                b.add(p + "intermediate.dense_ent.weight", kf->up->weight);
                b.linear(p + "output_ent.dense", kf->down);
                b.norm(p + "output_ent.LayerNorm", kf->norm);
            }
            b.add("bert.entity_embeddings.weight", m->entityTable);
            b.linear("cls.predictions_ent.transform.dense", m->entityTransform);
            b.norm("cls.predictions_ent.transform.LayerNorm", m->entityNorm);
        }
        break;
    }
    case Family::Gpt2: {
        b.add("transformer.wte.weight", emb->word->weight);
        b.add("transformer.wpe.weight", emb->position->weight);
        for (int i = 0; i < c.num_layers; ++i) {
            const std::string p = "transformer.h." + std::to_string(i) + ".";
            auto ab = m->attentionBlock(i);
            auto fb = m->ffnBlock(i);
            const bool la = !attnShared || i == 0, lf = !ffnShared || i == 0;
            b.norm(p + "ln_1", ab->norm, la);
            b.linear(p + "attn.c_attn", ab->attn->qkv, la, /*conv1d=*/true);
            b.linear(p + "attn.c_proj", ab->attn->out, la, /*conv1d=*/true);
            b.norm(p + "ln_2", fb->norm, lf);
            b.linear(p + "mlp.c_fc", fb->ffn->up, lf, /*conv1d=*/true);
            b.linear(p + "mlp.c_proj", fb->ffn->down, lf, /*conv1d=*/true);
        }
        if (m->finalNorm)
            b.norm("transformer.ln_f", m->finalNorm);
        break;
    }
    case Family::Albert: {
        b.add("albert.embeddings.word_embeddings.weight", emb->word->weight);
        b.add("albert.embeddings.position_embeddings.weight", emb->position->weight);
        b.add("albert.embeddings.token_type_embeddings.weight", emb->type->weight);
        b.norm("albert.embeddings.LayerNorm", emb->norm);
        b.linear("albert.encoder.embedding_hidden_mapping_in", emb->projection);
        // HF: one group when everything is shared, else one group per layer.
        const int groups = c.sharing == Sharing::All ? 1 : c.num_layers;
        for (int g = 0; g < groups; ++g) {
            const std::string p = "albert.encoder.albert_layer_groups." + std::to_string(g) + ".albert_layers.0.";
            auto ab = m->attentionBlock(g);
            auto fb = m->ffnBlock(g);
            const bool la = !attnShared || g == 0, lf = !ffnShared || g == 0;
            b.qkv(p + "attention.query", p + "attention.key", p + "attention.value", ab->attn->qkv, H, la);
            b.linear(p + "attention.dense", ab->attn->out, la);
            b.norm(p + "attention.LayerNorm", ab->norm, la);
            b.linear(p + "ffn", fb->ffn->up, lf);
            b.linear(p + "ffn_output", fb->ffn->down, lf);
            b.norm(p + "full_layer_layer_norm", fb->norm, lf);
        }
        if (m->finalNorm)  // PretrainLab extension: pre-LN ALBERT
            b.norm("albert.encoder.LayerNorm", m->finalNorm);
        b.linear("albert.pooler", m->pooler);
        b.norm("predictions.LayerNorm", m->mlmNorm);
        b.linear("predictions.dense", m->mlmTransform);
        b.add("predictions.bias", m->mlmBias);
        b.linear("sop_classifier.classifier", m->pairClassifier);
        break;
    }
    case Family::DistilBert: {
        // DistilBertForMaskedLM: no token types, no pooler; the projector's weight is tied.
        b.add("distilbert.embeddings.word_embeddings.weight", emb->word->weight);
        b.add("distilbert.embeddings.position_embeddings.weight", emb->position->weight);
        b.norm("distilbert.embeddings.LayerNorm", emb->norm);
        layers("distilbert.transformer.layer.", {"attention.q_lin", "attention.k_lin", "attention.v_lin", "attention.out_lin", "sa_layer_norm",
                                                  "ffn.lin1", "ffn.lin2", "output_layer_norm"});
        if (m->finalNorm)  // PretrainLab extension: pre-LN DistilBERT
            b.norm("distilbert.transformer.LayerNorm", m->finalNorm);
        b.linear("vocab_transform", m->mlmTransform);
        b.norm("vocab_layer_norm", m->mlmNorm);
        b.add("vocab_projector.bias", m->mlmBias);
        break;
    }
    case Family::Electra: {
        // ElectraForPreTraining (discriminator) or ElectraForMaskedLM (generator).
        b.add("electra.embeddings.word_embeddings.weight", emb->word->weight);
        b.add("electra.embeddings.position_embeddings.weight", emb->position->weight);
        b.add("electra.embeddings.token_type_embeddings.weight", emb->type->weight);
        b.norm("electra.embeddings.LayerNorm", emb->norm);
        if (emb->projection)
            b.linear("electra.embeddings_project", emb->projection);
        bertEncoder("electra.");
        if (m->finalNorm)  // PretrainLab extension: pre-LN ELECTRA
            b.norm("electra.encoder.LayerNorm", m->finalNorm);
        if (c.hasDiscriminatorHead()) {
            b.linear("discriminator_predictions.dense", m->discDense);
            b.linear("discriminator_predictions.dense_prediction", m->discOut);
        } else {
            b.linear("generator_predictions.dense", m->mlmTransform);
            b.norm("generator_predictions.LayerNorm", m->mlmNorm);
            b.add("generator_lm_head.bias", m->mlmBias);  // its weight is tied to the word embeddings
        }
        break;
    }
    }
    return b.entries;
}

std::string shapeText(c10::IntArrayRef s)
{
    std::string t = "[";
    for (std::size_t i = 0; i < s.size(); ++i) t += (i ? ", " : "") + std::to_string(s[i]);
    return t + "]";
}

// The name as stored in the file, trying HF's historical variants.
std::string findName(const SafetensorsFile& f, const std::string& name, const std::string& prefix)
{
    std::vector<std::string> tries{name};
    if (name.rfind(prefix, 0) == 0)
        tries.push_back(name.substr(prefix.size()));  // a base model saved without its head prefix
    const std::size_t n = tries.size();
    for (std::size_t i = 0; i < n; ++i) {
        const std::string t = tries[i];  // a copy: push_back below may reallocate
        if (t.find("LayerNorm") != std::string::npos || t.find("ln_") != std::string::npos) {
            if (t.size() > 7 && t.compare(t.size() - 7, 7, ".weight") == 0) tries.push_back(t.substr(0, t.size() - 7) + ".gamma");
            if (t.size() > 5 && t.compare(t.size() - 5, 5, ".bias") == 0) tries.push_back(t.substr(0, t.size() - 5) + ".beta");
        }
    }
    for (const auto& t : tries)
        if (f.contains(t)) return t;
    return {};
}

} // namespace

NamedTensors exportStateDict(TransformerModel& model)
{
    NamedTensors out;
    for (const Entry& e : entriesFor(model))
        out.emplace_back(e.name, e.view().detach().contiguous().to(torch::kFloat32));
    return out;
}

std::vector<std::string> stateDictNames(TransformerModel& model)
{
    std::vector<std::string> names;
    for (const Entry& e : entriesFor(model)) names.push_back(e.name);
    return names;
}

void importStateDict(TransformerModel& model, const SafetensorsFile& file)
{
    torch::NoGradGuard noGrad;
    const std::string prefix = prefixOf(model->config().family);
    for (const Entry& e : entriesFor(model)) {
        if (!e.load)
            continue;
        const std::string stored = findName(file, e.name, prefix);
        if (stored.empty())
            throw Error(file.label() + ": missing tensor '" + e.name + "'",
                        "the checkpoint does not match config.json (family " + toString(model->config().family) + ")");
        torch::Tensor t = file.tensor(stored);
        torch::Tensor dst = e.view();
        if (t.sizes() != dst.sizes())
            throw Error(file.label() + ": tensor '" + stored + "' has shape " + shapeText(t.sizes()) + ", the model expects " +
                            shapeText(dst.sizes()),
                        "config.json and model.safetensors disagree; were they copied from different models?");
        if (!t.is_floating_point())
            throw Error(file.label() + ": tensor '" + stored + "' is not a floating-point tensor");
        dst.copy_(t.to(dst.scalar_type()));
    }
}

} // namespace ptl

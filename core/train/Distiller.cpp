#include "core/train/Distiller.h"
#include "core/util/Error.h"

namespace F = torch::nn::functional;

namespace ptl {

namespace {
void copyLinear(torch::nn::Linear& dst, const torch::nn::Linear& src)
{
    dst->weight.copy_(src->weight);
    dst->bias.copy_(src->bias);
}
void copyNorm(torch::nn::LayerNorm& dst, const torch::nn::LayerNorm& src)
{
    dst->weight.copy_(src->weight);
    dst->bias.copy_(src->bias);
}
std::string shape(const torch::Tensor& t)
{
    std::string s;
    for (auto d : t.sizes()) s += (s.empty() ? "" : "x") + std::to_string(d);
    return s;
}
} // namespace

void initStudentFromTeacher(TransformerModel& student, TransformerModel& teacher, const std::vector<int>& layers)
{
    torch::NoGradGuard ng;
    auto& se = student->embeddings;
    auto& te = teacher->embeddings;
    if (se->word->weight.sizes() != te->word->weight.sizes())
        throw Error("the student's embeddings (" + shape(se->word->weight) + ") differ from the teacher's (" + shape(te->word->weight) + ")",
                    "a DistilBERT student keeps the teacher's vocabulary and width");
    se->word->weight.copy_(te->word->weight);
    const auto P = std::min(se->position->weight.size(0), te->position->weight.size(0));
    se->position->weight.narrow(0, 0, P).copy_(te->position->weight.narrow(0, 0, P));
    if (!se->type && te->type)  // no token types: every token of a single segment had type 0
        se->position->weight.add_(te->type->weight[0].unsqueeze(0));
    else if (se->type && te->type)
        se->type->weight.copy_(te->type->weight);
    if (se->norm && te->norm) copyNorm(se->norm, te->norm);
    const int teacherLayers = teacher->config().num_layers;
    for (std::size_t i = 0; i < layers.size() && static_cast<int>(i) < student->config().num_layers; ++i) {
        const int t = layers[i];
        if (t < 0 || t >= teacherLayers)
            throw Error("init_layers: the teacher has layers 0 to " + std::to_string(teacherLayers - 1) + ", got " + std::to_string(t));
        auto sa = student->attentionBlock(static_cast<int>(i));
        auto ta = teacher->attentionBlock(t);
        auto sf = student->ffnBlock(static_cast<int>(i));
        auto tf = teacher->ffnBlock(t);
        copyLinear(sa->attn->qkv, ta->attn->qkv);
        copyLinear(sa->attn->out, ta->attn->out);
        copyNorm(sa->norm, ta->norm);
        copyLinear(sf->ffn->up, tf->ffn->up);
        copyLinear(sf->ffn->down, tf->ffn->down);
        copyNorm(sf->norm, tf->norm);
    }
    if (student->mlmTransform && teacher->mlmTransform) {
        copyLinear(student->mlmTransform, teacher->mlmTransform);
        copyNorm(student->mlmNorm, teacher->mlmNorm);
        student->mlmBias.copy_(teacher->mlmBias);
    }
}

torch::Tensor attentionScoreLoss(const torch::Tensor& s, const torch::Tensor& t, const torch::Tensor& keyMask)
{
    auto keep = keyMask.to(torch::kBool).unsqueeze(1).unsqueeze(2);  // (B, 1, 1, T)
    auto zero = torch::zeros({}, torch::kFloat32);
    return F::mse_loss(torch::where(keep, s.to(torch::kFloat32), zero), torch::where(keep, t.to(torch::kFloat32), zero));
}

torch::Tensor softTargetKl(const torch::Tensor& s, const torch::Tensor& t, double T)
{
    auto logP = torch::log_softmax(s.to(torch::kFloat32) / T, -1);
    auto q = torch::softmax(t.to(torch::kFloat32) / T, -1);
    return F::kl_div(logP, q, F::KLDivFuncOptions().reduction(torch::kBatchMean)) * (T * T);
}

torch::Tensor softCrossEntropy(const torch::Tensor& s, const torch::Tensor& t, double T)
{
    auto q = torch::softmax(t.to(torch::kFloat32) / T, -1);
    return (-q * torch::log_softmax(s.to(torch::kFloat32) / T, -1)).sum(-1).mean();
}

Distiller::Distiller(const JobSpec& spec, TransformerModel student) : spec_(spec), teacher_(loadCheckpoint(spec.distill.teacher)), student_(std::move(student))
{
    teacher_.model->eval();
    for (auto& p : teacher_.model->parameters()) p.set_requires_grad(false);
    const ModelConfig& s = student_->config();
    const ModelConfig& t = teacher_.config;
    if (!t.hasMlmHead() || (t.family != Family::Bert && t.family != Family::DistilBert))
        throw Error("the teacher is a " + toString(t.family) + " model; distillation here takes a BERT (or DistilBERT) teacher",
                    "open a BERT checkpoint, e.g. resources/models/bert-mini-brown");
    if (s.vocab_size != t.vocab_size) throw Error("the student's vocab_size differs from the teacher's", "keep the teacher's vocabulary");
    if (spec.distill.method == "distilbert") {
        if (s.hidden_size != t.hidden_size)
            throw Error("a DistilBERT student has the teacher's width (hidden " + std::to_string(t.hidden_size) + "), got " +
                            std::to_string(s.hidden_size),
                        "use the tinybert method for a narrower student");
    } else {
        if (s.num_heads != t.num_heads)
            throw Error("TinyBERT compares attention head by head: the student needs the teacher's " + std::to_string(t.num_heads) + " heads",
                        "set num_attention_heads to the teacher's");
        map_ = spec.distill.mapping(s.num_layers, t.num_layers);
        for (int l : map_)
            if (l < 1 || l > t.num_layers)
                throw Error("layer_map: the teacher has layers 1 to " + std::to_string(t.num_layers) + ", got " + std::to_string(l));
        aux_ = std::make_shared<torch::nn::Module>();
        const int n = spec.distill.separate_projections ? s.num_layers + 1 : 1;
        for (int i = 0; i < n; ++i) {
            auto l = torch::nn::Linear(s.hidden_size, t.hidden_size);
            torch::NoGradGuard ng;
            l->weight.normal_(0.0, s.initializer_range);
            l->bias.zero_();
            fit_.push_back(aux_->register_module("fit_dense_" + std::to_string(i), l));
        }
    }
}

void Distiller::initStudent()
{
    if (spec_.distill.method != "distilbert") return;  // TinyBERT's general distillation starts from scratch
    initStudentFromTeacher(student_, teacher_.model, spec_.distill.initLayers(student_->config().num_layers, teacher_.config.num_layers));
}

std::vector<std::pair<std::string, torch::Tensor>> Distiller::auxParameters() const
{
    std::vector<std::pair<std::string, torch::Tensor>> out;
    if (aux_)
        for (auto& p : aux_->named_parameters()) out.emplace_back("aux." + p.key(), p.value());
    return out;
}

std::pair<double, double> Distiller::teacherMlm(const Batch& b, std::int64_t* predicted)
{
    torch::NoGradGuard ng;
    ForwardOptions fo;
    fo.heads = false;
    const auto& tc = teacher_.config;
    auto h = teacher_.model->forward(b.ids, tc.type_vocab_size > 0 ? b.typeIds : torch::Tensor(), b.attentionMask, fo).last_hidden;
    auto labels = b.labels.reshape({-1});
    auto idx = (labels != -100).nonzero().squeeze(1);
    auto logits = teacher_.model->tokenLogits(h.reshape({-1, h.size(2)}).index_select(0, idx)).to(torch::kFloat32);
    auto target = labels.index_select(0, idx);
    if (predicted) *predicted = idx.size(0);
    return {F::cross_entropy(logits, target).item<double>(), (logits.argmax(-1) == target).to(torch::kFloat64).mean().item<double>()};
}

Distiller::Parts Distiller::loss(const Batch& b)
{
    Parts r;
    const DistillConfig& d = spec_.distill;
    const ModelConfig& sc = student_->config();
    const ModelConfig& tc = teacher_.config;
    const auto sTypes = sc.type_vocab_size > 0 ? b.typeIds : torch::Tensor();
    const auto tTypes = tc.type_vocab_size > 0 ? b.typeIds : torch::Tensor();
    const bool tiny = d.method == "tinybert";
    ForwardOptions fo;
    fo.heads = false;
    fo.hidden_states = tiny;
    fo.scores = tiny;
    ModelOutput t;
    {
        torch::NoGradGuard ng;
        t = teacher_.model->forward(b.ids, tTypes, b.attentionMask, fo);
    }
    ModelOutput s = student_->forward(b.ids, sTypes, b.attentionMask, fo);
    auto labels = b.labels.reshape({-1});
    auto maskedIdx = (labels != -100).nonzero().squeeze(1);
    auto target = labels.index_select(0, maskedIdx);
    const auto Hs = s.last_hidden.size(2), Ht = t.last_hidden.size(2);
    auto studentMasked = student_->tokenLogits(s.last_hidden.reshape({-1, Hs}).index_select(0, maskedIdx)).to(torch::kFloat32);
    r.predicted = maskedIdx.size(0);
    r.correct = (studentMasked.argmax(-1) == target).sum().item<int64_t>();
    const double T = d.temperature;
    if (!tiny) {
        // Soft targets over every real token (HF's distiller without restrict_ce_to_mask).
        auto realIdx = b.attentionMask.reshape({-1}).nonzero().squeeze(1);
        auto sh = s.last_hidden.reshape({-1, Hs}).index_select(0, realIdx);
        torch::Tensor th, tLogits;
        {
            torch::NoGradGuard ng;
            th = t.last_hidden.reshape({-1, Ht}).index_select(0, realIdx);
            tLogits = teacher_.model->tokenLogits(th).to(torch::kFloat32);
        }
        auto sLogits = student_->tokenLogits(sh).to(torch::kFloat32);
        auto ce = softTargetKl(sLogits, tLogits, T);
        auto mlm = F::cross_entropy(studentMasked, target);
        auto cos = 1.0 - F::cosine_similarity(sh.to(torch::kFloat32), th.to(torch::kFloat32), F::CosineSimilarityFuncOptions().dim(1)).mean();
        r.total = d.alpha_ce * ce + d.alpha_mlm * mlm + d.alpha_cos * cos;
        r.values = {{"kd_loss", ce.item<double>()}, {"mlm_loss", mlm.item<double>()}, {"cos_loss", cos.item<double>()}};
        return r;
    }
    // TinyBERT: layer pairs through the map; W_h shared or per layer.
    auto fit = [&](int i) -> torch::nn::Linear& { return fit_[d.separate_projections ? static_cast<std::size_t>(i) : 0]; };
    torch::Tensor att = torch::zeros({}, torch::kFloat32), hid = torch::zeros({}, torch::kFloat32);
    for (std::size_t m = 0; m < map_.size(); ++m) {
        const auto tl = static_cast<std::size_t>(map_[m]);  // 1-based teacher layer
        auto a = attentionScoreLoss(s.scores[m], t.scores[tl - 1], b.attentionMask);
        auto h = F::mse_loss(fit(static_cast<int>(m) + 1)->forward(s.hidden_states[m + 1]).to(torch::kFloat32), t.hidden_states[tl].to(torch::kFloat32));
        att = att + a;
        hid = hid + h;
        r.values.emplace_back("att_loss_" + std::to_string(m + 1), a.item<double>());
        r.values.emplace_back("hid_loss_" + std::to_string(m + 1), h.item<double>());
    }
    auto emb = F::mse_loss(fit(0)->forward(s.hidden_states[0]).to(torch::kFloat32), t.hidden_states[0].to(torch::kFloat32));
    torch::Tensor tMasked;
    {
        torch::NoGradGuard ng;
        tMasked = teacher_.model->tokenLogits(t.last_hidden.reshape({-1, Ht}).index_select(0, maskedIdx)).to(torch::kFloat32);
    }
    auto pred = softCrossEntropy(studentMasked, tMasked, T);
    r.total = d.alpha_att * att + d.alpha_hid * hid + d.alpha_emb * emb + d.alpha_pred * pred;
    r.values.insert(r.values.begin(), {{"att_loss", att.item<double>()}, {"hid_loss", hid.item<double>()}, {"emb_loss", emb.item<double>()},
                                       {"pred_loss", pred.item<double>()}});
    return r;
}

} // namespace ptl

#include "core/model/Inspect.h"
#include "core/util/Error.h"

namespace ptl {

static void maskTopK(const torch::Tensor& tokenLogits, const Tokenizer& tok, InspectResult& r, int topK)
{
    const auto T = static_cast<int64_t>(r.ids.size());
    auto probs = torch::softmax(tokenLogits.to(torch::kFloat32), -1);  // (T, V)
    const int k = std::max(1, std::min(topK, static_cast<int>(probs.size(1))));
    for (int64_t pos = 0; pos < T; ++pos) {
        if (r.ids[static_cast<std::size_t>(pos)] != tok.specials().mask) continue;
        auto [values, indices] = probs[pos].topk(k);
        MaskPrediction p;
        p.position = static_cast<int>(pos);
        for (int i = 0; i < k; ++i) {
            const int id = static_cast<int>(indices[i].item<int64_t>());
            p.candidates.push_back({id < tok.vocabSize() ? tok.token(id) : "<" + std::to_string(id) + ">", id, values[i].item<double>()});
        }
        r.maskPredictions.push_back(std::move(p));
    }
}

void addMaskPredictions(TransformerModel& mlm, const Tokenizer& tok, InspectResult& r, int topK)
{
    torch::NoGradGuard guard;
    if (tok.specials().mask < 0 || r.ids.empty()) return;
    std::vector<int64_t> ids64(r.ids.begin(), r.ids.end()), types64(r.typeIds.begin(), r.typeIds.end());
    auto ids = torch::tensor(ids64, torch::kLong).unsqueeze(0);
    auto types = torch::tensor(types64, torch::kLong).unsqueeze(0);
    ModelOutput out = mlm->forward(ids, mlm->config().type_vocab_size > 0 ? types : torch::Tensor());
    r.maskPredictions.clear();
    if (out.token_logits.defined()) maskTopK(out.token_logits[0], tok, r, topK);
}

InspectResult inspect(LoadedModel& m, const std::string& text, const std::optional<std::string>& textB, int topK)
{
    InspectResult r = inspect(m.model, *m.tokenizer, m.config, text, textB, topK);
    if (m.generator) addMaskPredictions(m.generator, *m.tokenizer, r, topK);
    return r;
}

InspectResult inspect(TransformerModel& model, const Tokenizer& tok, const ModelConfig& c, const std::string& text,
                      const std::optional<std::string>& textB, int topK)
{
    torch::NoGradGuard guard;
    InspectResult r;
    std::vector<int> a = tok.encode(text);
    if (c.family == Family::Gpt2) {
        if (textB)
            throw Error("GPT-2 models take one text", "drop --text-b");
        r.ids = a;
        r.typeIds.assign(a.size(), 0);
    } else {
        r.ids.push_back(tok.specials().cls);
        r.ids.insert(r.ids.end(), a.begin(), a.end());
        r.ids.push_back(tok.specials().sep);
        r.typeIds.assign(r.ids.size(), 0);
        if (textB) {
            std::vector<int> b = tok.encode(*textB);
            r.ids.insert(r.ids.end(), b.begin(), b.end());
            r.ids.push_back(tok.specials().sep);
            r.typeIds.resize(r.ids.size(), 1);
        }
    }
    if (r.ids.empty())
        throw Error("the text gives no tokens", "type some text");
    if (static_cast<int>(r.ids.size()) > c.max_position_embeddings)
        throw Error("the text is " + std::to_string(r.ids.size()) + " tokens long, the model reads at most " +
                        std::to_string(c.max_position_embeddings),
                    "shorten the text");
    for (int id : r.ids) r.tokens.push_back(tok.token(id));

    std::vector<int64_t> ids64(r.ids.begin(), r.ids.end()), types64(r.typeIds.begin(), r.typeIds.end());
    auto ids = torch::tensor(ids64, torch::kLong).unsqueeze(0);     // (1, T)
    auto types = torch::tensor(types64, torch::kLong).unsqueeze(0); // (1, T)
    ForwardOptions opt;
    opt.attentions = true;
    ModelOutput out = model->forward(ids, c.type_vocab_size > 0 ? types : torch::Tensor(), {}, opt);

    const auto T = static_cast<int64_t>(r.ids.size());
    for (const auto& layer : out.attentions) {
        auto att = layer[0].to(torch::kFloat32).contiguous();  // (nh, T, T)
        auto acc = att.accessor<float, 3>();
        std::vector<std::vector<std::vector<float>>> heads(static_cast<std::size_t>(att.size(0)));
        for (int64_t h = 0; h < att.size(0); ++h) {
            auto& rows = heads[static_cast<std::size_t>(h)];
            rows.assign(static_cast<std::size_t>(T), std::vector<float>(static_cast<std::size_t>(T)));
            for (int64_t q = 0; q < T; ++q)
                for (int64_t k = 0; k < T; ++k) rows[static_cast<std::size_t>(q)][static_cast<std::size_t>(k)] = acc[h][q][k];
        }
        r.attentions.push_back(std::move(heads));
    }
    if (out.token_logits.defined() && tok.specials().mask >= 0 && c.family != Family::Gpt2) maskTopK(out.token_logits[0], tok, r, topK);
    if (out.replaced_logits.defined()) {
        auto p = torch::sigmoid(out.replaced_logits[0].to(torch::kFloat32)).contiguous();
        r.replacedProb.assign(p.data_ptr<float>(), p.data_ptr<float>() + p.numel());
    }
    if (out.token_logits.defined() && c.family == Family::Gpt2) {
        auto probs = torch::softmax(out.token_logits[0][T - 1].to(torch::kFloat32), -1);  // (V): the next token
        const int k = std::max(1, std::min(topK, static_cast<int>(probs.size(0))));
        auto [values, indices] = probs.topk(k);
        for (int i = 0; i < k; ++i) {
            const int id = static_cast<int>(indices[i].item<int64_t>());
            r.nextToken.push_back({id < tok.vocabSize() ? tok.token(id) : "<" + std::to_string(id) + ">", id, values[i].item<double>()});
        }
    }
    return r;
}

} // namespace ptl

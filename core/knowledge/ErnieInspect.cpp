// inspectErnie (core/api/Knowledge.h): a text through an ERNIE checkpoint twice, with the
// entities its words ground to and with none, for the Knowledge panel's ERNIE view.
#include "core/api/Knowledge.h"
#include "core/knowledge/EntityAlignment.h"
#include "core/model/Checkpoint.h"
#include "core/util/Error.h"

#include <cmath>

namespace ptl {

namespace {
std::vector<std::vector<std::vector<double>>> heads(const torch::Tensor& a, const std::vector<int64_t>& rows)  // a (nh, T, T)
{
    std::vector<std::vector<std::vector<double>>> out(static_cast<std::size_t>(a.size(0)));
    auto acc = a.to(torch::kFloat64).contiguous();
    for (int64_t h = 0; h < a.size(0); ++h)
        for (int64_t i : rows) {
            std::vector<double> row;
            for (int64_t j : rows) row.push_back(acc[h][i][j].item<double>());
            out[static_cast<std::size_t>(h)].push_back(std::move(row));
        }
    return out;
}

std::vector<std::pair<std::string, double>> top5(const torch::Tensor& logits, const Tokenizer& tok)
{
    auto p = torch::softmax(logits.to(torch::kFloat32), -1);
    auto [v, i] = p.topk(5);
    std::vector<std::pair<std::string, double>> out;
    for (int k = 0; k < 5; ++k) out.emplace_back(tok.token(static_cast<int>(i[k].item<int64_t>())), v[k].item<double>());
    return out;
}
} // namespace

ErnieInspection inspectErnie(const std::string& checkpointDir, const std::string& text)
{
    LoadedModel m = loadCheckpoint(checkpointDir);
    if (!m.config.isErnie())
        throw Error(checkpointDir + " is not an ERNIE checkpoint (it has no K-Encoder layers)",
                    "train one with 'pretrainlab-cli train --preset ernie-mini', or pick its run's checkpoint");
    const Tokenizer& tok = *m.tokenizer;
    const EntityTable names = entityTableOf(m.entityNames);
    const WordNet& wn = WordNet::installed();
    const EntityAligner aligner(wn, names, tok);
    std::vector<int> ids = tok.encode(text);
    const int maxBody = m.config.max_position_embeddings - 2;
    if (static_cast<int>(ids.size()) > maxBody) ids.resize(static_cast<std::size_t>(maxBody));
    const std::vector<int> rows = aligner.align(text, ids);

    ErnieInspection r;
    std::vector<int64_t> in{tok.specials().cls}, ent{-1};
    for (std::size_t i = 0; i < ids.size(); ++i) {
        in.push_back(ids[i]);
        ent.push_back(rows[i]);
    }
    in.push_back(tok.specials().sep);
    ent.push_back(-1);
    const auto T = static_cast<int64_t>(in.size());
    std::vector<int64_t> aligned;
    for (int64_t t = 0; t < T; ++t) {
        r.tokens.push_back(tok.token(static_cast<int>(in[static_cast<std::size_t>(t)])));
        const int64_t e = ent[static_cast<std::size_t>(t)];
        if (e < 0) {
            r.entityAt.push_back(-1);
            continue;
        }
        r.entityAt.push_back(static_cast<int>(r.entities.size()));
        const std::string& name = names.names[static_cast<std::size_t>(e)];
        const int synset = wn.byName(name);
        r.entities.push_back({name, synset >= 0 ? wn.synset(synset).definition() : std::string(), static_cast<int>(t)});
        aligned.push_back(t);
    }
    torch::NoGradGuard ng;
    auto idsT = torch::tensor(in, torch::kLong).unsqueeze(0);
    ForwardOptions with;
    with.attentions = true;
    with.entityIds = torch::tensor(ent, torch::kLong).unsqueeze(0);
    ForwardOptions without;
    const ModelOutput a = m.model->forward(idsT, {}, {}, with);
    const ModelOutput b = m.model->forward(idsT, {}, {}, without);
    r.firstKnowledgeLayer = m.config.num_layers - m.config.knowledge_layers;
    std::vector<int64_t> all(static_cast<std::size_t>(T));
    for (int64_t t = 0; t < T; ++t) all[static_cast<std::size_t>(t)] = t;
    for (std::size_t k = 0; k < a.entity_attentions.size(); ++k) r.entityAttention.push_back(heads(a.entity_attentions[k][0], aligned));
    for (int l = r.firstKnowledgeLayer; l < m.config.num_layers; ++l) r.tokenAttention.push_back(heads(a.attentions[static_cast<std::size_t>(l)][0], all));
    auto h = a.last_hidden[0], h0 = b.last_hidden[0];
    auto change = (h - h0).norm(2, -1) / h0.norm(2, -1).clamp_min(1e-12);
    for (int64_t t = 0; t < T; ++t) r.fusionChange.push_back(change[t].item<double>());
    for (int64_t t = 0; t < T; ++t) {
        if (in[static_cast<std::size_t>(t)] != tok.specials().mask) continue;
        ErnieGuess g;
        g.position = static_cast<int>(t);
        g.withEntities = top5(m.model->tokenLogits(h[t]), tok);
        g.withoutEntities = top5(m.model->tokenLogits(h0[t]), tok);
        r.guesses.push_back(std::move(g));
    }
    if (r.entities.empty()) r.entityAttention.clear();
    return r;
}

} // namespace ptl

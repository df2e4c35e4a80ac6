#include "core/api/ModelSession.h"
#include "core/model/Checkpoint.h"
#include "core/model/Inspect.h"
#include "core/objectives/Electra.h"
#include "core/objectives/MlmMasker.h"
#include "core/objectives/Unigram.h"
#include "core/text/Corpus.h"
#include "core/util/Files.h"

#include <ATen/CPUGeneratorImpl.h>
#include <algorithm>
#include "core/util/Error.h"
#include "core/util/Runtime.h"

#include <cmath>

namespace ptl {

namespace {

class Session : public ModelSession {
public:
    explicit Session(const std::string& dir) : m_(loadCheckpoint(dir)), dir_(dir)
    {
        try {
            unigram_ = unigramFor(m_);
        } catch (const std::exception&) {
            // A damaged unigram.json costs only the "word frequency alone" row; the model opens.
        }
    }

    const ModelConfig& config() const override { return m_.config; }
    std::string path() const override { return dir_; }

    InspectResult inspect(const std::string& text, const std::optional<std::string>& textB, int topK) override
    {
        InspectResult r = ptl::inspect(m_, text, textB, topK);
        if (unigram_ && (!r.maskPredictions.empty() || !r.nextToken.empty()))
            for (const auto& [id, share] : unigram_->top(topK)) r.frequencyGuess.push_back({m_.tokenizer->token(id), id, share});
        return r;
    }

    std::vector<TokenPiece> tokenize(const std::string& text) const override
    {
        std::vector<TokenPiece> out;
        const Tokenizer& tok = *m_.tokenizer;
        for (const std::string& t : tok.tokenize(text)) {
            TokenPiece p;
            p.token = t;
            p.id = tok.id(t);
            p.unknown = p.id < 0 || p.id == tok.specials().unk;
            if (p.id < 0) p.id = tok.specials().unk;
            p.special = tok.isSpecial(p.id) && !p.unknown;
            p.continuation = tok.isContinuation(p.id);
            out.push_back(std::move(p));
        }
        return out;
    }

    MaskPreview maskPreview(const std::string& text, const MaskPreviewOptions& o, int topK) override
    {
        const Tokenizer& tok = *m_.tokenizer;
        const ModelConfig& c = m_.config;
        TransformerModel mlm = m_.generator ? m_.generator : m_.model;
        if (!mlm->config().hasMlmHead() || tok.specials().mask < 0)
            throw Error("the masking inspector needs a masked-LM model (BERT, ALBERT or an ELECTRA generator)",
                        "open a BERT or ALBERT checkpoint, or an ELECTRA checkpoint with its generator/ folder");
        MaskingOptions mo;
        mo.maskProb = o.maskProb;
        mo.maskRatio = o.maskRatio;
        mo.randomRatio = o.randomRatio;
        mo.wholeWord = o.wholeWord;
        mo.maxNgram = o.maxNgram;
        mo.maxPredictions = o.maxPredictions;
        MlmMasker masker(tok, mo);
        std::vector<int> body = tok.encode(text);
        const auto room = static_cast<std::size_t>(c.max_position_embeddings - 2);
        if (body.size() > room) body.resize(room);
        std::vector<int> ids{tok.specials().cls};
        ids.insert(ids.end(), body.begin(), body.end());
        ids.push_back(tok.specials().sep);
        MaskPreview p;
        for (int id : ids) p.tokens.push_back(tok.token(id));
        std::mt19937_64 rng(o.seed);
        std::vector<int> input = ids;
        const auto decisions = masker.mask(input, rng);
        for (int id : input) p.inputTokens.push_back(tok.token(id));
        p.candidates = static_cast<int>(body.size());
        const int n = std::min(o.maxPredictions, std::max(1, static_cast<int>(std::lround(ids.size() * o.maskProb))));
        p.expectedSelected = std::min<double>(n, p.candidates);
        p.expectedMask = p.expectedSelected * o.maskRatio;
        p.expectedRandom = p.expectedSelected * o.randomRatio;
        p.expectedKeep = p.expectedSelected * (1.0 - o.maskRatio - o.randomRatio);
        torch::NoGradGuard ng;
        std::vector<int64_t> in64(input.begin(), input.end());
        auto out = mlm->forward(torch::tensor(in64, torch::kLong).unsqueeze(0));
        auto logp = torch::log_softmax(out.token_logits[0].to(torch::kFloat32), -1);  // (T, V)
        double lossSum = 0;
        for (const auto& d : decisions) {
            MaskedPosition mp;
            mp.position = d.position;
            mp.original = tok.token(d.original);
            mp.input = tok.token(d.input);
            mp.originalId = d.original;
            mp.inputId = d.input;
            mp.kind = toString(d.kind);
            auto row = logp[d.position];
            auto [values, indices] = row.exp().topk(topK);
            for (int i = 0; i < topK; ++i) {
                const int id = static_cast<int>(indices[i].item<int64_t>());
                mp.candidates.push_back({id < tok.vocabSize() ? tok.token(id) : "<" + std::to_string(id) + ">", id, values[i].item<double>()});
            }
            mp.loss = -row[d.original].item<double>();
            lossSum += mp.loss;
            p.countMask += d.kind == MaskKind::Mask;
            p.countRandom += d.kind == MaskKind::Random;
            p.countKeep += d.kind == MaskKind::Keep;
            p.selected.push_back(std::move(mp));
        }
        p.meanLoss = decisions.empty() ? 0 : lossSum / static_cast<double>(decisions.size());
        return p;
    }

    bool hasDiscriminator() const override { return m_.config.hasDiscriminatorHead(); }
    bool hasGenerator() const override { return static_cast<bool>(m_.generator); }

    ReplacedView replaced(const std::string& text, const ReplacedOptions& o) override
    {
        const Tokenizer& tok = *m_.tokenizer;
        const ModelConfig& c = m_.config;
        if (!c.hasDiscriminatorHead())
            throw Error("the replaced-token view needs an ELECTRA discriminator", "open an ELECTRA checkpoint (a run of electra-tiny or electra-mini)");
        if (o.corrupt && !m_.generator)
            throw Error("corrupting a text needs the ELECTRA generator, and " + dir_ + " has no generator/ folder",
                        "score the text as typed instead, or open a checkpoint written by PretrainLab");
        std::vector<int> body = tok.encode(text);
        if (body.empty()) throw Error("the text gives no tokens", "type some text");
        const auto room = static_cast<std::size_t>(c.max_position_embeddings - 2);
        if (body.size() > room) body.resize(room);
        std::vector<int> ids{tok.specials().cls};
        ids.insert(ids.end(), body.begin(), body.end());
        ids.push_back(tok.specials().sep);
        torch::NoGradGuard ng;
        std::vector<int64_t> in64(ids.begin(), ids.end());
        auto idT = torch::tensor(in64, torch::kLong).unsqueeze(0);
        if (o.corrupt) {
            MaskingOptions mo;
            mo.maskProb = o.maskProb;
            mo.maskRatio = 0.85;
            mo.randomRatio = 0.0;
            MlmMasker masker(tok, mo);
            std::mt19937_64 rng(o.seed);
            std::vector<int> input = ids;
            const auto decisions = masker.mask(input, rng);
            std::vector<int64_t> input64(input.begin(), input.end()), labels(ids.size(), -100);
            for (const auto& d : decisions) labels[static_cast<std::size_t>(d.position)] = d.original;
            ElectraModels em{m_.generator, m_.model};
            at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(o.seed);
            const ElectraForward f = electraForward(em, torch::tensor(input64, torch::kLong).unsqueeze(0), {}, {},
                                                    torch::tensor(labels, torch::kLong).unsqueeze(0), 50.0, 1.0, gen);
            return replacedView(tok, f, 0);
        }
        auto out = m_.model->forward(idT);
        auto p = torch::sigmoid(out.replaced_logits[0].to(torch::kFloat32));
        ReplacedView v;
        v.labelled = false;
        v.histOriginal.assign(static_cast<std::size_t>(v.bins), 0);
        v.histReplaced.assign(static_cast<std::size_t>(v.bins), 0);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            ReplacedToken t;
            t.original = t.shown = tok.token(ids[i]);
            t.pReplaced = p[static_cast<int64_t>(i)].item<float>();
            v.histOriginal[static_cast<std::size_t>(std::clamp(static_cast<int>(t.pReplaced * v.bins), 0, v.bins - 1))]++;
            v.tokens.push_back(std::move(t));
        }
        v.batchTokens = static_cast<std::int64_t>(ids.size());
        v.accuracy = v.precision = v.recall = v.f1 = v.auc = std::nan("");
        return v;
    }

    NeuronView neuron(const std::string& text, const std::optional<std::string>& textB, int layer, int head, int query) override
    {
        const InspectResult r = ptl::inspect(m_, text, textB, 1);
        const ModelConfig& c = m_.config;
        if (layer < 0 || layer >= c.num_layers || head < 0 || head >= c.num_heads || query < 0 || query >= static_cast<int>(r.ids.size()))
            throw Error("neuron view: layer, head or query position out of range");
        torch::NoGradGuard ng;
        std::vector<int64_t> ids(r.ids.begin(), r.ids.end()), types(r.typeIds.begin(), r.typeIds.end());
        auto idT = torch::tensor(ids, torch::kLong).unsqueeze(0);
        auto tyT = torch::tensor(types, torch::kLong).unsqueeze(0);
        ForwardOptions opt;
        opt.hidden_states = true;
        opt.heads = false;
        auto out = m_.model->forward(idT, c.type_vocab_size > 0 ? tyT : torch::Tensor(), {}, opt);
        // The input of layer `layer` is hidden_states[layer]; recompute its q and k.
        auto block = m_.model->attentionBlock(layer);
        auto x = out.hidden_states[static_cast<std::size_t>(layer)];
        if (c.layer_norm == LayerNormPlacement::Pre) x = block->norm->forward(x);
        const int64_t T = x.size(1), H = c.hidden_size, hs = c.headDim();
        auto qkv = block->attn->qkv->forward(x).view({1, T, 3, c.num_heads, hs});  // (1, T, 3, nh, hs)
        auto q = qkv.select(2, 0)[0].select(1, head);                           // (T, hs)
        auto k = qkv.select(2, 1)[0].select(1, head);                           // (T, hs)
        (void)H;
        NeuronView v;
        auto qv = q[query].contiguous();
        v.query.assign(qv.data_ptr<float>(), qv.data_ptr<float>() + hs);
        auto prod = (k * qv.unsqueeze(0)).contiguous();                         // (T, hs)
        auto scores = (prod.sum(1) / std::sqrt(static_cast<double>(hs))).contiguous();
        if (c.causal) {
            auto future = torch::arange(T) > query;
            scores = scores.masked_fill(future, -std::numeric_limits<float>::infinity());
        }
        auto probs = torch::softmax(scores, 0).contiguous();
        auto kc = k.contiguous();
        for (int64_t t = 0; t < T; ++t) {
            v.keys.emplace_back(kc[t].data_ptr<float>(), kc[t].data_ptr<float>() + hs);
            v.products.emplace_back(prod[t].data_ptr<float>(), prod[t].data_ptr<float>() + hs);
        }
        auto rawScores = (prod.sum(1) / std::sqrt(static_cast<double>(hs))).contiguous();
        v.scores.assign(rawScores.data_ptr<float>(), rawScores.data_ptr<float>() + T);
        v.probs.assign(probs.data_ptr<float>(), probs.data_ptr<float>() + T);
        return v;
    }

private:
    LoadedModel m_;
    std::string dir_;
    std::optional<UnigramCounts> unigram_;
};

} // namespace

std::optional<UnigramCounts> unigramFor(const LoadedModel& m)
{
    namespace fs = std::filesystem;
    // The counts the trainer wrote beside the weights.
    for (const fs::path& f : {m.dir / "unigram.json", m.dir.parent_path() / "unigram.json"}) {
        std::error_code ec;
        if (!fs::is_regular_file(f, ec)) continue;
        UnigramCounts u = UnigramCounts::fromJson(readTextFile(f), f.string());
        if (u.vocabSize() == m.tokenizer->vocabSize()) return u;
    }
    // A checkpoint from elsewhere with a bundled vocabulary: the bundled corpus's counts,
    // computed once and cached.
    const Tokenizer& tok = *m.tokenizer;
    const auto bundled = loadBundledTokenizer(tok.kind());
    if (bundled->vocab() != tok.vocab()) return std::nullopt;
    const bool causal = m.config.causal;
    const fs::path cache = userCacheDir() / ("unigram-" + bundledVocabFolder(tok.kind()) + (causal ? "-clm" : "-mlm") + ".json");
    std::error_code ec;
    if (fs::is_regular_file(cache, ec)) {
        try {
            return UnigramCounts::fromJson(readTextFile(cache), cache.string());
        } catch (const Error&) {
            // A damaged cache is recomputed below.
        }
    }
    UnigramCounts u(tok.vocabSize());
    for (const Document& d : bundledCorpus().documents) {
        for (const std::string& s : d.sentences)
            for (int id : tok.encode(s))
                if (causal || !tok.isSpecial(id)) u.add(id);
        if (causal && tok.specials().eos >= 0) u.add(tok.specials().eos);
    }
    try {
        fs::create_directories(cache.parent_path());
        writeFileAtomic(cache, u.toJson());
    } catch (const std::exception&) {
        // No cache: computed again next time.
    }
    return u;
}

std::unique_ptr<ModelSession> ModelSession::open(const std::string& checkpointDir) { return std::make_unique<Session>(checkpointDir); }

std::string shippedModelDir() { return (resourceDir() / "models" / "bert-mini-brown").string(); }

} // namespace ptl

// Teacher versus student, measured on the same inputs.
#include "core/api/Distill.h"
#include "core/api/JobSpec.h"
#include "core/api/ParameterCount.h"
#include "core/model/Checkpoint.h"
#include "core/model/Inspect.h"
#include "core/text/Corpus.h"
#include "core/train/DataPipeline.h"
#include "core/util/Error.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace fs = std::filesystem;

namespace ptl {

namespace {

std::int64_t embeddingParameters(const ModelConfig& c)
{
    const std::int64_t E = c.embedding_size;
    std::int64_t n = static_cast<std::int64_t>(c.vocab_size + c.max_position_embeddings + c.type_vocab_size) * E;
    if (c.family != Family::Gpt2) n += 2 * E;
    return n;
}

ModelFacts facts(LoadedModel& m)
{
    ModelFacts f;
    f.path = m.dir.string();
    f.family = toString(m.config.family);
    f.layers = m.config.num_layers;
    f.hidden = m.config.hidden_size;
    f.heads = m.config.num_heads;
    for (const auto& p : m.model->parameters()) f.parameters += p.numel();
    f.nonEmbeddingParameters = f.parameters - embeddingParameters(m.config);
    std::error_code ec;
    f.fileBytes = static_cast<std::int64_t>(fs::file_size(m.dir / "model.safetensors", ec));
    return f;
}

double medianLatency(TransformerModel& model, const torch::Tensor& ids, const torch::Tensor& types, int reps)
{
    torch::NoGradGuard ng;
    model->eval();
    ForwardOptions fo;
    fo.heads = false;
    std::vector<double> ms;
    for (int i = 0; i < reps + 3; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        auto out = model->forward(ids, model->config().type_vocab_size > 0 ? types : torch::Tensor(), {}, fo);
        (void)out.last_hidden.sum().item<float>();
        const double dt = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (i >= 3) ms.push_back(dt);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

std::pair<double, double> mlm(TransformerModel& model, const DataPipeline& data, int* positions)
{
    torch::NoGradGuard ng;
    model->eval();
    ForwardOptions fo;
    fo.heads = false;
    double loss = 0, correct = 0;
    std::int64_t n = 0;
    for (int i = 0; i < data.evalBatchCount(); ++i) {
        const Batch b = data.evalBatch(i);
        auto h = model->forward(b.ids, model->config().type_vocab_size > 0 ? b.typeIds : torch::Tensor(), b.attentionMask, fo).last_hidden;
        auto labels = b.labels.reshape({-1});
        auto idx = (labels != -100).nonzero().squeeze(1);
        auto logits = model->tokenLogits(h.reshape({-1, h.size(2)}).index_select(0, idx)).to(torch::kFloat32);
        auto target = labels.index_select(0, idx);
        loss += torch::nn::functional::cross_entropy(logits, target, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum)).item<double>();
        correct += (logits.argmax(-1) == target).sum().item<double>();
        n += idx.size(0);
    }
    if (positions) *positions = static_cast<int>(n);
    return {loss / std::max<std::int64_t>(1, n), correct / std::max<std::int64_t>(1, n)};
}

} // namespace

DistillComparison compareTeacherStudent(const std::string& teacherDir, const std::string& studentDir, const CompareOptions& o)
{
    DistillComparison r;
    r.options = o;
    r.threads = torch::get_num_threads();
    LoadedModel t = loadCheckpoint(teacherDir), s = loadCheckpoint(studentDir);
    if (!t.config.hasMlmHead() || !s.config.hasMlmHead())
        throw Error("both models need a masked-LM head to compare their MLM accuracy", "compare a BERT teacher with its DistilBERT or TinyBERT student");
    if (t.tokenizer->vocabSize() != s.tokenizer->vocabSize())
        throw Error("the teacher and the student use different vocabularies (" + std::to_string(t.tokenizer->vocabSize()) + " and " +
                    std::to_string(s.tokenizer->vocabSize()) + " tokens)");
    r.teacher = facts(t);
    r.student = facts(s);
    // The same input for both: bundled text, batch x tokens, [CLS] ... [SEP].
    const Corpus corpus = bundledCorpus();
    std::vector<int64_t> body;
    for (const auto& d : corpus.documents) {
        for (const auto& sentence : d.sentences) {
            for (int id : t.tokenizer->encode(sentence)) body.push_back(id);
            if (static_cast<int>(body.size()) >= o.tokens) break;
        }
        if (static_cast<int>(body.size()) >= o.tokens) break;
    }
    body.resize(static_cast<std::size_t>(std::max(0, o.tokens - 2)));
    body.insert(body.begin(), t.tokenizer->specials().cls);
    body.push_back(t.tokenizer->specials().sep);
    auto ids = torch::tensor(body, torch::kLong).unsqueeze(0).repeat({o.batch, 1});
    auto types = torch::zeros_like(ids);
    // Alternate the order so neither model always runs on a warmer cache.
    r.teacher.latencyMs = medianLatency(t.model, ids, types, o.reps);
    r.student.latencyMs = medianLatency(s.model, ids, types, o.reps);
    r.teacher.latencyMs = std::min(r.teacher.latencyMs, medianLatency(t.model, ids, types, o.reps));
    // Held-out MLM on the same masked batches (the teacher's data view: BERT pairs, 80/10/10).
    JobSpec spec;
    spec.model = t.config;
    spec.train.seed = o.seed;
    spec.train.batch_size = o.evalBatchSize;
    spec.train.seq_len = o.seqLen;
    spec.train.eval_batches = o.evalBatches;
    const DataPipeline data(spec, *t.tokenizer, corpus);
    std::tie(r.teacher.mlmLoss, r.teacher.mlmAccuracy) = mlm(t.model, data, &r.evalPositions);
    std::tie(r.student.mlmLoss, r.student.mlmAccuracy) = mlm(s.model, data, nullptr);
    return r;
}

AttentionComparison compareAttention(const std::string& teacherDir, const std::string& studentDir, const std::string& text,
                                     const std::vector<int>& mapping)
{
    LoadedModel t = loadCheckpoint(teacherDir), s = loadCheckpoint(studentDir);
    const InspectResult rt = inspect(t, text, std::nullopt, 1);
    const InspectResult rs = inspect(s, text, std::nullopt, 1);
    if (rt.tokens != rs.tokens) throw Error("the teacher and the student tokenize the text differently", "use a student distilled from this teacher");
    DistillConfig d;
    d.layer_map = mapping;
    const auto map = d.mapping(s.config.num_layers, t.config.num_layers);
    AttentionComparison out;
    out.tokens = rt.tokens;
    for (std::size_t m = 0; m < map.size(); ++m) {
        const int tl = map[m];
        if (tl < 1 || tl > t.config.num_layers) throw Error("layer map: the teacher has layers 1 to " + std::to_string(t.config.num_layers));
        AttentionPair p;
        p.studentLayer = static_cast<int>(m) + 1;
        p.teacherLayer = tl;
        p.student = rs.attentions[m];
        p.teacher = rt.attentions[static_cast<std::size_t>(tl - 1)];
        const std::size_t heads = std::min(p.student.size(), p.teacher.size());
        for (std::size_t h = 0; h < heads; ++h) {
            double se = 0;
            std::size_t n = 0;
            for (std::size_t q = 0; q < p.student[h].size(); ++q)
                for (std::size_t k = 0; k < p.student[h][q].size(); ++k, ++n) {
                    const double diff = p.student[h][q][k] - p.teacher[h][q][k];
                    se += diff * diff;
                }
            p.mse.push_back(n ? se / static_cast<double>(n) : 0.0);
        }
        out.pairs.push_back(std::move(p));
    }
    return out;
}

} // namespace ptl

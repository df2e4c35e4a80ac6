// ELECTRA's objective in the training loop: the generator and the discriminator built as
// the paper builds them (or the generator taken from another run, trained on or frozen; or
// the discriminator's body started from a trained encoder), replaced-token detection on the
// generator's samples or on unigram draws, the discriminator's AUC on held-out batches
// corrupted the same way at every evaluation, and the replaced-token view.
#include "core/api/Baselines.h"
#include "core/api/Replaced.h"
#include "core/model/Checkpoint.h"
#include "core/model/Electra.h"
#include "core/model/StateDict.h"
#include "core/objectives/Electra.h"
#include "core/train/Autocast.h"
#include "core/train/Objective.h"
#include "core/util/Error.h"

#include <ATen/CPUGeneratorImpl.h>
#include <c10/util/Exception.h>
#include <optional>

namespace fs = std::filesystem;

namespace ptl {
namespace {

class ElectraObjective final : public Objective {
public:
    explicit ElectraObjective(const ObjectiveContext& ctx) : Objective(ctx)
    {
        makePair();
        if (!spec().train.discriminator_from.empty()) initDiscriminatorBody(spec().train.discriminator_from);
    }

    TransformerModel model() const override { return m_.discriminator; }
    TransformerModel maskPredictor() const override { return m_.generator; }

    std::vector<std::pair<std::string, torch::Tensor>> parameters() override
    {
        std::vector<std::pair<std::string, torch::Tensor>> params;
        for (auto& [name, p] : electraParameters(m_))
            if (!spec().train.freeze_generator || name.rfind("generator.", 0) != 0) params.emplace_back(name, p);
        return params;
    }

    void setTraining(bool on) override
    {
        m_.discriminator->train(on);
        m_.generator->train(on && !spec().train.freeze_generator);
    }

    void beginStep() override { acc_ = {}; }

    torch::Tensor microBatch(const Batch& b, double share, bool keepForView) override
    {
        ElectraForward f = electraForward(m_, b.ids, b.typeIds, b.attentionMask, b.labels, spec().train.disc_weight,
                                          temperatureAt(step()), std::nullopt, replacements());
        acc_.mlm += f.mlmLoss.item<double>() * share;
        acc_.disc += f.discLoss.item<double>() * share;
        acc_.counts += discriminatorCounts(f);
        torch::Tensor total = f.total;
        if (keepForView) {
            f.total = f.mlmLoss = f.discLoss = torch::Tensor();
            f.genLogits = f.genLogits.detach();
            f.discLogits = f.discLogits.detach();
            last_ = std::move(f);
        }
        return total;
    }

    void logStep() override
    {
        const TrainConfig& t = spec().train;
        record("gen_mlm_loss", acc_.mlm);
        record("disc_loss", acc_.disc);
        record("disc_accuracy", acc_.counts.accuracy());
        record("replaced_share", acc_.counts.positiveShare());
        record(baseline::discLoss, binaryEntropy(acc_.counts.positiveShare()));
        // A frozen generator's loss is not in the total (electraForward).
        record(baseline::loss, (t.freeze_generator ? 0.0 : ctx_.unigramEntropy) + t.disc_weight * binaryEntropy(acc_.counts.positiveShare()));
        if (t.gen_temperature_start > 0) record("gen_temperature", temperatureAt(step() - 1));
    }

    void evaluate() override
    {
        const TrainConfig& t = spec().train;
        double lossSum = 0, discSum = 0;
        std::int64_t predicted = 0, correct = 0, discTokens = 0;
        BinaryCounts disc;
        std::vector<float> scores;
        std::vector<std::uint8_t> labels;
        // The eval batches sample from the generator with a fixed generator each, so the eval
        // set is the same at every step and the training RNG stream is untouched.
        for (int i = 0; i < data().evalBatchCount(); ++i) {
            const Batch b = data().evalBatch(i);
            AutocastScope ac(ctx_.bf16);
            ElectraForward f = electraForward(m_, b.ids, b.typeIds, b.attentionMask, b.labels, t.disc_weight, t.gen_temperature,
                                              evalGenerator(i), replacements());
            const double mlm = f.mlmLoss.item<double>();
            const std::int64_t n = f.targets.size(0);
            lossSum += mlm * static_cast<double>(n);
            predicted += n;
            correct += (f.genLogits.argmax(-1) == f.targets).sum().item<int64_t>();
            const BinaryCounts c = discriminatorCounts(f, &scores, &labels);
            discSum += f.discLoss.item<double>() * static_cast<double>(c.total());
            discTokens += c.total();
            disc += c;
        }
        const double tokenLoss = lossSum / std::max<std::int64_t>(1, predicted);
        const double discLoss = discSum / std::max<std::int64_t>(1, discTokens);
        const double genPart = t.freeze_generator ? 0.0 : 1.0;  // a frozen generator's loss is not in the total
        record("eval_loss", genPart * tokenLoss + t.disc_weight * discLoss);
        record("eval_gen_mlm_loss", tokenLoss);
        record("eval_gen_mlm_accuracy", static_cast<double>(correct) / std::max<std::int64_t>(1, predicted));
        record("eval_disc_loss", discLoss);
        const double discBase = binaryEntropy(disc.positiveShare());
        record(baseline::evalDiscLoss, discBase);
        record("eval_disc_loss_ratio", ratio(discLoss, discBase));
        record("eval_gen_mlm_loss_ratio", ratio(tokenLoss, ctx_.unigramEntropy));
        record(baseline::evalLoss, genPart * ctx_.evalUnigramLoss + t.disc_weight * discBase);
        record("eval_disc_accuracy", disc.accuracy());
        record("eval_disc_precision", disc.precision());
        record("eval_disc_recall", disc.recall());
        record("eval_disc_f1", disc.f1());
        record("eval_replaced_share", disc.positiveShare());
        const double auc = rocAuc(scores, labels);
        if (std::isfinite(auc)) record("eval_disc_auc", auc);
    }

    void probeExtras(InspectResult& r) override { addMaskPredictions(m_.generator, tok(), r, 5); }  // the generator fills [MASK]

    void probeSnapshots() override
    {
        if (!last_) return;
        snapshot("replaced", replacedToJson(replacedView(tok(), *last_, 0)));
        last_.reset();
    }

    void saveModules(const fs::path& dir, const std::map<std::string, std::string>& meta) override
    {
        saveElectraCheckpoint(dir, m_, tok(), meta);
    }

    void loadModules(const fs::path& dir) override
    {
        importStateDict(m_.generator, SafetensorsFile::open(dir / "generator" / "model.safetensors"));
        importStateDict(m_.discriminator, SafetensorsFile::open(dir / "model.safetensors"));  // the shared embeddings last: the discriminator's copy
    }

private:
    // Both networks as the paper builds them, or (generator_from) the generator taken from
    // another run's checkpoint: trained on with its embeddings shared as usual, or frozen
    // with its own copy of them, so a fresh discriminator learns against a generator that no
    // longer changes.
    void makePair()
    {
        const TrainConfig& t = spec().train;
        if (t.generator_from.empty()) {
            m_ = makeElectra(spec().model);
            return;
        }
        const fs::path dir = fs::path(t.generator_from) / "generator";
        if (!fs::exists(dir / "config.json") || !fs::exists(dir / "model.safetensors"))
            throw Error("generator_from: " + t.generator_from + " has no generator/ folder with config.json and model.safetensors",
                        "give the checkpoint folder of an ELECTRA run (it holds generator/)");
        const ModelConfig g = readModelConfig(dir / "config.json");
        if (!g.hasMlmHead() || g.vocab_size != spec().model.vocab_size || g.embedding_size != spec().model.embedding_size ||
            g.max_position_embeddings != spec().model.max_position_embeddings)
            throw Error("generator_from: the generator in " + dir.string() + " does not fit this discriminator (vocabulary " +
                            std::to_string(g.vocab_size) + ", embedding size " + std::to_string(g.embedding_size) + ", positions " +
                            std::to_string(g.max_position_embeddings) + ")",
                        "take it from a run of the same preset");
        if (t.freeze_generator) {
            m_.discriminator = TransformerModel(spec().model);
            m_.generator = TransformerModel(g);
            importStateDict(m_.generator, SafetensorsFile::open(dir / "model.safetensors"));
            for (auto& p : m_.generator->parameters()) p.set_requires_grad(false);
            m_.generator->eval();
        } else {
            const ModelConfig own = spec().model.generatorConfig();
            if (g.hidden_size != own.hidden_size || g.num_layers != own.num_layers)
                throw Error("generator_from: the generator in " + dir.string() + " has hidden size " + std::to_string(g.hidden_size) +
                                " and " + std::to_string(g.num_layers) + " layers, this run's generator " +
                                std::to_string(own.hidden_size) + " and " + std::to_string(own.num_layers),
                            "set generator_ratio to match, or freeze it (freeze_generator=true) to use it as it is");
            m_ = makeElectra(spec().model);
            importStateDict(m_.generator, SafetensorsFile::open(dir / "model.safetensors"));  // the shared embeddings too
        }
    }

    // The discriminator's embeddings and layers from another encoder's checkpoint (a trained
    // BERT of the same shape: a discriminator that reads context from step 0); its
    // replaced-token head starts fresh. Shared embeddings carry over to the generator.
    void initDiscriminatorBody(const std::string& from)
    {
        if (!fs::exists(fs::path(from) / "config.json"))
            throw Error("discriminator_from: " + from + " is not a checkpoint folder (no config.json)", "give a BERT or ELECTRA checkpoint folder");
        LoadedModel src = loadCheckpoint(fs::path(from));
        const ModelConfig& a = src.config;
        const ModelConfig& b = spec().model;
        if (a.vocab_size != b.vocab_size || a.hidden_size != b.hidden_size || a.num_layers != b.num_layers || a.num_heads != b.num_heads ||
            a.intermediate_size != b.intermediate_size || a.embedding_size != b.embedding_size || a.layer_norm != b.layer_norm ||
            a.sharing != b.sharing)
            throw Error("discriminator_from: the encoder in " + from + " has another shape (vocabulary " + std::to_string(a.vocab_size) +
                            ", hidden " + std::to_string(a.hidden_size) + ", " + std::to_string(a.num_layers) + " layers, " +
                            std::to_string(a.num_heads) + " heads, feed-forward " + std::to_string(a.intermediate_size) + ", embedding size " +
                            std::to_string(a.embedding_size) + ") than this discriminator (" + std::to_string(b.vocab_size) + ", " +
                            std::to_string(b.hidden_size) + ", " + std::to_string(b.num_layers) + ", " + std::to_string(b.num_heads) + ", " +
                            std::to_string(b.intermediate_size) + ", " + std::to_string(b.embedding_size) + "; layer norm and sharing must match too)",
                        "set the discriminator's fields to the checkpoint's (e.g. --set embedding_size=256 for the shipped BERT-mini)");
        auto theirs = src.model->named_parameters();
        torch::NoGradGuard ng;
        int copied = 0;
        for (auto& p : m_.discriminator->named_parameters()) {
            const std::string& n = p.key();
            const bool body = n.rfind("embeddings.", 0) == 0 || n.rfind("attention_", 0) == 0 || n.rfind("ffn_", 0) == 0 || n.rfind("final_norm", 0) == 0;
            if (!body) continue;
            const torch::Tensor* t = theirs.find(n);
            if (!t || t->sizes() != p.value().sizes())
                throw Error("discriminator_from: " + from + " has no tensor " + n + " of shape " + c10::str(p.value().sizes()),
                            "take it from a BERT or ELECTRA checkpoint of the same shape");
            p.value().copy_(*t);
            ++copied;
        }
        if (copied == 0) throw Error("discriminator_from: nothing to copy from " + from);
    }

    // The sampling temperature at this step: the curriculum from gen_temperature_start down
    // or up to gen_temperature.
    double temperatureAt(std::int64_t s) const
    {
        const TrainConfig& t = spec().train;
        if (t.gen_temperature_start <= 0) return t.gen_temperature;
        const double span = t.gen_temperature_steps > 0 ? t.gen_temperature_steps : t.steps;
        const double f = std::min(1.0, static_cast<double>(s) / std::max(1.0, span));
        return t.gen_temperature_start + (t.gen_temperature - t.gen_temperature_start) * f;
    }

    // What fills the masked positions: the generator's samples, or unigram draws.
    ElectraReplacements replacements() const
    {
        ElectraReplacements r;
        r.trainGenerator = !spec().train.freeze_generator;
        if (spec().train.replacements == "unigram") {
            if (!unigramProbs_.defined()) {
                const auto& c = data().trainUnigram().counts();
                auto t = torch::empty({static_cast<int64_t>(c.size())}, torch::kFloat32);
                for (std::size_t i = 0; i < c.size(); ++i) t[static_cast<int64_t>(i)] = static_cast<float>(c[i]);
                unigramProbs_ = t / t.sum();
            }
            r.fixedProbs = unigramProbs_;
        }
        return r;
    }

    // A fixed sampling generator per eval batch.
    at::Generator evalGenerator(int batch) const
    {
        return at::make_generator<at::CPUGeneratorImpl>(spec().train.seed * 7919ull + static_cast<std::uint64_t>(batch) + 1);
    }

    ElectraModels m_;
    mutable torch::Tensor unigramProbs_;         // replacements=unigram: the training tokens' distribution
    std::optional<ElectraForward> last_;         // the last training micro-batch, for the replaced-token view
    struct {
        double mlm = 0, disc = 0;
        BinaryCounts counts;
    } acc_;
};

} // namespace

std::unique_ptr<Objective> makeElectraObjective(const ObjectiveContext& ctx) { return std::make_unique<ElectraObjective>(ctx); }

} // namespace ptl

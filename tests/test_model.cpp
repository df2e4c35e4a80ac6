// The configurable transformer: configs, parameter counts, causal invariance, HF names,
// checkpoint round trips.
#include "core/api/ParameterCount.h"
#include "core/api/Presets.h"
#include "core/model/Checkpoint.h"
#include "core/model/Safetensors.h"
#include "core/model/StateDict.h"
#include "core/model/Transformer.h"
#include "core/text/WordPiece.h"
#include "core/util/Error.h"

#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace ptl;

namespace {

ModelConfig small(Family f)
{
    ModelConfig c = presetByName(f == Family::Bert ? "bert-tiny" : f == Family::Gpt2 ? "gpt-tiny" : "albert-tiny").model;
    c.vocab_size = 300;
    c.hidden_size = 32;
    c.embedding_size = f == Family::Albert ? 16 : 32;
    c.num_heads = 4;
    c.num_layers = 3;
    c.intermediate_size = 64;
    c.max_position_embeddings = 40;
    return c;
}

std::int64_t allocated(TransformerModel& m)
{
    std::int64_t n = 0;
    for (const auto& p : m->parameters()) n += p.numel();
    return n;
}

std::vector<std::string> tinyVocab(int size)
{
    std::vector<std::string> v = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};
    for (int i = static_cast<int>(v.size()); i < size; ++i) v.push_back("w" + std::to_string(i));
    return v;
}

} // namespace

class TestModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sinusoidalPositionInit()
    {
        // Vaswani et al. 3.5: PE(p, 2i) = sin(p / 10000^(2i/d)), PE(p, 2i+1) = cos(...), scaled to RMS 0.02.
        const auto pe = sinusoidalPositions(64, 16, 0.02);
        const double scale = 0.02 * std::sqrt(2.0);
        for (int p : {0, 1, 7, 63})
            for (int i = 0; i < 8; ++i) {
                const double angle = p / std::pow(10000.0, 2.0 * i / 16);
                QVERIFY(std::abs(pe[p][2 * i].item<double>() - scale * std::sin(angle)) < 1e-6);
                QVERIFY(std::abs(pe[p][2 * i + 1].item<double>() - scale * std::cos(angle)) < 1e-6);
            }
        ModelConfig c = presetByName("bert-tiny").model;
        c.sinusoidal_positions = true;
        torch::manual_seed(1);
        TransformerModel m(c);
        const auto table = sinusoidalPositions(c.max_position_embeddings, c.embedding_size, c.initializer_range);
        QVERIFY(torch::equal(m->embeddings->position->weight, table));
        const double rms = table.pow(2).mean().sqrt().item<double>();
        qInfo("sinusoidal table RMS %.5f (initializer_range %.3f)", rms, c.initializer_range);
        QVERIFY(std::abs(rms - c.initializer_range) < 2e-3);
        // The flag round-trips through config.json; the tensor layout is HF's as before.
        QVERIFY(ModelConfig::fromJson(c.toJson()).sinusoidal_positions);
        QVERIFY(!ModelConfig::fromJson(presetByName("bert-mini").model.toJson()).sinusoidal_positions);
    }

    void initTestCase() { torch::set_num_threads(1); }

    void parameterCountsMatchClosedForm_data()
    {
        QTest::addColumn<int>("family");
        QTest::addColumn<int>("sharing");
        QTest::addColumn<int>("embedding");
        QTest::addColumn<int>("placement");
        for (int f : {0, 1, 2})
            for (int s : {0, 1, 2, 3})
                for (int e : {8, 16, 32})
                    for (int p : {0, 1}) {
                        if (f == 1 && e != 32) continue;  // GPT-2 ties output to embeddings: E = H
                        QTest::addRow("f%d-s%d-e%d-p%d", f, s, e, p) << f << s << e << p;
                    }
    }

    void parameterCountsMatchClosedForm()
    {
        QFETCH(int, family);
        QFETCH(int, sharing);
        QFETCH(int, embedding);
        QFETCH(int, placement);
        ModelConfig c = small(static_cast<Family>(family));
        c.sharing = static_cast<Sharing>(sharing);
        c.embedding_size = embedding;
        c.layer_norm = static_cast<LayerNormPlacement>(placement);
        TransformerModel m(c);
        const ParameterBreakdown b = countParameters(c);
        QCOMPARE(allocated(m), b.total);
        QCOMPARE(b.embeddings + b.attention + b.ffn + b.final_norm + b.heads, b.total);
        if (c.sharing == Sharing::None) QCOMPARE(b.saved(), std::int64_t(0));
        else QVERIFY(b.saved() > 0);
        // The unshared count is what the same model allocates without sharing.
        ModelConfig u = c;
        u.sharing = Sharing::None;
        TransformerModel mu(u);
        QCOMPARE(allocated(mu), b.unshared_total);
    }

    void presetsAreValidAndCounted()
    {
        for (const Preset& p : presets()) {
            QVERIFY2(p.model.validate().empty(), p.name.c_str());
            TransformerModel m(p.model);
            QCOMPARE(allocated(m), countParameters(p.model).total);
        }
        // BERT-mini: L4 H256, vocab 8192, 512 positions -> known closed form.
        const ModelConfig& mini = presetByName("bert-mini").model;
        QCOMPARE(mini.num_layers, 4);
        QCOMPARE(mini.hidden_size, 256);
    }

    void invalidConfigsNameTheField_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("heads") << "num_attention_heads" << "3" << "num_attention_heads";
        QTest::newRow("layers") << "num_hidden_layers" << "0" << "num_hidden_layers";
        QTest::newRow("dropout") << "hidden_dropout" << "1.5" << "hidden_dropout_prob";
        QTest::newRow("eps") << "layer_norm_eps" << "0" << "layer_norm_eps";
        QTest::newRow("vocab") << "vocab_size" << "2" << "vocab_size";
        QTest::newRow("causal") << "causal" << "true" << "causal";
    }

    void invalidConfigsNameTheField()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, field);
        ModelConfig c = small(Family::Bert);
        c.set(key.toStdString(), value.toStdString());
        const std::string msg = c.validate();
        QVERIFY2(msg.rfind(field.toStdString() + ":", 0) == 0, msg.c_str());
        QVERIFY_THROWS_EXCEPTION(Error, TransformerModel{c});
        QVERIFY_THROWS_EXCEPTION(Error, c.set("no_such_field", "1"));
        QVERIFY_THROWS_EXCEPTION(Error, c.set("hidden_size", "abc"));
    }

    void configJsonRoundTrip()
    {
        for (Family f : {Family::Bert, Family::Gpt2, Family::Albert}) {
            for (Sharing s : {Sharing::None, Sharing::Attention, Sharing::Ffn, Sharing::All}) {
                ModelConfig c = small(f);
                c.sharing = s;
                const auto j = c.toJson();
                const ModelConfig back = ModelConfig::fromJson(j);
                QCOMPARE(back.toJson().dump(), j.dump());
            }
        }
        // HF keys as the HF config classes spell them.
        const auto g = small(Family::Gpt2).toJson();
        QVERIFY(g.contains("n_embd") && g.contains("n_layer") && g.contains("n_head") && g.contains("layer_norm_epsilon"));
        const auto a = small(Family::Albert).toJson();
        QCOMPARE(a["num_hidden_groups"].get<int>(), 1);
        QCOMPARE(a["embedding_size"].get<int>(), 16);
    }

    void hfConfigWithoutExtensionLoads()
    {
        // A config.json as transformers writes it for gpt2 (no "pretrainlab" object).
        nlohmann::json j = {{"model_type", "gpt2"}, {"vocab_size", 300}, {"n_embd", 32}, {"n_layer", 2}, {"n_head", 4},
                            {"n_positions", 64}, {"activation_function", "gelu_new"}, {"layer_norm_epsilon", 1e-5}};
        const ModelConfig c = ModelConfig::fromJson(j);
        QVERIFY(c.family == Family::Gpt2);
        QCOMPARE(c.intermediate_size, 128);  // n_inner null -> 4 * n_embd
        QVERIFY(c.causal);
        QVERIFY(c.layer_norm == LayerNormPlacement::Pre);
        nlohmann::json al = {{"model_type", "albert"}, {"vocab_size", 300}, {"embedding_size", 16}, {"hidden_size", 32},
                             {"num_hidden_layers", 4}, {"num_hidden_groups", 4}, {"num_attention_heads", 4}, {"intermediate_size", 64}};
        QVERIFY(ModelConfig::fromJson(al).sharing == Sharing::None);
        al["num_hidden_groups"] = 2;
        QVERIFY_THROWS_EXCEPTION(Error, ModelConfig::fromJson(al));
    }

    void causalInvariance()
    {
        torch::manual_seed(1);
        for (auto placement : {LayerNormPlacement::Pre, LayerNormPlacement::Post}) {
            ModelConfig c = small(Family::Gpt2);
            c.layer_norm = placement;
            TransformerModel m(c);
            m->eval();
            torch::NoGradGuard ng;
            auto ids = torch::randint(0, c.vocab_size, {2, 20}, torch::kLong);
            ForwardOptions opt;
            opt.attentions = true;
            opt.hidden_states = true;
            auto a = m->forward(ids, {}, {}, opt);
            for (int t : {0, 7, 18}) {
                auto changed = ids.clone();
                changed.narrow(1, t + 1, 20 - t - 1).random_(0, c.vocab_size);
                auto b = m->forward(changed, {}, {}, opt);
                const double diff = (a.token_logits.narrow(1, 0, t + 1) - b.token_logits.narrow(1, 0, t + 1)).abs().max().item<double>();
                QVERIFY2(diff == 0.0, qPrintable(QStringLiteral("t=%1 maxdiff=%2").arg(t).arg(diff)));
                const double after = (a.token_logits.narrow(1, t + 1, 1) - b.token_logits.narrow(1, t + 1, 1)).abs().max().item<double>();
                QVERIFY(after > 0.0);  // a change does reach later positions
            }
            // Attention above the diagonal is exactly zero.
            for (const auto& p : a.attentions) QCOMPARE(p.triu(1).abs().max().item<float>(), 0.0f);
            QCOMPARE(static_cast<int>(a.hidden_states.size()), c.num_layers + 1);
        }
    }

    void bidirectionalSeesTheFuture()
    {
        torch::manual_seed(2);
        TransformerModel m(small(Family::Bert));
        m->eval();
        torch::NoGradGuard ng;
        auto ids = torch::randint(5, 300, {1, 10}, torch::kLong);
        auto changed = ids.clone();
        changed[0][9] = 7;
        const double diff = (m->forward(ids).token_logits[0][0] - m->forward(changed).token_logits[0][0]).abs().max().item<double>();
        QVERIFY(diff > 0.0);
    }

    void forwardExtrasOnlyWhenAsked()
    {
        TransformerModel m(small(Family::Bert));
        m->eval();
        torch::NoGradGuard ng;
        auto ids = torch::randint(5, 300, {2, 12}, torch::kLong);
        auto plain = m->forward(ids);
        QVERIFY(plain.attentions.empty() && plain.scores.empty() && plain.hidden_states.empty());
        ForwardOptions opt;
        opt.attentions = opt.scores = true;
        auto full = m->forward(ids, {}, {}, opt);
        QCOMPARE(static_cast<int>(full.attentions.size()), 3);
        QCOMPARE(full.attentions[0].sizes().vec(), (std::vector<int64_t>{2, 4, 12, 12}));
        // Rows are probability distributions, and equal the softmax of the scores.
        QVERIFY(torch::allclose(full.attentions[1].sum(-1), torch::ones({2, 4, 12}), 1e-5, 1e-5));
        QVERIFY(torch::allclose(torch::softmax(full.scores[1], -1), full.attentions[1], 1e-6, 1e-6));
        // The plain forward runs the fused attention kernel, the one asked for maps the
        // reference path: the same numbers up to fp32 rounding.
        QVERIFY(torch::allclose(plain.token_logits, full.token_logits, 1e-5, 1e-5));
        QCOMPARE(full.pair_logits.sizes().vec(), (std::vector<int64_t>{2, 2}));
    }

    void paddingMaskHidesPadding()
    {
        TransformerModel m(small(Family::Bert));
        m->eval();
        torch::NoGradGuard ng;
        auto ids = torch::randint(5, 300, {1, 8}, torch::kLong);
        auto mask = torch::ones({1, 8}, torch::kLong);
        mask[0][6] = 0;
        mask[0][7] = 0;
        ForwardOptions opt;
        opt.attentions = true;
        auto out = m->forward(ids, {}, mask, opt);
        QVERIFY(out.attentions[0].narrow(3, 6, 2).abs().max().item<float>() < 1e-30f);
        auto shorter = m->forward(ids.narrow(1, 0, 6));
        QVERIFY(torch::allclose(out.token_logits.narrow(1, 0, 6), shorter.token_logits, 1e-4, 1e-5));
    }

    void tooLongInputIsRejected()
    {
        TransformerModel m(small(Family::Bert));
        QVERIFY_THROWS_EXCEPTION(Error, m->forward(torch::zeros({1, 41}, torch::kLong)));
    }

    void initFollowsTheReference()
    {
        torch::manual_seed(3);
        ModelConfig c = small(Family::Gpt2);
        c.num_layers = 8;
        c.hidden_size = c.embedding_size = 128;
        c.intermediate_size = 512;
        TransformerModel m(c);
        const double wte = m->embeddings->word->weight.std().item<double>();
        QVERIFY(std::abs(wte - 0.02) < 0.002);
        const double proj = m->attentionBlock(0)->attn->out->weight.std().item<double>();
        QVERIFY2(std::abs(proj - 0.02 / std::sqrt(16.0)) < 0.001, qPrintable(QString::number(proj)));
        QCOMPARE(m->attentionBlock(0)->attn->qkv->bias.abs().max().item<float>(), 0.0f);
        QCOMPARE(m->attentionBlock(0)->norm->weight.min().item<float>(), 1.0f);
        TransformerModel b(small(Family::Bert));
        QCOMPARE(b->embeddings->word->weight[0].abs().max().item<float>(), 0.0f);  // padding row
    }

    void hfTensorNames()
    {
        TransformerModel bert(small(Family::Bert));
        auto names = stateDictNames(bert);
        for (const char* n : {"bert.embeddings.word_embeddings.weight", "bert.encoder.layer.2.attention.self.query.weight",
                              "bert.encoder.layer.0.output.LayerNorm.bias", "cls.predictions.transform.dense.weight",
                              "cls.predictions.bias", "cls.seq_relationship.weight", "bert.pooler.dense.weight"})
            QVERIFY2(std::find(names.begin(), names.end(), n) != names.end(), n);
        TransformerModel gpt(small(Family::Gpt2));
        auto sd = exportStateDict(gpt);
        auto find = [&](const std::string& n) {
            for (auto& [k, t] : sd)
                if (k == n) return t;
            return torch::Tensor();
        };
        // Conv1D layout: (in, out).
        QCOMPARE(find("transformer.h.0.attn.c_attn.weight").sizes().vec(), (std::vector<int64_t>{32, 96}));
        QCOMPARE(find("transformer.h.1.mlp.c_fc.weight").sizes().vec(), (std::vector<int64_t>{32, 64}));
        QVERIFY(find("transformer.ln_f.weight").defined());
        TransformerModel albert(small(Family::Albert));
        auto an = stateDictNames(albert);
        for (const char* n : {"albert.encoder.embedding_hidden_mapping_in.weight",
                              "albert.encoder.albert_layer_groups.0.albert_layers.0.ffn_output.weight",
                              "predictions.dense.weight", "sop_classifier.classifier.weight"})
            QVERIFY2(std::find(an.begin(), an.end(), n) != an.end(), n);
        QVERIFY(std::find(an.begin(), an.end(), "albert.encoder.albert_layer_groups.1.albert_layers.0.ffn.weight") == an.end());
    }

    void checkpointRoundTripGivesIdenticalOutputs()
    {
        QTemporaryDir dir;
        WordPieceTokenizer tok(tinyVocab(300));
        for (Family f : {Family::Bert, Family::Albert}) {
            for (Sharing s : {Sharing::None, Sharing::Attention, Sharing::Ffn, Sharing::All}) {
                ModelConfig c = small(f);
                c.sharing = s;
                torch::manual_seed(4);
                TransformerModel m(c);
                m->eval();
                const std::string path = (dir.path() + QStringLiteral("/ck%1%2").arg(int(f)).arg(int(s))).toStdString();
                saveCheckpoint(path, m, tok);
                LoadedModel back = loadCheckpoint(path);
                QCOMPARE(back.config.toJson().dump(), c.toJson().dump());
                torch::NoGradGuard ng;
                auto ids = torch::randint(5, 300, {2, 9}, torch::kLong);
                auto a = m->forward(ids), b = back.model->forward(ids);
                QVERIFY(torch::equal(a.token_logits, b.token_logits));
                QVERIFY(torch::equal(a.pair_logits, b.pair_logits));
            }
        }
    }

    void loadingRefusesBadFolders()
    {
        QTemporaryDir dir;
        const std::filesystem::path d = dir.path().toStdString();
        QVERIFY_THROWS_EXCEPTION(Error, loadCheckpoint(d / "missing"));
        QVERIFY_THROWS_EXCEPTION(Error, loadCheckpoint(d));  // no config.json
        // A pickle checkpoint is refused with a message saying how to convert.
        { std::ofstream(d / "pytorch_model.bin") << "\x80\x02}q\x00."; }
        try {
            loadCheckpoint(d);
            QFAIL("pickle accepted");
        } catch (const Error& e) {
            QVERIFY(e.message().find("pickle") != std::string::npos);
            QVERIFY(e.hint().find("safe_serialization") != std::string::npos);
        }
        // Shapes that disagree with config.json name the tensor.
        WordPieceTokenizer tok(tinyVocab(300));
        TransformerModel m(small(Family::Bert));
        saveCheckpoint(d / "ok", m, tok);
        ModelConfig other = small(Family::Bert);
        other.intermediate_size = 48;
        std::ofstream(d / "ok" / "config.json") << other.toJson().dump();
        try {
            loadCheckpoint(d / "ok");
            QFAIL("mismatch accepted");
        } catch (const Error& e) {
            QVERIFY2(e.message().find("intermediate.dense.weight") != std::string::npos, e.message().c_str());
        }
        std::ofstream(d / "ok" / "config.json") << "{ broken";
        QVERIFY_THROWS_EXCEPTION(Error, loadCheckpoint(d / "ok"));
    }

    void readsHfVariantNames()
    {
        // gpt2 as published: no "transformer." prefix; BERT's old LayerNorm gamma/beta.
        torch::manual_seed(5);
        TransformerModel gpt(small(Family::Gpt2));
        NamedTensors renamed;
        for (auto& [k, t] : exportStateDict(gpt)) renamed.emplace_back(k.substr(std::string("transformer.").size()), t);
        renamed.emplace_back("h.0.attn.bias", torch::ones({1, 1, 40, 40}));  // buffers HF files carry are ignored
        TransformerModel fresh(small(Family::Gpt2));
        importStateDict(fresh, SafetensorsFile::parse([&] {
            auto s = serializeSafetensors(renamed);
            return std::vector<std::uint8_t>(s.begin(), s.end());
        }(), "gpt2"));
        torch::NoGradGuard ng;
        gpt->eval();
        fresh->eval();
        auto ids = torch::randint(0, 300, {1, 6}, torch::kLong);
        QVERIFY(torch::equal(gpt->forward(ids).token_logits, fresh->forward(ids).token_logits));

        TransformerModel bert(small(Family::Bert));
        NamedTensors old;
        for (auto& [k, t] : exportStateDict(bert)) {
            std::string n = k;
            if (n.find("LayerNorm.weight") != std::string::npos) n.replace(n.find("weight"), 6, "gamma");
            else if (n.find("LayerNorm.bias") != std::string::npos) n.replace(n.find("bias"), 4, "beta");
            old.emplace_back(n, t);
        }
        TransformerModel bert2(small(Family::Bert));
        auto s = serializeSafetensors(old);
        importStateDict(bert2, SafetensorsFile::parse({s.begin(), s.end()}, "bert"));
        bert->eval();
        bert2->eval();
        QVERIFY(torch::equal(bert->forward(ids).token_logits, bert2->forward(ids).token_logits));
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "test_model.moc"

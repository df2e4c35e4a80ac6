// ERNIE (issue 14 item 3): the K-Encoder's fusion layer (shapes, the token stream alone when
// no entity is aligned, entities reaching the tokens), the entity alignment of text, the
// dEA targets and corruption of the data pipeline, checkpoints with their entity table, and
// a short pre-training run of MLM + NSP + dEA.
#include "core/api/Finetune.h"
#include "core/api/Job.h"
#include "core/api/Knowledge.h"
#include "core/api/Tasks.h"
#include "core/api/ParameterCount.h"
#include "core/knowledge/EntityAlignment.h"
#include "core/model/Checkpoint.h"
#include "core/model/Safetensors.h"
#include "core/model/StateDict.h"
#include "core/model/Transformer.h"
#include "core/store/RunStore.h"
#include "core/text/Corpus.h"
#include "core/text/Tokenizer.h"
#include "core/train/DataPipeline.h"
#include "core/util/Error.h"

#include <QTemporaryDir>
#include <nlohmann/json.hpp>
#include <QtTest>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace ptl;
namespace fs = std::filesystem;

namespace {

ModelConfig tinyErnie()
{
    ModelConfig c;
    c.family = Family::Bert;
    c.vocab_size = 64;
    c.hidden_size = 32;
    c.embedding_size = 32;
    c.num_layers = 3;
    c.num_heads = 2;
    c.intermediate_size = 64;
    c.max_position_embeddings = 32;
    c.hidden_dropout = c.attention_dropout = c.embedding_dropout = 0.0;
    c.knowledge_layers = 2;
    c.entity_size = 8;
    c.entity_heads = 2;
    c.entity_count = 10;
    return c;
}

TransformerModel makeErnie(const ModelConfig& c)
{
    torch::manual_seed(7);
    TransformerModel m(c);
    torch::NoGradGuard g;
    m->entityTable.normal_(0.0, 0.5);
    m->eval();
    return m;
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

const EntityTable& shippedTable()
{
    static const EntityTable t = loadEntityTable(shippedTransEDir());
    return t;
}

// Five documents of Brown-like text, enough for sentence pairs.
Corpus smallCorpus()
{
    std::string text;
    const char* docs[] = {
        "The farmer dug the ground with a spade. He planted roses in the garden near the house. His dog watched the birds.",
        "The jury said the election was conducted in a fair manner. The city council met on Friday. The mayor spoke to the press.",
        "A ship sailed from New York to London. The captain kept the log. The sailors ate bread and cheese every day.",
        "The teacher wrote a letter to the school board. The students read books in the library. The room was quiet.",
        "The doctor examined the child in the hospital. The nurse gave her some medicine. Her mother waited in the hall.",
        "The old man sold his car and bought a horse. The horse pulled a cart to the market. The road was long and dusty.",
    };
    for (const char* d : docs) text += std::string(d) + "\n\n";
    return parseCorpus(text, "test corpus");
}

} // namespace

class TestErnie : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fusionLayerShapes()
    {
        const ModelConfig c = tinyErnie();
        auto m = makeErnie(c);
        auto ids = torch::randint(5, 60, {2, 12}, torch::kLong);
        auto ent = torch::full({2, 12}, -1, torch::kLong);
        ent[0][3] = 4;
        ent[0][7] = 9;
        ent[1][1] = 0;
        ForwardOptions fo;
        fo.entityIds = ent;
        fo.attentions = true;
        auto out = m->forward(ids, {}, {}, fo);
        QCOMPARE(out.last_hidden.sizes().vec(), (std::vector<int64_t>{2, 12, 32}));
        QCOMPARE(out.last_entity.sizes().vec(), (std::vector<int64_t>{2, 12, 8}));
        QCOMPARE(out.attentions.size(), std::size_t(3));             // every layer's token attention
        QCOMPARE(out.entity_attentions.size(), std::size_t(2));      // the K-Encoder's entity attention
        QCOMPARE(out.entity_attentions[0].sizes().vec(), (std::vector<int64_t>{2, 2, 12, 12}));
        // The entity stream is zero away from the aligned tokens, and the entity attention
        // of an aligned token sums to 1 over the aligned tokens of its sequence only.
        auto unaligned = (ent < 0).unsqueeze(-1).expand({2, 12, 8});
        QCOMPARE(out.last_entity.masked_select(unaligned).abs().max().item<double>(), 0.0);
        QVERIFY(out.last_entity[0][3].abs().sum().item<double>() > 0);
        auto rowSum = out.entity_attentions[1][0].sum(-1);          // (heads, T)
        QVERIFY(std::abs(rowSum[0][3].item<double>() - 1.0) < 1e-5);
        QCOMPARE(rowSum[0][2].item<double>(), 0.0);
        QVERIFY(std::abs(out.entity_attentions[1][1][0][1][1].item<double>() - 1.0) < 1e-5);  // alone in its sequence
        // dEA scores against candidates.
        auto logits = m->entityLogits(out.last_hidden.reshape({-1, 32}).narrow(0, 0, 5), torch::tensor({1, 4, 9}, torch::kLong));
        QCOMPARE(logits.sizes().vec(), (std::vector<int64_t>{5, 3}));
        // The closed-form count matches what LibTorch allocates (the entity table is a buffer).
        std::int64_t params = 0;
        for (const auto& p : m->parameters()) params += p.numel();
        QCOMPARE(countParameters(c).total, params);
        QVERIFY(countParameters(c).knowledge > 0);
    }

    void withoutEntitiesItIsTheTokenStreamAlone()
    {
        const ModelConfig c = tinyErnie();
        auto m = makeErnie(c);
        auto ids = torch::randint(5, 60, {2, 10}, torch::kLong);
        auto plain = m->forward(ids).last_hidden;
        ForwardOptions none;
        none.entityIds = torch::full({2, 10}, -1, torch::kLong);
        QCOMPARE(maxDiff(m->forward(ids, {}, {}, none).last_hidden, plain), 0.0);
        // The same weights in a plain BERT (knowledge_layers 0) give the same output: with no
        // entity, h = GELU(W_t w + b) is BERT's feed-forward layer.
        ModelConfig bc = c;
        bc.knowledge_layers = 0;
        TransformerModel bert(bc);
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "m.safetensors";
        writeSafetensors(file, exportStateDict(m), {});
        importStateDict(bert, SafetensorsFile::open(file));
        bert->eval();
        QVERIFY(maxDiff(bert->forward(ids).last_hidden, plain) < 1e-6);
        // A sequence with no entity is not changed by entities in the other sequence of its batch.
        ForwardOptions some;
        some.entityIds = torch::full({2, 10}, -1, torch::kLong);
        some.entityIds[0][2] = 5;
        auto mixed = m->forward(ids, {}, {}, some).last_hidden;
        QVERIFY(maxDiff(mixed[1], plain[1]) < 1e-6);
        // ... while the entity changes the token it is aligned with, and through the last
        // K-Encoder layer's attention the others of its sequence.
        QVERIFY(maxDiff(mixed[0][2], plain[0][2]) > 1e-3);
        QVERIFY(maxDiff(mixed[0][6], plain[0][6]) > 1e-6);
        // Out-of-table ids are refused.
        ForwardOptions bad;
        bad.entityIds = torch::full({2, 10}, -1, torch::kLong);
        bad.entityIds[0][0] = 10;
        QVERIFY_THROWS_EXCEPTION(Error, m->forward(ids, {}, {}, bad));
    }

    void configChecksTheKnowledgeFields()
    {
        ModelConfig c = tinyErnie();
        QVERIFY(c.validate().empty());
        c.entity_heads = 3;
        QVERIFY(c.validate().find("entity_heads") != std::string::npos);
        c = tinyErnie();
        c.knowledge_layers = 4;
        QVERIFY(c.validate().find("knowledge_layers") != std::string::npos);
        c = tinyErnie();
        c.family = Family::Albert;
        QVERIFY(!c.validate().empty());
        c = tinyErnie();
        c.layer_norm = LayerNormPlacement::Pre;
        QVERIFY(c.validate().find("post-LN") != std::string::npos);
        // The knowledge fields survive config.json.
        const ModelConfig back = ModelConfig::fromJson(tinyErnie().toJson());
        QCOMPARE(back.knowledge_layers, 2);
        QCOMPARE(back.entity_size, 8);
        QCOMPARE(back.entity_heads, 2);
        QCOMPARE(back.entity_count, 10);
    }

    void alignmentPutsEntitiesOnFirstTokens()
    {
        const EntityTable& table = shippedTable();
        QVERIFY(table.rows() > 20000);
        QCOMPARE(table.dim(), 100);
        auto tok = loadBundledTokenizer(TokenizerKind::WordPiece);
        const EntityAligner aligner(WordNet::installed(), table, *tok);
        const std::string sentence = "The farmer dug the ground with a spade near the ice cream shop in New York.";
        const std::vector<int> ids = tok->encode(sentence);
        AlignmentStats stats;
        const std::vector<int> rows = aligner.align(sentence, ids, &stats);
        QCOMPARE(rows.size(), ids.size());
        std::map<std::string, std::string> byToken;  // first token -> entity
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (rows[i] >= 0) byToken[tok->token(ids[i])] = table.names[static_cast<std::size_t>(rows[i])];
        QCOMPARE(byToken["farmer"], std::string("farmer.n.01"));
        QCOMPARE(byToken["ground"], std::string("land.n.04"));  // WordNet's first noun sense of "ground"
        QCOMPARE(byToken["ice"], std::string("ice_cream.n.01"));  // the expression wins over its words
        QCOMPARE(byToken["new"], std::string("new_york.n.01"));
        QVERIFY(!byToken.count("cream") && !byToken.count("york") && !byToken.count("the"));
        // [MASK] is a special token, not the noun "mask".
        const std::string masked = "The farmer dug the [MASK] with a spade.";
        const std::vector<int> mids = tok->encode(masked);
        const std::vector<int> mrows = aligner.align(masked, mids);
        for (std::size_t i = 0; i < mids.size(); ++i)
            if (mids[i] == tok->specials().mask) QCOMPARE(mrows[i], -1);
        QVERIFY(std::count_if(mrows.begin(), mrows.end(), [](int r) { return r >= 0; }) >= 3);
        QCOMPARE(stats.sentences, 1LL);
        QCOMPARE(stats.aligned + stats.outsideTable + stats.unmatched, stats.mentions);
        QVERIFY(stats.aligned >= 6);
        // Tokens the tokenizer cannot spell stop the alignment there, not before.
        std::vector<int> withUnk = ids;
        withUnk[5] = tok->specials().unk;
        AlignmentStats s2;
        const std::vector<int> rows2 = aligner.align(sentence, withUnk, &s2);
        for (std::size_t i = 0; i < 5; ++i) QCOMPARE(rows2[i], rows[i]);
        for (std::size_t i = 5; i < ids.size(); ++i) QCOMPARE(rows2[i], -1);
        QVERIFY(s2.unmatched > 0);
    }

    void deaTargetsAndCorruption()
    {
        auto tok = loadBundledTokenizer(TokenizerKind::WordPiece);
        JobSpec s = JobSpec::fromPreset("ernie-mini");
        s.train.batch_size = 4;
        s.train.seq_len = 64;
        s.train.held_out = 0.2;
        s.model.entity_count = shippedTable().rows();
        const Corpus corpus = smallCorpus();
        DataPipeline data(s, *tok, corpus, &shippedTable());
        QVERIFY(data.alignment().aligned > 20);
        std::int64_t aligned = 0, kept = 0, hidden = 0, swapped = 0;
        for (int i = 0; i < 200; ++i) {
            const Batch b = data.trainBatch(i);
            QCOMPARE(b.entityIds.sizes(), b.ids.sizes());
            QCOMPARE(b.entityLabels.sizes(), b.ids.sizes());
            auto labels = b.entityLabels.reshape({-1});
            auto input = b.entityIds.reshape({-1});
            auto ids = b.ids.reshape({-1});
            auto mlmLabels = b.labels.reshape({-1});
            // Inputs exist only where an alignment does; targets sit on word-initial tokens.
            QVERIFY(((input >= 0) & (labels < 0)).sum().item<int64_t>() == 0);
            for (int64_t j = 0; j < labels.size(0); ++j) {
                const int64_t e = labels[j].item<int64_t>();
                if (e < 0) continue;
                ++aligned;
                // The token before MLM masking (which may have put [MASK] or a random token there).
                const int64_t mlm = mlmLabels[j].item<int64_t>();
                const int id = static_cast<int>(mlm >= 0 ? mlm : ids[j].item<int64_t>());
                QVERIFY(!tok->isSpecial(id));
                QVERIFY(!tok->isContinuation(id));
                const int64_t in = input[j].item<int64_t>();
                if (in == e) ++kept;
                else if (in < 0) ++hidden;
                else ++swapped;
            }
        }
        const double n = static_cast<double>(aligned);
        QVERIFY(aligned > 1000);
        QVERIFY2(std::abs(hidden / n - 0.15) < 0.03, qPrintable(QString::number(hidden / n)));
        QVERIFY2(std::abs(swapped / n - 0.05) < 0.02, qPrintable(QString::number(swapped / n)));
        QVERIFY(std::abs(kept / n - 0.80) < 0.04);
        // Evaluation batches are corrupted the same way every time.
        QVERIFY(torch::equal(data.evalBatch(0).entityIds, data.evalBatch(0).entityIds));
        // Everything hidden.
        s.train.entity_mask_prob = 1.0;
        s.train.entity_random_prob = 0.0;
        DataPipeline allHidden(s, *tok, corpus, &shippedTable());
        const Batch h = allHidden.trainBatch(0);
        QCOMPARE((h.entityIds >= 0).sum().item<int64_t>(), int64_t(0));
        QVERIFY((h.entityLabels >= 0).sum().item<int64_t>() > 0);
        // Without a table (a plain BERT) there are no entity tensors.
        JobSpec plain = s;
        plain.model.knowledge_layers = 0;
        QVERIFY(!DataPipeline(plain, *tok, corpus).trainBatch(0).entityIds.defined());
    }

    void knowledgeTasksAskAboutUnseenWords()
    {
        auto lower = [](std::string x) {
            for (auto& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return x;
        };
        for (const char* name : {"typing", "relation"}) {
            const Task t = buildTask(name, 1234);
            QVERIFY(t.train.size() > 3000);
            QVERIFY(t.dev.size() > 300 && t.test.size() > 300);
            std::set<std::string> trainKeys;
            std::set<int> trainDocs;
            for (const auto& e : t.train) {
                QCOMPARE(e.texts.size(), std::size_t(2));
                QVERIFY(e.label >= 0 && e.label < static_cast<int>(t.labels.size()));
                trainKeys.insert(lower(e.texts[1]));
                trainDocs.insert(e.document);
            }
            for (const auto* split : {&t.dev, &t.test})
                for (const auto& e : *split) {
                    QVERIFY2(!trainKeys.count(lower(e.texts[1])), e.texts[1].c_str());  // a word (pair) training never labelled
                    QVERIFY(!trainDocs.count(e.document));                             // and a document it never saw
                    QVERIFY(lower(e.texts[0]).find(lower(e.texts[1]).substr(0, lower(e.texts[1]).find(" ; "))) != std::string::npos);
                }
            // The same seed builds the same task.
            const Task again = buildTask(name, 1234);
            QCOMPARE(again.test.size(), t.test.size());
            QCOMPARE(again.test.front().texts, t.test.front().texts);
        }
        // Typing's labels are WordNet's noun classes.
        const Task typing = buildTask("typing", 1234);
        QCOMPARE(typing.labels.size(), std::size_t(25));
        QVERIFY(std::find(typing.labels.begin(), typing.labels.end(), "person") != typing.labels.end());
    }

    void checkpointCarriesItsEntityTable()
    {
        QTemporaryDir dir;
        const fs::path d = dir.path().toStdString();
        ModelConfig c = tinyErnie();
        c.vocab_size = 8192;
        auto m = makeErnie(c);
        auto tok = loadBundledTokenizer(TokenizerKind::WordPiece);
        saveCheckpoint(d, m, *tok);
        std::vector<std::string> names;
        for (int i = 0; i < 10; ++i) names.push_back("entity" + std::to_string(i) + ".n.01");
        saveEntityNames(d, names, "test");
        LoadedModel back = loadCheckpoint(d);
        QCOMPARE(back.entityNames, names);
        QVERIFY(torch::equal(back.model->entityTable, m->entityTable));
        ForwardOptions fo;
        auto ids = torch::randint(5, 60, {1, 8}, torch::kLong);
        fo.entityIds = torch::tensor({{-1, 3, -1, -1, 7, -1, -1, -1}}, torch::kLong);
        QVERIFY(maxDiff(back.model->forward(ids, {}, {}, fo).last_hidden, m->forward(ids, {}, {}, fo).last_hidden) < 1e-6);
        // A damaged entities.tsv is refused with the file and line.
        {
            std::ofstream f(d / "entities.tsv");
            f << "row\tname\n0\ta.n.01\n2\tb.n.01\n";
        }
        try {
            loadCheckpoint(d);
            QFAIL("a damaged entities.tsv was accepted");
        } catch (const Error& e) {
            QVERIFY2(e.full().find("entities.tsv:3") != std::string::npos, e.full().c_str());
        }
    }

    void pretrainingRunsMlmNspAndDea()
    {
        QTemporaryDir dir;
        const fs::path d = dir.path().toStdString();
        {
            std::ofstream f(d / "corpus.txt");
            const Corpus c = smallCorpus();
            for (int rep = 0; rep < 4; ++rep)
                for (const auto& doc : c.documents) {
                    for (const auto& s : doc.sentences) f << s << "\n";
                    f << "\n";
                }
        }
        JobSpec s = JobSpec::fromPreset("ernie-mini");
        s.corpus = (d / "corpus.txt").string();
        s.model.num_layers = 2;
        s.model.knowledge_layers = 1;
        s.model.hidden_size = s.model.embedding_size = 64;
        s.model.intermediate_size = 128;
        s.train.steps = 40;
        s.train.batch_size = 8;
        s.train.seq_len = 64;
        s.train.lr = 2e-3;
        s.train.warmup_steps = 4;
        s.train.eval_every = 20;
        s.train.log_every = 5;
        s.train.probe_every = 1000;
        s.train.checkpoint_every = 40;
        s.train.held_out = 0.2;
        s.train.dynamics = false;
        s.train.threads = 2;
        s.out_dir = (d / "run").string();
        struct Quiet : JobObserver {} obs;
        StopToken stop;
        const RunOutcome r = runJob(s, (d / "runs.sqlite").string(), obs, stop);
        QVERIFY2(r.status == "completed", r.message.c_str());
        RunStore store((d / "runs.sqlite").string());
        std::map<std::string, std::vector<double>> series;
        for (const auto& m : store.metrics(r.runId)) series[m.name].push_back(m.value);
        QVERIFY(series.count("dea_loss") && series.count("mlm_loss") && series.count("nsp_loss"));
        QVERIFY(series.count("eval_dea_accuracy") && series.count("eval_dea_copy_accuracy"));
        QVERIFY(series["entity_mentions_aligned"].front() > 0.5);
        // dEA learns: its loss falls, and where the entity stream still carries the answer
        // the model finds it among the candidates far above chance.
        QVERIFY2(series["dea_loss"].back() < series["dea_loss"].front(),
                 qPrintable(QStringLiteral("%1 -> %2").arg(series["dea_loss"].front()).arg(series["dea_loss"].back())));
        QVERIFY(series["eval_dea_accuracy"].back() > 2 * series["eval_dea_chance_accuracy"].back());
        QCOMPARE(store.run(r.runId)->objective, std::string("mlm+nsp+dea"));
        // The last checkpoint opens with its entity names.
        const auto cks = store.checkpoints(r.runId);
        QVERIFY(!cks.empty());
        LoadedModel m = loadCheckpoint(cks.back().path);
        QCOMPARE(static_cast<int>(m.entityNames.size()), shippedTable().rows());
        QCOMPARE(m.entityNames[0], std::string("entity.n.01"));

        // Fine-tuning the ERNIE checkpoint on entity typing feeds the task's entities too,
        // and the fine-tuned folder predicts with them.
        JobSpec ft = JobSpec::forFinetuning(cks.back().path, "typing");
        ft.train.steps = 6;
        ft.train.batch_size = 8;
        ft.train.seq_len = 64;
        ft.train.warmup_steps = 1;
        ft.train.eval_every = 6;
        ft.train.threads = 2;
        ft.finetune.max_train_examples = 64;
        ft.finetune.max_eval_examples = 32;
        ft.out_dir = (d / "ft").string();
        const RunOutcome f = runJob(ft, (d / "runs.sqlite").string(), obs, stop);
        QVERIFY2(f.status == "completed", f.message.c_str());
        QVERIFY(fs::exists(d / "ft" / "best" / "entities.tsv"));
        const TaskPrediction p = predictTask((d / "ft" / "best").string(), {"The farmer dug the ground with a spade.", "spade"});
        QCOMPARE(p.labels.size(), std::size_t(25));
        QCOMPARE(p.probs.size(), std::size_t(25));
    }
};

QTEST_GUILESS_MAIN(TestErnie)
#include "test_ernie.moc"

#include "app/cli/Commands.h"
#include "core/api/Dynamics.h"
#include "core/api/Evaluate.h"
#include "core/api/Experiment.h"
#include "core/api/ModelSession.h"
#include "core/api/Presets.h"
#include "core/model/Checkpoint.h"
#include "core/model/Electra.h"
#include "core/model/Inspect.h"
#include "core/model/Safetensors.h"
#include "core/model/StateDict.h"
#include "core/objectives/MlmMasker.h"
#include "core/store/RunStore.h"
#include "core/text/ByteLevelBpe.h"
#include "core/text/Corpus.h"
#include "core/text/WordPiece.h"
#include "core/util/Error.h"
#include "core/util/Parse.h"
#include "core/util/Files.h"

#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace ptl::cli {

int gThreads = 0;

namespace {

// --checkpoint DIR | --vocab FILE: the tokenizer to use.
struct TokenizerSource {
    std::string checkpoint, vocab;
    void add(CLI::App* c)
    {
        auto* a = c->add_option("--checkpoint", checkpoint, "checkpoint folder (its tokenizer files are used)");
        auto* b = c->add_option("--vocab", vocab, "vocab.txt (WordPiece) or vocab.json (BPE, merges.txt beside it)");
        a->excludes(b);
    }
    std::unique_ptr<Tokenizer> load() const
    {
        if (!checkpoint.empty()) return loadTokenizer(checkpoint);
        if (!vocab.empty()) return loadTokenizerFile(vocab);
        return loadBundledTokenizer(TokenizerKind::WordPiece);
    }
};

void printJson(const json& j) { std::cout << j.dump() << "\n"; }

std::string readTextArg(const std::string& text, const std::string& file)
{
    if (!file.empty()) return readTextFile(file);
    return text;
}

} // namespace

// ------------------------------------------------------------------ init
void addInit(CLI::App& app)
{
    struct Opts {
        std::string preset, out;
        std::vector<std::string> sets;
        std::uint64_t seed = 1234;
        bool force = false, json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("init", "write a randomly initialised checkpoint folder for a preset");
    c->add_option("--preset", o->preset, "bert-tiny, bert-mini, gpt-tiny, gpt-mini, albert-tiny, albert-mini, electra-tiny, electra-mini")->required();
    c->add_option("--out", o->out, "folder to write (config.json, model.safetensors, tokenizer files)")->required();
    c->add_option("--set", o->sets, "override a model field, key=value (repeatable)");
    c->add_option("--seed", o->seed, "random seed for the initial weights");
    c->add_flag("--force", o->force, "overwrite a folder that already holds a model");
    c->add_flag("--json", o->json, "print the result as JSON");
    c->callback([o] {
        const Preset& p = presetByName(o->preset);
        ModelConfig cfg = p.model;
        auto tok = loadBundledTokenizer(p.tokenizer);
        cfg.vocab_size = tok->vocabSize();
        for (const auto& kv : o->sets) {
            const auto [key, value] = splitAssignment(kv);
            cfg.set(key, value);
        }
        if (cfg.vocab_size != tok->vocabSize())
            throw Error("vocab_size " + std::to_string(cfg.vocab_size) + " differs from the bundled tokenizer's " +
                        std::to_string(tok->vocabSize()), "leave vocab_size unset; it follows the tokenizer");
        cfg.check();
        const fs::path out = o->out;
        if (fs::exists(out / "model.safetensors") && !o->force)
            throw Error(out.string() + " already holds a model", "choose another --out, or pass --force to overwrite it");
        torch::manual_seed(o->seed);
        std::int64_t params = 0;
        const std::map<std::string, std::string> meta{{"preset", p.name}, {"seed", std::to_string(o->seed)}};
        if (cfg.family == Family::Electra) {  // the discriminator, and its generator in generator/
            ElectraModels m = makeElectra(cfg);
            saveElectraCheckpoint(out, m, *tok, meta);
            for (const auto& [name, t] : electraParameters(m)) params += t.numel();
        } else {
            TransformerModel model(cfg);
            saveCheckpoint(out, model, *tok, meta);
            for (const auto& t : model->parameters()) params += t.numel();
        }
        if (o->json)
            printJson({{"out", out.string()}, {"preset", p.name}, {"parameters", params}, {"seed", o->seed}});
        else
            std::cout << "wrote " << out.string() << " (" << p.name << ", " << params << " parameters, seed " << o->seed << ")\n";
    });
}

// ------------------------------------------------------------------ tokenize
void addTokenize(CLI::App& app)
{
    struct Opts {
        TokenizerSource src;
        std::string text, file;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("tokenize", "split text into WordPiece or BPE tokens, with ids");
    o->src.add(c);
    auto* t = c->add_option("--text", o->text, "text to tokenize");
    c->add_option("--text-file", o->file, "read the text from a file")->excludes(t);
    c->add_flag("--json", o->json, "print {tokens, ids, unknown} as JSON");
    c->callback([o] {
        auto tok = o->src.load();
        const std::string text = readTextArg(o->text, o->file);
        const auto tokens = tok->tokenize(text);
        const auto ids = tok->toIds(tokens);
        std::vector<int> unknown;
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == tok->specials().unk) unknown.push_back(static_cast<int>(i));
        if (o->json) {
            printJson({{"tokens", tokens}, {"ids", ids}, {"unknown", unknown}, {"kind", toString(tok->kind())}});
            return;
        }
        for (std::size_t i = 0; i < tokens.size(); ++i)
            std::cout << std::setw(5) << i << "  " << std::setw(6) << ids[i] << "  " << tokens[i]
                      << (ids[i] == tok->specials().unk ? "   <- unknown" : "") << "\n";
        std::cout << tokens.size() << " tokens\n";
    });
}

// ------------------------------------------------------------------ mask
void addMask(CLI::App& app)
{
    struct Opts {
        TokenizerSource src;
        std::string file;
        std::uint64_t seed = 0;
        int maxSeq = 128, limit = 0;
        MaskingOptions m;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("mask", "run BERT's masked-LM masker on a text file and show its decisions");
    o->src.add(c);
    c->add_option("--text-file", o->file, "text file (documents separated by blank lines)")->required();
    c->add_option("--seed", o->seed, "random seed")->required();
    c->add_option("--max-seq", o->maxSeq, "sequence length, [CLS] and [SEP] included");
    c->add_option("--mask-prob", o->m.maskProb, "share of tokens to predict");
    c->add_option("--max-predictions", o->m.maxPredictions, "at most this many per sequence");
    c->add_option("--mask-ratio", o->m.maskRatio, "share of selected tokens replaced by [MASK]");
    c->add_option("--random-ratio", o->m.randomRatio, "share replaced by a random token (the rest is kept)");
    c->add_flag("--whole-word", o->m.wholeWord, "mask all pieces of a word together");
    c->add_option("--ngram", o->m.maxNgram, "ALBERT n-gram masking up to n (1: off)");
    c->add_option("--limit", o->limit, "stop after this many sequences (0: all)");
    c->add_flag("--json", o->json, "print {sequences: [{tokens, decisions}]} as JSON");
    c->callback([o] {
        auto tok = o->src.load();
        if (o->maxSeq < 3) throw Error("--max-seq must be at least 3");
        const Corpus corpus = readCorpus(o->file);
        MlmMasker masker(*tok, o->m);
        std::mt19937_64 rng(o->seed);
        json seqs = json::array();
        const std::size_t room = static_cast<std::size_t>(o->maxSeq - 2);
        auto emit = [&](std::vector<int> body) {
            std::vector<int> ids{tok->specials().cls};
            ids.insert(ids.end(), body.begin(), body.end());
            ids.push_back(tok->specials().sep);
            const auto decisions = masker.mask(ids, rng);
            std::vector<std::string> tokens;
            for (int id : ids) tokens.push_back(tok->token(id));
            if (o->json) {
                json d = json::array();
                for (const auto& x : decisions)
                    d.push_back({{"position", x.position}, {"original", tok->token(x.original)}, {"original_id", x.original},
                                 {"input", tok->token(x.input)}, {"input_id", x.input}, {"kind", toString(x.kind)}});
                seqs.push_back({{"tokens", tokens}, {"ids", ids}, {"decisions", d}});
            } else {
                std::size_t k = 0;
                for (std::size_t i = 0; i < tokens.size(); ++i) {
                    if (i) std::cout << ' ';
                    if (k < decisions.size() && decisions[k].position == static_cast<int>(i)) {
                        const auto& x = decisions[k++];
                        if (x.kind == MaskKind::Mask) std::cout << "[MASK]{" << tok->token(x.original) << "}";
                        else if (x.kind == MaskKind::Random) std::cout << "~" << tokens[i] << "{" << tok->token(x.original) << "}";
                        else std::cout << "=" << tokens[i];
                    } else {
                        std::cout << tokens[i];
                    }
                }
                std::cout << "\n";
            }
        };
        int count = 0;
        for (const auto& doc : corpus.documents) {
            std::vector<int> body;
            for (const auto& s : doc.sentences) {
                auto ids = tok->encode(s);
                if (!body.empty() && body.size() + ids.size() > room) {
                    emit(std::move(body));
                    body.clear();
                    if (o->limit && ++count >= o->limit) goto done;
                }
                body.insert(body.end(), ids.begin(), ids.end());
                if (body.size() > room) body.resize(room);
            }
            if (!body.empty()) {
                emit(std::move(body));
                if (o->limit && ++count >= o->limit) goto done;
            }
        }
    done:
        if (o->json) printJson({{"sequences", seqs}});
        else std::cout << "legend: [MASK]{original}  ~random{original}  =kept\n";
    });
}

// ------------------------------------------------------------------ inspect
void addInspect(CLI::App& app)
{
    struct Opts {
        std::string checkpoint, text, textB;
        int topK = 5;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("inspect", "tokens, attention probabilities and top-k predictions at each [MASK]");
    c->add_option("--checkpoint", o->checkpoint, "checkpoint folder")->required();
    c->add_option("--text", o->text, "text (segment A); write [MASK] where the model should predict")->required();
    c->add_option("--text-b", o->textB, "segment B of a sentence pair");
    c->add_option("--top-k", o->topK, "predictions per [MASK]");
    c->add_flag("--json", o->json, "print {tokens, ids, attentions[layer][head][query][key], mlm_top_k} as JSON");
    c->callback([o] {
        LoadedModel m = loadCheckpoint(o->checkpoint);
        const InspectResult r = inspect(m, o->text, o->textB.empty() ? std::nullopt : std::optional<std::string>(o->textB), o->topK);
        // What word frequency alone guesses (a model that ignores context), for comparison.
        json freq = json::array();
        try {
            if (const auto u = unigramFor(m))
                for (const auto& [id, share] : u->top(o->topK)) freq.push_back({{"token", m.tokenizer->token(id)}, {"id", id}, {"prob", share}});
        } catch (const Error& e) {
            std::cerr << "warning: " << e.full() << "\n";  // the predictions still print
        }
        json top = json::array();
        for (const auto& p : r.maskPredictions) {
            json cands = json::array();
            for (const auto& cnd : p.candidates) cands.push_back({{"token", cnd.token}, {"id", cnd.id}, {"prob", cnd.prob}});
            top.push_back({{"position", p.position}, {"candidates", cands}});
        }
        if (o->json) {
            json out{{"tokens", r.tokens}, {"ids", r.ids}, {"type_ids", r.typeIds}, {"attentions", r.attentions}, {"mlm_top_k", top}};
            if (!r.replacedProb.empty()) out["replaced_prob"] = r.replacedProb;
            if (!freq.empty()) out["frequency_top_k"] = freq;
            printJson(out);
            return;
        }
        std::cout << "tokens:";
        for (const auto& t : r.tokens) std::cout << ' ' << t;
        std::cout << "\n" << r.attentions.size() << " layers x " << (r.attentions.empty() ? 0 : r.attentions[0].size())
                  << " heads of attention over " << r.tokens.size() << " tokens (use --json for the values)\n";
        if (!r.replacedProb.empty()) {
            std::cout << "discriminator P(replaced):";
            for (std::size_t i = 0; i < r.tokens.size(); ++i) std::cout << "  " << r.tokens[i] << " " << std::fixed << std::setprecision(2) << r.replacedProb[i];
            std::cout << "\n";
        }
        for (const auto& p : r.maskPredictions) {
            std::cout << "[MASK] at " << p.position << ":";
            for (const auto& cnd : p.candidates) std::cout << "  " << cnd.token << " " << std::fixed << std::setprecision(3) << cnd.prob;
            std::cout << "\n";
        }
        if (!r.maskPredictions.empty() && !freq.empty()) {
            std::cout << "word frequency alone (a model that ignores context):";
            for (const auto& f : freq) std::cout << "  " << f["token"].get<std::string>() << " " << std::fixed << std::setprecision(3) << f["prob"].get<double>();
            std::cout << "\n";
        }
    });
}

// ------------------------------------------------------------------ replaced
void addReplaced(CLI::App& app)
{
    struct Opts {
        std::string checkpoint, text;
        ReplacedOptions r;
        bool asTyped = false, json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("replaced", "ELECTRA: what the discriminator thinks was replaced in a text");
    c->add_option("--checkpoint", o->checkpoint, "an ELECTRA checkpoint folder (its generator/ beside it to corrupt)")->required();
    c->add_option("--text", o->text, "the text")->required();
    c->add_flag("--as-typed", o->asTyped, "score the text exactly as typed (replace a word yourself) instead of corrupting it");
    c->add_option("--seed", o->r.seed, "seed of the masking and the generator's sample");
    c->add_option("--mask-prob", o->r.maskProb, "share of tokens the generator refills");
    c->add_flag("--json", o->json, "print the view as JSON: tokens [{original, shown, masked, replaced, p}], histogram, scores");
    c->callback([o] {
        o->r.corrupt = !o->asTyped;
        auto session = ModelSession::open(o->checkpoint);
        const ReplacedView v = session->replaced(o->text, o->r);
        if (o->json) {
            std::cout << replacedToJson(v) << "\n";
            return;
        }
        std::cout << "token            shown            P(replaced)  " << (v.labelled ? "truth     call" : "") << "\n";
        for (const auto& t : v.tokens) {
            const bool call = t.pReplaced > v.threshold;
            std::cout << std::left << std::setw(16) << t.original << " " << std::setw(16) << (t.masked ? t.shown : "") << " " << std::right
                      << std::fixed << std::setprecision(3) << std::setw(11) << t.pReplaced << "  ";
            if (v.labelled) std::cout << std::left << std::setw(9) << (t.replaced ? "replaced" : "original") << " " << (call == t.replaced ? "right" : "WRONG");
            std::cout << "\n";
        }
        if (v.labelled)
            std::cout << "accuracy " << std::setprecision(3) << v.accuracy << ", replaced " << v.replacedCount << " of " << v.batchTokens << " tokens\n";
    });
}

// ------------------------------------------------------------------ probe
void addProbe(CLI::App& app)
{
    struct Opts {
        std::string checkpoint;
        GenreProbeOptions p;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("probe", "linear probe of an encoder on the bundled Brown genre classification (15 genres)");
    c->add_option("--checkpoint", o->checkpoint, "checkpoint folder")->required();
    c->add_option("--chunks", o->p.chunks, "sequences per document");
    c->add_option("--seq-len", o->p.seqLen, "tokens per sequence");
    c->add_option("--steps", o->p.steps, "full-batch Adam steps of the probe");
    c->add_flag("--json", o->json, "print the result as JSON");
    c->callback([o] {
        const GenreProbeResult r = genreProbe(o->checkpoint, o->p);
        if (o->json) {
            printJson({{"accuracy", r.accuracy}, {"doc_accuracy", r.docAccuracy}, {"majority", r.majority}, {"classes", r.classes},
                       {"train_examples", r.trainExamples}, {"test_examples", r.testExamples}, {"test_documents", r.testDocuments},
                       {"seconds", r.seconds}});
            return;
        }
        std::cout << std::fixed << std::setprecision(1) << "genre accuracy " << 100 * r.accuracy << "% on " << r.testExamples
                  << " held-out chunks, " << 100 * r.docAccuracy << "% on " << r.testDocuments << " documents (" << r.classes
                  << " genres; majority class " << 100 * r.majority << "%), " << std::setprecision(2) << r.seconds << " s\n";
    });
}

void addEvaluate(CLI::App& app)
{
    struct Opts {
        std::string checkpoint;
        HeldOutOptions h;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("evaluate", "held-out metrics of a checkpoint against the unigram baseline (what its card reports)");
    c->add_option("--checkpoint", o->checkpoint, "checkpoint folder")->required();
    c->add_option("--seed", o->h.seed, "the training run's seed: it picks the held-out documents (shipped models: see card.json)");
    c->add_option("--held-out", o->h.heldOut, "share of documents the run held out");
    c->add_option("--mask-prob", o->h.maskProb, "masked LM: share of tokens masked (BERT's 15% by default)");
    c->add_option("--batches", o->h.batches, "held-out batches");
    c->add_option("--batch-size", o->h.batchSize, "sequences a batch");
    c->add_option("--seq-len", o->h.seqLen, "tokens a sequence");
    c->add_option("--corpus", o->h.corpus, "text file or folder (default: the bundled Brown corpus)");
    c->add_flag("--space-sentences", o->h.spaceSentences, "BPE: join sentences as running text, as runs with space_sentences=true trained (GPT presets)");
    c->add_flag("--json", o->json, "print the result as JSON");
    c->callback([o] {
        const HeldOutResult r = evaluateHeldOut(o->checkpoint, o->h);
        if (o->json) {
            printJson(toJson(r));
            return;
        }
        std::cout << r.family << " (" << r.objective << "), " << r.predicted << " positions of " << r.sequences << " sequences from "
                  << r.heldOutDocuments << " held-out documents\n";
        for (const auto& [k, v] : r.metrics) std::cout << "  " << std::left << std::setw(36) << k << std::fixed << std::setprecision(4) << v << "\n";
    });
}

// ------------------------------------------------------------------ vocab
void addVocab(CLI::App& app)
{
    struct Opts {
        std::string kind = "wordpiece", corpus, out;
        int size = 8192;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("vocab", "train a WordPiece or byte-level BPE vocabulary on a corpus");
    c->add_option("--kind", o->kind, "wordpiece or bpe")->check(CLI::IsMember({"wordpiece", "bpe"}));
    c->add_option("--size", o->size, "vocabulary size, specials included");
    c->add_option("--corpus", o->corpus, "text file or folder (default: the bundled Brown corpus)");
    c->add_option("--out", o->out, "folder for vocab.txt, or vocab.json + merges.txt")->required();
    c->add_flag("--json", o->json, "print the result as JSON");
    c->callback([o] {
        if (o->size < 300) throw Error("--size must be at least 300 (got " + std::to_string(o->size) + ")");
        const Corpus corpus = o->corpus.empty() ? bundledCorpus() : readCorpus(o->corpus);
        std::vector<std::string> texts;
        for (const auto& d : corpus.documents) {
            std::string doc;
            for (const auto& s : d.sentences) doc += (doc.empty() ? "" : " ") + s;
            texts.push_back(std::move(doc));
        }
        fs::create_directories(o->out);
        int size = 0;
        if (o->kind == "wordpiece") {
            WordPieceTokenizer tok(WordPieceTokenizer::train(texts, o->size));
            tok.save(o->out);
            size = tok.vocabSize();
        } else {
            auto tok = ByteLevelBpeTokenizer::train(texts, o->size);
            tok->save(o->out);
            size = tok->vocabSize();
        }
        if (o->json) printJson({{"out", o->out}, {"kind", o->kind}, {"size", size}});
        else std::cout << "wrote a " << o->kind << " vocabulary of " << size << " tokens to " << o->out << "\n";
    });
}

// ------------------------------------------------------------------ convert
void addConvert(CLI::App& app)
{
    struct Opts {
        std::string checkpoint, out, dtype = "bf16";
        bool force = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("convert", "copy a checkpoint folder with its weights stored as bf16, fp16 or fp32");
    c->add_option("--checkpoint", o->checkpoint, "checkpoint folder to read")->required();
    c->add_option("--out", o->out, "folder to write")->required();
    c->add_option("--dtype", o->dtype, "bf16, fp16 or fp32")->check(CLI::IsMember({"bf16", "fp16", "fp32"}));
    c->add_flag("--force", o->force, "overwrite a folder that already holds a model");
    c->callback([o] {
        if (fs::exists(fs::path(o->out) / "model.safetensors") && !o->force)
            throw Error(o->out + " already holds a model", "choose another --out, or pass --force");
        const auto type = o->dtype == "bf16" ? torch::kBFloat16 : o->dtype == "fp16" ? torch::kFloat16 : torch::kFloat32;
        // One model folder; an ELECTRA checkpoint's generator/ (a model folder of its own)
        // goes along, and so does the cached unigram baseline.
        const auto convertOne = [&](const fs::path& from, const fs::path& to) {
            LoadedModel m = loadCheckpoint(from.string());
            fs::create_directories(to);
            NamedTensors tensors = exportStateDict(m.model);
            for (auto& [name, t] : tensors) t = t.to(type);
            writeSafetensors(to / "model.safetensors", tensors, {{"format", "pt"}, {"converted_from", from.string()}});
            m.tokenizer->save(to.string());
            writeFileAtomic(to / "config.json", m.config.toJson().dump(2) + "\n");
            if (fs::exists(from / "unigram.json")) fs::copy_file(from / "unigram.json", to / "unigram.json", fs::copy_options::overwrite_existing);
            if (m.config.isErnie()) saveEntityNames(to, m.entityNames, (from / "entities.tsv").string());  // ERNIE's entity table names its rows
        };
        convertOne(o->checkpoint, o->out);
        for (const char* sub : {"generator"})
            if (fs::exists(fs::path(o->checkpoint) / sub / "config.json")) convertOne(fs::path(o->checkpoint) / sub, fs::path(o->out) / sub);
        std::cout << "wrote " << o->out << " (" << o->dtype << ")\n";
    });
}

// ------------------------------------------------------------------ runs
// `runs show ID --dynamics`: the run's dynamics snapshots, as JSON (one object with a
// "points" array) or as two tables: accuracy by class, and each head's structure.
static void showDynamics(const RunStore& store, std::int64_t id, bool asJson)
{
    std::vector<DynamicsPoint> points;
    for (const auto& s : store.snapshots(id, "dynamics")) points.push_back(dynamicsFromJson(s.payload));
    if (asJson) {
        json a = json::array();
        for (const auto& p : points) a.push_back(json::parse(dynamicsToJson(p)));
        printJson({{"run_id", id}, {"pos_groups", posGroups()}, {"frequency_bands", frequencyBands()}, {"points", a}});
        return;
    }
    if (points.empty()) {
        std::cout << "run " << id << " has no dynamics snapshots (they are recorded at each eval; dynamics=false turns them off)\n";
        return;
    }
    std::cout << "held-out accuracy at masked (or next) tokens by class, per eval step\n" << std::left << std::setw(14) << "class";
    for (const auto& p : points) std::cout << std::right << std::setw(8) << p.step;
    std::cout << "\n";
    auto row = [&](const std::string& name, auto get) {
        std::cout << std::left << std::setw(14) << name.substr(0, 13);
        for (const auto& p : points) {
            const ClassCount c = get(p);
            if (c.predicted == 0) std::cout << std::right << std::setw(8) << "-";
            else std::cout << std::right << std::setw(8) << std::fixed << std::setprecision(3) << c.accuracy();
        }
        std::cout << "\n";
    };
    for (const auto& g : posGroups())
        if (points.back().posClasses.count(g)) row(g, [&](const DynamicsPoint& p) { auto it = p.posClasses.find(g); return it == p.posClasses.end() ? ClassCount{} : it->second; });
    for (const auto& b : frequencyBands())
        row(b, [&](const DynamicsPoint& p) { auto it = p.frequencyBands.find(b); return it == p.frequencyBands.end() ? ClassCount{} : it->second; });
    row("all", [](const DynamicsPoint& p) { return p.all; });
    std::cout << "\nattention heads at step " << points.back().step << " (first eval: step " << points.front().step << ")\n"
              << "  head     entropy  previous  [CLS]/[SEP]  det/adj->noun\n";
    for (std::size_t h = 0; h < points.back().heads.size(); ++h) {
        const auto& a = points.front().heads[h];
        const auto& z = points.back().heads[h];
        std::cout << "  L" << z.layer + 1 << " H" << z.head + 1 << std::fixed << std::setprecision(2) << "   " << a.entropy << "->" << z.entropy
                  << "  " << a.previous << "->" << z.previous << "   " << a.special << "->" << z.special << "     " << a.syntactic << "->"
                  << z.syntactic << "\n";
    }
}

void addRuns(CLI::App& app)
{
    struct Opts {
        std::string store;
        std::int64_t id = 0;
        bool json = false, dynamics = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("runs", "list and show the runs in a run store");
    c->require_subcommand(1);
    auto* list = c->add_subcommand("list", "one line per run");
    auto* show = c->add_subcommand("show", "one run with its configuration and last metrics");
    auto* csv = c->add_subcommand("export-csv", "a run's metrics as CSV on stdout: run_id,step,name,value,wall_time");
    for (auto* s : {list, show, csv}) {
        s->add_option("--store", o->store, "run store (default: $XDG_DATA_HOME/pretrainlab/runs.sqlite)");
        s->add_flag("--json", o->json, "JSON output");
    }
    show->add_option("RUN_ID", o->id, "run id")->required();
    show->add_flag("--dynamics", o->dynamics,
                   "what the model learned first: held-out accuracy by word class and per-head attention structure at each eval");
    csv->add_option("RUN_ID", o->id, "run id")->required();
    auto storePath = [o] { return o->store.empty() ? RunStore::defaultPath() : fs::path(o->store); };
    list->callback([o, storePath] {
        RunStore store(storePath());
        const auto runs = store.listRuns();
        if (o->json) {
            json a = json::array();
            for (const auto& r : runs)
                a.push_back({{"id", r.id}, {"name", r.name}, {"status", r.status}, {"family", r.family}, {"objective", r.objective},
                             {"step", r.lastStep}, {"created_at", r.createdAt}, {"finished_at", r.finishedAt}});
            printJson({{"runs", a}});
            return;
        }
        std::cout << std::left << std::setw(5) << "id" << std::setw(24) << "name" << std::setw(13) << "status" << std::setw(8) << "step"
                  << "created\n";
        for (const auto& r : runs)
            std::cout << std::setw(5) << r.id << std::setw(24) << r.name << std::setw(13) << r.status << std::setw(8) << r.lastStep
                      << r.createdAt << "\n";
        if (runs.empty()) std::cout << "(no runs in " << store.path().string() << ")\n";
    });
    csv->callback([o, storePath] {
        RunStore store(storePath());
        if (!store.run(o->id)) throw Error("no run " + std::to_string(o->id) + " in " + store.path().string(), "see 'pretrainlab-cli runs list'");
        std::cout << store.exportCsv(o->id);
    });
    show->callback([o, storePath] {
        RunStore store(storePath());
        const auto r = store.run(o->id);
        if (!r) throw Error("no run " + std::to_string(o->id) + " in " + store.path().string(), "see 'pretrainlab-cli runs list'");
        if (o->dynamics) {
            showDynamics(store, o->id, o->json);
            return;
        }
        json cfg = json::parse(r->configJson, nullptr, false);
        json last = json::object();
        for (const auto& m : store.metrics(o->id)) last[m.name] = {{"step", m.step}, {"value", m.value}};
        json cks = json::array();
        for (const auto& ck : store.checkpoints(o->id)) cks.push_back({{"step", ck.step}, {"path", ck.path}});
        json j = {{"last_metrics", last}, {"checkpoints", cks}, {"out_dir", r->outDir},{"id", r->id}, {"name", r->name}, {"status", r->status}, {"family", r->family}, {"objective", r->objective},
                  {"step", r->lastStep}, {"created_at", r->createdAt}, {"finished_at", r->finishedAt}, {"message", r->message},
                  {"config", cfg}};
        std::cout << (o->json ? j.dump() : j.dump(2)) << "\n";
    });
}

} // namespace ptl::cli

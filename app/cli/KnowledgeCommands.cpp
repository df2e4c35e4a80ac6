// wordnet, ground, transe: the knowledge graph behind ERNIE and KagNET.
#include "app/cli/Commands.h"
#include "core/api/Knowledge.h"
#include "core/knowledge/Grounding.h"
#include "core/knowledge/WordNet.h"
#include "core/util/Error.h"
#include "core/util/Files.h"

#include <filesystem>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace ptl::cli {

using nlohmann::json;

namespace {

// The first maxTargets targets of each relation (0: all).
json relationsJson(const SynsetView& v, int maxTargets)
{
    json rel = json::object();
    for (const auto& [name, targets] : v.relations) {
        json list = json::array();
        for (const auto& t : targets)
            if (maxTargets <= 0 || static_cast<int>(list.size()) < maxTargets) list.push_back(t);
        rel[name] = list;
    }
    return rel;
}

json synsetJson(const SynsetView& v, int maxTargets)
{
    return {{"name", v.name}, {"lemmas", v.lemmas}, {"definition", v.definition}, {"examples", v.examples}, {"relations", relationsJson(v, maxTargets)},
            {"lexicographer_file", v.lexicographerFile}, {"instance", v.instance}};
}

json linkJson(const LinkPrediction& p)
{
    return {{"triples", p.triples}, {"mean_rank", p.meanRank}, {"mrr", p.mrr}, {"hits_at_1", p.hits1}, {"hits_at_10", p.hits10}};
}

void printLink(const char* name, const LinkPrediction& p)
{
    std::printf("  %-26s %10.1f %8.3f %8.1f%% %8.1f%%\n", name, p.meanRank, p.mrr, 100 * p.hits1, 100 * p.hits10);
}

void printReport(const TransEReport& r)
{
    std::printf("graph: %d grounded synsets -> %d entities (with hypernym ancestors), %d relations; triples train %d, valid %d, test %d\n",
                r.groundedSynsets, r.entities, r.relations, r.trainTriples, r.validTriples, r.testTriples);
    std::printf("link prediction on the held-out test triples (head and tail, filtered; %d triples):\n", r.test.triples);
    std::printf("  %-26s %10s %8s %9s %9s\n", "", "mean rank", "MRR", "hits@1", "hits@10");
    printLink("TransE", r.test);
    printLink("popularity in relation", r.popularity);
    printLink("random", r.random);
    if (r.valid.triples) printLink("TransE (valid)", r.valid);
    if (!r.byRelation.empty()) {
        std::printf("TransE per relation (test):\n");
        for (const auto& [name, p] : r.byRelation) {
            char label[64];
            std::snprintf(label, sizeof label, "%s (%d)", name.c_str(), p.triples);
            printLink(label, p);
        }
    }
}

void printKagNetReport(const KagNetReport& r)
{
    std::printf("commonsense questions: %d train, %d dev, %d test (five choices each)\n", r.trainQuestions, r.devQuestions, r.testQuestions);
    std::printf("concepts: %.2f per question, %.2f per choice; paths per choice: %.1f found (at most %d hops, %d per pair), %.1f kept after "
                "TransE pruning (distance > %.3f); %.1f%% of choices have no path\n",
                r.questionConcepts, r.answerConcepts, r.pathsFound, r.options.maxHops, r.options.maxPaths, r.pathsKept, r.pruneDistance, 100 * r.noPathChoices);
    std::printf("\n%-34s %8s %8s\n", "accuracy", "dev", "test");
    std::printf("%-34s %7.1f%% %7.1f%%\n", "chance", 100 * r.chance, 100 * r.chance);
    std::printf("%-34s %7.1f%% %7.1f%%\n", "BERT-only statement scorer", 100 * r.statement.dev, 100 * r.statement.test);
    std::printf("the asked fact in the graph:\n");
    std::printf("  %-32s %7.1f%% %7.1f%%\n", "path-length heuristic", 100 * r.pathHeuristic.dev, 100 * r.pathHeuristic.test);
    std::printf("  %-32s %7.1f%% %7.1f%%   (best epoch %d)\n", "KagNET", 100 * r.kagnet.dev, 100 * r.kagnet.test, r.bestEpoch);
    std::printf("the asked fact hidden (%.1f paths kept per choice, %.1f%% of choices with none):\n", r.pathsKeptHidden, 100 * r.noPathChoicesHidden);
    std::printf("  %-32s %7.1f%% %7.1f%%\n", "path-length heuristic", 100 * r.pathHeuristicHidden.dev, 100 * r.pathHeuristicHidden.test);
    std::printf("  %-32s %7.1f%% %7.1f%%\n", "KagNET", 100 * r.kagnetHidden.dev, 100 * r.kagnetHidden.test);
    std::printf("the asked fact hidden and never seen by TransE (%d dev, %d test questions):\n", r.unseenDev, r.unseenTest);
    std::printf("  %-32s %7.1f%% %7.1f%%\n", "BERT-only statement scorer", 100 * r.statementUnseen.dev, 100 * r.statementUnseen.test);
    std::printf("  %-32s %7.1f%% %7.1f%%\n", "path-length heuristic", 100 * r.pathHeuristicUnseen.dev, 100 * r.pathHeuristicUnseen.test);
    std::printf("  %-32s %7.1f%% %7.1f%%\n", "KagNET", 100 * r.kagnetUnseen.dev, 100 * r.kagnetUnseen.test);
    if (!r.byTemplate.empty()) {
        std::printf("\ntest, by question kind: %-5s %10s | fact in graph: %7s %7s | fact hidden: %7s %7s\n", "count", "BERT-only", "KagNET", "paths", "KagNET", "paths");
        for (const auto& t : r.byTemplate)
            std::printf("  %-21s %5d %9.1f%% |                %6.1f%% %6.1f%% |              %6.1f%% %6.1f%%\n", t.name.c_str(), t.questions, 100 * t.statement,
                        100 * t.kagnet, 100 * t.paths, 100 * t.kagnetHidden, 100 * t.pathsHidden);
    }
    std::printf("\nstatement reader: %s\n", r.statementCheckpoint.c_str());
}

json reportJson(const TransEReport& r)
{
    json by = json::object();
    for (const auto& [name, p] : r.byRelation) by[name] = linkJson(p);
    return {{"grounded_synsets", r.groundedSynsets}, {"entities", r.entities}, {"relations", r.relations}, {"train", r.trainTriples},
            {"valid", r.validTriples}, {"test_triples", r.testTriples}, {"final_loss", r.finalLoss}, {"seconds", r.seconds},
            {"test", linkJson(r.test)}, {"valid_link", linkJson(r.valid)},
            {"baselines", {{"random", linkJson(r.random)}, {"popularity", linkJson(r.popularity)}}}, {"test_by_relation", by}};
}

} // namespace

void addKnowledge(CLI::App& app)
{
    {
        struct Opts {
            std::string word;
            int max = 8;
            bool json = false;
        };
        auto o = std::make_shared<Opts>();
        auto* wnCmd = app.add_subcommand("wordnet", "WordNet 3.0 (Debian wordnet-base): look up a word's senses and relations");
        wnCmd->require_subcommand(1);
        auto* c = wnCmd->add_subcommand("lookup", "every sense of a word (inflected forms are lemmatised), with gloss, examples and relations");
        c->add_option("word", o->word, "a word or expression (\"mice\", \"ice cream\", \"dog.n.01\")")->required();
        c->add_option("--max", o->max, "targets shown per relation (0: all)");
        c->add_flag("--json", o->json, "one JSON object");
        c->callback([o] {
            const std::vector<SynsetView> found = lookUpWord(o->word);
            if (found.empty())
                throw Error("'" + o->word + "' is not in WordNet (under any part of speech, after lemmatisation)",
                            "try its base form, or words joined by spaces for an expression (\"ice cream\")");
            // Entries: the senses of one (part of speech, lemma), in WordNet's order.
            std::vector<std::vector<const SynsetView*>> entries;
            for (const SynsetView& v : found) {
                if (entries.empty() || entries.back().front()->pos != v.pos || entries.back().front()->lemma != v.lemma) entries.emplace_back();
                entries.back().push_back(&v);
            }
            if (o->json) {
                json out = json::array();
                for (const auto& e : entries) {
                    json senses = json::array();
                    for (const SynsetView* v : e) senses.push_back(synsetJson(*v, o->max));
                    out.push_back({{"pos", e.front()->pos}, {"lemma", e.front()->lemma}, {"senses", senses}});
                }
                std::printf("%s\n", json{{"word", o->word}, {"entries", out}}.dump().c_str());
                return;
            }
            for (const auto& e : entries) {
                std::printf("%s (%s): %zu sense%s\n", e.front()->lemma.c_str(), e.front()->pos.c_str(), e.size(), e.size() == 1 ? "" : "s");
                for (const SynsetView* v : e) {
                    std::string lemmas;
                    for (const auto& w : v->lemmas) lemmas += (lemmas.empty() ? "" : ", ") + w;
                    std::printf("  %-22s %s\n  %-22s %s\n", v->name.c_str(), v->definition.c_str(), "", ("{" + lemmas + "}").c_str());
                    for (const auto& x : v->examples) std::printf("  %-22s \"%s\"\n", "", x.c_str());
                    const json relations = relationsJson(*v, o->max);
                    for (const auto& [rel, targets] : relations.items()) {
                        std::string list;
                        for (const auto& t : targets) list += (list.empty() ? "" : ", ") + t.get<std::string>();
                        std::printf("  %-22s %s: %s\n", "", rel.c_str(), list.c_str());
                    }
                }
            }
        });
    }
    {
        struct Opts {
            std::string text;
            bool json = false, noMultiword = false, evaluateTagger = false;
        };
        auto o = std::make_shared<Opts>();
        auto* c = app.add_subcommand("ground", "ground text in WordNet: which words and expressions name which synsets (ERNIE's entity alignment)");
        c->add_option("--text", o->text, "a sentence");
        c->add_flag("--no-multiword", o->noMultiword, "words only, no multi-word expressions");
        c->add_flag("--evaluate-tagger", o->evaluateTagger,
                    "the part-of-speech tagger's accuracy on held-out Brown documents (every 10th), against each word's most frequent tag");
        c->add_flag("--json", o->json, "one JSON object");
        c->callback([o] {
            if (o->evaluateTagger) {
                const TaggerAccuracy a = evaluateBrownTagger(10);
                if (o->json)
                    std::printf("%s\n", json{{"documents", a.documents}, {"tokens", a.tokens}, {"hmm", a.hmm}, {"most_frequent_tag", a.mostFrequent}}.dump().c_str());
                else
                    std::printf("held-out Brown documents: %d (%lld tokens), trained on the other %d\n  HMM tagger (Viterbi)      %.2f%%\n  most frequent tag per word %.2f%%\n",
                                a.documents, a.tokens, 500 - a.documents, 100 * a.hmm, 100 * a.mostFrequent);
                return;
            }
            if (o->text.empty()) throw Error("no text given", "ground --text \"The dog dug the ground to plant flowers.\"");
            const GroundedText g = groundText(o->text, !o->noMultiword);
            if (g.words.empty()) throw Error("the text has no words", "ground --text \"The dog dug the ground to plant flowers.\"");
            auto spanOf = [&](const GroundedMention& m) {
                std::string text;
                for (int i = m.begin; i < m.end; ++i) text += (text.empty() ? "" : " ") + g.words[static_cast<std::size_t>(i)];
                return text;
            };
            if (o->json) {
                json ms = json::array();
                for (const GroundedMention& m : g.mentions)
                    ms.push_back({{"begin", m.begin}, {"end", m.end}, {"text", spanOf(m)}, {"synset", m.synset}, {"pos", m.pos}, {"proper", m.proper},
                                  {"definition", m.definition}});
                std::printf("%s\n", json{{"words", g.words}, {"tags", g.tags}, {"mentions", ms}}.dump().c_str());
                return;
            }
            std::string tagged;
            for (std::size_t i = 0; i < g.words.size(); ++i) tagged += (i ? " " : "") + g.words[i] + "/" + g.tags[i];
            std::printf("%s\n\n", tagged.c_str());
            std::size_t covered = 0;
            for (const GroundedMention& m : g.mentions) {
                std::printf("  %-18s -> %-24s %s%s\n", spanOf(m).c_str(), m.synset.c_str(), m.proper ? "(a name) " : "", m.definition.c_str());
                covered += static_cast<std::size_t>(m.end - m.begin);
            }
            std::printf("\n%zu of %zu words grounded in %zu mention%s (first-listed senses; tags from an HMM tagger learnt on Brown)\n", covered,
                        g.words.size(), g.mentions.size(), g.mentions.size() == 1 ? "" : "s");
        });
    }
    {
        struct Opts {
            std::string out, dir, head, relation, tail;
            TransEOptions t;
            KgBuildOptions g;
            int top = 10;
            bool json = false;
        };
        auto o = std::make_shared<Opts>();
        auto* te = app.add_subcommand("transe", "TransE embeddings of the WordNet graph the corpus grounds (Bordes et al. 2013)");
        te->require_subcommand(1);
        auto* train = te->add_subcommand("train", "build the graph, train, evaluate link prediction against baselines, save");
        train->add_option("--out", o->out, "output folder (transe.safetensors, entities.tsv, relations.tsv, transe.json)")->required();
        train->add_option("--dim", o->t.dim, "embedding dimension (ERNIE: 100)");
        train->add_option("--epochs", o->t.epochs, "passes over the training triples");
        train->add_option("--lr", o->t.lr, "SGD learning rate");
        train->add_option("--margin", o->t.margin, "margin of the ranking loss");
        train->add_option("--norm", o->t.norm, "2 (L2, the default) or 1 (L1) distance");
        train->add_option("--batch", o->t.batch, "triples per batch");
        train->add_option("--seed", o->t.seed, "initialisation and sampling seed");
        train->add_option("--graph-seed", o->g.seed, "the train/valid/test split of the triples");
        train->add_flag("--json", o->json, "one JSON object");
        train->callback([o] {
            const bool tty = !o->json && isatty(STDERR_FILENO);
            if (tty) std::fprintf(stderr, "grounding the bundled Brown text in WordNet...\n");
            const TransEReport r = runTransE(o->t, o->g, o->out, [&](int e, double loss) {
                if (tty && (e % 10 == 0 || e == o->t.epochs)) std::fprintf(stderr, "epoch %d / %d: loss %.4f\n", e, o->t.epochs, loss);
                return true;
            });
            if (o->json) std::printf("%s\n", reportJson(r).dump().c_str());
            else {
                printReport(r);
                std::printf("saved to %s (%.0f s)\n", o->out.c_str(), r.seconds);
            }
        });
        auto* eval = te->add_subcommand("eval", "link prediction of saved embeddings on the held-out triples, against baselines");
        eval->add_option("--dir", o->dir, "a folder written by transe train")->required();
        eval->add_flag("--json", o->json, "one JSON object");
        eval->callback([o] {
            const TransEReport r = evaluateTransE(o->dir);
            if (o->json) std::printf("%s\n", reportJson(r).dump().c_str());
            else printReport(r);
        });
        auto* predict = te->add_subcommand("predict", "the entities TransE ranks first as the tail (or head) of a triple");
        predict->add_option("--dir", o->dir, "a folder written by transe train")->required();
        predict->add_option("--head", o->head, "a synset (dog.n.01); predicts tails");
        predict->add_option("--tail", o->tail, "a synset; predicts heads");
        predict->add_option("--relation", o->relation, "a relation name (hypernym, part holonym, ...) or symbol (@, #p)")->required();
        predict->add_option("--top", o->top, "how many");
        predict->callback([o] {
            if (o->head.empty() == o->tail.empty()) throw Error("give exactly one of --head and --tail", "transe predict --head dog.n.01 --relation hypernym");
            const bool tails = !o->head.empty();
            const std::string& given = tails ? o->head : o->tail;
            const auto best = predictTransE(o->dir, given, o->relation, tails, o->top);
            std::printf(tails ? "(%s, %s, ?)" : "(?, %s, %s)", tails ? given.c_str() : o->relation.c_str(), tails ? o->relation.c_str() : given.c_str());
            std::printf("  ranked by ||h + r - t||, smaller is more plausible; * marks a triple of the graph\n");
            int rank = 0;
            for (const auto& p : best) {
                std::printf(" %c%2d. %-26s %7.3f  %s\n", p.known ? '*' : ' ', ++rank, p.entity.c_str(), p.distance,
                            synsetDefinition(p.entity).c_str());
            }
        });
    }
    {
        struct Opts {
            KagNetOptions k;
            std::string out, dir, question;
            std::vector<std::string> choices;
            bool json = false;
            int top = 5;
        };
        auto o = std::make_shared<Opts>();
        auto* kg = app.add_subcommand("kagnet", "KagNET (Lin et al. 2019): commonsense questions answered through paths in the WordNet graph");
        kg->require_subcommand(1);
        auto* train = kg->add_subcommand("train", "find paths for every commonsense question, train KagNET and the BERT-only scorer, save");
        train->add_option("--out", o->out, "output folder (kagnet.safetensors, kagnet.json, statement/)")->required();
        train->add_option("--statement", o->k.statementCheckpoint,
                          "checkpoint that reads each question + choice (default: the shipped bert-mini-brown; the paper: BERT fine-tuned on "
                          "the questions, 'finetune --task commonsense')");
        train->add_option("--transe", o->k.transeDir, "TransE folder: the graph and its vectors (default: the shipped one)");
        train->add_option("--task-seed", o->k.taskSeed, "the commonsense task's seed (its split and distractors)");
        train->add_option("--max-hops", o->k.maxHops, "longest path, in edges (1-3)");
        train->add_option("--max-paths", o->k.maxPaths, "paths kept per (question concept, answer concept), shortest first");
        train->add_option("--prune-quantile", o->k.pruneQuantile, "drop a path with a triple TransE scores worse than this quantile of the graph's triples (1: keep all)");
        train->add_option("--hide-fraction", o->k.hideFraction, "share of training questions whose asked fact is taken out of their graph");
        train->add_option("--hidden", o->k.hidden, "GCN, LSTM and pair vector size");
        train->add_option("--epochs", o->k.epochs, "passes over the training questions");
        train->add_option("--batch", o->k.batch, "questions per step");
        train->add_option("--lr", o->k.lr, "Adam learning rate");
        train->add_option("--margin", o->k.margin, "ranking margin");
        train->add_option("--seed", o->k.seed, "initialisation and order seed");
        train->add_option("--max-train", o->k.maxTrain, "use only the first N training questions (0: all)");
        train->add_option("--max-eval", o->k.maxEval, "use only the first N dev and test questions (0: all)");
        train->add_flag("--json", o->json, "one JSON object");
        train->callback([o] {
            const bool tty = !o->json && isatty(STDERR_FILENO);
            const KagNetReport r = runKagNet(o->k, o->out, [&](const std::string& stage, int epoch, double loss, double dev) {
                if (!tty) return true;
                if (stage == "task") std::fprintf(stderr, "building the commonsense questions...\n");
                else if (stage == "paths") std::fprintf(stderr, "grounding questions and choices, finding paths...\n");
                else if (stage == "statements") std::fprintf(stderr, "reading every statement with the checkpoint...\n");
                else if (stage == "train") std::fprintf(stderr, "epoch %d / %d: loss %.4f, dev accuracy %.1f%%\n", epoch, o->k.epochs, loss, 100 * dev);
                return true;
            });
            if (o->json) {
                std::printf("%s\n", readTextFile(std::filesystem::path(o->out) / "kagnet.json").c_str());
                return;
            }
            printKagNetReport(r);
            std::printf("saved to %s (%.0f s)\n", o->out.c_str(), r.seconds);
        });
        auto* eval = kg->add_subcommand("eval", "score a saved KagNET model again on its dev and test questions");
        eval->add_option("--dir", o->dir, "a folder written by kagnet train (default: the shipped one)");
        eval->add_flag("--json", o->json, "one JSON object");
        eval->callback([o] {
            const KagNetReport r = evaluateKagNet(o->dir.empty() ? shippedKagNetDir() : o->dir);
            if (o->json) {
                nlohmann::json j = {{"dev_questions", r.devQuestions},
                                    {"test_questions", r.testQuestions},
                                    {"kagnet", {{"dev", r.kagnet.dev}, {"test", r.kagnet.test}}},
                                    {"kagnet_hidden", {{"dev", r.kagnetHidden.dev}, {"test", r.kagnetHidden.test}}},
                                    {"statement_only", {{"dev", r.statement.dev}, {"test", r.statement.test}}},
                                    {"path_heuristic", {{"dev", r.pathHeuristic.dev}, {"test", r.pathHeuristic.test}}},
                                    {"path_heuristic_hidden", {{"dev", r.pathHeuristicHidden.dev}, {"test", r.pathHeuristicHidden.test}}}};
                std::printf("%s\n", j.dump().c_str());
            } else {
                printKagNetReport(r);
            }
        });
        auto* show = kg->add_subcommand("show", "the figures a saved KagNET model was trained to");
        show->add_option("--dir", o->dir, "a folder written by kagnet train (default: the shipped one)");
        show->callback([o] { printKagNetReport(readKagNetReport(o->dir.empty() ? shippedKagNetDir() : o->dir)); });
        auto* ask = kg->add_subcommand("ask", "answer a question: each choice's score, its schema graph's pairs and top paths");
        ask->add_option("--dir", o->dir, "a folder written by kagnet train (default: the shipped one)");
        ask->add_option("--question", o->question, "the question")->required();
        ask->add_option("--choice", o->choices, "a choice (give two or more)")->required();
        ask->add_option("--top", o->top, "paths to print per choice");
        ask->add_flag("--json", o->json, "one JSON object");
        ask->callback([o] {
            const KagNetAnswer a = askKagNet(o->dir.empty() ? shippedKagNetDir() : o->dir, o->question, o->choices);
            if (o->json) {
                nlohmann::json j = {{"question", a.question}, {"question_concepts", a.questionConcepts}, {"predicted", a.predicted},
                                    {"statement_predicted", a.statementPredicted}};
                for (const auto& c : a.choices) {
                    nlohmann::json paths = nlohmann::json::array();
                    for (const auto& p : c.paths)
                        paths.push_back({{"nodes", p.nodes}, {"relations", p.relations}, {"attention", p.attention}, {"weight", p.weight}, {"distance", p.distance}});
                    nlohmann::json pairs = nlohmann::json::array();
                    for (const auto& p : c.pairs)
                        pairs.push_back({{"question", p.question}, {"answer", p.answer}, {"attention", p.attention}, {"found", p.found}, {"kept", p.kept}});
                    j["choices"].push_back({{"text", c.text}, {"score", c.score}, {"probability", c.probability}, {"statement_probability", c.statementProbability},
                                            {"nodes", c.nodes}, {"pairs", pairs}, {"paths", paths}, {"found", c.found}, {"pruned", c.pruned}});
                }
                std::printf("%s\n", j.dump().c_str());
                return;
            }
            std::printf("%s\n", a.question.c_str());
            std::string qc;
            for (const auto& c : a.questionConcepts) qc += (qc.empty() ? "" : ", ") + c;
            std::printf("question concepts: %s\n\n", qc.empty() ? "(none: no path can start)" : qc.c_str());
            for (std::size_t i = 0; i < a.choices.size(); ++i) {
                const auto& c = a.choices[i];
                std::printf("%c %zu. %-20s KagNET %5.1f%%   BERT-only %5.1f%%   %d paths found, %d pruned, %zu kept\n",
                            static_cast<int>(i) == a.predicted ? '>' : ' ', i + 1, c.text.c_str(), 100 * c.probability, 100 * c.statementProbability,
                            c.found, c.pruned, c.paths.size());
                for (std::size_t k = 0; k < c.paths.size() && static_cast<int>(k) < o->top; ++k) {
                    const auto& p = c.paths[k];
                    std::string line = p.nodes.front();
                    for (std::size_t s = 0; s < p.relations.size(); ++s) line += " -[" + p.relations[s] + "]-> " + p.nodes[s + 1];
                    std::printf("      %5.1f%%  %s\n", 100 * p.weight, line.c_str());
                }
            }
            std::printf("\n> KagNET's choice; path weights: attention within the concept pair x the pair's attention.\n");
        });
    }
}

} // namespace ptl::cli

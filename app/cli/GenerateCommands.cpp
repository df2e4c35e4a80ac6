// generate and bench generate: text from a causal language model.
#include "app/cli/Commands.h"
#include "core/api/FewShot.h"
#include "core/api/Generate.h"
#include "core/api/ZeroShot.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Parse.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace ptl::cli {

using nlohmann::json;

namespace {

json candidateJson(const GenCandidate& c)
{
    return {{"id", c.id}, {"token", c.token}, {"prob", c.prob}, {"adjusted", c.adjusted}, {"renormalised", c.renormalised}, {"kept", c.kept}};
}

json stepJson(const GenStep& s, bool withCandidates)
{
    json j = {{"step", s.index}, {"id", s.id}, {"token", s.token}, {"text", s.text}, {"prob", s.prob}, {"drawn_prob", s.drawnProb},
              {"rank", s.rank}, {"kept", s.kept}, {"kept_mass", s.keptMass}};
    if (withCandidates) {
        json c = json::array();
        for (const auto& x : s.candidates) c.push_back(candidateJson(x));
        j["candidates"] = c;
    }
    return j;
}

// GLTR's colours on a terminal: rank 1-10 green, 11-100 yellow, 101-1000 red, beyond purple.
const char* rankColour(int rank)
{
    return rank <= 10 ? "\033[42;30m" : rank <= 100 ? "\033[43;30m" : rank <= 1000 ? "\033[41;30m" : "\033[45;30m";
}

} // namespace

void addGenerate(CLI::App& app)
{
    struct Opts {
        std::string checkpoint, prompt, promptFile, strategy;
        std::vector<std::string> sets, stops;
        bool json = false, candidates = false, noColour = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("generate", "continue a prompt with a causal language model (GPT): greedy, beam search or sampling");
    c->add_option("--checkpoint", o->checkpoint, "a GPT checkpoint folder, e.g. resources/models/gpt-mini-brown")->required();
    c->add_option("--prompt", o->prompt, "the text to continue (empty: unconditional, after <|endoftext|>)");
    c->add_option("--prompt-file", o->promptFile, "read the prompt from a file");
    c->add_option("--strategy", o->strategy, "greedy (default), beam or sample");
    c->add_option("--stop", o->stops, "stop at this string, not kept (repeatable; \\n for a newline)");
    std::string keys;
    for (const auto& k : GenerateOptions::keys()) keys += (keys.empty() ? "" : ", ") + k;
    c->add_option("--set", o->sets, "a decoding setting, key=value (repeatable): " + keys);
    c->add_flag("--json", o->json, "JSON lines: one per generated token (id, text, probability, rank, kept set size), then the result");
    c->add_flag("--candidates", o->candidates, "with --json: each step's candidate distribution too");
    c->add_flag("--no-colour", o->noColour, "plain text, without GLTR's rank colours");
    c->callback([o] {
        GenerateOptions g;
        for (const auto& kv : o->sets) {
            auto [k, v] = splitAssignment(kv);
            g.set(k, v);
        }
        if (!o->strategy.empty()) g.set("strategy", o->strategy);
        for (const auto& s : o->stops) g.set("stop", s);
        if (!o->prompt.empty() && !o->promptFile.empty()) throw Error("--prompt and --prompt-file both given", "give one");
        const std::string prompt = o->promptFile.empty() ? o->prompt : readTextFile(o->promptFile);
        const bool colour = !o->json && !o->noColour && isatty(STDOUT_FILENO);
        if (!o->json && g.strategy != "beam") std::printf("%s", prompt.c_str());
        std::fflush(stdout);
        auto observer = [&](const GenStep& s) {
            if (o->json) {
                std::cout << stepJson(s, o->candidates).dump() << "\n" << std::flush;
            } else if (g.strategy != "beam") {
                if (colour) std::printf("%s%s\033[0m", rankColour(s.rank), s.text.c_str());
                else std::printf("%s", s.text.c_str());
                std::fflush(stdout);
            }
            return true;
        };
        const GenerateResult r = generateText(o->checkpoint, prompt, g, observer);
        if (o->json) {
            json hyps = json::array();
            for (const auto& h : r.hypotheses)
                hyps.push_back({{"text", h.text}, {"ids", h.ids}, {"log_prob", h.logProb}, {"score", h.score}, {"probs", h.probs}, {"ranks", h.ranks}});
            json tree = json::array();
            for (const auto& n : r.tree)
                tree.push_back({{"id", n.id}, {"parent", n.parent}, {"step", n.step}, {"token", n.tokenText}, {"token_id", n.token},
                                {"log_prob", n.logProb}, {"score", n.score}, {"state", n.state}, {"best", n.best}});
            json j = {{"result", {{"strategy", r.strategy}, {"prompt_tokens", r.promptTokens}, {"prompt_truncated", r.promptTruncated},
                                  {"text", r.text}, {"ids", r.ids}, {"stop_reason", r.stopReason}, {"seconds", r.seconds},
                                  {"tokens_per_second", r.tokensPerSecond}, {"cached", r.cached}}}};
            if (r.strategy == "beam") {
                j["result"]["hypotheses"] = hyps;
                j["result"]["tree"] = tree;
            }
            std::cout << j.dump() << "\n";
            return;
        }
        if (r.strategy == "beam") {
            for (std::size_t i = 0; i < r.hypotheses.size(); ++i) {
                const auto& h = r.hypotheses[i];
                std::printf("%s%s\n", prompt.c_str(), h.text.c_str());
                std::printf("  [%zu] log P %.3f, score %.3f (length penalty %.2f), %zu tokens\n", i + 1, h.logProb, h.score,
                            g.length_penalty, h.ids.size());
            }
        } else {
            std::printf("\n");
        }
        if (r.promptTruncated > 0) std::printf("(the prompt's first %d tokens were cut to fit the context)\n", r.promptTruncated);
        std::printf("-- %zu tokens, %s, %.1f tokens/s%s%s\n", r.ids.size(), r.stopReason.c_str(), r.tokensPerSecond,
                    r.cached ? "" : " (no key/value cache)", colour ? "; colours: the model's rank of each token (GLTR): top 10, 100, 1000, beyond" : "");
    });
}

void addFewShot(CLI::App& app)
{
    struct Opts {
        std::string checkpoint, task, ks = "0,1,2,4,8,16";
        int items = 200, context = 0;
        std::uint64_t seed = 1;
        bool json = false, list = false, show = false, noDescription = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("fewshot", "in-context learning (GPT-3): a task shown as K demonstrations in the prompt, nothing trained");
    c->add_option("--checkpoint", o->checkpoint, "a GPT checkpoint folder");
    c->add_option("--task", o->task, "the task (--list shows them)");
    c->add_option("--k", o->ks, "demonstrations per prompt, comma-separated (default 0,1,2,4,8,16)");
    c->add_option("--items", o->items, "test items scored (0: all)");
    c->add_option("--seed", o->seed, "draws the demonstrations");
    c->add_option("--context", o->context, "tokens a prompt may use (default: the length the model was trained on)");
    c->add_flag("--no-description", o->noDescription, "leave out the natural-language task description");
    c->add_flag("--list", o->list, "list the tasks");
    c->add_flag("--show", o->show, "how the task is built, with a prompt of K = 2");
    c->add_flag("--json", o->json, "one JSON object");
    c->callback([o] {
        if (o->list) {
            for (const auto& t : fewShotTaskList()) std::printf("%-16s %-7s %s\n", t.name.c_str(), t.kind.c_str(), t.title.c_str());
            return;
        }
        if (o->task.empty()) throw Error("no task given", "fewshot --task NAME (fewshot --list shows them)");
        if (o->show) {
            const FewShotTask t = buildFewShotTask(o->task);
            std::printf("%s (%s): %s\n\n%s\n\n%zu demonstrations in the pool, %zu test items\n\nA prompt with K = 2:\n---\n%s\n---\nanswer:%s\n",
                        t.name.c_str(), t.kind.c_str(), t.title.c_str(), t.construction.c_str(), t.demos.size(), t.test.size(),
                        fewShotPrompt(t, drawDemonstrations(t, 2, o->seed, t.test[0]), t.test[0], true).c_str(), t.test[0].answer.c_str());
            return;
        }
        if (o->checkpoint.empty()) throw Error("no checkpoint given", "fewshot --checkpoint DIR (e.g. resources/models/gpt-mini-brown)");
        FewShotOptions f;
        f.ks.clear();
        std::stringstream ss(o->ks);
        std::string part;
        while (std::getline(ss, part, ',')) f.ks.push_back(static_cast<int>(parseInteger("--k", part)));
        f.items = o->items;
        f.seed = o->seed;
        f.context = o->context;
        f.description = !o->noDescription;
        const bool tty = !o->json && isatty(STDERR_FILENO);
        const FewShotResult r = runFewShot(o->checkpoint, o->task, f, [&](int done, int total) {
            if (tty) std::fprintf(stderr, "\r%d / %d items", done, total);
            return true;
        });
        if (tty) std::fprintf(stderr, "\r\033[K");
        if (o->json) {
            json ks = json::array();
            for (const auto& k : r.byK)
                ks.push_back({{"k", k.k}, {"mean_demos", k.meanDemos}, {"items", k.items}, {"accuracy", k.accuracy},
                              {"accuracy_per_token", k.accuracyPerToken}, {"accuracy_relative", k.accuracyRelative}});
            json ex = json::array();
            for (const auto& e : r.examples)
                ex.push_back({{"k", e.k}, {"prompt", e.prompt}, {"demos", e.demos}, {"gold", e.gold}, {"predicted", e.predicted}, {"correct", e.correct},
                              {"log_likelihood", e.logLikelihood}, {"per_token", e.perToken}, {"relative", e.relative}});
            std::cout << json{{"task", r.task}, {"kind", r.kind}, {"checkpoint", r.checkpoint}, {"context", r.context}, {"baseline", r.chance},
                              {"baseline_name", r.chanceName}, {"answer_only", r.answerOnly}, {"by_k", ks}, {"examples", ex}}
                             .dump()
                      << "\n";
            return;
        }
        std::printf("%s (%s) on %s, prompts of at most %d tokens, %d test items\n", r.task.c_str(), r.kind.c_str(), r.checkpoint.c_str(), r.context,
                    r.byK.empty() ? 0 : r.byK[0].items);
        if (r.kind == "choice") {
            std::printf("%4s %10s %10s %10s %10s\n", "K", "demos fit", "total LL", "per token", "relative");
            for (const auto& k : r.byK)
                std::printf("%4d %10.1f %9.1f%% %9.1f%% %9.1f%%\n", k.k, k.meanDemos, 100 * k.accuracy, 100 * k.accuracyPerToken, 100 * k.accuracyRelative);
            std::printf("baselines: %s %.1f%%; the answer-only likelihood (no question) %.1f%%\n", r.chanceName.c_str(), 100 * r.chance, 100 * r.answerOnly);
        } else {
            std::printf("%4s %10s %12s\n", "K", "demos fit", "exact match");
            for (const auto& k : r.byK) std::printf("%4d %10.1f %11.1f%%\n", k.k, k.meanDemos, 100 * k.accuracy);
            std::printf("baseline: %s %.1f%%\n", r.chanceName.c_str(), 100 * r.chance);
        }
    });
}

void addZeroShot(CLI::App& app)
{
    struct Opts {
        std::string checkpoint, task;
        int items = 200;
        double heldOut = 0.05;
        std::uint64_t seed = 1234;
        bool json = false, list = false, show = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("zeroshot", "zero-shot tasks (GPT-2): a task from a prompt alone, against simple baselines");
    c->add_option("--checkpoint", o->checkpoint, "a GPT checkpoint folder");
    c->add_option("--task", o->task, "lastword, qa or tldr (--list)");
    c->add_option("--items", o->items, "items scored (0: all)");
    c->add_option("--held-out", o->heldOut, "lastword: the held-out fraction of the model's training run (its card says)");
    c->add_option("--seed", o->seed, "lastword: that run's seed; tldr: draws random-3 and seeds the sampling");
    c->add_flag("--list", o->list, "list the tasks");
    c->add_flag("--show", o->show, "how the task is built, with examples");
    c->add_flag("--json", o->json, "one JSON object");
    c->callback([o] {
        if (o->list) {
            for (const auto& t : zeroShotTaskList()) std::printf("%-10s %s\n", t.name.c_str(), t.title.c_str());
            return;
        }
        if (o->task.empty()) throw Error("no task given", "zeroshot --task NAME (zeroshot --list shows them)");
        if (o->show) {
            const ZeroShotTask t = buildZeroShotTask(o->task, o->heldOut, o->seed);
            std::printf("%s: %s\n\n%s\n\n", t.name.c_str(), t.title.c_str(), t.construction.c_str());
            for (std::size_t i = 0; i < t.items.size() && i < 3; ++i)
                std::printf("---\n%s\n--- gold: %s\n", t.items[i].prompt.c_str(), t.items[i].answers[0].c_str());
            return;
        }
        if (o->checkpoint.empty()) throw Error("no checkpoint given", "zeroshot --checkpoint DIR (e.g. resources/models/gpt-mini-brown)");
        ZeroShotOptions z;
        z.items = o->items;
        z.heldOut = o->heldOut;
        z.seed = o->seed;
        const bool tty = !o->json && isatty(STDERR_FILENO);
        const ZeroShotResult r = runZeroShot(o->checkpoint, o->task, z, [&](int done, int total) {
            if (tty) std::fprintf(stderr, "\r%d / %d items", done, total);
            return true;
        });
        if (tty) std::fprintf(stderr, "\r\033[K");
        if (o->json) {
            json rows = json::array();
            for (const auto& row : r.rows) {
                json j = {{"name", row.name}, {"accuracy", row.accuracy}};
                if (row.f1 >= 0) j["f1"] = row.f1;
                if (row.rouge1 >= 0) {
                    j.erase("accuracy");
                    j["rouge1"] = row.rouge1;
                    j["rouge2"] = row.rouge2;
                    j["rougeL"] = row.rougeL;
                }
                rows.push_back(j);
            }
            json ex = json::array();
            for (const auto& e : r.examples) {
                json j = {{"prompt", e.prompt}, {"output", e.output}, {"gold", e.gold}, {"correct", e.correct}};
                if (e.score >= 0) j["rougeL"] = e.score;
                ex.push_back(j);
            }
            std::cout << json{{"task", r.task}, {"checkpoint", r.checkpoint}, {"items", r.items}, {"rows", rows}, {"examples", ex},
                              {"construction", r.construction}}
                             .dump()
                      << "\n";
            return;
        }
        std::printf("%s on %s, %d items\n", r.task.c_str(), r.checkpoint.c_str(), r.items);
        if (!r.rows.empty() && r.rows[0].rouge1 >= 0) std::printf("  %-58s %8s %8s %8s\n", "(mean F1)", "ROUGE-1", "ROUGE-2", "ROUGE-L");
        for (const auto& row : r.rows) {
            if (row.rouge1 >= 0)
                std::printf("  %-58s %7.2f%% %7.2f%% %7.2f%%\n", row.name.c_str(), 100 * row.rouge1, 100 * row.rouge2, 100 * row.rougeL);
            else if (row.f1 >= 0) std::printf("  %-55s EM %5.1f%%  F1 %5.1f%%\n", row.name.c_str(), 100 * row.accuracy, 100 * row.f1);
            else std::printf("  %-55s %5.1f%%\n", row.name.c_str(), 100 * row.accuracy);
        }
        for (std::size_t i = 0; i < r.examples.size() && i < 3; ++i) {
            const auto& e = r.examples[i];
            const std::string tail = e.prompt.size() > 90 ? "..." + e.prompt.substr(e.prompt.size() - 90) : e.prompt;
            if (e.score >= 0)
                std::printf("\n%s\n  model: %s\n  reference: %s\n  ROUGE-L F1 %.1f%%\n", tail.c_str(), e.output.c_str(), e.gold.c_str(), 100 * e.score);
            else std::printf("\n%s\n  model: %s | gold: %s\n", tail.c_str(), e.output.c_str(), e.gold.c_str());
        }
    });
}

void addBenchGenerate(CLI::App* bench)
{
    struct Opts {
        std::string checkpoint, prompt = "The jury said it did find that the city";
        int tokens = 200;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = bench->add_subcommand("generate", "tokens/s of greedy generation with and without the key/value cache");
    c->add_option("--checkpoint", o->checkpoint, "a GPT checkpoint folder")->required();
    c->add_option("--prompt", o->prompt, "the prompt");
    c->add_option("--tokens", o->tokens, "tokens to generate")->check(CLI::Range(1, 4096));
    c->add_flag("--json", o->json, "one JSON object");
    c->callback([o] {
        const GenerateBench b = benchGenerate(o->checkpoint, o->prompt, o->tokens);
        if (o->json) {
            std::cout << json{{"checkpoint", b.checkpoint}, {"prompt_tokens", b.promptTokens}, {"new_tokens", b.newTokens}, {"threads", b.threads},
                              {"cached_tokens_per_second", b.cachedTokensPerSecond}, {"uncached_tokens_per_second", b.uncachedTokensPerSecond},
                              {"speedup", b.cachedTokensPerSecond / b.uncachedTokensPerSecond}, {"max_logit_difference", b.maxLogitDifference}}
                             .dump()
                      << "\n";
            return;
        }
        std::printf("%d new tokens after a %d-token prompt, %d threads:\n", b.newTokens, b.promptTokens, b.threads);
        std::printf("  with the key/value cache:    %8.1f tokens/s\n", b.cachedTokensPerSecond);
        std::printf("  recomputing every position:  %8.1f tokens/s\n", b.uncachedTokensPerSecond);
        std::printf("  speed-up %.1fx; largest logit difference between the two %.2e\n", b.cachedTokensPerSecond / b.uncachedTokensPerSecond,
                    b.maxLogitDifference);
    });
}

} // namespace ptl::cli

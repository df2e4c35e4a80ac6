// `tasks list` and `tasks show NAME`: the labelled fine-tuning tasks built from the bundled
// data, their splits, how they are built and what simple baselines score on them.
#include "app/cli/Commands.h"
#include "core/api/Finetune.h"
#include "core/api/Tasks.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <tuple>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace ptl::cli {

namespace {

json scoreJson(const ClassificationScore& s)
{
    return {{"accuracy", s.accuracy}, {"macro_f1", s.macroF1}, {"total", s.total}};
}

json spanJson(const SpanScore& s)
{
    return {{"exact", s.exact}, {"f1", s.f1}, {"total", s.total}, {"has_ans_exact", s.hasAnsExact}, {"has_ans_f1", s.hasAnsF1},
            {"has_ans_total", s.hasAnsTotal}, {"no_ans_exact", s.noAnsExact}, {"no_ans_f1", s.noAnsF1}, {"no_ans_total", s.noAnsTotal}};
}

// Label counts of a split (classification: examples; tagging: words).
std::vector<std::int64_t> labelCounts(const Task& t, const std::vector<TaskExample>& split)
{
    std::vector<std::int64_t> n(t.labels.size(), 0);
    for (int g : goldLabels(t, split))
        if (g >= 0 && g < static_cast<int>(n.size())) ++n[g];
    return n;
}

std::string exampleText(const Task& t, const TaskExample& e, std::size_t maxChars)
{
    std::string s;
    if (t.kind == TaskKind::Span) {
        std::string passage = e.texts.size() > 1 ? e.texts[1] : std::string();
        if (passage.size() > maxChars) passage = passage.substr(0, maxChars) + " ...";
        return "Q: " + (e.texts.empty() ? std::string() : e.texts[0]) + "\n      A: " + (e.answers.empty() ? "(no answer)" : e.answers[0]) +
               "\n      passage: " + passage;
    }
    if (t.kind == TaskKind::Tagging) {
        for (std::size_t i = 0; i < e.words.size(); ++i) {
            if (!s.empty()) s += ' ';
            s += e.words[i];
            if (i < e.tags.size() && e.tags[i] >= 0 && e.tags[i] < static_cast<int>(t.labels.size()))
                s += "/" + t.labels[e.tags[i]];
            if (s.size() > maxChars) break;
        }
    } else {
        for (std::size_t i = 0; i < e.texts.size(); ++i) {
            if (i) s += "  ||  ";
            s += e.texts[i];
        }
        for (std::size_t k = 0; k < e.choices.size(); ++k)
            s += "\n      " + std::string(static_cast<int>(k) == e.label ? "* " : "  ") + std::to_string(k + 1) + ". " + e.choices[k];
        if (!e.choices.empty()) return s;  // the whole candidates: a question needs all four
    }
    if (s.size() > maxChars) s = s.substr(0, maxChars) + " ...";
    return s;
}

} // namespace

void addTasks(CLI::App& app)
{
    auto* c = app.add_subcommand("tasks", "the labelled fine-tuning tasks built from the bundled data");
    c->require_subcommand(1);

    struct ListOpts {
        bool json = false;
        std::uint64_t seed = 1234;
    };
    auto lo = std::make_shared<ListOpts>();
    auto* l = c->add_subcommand("list", "every task: name, kind, split sizes");
    l->add_flag("--json", lo->json, "print JSON");
    l->add_option("--seed", lo->seed, "the seed of the document split (a fine-tuning job's task_seed)");
    l->callback([lo] {
        json a = json::array();
        if (!lo->json) std::printf("%-10s %-15s %8s %8s %8s  %s\n", "task", "kind", "train", "dev", "test", "title");
        for (const auto& info : taskList()) {
            const Task t = buildTask(info.name, lo->seed);
            if (lo->json) {
                a.push_back({{"name", t.name}, {"kind", toString(t.kind)}, {"title", t.title}, {"labels", t.labels.size()},
                             {"train", t.train.size()}, {"dev", t.dev.size()}, {"test", t.test.size()}});
            } else {
                std::printf("%-10s %-15s %8zu %8zu %8zu  %s\n", t.name.c_str(), toString(t.kind).c_str(), t.train.size(),
                            t.dev.size(), t.test.size(), t.title.c_str());
            }
        }
        if (lo->json) std::cout << json{{"tasks", a}}.dump() << "\n";
        else std::printf("\n'tasks show NAME' prints how a task is built, its labels, examples and baselines.\n");
    });

    struct ShowOpts {
        std::string name;
        bool json = false;
        std::uint64_t seed = 1234;
        int examples = 3;
    };
    auto so = std::make_shared<ShowOpts>();
    auto* s = c->add_subcommand("show", "how a task is built, its labels, examples and baselines");
    s->add_option("name", so->name, "the task (see 'tasks list')")->required();
    s->add_flag("--json", so->json, "print JSON");
    s->add_option("--seed", so->seed, "the seed of the document split");
    s->add_option("--examples", so->examples, "training examples to print")->check(CLI::Range(0, 100));
    s->callback([so] {
        const Task t = buildTask(so->name, so->seed);
        const TaskBaselines b = taskBaselines(t);
        const auto nTrain = labelCounts(t, t.train), nDev = labelCounts(t, t.dev), nTest = labelCounts(t, t.test);
        if (so->json) {
            json labels = json::array();
            for (std::size_t i = 0; i < t.labels.size(); ++i)
                labels.push_back({{"name", t.labels[i]}, {"train", nTrain[i]}, {"dev", nDev[i]}, {"test", nTest[i]}});
            json ex = json::array();
            for (int i = 0; i < so->examples && i < static_cast<int>(t.train.size()); ++i) {
                const auto& e = t.train[i];
                json j = {{"document", e.document}};
                if (t.kind == TaskKind::Span) {
                    j["question"] = e.texts[0];
                    j["passage"] = e.texts[1];
                    j["answers"] = e.answers;
                    j["answer_words"] = {e.answerFirst, e.answerLast};
                } else if (t.kind == TaskKind::Tagging) {
                    json tags = json::array();
                    for (int g : e.tags) tags.push_back(g >= 0 ? t.labels[g] : "");
                    j["words"] = e.words;
                    j["tags"] = tags;
                } else {
                    j["texts"] = e.texts;
                    j["label"] = t.labels[e.label];
                    if (!e.choices.empty()) j["choices"] = e.choices;
                }
                ex.push_back(j);
            }
            json baselines = b.span ? json{{"majority", {{"name", b.majorityName}, {"dev", spanJson(b.spanMajorityDev)}, {"test", spanJson(b.spanMajorityTest)}}},
                                           {"simple", {{"name", b.simpleName}, {"dev", spanJson(b.spanSimpleDev)}, {"test", spanJson(b.spanSimpleTest)}}}}
                                    : json{{"majority", {{"name", b.majorityName}, {"dev", scoreJson(b.majorityDev)}, {"test", scoreJson(b.majorityTest)}}},
                                           {"simple", {{"name", b.simpleName}, {"dev", scoreJson(b.simpleDev)}, {"test", scoreJson(b.simpleTest)}}}};
            std::cout << json{{"name", t.name},
                              {"kind", toString(t.kind)},
                              {"metric", taskMetric(t.kind)},
                              {"title", t.title},
                              {"construction", t.construction},
                              {"seed", so->seed},
                              {"train", t.train.size()},
                              {"dev", t.dev.size()},
                              {"test", t.test.size()},
                              {"labels", labels},
                              {"examples", ex},
                              {"baselines", baselines}}
                             .dump()
                      << "\n";
            return;
        }
        std::printf("%s (%s): %s\n\n%s\n\n", t.name.c_str(), toString(t.kind).c_str(), t.title.c_str(), t.construction.c_str());
        const char* unit = t.kind == TaskKind::Tagging ? "words" : "examples";
        std::printf("split (document seed %llu): %zu train, %zu dev, %zu test %s\n\n", static_cast<unsigned long long>(so->seed),
                    t.train.size(), t.dev.size(), t.test.size(), t.kind == TaskKind::Span ? "questions" : "examples");
        if (b.span) {
            auto noAns = [](const std::vector<TaskExample>& v) {
                std::size_t k = 0;
                for (const auto& e : v) k += e.answers.empty() ? 1 : 0;
                return k;
            };
            std::printf("questions without an answer: %zu train, %zu dev, %zu test\n", noAns(t.train), noAns(t.dev), noAns(t.test));
            if (so->examples > 0) std::printf("\nexamples (train):\n");
            for (int i = 0; i < so->examples && i < static_cast<int>(t.train.size()); ++i) std::printf("  %s\n", exampleText(t, t.train[i], 400).c_str());
            std::printf("\nbaselines (SQuAD's official metrics)        dev EM    dev F1   test EM   test F1   test HasAns F1   test NoAns F1\n");
            for (auto [name, dev, test] : {std::tuple{b.majorityName, &b.spanMajorityDev, &b.spanMajorityTest},
                                           std::tuple{b.simpleName, &b.spanSimpleDev, &b.spanSimpleTest}})
                std::printf("%-40s %8.2f%% %8.2f%% %8.2f%% %8.2f%% %15.2f%% %14.2f%%\n", name.c_str(), 100 * dev->exact, 100 * dev->f1,
                            100 * test->exact, 100 * test->f1, 100 * test->hasAnsF1, 100 * test->noAnsF1);
            return;
        }
        int w = 5;
        for (const auto& name : t.labels) w = std::max(w, static_cast<int>(name.size()));
        std::printf("%-*s %9s %9s %9s   (%s)\n", w, "label", "train", "dev", "test", unit);
        for (std::size_t i = 0; i < t.labels.size(); ++i)
            std::printf("%-*s %9lld %9lld %9lld\n", w, t.labels[i].c_str(), static_cast<long long>(nTrain[i]),
                        static_cast<long long>(nDev[i]), static_cast<long long>(nTest[i]));
        if (so->examples > 0) std::printf("\nexamples (train):\n");
        for (int i = 0; i < so->examples && i < static_cast<int>(t.train.size()); ++i) {
            const auto& e = t.train[i];
            if (t.kind == TaskKind::Tagging) std::printf("  %s\n", exampleText(t, e, 300).c_str());
            else std::printf("  [%s] %s\n", t.labels[e.label].c_str(), exampleText(t, e, 300).c_str());
        }
        std::printf("\nbaselines                                 dev acc  dev macro-F1   test acc  test macro-F1\n");
        std::printf("%-40s %8.2f%% %12.3f %9.2f%% %14.3f\n", "majority (most frequent training label)",
                    100 * b.majorityDev.accuracy, b.majorityDev.macroF1, 100 * b.majorityTest.accuracy, b.majorityTest.macroF1);
        std::printf("%-40s %8.2f%% %12.3f %9.2f%% %14.3f\n", b.simpleName.c_str(), 100 * b.simpleDev.accuracy,
                    b.simpleDev.macroF1, 100 * b.simpleTest.accuracy, b.simpleTest.macroF1);
    });
}

void addPredict(CLI::App& app)
{
    struct Opts {
        std::string checkpoint, task, text, textB, question, passage;
        std::vector<std::string> choices;
        bool json = false;
        int top = 3;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("predict", "a fine-tuned model's prediction for a text (the best/ folder of a fine-tuning run)");
    c->add_option("--checkpoint", o->checkpoint, "the fine-tuned checkpoint folder (finetune --out DIR writes DIR/best)")->required();
    c->add_option("--task", o->task, "the task it was fine-tuned on (checked against its task.json)");
    c->add_option("--text", o->text, "the text (tagging: its words are tagged)");
    c->add_option("--question", o->question, "reading comprehension: the question (with --passage)");
    c->add_option("--passage", o->passage, "reading comprehension: the passage the answer is a span of");
    c->add_option("--text-b", o->textB, "the second text of a pair task");
    c->add_option("--choice", o->choices, "a candidate of a multiple-choice task (repeat: --choice A --choice B ...; --text is the context)");
    c->add_option("--top", o->top, "labels to print, most probable first")->check(CLI::Range(1, 100));
    c->add_flag("--json", o->json, "print JSON");
    c->callback([o] {
        const bool qa = !o->question.empty() || !o->passage.empty();
        if (qa && (o->question.empty() || o->passage.empty())) throw Error("--question and --passage go together", "give both");
        if (!qa && o->text.empty()) throw Error("nothing to predict", "give --text (or --question and --passage for reading comprehension)");
        std::vector<std::string> texts = qa ? std::vector<std::string>{o->question, o->passage} : std::vector<std::string>{o->text};
        if (!o->textB.empty()) texts.push_back(o->textB);
        texts.insert(texts.end(), o->choices.begin(), o->choices.end());
        const TaskPrediction p = predictTask(o->checkpoint, texts);
        if (!o->task.empty() && o->task != p.task)
            throw Error(o->checkpoint + " was fine-tuned on '" + p.task + "', not '" + o->task + "'", "drop --task, or give that task's checkpoint");
        const bool span = p.kind == "reading comprehension";
        if (span && !qa) throw Error(o->checkpoint + " answers questions on a passage", "predict --question Q --passage P");
        if (!span && qa) throw Error(o->checkpoint + " is a " + p.kind + " model, not reading comprehension", "give --text");
        if (o->json) {
            json j = {{"task", p.task}, {"kind", p.kind}, {"labels", p.labels}, {"input", p.input}};
            if (span) {
                j = {{"task", p.task}, {"kind", p.kind}, {"input", p.input}, {"question", p.question}, {"passage", p.passage},
                     {"answer", p.answer}, {"answered", p.answered}, {"span", p.span}, {"span_words", {p.spanFirst, p.spanLast}},
                     {"null_diff", p.nullDiff}, {"threshold", p.threshold}, {"windows", p.windows}, {"words", p.words},
                     {"offsets", p.offsets}, {"start_probs", p.startProbs}, {"end_probs", p.endProbs}};
            } else if (p.kind != "tagging") {
                j["predicted"] = p.labels[static_cast<std::size_t>(p.predicted)];
                j["probs"] = p.probs;
            } else {
                json tags = json::array();
                for (int t : p.tags) tags.push_back(t >= 0 ? p.labels[static_cast<std::size_t>(t)] : "");
                j["words"] = p.words;
                j["tags"] = tags;
                j["confidence"] = p.confidence;
            }
            std::cout << j.dump() << "\n";
            return;
        }
        std::string input;
        for (const auto& t : p.input) input += (input.empty() ? "" : " ") + t;
        std::printf("task %s (%s)\ninput: %s\n\n", p.task.c_str(), p.kind.c_str(), input.c_str());
        if (span) {
            std::printf("question: %s\n", p.question.c_str());
            if (p.answered) std::printf("answer:   %s\n", p.answer.c_str());
            else std::printf("answer:   (no answer; the best span was \"%s\")\n", p.span.c_str());
            if (p.threshold < 1e29)
                std::printf("no-answer score minus the best span's: %.3f against the threshold %.3f tuned on dev (answers when at most)\n",
                            p.nullDiff, p.threshold);
            std::printf("read in %d window%s; most likely starts and ends:\n", p.windows, p.windows == 1 ? "" : "s");
            std::vector<int> order(p.words.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
            for (int which = 0; which < 2; ++which) {
                const auto& pr = which == 0 ? p.startProbs : p.endProbs;
                std::sort(order.begin(), order.end(), [&](int a, int b) { return pr[a] > pr[b]; });
                std::printf("  %s:", which == 0 ? "start" : "end  ");
                for (int k = 0; k < o->top && k < static_cast<int>(order.size()); ++k)
                    std::printf("  %s %.1f%%", p.words[order[k]].c_str(), 100 * pr[order[k]]);
                std::printf("\n");
            }
        } else if (p.kind == "multiple choice") {
            for (std::size_t k = 0; k < p.probs.size(); ++k)
                std::printf("%s %6.2f%%  %s\n", static_cast<int>(k) == p.predicted ? "->" : "  ", 100 * p.probs[k], o->choices[k].c_str());
        } else if (p.kind == "classification") {
            std::vector<int> order(p.probs.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
            std::sort(order.begin(), order.end(), [&](int a, int b) { return p.probs[a] > p.probs[b]; });
            for (int k = 0; k < o->top && k < static_cast<int>(order.size()); ++k)
                std::printf("%s %6.2f%%  %s\n", k == 0 ? "->" : "  ", 100 * p.probs[order[k]], p.labels[order[k]].c_str());
        } else {
            for (std::size_t w = 0; w < p.words.size(); ++w)
                std::printf("%-20s %-6s %5.1f%%\n", p.words[w].c_str(), p.tags[w] >= 0 ? p.labels[p.tags[w]].c_str() : "(cut)", 100 * p.confidence[w]);
        }
    });
}

} // namespace ptl::cli

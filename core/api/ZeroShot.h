#pragma once
// Zero-shot tasks (GPT-2, Radford et al. 2019, §3): a causal language model does a task
// from a prompt alone, no demonstration and no training, scored against simple baselines
// that read the same text. Built from the bundled Brown corpus by deterministic code:
//  - lastword: LAMBADA-style last-word prediction on passages of documents the model was
//    not trained on, whose last word already appears earlier in the passage;
//  - qa: closed-book "Q: ... A:" questions about facts of the corpus (the reading task's
//    machine-made questions from its training documents, asked without the passage);
//  - tldr: "TL;DR:" summarisation of Brown's datelined news stories, XSum-style: the
//    story's first sentence (its lede, "-- ..." after the dateline) is the reference, the
//    rest is the article; ROUGE-1/2/L against lead-3 and random-3 (GPT-2, Table 4).
// Torch-free: the GUI and the CLI use it with plain values.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ptl {

struct ZeroShotTaskInfo {
    std::string name, title;
};
const std::vector<ZeroShotTaskInfo>& zeroShotTaskList();

struct ZeroShotItem {
    std::string prompt;                 // what the model reads
    std::vector<std::string> answers;   // gold answers (lastword: the word)
    std::string context;                // lastword: the passage before the last sentence (for the copy baseline)
    std::vector<std::string> previous;  // lastword: the words before the target, for the n-gram baseline
    std::vector<std::string> sentences; // tldr: the article's sentences (the prompt is as many as fit)
    std::vector<int> random3;           // tldr: the indices of the random-3 baseline's sentences, ascending
};

struct ZeroShotTask {
    std::string name, title, construction, metric;  // metric: "accuracy", "EM / F1" or "ROUGE"
    std::vector<ZeroShotItem> items;
};

// Deterministic for (heldOutFraction, seed): lastword reads the documents a run with these
// settings held out (the shipped models' cards name them); qa reads the reading task's
// training documents. Throws ptl::Error for an unknown name.
ZeroShotTask buildZeroShotTask(const std::string& name, double heldOutFraction = 0.05, std::uint64_t seed = 1234);

struct ZeroShotOptions {
    int items = 200;                    // scored (0: all)
    double heldOut = 0.05;              // as the model's training run held out
    std::uint64_t seed = 1234;          // its seed
};

struct ZeroShotRow {
    std::string name;                   // "model", or the baseline's name
    std::string kind;                   // model | unigram | trigram | copy | common | nohint | lead3 | random3 | lead1
    std::string detail;                 // unigram / common: the word or answer it always gives
    double accuracy = 0;                // lastword accuracy, qa exact match
    double f1 = -1;                     // qa: token F1 (-1: not reported)
    double rouge1 = -1, rouge2 = -1, rougeL = -1;  // tldr: mean F1 of ROUGE-1, -2 and -L (-1: not reported)
};

struct ZeroShotExample {
    std::string prompt, output, gold;
    bool correct = false;
    double score = -1;                  // tldr: the model's ROUGE-L F1 on this item (-1: not reported)
};

struct ZeroShotResult {
    std::string task, checkpoint, construction;
    int items = 0;
    std::vector<ZeroShotRow> rows;      // the model first, then the baselines
    std::vector<ZeroShotExample> examples;
};

ZeroShotResult runZeroShot(const std::string& checkpointDir, const std::string& task, const ZeroShotOptions& options,
                           const std::function<bool(int, int)>& progress = {});

// ROUGE (Lin 2004) of a candidate text against one reference, as Google's rouge_score
// computes it without stemming: lower case, every run of letters and digits a token;
// ROUGE-N counts clipped n-gram matches, ROUGE-L the longest common subsequence. An
// empty candidate or reference scores 0.
struct Rouge {
    double precision = 0, recall = 0, f1 = 0;
};
struct RougeScores {
    Rouge r1, r2, rl;
};
RougeScores rouge(const std::string& candidate, const std::string& reference);
std::vector<std::string> rougeTokens(const std::string& text);

// The first word of a continuation, as the last-word task reads it ("  house." -> "house").
std::string firstWord(const std::string& text);

} // namespace ptl

#pragma once
// Using a fine-tuned checkpoint (the best/ folder of a fine-tuning run: model.safetensors,
// config.json, tokenizer, head.safetensors and task.json): its prediction for a text.
// Torch-free: the CLI and the GUI call it with plain values.
#include <string>
#include <vector>

namespace ptl {

struct TaskPrediction {
    std::string task, kind;               // "genre", "classification" | "tagging"
    std::vector<std::string> labels;
    std::vector<std::string> input;       // the token sequence fed, GPT's new tokens by name
    int predicted = -1;                   // classification: the label index
    std::vector<double> probs;            // classification: per label
    std::vector<std::string> words;       // tagging: the words (punctuation split off)
    std::vector<int> tags;                // tagging: the label index per word (-1: cut off)
    std::vector<double> confidence;       // tagging: the probability of that tag
    // Reading comprehension: the passage's words (offsets into passage), each word's start
    // and end probability (summed over its sub-tokens, in the window where it has the most
    // context), the best span (its words and text), the no-answer score against the
    // threshold tuned on dev: answered when nullDiff <= threshold.
    std::string question, passage;
    std::vector<int> offsets;
    std::vector<double> startProbs, endProbs;
    int spanFirst = -1, spanLast = -1;
    std::string span;                     // the best non-null span's text
    double nullDiff = 0, threshold = 1e30;
    bool answered = true;
    std::string answer;                   // span, or "" when the model says "no answer"
    int windows = 0;                      // how many windows the passage was read in
};

// Throws ptl::Error (what, where, a hint) for a folder that is not a fine-tuned checkpoint.
// texts: one text, or two for a pair task; tagging joins them.
// Reading comprehension: texts = {question, passage}.
TaskPrediction predictTask(const std::string& checkpointDir, const std::vector<std::string>& texts);

// How `predict` splits a text into the task's words: whitespace, then punctuation at
// either end of a word.
std::vector<std::string> splitTaskWords(const std::string& text);

} // namespace ptl

#include "core/api/Job.h"

namespace ptl {

// "Pre-training helps, measured" (GPT-1 and BERT's claim at laptop scale): the same
// architecture fine-tuned from a pre-trained checkpoint and from random initialisation,
// on the same fixed subsets of a task's training examples (100, 300, 1,000, all), each arm
// scored once on the full test split with its best dev checkpoint, beside the task's
// majority and simple baselines fitted on the same subset.
struct TransferOptions {
    std::string checkpoint;              // the pre-trained model
    std::string task;
    std::vector<int> sizes{100, 300, 1000, 0};  // labelled training examples; 0: all
    int maxSteps = 600;                  // per arm; fewer for small subsets (epochs below)
    int minSteps = 100;
    double epochs = 10;                  // an arm trains min(maxSteps, max(minSteps, epochs x N / batch)) steps
    std::vector<std::string> set;        // key=value for every arm (lr, batch_size, threads, max_eval_examples, ...)
    std::string outDir;                  // one folder per arm below it
};

struct TransferArm {
    int examples = 0;                    // the subset's size (the whole split for "all")
    bool fromScratch = false;
    std::int64_t runId = 0;
    std::string status;
    std::int64_t steps = 0;
    double bestDev = 0, testScore = 0, testMacroF1 = 0;  // in the task's metric (TransferResult::metric)
    double testMajority = 0, testSimple = 0;  // the baselines on the same subset
};

struct TransferResult {
    std::string task, checkpoint, simpleName, status, message;
    std::string metric = "accuracy";     // taskMetric(): "accuracy", or "f1" for reading comprehension
    std::vector<TransferArm> arms;       // for each size: pre-trained, then random
};

TransferResult runTransferExperiment(const TransferOptions& options, const std::string& storePath, JobObserver& observer, StopToken& stop);

} // namespace ptl

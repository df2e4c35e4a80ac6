#pragma once
// Labelled tasks for fine-tuning, built from what the repository bundles (Brown's text,
// genres and POS tags) by deterministic code: no download. Every task splits by document
// (train / dev / test), stratified by Brown genre, so no test document's text is seen in
// training. Each task carries its simple baselines, so a fine-tuned score is read against
// what ignoring the model gives. Torch-free: the GUI lists and shows tasks with it.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ptl {

enum class TaskKind {
    Classification,  // one label per example (texts: one text, or two for a pair task)
    Tagging,         // one label per word
    MultipleChoice,  // one of several candidate continuations (texts: the context; choices)
};
std::string toString(TaskKind k);

struct TaskExample {
    std::vector<std::string> texts;   // Classification: the text (and a second one for pairs); MultipleChoice: the context
    std::vector<std::string> choices; // MultipleChoice: the candidates
    int label = -1;                   // Classification: class index; MultipleChoice: the right candidate
    std::vector<std::string> words;   // Tagging: the words
    std::vector<int> tags;            // Tagging: class index per word
    int document = -1;                // index of the Brown document it came from
};

struct Task {
    std::string name;                 // "genre", "pos"
    std::string title;                // one line for lists
    std::string construction;         // how it is built, for `tasks show` and the README
    TaskKind kind = TaskKind::Classification;
    std::vector<std::string> labels;  // class names
    bool symmetric = false;           // a pair whose order carries no meaning (GPT reads both orders, summed)
    std::vector<TaskExample> train, dev, test;
};

struct TaskInfo {
    std::string name, title;
    TaskKind kind;
};
const std::vector<TaskInfo>& taskList();

// Builds a task (deterministic for a seed; the seed picks the document split). Throws
// ptl::Error for an unknown name (with the list) or when the bundled files are missing.
Task buildTask(const std::string& name, std::uint64_t seed = 1234);

// The documents of each split, by index into the bundled corpus.
struct TaskSplitDocs {
    std::vector<int> train, dev, test;
};
TaskSplitDocs taskDocumentSplit(std::uint64_t seed = 1234);

// Accuracy and per-class counts of predictions against gold labels.
struct ClassificationScore {
    double accuracy = 0;
    double macroF1 = 0;
    std::int64_t total = 0, correct = 0;
    std::vector<std::vector<std::int64_t>> confusion;  // [gold][predicted]
};
ClassificationScore scoreClassification(const std::vector<int>& gold, const std::vector<int>& predicted, int classes);

// What ignoring the model scores on a task, reported next to every fine-tuned result:
// always the training split's most frequent label ("majority"), and a simple non-neural
// model fitted on the training split ("simple"): bag-of-words logistic regression for
// classification, each word's most frequent training tag for tagging (unseen words: the
// most frequent tag).
struct TaskBaselines {
    std::string simpleName;                    // "bag-of-words logistic regression", ...
    ClassificationScore majorityDev, majorityTest, simpleDev, simpleTest;
};
TaskBaselines taskBaselines(const Task& task);
// The simple baseline's name for a kind of task.
std::string simpleBaselineName(TaskKind kind);

// The gold labels of a split in scoring order (classification: one per example; tagging:
// one per word, examples in order).
std::vector<int> goldLabels(const Task& task, const std::vector<TaskExample>& split);

// The model's input for the first `count` training examples of a task, as the fine-tuning
// job builds it for the checkpoint's family (tokens as strings; GPT's new tokens by name).
struct TaskInputPreview {
    std::vector<std::string> tokens;
    std::vector<int> types;        // segment ids
    int readout = -1;              // classification: the position the head reads
    std::vector<int> labelled;     // tagging: the position labelled for each word (-1: cut off)
    std::string label;             // classification: the gold label
    std::vector<std::string> tags; // tagging: the gold tag of each word
};
std::vector<TaskInputPreview> previewTaskInputs(const std::string& checkpointDir, const std::string& task, int count, int seqLen = 128,
                                                std::uint64_t taskSeed = 1234);

} // namespace ptl

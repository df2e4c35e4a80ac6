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
    Span,            // reading comprehension: an answer span in a passage, or none (texts: question, passage)
};
std::string toString(TaskKind k);

struct TaskExample {
    std::vector<std::string> texts;   // Classification: the text (and a second one for pairs); MultipleChoice: the context
    std::vector<std::string> choices; // MultipleChoice: the candidates
    int label = -1;                   // Classification: class index; MultipleChoice: the right candidate
    std::vector<std::string> words;   // Tagging: the words
    std::vector<int> tags;            // Tagging: class index per word
    int document = -1;                // index of the Brown document it came from
    // Span: words holds the passage's words, offsets their first characters in texts[1];
    // answers the gold answer texts (empty: the question has no answer in the passage),
    // answerFirst..answerLast the gold answer's words (-1: none).
    std::vector<int> offsets;
    std::vector<std::string> answers;
    int answerFirst = -1, answerLast = -1;
};

struct Task {
    std::string name;                 // "genre", "pos"
    std::string title;                // one line for lists
    std::string construction;         // how it is built, for `tasks show` and the README
    TaskKind kind = TaskKind::Classification;
    std::vector<std::string> labels;  // class names
    bool symmetric = false;           // a pair whose order carries no meaning (GPT reads both orders, summed)
    bool noAnswer = false;            // Span: some questions have no answer (SQuAD v2.0)
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

// The metric a task is judged by: "accuracy", or "f1" for reading comprehension (SQuAD's
// token F1). The job records dev_<metric>, best_dev_<metric>, test_<metric> and the
// baselines' dev_/test_majority_<metric> and dev_/test_simple_<metric>.
std::string taskMetric(TaskKind kind);

// Reading comprehension: the baselines' answers scored as SQuAD does (core/tasks/Squad.h).
// (squad::Scores is this struct; all in [0, 1].)
struct SpanScore {
    double exact = 0, f1 = 0;
    double hasAnsExact = 0, hasAnsF1 = 0, noAnsExact = 0, noAnsF1 = 0;
    std::int64_t total = 0, hasAnsTotal = 0, noAnsTotal = 0;
};

// What ignoring the model scores on a task, reported next to every fine-tuned result:
// always the training split's most frequent label ("majority"), and a simple non-neural
// model fitted on the training split ("simple"): bag-of-words logistic regression for
// classification, each word's most frequent training tag for tagging (unseen words: the
// most frequent tag).
// Reading comprehension: "majority" always answers "no answer"; "simple" is the sliding-
// window baseline (the passage sentence sharing the most question words, the words of it
// the question lacks as the answer; v2.0: no answer below an overlap tuned on dev).
struct TaskBaselines {
    std::string majorityName, simpleName;      // "majority class", "bag-of-words logistic regression", ...
    ClassificationScore majorityDev, majorityTest, simpleDev, simpleTest;
    SpanScore spanMajorityDev, spanMajorityTest, spanSimpleDev, spanSimpleTest;  // Span tasks
    // The metric value of each (accuracy, or F1 for Span tasks).
    bool span = false;
    double majorityDevScore() const { return span ? spanMajorityDev.f1 : majorityDev.accuracy; }
    double majorityTestScore() const { return span ? spanMajorityTest.f1 : majorityTest.accuracy; }
    double simpleDevScore() const { return span ? spanSimpleDev.f1 : simpleDev.accuracy; }
    double simpleTestScore() const { return span ? spanSimpleTest.f1 : simpleTest.accuracy; }
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

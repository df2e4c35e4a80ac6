#pragma once
// In-context learning as GPT-3 measured it (Brown et al. 2020, §2 and §3.9): a task is
// shown to a causal language model as K demonstrations ("context answer" lines) before the
// test item, with an optional natural-language description, and nothing is trained.
// Multiple-choice items are scored by the likelihood of each choice: total log-likelihood,
// per token (length-normalised), and relative to the choice's likelihood after an
// answer-only context (as the paper did for ARC, OpenBookQA and RACE). Free-form items are
// decoded greedily and scored by exact match. The tasks are built from installed data by
// deterministic code: word scrambles from wamerican (§3.9.2), country -> capital from
// miscfiles, two- and three-digit addition, Brown genre by prompt, WordNet hypernyms.
// Torch-free: the GUI and the CLI use it with plain values.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ptl {

struct FewShotItem {
    std::string context;               // the item's own prompt ("The capital of France is")
    std::string answer;                // the gold answer as it follows the context (" Paris")
    std::vector<std::string> choices;  // multiple choice: the candidates, each as it would follow the context
    int label = -1;                    // multiple choice: the right candidate
};

struct FewShotTask {
    std::string name, title;
    std::string kind;                  // "choice" or "free"
    std::string description;           // the natural-language task description (optional in the prompt)
    std::string answerContext;         // the answer-only context for relative scoring ("Answer:")
    std::string construction;          // how it is built, with the sources and counts
    std::vector<FewShotItem> demos;    // the pool demonstrations are drawn from
    std::vector<FewShotItem> test;     // scored items; never among the demonstrations
};

struct FewShotTaskInfo {
    std::string name, title, kind;
};
const std::vector<FewShotTaskInfo>& fewShotTaskList();

// Deterministic for a seed (the seed splits demonstration pool from test items). Throws
// ptl::Error for an unknown name, or when the installed data it needs is missing (with the
// Debian package to install).
FewShotTask buildFewShotTask(const std::string& name, std::uint64_t seed = 1234);

// The K demonstrations for a test item: drawn with the seed from the pool, never the item
// itself (nor an item with the same context), the same K-prefix for every K (so K = 4's
// demonstrations include K = 2's).
std::vector<int> drawDemonstrations(const FewShotTask& task, int k, std::uint64_t seed, const FewShotItem& item);

// The prompt: description (if asked), each demonstration "context answer" on its own
// line, then the item's context.
std::string fewShotPrompt(const FewShotTask& task, const std::vector<int>& demos, const FewShotItem& item, bool description);

struct FewShotOptions {
    std::vector<int> ks{0, 1, 2, 4, 8, 16};
    bool description = true;
    int items = 200;              // test items scored (0: all)
    std::uint64_t seed = 1;       // draws the demonstrations
    int context = 0;              // tokens a prompt may use; 0: the length the model was trained on
};

struct FewShotKResult {
    int k = 0;
    double meanDemos = 0;         // demonstrations that fit the context, on average
    int items = 0;
    double accuracy = 0;          // choice: by total log-likelihood; free: exact match
    double accuracyPerToken = 0;  // choice: by log-likelihood per token
    double accuracyRelative = 0;  // choice: by log P(choice | prompt) - log P(choice | answer-only context)
};

// One scored item, for the view and the JSON.
struct FewShotItemResult {
    int k = 0;
    std::string prompt;           // as fed (after fitting the context)
    int demos = 0;
    std::string gold;
    std::string predicted;        // free: the decoded answer; choice: the choice picked by total log-likelihood
    bool correct = false;
    std::vector<double> logLikelihood, perToken, relative;  // choice: per candidate
};

struct FewShotResult {
    std::string task, kind, checkpoint;
    int context = 0;
    double chance = 0;            // choice: 1 / candidates; free: the most common answer of the pool, scored on the test items
    std::string chanceName;
    double answerOnly = 0;        // choice: accuracy of the answer-only likelihood alone (the model without the question)
    std::vector<FewShotKResult> byK;
    std::vector<FewShotItemResult> examples;  // the first few items at every K
};

// Runs the model on the task at every K. progress(done, total) may return false to stop.
FewShotResult runFewShot(const std::string& checkpointDir, const std::string& task, const FewShotOptions& options,
                         const std::function<bool(int, int)>& progress = {});

// The log-likelihood of each choice after a prompt, as runFewShot computes it (for the
// view, where the user edits the demonstrations): total, per token, and the answer-only one.
struct ChoiceScores {
    std::vector<double> logLikelihood, perToken, answerOnly;
    std::vector<int> tokens;
};
ChoiceScores scoreChoices(const std::string& checkpointDir, const std::string& prompt, const std::vector<std::string>& choices,
                          const std::string& answerContext);

} // namespace ptl

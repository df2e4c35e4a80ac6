#pragma once
// Reading comprehension as SQuAD scores it (Rajpurkar et al. 2016, 2018): the official
// evaluation scripts' answer normalisation, exact match and token F1 (v1.1 and v2.0), the
// HasAns / NoAns split and the best no-answer threshold (v2.0's find_best_thresh); and
// BERT's run_squad span decoding: start and end logits over the passage tokens of every
// window, the best span with end >= start and at most max_answer_length tokens, read only
// in the window where its start token has the most context, against the no-answer score
// (the [CLS] position's start + end logits, the smallest over the windows). Torch-free:
// the objective, `predict`, the baselines and the GUI share it.
#include "core/api/Tasks.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ptl::squad {

// The official normalize_answer: lower case, punctuation removed, the articles a / an / the
// removed, whitespace collapsed.
std::string normalizeAnswer(const std::string& s);
// compute_exact / compute_f1 of the v2.0 script (for non-empty answers identical to v1.1):
// an empty answer stands for "no answer"; F1 of an empty against a non-empty one is 0,
// of two empty ones 1.
double exactMatch(const std::string& prediction, const std::string& gold);
double tokenF1(const std::string& prediction, const std::string& gold);
// The maximum over the gold answers (none: the question has no answer, gold "").
double exactMatch(const std::string& prediction, const std::vector<std::string>& golds);
double tokenF1(const std::string& prediction, const std::vector<std::string>& golds);

// The scores (the same fields the task baselines report).
using Scores = ptl::SpanScore;
// predictions[i]: the answer given ("" = no answer); golds[i]: the gold answers (empty: none).
Scores evaluate(const std::vector<std::string>& predictions, const std::vector<std::vector<std::string>>& golds);

// v2.0's find_best_thresh, for predictions that always answer (spans[i]) and a no-answer
// score each (nullDiff[i], higher: more likely unanswerable; answered when nullDiff <= t):
// the threshold t that maximises F1 (and the one that maximises exact match) on these
// questions, and the scores there. Ties keep the smallest threshold.
struct Threshold {
    double f1Threshold = 0, bestF1 = 0;
    double exactThreshold = 0, bestExact = 0;
};
Threshold bestThreshold(const std::vector<std::string>& spans, const std::vector<double>& nullDiff,
                        const std::vector<std::vector<std::string>>& golds);
// The answers given with a threshold: spans[i], or "" where nullDiff[i] > threshold.
std::vector<std::string> applyThreshold(const std::vector<std::string>& spans, const std::vector<double>& nullDiff, double threshold);

// ---- span decoding
// One window of a passage as the model saw it: per position its passage word (-1 for the
// question, the special tokens and padding) and whether this window is the position's
// best context (run_squad's _check_is_max_context), the logits, and the no-answer position.
struct WindowScores {
    std::vector<float> start, end;   // logits per position
    std::vector<int> tokenWord;      // passage word index per position, -1 outside the passage
    std::vector<char> maxContext;    // per position
    int nullPos = 0;                 // BERT: [CLS]; GPT: <extract>
};

struct SpanChoice {
    int firstWord = -1, lastWord = -1;   // the best span's passage words (-1: no valid span)
    int window = -1, startPos = -1, endPos = -1;
    double score = -1e30;                // start + end logit of the best span
    double nullScore = 1e30;             // the smallest start + end logit at the null position over the windows
    double nullDiff() const { return nullScore - score; }
};
// n-best start and end positions per window (run_squad's n_best_size, 20), spans inside the
// passage, end >= start, at most maxAnswerTokens tokens, start in its best-context window.
SpanChoice bestSpan(const std::vector<WindowScores>& windows, int maxAnswerTokens = 30, int nBest = 20);

// ---- passages
// Words of a passage with their character offsets (whitespace, then punctuation at either
// end of a word split off, as `predict` splits text), so an answer span maps back to text.
struct PassageWords {
    std::vector<std::string> words;
    std::vector<int> offsets;  // the first character of each word
};
PassageWords splitPassage(const std::string& passage);
// The passage text from word first to word last (inclusive).
std::string spanText(const std::string& passage, const std::vector<std::string>& words, const std::vector<int>& offsets, int first, int last);

// run_squad's windows over a passage of n sub-tokens: window starts every `stride` tokens,
// each at most `length` long, the last reaching the end. Returns (start, length) pairs.
std::vector<std::pair<int, int>> windowSpans(int n, int length, int stride);
// Whether window w is position p's best context: min(left, right context) + 0.01 x length.
bool isMaxContext(const std::vector<std::pair<int, int>>& windows, int w, int p);

} // namespace ptl::squad

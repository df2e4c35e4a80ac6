#pragma once
// How a task example becomes the model's input, shared by the fine-tuning objective and
// the previews the GUI and `tasks show` print: BERT's [CLS] a [SEP] (b [SEP]) with segment
// ids, GPT-1's <start> a (<delim> b) <extract> with three new tokens after the vocabulary;
// tagging labels each word's first sub-token (GPT: its last, the first that has seen the
// whole word). Torch-free.
#include "core/api/Tasks.h"
#include "core/text/Tokenizer.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ptl {

struct TaskInputFormat {
    bool gpt = false;
    int open = -1, delim = -1, close = -1;  // BERT: [CLS], [SEP], [SEP]; GPT: V, V+1, V+2
    int seqLen = 128;
    // ERNIE: the entity-table row aligned with each token of a text (-1: none), given the
    // text and its token ids; empty for models without a K-Encoder. Classification inputs
    // carry the rows in TaskInput::entities; other kinds run the token stream alone.
    std::function<std::vector<int>(const std::string& text, const std::vector<int>& ids)> entities;
    // GPT's three new tokens for a vocabulary of vocabSize; BERT's from the tokenizer.
    static TaskInputFormat forModel(const Tokenizer& tok, bool gpt, int vocabSize, int seqLen);
};

struct TaskInput {
    std::vector<std::int64_t> ids, types, tokenLabels;  // tokenLabels: tagging, -100 where unlabelled
    std::vector<std::int64_t> entities;                 // ERNIE, classification: per position, the entity row or -1
    int label = -1;                                     // classification
    int readout = 0;                                    // classification: the position the head reads
    std::vector<int> wordPos;                           // tagging: each word's labelled position, -1 when cut off
    // Multiple choice (and GPT's symmetric pairs: both orders): one sequence per candidate, context and candidate as a pair
    // (BERT: [CLS] context [SEP] choice [SEP]; GPT: <start> context <delim> choice <extract>),
    // each read at its readout; ids/types above hold the first candidate's.
    std::vector<std::vector<std::int64_t>> choiceIds, choiceTypes;
    std::vector<int> choiceReadout;
};

// Truncation keeps the longest text shortest first (BERT's truncate_seq_pair); tagging
// drops the words past the sequence length (their wordPos is -1).
// symmetric: a pair whose order means nothing; for GPT (which has no bidirectional view of
// the pair) both orders become rows, (a, b) and (b, a), whose scores the head sums.
TaskInput encodeTaskExample(const Tokenizer& tok, const TaskInputFormat& f, TaskKind kind, const TaskExample& e, bool symmetric = false);

// Reading comprehension, as BERT's run_squad feeds it: [CLS] question [SEP] window [SEP]
// (GPT: <start> question <delim> window <extract>), the question cut to maxQueryTokens,
// the passage's sub-tokens in windows every docStride tokens (as many as fit in seqLen),
// so a long passage is read in overlapping windows.
struct SpanWindow {
    std::vector<std::int64_t> ids, types;
    std::vector<int> tokenWord;    // per position: its passage word, -1 for the question and the special tokens
    std::vector<char> maxContext;  // per position: this window is the token's best context
    int nullPos = 0;               // the no-answer position: [CLS] (GPT: <extract>, which has read the whole window)
    int startLabel = 0, endLabel = 0;  // the gold span's first and last sub-token; nullPos when none or not inside
};
std::vector<SpanWindow> encodeSpanExample(const Tokenizer& tok, const TaskInputFormat& f, const TaskExample& e, int maxQueryTokens = 32,
                                          int docStride = 48);

// A token as the views show it: GPT's new tokens by name (<start>, <delim>, <extract>).
std::string taskTokenName(const Tokenizer& tok, const TaskInputFormat& f, std::int64_t id);

} // namespace ptl

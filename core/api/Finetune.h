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
};

// Throws ptl::Error (what, where, a hint) for a folder that is not a fine-tuned checkpoint.
// texts: one text, or two for a pair task; tagging joins them.
TaskPrediction predictTask(const std::string& checkpointDir, const std::vector<std::string>& texts);

// How `predict` splits a text into the task's words: whitespace, then punctuation at
// either end of a word.
std::vector<std::string> splitTaskWords(const std::string& text);

} // namespace ptl

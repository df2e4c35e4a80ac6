#pragma once
// The merge loop both tokenizer trainers share: repeatedly merge the most frequent
// adjacent symbol pair (ties: the pair seen first), with pair counts kept incrementally.
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ptl {

struct BpeTrainerInput {
    // Each word as its initial symbols, with its count.
    std::vector<std::pair<std::vector<std::string>, long long>> words;
    // How two symbols join ("a" + "##b" -> "ab" for WordPiece; plain concatenation for BPE).
    std::function<std::string(const std::string&, const std::string&)> join;
    int maxMerges = 0;
    int minFrequency = 2;
};

struct BpeTrainerResult {
    std::vector<std::pair<std::string, std::string>> merges;  // in order
    std::vector<std::string> newSymbols;                      // the symbol each merge made (may repeat)
};

BpeTrainerResult trainBpe(const BpeTrainerInput& input);

} // namespace ptl

#pragma once
// ERNIE's entity alignment: which tokens of a sentence start a mention of a knowledge-graph
// entity, and which entity. The entities are the rows of a TransE table (TransE.h): the
// synsets the bundled Brown text grounds and their hypernyms. A sentence is split into
// words, tagged by the Brown HMM tagger and grounded (Grounding.h); each mention is then
// aligned to the token where its first word begins, as thunlp/ERNIE puts an entity on the
// first token of its mention. Words and tokens are matched on their letters and digits
// (lower case), so the tokenizer's own splitting of punctuation and word pieces does not
// matter; a mention after a point where the two disagree (an [UNK] token, a character the
// tokenizer rewrites) is left unaligned and counted. Special tokens ("[MASK]", which the
// tagger would read as the noun "mask") never carry an entity.
#include "core/knowledge/WordNet.h"

#include <filesystem>
#include <string>
#include <torch/torch.h>
#include <unordered_map>
#include <vector>

namespace ptl {

class Tokenizer;

struct EntityTable {
    std::filesystem::path dir;        // the TransE folder it was read from
    std::vector<std::string> names;   // NLTK synset names, one per row
    std::unordered_map<std::string, int> rowOf;
    torch::Tensor vectors;            // (rows, dim) fp32
    int rows() const { return static_cast<int>(names.size()); }
    int dim() const { return vectors.defined() ? static_cast<int>(vectors.size(1)) : 0; }
    int row(const std::string& name) const;  // -1 when absent
};

// A table of names only (an ERNIE checkpoint's entities.tsv: the vectors live in the model),
// enough to align text with its rows.
EntityTable entityTableOf(std::vector<std::string> names);

// The entity table of a TransE folder (entities.tsv + transe.safetensors); ptl::Error naming
// the file when it is missing or inconsistent.
EntityTable loadEntityTable(const std::filesystem::path& transeDir);

struct AlignmentStats {
    long long sentences = 0, mentions = 0;
    long long aligned = 0;       // put on a token
    long long outsideTable = 0;  // grounded to a synset the table lacks
    long long unmatched = 0;     // no token starts where the mention does
    void add(const AlignmentStats& o);
};

class EntityAligner {
public:
    EntityAligner(const WordNet& wordnet, const EntityTable& table, const Tokenizer& tokenizer);
    // Per token of ids (tokenizer.encode(sentence), without specials): the table row of the
    // mention whose first word starts at that token, -1 elsewhere.
    std::vector<int> align(const std::string& sentence, const std::vector<int>& ids, AlignmentStats* stats = nullptr) const;

private:
    const WordNet& wn_;
    const EntityTable& table_;
    const Tokenizer& tok_;
};

} // namespace ptl

#pragma once
// Text generation from a causal language model (GPT), as the GUI and the CLI see it:
// plain values in and out, no torch types. The decoding rules follow the papers and the
// reference implementations: greedy; beam search with GNMT's length penalty (Wu et al.
// 2016, used by GPT-3 with width 4 and alpha 0.6); sampling with temperature, top-k
// (Fan et al. 2018) and top-p / nucleus (Holtzman et al. 2020); CTRL's repetition
// penalty (Keskar et al. 2019) and a no-repeat n-gram ban.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ptl {

struct GenerateOptions {
    std::string strategy = "greedy";   // greedy | beam | sample
    int max_new_tokens = 40;
    double temperature = 1.0;          // sample: logits / temperature
    int top_k = 0;                     // sample: keep the k most probable tokens (0: off)
    double top_p = 1.0;                // sample: keep the fewest tokens whose mass reaches p (1: off)
    double repetition_penalty = 1.0;   // > 1 discourages every token already in the text (CTRL)
    int no_repeat_ngram = 0;           // never produce an n-gram already in the text (0: off)
    std::vector<std::string> stop;     // stop strings: generation ends at the first one (not kept)
    std::uint64_t seed = 1;            // sample: the same seed gives the same text
    int beams = 4;                     // beam: width
    double length_penalty = 0.6;       // beam: GNMT's alpha, score = log P / ((5 + |Y|) / 6)^alpha (0: off)
    bool early_stopping = true;        // beam: stop once `beams` hypotheses have finished
    int n_best = 1;                    // beam: how many finished hypotheses to return (<= beams)
    bool cache = true;                 // incremental decoding with a key/value cache
    int candidates = 20;               // per step, report this many of the distribution

    // "" when valid, else what is wrong (with the field's name).
    std::string validate() const;
    // key=value as on the command line (--set top_p=0.9); throws ptl::Error on a bad key or value.
    void set(const std::string& key, const std::string& value);
    static std::vector<std::string> keys();
};

// One token of the distribution at a step.
struct GenCandidate {
    int id = 0;
    std::string token;         // the token as the model sees it (BPE pieces show their space)
    double prob = 0;           // the model's probability (softmax of its logits, temperature 1)
    double adjusted = 0;       // after the repetition penalty, the n-gram ban and the temperature
    double renormalised = 0;   // what the rule drew from: adjusted, renormalised over the kept set (0: not kept)
    bool kept = false;         // inside the top-k / top-p set (greedy: the argmax only)
};

struct GenStep {
    int index = 0;             // 0 = the first generated token
    int id = 0;
    std::string token;
    std::string text;          // the text this token added (decoded, may be empty mid-character)
    double prob = 0;           // the model's probability of this token
    double drawnProb = 0;      // its probability under the rule (renormalised over the kept set)
    int rank = 0;              // 1 = the model's most probable token (GLTR's colour)
    int kept = 0;              // size of the kept set
    double keptMass = 0;       // adjusted probability mass of the kept set
    std::vector<GenCandidate> candidates;  // the top `candidates` by adjusted probability, plus the chosen token
};

// Beam search's tree: every hypothesis considered at every step.
struct BeamNode {
    int id = 0;
    int parent = -1;           // -1: extends the prompt
    int step = 0;
    int token = 0;
    std::string tokenText;
    double logProb = 0;        // cumulative log-probability of the hypothesis
    double score = 0;          // logProb / GNMT length penalty
    std::string state;         // "kept" (extended), "pruned" (dropped), "finished" (ended: end of text, stop string, length)
    bool best = false;         // on the path of the returned best hypothesis
};

struct BeamHypothesis {
    std::vector<int> ids;      // generated tokens
    std::string text;
    double logProb = 0;
    double score = 0;
    std::vector<double> probs; // each token's model probability
    std::vector<int> ranks;    // and rank
};

struct GenerateResult {
    std::string strategy;
    std::vector<std::string> promptTokens;
    int promptTruncated = 0;   // tokens cut from the prompt's start to fit the context
    std::string text;          // the generated continuation (stop string excluded)
    std::vector<int> ids;
    std::vector<GenStep> steps;
    std::vector<BeamHypothesis> hypotheses;  // beam: the n best, best first
    std::vector<BeamNode> tree;              // beam
    std::string stopReason;    // "max_new_tokens", "end of text", "stop string", "context full", "cancelled"
    double seconds = 0;
    double tokensPerSecond = 0;
    bool cached = true;
};

// Called after each generated token (greedy, sample; beam: the best hypothesis's tokens
// at the end). Return false to stop.
using GenerateObserver = std::function<bool(const GenStep&)>;

// Opens a checkpoint and generates. Throws ptl::Error for a model that is not causal
// (BERT-family models fill in [MASK] instead) or bad options.
GenerateResult generateText(const std::string& checkpointDir, const std::string& prompt, const GenerateOptions& options,
                            const GenerateObserver& observer = {});

// The GPT shipped with PretrainLab (resources/models/gpt-mini-brown): the generation view opens on it.
std::string shippedGptDir();

// bench generate: tokens/s with and without the key/value cache on one prompt.
struct GenerateBench {
    std::string checkpoint;
    int promptTokens = 0, newTokens = 0, threads = 0;
    double cachedTokensPerSecond = 0, uncachedTokensPerSecond = 0;
    double maxLogitDifference = 0;  // between the two, over every step (greedy: the same tokens)
};
GenerateBench benchGenerate(const std::string& checkpointDir, const std::string& prompt, int newTokens);

} // namespace ptl

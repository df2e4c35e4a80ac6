#pragma once
// Decoding from a causal language model (core/api/Generate.h is the facade). Torch-level
// pieces, public so that tests can drive them on a toy model or a hand-made distribution.
#include "core/api/Generate.h"
#include "core/model/Transformer.h"
#include "core/text/Tokenizer.h"

#include <torch/torch.h>
#include <filesystem>
#include <vector>

namespace ptl::gen {

// Where next-token logits come from. The model (Stepper) in the workbench; tests also
// plug in hand-written tables, so beam search can be checked against a known answer.
class LogitSource {
public:
    virtual ~LogitSource() = default;
    // Runs the prompt (one row); returns the logits of the next token (1, V), fp32.
    virtual torch::Tensor start(const std::vector<int>& prompt) = 0;
    // Row b continues previous row index[b] (beam search); sizes the batch.
    virtual void reorder(const std::vector<int64_t>& index) = 0;
    // Appends one token per row; returns the next logits (rows, V).
    virtual torch::Tensor next(const std::vector<int>& tokens) = 0;
    virtual int64_t length() const = 0;       // tokens run so far, per row
    virtual int64_t contextSize() const = 0;  // positions the model can read
    virtual int64_t vocabSize() const = 0;
};

// Next-token logits of a causal model, either with the key/value cache (only the new
// tokens are run) or by running every sequence again from its start (the reference).
class Stepper : public LogitSource {
public:
    Stepper(TransformerModel model, bool cached) : model_(std::move(model)), cached_(cached) {}
    torch::Tensor start(const std::vector<int>& prompt) override;
    void reorder(const std::vector<int64_t>& index) override;
    torch::Tensor next(const std::vector<int>& tokens) override;
    int64_t length() const override { return length_; }
    int64_t contextSize() const override { return model_->config().max_position_embeddings; }
    int64_t vocabSize() const override { return model_->config().vocab_size; }
    bool cached() const { return cached_; }

private:
    TransformerModel model_;
    bool cached_;
    KvCache cache_;
    std::vector<std::vector<int64_t>> rows_;  // uncached: the full sequences
    int64_t length_ = 0;
};

// The repetition penalty (CTRL: a positive logit divided by it, a negative one multiplied)
// over every token of `context`, then the no-repeat n-gram ban (-inf for any token that
// would complete an n-gram already in the context). logits (V) fp32, changed in place.
void applyPenalties(torch::Tensor& logits, const std::vector<int>& context, double repetitionPenalty, int noRepeatNgram);

// The tokens kept by top-k then top-p (nucleus) over probabilities (V): ids in descending
// probability. top_k 0 and top_p 1 keep everything with non-zero probability; at least one
// token is always kept. top-p keeps the fewest tokens whose mass reaches p.
std::vector<int64_t> keptSet(const torch::Tensor& probs, int topK, double topP);

// GNMT's length penalty ((5 + length) / 6)^alpha.
double lengthPenalty(int length, double alpha);

// Generation from a model and tokenizer already in memory (tests use toy models): throws
// ptl::Error for a model that is not causal, an empty prompt or invalid options.
GenerateResult generate(TransformerModel model, const Tokenizer& tokenizer, std::vector<int> promptIds, const GenerateOptions& options,
                        const GenerateObserver& observer = {});
// The same rules over any source of logits (options.cache is the caller's business).
GenerateResult generate(LogitSource& source, const Tokenizer& tokenizer, std::vector<int> promptIds, const GenerateOptions& options,
                        const GenerateObserver& observer = {});

// The sequence length the model in `dir` was trained on, where its folder says (card.json
// or trainer_state.json hold "seq_len"), at most `positions`; else `positions`. Positions
// past it never learned anything, so prompts are cut to fit it.
int trainedContext(const std::filesystem::path& dir, int positions);

} // namespace ptl::gen

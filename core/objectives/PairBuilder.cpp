#include "core/objectives/PairBuilder.h"
#include "core/text/Tokenizer.h"
#include "core/util/Error.h"

#include <algorithm>

namespace ptl {

namespace {

int randint(std::mt19937_64& rng, int lo, int hi)  // inclusive, as Python's random.randint
{
    return std::uniform_int_distribution<int>(lo, hi)(rng);
}

double random01(std::mt19937_64& rng) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng); }

void truncatePair(std::vector<int>& a, std::vector<int>& b, int maxTokens, std::mt19937_64& rng)
{
    while (static_cast<int>(a.size() + b.size()) > maxTokens) {
        std::vector<int>& longer = a.size() > b.size() ? a : b;
        if (longer.size() <= 1) break;
        if (random01(rng) < 0.5)
            longer.erase(longer.begin());
        else
            longer.pop_back();
    }
}

void fromDocument(const std::vector<std::vector<std::vector<int>>>& docs, std::size_t docIndex, const Tokenizer& tok,
                  const PairOptions& opt, std::mt19937_64& rng, std::vector<PairInstance>& out)
{
    const auto& document = docs[docIndex];
    const int maxNumTokens = opt.maxSeqLen - 3;
    int targetLength = maxNumTokens;
    if (random01(rng) < opt.shortSeqProb) targetLength = randint(rng, 2, maxNumTokens);

    std::vector<const std::vector<int>*> chunk;
    int chunkLength = 0;
    int i = 0;
    const int n = static_cast<int>(document.size());
    while (i < n) {
        const auto& segment = document[static_cast<std::size_t>(i)];
        chunk.push_back(&segment);
        chunkLength += static_cast<int>(segment.size());
        if (i == n - 1 || chunkLength >= targetLength) {
            if (!chunk.empty()) {
                int aEnd = 1;
                if (chunk.size() >= 2) aEnd = randint(rng, 1, static_cast<int>(chunk.size()) - 1);
                std::vector<int> a, b;
                for (int j = 0; j < aEnd; ++j) a.insert(a.end(), chunk[static_cast<std::size_t>(j)]->begin(), chunk[static_cast<std::size_t>(j)]->end());
                int label = 0;
                const bool randomNext = chunk.size() == 1 || (opt.task == PairTask::Nsp && random01(rng) < 0.5);
                if (randomNext) {
                    // B from a random other document (BERT; ALBERT too for one-segment chunks).
                    label = 1;  // ALBERT labels this case 1 too (is_random_next)
                    const int targetB = targetLength - static_cast<int>(a.size());
                    std::size_t r = docIndex;
                    for (int t = 0; t < 10; ++t) {
                        r = static_cast<std::size_t>(randint(rng, 0, static_cast<int>(docs.size()) - 1));
                        if (r != docIndex) break;
                    }
                    const auto& other = docs[r];
                    const int start = randint(rng, 0, static_cast<int>(other.size()) - 1);
                    for (std::size_t j = static_cast<std::size_t>(start); j < other.size(); ++j) {
                        b.insert(b.end(), other[j].begin(), other[j].end());
                        if (static_cast<int>(b.size()) >= targetB) break;
                    }
                    i -= static_cast<int>(chunk.size()) - aEnd;  // put the unused segments back
                } else {
                    for (std::size_t j = static_cast<std::size_t>(aEnd); j < chunk.size(); ++j) b.insert(b.end(), chunk[j]->begin(), chunk[j]->end());
                    if (opt.task == PairTask::Sop && random01(rng) < 0.5) {
                        std::swap(a, b);
                        label = 1;
                    }
                }
                truncatePair(a, b, maxNumTokens, rng);
                if (!a.empty() && !b.empty()) {
                    PairInstance inst;
                    inst.ids.push_back(tok.specials().cls);
                    inst.ids.insert(inst.ids.end(), a.begin(), a.end());
                    inst.ids.push_back(tok.specials().sep);
                    inst.typeIds.assign(inst.ids.size(), 0);
                    inst.ids.insert(inst.ids.end(), b.begin(), b.end());
                    inst.ids.push_back(tok.specials().sep);
                    inst.typeIds.resize(inst.ids.size(), 1);
                    inst.label = label;
                    inst.lengthA = static_cast<int>(a.size());
                    inst.lengthB = static_cast<int>(b.size());
                    out.push_back(std::move(inst));
                }
            }
            chunk.clear();
            chunkLength = 0;
        }
        ++i;
    }
}

} // namespace

std::vector<PairInstance> buildPairs(const std::vector<std::vector<std::vector<int>>>& documents, const Tokenizer& tokenizer,
                                     const PairOptions& options, std::mt19937_64& rng)
{
    if (options.maxSeqLen < 8)
        throw Error("max_seq_len: must be at least 8 for sentence pairs (got " + std::to_string(options.maxSeqLen) + ")");
    if (tokenizer.specials().cls < 0 || tokenizer.specials().sep < 0)
        throw Error("the vocabulary has no [CLS] or [SEP] token", "sentence pairs need a WordPiece vocabulary with [CLS] and [SEP]");
    // Drop empty sentences and documents, as the reference's reader does.
    std::vector<std::vector<std::vector<int>>> docs;
    for (const auto& d : documents) {
        std::vector<std::vector<int>> kept;
        for (const auto& s : d)
            if (!s.empty()) kept.push_back(s);
        if (!kept.empty()) docs.push_back(std::move(kept));
    }
    if (docs.size() < 2)
        throw Error("sentence pairs need at least two documents (got " + std::to_string(docs.size()) + ")",
                    "separate documents in the corpus with blank lines");
    std::vector<PairInstance> out;
    for (int d = 0; d < options.dupeFactor; ++d)
        for (std::size_t i = 0; i < docs.size(); ++i) fromDocument(docs, i, tokenizer, options, rng, out);
    std::shuffle(out.begin(), out.end(), rng);
    return out;
}

} // namespace ptl

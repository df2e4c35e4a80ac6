#include "core/objectives/MlmMasker.h"
#include "core/text/Tokenizer.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace ptl {

std::string toString(MaskKind k)
{
    switch (k) {
    case MaskKind::Mask: return "mask";
    case MaskKind::Random: return "random";
    case MaskKind::Keep: return "keep";
    }
    return "?";
}

std::string MaskingOptions::validate() const
{
    if (!(maskProb > 0.0 && maskProb < 1.0)) return "mask_prob: must be in (0, 1) (got " + std::to_string(maskProb) + ")";
    if (maxPredictions < 1) return "max_predictions: must be at least 1 (got " + std::to_string(maxPredictions) + ")";
    if (!(maskRatio >= 0.0 && randomRatio >= 0.0 && maskRatio + randomRatio <= 1.0 + 1e-12))
        return "mask_ratio + random_ratio: must be non-negative and sum to at most 1 (got " + std::to_string(maskRatio) + " + " +
               std::to_string(randomRatio) + ")";
    if (maxNgram < 1 || maxNgram > 10) return "max_ngram: must be between 1 and 10 (got " + std::to_string(maxNgram) + ")";
    return {};
}

MlmMasker::MlmMasker(const Tokenizer& tokenizer, MaskingOptions options) : tok_(tokenizer), options_(options)
{
    if (const auto msg = options_.validate(); !msg.empty())
        throw Error("invalid masking options: " + msg);
    if (tok_.specials().mask < 0)
        throw Error("the vocabulary has no [MASK] token", "masked-LM needs a WordPiece vocabulary with [MASK]");
    for (int i = 0; i < tok_.vocabSize(); ++i)
        if (!tok_.isSpecial(i)) randomPool_.push_back(i);
}

std::uint64_t MlmMasker::instanceSeed(std::uint64_t seed, std::uint64_t epoch, std::uint64_t index) const
{
    // splitmix64 over the three values: well spread, deterministic.
    auto mix = [](std::uint64_t z) {
        z += 0x9e3779b97f4a7c15ull;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    };
    return mix(mix(mix(seed) ^ (options_.dynamic ? epoch : 0)) ^ index);
}

std::vector<MaskDecision> MlmMasker::mask(std::vector<int>& ids, std::mt19937_64& rng, std::vector<int>* ngramDraws) const
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    const int pad = tok_.specials().pad;
    // Candidate groups: single tokens, or whole words (a piece plus its continuations).
    std::vector<std::vector<int>> cand;
    int length = 0;
    for (int i = 0; i < static_cast<int>(ids.size()); ++i) {
        const int id = ids[static_cast<std::size_t>(i)];
        if (id == pad) continue;
        ++length;
        if (tok_.isSpecial(id)) continue;
        if (options_.wholeWord && !cand.empty() && tok_.isContinuation(id) && cand.back().back() == i - 1)
            cand.back().push_back(i);
        else
            cand.push_back({i});
    }
    const int numToPredict = std::min(options_.maxPredictions,
                                      std::max(1, static_cast<int>(std::lround(length * options_.maskProb))));
    std::vector<MaskDecision> out;
    std::set<int> covered;
    auto apply = [&](const std::vector<int>& indexSet, int span) {
        for (int index : indexSet) {
            covered.insert(index);
            MaskDecision d;
            d.position = index;
            d.original = ids[static_cast<std::size_t>(index)];
            d.span = span;
            const double r = uniform(rng);
            if (r < options_.maskRatio) {
                d.kind = MaskKind::Mask;
                d.input = tok_.specials().mask;
            } else if (r < options_.maskRatio + options_.randomRatio) {
                d.kind = MaskKind::Random;
                std::uniform_int_distribution<std::size_t> pick(0, randomPool_.size() - 1);
                d.input = randomPool_[pick(rng)];
            } else {
                d.kind = MaskKind::Keep;
                d.input = d.original;
            }
            out.push_back(d);
        }
    };
    auto anyCovered = [&](const std::vector<int>& s) {
        return std::any_of(s.begin(), s.end(), [&](int i) { return covered.count(i) != 0; });
    };

    int span = 0;
    if (options_.maxNgram <= 1) {
        std::shuffle(cand.begin(), cand.end(), rng);
        for (const auto& indexSet : cand) {
            if (static_cast<int>(out.size()) >= numToPredict) break;
            if (static_cast<int>(out.size() + indexSet.size()) > numToPredict) continue;
            if (anyCovered(indexSet)) continue;
            apply(indexSet, span++);
        }
    } else {
        // google-research/albert: n-grams of candidate groups, n drawn with p(n) ~ 1/n.
        const int maxN = options_.maxNgram;
        std::vector<double> pvals;
        for (int n = 1; n <= maxN; ++n) pvals.push_back(1.0 / n);
        std::vector<std::vector<std::vector<int>>> ngramIndexes;  // per start: the 1..maxN-gram index sets
        for (std::size_t idx = 0; idx < cand.size(); ++idx) {
            std::vector<std::vector<int>> options;
            for (int n = 1; n <= maxN && idx + static_cast<std::size_t>(n) <= cand.size(); ++n) {
                std::vector<int> flat;
                for (std::size_t k = idx; k < idx + static_cast<std::size_t>(n); ++k)
                    flat.insert(flat.end(), cand[k].begin(), cand[k].end());
                options.push_back(std::move(flat));
            }
            ngramIndexes.push_back(std::move(options));
        }
        std::shuffle(ngramIndexes.begin(), ngramIndexes.end(), rng);
        for (const auto& candSet : ngramIndexes) {
            if (static_cast<int>(out.size()) >= numToPredict) break;
            if (candSet.empty()) continue;
            if (anyCovered(candSet[0])) continue;
            std::discrete_distribution<int> choose(pvals.begin(), pvals.begin() + static_cast<std::ptrdiff_t>(candSet.size()));
            int n = choose(rng) + 1;
            if (ngramDraws) ngramDraws->push_back(n);
            std::vector<int> indexSet = candSet[static_cast<std::size_t>(n - 1)];
            --n;
            while (static_cast<int>(out.size() + indexSet.size()) > numToPredict) {
                if (n == 0) break;
                indexSet = candSet[static_cast<std::size_t>(n - 1)];
                --n;
            }
            if (static_cast<int>(out.size() + indexSet.size()) > numToPredict) continue;
            if (anyCovered(indexSet)) continue;
            apply(indexSet, span++);
        }
    }
    std::sort(out.begin(), out.end(), [](const MaskDecision& a, const MaskDecision& b) { return a.position < b.position; });
    for (const auto& d : out) ids[static_cast<std::size_t>(d.position)] = d.input;
    return out;
}

} // namespace ptl

#include "core/train/DataPipeline.h"
#include "core/objectives/Collate.h"
#include "core/util/Error.h"

#include <algorithm>
#include <numeric>

namespace ptl {

namespace {
std::vector<std::vector<std::vector<int>>> tokenizeDocs(const Corpus& c, const Tokenizer& tok, bool spaceSentences)
{
    const bool space = spaceSentences && tok.kind() == TokenizerKind::ByteLevelBpe;
    std::vector<std::vector<std::vector<int>>> out;
    out.reserve(c.documents.size());
    for (const auto& d : c.documents) {
        std::vector<std::vector<int>> doc;
        doc.reserve(d.sentences.size());
        for (const auto& s : d.sentences) doc.push_back(tok.encode(space && !doc.empty() ? " " + s : s));
        out.push_back(std::move(doc));
    }
    return out;
}

// Text the vocabulary does not cover (Korean or emoji through the English WordPiece
// vocabulary) becomes [UNK] after [UNK]: nothing to learn, so it is refused with numbers.
void refuseUnknownText(const std::vector<std::vector<std::vector<int>>>& docs, const Tokenizer& tok, const std::string& label)
{
    const int unk = tok.specials().unk;
    if (unk < 0) return;  // byte-level BPE: every byte has a token
    std::size_t all = 0, unknown = 0;
    for (const auto& d : docs)
        for (const auto& s : d)
            for (int id : s) {
                ++all;
                unknown += id == unk;
            }
    if (all > 0 && unknown * 10 >= all * 9)
        throw Error(label + ": " + std::to_string(unknown) + " of its " + std::to_string(all) +
                        " training tokens are [UNK]: the WordPiece vocabulary (trained on English) does not cover this text",
                    "train on English text, or use a GPT preset (its byte-level BPE has a token for every byte)");
}

// ERNIE's alignments travel through buildPairs inside the token ids, which it copies without
// reading them: id + V (entity + 1). unpackEntities takes them out again.
void packEntities(std::vector<std::vector<std::vector<int>>>& docs, const Corpus& c, const EntityAligner& aligner, int vocab,
                  AlignmentStats& stats)
{
    for (std::size_t d = 0; d < docs.size(); ++d)
        for (std::size_t s = 0; s < docs[d].size(); ++s) {
            auto& ids = docs[d][s];
            const std::vector<int> rows = aligner.align(c.documents[d].sentences[s], ids, &stats);
            for (std::size_t i = 0; i < ids.size(); ++i) ids[i] += vocab * (rows[i] + 1);
        }
}

std::vector<std::vector<int>> unpackEntities(std::vector<PairInstance>& pairs, int vocab)
{
    std::vector<std::vector<int>> entities(pairs.size());
    for (std::size_t p = 0; p < pairs.size(); ++p) {
        entities[p].resize(pairs[p].ids.size());
        for (std::size_t i = 0; i < pairs[p].ids.size(); ++i) {
            entities[p][i] = pairs[p].ids[i] / vocab - 1;
            pairs[p].ids[i] %= vocab;
        }
    }
    return entities;
}
} // namespace

DataPipeline::DataPipeline(const JobSpec& spec, const Tokenizer& tokenizer, const Corpus& corpus, const EntityTable* entities,
                           const Corpus* extra)
    : spec_(spec), tok_(tokenizer), entities_(spec.model.family == Family::Gpt2 ? nullptr : entities)
{
    const TrainConfig& t = spec.train;
    auto [train, held] = splitHeldOut(corpus, t.held_out, t.seed);
    if (held.documents.empty())
        throw Error("the corpus has " + std::to_string(corpus.documents.size()) + " document(s); evaluation needs at least 2",
                    "separate documents with blank lines, or give a larger corpus");
    heldOutDocs_ = held.documents.size();
    auto trainDocs = tokenizeDocs(train, tok_, t.space_sentences);
    refuseUnknownText(trainDocs, tok_, spec.corpus.empty() ? std::string("the bundled corpus") : spec.corpus);
    auto heldDocs = tokenizeDocs(held, tok_, t.space_sentences);
    auto extraDocs = extra ? tokenizeDocs(*extra, tok_, t.space_sentences) : decltype(trainDocs){};
    const int V = tok_.vocabSize();
    if (entities_) {
        if (static_cast<long long>(V) * (entities_->rows() + 1) >= (1ll << 31))
            throw Error("the entity table (" + std::to_string(entities_->rows()) + " rows) is too large for this vocabulary");
        const EntityAligner aligner(WordNet::installed(), *entities_, tok_);
        packEntities(trainDocs, train, aligner, V, alignment_);
        packEntities(heldDocs, held, aligner, V, alignment_);
        if (extra) packEntities(extraDocs, *extra, aligner, V, alignment_);
    }
    if (spec.model.family == Family::Gpt2) {
        windows_ = packCausal(trainDocs, t.seq_len, tok_.specials().eos);
        corpusInstances_ = windows_.size();
        if (!extraDocs.empty()) {
            std::vector<CausalWindow> more;
            try {
                more = packCausal(extraDocs, t.seq_len, tok_.specials().eos);
            } catch (const Error& e) {
                throw Error("extra_corpus: " + e.message(), "give more extra text, or none");
            }
            windows_.insert(windows_.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
        }
        try {
            evalWindows_ = packCausal(heldDocs, t.seq_len, tok_.specials().eos);
        } catch (const Error&) {
            evalWindows_.assign(windows_.begin(), windows_.begin() + std::min<std::ptrdiff_t>(t.batch_size, static_cast<std::ptrdiff_t>(windows_.size())));
        }
        evalBatches_ = std::max(1, std::min(t.eval_batches, static_cast<int>(evalWindows_.size()) / std::max(1, t.batch_size)));
    } else {
        MaskingOptions m;
        m.maskProb = t.mask_prob;
        m.maxPredictions = t.max_predictions;
        m.maskRatio = t.mask_ratio;
        m.randomRatio = t.random_ratio;
        m.wholeWord = t.whole_word;
        m.maxNgram = t.max_ngram;
        m.dynamic = t.dynamic_masking;
        masker_ = std::make_unique<MlmMasker>(tok_, m);
        PairOptions p;
        p.task = spec.model.family == Family::Albert ? PairTask::Sop : spec.model.family == Family::Electra || spec.model.family == Family::DistilBert ? PairTask::InOrder : PairTask::Nsp;
        p.maxSeqLen = t.seq_len;
        p.shortSeqProb = t.short_seq_prob;
        std::mt19937_64 rng(t.seed);
        pairs_ = buildPairs(trainDocs, tok_, p, rng);
        corpusInstances_ = pairs_.size();
        if (extraDocs.size() >= 2) {  // random next sentences come from the same text's other documents
            auto more = buildPairs(extraDocs, tok_, p, rng);
            pairs_.insert(pairs_.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
        }
        std::mt19937_64 evalRng(t.seed + 1);
        auto heldForPairs = heldDocs;
        if (heldForPairs.size() < 2) heldForPairs.push_back(trainDocs.front());
        evalPairs_ = buildPairs(heldForPairs, tok_, p, evalRng);
        if (entities_) {
            pairEntities_ = unpackEntities(pairs_, V);
            evalPairEntities_ = unpackEntities(evalPairs_, V);
        }
        evalBatches_ = std::max(1, std::min(t.eval_batches, static_cast<int>(evalPairs_.size()) / std::max(1, t.batch_size)));
    }
    countUnigrams();
    if (trainInstances() < static_cast<std::size_t>(t.batch_size))
        throw Error("the corpus gives " + std::to_string(trainInstances()) + " training sequences, fewer than one batch of " +
                        std::to_string(t.batch_size),
                    "use a larger corpus or a smaller batch_size");
}

void DataPipeline::countUnigrams()
{
    trainUnigram_ = UnigramCounts(tok_.vocabSize());
    heldUnigram_ = UnigramCounts(tok_.vocabSize());
    if (spec_.model.family == Family::Gpt2) {
        for (std::size_t i = 0; i < corpusInstances_; ++i)
            for (int id : windows_[i].target) trainUnigram_.add(id);
        for (const auto& w : evalWindows_)
            for (int id : w.target) heldUnigram_.add(id);
        return;
    }
    for (std::size_t i = 0; i < corpusInstances_; ++i)
        for (int id : pairs_[i].ids)
            if (!tok_.isSpecial(id)) trainUnigram_.add(id);
    for (const auto& p : evalPairs_)
        for (int id : p.ids)
            if (!tok_.isSpecial(id)) heldUnigram_.add(id);
}

std::size_t DataPipeline::trainInstances() const { return spec_.model.family == Family::Gpt2 ? windows_.size() : pairs_.size(); }

std::vector<std::size_t> DataPipeline::order(std::uint64_t epoch) const
{
    if (epoch != cachedEpoch_) {
        cachedOrder_.resize(trainInstances());
        std::iota(cachedOrder_.begin(), cachedOrder_.end(), std::size_t(0));
        std::mt19937_64 rng(spec_.train.seed * 1000003ull + epoch);
        std::shuffle(cachedOrder_.begin(), cachedOrder_.end(), rng);
        cachedEpoch_ = epoch;
    }
    return cachedOrder_;
}

Batch DataPipeline::trainBatch(std::int64_t index) const
{
    const std::size_t B = static_cast<std::size_t>(spec_.train.batch_size);
    const std::size_t perEpoch = trainInstances() / B;  // whole batches per epoch; the remainder waits for the next shuffle
    const std::uint64_t epoch = static_cast<std::uint64_t>(index) / perEpoch;
    const std::size_t start = (static_cast<std::size_t>(index) % perEpoch) * B;
    const auto ord = order(epoch);
    std::vector<std::size_t> which(ord.begin() + static_cast<std::ptrdiff_t>(start), ord.begin() + static_cast<std::ptrdiff_t>(start + B));
    return collate(which, false, epoch);
}

Batch DataPipeline::evalBatch(int index) const
{
    const std::size_t B = static_cast<std::size_t>(spec_.train.batch_size);
    const std::size_t n = spec_.model.family == Family::Gpt2 ? evalWindows_.size() : evalPairs_.size();
    std::vector<std::size_t> which;
    for (std::size_t i = 0; i < B; ++i) which.push_back((static_cast<std::size_t>(index) * B + i) % n);
    return collate(which, true, 0);
}

Batch DataPipeline::collate(const std::vector<std::size_t>& which, bool eval, std::uint64_t epoch) const
{
    Batch b;
    std::vector<std::vector<int>> ids, types, labels;
    if (spec_.model.family == Family::Gpt2) {
        for (std::size_t i : which) {
            const CausalWindow& w = (eval ? evalWindows_ : windows_)[i];
            ids.push_back(w.input);
            labels.push_back(w.target);
        }
        b.ids = padToTensor(ids, 0);
        b.labels = padToTensor(labels, -100);
        b.attentionMask = attentionMaskFor(ids);
    } else {
        std::vector<int64_t> pairLabels;
        std::vector<std::vector<int>> entityInputs, entityLabels;
        for (std::size_t i : which) {
            const PairInstance& p = (eval ? evalPairs_ : pairs_)[i];
            std::vector<int> in = p.ids;
            // Eval masks are fixed; training masks follow the instance and epoch.
            std::mt19937_64 rng(masker_->instanceSeed(spec_.train.seed + (eval ? 7919 : 0), eval ? 0 : epoch, i));
            auto decisions = masker_->mask(in, rng);
            std::vector<int> lab(in.size(), -100);
            for (const auto& d : decisions) lab[static_cast<std::size_t>(d.position)] = d.original;
            ids.push_back(std::move(in));
            if (entities_) {
                // dEA: hide some aligned entities from the entity stream, swap some for a random one.
                const std::vector<int>& aligned = (eval ? evalPairEntities_ : pairEntities_)[i];
                std::vector<int> input = aligned;
                std::mt19937_64 erng(masker_->instanceSeed(spec_.train.seed + (eval ? 104729 : 15485863), eval ? 0 : epoch, i));
                std::uniform_real_distribution<double> u(0.0, 1.0);
                std::uniform_int_distribution<int> anyRow(0, entities_->rows() - 1);
                for (int& e : input) {
                    if (e < 0) continue;
                    const double r = u(erng);
                    if (r < spec_.train.entity_mask_prob) e = -1;
                    else if (r < spec_.train.entity_mask_prob + spec_.train.entity_random_prob) e = anyRow(erng);
                }
                entityInputs.push_back(std::move(input));
                entityLabels.push_back(aligned);
            }
            types.push_back(p.typeIds);
            labels.push_back(std::move(lab));
            pairLabels.push_back(p.label);
            b.decisions.push_back(std::move(decisions));
        }
        b.ids = padToTensor(ids, tok_.specials().pad);
        b.typeIds = padToTensor(types, 0);
        b.labels = padToTensor(labels, -100);
        b.attentionMask = attentionMaskFor(ids);
        b.pairLabels = torch::tensor(pairLabels, torch::kLong);
        if (entities_) {
            b.entityIds = padToTensor(entityInputs, -1);
            b.entityLabels = padToTensor(entityLabels, -1);
        }
    }
    b.tokens = b.attentionMask.sum().item<int64_t>();
    return b;
}

} // namespace ptl

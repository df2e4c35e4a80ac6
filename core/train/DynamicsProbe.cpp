#include "core/train/DynamicsProbe.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Runtime.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <sstream>
#include <unordered_map>

namespace ptl {

namespace {

std::vector<std::string> splitOn(const std::string& s, char sep)
{
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    return out;
}

int groupIndex(const std::string& g)
{
    const auto& all = posGroups();
    return static_cast<int>(std::find(all.begin(), all.end(), g) - all.begin());
}

bool nounGroup(int g) { return g == groupIndex("noun") || g == groupIndex("proper noun"); }
bool modifierGroup(int g) { return g == groupIndex("determiner") || g == groupIndex("adjective"); }

// Brown tokens back to the text the model was trained on: the bundled brown.txt writes
// `` and '' as ", and has no space before closing punctuation or after an opening one.
std::string surface(const std::string& w) { return w == "``" || w == "''" ? std::string("\"") : w; }
bool glueLeft(const std::string& w)
{
    static const char* closing[] = {".", ",", ";", ":", "!", "?", ")", "''", "'", "'s", "n't"};
    return std::any_of(std::begin(closing), std::end(closing), [&](const char* c) { return w == c; });
}
bool glueRight(const std::string& w) { return w == "``" || w == "("; }

// The words of one sentence as token pieces, with each word's POS group and the
// determiner/adjective -> noun pairs (word indices).
struct SentencePieces {
    std::vector<int> ids, group, wordOf;
    std::vector<std::pair<int, int>> wordSpan;   // [begin, end) in ids per word
    std::vector<std::pair<int, int>> modifierNoun;
};

SentencePieces piecesOf(const TaggedSentence& s, const Tokenizer& tok, bool firstInStream)
{
    SentencePieces p;
    const bool bpe = tok.kind() == TokenizerKind::ByteLevelBpe;
    std::vector<int> groups;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
        const std::string& w = s.words[i];
        const int g = groupIndex(posGroupOfBrownTag(s.tags[i]));
        groups.push_back(g);
        std::string text = surface(w);
        if (bpe) {
            const bool space = !(i == 0 && firstInStream) && !glueLeft(w) && !(i > 0 && glueRight(s.words[i - 1]));
            if (space) text = " " + text;
        }
        const int begin = static_cast<int>(p.ids.size());
        for (int id : tok.encode(text)) {
            p.ids.push_back(id);
            p.group.push_back(g);
            p.wordOf.push_back(static_cast<int>(i));
        }
        p.wordSpan.emplace_back(begin, static_cast<int>(p.ids.size()));
    }
    // A determiner or adjective, then only determiners, adjectives and nouns up to the
    // last noun of the first run of nouns: that noun is its head ("the city executive
    // committee": the -> committee).
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (!modifierGroup(groups[i])) continue;
        std::size_t j = i + 1;
        while (j < groups.size() && modifierGroup(groups[j])) ++j;
        if (j >= groups.size() || !nounGroup(groups[j])) continue;
        while (j + 1 < groups.size() && nounGroup(groups[j + 1])) ++j;
        p.modifierNoun.emplace_back(static_cast<int>(i), static_cast<int>(j));
    }
    return p;
}

} // namespace

std::vector<std::vector<TaggedSentence>> brownTagsFor(const std::vector<Document>& documents)
{
    const auto dir = resourceDir() / "corpus";
    std::unordered_map<int, std::string> docAtLine;
    {
        const auto lines = splitOn(readTextFile(dir / "brown-docs.tsv"), '\n');
        for (std::size_t i = 1; i < lines.size(); ++i) {
            if (lines[i].empty()) continue;
            const auto f = splitOn(lines[i], '\t');
            if (f.size() < 5) throw Error((dir / "brown-docs.tsv").string() + ": line " + std::to_string(i + 1) + " has fewer than 5 fields");
            docAtLine[std::stoi(f[3])] = f[0];
        }
    }
    std::unordered_map<std::string, std::vector<TaggedSentence>> byDoc;
    {
        const auto lines = splitOn(readTextFile(dir / "brown-pos.tsv"), '\n');
        for (std::size_t i = 1; i < lines.size(); ++i) {
            if (lines[i].empty()) continue;
            const auto f = splitOn(lines[i], '\t');
            if (f.size() < 4) throw Error((dir / "brown-pos.tsv").string() + ": line " + std::to_string(i + 1) + " has fewer than 4 fields");
            TaggedSentence s;
            for (auto& w : splitOn(f[2], ' '))
                if (!w.empty()) s.words.push_back(w);
            for (auto& t : splitOn(f[3], ' '))
                if (!t.empty()) s.tags.push_back(t);
            if (s.words.size() != s.tags.size())
                throw Error((dir / "brown-pos.tsv").string() + ": line " + std::to_string(i + 1) + " has " + std::to_string(s.words.size()) +
                            " tokens but " + std::to_string(s.tags.size()) + " tags");
            byDoc[f[0]].push_back(std::move(s));
        }
    }
    std::vector<std::vector<TaggedSentence>> out;
    for (const Document& d : documents) {
        const bool bundled = std::filesystem::path(d.source).filename() == "brown.txt";
        auto at = docAtLine.find(d.firstLine);
        out.push_back(bundled && at != docAtLine.end() ? byDoc[at->second] : std::vector<TaggedSentence>{});
    }
    return out;
}

DynamicsProbe::DynamicsProbe(const ModelConfig& config, const Tokenizer& tok, const UnigramCounts& trainCounts,
                             const std::vector<Document>& documents, const std::vector<std::vector<TaggedSentence>>& tags, int seqLen,
                             int maxSequences, double maskProb)
    : config_(config), causal_(config.causal), pad_(tok.specials().pad < 0 ? 0 : tok.specials().pad)
{
    rank_.assign(static_cast<std::size_t>(tok.vocabSize()), tok.vocabSize());
    {
        const auto order = trainCounts.top(tok.vocabSize());
        for (std::size_t r = 0; r < order.size(); ++r) rank_[static_cast<std::size_t>(order[r].first)] = static_cast<int>(r);
    }
    // Each document as one stream of pieces (with groups and pairs in stream positions),
    // cut into sequences.
    std::mt19937_64 rng(20240611);
    std::bernoulli_distribution pick(std::clamp(maskProb, 0.0, 1.0));
    for (std::size_t d = 0; d < documents.size() && static_cast<int>(seqs_.size()) < maxSequences; ++d) {
        std::vector<SentencePieces> sentences;
        const bool tagged = d < tags.size() && !tags[d].empty();
        if (tagged) {
            hasPos_ = true;
            for (std::size_t i = 0; i < tags[d].size(); ++i) sentences.push_back(piecesOf(tags[d][i], tok, i == 0));
        } else {
            for (const std::string& s : documents[d].sentences) {
                SentencePieces p;
                p.ids = tok.encode(s);
                p.group.assign(p.ids.size(), -1);
                p.wordOf.assign(p.ids.size(), -1);
                sentences.push_back(std::move(p));
            }
        }
        if (causal_) {
            // One stream: the document and its <|endoftext|>, windows of seqLen + 1.
            std::vector<int> ids, group;
            std::vector<ProbeSequence::Pair> pairs;  // in stream positions: from the noun onto its modifier
            for (const auto& s : sentences) {
                const int base = static_cast<int>(ids.size());
                ids.insert(ids.end(), s.ids.begin(), s.ids.end());
                group.insert(group.end(), s.group.begin(), s.group.end());
                for (const auto& [m, n] : s.modifierNoun)
                    pairs.push_back({base + s.wordSpan[static_cast<std::size_t>(n)].first, base + s.wordSpan[static_cast<std::size_t>(m)].first,
                                     base + s.wordSpan[static_cast<std::size_t>(m)].second});
            }
            if (tok.specials().eos >= 0) {
                ids.push_back(tok.specials().eos);
                group.push_back(-1);
            }
            for (std::size_t start = 0; start + static_cast<std::size_t>(seqLen) < ids.size() && static_cast<int>(seqs_.size()) < maxSequences;
                 start += static_cast<std::size_t>(seqLen)) {
                ProbeSequence q;
                for (int t = 0; t < seqLen; ++t) {
                    const std::size_t at = start + static_cast<std::size_t>(t);
                    q.ids.push_back(ids[at]);
                    q.labels.push_back(ids[at + 1]);
                    q.group.push_back(group[at + 1]);
                    q.special.push_back(t == 0);
                }
                for (const auto& p : pairs) {
                    const int from = p.from - static_cast<int>(start), b = p.toBegin - static_cast<int>(start), e = p.toEnd - static_cast<int>(start);
                    if (b >= 0 && from < seqLen && e <= from) q.syntactic.push_back({from, b, e});
                }
                seqs_.push_back(std::move(q));
            }
            continue;
        }
        // Masked LM: [CLS] sentences [SEP], as many whole sentences as fit.
        std::size_t i = 0;
        while (i < sentences.size() && static_cast<int>(seqs_.size()) < maxSequences) {
            ProbeSequence q;
            q.ids.push_back(tok.specials().cls);
            q.group.push_back(-1);
            q.special.push_back(true);
            const std::size_t room = static_cast<std::size_t>(seqLen - 2);
            std::size_t used = 0;
            do {
                const auto& s = sentences[i];
                const std::size_t take = std::min(s.ids.size(), room - used);
                const int base = static_cast<int>(q.ids.size());
                q.ids.insert(q.ids.end(), s.ids.begin(), s.ids.begin() + static_cast<std::ptrdiff_t>(take));
                q.group.insert(q.group.end(), s.group.begin(), s.group.begin() + static_cast<std::ptrdiff_t>(take));
                q.special.insert(q.special.end(), take, false);
                for (const auto& [m, n] : s.modifierNoun) {
                    const auto& ms = s.wordSpan[static_cast<std::size_t>(m)];
                    const auto& ns = s.wordSpan[static_cast<std::size_t>(n)];
                    if (static_cast<std::size_t>(ns.second) <= take) q.syntactic.push_back({base + ms.first, base + ns.first, base + ns.second});
                }
                used += take;
                ++i;
            } while (i < sentences.size() && used + sentences[i].ids.size() <= room);
            q.ids.push_back(tok.specials().sep);
            q.group.push_back(-1);
            q.special.push_back(true);
            // Mask 15% of the ordinary tokens, all to [MASK] (at least one).
            q.labels.assign(q.ids.size(), -100);
            std::vector<std::size_t> candidates;
            for (std::size_t t = 0; t < q.ids.size(); ++t)
                if (!q.special[t] && !tok.isSpecial(q.ids[t])) candidates.push_back(t);
            if (candidates.empty()) continue;
            bool any = false;
            for (std::size_t t : candidates)
                if (pick(rng)) {
                    q.labels[t] = q.ids[t];
                    q.ids[t] = tok.specials().mask;
                    any = true;
                }
            if (!any) {
                const std::size_t t = candidates[candidates.size() / 2];
                q.labels[t] = q.ids[t];
                q.ids[t] = tok.specials().mask;
            }
            seqs_.push_back(std::move(q));
        }
    }
    if (seqs_.empty()) throw Error("the held-out documents give no probe sequence for the training dynamics", "use a larger corpus");
}

DynamicsProbe::HeadSums DynamicsProbe::startHeads() const
{
    HeadSums s;
    for (int l = 0; l < config_.num_layers; ++l)
        for (int h = 0; h < config_.num_heads; ++h) s.heads.push_back({l, h, 0, 0, 0, 0, 0});
    return s;
}

void DynamicsProbe::addAttention(const std::vector<torch::Tensor>& attentions, std::size_t first, std::size_t count, HeadSums& sums) const
{
    const int nh = config_.num_heads;
    for (std::size_t l = 0; l < attentions.size(); ++l) {
        const auto a = attentions[l].to(torch::kFloat32).contiguous();  // (B, nh, T, T)
        const auto acc = a.accessor<float, 4>();
        for (std::size_t b = 0; b < count; ++b) {
            const ProbeSequence& s = seqs_[first + b];
            const int T = static_cast<int>(s.ids.size());
            for (int h = 0; h < nh; ++h) {
                HeadStructure& hs = sums.heads[l * static_cast<std::size_t>(nh) + static_cast<std::size_t>(h)];
                const auto row = acc[static_cast<long>(b)][h];
                for (int q = 0; q < T; ++q) {
                    double ent = 0, special = 0;
                    for (int k = 0; k < T; ++k) {
                        const double p = row[q][k];
                        if (p > 0) ent -= p * std::log(p);
                        if (s.special[static_cast<std::size_t>(k)]) special += p;
                    }
                    hs.entropy += ent;
                    hs.special += special;
                    if (q > 0) hs.previous += row[q][q - 1];
                }
                for (const auto& p : s.syntactic) {
                    double sum = 0;
                    for (int k = p.toBegin; k < p.toEnd; ++k) sum += row[p.from][k];
                    hs.syntactic += sum;
                    ++hs.syntacticPairs;
                }
            }
            if (l == 0) {
                sums.queries += T;
                sums.previousQueries += T - 1;
            }
        }
    }
}

void DynamicsProbe::finishHeads(const HeadSums& sums, DynamicsPoint& out)
{
    out.heads = sums.heads;
    const double qn = std::max(1.0, sums.queries), pn = std::max(1.0, sums.previousQueries);
    for (auto& h : out.heads) {
        h.entropy /= qn;
        h.special /= qn;
        h.previous /= pn;
        h.syntactic = h.syntacticPairs > 0 ? h.syntactic / static_cast<double>(h.syntacticPairs) : 0.0;
    }
}

void DynamicsProbe::addPredictions(std::size_t seq, const std::vector<int>& guesses, DynamicsPoint& out) const
{
    const ProbeSequence& s = seqs_.at(seq);
    for (std::size_t t = 0; t < s.ids.size() && t < guesses.size(); ++t) {
        const int label = s.labels[t];
        if (label < 0) continue;
        const bool right = guesses[t] == label;
        auto add = [&](ClassCount& c) {
            ++c.predicted;
            c.correct += right ? 1 : 0;
        };
        add(out.all);
        if (s.group[t] >= 0) add(out.posClasses[posGroups()[static_cast<std::size_t>(s.group[t])]]);
        add(out.frequencyBands[frequencyBandOfRank(rank_[static_cast<std::size_t>(label)])]);
    }
}

DynamicsPoint DynamicsProbe::measure(TransformerModel& attention, TransformerModel& predictor, std::int64_t step) const
{
    torch::NoGradGuard ng;
    DynamicsPoint out;
    out.step = step;
    HeadSums sums = startHeads();
    const bool same = attention.get() == predictor.get();
    constexpr std::size_t batch = 32;
    for (std::size_t first = 0; first < seqs_.size(); first += batch) {
        const std::size_t n = std::min(batch, seqs_.size() - first);
        std::size_t T = 0;
        for (std::size_t b = 0; b < n; ++b) T = std::max(T, seqs_[first + b].ids.size());
        auto ids = torch::full({static_cast<long>(n), static_cast<long>(T)}, pad_, torch::kLong);
        auto mask = torch::zeros({static_cast<long>(n), static_cast<long>(T)}, torch::kLong);
        for (std::size_t b = 0; b < n; ++b) {
            const auto& s = seqs_[first + b];
            ids[static_cast<long>(b)].narrow(0, 0, static_cast<long>(s.ids.size()))
                .copy_(torch::tensor(std::vector<int64_t>(s.ids.begin(), s.ids.end()), torch::kLong));
            mask[static_cast<long>(b)].narrow(0, 0, static_cast<long>(s.ids.size())).fill_(1);
        }
        const auto types = config_.type_vocab_size > 0 ? torch::zeros_like(ids) : torch::Tensor();
        ForwardOptions fo;
        fo.attentions = true;
        fo.heads = same;
        auto o = attention->forward(ids, types, mask, fo);
        addAttention(o.attentions, first, n, sums);
        torch::Tensor logits = same ? o.token_logits : predictor->forward(ids, types, mask).token_logits;
        const auto guess = logits.argmax(-1).to(torch::kLong).contiguous();  // (B, T)
        for (std::size_t b = 0; b < n; ++b) {
            const auto row = guess[static_cast<long>(b)];
            const std::vector<int> g(row.data_ptr<int64_t>(), row.data_ptr<int64_t>() + T);
            addPredictions(first + b, g, out);
        }
    }
    finishHeads(sums, out);
    return out;
}

} // namespace ptl

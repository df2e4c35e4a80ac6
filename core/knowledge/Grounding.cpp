#include "core/knowledge/Grounding.h"
#include "core/text/Corpus.h"
#include "core/train/DynamicsProbe.h"

#include <cctype>
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace ptl {

namespace {

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool isWord(const std::string& w)
{
    if (w.empty() || !std::isalpha(static_cast<unsigned char>(w[0]))) return false;
    for (char c : w)
        if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '\'' && c != '.') return false;
    return true;
}

bool capitalised(const std::string& w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); }

// "Atlanta's" -> "Atlanta", "dogs'" -> "dogs".
std::string withoutPossessive(std::string w)
{
    if (w.size() > 2 && (w.compare(w.size() - 2, 2, "'s") == 0)) w.resize(w.size() - 2);
    else if (w.size() > 1 && w.back() == '\'') w.pop_back();
    return w;
}

enum class Kind { None, Noun, Proper, Verb, Adj, Adv };

Kind kindOf(const std::string& tag)
{
    const std::string t = brownBaseTag(tag);
    if (t.rfind("np", 0) == 0) return Kind::Proper;
    if (t.rfind("nn", 0) == 0 || t == "nr" || t == "nrs") return Kind::Noun;
    if (t.rfind("vb", 0) == 0) return Kind::Verb;
    if (t.rfind("jj", 0) == 0) return Kind::Adj;
    if (t == "rb" || t == "rbr" || t == "rbt") return Kind::Adv;
    return Kind::None;
}

WnPos posOf(Kind k)
{
    switch (k) {
    case Kind::Verb: return WnPos::Verb;
    case Kind::Adj: return WnPos::Adj;
    case Kind::Adv: return WnPos::Adv;
    default: return WnPos::Noun;
    }
}

// A noun sense for a proper name: the first instance synset, else the first sense.
int properSense(const WordNet& wn, const std::vector<int>& senses)
{
    for (int s : senses)
        if (wn.isInstance(s)) return s;
    return senses.empty() ? -1 : senses.front();
}

} // namespace

std::string brownBaseTag(std::string tag)
{
    if (const std::size_t plus = tag.find('+'); plus != std::string::npos && plus > 0) tag.resize(plus);
    for (const char* suffix : {"-tl", "-hl", "-nc"})
        for (std::size_t at; (at = tag.find(suffix)) != std::string::npos;) tag.erase(at, 3);
    return tag;
}

std::vector<std::string> splitWords(const std::string& text)
{
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const bool inner = (c == '-' || c == '\'') && !cur.empty() && i + 1 < text.size() &&
                           std::isalnum(static_cast<unsigned char>(text[i + 1]));
        if (std::isalnum(c) || c >= 0x80 || inner) cur += static_cast<char>(c);
        else if (c == '\'' && !cur.empty() && (cur.back() == 's' || cur.back() == 'S')) {  // dogs'
            cur += '\'';
            flush();
        } else {
            flush();
            if (!std::isspace(c)) out.emplace_back(1, static_cast<char>(c));
        }
    }
    flush();
    return out;
}

namespace {

// The suffix class of a word the tagger has not seen: its case and last letters.
std::string shapeOf(const std::string& w, bool sentenceStart)
{
    if (w.empty()) return "<empty>";
    if (std::isdigit(static_cast<unsigned char>(w[0]))) return "<digit>";
    if (!std::isalpha(static_cast<unsigned char>(w[0]))) return "<symbol>";
    const std::string l = lower(w);
    const std::string suffix = l.size() > 3 ? l.substr(l.size() - 3) : l;
    return std::string(capitalised(w) && !sentenceStart ? "C:" : "l:") + suffix;
}

} // namespace

PosTagger PosTagger::train(const std::vector<const TaggedSentence*>& sentences)
{
    PosTagger t;
    std::unordered_map<std::string, int> tagIndex;
    auto indexOf = [&](const std::string& tag) {
        auto [it, fresh] = tagIndex.emplace(tag, static_cast<int>(t.tags_.size()));
        if (fresh) t.tags_.push_back(tag);
        return it->second;
    };
    indexOf("<s>");
    std::unordered_map<std::string, std::unordered_map<int, int>> wordTag;
    std::map<std::pair<int, int>, int> bigram;
    std::vector<int> tagCount;
    for (const TaggedSentence* s : sentences) {
        int prev = 0;
        for (std::size_t i = 0; i < s->words.size(); ++i) {
            const int tag = indexOf(brownBaseTag(s->tags[i]));
            ++wordTag[lower(s->words[i])][tag];
            ++bigram[{prev, tag}];
            prev = tag;
        }
    }
    const std::size_t T = t.tags_.size();
    tagCount.assign(T, 0);
    std::vector<int> prevCount(T, 0);
    for (const auto& [pair, c] : bigram) {
        tagCount[static_cast<std::size_t>(pair.second)] += c;
        prevCount[static_cast<std::size_t>(pair.first)] += c;
    }
    // Transitions with add-0.1 smoothing, as log probabilities.
    t.transition_.assign(T * T, 0.0);
    for (std::size_t a = 0; a < T; ++a)
        for (std::size_t b = 0; b < T; ++b) {
            auto it = bigram.find({static_cast<int>(a), static_cast<int>(b)});
            const double c = (it == bigram.end() ? 0 : it->second) + 0.1;
            t.transition_[a * T + b] = std::log(c / (prevCount[a] + 0.1 * static_cast<double>(T)));
        }
    // Emissions log P(word | tag) of the words seen; the rare ones (seen once) teach the
    // suffix classes that stand for words never seen.
    std::unordered_map<std::string, std::unordered_map<int, int>> shapeTag;
    for (const auto& [w, tags] : wordTag) {
        auto& e = t.emission_[w];
        int total = 0;
        for (const auto& [tag, c] : tags) {
            e.emplace_back(tag, std::log(static_cast<double>(c) / tagCount[static_cast<std::size_t>(tag)]));
            total += c;
        }
        if (total == 1)
            for (const auto& [tag, c] : tags) {
                ++shapeTag[shapeOf(w, false)][tag];
            }
    }
    // Capitalised rare words: the lower-cased forms above lose the case, so count them again.
    for (const TaggedSentence* s : sentences)
        for (std::size_t i = 1; i < s->words.size(); ++i)
            if (capitalised(s->words[i]) && wordTag[lower(s->words[i])].size() == 1) {
                int total = 0;
                for (const auto& [tag, c] : wordTag[lower(s->words[i])]) total += c;
                if (total == 1) ++shapeTag[shapeOf(s->words[i], false)][indexOf(brownBaseTag(s->tags[i]))];
            }
    // P(an unseen word of this shape | tag) ~ (words of the tag seen once with this shape) / count(tag).
    for (const auto& [shape, tags] : shapeTag) {
        auto& e = t.unknown_[shape];
        for (const auto& [tag, c] : tags) e.emplace_back(tag, std::log(static_cast<double>(c) / tagCount[static_cast<std::size_t>(tag)]));
    }
    // A shape never seen: any open-class tag, a little.
    for (const char* tag : {"nn", "nns", "np", "jj", "vb", "vbd", "vbn", "vbg", "vbz", "rb"})
        t.fallback_.emplace_back(indexOf(tag), std::log(1e-6));
    t.tagCount_ = tagCount;
    t.tagCount_.resize(t.tags_.size(), 1);
    if (t.tags_.size() != T) {  // fallback tags not seen (tiny training sets): rebuild the square
        std::vector<double> square(t.tags_.size() * t.tags_.size(), std::log(1e-9));
        for (std::size_t a = 0; a < T; ++a)
            for (std::size_t b = 0; b < T; ++b) square[a * t.tags_.size() + b] = t.transition_[a * T + b];
        t.transition_ = std::move(square);
    }
    return t;
}

const PosTagger& PosTagger::brown()
{
    static const PosTagger tagger = [] {
        const auto docs = brownTagsFor(bundledCorpus().documents);
        std::vector<const TaggedSentence*> all;
        for (const auto& d : docs)
            for (const auto& s : d) all.push_back(&s);
        return train(all);
    }();
    return tagger;
}

std::vector<std::string> PosTagger::tag(const std::vector<std::string>& words) const
{
    const std::size_t n = words.size(), T = tags_.size();
    if (n == 0) return {};
    std::vector<std::vector<std::pair<int, double>>> options(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (auto it = emission_.find(lower(words[i])); it != emission_.end()) options[i] = it->second;
        const bool unseen = options[i].empty();
        // Unseen words take the tags of their shape; a capitalised word inside a sentence
        // may also be a name even when its lower-case form is known ("Brown").
        if (unseen || (i > 0 && capitalised(words[i]))) {
            auto jt = unknown_.find(shapeOf(words[i], i == 0));
            if (jt != unknown_.end())
                for (const auto& [tag, e] : jt->second) {
                    bool present = false;
                    for (const auto& o : options[i]) present = present || o.first == tag;
                    if (!present && (unseen || tags_[static_cast<std::size_t>(tag)] == "np")) options[i].emplace_back(tag, e);
                }
        }
        if (options[i].empty()) options[i] = fallback_;
    }
    // Viterbi over the tags each word allows.
    std::vector<std::vector<double>> score(n);
    std::vector<std::vector<int>> back(n);
    for (std::size_t i = 0; i < n; ++i) {
        score[i].assign(options[i].size(), -1e300);
        back[i].assign(options[i].size(), 0);
        for (std::size_t k = 0; k < options[i].size(); ++k) {
            const auto [tag, emit] = options[i][k];
            if (i == 0) {
                score[i][k] = transition_[static_cast<std::size_t>(tag)] + emit;  // from <s> (index 0)
                continue;
            }
            for (std::size_t j = 0; j < options[i - 1].size(); ++j) {
                const double v = score[i - 1][j] + transition_[static_cast<std::size_t>(options[i - 1][j].first) * T + static_cast<std::size_t>(tag)] + emit;
                if (v > score[i][k]) {
                    score[i][k] = v;
                    back[i][k] = static_cast<int>(j);
                }
            }
        }
    }
    std::vector<std::string> out(n);
    std::size_t k = static_cast<std::size_t>(std::max_element(score[n - 1].begin(), score[n - 1].end()) - score[n - 1].begin());
    for (std::size_t i = n; i-- > 0;) {
        out[i] = tags_[static_cast<std::size_t>(options[i][k].first)];
        if (i > 0) k = static_cast<std::size_t>(back[i][k]);
    }
    return out;
}

std::vector<std::string> PosTagger::mostFrequent(const std::vector<std::string>& words) const
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        auto it = emission_.find(lower(words[i]));
        if (it == emission_.end()) {
            out.push_back(i > 0 && capitalised(words[i]) ? "np" : "nn");
            continue;
        }
        // The tag with the largest count: log P(w|t) + log count(t) ranks as log count(w, t).
        int best = it->second.front().first;
        double bestV = -1e300;
        for (const auto& [tag, e] : it->second) {
            const double v = e + std::log(static_cast<double>(tagCountOf(tag)));
            if (v > bestV) { bestV = v; best = tag; }
        }
        out.push_back(tags_[static_cast<std::size_t>(best)]);
    }
    return out;
}

TaggerAccuracy evaluateBrownTagger(int heldOutEvery)
{
    const auto docs = brownTagsFor(bundledCorpus().documents);
    std::vector<const TaggedSentence*> train, test;
    for (std::size_t d = 0; d < docs.size(); ++d)
        for (const auto& s : docs[d]) (static_cast<int>(d) % heldOutEvery == 0 ? test : train).push_back(&s);
    const PosTagger t = PosTagger::train(train);
    TaggerAccuracy r;
    long long hmm = 0, mf = 0, total = 0;
    for (const TaggedSentence* s : test) {
        const auto a = t.tag(s->words), b = t.mostFrequent(s->words);
        for (std::size_t i = 0; i < s->words.size(); ++i) {
            const std::string gold = brownBaseTag(s->tags[i]);
            hmm += a[i] == gold;
            mf += b[i] == gold;
            ++total;
        }
    }
    r.tokens = total;
    r.hmm = static_cast<double>(hmm) / static_cast<double>(total);
    r.mostFrequent = static_cast<double>(mf) / static_cast<double>(total);
    r.documents = static_cast<int>((docs.size() + static_cast<std::size_t>(heldOutEvery) - 1) / static_cast<std::size_t>(heldOutEvery));
    return r;
}

std::vector<std::string> tagWords(const std::vector<std::string>& words) { return PosTagger::brown().tag(words); }

std::vector<Mention> groundWords(const WordNet& wn, const std::vector<std::string>& words, std::vector<std::string> tags,
                                 const GroundOptions& options)
{
    if (tags.empty()) tags = tagWords(words);
    std::vector<Mention> out;
    const int n = static_cast<int>(words.size());
    for (int i = 0; i < n;) {
        const Kind kind = i < static_cast<int>(tags.size()) ? kindOf(tags[static_cast<std::size_t>(i)]) : Kind::None;
        if (!isWord(words[static_cast<std::size_t>(i)])) {
            ++i;
            continue;
        }
        // Multi-word expressions, longest first: every word a word, the first and the last content words.
        bool found = false;
        for (int len = std::min(options.multiword ? options.maxWords : 1, n - i); len >= 2 && !found; --len) {
            const Kind lastKind = kindOf(tags[static_cast<std::size_t>(i + len - 1)]);
            if (kind == Kind::None || lastKind == Kind::None) continue;
            std::string key;
            bool words_ok = true, allProper = true;
            for (int k = i; k < i + len; ++k) {
                const std::string& w = words[static_cast<std::size_t>(k)];
                if (!isWord(w)) words_ok = false;
                allProper = allProper && kindOf(tags[static_cast<std::size_t>(k)]) == Kind::Proper;
                key += (key.empty() ? "" : "_") + lower(k + 1 == i + len ? withoutPossessive(w) : w);
            }
            if (!words_ok) continue;
            const std::vector<WnPos> order = lastKind == Kind::Verb || kind == Kind::Verb ? std::vector<WnPos>{WnPos::Verb, WnPos::Noun}
                                                                                          : std::vector<WnPos>{WnPos::Noun, WnPos::Adj, WnPos::Adv};
            for (WnPos pos : order) {
                std::string lemma = wn.senses(key, pos).empty() ? std::string() : key;
                if (lemma.empty()) {
                    // The last word inflected: "ice creams", "gave up" is a verb's first word.
                    const std::size_t u = key.rfind('_');
                    const std::string last = wn.lemmatise(key.substr(u + 1), pos);
                    if (!last.empty() && !wn.senses(key.substr(0, u + 1) + last, pos).empty()) lemma = key.substr(0, u + 1) + last;
                    const std::size_t f = key.find('_');
                    const std::string first = wn.lemmatise(key.substr(0, f), pos);
                    if (lemma.empty() && pos == WnPos::Verb && !first.empty() && !wn.senses(first + key.substr(f), pos).empty())
                        lemma = first + key.substr(f);
                }
                if (lemma.empty()) continue;
                const auto& senses = wn.senses(lemma, pos);
                Mention m;
                m.begin = i;
                m.end = i + len;
                m.lemma = lemma;
                m.pos = pos;
                // A name: every word tagged np, or every word capitalised where WordNet has an instance sense ("New York").
                bool allCapitals = true, instance = false;
                for (int k = i; k < i + len; ++k) allCapitals = allCapitals && capitalised(words[static_cast<std::size_t>(k)]);
                for (int s : senses) instance = instance || wn.isInstance(s);
                m.proper = pos == WnPos::Noun && (allProper || (allCapitals && instance));
                m.synset = m.proper ? properSense(wn, senses) : senses.front();
                out.push_back(m);
                i += len;
                found = true;
                break;
            }
        }
        if (found) continue;
        if (kind != Kind::None) {
            const std::string w = lower(withoutPossessive(words[static_cast<std::size_t>(i)]));
            const WnPos pos = posOf(kind);
            const std::string lemma = wn.lemmatise(w, pos);
            if (!lemma.empty() && !wn.senses(lemma, pos).empty()) {
                const auto& senses = wn.senses(lemma, pos);
                Mention m;
                m.begin = i;
                m.end = i + 1;
                m.lemma = lemma;
                m.pos = pos;
                m.proper = kind == Kind::Proper;
                m.synset = m.proper ? properSense(wn, senses) : senses.front();
                out.push_back(m);
            }
        }
        ++i;
    }
    return out;
}

} // namespace ptl

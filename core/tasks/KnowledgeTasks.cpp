// The knowledge-driven tasks of ERNIE's evaluation, built from WordNet over Brown's own tagged
// sentences: entity typing and relation classification. Both are split by document as every
// task, and their dev and test examples are restricted to words (typing) or word pairs
// (relations) that no training example has, so a model cannot answer them by remembering
// the training labels of a word: it has to know what the word is.
#include "core/knowledge/Grounding.h"
#include "core/knowledge/WordNet.h"
#include "core/tasks/TaskData.h"
#include "core/train/DynamicsProbe.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace ptl::taskdata {

namespace {

constexpr int kFirstNounFile = 4, kLastNounFile = 28;  // noun.act .. noun.time (noun.Tops left out)
constexpr int kMinWords = 5, kMaxWords = 50;

std::string mentionText(const TaggedSentence& s, const Mention& m)
{
    std::string out;
    for (int i = m.begin; i < m.end; ++i) out += (out.empty() ? "" : " ") + s.words[static_cast<std::size_t>(i)];
    return out;
}

std::string lower(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// An example waiting for the unseen-word filter: its split and the key a training example
// must not share.
struct Pending {
    TaskExample example;
    int split = 0;
    std::string key;
};

// Files the pending examples: every training one, and the dev / test ones whose key no
// training example has. Returns how many dev / test examples the filter removed.
std::size_t fileUnseen(Task& t, std::vector<Pending>& pending, const std::vector<int>& splitOf)
{
    std::set<std::string> seen;
    for (const auto& p : pending)
        if (p.split == 0) seen.insert(p.key);
    std::size_t removed = 0;
    for (auto& p : pending) {
        if (p.split != 0 && seen.count(p.key)) {
            ++removed;
            continue;
        }
        addToSplit(t, std::move(p.example), splitOf);
    }
    return removed;
}

// Hypernym ancestors (through instance-of too) with their distance, up to maxDepth steps.
std::map<int, int> ancestors(const WordNet& wn, int synset, int maxDepth)
{
    std::map<int, int> out;
    std::vector<int> frontier{synset};
    for (int d = 1; d <= maxDepth && !frontier.empty(); ++d) {
        std::vector<int> next;
        for (int s : frontier)
            for (const char* sym : {"@", "@i"})
                for (int h : wn.related(s, sym))
                    if (out.emplace(h, d).second) next.push_back(h);
        frontier = std::move(next);
    }
    return out;
}

bool linked(const WordNet& wn, int a, int b, std::initializer_list<const char*> symbols)
{
    for (const char* sym : symbols) {
        const auto r = wn.related(a, sym);
        if (std::find(r.begin(), r.end(), b) != r.end()) return true;
    }
    return false;
}

// Every bundled Brown sentence of kMinWords..kMaxWords words, grounded with Brown's own tags.
void forEachGroundedSentence(const WordNet& wn,
                             const std::function<void(std::size_t doc, std::size_t sentence, const TaggedSentence&, const std::vector<Mention>&)>& f)
{
    const auto tagged = brownTagsFor(brownCorpus().documents);
    for (std::size_t d = 0; d < tagged.size(); ++d)
        for (std::size_t si = 0; si < tagged[d].size(); ++si) {
            const TaggedSentence& s = tagged[d][si];
            if (s.words.size() < kMinWords || s.words.size() > kMaxWords) continue;
            f(d, si, s, groundWords(wn, s.words, s.tags));
        }
}

// The example of a sentence: (sentence, second text), filed under its document's split.
Pending pendingExample(const TaggedSentence& s, std::string second, int label, std::size_t doc, const std::vector<int>& splitOf, std::string key)
{
    Pending p;
    p.example.texts = {sentenceText(s), std::move(second)};
    p.example.label = label;
    p.example.document = static_cast<int>(doc);
    p.split = splitOf[doc];
    p.key = std::move(key);
    return p;
}

std::uint64_t pick(std::uint64_t seed, std::size_t doc, std::size_t sentence, std::size_t n)
{
    return hash(seed * 1000003ull + doc * 4099ull + sentence) % n;
}

} // namespace

Task buildTyping(std::uint64_t seed)
{
    const WordNet& wn = WordNet::installed();
    const auto splitOf = splitOfDocuments(seed);
    Task t;
    t.name = "typing";
    t.title = taskList()[7].title;
    t.kind = TaskKind::Classification;
    for (int f = kFirstNounFile; f <= kLastNounFile; ++f) t.labels.push_back(wnLexFileName(f).substr(5));  // "person"
    std::vector<Pending> pending;
    forEachGroundedSentence(wn, [&](std::size_t d, std::size_t si, const TaggedSentence& s, const std::vector<Mention>& ms) {
        std::vector<Mention> nouns;
        for (const Mention& m : ms) {
            const int f = wn.synset(m.synset).lexFile;
            if (m.pos == WnPos::Noun && f >= kFirstNounFile && f <= kLastNounFile) nouns.push_back(m);
        }
        if (nouns.empty()) return;
        const Mention& m = nouns[pick(seed, d, si, nouns.size())];
        pending.push_back(pendingExample(s, mentionText(s, m), wn.synset(m.synset).lexFile - kFirstNounFile, d, splitOf, lower(m.lemma)));
    });
    const std::size_t removed = fileUnseen(t, pending, splitOf);
    std::ostringstream how;
    how << "Each Brown sentence of " << kMinWords << " to " << kMaxWords
        << " words (Brown's own tags) is grounded in WordNet (first-listed senses, expressions first; core/knowledge/Grounding.h); "
           "one of its noun mentions whose synset lies in a noun lexicographer file other than noun.Tops is picked by a hash of "
           "(seed, document, sentence). The input is the pair (sentence, mention as written); the label is the synset's "
           "lexicographer file, WordNet's coarse semantic class (25 classes: act, animal, artifact, ..., person, ..., time). "
           "Split by document as every task; then every dev and test example whose mention lemma is a training example's "
           "mention lemma is removed ("
        << removed
        << " of them), so dev and test ask about words the training labels never typed: the answer is in WordNet, not "
           "in the training set. The type comes from WordNet's first sense, as the grounding does, so some labels are "
           "wrong for the sentence (\"plant\" typed as an artifact, a factory); the same rule labels every split.";
    t.construction = how.str();
    return t;
}

Task buildRelation(std::uint64_t seed)
{
    const WordNet& wn = WordNet::installed();
    const auto splitOf = splitOfDocuments(seed);
    Task t;
    t.name = "relation";
    t.title = taskList()[8].title;
    t.kind = TaskKind::Classification;
    enum { IsA, HasKind, PartOf, HasPart, Siblings, Antonyms, Derived };
    t.labels = {"A is a kind of B", "B is a kind of A", "A is part of B", "B is part of A", "same kind (co-hyponyms)", "antonyms",
                "derivationally related"};
    constexpr int kMaxDepth = 6;
    auto relationOf = [&](int a, int b) {
        if (ancestors(wn, a, kMaxDepth).count(b)) return static_cast<int>(IsA);
        if (ancestors(wn, b, kMaxDepth).count(a)) return static_cast<int>(HasKind);
        if (linked(wn, a, b, {"#p", "#m", "#s"})) return static_cast<int>(PartOf);
        if (linked(wn, b, a, {"#p", "#m", "#s"})) return static_cast<int>(HasPart);
        if (linked(wn, a, b, {"!"}) || linked(wn, b, a, {"!"})) return static_cast<int>(Antonyms);
        if (linked(wn, a, b, {"+"}) || linked(wn, b, a, {"+"})) return static_cast<int>(Derived);
        const auto hb = ancestors(wn, b, 1);
        for (const auto& [h, depth] : ancestors(wn, a, 1))
            if (hb.count(h)) return static_cast<int>(Siblings);
        return -1;
    };
    std::vector<Pending> pending;
    forEachGroundedSentence(wn, [&](std::size_t d, std::size_t si, const TaggedSentence& s, const std::vector<Mention>& ms) {
        std::vector<std::pair<std::pair<std::size_t, std::size_t>, int>> related;  // (mention a, mention b), label
        for (std::size_t i = 0; i < ms.size(); ++i)
            for (std::size_t j = i + 1; j < ms.size(); ++j) {
                if (ms[i].synset == ms[j].synset || lower(ms[i].lemma) == lower(ms[j].lemma)) continue;
                const int label = relationOf(ms[i].synset, ms[j].synset);
                if (label >= 0) related.push_back({{i, j}, label});
            }
        if (related.empty()) return;
        const auto& [pair, label] = related[pick(seed, d, si, related.size())];
        const Mention& a = ms[pair.first];
        const Mention& b = ms[pair.second];
        const std::string la = lower(a.lemma), lb = lower(b.lemma);
        pending.push_back(pendingExample(s, mentionText(s, a) + " ; " + mentionText(s, b), label, d, splitOf, std::min(la, lb) + "|" + std::max(la, lb)));
    });
    const std::size_t removed = fileUnseen(t, pending, splitOf);
    std::ostringstream how;
    how << "Each Brown sentence of " << kMinWords << " to " << kMaxWords
        << " words (Brown's own tags) is grounded in WordNet (first-listed senses). Every pair of its mentions (A before B, "
           "different lemmas) is labelled by the first WordNet relation that holds, in this order: B is a hypernym ancestor "
           "of A within "
        << kMaxDepth
        << " steps (is-a, instance-of included), or A of B; A is a part, member or substance of B (holonym pointers), or B "
           "of A; the two are antonyms; derivationally related; co-hyponyms (a direct hypernym in common). Pairs with none "
           "of these are left out; one related pair per sentence is picked by a hash of (seed, document, sentence). The input "
           "is the pair (sentence, \"A ; B\" as written). Split by document as every task; then every dev and test example "
           "whose pair of lemmas is a training example's pair is removed ("
        << removed << " of them), so the relation of a dev or test pair has to come from knowing the words.";
    t.construction = how.str();
    return t;
}

} // namespace ptl::taskdata

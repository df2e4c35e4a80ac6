// Commonsense questions in CommonsenseQA's form (Talmor et al. 2019: a question stem, five
// choices), built from WordNet facts over the concepts the bundled Brown text grounds, for
// KagNET (core/knowledge/KagNet.h) and the BERT-only baseline beside it.
//
// CommonsenseQA took a source concept and three target concepts joined to it by the same
// ConceptNet relation and had crowd workers write questions telling the targets apart. Here a
// question is one WordNet fact (q, relation, a) between two concepts of the graph TransE was
// trained on (core/knowledge/TransE.h), asked through a template ("Which of these is a part of
// a car?"), and the four distractors are co-hyponyms of the answer (concepts of the same kind:
// other vehicle parts for a part of a car) for which the fact does not hold, so word frequency
// or topic does not give the answer away. The split is by fact: a fact asked in training is
// never asked, either way round, in dev or test.
#include "core/knowledge/TransE.h"
#include "core/knowledge/WordNet.h"
#include "core/tasks/CommonsenseTask.h"
#include "core/tasks/TaskData.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace ptl {

namespace {

std::string lower(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string spaced(std::string lemma)
{
    std::replace(lemma.begin(), lemma.end(), '_', ' ');
    return lemma;
}

std::vector<std::string> wordsOf(const std::string& text)
{
    std::vector<std::string> out;
    std::string w;
    for (char c : text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'') w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!w.empty()) {
            out.push_back(w);
            w.clear();
        }
    }
    return out;
}

std::string withArticle(const std::string& noun)
{
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(noun.empty() ? 'x' : noun[0])));
    return (std::string("aeiou").find(c) != std::string::npos ? "an " : "a ") + noun;
}

} // namespace

const std::vector<CommonsenseTemplate>& commonsenseTemplates()
{
    // symbol: the graph relation; reversed: the question concept is the triple's tail.
    static const std::vector<CommonsenseTemplate> all = {
        {"part-of", "#p", false, "Which of these has {a q} as one of its parts?"},
        {"has-part", "#p", true, "Which of these is a part of {a q}?"},
        {"member-of", "#m", false, "{A q} is a member of which of these?"},
        {"has-member", "#m", true, "Which of these is a member of {a q}?"},
        {"made-of", "#s", true, "What is {a q} made of?"},
        {"material-of", "#s", false, "Which of these is made of {q}?"},
        {"is-a", "@", false, "{A q} is a kind of what?"},
        {"opposite", "!", false, "What is the opposite of {q}?"},
    };
    return all;
}

std::string commonsenseStem(const CommonsenseTemplate& t, const std::string& word)
{
    std::string s = t.text;
    auto put = [&](const std::string& key, const std::string& value) {
        const auto p = s.find(key);
        if (p != std::string::npos) s.replace(p, key.size(), value);
    };
    std::string a = withArticle(word), A = a;
    A[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(A[0])));
    put("{a q}", a);
    put("{A q}", A);
    put("{q}", word);
    return s;
}

const std::set<std::string>& commonsenseTemplateWords()
{
    static const std::set<std::string> words = [] {
        std::set<std::string> w;
        for (const auto& t : commonsenseTemplates())
            for (const auto& x : wordsOf(t.text))
                if (x.find('{') == std::string::npos && x.find('}') == std::string::npos) w.insert(x);
        for (const char* x : {"part", "parts", "member", "kind", "made", "make", "opposite", "one", "which", "what", "these", "is", "has", "have"}) w.insert(x);
        return w;
    }();
    return words;
}

std::string commonsenseTemplateOf(const std::string& stem)
{
    std::string best;
    std::size_t bestLen = 0;
    for (const auto& t : commonsenseTemplates()) {
        const auto open = t.text.find('{'), close = t.text.find('}');
        std::string prefix = t.text.substr(0, open), suffix = t.text.substr(close + 1);
        if (stem.size() < prefix.size() + suffix.size()) continue;
        if (stem.compare(0, prefix.size(), prefix) != 0 || stem.compare(stem.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
        if (prefix.size() + suffix.size() > bestLen) {
            bestLen = prefix.size() + suffix.size();
            best = t.name;
        }
    }
    return best;
}

namespace taskdata {

Task buildCommonsense(std::uint64_t seed)
{
    const WordNet& wn = WordNet::installed();
    const KnowledgeGraph& g = cachedBrownGraph(wn);
    std::set<int> inGraph(g.entitySynsets.begin(), g.entitySynsets.end());
    // A concept a question may use: in the graph, not noun.Tops, not a name, and the first
    // sense of its first lemma (so reading the lemma back grounds to this synset).
    auto usable = [&](int s) {
        if (!inGraph.count(s) || wn.isInstance(s)) return false;
        const WnSynset& ss = wn.synset(s);
        if (ss.pos == WnPos::Noun && ss.lexFile == 3) return false;
        const std::string lemma = lower(ss.words.front());
        if (lemma.size() < 3 || std::isupper(static_cast<unsigned char>(ss.words.front()[0]))) return false;
        const auto& senses = wn.senses(lemma, ss.pos);
        return !senses.empty() && senses.front() == s;
    };
    auto lemmaOf = [&](int s) { return spaced(lower(wn.synset(s).words.front())); };
    auto holds = [&](int head, const std::string& symbol, int tail) {
        const auto r = wn.related(head, symbol);
        return std::find(r.begin(), r.end(), tail) != r.end();
    };
    // Hypernym ancestors within 8 steps (through instance-of).
    auto ancestors = [&](int s) {
        std::set<int> out;
        std::vector<int> frontier{s};
        for (int d = 0; d < 8 && !frontier.empty(); ++d) {
            std::vector<int> next;
            for (int x : frontier)
                for (const char* sym : {"@", "@i"})
                    for (int h : wn.related(x, sym))
                        if (out.insert(h).second) next.push_back(h);
            frontier = std::move(next);
        }
        return out;
    };
    // Does the asked fact hold between the question concept and a candidate (for any
    // ancestor of the question concept too, since parts and kinds are inherited)?
    // qs: q and its hypernym ancestors.
    auto answers = [&](const CommonsenseTemplate& t, int q, const std::set<int>& qs, int c) {
        if (t.symbol == "@") return qs.count(c) > 0;
        if (t.symbol == "!") return holds(q, "!", c) || holds(c, "!", q);
        for (int x : qs)
            if (t.reversed ? holds(c, t.symbol, x) : holds(x, t.symbol, c)) return true;
        // The candidate's own kinds: "engine" answers "has a motor as a part" when motor is an engine's hyponym.
        if (!t.reversed)
            for (int a : ancestors(c))
                if (holds(q, t.symbol, a)) return true;
        return false;
    };
    // Same-kind candidates for a answer a: its co-hyponyms (a direct hypernym in common),
    // then cousins (a grandparent in common); adjectives: the satellites of the question
    // concept and of the answer's cluster neighbours.
    auto sameKind = [&](int a, int q) {
        std::vector<int> out;
        auto add = [&](int s) {
            if (s != a && s != q && usable(s) && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
        };
        const WnSynset& as = wn.synset(a);
        if (as.pos == WnPos::Adj || as.pos == WnPos::Adv) {
            for (int x : wn.related(q, "&")) add(x);
            for (int x : wn.related(a, "&"))
                for (int y : wn.related(x, "&")) add(y);
            for (int x : wn.related(q, "^")) add(x);
            return out;
        }
        for (int h : wn.related(a, "@"))
            for (int x : wn.related(h, "~")) add(x);
        if (out.size() < 8)
            for (int h : wn.related(a, "@"))
                for (int gp : wn.related(h, "@"))
                    for (int u : wn.related(gp, "~"))
                        for (int x : wn.related(u, "~")) add(x);
        return out;
    };

    const auto& templates = commonsenseTemplates();
    std::map<std::string, int> relIndex;
    for (std::size_t i = 0; i < g.relations.size(); ++i) relIndex[g.relations[i]] = static_cast<int>(i);
    std::vector<KgTriple> triples = g.train;
    triples.insert(triples.end(), g.valid.begin(), g.valid.end());
    triples.insert(triples.end(), g.test.begin(), g.test.end());
    std::sort(triples.begin(), triples.end(), [](const KgTriple& x, const KgTriple& y) {
        return std::tie(x.relation, x.head, x.tail) < std::tie(y.relation, y.head, y.tail);
    });

    Task t;
    t.name = "commonsense";
    t.title = taskList()[9].title;
    t.kind = TaskKind::MultipleChoice;
    constexpr int kChoices = 5;
    constexpr std::size_t kMaxIsA = 2500;
    for (int k = 1; k <= kChoices; ++k) t.labels.push_back("choice " + std::to_string(k));
    std::map<std::string, int> asked, skippedLeak, skippedDistractors;
    std::set<std::pair<int, std::string>> seenQuestion;  // (question concept, template)
    std::size_t isA = 0;
    for (const KgTriple& tr : triples) {
        const std::string& symbol = g.relations[static_cast<std::size_t>(tr.relation)];
        for (std::size_t ti = 0; ti < templates.size(); ++ti) {
            const CommonsenseTemplate& tp = templates[ti];
            if (tp.symbol != symbol) continue;
            const int hs = g.entitySynsets[static_cast<std::size_t>(tr.head)], ts = g.entitySynsets[static_cast<std::size_t>(tr.tail)];
            const int q = tp.reversed ? ts : hs, a = tp.reversed ? hs : ts;
            if (!usable(q) || !usable(a) || lemmaOf(q) == lemmaOf(a)) continue;
            if (symbol == "@" && wn.synset(q).pos != WnPos::Noun) continue;
            const std::uint64_t h = hash(seed * 0x9e3779b97f4a7c15ull + static_cast<std::uint64_t>(q) * 1000003ull + static_cast<std::uint64_t>(a) * 31ull + ti);
            if (symbol == "@" && (h % 4 != 0 || isA >= kMaxIsA)) continue;  // a quarter of the is-a facts, at most kMaxIsA
            if (!seenQuestion.insert({q, tp.name}).second) continue;          // one question per concept and template
            const std::string stem = commonsenseStem(tp, lemmaOf(q));
            const auto stemWords = wordsOf(stem);
            auto leaks = [&](int s) {
                for (const auto& w : wordsOf(lemmaOf(s)))
                    if (std::find(stemWords.begin(), stemWords.end(), w) != stemWords.end()) return true;
                return false;
            };
            if (leaks(a)) {
                ++skippedLeak[tp.name];
                continue;
            }
            const std::vector<int> pool = sameKind(a, q);
            std::set<int> qs = ancestors(q);
            qs.insert(q);
            std::vector<int> distractors;
            std::set<std::string> lemmas{lemmaOf(a)};
            for (std::size_t k = 0; distractors.size() < kChoices - 1 && k < pool.size(); ++k) {
                const int d = pool[(h / 7 + k) % pool.size()];
                if (leaks(d) || lemmas.count(lemmaOf(d)) || answers(tp, q, qs, d)) continue;
                lemmas.insert(lemmaOf(d));
                distractors.push_back(d);
            }
            if (distractors.size() < kChoices - 1) {
                ++skippedDistractors[tp.name];
                continue;
            }
            TaskExample e;
            e.texts = {stem};
            e.label = static_cast<int>((h >> 17) % kChoices);
            for (int k = 0, j = 0; k < kChoices; ++k) e.choices.push_back(lemmaOf(k == e.label ? a : distractors[static_cast<std::size_t>(j++)]));
            e.document = -1;
            // The split: by the fact (the unordered pair), so a fact asked in training ("which is a part of a car?
            // wheel") is never asked the other way round in dev or test ("which has a wheel as a part? car").
            const std::uint64_t sh = hash(seed * 0x51ed27ull + static_cast<std::uint64_t>(std::min(q, a)) * 1000003ull + static_cast<std::uint64_t>(std::max(q, a))) % 10;
            (sh < 8 ? t.train : sh < 9 ? t.dev : t.test).push_back(std::move(e));
            ++asked[tp.name];
            if (symbol == "@") ++isA;
        }
    }
    // Templates interleaved (the facts came sorted by relation): each split in a seeded order.
    std::mt19937_64 rng(seed);
    for (auto* split : {&t.train, &t.dev, &t.test}) std::shuffle(split->begin(), split->end(), rng);
    std::ostringstream how;
    how << "CommonsenseQA's form (a question, five choices) from WordNet 3.0 facts between concepts of the graph TransE "
           "is trained on (every synset the bundled Brown text grounds, with its hypernyms; core/knowledge/TransE.h). A "
           "question is one fact (q, relation, a) asked through a template, q written into the stem and a the right choice; "
           "templates and the questions each gave:";
    for (const auto& tp : templates)
        how << " \"" << tp.text << "\" (" << tp.name << ", WordNet " << wnRelationName(tp.symbol) << (tp.reversed ? ", reversed" : "")
            << "): " << asked[tp.name] << ";";
    how << " Both concepts are the first-listed sense of their first lemma and not names or noun.Tops classes; is-a facts are "
           "sampled (a quarter, at most "
        << kMaxIsA
        << ") so that they do not swamp the rest; one question per concept and template. The four distractors are concepts of "
           "the answer's kind: its co-hyponyms (a direct hypernym in common), then cousins (a grandparent in common); for "
           "adjectives, the satellites of the question's and the answer's clusters. A distractor for which the fact holds "
           "(also through the question concept's hypernyms, or the candidate's, since parts and kinds are inherited) is never "
           "used, nor one sharing a word with the stem; a question whose answer shares a word with its stem is dropped ("
        << [&] {
               int n = 0;
               for (const auto& [k, v] : skippedLeak) n += v;
               return n;
           }()
        << " of them), and so is one with fewer than four distractors ("
        << [&] {
               int n = 0;
               for (const auto& [k, v] : skippedDistractors) n += v;
               return n;
           }()
        << "). The right choice's position and the distractors are drawn by a hash of (seed, q, a, template). Split 8:1:1 by a "
           "hash of (seed, the unordered pair q, a): a fact asked in training is never asked the other way round in dev or "
           "test (\"which is a part of a car?\" and \"which has a wheel as a part?\" fall together). The answer is in WordNet, so a model that "
           "reads the graph (KagNET) can find it; the stem names only the question concept.";
    t.construction = how.str();
    return t;
}

} // namespace taskdata

} // namespace ptl

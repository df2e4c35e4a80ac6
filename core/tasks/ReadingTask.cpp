// Reading comprehension, SQuAD style, built from Brown (core/api/Tasks.h, squad1 and
// squad2): passages of consecutive sentences, questions made from one of their sentences
// by replacing a noun phrase (found with Brown's POS tags) with a wh-word and reordering
// or shortening the rest, the answer that phrase's span in the passage: the cloze
// construction of Hermann et al. (2015) made span-extractive. v2.0 removes the sentence a
// third of the questions were made from, leaving them with no answer. Also the baselines:
// always "no answer", and the sliding-window word overlap.
#include "core/knowledge/WordNet.h"
#include "core/tasks/Squad.h"
#include "core/tasks/TaskData.h"
#include "core/train/DynamicsProbe.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <sstream>

namespace ptl::taskdata {
namespace {

constexpr std::size_t kPassageWords = 150;  // a passage: consecutive sentences, at most this many words
constexpr int kQuestionsPerPassage = 2;
constexpr int kMaxAnswerWords = 7;
constexpr int kClauseTail = 10;             // words kept after the phrase

std::string lower(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string baseTag(std::string tag)
{
    for (const char* suffix : {"-tl", "-hl", "-nc"})
        for (std::size_t at; (at = tag.find(suffix)) != std::string::npos;) tag.erase(at, 3);
    if (auto p = tag.find('+'); p != std::string::npos && p > 0) tag = tag.substr(0, p);
    if (tag.size() > 1 && tag.back() == '*') tag.pop_back();
    return tag;
}

bool isNoun(const std::string& t) { return t.rfind("nn", 0) == 0 || t.rfind("np", 0) == 0 || t.rfind("nr", 0) == 0; }
bool isPossessive(const std::string& t) { return !t.empty() && t.back() == '$' && t != "wp$"; }
bool isNpPart(const std::string& t)
{
    static const std::set<std::string> det = {"at", "ap", "abn", "cd", "od", "dt", "dti", "dts"};
    return isNoun(t) || det.count(t) || t.rfind("jj", 0) == 0 || isPossessive(t);
}
bool isNumber(const std::string& w)
{
    static const std::set<std::string> names = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                                                "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "dozen"};
    if (names.count(lower(w))) return true;
    bool digit = false;
    for (char c : w) {
        if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
        else if (c != ',' && c != '.') return false;
    }
    return digit && !(w.size() == 4 && w[0] >= '1' && w[0] <= '2');  // 1961: a year, not a count
}
bool isClauseBreak(const std::string& t) { return t == "," || t == ";" || t == ":" || t == "--" || t == "(" || t == ")" || t == "."; }
bool isQuote(const std::string& w) { return w == "``" || w == "''"; }

struct Chunk {
    int a = 0, b = 0;  // words [a, b]
    int head = 0;
};

// Noun phrases: maximal runs of determiners, numbers, adjectives, possessives and nouns
// ending in a noun or number, "X of Y" joined.
std::vector<Chunk> nounPhrases(const std::vector<std::string>& words, const std::vector<std::string>& tags)
{
    std::vector<Chunk> out;
    const int n = static_cast<int>(tags.size());
    for (int i = 0; i < n;) {
        if (!isNpPart(tags[static_cast<std::size_t>(i)])) {
            ++i;
            continue;
        }
        int j = i;
        while (j + 1 < n && isNpPart(tags[static_cast<std::size_t>(j + 1)])) ++j;
        const int runEnd = j;
        while (j >= i && !isNoun(tags[static_cast<std::size_t>(j)]) && tags[static_cast<std::size_t>(j)] != "cd") --j;
        if (j >= i) out.push_back({i, j, j});
        i = runEnd + 1;
    }
    std::vector<Chunk> joined;
    for (const Chunk& c : out) {
        if (!joined.empty() && joined.back().b + 2 == c.a && lower(words[static_cast<std::size_t>(c.a - 1)]) == "of") joined.back().b = c.b;
        else joined.push_back(c);
    }
    return joined;
}

// Words joined as running text; quotes as ", no space before closing punctuation.
struct Passage {
    std::string text;
    std::vector<std::string> words;
    std::vector<int> offsets;
    std::vector<int> wordOf;  // per source word (over the concatenated sentences): its passage word, -1 dropped
};

Passage detokenize(const std::vector<const TaggedSentence*>& sentences)
{
    static const std::set<std::string> noSpaceBefore = {",", ".", ";", ":", "!", "?", ")", "''", "%", "'"};
    Passage p;
    std::string prev;
    for (const TaggedSentence* s : sentences) {
        for (const std::string& w : s->words) {
            const bool space = !p.text.empty() && !noSpaceBefore.count(w) && prev != "(" && prev != "``" && prev != "$";
            if (space) p.text += ' ';
            const std::string shown = isQuote(w) ? "\"" : w;
            p.wordOf.push_back(static_cast<int>(p.words.size()));
            p.offsets.push_back(static_cast<int>(p.text.size()));
            p.words.push_back(shown);
            p.text += shown;
            prev = w;
        }
    }
    return p;
}

std::string joinQuestion(const std::vector<std::string>& words)
{
    static const std::set<std::string> noSpaceBefore = {",", ".", ";", ":", "!", "?", ")", "%", "'"};
    std::string out;
    std::string prev;
    for (const auto& w : words) {
        if (isQuote(w)) continue;
        if (!out.empty() && !noSpaceBefore.count(w) && prev != "(" && prev != "$") out += ' ';
        out += w;
        prev = w;
    }
    return out;
}

std::string lowerFirst(const std::string& w, const std::string& tag)
{
    if (w == "I" || tag.rfind("np", 0) == 0 || w.empty()) return w;
    // Keep acronyms and capitalised words inside a title (-tl tags are stripped): only the
    // first letter of a sentence-initial common word is lowered.
    std::string s = w;
    if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[1]))) return s;
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

struct Question {
    std::string text;
    int answerA = -1, answerB = -1;  // the answer's words in the sentence
};

// A question about chunk c of sentence s, or none when the phrase makes no good question.
std::optional<Question> makeQuestion(const WordNet& wn, const TaggedSentence& s, const std::vector<std::string>& tags, const Chunk& c)
{
    const auto& w = s.words;
    const int n = static_cast<int>(w.size());
    auto tag = [&](int i) -> const std::string& { return tags[static_cast<std::size_t>(i)]; };
    auto word = [&](int i) -> const std::string& { return w[static_cast<std::size_t>(i)]; };
    if (c.b - c.a + 1 > kMaxAnswerWords) return std::nullopt;
    // The clause around the phrase: from the last break before it to the next one after.
    int L = 0;
    for (int i = c.a - 1; i >= 0; --i)
        if (isClauseBreak(tag(i))) {
            L = i + 1;
            break;
        }
    int R = n - 1;
    for (int i = c.b + 1; i < n; ++i)
        if (isClauseBreak(tag(i))) {
            R = i - 1;
            break;
        }
    R = std::min(R, c.b + kClauseTail);
    while (L < c.a && (isQuote(word(L)) || tag(L) == "cc" || tag(L) == "cs")) ++L;
    // The wh-word, from the head noun's WordNet lexicographer file (18 noun.person,
    // 15 noun.location, 28 noun.time), a number, or a preposition before the phrase.
    int ra = c.a, rb = c.b, answerA = c.a, answerB = c.b;
    std::string wh = "what";
    const std::string head = word(c.head), headTag = tag(c.head);
    int lex = -1;
    {
        std::string lemma = wn.lemmatise(lower(head), WnPos::Noun);
        if (lemma.empty()) lemma = lower(head);
        const auto& senses = wn.senses(lemma, WnPos::Noun);
        if (!senses.empty()) lex = wn.synset(senses.front()).lexFile;
    }
    const std::string prep = c.a - 1 >= L && tag(c.a - 1) == "in" ? lower(word(c.a - 1)) : std::string();
    bool pronounPhrase = c.a == c.b && (tag(c.a).rfind("pp", 0) == 0);
    if (pronounPhrase) return std::nullopt;
    if (tag(c.a) == "cd" && isNumber(word(c.a)) && c.b > c.a) {
        wh = "how many";
        answerB = c.a;
        rb = c.a;  // "three men came" -> "how many men came"
    } else if (tag(c.a) == "cd" && c.a == c.b) {
        return std::nullopt;  // a bare number or year: no clear question word
    } else if ((lex == 28 || headTag.rfind("nr", 0) == 0) && (prep == "in" || prep == "on" || prep == "at" || prep == "during")) {
        wh = "when";
        ra = c.a - 1;
    } else if (lex == 15 && (prep == "in" || prep == "at" || prep == "near")) {
        wh = "where";
        ra = c.a - 1;
    } else if (lex == 18 || (headTag.rfind("np", 0) == 0 && lex < 0)) {
        wh = "who";  // a person, or a proper noun WordNet does not know (in Brown most are names)
    }
    // A clause that starts with a verb or a wh-word has lost its subject to the cut: no question.
    for (const char* p : {"vb", "be", "hv", "do", "md", "w"})
        if (ra > L && tag(L).rfind(p, 0) == 0) return std::nullopt;
    std::vector<std::string> q, qt;  // the question's words and their tags
    auto push = [&](const std::string& x, const std::string& t) {
        q.push_back(x);
        qt.push_back(t);
    };
    auto tail = [&] {
        for (int i = rb + 1; i <= R; ++i) push(word(i), tag(i));
    };
    const std::string before = ra - 1 >= 0 ? tag(ra - 1) : std::string();
    bool verbBetween = false;
    for (int i = L; i < ra - 1; ++i)
        if (tag(i).rfind("vb", 0) == 0 || tag(i).rfind("be", 0) == 0 || tag(i).rfind("hv", 0) == 0 || tag(i) == "md") verbBetween = true;
    if (ra == L) {
        push(wh, "w");  // the subject: "who praised the city ?"
        tail();
    } else if ((wh == "what" || wh == "who") && ra - 1 > L && ra - 1 - L <= 6 && !verbBetween && (before == "vbd" || before == "vbz" || before == "vb")) {
        // The object of a simple clause: do-support, "the jury praised the city" -> "what did the jury praise"
        std::string verb = wn.lemmatise(lower(word(ra - 1)), WnPos::Verb);
        if (verb.empty()) verb = lower(word(ra - 1));
        push(wh, "w");
        push(before == "vbd" ? "did" : before == "vbz" ? "does" : "do", "do");
        for (int i = L; i < ra - 1; ++i) push(i == L ? lowerFirst(word(i), tag(i)) : word(i), tag(i));
        push(verb, "vb");
        tail();
    } else {
        // Elsewhere: the phrase replaced in place, the clause shortened ("... for what ?").
        for (int i = L; i < ra; ++i) push(i == L ? lowerFirst(word(i), tag(i)) : word(i), tag(i));
        push(wh, "w");
        tail();
    }
    // No dangling punctuation, preposition, conjunction or article at the end.
    static const std::set<std::string> dangling = {"in", "to", "cc", "cs", "at", "ap", "abn", "dt", "pp$", "rb", "ql", "hv", "be", "md"};
    while (!q.empty() && (isClauseBreak(q.back()) || isQuote(q.back()) || dangling.count(qt.back()) || isPossessive(qt.back()))) {
        q.pop_back();
        qt.pop_back();
    }
    if (q.size() < 4 || q.size() > 30) return std::nullopt;
    std::string text = joinQuestion(q);
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return Question{text + "?", answerA, answerB};
}

} // namespace

std::string sentenceText(const TaggedSentence& sentence) { return detokenize({&sentence}).text; }

Task buildReading(std::uint64_t seed, bool noAnswer)
{
    const WordNet& wn = WordNet::installed();
    const Corpus& c = brownCorpus();
    const auto tagged = brownTagsFor(c.documents);
    const auto splitOf = splitOfDocuments(seed);
    Task t;
    t.name = noAnswer ? "squad2" : "squad1";
    t.kind = TaskKind::Span;
    t.noAnswer = noAnswer;
    for (const auto& info : taskList())
        if (info.name == t.name) t.title = info.title;
    for (std::size_t di = 0; di < tagged.size(); ++di) {
        const auto& sents = tagged[di];
        std::vector<std::vector<std::size_t>> passages;
        std::vector<std::size_t> cur;
        std::size_t words = 0;
        for (std::size_t si = 0; si < sents.size(); ++si) {
            const std::size_t k = sents[si].words.size();
            if (!cur.empty() && words + k > kPassageWords) {
                passages.push_back(cur);
                cur.clear();
                words = 0;
            }
            if (k > kPassageWords) continue;
            cur.push_back(si);
            words += k;
        }
        if (!cur.empty()) passages.push_back(cur);
        for (std::size_t pi = 0; pi < passages.size(); ++pi) {
            const auto& ps = passages[pi];
            if (ps.size() < 2) continue;
            // Questions: from up to two of the passage's sentences, in an order drawn by a hash.
            std::vector<std::size_t> order(ps.size());
            for (std::size_t k = 0; k < ps.size(); ++k) order[k] = k;
            const std::uint64_t h0 = hash(seed * 0x9e3779b97f4a7c15ull + di * 1000003ull + pi);
            std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return hash(h0 + a) < hash(h0 + b); });
            int made = 0;
            for (std::size_t k : order) {
                if (made >= kQuestionsPerPassage) break;
                const TaggedSentence& s = sents[ps[k]];
                if (s.words.size() < 6) continue;
                std::vector<std::string> tags;
                for (const auto& x : s.tags) tags.push_back(baseTag(x));
                const auto chunks = nounPhrases(s.words, tags);
                if (chunks.empty()) continue;
                const std::uint64_t h = hash(h0 ^ (0x51ull + k));
                std::optional<Question> q;
                for (std::size_t j = 0; j < chunks.size() && !q; ++j) q = makeQuestion(wn, s, tags, chunks[(h + j) % chunks.size()]);
                if (!q) continue;
                ++made;
                const bool unanswerable = noAnswer && hash(h ^ 0xa5a5ull) % 3 == 0;
                std::vector<const TaggedSentence*> kept;
                std::size_t before = 0;  // words of the passage before sentence k
                for (std::size_t m = 0; m < ps.size(); ++m) {
                    if (unanswerable && m == k) continue;
                    kept.push_back(&sents[ps[m]]);
                    if (m < k) before += sents[ps[m]].words.size();
                }
                const Passage p = detokenize(kept);
                TaskExample e;
                e.document = static_cast<int>(di);
                e.texts = {q->text, p.text};
                e.words = p.words;
                e.offsets = p.offsets;
                if (!unanswerable) {
                    e.answerFirst = p.wordOf[before + static_cast<std::size_t>(q->answerA)];
                    e.answerLast = p.wordOf[before + static_cast<std::size_t>(q->answerB)];
                    e.answers = {squad::spanText(p.text, p.words, p.offsets, e.answerFirst, e.answerLast)};
                }
                addToSplit(t, std::move(e), splitOf);
            }
        }
    }
    std::ostringstream how;
    how << "Passages are runs of consecutive sentences of a Brown document of at most " << kPassageWords
        << " words (the bundled corpus keeps no paragraph marks), at least two sentences each. From up to " << kQuestionsPerPassage
        << " sentences of a passage (chosen by a hash of seed, document and passage) a question is made as in the cloze "
           "construction of Hermann et al. (2015), made span-extractive: a noun phrase of at most "
        << kMaxAnswerWords
        << " words (a run of determiners, numbers, adjectives, possessives and nouns by Brown's POS tags, 'X of Y' joined) is "
           "the answer, and the sentence's clause around it becomes the question: the phrase replaced by a wh-word chosen from "
           "WordNet's lexicographer file of its head noun (noun.person or an unknown proper noun: who; after in/on/at/during, "
           "noun.time: when; after in/at/near, noun.location: where; a number: how many; else what); a subject keeps the "
           "clause order ('who praised the city?'), the object of a simple past or present clause is fronted with do-support "
           "('what did the jury praise?'), any other phrase is questioned in place; the clause is cut at the next comma, "
           "semicolon or colon and at most "
        << kClauseTail << " words after the phrase. The answer is the phrase's span in the passage, scored by SQuAD's exact match and token F1.";
    if (noAnswer)
        how << " v2.0: a third of the questions (by a hash) have the sentence they were made from removed from their passage, "
               "and their answer is \"no answer\" (SQuAD 2.0's unanswerable questions were written adversarially; these are "
               "easier to spot by word overlap, which the simple baseline measures).";
    how << " Split by document as every task.";
    t.construction = how.str();
    return t;
}

// ---- baselines
namespace {

const std::set<std::string>& stopWords()
{
    static const std::set<std::string> s = {"the", "a", "an", "of", "to", "in", "and", "or", "for", "on", "at", "by", "with", "from",
                                            "as", "is", "was", "be", "are", "were", "that", "this", "it", "its", "his", "her", "their",
                                            "what", "who", "where", "when", "how", "many", "did", "does", "do", "he", "she", "they",
                                            "we", "i", "you", "not", "but", "had", "has", "have", "which"};
    return s;
}

bool punctWord(const std::string& w)
{
    for (char ch : w)
        if (std::isalnum(static_cast<unsigned char>(ch))) return false;
    return true;
}

struct OverlapAnswer {
    std::string span;
    double overlap = 0;  // the share of the question's content words found in the chosen sentence
};

// The sentence sharing the most question content words; in it, the longest run (at most
// 7 words) of words the question lacks, between or next to the matched words.
OverlapAnswer overlapAnswer(const TaskExample& e)
{
    std::set<std::string> q;
    for (const auto& w : squad::splitPassage(e.texts.empty() ? std::string() : e.texts[0]).words) {
        const std::string l = lower(w);
        if (!punctWord(l) && !stopWords().count(l)) q.insert(l);
    }
    OverlapAnswer best;
    const int n = static_cast<int>(e.words.size());
    const std::string& passage = e.texts.size() > 1 ? e.texts[1] : std::string();
    int bestMatched = -1;
    for (int a = 0; a < n;) {
        int b = a;
        while (b < n - 1 && !(e.words[static_cast<std::size_t>(b)] == "." || e.words[static_cast<std::size_t>(b)] == "?" || e.words[static_cast<std::size_t>(b)] == "!")) ++b;
        std::set<std::string> found;
        std::vector<char> matched(static_cast<std::size_t>(b - a + 1), 0);
        for (int i = a; i <= b; ++i) {
            const std::string l = lower(e.words[static_cast<std::size_t>(i)]);
            if (q.count(l)) {
                found.insert(l);
                matched[static_cast<std::size_t>(i - a)] = 1;
            }
        }
        const int m = static_cast<int>(found.size());
        if (m > bestMatched) {
            bestMatched = m;
            int first = -1, last = -1;
            for (int i = a; i <= b; ++i)
                if (matched[static_cast<std::size_t>(i - a)]) {
                    if (first < 0) first = i;
                    last = i;
                }
            // Runs of unmatched, non-punctuation, non-stop-initial words; prefer those inside
            // [first - 7, last + 7], the longest, the first.
            int ra = -1, rb = -1, bestLen = 0;
            for (int i = a; i <= b;) {
                if (matched[static_cast<std::size_t>(i - a)] || punctWord(e.words[static_cast<std::size_t>(i)])) {
                    ++i;
                    continue;
                }
                int j = i;
                while (j + 1 <= b && !matched[static_cast<std::size_t>(j + 1 - a)] && !punctWord(e.words[static_cast<std::size_t>(j + 1)])) ++j;
                const int len = std::min(j - i + 1, kMaxAnswerWords);
                const bool near = first < 0 || (j >= first - kMaxAnswerWords && i <= last + kMaxAnswerWords);
                if (near && len > bestLen) {
                    bestLen = len;
                    ra = i;
                    rb = i + len - 1;
                }
                i = j + 1;
            }
            best.span = ra >= 0 ? squad::spanText(passage, e.words, e.offsets, ra, rb) : std::string();
            best.overlap = q.empty() ? 0.0 : static_cast<double>(m) / static_cast<double>(q.size());
        }
        a = b + 1;
    }
    return best;
}


} // namespace

void spanBaselines(const Task& t, TaskBaselines& b)
{
    auto golds = [](const std::vector<TaskExample>& split) {
        std::vector<std::vector<std::string>> g;
        for (const auto& e : split) g.push_back(e.answers);
        return g;
    };
    const auto gDev = golds(t.dev), gTest = golds(t.test);
    b.spanMajorityDev = squad::evaluate(std::vector<std::string>(t.dev.size()), gDev);
    b.spanMajorityTest = squad::evaluate(std::vector<std::string>(t.test.size()), gTest);
    std::vector<std::string> spansDev, spansTest;
    std::vector<double> nullDev, nullTest;
    for (const auto& e : t.dev) {
        const auto a = overlapAnswer(e);
        spansDev.push_back(a.span);
        nullDev.push_back(-a.overlap);
    }
    for (const auto& e : t.test) {
        const auto a = overlapAnswer(e);
        spansTest.push_back(a.span);
        nullTest.push_back(-a.overlap);
    }
    if (t.noAnswer) {
        // The overlap below which it says "no answer", tuned on dev as for the model.
        const double thr = squad::bestThreshold(spansDev, nullDev, gDev).f1Threshold;
        spansDev = squad::applyThreshold(spansDev, nullDev, thr);
        spansTest = squad::applyThreshold(spansTest, nullTest, thr);
    }
    b.spanSimpleDev = squad::evaluate(spansDev, gDev);
    b.spanSimpleTest = squad::evaluate(spansTest, gTest);
}

} // namespace ptl::taskdata

// The labelled tasks built from the bundled Brown corpus (core/api/Tasks.h): the document
// split shared by every task, Brown genre classification and POS tagging.
#include "core/api/Tasks.h"
#include "core/knowledge/WordNet.h"
#include "core/tasks/TaskData.h"
#include "core/text/Corpus.h"
#include "core/train/DynamicsProbe.h"
#include "core/util/Error.h"
#include "core/util/Hash.h"
#include "core/util/Files.h"
#include "core/util/Runtime.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace ptl {

std::string toString(TaskKind k)
{
    switch (k) {
    case TaskKind::Classification: return "classification";
    case TaskKind::Tagging: return "tagging";
    case TaskKind::MultipleChoice: return "multiple choice";
    case TaskKind::Span: return "reading comprehension";
    }
    return "classification";
}

const std::vector<TaskInfo>& taskList()
{
    static const std::vector<TaskInfo> all = {
        {"genre", "Brown genre classification: which of 15 genres a 64-word passage comes from", TaskKind::Classification},
        {"pos", "part-of-speech tagging with Brown's tags mapped to the 12 universal tags", TaskKind::Tagging},
        {"nextsent", "SWAG-style multiple choice: which of 4 sentences follows a Brown sentence", TaskKind::MultipleChoice},
        {"entail", "entailment from WordNet: a Brown sentence and a copy with one word replaced by a hypernym (entails), or by a co-hyponym or an antonym (does not)", TaskKind::Classification},
        {"paraphrase", "paraphrase from WordNet: a Brown sentence and a copy with a synonym (paraphrase), a co-hyponym or an unrelated sentence (not)", TaskKind::Classification},
        {"squad1", "reading comprehension, SQuAD v1.1 style: a question on a Brown passage, answered by a span of it", TaskKind::Span},
        {"squad2", "reading comprehension, SQuAD v2.0 style: as squad1, a third of the questions with no answer in the passage", TaskKind::Span},
        {"typing", "entity typing from WordNet: the lexicographer class (person, artifact, location, ...) of a noun mention in a Brown sentence", TaskKind::Classification},
        {"relation", "relation classification from WordNet: how two concepts mentioned in a Brown sentence are related (is-a, part-of, co-hyponyms, antonyms, derivation)", TaskKind::Classification},
        {"commonsense", "commonsense questions from WordNet, CommonsenseQA style: a question about a concept, five choices of one kind (\"Which of these is a part of a car?\")", TaskKind::MultipleChoice},
    };
    return all;
}

namespace {

struct BrownDoc {
    std::string id, genre, genreLabel;
};

std::uint64_t splitmix(std::uint64_t x) { return splitmix64(x); }

// brown-docs.tsv, in corpus order (matched by each document's first line in brown.txt).
std::vector<BrownDoc> brownDocs(const Corpus& corpus)
{
    const auto path = resourceDir() / "corpus" / "brown-docs.tsv";
    std::map<int, BrownDoc> byLine;
    std::istringstream in(readTextFile(path));
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        if (++lineNo == 1 || line.empty()) continue;
        std::vector<std::string> f;
        std::istringstream ls(line);
        for (std::string x; std::getline(ls, x, '\t');) f.push_back(x);
        if (f.size() < 4) throw Error(path.string() + ": line " + std::to_string(lineNo) + " has fewer than 4 fields", "reinstall the resources");
        byLine[std::stoi(f[3])] = {f[0], f[1], f[2]};
    }
    std::vector<BrownDoc> out;
    for (const Document& d : corpus.documents) {
        auto it = byLine.find(d.firstLine);
        if (it == byLine.end())
            throw Error(path.string() + " has no document starting at line " + std::to_string(d.firstLine) + " of brown.txt",
                        "the corpus and its genre table are out of step; run scripts/convert_brown.py again");
        out.push_back(it->second);
    }
    return out;
}

const Corpus& brown()
{
    static const Corpus c = bundledCorpus();
    return c;
}

std::string lowered(const std::string& w)
{
    std::string s = w;
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> words(const std::string& s)
{
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// Brown tag -> universal tag (Petrov, Das & McDonald 2012, the en-brown mapping, written
// out as rules): the suffixes -tl (title), -hl (headline), -nc (citation) and the
// negation * are dropped, fw- (foreign word) is X, a compound tag (ppss+md) takes its
// first part.
const std::vector<std::string>& universalTags()
{
    static const std::vector<std::string> t = {"NOUN", "VERB", "ADJ", "ADV", "PRON", "DET", "ADP", "NUM", "CONJ", "PRT", ".", "X"};
    return t;
}

int universalOf(std::string tag)
{
    enum { NOUN, VERB, ADJ, ADV, PRON, DET, ADP, NUM, CONJ, PRT, PUNCT, X };
    if (tag.rfind("fw-", 0) == 0) return X;
    if (auto p = tag.find('+'); p != std::string::npos && p > 0) tag = tag.substr(0, p);
    for (const char* suf : {"-tl", "-hl", "-nc"})
        for (std::size_t p; (p = tag.find(suf)) != std::string::npos;) tag.erase(p, 3);
    if (tag.size() > 1 && tag.back() == '*') tag.pop_back();
    if (tag.empty()) return X;
    static const std::map<std::string, int> exact = {
        {"cd", NUM}, {"od", ADJ}, {"in", ADP}, {"cc", CONJ}, {"cs", CONJ}, {"to", PRT}, {"rp", PRT}, {"ex", DET},
        {"at", DET}, {"ap", DET}, {"abn", DET}, {"abx", DET}, {"dt", DET}, {"dti", DET}, {"dts", DET}, {"dtx", DET},
        {"wdt", DET}, {"ql", ADV}, {"qlp", ADV}, {"wrb", ADV}, {"rn", ADV}, {"uh", X}, {"nil", X}, {"fw", X},
        {"md", VERB}, {"pn", PRON}, {"pn$", PRON}, {"wps", PRON}, {"wpo", PRON}, {"wp$", PRON}, {"ppl", PRON}, {"ppls", PRON}};
    if (auto it = exact.find(tag); it != exact.end()) return it->second;
    const char c = tag[0];
    if (std::string(".,:;()'`-").find(c) != std::string::npos || tag == "--" || tag == "''" || tag == "``") return PUNCT;
    if (tag.rfind("nn", 0) == 0 || tag.rfind("np", 0) == 0 || tag.rfind("nr", 0) == 0) return NOUN;
    if (tag.rfind("vb", 0) == 0 || tag.rfind("be", 0) == 0 || tag.rfind("hv", 0) == 0 || tag.rfind("do", 0) == 0) return VERB;
    if (tag.rfind("jj", 0) == 0) return ADJ;
    if (tag.rfind("rb", 0) == 0) return ADV;
    if (tag.rfind("pp", 0) == 0) return PRON;
    return X;
}

void assign(Task& t, TaskExample e, const std::vector<int>& splitOf)
{
    switch (splitOf[static_cast<std::size_t>(e.document)]) {
    case 0: t.train.push_back(std::move(e)); break;
    case 1: t.dev.push_back(std::move(e)); break;
    default: t.test.push_back(std::move(e)); break;
    }
}

std::vector<int> splitOfDocs(const TaskSplitDocs& s, std::size_t n)
{
    std::vector<int> out(n, 0);
    for (int d : s.dev) out[static_cast<std::size_t>(d)] = 1;
    for (int d : s.test) out[static_cast<std::size_t>(d)] = 2;
    return out;
}

Task buildGenre(std::uint64_t seed)
{
    const Corpus& c = brown();
    const auto docs = brownDocs(c);
    Task t;
    t.name = "genre";
    t.title = taskList()[0].title;
    t.kind = TaskKind::Classification;
    std::map<std::string, int> classOf;
    std::map<std::string, std::string> labelOf;
    for (const auto& d : docs) {
        classOf.emplace(d.genre, 0);
        labelOf[d.genre] = d.genreLabel;
    }
    for (auto& [g, i] : classOf) {
        i = static_cast<int>(t.labels.size());
        t.labels.push_back(labelOf[g]);
    }
    const TaskSplitDocs split = taskDocumentSplit(seed);
    const auto splitOf = splitOfDocs(split, docs.size());
    constexpr std::size_t kWords = 64;
    for (std::size_t di = 0; di < c.documents.size(); ++di) {
        std::string window;
        std::size_t n = 0;
        auto flush = [&] {
            if (n == 0) return;
            TaskExample e;
            e.texts = {window};
            e.label = classOf[docs[di].genre];
            e.document = static_cast<int>(di);
            assign(t, std::move(e), splitOf);
            window.clear();
            n = 0;
        };
        for (const auto& s : c.documents[di].sentences) {
            const std::size_t k = words(s).size();
            if (n > 0 && n + k > kWords) flush();
            window += (window.empty() ? "" : " ") + s;
            n += k;
        }
        flush();
    }
    std::ostringstream how;
    how << "Every document of the bundled Brown corpus (500 documents, 15 genres) is cut into passages of whole, consecutive "
           "sentences of at most "
        << kWords
        << " words (a longer sentence is a passage of its own); a passage's label is its document's genre. Documents, not "
           "passages, are split: within each genre, documents ordered by a hash of (seed, document) give 15% to test, 15% "
           "to dev (at least one each) and the rest to train, so no test document's text is in train.";
    t.construction = how.str();
    return t;
}

Task buildPos(std::uint64_t seed)
{
    const Corpus& c = brown();
    const auto tagged = brownTagsFor(c.documents);
    Task t;
    t.name = "pos";
    t.title = taskList()[1].title;
    t.kind = TaskKind::Tagging;
    t.labels = universalTags();
    const TaskSplitDocs split = taskDocumentSplit(seed);
    const auto splitOf = splitOfDocs(split, c.documents.size());
    constexpr std::size_t kChunk = 60;
    for (std::size_t di = 0; di < tagged.size(); ++di) {
        for (const TaggedSentence& s : tagged[di]) {
            for (std::size_t b = 0; b < s.words.size(); b += kChunk) {
                TaskExample e;
                e.document = static_cast<int>(di);
                for (std::size_t i = b; i < std::min(s.words.size(), b + kChunk); ++i) {
                    e.words.push_back(s.words[i]);
                    e.tags.push_back(universalOf(s.tags[i]));
                }
                assign(t, std::move(e), splitOf);
            }
        }
    }
    t.construction =
        "Brown's own tagged sentences (resources/corpus/brown-pos.tsv), each word's Brown tag mapped to the 12 universal "
        "tags of Petrov, Das & McDonald (2012) (suffixes -tl, -hl, -nc and the negation * dropped, fw- words X, a compound "
        "tag such as ppss+md taking its first part). Sentences longer than 60 words are cut into 60-word pieces. The "
        "model labels the first sub-token of each word (GPT: the last, the first that has seen the whole word). Split by "
        "document as every task: the same train, dev and test documents as genre.";
    return t;
}

Task buildNextSentence(std::uint64_t seed)
{
    const Corpus& c = brown();
    const auto docs = brownDocs(c);
    Task t;
    t.name = "nextsent";
    t.title = taskList()[2].title;
    t.kind = TaskKind::MultipleChoice;
    constexpr int kChoices = 4;
    constexpr std::size_t kMin = 6, kMax = 40;
    for (int k = 1; k <= kChoices; ++k) t.labels.push_back("choice " + std::to_string(k));
    const TaskSplitDocs split = taskDocumentSplit(seed);
    const auto splitOf = splitOfDocs(split, docs.size());
    auto fits = [&](const std::string& sentence) {
        const std::size_t n = words(sentence).size();
        return n >= kMin && n <= kMax;
    };
    // Distractor pools: every sentence of fitting length, by (split, genre).
    std::map<std::pair<int, std::string>, std::vector<std::pair<int, int>>> pool;
    for (std::size_t di = 0; di < c.documents.size(); ++di)
        for (std::size_t si = 0; si < c.documents[di].sentences.size(); ++si)
            if (fits(c.documents[di].sentences[si]))
                pool[{splitOf[di], docs[di].genre}].push_back({static_cast<int>(di), static_cast<int>(si)});
    for (std::size_t di = 0; di < c.documents.size(); ++di) {
        const auto& sent = c.documents[di].sentences;
        const auto& candidates = pool[{splitOf[di], docs[di].genre}];
        for (std::size_t si = 0; si + 1 < sent.size(); si += 2) {
            if (!fits(sent[si]) || !fits(sent[si + 1])) continue;
            const std::uint64_t h = splitmix(seed * 0x9e3779b97f4a7c15ull + di * 100003ull + si);
            std::vector<std::string> distractors;
            for (std::uint64_t k = 0; distractors.size() < kChoices - 1 && k < 64; ++k) {
                const auto& [d, s2] = candidates[splitmix(h + k + 1) % candidates.size()];
                if (d == static_cast<int>(di)) continue;  // another document: not a later sentence of this one
                const std::string& x = c.documents[static_cast<std::size_t>(d)].sentences[static_cast<std::size_t>(s2)];
                if (std::find(distractors.begin(), distractors.end(), x) == distractors.end() && x != sent[si + 1]) distractors.push_back(x);
            }
            if (distractors.size() < kChoices - 1) continue;
            TaskExample e;
            e.document = static_cast<int>(di);
            e.texts = {sent[si]};
            e.label = static_cast<int>(h % kChoices);
            for (int k = 0, j = 0; k < kChoices; ++k) e.choices.push_back(k == e.label ? sent[si + 1] : distractors[static_cast<std::size_t>(j++)]);
            assign(t, std::move(e), splitOf);
        }
    }
    t.construction =
        "SWAG-style (Zellers et al. 2018) from Brown: in every document, each pair of consecutive sentences (sentences 1-2, "
        "3-4, ...; both of 6 to 40 words) gives a context, the first sentence, and its true continuation, the second; the "
        "three distractors are sentences of 6 to 40 words from other documents of the same genre and the same split, drawn "
        "by a hash of (seed, document, sentence), and the true continuation's position is drawn the same way. No adversarial "
        "filtering: a distractor may differ in topic from the context, which a bag of words can exploit (the word-overlap "
        "baseline measures how much). Split by document as every task.";
    return t;
}

// ---- WordNet substitutions
std::string baseTag(std::string tag)
{
    for (const char* suffix : {"-tl", "-hl", "-nc"})
        for (std::size_t at; (at = tag.find(suffix)) != std::string::npos;) tag.erase(at, 3);
    return tag;
}

bool alphabetic(const std::string& w)
{
    if (w.size() < 3) return false;
    for (char c : w)
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    return true;
}

// A single-token lemma of a synset other than `not`, the first in WordNet's order ("" if none).
std::string firstWord(const WnSynset& s, const std::string& not_)
{
    for (const auto& w : s.words) {
        std::string x = lowered(w);
        if (x != not_ && alphabetic(x)) return x;
    }
    return {};
}

// Keeps the original's capital letter ("Dog" -> "Animal").
std::string likeCase(const std::string& original, std::string w)
{
    if (!original.empty() && std::isupper(static_cast<unsigned char>(original[0])) && !w.empty())
        w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    return w;
}

enum class Swap { Hypernym, CoHyponym, Antonym, Synonym };

// The replacement of word i of a tagged sentence by the relation asked for, or "".
std::string substitute(const WordNet& wn, const TaggedSentence& s, std::size_t i, Swap kind, std::uint64_t h)
{
    const std::string tag = baseTag(s.tags[i]), word = lowered(s.words[i]);
    if (!alphabetic(word)) return {};
    // Not a word of a title or a name ("Fulton County"), not a capitalised word inside a sentence.
    if (s.tags[i].find("-tl") != std::string::npos) return {};
    if (i > 0 && std::isupper(static_cast<unsigned char>(s.words[i][0]))) return {};
    const bool noun = tag == "nn", adj = tag == "jj";
    if (!noun && !adj) return {};
    const WnPos pos = noun ? WnPos::Noun : WnPos::Adj;
    const std::string lemma = wn.lemmatise(word, pos);
    if (lemma != word) return {};  // keep the inflection right: base forms only
    const auto& senses = wn.senses(lemma, pos);
    if (senses.empty()) return {};
    const int first = senses.front();  // the most frequent sense
    switch (kind) {
    case Swap::Hypernym: {
        if (!noun) return {};
        for (int hyper : wn.related(first, "@"))
            if (auto w = firstWord(wn.synset(hyper), lemma); !w.empty()) return w;
        return {};
    }
    case Swap::CoHyponym: {
        if (!noun) return {};
        const auto hypers = wn.related(first, "@");
        if (hypers.empty()) return {};
        auto sisters = wn.related(hypers.front(), "~");
        sisters.erase(std::remove(sisters.begin(), sisters.end(), first), sisters.end());
        for (std::size_t k = 0; k < sisters.size(); ++k) {
            const int sister = sisters[(h + k) % sisters.size()];
            auto w = firstWord(wn.synset(sister), lemma);
            // Not a word of the original sense either (a co-hyponym sharing a lemma).
            const auto& own = wn.synset(first).words;
            if (!w.empty() && std::find(own.begin(), own.end(), w) == own.end()) return w;
        }
        return {};
    }
    case Swap::Antonym: {
        if (!adj) return {};
        const WnSynset& sy = wn.synset(first);
        for (const WnPointer& p : sy.pointers) {
            if (p.symbol != "!") continue;
            const bool mine = p.sourceWord == 0 || lowered(sy.words[static_cast<std::size_t>(p.sourceWord - 1)]) == lemma;
            if (!mine) continue;
            const WnSynset& t = wn.synset(p.target);
            const std::string w = lowered(t.words[static_cast<std::size_t>(std::max(1, p.targetWord) - 1)]);
            if (alphabetic(w)) return w;
        }
        return {};
    }
    case Swap::Synonym: return firstWord(wn.synset(first), lemma);
    }
    return {};
}

std::string joined(const std::vector<std::string>& words)
{
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

Task buildEntail(std::uint64_t seed)
{
    const WordNet& wn = WordNet::installed();
    const Corpus& c = brown();
    const auto tagged = brownTagsFor(c.documents);
    Task t;
    t.name = "entail";
    t.title = taskList()[3].title;
    t.kind = TaskKind::Classification;
    t.labels = {"entailment", "not entailment"};
    const auto splitOf = splitOfDocs(taskDocumentSplit(seed), c.documents.size());
    for (std::size_t di = 0; di < tagged.size(); ++di) {
        for (std::size_t si = 0; si < tagged[di].size(); si += 2) {
            const TaggedSentence& s = tagged[di][si];
            if (s.words.size() < 6 || s.words.size() > 30) continue;
            const std::uint64_t h = splitmix(seed * 0x2545f4914f6cdd1dull + di * 100003ull + si);
            const bool entails = (h & 1) == 0;
            for (std::size_t k = 0; k < s.words.size(); ++k) {
                const std::size_t i = (h / 2 + k) % s.words.size();
                std::string w;
                if (entails) w = substitute(wn, s, i, Swap::Hypernym, h);
                else {
                    w = substitute(wn, s, i, Swap::Antonym, h);
                    if (w.empty()) w = substitute(wn, s, i, Swap::CoHyponym, h);
                }
                if (w.empty()) continue;
                std::vector<std::string> hyp = s.words;
                hyp[i] = likeCase(s.words[i], w);
                TaskExample e;
                e.document = static_cast<int>(di);
                e.texts = {joined(s.words), joined(hyp)};
                e.label = entails ? 0 : 1;
                assign(t, std::move(e), splitOf);
                break;
            }
        }
    }
    t.construction =
        "Entailment from WordNet 3.0 (wordnet-base): every other tagged Brown sentence of 6 to 30 words is a premise; a hash "
        "of (seed, document, sentence) asks for an entailed or a non-entailed hypothesis and picks where to start looking "
        "for a word to replace. Entailed: a singular common noun (Brown tag nn, in its base form) replaced by the first "
        "single-word lemma of a hypernym of its most frequent sense (dog -> canine: a more general word keeps the sentence "
        "true). Not entailed: an adjective (jj) replaced by its WordNet antonym (good -> bad), or else a noun by a "
        "co-hyponym, a sister under the same hypernym (dog -> wolf). One word differs; the bag-of-words baseline shows how "
        "much the replacement words alone give away. Split by document as every task.";
    return t;
}

Task buildParaphrase(std::uint64_t seed)
{
    const WordNet& wn = WordNet::installed();
    const Corpus& c = brown();
    const auto docs = brownDocs(c);
    const auto tagged = brownTagsFor(c.documents);
    Task t;
    t.name = "paraphrase";
    t.title = taskList()[4].title;
    t.kind = TaskKind::Classification;
    t.symmetric = true;
    t.labels = {"paraphrase", "not paraphrase"};
    const auto splitOf = splitOfDocs(taskDocumentSplit(seed), c.documents.size());
    std::map<std::pair<int, std::string>, std::vector<std::pair<int, int>>> pool;  // (split, genre) -> sentences
    for (std::size_t di = 0; di < tagged.size(); ++di)
        for (std::size_t si = 0; si < tagged[di].size(); ++si)
            if (tagged[di][si].words.size() >= 6 && tagged[di][si].words.size() <= 30)
                pool[{splitOf[di], docs[di].genre}].push_back({static_cast<int>(di), static_cast<int>(si)});
    for (std::size_t di = 0; di < tagged.size(); ++di) {
        const auto& candidates = pool[{splitOf[di], docs[di].genre}];
        for (std::size_t si = 1; si < tagged[di].size(); si += 2) {
            const TaggedSentence& s = tagged[di][si];
            if (s.words.size() < 6 || s.words.size() > 30) continue;
            const std::uint64_t h = splitmix(seed * 0x9e3779b97f4a7c15ull + di * 100019ull + si);
            const int kind = static_cast<int>(h % 4);  // 0, 1: synonym; 2: co-hyponym; 3: unrelated sentence
            std::string other;
            if (kind == 3) {
                for (std::uint64_t k = 0; k < 16 && other.empty(); ++k) {
                    const auto& [d, s2] = candidates[splitmix(h + k) % candidates.size()];
                    if (d != static_cast<int>(di)) other = joined(tagged[static_cast<std::size_t>(d)][static_cast<std::size_t>(s2)].words);
                }
            } else {
                for (std::size_t k = 0; k < s.words.size() && other.empty(); ++k) {
                    const std::size_t i = (h / 4 + k) % s.words.size();
                    const std::string w = substitute(wn, s, i, kind == 2 ? Swap::CoHyponym : Swap::Synonym, h);
                    if (w.empty()) continue;
                    std::vector<std::string> b = s.words;
                    b[i] = likeCase(s.words[i], w);
                    other = joined(b);
                }
            }
            if (other.empty()) continue;
            TaskExample e;
            e.document = static_cast<int>(di);
            const bool swap = (h >> 40) & 1;  // which side the original is on
            e.texts = swap ? std::vector<std::string>{other, joined(s.words)} : std::vector<std::string>{joined(s.words), other};
            e.label = kind <= 1 ? 0 : 1;
            assign(t, std::move(e), splitOf);
        }
    }
    t.construction =
        "Paraphrase from WordNet 3.0 (wordnet-base), on the tagged Brown sentences of 6 to 30 words not used by entail (the "
        "odd ones): a hash of (seed, document, sentence) makes half of them paraphrases, a copy with one singular noun or "
        "adjective replaced by another lemma of its most frequent sense (a synonym: car -> automobile), and half not: a "
        "quarter a copy with a noun replaced by a co-hyponym (car -> truck), a quarter an unrelated sentence of the same "
        "genre and split. The original is on a side drawn by the hash; the order carries no meaning, so GPT reads both "
        "orders and sums them (GPT-1's similarity). The bag-of-words baseline reads both texts as one bag: it can tell "
        "an unrelated sentence (twice the words) from a copy, and a one-word swap only by the words themselves. Split by "
        "document as every task.";
    return t;
}

} // namespace

TaskSplitDocs taskDocumentSplit(std::uint64_t seed)
{
    const auto docs = brownDocs(brown());
    std::map<std::string, std::vector<int>> byGenre;
    for (std::size_t i = 0; i < docs.size(); ++i) byGenre[docs[i].genre].push_back(static_cast<int>(i));
    TaskSplitDocs s;
    for (auto& [g, ids] : byGenre) {
        std::sort(ids.begin(), ids.end(), [&](int a, int b) {
            const auto ha = splitmix(seed * 1000003ull + static_cast<std::uint64_t>(a));
            const auto hb = splitmix(seed * 1000003ull + static_cast<std::uint64_t>(b));
            return ha != hb ? ha < hb : a < b;
        });
        const auto n = ids.size();
        const std::size_t held = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(0.15 * static_cast<double>(n))));
        for (std::size_t i = 0; i < n; ++i) {
            if (i < held) s.test.push_back(ids[i]);
            else if (i < 2 * held) s.dev.push_back(ids[i]);
            else s.train.push_back(ids[i]);
        }
    }
    for (auto* v : {&s.train, &s.dev, &s.test}) std::sort(v->begin(), v->end());
    return s;
}

Task buildTask(const std::string& name, std::uint64_t seed)
{
    if (name == "genre") return buildGenre(seed);
    if (name == "pos") return buildPos(seed);
    if (name == "nextsent") return buildNextSentence(seed);
    if (name == "entail") return buildEntail(seed);
    if (name == "paraphrase") return buildParaphrase(seed);
    if (name == "squad1") return taskdata::buildReading(seed, false);
    if (name == "squad2") return taskdata::buildReading(seed, true);
    if (name == "typing") return taskdata::buildTyping(seed);
    if (name == "relation") return taskdata::buildRelation(seed);
    if (name == "commonsense") return taskdata::buildCommonsense(seed);
    std::string names;
    for (const auto& t : taskList()) names += (names.empty() ? "" : ", ") + t.name;
    throw Error("unknown task '" + name + "'", "tasks: " + names + " (see 'pretrainlab-cli tasks list')");
}

namespace taskdata {
const Corpus& brownCorpus() { return brown(); }
std::vector<int> splitOfDocuments(std::uint64_t seed) { return splitOfDocs(taskDocumentSplit(seed), brown().documents.size()); }
void addToSplit(Task& t, TaskExample e, const std::vector<int>& splitOf) { assign(t, std::move(e), splitOf); }
std::uint64_t hash(std::uint64_t x) { return splitmix(x); }
} // namespace taskdata

std::string taskMetric(TaskKind kind) { return kind == TaskKind::Span ? "f1" : "accuracy"; }

ClassificationScore scoreClassification(const std::vector<int>& gold, const std::vector<int>& predicted, int classes)
{
    ClassificationScore s;
    s.confusion.assign(static_cast<std::size_t>(classes), std::vector<std::int64_t>(static_cast<std::size_t>(classes), 0));
    for (std::size_t i = 0; i < gold.size() && i < predicted.size(); ++i) {
        if (gold[i] < 0 || gold[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) continue;
        ++s.total;
        s.correct += gold[i] == predicted[i];
        ++s.confusion[static_cast<std::size_t>(gold[i])][static_cast<std::size_t>(predicted[i])];
    }
    s.accuracy = s.total ? static_cast<double>(s.correct) / static_cast<double>(s.total) : 0.0;
    double f1 = 0;
    int present = 0;
    for (int k = 0; k < classes; ++k) {
        std::int64_t tp = s.confusion[static_cast<std::size_t>(k)][static_cast<std::size_t>(k)], goldK = 0, predK = 0;
        for (int j = 0; j < classes; ++j) {
            goldK += s.confusion[static_cast<std::size_t>(k)][static_cast<std::size_t>(j)];
            predK += s.confusion[static_cast<std::size_t>(j)][static_cast<std::size_t>(k)];
        }
        if (goldK == 0) continue;  // macro-F1 over the classes that occur
        ++present;
        if (tp > 0) f1 += 2.0 * static_cast<double>(tp) / static_cast<double>(goldK + predK);
    }
    s.macroF1 = present ? f1 / present : 0.0;
    return s;
}

} // namespace ptl

// ------------------------------------------------------------------ baselines
namespace ptl {

namespace {


int majorityLabel(const Task& t)
{
    std::vector<std::int64_t> n(t.labels.size(), 0);
    for (const auto& e : t.train) {
        if (t.kind == TaskKind::Tagging)
            for (int g : e.tags) ++n[static_cast<std::size_t>(g)];
        else
            ++n[static_cast<std::size_t>(e.label)];
    }
    return static_cast<int>(std::max_element(n.begin(), n.end()) - n.begin());
}

// Multinomial logistic regression on L2-normalised log(1 + count) word features (words
// seen at least twice in train), by SGD with L2; the epoch count picked on dev.
struct BowModel {
    std::map<std::string, int> vocab;
    int classes = 0;
    std::vector<double> w;  // (features + 1) x classes; the last row is the bias

    std::vector<std::pair<int, double>> features(const TaskExample& e) const
    {
        std::map<int, double> f;
        for (const auto& text : e.texts)
            for (const auto& word : words(text))
                if (auto it = vocab.find(lowered(word)); it != vocab.end()) f[it->second] += 1;
        double norm = 0;
        for (auto& [k, v] : f) {
            v = std::log1p(v);
            norm += v * v;
        }
        norm = std::sqrt(norm);
        std::vector<std::pair<int, double>> out;
        for (const auto& [k, v] : f) out.emplace_back(k, norm > 0 ? v / norm : 0.0);
        return out;
    }
    std::vector<double> scores(const std::vector<std::pair<int, double>>& f) const
    {
        const std::size_t bias = vocab.size();
        std::vector<double> s(static_cast<std::size_t>(classes));
        for (int c = 0; c < classes; ++c) s[static_cast<std::size_t>(c)] = w[bias * classes + c];
        for (const auto& [k, v] : f)
            for (int c = 0; c < classes; ++c) s[static_cast<std::size_t>(c)] += v * w[static_cast<std::size_t>(k) * classes + c];
        return s;
    }
    int predict(const TaskExample& e) const
    {
        const auto s = scores(features(e));
        return static_cast<int>(std::max_element(s.begin(), s.end()) - s.begin());
    }
};

std::vector<int> predictAll(const BowModel& m, const std::vector<TaskExample>& split)
{
    std::vector<int> p;
    for (const auto& e : split) p.push_back(m.predict(e));
    return p;
}

void bowBaseline(const Task& t, TaskBaselines& b)
{
    BowModel m;
    m.classes = static_cast<int>(t.labels.size());
    std::map<std::string, int> counts;
    for (const auto& e : t.train)
        for (const auto& text : e.texts)
            for (const auto& word : words(text)) ++counts[lowered(word)];
    for (const auto& [word, n] : counts)
        if (n >= 2) m.vocab.emplace(word, static_cast<int>(m.vocab.size()));
    m.w.assign((m.vocab.size() + 1) * static_cast<std::size_t>(m.classes), 0.0);
    std::vector<std::vector<std::pair<int, double>>> feats;
    for (const auto& e : t.train) feats.push_back(m.features(e));
    std::vector<std::size_t> order(t.train.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto devGold = goldLabels(t, t.dev);
    BowModel best = m;
    double bestDev = -1;
    const double l2 = 1e-5;
    const std::size_t bias = m.vocab.size();
    for (int epoch = 0; epoch < 20; ++epoch) {
        // A fixed shuffle per epoch (splitmix), so the baseline is the same everywhere.
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[splitmix(0xb0b5eedull + static_cast<std::uint64_t>(epoch) * 7919u + i) % i]);
        const double lr = 0.5 / (1.0 + epoch);
        for (std::size_t i : order) {
            const auto& f = feats[i];
            auto s = m.scores(f);
            const double mx = *std::max_element(s.begin(), s.end());
            double z = 0;
            for (auto& v : s) z += (v = std::exp(v - mx));
            for (int c = 0; c < m.classes; ++c) {
                const double g = s[static_cast<std::size_t>(c)] / z - (c == t.train[i].label ? 1.0 : 0.0);
                m.w[bias * m.classes + c] -= lr * g;
                for (const auto& [k, v] : f) {
                    double& wk = m.w[static_cast<std::size_t>(k) * m.classes + c];
                    wk -= lr * (g * v + l2 * wk);
                }
            }
        }
        const double dev = scoreClassification(devGold, predictAll(m, t.dev), m.classes).accuracy;
        if (dev > bestDev) {
            bestDev = dev;
            best = m;
        }
    }
    b.simpleName = simpleBaselineName(TaskKind::Classification);
    b.simpleDev = scoreClassification(devGold, predictAll(best, t.dev), best.classes);
    b.simpleTest = scoreClassification(goldLabels(t, t.test), predictAll(best, t.test), best.classes);
}

// Multiple choice: the candidate sharing the most distinct lower-cased words of four or
// more letters with the context (ties: the first); nothing is fitted.
void overlapBaseline(const Task& t, TaskBaselines& b)
{
    auto content = [](const std::string& text) {
        std::set<std::string> out;
        for (const auto& w : words(text)) {
            std::string x;
            for (char ch : lowered(w))
                if (std::isalpha(static_cast<unsigned char>(ch))) x += ch;
            if (x.size() >= 4) out.insert(x);
        }
        return out;
    };
    auto predict = [&](const std::vector<TaskExample>& split) {
        std::vector<int> out;
        for (const auto& e : split) {
            const auto ctx = content(e.texts.empty() ? std::string() : e.texts.front());
            int best = 0;
            std::size_t bestN = 0;
            for (std::size_t k = 0; k < e.choices.size(); ++k) {
                std::size_t n = 0;
                for (const auto& w : content(e.choices[k])) n += ctx.count(w);
                if (n > bestN) {
                    bestN = n;
                    best = static_cast<int>(k);
                }
            }
            out.push_back(best);
        }
        return out;
    };
    const int k = static_cast<int>(t.labels.size());
    b.simpleName = simpleBaselineName(TaskKind::MultipleChoice);
    b.simpleDev = scoreClassification(goldLabels(t, t.dev), predict(t.dev), k);
    b.simpleTest = scoreClassification(goldLabels(t, t.test), predict(t.test), k);
}

void tagBaseline(const Task& t, TaskBaselines& b, int majority)
{
    std::map<std::string, std::vector<std::int64_t>> byWord;
    for (const auto& e : t.train)
        for (std::size_t i = 0; i < e.words.size(); ++i) {
            auto& v = byWord[lowered(e.words[i])];
            if (v.empty()) v.assign(t.labels.size(), 0);
            ++v[static_cast<std::size_t>(e.tags[i])];
        }
    auto predict = [&](const std::vector<TaskExample>& split) {
        std::vector<int> p;
        for (const auto& e : split)
            for (const auto& w : e.words) {
                auto it = byWord.find(lowered(w));
                p.push_back(it == byWord.end() ? majority : static_cast<int>(std::max_element(it->second.begin(), it->second.end()) - it->second.begin()));
            }
        return p;
    };
    const int k = static_cast<int>(t.labels.size());
    b.simpleName = simpleBaselineName(TaskKind::Tagging);
    b.simpleDev = scoreClassification(goldLabels(t, t.dev), predict(t.dev), k);
    b.simpleTest = scoreClassification(goldLabels(t, t.test), predict(t.test), k);
}

} // namespace

std::vector<int> goldLabels(const Task& task, const std::vector<TaskExample>& split)
{
    std::vector<int> g;
    if (task.kind == TaskKind::Span) return g;  // scored as SQuAD does, not by labels
    for (const auto& e : split) {
        if (task.kind == TaskKind::Tagging) g.insert(g.end(), e.tags.begin(), e.tags.end());
        else g.push_back(e.label);
    }
    return g;
}

std::string simpleBaselineName(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Classification: return "bag-of-words logistic regression";
    case TaskKind::MultipleChoice: return "word overlap with the context";
    case TaskKind::Tagging: return "most frequent tag per word";
    case TaskKind::Span: return "sliding-window word overlap";
    }
    return {};
}

TaskBaselines taskBaselines(const Task& t)
{
    TaskBaselines b;
    if (t.kind == TaskKind::Span) {
        b.span = true;
        b.majorityName = "always \"no answer\"";
        b.simpleName = simpleBaselineName(t.kind);
        taskdata::spanBaselines(t, b);
        return b;
    }
    b.majorityName = "majority class";
    const int k = static_cast<int>(t.labels.size());
    const int majority = majorityLabel(t);
    for (auto [split, out] : {std::pair{&t.dev, &b.majorityDev}, std::pair{&t.test, &b.majorityTest}}) {
        const auto gold = goldLabels(t, *split);
        *out = scoreClassification(gold, std::vector<int>(gold.size(), majority), k);
    }
    if (t.kind == TaskKind::Classification) bowBaseline(t, b);
    else if (t.kind == TaskKind::MultipleChoice) overlapBaseline(t, b);
    else tagBaseline(t, b, majority);
    return b;
}

} // namespace ptl

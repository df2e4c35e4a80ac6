// GPT-2's zero-shot tasks on the bundled corpus: last-word prediction and closed-book QA.
#include "core/api/ZeroShot.h"
#include "core/api/Tasks.h"
#include "core/generate/Decoder.h"
#include "core/model/Checkpoint.h"
#include "core/tasks/Squad.h"
#include "core/text/Corpus.h"
#include "core/util/Error.h"
#include "core/util/Hash.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

namespace ptl {

namespace {

// A whitespace token without the punctuation and quotes around it, lower case ("" when
// nothing alphabetic is left).
std::string bare(const std::string& token)
{
    std::size_t a = 0, b = token.size();
    while (a < b && !std::isalnum(static_cast<unsigned char>(token[a]))) ++a;
    while (b > a && !std::isalnum(static_cast<unsigned char>(token[b - 1]))) --b;
    std::string w = token.substr(a, b - a);
    std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return w;
}

bool alphabetic(const std::string& w)
{
    return !w.empty() && std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isalpha(c); });
}

std::vector<std::string> split(const std::string& s)
{
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string t;
    while (in >> t) out.push_back(t);
    return out;
}

// Word counts and a trigram model (with bigram and unigram back-off) of a corpus's words.
struct NGram {
    std::unordered_map<std::string, int> unigram;
    std::unordered_map<std::string, std::unordered_map<std::string, int>> bigram, trigram;
    std::string top;                  // the most frequent word
    std::set<std::string> stop;       // the 150 most frequent words

    explicit NGram(const Corpus& c)
    {
        for (const auto& d : c.documents) {
            std::string p2, p1;
            for (const auto& s : d.sentences)
                for (const auto& t : split(s)) {
                    const std::string w = bare(t);
                    if (w.empty()) continue;
                    ++unigram[w];
                    if (!p1.empty()) ++bigram[p1][w];
                    if (!p2.empty()) ++trigram[p2 + " " + p1][w];
                    p2 = p1;
                    p1 = w;
                }
        }
        std::vector<std::pair<int, std::string>> byCount;
        for (const auto& [w, n] : unigram) byCount.push_back({n, w});
        std::sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        for (std::size_t i = 0; i < byCount.size() && i < 150; ++i) stop.insert(byCount[i].second);
        for (const auto& [n, w] : byCount)
            if (alphabetic(w) && !stop.count(w)) { top = w; break; }
    }
    static std::string best(const std::unordered_map<std::string, int>& m)
    {
        std::string w;
        int n = -1;
        for (const auto& [k, v] : m)
            if (v > n || (v == n && k < w)) { w = k; n = v; }
        return w;
    }
    std::string predict(const std::string& p2, const std::string& p1) const
    {
        auto t = trigram.find(p2 + " " + p1);
        if (t != trigram.end()) return best(t->second);
        auto b = bigram.find(p1);
        if (b != bigram.end()) return best(b->second);
        return best(unigram);
    }
};

ZeroShotTask lastWordTask(double heldOut, std::uint64_t seed)
{
    const Corpus corpus = bundledCorpus();
    auto [train, held] = splitHeldOut(corpus, heldOut, seed);
    const NGram ngram(train);
    ZeroShotTask t;
    t.name = "lastword";
    t.title = "Last word of a passage (LAMBADA-style), on documents the model did not train on";
    t.metric = "accuracy";
    for (const auto& d : held.documents) {
        for (std::size_t end = 0; end < d.sentences.size(); ++end) {
            // A passage ending with sentence `end`: the fewest sentences before it that give 40 words (at most 120).
            std::vector<std::string> words = split(d.sentences[end]);
            std::size_t first = end;
            while (words.size() < 40 && first > 0) {
                --first;
                std::vector<std::string> w = split(d.sentences[first]);
                w.insert(w.end(), words.begin(), words.end());
                words = std::move(w);
            }
            if (words.size() < 40 || words.size() > 120) continue;
            const std::string target = bare(words.back());
            std::set<std::string> earlier;
            for (std::size_t k = 0; k + 1 < words.size(); ++k) earlier.insert(bare(words[k]));
            if (alphabetic(target) && target.size() >= 3 && !ngram.stop.count(target) && earlier.count(target)) {
                ZeroShotItem it;
                // The passage up to the last word; the word keeps its case in the gold.
                std::string prompt;
                for (std::size_t k = 0; k + 1 < words.size(); ++k) prompt += (k ? " " : "") + words[k];
                const std::string& last = words.back();
                std::size_t a = 0;
                while (a < last.size() && !std::isalnum(static_cast<unsigned char>(last[a]))) ++a;
                if (a > 0) prompt += " " + last.substr(0, a);  // an opening quote stays in the prompt
                it.prompt = prompt;
                it.answers = {target};
                for (std::size_t k = 0; k + 1 < words.size(); ++k) it.context += (k ? " " : "") + bare(words[k]);
                const std::string p1 = words.size() >= 2 ? bare(words[words.size() - 2]) : "";
                const std::string p2 = words.size() >= 3 ? bare(words[words.size() - 3]) : "";
                it.previous = {p2, p1};
                t.items.push_back(std::move(it));
            }
        }
    }
    std::ostringstream c;
    c << "From the " << held.documents.size() << " documents a training run with held_out=" << heldOut << " and seed=" << seed
      << " holds out (the shipped models' cards name theirs): every sentence ends a passage made of it and the fewest sentences "
         "before it that give at least 40 words (at most 120; passages overlap, their last words differ); a passage is kept when its last word is alphabetic, at least 3 letters, not among the 150 most frequent "
         "words of the training documents, and appears earlier in the passage (LAMBADA's property that the broad context holds the "
         "answer; LAMBADA's human filter is not reproduced). The model reads the passage without its last word and continues it "
         "greedily; the first word it writes is compared with the gold, ignoring case. "
      << t.items.size() << " passages. Baselines: the most frequent content word of the training documents; a trigram model of "
         "the training documents (back-off to bigrams and unigrams) given the two previous words; copying the passage's most "
         "frequent earlier content word.";
    t.construction = c.str();
    return t;
}

ZeroShotTask qaTask()
{
    const Task squad = buildTask("squad1", 1234);
    ZeroShotTask t;
    t.name = "qa";
    t.title = "Closed-book questions about the corpus (\"Q: ... A:\", no passage)";
    t.metric = "EM / F1";
    std::vector<std::pair<std::uint64_t, ZeroShotItem>> order;
    for (const auto& e : squad.train) {
        if (e.answers.empty() || e.texts.empty()) continue;
        ZeroShotItem it;
        it.prompt = "Q: " + e.texts[0] + "\nA:";
        it.answers = e.answers;
        order.push_back({splitmix64(fnv1a(e.texts[0]) ^ 0x9d), std::move(it)});
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [h, it] : order) t.items.push_back(std::move(it));
    std::ostringstream c;
    c << "The reading-comprehension task squad1's questions on its training documents (tasks show squad1: a noun phrase of a "
         "Brown sentence replaced by a wh-word), asked closed-book as GPT-2 asked Natural Questions: \"Q: question\\nA:\", no "
         "passage, greedy decoding to the end of the line, scored with SQuAD's exact match and token F1. The facts are in the "
         "corpus the shipped models trained on (95% of its documents), so this asks what the model remembers. "
      << t.items.size() << " questions, in an order drawn by hash. Baseline: the most common answer of the questions.";
    t.construction = c.str();
    return t;
}

} // namespace

const std::vector<ZeroShotTaskInfo>& zeroShotTaskList()
{
    static const std::vector<ZeroShotTaskInfo> list = {
        {"lastword", "Last word of a passage (LAMBADA-style), on documents the model did not train on"},
        {"qa", "Closed-book questions about the corpus (\"Q: ... A:\", no passage)"},
    };
    return list;
}

ZeroShotTask buildZeroShotTask(const std::string& name, double heldOut, std::uint64_t seed)
{
    if (name == "lastword") return lastWordTask(heldOut, seed);
    if (name == "qa") return qaTask();
    throw Error("unknown zero-shot task '" + name + "'", "tasks: lastword, qa");
}

std::string firstWord(const std::string& text)
{
    std::size_t a = 0;
    while (a < text.size() && !std::isalnum(static_cast<unsigned char>(text[a]))) {
        if (text[a] == '\n') return {};
        ++a;
    }
    std::size_t b = a;
    while (b < text.size() && std::isalnum(static_cast<unsigned char>(text[b]))) ++b;
    return text.substr(a, b - a);
}

ZeroShotResult runZeroShot(const std::string& checkpointDir, const std::string& taskName, const ZeroShotOptions& o,
                           const std::function<bool(int, int)>& progress)
{
    LoadedModel m = loadCheckpoint(checkpointDir);
    if (!m.config.causal)
        throw Error(checkpointDir + " holds a " + toString(m.config.family) + " model; zero-shot tasks need a causal language model",
                    "use a GPT checkpoint (resources/models/gpt-mini-brown)");
    m.model->eval();
    const ZeroShotTask task = buildZeroShotTask(taskName, o.heldOut, o.seed);
    const int n = o.items > 0 ? std::min<int>(o.items, static_cast<int>(task.items.size())) : static_cast<int>(task.items.size());
    if (n == 0) throw Error("the task " + taskName + " has no items for these settings", "use a larger held-out fraction");
    ZeroShotResult r;
    r.task = task.name;
    r.checkpoint = checkpointDir;
    r.construction = task.construction;
    r.items = n;
    const Tokenizer& tok = *m.tokenizer;
    const int context = m.config.max_position_embeddings;
    const bool lastword = task.name == "lastword";
    std::unique_ptr<NGram> ngram;
    if (lastword) ngram = std::make_unique<NGram>(splitHeldOut(bundledCorpus(), o.heldOut, o.seed).first);
    double hit = 0, f1 = 0, uni = 0, tri = 0, copy = 0;
    // qa's baseline: the most common answer.
    std::string common;
    if (!lastword) {
        std::map<std::string, int> counts;
        for (const auto& it : task.items) ++counts[squad::normalizeAnswer(it.answers[0])];
        int best = -1;
        for (const auto& [a, c] : counts)
            if (c > best) { common = a; best = c; }
    }
    double commonEm = 0, commonF1 = 0;
    for (int i = 0; i < n; ++i) {
        const ZeroShotItem& it = task.items[static_cast<std::size_t>(i)];
        std::vector<int> ids = tok.encode(it.prompt);
        const int room = lastword ? 6 : 16;
        if (static_cast<int>(ids.size()) > context - room) ids.erase(ids.begin(), ids.end() - (context - room));
        GenerateOptions g;
        g.max_new_tokens = room;
        g.stop = lastword ? std::vector<std::string>{"\n"} : std::vector<std::string>{"\n", "Q:"};
        g.candidates = 1;
        const GenerateResult out = gen::generate(m.model, tok, ids, g);
        ZeroShotExample ex;
        ex.prompt = it.prompt;
        ex.gold = it.answers[0];
        if (lastword) {
            ex.output = firstWord(out.text);
            std::string low = ex.output;
            std::transform(low.begin(), low.end(), low.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            ex.correct = low == it.answers[0];
            hit += ex.correct;
            uni += ngram->top == it.answers[0];
            tri += ngram->predict(it.previous[0], it.previous[1]) == it.answers[0];
            // Copy: the most frequent earlier content word of the passage (the latest on ties).
            std::map<std::string, int> counts;
            std::map<std::string, int> lastAt;
            int pos = 0;
            for (const auto& w : split(it.context)) {
                ++pos;
                if (!alphabetic(w) || w.size() < 3 || ngram->stop.count(w)) continue;
                ++counts[w];
                lastAt[w] = pos;
            }
            std::string pick;
            int bc = -1, bl = -1;
            for (const auto& [w, c] : counts)
                if (c > bc || (c == bc && lastAt[w] > bl)) { pick = w; bc = c; bl = lastAt[w]; }
            copy += pick == it.answers[0];
        } else {
            std::string answer = out.text;
            while (!answer.empty() && std::isspace(static_cast<unsigned char>(answer.front()))) answer.erase(answer.begin());
            ex.output = answer;
            const double em = squad::exactMatch(answer, it.answers);
            ex.correct = em > 0;
            hit += em;
            f1 += squad::tokenF1(answer, it.answers);
            commonEm += squad::exactMatch(common, it.answers);
            commonF1 += squad::tokenF1(common, it.answers);
        }
        if (r.examples.size() < 8) r.examples.push_back(std::move(ex));
        if (progress && !progress(i + 1, n)) throw Error("zero-shot evaluation stopped");
    }
    if (lastword) {
        r.rows = {{"model (greedy continuation)", "model", "", hit / n, -1},
                  {"most frequent content word (\"" + ngram->top + "\")", "unigram", ngram->top, uni / n, -1},
                  {"trigram model of the training documents", "trigram", "", tri / n, -1},
                  {"copy the passage's most frequent content word", "copy", "", copy / n, -1}};
    } else {
        r.rows = {{"model (greedy answer)", "model", "", hit / n, f1 / n},
                  {"most common answer (\"" + common + "\")", "common", common, commonEm / n, commonF1 / n}};
    }
    return r;
}

} // namespace ptl

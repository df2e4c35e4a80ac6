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
#include <array>
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

// A line that does not end a sentence: a dateline ("Austin, Texas") or a subhead ("Merger proposed").
bool headline(const std::string& line)
{
    std::size_t e = line.find_last_not_of(" \t");
    if (e == std::string::npos) return true;
    const char c = line[e];
    return !(c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ':' || c == ';');
}

ZeroShotTask tldrTask(std::uint64_t seed)
{
    constexpr std::size_t kMaxArticle = 10, kMinArticle = 5, kMinLede = 8;
    const Corpus corpus = bundledCorpus();
    ZeroShotTask t;
    t.name = "tldr";
    t.title = "\"TL;DR:\" summaries of Brown's news stories (the lede as reference), ROUGE against lead-3 and random-3";
    t.metric = "ROUGE";
    int stories = 0;
    for (const auto& d : corpus.documents) {
        const auto& s = d.sentences;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i].rfind("-- ", 0) != 0) continue;
            ++stories;
            std::string lede = s[i].substr(3);
            lede.erase(0, std::min(lede.find_first_not_of(' '), lede.size()));
            ZeroShotItem it;
            for (std::size_t k = i + 1; k < s.size() && s[k].rfind("-- ", 0) != 0 && it.sentences.size() < kMaxArticle; ++k)
                if (!headline(s[k])) it.sentences.push_back(s[k]);
            if (split(lede).size() < kMinLede || it.sentences.size() < kMinArticle) continue;
            // Random-3: three distinct sentences of the article drawn by hash, in article order.
            std::uint64_t h = splitmix64(seed ^ fnv1a(lede));
            std::vector<int> pool(it.sentences.size());
            for (std::size_t k = 0; k < pool.size(); ++k) pool[k] = static_cast<int>(k);
            for (int k = 0; k < 3; ++k) {
                h = splitmix64(h);
                std::swap(pool[static_cast<std::size_t>(k)], pool[static_cast<std::size_t>(k) + h % (pool.size() - static_cast<std::size_t>(k))]);
            }
            it.random3.assign(pool.begin(), pool.begin() + 3);
            std::sort(it.random3.begin(), it.random3.end());
            for (std::size_t k = 0; k < it.sentences.size(); ++k) it.prompt += (k ? " " : "") + it.sentences[k];
            it.prompt += " TL;DR:";
            it.answers = {lede};
            t.items.push_back(std::move(it));
        }
    }
    std::ostringstream c;
    c << "Brown's press documents hold short news stories that open with a dateline line (\"Austin, Texas\") and a lede "
         "sentence that begins with \"-- \"; the lede states the story in one sentence. As in XSum (Narayan et al. 2018), the "
         "lede is the reference summary and the sentences after it are the article: up to the next lede or the end of the "
         "document, datelines and subheads (lines without sentence-final punctuation) left out, at most "
      << kMaxArticle << " sentences; kept when the lede has at least " << kMinLede << " words and the article at least " << kMinArticle
      << " sentences. " << t.items.size() << " of the corpus's " << stories
      << " stories (most are in the text the shipped models trained on; none saw a lede right after its article). The model "
         "reads as many leading sentences of the article as fit in its trained context with 48 tokens to spare, then \" TL;DR:\" "
         "(GPT-2 put it on a new line; the shipped models never saw a newline), samples 48 tokens with top-k 2 as GPT-2 did "
         "(seeded per item), and its first 3 sentences are the summary (a full stop written without the space after it still ends one). The same without \"TL;DR:\" shows what the hint adds. "
         "Baselines from the whole article: its first 3 sentences (lead-3), 3 sentences drawn by hash with seed "
      << seed << " (random-3), its first sentence (lead-1). Scores: mean ROUGE-1, -2 and -L F1 against the lede, "
         "lower case, no stemming.";
    t.construction = c.str();
    return t;
}

// The first `n` sentences of a text (fewer when it has fewer), joined by spaces.
std::string leadSentences(const std::vector<std::string>& sentences, std::size_t n)
{
    std::string out;
    for (std::size_t k = 0; k < sentences.size() && k < n; ++k) out += (k ? " " : "") + sentences[k];
    return out;
}

ZeroShotResult runTldr(LoadedModel& m, const ZeroShotTask& task, int n, const ZeroShotOptions& o, const std::function<bool(int, int)>& progress)
{
    constexpr int kRoom = 48;  // generated tokens
    const Tokenizer& tok = *m.tokenizer;
    const int context = gen::trainedContext(m.dir, m.config.max_position_embeddings);
    const std::vector<int> hint = tok.encode(" TL;DR:");
    const int budget = context - kRoom - static_cast<int>(hint.size());
    if (budget < 8) throw Error("the model reads only " + std::to_string(context) + " tokens: no room for an article and its summary",
                                "use a model trained on sequences of at least 64 tokens");
    ZeroShotResult r;
    std::array<double, 3> model{}, nohint{}, lead3{}, random3{}, lead1{};
    auto add = [](std::array<double, 3>& acc, const RougeScores& sc) {
        acc[0] += sc.r1.f1;
        acc[1] += sc.r2.f1;
        acc[2] += sc.rl.f1;
    };
    for (int i = 0; i < n; ++i) {
        const ZeroShotItem& it = task.items[static_cast<std::size_t>(i)];
        // As many leading sentences as fit (a first sentence longer than that is cut).
        std::vector<int> ids;
        std::string read;
        for (std::size_t k = 0; k < it.sentences.size(); ++k) {
            const std::vector<int> piece = tok.encode(k ? " " + it.sentences[k] : it.sentences[k]);
            if (static_cast<int>(ids.size() + piece.size()) > budget) {
                if (k == 0) {
                    ids.assign(piece.begin(), piece.begin() + budget);
                    read = tok.decode(ids);
                }
                break;
            }
            ids.insert(ids.end(), piece.begin(), piece.end());
            read += (k ? " " : "") + it.sentences[k];
        }
        GenerateOptions g;
        g.strategy = "sample";
        g.top_k = 2;
        g.max_new_tokens = kRoom;
        g.candidates = 1;
        g.seed = splitmix64(o.seed ^ static_cast<std::uint64_t>(i));
        auto summarise = [&](std::vector<int> prompt) {
            std::string text = gen::generate(m.model, tok, std::move(prompt), g).text;
            // Newlines become spaces, and a sentence end the model wrote without its space
            // ("state.These": the shipped GPT's habit, README) gets one, so sentences split.
            std::string flat;
            for (std::size_t k = 0; k < text.size(); ++k) {
                flat += text[k] == '\n' ? ' ' : text[k];
                const bool end = text[k] == '.' || text[k] == '!' || text[k] == '?';
                if (end && k + 2 < text.size() && std::isupper(static_cast<unsigned char>(text[k + 1])) &&
                    std::islower(static_cast<unsigned char>(text[k + 2])))
                    flat += ' ';
            }
            std::size_t a = flat.find_first_not_of(' ');
            return leadSentences(splitSentences(a == std::string::npos ? std::string() : flat.substr(a)), 3);
        };
        std::vector<int> withHint = ids;
        withHint.insert(withHint.end(), hint.begin(), hint.end());
        const std::string summary = summarise(withHint);
        const std::string plain = summarise(ids);
        const std::string& ref = it.answers[0];
        const RougeScores sm = rouge(summary, ref);
        add(model, sm);
        add(nohint, rouge(plain, ref));
        const RougeScores l3 = rouge(leadSentences(it.sentences, 3), ref);
        add(lead3, l3);
        std::string rnd;
        for (int k : it.random3) rnd += (rnd.empty() ? "" : " ") + it.sentences[static_cast<std::size_t>(k)];
        add(random3, rouge(rnd, ref));
        add(lead1, rouge(it.sentences[0], ref));
        if (r.examples.size() < 8) {
            ZeroShotExample ex;
            ex.prompt = read + " TL;DR:";
            ex.output = summary;
            ex.gold = ref;
            ex.score = sm.rl.f1;
            ex.correct = sm.rl.f1 >= l3.rl.f1;
            r.examples.push_back(std::move(ex));
        }
        if (progress && !progress(i + 1, n)) throw Error("zero-shot evaluation stopped");
    }
    auto row = [n](const std::string& name, const std::string& kind, const std::array<double, 3>& acc) {
        ZeroShotRow w{name, kind, "", acc[2] / n, -1};
        w.rouge1 = acc[0] / n;
        w.rouge2 = acc[1] / n;
        w.rougeL = acc[2] / n;
        return w;
    };
    r.rows = {row("model (\"TL;DR:\", top-k 2 sampling, first 3 sentences)", "model", model),
              row("model without \"TL;DR:\" (the article continued)", "nohint", nohint),
              row("lead-3: the article's first 3 sentences", "lead3", lead3),
              row("random-3: 3 sentences of the article at random", "random3", random3),
              row("lead-1: the article's first sentence", "lead1", lead1)};
    return r;
}

} // namespace

const std::vector<ZeroShotTaskInfo>& zeroShotTaskList()
{
    static const std::vector<ZeroShotTaskInfo> list = {
        {"lastword", "Last word of a passage (LAMBADA-style), on documents the model did not train on"},
        {"qa", "Closed-book questions about the corpus (\"Q: ... A:\", no passage)"},
        {"tldr", "\"TL;DR:\" summaries of Brown's news stories (the lede as reference), ROUGE against lead-3 and random-3"},
    };
    return list;
}

ZeroShotTask buildZeroShotTask(const std::string& name, double heldOut, std::uint64_t seed)
{
    if (name == "lastword") return lastWordTask(heldOut, seed);
    if (name == "qa") return qaTask();
    if (name == "tldr") return tldrTask(seed);
    throw Error("unknown zero-shot task '" + name + "'", "tasks: lastword, qa, tldr");
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
    ZeroShotResult r = task.name == "tldr" ? runTldr(m, task, n, o, progress) : ZeroShotResult{};
    r.task = task.name;
    r.checkpoint = checkpointDir;
    r.construction = task.construction;
    r.items = n;
    if (task.name == "tldr") return r;
    const Tokenizer& tok = *m.tokenizer;
    const int context = gen::trainedContext(m.dir, m.config.max_position_embeddings);  // positions past it never learned
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

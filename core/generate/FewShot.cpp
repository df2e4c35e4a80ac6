// GPT-3's in-context learning on tasks built from installed data, scored as the paper does.
#include "core/api/FewShot.h"
#include "core/api/Tasks.h"
#include "core/generate/Decoder.h"
#include "core/knowledge/WordNet.h"
#include "core/model/Checkpoint.h"
#include "core/text/Corpus.h"
#include "core/util/Error.h"
#include "core/util/Hash.h"
#include "core/util/Files.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <sstream>
#include <zlib.h>

namespace ptl {

namespace {

std::filesystem::path envPath(const char* var, const char* fallback)
{
    const char* v = std::getenv(var);
    return v && *v ? std::filesystem::path(v) : std::filesystem::path(fallback);
}

std::string readGz(const std::filesystem::path& p, const std::string& package)
{
    gzFile f = gzopen(p.string().c_str(), "rb");
    if (!f) throw Error("cannot read " + p.string(), "install Debian's " + package + " (scripts/install-deps.sh does)");
    std::string out;
    char buf[65536];
    int n = 0;
    while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    const bool bad = n < 0;
    gzclose(f);
    if (bad) throw Error(p.string() + " is not a readable gzip file", "reinstall Debian's " + package);
    return out;
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string l;
    while (std::getline(in, l)) out.push_back(l);
    return out;
}

bool allLower(const std::string& w)
{
    return !w.empty() && std::all_of(w.begin(), w.end(), [](unsigned char c) { return c >= 'a' && c <= 'z'; });
}

// Lower-case alphabetic words of the bundled Brown corpus with their counts.
const std::map<std::string, int>& brownCounts()
{
    static const std::map<std::string, int> counts = [] {
        std::map<std::string, int> c;
        const Corpus corpus = bundledCorpus();
        for (const auto& d : corpus.documents)
            for (const auto& s : d.sentences) {
                std::istringstream in(s);
                std::string w;
                while (in >> w)
                    if (allLower(w)) ++c[w];
            }
        return c;
    }();
    return counts;
}

// Words by Brown frequency (most frequent first), ties by the word.
std::vector<std::string> byFrequency(const std::vector<std::string>& words)
{
    const auto& c = brownCounts();
    std::vector<std::string> out = words;
    std::stable_sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
        const int ca = c.count(a) ? c.at(a) : 0, cb = c.count(b) ? c.at(b) : 0;
        return ca != cb ? ca > cb : a < b;
    });
    return out;
}

// Every item goes to the demonstration pool or the test items by a hash of its key; test
// items are then ordered by a hash, so "the first N" is a seeded sample.
void splitItems(FewShotTask& t, std::vector<std::pair<std::string, FewShotItem>> all, std::uint64_t seed)
{
    for (auto& [key, item] : all) {
        if (splitmix64(seed ^ fnv1a(key)) % 2 == 0) t.demos.push_back(std::move(item));
        else t.test.push_back(std::move(item));
    }
    std::stable_sort(t.test.begin(), t.test.end(), [&](const FewShotItem& a, const FewShotItem& b) {
        return splitmix64(seed * 31 + fnv1a(a.context)) < splitmix64(seed * 31 + fnv1a(b.context));
    });
}

// Multiple choice from free items: the gold answer and three others from the same task.
void makeChoices(std::vector<std::pair<std::string, FewShotItem>>& all, std::uint64_t seed)
{
    std::vector<std::string> answers;
    for (const auto& [k, it] : all) answers.push_back(it.answer);
    std::sort(answers.begin(), answers.end());
    answers.erase(std::unique(answers.begin(), answers.end()), answers.end());
    for (auto& [key, it] : all) {
        std::vector<std::string> c{it.answer};
        std::uint64_t h = splitmix64(seed ^ fnv1a(key) ^ 0x5a5a);
        for (int tries = 0; c.size() < 4 && tries < 100; ++tries) {
            h = splitmix64(h);
            const std::string& a = answers[h % answers.size()];
            if (std::find(c.begin(), c.end(), a) == c.end()) c.push_back(a);
        }
        const std::size_t at = splitmix64(h) % c.size();
        std::swap(c[0], c[at]);
        it.choices = c;
        it.label = static_cast<int>(at);
    }
}

std::string scramble(const std::string& w, int keepFront, int keepBack, std::uint64_t h)
{
    std::string s = w;
    const int n = static_cast<int>(s.size()) - keepFront - keepBack;
    for (int tries = 0; tries < 10 && s == w; ++tries) {
        for (int i = n - 1; i > 0; --i) {
            h = splitmix64(h);
            std::swap(s[static_cast<std::size_t>(keepFront + i)], s[static_cast<std::size_t>(keepFront + static_cast<int>(h % static_cast<std::uint64_t>(i + 1)))]);
        }
    }
    return s;
}

const char* kScrambleDescription = "Please unscramble the letters into a word, and write that word:";

FewShotTask scrambleTask(const std::string& name, std::uint64_t seed)
{
    const auto file = envPath("PTL_WORDS_FILE", "/usr/share/dict/american-english");
    std::ifstream in(file);
    if (!in) throw Error("cannot read the word list " + file.string(), "install Debian's wamerican (scripts/install-deps.sh does)");
    std::vector<std::string> words;
    std::string w;
    const auto& counts = brownCounts();
    while (std::getline(in, w)) {
        if (w.size() < 4 || w.size() > 10 || !allLower(w)) continue;
        auto it = counts.find(w);
        if (it != counts.end() && it->second >= 5) words.push_back(w);
    }
    words = byFrequency(words);
    if (words.size() > 2000) words.resize(2000);
    FewShotTask t;
    t.name = name;
    t.kind = "free";
    t.description = kScrambleDescription;
    t.answerContext = " =";
    std::vector<std::pair<std::string, FewShotItem>> all;
    for (const std::string& word : words) {
        const std::uint64_t h = splitmix64(seed ^ fnv1a(word));
        std::string s;
        if (name == "cycled") {
            const std::size_t r = 1 + h % (word.size() - 1);
            s = word.substr(r) + word.substr(0, r);
        } else if (name == "anagram1") {
            if (word.size() < 5) continue;
            s = scramble(word, 1, 1, h);
        } else if (name == "anagram2") {
            if (word.size() < 7) continue;
            s = scramble(word, 2, 2, h);
        } else {
            s.assign(word.rbegin(), word.rend());
        }
        if (s == word) continue;
        FewShotItem item;
        item.context = s + " =";
        item.answer = " " + word;
        all.push_back({word, item});
    }
    const std::map<std::string, std::string> how = {
        {"cycled", "cycled letters: the word rotated by a random 1 to n-1 letters (\"lyinevitab = inevitably\")"},
        {"anagram1", "anagrams keeping the first and last letters (A1: \"criroptuon = corruption\")"},
        {"anagram2", "anagrams keeping the first two and last two letters (A2: \"opoepnnt = opponent\")"},
        {"reversed", "the word spelled backwards (\"stcejbo = objects\")"}};
    t.title = "Word scrambles: " + how.at(name);
    std::ostringstream c;
    c << "GPT-3's word scrambling tasks (Brown et al. 2020, §3.9.2). Words: the " << words.size()
      << " most frequent lower-case words of 4 to 10 letters of the bundled Brown corpus (at least 5 occurrences) that Debian's "
         "wamerican word list also has. Each item is " << how.at(name)
      << "; the model sees \"scrambled =\" and must write the word (greedy decoding, exact match). Items are split between the "
         "demonstration pool and the test items by a hash of (seed, word).";
    t.construction = c.str();
    splitItems(t, std::move(all), seed);
    return t;
}

FewShotTask capitalsTask(const std::string& name, std::uint64_t seed)
{
    const auto file = envPath("PTL_MISC_DIR", "/usr/share/misc") / "countries.gz";
    FewShotTask t;
    t.name = name;
    t.kind = name == "capitals" ? "free" : "choice";
    t.title = name == "capitals" ? "Country to capital, free-form (\"The capital of France is Paris\")"
                                 : "Country to capital, four choices";
    t.description = "Name the capital city of each country.";
    t.answerContext = "The capital is";
    std::vector<std::pair<std::string, FewShotItem>> all;
    for (const std::string& l : lines(readGz(file, "miscfiles"))) {
        if (l.empty() || l[0] == '#') continue;
        std::vector<std::string> f;
        std::stringstream ss(l);
        std::string part;
        while (std::getline(ss, part, ':')) f.push_back(part);
        if (f.size() < 5) continue;
        const std::string& country = f[3];
        const std::string& capital = f[4];
        auto plain = [](const std::string& s) {
            return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x80 && c != '(' && c != ','; });
        };
        if (!plain(country) || !plain(capital)) continue;
        FewShotItem item;
        item.context = "The capital of " + country + " is";
        item.answer = " " + capital;
        all.push_back({country, item});
    }
    if (all.size() < 20) throw Error(file.string() + " gives only " + std::to_string(all.size()) + " countries", "reinstall Debian's miscfiles");
    if (t.kind == "choice") makeChoices(all, seed);
    std::ostringstream c;
    c << "From Debian's miscfiles (" << file.string() << ": UN code, ISO codes, name, capital): the " << all.size()
      << " countries whose name and capital are plain ASCII without a parenthesis or a comma. The model reads \"The capital of "
         "COUNTRY is\" and "
      << (t.kind == "free" ? "writes the capital (greedy decoding, exact match)."
                           : "one of four capitals is scored: the right one and three others of the list, in an order drawn by hash.")
      << " Countries are split between the demonstration pool and the test items by a hash of (seed, country).";
    t.construction = c.str();
    splitItems(t, std::move(all), seed);
    return t;
}

FewShotTask additionTask(const std::string& name, std::uint64_t seed)
{
    const int digits = name == "addition2" ? 2 : 3;
    const int lo = digits == 2 ? 10 : 100, span = digits == 2 ? 90 : 900;
    FewShotTask t;
    t.name = name;
    t.kind = "free";
    t.title = std::to_string(digits) + "-digit addition (\"Q: What is 48 plus 76? A: 124\")";
    t.description = "Add the two numbers.";
    t.answerContext = "A:";
    std::vector<std::pair<std::string, FewShotItem>> all;
    std::set<std::pair<int, int>> seen;
    std::uint64_t h = splitmix64(seed ^ static_cast<std::uint64_t>(digits));
    while (all.size() < 2000) {
        h = splitmix64(h);
        const int a = lo + static_cast<int>(h % static_cast<std::uint64_t>(span));
        h = splitmix64(h);
        const int b = lo + static_cast<int>(h % static_cast<std::uint64_t>(span));
        if (!seen.insert({a, b}).second) continue;
        FewShotItem item;
        item.context = "Q: What is " + std::to_string(a) + " plus " + std::to_string(b) + "? A:";
        item.answer = " " + std::to_string(a + b);
        all.push_back({std::to_string(a) + "+" + std::to_string(b), item});
    }
    t.construction = "GPT-3's arithmetic (Brown et al. 2020, §3.9.1), in its format \"Q: What is A plus B? A:\": 2,000 distinct pairs of "
                     "uniformly drawn " + std::to_string(digits) + "-digit numbers (seeded), split between the demonstration pool and the "
                     "test items by a hash of (seed, pair); greedy decoding, exact match.";
    splitItems(t, std::move(all), seed);
    return t;
}

FewShotTask genreTask(std::uint64_t seed)
{
    const Task g = buildTask("genre", 1234);
    // Short names a language model can write after "Genre:", in the order of the labels.
    static const std::map<std::string, std::string> shortName = {
        {"press: reportage", "news"}, {"press: editorial", "editorial"}, {"press: reviews", "review"}, {"religion", "religion"},
        {"skill and hobbies", "hobbies"}, {"popular lore", "lore"}, {"belles-lettres", "essay"},
        {"miscellaneous: government & house organs", "government"}, {"learned", "science"}, {"fiction: general", "fiction"},
        {"fiction: mystery", "mystery"}, {"fiction: science", "science fiction"}, {"fiction: adventure", "adventure"},
        {"fiction: romance", "romance"}, {"humor", "humor"}};
    std::vector<std::string> choices;
    for (const auto& l : g.labels) choices.push_back(" " + (shortName.count(l) ? shortName.at(l) : l));
    FewShotTask t;
    t.name = "genre";
    t.kind = "choice";
    t.title = "Brown genre by prompt: 15 choices (\"Passage: ... Genre: news\")";
    t.description = "Say which kind of writing each passage comes from.";
    t.answerContext = "Genre:";
    auto item = [&](const TaskExample& e) {
        std::istringstream in(e.texts[0]);
        std::string w, text;
        for (int n = 0; n < 24 && in >> w; ++n) text += (text.empty() ? "" : " ") + w;
        FewShotItem it;
        it.context = "Passage: " + text + " Genre:";
        it.answer = choices[static_cast<std::size_t>(e.label)];
        it.choices = choices;
        it.label = e.label;
        return it;
    };
    for (const auto& e : g.train) t.demos.push_back(item(e));
    for (const auto& e : g.test) t.test.push_back(item(e));
    std::stable_sort(t.test.begin(), t.test.end(), [&](const FewShotItem& a, const FewShotItem& b) {
        return splitmix64(seed * 31 + fnv1a(a.context)) < splitmix64(seed * 31 + fnv1a(b.context));
    });
    t.construction = "The genre task's passages (tasks show genre), cut to their first 24 words: demonstrations from its train "
                     "documents, test items from its test documents (so no test text is a demonstration), the test items in an order "
                     "drawn by (seed, passage). The 15 genres are scored by likelihood under short names: news, editorial, review, "
                     "religion, hobbies, lore, essay, government, science (Brown's 'learned'), fiction, mystery, science fiction, "
                     "adventure, romance, humor.";
    return t;
}

FewShotTask hypernymTask(std::uint64_t seed)
{
    const WordNet& wn = WordNet::installed();
    std::vector<std::string> nouns;
    for (const auto& [w, n] : brownCounts())
        if (n >= 5 && w.size() >= 3 && !wn.senses(w, WnPos::Noun).empty()) nouns.push_back(w);
    nouns = byFrequency(nouns);
    FewShotTask t;
    t.name = "hypernym";
    t.kind = "choice";
    t.title = "WordNet hypernyms, four choices (\"A dog is a kind of canine\")";
    t.description = "Say what each thing is a kind of.";
    t.answerContext = "It is a kind of";
    std::vector<std::pair<std::string, FewShotItem>> all;
    for (const std::string& w : nouns) {
        if (all.size() >= 1500) break;
        const int s = wn.senses(w, WnPos::Noun)[0];
        const auto hyper = wn.related(s, "@");
        if (hyper.empty()) continue;
        const std::string& h = wn.synset(hyper[0]).words[0];
        if (!allLower(h) || h == w) continue;
        FewShotItem item;
        const bool vowel = std::string("aeiou").find(w[0]) != std::string::npos;
        item.context = std::string(vowel ? "An " : "A ") + w + " is a kind of";
        item.answer = " " + h;
        all.push_back({w, item});
    }
    makeChoices(all, seed);
    std::ostringstream c;
    c << "WordNet 3.0 (Debian's wordnet-base): the " << all.size()
      << " most frequent lower-case nouns of the bundled Brown corpus (at least 5 occurrences) whose first noun sense has a "
         "hypernym named by a single lower-case word. The model reads \"A WORD is a kind of\" and four hypernyms are scored: the "
         "right one and three of other items, in an order drawn by hash. Split between demonstrations and test items by a hash "
         "of (seed, word).";
    t.construction = c.str();
    splitItems(t, std::move(all), seed);
    return t;
}

} // namespace

const std::vector<FewShotTaskInfo>& fewShotTaskList()
{
    static const std::vector<FewShotTaskInfo> list = {
        {"reversed", "Word scrambles: the word spelled backwards", "free"},
        {"cycled", "Word scrambles: cycled letters", "free"},
        {"anagram1", "Word scrambles: anagrams keeping the first and last letters", "free"},
        {"anagram2", "Word scrambles: anagrams keeping the first two and last two letters", "free"},
        {"capitals", "Country to capital, free-form", "free"},
        {"capitals-choice", "Country to capital, four choices", "choice"},
        {"addition2", "2-digit addition", "free"},
        {"addition3", "3-digit addition", "free"},
        {"genre", "Brown genre by prompt, 15 choices", "choice"},
        {"hypernym", "WordNet hypernyms, four choices", "choice"},
    };
    return list;
}

FewShotTask buildFewShotTask(const std::string& name, std::uint64_t seed)
{
    if (name == "reversed" || name == "cycled" || name == "anagram1" || name == "anagram2") return scrambleTask(name, seed);
    if (name == "capitals" || name == "capitals-choice") return capitalsTask(name, seed);
    if (name == "addition2" || name == "addition3") return additionTask(name, seed);
    if (name == "genre") return genreTask(seed);
    if (name == "hypernym") return hypernymTask(seed);
    std::string names;
    for (const auto& t : fewShotTaskList()) names += (names.empty() ? "" : ", ") + t.name;
    throw Error("unknown few-shot task '" + name + "'", "tasks: " + names);
}

std::vector<int> drawDemonstrations(const FewShotTask& task, int k, std::uint64_t seed, const FewShotItem& item)
{
    std::vector<int> order(task.demos.size());
    std::iota(order.begin(), order.end(), 0);
    std::uint64_t h = splitmix64(seed ^ fnv1a(item.context));
    std::vector<int> out;
    // A partial Fisher-Yates shuffle: the first k of one permutation per item, so K's
    // demonstrations extend K-1's.
    for (std::size_t i = 0; i < order.size() && static_cast<int>(out.size()) < k; ++i) {
        h = splitmix64(h);
        std::swap(order[i], order[i + h % (order.size() - i)]);
        const FewShotItem& d = task.demos[static_cast<std::size_t>(order[i])];
        if (d.context == item.context) continue;
        out.push_back(order[i]);
    }
    return out;
}

std::string fewShotPrompt(const FewShotTask& task, const std::vector<int>& demos, const FewShotItem& item, bool description)
{
    std::string p;
    if (description && !task.description.empty()) p += task.description + "\n";
    for (int d : demos) {
        const FewShotItem& x = task.demos[static_cast<std::size_t>(d)];
        p += x.context + x.answer + "\n";
    }
    return p + item.context;
}

namespace {

struct Model {
    LoadedModel m;
    int V = 0;
};

// Log-likelihood of each continuation after the prompt ids: one forward, the choices as
// rows padded on the right (a causal model never looks right, so padding changes nothing).
void choiceLogLikelihoods(Model& model, const std::vector<int>& prompt, const std::vector<std::vector<int>>& choices,
                          std::vector<double>& total, std::vector<double>& perToken)
{
    torch::NoGradGuard ng;
    std::size_t longest = 0;
    for (const auto& c : choices) longest = std::max(longest, c.size());
    const auto B = static_cast<int64_t>(choices.size());
    const auto T = static_cast<int64_t>(prompt.size() + longest);
    std::vector<int64_t> flat(static_cast<std::size_t>(B * T), 0);
    for (int64_t b = 0; b < B; ++b) {
        std::size_t j = static_cast<std::size_t>(b * T);
        for (int id : prompt) flat[j++] = id;
        for (int id : choices[static_cast<std::size_t>(b)]) flat[j++] = id;
    }
    auto ids = torch::tensor(flat, torch::kLong).view({B, T});
    ModelOutput out = model.m.model->forward(ids);
    auto logp = torch::log_softmax(out.token_logits.to(torch::kFloat32), -1);  // (B, T, V)
    total.assign(choices.size(), 0.0);
    perToken.assign(choices.size(), 0.0);
    for (int64_t b = 0; b < B; ++b) {
        const auto& c = choices[static_cast<std::size_t>(b)];
        double s = 0;
        for (std::size_t j = 0; j < c.size(); ++j)
            s += logp[b][static_cast<int64_t>(prompt.size() + j) - 1][c[j]].item<double>();
        total[static_cast<std::size_t>(b)] = s;
        perToken[static_cast<std::size_t>(b)] = c.empty() ? 0 : s / static_cast<double>(c.size());
    }
}

int argmax(const std::vector<double>& v) { return static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin()); }

std::string normaliseAnswer(std::string s)
{
    const auto nl = s.find('\n');
    if (nl != std::string::npos) s = s.substr(0, nl);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
    std::size_t a = 0;
    while (a < s.size() && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    s = s.substr(a);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

Model openModel(const std::string& dir)
{
    Model m{loadCheckpoint(dir), 0};
    if (!m.m.config.causal)
        throw Error(dir + " holds a " + toString(m.m.config.family) + " model; in-context learning needs a causal language model",
                    "use a GPT checkpoint (resources/models/gpt-mini-brown)");
    m.m.model->eval();
    m.V = std::min<int>(m.m.tokenizer->vocabSize(), static_cast<int>(m.m.config.vocab_size));
    return m;
}

} // namespace

FewShotResult runFewShot(const std::string& checkpointDir, const std::string& taskName, const FewShotOptions& o,
                         const std::function<bool(int, int)>& progress)
{
    for (int k : o.ks)
        if (k < 0 || k > 64) throw Error("K must be between 0 and 64 (got " + std::to_string(k) + ")");
    Model model = openModel(checkpointDir);
    const Tokenizer& tok = *model.m.tokenizer;
    const FewShotTask task = buildFewShotTask(taskName, 1234);
    FewShotResult r;
    r.task = task.name;
    r.kind = task.kind;
    r.checkpoint = checkpointDir;
    r.context = o.context > 0 ? std::min(o.context, model.m.config.max_position_embeddings)
                              : gen::trainedContext(checkpointDir, model.m.config.max_position_embeddings);
    const int n = o.items > 0 ? std::min<int>(o.items, static_cast<int>(task.test.size())) : static_cast<int>(task.test.size());
    const bool choice = task.kind == "choice";
    // Baselines: chance for choices; for free answers, the pool's most common answer.
    std::vector<std::vector<double>> answerOnly(static_cast<std::size_t>(n));  // per item: each choice after the answer-only context
    if (choice) {
        double inv = 0, hits = 0;
        for (int i = 0; i < n; ++i) {
            const FewShotItem& it = task.test[static_cast<std::size_t>(i)];
            inv += 1.0 / static_cast<double>(it.choices.size());
        }
        r.chance = inv / n;
        r.chanceName = "chance (1 / choices)";
        for (int i = 0; i < n; ++i) {
            const FewShotItem& it = task.test[static_cast<std::size_t>(i)];
            std::vector<std::vector<int>> c;
            for (const auto& s : it.choices) c.push_back(tok.encode(s));
            std::vector<double> tot, per;
            choiceLogLikelihoods(model, tok.encode(task.answerContext), c, tot, per);
            hits += argmax(tot) == it.label;
            answerOnly[static_cast<std::size_t>(i)] = std::move(tot);
        }
        r.answerOnly = hits / n;
    } else {
        std::map<std::string, int> counts;
        for (const auto& d : task.demos) ++counts[normaliseAnswer(d.answer)];
        std::string best;
        int bestCount = -1;
        for (const auto& [a, c] : counts)
            if (c > bestCount) { best = a; bestCount = c; }
        double hits = 0;
        for (int i = 0; i < n; ++i) hits += normaliseAnswer(task.test[static_cast<std::size_t>(i)].answer) == best;
        r.chance = hits / n;
        r.chanceName = "the most common answer of the demonstrations (\"" + best + "\")";
    }
    const int total = static_cast<int>(o.ks.size()) * n;
    int done = 0;
    for (int k : o.ks) {
        FewShotKResult kr;
        kr.k = k;
        double demosSum = 0, hit = 0, hitPer = 0, hitRel = 0;
        for (int i = 0; i < n; ++i) {
            const FewShotItem& it = task.test[static_cast<std::size_t>(i)];
            std::vector<std::vector<int>> cids;
            std::size_t answerRoom = 0;
            if (choice) {
                for (const auto& s : it.choices) cids.push_back(tok.encode(s));
                for (const auto& c : cids) answerRoom = std::max(answerRoom, c.size());
            } else {
                answerRoom = tok.encode(it.answer).size() + 4;
            }
            std::vector<int> demos = drawDemonstrations(task, k, o.seed, it);
            std::string prompt = fewShotPrompt(task, demos, it, o.description);
            std::vector<int> ids = tok.encode(prompt);
            // Fit the context: drop the oldest demonstrations, then cut from the front.
            while (ids.size() + answerRoom > static_cast<std::size_t>(r.context) && !demos.empty()) {
                demos.erase(demos.begin());
                prompt = fewShotPrompt(task, demos, it, o.description);
                ids = tok.encode(prompt);
            }
            const std::size_t room = static_cast<std::size_t>(std::max<int>(1, r.context - static_cast<int>(answerRoom)));
            if (ids.size() > room) ids.erase(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(ids.size() - room));
            demosSum += static_cast<double>(demos.size());
            FewShotItemResult ex;
            ex.k = k;
            ex.prompt = tok.decode(ids);
            ex.demos = static_cast<int>(demos.size());
            ex.gold = it.answer;
            if (choice) {
                std::vector<double> tot, per;
                choiceLogLikelihoods(model, ids, cids, tot, per);
                const std::vector<double>& onlyTot = answerOnly[static_cast<std::size_t>(i)];
                std::vector<double> rel(tot.size());
                for (std::size_t c = 0; c < tot.size(); ++c) rel[c] = tot[c] - onlyTot[c];
                hit += argmax(tot) == it.label;
                hitPer += argmax(per) == it.label;
                hitRel += argmax(rel) == it.label;
                ex.predicted = it.choices[static_cast<std::size_t>(argmax(tot))];
                ex.correct = argmax(tot) == it.label;
                ex.logLikelihood = tot;
                ex.perToken = per;
                ex.relative = rel;
            } else {
                GenerateOptions g;
                g.max_new_tokens = static_cast<int>(answerRoom);
                g.stop = {"\n"};
                g.candidates = 1;
                const GenerateResult out = gen::generate(model.m.model, tok, ids, g);
                ex.predicted = out.text;
                ex.correct = normaliseAnswer(out.text) == normaliseAnswer(it.answer);
                hit += ex.correct;
            }
            if (i < 3) r.examples.push_back(std::move(ex));
            ++done;
            if (progress && !progress(done, total)) throw Error("few-shot evaluation stopped");
        }
        kr.items = n;
        kr.meanDemos = demosSum / n;
        kr.accuracy = hit / n;
        kr.accuracyPerToken = choice ? hitPer / n : kr.accuracy;
        kr.accuracyRelative = choice ? hitRel / n : kr.accuracy;
        r.byK.push_back(kr);
    }
    return r;
}

ChoiceScores scoreChoices(const std::string& checkpointDir, const std::string& prompt, const std::vector<std::string>& choices,
                          const std::string& answerContext)
{
    require(!choices.empty(), "no choices to score", "give at least one choice");
    Model model = openModel(checkpointDir);
    const Tokenizer& tok = *model.m.tokenizer;
    std::vector<std::vector<int>> cids;
    ChoiceScores s;
    for (const auto& c : choices) {
        cids.push_back(tok.encode(c));
        s.tokens.push_back(static_cast<int>(cids.back().size()));
    }
    std::vector<int> ids = tok.encode(prompt);
    require(!ids.empty(), "the prompt gives no tokens", "type a prompt");
    std::vector<double> onlyPer;
    choiceLogLikelihoods(model, ids, cids, s.logLikelihood, s.perToken);
    std::vector<int> ac = tok.encode(answerContext.empty() ? std::string("Answer:") : answerContext);
    choiceLogLikelihoods(model, ac, cids, s.answerOnly, onlyPer);
    return s;
}

} // namespace ptl

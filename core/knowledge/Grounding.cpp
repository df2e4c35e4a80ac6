#include "core/knowledge/Grounding.h"
#include "core/text/Corpus.h"
#include "core/train/DynamicsProbe.h"

#include <cctype>
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

// The greedy tagger's tables: (previous tag, word) -> tag and word -> tag, each the most
// frequent in the bundled Brown tags.
struct TagTables {
    std::unordered_map<std::string, std::string> byContext, byWord;
};

const TagTables& tagTables()
{
    static const TagTables tables = [] {
        std::unordered_map<std::string, std::map<std::string, int>> context, word;
        for (const auto& doc : brownTagsFor(bundledCorpus().documents))
            for (const TaggedSentence& s : doc) {
                std::string prev = "<s>";
                for (std::size_t i = 0; i < s.words.size(); ++i) {
                    const std::string t = brownBaseTag(s.tags[i]), w = i == 0 ? lower(s.words[i]) : s.words[i];
                    ++context[prev + ' ' + w][t];
                    ++word[w][t];
                    if (i == 0) ++word[s.words[i]][t];
                    prev = t;
                }
            }
        auto best = [](const std::map<std::string, int>& counts) {
            std::string arg;
            int n = -1;
            for (const auto& [t, c] : counts)
                if (c > n) { arg = t; n = c; }
            return arg;
        };
        TagTables out;
        for (const auto& [k, counts] : context) out.byContext.emplace(k, best(counts));
        for (const auto& [k, counts] : word) out.byWord.emplace(k, best(counts));
        return out;
    }();
    return tables;
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

std::vector<std::string> tagWords(const std::vector<std::string>& words)
{
    const TagTables& t = tagTables();
    std::vector<std::string> tags;
    std::string prev = "<s>";
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        std::string tag;
        for (const std::string& form : {w, lower(w)}) {
            if (!tag.empty()) break;
            if (auto it = t.byContext.find(prev + ' ' + form); it != t.byContext.end()) tag = it->second;
            else if (auto jt = t.byWord.find(form); jt != t.byWord.end() && !(i > 0 && capitalised(w) && form != w)) tag = jt->second;
        }
        if (tag.empty()) {
            // Unknown: a capitalised word inside a sentence is a name; else guess by its ending.
            const std::string l = lower(w);
            auto ends = [&](const char* s) {
                const std::string x(s);
                return l.size() > x.size() + 2 && l.compare(l.size() - x.size(), x.size(), x) == 0;
            };
            if (!isWord(w)) tag = std::isdigit(static_cast<unsigned char>(w[0])) ? "cd" : w;
            else if (i > 0 && capitalised(w)) tag = "np";
            else if (ends("ly")) tag = "rb";
            else if (ends("ing")) tag = "vbg";
            else if (ends("ed")) tag = "vbn";
            else if (ends("ous") || ends("ful") || ends("ive") || ends("able") || ends("al")) tag = "jj";
            else if (ends("s")) tag = "nns";
            else tag = "nn";
        }
        tags.push_back(tag);
        prev = brownBaseTag(tag);
    }
    return tags;
}

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

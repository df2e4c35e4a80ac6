#include "core/knowledge/WordNet.h"
#include "core/util/Error.h"
#include "core/util/Files.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace ptl {

namespace {
const char* const kNames[] = {"noun", "verb", "adj", "adv"};

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

int posIndex(char c)
{
    switch (c) {
    case 'n': return 0;
    case 'v': return 1;
    case 'a':
    case 's': return 2;
    case 'r': return 3;
    default: return -1;
    }
}
} // namespace

const std::vector<WnRelationType>& wnRelationTypes()
{
    static const std::vector<WnRelationType> types = {
        {"@", "hypernym", "~"},
        {"~", "hyponym", "@"},
        {"@i", "instance hypernym", "~i"},
        {"~i", "instance hyponym", "@i"},
        {"#m", "member holonym", "%m"},
        {"%m", "member meronym", "#m"},
        {"#p", "part holonym", "%p"},
        {"%p", "part meronym", "#p"},
        {"#s", "substance holonym", "%s"},
        {"%s", "substance meronym", "#s"},
        {"!", "antonym", "!"},
        {"&", "similar to", "&"},
        {"+", "derivationally related", "+"},
        {"=", "attribute", "="},
        {"^", "also see", "^"},
        {"$", "verb group", "$"},
        {"*", "entailment", ""},
        {">", "cause", ""},
        {"<", "participle of", ""},
        {"\\", "pertainym", ""},
        {";c", "domain topic", "-c"},
        {"-c", "member of domain topic", ";c"},
        {";r", "domain region", "-r"},
        {"-r", "member of domain region", ";r"},
        {";u", "domain usage", "-u"},
        {"-u", "member of domain usage", ";u"},
    };
    return types;
}

std::string wnRelationName(const std::string& symbol)
{
    for (const auto& t : wnRelationTypes())
        if (t.symbol == symbol) return t.name;
    return symbol;
}

std::string wnInverse(const std::string& symbol)
{
    for (const auto& t : wnRelationTypes())
        if (t.symbol == symbol) return t.inverse;
    return {};
}

char wnPosLetter(WnPos pos) { return "nvar"[static_cast<int>(pos)]; }

std::string wnLexFileName(int lexFile)
{
    static const char* const names[] = {
        "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute",
        "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group",
        "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
        "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
        "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition", "verb.consumption",
        "verb.contact", "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession", "verb.social",
        "verb.stative", "verb.weather", "adj.ppl"};
    return lexFile >= 0 && lexFile < 45 ? names[lexFile] : "";
}

std::string wnPosName(WnPos pos)
{
    static const char* const names[] = {"noun", "verb", "adjective", "adverb"};
    return names[static_cast<int>(pos)];
}

std::string WnSynset::definition() const
{
    std::size_t q = gloss.find('"');
    std::string d = gloss.substr(0, q);
    while (!d.empty() && (d.back() == ' ' || d.back() == ';')) d.pop_back();
    return d;
}

std::vector<std::string> WnSynset::examples() const
{
    std::vector<std::string> out;
    for (std::size_t a = gloss.find('"'); a != std::string::npos;) {
        const std::size_t b = gloss.find('"', a + 1);
        if (b == std::string::npos) break;
        out.push_back(gloss.substr(a + 1, b - a - 1));
        a = gloss.find('"', b + 1);
    }
    return out;
}

std::filesystem::path WordNet::defaultDir()
{
    if (const char* d = std::getenv("PTL_WORDNET_DIR"); d && *d) return d;
    return "/usr/share/wordnet";
}

const WordNet& WordNet::installed()
{
    static const WordNet w(defaultDir());
    return w;
}

WordNet::WordNet(const std::filesystem::path& dir, std::size_t minSynsets)
{
    namespace fs = std::filesystem;
    const std::string hint = "install WordNet 3.0 (Debian: apt-get install wordnet-base, which scripts/install-deps.sh does), or set PTL_WORDNET_DIR";
    // Pass 1: synsets, pass 2: resolve pointer offsets once every file is read.
    struct RawPointer {
        int from;
        std::string symbol;
        int pos;
        std::uint32_t offset;
        int src, dst;
    };
    std::vector<RawPointer> raw;
    for (int p = 0; p < 4; ++p) {
        const fs::path file = dir / (std::string("data.") + kNames[p]);
        if (!fs::exists(file)) throw Error("WordNet: " + file.string() + " is missing", hint);
        const std::string text = readTextFile(file);
        std::istringstream in(text);
        std::string line;
        int lineNo = 0;
        std::size_t lineStart = 0;
        for (; std::getline(in, line); lineStart += line.size() + 1) {
            ++lineNo;
            if (line.empty() || line[0] == ' ') continue;  // the licence header
            auto bad = [&](const std::string& what) {
                return Error("WordNet: " + file.string() + ", line " + std::to_string(lineNo) + ": " + what, "the file is damaged; " + hint);
            };
            const std::size_t bar = line.find(" | ");
            std::istringstream ls(line.substr(0, bar));
            WnSynset s;
            std::string lex, type, wcntHex;
            if (!(ls >> s.offset >> lex >> type >> wcntHex)) throw bad("no synset header");
            // A synset's offset is the byte where its line starts: anything else is a file cut or edited.
            if (s.offset != lineStart) throw bad("the synset's offset " + std::to_string(s.offset) + " is not its position " + std::to_string(lineStart));
            if (bar == std::string::npos) throw bad("no gloss (the line is cut short)");
            const int tp = posIndex(type.empty() ? '?' : type[0]);
            if (tp != p) throw bad("synset type '" + type + "' in the " + kNames[p] + " file");
            s.pos = static_cast<WnPos>(p);
            s.satellite = type == "s";
            s.lexFile = std::atoi(lex.c_str());
            const int wcnt = static_cast<int>(std::strtol(wcntHex.c_str(), nullptr, 16));
            if (wcnt < 1) throw bad("a synset without words (word count '" + wcntHex + "')");  // every synset is named by its first word
            for (int i = 0; i < wcnt; ++i) {
                std::string w, lexId;
                if (!(ls >> w >> lexId)) throw bad("fewer words than its count");
                if (p == 2) {
                    const std::size_t paren = w.find('(');  // adjective markers: "galore(ip)"
                    if (paren != std::string::npos) w.resize(paren);
                }
                s.words.push_back(w);
            }
            int pcnt = 0;
            if (!(ls >> pcnt)) throw bad("no pointer count");
            const int index = static_cast<int>(synsets_.size());
            for (int i = 0; i < pcnt; ++i) {
                std::string sym, posc, st;
                std::uint32_t off = 0;
                if (!(ls >> sym >> off >> posc >> st) || st.size() != 4) throw bad("a pointer is cut short");
                raw.push_back({index, sym, posIndex(posc[0]), off, static_cast<int>(std::strtol(st.substr(0, 2).c_str(), nullptr, 16)),
                               static_cast<int>(std::strtol(st.substr(2, 2).c_str(), nullptr, 16))});
            }
            if (bar != std::string::npos) s.gloss = line.substr(bar + 3);
            while (!s.gloss.empty() && s.gloss.back() == ' ') s.gloss.pop_back();
            byOffset_[{p, s.offset}] = index;
            synsets_.push_back(std::move(s));
        }
        const fs::path idx = dir / (std::string("index.") + kNames[p]);
        if (!fs::exists(idx)) throw Error("WordNet: " + idx.string() + " is missing", hint);
        std::istringstream ii(readTextFile(idx));
        lineNo = 0;
        while (std::getline(ii, line)) {
            ++lineNo;
            if (line.empty() || line[0] == ' ') continue;
            auto bad = [&](const std::string& what) {
                return Error("WordNet: " + idx.string() + ", line " + std::to_string(lineNo) + ": " + what, "the file is damaged; " + hint);
            };
            std::istringstream ls(line);
            std::string lemma, posc;
            int synsetCnt = 0, pCnt = 0;
            if (!(ls >> lemma >> posc >> synsetCnt >> pCnt) || synsetCnt < 1 || pCnt < 0) throw bad("no index header");
            for (int i = 0; i < pCnt; ++i) {
                std::string x;
                if (!(ls >> x)) throw bad("fewer pointer symbols than its count");
            }
            int senseCnt = 0, tagged = 0;
            if (!(ls >> senseCnt >> tagged)) throw bad("no sense counts");
            auto& v = index_[p][lemma];
            for (int i = 0; i < synsetCnt; ++i) {
                std::uint32_t off = 0;
                if (!(ls >> off)) throw bad("'" + lemma + "' lists fewer synsets than its count");
                auto it = byOffset_.find({p, off});
                if (it == byOffset_.end())
                    throw bad("'" + lemma + "' names synset " + std::to_string(off) + ", which data." + kNames[p] + " lacks (is it cut short?)");
                v.push_back(it->second);
            }
        }
        const fs::path exc = dir / (std::string(kNames[p]) + ".exc");
        if (fs::exists(exc)) {
            std::istringstream ei(readTextFile(exc));
            while (std::getline(ei, line)) {
                std::istringstream ls(line);
                std::string form, base;
                if (ls >> form >> base) exceptions_[p].emplace(form, base);
            }
        }
    }
    for (const RawPointer& r : raw) {
        if (r.pos < 0) continue;
        auto it = byOffset_.find({r.pos, r.offset});
        if (it == byOffset_.end()) continue;
        synsets_[static_cast<std::size_t>(r.from)].pointers.push_back({r.symbol, it->second, r.src, r.dst});
    }
    if (synsets_.size() < minSynsets) throw Error("WordNet: " + dir.string() + " holds only " + std::to_string(synsets_.size()) + " synsets", hint);
}

const std::vector<int>& WordNet::senses(const std::string& lemma, WnPos pos) const
{
    static const std::vector<int> none;
    const auto& m = index_[static_cast<int>(pos)];
    auto it = m.find(lemma);
    return it == m.end() ? none : it->second;
}

std::string WordNet::lemmatise(const std::string& word, WnPos pos) const
{
    const int p = static_cast<int>(pos);
    if (auto it = exceptions_[p].find(word); it != exceptions_[p].end()) return it->second;
    if (!senses(word, pos).empty()) return word;
    // WordNet's morphy suffix rules.
    static const std::vector<std::pair<std::string, std::string>> rules[4] = {
        {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
        {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
        {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
        {}};
    for (const auto& [suffix, repl] : rules[p]) {
        if (word.size() > suffix.size() && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
            const std::string base = word.substr(0, word.size() - suffix.size()) + repl;
            if (!senses(base, pos).empty()) return base;
        }
    }
    return {};
}

std::vector<int> WordNet::related(int synset, const std::string& symbol) const
{
    std::vector<int> out;
    for (const WnPointer& p : synsets_[static_cast<std::size_t>(synset)].pointers)
        if (p.symbol == symbol) out.push_back(p.target);
    return out;
}

std::string WordNet::name(int synset) const
{
    const WnSynset& s = synsets_.at(static_cast<std::size_t>(synset));
    const std::string lemma = lower(s.words.at(0));
    const auto& list = senses(lemma, s.pos);
    int number = 1;
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i] == synset) number = static_cast<int>(i) + 1;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", number);
    return lemma + "." + (s.satellite ? 's' : wnPosLetter(s.pos)) + "." + buf;
}

int WordNet::byName(const std::string& name) const
{
    const std::size_t b = name.rfind('.');
    if (b == std::string::npos || b < 2 || name[b - 2] != '.') return -1;
    const int p = posIndex(name[b - 1]);
    const int number = std::atoi(name.c_str() + b + 1);
    if (p < 0 || number < 1) return -1;
    const auto& list = senses(lower(name.substr(0, b - 2)), static_cast<WnPos>(p));
    return number <= static_cast<int>(list.size()) ? list[static_cast<std::size_t>(number - 1)] : -1;
}

std::vector<WordNet::Lookup> WordNet::lookup(const std::string& word) const
{
    std::string w = lower(word);
    for (char& c : w)
        if (c == ' ' || c == '-') c = '_';
    std::vector<Lookup> out;
    for (int p = 0; p < 4; ++p) {
        const auto pos = static_cast<WnPos>(p);
        std::string lemma = lemmatise(w, pos);
        if (lemma.empty() && w.find('_') != std::string::npos) {
            // "ice creams": the last word inflected.
            const std::size_t u = w.rfind('_');
            const std::string last = lemmatise(w.substr(u + 1), pos);
            if (!last.empty() && !senses(w.substr(0, u + 1) + last, pos).empty()) lemma = w.substr(0, u + 1) + last;
        }
        if (!lemma.empty() && !senses(lemma, pos).empty()) out.push_back({pos, lemma, senses(lemma, pos)});
    }
    return out;
}

bool WordNet::isInstance(int synset) const
{
    for (const WnPointer& p : synsets_.at(static_cast<std::size_t>(synset)).pointers)
        if (p.symbol == "@i") return true;
    return false;
}

} // namespace ptl

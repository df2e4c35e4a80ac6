#include "core/knowledge/WordNet.h"
#include "core/util/Error.h"
#include "core/util/Files.h"

#include <cstdlib>
#include <sstream>

namespace ptl {

namespace {
const char* const kNames[] = {"noun", "verb", "adj", "adv"};

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

WordNet::WordNet(const std::filesystem::path& dir)
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
        std::istringstream in(readTextFile(file));
        std::string line;
        int lineNo = 0;
        while (std::getline(in, line)) {
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
            const int tp = posIndex(type.empty() ? '?' : type[0]);
            if (tp != p) throw bad("synset type '" + type + "' in the " + kNames[p] + " file");
            s.pos = static_cast<WnPos>(p);
            s.lexFile = std::atoi(lex.c_str());
            const int wcnt = static_cast<int>(std::strtol(wcntHex.c_str(), nullptr, 16));
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
        while (std::getline(ii, line)) {
            if (line.empty() || line[0] == ' ') continue;
            std::istringstream ls(line);
            std::string lemma, posc;
            int synsetCnt = 0, pCnt = 0;
            ls >> lemma >> posc >> synsetCnt >> pCnt;
            for (int i = 0; i < pCnt; ++i) {
                std::string x;
                ls >> x;
            }
            int senseCnt = 0, tagged = 0;
            ls >> senseCnt >> tagged;
            auto& v = index_[p][lemma];
            for (int i = 0; i < synsetCnt; ++i) {
                std::uint32_t off = 0;
                if (!(ls >> off)) break;
                auto it = byOffset_.find({p, off});
                if (it != byOffset_.end()) v.push_back(it->second);
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
    if (synsets_.size() < 1000) throw Error("WordNet: " + dir.string() + " holds only " + std::to_string(synsets_.size()) + " synsets", hint);
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

} // namespace ptl

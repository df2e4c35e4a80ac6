#pragma once
// WordNet 3.0 as installed by Debian's wordnet-base (/usr/share/wordnet; PTL_WORDNET_DIR
// overrides): the data.* files read into synsets with their words and typed pointers, the
// index.* files for a lemma's senses (first listed: the most frequent in the tagged
// corpora), and the *.exc exception lists with WordNet's suffix rules for lemmatisation.
// Synsets are named as NLTK names them ("dog.n.01": the first lemma, the part of speech, the
// sense number of that lemma), pointer symbols carry their relation names and inverses.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace ptl {

enum class WnPos { Noun, Verb, Adj, Adv };

// A pointer type of wninput(5WN): its symbol in the data files, a name, and the symbol of
// the inverse pointer ("" when WordNet has none; the symbol itself for symmetric ones).
struct WnRelationType {
    std::string symbol, name, inverse;
};
const std::vector<WnRelationType>& wnRelationTypes();
// "hypernym" for "@"; the symbol itself when unknown.
std::string wnRelationName(const std::string& symbol);
std::string wnInverse(const std::string& symbol);
char wnPosLetter(WnPos pos);  // n v a r
// The name of a lexicographer file as lexnames(5WN) lists them: 3 "noun.Tops", 18
// "noun.person", 29 "verb.body", ... ("" beyond 0..44).
std::string wnLexFileName(int lexFile);
std::string wnPosName(WnPos pos);  // noun verb adjective adverb

struct WnPointer {
    std::string symbol;  // "@" hypernym, "~" hyponym, "!" antonym, "&" similar, "@i" instance hypernym, ...
    int target = -1;     // synset index
    int sourceWord = 0;  // 1-based word in this synset (0: the whole synset)
    int targetWord = 0;  // 1-based word in the target (0: the whole synset)
};

struct WnSynset {
    WnPos pos = WnPos::Noun;
    std::uint32_t offset = 0;
    int lexFile = 0;                 // the lexicographer file: 18 noun.person, 15 noun.location, 28 noun.time, ...
    std::vector<std::string> words;  // lemmas, underscores for spaces, as in the files
    std::vector<WnPointer> pointers;
    std::string gloss;               // the whole gloss: definition; "examples"
    bool satellite = false;          // an adjective satellite (type s in the files)
    std::string definition() const;  // the gloss before its quoted examples
    std::vector<std::string> examples() const;
};

class WordNet {
public:
    // Throws ptl::Error (the file, the line, a hint) when the files are missing or malformed.
    static const WordNet& installed();
    // minSynsets: fewer synsets than this is a cut or foreign installation (WordNet 3.0 has
    // 117,659); the fuzzer reads small ones with 0.
    explicit WordNet(const std::filesystem::path& dir, std::size_t minSynsets = 1000);

    const std::vector<WnSynset>& synsets() const { return synsets_; }
    const WnSynset& synset(int i) const { return synsets_[static_cast<std::size_t>(i)]; }
    // Senses of a lemma (lower case, underscores), most frequent first; empty when none.
    const std::vector<int>& senses(const std::string& lemma, WnPos pos) const;
    // The base form of a word for a part of speech ("dogs" -> "dog", "children" -> "child"),
    // or "" when WordNet has none.
    std::string lemmatise(const std::string& word, WnPos pos) const;
    // Targets of a synset's pointers with this symbol.
    std::vector<int> related(int synset, const std::string& symbol) const;
    // NLTK's name of a synset ("dog.n.01"), and the synset of a name (-1 when none).
    std::string name(int synset) const;
    int byName(const std::string& name) const;
    // Every sense of a word as written ("Mice", "dug", "ice cream"), per part of speech,
    // after lemmatisation: (the lemma, its synsets most frequent first).
    struct Lookup {
        WnPos pos;
        std::string lemma;
        std::vector<int> synsets;
    };
    std::vector<Lookup> lookup(const std::string& word) const;
    // True for a synset with an instance hypernym (a named person, place, ...).
    bool isInstance(int synset) const;
    static std::filesystem::path defaultDir();

private:
    std::vector<WnSynset> synsets_;
    std::map<std::pair<int, std::uint32_t>, int> byOffset_;
    std::unordered_map<std::string, std::vector<int>> index_[4];
    std::unordered_map<std::string, std::string> exceptions_[4];
};

} // namespace ptl

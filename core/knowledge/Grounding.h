#pragma once
// Grounding text in WordNet: which words and multi-word expressions of a sentence name
// which synsets. ERNIE's entity alignment and KagNET's concept recognition both start here.
//
// Words take their part of speech from Brown's tags when the text is a tagged Brown
// sentence; free text is tagged first by an HMM tagger learnt from the bundled Brown tags
// (PosTagger below). nn* -> noun, vb* -> verb, jj* -> adjective, rb* -> adverb, np* -> a
// proper noun, grounded to an instance synset (Texas -> texas.n.01, an instance of
// American state) where WordNet has one; other tags (determiners, pronouns, be/have/do,
// numbers, punctuation) ground nothing. Multi-word expressions that WordNet lists
// ("ice cream", "New York", "give up") win over their words, longest first. The sense is
// WordNet's first-listed one (the most frequent in its tagged corpora).
#include "core/knowledge/WordNet.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ptl {

struct Mention {
    int begin = 0, end = 0;  // the words [begin, end) it covers
    int synset = -1;
    std::string lemma;       // as WordNet spells it ("ice_cream")
    WnPos pos = WnPos::Noun;
    bool proper = false;     // a name (np tag, or capitalised inside free text)
};

struct GroundOptions {
    int maxWords = 4;        // the longest multi-word expression tried
    bool multiword = true;
};

// Words and punctuation of free text ("Dogs' bones, e.g." -> Dogs ' bones , e.g .).
std::vector<std::string> splitWords(const std::string& text);

struct TaggedSentence;

// A bigram hidden Markov model tagger over Brown's base tags (Viterbi decoding): transitions
// P(tag | previous tag) with add-0.1 smoothing, emissions P(word | tag) of the words seen,
// and for a word never seen, P(its shape | tag) learnt from the words seen once (shape: the
// case and the last three letters, or digit / symbol).
class PosTagger {
public:
    static PosTagger train(const std::vector<const TaggedSentence*>& sentences);
    // Trained on every bundled Brown sentence (once; ptl::Error when the tags are missing).
    static const PosTagger& brown();
    std::vector<std::string> tag(const std::vector<std::string>& words) const;
    // The baseline: each word's most frequent tag (unknown words: np if capitalised inside
    // the sentence, else nn).
    std::vector<std::string> mostFrequent(const std::vector<std::string>& words) const;

private:
    int tagCountOf(int tag) const { return tagCount_[static_cast<std::size_t>(tag)]; }
    std::vector<std::string> tags_;  // tags_[0] is the sentence start
    std::vector<int> tagCount_;
    std::vector<double> transition_;  // [previous * tags + tag], log
    std::unordered_map<std::string, std::vector<std::pair<int, double>>> emission_, unknown_;
    std::vector<std::pair<int, double>> fallback_;
};

// Held-out accuracy of the tagger and of the most-frequent-tag baseline: trained on the
// other documents, tested on every heldOutEvery-th bundled Brown document.
struct TaggerAccuracy {
    int documents = 0;
    long long tokens = 0;
    double hmm = 0, mostFrequent = 0;
};
TaggerAccuracy evaluateBrownTagger(int heldOutEvery = 10);

// Brown-style tags for free text: PosTagger::brown().
std::vector<std::string> tagWords(const std::vector<std::string>& words);

// The mentions of tagged words, left to right, none overlapping. tags: Brown tags, one per
// word ("nn", "np-tl", "vbd", ...); empty: tagWords(words) is used.
std::vector<Mention> groundWords(const WordNet& wn, const std::vector<std::string>& words, std::vector<std::string> tags = {},
                                 const GroundOptions& options = {});

// A Brown tag without its -tl/-hl/-nc suffixes and contraction part ("nn-tl" -> "nn",
// "nn+bez" -> "nn").
std::string brownBaseTag(std::string tag);

} // namespace ptl

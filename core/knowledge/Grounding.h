#pragma once
// Grounding text in WordNet: which words and multi-word expressions of a sentence name
// which synsets. ERNIE's entity alignment and KagNET's concept recognition both start here.
//
// Words take their part of speech from Brown's tags when the text is a tagged Brown
// sentence; free text is tagged first by a greedy tagger learnt from the bundled Brown
// tags (the most frequent tag of a word after the previous tag, backing off to the word's
// most frequent tag). nn* -> noun, vb* -> verb, jj* -> adjective, rb* -> adverb, np* -> a
// proper noun, grounded to an instance synset (Texas -> texas.n.01, an instance of
// American state) where WordNet has one; other tags (determiners, pronouns, be/have/do,
// numbers, punctuation) ground nothing. Multi-word expressions that WordNet lists
// ("ice cream", "New York", "give up") win over their words, longest first. The sense is
// WordNet's first-listed one (the most frequent in its tagged corpora).
#include "core/knowledge/WordNet.h"

#include <string>
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

// Brown-style tags for free text (see above). Reads the bundled tags once (ptl::Error
// when they are missing).
std::vector<std::string> tagWords(const std::vector<std::string>& words);

// The mentions of tagged words, left to right, none overlapping. tags: Brown tags, one per
// word ("nn", "np-tl", "vbd", ...); empty: tagWords(words) is used.
std::vector<Mention> groundWords(const WordNet& wn, const std::vector<std::string>& words, std::vector<std::string> tags = {},
                                 const GroundOptions& options = {});

// A Brown tag without its -tl/-hl/-nc suffixes and contraction part ("nn-tl" -> "nn",
// "nn+bez" -> "nn").
std::string brownBaseTag(std::string tag);

} // namespace ptl

#pragma once
// What the task builders share (core/tasks/Tasks.cpp defines them): the bundled Brown
// corpus, the document split every task uses, and filing an example under its split.
#include "core/api/Tasks.h"
#include "core/text/Corpus.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ptl {
struct TaggedSentence;
}

namespace ptl::taskdata {

const Corpus& brownCorpus();
// Per document of brownCorpus(): 0 train, 1 dev, 2 test (taskDocumentSplit(seed)).
std::vector<int> splitOfDocuments(std::uint64_t seed);
// Files e under train, dev or test by its document.
void addToSplit(Task& t, TaskExample e, const std::vector<int>& splitOf);
std::uint64_t hash(std::uint64_t x);

// Reading comprehension (core/tasks/ReadingTask.cpp): SQuAD v1.1-style (every question
// answerable) or v2.0-style (a third with their answer's sentence removed).
Task buildReading(std::uint64_t seed, bool noAnswer);
void spanBaselines(const Task& t, TaskBaselines& b);
// A tagged Brown sentence as running text (quotes as ", no space before closing punctuation).
std::string sentenceText(const TaggedSentence& sentence);

// Knowledge-driven tasks from WordNet (core/tasks/KnowledgeTasks.cpp): entity typing (the
// lexicographer class of a noun mention) and relation classification (the WordNet relation
// between two mentions of a sentence).
Task buildTyping(std::uint64_t seed);
Task buildRelation(std::uint64_t seed);
// Commonsense questions from WordNet facts, CommonsenseQA's form (core/tasks/CommonsenseTask.cpp).
Task buildCommonsense(std::uint64_t seed);

} // namespace ptl::taskdata

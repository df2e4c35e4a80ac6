#pragma once
// The commonsense questions' templates (core/tasks/CommonsenseTask.cpp builds the task
// "commonsense" with them), shared with KagNET, which leaves the templates' own words out
// of a question's concepts.
#include <set>
#include <string>
#include <vector>

namespace ptl {

struct CommonsenseTemplate {
    std::string name;    // "has-part"
    std::string symbol;  // the WordNet pointer of the fact ("#p": part holonym)
    bool reversed = false;  // the question concept is the fact's tail (the answer its head)
    std::string text;    // "Which of these is a part of {a q}?" ({q}, {a q}, {A q}: the concept, with an article)
};
const std::vector<CommonsenseTemplate>& commonsenseTemplates();
// The stem of a template for a concept ("Which of these is a part of a car?").
std::string commonsenseStem(const CommonsenseTemplate& t, const std::string& word);
// The name of the template a stem was written with ("" when none matches).
std::string commonsenseTemplateOf(const std::string& stem);
// Lower-case words the templates bring into every stem ("which", "part", "kind", ...).
const std::set<std::string>& commonsenseTemplateWords();

} // namespace ptl

#include "core/knowledge/EntityAlignment.h"
#include "core/knowledge/Grounding.h"
#include "core/knowledge/TransE.h"
#include "core/text/Tokenizer.h"
#include "core/util/Error.h"

#include <algorithm>

namespace ptl {

int EntityTable::row(const std::string& name) const
{
    auto it = rowOf.find(name);
    return it == rowOf.end() ? -1 : it->second;
}

EntityTable entityTableOf(std::vector<std::string> names)
{
    EntityTable t;
    t.names = std::move(names);
    for (std::size_t i = 0; i < t.names.size(); ++i) t.rowOf.emplace(t.names[i], static_cast<int>(i));
    return t;
}

EntityTable loadEntityTable(const std::filesystem::path& transeDir)
{
    LoadedTransE loaded = loadTransE(transeDir);
    EntityTable t = entityTableOf(std::move(loaded.entityNames));
    t.dir = transeDir;
    t.vectors = loaded.entities.to(torch::kFloat32).contiguous();
    if (t.vectors.dim() != 2 || t.vectors.size(0) != static_cast<int64_t>(t.names.size()))
        throw Error((transeDir / "transe.safetensors").string() + ": the entity embeddings do not match entities.tsv",
                    "train the embeddings again with 'pretrainlab-cli transe train'");
    return t;
}

void AlignmentStats::add(const AlignmentStats& o)
{
    sentences += o.sentences;
    mentions += o.mentions;
    aligned += o.aligned;
    outsideTable += o.outsideTable;
    unmatched += o.unmatched;
}

EntityAligner::EntityAligner(const WordNet& wordnet, const EntityTable& table, const Tokenizer& tokenizer)
    : wn_(wordnet), table_(table), tok_(tokenizer)
{
}

namespace {
// Appends the ASCII letters and digits of s, in lower case.
void appendKey(std::string& stream, const std::string& s)
{
    for (unsigned char ch : s)
        if (std::isalnum(ch) && ch < 128) stream.push_back(static_cast<char>(std::tolower(ch)));
}
} // namespace

std::vector<int> EntityAligner::align(const std::string& sentence, const std::vector<int>& ids, AlignmentStats* stats) const
{
    std::vector<int> rows(ids.size(), -1);
    AlignmentStats local;
    local.sentences = 1;
    const std::vector<std::string> words = splitWords(sentence);
    std::string wordStream, tokenStream;
    std::vector<std::size_t> wordStart(words.size());
    for (std::size_t w = 0; w < words.size(); ++w) {
        wordStart[w] = wordStream.size();
        appendKey(wordStream, words[w]);
    }
    // Token i covers [tokenStart[i], tokenStart[i + 1]) of its stream; after an [UNK] the
    // streams cannot be compared any more.
    std::vector<std::size_t> tokenStart(ids.size() + 1);
    std::size_t usable = std::string::npos;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        tokenStart[i] = tokenStream.size();
        if (ids[i] == tok_.specials().unk && usable == std::string::npos) usable = tokenStream.size();
        appendKey(tokenStream, tok_.token(ids[i]));
    }
    tokenStart[ids.size()] = tokenStream.size();
    // The streams agree up to their first difference.
    std::size_t agree = 0;
    while (agree < wordStream.size() && agree < tokenStream.size() && wordStream[agree] == tokenStream[agree]) ++agree;
    agree = std::min(agree, usable);

    for (const Mention& m : groundWords(wn_, words)) {
        ++local.mentions;
        const int row = table_.row(wn_.name(m.synset));
        if (row < 0) {
            ++local.outsideTable;
            continue;
        }
        const std::size_t at = wordStart[static_cast<std::size_t>(m.begin)];
        if (at >= agree) {
            ++local.unmatched;
            continue;
        }
        // The token whose letters begin at `at`.
        auto it = std::upper_bound(tokenStart.begin(), tokenStart.end(), at);
        std::size_t tokenIndex = static_cast<std::size_t>(it - tokenStart.begin()) - 1;
        // Tokens without letters (punctuation) have empty ranges: take the last one starting here.
        while (tokenIndex < ids.size() && tokenStart[tokenIndex + 1] == tokenStart[tokenIndex]) ++tokenIndex;
        if (tokenIndex < ids.size() && tok_.isSpecial(ids[tokenIndex])) {
            --local.mentions;  // "[MASK]" read as a word: not a mention
            continue;
        }
        if (tokenIndex >= ids.size() || tokenStart[tokenIndex] != at || rows[tokenIndex] >= 0) {
            ++local.unmatched;
            continue;
        }
        rows[tokenIndex] = row;
        ++local.aligned;
    }
    if (stats) stats->add(local);
    return rows;
}

} // namespace ptl

// core/api/Knowledge.h over core/knowledge: the graph is built once per seed and kept, a saved
// folder is loaded once per modification time.
#include "core/api/Knowledge.h"
#include "core/knowledge/Grounding.h"
#include "core/knowledge/TransE.h"
#include "core/store/RunStore.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Runtime.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <tuple>

namespace ptl {

namespace {

std::mutex gMutex;

const KnowledgeGraph& brownGraph(const KgBuildOptions& b)
{
    return cachedBrownGraph(WordNet::installed(), b);
}

struct Saved {
    LoadedTransE loaded;
    std::filesystem::file_time_type time;
};

const LoadedTransE& saved(const std::string& dir)
{
    static std::map<std::string, Saved> cache;
    const auto file = std::filesystem::path(dir) / "transe.safetensors";
    std::error_code ec;
    const auto time = std::filesystem::last_write_time(file, ec);
    auto it = cache.find(dir);
    if (it == cache.end() || ec || it->second.time != time) {
        Saved s{loadTransE(dir), time};
        it = cache.insert_or_assign(dir, std::move(s)).first;
    }
    return it->second.loaded;
}


TransE modelOf(const LoadedTransE& t)
{
    TransE m(static_cast<int>(t.entityNames.size()), static_cast<int>(t.relations.size()), t.options);
    m.entities = t.entities;
    m.relations = t.relationVectors;
    return m;
}

} // namespace

TransEReport runTransE(const TransEOptions& options, const KgBuildOptions& build, const std::string& dir,
                       const std::function<bool(int, double)>& progress)
{
    validateTransEOptions(options);
    const KnowledgeGraph* g = nullptr;
    {
        std::lock_guard<std::mutex> lock(gMutex);
        g = &brownGraph(build);
    }
    TransE model(static_cast<int>(g->numEntities()), static_cast<int>(g->relations.size()), options);
    bool stopped = false;
    const TransEReport r = trainTransE(
        model, *g, [&](int e, double loss) { stopped = progress && !progress(e, loss); }, [&] { return stopped; });
    saveTransE(dir, model, *g, r, build);
    return r;
}

TransEReport evaluateTransE(const std::string& dir)
{
    std::lock_guard<std::mutex> lock(gMutex);
    const LoadedTransE& t = saved(dir);
    const KnowledgeGraph& g = transEGraph(t, dir);
    const TransE model = modelOf(t);
    TransEReport r;
    evaluateTransEInto(r, model, g);
    return r;
}

std::vector<std::string> transERelations(const std::string& dir)
{
    std::lock_guard<std::mutex> lock(gMutex);
    std::vector<std::string> out;
    for (const auto& s : saved(dir).relations) out.push_back(wnRelationName(s));
    return out;
}

std::vector<TransEPrediction> predictTransE(const std::string& dir, const std::string& entity, const std::string& relation, bool tails, int top)
{
    std::lock_guard<std::mutex> lock(gMutex);
    const LoadedTransE& t = saved(dir);
    int rel = -1;
    std::string known;
    for (std::size_t i = 0; i < t.relations.size(); ++i) {
        if (t.relations[i] == relation || wnRelationName(t.relations[i]) == relation) rel = static_cast<int>(i);
        known += (known.empty() ? "" : ", ") + wnRelationName(t.relations[i]);
    }
    if (rel < 0) throw Error("no relation '" + relation + "' in " + dir, "one of: " + known);
    int e = -1;
    for (std::size_t i = 0; i < t.entityNames.size(); ++i)
        if (t.entityNames[i] == entity) e = static_cast<int>(i);
    if (e < 0)
        throw Error("'" + entity + "' is not an entity of " + dir,
                    "entities.tsv lists the synsets the corpus grounds (with their hypernyms); wordnet lookup WORD gives synset names");
    const KnowledgeGraph& g = transEGraph(t, dir);
    std::set<int> trueOnes;
    for (const auto* split : {&g.train, &g.valid, &g.test})
        for (const KgTriple& x : *split)
            if (x.relation == rel && (tails ? x.head : x.tail) == e) trueOnes.insert(tails ? x.tail : x.head);
    torch::NoGradGuard guard;
    const torch::Tensor q = tails ? t.entities[e] + t.relationVectors[rel] : t.entities[e] - t.relationVectors[rel];
    const torch::Tensor d = torch::cdist(q.unsqueeze(0), t.entities, t.options.norm).squeeze(0);
    const auto [values, indices] = d.topk(std::min<std::int64_t>(top + 1, d.size(0)), 0, false);
    std::vector<TransEPrediction> out;
    for (std::int64_t i = 0; i < indices.size(0) && static_cast<int>(out.size()) < top; ++i) {
        const auto j = static_cast<int>(indices[i].item<std::int64_t>());
        if (j == e) continue;
        out.push_back({t.entityNames[static_cast<std::size_t>(j)], values[i].item<double>(), trueOnes.count(j) != 0});
    }
    return out;
}

namespace {
LinkPrediction linkFrom(const nlohmann::json& j)
{
    LinkPrediction p;
    p.triples = j.value("triples", 0);
    p.meanRank = j.value("mean_rank", 0.0);
    p.mrr = j.value("mrr", 0.0);
    p.hits1 = j.value("hits_at_1", 0.0);
    p.hits10 = j.value("hits_at_10", 0.0);
    return p;
}
} // namespace

TransEReport readTransEReport(const std::string& dir)
{
    const auto file = std::filesystem::path(dir) / "transe.json";
    if (!std::filesystem::exists(file)) throw Error(file.string() + " is missing", "train embeddings first: pretrainlab-cli transe train --out " + dir);
    try {
        const auto j = nlohmann::json::parse(readTextFile(file));
        TransEReport r;
        const auto& g = j.at("graph");
        r.groundedSynsets = g.at("grounded_synsets");
        r.entities = g.at("entities");
        r.relations = g.at("relations");
        r.trainTriples = g.at("train");
        r.validTriples = g.at("valid");
        r.testTriples = g.at("test");
        r.finalLoss = j.value("final_loss", 0.0);
        r.seconds = j.value("seconds", 0.0);
        if (j.contains("loss_by_epoch")) r.lossByEpoch = j.at("loss_by_epoch").get<std::vector<double>>();
        r.test = linkFrom(j.at("test"));
        r.valid = linkFrom(j.at("valid"));
        r.random = linkFrom(j.at("baselines").at("random"));
        r.popularity = linkFrom(j.at("baselines").at("popularity"));
        for (const auto& [name, v] : j.at("test_by_relation").items()) r.byRelation.emplace_back(name, linkFrom(v));
        return r;
    } catch (const nlohmann::json::exception& e) {
        throw Error(file.string() + ": " + e.what(), "the file is damaged; train again: pretrainlab-cli transe train --out " + dir);
    }
}

std::string shippedErnieDir() { return (resourceDir() / "models" / "ernie-mini-brown").string(); }

std::string shippedTransEDir() { return (resourceDir() / "knowledge" / "transe-wordnet").string(); }

std::string userTransEDir() { return (RunStore::defaultPath().parent_path() / "transe-wordnet").string(); }

std::vector<SynsetView> lookUpWord(const std::string& word)
{
    const WordNet& wn = WordNet::installed();
    std::string w = word;
    while (!w.empty() && std::isspace(static_cast<unsigned char>(w.back()))) w.pop_back();
    while (!w.empty() && std::isspace(static_cast<unsigned char>(w.front()))) w.erase(w.begin());
    std::vector<WordNet::Lookup> found;
    if (const int s = wn.byName(w); s >= 0) found.push_back({wn.synset(s).pos, wn.synset(s).words.at(0), {s}});
    else found = wn.lookup(w);
    std::vector<SynsetView> out;
    for (const auto& f : found)
        for (int s : f.synsets) {
            const WnSynset& syn = wn.synset(s);
            SynsetView v;
            v.name = wn.name(s);
            v.pos = wnPosName(f.pos);
            v.lemma = f.lemma;
            v.lemmas = syn.words;
            v.lexicographerFile = syn.lexFile;
            v.instance = wn.isInstance(s);
            v.definition = syn.definition();
            v.examples = syn.examples();
            for (const WnPointer& p : syn.pointers) {
                const std::string rel = wnRelationName(p.symbol), target = wn.name(p.target);
                auto it = std::find_if(v.relations.begin(), v.relations.end(), [&](const auto& x) { return x.first == rel; });
                if (it == v.relations.end()) {
                    v.relations.push_back({rel, {}});
                    it = v.relations.end() - 1;
                }
                if (std::find(it->second.begin(), it->second.end(), target) == it->second.end()) it->second.push_back(target);
            }
            out.push_back(std::move(v));
        }
    return out;
}

std::string synsetDefinition(const std::string& name)
{
    const WordNet& wn = WordNet::installed();
    const int s = wn.byName(name);
    return s >= 0 ? wn.synset(s).definition() : std::string();
}

GroundedText groundText(const std::string& text, bool multiword)
{
    const WordNet& wn = WordNet::installed();
    GroundedText g;
    g.words = splitWords(text);
    g.tags = tagWords(g.words);
    GroundOptions options;
    options.multiword = multiword;
    for (const Mention& m : groundWords(wn, g.words, g.tags, options)) {
        GroundedMention x;
        x.begin = m.begin;
        x.end = m.end;
        x.synset = wn.name(m.synset);
        x.pos = wnPosName(m.pos);
        x.definition = wn.synset(m.synset).definition();
        x.proper = m.proper;
        for (const char* sym : {"@", "@i"})
            if (x.hypernym.empty())
                if (const auto h = wn.related(m.synset, sym); !h.empty()) x.hypernym = wn.name(h.front());
        g.mentions.push_back(std::move(x));
    }
    return g;
}

} // namespace ptl

#include "core/api/Dynamics.h"
#include "core/util/Error.h"
#include "core/util/JsonNumbers.h"

#include <nlohmann/json.hpp>

namespace ptl {

using nlohmann::json;

const std::vector<std::string>& posGroups()
{
    static const std::vector<std::string> g = {"punctuation", "determiner", "preposition", "pronoun", "auxiliary",
                                               "verb", "noun", "adjective", "proper noun", "other"};
    return g;
}

const std::vector<std::string>& frequencyBands()
{
    static const std::vector<std::string> b = {"top 100", "100-1,000", "1,000+"};
    return b;
}

std::string frequencyBandOfRank(int rank) { return rank < 100 ? frequencyBands()[0] : rank < 1000 ? frequencyBands()[1] : frequencyBands()[2]; }

std::string posGroupOfBrownTag(const std::string& raw)
{
    std::string tag = raw;
    if (tag.rfind("fw-", 0) == 0) return "other";  // foreign words
    if (const auto plus = tag.find('+'); plus != std::string::npos && plus > 0) tag = tag.substr(0, plus);
    for (const char* suffix : {"-tl", "-hl", "-nc"})
        for (std::size_t p; tag.size() > 3 && (p = tag.rfind(suffix)) != std::string::npos && p + 3 == tag.size();) tag.resize(p);
    if (tag.empty()) return "other";
    if (!std::isalpha(static_cast<unsigned char>(tag[0]))) return "punctuation";  // . , : ( ) `` '' -- ' *
    if (tag == "at" || tag.rfind("dt", 0) == 0 || tag == "ap" || tag == "abn" || tag == "abx") return "determiner";
    if (tag == "in") return "preposition";
    if (tag.rfind("pp", 0) == 0 || tag.rfind("pn", 0) == 0 || tag.rfind("wp", 0) == 0 || tag == "wdt" || tag == "ex") return "pronoun";
    if (tag.rfind("be", 0) == 0 || tag.rfind("hv", 0) == 0 || tag.rfind("do", 0) == 0 || tag == "md") return "auxiliary";
    if (tag.rfind("vb", 0) == 0) return "verb";
    if (tag.rfind("np", 0) == 0) return "proper noun";
    if (tag.rfind("nn", 0) == 0 || tag == "nr" || tag == "nrs") return "noun";
    if (tag.rfind("jj", 0) == 0) return "adjective";
    return "other";
}

static json countsJson(const std::map<std::string, ClassCount>& m)
{
    json j = json::object();
    for (const auto& [k, c] : m) j[k] = {c.predicted, c.correct};
    return j;
}

static std::map<std::string, ClassCount> countsFrom(const json& j)
{
    std::map<std::string, ClassCount> m;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const auto& v = it.value();
        if (!v.is_array() || v.size() != 2) throw Error("dynamics snapshot: class '" + it.key() + "' is not [predicted, correct]");
        m[it.key()] = {jsonInteger<std::int64_t>(v[0], "dynamics snapshot: predicted"), jsonInteger<std::int64_t>(v[1], "dynamics snapshot: correct")};
    }
    return m;
}

std::string dynamicsToJson(const DynamicsPoint& p)
{
    json heads = json::array();
    for (const auto& h : p.heads)
        heads.push_back({{"layer", h.layer}, {"head", h.head}, {"entropy", h.entropy}, {"previous", h.previous},
                         {"special", h.special}, {"syntactic", h.syntactic}, {"syntactic_pairs", h.syntacticPairs}});
    return json{{"version", 1}, {"step", p.step}, {"pos", countsJson(p.posClasses)}, {"frequency", countsJson(p.frequencyBands)},
                {"all", {p.all.predicted, p.all.correct}}, {"heads", heads}}
        .dump();
}

DynamicsPoint dynamicsFromJson(const std::string& text)
{
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw Error("dynamics snapshot: not a JSON object");
    DynamicsPoint p;
    requireFloatRange(j, "dynamics snapshot");
    try {
        p.step = jsonInteger<std::int64_t>(j.at("step"), "dynamics snapshot: step");
        p.posClasses = countsFrom(j.value("pos", json::object()));
        p.frequencyBands = countsFrom(j.value("frequency", json::object()));
        const auto& a = j.at("all");
        p.all = {jsonInteger<std::int64_t>(a.at(0), "dynamics snapshot: all"), jsonInteger<std::int64_t>(a.at(1), "dynamics snapshot: all")};
        for (const auto& h : j.value("heads", json::array()))
            p.heads.push_back({jsonInteger<int>(h.at("layer"), "dynamics snapshot: layer"), jsonInteger<int>(h.at("head"), "dynamics snapshot: head"),
                               h.at("entropy").get<double>(), h.at("previous").get<double>(), h.at("special").get<double>(), h.at("syntactic").get<double>(),
                               h.contains("syntactic_pairs") ? jsonInteger<std::int64_t>(h["syntactic_pairs"], "dynamics snapshot: syntactic_pairs") : 0});
    } catch (const json::exception& e) {
        throw Error(std::string("dynamics snapshot: ") + e.what());
    }
    for (const auto* m : {&p.posClasses, &p.frequencyBands})
        for (const auto& [k, c] : *m)
            if (c.correct < 0 || c.correct > c.predicted) throw Error("dynamics snapshot: class '" + k + "' has impossible counts");
    return p;
}

} // namespace ptl

#include "core/api/Inspect.h"
#include "core/util/Error.h"
#include "core/util/JsonNumbers.h"

#include <nlohmann/json.hpp>

namespace ptl {

using nlohmann::json;

static json candidates(const std::vector<TokenCandidate>& cs)
{
    json a = json::array();
    for (const auto& c : cs) a.push_back({{"token", c.token}, {"id", c.id}, {"prob", c.prob}});
    return a;
}

static std::vector<TokenCandidate> readCandidates(const json& a)
{
    std::vector<TokenCandidate> out;
    for (const auto& c : a) out.push_back({c.at("token").get<std::string>(), jsonInteger<int>(c.at("id"), "snapshot: id"), c.at("prob").get<double>()});
    return out;
}

std::string inspectToJson(const InspectResult& r)
{
    json top = json::array();
    for (const auto& p : r.maskPredictions) top.push_back({{"position", p.position}, {"candidates", candidates(p.candidates)}});
    json j{{"tokens", r.tokens}, {"ids", r.ids}, {"type_ids", r.typeIds}, {"attentions", r.attentions},
           {"mlm_top_k", top}, {"next_top_k", candidates(r.nextToken)}};
    if (!r.replacedProb.empty()) j["replaced_prob"] = r.replacedProb;
    if (!r.frequencyGuess.empty()) j["frequency_top_k"] = candidates(r.frequencyGuess);
    return j.dump();
}

InspectResult inspectFromJson(const std::string& text)
{
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw Error("snapshot: not a JSON object");
    InspectResult r;
    requireFloatRange(j, "snapshot");
    try {
        r.tokens = j.at("tokens").get<std::vector<std::string>>();
        r.ids = jsonIntegers<int>(j.at("ids"), "snapshot: ids");
        r.typeIds = j.contains("type_ids") ? jsonIntegers<int>(j["type_ids"], "snapshot: type_ids") : std::vector<int>(r.ids.size(), 0);
        r.attentions = j.at("attentions").get<std::vector<std::vector<std::vector<std::vector<float>>>>>();
        for (const auto& p : j.value("mlm_top_k", json::array()))
            r.maskPredictions.push_back({jsonInteger<int>(p.at("position"), "snapshot: position"), readCandidates(p.at("candidates"))});
        r.nextToken = readCandidates(j.value("next_top_k", json::array()));
        r.replacedProb = j.value("replaced_prob", std::vector<float>{});
        r.frequencyGuess = readCandidates(j.value("frequency_top_k", json::array()));
    } catch (const json::exception& e) {
        throw Error(std::string("snapshot: ") + e.what());
    }
    if (r.tokens.size() != r.ids.size()) throw Error("snapshot: tokens and ids differ in length");
    for (const auto& layer : r.attentions)
        for (const auto& head : layer) {
            if (head.size() != r.tokens.size()) throw Error("snapshot: attention rows do not match the tokens");
            for (const auto& row : head)
                if (row.size() != r.tokens.size()) throw Error("snapshot: attention columns do not match the tokens");
        }
    return r;
}

} // namespace ptl

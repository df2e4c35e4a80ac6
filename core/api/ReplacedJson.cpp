#include "core/api/Replaced.h"
#include "core/util/Error.h"
#include "core/util/JsonNumbers.h"

#include <algorithm>

#include <cmath>
#include <nlohmann/json.hpp>

namespace ptl {

using nlohmann::json;

static json number(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

std::string replacedToJson(const ReplacedView& v)
{
    json toks = json::array();
    for (const auto& t : v.tokens)
        toks.push_back({{"original", t.original}, {"shown", t.shown}, {"masked", t.masked}, {"replaced", t.replaced}, {"p", t.pReplaced}});
    return json{{"tokens", toks},
                {"labelled", v.labelled},
                {"threshold", v.threshold},
                {"bins", v.bins},
                {"hist_original", v.histOriginal},
                {"hist_replaced", v.histReplaced},
                {"batch_tokens", v.batchTokens},
                {"batch_replaced", v.replacedCount},
                {"accuracy", number(v.accuracy)},
                {"precision", number(v.precision)},
                {"recall", number(v.recall)},
                {"f1", number(v.f1)},
                {"auc", number(v.auc)}}
        .dump();
}

ReplacedView replacedFromJson(const std::string& text)
{
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("tokens") || !j["tokens"].is_array())
        throw Error("not a replaced-token snapshot (expected an object with a \"tokens\" array)");
    ReplacedView v;
    requireFloatRange(j, "replaced-token snapshot");
    auto num = [&](const char* k) { return j.contains(k) && j[k].is_number() ? j[k].get<double>() : std::nan(""); };
    try {
        for (const auto& t : j["tokens"]) {
            ReplacedToken r;
            r.original = t.value("original", std::string());
            r.shown = t.value("shown", r.original);
            r.masked = t.value("masked", false);
            r.replaced = t.value("replaced", false);
            r.pReplaced = t.value("p", 0.0f);
            v.tokens.push_back(std::move(r));
        }
        v.labelled = j.value("labelled", true);
        v.threshold = j.value("threshold", 0.5);
        auto integer = [&](const char* k, std::int64_t fallback) { return j.contains(k) ? jsonInteger<std::int64_t>(j[k], k) : fallback; };
        v.bins = static_cast<int>(std::clamp<std::int64_t>(integer("bins", 20), 1, 10000));
        if (j.contains("hist_original")) v.histOriginal = jsonIntegers<std::int64_t>(j["hist_original"], "hist_original");
        if (j.contains("hist_replaced")) v.histReplaced = jsonIntegers<std::int64_t>(j["hist_replaced"], "hist_replaced");
        v.batchTokens = integer("batch_tokens", 0);
        v.replacedCount = integer("batch_replaced", 0);
    } catch (const json::exception& e) {
        throw Error(std::string("malformed replaced-token snapshot: ") + e.what());
    }
    v.accuracy = num("accuracy");
    v.precision = num("precision");
    v.recall = num("recall");
    v.f1 = num("f1");
    v.auc = num("auc");
    return v;
}

} // namespace ptl

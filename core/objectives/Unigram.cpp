#include "core/objectives/Unigram.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>

namespace ptl {

void UnigramCounts::add(int id, std::int64_t n)
{
    if (id < 0 || id >= vocabSize())
        throw Error("token id " + std::to_string(id) + " is outside the vocabulary of " + std::to_string(vocabSize()));
    counts_[static_cast<std::size_t>(id)] += n;
    total_ += n;
}

double UnigramCounts::entropy() const
{
    if (total_ <= 0) return 0.0;
    const double n = static_cast<double>(total_);
    double h = 0.0;
    for (std::int64_t c : counts_)
        if (c > 0) {
            const double p = static_cast<double>(c) / n;
            h -= p * std::log(p);
        }
    return h;
}

double UnigramCounts::probability(int id, double alpha) const
{
    return (static_cast<double>(count(id)) + alpha) / (static_cast<double>(total_) + alpha * static_cast<double>(vocabSize()));
}

double UnigramCounts::crossEntropy(const UnigramCounts& heldOut, double alpha) const
{
    if (heldOut.total() <= 0) return 0.0;
    if (heldOut.vocabSize() != vocabSize()) throw Error("unigram counts over different vocabularies");
    double sum = 0.0;
    for (int id = 0; id < vocabSize(); ++id)
        if (const auto c = heldOut.count(id); c > 0) sum -= static_cast<double>(c) * std::log(probability(id, alpha));
    return sum / static_cast<double>(heldOut.total());
}

double UnigramCounts::accuracyOfMostFrequent(const UnigramCounts& heldOut) const
{
    const auto t = top(1);
    if (t.empty() || heldOut.total() <= 0) return 0.0;
    return static_cast<double>(heldOut.count(t.front().first)) / static_cast<double>(heldOut.total());
}

std::vector<std::pair<int, double>> UnigramCounts::top(int k) const
{
    std::vector<int> ids(counts_.size());
    std::iota(ids.begin(), ids.end(), 0);
    const auto n = std::min<std::size_t>(static_cast<std::size_t>(std::max(0, k)), ids.size());
    std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n), ids.end(), [&](int a, int b) {
        const auto ca = counts_[static_cast<std::size_t>(a)], cb = counts_[static_cast<std::size_t>(b)];
        return ca != cb ? ca > cb : a < b;
    });
    std::vector<std::pair<int, double>> out;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = counts_[static_cast<std::size_t>(ids[i])];
        if (c == 0) break;
        out.emplace_back(ids[i], static_cast<double>(c) / static_cast<double>(std::max<std::int64_t>(1, total_)));
    }
    return out;
}

std::string UnigramCounts::toJson() const
{
    return nlohmann::json{{"version", 1}, {"total", total_}, {"entropy", entropy()}, {"counts", counts_}}.dump() + "\n";
}

UnigramCounts UnigramCounts::fromJson(const std::string& text, const std::string& where)
{
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("counts") || !j["counts"].is_array())
        throw Error(where + " is not a unigram count file", "it should hold {\"counts\": [...]}; delete it to have it recomputed");
    UnigramCounts u(static_cast<int>(j["counts"].size()));
    for (std::size_t i = 0; i < j["counts"].size(); ++i) {
        const auto& c = j["counts"][i];
        if (!c.is_number_integer() || c.get<std::int64_t>() < 0)
            throw Error(where + ": count " + std::to_string(i) + " is not a non-negative integer", "delete the file to have it recomputed");
        if (const auto v = c.get<std::int64_t>(); v > 0) u.add(static_cast<int>(i), v);
    }
    return u;
}

double binaryEntropy(double p)
{
    if (!(p > 0.0 && p < 1.0)) return 0.0;
    return -(p * std::log(p) + (1.0 - p) * std::log(1.0 - p));
}

} // namespace ptl

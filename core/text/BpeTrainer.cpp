#include "core/text/BpeTrainer.h"

#include <queue>
#include <unordered_map>
#include <unordered_set>

namespace ptl {

namespace {
using Pair = std::uint64_t;
Pair key(int a, int b) { return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b); }
int first(Pair p) { return static_cast<int>(p >> 32); }
int second(Pair p) { return static_cast<int>(p & 0xffffffffu); }
} // namespace

BpeTrainerResult trainBpe(const BpeTrainerInput& input)
{
    std::vector<std::string> symbols;
    std::unordered_map<std::string, int> symbolIds;
    auto intern = [&](const std::string& s) {
        auto [it, inserted] = symbolIds.emplace(s, static_cast<int>(symbols.size()));
        if (inserted) symbols.push_back(s);
        return it->second;
    };

    std::vector<std::vector<int>> words;
    std::vector<long long> counts;
    for (const auto& [syms, count] : input.words) {
        std::vector<int> w;
        for (const auto& s : syms) w.push_back(intern(s));
        words.push_back(std::move(w));
        counts.push_back(count);
    }

    std::unordered_map<Pair, long long> pairCount;
    std::unordered_map<Pair, std::unordered_set<int>> where;
    for (int w = 0; w < static_cast<int>(words.size()); ++w) {
        const auto& s = words[static_cast<std::size_t>(w)];
        for (std::size_t i = 0; i + 1 < s.size(); ++i) {
            const Pair p = key(s[i], s[i + 1]);
            pairCount[p] += counts[static_cast<std::size_t>(w)];
            where[p].insert(w);
        }
    }
    // Max-heap on count; ties go to the smaller pair key (earlier-seen symbols), so
    // training is deterministic.
    using Item = std::pair<long long, Pair>;
    auto cmp = [](const Item& a, const Item& b) { return a.first != b.first ? a.first < b.first : a.second > b.second; };
    std::priority_queue<Item, std::vector<Item>, decltype(cmp)> heap(cmp);
    for (const auto& [p, c] : pairCount) heap.push({c, p});

    BpeTrainerResult result;
    while (static_cast<int>(result.merges.size()) < input.maxMerges && !heap.empty()) {
        const auto [count, p] = heap.top();
        heap.pop();
        auto it = pairCount.find(p);
        if (it == pairCount.end() || it->second != count)
            continue;  // stale entry
        if (count < input.minFrequency)
            break;
        const int a = first(p), b = second(p);
        const std::string joined = input.join(symbols[static_cast<std::size_t>(a)], symbols[static_cast<std::size_t>(b)]);
        const int merged = intern(joined);
        result.merges.emplace_back(symbols[static_cast<std::size_t>(a)], symbols[static_cast<std::size_t>(b)]);
        result.newSymbols.push_back(joined);

        std::unordered_map<Pair, long long> delta;
        const std::unordered_set<int> affected = std::move(where[p]);
        where.erase(p);
        for (int w : affected) {
            auto& s = words[static_cast<std::size_t>(w)];
            const long long c = counts[static_cast<std::size_t>(w)];
            for (std::size_t i = 0; i + 1 < s.size(); ++i) delta[key(s[i], s[i + 1])] -= c;
            std::vector<int> next;
            next.reserve(s.size());
            for (std::size_t i = 0; i < s.size();) {
                if (i + 1 < s.size() && s[i] == a && s[i + 1] == b) {
                    next.push_back(merged);
                    i += 2;
                } else {
                    next.push_back(s[i]);
                    ++i;
                }
            }
            s = std::move(next);
            for (std::size_t i = 0; i + 1 < s.size(); ++i) {
                const Pair q = key(s[i], s[i + 1]);
                delta[q] += c;
                where[q].insert(w);
            }
        }
        for (const auto& [q, d] : delta) {
            if (d == 0) continue;
            long long& v = pairCount[q];
            v += d;
            if (v <= 0) {
                pairCount.erase(q);
                where.erase(q);
            } else {
                heap.push({v, q});
            }
        }
        pairCount.erase(p);
    }
    return result;
}

} // namespace ptl

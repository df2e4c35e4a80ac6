#include "core/text/ByteLevelBpe.h"
#include "core/text/BpeTrainer.h"
#include "core/text/Unicode.h"
#include "core/util/Error.h"
#include "core/util/Files.h"

#include <climits>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;

namespace ptl {

namespace u = unicode;

static const std::string kEndOfText = "<|endoftext|>";

const std::vector<std::string>& ByteLevelBpeTokenizer::byteSymbols()
{
    static const std::vector<std::string> table = [] {
        std::vector<int> bs;
        for (int b = '!'; b <= '~'; ++b) bs.push_back(b);
        for (int b = 0xA1; b <= 0xAC; ++b) bs.push_back(b);
        for (int b = 0xAE; b <= 0xFF; ++b) bs.push_back(b);
        std::vector<char32_t> map(256, 0);
        std::vector<bool> has(256, false);
        for (int b : bs) { map[static_cast<std::size_t>(b)] = static_cast<char32_t>(b); has[static_cast<std::size_t>(b)] = true; }
        int n = 0;
        for (int b = 0; b < 256; ++b)
            if (!has[static_cast<std::size_t>(b)]) map[static_cast<std::size_t>(b)] = static_cast<char32_t>(256 + n++);
        std::vector<std::string> out(256);
        for (int b = 0; b < 256; ++b) u::appendUtf8(out[static_cast<std::size_t>(b)], map[static_cast<std::size_t>(b)]);
        return out;
    }();
    return table;
}

static const std::unordered_map<std::string, unsigned char>& symbolBytes()
{
    static const std::unordered_map<std::string, unsigned char> inv = [] {
        std::unordered_map<std::string, unsigned char> m;
        const auto& t = ByteLevelBpeTokenizer::byteSymbols();
        for (int b = 0; b < 256; ++b) m[t[static_cast<std::size_t>(b)]] = static_cast<unsigned char>(b);
        return m;
    }();
    return inv;
}

ByteLevelBpeTokenizer::ByteLevelBpeTokenizer(std::vector<std::string> vocab, std::vector<std::pair<std::string, std::string>> merges)
    : merges_(std::move(merges))
{
    setVocab(std::move(vocab));
    for (std::size_t i = 0; i < merges_.size(); ++i)
        ranks_.emplace(merges_[i].first + " " + merges_[i].second, static_cast<int>(i));
    for (const auto& s : byteSymbols())
        if (id(s) < 0)
            throw Error("BPE vocabulary lacks the byte symbol '" + s + "'", "a byte-level vocabulary must hold all 256 byte symbols");
}

std::unique_ptr<ByteLevelBpeTokenizer> ByteLevelBpeTokenizer::fromFiles(const fs::path& vocabJson, const fs::path& mergesTxt)
{
    auto j = nlohmann::json::parse(readTextFile(vocabJson), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw Error(vocabJson.string() + " is not a JSON object of token -> id", "vocab.json maps each token to its id");
    std::map<int, std::string> byId;
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!it.value().is_number_integer() || it.value().get<long long>() < 0 || it.value().get<long long>() > INT_MAX)
            throw Error(vocabJson.string() + ": token '" + it.key() + "' has no valid id");
        const int i = it.value().get<int>();
        if (!byId.emplace(i, it.key()).second)
            throw Error(vocabJson.string() + ": id " + std::to_string(i) + " is given to two tokens");
    }
    std::vector<std::string> vocab;
    for (const auto& [i, t] : byId) {
        if (i != static_cast<int>(vocab.size()))
            throw Error(vocabJson.string() + ": ids are not contiguous (missing " + std::to_string(vocab.size()) + ")");
        vocab.push_back(t);
    }
    std::vector<std::pair<std::string, std::string>> merges;
    std::istringstream in(readTextFile(mergesTxt));
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.rfind("#version", 0) == 0) continue;
        const auto sp = line.find(' ');
        if (sp == std::string::npos || sp == 0 || sp + 1 == line.size() || line.find(' ', sp + 1) != std::string::npos)
            throw Error(mergesTxt.string() + ":" + std::to_string(lineNo) + ": expected two symbols separated by one space, got '" + line + "'");
        merges.emplace_back(line.substr(0, sp), line.substr(sp + 1));
    }
    try {
        return std::make_unique<ByteLevelBpeTokenizer>(std::move(vocab), std::move(merges));
    } catch (const Error& e) {
        throw Error(vocabJson.string() + ": " + e.message(), e.hint());
    }
}

std::vector<std::string> ByteLevelBpeTokenizer::specialStrings() const
{
    return id(kEndOfText) >= 0 ? std::vector<std::string>{kEndOfText} : std::vector<std::string>{};
}

std::vector<std::string> ByteLevelBpeTokenizer::preTokenize(std::string_view text)
{
    const auto units = u::decode(text);
    enum Cls { Letter, Number, Space, Other };
    auto cls = [&](std::size_t i) {
        const auto& x = units[i];
        if (!x.valid) return Other;
        if (u::isLetter(x.cp)) return Letter;
        if (u::isNumber(x.cp)) return Number;
        if (u::isSpace(x.cp)) return Space;
        return Other;
    };
    const std::size_t n = units.size();
    std::vector<std::string> out;
    auto emit = [&](std::size_t a, std::size_t b) {  // units [a, b)
        out.emplace_back(text.substr(units[a].begin, units[b - 1].end - units[a].begin));
    };
    auto runEnd = [&](std::size_t i, Cls c) {
        while (i < n && cls(i) == c) ++i;
        return i;
    };
    static const char* contractions[] = {"s", "t", "re", "ve", "m", "ll", "d"};
    std::size_t i = 0;
    while (i < n) {
        const char32_t c = units[i].cp;
        if (c == '\'' && units[i].valid) {
            bool done = false;
            for (const char* k : contractions) {
                const std::size_t len = std::strlen(k);
                bool ok = true;
                for (std::size_t q = 0; ok && q < len; ++q)
                    ok = i + 1 + q < n && units[i + 1 + q].cp == static_cast<char32_t>(k[q]);
                if (ok) {
                    emit(i, i + 1 + len);
                    i += 1 + len;
                    done = true;
                    break;
                }
            }
            if (done) continue;
        }
        const Cls k = cls(i);
        if (c == ' ' && i + 1 < n && cls(i + 1) != Space) {
            const std::size_t e = runEnd(i + 1, cls(i + 1));
            emit(i, e);
            i = e;
            continue;
        }
        if (k != Space) {
            const std::size_t e = runEnd(i, k);
            emit(i, e);
            i = e;
            continue;
        }
        const std::size_t e = runEnd(i, Space);
        if (e == n || e - i == 1) {
            emit(i, e);  // \s+ at the end, or a single space before a non-space
            i = e;
        } else {
            emit(i, e - 1);  // \s+(?!\S): leave the last one for the next word
            i = e - 1;
        }
    }
    return out;
}

std::vector<std::string> ByteLevelBpeTokenizer::bpe(const std::string& word) const
{
    {
        std::lock_guard lock(cacheMutex_);
        if (auto it = cache_.find(word); it != cache_.end()) return it->second;
    }
    const auto& table = byteSymbols();
    std::vector<std::string> parts;
    for (unsigned char b : word) parts.push_back(table[b]);
    while (parts.size() > 1) {
        int best = INT_MAX;
        std::size_t at = 0;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
            auto it = ranks_.find(parts[i] + " " + parts[i + 1]);
            if (it != ranks_.end() && it->second < best) {
                best = it->second;
                at = i;
            }
        }
        if (best == INT_MAX) break;
        const std::string a = parts[at], b = parts[at + 1];
        std::vector<std::string> next;
        for (std::size_t i = 0; i < parts.size();) {
            if (i + 1 < parts.size() && parts[i] == a && parts[i + 1] == b) {
                next.push_back(a + b);
                i += 2;
            } else {
                next.push_back(parts[i]);
                ++i;
            }
        }
        parts = std::move(next);
    }
    std::lock_guard lock(cacheMutex_);
    if (cache_.size() > 100000) cache_.clear();
    cache_.emplace(word, parts);
    return parts;
}

std::vector<std::string> ByteLevelBpeTokenizer::tokenize(std::string_view text) const
{
    std::vector<std::string> out;
    for (const auto& [piece, special] : splitSpecials(text)) {
        if (special) {
            out.emplace_back(piece);
            continue;
        }
        for (const auto& word : preTokenize(piece))
            for (auto& p : bpe(word)) out.push_back(std::move(p));
    }
    return out;
}

std::string ByteLevelBpeTokenizer::decode(const std::vector<int>& ids, bool skipSpecial) const
{
    const auto& inv = symbolBytes();
    std::string out;
    for (int i : ids) {
        if (isSpecial(i)) {
            if (!skipSpecial) out += token(i);
            continue;
        }
        for (const auto& unit : u::decode(token(i))) {
            std::string sym;
            u::appendUtf8(sym, unit.cp);
            auto it = inv.find(sym);
            if (it != inv.end()) out.push_back(static_cast<char>(it->second));
        }
    }
    return out;
}

bool ByteLevelBpeTokenizer::isContinuation(int id) const
{
    if (id < 0 || id >= vocabSize() || isSpecial(id)) return false;
    static const std::string space = byteSymbols()[' '];
    return vocab_[static_cast<std::size_t>(id)].rfind(space, 0) != 0;
}

void ByteLevelBpeTokenizer::save(const fs::path& dir) const
{
    nlohmann::ordered_json v = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < vocab_.size(); ++i) v[vocab_[i]] = i;
    writeFileAtomic(dir / "vocab.json", v.dump() + "\n");
    std::string m = "#version: 0.2\n";
    for (const auto& [a, b] : merges_) m += a + " " + b + "\n";
    writeFileAtomic(dir / "merges.txt", m);
    nlohmann::json cfg = {{"tokenizer_class", "GPT2Tokenizer"}, {"model_max_length", 1024},
                          {"bos_token", kEndOfText}, {"eos_token", kEndOfText}, {"unk_token", kEndOfText}};
    writeFileAtomic(dir / "tokenizer_config.json", cfg.dump(2) + "\n");
}

std::unique_ptr<ByteLevelBpeTokenizer> ByteLevelBpeTokenizer::train(const std::vector<std::string>& texts, int vocabSize, int minFrequency)
{
    std::map<std::string, long long> counts;
    for (const auto& t : texts)
        for (auto& w : preTokenize(t)) ++counts[w];
    const auto& table = byteSymbols();
    BpeTrainerInput in;
    for (const auto& [word, count] : counts) {
        std::vector<std::string> syms;
        for (unsigned char b : word) syms.push_back(table[b]);
        in.words.emplace_back(std::move(syms), count);
    }
    std::vector<std::string> vocab(table.begin(), table.end());
    in.join = [](const std::string& a, const std::string& b) { return a + b; };
    in.minFrequency = minFrequency;
    in.maxMerges = std::max(0, vocabSize - 257) * 2;
    const BpeTrainerResult r = trainBpe(in);
    std::unordered_map<std::string, int> seen;
    for (const auto& s : vocab) seen.emplace(s, 0);
    std::vector<std::pair<std::string, std::string>> merges;
    for (std::size_t i = 0; i < r.merges.size() && static_cast<int>(vocab.size()) < vocabSize - 1; ++i) {
        merges.push_back(r.merges[i]);
        if (seen.emplace(r.newSymbols[i], 0).second) vocab.push_back(r.newSymbols[i]);
    }
    vocab.push_back(kEndOfText);
    return std::make_unique<ByteLevelBpeTokenizer>(std::move(vocab), std::move(merges));
}

} // namespace ptl

#include "core/text/WordPiece.h"
#include "core/text/BpeTrainer.h"
#include "core/text/Unicode.h"
#include "core/util/Error.h"
#include "core/util/Files.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace ptl {

namespace u = unicode;

static const std::vector<std::string> kSpecials = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};

WordPieceTokenizer::WordPieceTokenizer(std::vector<std::string> vocab, WordPieceOptions options) : options_(options)
{
    setVocab(std::move(vocab));
    if (specials_.unk < 0)
        throw Error("WordPiece vocabulary has no [UNK] token", "every BERT vocab.txt lists [UNK]; add it as a line");
}

std::unique_ptr<WordPieceTokenizer> WordPieceTokenizer::fromVocabFile(const fs::path& vocabTxt, WordPieceOptions options)
{
    const std::string text = readTextFile(vocabTxt);
    if (!u::isValidUtf8(text))
        throw Error(vocabTxt.string() + " is not valid UTF-8 text", "vocab.txt must hold one token a line, in UTF-8");
    std::vector<std::string> vocab;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        vocab.push_back(line);
    }
    if (vocab.empty())
        throw Error(vocabTxt.string() + " is empty", "vocab.txt must hold one token a line");
    try {
        return std::make_unique<WordPieceTokenizer>(std::move(vocab), options);
    } catch (const Error& e) {
        throw Error(vocabTxt.string() + ": " + e.message(), e.hint());
    }
}

std::vector<std::string> WordPieceTokenizer::specialStrings() const
{
    std::vector<std::string> s;
    for (const auto& t : kSpecials)
        if (id(t) >= 0) s.push_back(t);
    return s;
}

std::vector<std::string> WordPieceTokenizer::basicTokenize(std::string_view text, const WordPieceOptions& opt)
{
    // _clean_text + _tokenize_chinese_chars
    std::u32string clean;
    clean.reserve(text.size());
    for (const auto& unit : u::decode(text)) {
        const char32_t c = unit.cp;
        if (c == 0 || c == 0xFFFD || u::isControl(c)) continue;
        if (u::isWhitespace(c)) {
            clean.push_back(' ');
        } else if (u::isCjk(c)) {
            clean.push_back(' ');
            clean.push_back(c);
            clean.push_back(' ');
        } else {
            clean.push_back(c);
        }
    }
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < clean.size()) {
        while (i < clean.size() && clean[i] == ' ') ++i;
        std::size_t j = i;
        while (j < clean.size() && clean[j] != ' ') ++j;
        if (j == i) break;
        std::u32string word = clean.substr(i, j - i);
        i = j;
        if (opt.lowercase)
            for (auto& c : word) c = u::toLower(c);
        if (opt.stripAccents)
            word = u::stripAccents(word);
        // _run_split_on_punc
        std::u32string cur;
        for (char32_t c : word) {
            if (u::isPunctuation(c)) {
                if (!cur.empty()) out.push_back(u::toUtf8(cur));
                cur.clear();
                out.push_back(u::toUtf8(std::u32string(1, c)));
            } else {
                cur.push_back(c);
            }
        }
        if (!cur.empty()) out.push_back(u::toUtf8(cur));
    }
    return out;
}

void WordPieceTokenizer::wordPiece(const std::string& word, std::vector<std::string>& out) const
{
    const std::u32string chars = u::toU32(word);
    if (static_cast<int>(chars.size()) > options_.maxInputCharsPerWord) {
        out.push_back(vocab_[static_cast<std::size_t>(specials_.unk)]);
        return;
    }
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (start < chars.size()) {
        std::size_t end = chars.size();
        std::string found;
        while (start < end) {
            std::string sub = u::toUtf8(chars.substr(start, end - start));
            if (start > 0) sub = "##" + sub;
            if (index_.count(sub)) {
                found = std::move(sub);
                break;
            }
            --end;
        }
        if (found.empty()) {
            out.push_back(vocab_[static_cast<std::size_t>(specials_.unk)]);
            return;
        }
        pieces.push_back(std::move(found));
        start = end;
    }
    out.insert(out.end(), pieces.begin(), pieces.end());
}

std::vector<std::string> WordPieceTokenizer::tokenize(std::string_view text) const
{
    std::vector<std::string> out;
    for (const auto& [piece, special] : splitSpecials(text)) {
        if (special) {
            out.emplace_back(piece);
            continue;
        }
        for (const std::string& word : basicTokenize(piece, options_))
            wordPiece(word, out);
    }
    return out;
}

std::string WordPieceTokenizer::decode(const std::vector<int>& ids, bool skipSpecial) const
{
    std::string out;
    for (int i : ids) {
        if (skipSpecial && isSpecial(i) && i != specials_.unk) continue;
        const std::string& t = token(i);
        if (t.rfind("##", 0) == 0 && !out.empty()) {
            out += t.substr(2);
        } else {
            if (!out.empty()) out += ' ';
            out += t;
        }
    }
    return out;
}

bool WordPieceTokenizer::isContinuation(int id) const
{
    return id >= 0 && id < vocabSize() && vocab_[static_cast<std::size_t>(id)].rfind("##", 0) == 0;
}

void WordPieceTokenizer::save(const fs::path& dir) const
{
    std::string text;
    for (const auto& t : vocab_) text += t + "\n";
    writeFileAtomic(dir / "vocab.txt", text);
    nlohmann::json cfg = {{"tokenizer_class", "BertTokenizer"}, {"do_lower_case", options_.lowercase},
                          {"strip_accents", options_.stripAccents}, {"model_max_length", 512}};
    writeFileAtomic(dir / "tokenizer_config.json", cfg.dump(2) + "\n");
}

std::vector<std::string> WordPieceTokenizer::train(const std::vector<std::string>& texts, int vocabSize,
                                                   const WordPieceOptions& options, int minFrequency)
{
    std::map<std::string, long long> counts;  // sorted: deterministic symbol order
    for (const auto& t : texts)
        for (auto& w : basicTokenize(t, options)) ++counts[w];

    BpeTrainerInput in;
    std::set<std::string> alphabet;
    for (const auto& [word, count] : counts) {
        const std::u32string chars = u::toU32(word);
        if (static_cast<int>(chars.size()) > options.maxInputCharsPerWord) continue;
        std::vector<std::string> syms;
        for (std::size_t i = 0; i < chars.size(); ++i) {
            std::string s = u::toUtf8(std::u32string(1, chars[i]));
            if (i > 0) s = "##" + s;
            alphabet.insert(s);
            syms.push_back(std::move(s));
        }
        in.words.emplace_back(std::move(syms), count);
    }
    std::vector<std::string> vocab = kSpecials;
    vocab.insert(vocab.end(), alphabet.begin(), alphabet.end());
    std::set<std::string> seen(vocab.begin(), vocab.end());
    in.join = [](const std::string& a, const std::string& b) { return a + (b.rfind("##", 0) == 0 ? b.substr(2) : b); };
    in.minFrequency = minFrequency;
    in.maxMerges = std::max(0, vocabSize - static_cast<int>(vocab.size())) * 2;  // repeats do not add entries
    const BpeTrainerResult r = trainBpe(in);
    for (const auto& s : r.newSymbols) {
        if (static_cast<int>(vocab.size()) >= vocabSize) break;
        if (seen.insert(s).second) vocab.push_back(s);
    }
    return vocab;
}

} // namespace ptl

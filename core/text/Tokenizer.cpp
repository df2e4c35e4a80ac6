#include "core/text/Tokenizer.h"
#include "core/text/ByteLevelBpe.h"
#include "core/text/WordPiece.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Runtime.h"

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace ptl {

std::vector<int> Tokenizer::encode(std::string_view text) const { return toIds(tokenize(text)); }

std::vector<int> Tokenizer::toIds(const std::vector<std::string>& tokens) const
{
    std::vector<int> ids;
    ids.reserve(tokens.size());
    for (const auto& t : tokens) {
        const int i = id(t);
        ids.push_back(i >= 0 ? i : specials_.unk);
    }
    return ids;
}

const std::string& Tokenizer::token(int id) const
{
    if (id < 0 || id >= vocabSize())
        throw Error("token id " + std::to_string(id) + " is outside the vocabulary (size " + std::to_string(vocabSize()) + ")");
    return vocab_[static_cast<std::size_t>(id)];
}

int Tokenizer::id(const std::string& token) const
{
    auto it = index_.find(token);
    return it == index_.end() ? -1 : it->second;
}

bool Tokenizer::isSpecial(int id) const
{
    const SpecialIds& s = specials_;
    return id >= 0 && (id == s.pad || id == s.unk || id == s.cls || id == s.sep || id == s.mask || id == s.eos);
}

void Tokenizer::setVocab(std::vector<std::string> vocab)
{
    vocab_ = std::move(vocab);
    index_.clear();
    for (std::size_t i = 0; i < vocab_.size(); ++i) {
        if (!index_.emplace(vocab_[i], static_cast<int>(i)).second)
            throw Error("vocabulary lists '" + vocab_[i] + "' twice (ids " + std::to_string(index_[vocab_[i]]) + " and " +
                        std::to_string(i) + ")");
    }
    specials_.pad = id("[PAD]");
    specials_.unk = id("[UNK]");
    specials_.cls = id("[CLS]");
    specials_.sep = id("[SEP]");
    specials_.mask = id("[MASK]");
    specials_.eos = id("<|endoftext|>");
}

std::vector<std::pair<std::string_view, bool>> Tokenizer::splitSpecials(std::string_view text) const
{
    std::vector<std::pair<std::string_view, bool>> out;
    const auto specials = specialStrings();
    std::size_t start = 0, i = 0;
    while (i < text.size()) {
        bool matched = false;
        for (const auto& s : specials) {
            if (!s.empty() && text.compare(i, s.size(), s) == 0) {
                if (i > start) out.emplace_back(text.substr(start, i - start), false);
                out.emplace_back(text.substr(i, s.size()), true);
                i += s.size();
                start = i;
                matched = true;
                break;
            }
        }
        if (!matched) ++i;
    }
    if (start < text.size()) out.emplace_back(text.substr(start), false);
    return out;
}

std::unique_ptr<Tokenizer> loadTokenizerFile(const fs::path& file)
{
    const std::string name = file.filename().string();
    if (file.extension() == ".json") {
        const fs::path merges = file.parent_path() / "merges.txt";
        if (!fs::exists(merges))
            throw Error("BPE vocabulary " + file.string() + " has no merges.txt beside it", "a byte-level BPE tokenizer needs vocab.json and merges.txt in one folder");
        return ByteLevelBpeTokenizer::fromFiles(file, merges);
    }
    WordPieceOptions opt;
    const fs::path cfg = file.parent_path() / "tokenizer_config.json";
    if (fs::exists(cfg)) {
        auto j = nlohmann::json::parse(readTextFile(cfg), nullptr, false);
        if (j.is_object()) {
            if (j.contains("do_lower_case") && j["do_lower_case"].is_boolean()) opt.lowercase = opt.stripAccents = j["do_lower_case"].get<bool>();
            if (j.contains("strip_accents") && j["strip_accents"].is_boolean()) opt.stripAccents = j["strip_accents"].get<bool>();
        }
    }
    return WordPieceTokenizer::fromVocabFile(file, opt);
}

std::unique_ptr<Tokenizer> loadTokenizer(const fs::path& dir)
{
    if (fs::exists(dir / "vocab.txt"))
        return loadTokenizerFile(dir / "vocab.txt");
    if (fs::exists(dir / "vocab.json"))
        return loadTokenizerFile(dir / "vocab.json");
    throw Error("no tokenizer files in " + dir.string(), "a checkpoint folder needs vocab.txt (WordPiece) or vocab.json + merges.txt (BPE)");
}

std::unique_ptr<Tokenizer> loadBundledTokenizer(TokenizerKind kind)
{
    const fs::path dir = resourceDir() / "vocab" / bundledVocabFolder(kind);
    if (!fs::exists(dir))
        throw Error("the bundled vocabulary " + dir.string() + " is missing", "run 'make vocab' or reinstall PretrainLab");
    return loadTokenizer(dir);
}

} // namespace ptl

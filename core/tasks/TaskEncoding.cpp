#include "core/tasks/TaskEncoding.h"
#include "core/api/ModelConfig.h"
#include "core/tasks/Squad.h"
#include "core/util/Error.h"
#include "core/util/Files.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace ptl {

TaskInputFormat TaskInputFormat::forModel(const Tokenizer& tok, bool gpt, int vocabSize, int seqLen)
{
    TaskInputFormat f;
    f.gpt = gpt;
    f.seqLen = seqLen;
    if (gpt) {
        f.open = vocabSize;
        f.delim = vocabSize + 1;
        f.close = vocabSize + 2;
    } else {
        f.open = tok.specials().cls;
        f.delim = tok.specials().sep;
        f.close = tok.specials().sep;
    }
    return f;
}

namespace {
std::vector<std::int64_t> pieces(const Tokenizer& tok, const std::string& text)
{
    const auto ids = tok.encode(text);
    return {ids.begin(), ids.end()};
}
} // namespace

TaskInput encodeTaskExample(const Tokenizer& tok, const TaskInputFormat& f, TaskKind kind, const TaskExample& e, bool symmetric)
{
    if (kind == TaskKind::Span) throw Error("a reading-comprehension example is read in windows", "use encodeSpanExample");
    if (symmetric && f.gpt && kind == TaskKind::Classification && e.texts.size() == 2) {
        TaskInput x;
        for (const auto& order : {e.texts, std::vector<std::string>{e.texts[1], e.texts[0]}}) {
            TaskExample pair = e;
            pair.texts = order;
            TaskInput c = encodeTaskExample(tok, f, kind, pair, false);
            x.choiceIds.push_back(std::move(c.ids));
            x.choiceTypes.push_back(std::move(c.types));
            x.choiceReadout.push_back(c.readout);
        }
        x.ids = x.choiceIds.front();
        x.types = x.choiceTypes.front();
        x.readout = x.choiceReadout.front();
        x.label = e.label;
        return x;
    }
    if (kind == TaskKind::MultipleChoice) {
        TaskInput x;
        for (const auto& choice : e.choices) {
            TaskExample pair;
            pair.texts = {e.texts.empty() ? std::string() : e.texts.front(), choice};
            pair.label = e.label;
            TaskInput c = encodeTaskExample(tok, f, TaskKind::Classification, pair);
            x.choiceIds.push_back(std::move(c.ids));
            x.choiceTypes.push_back(std::move(c.types));
            x.choiceReadout.push_back(c.readout);
        }
        if (!x.choiceIds.empty()) {
            x.ids = x.choiceIds.front();
            x.types = x.choiceTypes.front();
            x.readout = x.choiceReadout.front();
        }
        x.label = e.label;
        return x;
    }
    TaskInput x;
    const int T = f.seqLen;
    if (kind == TaskKind::Classification) {
        std::vector<std::vector<std::int64_t>> parts, rows;
        for (const auto& t : e.texts) {
            parts.push_back(pieces(tok, t));
            if (f.entities) {
                const auto r = f.entities(t, std::vector<int>(parts.back().begin(), parts.back().end()));
                rows.emplace_back(r.begin(), r.end());
            }
        }
        const int budget = T - 1 - static_cast<int>(parts.size());  // open + one separator or close per text
        for (;;) {
            int total = 0;
            for (const auto& p : parts) total += static_cast<int>(p.size());
            if (total <= budget) break;
            auto longest = std::max_element(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
            if (f.entities) rows[static_cast<std::size_t>(longest - parts.begin())].pop_back();
            longest->pop_back();
        }
        x.ids.push_back(f.open);
        x.types.push_back(0);
        if (f.entities) x.entities.push_back(-1);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            x.ids.insert(x.ids.end(), parts[i].begin(), parts[i].end());
            x.types.insert(x.types.end(), parts[i].size(), static_cast<std::int64_t>(i));
            if (f.entities) {
                x.entities.insert(x.entities.end(), rows[i].begin(), rows[i].end());
                x.entities.push_back(-1);
            }
            const bool last = i + 1 == parts.size();
            x.ids.push_back(last ? f.close : f.delim);
            x.types.push_back(static_cast<std::int64_t>(i));
        }
        x.label = e.label;
        x.readout = f.gpt ? static_cast<int>(x.ids.size()) - 1 : 0;
    } else {
        x.ids.push_back(f.open);
        x.tokenLabels.push_back(-100);
        for (std::size_t i = 0; i < e.words.size(); ++i) {
            // GPT's byte-level BPE marks a word's start with its leading space.
            const auto p = pieces(tok, f.gpt && i > 0 ? " " + e.words[i] : e.words[i]);
            if (p.empty() || static_cast<int>(x.ids.size() + p.size()) > T - 1) {
                x.wordPos.push_back(-1);
                continue;
            }
            const int at = static_cast<int>(x.ids.size()) + (f.gpt ? static_cast<int>(p.size()) - 1 : 0);
            x.ids.insert(x.ids.end(), p.begin(), p.end());
            x.tokenLabels.insert(x.tokenLabels.end(), p.size(), -100);
            x.tokenLabels[static_cast<std::size_t>(at)] = e.tags[i];
            x.wordPos.push_back(at);
        }
        x.ids.push_back(f.close);
        x.tokenLabels.push_back(-100);
        x.types.assign(x.ids.size(), 0);
    }
    return x;
}

std::vector<SpanWindow> encodeSpanExample(const Tokenizer& tok, const TaskInputFormat& f, const TaskExample& e, int maxQueryTokens, int docStride)
{
    std::vector<std::int64_t> q = pieces(tok, e.texts.empty() ? std::string() : e.texts[0]);
    if (static_cast<int>(q.size()) > maxQueryTokens) q.resize(static_cast<std::size_t>(std::max(0, maxQueryTokens)));
    // The passage's sub-tokens and their words; GPT's byte-level BPE marks a word that
    // follows a space with a leading space.
    std::vector<std::int64_t> doc;
    std::vector<int> docWord, firstTok(e.words.size(), -1), lastTok(e.words.size(), -1);
    for (std::size_t i = 0; i < e.words.size(); ++i) {
        bool space = i > 0;
        if (i > 0 && i < e.offsets.size())
            space = e.offsets[i] > e.offsets[i - 1] + static_cast<int>(e.words[i - 1].size());
        const auto p = pieces(tok, f.gpt && space ? " " + e.words[i] : e.words[i]);
        if (p.empty()) continue;
        firstTok[i] = static_cast<int>(doc.size());
        doc.insert(doc.end(), p.begin(), p.end());
        docWord.insert(docWord.end(), p.size(), static_cast<int>(i));
        lastTok[i] = static_cast<int>(doc.size()) - 1;
    }
    int goldA = -1, goldB = -1;
    if (e.answerFirst >= 0 && e.answerLast >= e.answerFirst && static_cast<std::size_t>(e.answerLast) < e.words.size()) {
        goldA = firstTok[static_cast<std::size_t>(e.answerFirst)];
        goldB = lastTok[static_cast<std::size_t>(e.answerLast)];
    }
    const int qn = static_cast<int>(q.size());
    const int room = std::max(1, f.seqLen - qn - 3);
    const auto spans = squad::windowSpans(static_cast<int>(doc.size()), room, docStride);
    std::vector<SpanWindow> out;
    for (std::size_t w = 0; w < spans.size(); ++w) {
        const auto [ws, wl] = spans[w];
        SpanWindow x;
        auto put = [&](std::int64_t id, std::int64_t type, int word, bool maxCtx) {
            x.ids.push_back(id);
            x.types.push_back(type);
            x.tokenWord.push_back(word);
            x.maxContext.push_back(maxCtx ? 1 : 0);
        };
        put(f.open, 0, -1, false);
        for (auto id : q) put(id, 0, -1, false);
        put(f.delim, 0, -1, false);
        const int passageStart = static_cast<int>(x.ids.size());
        for (int k = 0; k < wl; ++k)
            put(doc[static_cast<std::size_t>(ws + k)], 1, docWord[static_cast<std::size_t>(ws + k)], squad::isMaxContext(spans, static_cast<int>(w), ws + k));
        put(f.close, 1, -1, false);
        x.nullPos = f.gpt ? static_cast<int>(x.ids.size()) - 1 : 0;
        x.startLabel = x.endLabel = x.nullPos;
        if (goldA >= 0 && goldB >= 0 && goldA >= ws && goldB < ws + wl) {
            x.startLabel = passageStart + goldA - ws;
            x.endLabel = passageStart + goldB - ws;
        }
        out.push_back(std::move(x));
    }
    return out;
}

std::string taskTokenName(const Tokenizer& tok, const TaskInputFormat& f, std::int64_t id)
{
    if (f.gpt && id == f.open) return "<start>";
    if (f.gpt && id == f.delim) return "<delim>";
    if (f.gpt && id == f.close) return "<extract>";
    return id >= 0 && id < tok.vocabSize() ? tok.token(static_cast<int>(id)) : "?";
}

std::vector<TaskInputPreview> previewTaskInputs(const std::string& checkpointDir, const std::string& taskName, int count, int seqLen,
                                                std::uint64_t taskSeed)
{
    namespace fs = std::filesystem;
    const fs::path cfg = fs::path(checkpointDir) / "config.json";
    if (!fs::exists(cfg)) throw Error(checkpointDir + " has no config.json", "choose a checkpoint folder, e.g. resources/models/bert-mini-brown");
    const auto cj = nlohmann::json::parse(readTextFile(cfg), nullptr, false);
    if (cj.is_discarded()) throw Error(cfg.string() + " is not valid JSON");
    const ModelConfig c = ModelConfig::fromJson(cj);
    const auto tok = loadTokenizer(checkpointDir);
    const Task task = buildTask(taskName, taskSeed);
    const TaskInputFormat f = TaskInputFormat::forModel(*tok, c.family == Family::Gpt2, c.vocab_size, seqLen);
    std::vector<TaskInputPreview> out;
    for (int i = 0; i < count && i < static_cast<int>(task.train.size()); ++i) {
        const TaskExample& e = task.train[static_cast<std::size_t>(i)];
        if (task.kind == TaskKind::Span) {
            // Each window of the passage, the question in front of it; the label names the gold answer.
            const auto wins = encodeSpanExample(*tok, f, e);
            for (std::size_t w = 0; w < wins.size(); ++w) {
                TaskInputPreview p;
                for (std::size_t k = 0; k < wins[w].ids.size(); ++k) {
                    p.tokens.push_back(taskTokenName(*tok, f, wins[w].ids[k]));
                    p.types.push_back(static_cast<int>(wins[w].types[k]));
                }
                const bool inside = wins[w].startLabel != wins[w].nullPos;
                p.label = (e.answers.empty() ? std::string("no answer") : "answer \"" + e.answers.front() + "\"") + " (window " +
                          std::to_string(w + 1) + " of " + std::to_string(wins.size()) +
                          (e.answers.empty() ? std::string(")") : inside ? ", the answer is in it)" : ", the answer is not in it: its target is the no-answer position)");
                p.readout = inside ? wins[w].startLabel : wins[w].nullPos;
                out.push_back(std::move(p));
            }
            continue;
        }
        const TaskInput x = encodeTaskExample(*tok, f, task.kind, e, task.symmetric);
        if (!x.choiceIds.empty()) {
            // One sequence per candidate, the right one named.
            for (std::size_t c = 0; c < x.choiceIds.size(); ++c) {
                TaskInputPreview p;
                for (std::size_t k = 0; k < x.choiceIds[c].size(); ++k) {
                    p.tokens.push_back(taskTokenName(*tok, f, x.choiceIds[c][k]));
                    p.types.push_back(static_cast<int>(x.choiceTypes[c][k]));
                }
                p.readout = x.choiceReadout[c];
                if (task.kind == TaskKind::MultipleChoice) p.label = task.labels[c] + (static_cast<int>(c) == e.label ? " (the true next sentence)" : "");
                else p.label = task.labels[static_cast<std::size_t>(e.label)] + (c == 0 ? " (order a, b)" : " (order b, a; the two scores are summed)");
                out.push_back(std::move(p));
            }
            continue;
        }
        TaskInputPreview p;
        for (std::size_t k = 0; k < x.ids.size(); ++k) {
            p.tokens.push_back(taskTokenName(*tok, f, x.ids[k]));
            p.types.push_back(static_cast<int>(x.types[k]));
        }
        p.readout = task.kind == TaskKind::Classification ? x.readout : -1;
        p.labelled = x.wordPos;
        if (task.kind == TaskKind::Classification) p.label = task.labels[static_cast<std::size_t>(e.label)];
        for (int g : e.tags) p.tags.push_back(task.labels[static_cast<std::size_t>(g)]);
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace ptl

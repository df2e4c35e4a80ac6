// Lessons: guided chapters as data files, their runs, measures and export.
#include "core/api/Lessons.h"
#include "core/api/Evaluate.h"
#include "core/api/FewShot.h"
#include "core/api/ParameterCount.h"
#include "core/api/Runs.h"
#include "core/api/Tasks.h"
#include "core/api/ZeroShot.h"
#include "core/store/RunStore.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Runtime.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

namespace fs = std::filesystem;
using nlohmann::json;

namespace ptl {

const std::vector<std::string>& lessonViews()
{
    static const std::vector<std::string> views = {"curves",   "inspect",  "masking", "replaced", "distill",
                                                   "finetune", "generate", "fewshot", "dynamics", "knowledge"};
    return views;
}

namespace {

const std::vector<std::string>& measureFormats()
{
    static const std::vector<std::string> f = {"ratio", "percent", "count", "loss"};
    return f;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// Reads "field" of j as text in both languages; throws naming the file and the field.
LessonText text(const json& j, const std::string& field, const std::string& where, bool required = true)
{
    LessonText t;
    if (!j.contains(field)) {
        if (required) throw Error(where + ": \"" + field + "\" is missing", "give it as {\"ko\": \"...\", \"en\": \"...\"}");
        return t;
    }
    const json& v = j.at(field);
    if (!v.is_object() || !v.contains("ko") || !v.contains("en") || !v.at("ko").is_string() || !v.at("en").is_string())
        throw Error(where + ": \"" + field + "\" needs both \"ko\" and \"en\" as text", "{\"ko\": \"...\", \"en\": \"...\"}");
    t.ko = v.at("ko").get<std::string>();
    t.en = v.at("en").get<std::string>();
    if (t.ko.empty() || t.en.empty()) throw Error(where + ": \"" + field + "\" has an empty language", "write both the Korean and the English text");
    return t;
}

std::string str(const json& j, const std::string& field, const std::string& where, bool required = true)
{
    if (!j.contains(field)) {
        if (required) throw Error(where + ": \"" + field + "\" is missing");
        return {};
    }
    if (!j.at(field).is_string()) throw Error(where + ": \"" + field + "\" must be text");
    return j.at(field).get<std::string>();
}

std::vector<std::string> strings(const json& j, const std::string& field, const std::string& where)
{
    std::vector<std::string> out;
    if (!j.contains(field)) return out;
    if (!j.at(field).is_array()) throw Error(where + ": \"" + field + "\" must be a list of text");
    for (const json& v : j.at(field)) {
        if (!v.is_string()) throw Error(where + ": \"" + field + "\" must be a list of text");
        out.push_back(v.get<std::string>());
    }
    return out;
}

fs::path shippedModelsDir() { return resourceDir() / "models"; }

// "shipped:NAME" -> NAME when NAME is a plain folder name; empty otherwise.
std::string shippedName(const std::string& ref)
{
    if (ref.rfind("shipped:", 0) != 0) return {};
    const std::string name = ref.substr(8);
    if (name.empty() || name.find('/') != std::string::npos || name.find("..") != std::string::npos) return {};
    return name;
}

std::string formatValue(double v, const std::string& format)
{
    char b[64];
    if (format == "percent") std::snprintf(b, sizeof b, "%.1f%%", 100 * v);
    else if (format == "count") std::snprintf(b, sizeof b, "%.0f", v);
    else std::snprintf(b, sizeof b, "%.3f", v);
    return b;
}

// The latest run of this name in the store (0: none), with its status.
std::int64_t latestRunNamed(const RunStoreClient& store, const std::string& name, std::string* status = nullptr)
{
    std::int64_t id = 0;
    for (const RunSummary& s : store.runs())
        if (s.name == name && s.id > id) {
            id = s.id;
            if (status) *status = s.status;
        }
    return id;
}

// A checkpoint evaluated on the documents its training held out: the seed and share from
// its card (shipped models) or its run's configuration (the lesson's runs).
std::map<std::string, double> evaluateModel(const std::string& ref, const LessonResult& r, const std::string& storePath,
                                            const RunStoreClient& store)
{
    const std::string dir = lessonModelDir(ref, r.runIds, storePath);
    HeldOutOptions o;
    std::error_code ec;
    if (fs::exists(fs::path(dir) / "card.json", ec)) {
        const json card = json::parse(readTextFile(fs::path(dir) / "card.json"));
        const json opts = card.value("held_out", json::object()).value("options", json::object());
        o.seed = opts.value("seed", o.seed);
        o.heldOut = opts.value("held_out", o.heldOut);
        o.spaceSentences = opts.value("space_sentences", o.spaceSentences);
    } else if (ref.rfind("run:", 0) == 0) {
        const JobSpec spec = JobSpec::fromJson(json::parse(store.configJson(r.runIds.at(ref.substr(4)))));
        o.seed = spec.train.seed;
        o.heldOut = spec.train.held_out;
        o.spaceSentences = spec.train.space_sentences;
    }
    return evaluateHeldOut(dir, o).metrics;
}

// evaluateModels false: the measures of models (held-out metrics, zero- and few-shot
// tasks: seconds each) stay unknown, only the store is read.
void computeMeasures(const Lesson& lesson, const std::string& storePath, LessonResult& r, bool evaluateModels = true)
{
    RunStoreClient store(storePath);
    r.measured.clear();
    std::map<std::string, std::map<std::string, double>> evaluated;  // model ref -> its held-out metrics
    std::map<std::pair<std::string, std::string>, ZeroShotResult> zeroShots;      // (model, task): every row at once
    std::map<std::tuple<std::string, std::string, int, int>, FewShotResult> fewShots;  // (model, task, K, items)
    for (const LessonMeasure& m : lesson.measures) {
        LessonMeasured out;
        out.id = m.id;
        const auto it = r.runIds.find(m.run);
        if (!m.model.empty() && !evaluateModels) {
            // left unknown: the caller reads the store only
        } else if (!m.zeroshot.empty() || !m.fewshot.empty()) {
            try {
                const std::string dir = lessonModelDir(m.model, r.runIds, storePath);
                if (!m.zeroshot.empty()) {
                    ZeroShotOptions o;
                    o.items = m.items;
                    const auto key = std::make_pair(m.model + "#" + std::to_string(m.items), m.zeroshot);
                    if (!zeroShots.count(key)) zeroShots[key] = runZeroShot(dir, m.zeroshot, o);
                    const ZeroShotResult& z = zeroShots.at(key);
                    for (const ZeroShotRow& row : z.rows)
                        if (row.kind == m.row || row.name == m.row) {
                            out.value = m.score == "f1" ? row.f1 : m.score == "rouge_l" ? row.rougeL : row.accuracy;
                            out.known = out.value >= 0;
                            break;
                        }
                } else {
                    FewShotOptions o;
                    o.ks = {m.k};
                    o.items = m.items;
                    const auto key = std::make_tuple(m.model, m.fewshot, m.k, m.items);
                    if (!fewShots.count(key)) fewShots[key] = runFewShot(dir, m.fewshot, o);
                    const FewShotResult& f = fewShots.at(key);
                    const FewShotKResult& byK = f.byK.at(0);
                    out.value = m.score == "per_token" ? byK.accuracyPerToken
                                : m.score == "relative" ? byK.accuracyRelative
                                : m.score == "chance" ? f.chance
                                : m.score == "answer_only" ? f.answerOnly
                                                          : byK.accuracy;
                    out.known = true;
                }
            } catch (const std::exception&) {
                out.known = false;  // the model is not there yet (a run not done): unknown
            }
        } else if (!m.model.empty()) {
            try {
                if (!evaluated.count(m.model)) evaluated[m.model] = evaluateModel(m.model, r, storePath, store);
                const auto& metrics = evaluated.at(m.model);
                if (const auto v = metrics.find(m.metric); v != metrics.end() && std::isfinite(v->second)) {
                    out.value = v->second;
                    out.known = true;
                }
            } catch (const std::exception&) {
                evaluated[m.model] = {};  // not there (a run not done yet): unknown, not an error
            }
        } else if (it != r.runIds.end() && it->second > 0) {
            if (!m.metric.empty()) {
                const double v = lastMetricValue(store.metrics(it->second), m.metric);
                if (std::isfinite(v)) {
                    out.value = v;
                    out.known = true;
                }
            } else {
                try {
                    const JobSpec spec = JobSpec::fromJson(json::parse(store.configJson(it->second)));
                    const ParameterBreakdown c = countParameters(spec.model);
                    out.value = static_cast<double>(m.parameters == "total" ? c.total : c.attention + c.ffn + c.final_norm);
                    out.known = true;
                } catch (const std::exception&) {
                }
            }
        }
        out.text = out.known ? formatValue(out.value, m.format) : "–";
        r.measured.push_back(out);
    }
    auto find = [&](const std::string& id) -> const LessonMeasured* {
        for (const auto& m : r.measured)
            if (m.id == id) return &m;
        return nullptr;
    };
    const LessonMeasured* a = find(lesson.check.a);
    const LessonMeasured* b = lesson.check.b.empty() ? nullptr : find(lesson.check.b);
    r.verdict = -1;
    if (a && a->known && (lesson.check.b.empty() || (b && b->known))) {
        const double rhs = b ? b->value : lesson.check.value;
        r.verdict = (lesson.check.op == "<" ? a->value < rhs : a->value > rhs) ? 1 : 0;
    }
}

} // namespace

Lesson parseLesson(const std::string& jsonText, const std::string& file)
{
    const std::string where = file.empty() ? std::string("lesson") : file;
    json j;
    try {
        j = json::parse(jsonText);
    } catch (const json::exception& e) {
        throw Error(where + ": not valid JSON (" + e.what() + ")", "check the file with a JSON validator");
    }
    if (!j.is_object()) throw Error(where + ": a lesson is one JSON object");
    Lesson l;
    l.file = file;
    try {
        l.id = str(j, "id", where);
        if (!j.contains("chapter") || !j.at("chapter").is_number_integer()) throw Error(where + ": \"chapter\" must be a whole number");
        l.chapter = j.at("chapter").get<int>();
        l.paper = str(j, "paper", where);
        l.title = text(j, "title", where);
        l.idea = text(j, "idea", where);
        l.claim = text(j, "claim", where);
        l.view = str(j, "view", where);
        if (j.contains("minutes")) {
            if (!j.at("minutes").is_number_integer()) throw Error(where + ": \"minutes\" must be a whole number");
            l.minutes = j.at("minutes").get<int>();
        }
        if (j.contains("runs")) {
            if (!j.at("runs").is_array()) throw Error(where + ": \"runs\" must be a list");
            for (const json& rj : j.at("runs")) {
                const std::string w = where + ": a run";
                LessonRun r;
                r.id = str(rj, "id", w);
                const std::string rw = where + ": run '" + r.id + "'";
                r.preset = str(rj, "preset", rw, false);
                if (rj.contains("finetune")) {
                    r.finetune_task = str(rj.at("finetune"), "task", rw + " finetune");
                    r.from = str(rj.at("finetune"), "from", rw + " finetune");
                }
                if (rj.contains("distill")) {
                    r.distill_method = str(rj.at("distill"), "method", rw + " distill");
                    r.teacher = str(rj.at("distill"), "teacher", rw + " distill");
                }
                r.set = strings(rj, "set", rw);
                r.label = text(rj, "label", rw);
                l.runs.push_back(r);
            }
        }
        if (j.contains("focus")) {
            const json& f = j.at("focus");
            if (!f.is_object()) throw Error(where + ": \"focus\" must be an object");
            l.focus.model = str(f, "model", where + ": focus", false);
            l.focus.metric = str(f, "metric", where + ": focus", false);
            l.focus.text = str(f, "text", where + ": focus", false);
            l.focus.task = str(f, "task", where + ": focus", false);
            if (f.contains("layer")) l.focus.layer = f.at("layer").get<int>();
            if (f.contains("head")) l.focus.head = f.at("head").get<int>();
        }
        if (!j.contains("look") || !j.at("look").is_array()) throw Error(where + ": \"look\" (the steps of what to look at) must be a list");
        for (std::size_t i = 0; i < j.at("look").size(); ++i) {
            json holder = {{"step", j.at("look").at(i)}};
            l.look.push_back(text(holder, "step", where + ": look[" + std::to_string(i) + "]"));
        }
        l.question = text(j, "question", where);
        l.answer = text(j, "answer", where);
        if (j.contains("measures")) {
            if (!j.at("measures").is_array()) throw Error(where + ": \"measures\" must be a list");
            for (const json& mj : j.at("measures")) {
                LessonMeasure m;
                m.id = str(mj, "id", where + ": a measure");
                const std::string mw = where + ": measure '" + m.id + "'";
                m.run = str(mj, "run", mw, false);
                m.model = str(mj, "model", mw, false);
                m.zeroshot = str(mj, "zeroshot", mw, false);
                m.fewshot = str(mj, "fewshot", mw, false);
                if (mj.contains("row")) m.row = str(mj, "row", mw);
                if (mj.contains("score")) m.score = str(mj, "score", mw);
                if (mj.contains("k")) m.k = mj.at("k").get<int>();
                if (mj.contains("items")) m.items = mj.at("items").get<int>();
                m.metric = str(mj, "metric", mw, false);
                m.parameters = str(mj, "parameters", mw, false);
                if (mj.contains("format")) m.format = str(mj, "format", mw);
                m.label = text(mj, "label", mw);
                l.measures.push_back(m);
            }
        }
        if (j.contains("check")) {
            const json& c = j.at("check");
            l.check.a = str(c, "a", where + ": check");
            l.check.op = str(c, "op", where + ": check");
            if (c.contains("b") && c.at("b").is_string()) l.check.b = c.at("b").get<std::string>();
            else if (c.contains("b") && c.at("b").is_number()) l.check.value = c.at("b").get<double>();
            else throw Error(where + ": check needs \"b\": a measure's id or a number");
        }
        l.reproduced = text(j, "reproduced", where);
        l.not_reproduced = text(j, "not_reproduced", where);
    } catch (const json::exception& e) {
        throw Error(where + ": a field has the wrong type (" + e.what() + ")");
    }
    return l;
}

std::vector<Lesson> loadLessons(const std::string& dir)
{
    const fs::path folder = dir.empty() ? resourceDir() / "lessons" : fs::path(dir);
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw Error("no lessons folder at " + folder.string(), "the lessons ship in resources/lessons");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(folder))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<Lesson> out;
    for (const fs::path& f : files) out.push_back(parseLesson(readTextFile(f), f.string()));
    std::stable_sort(out.begin(), out.end(), [](const Lesson& a, const Lesson& b) { return a.chapter < b.chapter; });
    return out;
}

Lesson lessonById(const std::string& id, const std::string& dir)
{
    std::string ids;
    for (Lesson& l : loadLessons(dir)) {
        if (l.id == id) return l;
        ids += (ids.empty() ? "" : ", ") + l.id;
    }
    throw Error("no lesson '" + id + "'", "lessons: " + ids);
}

std::string lessonRunName(const Lesson& lesson, const LessonRun& run) { return "lesson " + lesson.id + ": " + run.id; }

std::string lessonModelDir(const std::string& ref, const std::map<std::string, std::int64_t>& runIds, const std::string& storePath)
{
    if (const std::string name = shippedName(ref); !name.empty()) {
        const fs::path dir = shippedModelsDir() / name;
        if (!fs::exists(dir / "config.json")) throw Error("the shipped model '" + name + "' is not in " + shippedModelsDir().string());
        return dir.string();
    }
    if (ref.rfind("run:", 0) == 0) {
        const auto it = runIds.find(ref.substr(4));
        if (it == runIds.end() || it->second <= 0) throw Error("'" + ref + "' names a run of the lesson that has not run yet");
        const std::string ckpt = RunStoreClient(storePath).lastCheckpoint(it->second);
        if (ckpt.empty()) throw Error("run " + std::to_string(it->second) + " ('" + ref + "') has no checkpoint");
        return ckpt;
    }
    throw Error("'" + ref + "' names no model", "write shipped:NAME (resources/models/NAME) or run:ID (a run of this lesson)");
}

JobSpec lessonJobSpec(const Lesson& lesson, const LessonRun& run, const std::map<std::string, std::int64_t>& runIds,
                      const std::string& storePath, const std::vector<std::string>& extraSet)
{
    JobSpec spec;
    if (!run.finetune_task.empty()) spec = JobSpec::forFinetuning(lessonModelDir(run.from, runIds, storePath), run.finetune_task);
    else if (!run.distill_method.empty()) spec = JobSpec::forDistillation(lessonModelDir(run.teacher, runIds, storePath), run.distill_method);
    else spec = JobSpec::fromPreset(run.preset);
    spec.setAll(run.set);
    spec.setAll(extraSet);
    spec.name = lessonRunName(lesson, run);
    if (const std::string problem = spec.validate(); !problem.empty())
        throw Error("lesson " + lesson.id + ", run '" + run.id + "': " + problem);
    return spec;
}

std::string validateLesson(const Lesson& l)
{
    std::vector<std::string> problems;
    auto bad = [&](const std::string& p) { problems.push_back(p); };
    if (l.id.empty()) bad("no id");
    if (l.chapter < 1) bad("chapter must be 1 or more");
    if (!contains(lessonViews(), l.view)) bad("unknown view '" + l.view + "'");
    if (l.look.size() < 2 || l.look.size() > 4) bad("look has " + std::to_string(l.look.size()) + " steps (2 to 4)");
    if (l.minutes < 1 || l.minutes > 10) bad("minutes must be 1 to 10 (a lesson fits in 10 minutes on 2 cores)");
    auto modelRef = [&](const std::string& ref, const std::set<std::string>& earlier, const std::string& where) {
        if (const std::string name = shippedName(ref); !name.empty()) {
            if (!fs::exists(shippedModelsDir() / name / "config.json")) bad(where + ": no shipped model '" + name + "'");
        } else if (ref.rfind("run:", 0) == 0) {
            if (!earlier.count(ref.substr(4))) bad(where + ": '" + ref + "' is not an earlier run of the lesson");
        } else {
            bad(where + ": '" + ref + "' is neither shipped:NAME nor run:ID");
        }
    };
    std::set<std::string> runs;
    for (const LessonRun& r : l.runs) {
        const std::string where = "run '" + r.id + "'";
        if (r.id.empty() || runs.count(r.id)) bad("run ids must be unique and not empty ('" + r.id + "')");
        const int kinds = !r.preset.empty() + !r.finetune_task.empty() + !r.distill_method.empty();
        if (kinds != 1) bad(where + ": give exactly one of preset, finetune, distill");
        JobSpec probe;
        try {
            probe = JobSpec::fromPreset(r.preset.empty() ? "bert-tiny" : r.preset);
        } catch (const Error& e) {
            bad(where + ": " + e.message());
        }
        if (!r.finetune_task.empty()) {
            bool known = false;
            for (const TaskInfo& t : taskList()) known |= t.name == r.finetune_task;
            if (!known) bad(where + ": unknown fine-tuning task '" + r.finetune_task + "'");
            modelRef(r.from, runs, where);
        }
        if (!r.distill_method.empty()) {
            if (r.distill_method != "distilbert" && r.distill_method != "tinybert") bad(where + ": distill method must be distilbert or tinybert");
            modelRef(r.teacher, runs, where);
        }
        for (const std::string& kv : r.set) {
            try {
                probe.setAll({kv});
            } catch (const Error& e) {
                bad(where + ": " + e.message());
            }
        }
        runs.insert(r.id);
    }
    std::set<std::string> measures;
    for (const LessonMeasure& m : l.measures) {
        const std::string where = "measure '" + m.id + "'";
        if (m.id.empty() || measures.count(m.id)) bad("measure ids must be unique and not empty ('" + m.id + "')");
        if (!m.zeroshot.empty() || !m.fewshot.empty()) {
            if (m.model.empty() || !m.metric.empty() || !m.parameters.empty() || (!m.zeroshot.empty() && !m.fewshot.empty()))
                bad(where + ": a task's measure gives a model and one of zeroshot, fewshot");
            bool known = false;
            if (!m.zeroshot.empty())
                for (const auto& t : zeroShotTaskList()) known |= t.name == m.zeroshot;
            for (const auto& t : fewShotTaskList()) known |= t.name == m.fewshot;
            if (!known) bad(where + ": unknown task '" + m.zeroshot + m.fewshot + "'");
            static const std::vector<std::string> zs = {"accuracy", "f1", "rouge_l"}, fs = {"accuracy", "per_token", "relative", "chance", "answer_only"};
            if (!contains(m.zeroshot.empty() ? fs : zs, m.score)) bad(where + ": unknown score '" + m.score + "'");
            if (m.k < 0 || m.items < 1) bad(where + ": k must be 0 or more and items 1 or more");
            if (!m.model.empty()) modelRef(m.model, runs, where);
        } else if (!m.model.empty()) {
            if (!m.run.empty() || !m.parameters.empty() || m.metric.empty()) bad(where + ": a model's measure gives model and metric only");
            modelRef(m.model, runs, where);
        } else {
            if (!runs.count(m.run)) bad(where + ": no run '" + m.run + "' in the lesson");
            if (m.metric.empty() == m.parameters.empty()) bad(where + ": give exactly one of metric, parameters");
        }
        if (!m.parameters.empty() && m.parameters != "total" && m.parameters != "non_embedding")
            bad(where + ": parameters must be total or non_embedding");
        if (!contains(measureFormats(), m.format)) bad(where + ": unknown format '" + m.format + "'");
        measures.insert(m.id);
    }
    if (!l.measures.empty()) {
        if (!measures.count(l.check.a)) bad("check: a must name a measure");
        if (l.check.op != "<" && l.check.op != ">") bad("check: op must be < or >");
        if (!l.check.b.empty() && !measures.count(l.check.b)) bad("check: b must name a measure or be a number");
    }
    if (!l.focus.model.empty()) modelRef(l.focus.model, runs, "focus");
    if (!l.focus.task.empty()) {
        bool known = false;
        for (const TaskInfo& t : taskList()) known |= t.name == l.focus.task;
        for (const auto& t : fewShotTaskList()) known |= t.name == l.focus.task;
        for (const auto& t : zeroShotTaskList()) known |= t.name == l.focus.task;
        if (!known) bad("focus: unknown task '" + l.focus.task + "'");
    }
    if (l.runs.empty() && l.focus.model.empty()) bad("a lesson needs a run or a model to open (focus.model)");
    std::string out;
    for (const std::string& p : problems) out += (out.empty() ? "" : "\n") + p;
    return out;
}

LessonResult runLesson(const Lesson& lesson, const std::string& storePath, LessonObserver& observer, StopToken& stop,
                       const std::vector<std::string>& extraSet)
{
    const auto t0 = std::chrono::steady_clock::now();
    LessonResult r;
    r.lesson = lesson.id;
    r.status = "completed";
    for (const LessonRun& run : lesson.runs) {
        if (stop.stopRequested()) {
            r.status = "cancelled";
            break;
        }
        const JobSpec spec = lessonJobSpec(lesson, run, r.runIds, storePath, extraSet);
        bool reused = false;
        const RunOutcome out = runOrReuseJob(spec, storePath, observer, stop, reused, [&](const std::string& what) { observer.phase(what); });
        r.runIds[run.id] = out.runId;
        r.reused[run.id] = reused;
        if (out.status != "completed") {
            r.status = out.status == "cancelled" ? "cancelled" : "failed";
            r.message = spec.name + ": " + out.status + (out.message.empty() ? "" : " (" + out.message + ")");
            break;
        }
    }
    computeMeasures(lesson, storePath, r);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

LessonResult lessonResultFromStore(const Lesson& lesson, const std::string& storePath, bool evaluateModels)
{
    LessonResult r;
    r.lesson = lesson.id;
    r.status = "completed";
    {
        RunStoreClient store(storePath);
        for (const LessonRun& run : lesson.runs) {
            std::string status;
            const std::int64_t id = latestRunNamed(store, lessonRunName(lesson, run), &status);
            if (id) r.runIds[run.id] = id;
            if (!id || status != "completed") r.status = id ? status : "not run";
        }
    }
    computeMeasures(lesson, storePath, r, evaluateModels);
    return r;
}

namespace {

std::string escapeXml(const std::string& s)
{
    std::string o;
    for (char c : s) {
        if (c == '<') o += "&lt;";
        else if (c == '>') o += "&gt;";
        else if (c == '&') o += "&amp;";
        else if (c == '"') o += "&quot;";
        else o += c;
    }
    return o;
}

// A line chart of one metric of several runs against step, as plain SVG.
std::string curvesSvg(const std::string& metric, const std::vector<std::pair<std::string, std::vector<MetricPoint>>>& series)
{
    const double W = 720, H = 420, L = 70, R = 20, T = 40, B = 50;
    double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
    for (const auto& [name, pts] : series)
        for (const auto& p : pts) {
            x0 = std::min(x0, double(p.step));
            x1 = std::max(x1, double(p.step));
            y0 = std::min(y0, p.value);
            y1 = std::max(y1, p.value);
        }
    std::ostringstream s;
    s << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << W << "\" height=\"" << H << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"" << L << "\" y=\"24\" font-size=\"14\">" << escapeXml(metric) << "</text>\n";
    if (x1 < x0) {
        s << "<text x=\"" << L << "\" y=\"" << H / 2 << "\">no points</text>\n</svg>\n";
        return s.str();
    }
    if (x1 == x0) x1 = x0 + 1;
    if (y1 == y0) y1 = y0 + 1;
    const double pad = 0.05 * (y1 - y0);
    y0 -= pad;
    y1 += pad;
    auto px = [&](double x) { return L + (x - x0) / (x1 - x0) * (W - L - R); };
    auto py = [&](double y) { return T + (y1 - y) / (y1 - y0) * (H - T - B); };
    s << "<line x1=\"" << L << "\" y1=\"" << H - B << "\" x2=\"" << W - R << "\" y2=\"" << H - B << "\" stroke=\"black\"/>\n"
      << "<line x1=\"" << L << "\" y1=\"" << T << "\" x2=\"" << L << "\" y2=\"" << H - B << "\" stroke=\"black\"/>\n";
    char b[64];
    for (int i = 0; i <= 4; ++i) {
        const double y = y0 + (y1 - y0) * i / 4, x = x0 + (x1 - x0) * i / 4;
        std::snprintf(b, sizeof b, "%.3g", y);
        s << "<text x=\"" << L - 6 << "\" y=\"" << py(y) + 4 << "\" text-anchor=\"end\">" << b << "</text>\n";
        std::snprintf(b, sizeof b, "%.0f", x);
        s << "<text x=\"" << px(x) << "\" y=\"" << H - B + 18 << "\" text-anchor=\"middle\">" << b << "</text>\n";
    }
    s << "<text x=\"" << (L + W - R) / 2 << "\" y=\"" << H - 10 << "\" text-anchor=\"middle\">step</text>\n";
    static const char* colours[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    int k = 0;
    for (const auto& [name, pts] : series) {
        const char* c = colours[k % 6];
        s << "<polyline fill=\"none\" stroke=\"" << c << "\" stroke-width=\"2\" points=\"";
        for (const auto& p : pts) s << px(double(p.step)) << "," << py(p.value) << " ";
        s << "\"/>\n<text x=\"" << W - R - 4 << "\" y=\"" << T + 16 * (k + 1) << "\" text-anchor=\"end\" fill=\"" << c << "\">"
          << escapeXml(name) << "</text>\n";
        ++k;
    }
    s << "</svg>\n";
    return s.str();
}

} // namespace

std::vector<std::string> exportLesson(const Lesson& l, const LessonResult& r, const std::string& storePath, const std::string& dir,
                                      const std::string& lang)
{
    const std::string other = lang == "ko" ? "en" : "ko";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error("cannot create the folder " + dir + " (" + ec.message() + ")", "choose a folder you can write to");
    // The folder's runs.sqlite is replaced: only ever a previous export's, never a store of
    // runs (the one the lesson ran in, or any other) that happens to live there.
    const fs::path lessonStore = fs::path(dir) / "runs.sqlite";
    if (fs::exists(lessonStore, ec) &&
        (fs::equivalent(lessonStore, storePath, ec) || !fs::exists(fs::path(dir) / "result.json", ec)))
        throw Error("the folder " + dir + " already holds a run store (runs.sqlite) that is not a lesson export",
                    "export into an empty folder or a previous export of a lesson; nothing was written");
    std::vector<std::string> written;
    auto write = [&](const std::string& name, const std::string& bytes) {
        const fs::path p = fs::path(dir) / name;
        writeFileAtomic(p, bytes);
        written.push_back(p.string());
    };
    // lesson.md: the lesson in the chosen language, then the other.
    std::ostringstream md;
    const bool ko = lang == "ko";
    for (const std::string& lg : {lang, other}) {
        const bool k = lg == "ko";
        md << "# " << l.title.in(lg) << "\n\n*" << l.paper << "*\n\n" << l.idea.in(lg) << "\n\n**" << (k ? "논문의 주장" : "The paper's claim")
           << "**: " << l.claim.in(lg) << "\n\n## " << (k ? "무엇을 볼까" : "What to look at") << "\n\n";
        for (std::size_t i = 0; i < l.look.size(); ++i) md << i + 1 << ". " << l.look[i].in(lg) << "\n";
        md << "\n## " << (k ? "측정한 값" : "Measured") << "\n\n| " << (k ? "측정" : "measure") << " | " << (k ? "값" : "value") << " |\n|---|---|\n";
        for (std::size_t i = 0; i < l.measures.size() && i < r.measured.size(); ++i)
            md << "| " << l.measures[i].label.in(lg) << " | " << r.measured[i].text << " |\n";
        md << "\n**" << (k ? "판정" : "Verdict") << "**: "
           << (r.verdict == 1 ? l.reproduced.in(lg)
                              : r.verdict == 0 ? l.not_reproduced.in(lg) : std::string(k ? "아직 측정되지 않았습니다." : "Not measured yet."))
           << "\n\n## " << (k ? "질문" : "Question") << "\n\n" << l.question.in(lg) << "\n\n<details><summary>" << (k ? "답" : "Answer")
           << "</summary>\n\n" << l.answer.in(lg) << "\n\n</details>\n\n";
        if (lg == lang) md << "---\n\n";
    }
    (void)ko;
    write("lesson.md", md.str());
    // result.json
    json runs = json::object();
    for (const auto& [id, runId] : r.runIds) runs[id] = {{"run_id", runId}, {"reused", r.reused.count(id) ? r.reused.at(id) : true}};
    json measured = json::array();
    for (std::size_t i = 0; i < r.measured.size(); ++i)
        measured.push_back({{"id", r.measured[i].id},
                            {"label", i < l.measures.size() ? l.measures[i].label.in(lang) : ""},
                            {"value", r.measured[i].known ? json(r.measured[i].value) : json()},
                            {"text", r.measured[i].text}});
    write("result.json", json{{"lesson", l.id}, {"status", r.status}, {"message", r.message}, {"runs", runs}, {"measures", measured},
                              {"verdict", r.verdict == 1 ? "reproduced" : r.verdict == 0 ? "not reproduced" : "not measured"},
                              {"seconds", r.seconds}}
                             .dump(2) +
                         "\n");
    // Per-run CSV, the focus metric as SVG, and a store of the lesson's runs alone: each
    // run's rows read once.
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(lessonStore.string() + suffix, ec);
    std::vector<std::pair<std::string, std::vector<MetricPoint>>> series;
    {
        RunStore out(lessonStore);
        const RunStore in(storePath);
        for (const LessonRun& run : l.runs) {
            const auto it = r.runIds.find(run.id);
            if (it == r.runIds.end() || it->second <= 0) continue;
            write(run.id + ".csv", in.exportCsv(it->second));
            const std::vector<MetricRow> rows = in.metrics(it->second);
            std::vector<MetricPoint> pts;
            for (const MetricRow& m : rows)
                if (m.name == l.focus.metric) pts.push_back({m.step, m.name, m.value, m.wallTime});
            if (!pts.empty()) series.push_back({run.label.in(lang), pts});
            const std::optional<RunRecord> rec = in.run(it->second);
            if (!rec) continue;
            const std::int64_t id = out.createRun(rec->name, rec->configJson, rec->family, rec->objective);
            out.appendMetrics(id, rows);
            for (const SnapshotRow& sn : in.snapshots(it->second)) out.addSnapshot(id, sn.step, sn.kind, sn.payload, sn.wallTime);
            for (const CheckpointRow& c : in.checkpoints(it->second)) out.addCheckpoint(id, c.step, c.path);
            out.setOutDir(id, rec->outDir);
            out.setStatus(id, rec->status, rec->message);
        }
    }
    written.push_back(lessonStore.string());
    if (!l.focus.metric.empty()) write("curves.svg", curvesSvg(l.focus.metric, series));
    return written;
}

} // namespace ptl

#pragma once
// Lessons (issue 16): one guided lesson per chapter of the pre-training story, as data.
// A lesson is a JSON file under resources/lessons/ with its text in Korean and English
// side by side: the paper's claim, the runs it needs (each sized for a 2-core CPU), the
// view to show and where to point, 2-4 steps of what to look at, a question with its
// answer, and the measures that test the claim. No number in a lesson file is a result:
// every figure a lesson reports is computed from its own runs when the student runs it,
// and the claim is marked reproduced or not from those figures. Torch-free: the GUI reads
// and runs lessons through this header.
#include "core/api/Job.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ptl {

// Text in both languages ("ko" and "en" in the file).
struct LessonText {
    std::string ko, en;
    const std::string& in(const std::string& lang) const { return lang == "ko" ? ko : en; }
};

// A run the lesson trains. Exactly one of preset / finetune_task / distill_method is set.
//   pretrain: {"id": "mlm", "preset": "bert-tiny", "set": ["steps=300", ...]}
//   finetune: {"id": "ft", "finetune": {"from": "shipped:gpt-mini-brown", "task": "genre"}, "set": [...]}
//   distill:  {"id": "student", "distill": {"teacher": "shipped:bert-mini-brown", "method": "distilbert"}, "set": [...]}
// "from" and "teacher" name a model: "shipped:NAME" (resources/models/NAME) or "run:ID" (the
// final checkpoint of an earlier run of the same lesson).
struct LessonRun {
    std::string id;
    std::string preset;
    std::string finetune_task, from;
    std::string distill_method, teacher;
    std::vector<std::string> set;         // key=value, applied in order
    LessonText label;                     // how the lesson names this run ("BERT, MLM")
};

// A figure the lesson computes.
//   {"id": "loss", "run": "mlm", "metric": "eval_mlm_loss_ratio"}: the run's last value
//   {"id": "n", "run": "mlm", "parameters": "total" | "non_embedding"}
//   {"id": "nsp", "model": "shipped:bert-mini-brown", "metric": "eval_nsp_accuracy"}: the
//     model evaluated now on its own held-out documents (core's evaluateHeldOut, the seed
//     and share from its card.json, or from the run's configuration for "run:ID")
//   {"id": "zs", "model": "shipped:gpt-mini-brown", "zeroshot": "lastword", "row": "model"}:
//     a zero-shot task's row (the model or a baseline: unigram, trigram, ...), its accuracy
//     ("score": f1 or rouge_l for the tasks that report them)
//   {"id": "k4", "model": "...", "fewshot": "capitals-choice", "k": 4}: the accuracy at K
//     demonstrations ("score": per_token, relative, chance or answer_only)
// with "label" in both languages and "format": ratio | percent | count | loss; "items"
// (default 100) sets how many test items a task scores.
struct LessonMeasure {
    std::string id, run, model, metric, parameters, format = "ratio";
    std::string zeroshot, fewshot, row = "model", score = "accuracy";
    int k = 0, items = 100;
    LessonText label;
};

// The claim's test: measure a op (measure b, or a constant such as 1.0 for "below the
// unigram baseline", 0.5 for chance).
struct LessonCheck {
    std::string a, op, b;                 // op: "<" or ">"
    double value = 0;                     // when b is empty
};

// Where the lesson points in its view (each view reads what applies to it).
struct LessonFocus {
    std::string model;                    // "shipped:NAME" or "run:ID": the model the views open
    std::string metric;                   // curves: the metric drawn
    std::string text;                     // inspect, masking, replaced, generate: the input text
    std::string task;                     // finetune, zero-/few-shot: the task
    int layer = -1, head = -1;            // inspect: the head to show (0-based; -1: the view's choice)
};

struct Lesson {
    std::string id;
    int chapter = 0;
    std::string paper;                    // authors, year, title
    std::string file;                     // where it was read from
    LessonText title, idea, claim;
    std::vector<LessonRun> runs;
    std::string view;                     // one of lessonViews()
    LessonFocus focus;
    std::vector<LessonText> look;         // 2-4 steps of what to look at
    LessonText question, answer;
    std::vector<LessonMeasure> measures;
    LessonCheck check;
    LessonText reproduced, not_reproduced;  // what the lesson says in each case (why, when not)
    int minutes = 10;                     // the runs' budget on a 2-core CPU, as measured
};

// The views a lesson can open: curves, inspect, masking, replaced, distill, finetune,
// generate, fewshot, dynamics, knowledge (the workbench's central tabs).
const std::vector<std::string>& lessonViews();

// Parses one lesson file; throws ptl::Error naming the file and the field.
Lesson parseLesson(const std::string& jsonText, const std::string& file = {});
// Every lesson under resourceDir()/lessons (or dir), by chapter. Throws on the first bad file.
std::vector<Lesson> loadLessons(const std::string& dir = {});
// A lesson by id; throws ptl::Error listing the ids.
Lesson lessonById(const std::string& id, const std::string& dir = {});
// Empty when the lesson names only real presets, views, fields, tasks, shipped models and
// its own runs and measures; else every problem found, one per line.
std::string validateLesson(const Lesson& lesson);
// The job spec of one of the lesson's runs (runIds: lesson run id -> store run id of the
// runs already done, for "run:ID" references). Throws ptl::Error.
JobSpec lessonJobSpec(const Lesson& lesson, const LessonRun& run, const std::map<std::string, std::int64_t>& runIds,
                      const std::string& storePath, const std::vector<std::string>& extraSet = {});
// "shipped:NAME" or "run:ID" as a checkpoint folder.
std::string lessonModelDir(const std::string& ref, const std::map<std::string, std::int64_t>& runIds, const std::string& storePath);

struct LessonMeasured {
    std::string id;
    double value = 0;
    bool known = false;                   // false: the run did not finish or lacks the metric
    std::string text;                     // formatted as the measure's format says
};

struct LessonResult {
    std::string lesson;
    std::string status;                   // completed, cancelled, failed
    std::string message;
    std::map<std::string, std::int64_t> runIds;   // lesson run id -> store run id
    std::map<std::string, bool> reused;           // a completed run of the same name and settings was in the store
    std::vector<LessonMeasured> measured;
    int verdict = -1;                     // 1 reproduced, 0 not reproduced, -1 not known (a measure is missing)
    double seconds = 0;
};

class LessonObserver : public JobObserver {
public:
    virtual void phase(const std::string& what) {}
};

// Trains (or reuses, or resumes) the lesson's runs in order in the store, then computes
// its measures and the claim's verdict. extraSet: key=value for every run (e.g. threads).
LessonResult runLesson(const Lesson& lesson, const std::string& storePath, LessonObserver& observer, StopToken& stop,
                       const std::vector<std::string>& extraSet = {});
// The measures and verdict of a lesson whose runs are in the store (the latest completed
// run of each of its names), without training anything. evaluateModels false: the store is
// only read, and the measures that evaluate a model (seconds each) stay unknown.
LessonResult lessonResultFromStore(const Lesson& lesson, const std::string& storePath, bool evaluateModels = true);
// The store run name of a lesson run: "lesson ID: RUN".
std::string lessonRunName(const Lesson& lesson, const LessonRun& run);

// A folder a teacher can hand out: lesson.md (the text in the language, the other beside
// it, the measured figures and the verdict), result.json, RUN.csv (every metric of each
// run), curves.svg (the focus metric of every run against step), runs.sqlite (a store of
// the lesson's runs alone). Returns the files written. Throws ptl::Error.
std::vector<std::string> exportLesson(const Lesson& lesson, const LessonResult& result, const std::string& storePath,
                                      const std::string& dir, const std::string& lang = "ko");

} // namespace ptl

// experiment transfer: see core/api/Finetune.h.
#include "core/api/Finetune.h"
#include "core/api/Tasks.h"
#include "core/store/RunStore.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

namespace ptl {

TransferResult runTransferExperiment(const TransferOptions& o, const std::string& storePath, JobObserver& observer, StopToken& stop)
{
    namespace fs = std::filesystem;
    TransferResult r;
    r.task = o.task;
    r.checkpoint = o.checkpoint;
    r.status = "completed";
    const Task task = buildTask(o.task);  // fails early, with the list, on an unknown task
    r.simpleName = simpleBaselineName(task.kind);
    r.metric = taskMetric(task.kind);
    for (int size : o.sizes) {
        for (bool scratch : {false, true}) {
            if (stop.stopRequested()) {
                r.status = "cancelled";
                return r;
            }
            JobSpec s = JobSpec::forFinetuning(o.checkpoint, o.task);
            s.setAll(o.set);
            const int n = size > 0 ? std::min<int>(size, static_cast<int>(task.train.size())) : static_cast<int>(task.train.size());
            s.finetune.max_train_examples = size > 0 ? n : 0;
            s.finetune.from_scratch = scratch;
            const double want = o.epochs * n / std::max(1, s.train.batch_size);
            s.train.steps = std::clamp(static_cast<int>(std::ceil(want)), o.minSteps, o.maxSteps);
            s.train.warmup_steps = std::max(1, s.train.steps / 10);
            s.train.eval_every = std::max(1, std::min(s.train.eval_every, s.train.steps / 6));
            s.train.checkpoint_every = s.train.steps;
            s.name = o.task + (scratch ? " random init, " : " pre-trained, ") + (size > 0 ? std::to_string(n) : "all") + " examples";
            if (!o.outDir.empty()) s.out_dir = (fs::path(o.outDir) / ((scratch ? "scratch-" : "pretrained-") + (size > 0 ? std::to_string(n) : std::string("all")))).string();
            if (const std::string bad = s.validate(); !bad.empty()) throw Error("experiment transfer: " + bad, "check the --set values");
            const RunOutcome out = runJob(s, storePath, observer, stop);
            TransferArm a;
            a.examples = n;
            a.fromScratch = scratch;
            a.runId = out.runId;
            a.status = out.status;
            a.steps = out.lastStep;
            std::map<std::string, double> last;
            for (const auto& m : RunStore(storePath).metrics(out.runId)) last[m.name] = m.value;
            const std::string& m = r.metric;
            a.bestDev = last["best_dev_" + m];
            a.testScore = last["test_" + m];
            a.testMacroF1 = last["test_macro_f1"];
            a.testMajority = last["test_majority_" + m];
            a.testSimple = last["test_simple_" + m];
            r.arms.push_back(a);
            if (out.status != "completed") {
                r.status = out.status;
                r.message = "run " + std::to_string(out.runId) + " " + out.status + ": " + out.message;
                return r;
            }
        }
    }
    return r;
}

} // namespace ptl

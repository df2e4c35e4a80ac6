// Experiments made of ordinary runs: reuse a completed run, resume a stopped one.
#include "core/api/Job.h"
#include "core/api/Runs.h"

#include <nlohmann/json.hpp>

namespace ptl {

bool sameJobSettings(const JobSpec& spec, const std::string& storedJson)
{
    try {
        const JobSpec stored = JobSpec::fromJson(nlohmann::json::parse(storedJson));
        return spec.model.toJson() == stored.model.toJson() && spec.toJson().at("train") == stored.toJson().at("train") &&
               spec.toJson().value("distill", nlohmann::json()) == stored.toJson().value("distill", nlohmann::json()) &&
               spec.toJson().value("finetune", nlohmann::json()) == stored.toJson().value("finetune", nlohmann::json());
    } catch (const std::exception&) {
        return false;
    }
}

RunOutcome runOrReuseJob(const JobSpec& spec, const std::string& storePath, JobObserver& observer, StopToken& stop, bool& reused,
                         const std::function<void(const std::string&)>& phase)
{
    auto say = [&](const std::string& what) {
        if (phase) phase(what);
    };
    reused = false;
    std::int64_t existing = 0;
    std::string existingStatus;
    {
        RunStoreClient store(storePath);
        for (const RunSummary& s : store.runs())
            if (s.name == spec.name && s.id > existing && sameJobSettings(spec, store.configJson(s.id))) {
                existing = s.id;
                existingStatus = s.status;
            }
    }
    if (existing && existingStatus == "completed") {
        say("reusing run " + std::to_string(existing) + " (" + spec.name + ")");
        reused = true;
        RunOutcome out;
        out.runId = existing;
        out.status = "completed";
        return out;
    }
    if (existing && (existingStatus == "cancelled" || existingStatus == "interrupted" || existingStatus == "paused")) {
        say("resuming run " + std::to_string(existing) + " (" + spec.name + ")");
        return resumeJob(existing, storePath, observer, stop);
    }
    say("training " + spec.name);
    return runJob(spec, storePath, observer, stop);
}

} // namespace ptl

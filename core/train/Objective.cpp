#include "core/train/Objective.h"
#include "core/model/Checkpoint.h"
#include "core/model/StateDict.h"
#include "core/util/Error.h"

namespace ptl {

void Objective::saveModules(const std::filesystem::path& dir, const std::map<std::string, std::string>& meta)
{
    TransformerModel m = model();
    saveCheckpoint(dir, m, tok(), meta);
}

void Objective::loadModules(const std::filesystem::path& dir)
{
    TransformerModel m = model();
    importStateDict(m, SafetensorsFile::open(dir / "model.safetensors"));
}

Batch Objective::trainBatch(std::int64_t) const
{
    throw Error("this objective trains on the corpus's batches (it has no data of its own)");
}

std::unique_ptr<Objective> makeObjective(const ObjectiveContext& ctx)
{
    if (ctx.spec->finetune.active()) return makeFinetuneObjective(ctx);
    if (ctx.spec->distill.active()) return makeDistillObjective(ctx);
    if (ctx.spec->model.family == Family::Electra) return makeElectraObjective(ctx);
    return makePretrainObjective(ctx);
}

} // namespace ptl

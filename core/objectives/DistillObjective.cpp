// Distillation in the training loop: the student learns from the teacher's outputs
// (DistilBERT's soft targets, MLM and cosine; TinyBERT's attention, hidden-state and
// prediction losses; core/train/Distiller.h) and is evaluated as a masked LM on the
// held-out batches, with the teacher's score on the same batches beside it.
#include "core/objectives/PretrainObjective.h"
#include "core/train/Autocast.h"
#include "core/train/Distiller.h"

#include <optional>

namespace ptl {
namespace {

class DistillObjective final : public PretrainObjective {
public:
    explicit DistillObjective(const ObjectiveContext& ctx) : PretrainObjective(ctx), distiller_(spec(), model_) {}

    void initFresh() override { distiller_.initStudent(); }

    std::vector<std::pair<std::string, torch::Tensor>> parameters() override
    {
        auto params = PretrainObjective::parameters();
        for (auto& p : distiller_.auxParameters()) params.push_back(p);
        return params;
    }

    void recordBaselines() override {}  // the student's loss mixes terms no unigram model scores

    torch::Tensor microBatch(const Batch& b, double, bool) override
    {
        Distiller::Parts d = distiller_.loss(b);
        values_ = std::move(d.values);  // the log shows the last micro-batch's terms
        return d.total;
    }

    void logStep() override
    {
        for (const auto& [k, v] : values_) record(k, v);
    }

    void evaluate() override
    {
        // The teacher on the same held-out batches: the line the student is measured against.
        if (!teacherEval_) {
            double lossAcc = 0, accAcc = 0;
            std::int64_t n = 0;
            for (int i = 0; i < data().evalBatchCount(); ++i) {
                std::int64_t k = 0;
                AutocastScope ac(ctx_.bf16);
                const auto [l, a] = distiller_.teacherMlm(data().evalBatch(i), &k);
                lossAcc += l * static_cast<double>(k);
                accAcc += a * static_cast<double>(k);
                n += k;
            }
            teacherEval_ = std::pair{lossAcc / std::max<std::int64_t>(1, n), accAcc / std::max<std::int64_t>(1, n)};
        }
        record("teacher_eval_mlm_loss", teacherEval_->first);
        record("teacher_eval_mlm_accuracy", teacherEval_->second);
        PretrainObjective::evaluate();  // the student as a masked LM
    }

    void saveState(NamedTensors& state) const override
    {
        for (auto& [name, t] : distiller_.auxParameters()) state.emplace_back(name, t.detach().clone());
    }

    void loadState(const SafetensorsFile& state) override
    {
        torch::NoGradGuard ng;
        for (auto& [name, t] : distiller_.auxParameters()) t.copy_(state.tensor(name));
    }

private:
    Distiller distiller_;
    std::vector<std::pair<std::string, double>> values_;
    std::optional<std::pair<double, double>> teacherEval_;
};

} // namespace

std::unique_ptr<Objective> makeDistillObjective(const ObjectiveContext& ctx) { return std::make_unique<DistillObjective>(ctx); }

} // namespace ptl

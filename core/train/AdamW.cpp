#include "core/train/AdamW.h"
#include "core/util/Error.h"

#include <ATen/Parallel.h>
#include <cmath>

namespace ptl {

AdamW::AdamW(std::vector<std::pair<std::string, torch::Tensor>> params, AdamWOptions options)
    : params_(std::move(params)), opt_(options)
{
    for (const auto& [name, p] : params_) {
        m_.push_back(torch::zeros_like(p));
        v_.push_back(torch::zeros_like(p));
        decay_.push_back(p.dim() >= 2);
    }
}

void AdamW::setLrScales(std::vector<double> scales)
{
    if (!scales.empty() && scales.size() != params_.size())
        throw Error("AdamW: " + std::to_string(scales.size()) + " learning-rate scales for " + std::to_string(params_.size()) + " parameters");
    lrScale_ = std::move(scales);
}

void AdamW::zeroGrad()
{
    for (auto& [name, p] : params_)
        if (p.grad().defined()) p.mutable_grad().reset();
}

double AdamW::gradNorm() const
{
    double sum = 0;
    for (const auto& [name, p] : params_) {
        if (!p.grad().defined()) continue;
        const double n = p.grad().norm().item<double>();
        sum += n * n;
    }
    return std::sqrt(sum);
}

void AdamW::step(double lr, double gradScale)
{
    torch::NoGradGuard ng;
    ++step_;
    const double bc1 = 1.0 - std::pow(opt_.beta1, static_cast<double>(step_));
    const double bc2 = 1.0 - std::pow(opt_.beta2, static_cast<double>(step_));
    const float invBc2Sqrt = static_cast<float>(1.0 / std::sqrt(bc2));
    const float b1 = static_cast<float>(opt_.beta1), b2 = static_cast<float>(opt_.beta2);
    const float eps = static_cast<float>(opt_.eps), scale = static_cast<float>(gradScale);
    for (std::size_t i = 0; i < params_.size(); ++i) {
        auto& p = params_[i].second;
        if (!p.grad().defined()) continue;
        const auto g = p.grad().to(torch::kFloat32).contiguous();
        TORCH_CHECK(p.is_contiguous() && p.scalar_type() == torch::kFloat32, "AdamW expects contiguous fp32 parameters");
        const double lri = lr * lrScale(i);
        const float stepSize = static_cast<float>(lri / bc1);
        const float decay = decay_[i] ? static_cast<float>(1.0 - lri * opt_.weightDecay) : 1.0f;
        float* pp = p.data_ptr<float>();
        float* mp = m_[i].data_ptr<float>();
        float* vp = v_[i].data_ptr<float>();
        const float* gp = g.data_ptr<float>();
        at::parallel_for(0, p.numel(), 16384, [&](int64_t begin, int64_t end) {
            for (int64_t k = begin; k < end; ++k) {
                const float gk = gp[k] * scale;
                const float m = b1 * mp[k] + (1.0f - b1) * gk;
                const float v = b2 * vp[k] + (1.0f - b2) * gk * gk;
                mp[k] = m;
                vp[k] = v;
                pp[k] = pp[k] * decay - stepSize * m / (std::sqrt(v) * invBc2Sqrt + eps);
            }
        });
    }
}

NamedTensors AdamW::state() const
{
    NamedTensors out;
    for (std::size_t i = 0; i < params_.size(); ++i) {
        out.emplace_back("exp_avg." + params_[i].first, m_[i]);
        out.emplace_back("exp_avg_sq." + params_[i].first, v_[i]);
    }
    return out;
}

void AdamW::loadState(const SafetensorsFile& f, std::int64_t steps)
{
    torch::NoGradGuard ng;
    for (std::size_t i = 0; i < params_.size(); ++i) {
        for (auto [prefix, dst] : {std::pair{"exp_avg.", &m_[i]}, std::pair{"exp_avg_sq.", &v_[i]}}) {
            const std::string name = prefix + params_[i].first;
            torch::Tensor t = f.tensor(name);
            if (t.sizes() != dst->sizes())
                throw Error(f.label() + ": optimizer state '" + name + "' does not match the model", "the checkpoint belongs to another configuration");
            dst->copy_(t);
        }
    }
    step_ = steps;
}

} // namespace ptl

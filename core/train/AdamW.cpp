#include "core/train/AdamW.h"
#include "core/util/Error.h"

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

void AdamW::zeroGrad()
{
    for (auto& [name, p] : params_)
        if (p.grad().defined()) p.mutable_grad().zero_();
}

void AdamW::step(double lr)
{
    torch::NoGradGuard ng;
    ++step_;
    const double bc1 = 1.0 - std::pow(opt_.beta1, static_cast<double>(step_));
    const double bc2 = 1.0 - std::pow(opt_.beta2, static_cast<double>(step_));
    const double stepSize = lr / bc1;
    const double bc2Sqrt = std::sqrt(bc2);
    for (std::size_t i = 0; i < params_.size(); ++i) {
        auto& p = params_[i].second;
        const auto& g = p.grad();
        if (!g.defined()) continue;
        if (decay_[i] && opt_.weightDecay > 0) p.mul_(1.0 - lr * opt_.weightDecay);
        m_[i].mul_(opt_.beta1).add_(g, 1.0 - opt_.beta1);
        v_[i].mul_(opt_.beta2).addcmul_(g, g, 1.0 - opt_.beta2);
        auto denom = (v_[i].sqrt() / bc2Sqrt).add_(opt_.eps);
        p.addcdiv_(m_[i], denom, -stepSize);
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
